"""Numbers: composing number words and digits, scales, modifiers, ranges and vague plurals."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words
from quantity_helpers import only, quantities

from claimattr.quantities import parse_digits, parse_number_words
from claimattr.quantities.lexicon import bundled_lexicon
from claimattr.quantities.numbers import NumberComposer, clean_value

# --- pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("fifty-eight", 58), ("two hundred and five", 205), ("a dozen", 12), ("two dozen", 24),
    ("one and a half million", 1.5e6), ("two-thirds", 2 / 3), ("half", 0.5), ("a hundred", 100),
    ("twelve thousand three hundred", 12300),
])
def test_number_words_compose(text, value):
    assert math.isclose(parse_number_words(text), value)


@pytest.mark.parametrize("text", ["eight fifty", "twenty thirty", "a", "two hundred and", "million", "one thirds", "thousand million"])
def test_word_sequences_that_are_no_single_number_give_none(text):
    assert parse_number_words(text) is None


@pytest.mark.parametrize("text, value", [("1,000", 1000.0), ("1.5", 1.5), (".5", 0.5), ("12", 12.0)])
def test_digits_parse(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,00", "1.5.2", "abc", "", "1e400"])
def test_malformed_digits_give_none(text):
    assert parse_digits(text) is None


def test_composer_reports_no_value_for_an_incomplete_number():
    composer = NumberComposer(bundled_lexicon())
    assert composer.feed("two") and composer.feed("hundred") and composer.feed("and")
    assert composer.value() is None
    assert composer.feed("five") and composer.value() == 205


def test_values_are_cleaned_of_float_noise():
    assert clean_value(2 / 3) == 0.666667
    assert clean_value(0.1 * 3) == 0.3
    assert clean_value(1.5e9) == 1.5e9
    assert clean_value(1234567.891) == 1234567.89


@given(st.integers(min_value=0, max_value=999_999_999))
@settings(max_examples=300, deadline=None)
def test_number_words_round_trip_num2words(number):
    assert parse_number_words(num2words(number)) == number


# --- numbers in sentences --------------------------------------------------------------------


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
    ("The queue grew by five and a quarter hours.", 5.25),
    ("Officials counted three hundred and thirty one ballots.", 331),
    ("The fund raised 6 hundred million.", 6e8),
    ("The court awarded 12,34,567 rupees.", 1234567),
    ("Officials counted 3 hundred and 21 ballots.", 321),
    ("Turnout in the district was 2.33 k.", 2330),
    ("The app now has 10M users.", 1e7),
    ("The fund lost 1.2B last year.", 1.2e9),
    ("Exports reached 10 bln last year.", 1e10),
    ("The queue took 2½ hours.", 2.5),
])
def test_numbers_in_digits_and_words_are_composed(nlp, text, value):
    assert math.isclose(only(nlp, text)["value"], value, rel_tol=1e-4)


@given(st.integers(min_value=1, max_value=999_999))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_number_words_in_a_sentence_are_found(nlp, number):
    words = num2words(number).replace(",", "")
    quantity = only(nlp, f"Officials said {words} people were evacuated.")
    assert quantity["value"] == number


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


@pytest.mark.parametrize("text, low", [
    ("The death toll passed 200 on Monday.", 200),
    ("Sales topped 1 million units.", 1e6),
    ("Exports exceeded $4 billion last year.", 4e9),
])
def test_the_object_of_a_verb_of_exceeding_is_a_lower_bound(nlp, text, low):
    quantity = only(nlp, text)
    assert (quantity["relation"], quantity["low"], quantity["high"]) == (">", low, None)


def test_a_verb_particle_before_a_number_is_no_bound(nlp):
    """"handed over 48 prisoners": "over" belongs to the verb, the count is exact."""
    quantity = only(nlp, "The rebels handed over 48 prisoners on Sunday.")
    assert (quantity["relation"], quantity["value"], quantity["low"]) == ("=", 48, None)


@pytest.mark.parametrize("text, low, high", [
    ("Between 20 and 25 soldiers were captured.", 20, 25),
    ("The chain will close 20 to 25 branches.", 20, 25),
    ("Officials said 20-25 people were hurt.", 20, 25),
    ("The project would cost $2-3bn.", 2e9, 3e9),
    ("Grades 20 through 100 were tested.", 20, 100),
])
def test_ranges_keep_both_ends_and_the_midpoint(nlp, text, low, high):
    quantity = only(nlp, text)
    assert (quantity["low"], quantity["high"]) == (low, high)
    assert quantity["value"] == (low + high) / 2


def test_a_range_with_an_opener_names_opener_and_joiner_as_its_modifier(nlp):
    quantity = only(nlp, "Between 20 and 25 soldiers were captured.")
    assert quantity["modifier"] == {"text": "Between ... and", "start": 0, "end": 14}


def test_from_to_is_a_change_not_a_range(nlp):
    found = quantities(nlp, "Unemployment rose from 20 to 25 per cent.")
    assert [q["low"] for q in found] == [None, None] and len(found) == 2


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
