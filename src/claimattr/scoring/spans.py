"""Character ranges: trimming, overlap and one-to-one matching, for every scorer and comparer.

A range is ``(start, end)`` in characters; a span made of several pieces is a sequence of
ranges (its union). :func:`greedy_match` pairs predicted and gold items one-to-one by a score,
as ``claimattr.claim_scorer.v1`` pairs claims and as ``claimattr corpus build`` pairs
pre-annotated and corrected claims.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from typing import Callable, Iterable, List, Sequence, Tuple

Range = Tuple[int, int]


def _is_trimmable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, start: int, end: int) -> Range:
    """Offsets without surrounding whitespace and punctuation, so ``“Yes,”`` equals ``Yes``."""
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def overlap(a: Sequence[Range], b: Sequence[Range]) -> int:
    """Characters shared by two unions of ranges (each a few pieces at most)."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def extent(ranges: Sequence[Range]) -> Range:
    """From the first start to the last end; ``(0, 0)`` for no ranges."""
    return (min(s for s, _ in ranges), max(e for _, e in ranges)) if ranges else (0, 0)


def _candidates(pred: Sequence[Range], gold: Sequence[Range]) -> Iterable[Tuple[int, int]]:
    """Pairs whose extents overlap: the only ones that can score, found without an n*m scan."""
    order = sorted(range(len(gold)), key=lambda j: gold[j][0])
    starts = [gold[j][0] for j in order]
    for i, (start, end) in enumerate(pred):
        for j in order[: bisect_left(starts, end)]:
            if gold[j][1] > start:
                yield i, j


def greedy_match(
    pred: Sequence[Range], gold: Sequence[Range], score: Callable[[int, int], float]
) -> List[Tuple[int, int]]:
    """One-to-one (pred, gold) index pairs, best-scoring first; pairs scoring <= 0 never match.

    ``pred`` and ``gold`` are the items' extents; only items whose extents overlap are scored.
    """
    pairs = [(score(i, j), i, j) for i, j in _candidates(pred, gold)]
    pairs = sorted((p for p in pairs if p[0] > 0), key=lambda p: (-p[0], p[1], p[2]))
    used_pred, used_gold, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            matched.append((i, j))
    return matched


__all__ = ["Range", "extent", "greedy_match", "overlap", "trim"]
