"""``claim_tagger``: a trainable BIO tagger for the CUE, CONTENT and SOURCE spans of claims.

Why a tagger and not ``span_finder`` + ``spancat``: in attribution corpora such as PolNeAR every
token belongs to at most one attribution part, so the parts form a tag sequence, and contents are
long clauses (often 20-60 tokens). A span suggester would have to propose every span up to that
length (quadratic in the length cap), while a tagger reads one label per token in linear time and
a constrained Viterbi decode turns the labels into well-formed spans. The predicted spans go to
``doc.spans[spans_key]`` (labels ``CUE``, ``CONTENT``, ``SOURCE``) for ``attribution_linker``.

Gold spans are read from the reference document's ``doc.spans[gold_key]`` (``"claims"``, which
``doc._.claims`` fills), so any corpus converted to claims trains it without extra work.
"""

from itertools import islice
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, registry
from spacy.vocab import Vocab
from thinc.api import (
    LSTM, Config, Maxout, Model, Optimizer, SequenceCategoricalCrossentropy, Softmax_v2, chain, with_array,
    with_padded, zero_init,
)
from thinc.types import Floats2d

from .model import CLAIM_SPANS, CONTENT_LABEL, CUE_LABEL, SOURCE_LABEL

SPAN_LABELS = (CUE_LABEL, CONTENT_LABEL, SOURCE_LABEL)
OUTSIDE = "O"
PREDICTED_SPANS = "claim_parts"

