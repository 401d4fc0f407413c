"""The thinc model behind ``attribution_linker``: score (cue, content) and (cue, source) pairs.

In the style of explosion's relation-extraction tutorial: token vectors from a (shared) tok2vec,
one vector per candidate span by mean pooling, the two span vectors of a pair concatenated with a
few position features, then a hidden layer and one logit per link type. Position features matter
because the deciding cue is usually the nearest one with no other cue in between, which the pooled
vectors alone cannot see.

Input: a list of :class:`PairBatch` (one per document). Output: logits, one row per pair, one
column per link type (``LINK_TYPES``); the loss is a binary cross-entropy on the column that the
pair's type selects, computed by the component.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

import numpy
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Linear, Model, Relu, chain
from thinc.types import Floats2d, Ints2d

from claimattr.schema import CONTENT_LABEL, CUE_LABEL, SOURCE_LABEL

LINK_TYPES = (CONTENT_LABEL, SOURCE_LABEL)
"""Column order of the model's output: column 0 = "this content belongs to this cue", 1 = source."""

GAP_EDGES = numpy.array([-40, -20, -10, -5, -2, 0, 1, 3, 6, 11, 21, 41])
RANK_BUCKETS = 4
BETWEEN_BUCKETS = 3
N_FEATURES = len(GAP_EDGES) + 1 + RANK_BUCKETS + 2 * BETWEEN_BUCKETS + len(LINK_TYPES) + 1


@dataclass
class PairBatch:
    """One document's candidate pairs: token offsets ``(cue_start, cue_end, other_start, other_end)``,
    the link type column of each pair, and its position features."""

    doc: Doc
    offsets: Ints2d
    types: numpy.ndarray
    features: numpy.ndarray

    def __len__(self) -> int:
        return int(self.offsets.shape[0])


def signed_gap(cue: Span, other: Span) -> int:
    """Tokens between the two spans; negative when ``other`` comes before the cue."""
    if other.start >= cue.end:
        return other.start - cue.end
    if other.end <= cue.start:
        return -(cue.start - other.end) - 1
    return 0


def _one_hot(index: int, size: int) -> List[float]:
    row = [0.0] * size
    row[min(index, size - 1)] = 1.0
    return row


def pair_features(doc: Doc, cue: Span, other: Span, cues: Sequence[Span], newline_prefix: numpy.ndarray) -> List[float]:
    """Position features of one pair: gap bucket, how many cues are nearer to ``other`` than this
    one, how many cues and line breaks lie between, the link type and the span's length."""
    gap = signed_gap(cue, other)
    gap_bucket = int(numpy.digitize(gap, GAP_EDGES))
    distance = abs(gap)
    rank = sum(1 for c in cues if c is not cue and abs(signed_gap(c, other)) < distance)
    low, high = min(cue.end, other.end), max(cue.start, other.start)
    between = sum(1 for c in cues if c is not cue and c.start >= low and c.end <= high)
    newlines = int(newline_prefix[high] - newline_prefix[low]) if high > low else 0
    link_type = LINK_TYPES.index(other.label_)
    return (_one_hot(gap_bucket, len(GAP_EDGES) + 1) + _one_hot(rank, RANK_BUCKETS)
            + _one_hot(between, BETWEEN_BUCKETS) + _one_hot(newlines, BETWEEN_BUCKETS)
            + _one_hot(link_type, len(LINK_TYPES)) + [numpy.log1p(len(other)) / 5.0])


def candidate_pairs(doc: Doc, spans: Sequence[Span], max_gap: int) -> Tuple[List[Tuple[Span, Span]], PairBatch]:
    """Every (cue, content) and (cue, source) pair at most ``max_gap`` tokens apart, with features."""
    cues = [s for s in spans if s.label_ == CUE_LABEL]
    others = [s for s in spans if s.label_ in LINK_TYPES]
    newline_prefix = numpy.concatenate([[0], numpy.cumsum([("\n" in t.text_with_ws) for t in doc])])
    pairs = [(cue, other) for cue in cues for other in others if abs(signed_gap(cue, other)) <= max_gap]
    offsets = numpy.array([(c.start, c.end, o.start, o.end) for c, o in pairs], dtype="i").reshape(-1, 4)
    types = numpy.array([LINK_TYPES.index(o.label_) for _, o in pairs], dtype="i")
    features = numpy.array([pair_features(doc, c, o, cues, newline_prefix) for c, o in pairs], dtype="f")
    return pairs, PairBatch(doc, offsets, types, features.reshape(-1, N_FEATURES))


