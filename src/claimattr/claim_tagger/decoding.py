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


def bio_viterbi(scores: numpy.ndarray, labels: Sequence[str], allowed: numpy.ndarray) -> List[int]:
    """Best well-formed tag sequence under the token log-probabilities ``scores`` (tokens x labels).

    Argmax alone can output ``O I-CONTENT`` and split one long content in two; the constrained
    decode never does, which matters for exact-match content scores.
    """
    n_tokens, n_labels = scores.shape
    if n_tokens == 0:
        return []
    logp = numpy.log(numpy.clip(scores, 1e-8, 1.0))
    penalty = numpy.where(allowed, 0.0, -1e9)
    start_ok = numpy.array([0.0 if not label.startswith("I-") else -1e9 for label in labels])
    best = logp[0] + start_ok
    back = numpy.zeros((n_tokens, n_labels), dtype=numpy.int32)
    for t in range(1, n_tokens):
        candidates = best[:, None] + penalty
        back[t] = candidates.argmax(axis=0)
        best = candidates[back[t], numpy.arange(n_labels)] + logp[t]
    path = [int(best.argmax())]
    for t in range(n_tokens - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


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
