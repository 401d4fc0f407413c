"""``claimattr.claim_tagger_scorer.v1``: exact span scores of the claim parts a tagger predicts."""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterable

from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from claimattr.schema import CLAIM_SPANS

PREDICTED_SPANS = "claim_parts"
"""The span group the trainable tagger writes its CUE/CONTENT/SOURCE spans to."""


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
