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

GAP_EDGES = (-40, -20, -10, -5, -2, 0, 1, 3, 6, 11, 21, 41)
"""Edges of the gap buckets: bucket ``i`` holds gaps from ``GAP_EDGES[i - 1]`` up to below ``GAP_EDGES[i]``."""
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


def signed_gaps(cues: numpy.ndarray, others: numpy.ndarray) -> numpy.ndarray:
    """Tokens between every cue and every other span (``(start, end)`` rows; cues x others);
    negative when the other span comes before the cue, 0 when they overlap."""
    cue_start, cue_end = cues[:, 0, None], cues[:, 1, None]
    other_start, other_end = others[None, :, 0], others[None, :, 1]
    return numpy.where(other_start >= cue_end, other_start - cue_end,
                       numpy.where(other_end <= cue_start, other_end - cue_start - 1, 0))


def pair_features(cues: numpy.ndarray, others: numpy.ndarray, types: numpy.ndarray, pairs: Tuple[numpy.ndarray, numpy.ndarray],
                  newline_prefix: numpy.ndarray) -> numpy.ndarray:
    """Position features of the ``(cue index, other index)`` pairs, one-hot per bucket: the gap,
    how many other cues are nearer to the span than this one, how many cues and line breaks lie
    between, the link type, then the span's length. All pairs of a document at once: the cue
    counts compare each pair with every cue."""
    cue_index, other_index = pairs
    n_pairs, rows = len(cue_index), numpy.arange(len(cue_index))
    gaps = signed_gaps(cues, others)
    distance = numpy.abs(gaps[cue_index, other_index])
    nearer = numpy.abs(gaps[:, other_index]).T < distance[:, None]
    low = numpy.minimum(cues[cue_index, 1], others[other_index, 1])
    high = numpy.maximum(cues[cue_index, 0], others[other_index, 0])
    inside = (cues[None, :, 0] >= low[:, None]) & (cues[None, :, 1] <= high[:, None])
    nearer[rows, cue_index] = inside[rows, cue_index] = False  # the pair's own cue does not count
    buckets = (
        (numpy.searchsorted(GAP_EDGES, gaps[cue_index, other_index], side="right"), len(GAP_EDGES) + 1),
        (nearer.sum(axis=1), RANK_BUCKETS),
        (inside.sum(axis=1), BETWEEN_BUCKETS),
        (numpy.where(high > low, newline_prefix[high] - newline_prefix[low], 0), BETWEEN_BUCKETS),
        (types, len(LINK_TYPES)),
    )
    features = numpy.zeros((n_pairs, N_FEATURES), dtype="f")
    offset = 0
    for values, size in buckets:
        features[rows, offset + numpy.minimum(values, size - 1)] = 1.0
        offset += size
    features[:, offset] = numpy.log1p(others[other_index, 1] - others[other_index, 0]) / 5.0
    return features


def candidate_pairs(doc: Doc, spans: Sequence[Span], max_gap: int) -> Tuple[List[Tuple[Span, Span]], PairBatch]:
    """Every (cue, content) and (cue, source) pair at most ``max_gap`` tokens apart, with features."""
    cues = [s for s in spans if s.label_ == CUE_LABEL]
    others = [s for s in spans if s.label_ in LINK_TYPES]
    cue_at = numpy.array([(s.start, s.end) for s in cues], dtype="i").reshape(-1, 2)
    other_at = numpy.array([(s.start, s.end) for s in others], dtype="i").reshape(-1, 2)
    cue_index, other_index = numpy.nonzero(numpy.abs(signed_gaps(cue_at, other_at)) <= max_gap)
    pairs = [(cues[c], others[o]) for c, o in zip(cue_index.tolist(), other_index.tolist())]
    offsets = numpy.concatenate([cue_at[cue_index], other_at[other_index]], axis=1)
    types = numpy.array([LINK_TYPES.index(s.label_) for s in others], dtype="i")[other_index]
    newline_prefix = numpy.concatenate([[0], numpy.cumsum([("\n" in t.text_with_ws) for t in doc], dtype=numpy.int64)])
    features = pair_features(cue_at, other_at, types, (cue_index, other_index), newline_prefix)
    return pairs, PairBatch(doc, offsets, types, features)


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
