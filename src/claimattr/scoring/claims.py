"""Score predicted claims against gold claims, as a scorer in spaCy's registry.

``claimattr.claim_scorer.v1`` compares ``example.predicted._.claims`` with
``example.reference._.claims`` by CHARACTER offsets, so the reference may be tokenised
differently from the prediction (a PolNeAR ``DocBin`` and a freshly parsed text, say). It works
as ``[components.claim_detector.scorer]`` in a training config and from ``spacy evaluate``:
scores are flat ``claims_*`` floats (plus a few nested dicts), P/R/F are ``0.0`` when there is
nothing to count, and an accuracy with no gold support is ``None`` (spaCy's convention for an
inapplicable score, which its training loop skips).

Metrics (counts are summed over documents, so figures are micro averages):
- ``claims_{source,cue,content}_{exact,overlap}_{p,r,f}``: exact = same offsets once whitespace
  and punctuation are trimmed from both ends on both sides; overlap = any shared character,
  pairs matched one-to-one greedily by overlap size. A claim's content is the exact SET of its
  pieces for exact scoring and the UNION of its pieces for overlap scoring. Identical spans are
  counted once per document (one source may serve several claims).
- ``claims_attribution_{p,r,f}``: a predicted claim is right when its content, cue and speaker
  mention all overlap one gold claim's (a claim without speaker must match one without).
- ``claims_kind_acc``, ``claims_speaker_{name,type,role,org,intermediary}_acc``: over claims
  matched by content overlap, where the gold has the field (type ``unknown`` = not annotated);
  texts are compared in the form of ``claimattr.scoring.names.normalise_name``.
- ``claims_quantity_{p,r,f}`` (overlap) and ``claims_quantity_{value,entity,event}_acc`` over
  matched quantities where the gold has the field.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple

import spacy
from spacy.scorer import PRFScore
from spacy.training import Example

from claimattr.scoring.names import normalise_name
from claimattr.scoring.quantities import align_quantities, compare_pair
from claimattr.scoring.spans import extent, greedy_match, overlap, trim
from claimattr.schema import CLAIM_KINDS, CLAIM_SPANS, Claim, Quantity, Speaker, TextSpan

Range = Tuple[int, int]
ROLES = ("source", "cue", "content")
SPEAKER_FIELDS = ("name", "type", "role", "org", "intermediary")
QUANTITY_FIELDS = ("value", "entity", "event")


# --------------------------------------------------------------------------- counters


@dataclass
class Accuracy:
    """Correct / total over the cases where the gold has something to compare."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def score(self) -> Optional[float]:
        return self.correct / self.total if self.total else None


@dataclass
class Tally:
    """Everything the scorer counts, summed over the documents of one evaluation."""

    exact: Dict[str, PRFScore] = field(default_factory=lambda: {r: PRFScore() for r in ROLES})
    overlap: Dict[str, PRFScore] = field(default_factory=lambda: {r: PRFScore() for r in ROLES})
    attribution: PRFScore = field(default_factory=PRFScore)
    per_kind: Dict[str, PRFScore] = field(default_factory=lambda: {k: PRFScore() for k in CLAIM_KINDS})
    kind: Accuracy = field(default_factory=Accuracy)
    speaker: Dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in SPEAKER_FIELDS})
    quantity: PRFScore = field(default_factory=PRFScore)
    quantity_fields: Dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in QUANTITY_FIELDS})
    gold_claims: int = 0
    pred_claims: int = 0
    matched_claims: int = 0


def _add_counts(score: PRFScore, n_pred: int, n_gold: int, n_correct: int) -> None:
    score.tp += n_correct
    score.fp += n_pred - n_correct
    score.fn += n_gold - n_correct


# --------------------------------------------------------------------------- spans


def _count_exact(score: PRFScore, pred: List[Hashable], gold: List[Hashable]) -> None:
    correct = len(set(pred) & set(gold))
    _add_counts(score, len(set(pred)), len(set(gold)), correct)


