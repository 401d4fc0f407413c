"""``claimattr.figure_scorer.v1``: grouping pair F1 and dispute-flag P/R/F1 of ``doc._.figures``.

Both sides are lists of figure groups (dicts with ``members``, each with ``start``/``end``, and a
``disputed`` flag), the format ``figure_grouper`` writes.

- **Alignment**: predicted members are paired one-to-one with gold members by character overlap
  (:func:`claimattr.scoring.spans.greedy_match`: most shared characters first; members sharing no
  character never pair). A gold quantity the pipeline did not find, or did not put in any group,
  costs recall; a predicted member with no gold partner can only cost precision.
- **Pairs**: every unordered pair of members of one group. A predicted pair is right when both
  members align to gold members that share a gold group. ``figure_pair_{p,r,f}`` over the pairs
  of all documents (micro).
- **Dispute flags**: per gold group, the predicted group with the most aligned members (ties: the
  earlier group; none: "not disputed"); its ``disputed`` flag against the gold flag, counted as
  true/false positives and false negatives of the flag ``disputed`` -> ``figure_dispute_{p,r,f}``.
  ``figure_dispute_unmatched_fp`` counts predicted disputed groups that no gold group picked (not
  in the P/R/F1 above, reported so they are not hidden).
"""
from __future__ import annotations

from itertools import combinations
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.training import Example
from spacy.util import registry

from claimattr.scoring.spans import greedy_match, overlap

FIGURE_SCORE_WEIGHTS: Dict[str, float] = {
    "figure_pair_f": 0.5,
    "figure_dispute_f": 0.5,
    "figure_pair_p": 0.0,
    "figure_pair_r": 0.0,
    "figure_dispute_p": 0.0,
    "figure_dispute_r": 0.0,
}
"""``figure_grouper``'s ``default_score_weights``: grouping and dispute flags count equally."""

COUNT_KEYS = ("pair_tp", "pair_pred", "pair_gold", "dispute_tp", "dispute_fp", "dispute_fn", "dispute_unmatched_fp",
              "gold_members", "aligned_members")

Member = Tuple[int, int]


def _members(group: Dict[str, Any]) -> List[Member]:
    return [(int(m["start"]), int(m["end"])) for m in group.get("members", [])]


def align_members(pred: Sequence[Dict[str, Any]], gold: Sequence[Dict[str, Any]]) -> Dict[Member, Member]:
    """Predicted member offsets -> the gold member offsets they align with (character overlap)."""
    pred_spans = sorted({m for g in pred for m in _members(g)})
    gold_spans = sorted({m for g in gold for m in _members(g)})
    matched = greedy_match(pred_spans, gold_spans, lambda i, j: overlap([pred_spans[i]], [gold_spans[j]]))
    return {pred_spans[i]: gold_spans[j] for i, j in matched}


def compare_figures(pred: Sequence[Dict[str, Any]], gold: Sequence[Dict[str, Any]],
                    alignment: Optional[Dict[Member, Member]] = None) -> Dict[str, int]:
    """Counts for one document (or one story, with members keyed so they are unique across it)."""
    alignment = align_members(pred, gold) if alignment is None else alignment
    gold_group = {m: index for index, g in enumerate(gold) for m in _members(g)}
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["gold_members"] = len(gold_group)
    counts["aligned_members"] = sum(1 for m in alignment.values() if m in gold_group)
    gold_pairs = {frozenset(p) for g in gold for p in combinations(sorted(set(_members(g))), 2)}
    pred_pairs = set()
    for group in pred:
        for a, b in combinations(sorted(set(_members(group))), 2):
            pred_pairs.add(frozenset((alignment.get(a, ("pred",) + a), alignment.get(b, ("pred",) + b))))
    counts["pair_gold"] = len(gold_pairs)
    counts["pair_pred"] = len(pred_pairs)
    counts["pair_tp"] = len(pred_pairs & gold_pairs)
    picked = set()
    for g in gold:
        members = set(_members(g))
        best, best_shared = None, 0
        for index, group in enumerate(pred):
            shared = sum(1 for m in _members(group) if alignment.get(m) in members)
            if shared > best_shared:
                best, best_shared = index, shared
        flag = bool(pred[best].get("disputed")) if best is not None else False
        if best is not None:
            picked.add(best)
        gold_flag = bool(g.get("disputed"))
        counts["dispute_tp"] += int(flag and gold_flag)
        counts["dispute_fp"] += int(flag and not gold_flag)
        counts["dispute_fn"] += int(gold_flag and not flag)
    counts["dispute_unmatched_fp"] = sum(1 for i, g in enumerate(pred) if g.get("disputed") and i not in picked)
    return counts


def _prf(tp: int, pred: int, gold: int) -> Tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise_figure_counts(counts: Dict[str, int]) -> Dict[str, float]:
    """P/R/F1 (0..1) of pairs and dispute flags from summed counts."""
    pair = _prf(counts["pair_tp"], counts["pair_pred"], counts["pair_gold"])
    dispute = _prf(counts["dispute_tp"], counts["dispute_tp"] + counts["dispute_fp"], counts["dispute_tp"] + counts["dispute_fn"])
    return {
        "pair_p": pair[0], "pair_r": pair[1], "pair_f": pair[2],
        "dispute_p": dispute[0], "dispute_r": dispute[1], "dispute_f": dispute[2],
        "dispute_unmatched_fp": counts["dispute_unmatched_fp"],
        "member_alignment": counts["aligned_members"] / counts["gold_members"] if counts["gold_members"] else 0.0,
    }


def add_counts(total: Dict[str, int], counts: Dict[str, int]) -> Dict[str, int]:
    for key in COUNT_KEYS:
        total[key] = total.get(key, 0) + counts.get(key, 0)
    return total


def score_figures(examples: Iterable[Example], **kwargs: Any) -> Dict[str, float]:
    """``figure_*`` scores: the reference docs hold gold groups in ``doc._.figures``."""
    total = dict.fromkeys(COUNT_KEYS, 0)
    for example in examples:
        add_counts(total, compare_figures(_figures(example.predicted), _figures(example.reference)))
    return {f"figure_{key}": value for key, value in summarise_figure_counts(total).items()}


def _figures(doc: Any) -> List[Dict[str, Any]]:
    from claimattr.figures.figures_component import FIGURES_KEY

    return list(doc.user_data.get(FIGURES_KEY, []))


@registry.scorers("claimattr.figure_scorer.v1")
def make_figure_scorer() -> Callable[..., Dict[str, float]]:
    """The registered scorer, for ``[components.figure_grouper.scorer]`` and ``nlp.evaluate``."""
    return score_figures


__all__ = ["FIGURE_SCORE_WEIGHTS", "add_counts", "align_members", "compare_figures", "make_figure_scorer",
           "score_figures", "summarise_figure_counts"]
