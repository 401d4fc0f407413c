"""Specification of ``quantity_normaliser``: what counts as a quantity and how it is normalised."""
from __future__ import annotations

import math
from typing import Any, Dict, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

import claimattr
from claimattr.quantities.quantities_component import QuantityNormaliser, compare_quantities, parse_number_words


@pytest.fixture(scope="module")
def nlp():
    return claimattr.load(pipes=["report_segmenter", "quantity_normaliser"])


def quantities(nlp, text: str) -> List[Dict[str, Any]]:
    return [q.to_dict() for q in nlp(text)._.quantities]


def only(nlp, text: str) -> Dict[str, Any]:
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Police arrested 1,000 protesters.", 1000),
    ("The storm left 1.5 million homes without power.", 1.5e6),
    ("Rebels said they killed fifty-eight soldiers.", 58),
    ("The coast guard rescued two dozen fishermen.", 24),
    ("The navy intercepted a dozen boats.", 12),
    ("Officials said two hundred and five prisoners escaped.", 205),
    ("The charity fed one and a half million refugees.", 1.5e6),
    ("Half of the residents left the town.", 0.5),
    ("Two-thirds of voters backed the plan.", 2 / 3),
    ("Roughly one in five children is underweight.", 0.2),
])
def test_numbers_in_digits_and_words_are_composed(nlp, text, value):
    assert math.isclose(only(nlp, text)["value"], value, rel_tol=1e-4)


@pytest.mark.parametrize("text, value, unit", [
    ("The government pledged $2bn in aid.", 2e9, "USD"),
    ("The bank lent more than £400m to firms.", 4e8, "GBP"),
    ("The EU fined the company €4.3bn.", 4.3e9, "EUR"),
    ("The budget allocates 1.5 trillion yen to defence.", 1.5e12, "JPY"),
    ("Remittances reached 30 billion Pakistani rupees.", 3e10, "PKR"),
    ("Tax revenue came in at Rs 1,200 crore.", 1.2e10, "INR"),
    ("The firm was fined 4.3 billion dollars.", 4.3e9, "USD"),
    ("Inflation rose to 6.8% in March.", 6.8, "percent"),
    ("Turnout was 40 per cent.", 40, "percent"),
    ("The rate rose by 0.5 percentage points.", 0.5, "percentage_point"),
    ("The pipeline stretches 1,200km.", 1200, "km"),
    ("Farmers sold 2 million tonnes of grain.", 2e6, "tonne"),
    ("Winds reached 180 km/h on the coast.", 180, "km/h"),
    ("He was sentenced to 12 years in prison.", 12, "year"),
])
def test_money_percent_and_units_are_normalised(nlp, text, value, unit):
    quantity = only(nlp, text)
    assert math.isclose(quantity["value"], value, rel_tol=1e-6)
    assert quantity["unit"] == unit


def test_counts_of_people_have_no_unit_but_an_entity(nlp):
    quantity = only(nlp, "Gunmen killed 14 villagers in the raid.")
    assert quantity["unit"] is None
    assert quantity["entity"]["lemma"] == "villager"
    assert quantity["event"]["lemma"] == "kill"


# --- bounds, comparatives, ranges, vague plurals ---------------------------------------------


@pytest.mark.parametrize("text, relation, low, high, approximate", [
    ("More than 300 civilians were killed.", ">", 300, None, False),
    ("Over 400 prisoners escaped.", ">", 400, None, False),
    ("At least 12 people died.", ">=", 12, None, False),
    ("He faces up to 20 years in jail.", "<=", None, 20, False),
    ("Fewer than 20 fighters remain.", "<", None, 20, False),
    ("Nearly 70 nurses resigned.", "~", None, None, True),
    ("Almost 60% of firms reported losses.", "~", None, None, True),
    ("Some 5,000 people were displaced.", "~", None, None, True),
    ("An estimated 30,000 villagers will move.", "~", None, None, True),
])
def test_modifiers_set_relation_and_bounds(nlp, text, relation, low, high, approximate):
    quantity = only(nlp, text)
    assert (quantity["relation"], quantity["low"], quantity["high"], quantity["approximate"]) == (relation, low, high, approximate)
    assert quantity["modifier"] is not None


@pytest.mark.parametrize("text, low, high", [
    ("Between 20 and 25 soldiers were captured.", 20, 25),
    ("The chain will close 20 to 25 branches.", 20, 25),
    ("Officials said 20-25 people were hurt.", 20, 25),
    ("The project would cost $2-3bn.", 2e9, 3e9),
])
def test_ranges_keep_both_ends_and_the_midpoint(nlp, text, low, high):
    quantity = only(nlp, text)
    assert (quantity["low"], quantity["high"]) == (low, high)
    assert quantity["value"] == (low + high) / 2


