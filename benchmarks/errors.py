"""Error anatomy: where each claim pipeline loses against PolNeAR gold claims.

    python benchmarks/errors.py [--polnear ../shared/polnear] [--split dev]
        [--pipeline rules|trained ...] [--limit N] [--output PATH] [--markdown]

Runs the rules pipeline (``claimattr.load("rules")``) and/or the default trained pipeline
(``claimattr.load("trained")``: the shipped model combined with the rules) over a PolNeAR split and classifies EVERY mismatch between
predicted and gold claims, document by document. Claims are paired one-to-one exactly as the
project scorer pairs them for its matched-claim figures (content overlap, cue overlap breaking
ties; ``greedy_match`` + ``claim_score`` from the scoring module), boundaries are compared on
offsets trimmed of whitespace and punctuation with the scorer's ``trim``, and the attribution
verdicts come from the scorer's own ``attribution_score`` matching, so every count here adds up
to the figures of ``benchmarks/accuracy.py``.

Categories (a claim can be in several; each is counted):
- ``missed``: gold claim whose content no predicted content overlaps; ``spurious``: the reverse.
- ``unpaired_gold`` / ``unpaired_pred``: left out of the one-to-one pairing (missed + shadowed).
- paired claims: ``content_exact``, ``start_early``, ``start_late``, ``end_long``, ``end_short``,
  ``content_pieces`` (same trimmed extent, different pieces: a gap around an inserted speaker tag)
  with ``.cause`` sub-rows for the cheaply detectable causes (``includes_cue``,
  ``includes_source``, ``quote_speaker_tag``, ``sentence_boundary``, ``addressee_before_comp``,
  ``complementiser``, ``inside_np``, ...); one boundary error can have several causes or none.
- ``cue_wrong`` (trimmed cue not equal; ``.overlapping`` / ``.disjoint``), ``source_wrong``
  (both have a source, no overlap), ``source_inexact`` (overlap but not equal),
  ``source_missing``, ``source_spurious``.
- ``merged``: a predicted content overlapping >= 2 mutually disjoint gold contents (nested gold
  claims do not count); ``split``: a gold content overlapped by >= 2 disjoint predicted contents.
- ``attribution_fn.*`` / ``attribution_fp.*``: why each gold (predicted) claim failed the scorer's
  attribution match: a partition, so each row is the most true positives fixing that would add.

For missed gold claims: the cue lemma (root of the cue span in the pipeline's own parse; ``in
lexicon`` = in the rules' cue lexicon) and a rough construction class. Complementarity: gold
claims found (content overlap), exact (trimmed content) and attributed by one pipeline only.

PolNeAR is copyrighted: the JSON holds counts and examples as document name + character offsets
only, never corpus text.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

import claimattr

from claimattr.readers.brat import make_doc, read_split
from claimattr.scoring.claims import ClaimView, attribution_score, claim_score
from claimattr.scoring.spans import greedy_match, overlap, trim

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"
DEFAULT_OUTPUT = ROOT / "benchmarks" / "results" / "errors_polnear_dev.json"
PIPELINES = ("rules", "trained")
MAX_EXAMPLES = 5
TOP_LEMMAS = 40

Range = Tuple[int, int]

COMPLEMENTISERS = {"that", "whether", "if", "how", "why", "what", "when", "where", "who"}
THOUGHT_VERBS = {
    "want", "believe", "think", "back", "support", "plan", "expect", "hope", "fear", "oppose",
    "intend", "consider", "feel", "know", "favor", "favour", "seek", "aim", "endorse", "prefer",
    "agree", "disagree", "doubt", "suspect", "worry", "wish", "decide", "predict", "vow",
    "promise", "pledge", "refuse", "reject", "push", "urge", "like", "love", "hate", "assume",
    "suggest", "see", "view", "regard", "understand", "realize", "realise", "recognize",
    "recognise", "figure", "guess", "imagine", "trust", "accept", "embrace", "welcome",
    "propose", "insist", "threaten", "try", "hold", "remain", "concern", "confident", "convinced",
}
STANCE_LEMMAS = {"be", "have", "seem", "appear", "look", "sound", "remain", "stay"}
SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z]")
OPEN_QUOTES = "\"“‘«„"
CLOSE_QUOTES = "\"”’»"


# --------------------------------------------------------------------------- small helpers


def cue_lexicon() -> Tuple[Set[str], Set[str]]:
    """The lemmas that can fire as cues in the rules' lexicon (verbs, nouns, phrase names), and
    those named only in a restriction list (clause_only_verbs, ...) without being a cue verb,
    which the detector therefore never fires on. Found wherever the package now keeps it."""
    package = Path(claimattr.__file__).parent
    for path in sorted(package.rglob("cues.json")):
        data = json.loads(path.read_text(encoding="utf8"))
        cues = set(data.get("verbs", [])) | set(data.get("nouns", []))
        cues |= {name.replace("_", " ") for name in data.get("phrases", {})}
        listed = {w for key, value in data.items() if key.endswith("_verbs") and isinstance(value, (list, dict))
                  for w in value}
        return {w.lower() for w in cues}, {w.lower() for w in listed} - {w.lower() for w in cues}
    return set(), set()


def trimmed_extent(text: str, ranges: Sequence[Range]) -> Range:
    return trim(text, min(s for s, _ in ranges), max(e for _, e in ranges))


def trimmed_pieces(text: str, ranges: Sequence[Range]) -> Tuple[Range, ...]:
    return tuple(trim(text, s, e) for s, e in ranges)


def tokens_in(doc: Any, start: int, end: int) -> List[Any]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start and not t.is_space]


def span_root(doc: Any, start: int, end: int) -> Optional[Any]:
    """The syntactic root of the tokens covering [start, end): the one whose head is outside."""
    toks = tokens_in(doc, start, end)
    if not toks:
        return None
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    pick = roots or toks
    verbs = [t for t in pick if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ")]
    return (verbs or pick)[0]


def cue_lemma(doc: Any, start: int, end: int) -> str:
    text = doc.text[start:end].strip().lower()
    if re.fullmatch(r"according\s+to", text):
        return "according to"
    root = span_root(doc, start, end)
    return root.lemma_.lower() if root is not None else text


def words(text: str) -> List[str]:
    return re.findall(r"[A-Za-z']+", text)


def has_sentence_boundary(doc: Any, start: int, end: int) -> bool:
    """A sentence starts strictly inside (start, end): the parse's sentences, or . ! ? + capital."""
    if start >= end:
        return False
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            if start < sent.start_char < end and doc.text[start:sent.start_char].strip():
                if doc.text[sent.start_char:end].strip():
                    return True
    return bool(SENT_END.search(doc.text[start:end]))