DEFAULT_TAGGER_MODEL = """
[model]
@architectures = "claimattr.ClaimTagger.v1"
hidden_width = 0

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""


@registry.architectures("claimattr.ClaimTagger.v1")
def build_claim_tagger(
    tok2vec: Model[List[Doc], List[Floats2d]],
    hidden_width: int = 0,
    lstm_width: int = 0,
    lstm_depth: int = 1,
    nO: Optional[int] = None,
) -> Model[List[Doc], List[Floats2d]]:
    """Token vectors -> (optional BiLSTM) -> (optional Maxout layer) -> softmax over BIO labels.

    A window CNN sees a few tokens either side, but where a content starts often depends on a
    cue 20 tokens later ("X was headed to the hospital, aides said"); the BiLSTM (``lstm_width``
    > 0, the output width of both directions together) carries that sentence-wide context. The
    hidden layer lets a shared tok2vec specialise for the tagger without widening it.
    """
    width = tok2vec.get_dim("nO") if tok2vec.has_dim("nO") is True else None
    layers: List[Model] = []
    if lstm_width:
        layers.append(with_padded(LSTM(nO=lstm_width, nI=width, bi=True, depth=lstm_depth)))
        width = lstm_width
    if hidden_width:
        layers.append(with_array(Maxout(hidden_width, width, nP=2, normalize=True)))
        width = hidden_width
    output = Softmax_v2(nO, width, init_W=zero_init)
    model = chain(tok2vec, *layers, with_array(output))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model


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


def gold_spans(example: Example, gold_key: str) -> List[Span]:
    """The reference spans of ``gold_key`` mapped onto the predicted tokenisation by characters
    (the label travels as a string, so the reference may come from another vocab)."""
    reference, predicted = example.reference, example.predicted
    if gold_key not in reference.spans:
        return []
    spans = (predicted.char_span(s.start_char, s.end_char, label=s.label_, alignment_mode="expand")
             for s in reference.spans[gold_key])
    return [span for span in spans if span is not None and len(span)]


@Language.factory(
    "claim_tagger",
    assigns=["doc.spans"],
    default_config={
        "model": Config().from_str(DEFAULT_TAGGER_MODEL)["model"],
        "spans_key": PREDICTED_SPANS,
        "gold_key": CLAIM_SPANS,
        "span_labels": list(SPAN_LABELS),
        "scorer": {"@scorers": "claimattr.claim_tagger_scorer.v1"},
    },
    default_score_weights={"claim_parts_f": 0.3, "claim_parts_p": 0.0, "claim_parts_r": 0.0},
)
def make_claim_tagger(
    nlp: Language,
    name: str,
    model: Model[List[Doc], List[Floats2d]],
    spans_key: str,
    gold_key: str,
    span_labels: List[str],
    scorer: Optional[Callable],
) -> "ClaimTagger":
    return ClaimTagger(nlp.vocab, model, name, spans_key=spans_key, gold_key=gold_key,
                       span_labels=span_labels, scorer=scorer)


def score_claim_parts(examples: Iterable[Example], *, spans_key: str = PREDICTED_SPANS,
                      gold_key: str = CLAIM_SPANS, **kwargs: Any) -> Dict[str, Any]:
    """Exact span P/R/F (per label too) of the predicted parts against the gold claim spans."""
    def getter(doc: Doc, attr: str) -> Iterable[Span]:
        key = spans_key if spans_key in doc.spans else gold_key
        return doc.spans[key] if key in doc.spans else []

    return Scorer.score_spans(examples, attr=spans_key, getter=getter, allow_overlap=True, **kwargs)


@registry.scorers("claimattr.claim_tagger_scorer.v1")
def make_claim_tagger_scorer() -> Callable[..., Dict[str, Any]]:
    return score_claim_parts


class ClaimTagger(TrainablePipe):
    """Tag every token ``O`` / ``B-X`` / ``I-X`` and write the decoded spans to ``doc.spans``."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "claim_tagger",
        *,
        spans_key: str = PREDICTED_SPANS,
        gold_key: str = CLAIM_SPANS,
        span_labels: Sequence[str] = SPAN_LABELS,
        scorer: Optional[Callable] = score_claim_parts,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: Dict[str, Any] = {"spans_key": spans_key, "gold_key": gold_key, "span_labels": list(span_labels)}
        self._allowed: Optional[numpy.ndarray] = None

    # ------------------------------------------------------------------ labels
    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(bio_labels(self.cfg["span_labels"]))

    @property
    def spans_key(self) -> str:
        return self.cfg["spans_key"]

    def _transitions(self) -> numpy.ndarray:
        if self._allowed is None or self._allowed.shape[0] != len(self.labels):
            self._allowed = allowed_transitions(self.labels)
        return self._allowed

    def add_label(self, label: str) -> int:
        """Add a span label (``X`` gives tags ``B-X`` and ``I-X``); only before training."""
        if label in self.cfg["span_labels"]:
            return 0
        self._allow_extra_label()
        self.cfg["span_labels"].append(label)
        return 1

    # ------------------------------------------------------------------ prediction
    def predict(self, docs: Iterable[Doc]) -> List[List[int]]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        scores = self.model.predict(docs)
        allowed = self._transitions()
        return [bio_viterbi(self.model.ops.to_numpy(doc_scores), self.labels, allowed) for doc_scores in scores]

    def set_annotations(self, docs: Iterable[Doc], tag_ids: List[List[int]]) -> None:
        labels = self.labels
        for doc, ids in zip(docs, tag_ids):
            doc.spans[self.spans_key] = tags_to_spans(doc, [labels[i] for i in ids])

    # ------------------------------------------------------------------ training
    def _truth(self, example: Example) -> List[str]:
        return spans_to_tags(example.predicted, gold_spans(example, self.cfg["gold_key"]))

    def get_loss(self, examples: Iterable[Example], scores: List[Floats2d]) -> Tuple[float, List[Floats2d]]:
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False)
        truths = [self._truth(example) for example in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"{self.name}: NaN loss")
        return float(loss), d_scores

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optional[Optimizer] = None,
        losses: Optional[Dict[str, float]] = None,
    ) -> Dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)  # all of them, empty docs too: a tok2vec listener needs the whole batch
        if not any(len(eg.predicted) for eg in examples):
            return losses
        scores, backprop = self.model.begin_update([eg.predicted for eg in examples])
        loss, d_scores = self.get_loss(examples, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Optional[Language] = None,
        span_labels: Optional[Sequence[str]] = None,
    ) -> None:
        """Labels from the data (or ``span_labels``), then shape the model on a sample."""
        self._require_labels_from(get_examples, span_labels)
        sample = list(islice(get_examples(), 10))
        docs = [eg.predicted for eg in sample]
        index = {label: i for i, label in enumerate(self.labels)}
        truths = []
        for eg in sample:
            row = numpy.zeros((len(eg.predicted), len(index)), dtype="f")
            for i, tag in enumerate(self._truth(eg)):
                row[i, index.get(tag, 0)] = 1.0
            truths.append(self.model.ops.asarray(row))
        self.model.initialize(X=docs, Y=truths)

    def _require_labels_from(self, get_examples: Callable[[], Iterable[Example]], span_labels: Optional[Sequence[str]]) -> None:
        if span_labels:
            self.cfg["span_labels"] = list(span_labels)
            return
        found = {span.label_ for eg in get_examples() for span in gold_spans(eg, self.cfg["gold_key"])}
        extra = sorted(found - set(self.cfg["span_labels"]))
        self.cfg["span_labels"] = list(self.cfg["span_labels"]) + extra

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        scorer = self.scorer or score_claim_parts
        return scorer(examples, spans_key=self.spans_key, gold_key=self.cfg["gold_key"], **kwargs)