@pytest.mark.parametrize("text, low, high, entity", [
    ("Dozens of protesters were arrested.", 24, 119, "protester"),
    ("Hundreds of families fled the town.", 200, 999, "family"),
    ("Thousands of people marched on Saturday.", 2000, 9999, "people"),
    ("Tens of thousands of residents lack water.", 20000, 99999, "resident"),
    ("Several hundred workers lost their jobs.", 300, 900, "worker"),
])
def test_vague_plurals_follow_the_documented_convention(nlp, text, low, high, entity):
    quantity = only(nlp, text)
    assert (quantity["value"], quantity["low"], quantity["high"]) == (low, low, high)
    assert quantity["approximate"] and quantity["relation"] == "~"
    assert quantity["entity"]["lemma"] == entity


# --- what is not a quantity ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The ceasefire took effect at 6 a.m. on Sunday, 12 October.",
    "The law was passed in 2021 and amended in March 2023.",
    "The meeting ended at 01:06 PM local time on Friday.",
    "He was elected for a third term in 2019.",
    "Call the helpline on 0800 123 4567 for details.",
    "The council invoked Article 370 of the constitution.",
    "Lawmakers voted 221-207 to impeach the governor.",
    "The team finished first in the 2022-23 season.",
    "One of the most serious escalations began on Monday.",
    "In the first half of the year, the 1990s boom was forgotten.",
])
def test_dates_times_years_ordinals_and_identifiers_are_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


# --- the seed report and claim linking -------------------------------------------------------


def test_seed_report_quantities_have_entity_and_event(nlp):
    report = claimattr.example_report()
    found = {q["text"]: q for q in quantities(nlp, report)}
    expected = {"58": ("soldier", "kill"), "25": ("post", "capture"), "30": ("soldier", "wound")}
    for text, (entity, event) in expected.items():
        assert found[text]["entity"]["lemma"] == entity
        assert found[text]["event"]["lemma"] == event
    assert found["30"]["entity"]["text"] == "additional Pakistani soldiers"
    assert not any(q in found for q in ("2021", "12", "01:06", "Oct"))


def test_works_without_claim_components(nlp):
    doc = nlp("Officials said 12 people died.")
    assert "claimattr_claims" not in doc.user_data
    assert [span.text for span in doc.spans["quantities"]] == ["12"]


def _full_pipeline():
    try:
        return claimattr.load()
    except Exception as error:  # the claim components are developed in parallel
        pytest.skip(f"claim components unavailable: {error}")


def test_seed_report_quantities_are_linked_to_their_claims():
    nlp = _full_pipeline()
    doc = nlp(claimattr.example_report())
    linked = {q.text: q for claim in doc._.claims for q in claim.quantities}
    assert {"58", "25", "30"} <= set(linked)
    assert (linked["58"].event.lemma, linked["25"].event.lemma, linked["30"].event.lemma) == ("kill", "capture", "wound")
    for claim in doc._.claims:
        for quantity in claim.quantities:
            assert any(p.start <= quantity.start and quantity.end <= p.end for p in claim.content)


# --- component contract ----------------------------------------------------------------------


def test_serialisation_round_trips(nlp, tmp_path):
    pipe: QuantityNormaliser = nlp.get_pipe("quantity_normaliser")
    other = claimattr.load(pipes=["report_segmenter", "quantity_normaliser"]).get_pipe("quantity_normaliser")
    other.from_bytes(pipe.to_bytes())
    assert other.lexicon == pipe.lexicon
    pipe.to_disk(tmp_path / "q")
    assert other.from_disk(tmp_path / "q").lexicon == pipe.lexicon


def test_doc_round_trip_keeps_quantities(nlp):
    from spacy.tokens import Doc

    doc = nlp("More than 300 civilians were killed.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [q.to_dict() for q in restored._.quantities] == [q.to_dict() for q in doc._.quantities]


def test_scorer_reports_mention_and_field_accuracy(nlp):
    from spacy.training import Example

    predicted = nlp("Officials said 12 people died.")
    reference = nlp.make_doc(predicted.text)
    reference._.quantities = predicted._.quantities
    scores = nlp.get_pipe("quantity_normaliser").score([Example(predicted, reference)])
    assert scores["quantity_f"] == 1.0 and scores["quantity_value_acc"] == 1.0 and scores["quantity_event_acc"] == 1.0


def test_compare_accepts_gold_lemma_fields():
    gold = [{"text": "58", "start": 0, "end": 2, "value": 58, "low": None, "high": None, "unit": None,
             "entity_lemma": "soldier", "event_lemma": "kill"}]
    predicted = [{**gold[0], "entity": {"lemma": "soldier"}, "event": {"lemma": "kill"}}]
    del predicted[0]["entity_lemma"], predicted[0]["event_lemma"]
    counts = compare_quantities(predicted, gold)
    assert counts["matched"] == counts["entity_correct"] == counts["event_correct"] == 1


# --- properties ------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=999_999_999))
@settings(max_examples=300, deadline=None)
def test_number_words_round_trip_num2words(number):
    assert parse_number_words(num2words(number)) == number


@given(st.integers(min_value=1, max_value=999_999))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_number_words_in_a_sentence_are_found(nlp, number):
    words = num2words(number).replace(",", "")
    quantity = only(nlp, f"Officials said {words} people were evacuated.")
    assert quantity["value"] == number


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


# --- patterns the corpus annotators reported (sentences written for these tests) -------------


@pytest.mark.parametrize("text", [
    "Residents told reporters that Maria Kowalczyk, 53, had refused to leave.",
    "The court heard that a 31-year-old driver had caused the crash.",
    "The agency audited contracts signed between 2015 and 2018.",
    "One farmer said the water rose within minutes, and one nurse agreed.",
    "The smoke drifted from one town to the next, one resident said.",
    "The survey, carried out between May 3 and 9, was published on Friday.",
])
def test_ages_year_ranges_and_determiner_one_are_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("Only one supplier remains in the market.", 1, None),
    ("At least one guard was wounded.", 1, None),
    ("The warning came one hour too late.", 1, "hour"),
    ("Roughly one in four homes was damaged.", 0.25, "fraction"),
])
def test_one_still_counts_when_focused_bounded_or_a_unit(nlp, text, value, unit):
    quantity = only(nlp, text)
    assert (quantity["value"], quantity["unit"]) == (value, unit)