def quote_then_tag(doc: Any, start: int, end: int, cue_words: Set[str]) -> bool:
    """A closing quote inside [start, end) followed within a few tokens by a reporting verb."""
    text = doc.text
    for pos in range(start, end):
        if text[pos] in CLOSE_QUOTES and (text[pos] != '"' or _closing_ascii(text, pos)):
            after = [t for t in doc if pos < t.idx <= pos + 60][:6]
            if any(t.lemma_.lower() in cue_words and t.pos_ in ("VERB", "AUX") for t in after):
                return True
    return False


def _closing_ascii(text: str, pos: int) -> bool:
    """A straight double quote closes when it follows a non-space and precedes space/punct."""
    before = text[pos - 1] if pos else " "
    return not before.isspace()


def stops_inside_np(doc: Any, end: int) -> bool:
    """The content ends on a token whose nominal phrase continues past it."""
    toks = [t for t in doc if t.idx < end and not t.is_space and not t.is_punct]
    if not toks:
        return False
    last = toks[-1]
    head = last
    while head.dep_ in ("amod", "compound", "det", "nummod", "poss", "nmod", "case", "quantmod") and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and head.right_edge.i > last.i:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        return nxt is not None and not (nxt.is_punct and nxt.text in ".;!?")
    return False


def overlaps(a: Sequence[Range], b: Optional[Sequence[Range]]) -> bool:
    return bool(b) and overlap(a, b) > 0