def _count_overlap(score: PRFScore, pred: List[Tuple[Range, ...]], gold: List[Tuple[Range, ...]]) -> None:
    pred, gold = sorted(set(pred)), sorted(set(gold))
    matched = greedy_match([extent(r) for r in pred], [extent(r) for r in gold],
                           lambda i, j: overlap(pred[i], gold[j]))
    _add_counts(score, len(pred), len(gold), len(matched))


# --------------------------------------------------------------------------- claim parts


def _ranges(spans: Iterable[TextSpan]) -> Tuple[Range, ...]:
    return tuple(sorted((s.start, s.end) for s in spans))


def _role_ranges(claims: Sequence[Claim], role: str) -> List[Tuple[Range, ...]]:
    """Each claim's span(s) for one role, as raw character ranges."""
    if role == "source":
        return [_ranges([c.speaker.mention]) for c in claims if c.speaker is not None]
    if role == "cue":
        return [_ranges([c.cue]) for c in claims]
    return [_ranges(c.content) for c in claims if c.content]


def _trimmed(text: str, ranges: List[Tuple[Range, ...]]) -> List[Hashable]:
    return [tuple(trim(text, s, e) for s, e in rs) for rs in ranges]


def _score_roles(tally: Tally, pred: Sequence[Claim], gold: Sequence[Claim], pred_text: str, gold_text: str) -> None:
    for role in ROLES:
        pred_ranges, gold_ranges = _role_ranges(pred, role), _role_ranges(gold, role)
        _count_exact(tally.exact[role], _trimmed(pred_text, pred_ranges), _trimmed(gold_text, gold_ranges))
        _count_overlap(tally.overlap[role], pred_ranges, gold_ranges)


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimView:
    """A claim with its character ranges computed once, for the pairwise comparisons."""

    claim: Claim
    content: Tuple[Range, ...]
    cue: Tuple[Range, ...]
    speaker: Optional[Tuple[Range, ...]]

    @classmethod
    def of(cls, claim: Claim) -> "ClaimView":
        speaker = _ranges([claim.speaker.mention]) if claim.speaker is not None else None
        return cls(claim, _ranges(claim.content), _ranges([claim.cue]), speaker)

    @property
    def extent(self) -> Range:
        return extent(self.content)


def _speaker_overlap(pred: ClaimView, gold: ClaimView) -> Optional[int]:
    """Overlap of the speaker mentions; ``None`` when exactly one side has a speaker."""
    if pred.speaker is None or gold.speaker is None:
        return 0 if pred.speaker is gold.speaker else None
    return overlap(pred.speaker, gold.speaker)


def attribution_score(pred: ClaimView, gold: ClaimView) -> float:
    """How well two claims agree as attributions (the scorer's pairing weight, public so error
    analyses pair claims exactly as the scorer does). Positive only when content, cue and speaker all agree (by overlap)."""
    content = overlap(pred.content, gold.content)
    cue = overlap(pred.cue, gold.cue)
    speaker = _speaker_overlap(pred, gold)
    if content <= 0 or cue <= 0 or speaker is None:
        return 0
    if gold.speaker is not None and speaker <= 0:
        return 0
    return content + cue + speaker


def claim_score(pred: ClaimView, gold: ClaimView) -> float:
    """Content overlap decides whether two claims are the same claim; cue overlap breaks ties."""
    content = overlap(pred.content, gold.content)
    if content <= 0:
        return 0
    return content + overlap(pred.cue, gold.cue) / 1000.0


def _match_claims(pred: Sequence[ClaimView], gold: Sequence[ClaimView], score: Callable[[ClaimView, ClaimView], float]) -> List[Tuple[int, int]]:
    return greedy_match([c.extent for c in pred], [c.extent for c in gold], lambda i, j: score(pred[i], gold[j]))


