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
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import (
    Config, Model, Optimizer, SequenceCategoricalCrossentropy,
)
from thinc.types import Floats2d

from claimattr.claim_tagger.decoding import allowed_transitions, bio_labels, bio_viterbi, spans_to_tags, tags_to_spans
from claimattr.claim_tagger.tagger_model import DEFAULT_TAGGER_MODEL
from claimattr.schema import CLAIM_SPANS, CONTENT_LABEL, CUE_LABEL, SOURCE_LABEL
from claimattr.scoring.parts import PREDICTED_SPANS, score_claim_parts

SPAN_LABELS = (CUE_LABEL, CONTENT_LABEL, SOURCE_LABEL)

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
        return bio_viterbi([self.model.ops.to_numpy(doc_scores) for doc_scores in scores], self.labels, allowed)

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