def disjoint_count(groups: Sequence[Tuple[Range, ...]]) -> int:
    """Size of a greedy set of mutually non-overlapping contents (nested ones count once)."""
    chosen: List[Tuple[Range, ...]] = []
    for ranges in sorted(groups, key=lambda r: min(s for s, _ in r)):
        if all(overlap(ranges, other) == 0 for other in chosen):
            chosen.append(ranges)
    return len(chosen)


# --------------------------------------------------------------------------- one document


class Anatomy:
    """Counts, examples and missed-cue tallies for one pipeline over a split."""

    def __init__(self, lexicon: Tuple[Set[str], Set[str]]) -> None:
        self.lexicon, self.restriction_only = lexicon
        self.counts: Counter = Counter()
        self.token_deltas: Dict[str, List[int]] = defaultdict(list)
        self.examples: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
        self.missed_lemmas: Counter = Counter()
        self.missed_constructions: Counter = Counter()
        self.gold_claims = 0
        self.pred_claims = 0
        self.per_gold: Dict[Tuple[str, int], Dict[str, bool]] = {}

    def add(self, category: str, doc_name: str, gold: Optional[Sequence[Range]] = None,
            pred: Optional[Sequence[Range]] = None) -> None:
        self.counts[category] += 1
        if len(self.examples[category]) < MAX_EXAMPLES:
            example: Dict[str, Any] = {"doc": doc_name}
            if gold:
                example["gold"] = list(_extent(gold))
            if pred:
                example["pred"] = list(_extent(pred))
            self.examples[category].append(example)

    # ..................................................................... per document

    def document(self, name: str, doc: Any, gold_claims: Sequence[Any], pred_claims: Sequence[Any]) -> None:
        text = doc.text
        gold = [ClaimView.of(c) for c in gold_claims if c.content]
        pred = [ClaimView.of(c) for c in pred_claims if c.content]
        self._gold, self._pred = gold, pred
        self.gold_claims += len(gold)
        self.pred_claims += len(pred)
        self.counts["gold_without_content"] += sum(not c.content for c in gold_claims)
        self.counts["pred_without_content"] += sum(not c.content for c in pred_claims)
        cue_words = self.lexicon | {"say", "tell", "add"}

        pairs = greedy_match([c.extent for c in pred], [c.extent for c in gold],
                             lambda i, j: claim_score(pred[i], gold[j]))
        gold_to_pred = {j: i for i, j in pairs}
        pred_to_gold = {i: j for i, j in pairs}
        attributed = greedy_match([c.extent for c in pred], [c.extent for c in gold],
                                  lambda i, j: attribution_score(pred[i], gold[j]))
        attr_gold = {j for _, j in attributed}
        attr_pred = {i for i, _ in attributed}
        touching_gold = {j: [i for i, p in enumerate(pred) if overlap(p.content, g.content) > 0]
                         for j, g in enumerate(gold)}
        touching_pred = {i: [j for j, g in enumerate(gold) if overlap(p.content, g.content) > 0]
                         for i, p in enumerate(pred)}
        pred_exact = {trimmed_pieces(text, p.content) for p in pred}

        for j, g in enumerate(gold):
            self.per_gold[(name, j)] = {
                "found": bool(touching_gold[j]),
                "exact": trimmed_pieces(text, g.content) in pred_exact,
                "attributed": j in attr_gold,
            }
            if not touching_gold[j]:
                self.add("missed", name, gold=g.content)
                self._missed(name, doc, g)
            if j not in gold_to_pred:
                self.add("unpaired_gold", name, gold=g.content)
            if disjoint_count([pred[i].content for i in touching_gold[j]]) >= 2:
                self.add("split", name, gold=g.content, pred=pred[touching_gold[j][0]].content)
            if j not in attr_gold:
                self._attribution_fn(name, g, j, gold_to_pred, pred, attr_pred)

        for i, p in enumerate(pred):
            if not touching_pred[i]:
                self.add("spurious", name, pred=p.content)
            if i not in pred_to_gold:
                self.add("unpaired_pred", name, pred=p.content)
            if disjoint_count([gold[j].content for j in touching_pred[i]]) >= 2:
                self.add("merged", name, gold=gold[touching_pred[i][0]].content, pred=p.content)
            if i not in attr_pred:
                self._attribution_fp(name, p, i, pred_to_gold, gold, attr_gold, touching_pred[i])

        for i, j in pairs:
            self._paired(name, doc, pred[i], gold[j], cue_words)

    # ..................................................................... attribution verdicts

    @staticmethod
    def _unpaired_reason(item: Any, others: Sequence[Any], own: Sequence[Any], paired: Dict[int, int]) -> str:
        """Why an overlapped item lost the one-to-one pairing: ``nested`` when the claim that took
        its partner overlaps it (nested or overlapping attributions on the same side), ``merged``
        when the partner spans it and a disjoint claim, ``missed`` / ``spurious`` when untouched."""
        partners = [k for k, o in enumerate(others) if overlap(o.content, item.content) > 0]
        if not partners:
            return "missed"
        owner = {v: k for k, v in paired.items()}
        for k in partners:
            rival = owner.get(k)
            if rival is not None and overlap(own[rival].content, item.content) > 0:
                return "nested"
        return "merged"

    @staticmethod
    def _why_not(p: Any, g: Any) -> str:
        reasons = []
        if overlap(p.cue, g.cue) <= 0:
            reasons.append("cue")
        if g.speaker is not None and p.speaker is None:
            reasons.append("source_missing")
        elif g.speaker is None and p.speaker is not None:
            reasons.append("source_spurious")
        elif g.speaker is not None and overlap(p.speaker, g.speaker) <= 0:
            reasons.append("source_wrong")
        return "+".join(reasons) or "pairing"

    def _attribution_fn(self, name: str, g: Any, j: int, gold_to_pred: Dict[int, int],
                        pred: Sequence[Any], attr_pred: Set[int]) -> None:
        if j not in gold_to_pred:
            reason = self._unpaired_reason(g, pred, self._gold, gold_to_pred)
        else:
            i = gold_to_pred[j]
            reason = "pair_taken" if i in attr_pred else self._why_not(pred[i], g)
        self.counts["attribution_fn"] += 1
        self.add(f"attribution_fn.{reason}", name, gold=g.content,
                 pred=pred[gold_to_pred[j]].content if j in gold_to_pred else None)

    def _attribution_fp(self, name: str, p: Any, i: int, pred_to_gold: Dict[int, int],
                        gold: Sequence[Any], attr_gold: Set[int], touched: Sequence[int]) -> None:
        if i not in pred_to_gold:
            reason = self._unpaired_reason(p, gold, self._pred, pred_to_gold) if touched else "spurious"
            reason = {"merged": "split_part", "nested": "overlaps_other_pred"}.get(reason, reason)
        else:
            j = pred_to_gold[i]
            reason = "pair_taken" if j in attr_gold else self._why_not(p, gold[j])
        self.counts["attribution_fp"] += 1
        self.add(f"attribution_fp.{reason}", name, pred=p.content,
                 gold=gold[pred_to_gold[i]].content if i in pred_to_gold else None)

    # ..................................................................... paired claims

    def _paired(self, name: str, doc: Any, p: Any, g: Any, cue_words: Set[str]) -> None:
        text = doc.text
        self.counts["paired"] += 1
        ps, pe = trimmed_extent(text, p.content)
        gs, ge = trimmed_extent(text, g.content)
        add = lambda cat: self.add(cat, name, gold=g.content, pred=p.content)  # noqa: E731
        boundary = False
        if ps < gs:
            boundary = True
            add("start_early")
            self._delta("start_early", doc, ps, gs)
            extra = (ps, gs)
            self._too_long("start_early", add, doc, extra, p, g, cue_words)
            between = words(text[ps:gs])
            if between and between[-1].lower() in COMPLEMENTISERS:
                add("start_early.addressee_before_comp" if len(between) > 1 else "start_early.complementiser")
        elif ps > gs:
            boundary = True
            add("start_late")
            self._delta("start_late", doc, gs, ps)
            self._too_short("start_late", add, doc, (gs, ps), p, g, cue_words)
        if pe > ge:
            boundary = True
            add("end_long")
            self._delta("end_long", doc, ge, pe)
            self._too_long("end_long", add, doc, (ge, pe), p, g, cue_words)
        elif pe < ge:
            boundary = True
            add("end_short")
            self._delta("end_short", doc, pe, ge)
            self._too_short("end_short", add, doc, (pe, ge), p, g, cue_words)
            if stops_inside_np(doc, pe):
                add("end_short.inside_np")
        if not boundary:
            if trimmed_pieces(text, p.content) == trimmed_pieces(text, g.content):
                add("content_exact")
            else:
                add("content_pieces")
                gaps = _gaps(g.content) if len(g.content) > len(p.content) else _gaps(p.content)
                if any(overlaps([gap], g.cue) or overlaps([gap], p.cue) for gap in gaps):
                    add("content_pieces.cue_in_gap")
        self._cue_source(name, text, p, g)

    def _too_long(self, cat: str, add: Any, doc: Any, extra: Range, p: Any, g: Any, cue_words: Set[str]) -> None:
        region = [extra]
        if overlaps(region, g.cue):
            add(f"{cat}.includes_cue")
        if overlaps(region, g.speaker):
            add(f"{cat}.includes_source")
        if quote_then_tag(doc, *extra, cue_words):
            add(f"{cat}.quote_speaker_tag")
        if has_sentence_boundary(doc, *extra):
            add(f"{cat}.sentence_boundary")

    def _too_short(self, cat: str, add: Any, doc: Any, missing: Range, p: Any, g: Any, cue_words: Set[str]) -> None:
        region = [missing]
        if has_sentence_boundary(doc, *missing):
            add(f"{cat}.sentence_boundary")
        if quote_then_tag(doc, *missing, cue_words) or overlaps(region, g.cue):
            add(f"{cat}.quote_speaker_tag")
        if overlaps(region, p.cue):
            add(f"{cat}.gold_spans_pred_cue")

    def _delta(self, cat: str, doc: Any, start: int, end: int) -> None:
        self.token_deltas[cat].append(len(tokens_in(doc, start, end)))

    def _cue_source(self, name: str, text: str, p: Any, g: Any) -> None:
        add = lambda cat: self.add(cat, name, gold=g.content, pred=p.content)  # noqa: E731
        if trimmed_pieces(text, p.cue) != trimmed_pieces(text, g.cue):
            add("cue_wrong")
            add("cue_wrong.overlapping" if overlap(p.cue, g.cue) > 0 else "cue_wrong.disjoint")
        if g.speaker is not None and p.speaker is None:
            add("source_missing")
        elif g.speaker is None and p.speaker is not None:
            add("source_spurious")
        elif g.speaker is not None:
            if overlap(p.speaker, g.speaker) <= 0:
                add("source_wrong")
            elif trimmed_pieces(text, p.speaker) != trimmed_pieces(text, g.speaker):
                add("source_inexact")

    # ..................................................................... missed claims

    def _missed(self, name: str, doc: Any, g: Any) -> None:
        (cs, ce), = [_extent(g.cue)]
        lemma = cue_lemma(doc, cs, ce)
        self.missed_lemmas[lemma] += 1
        construction = construction_class(doc, g, lemma, self.lexicon)
        self.missed_constructions[construction] += 1
        self.add(f"missed.{construction}", name, gold=g.content)

    def to_json(self) -> Dict[str, Any]:
        return {
            "gold_claims": self.gold_claims,
            "pred_claims": self.pred_claims,
            "counts": dict(sorted(self.counts.items())),
            "mean_tokens_off": {k: round(sum(v) / len(v), 2) for k, v in sorted(self.token_deltas.items()) if v},
            "missed_cue_lemmas": [
                {"lemma": lemma, "count": n, "in_lexicon": lemma in self.lexicon,
                 "only_in_restriction_list": lemma in self.restriction_only}
                for lemma, n in self.missed_lemmas.most_common(TOP_LEMMAS)
            ],
            "missed_constructions": dict(self.missed_constructions.most_common()),
            "examples": {k: v for k, v in sorted(self.examples.items())},
        }


