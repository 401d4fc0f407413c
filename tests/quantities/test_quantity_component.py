"""The ``quantity_normaliser`` component: factory, config, claim linking, serialisation, invariants."""
from __future__ import annotations

import json
import math
from typing import Any, Dict, List

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quantity_helpers import quantities

import claimattr
from claimattr.quantities import QuantityNormaliser, make_quantity_normaliser


def test_the_factory_and_its_settings(nlp):
    pipe = nlp.get_pipe("quantity_normaliser")
    assert isinstance(pipe, QuantityNormaliser) and callable(make_quantity_normaliser)
    config = nlp.config["components"]["quantity_normaliser"]
    assert config["lexicon_path"] is None and config["link_claims"] is True
    assert config["scorer"] == {"@scorers": "claimattr.quantity_scorer.v1"}


def test_works_without_claim_components(nlp):
    doc = nlp("Officials said 12 people died.")
    assert "claimattr_claims" not in doc.user_data
    assert [span.text for span in doc.spans["quantities"]] == ["12"]




def test_seed_report_quantities_are_linked_to_their_claims():
    nlp = claimattr.load("rules")
    doc = nlp(claimattr.example_report())
    linked = {q.text: q for claim in doc._.claims for q in claim.quantities}
    assert {"58", "25", "30"} <= set(linked)
    assert (linked["58"].event.lemma, linked["25"].event.lemma, linked["30"].event.lemma) == ("kill", "capture", "wound")
    for claim in doc._.claims:
        for quantity in claim.quantities:
            assert any(p.start <= quantity.start and quantity.end <= p.end for p in claim.content)


def _run_all(nlp, doc):
    """Run every component on a Doc made by hand (claims set before the normaliser runs)."""
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


def test_a_quantity_is_linked_to_the_innermost_claim_only(nlp):
    from claimattr.schema import Claim, TextSpan

    text = 'The minister said the mayor had claimed that 40 homes burned, and added that aid was coming.'
    doc = nlp.make_doc(text)
    outer_start, inner_start = text.index("the mayor"), text.index("40 homes")
    outer = Claim("indirect", TextSpan("said", text.index("said"), text.index("said") + 4),
                  [TextSpan(text[outer_start:-1], outer_start, len(text) - 1)])
    inner = Claim("indirect", TextSpan("claimed", text.index("claimed"), text.index("claimed") + 7),
                  [TextSpan(text[inner_start:text.index(",")], inner_start, text.index(","))])
    doc._.claims = [outer, inner]
    doc = _run_all(nlp, doc)
    outer_q, inner_q = ([q.text for q in c.quantities] for c in doc._.claims)
    assert (outer_q, inner_q) == ([], ["40"])


def test_link_claims_false_leaves_claims_alone(nlp):
    from claimattr.schema import Claim, TextSpan

    text = "The mayor said 40 homes burned."
    doc = nlp.make_doc(text)
    doc._.claims = [Claim("indirect", TextSpan("said", 10, 14), [TextSpan("40 homes burned", 15, 30)])]
    pipe = nlp.get_pipe("quantity_normaliser")
    pipe.link_claims = False
    try:
        doc = _run_all(nlp, doc)
    finally:
        pipe.link_claims = True
    assert [q.text for q in doc._.quantities] == ["40"] and doc._.claims[0].quantities == []


def test_serialisation_round_trips_through_bytes(nlp, tmp_path):
    pipe: QuantityNormaliser = nlp.get_pipe("quantity_normaliser")
    other = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"]).get_pipe("quantity_normaliser")
    other.from_bytes(pipe.to_bytes())
    assert other.lexicon == pipe.lexicon
    pipe.to_disk(tmp_path / "q")
    assert json.loads((tmp_path / "q" / pipe.lexicon_file).read_text(encoding="utf8")) == pipe.lexicon


def test_serialisation_round_trips_through_disk(nlp, tmp_path):
    pipe: QuantityNormaliser = nlp.get_pipe("quantity_normaliser")
    other = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"]).get_pipe("quantity_normaliser")
    pipe.to_disk(tmp_path / "q")
    assert other.from_disk(tmp_path / "q").lexicon == pipe.lexicon


def test_doc_round_trip_keeps_quantities(nlp):
    from spacy.tokens import Doc

    doc = nlp("More than 300 civilians were killed.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [q.to_dict() for q in restored._.quantities] == [q.to_dict() for q in doc._.quantities]


# --- properties ------------------------------------------------------------------------------


@given(st.text(max_size=120))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_text_never_raises_and_values_are_consistent(nlp, text):
    _check_invariants(quantities(nlp, text))


NEWSY = st.lists(st.sampled_from([
    "more than", "at least", "up to", "nearly", "between", "and", "to", "-", "$", "£", "per cent", "%", "dozens", "of",
    "hundreds", "thousands", "tens", "million", "bn", "m", "a", "dozen", "half", "two", "thirds", "fifty", "eight",
    "1,000", "2.5", "20", "25", "2021", "01:06", "PM", "Sunday", "soldiers", "were", "killed", "in", "or", "one", "five",
]), max_size=14).map(" ".join)


@given(NEWSY)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_number_heavy_text_keeps_values_finite_and_bounded(nlp, text):
    _check_invariants(quantities(nlp, text))


def _check_invariants(found: List[Dict[str, Any]]) -> None:
    for quantity in found:
        values = [quantity[k] for k in ("value", "low", "high") if quantity[k] is not None]
        assert all(math.isfinite(v) for v in values)
        if quantity["value"] is not None and quantity["low"] is not None:
            assert quantity["low"] <= quantity["value"]
        if quantity["value"] is not None and quantity["high"] is not None:
            assert quantity["value"] <= quantity["high"]
        assert quantity["relation"] in ("=", "~", ">", ">=", "<", "<=")