def _score_attribution(tally: Tally, pred: Sequence[ClaimView], gold: Sequence[ClaimView]) -> None:
    matched = _match_claims(pred, gold, attribution_score)
    _add_counts(tally.attribution, len(pred), len(gold), len(matched))
    for kind, score in tally.per_kind.items():
        n_pred = sum(c.claim.kind == kind for c in pred)
        n_gold = sum(c.claim.kind == kind for c in gold)
        n_ok = sum(pred[i].claim.kind == kind and gold[j].claim.kind == kind for i, j in matched)
        _add_counts(score, n_pred, n_gold, n_ok)


def _span_text(span: Optional[TextSpan]) -> Optional[str]:
    return span.text if span is not None else None


def _speaker_fields(speaker: Optional[Speaker]) -> Dict[str, Optional[str]]:
    """The comparable fields of a speaker; ``None`` = absent (type ``unknown`` = not annotated)."""
    if speaker is None:
        return {f: None for f in SPEAKER_FIELDS}
    return {
        "name": speaker.name,
        "type": None if speaker.type == "unknown" else speaker.type,
        "role": speaker.role,
        "org": _span_text(speaker.organisation),
        "intermediary": _span_text(speaker.intermediary),
    }


def _score_speaker(tally: Tally, pred: Claim, gold: Claim) -> None:
    gold_fields, pred_fields = _speaker_fields(gold.speaker), _speaker_fields(pred.speaker)
    for name, gold_value in gold_fields.items():
        if gold_value:
            tally.speaker[name].add(normalise_name(pred_fields[name]) == normalise_name(gold_value))


def _score_matched_claims(tally: Tally, pred: Sequence[ClaimView], gold: Sequence[ClaimView]) -> None:
    matched = _match_claims(pred, gold, claim_score)
    tally.matched_claims += len(matched)
    for i, j in matched:
        tally.kind.add(pred[i].claim.kind == gold[j].claim.kind)
        _score_speaker(tally, pred[i].claim, gold[j].claim)


# --------------------------------------------------------------------------- quantities


def _quantities(doc_quantities: Sequence[Quantity], claims: Sequence[Claim]) -> List[Quantity]:
    """The document's quantities plus those attached to claims, once per offset pair."""
    seen: Dict[Range, Quantity] = {}
    for quantity in list(doc_quantities) + [q for c in claims for q in c.quantities]:
        seen.setdefault((quantity.start, quantity.end), quantity)
    return [seen[key] for key in sorted(seen)]


def _score_quantities(tally: Tally, pred: Sequence[Quantity], gold: Sequence[Quantity]) -> None:
    """Pairing, tolerance and anchor rule of ``claimattr.scoring.quantities`` (the one quantity scorer).

    Corpus gold may leave a field unannotated (``gold_complete=False``): ``claims_quantity_value_acc``
    judges the numbers (value, low, high) the gold gives; entity and event are judged where the gold has them.
    """
    matched = align_quantities(pred, gold)
    _add_counts(tally.quantity, len(pred), len(gold), len(matched))
    for i, j in matched:
        verdicts = compare_pair(pred[i], gold[j], gold_complete=False)
        for name, shared in (("value", "bounds"), ("entity", "entity"), ("event", "event")):
            if verdicts[shared] is not None:
                tally.quantity_fields[name].add(verdicts[shared])


# --------------------------------------------------------------------------- entry points


def score_claim_lists(
    tally: Tally,
    pred: Sequence[Claim],
    gold: Sequence[Claim],
    pred_text: str,
    gold_text: str,
    pred_quantities: Sequence[Quantity] = (),
    gold_quantities: Sequence[Quantity] = (),
) -> Tally:
    """Add one document's counts to ``tally``; usable without any spaCy ``Doc``."""
    tally.gold_claims += len(gold)
    tally.pred_claims += len(pred)
    _score_roles(tally, pred, gold, pred_text, gold_text)
    pred_views, gold_views = [ClaimView.of(c) for c in pred], [ClaimView.of(c) for c in gold]
    _score_attribution(tally, pred_views, gold_views)
    _score_matched_claims(tally, pred_views, gold_views)
    _score_quantities(tally, _quantities(pred_quantities, pred), _quantities(gold_quantities, gold))
    return tally