def _extent(ranges: Sequence[Range]) -> Range:
    return min(s for s, _ in ranges), max(e for _, e in ranges)


def _gaps(ranges: Sequence[Range]) -> List[Range]:
    ordered = sorted(ranges)
    return [(a[1], b[0]) for a, b in zip(ordered, ordered[1:]) if b[0] > a[1]]


def construction_class(doc: Any, g: Any, lemma: str, lexicon: Set[str]) -> str:
    """A rough class for a gold claim, first match wins (order = how the rules must handle it)."""
    text = doc.text
    kind = g.claim.kind
    if lemma == "according to" or kind == "according_to":
        return "according_to"
    cue_text = text[slice(*_extent(g.cue))].strip()
    if cue_text and all(not ch.isalnum() for ch in cue_text):
        return "punctuation_cue"  # "NAME: ..." transcript labels, headline colons, dashes
    if kind in ("direct", "mixed"):
        return "direct_quote"
    if g.speaker is None:
        return "no_source"
    cs, ce = _extent(g.cue)
    root = span_root(doc, cs, ce)
    if root is not None and root.pos_ in ("NOUN", "PROPN"):
        return "noun_cue"
    if lemma in THOUGHT_VERBS:
        return "thought_position_verb"
    if lemma in STANCE_LEMMAS:
        return "copular_or_evidential"  # "is critical of", "has no illusions about", "seems"
    if root is not None and root.pos_ == "ADP":
        return "preposition_cue"  # "in polls", "for her", "to him"
    gs, _ = trimmed_extent(text, g.content)
    first = words(text[gs:gs + 20])[:1]
    before = words(text[max(0, gs - 12):gs])[-1:]
    if (first and first[0].lower() in COMPLEMENTISERS) or (before and before[0].lower() in COMPLEMENTISERS):
        return "indirect_complementiser"
    if root is not None and root.pos_ in ("VERB", "AUX"):
        return "other_verb_in_lexicon" if lemma in lexicon else "other_verb_not_in_lexicon"
    return "other"