def test_hedges_and_bounds_hold_for_every_quantity_of_a_sentence(nlp):
    text = ('"Fire has burned about 12,000 hectares, some 900 firefighters are deployed and around 40 per cent '
            'of the park is closed," the mayor said, adding that at least €2.5 million had been pledged and that '
            'thousands of residents and dozens of farms were affected.')
    found = {q["text"]: q for q in quantities(nlp, text)}
    for hedge in ("about 12,000 hectares", "some 900", "around 40 per cent"):
        assert (found[hedge]["approximate"], found[hedge]["relation"]) == (True, "~")
    bound = found["at least €2.5 million"]
    assert (bound["low"], bound["relation"], bound["unit"]) == (2.5e6, ">=", "EUR")
    assert (found["thousands"]["high"], found["dozens"]["high"]) == (9999, 119)


@pytest.mark.parametrize("text, mention, value, low, high, unit", [
    ("Gusts of up to 90 kilometres per hour felled trees.", "up to 90 kilometres per hour", 90, None, 90, "km/h"),
    ("The storm brought winds of 120 miles per hour.", "120 miles per hour", 120, None, None, "mph"),
    ("The talks lasted for four days.", "four days", 4, None, None, "day"),
    ("He had ruled for more than 30 years.", "more than 30 years", 30, 30, None, "year"),
    ("The case dragged on for almost nine years.", "almost nine years", 9, None, None, "year"),
    ("Drivers began a 24-hour strike.", "24-hour", 24, None, None, "hour"),
    ("The plan would cost between $3bn and $5bn.", "between $3bn and $5bn", 4e9, 3e9, 5e9, "USD"),
    ("Losses reached 5 trillion dong, Vietnamese officials said.", "5 trillion dong", 5e12, None, None, "VND"),
])
def test_units_rates_durations_and_currency_ranges_are_kept(nlp, text, mention, value, low, high, unit):
    quantity = only(nlp, text)
    assert (quantity["text"], quantity["value"], quantity["low"], quantity["high"], quantity["unit"]) == (mention, value, low, high, unit)


@pytest.mark.parametrize("text, unit", [
    ("Flooding in Nepal destroyed crops, and the government in Kathmandu offered 50,000 rupees per family.", "NPR"),
    ("Pakistan's cabinet approved 9 billion rupees in relief for Karachi.", "PKR"),
    ("Farmers were promised 10,000 rupees each.", "INR"),
    ("Norway's government said the project would cost 20 billion crowns.", "NOK"),
])
def test_ambiguous_currency_words_follow_the_countries_of_the_document(nlp, text, unit):
    assert [q["unit"] for q in quantities(nlp, text)][-1] == unit


@pytest.mark.parametrize("text, mention, event", [
    ("Eleven miners were trapped underground, rescuers said.", "Eleven", "trap"),
    ("Twelve people are missing, police said.", "Twelve", "miss"),
    ("The death toll has climbed to 85, the ministry said.", "85", "kill"),
    ("Officials put the toll at 33.", "33", "kill"),
    ("Floods Kill at Least 30, Displace Thousands in River Delta", "at Least 30", "kill"),
    ("About 70 per cent of households had been reconnected by Monday.", "About 70 per cent", "reconnect"),
])
def test_events_skip_reporting_verbs_and_follow_tolls_and_headlines(nlp, text, mention, event):
    found = {q["text"]: q for q in quantities(nlp, text)}
    assert found[mention]["event"]["lemma"] == event


def test_reporting_verb_alone_gives_no_event(nlp):
    quantity = only(nlp, "Forty witnesses said the police had fired first.")
    assert quantity["event"] is None or quantity["event"]["lemma"] != "say"


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


def _run_all(nlp, doc):
    """Run every component on a Doc made by hand (claims set before the normaliser runs)."""
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc
