"""``claimattr.quantity_scorer.v1``: THE quantity scorer (mentions, then their fields).

Both ``quantity_normaliser``'s own scores (``quantity_*``) and the claim scorer's
(``claims_quantity_*``, :mod:`claimattr.scoring.claims`) pair and compare quantities here, so the
two can never disagree on what a match is:

- **Pairing** (:func:`align_quantities`): one-to-one by character overlap; pairs sharing more
  characters match first (ties: earlier predicted, then earlier gold mention), and mentions that
  share no character never match. It is :func:`claimattr.scoring.spans.greedy_match`, the rule
  that pairs claims.
- **Numbers** (:func:`same_number`): equal within a relative tolerance of :data:`REL_TOL` (1e-5):
  a ``Quantity`` keeps six significant digits (2/3 -> 0.666667, 5e-7 off), which must match, while
  1,000 against 1,001 (1e-3 apart) must not. :data:`ABS_TOL` only lets 0 equal float noise.
- **Anchors** (:func:`same_anchor`): entity or event lemmas compared case- and
  punctuation-insensitively; where a side has no lemma, overlapping offsets.
- **Missing gold fields**: the sentence gold set is complete (a null entity means "nothing is
  counted", which a prediction must match); corpus gold may leave fields unannotated, and the
  claim scorer passes ``gold_complete=False`` so that an absent gold field is not judged.

Metrics (counts summed over documents, micro averages): ``quantity_precision``/``recall``/``f`` over
mentions; ``quantity_{value,bounds,unit,entity,event}_acc`` over matched mentions (``bounds``:
value, low and high all right, None matching None), ``0.0`` with no matches.
"""
from __future__ import annotations

import math
import unicodedata
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from spacy.training import Example
from spacy.util import registry

from claimattr.scoring.spans import greedy_match, overlap

REL_TOL = 1e-5
"""Relative tolerance of :func:`same_number` (see the module docstring)."""
ABS_TOL = 1e-9
FIELDS = ("value", "bounds", "unit", "entity", "event")
"""The per-mention fields compared on matched mentions."""
NUMBERS = ("value", "low", "high")

QUANTITY_SCORE_WEIGHTS: Dict[str, float] = {
    "quantity_f": 0.5,
    "quantity_value_acc": 0.5,
    "quantity_precision": 0.0,
    "quantity_recall": 0.0,
    "quantity_bounds_acc": 0.0,
    "quantity_unit_acc": 0.0,
    "quantity_entity_acc": 0.0,
    "quantity_event_acc": 0.0,
}
"""``quantity_normaliser``'s ``default_score_weights``: finding mentions and getting their values right
count equally; the other figures are reported, not weighted."""


def _get(quantity: Any, name: str) -> Any:
    """A field of a ``Quantity`` or of a dict (``Quantity.to_dict()`` or the gold JSONL format)."""
    return quantity.get(name) if isinstance(quantity, Mapping) else getattr(quantity, name, None)


def _offsets(item: Any) -> Optional[Tuple[int, int]]:
    start, end = _get(item, "start"), _get(item, "end")
    return (int(start), int(end)) if start is not None and end is not None else None


def _anchor(quantity: Any, name: str) -> Optional[Tuple[Optional[str], Optional[Tuple[int, int]]]]:
    """(lemma, offsets) of the entity or event; the JSONL format's ``entity_lemma`` strings count as lemmas."""
    if isinstance(quantity, Mapping) and f"{name}_lemma" in quantity:
        lemma = quantity[f"{name}_lemma"]
        return (lemma, None) if lemma else None
    anchor = _get(quantity, name)
    if anchor is None:
        return None
    return (_get(anchor, "lemma") or None, _offsets(anchor))


def normalise_lemma(lemma: str) -> str:
    """Case, spacing and punctuation-insensitive form of a lemma ("U.S." == "us")."""
    kept = "".join(ch for ch in lemma.casefold() if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split())


def same_number(pred: Optional[float], gold: Optional[float]) -> bool:
    """Equal within :data:`REL_TOL`; ``None`` only equals ``None``."""
    if pred is None or gold is None:
        return pred is None and gold is None
    return math.isclose(float(pred), float(gold), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def same_anchor(pred: Any, gold: Any, name: str) -> bool:
    """Whether the ``name`` anchors ("entity"/"event") of two quantities agree; both absent agree."""
    p, g = _anchor(pred, name), _anchor(gold, name)
    if p is None or g is None:
        return p is None and g is None
    if p[0] and g[0]:
        return normalise_lemma(p[0]) == normalise_lemma(g[0])
    if p[1] is not None and g[1] is not None:
        return overlap([p[1]], [g[1]]) > 0
    return False


LEGACY_UNIT_CODES: Dict[str, str] = {
    "percent": "%", "percentage_point": "pp", "point": "pt", "basis_point": "bp", "mile": "mi", "inch": "in",
    "mile2": "mi2", "hectare": "ha", "tonne": "t", "litre": "L", "gallon": "gal", "barrel": "bbl", "barrel/day": "bbl/d",
    "knot": "kn", "celsius": "°C", "fahrenheit": "°F", "degree": "deg", "year": "yr", "month": "mo", "week": "wk",
    "day": "d", "hour": "h", "minute": "min", "second": "s", "nautical_mile": "nmi", "cubic_metre": "m3",
    "terabyte": "TB", "gigabyte": "GB",
}
"""Unit names of gold written before units became short codes (the hand-corrected corpus says "percent",
"tonne", "year") -> the short code; :func:`same_unit` reads both, so old and new gold score alike."""


def unit_code(unit: Optional[str]) -> Optional[str]:
    """A unit as its short code (legacy names mapped through :data:`LEGACY_UNIT_CODES`)."""
    return LEGACY_UNIT_CODES.get(unit, unit) if unit is not None else None


def same_unit(pred: Optional[str], gold: Optional[str]) -> bool:
    return unit_code(pred) == unit_code(gold)


def align_quantities(predicted: Sequence[Any], gold: Sequence[Any]) -> List[Tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs by character overlap (see the module docstring)."""
    pred_ranges = [(int(_get(q, "start")), int(_get(q, "end"))) for q in predicted]
    gold_ranges = [(int(_get(q, "start")), int(_get(q, "end"))) for q in gold]
    return greedy_match(pred_ranges, gold_ranges, lambda i, j: overlap([pred_ranges[i]], [gold_ranges[j]]))


def compare_pair(pred: Any, gold: Any, *, gold_complete: bool = True) -> Dict[str, Optional[bool]]:
    """Field by field, whether a matched prediction is right; ``None`` = not judged.

    With ``gold_complete=False`` a field the gold leaves empty is not judged, and ``bounds`` checks
    only the numbers the gold gives.
    """
    verdicts: Dict[str, Optional[bool]] = {}
    gold_value = _get(gold, "value")
    verdicts["value"] = None if gold_value is None and not gold_complete else same_number(_get(pred, "value"), gold_value)
    numbers = [n for n in NUMBERS if gold_complete or _get(gold, n) is not None]
    verdicts["bounds"] = all(same_number(_get(pred, n), _get(gold, n)) for n in numbers) if numbers else None
    gold_unit = _get(gold, "unit")
    verdicts["unit"] = None if gold_unit is None and not gold_complete else same_unit(_get(pred, "unit"), gold_unit)
    for name in ("entity", "event"):
        judged = gold_complete or _anchor(gold, name) is not None
        verdicts[name] = same_anchor(pred, gold, name) if judged else None
    return verdicts


def compare_quantities(predicted: Sequence[Any], gold: Sequence[Any], *, gold_complete: bool = True) -> Dict[str, int]:
    """Counts for mention P/R and per-field accuracy on matched mentions.

    Mentions are ``Quantity`` objects or dicts (``Quantity.to_dict()``, or the gold JSONL format with
    ``entity_lemma``/``event_lemma`` strings).
    """
    counts = {"gold": len(gold), "predicted": len(predicted), "matched": 0}
    counts.update({f"{name}_correct": 0 for name in FIELDS})
    counts.update({f"{name}_judged": 0 for name in FIELDS})
    for p_index, g_index in align_quantities(predicted, gold):
        counts["matched"] += 1
        for name, verdict in compare_pair(predicted[p_index], gold[g_index], gold_complete=gold_complete).items():
            if verdict is not None:
                counts[f"{name}_judged"] += 1
                counts[f"{name}_correct"] += int(verdict)
    return counts


def empty_counts() -> Dict[str, int]:
    return {"gold": 0, "predicted": 0, "matched": 0,
            **{f"{n}_correct": 0 for n in FIELDS}, **{f"{n}_judged": 0 for n in FIELDS}}


def add_counts(total: Dict[str, int], counts: Dict[str, int]) -> Dict[str, int]:
    """Sum ``counts`` into ``total`` (in place) and return it."""
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value
    return total


def summarise_counts(counts: Dict[str, int]) -> Dict[str, float]:
    """Precision/recall/F1 of mentions and accuracy of each field over the matched mentions judged."""
    matched = counts["matched"]
    precision = matched / counts["predicted"] if counts["predicted"] else 0.0
    recall = matched / counts["gold"] if counts["gold"] else 0.0
    f_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"precision": precision, "recall": recall, "f": f_score}
    for name in FIELDS:
        judged = counts.get(f"{name}_judged", matched)
        scores[f"{name}_acc"] = counts[f"{name}_correct"] / judged if judged else 0.0
    return scores


def score_quantities(examples: Iterable[Example], **kwargs: Any) -> Dict[str, float]:
    """spaCy scorer: ``doc._.quantities`` of predicted vs reference docs (keys prefixed ``quantity_``)."""
    total = empty_counts()
    for example in examples:
        add_counts(total, compare_quantities(example.predicted._.quantities, example.reference._.quantities))
    return {f"quantity_{key}": value for key, value in summarise_counts(total).items()}


@registry.scorers("claimattr.quantity_scorer.v1")
def make_quantity_scorer() -> Callable[..., Dict[str, float]]:
    """The registered scorer, for ``[components.quantity_normaliser.scorer]`` and ``nlp.evaluate``."""
    return score_quantities


__all__ = [
    "ABS_TOL", "FIELDS", "LEGACY_UNIT_CODES", "same_unit", "unit_code", "QUANTITY_SCORE_WEIGHTS", "REL_TOL", "add_counts", "align_quantities", "compare_pair",
    "compare_quantities", "empty_counts", "make_quantity_scorer", "normalise_lemma", "same_anchor", "same_number",
    "score_quantities", "summarise_counts",
]