# --------------------------------------------------------------------------- runs


def run_pipeline(system: str, articles: Sequence[Any], gold_docs: Sequence[Any], lexicon: Tuple[Set[str], Set[str]]) -> Tuple[Anatomy, float]:
    nlp = claimattr.load(pipeline=system)
    anatomy = Anatomy(lexicon)
    started = time.perf_counter()
    for article, gold_doc, doc in zip(articles, gold_docs, nlp.pipe((d.text for d in gold_docs), batch_size=8)):
        anatomy.document(article.name, doc, gold_doc._.claims, doc._.claims)
    return anatomy, time.perf_counter() - started


def gold_statistics(articles: Sequence[Any], gold_docs: Sequence[Any]) -> Dict[str, int]:
    """Annotation conventions that bound what a span extractor can get exact."""
    stats: Counter = Counter()
    for article, gold_doc in zip(articles, gold_docs):
        text = article.text
        for claim in gold_doc._.claims:
            view = ClaimView.of(claim)
            stats["claims"] += 1
            if not view.content:
                continue
            stats["content_pieces_2plus"] += len(view.content) > 1
            stats["content_contains_own_cue"] += overlap(view.content, view.cue) > 0
            stats["content_contains_own_source"] += bool(view.speaker) and overlap(view.content, view.speaker) > 0
            stats["no_source"] += view.speaker is None
            stats["content_spans_sentences"] += bool(SENT_END.search(text[slice(*_extent(view.content))]))
            stats["cue_punctuation_only"] += not any(ch.isalnum() for ch in text[slice(*_extent(view.cue))])
    return dict(stats)


