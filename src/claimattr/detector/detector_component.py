"""``claim_detector``: rule-based detection of reported-speech claims (cue, content, kind).

The rules read the dependency parse: a cue is a reporting verb or noun from a data lexicon
(``data/cues.json``) that actually governs content (a clause, an object, a complement
preposition, or an adjacent quotation). Requiring content is what keeps "declined to comment"
or "has not claimed responsibility" out without a list of exceptions. Quotation regions come from
the characters (``quotes.py``), so multi-sentence and multi-paragraph quotes survive sentence
splitting. Speakers are left to ``speaker_linker``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import (
    Any,
    Dict,
    Iterable,
    List,
    Optional,
    Sequence,
    Set,
    Tuple,
)

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from claimattr.rules.component import RuleComponent
from claimattr.rules.syntax import DASHES, SUBJECT_DEPS, after_comma
from claimattr.schema import Claim, TextSpan
from claimattr.quotes import find_quote_regions, quote_marks
from claimattr.scoring.claims import score_claims
from claimattr.segmenter.segmenter_component import FURNITURE_SPANS, HEADLINE_SPANS

DEFAULT_LEXICON = Path(__file__).parent / "cues.json"
CONTENT_CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd", "dative")
IRREGULAR_FORMS = {
    "say": ["said"], "tell": ["told"], "think": ["thought"], "feel": ["felt"], "swear": ["swore", "sworn"],
    "find": ["found"], "write": ["wrote", "written"], "read": ["read"], "show": ["shown"], "hear": ["heard"],
    "learn": ["learnt"], "speak": ["spoke", "spoken"], "know": ["knew", "known"], "hold": ["held"],
}

Piece = Tuple[int, int]  # token range [start, end)


@Language.factory(
    "claim_detector",
    default_config={"lexicon_path": None, "skip_negated": True},
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.claims", "doc.spans"],
)
def make_claim_detector(
    nlp: Language, name: str, lexicon_path: Optional[str], skip_negated: bool
) -> "ClaimDetector":
    return ClaimDetector(nlp, name, lexicon_path=lexicon_path, skip_negated=skip_negated)


class ClaimDetector(RuleComponent):
    """Find claims; each gets a cue span, ordered content pieces and a kind."""

    settings = ("skip_negated",)
    scorer = staticmethod(score_claims)

    def __init__(
        self,
        nlp: Language,
        name: str = "claim_detector",
        *,
        lexicon_path: Optional[str] = None,
        skip_negated: bool = True,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.skip_negated = skip_negated
        self._compile(srsly.read_json(lexicon_path or DEFAULT_LEXICON))

    # ------------------------------------------------------------------ set-up
    def _compile(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.verbs: Set[str] = set(lexicon["verbs"])
        self.object_verbs: Set[str] = set(lexicon["object_content_verbs"])
        self.addressee_verbs: Set[str] = set(lexicon["addressee_verbs"])
        self.complement_preps: Dict[str, Set[str]] = {k: set(v) for k, v in lexicon["complement_preps"].items()}
        self.nouns: Set[str] = set(lexicon["nouns"])
        self.noun_preps: Set[str] = set(lexicon["noun_content_preps"])
        self.quote_pairs: List[List[str]] = lexicon["quote_pairs"]
        self.marks = quote_marks(self.quote_pairs)
        self.clause_only: Set[str] = set(lexicon.get("clause_only_verbs", []))
        self.quote_only: Set[str] = set(lexicon.get("quote_only_verbs", []))
        self.phrasal_preps: Dict[str, Set[str]] = {k: set(v) for k, v in lexicon.get("phrasal_preps", {}).items()}
        self.nested_in_quotes: bool = lexicon.get("nested_in_quotes", False)
        self.non_claim = [re.compile(pattern, re.IGNORECASE) for pattern in lexicon.get("non_claim_content", [])]
        self.frames: Dict[str, Dict[str, Set[str]]] = {
            verb: {key: set(values) for key, values in frame.items()} for verb, frame in lexicon.get("frame_verbs", {}).items()
        }
        self.verb_forms = _inflect(self.verbs)
        self.matcher = Matcher(self.vocab)
        for label, patterns in lexicon["phrases"].items():
            self.matcher.add(label, patterns)

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.find_claims(doc)
        return doc

    # ------------------------------------------------------------------ detection
    def find_claims(self, doc: Doc) -> List[Claim]:
        furniture = _token_set(doc, FURNITURE_SPANS)
        headlines = list(doc.spans[HEADLINE_SPANS]) if HEADLINE_SPANS in doc.spans else []
        headline_tokens = {t.i for span in headlines for t in span}
        regions = self._quote_spans(doc)
        phrase_cues = self._phrase_cues(doc)
        inside_phrases = {i for _, (start, end) in phrase_cues.values() for i in range(start, end)} - set(phrase_cues)
        found: List[Tuple[Piece, List[Piece], str]] = []
        quoted = set() if self.nested_in_quotes else {t.i for region in regions for t in region}
        for token in doc:
            if token.i in furniture or token.i in headline_tokens or token.i in inside_phrases or token.i in quoted:
                continue
            found.extend(self._token_claims(token, regions, phrase_cues))
        for headline in headlines:
            found.extend(self._headline_claims(headline))
        found = self._attach_continuations(doc, found, regions, furniture | headline_tokens)
        used = {t for _, pieces, _ in found for start, end in pieces for t in range(start, end)}
        found.extend(self._verbless_quote_claims(doc, regions, used, furniture | headline_tokens))
        claims = [self._make_claim(doc, cue, pieces, kind, regions, furniture) for cue, pieces, kind in _dedupe(found)]
        return [claim for claim in claims if claim is not None and not self._is_non_claim(claim)]

    def _is_non_claim(self, claim: Claim) -> bool:
        """"who asked not to be named": formulas about the source, not things it said."""
        return any(pattern.search(claim.content[0].text) for pattern in self.non_claim)

    def _token_claims(
        self, token: Token, regions: List[Span], phrase_cues: Dict[int, Tuple[str, Piece]]
    ) -> List[Tuple[Piece, List[Piece], str]]:
        if token.i in phrase_cues and phrase_cues[token.i][0] == "according_to":
            return self._according_to(token, phrase_cues[token.i][1])
        lemma = token.lemma_.lower()
        if lemma in self.verbs and token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") and lemma in self.verbs:
            cue = phrase_cues.get(token.i, ("verb", (token.i, token.i + 1)))[1]
            pieces = self._verb_content(token, regions)
            return [(self._cue_with_particles(token, cue), pieces, "")] if pieces else []
        if lemma in self.nouns and token.pos_ in ("NOUN", "PROPN"):
            pieces = self._noun_content(token)
            host = self._hosting_verb(token)
            cue = (host.i, host.i + 1) if host is not None else (token.i, token.i + 1)
            return [(cue, pieces, "")] if pieces else []
        return []

    def _hosting_verb(self, noun: Token) -> Optional[Token]:
        """"said in a statement that ...": the parser hangs the clause on the noun; the verb is the cue."""
        prep = noun.head
        if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("in", "via", "through", "during"):
            verb = prep.head
            if verb.lemma_.lower() in self.verbs and verb.pos_ in ("VERB", "AUX") and not _has_clause(verb):
                return verb
        return None

    # -- verbs
    def _verb_content(self, verb: Token, regions: List[Span]) -> List[Piece]:
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        if lemma in self.frames:
            return self._frame_content(verb, self.frames[lemma])
        if self.skip_negated and any(c.dep_ == "neg" for c in children) and not _has_clause(verb):
            return []
        if verb.dep_ == "amod" or verb.dep_ == "acl" and not _has_clause(verb) and not self._adjacent_quotes(verb, regions):
            return []
        if lemma in self.clause_only and not any(c.dep_ == "ccomp" for c in children):
            return []
        if lemma in self.quote_only:
            return [(q.start, q.end) for q in self._adjacent_quotes(verb, regions)]
        if _is_bare_infinitive(verb) and not _has_clause(verb):
            return []
        if _is_passive_modifier(verb) and not _has_clause(verb):
            return []
        if _is_agentless_passive(verb) and not _has_clause(verb) and lemma not in ("quote", "cite"):
            return []
        heads = [c for c in children if c.dep_ in CONTENT_CLAUSE_DEPS and not _is_subject_like(c)]
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in self.complement_preps.get(lemma, ())]
        objects = [c for c in children if c.dep_ in OBJECT_DEPS]
        clauses = [h for h in heads if h.dep_ == "ccomp"]
        if lemma in self.addressee_verbs and (clauses or self._adjacent_quotes(verb, regions)):
            objects = []
        elif clauses:
            objects = [o for o in objects if o.dep_ != "dative" and not _is_addressee(o, clauses)]
        elif not heads and lemma not in self.object_verbs and not preps and not any(o.dep_ == "oprd" for o in objects):
            objects = []
        if preps and not objects and not heads:
            preps = [c for prep in preps for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        content = heads + preps + objects
        if verb.dep_ == "parataxis" and not heads and _has_subject(verb):
            return self._parataxis_content(verb)
        if verb.dep_ == "relcl":
            return self._relative_content(verb, content)
        exclude = _cue_clause(verb, content) | self._appended_clauses(content)
        if _is_trailing_cue(verb, heads):
            boundary = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
            return _runs([t for t in verb.sent if t.i < boundary and not t.is_space])
        pieces = [_clip_speaker_tag(verb, piece, regions) for piece in _pieces(verb.doc, content, exclude=exclude)]
        if all(any(r.start <= s and e <= r.end + 1 for r in regions) for s, e in pieces):
            pieces = _merge(pieces + [(q.start, q.end) for q in self._adjacent_quotes(verb, regions)])
        return pieces

    def _frame_content(self, verb: Token, frame: Dict[str, Set[str]]) -> List[Piece]:
        """"put the death toll at nine": a verb that reports only with a given object and preposition."""
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in frame["objects"]]
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in frame["preps"]]
        return _pieces(verb.doc, objects + preps, exclude=set()) if objects and preps else []

    def _appended_clauses(self, content: List[Token]) -> Set[int]:
        """Clauses tacked on after a comma that are not part of what was said.

        ", describing the operation as ..." is a claim of its own (a participial cue), and
        ", though officials declined ..." is usually the reporter's aside; the parser often hangs
        both inside the content clause.
        """
        marks = set(self.lexicon.get("trailing_clause_marks", []))
        excluded: Set[int] = set()
        for head in content:
            for token in head.subtree:
                if token.dep_ != "advcl" or token.i == head.i or not after_comma(token):
                    continue
                participle = token.tag_ == "VBG" and token.lemma_.lower() in self.verbs
                concessive = any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)
                if participle or concessive:
                    excluded |= {t.i for t in token.subtree}
            excluded |= self._coordinated_cues(head)
        return excluded

    def _coordinated_cues(self, head: Token) -> Set[int]:
        """"said X and urged Y": the parser often coordinates "urged" inside X; it is a claim of its own."""
        excluded: Set[int] = set()
        for token in head.subtree:
            if token.dep_ == "conj" and token.i != head.i and token.lemma_.lower() in self.verbs and not _has_subject(token):
                conjunctions = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
                start = max(conjunctions) if conjunctions else token.left_edge.i
                excluded |= set(range(start, token.right_edge.i + 1))
        return excluded

    def _parataxis_content(self, verb: Token) -> List[Piece]:
        """"The action, he said, was a response": the host clause minus the inserted cue clause."""
        host = verb.head
        return _pieces(verb.doc, [host], exclude=set(t.i for t in verb.subtree), include_root=True)

    def _relative_content(self, verb: Token, content: List[Token]) -> List[Piece]:
        """"explosions, which the government blamed on Pakistan": the antecedent stands for "which"."""
        inside = {t.i for c in content for t in c.subtree}
        relative = [t for t in verb.subtree if (t.tag_ in ("WDT", "WP") or t.lower_ in ("which", "that", "who")) and t.i < verb.i]
        relative = [t for t in relative if t.i in inside or t.dep_ in ("dobj", "nsubjpass")]
        others = [c for c in content if c not in relative]
        gap = not content and verb.lemma_.lower() in self.object_verbs and not any(c.dep_ == "dobj" for c in verb.children)
        if not relative and not others and not gap:
            return []
        antecedent = verb.head
        antecedent_tokens = [t for t in antecedent.subtree if t.i < verb.left_edge.i and not t.is_punct]
        pieces = _pieces(verb.doc, others, exclude={t.i for t in relative}) if others else []
        if (relative or gap) and antecedent_tokens:
            pieces = [(antecedent_tokens[0].i, antecedent_tokens[-1].i + 1)] + pieces
        return pieces

    def _cue_with_particles(self, verb: Token, cue: Piece) -> Piece:
        """Phrasal cues keep their particle ("pointed out", "called for")."""
        start, end = cue
        phrasal = self.phrasal_preps.get(verb.lemma_.lower(), set())
        for child in verb.rights:
            if child.dep_ == "prt" and child.i == end or child.dep_ == "prep" and child.i == end and child.lower_ in phrasal:
                end = child.i + 1
        return start, end

    def _adjacent_quotes(self, verb: Token, regions: List[Span]) -> List[Span]:
        """Quotations directly before ("“...,” she said") and after ("He said: “...”") the cue clause.

        The cue clause is the run of unquoted tokens around the verb; a quotation counts when it
        touches that run and the run holds only the cue's own words and punctuation.
        """
        if _inside(verb.i, regions):
            return []
        doc, sentence = verb.doc, verb.sent
        left, right = verb.i, verb.i
        while left > sentence.start and not _inside(left - 1, regions):
            left -= 1
        while right < sentence.end - 1 and not _inside(right + 1, regions):
            right += 1
        own = {t.i for t in verb.subtree}
        while right + 1 < len(doc) and doc[right + 1].is_space and doc[right].text == ":":
            right += 1
        adjacent = []
        for region in regions:
            between = doc[region.end:verb.i] if region.end == left else doc[verb.i + 1:region.start] if region.start == right + 1 else None
            if between is None or not all(t.i in own or t.is_punct or t.is_space for t in between):
                continue
            if region.end == left and _quote_leads_into(region, doc[left:verb.i]):
                adjacent.append(region)
            elif region.start == right + 1 and (doc[right].text in (":", ",") or doc[right].is_space and doc[right - 1].text == ":"):
                adjacent.append(region)
        return adjacent

    # -- nouns
    def _noun_content(self, noun: Token) -> List[Piece]:
        """"claims that ...", "claims of seizing outposts": a noun cue needs a clause or gerund."""
        heads = []
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and _is_complement_clause(child):
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in self.noun_preps:
                objects = [g for g in child.children if g.dep_ in ("pcomp", "pobj")]
                if any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in objects):
                    heads.extend(objects)
        return _pieces(noun.doc, heads, exclude={noun.i})

    # -- phrases
    def _phrase_cues(self, doc: Doc) -> Dict[int, Tuple[str, Piece]]:
        """Token index -> (phrase label, cue range) for multi-word cues found by the Matcher."""
        cues: Dict[int, Tuple[str, Piece]] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            anchor = start if label == "according_to" else end - 1
            cues[anchor] = (label, (start, end))
        return cues

    def _according_to(self, according: Token, cue: Piece) -> List[Tuple[Piece, List[Piece], str]]:
        """The rest of the sentence is the content; the object of "to" is the source."""
        sentence = according.sent
        phrase = set(t.i for t in according.subtree) | set(range(*cue))
        to_token = according.doc[cue[1] - 1]
        phrase |= {t.i for t in to_token.subtree}
        rest = [t for t in sentence if t.i not in phrase]
        pieces = _runs(rest)
        return [(cue, pieces, "according_to")] if pieces else []

    # -- headlines
    def _headline_claims(self, headline: Span) -> List[Tuple[Piece, List[Piece], str]]:
        """"Pakistan Vows ‘Full Force’ Response", "Minister: prices will fall", one per clause."""
        found = []
        for segment in _headline_segments(headline):
            claim = self._headline_segment_claim(segment)
            if claim is not None:
                found.append(claim)
        return found

    def _headline_segment_claim(self, segment: Span) -> Optional[Tuple[Piece, List[Piece], str]]:
        doc = segment.doc
        for token in segment[1:-1]:
            if token.pos_ in ("VERB", "AUX") and token.lower_ not in self.verb_forms:
                return None
            if token.dep_ == "amod" or token.pos_ == "ADJ":
                continue
            is_cue = token.lower_ in self.verb_forms or (token.text == ":" and token.i - segment.start <= 6)
            if is_cue and _headline_subject(doc[segment.start:token.i]):
                pieces = _runs([t for t in segment if t.i > token.i])
                return ((token.i, token.i + 1), pieces, "headline") if pieces else None
        return None

    # -- quotations with no reporting verb
    def _is_floating(self, region: Span) -> bool:
        """A quotation that stands as its own sentence(s), long enough to be speech, not a title."""
        words = [t for t in region if not (t.is_punct or t.is_space)]
        return len(words) >= self.lexicon.get("floating_quote_min_tokens", 4) and _coverage(region) >= self.lexicon.get(
            "floating_quote_min_coverage", 0.8
        )

    def _attach_continuations(
        self, doc: Doc, found: List[Tuple[Piece, List[Piece], str]], regions: List[Span], skip: Set[int]
    ) -> List[Tuple[Piece, List[Piece], str]]:
        """"“A,” she said. “B.”": a quotation right after a quoted claim continues that claim."""
        found = list(found)
        used = {t for _, pieces, _ in found for start, end in pieces for t in range(start, end)}
        for region in regions:
            if any(t.i in used or t.i in skip for t in region) or not self._is_floating(region):
                continue
            if _dash_or_colon_cue(doc, region) is not None:
                continue
            for index, (cue, pieces, kind) in enumerate(found):
                end = max([cue[1]] + [e for _, e in pieces])
                quoted = any(r.start < e and s < r.end for s, e in pieces for r in regions)
                if quoted and end <= region.start and _speaker_tag_only(doc[end:region.start], regions):
                    found[index] = (cue, pieces + [(region.start, region.end)], kind)
                    used |= {t.i for t in region}
                    break
        return found

    def _verbless_quote_claims(
        self, doc: Doc, regions: List[Span], used: Set[int], skip: Set[int]
    ) -> List[Tuple[Piece, List[Piece], str]]:
        claims = []
        minimum = self.lexicon.get("floating_quote_min_tokens", 4)
        for region in regions:
            if any(t.i in used or t.i in skip for t in region):
                continue
            if len([t for t in region if not (t.is_punct or t.is_space)]) < minimum:
                continue
            cue = _dash_or_colon_cue(doc, region)
            if cue is None and not self._is_floating(region):
                continue
            cue_piece = (cue.i, cue.i + 1) if cue is not None else (region.start, region.start + 1)
            claims.append((cue_piece, [(region.start, region.end)], "direct"))
        return claims

    # -- assembly
    def _quote_spans(self, doc: Doc) -> List[Span]:
        spans = []
        for start, end in find_quote_regions(doc.text, self.quote_pairs):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans

    def _make_claim(
        self, doc: Doc, cue: Piece, pieces: List[Piece], kind: str, regions: List[Span], furniture: Set[int]
    ) -> Optional[Claim]:
        """The claim, or None when nothing but punctuation is left of its content."""
        pieces = _extend_to_quotes(pieces, regions, cue)
        pieces = [run for start, end in pieces for run in _runs([t for t in doc[start:end] if t.i not in furniture])]
        pieces = [p for p in (_trim(doc, piece, self.marks) for piece in pieces) if p is not None]
        if not pieces or all(all(t.is_punct for t in doc[s:e]) for s, e in pieces):
            return None
        kind = kind or _quote_kind(doc, pieces, regions)
        return Claim(
            kind=kind,
            cue=TextSpan.from_span(doc[cue[0]:cue[1]]),
            content=[TextSpan.from_span(doc[start:end]) for start, end in pieces],
        )


# ---------------------------------------------------------------------- helpers
def _inflect(lemmas: Iterable[str]) -> Set[str]:
    """Surface forms of reporting verbs, for headlines where the tagger sees title-case nouns."""
    forms: Set[str] = set()
    for lemma in lemmas:
        forms.update([lemma, *IRREGULAR_FORMS.get(lemma, [])])
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.update([lemma[:-1] + "ies", lemma[:-1] + "ied"])
        elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.update([lemma + "es", lemma + "ed"])
        elif lemma.endswith("e"):
            forms.update([lemma + "s", lemma + "d"])
        else:
            forms.update([lemma + "s", lemma + "ed"])
    return forms


def _token_set(doc: Doc, key: str) -> Set[int]:
    return {t.i for span in doc.spans[key] for t in span} if key in doc.spans else set()


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")) for c in verb.children)


def _headline_segments(headline: Span) -> List[Span]:
    """Headline clauses: "Vessels collide near shoal; Manila alleges ..." has two."""
    segments, start = [], headline.start
    for token in headline:
        if token.text in (";", "|"):
            segments.append(headline.doc[start:token.i])
            start = token.i + 1
    segments.append(headline.doc[start:headline.end])
    return [segment for segment in segments if len(segment) > 1]


def _headline_subject(tokens: Span) -> bool:
    """Words before a headline cue must read as a speaker ("Pakistan", "Ministry of Defence"), not as
    a clause ("Ceasefire Frays as Both Sides Trade" + "Blame")."""
    clause_words = {"as", "while", "after", "before", "when", "amid", "and", "but", "if", "because", "to", "in", "on", "at", "with", "over"}
    return 0 < len(tokens) <= 6 and not any(t.lower_ in clause_words for t in tokens)


def _clip_speaker_tag(verb: Token, piece: Piece, regions: List[Span]) -> Piece:
    """"“...,” the minister, Name, told reporters": when the parser hangs the speaker under the
    quoted clause, the content stops where the quotation ends."""
    start, end = piece
    if end > verb.i:
        return piece
    inside = [r for r in regions if start <= r.start and r.end <= end]
    if not inside:
        return piece
    tail = verb.doc[inside[-1].end:end]
    if len(tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail):
        return start, inside[-1].end
    return piece


def _is_trailing_cue(verb: Token, heads: List[Token]) -> bool:
    """"..., but the police overruled the request, another source said": the cue closes the sentence,
    and everything before its clause is what was said, whatever the parser hung under the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        verb.dep_ == "ROOT"
        and bool(heads) and all(h.i < verb.i for h in heads)
        and bool(subjects) and all(s.i > max(h.right_edge.i for h in heads) for s in subjects)
        and not any(t.text in "“\"«„‘" for t in verb.sent[:1])
    )


def _is_complement_clause(clause: Token) -> bool:
    """"the warning that the dam could burst" (complement) vs "the warning that came" (relative)."""
    first = clause.left_edge
    if first.lower_ not in ("that", "whether"):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.i != first.i for c in clause.children)


def _is_bare_infinitive(verb: Token) -> bool:
    """"declined to comment on ...", "prepared to defend ...": an intention, not a report."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _is_passive_modifier(verb: Token) -> bool:
    """"A spokesperson, asked about the incident, urged ...": the participle reports nothing."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod", "relcl", "appos") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children
    )


def _is_agentless_passive(verb: Token) -> bool:
    """"The verdict can be appealed": nobody is reported as saying anything."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)



def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _is_subject_like(token: Token) -> bool:
    return token.dep_ in SUBJECT_DEPS


def _is_addressee(obj: Token, heads: List[Token]) -> bool:
    """"told Reuters that ...": an object before the clause is the addressee, not content."""
    return obj.i < min(h.left_edge.i for h in heads)


def _inside(index: int, regions: List[Span]) -> bool:
    return any(region.start <= index < region.end for region in regions)


def _cue_clause(verb: Token, content: List[Token]) -> Set[int]:
    """Tokens of the cue's own clause (subject, auxiliaries, adverbs) that content must not include."""
    content_tokens = {t.i for head in content for t in head.subtree}
    return {t.i for t in verb.subtree if t.i not in content_tokens}


