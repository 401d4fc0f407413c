"""From per-token label probabilities to well-formed claim-part spans (BIO tags, Viterbi)."""
from __future__ import annotations

from typing import Iterable, List, Sequence

import numpy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

OUTSIDE = "O"


def bio_labels(span_labels: Sequence[str]) -> List[str]:
    """``O`` then ``B-X``, ``I-X`` for each span label, in a fixed order (the model's columns)."""
    return [OUTSIDE] + [f"{prefix}-{label}" for label in span_labels for prefix in "BI"]


def spans_to_tags(doc: Doc, spans: Iterable[Span]) -> List[str]:
    """The BIO tags of ``doc`` for ``spans``; overlapping spans keep the longest (filter_spans)."""
    tags = [OUTSIDE] * len(doc)
    for span in filter_spans(spans):
        tags[span.start] = f"B-{span.label_}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label_}"
    return tags


def allowed_transitions(labels: Sequence[str]) -> numpy.ndarray:
    """``allowed[i, j]``: may tag ``labels[j]`` follow ``labels[i]``? (I-X only after B-X or I-X)."""
    n = len(labels)
    allowed = numpy.ones((n, n), dtype=bool)
    for j, label in enumerate(labels):
        if label.startswith("I-"):
            for i, previous in enumerate(labels):
                allowed[i, j] = previous[2:] == label[2:] and previous != OUTSIDE
    return allowed


def bio_viterbi(scores: Sequence[numpy.ndarray], labels: Sequence[str], allowed: numpy.ndarray) -> List[List[int]]:
    """Best well-formed tag sequence of each document under its token probabilities ``scores``
    (one tokens x labels array per document).

    Argmax alone can output ``O I-CONTENT`` and split one long content in two; the constrained
    decode never does, which matters for exact-match content scores. The documents of a batch are
    decoded together, one step per token position rather than per token of every document: the
    per-step work is a few tiny array operations whose call overhead, not arithmetic, is the cost.
    """
    lengths = numpy.array([len(doc_scores) for doc_scores in scores], dtype=numpy.int64)
    if not len(lengths) or lengths.max() == 0:
        return [[] for _ in scores]
    n_docs, n_steps, n_labels = len(scores), int(lengths.max()), len(labels)
    logp = numpy.zeros((n_steps, n_docs, n_labels))
    for d, doc_scores in enumerate(scores):
        logp[: lengths[d], d] = numpy.log(numpy.clip(doc_scores, 1e-8, 1.0))
    penalty = numpy.where(allowed, 0.0, -1e9)
    start_ok = numpy.array([0.0 if not label.startswith("I-") else -1e9 for label in labels])
    best = logp[0] + start_ok
    back = numpy.zeros((n_steps, n_docs, n_labels), dtype=numpy.int64)
    for t in range(1, n_steps):
        candidates = best[:, :, None] + penalty
        back[t] = candidates.argmax(axis=1)
        best = numpy.where((t < lengths)[:, None], candidates.max(axis=1) + logp[t], best)
    paths = numpy.zeros((n_docs, n_steps), dtype=numpy.int64)
    state = best.argmax(axis=1)
    docs = numpy.arange(n_docs)
    for t in range(n_steps - 1, 0, -1):
        inside = t < lengths
        paths[inside, t] = state[inside]
        state = numpy.where(inside, back[t, docs, state], state)
    paths[:, 0] = state
    return [paths[d, : lengths[d]].tolist() for d in range(n_docs)]


def tags_to_spans(doc: Doc, tags: Sequence[str]) -> List[Span]:
    """Spans from BIO tags; an ``I-X`` without its ``B-X`` still opens a span (lenient)."""
    spans: List[Span] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + [OUTSIDE]):
        prefix, _, tag_label = tag.partition("-")
        continues = prefix == "I" and tag_label == label
        if start is not None and not continues:
            spans.append(Span(doc, start, i, label=label))
            start, label = None, None
        if prefix in ("B", "I") and start is None:
            start, label = i, tag_label
    return spans
