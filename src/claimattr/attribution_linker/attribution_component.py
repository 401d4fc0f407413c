"""``attribution_linker``: assemble ``doc._.claims`` from predicted CUE / CONTENT / SOURCE spans.

A trainable relation component in the style of explosion's relation-extraction tutorial: it reads
the spans that ``claim_tagger`` wrote to ``doc.spans[spans_key]``, scores every nearby (cue, content)
and (cue, source) pair with ``claimattr.AttributionLinker.v1``, and decodes the scores into claims:
each content piece goes to its best cue (so a quote split by "he said" becomes one claim with two
pieces), each cue with content becomes a claim, and the claim takes its best source, if any
scores above the threshold (one source may serve several cues). The claim kind follows the
quotation marks (``claimattr.quotes.claim_kind``); the speaker carries the mention only, so a
``speaker_linker`` placed after this component can add the canonical name, type, role and org.

Training reads the gold claims of the reference document (``doc._.claims``): the gold spans are
the candidates, the gold claims say which pairs are links.
"""

from itertools import islice
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import Config, Model, Optimizer
from thinc.types import Floats2d

from claimattr.attribution_linker.attribution_model import LINK_TYPES, PairBatch, candidate_pairs
from claimattr.claim_tagger.tagger_model import DEFAULT_TOK2VEC
from claimattr.quotes import claim_kind
from claimattr.schema import CONTENT_LABEL, CUE_LABEL, SOURCE_LABEL, Claim, Speaker, TextSpan
from claimattr.scoring.claims import score_claims
from claimattr.scoring.parts import PREDICTED_SPANS

TokenRange = Tuple[int, int]
Link = Tuple[TokenRange, TokenRange, str]

DEFAULT_LINKER_MODEL = """
[model]
@architectures = "claimattr.AttributionLinker.v1"
hidden_width = 128
dropout = 0.1

""" + DEFAULT_TOK2VEC


@Language.factory(
    "attribution_linker",
    requires=["doc.spans"],
    assigns=["doc._.claims", "doc.spans"],
    default_config={
        "model": Config().from_str(DEFAULT_LINKER_MODEL)["model"],
        "spans_key": PREDICTED_SPANS,
        "max_gap": 60,
        "threshold": 0.5,
        "scorer": {"@scorers": "claimattr.claim_scorer.v1"},
    },
    default_score_weights={"claims_attribution_f": 0.4, "claims_content_exact_f": 0.3,
                           "claims_attribution_p": 0.0, "claims_attribution_r": 0.0},
)
def make_attribution_linker(
    nlp: Language, name: str, model: Model, spans_key: str, max_gap: int, threshold: float,
    scorer: Optional[Callable],
) -> "AttributionLinker":
    return AttributionLinker(nlp.vocab, model, name, spans_key=spans_key, max_gap=max_gap,
                             threshold=threshold, scorer=scorer)


def sigmoid(logits: numpy.ndarray) -> numpy.ndarray:
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(logits, -30, 30)))


def gold_spans_and_links(example: Example) -> Tuple[List[Span], Set[Link]]:
    """The reference claims' spans on the predicted tokens, and the (cue, other, type) links."""
    doc = example.predicted
    spans: Dict[Tuple[int, int, str], Span] = {}
    links: Set[Link] = set()

    def add(start: int, end: int, label: str) -> Optional[TokenRange]:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or not len(span):
            return None
        spans.setdefault((span.start, span.end, label), span)
        return span.start, span.end

    for claim in example.reference._.claims:
        cue = add(claim.cue.start, claim.cue.end, CUE_LABEL)
        if cue is None:
            continue
        for piece in claim.content:
            content = add(piece.start, piece.end, CONTENT_LABEL)
            if content is not None:
                links.add((cue, content, CONTENT_LABEL))
        if claim.speaker is not None:
            source = add(claim.speaker.mention.start, claim.speaker.mention.end, SOURCE_LABEL)
            if source is not None:
                links.add((cue, source, SOURCE_LABEL))
    return _without_overlaps(list(spans.values())), links


def _without_overlaps(spans: List[Span]) -> List[Span]:
    """Gold spans of different roles may overlap in a corpus; keep each token in one span."""
    kept: List[Span] = []
    taken: Set[int] = set()
    for span in sorted(spans, key=lambda s: (s.label_ != CUE_LABEL, -len(s), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: (s.start, s.end))


class AttributionLinker(TrainablePipe):
    """Link predicted cues to contents and sources and write ``doc._.claims``."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "attribution_linker",
        *,
        spans_key: str = PREDICTED_SPANS,
        max_gap: int = 60,
        threshold: float = 0.5,
        scorer: Optional[Callable] = score_claims,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: Dict[str, Any] = {"spans_key": spans_key, "max_gap": max_gap, "threshold": threshold,
                                    "labels": list(LINK_TYPES)}

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    # ------------------------------------------------------------------ prediction
    def _batch(self, doc: Doc, spans: Sequence[Span]) -> Tuple[List[Tuple[Span, Span]], PairBatch]:
        return candidate_pairs(doc, spans, self.cfg["max_gap"])

    def predict(self, docs: Iterable[Doc]) -> List[Tuple[List[Tuple[Span, Span]], numpy.ndarray]]:
        docs = list(docs)
        key = self.cfg["spans_key"]
        built = [self._batch(doc, list(doc.spans[key]) if key in doc.spans else []) for doc in docs]
        batches = [batch for _, batch in built]
        has_pairs = any(len(batch) for batch in batches)
        logits = self.model.ops.to_numpy(self.model.predict(batches)) if has_pairs else numpy.zeros((0, 2), "f")
        results, start = [], 0
        for pairs, batch in built:
            probs = sigmoid(logits[start:start + len(batch)]) if len(batch) else numpy.zeros((0, 2), "f")
            start += len(batch)
            results.append((pairs, probs[numpy.arange(len(batch)), batch.types] if len(batch) else probs[:, 0]))
        return results

    def set_annotations(self, docs: Iterable[Doc], predictions: List[Tuple[List[Tuple[Span, Span]], numpy.ndarray]]) -> None:
        for doc, (pairs, probs) in zip(docs, predictions):
            doc._.claims = self.decode(doc, pairs, probs)

    def decode(self, doc: Doc, pairs: Sequence[Tuple[Span, Span]], probs: numpy.ndarray) -> List[Claim]:
        """Each content to its best cue, each claimed cue to its best source (above threshold)."""
        threshold = self.cfg["threshold"]
        best_cue: Dict[Span, Tuple[float, Span]] = {}
        best_source: Dict[Span, Tuple[float, Span]] = {}
        for (cue, other), p in zip(pairs, probs):
            if p < threshold:
                continue
            if other.label_ == CONTENT_LABEL and p > best_cue.get(other, (0.0, None))[0]:
                best_cue[other] = (float(p), cue)
            elif other.label_ == SOURCE_LABEL and p > best_source.get(cue, (0.0, None))[0]:
                best_source[cue] = (float(p), other)
        contents: Dict[Span, List[Span]] = {}
        for content, (_, cue) in best_cue.items():
            contents.setdefault(cue, []).append(content)
        text = doc.text  # built from every token on each access: once per document
        return [self._claim(text, cue, sorted(pieces, key=lambda s: s.start), best_source.get(cue))
                for cue, pieces in sorted(contents.items(), key=lambda item: item[0].start)]

    @staticmethod
    def _claim(text: str, cue: Span, pieces: List[Span], source: Optional[Tuple[float, Span]]) -> Claim:
        content = [TextSpan.from_span(piece) for piece in pieces]
        kind = claim_kind(text, TextSpan.from_span(cue).to_dict(), [piece.to_dict() for piece in content])
        speaker = None
        if source is not None:
            mention = source[1]
            speaker = Speaker(mention=TextSpan.from_span(mention), name=mention.text)
        return Claim(kind=kind, cue=TextSpan.from_span(cue), content=content, speaker=speaker)

    # ------------------------------------------------------------------ training
    def _training_batches(self, examples: Sequence[Example]) -> Tuple[List[PairBatch], List[numpy.ndarray]]:
        # Every document stays in, pairs or not: a tok2vec listener must see the whole batch.
        batches, truths = [], []
        for example in examples:
            spans, links = gold_spans_and_links(example)
            pairs, batch = self._batch(example.predicted, spans)
            batches.append(batch)
            truths.append(numpy.array([((c.start, c.end), (o.start, o.end), o.label_) in links for c, o in pairs], dtype="f"))
        return batches, truths

    def get_loss(self, batches: Sequence[PairBatch], truths: Sequence[numpy.ndarray], logits: Floats2d) -> Tuple[float, Floats2d]:
        """Binary cross-entropy on each pair's own link-type column; the other column gets no gradient."""
        ops = self.model.ops
        types = numpy.concatenate([batch.types for batch in batches])
        truth = numpy.concatenate(truths)
        probs = sigmoid(ops.to_numpy(logits))
        rows = numpy.arange(len(types))
        chosen = probs[rows, types]
        d_logits = numpy.zeros_like(probs)
        d_logits[rows, types] = chosen - truth
        eps = 1e-7
        loss = -float(numpy.sum(truth * numpy.log(chosen + eps) + (1 - truth) * numpy.log(1 - chosen + eps)))
        return loss, ops.asarray(d_logits, dtype="f")

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
        batches, truths = self._training_batches(list(examples))
        if not batches:
            return losses
        logits, backprop = self.model.begin_update(batches)
        loss, d_logits = self.get_loss(batches, truths, logits)
        backprop(d_logits)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None) -> None:
        """Shape the model on up to 10 examples that have candidate pairs."""
        self._require_labels()
        batches, _ = self._training_batches(list(islice(get_examples(), 10)))
        if not sum(len(batch) for batch in batches):
            raise ValueError(f"{self.name}: no gold claims with cue and content in the initialization examples")
        self.model.initialize(X=batches)

    def _require_labels(self) -> None:
        self.cfg["labels"] = list(LINK_TYPES)

    def add_label(self, label: str) -> int:
        raise NotImplementedError(f"{self.name} links the fixed types {LINK_TYPES}")

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        scorer = self.scorer or score_claims
        scores = scorer(examples, **kwargs)
        return {key: value for key, value in scores.items() if not isinstance(value, dict)}