@registry.architectures("claimattr.AttributionLinker.v1")
def build_attribution_linker(
    tok2vec: Model[List[Doc], List[Floats2d]], hidden_width: int = 128, dropout: float = 0.1
) -> Model[List[PairBatch], Floats2d]:
    """Pooled pair vectors + features -> Relu hidden layer -> one logit per link type."""
    model = chain(
        span_pair_pooler(tok2vec),
        Relu(nO=hidden_width, dropout=dropout),
        Linear(nO=len(LINK_TYPES)),
    )
    model.set_ref("tok2vec", tok2vec)
    return model


def span_pair_pooler(tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[PairBatch], Floats2d]:
    """Mean-pool the token vectors of both spans of every pair and append the pair's features."""
    return Model("span_pair_pooler", _pool_forward, layers=[tok2vec], init=_pool_init, dims={"nO": None})


def _pool_init(model: Model, X: Optional[List[PairBatch]] = None, Y: Optional[Floats2d] = None) -> None:
    tok2vec = model.layers[0]
    docs = [batch.doc for batch in X] if X is not None else None
    tok2vec.initialize(X=docs) if docs else tok2vec.initialize()
    if tok2vec.has_dim("nO") is True:
        width = tok2vec.get_dim("nO")
    elif docs:  # e.g. a transformer listener chain: its width shows in its output only
        width = tok2vec.predict(docs[:1])[0].shape[1]
    else:
        raise ValueError("span_pair_pooler: the tok2vec width is unknown; initialize with examples")
    model.set_dim("nO", 2 * width + N_FEATURES)


def _mean_rows(ops, prefix: Floats2d, starts: numpy.ndarray, ends: numpy.ndarray) -> Floats2d:
    lengths = ops.asarray(numpy.maximum(ends - starts, 1), dtype="f").reshape(-1, 1)
    return (prefix[ends] - prefix[starts]) / lengths


def _spread(ops, d_means: Floats2d, starts: numpy.ndarray, ends: numpy.ndarray, n_rows: int) -> Floats2d:
    """Backprop of mean pooling: each span's gradient, divided by its length, to each of its rows."""
    width = d_means.shape[1]
    lengths = ops.asarray(numpy.maximum(ends - starts, 1), dtype="f").reshape(-1, 1)
    diff = ops.alloc2f(n_rows + 1, width)
    scaled = d_means / lengths
    ops.xp.add.at(diff, ops.asarray(starts), scaled)
    ops.xp.add.at(diff, ops.asarray(ends), -scaled)
    return ops.xp.cumsum(diff, axis=0)[:n_rows]


def _pool_forward(model: Model, X: List[PairBatch], is_train: bool) -> Tuple[Floats2d, Callable]:
    ops = model.ops
    tokvecs, backprop_tok2vec = model.layers[0]([batch.doc for batch in X], is_train)
    rows, shapes = [], []
    for batch, vecs in zip(X, tokvecs):
        prefix = ops.xp.concatenate([ops.alloc2f(1, vecs.shape[1]), ops.xp.cumsum(vecs, axis=0)])
        o = batch.offsets
        cue = _mean_rows(ops, prefix, o[:, 0], o[:, 1])
        other = _mean_rows(ops, prefix, o[:, 2], o[:, 3])
        rows.append(ops.xp.concatenate([cue, other, ops.asarray(batch.features, dtype="f")], axis=1))
        shapes.append((vecs.shape[0], vecs.shape[1]))
    width = 2 * (tokvecs[0].shape[1] if tokvecs else 0) + N_FEATURES
    output = ops.xp.concatenate(rows) if rows else ops.alloc2f(0, width)

    def backprop(d_output: Floats2d) -> List[PairBatch]:
        d_tokvecs, start = [], 0
        for batch, (n_rows, vec_width) in zip(X, shapes):
            d_rows = d_output[start:start + len(batch)]
            start += len(batch)
            o = batch.offsets
            d_vecs = _spread(ops, d_rows[:, :vec_width], o[:, 0], o[:, 1], n_rows)
            d_vecs += _spread(ops, d_rows[:, vec_width:2 * vec_width], o[:, 2], o[:, 3], n_rows)
            d_tokvecs.append(d_vecs)
        backprop_tok2vec(d_tokvecs)
        return X

    return output, backprop