def complementarity(runs: Dict[str, Anatomy]) -> Dict[str, Any]:
    if set(runs) != set(PIPELINES):
        return {}
    a, b = runs["rules"].per_gold, runs["trained"].per_gold
    result: Dict[str, Any] = {}
    for key in ("found", "exact", "attributed"):
        both = sum(a[k][key] and b[k][key] for k in a)
        rules_only = sum(a[k][key] and not b[k][key] for k in a)
        trained_only = sum(b[k][key] and not a[k][key] for k in a)
        neither = sum(not a[k][key] and not b[k][key] for k in a)
        result[key] = {"both": both, "rules_only": rules_only, "trained_only": trained_only,
                       "neither": neither, "union": both + rules_only + trained_only, "gold": len(a)}
    return result


# --------------------------------------------------------------------------- output


ROW_ORDER = ("gold_claims", "pred_claims", "paired", "unpaired_gold", "unpaired_pred", "missed", "spurious",
             "merged", "split", "content_exact", "start_early", "start_late", "end_long", "end_short",
             "content_pieces", "cue_wrong", "source_wrong", "source_inexact", "source_missing",
             "source_spurious", "attribution_fn", "attribution_fp")


def _row_key(name: str) -> Tuple[int, str]:
    head = name.split(".")[0]
    return (ROW_ORDER.index(head) if head in ROW_ORDER else len(ROW_ORDER), name)


def markdown(result: Dict[str, Any]) -> str:
    systems = list(result["pipelines"])
    counts = {s: {"gold_claims": result["pipelines"][s]["gold_claims"],
                  "pred_claims": result["pipelines"][s]["pred_claims"], **result["pipelines"][s]["counts"]}
              for s in systems}
    rows = sorted({k for c in counts.values() for k in c}, key=_row_key)
    lines = [f"### Error anatomy, PolNeAR {result['split']} ({result['docs']} documents)", "",
             "| category | " + " | ".join(systems) + " |", "|---|" + "---:|" * len(systems)]
    for row in rows:
        label = row if "." not in row else "&nbsp;&nbsp;" + row.split(".", 1)[0] + " · " + row.split(".", 1)[1]
        lines.append(f"| {label} | " + " | ".join(str(counts[s].get(row, 0)) for s in systems) + " |")
    for s in systems:
        lemmas = result["pipelines"][s]["missed_cue_lemmas"][:25]
        lines += ["", f"Missed gold claims, top cue lemmas ({s}; * = cue in the rules lexicon, "
                  "† = only in a restriction list, so never a cue): " +
                  ", ".join(f"{x['lemma']}{'*' if x['in_lexicon'] else '†' if x.get('only_in_restriction_list') else ''} {x['count']}" for x in lemmas)]
    comp = result.get("complementarity")
    if comp:
        lines += ["", "| gold claims | both | rules only | trained only | neither | union |",
                  "|---|---:|---:|---:|---:|---:|"]
        for key, c in comp.items():
            lines.append(f"| {key} | {c['both']} | {c['rules_only']} | {c['trained_only']} | {c['neither']} | {c['union']} / {c['gold']} |")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, data: Dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf8") as out:
            json.dump(data, out, indent=2, ensure_ascii=False)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR root (holds dev/, train/)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--pipeline", choices=PIPELINES, action="append",
                        help="rules or trained (repeatable; both by default)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON path")
    parser.add_argument("--markdown", action="store_true", help="print the markdown table")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    systems = args.pipeline or list(PIPELINES)
    articles = list(read_split(args.polnear, args.split, limit=args.limit))
    if not articles:
        raise SystemExit(f"no articles under {args.polnear / args.split}")
    gold_docs = [make_doc(a.text, a.claims) for a in articles]
    lexicon = cue_lexicon()
    runs: Dict[str, Anatomy] = {}
    seconds: Dict[str, float] = {}
    for system in systems:
        runs[system], seconds[system] = run_pipeline(system, articles, gold_docs, lexicon)
    result = {
        "corpus": "polnear", "split": args.split, "docs": len(articles),
        "claimattr_version": claimattr.__version__,
        "seconds": {s: round(t, 1) for s, t in seconds.items()},
        "pipelines": {s: runs[s].to_json() for s in systems},
        "complementarity": complementarity(runs),
        "gold_statistics": gold_statistics(articles, gold_docs),
    }
    write_atomic(args.output, result)
    if args.markdown:
        print(markdown(result))
    print(f"wrote {args.output}")
    return result


if __name__ == "__main__":
    main()