def _pieces(doc: Doc, heads: List[Token], exclude: Set[int], include_root: bool = False) -> List[Piece]:
    """Contiguous token ranges covering the heads' subtrees, minus ``exclude``."""
    if not heads:
        return []
    tokens = sorted({t.i for head in heads for t in head.subtree} - exclude)
    return _runs([doc[i] for i in tokens])


def _runs(tokens: List[Token]) -> List[Piece]:
    """Split a token list into maximal runs of consecutive tokens, ignoring edge punctuation."""
    pieces: List[Piece] = []
    for token in tokens:
        if pieces and token.i == pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], token.i + 1)
        else:
            pieces.append((token.i, token.i + 1))
    return pieces


def _extend_to_quotes(pieces: List[Piece], regions: List[Span], cue: Piece) -> List[Piece]:
    """A content piece that cuts a quotation grows to the whole quotation (multi-sentence quotes)."""
    extended = []
    for start, end in pieces:
        for region in regions:
            overlaps = region.start < end and start < region.end
            contains_cue = region.start <= cue[0] < region.end
            if overlaps and not contains_cue:
                start, end = min(start, region.start), max(end, region.end)
        extended.append((start, end))
    return _merge(extended)


def _merge(pieces: List[Piece]) -> List[Piece]:
    merged: List[Piece] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(doc: Doc, piece: Piece, marks: str) -> Optional[Piece]:
    """Drop edge punctuation and spaces, but keep quotation marks that close or open inside the piece."""
    start, end = piece
    while start < end and _droppable(doc[start], marks):
        start += 1
    while end > start and _droppable(doc[end - 1], marks):
        end -= 1
    return (start, end) if end > start else None


def _droppable(token: Token, marks: str) -> bool:
    """Edge spaces, conjunctions and punctuation go; quotation marks stay (PolNeAR keeps them)."""
    if token.is_space or not token.text.strip() or token.dep_ == "cc":
        return True
    return token.is_punct and not any(ch in marks for ch in token.text) and token.text not in ("…", "%")


def _quote_kind(doc: Doc, pieces: List[Piece], regions: List[Span]) -> str:
    words = [t for start, end in pieces for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not words:
        return "indirect"
    quoted = sum(1 for t in words if _inside(t.i, regions))
    if quoted == len(words):
        return "direct"
    return "mixed" if quoted else "indirect"


def _coverage(region: Span) -> float:
    """Share of the words of the region's sentences that lie inside the quotation."""
    sentences = {t.sent.start: t.sent for t in region}
    words = [t for sent in sentences.values() for t in sent if not (t.is_punct or t.is_space)]
    inside = [t for t in words if region.start <= t.i < region.end]
    return len(inside) / len(words) if words else 0.0


def _quote_leads_into(region: Span, clause: Span) -> bool:
    """"“...,” she said": the quotation ends in a comma, ? or !, or a comma follows it."""
    inner_end = region[-2].text if len(region) > 1 else ""
    first = clause[0].text if len(clause) else ""
    return inner_end in (",", "?", "!", "—", "–", "-", "…") or first in (",", "—", "–")


def _speaker_tag_only(gap: Span, regions: List[Span]) -> bool:
    """Between a quoted claim and a following quotation: nothing, or the rest of "said Name, a title."."""
    if len(gap) > 12 or any(_inside(t.i, regions) for t in gap):
        return False
    return all(t.is_punct or t.is_space or t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP", "PART", "CCONJ", "NUM") for t in gap)


def _looks_like_name(tokens: Span) -> bool:
    """A short capitalised phrase without a verb: the speaker tag of a verbless quote."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return 0 < len(words) <= 6 and words[0].text[:1].isupper() and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _dash_or_colon_cue(doc: Doc, region: Span) -> Optional[Token]:
    """"“...” - Name" and "Name: “...”": the punctuation is the cue."""
    dash = region.end
    while dash < len(doc) and (doc[dash].is_space or doc[dash].text in (",", ".")) and "\n\n" not in doc[dash].text:
        dash += 1
    if dash < len(doc) and doc[dash].text in DASHES:
        region = doc[region.start:dash]
        end = region.end + 1
        while end < len(doc) and "\n" not in doc[end].text and not doc[end].text in (".", ";"):
            end += 1
        if _looks_like_name(doc[region.end + 1:end]):
            return doc[region.end]
    if region.start >= 2 and doc[region.start - 1].text == ":":
        start = region.start - 1
        while start > 0 and "\n" not in doc[start - 1].text and doc[start - 1].text not in (".", "!", "?"):
            start -= 1
        if _looks_like_name(doc[start:region.start - 1]):
            return doc[region.start - 1]
    return None


def _dedupe(found: List[Tuple[Piece, List[Piece], str]]) -> List[Tuple[Piece, List[Piece], str]]:
    """One claim per cue, in text order."""
    seen: Dict[Piece, Tuple[Piece, List[Piece], str]] = {}
    for cue, pieces, kind in found:
        if cue not in seen and pieces:
            seen[cue] = (cue, pieces, kind)
    return sorted(seen.values(), key=lambda item: item[0])