def _prf(prefix: str, score: PRFScore) -> Dict[str, float]:
    return {f"{prefix}_p": score.precision, f"{prefix}_r": score.recall, f"{prefix}_f": score.fscore}


def tally_to_scores(tally: Tally) -> Dict[str, Any]:
    """Flat ``claims_*`` figures, plus per-kind and support dicts for tables and JSON."""
    scores: Dict[str, Any] = {}
    for role in ROLES:
        scores.update(_prf(f"claims_{role}_exact", tally.exact[role]))
        scores.update(_prf(f"claims_{role}_overlap", tally.overlap[role]))
    scores.update(_prf("claims_attribution", tally.attribution))
    scores["claims_kind_acc"] = tally.kind.score
    scores.update({f"claims_speaker_{f}_acc": acc.score for f, acc in tally.speaker.items()})
    scores.update(_prf("claims_quantity", tally.quantity))
    scores.update({f"claims_quantity_{f}_acc": acc.score for f, acc in tally.quantity_fields.items()})
    scores["claims_attribution_per_kind"] = {
        kind: score.to_dict() for kind, score in tally.per_kind.items() if score.tp + score.fp + score.fn
    }
    scores["claims_support"] = _support(tally)
    scores.update(_evaluate_table(tally))
    return scores


def _evaluate_table(tally: Tally) -> Dict[str, Any]:
    """The same figures under the names ``spacy evaluate --spans-key claims`` prints as a table.

    ``spacy evaluate`` tabulates a fixed list of keys: ``spans_<key>_{p,r,f}`` (SPAN P/R/F, here
    attribution) and ``spans_<key>_per_type`` (one row per type, here each claim part).
    """
    per_type = {"ATTRIBUTION": tally.attribution.to_dict()}
    for role in ROLES:
        per_type[f"{role.upper()} (exact)"] = tally.exact[role].to_dict()
        per_type[f"{role.upper()} (overlap)"] = tally.overlap[role].to_dict()
    table = {f"spans_{CLAIM_SPANS}_{k}": v for k, v in _prf("", tally.attribution).items()}
    return {**{key.replace("__", "_"): value for key, value in table.items()},
            f"spans_{CLAIM_SPANS}_per_type": per_type}


def _support(tally: Tally) -> Dict[str, int]:
    """How many cases stand behind each figure, so that a reader can judge it."""
    support = {"gold_claims": tally.gold_claims, "pred_claims": tally.pred_claims,
               "matched_claims": tally.matched_claims, "kind": tally.kind.total,
               "gold_quantities": tally.quantity.tp + tally.quantity.fn,
               "pred_quantities": tally.quantity.tp + tally.quantity.fp}
    support.update({f"speaker_{f}": acc.total for f, acc in tally.speaker.items()})
    support.update({f"quantity_{f}": acc.total for f, acc in tally.quantity_fields.items()})
    return support


def score_claims(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """Score ``predicted._.claims`` against ``reference._.claims`` over all examples."""
    tally = Tally()
    for example in examples:
        pred, gold = example.predicted, example.reference
        score_claim_lists(tally, pred._.claims, gold._.claims, pred.text, gold.text,
                          pred._.quantities, gold._.quantities)
    return tally_to_scores(tally)


@spacy.registry.scorers("claimattr.claim_scorer.v1")
def make_claim_scorer() -> Callable[..., Dict[str, Any]]:
    """The registered scorer, for ``[components.NAME.scorer]`` and ``spacy evaluate``."""
    return score_claims
