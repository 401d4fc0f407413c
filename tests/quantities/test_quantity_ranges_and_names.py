"""Ranges against changes and levels, glued ranges and currencies, fractions of units, number words with
scales, what is measured, and numbers that are part of names (hand-written news sentences)."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Tuple

import pytest
from quantity_helpers import quantities


def values(nlp, text: str) -> List[Tuple[str, float, Any]]:
    """(mention, value, unit) of every quantity of ``text``."""
    return [(q["text"], q["value"], q["unit"]) for q in quantities(nlp, text)]


def by_text(nlp, text: str) -> Dict[str, Dict[str, Any]]:
    return {q["text"]: q for q in quantities(nlp, text)}


@pytest.mark.parametrize("text, expected", [
    # a unit on the first number keeps the second's scale off it
    ("Acme's revenue fell 3% to $2bn in the quarter.", [("3%", 3, "%"), ("$2bn", 2e9, "USD")]),
    ("Shipments rose 40% to 18.6m units.", [("40%", 40, "%"), ("18.6m", 18.6e6, None)]),
    # after "by" or a change verb, a far larger second number is the level reached
    ("Insolvencies fell by 200 to 2,116 in October.", [("200", 200, None), ("2,116", 2116, None)]),
    ("The stadium's capacity will rise by 8,000 to 61,500.", [("8,000", 8000, None), ("61,500", 61500, None)]),
    ("The spread widened by 6 basis points to 132 basis points.",
     [("6 basis points", 6, "bp"), ("132 basis points", 132, "bp")]),
    ("The economy will grow by 2 to 3 percent.", [("2 to 3 percent", 2.5, "%")]),
    # a scale letter shared by both ends, before adjectives and a counted plural
    ("The listing may attract 1.2m to 1.5m retail investors.", [("1.2m to 1.5m", 1.35e6, None)]),
    ("Orbis sold 20m of its phones in the first half.", [("20m", 20e6, None)]),
    ("The cable is 20m of copper.", [("20m", 20, "m")]),
    # glued ranges repeating currency and scale
    ("It kept its sales guidance at $5.6bn-$5.9bn.", [("$5.6bn-$5.9bn", 5.75e9, "USD")]),
    ("Salaries range 5k-20k.", [("5k-20k", 12500, None)]),
    # a year after "in" says when, it is no ratio
    ("Acme sold 300 in 2023.", [("300", 300, None)]),
])
def test_ranges_changes_and_levels(nlp, text, expected):
    found = values(nlp, text)
    assert [(t, u) for t, _, u in found] == [(t, u) for t, _, u in expected]
    for (_, value, _), (_, want, _) in zip(found, expected):
        assert math.isclose(value, want, rel_tol=1e-6)


def test_the_level_after_a_change_is_no_change(nlp):
    found = by_text(nlp, "The number of insolvencies fell by 200 to 2,116 in October.")
    assert (found["200"]["direction"], found["2,116"]["direction"]) == ("down", None)


@pytest.mark.parametrize("text, mention, value, unit", [
    ("The Fed cut rates by a quarter of a percentage point.", "a quarter of a percentage point", 0.25, "pp"),
    ("Yields rose half a percentage point.", "half a percentage point", 0.5, "pp"),
    ("The talks lasted half an hour.", "half an hour", 0.5, "h"),
    ("The farm sold half a dozen cows.", "half a dozen", 6, None),
    ("The fund raised half a million dollars.", "half a million dollars", 5e5, "USD"),
    ("About half a million people fled.", "About half a million", 5e5, None),
    ("The trail is two-thirds of a mile long.", "two-thirds of a mile", 2 / 3, "mi"),
    ("The city has one million and a half residents.", "one million and a half", 1.5e6, None),
    ("The fund holds two million and one half.", "two million and one half", 2.5e6, None),
    ("Reserves stand at five billion and three quarters.", "five billion and three quarters", 5.75e9, None),
])
def test_fractions_of_units_and_scales(nlp, text, mention, value, unit):
    quantity = by_text(nlp, text)[mention]
    assert math.isclose(quantity["value"], value, rel_tol=1e-5)
    assert quantity["unit"] == unit


@pytest.mark.parametrize("text, mention, subject", [
    # a subject that is itself a quantity stands for what that quantity measures
    ("Services inflation eased 0.5 percentage points to 5.4% in May.", "5.4%", "Services inflation"),
    ("Carbon dioxide reached 424 ppm in May, up 3 ppm from a year earlier.", "3 ppm", "Carbon dioxide"),
    # a quantity in an adverbial phrase ("in", "for", "within") says when or how, not what the subject measures
    ("Like-for-like sales rose 4.1% in the 12 weeks to June 15.", "12 weeks", None),
    ("The reactor held the plasma for 48 seconds.", "48 seconds", None),
])
def test_subjects(nlp, text, mention, subject):
    found = by_text(nlp, text)[mention]["subject"]
    assert (found["text"] if found else None) == subject


@pytest.mark.parametrize("text, absent", [
    ("Wearing the No. 10 shirt, he scored twice.", "10"),
    ("The guard hit a three-pointer at the buzzer.", "three"),
    ("Their fly-half kicked the winning goal.", "half"),
    ("The striker, 31, has scored in every round.", "31"),
])
def test_numbers_in_names_and_ages_are_no_quantities(nlp, text, absent):
    assert absent not in [q["text"] for q in quantities(nlp, text)]


def test_number_words_after_a_hyphenated_number_word_still_count(nlp):
    assert values(nlp, "Turnout was twenty-one per cent.") == [("twenty-one per cent", 21, "%")]


@pytest.mark.parametrize("text, mention, subject", [
    # an attribute measure on any verb states it of the verb's subject; a relative pronoun stands for its noun
    ("Voltra's flagship SUV packs 650 hp.", "650 hp", "Voltra's flagship SUV"),
    ("The pitcher threw a fastball that touched 101 mph.", "101 mph", "a fastball"),
    # distances travelled are no attribute of the traveller
    ("The winger covered 11.2 km in the match.", "11.2 km", None),
    # a measure on an adjective of size describes the adjective's noun
    ("The fossil belonged to an animal about 1.2 metres tall.", "about 1.2 metres", "an animal"),
    # a market sign right after a name: the index that moved
    ("Markets were mixed: FTSE +0.4%, DAX -1.2%.", "-1.2%", "DAX"),
    # a share with an "of"-object measures that object
    ("Fibre broadband reaches 78% of UK premises.", "78%", None),
])
def test_subjects_of_attributes_and_shares(nlp, text, mention, subject):
    found = by_text(nlp, text)[mention]["subject"]
    assert (found["text"] if found else None) == subject


@pytest.mark.parametrize("text, mention, unit", [
    # exchange rates: a number priced against a currency, the priced currency being the subject
    ("The yen weakened past 151 per dollar on Tuesday.", "151 per dollar", "JPY/USD"),
    ("The ringgit was unchanged at 4.42 to the dollar.", "4.42 to the dollar", "MYR/USD"),
    ("The euro slid to $1.0712.", "$1.0712", "USD/EUR"),
    # bare degrees take the scale written nearby, else they are an angle
    ("The sea hit 32.2C, or nearly 90F, 2.5 degrees above the average.", "2.5 degrees", "°C"),
    ("Absolute zero is −459.67° on the Fahrenheit scale.", "−459.67°", "°F"),
    ("The ship turned 180 degrees.", "180 degrees", "deg"),
    # points are index points only where markets are spoken of
    ("The Dow fell 475 points, or 1.2%.", "475 points", "pt"),
    ("The guard finished with 31 points.", "31", None),
    # a one-letter unit is written in its own case
    ("The lamp uses 2g of gas and 4L of water.", "2g", "g"),
    ("The lamp uses 2g of gas and 4L of water.", "4L", "L"),
])
def test_rates_scales_and_letter_units(nlp, text, mention, unit):
    assert by_text(nlp, text)[mention]["unit"] == unit


@pytest.mark.parametrize("text, absent", [
    ("Operators switched off 3G networks to free spectrum for 5G.", "3"),
    ("The iPhone 15 Pro costs $999.", "15"),
    ("Type 2 diabetes affects 540 million adults.", "2"),
])
def test_model_and_generation_numbers_are_no_quantities(nlp, text, absent):
    assert absent not in [q["text"] for q in quantities(nlp, text)]


@pytest.mark.parametrize("text, mention, value, unit", [
    # a unit said once for a range, hanging on the first end
    ("Planners want an 8- to 16-metre telescope.", "8- to 16-metre", 12, "m"),
    ("It is a 10- to 15-minute walk.", "10- to 15-minute", 12.5, "min"),
    # a bare number joined to a measure shares its unit
    ("Patients were given 45 and 50 mg of the drug.", "45", 45, "mg"),
    # a fraction right before a unit
    ("The village lies approximately one-half miles east.", "approximately one-half miles", 0.5, "mi"),
    # a short stop-word symbol closing the sentence, a unit alone in brackets
    ("The length of the pencil is 2 in.", "2 in", 2, "in"),
    ("The load weighs 20 (kg)", "20 (kg)", 20, "kg"),
    # currencies: a currency adjective, historic currencies, a code before a symbol, a code after the number
    ("Fujitsu withdrew its controversial one-yen bid.", "one-yen", 1, "JPY"),
    ("Nokia agreed to pay 420 million Finnish markka.", "420 million Finnish markka", 4.2e8, "FIM"),
    ("The top-up costs NZD$15.", "NZD$15", 15, "NZD"),
    ("Exchange 10 rmb 20 usd at the airport.", "20 usd", 20, "USD"),
    # bare degrees with no scale in the sentence stay degrees
    ("Set the thermostat at 50 deg.", "50 deg", 50, "deg"),
])
def test_suspended_shared_and_bracketed_units(nlp, text, mention, value, unit):
    quantity = by_text(nlp, text)[mention]
    assert math.isclose(quantity["value"], value, rel_tol=1e-6)
    assert quantity["unit"] == unit


def test_a_word_after_a_bare_number_keeps_it_unitless(nlp):
    assert values(nlp, "He scored 2 in the first half and Acme hired 45 and fired 50 workers.") == [
        ("2", 2, None), ("45", 45, None), ("50", 50, None)]


@pytest.mark.parametrize("text, mention, value, low, high", [
    # a lower and an upper bound joined by "and" are one range
    ("The index stayed above 1000 and below 1500 all week.", "above 1000 and below 1500", 1250, 1000, 1500),
    ("Each crate holds at most 100 and at least 20 apples.", "at most 100 and at least 20", 60, 20, 100),
    ("Bids were greater than 30 and less than or equal to 40.",
     "greater than 30 and less than or equal to 40", 35, 30, 40),
    # scales of scales, fractions of scales, plural multipliers, small fractions, a leading decimal point
    ("The scheme costs Rs 2 lakh crore.", "Rs 2 lakh crore", 2e12, None, None),
    ("The city has 3 million and a half residents.", "3 million and a half", 3.5e6, None, None),
    ("The reserve holds one billion and a half million barrels.", "one billion and a half million barrels", 1.0005e9, None, None),
    ("The farm sold three dozens of eggs.", "three dozens", 36, None, None),
    ("The gap was a hundredth of a second.", "a hundredth of a second", 0.01, None, None),
    ("The blood alcohol limit is .08 in most states.", ".08", 0.08, None, None),
])
def test_bounds_scales_and_number_words(nlp, text, mention, value, low, high):
    quantity = by_text(nlp, text)[mention]
    assert math.isclose(quantity["value"], value, rel_tol=1e-6)
    assert (quantity["low"], quantity["high"]) == (low, high)


def test_opposite_bounds_stay_two(nlp):
    assert [q["text"] for q in quantities(nlp, "More than 40 and less than 10 were counted.")] == ["More than 40", "less than 10"]


@pytest.mark.parametrize("text, mention, direction, subject", [
    # "over" as the preposition of a span is no "more than"
    ("Patients lost 15% of their weight over 68 weeks.", "68 weeks", None, None),
    # a number inside the subject of a change verb does not change
    ("A 500 mg daily dose reduced the risk of stroke by 18%.", "500 mg", None, None),
    # a subject holding another quantity is kept
    ("Shares of 300 firms rose 5%.", "5%", "up", "Shares of 300 firms"),
])
def test_spans_and_subjects_holding_numbers(nlp, text, mention, direction, subject):
    quantity = by_text(nlp, text)[mention]
    assert quantity["direction"] == direction
    assert (quantity["subject"]["text"] if quantity["subject"] else None) == subject


@pytest.mark.parametrize("text, mention, unit", [
    ("Glucose above 126 mg/dL indicates diabetes.", "above 126 mg/dL", "mg/dL"),
    ("Bitcoin briefly topped $73,000.", "$73,000", "USD"),
])
def test_glued_symbols_and_priced_currencies(nlp, text, mention, unit):
    assert by_text(nlp, text)[mention]["unit"] == unit


def test_a_hyphenated_half_period_is_no_fraction_of_a_unit(nlp):
    assert values(nlp, "They played the final half-hour with 10 men.") == [("10", 10, None)]


@pytest.mark.parametrize("text, mention, unit, direction", [
    ("Koala Robotics raised $US12,400,000 in a seed round.", "$US12,400,000", "USD", None),
    ("Acme raised its dividend by $1.", "$1", "USD", "up"),
    ("Dozens of GP practices closed last year.", "Dozens", None, None),
    ("The room measures 2 m x 3 m.", "2 m", "m", None),
])
def test_fundraising_compound_nouns_and_sizes(nlp, text, mention, unit, direction):
    quantity = by_text(nlp, text)[mention]
    assert (quantity["unit"], quantity["direction"]) == (unit, direction)


def test_a_format_is_no_count_but_a_counted_plural_is(nlp):
    assert values(nlp, "Carriers stream 4K video and 50K runners ran.") == [("50K", 50000, None)]


@pytest.mark.parametrize("text, mention, unit", [
    ('The kit ships with a 9" plate.', '9"', "in"),
    ("It is 30 C outside!", "30 C", "°C"),
    ("Good coal yields about 15,000 British thermal units of heat.", "about 15,000 British thermal units", "Btu"),
])
def test_inch_marks_spaced_letters_and_unit_names(nlp, text, mention, unit):
    assert by_text(nlp, text)[mention]["unit"] == unit


def test_a_closing_quote_is_no_inch_mark(nlp):
    assert values(nlp, '"We lost 9" the coach said.') == [("9", 9, None)]


def test_a_hyphenated_noun_modifying_another_still_counts(nlp):
    assert values(nlp, "The motion passed the 35-member board.") == [("35", 35, None)]


@pytest.mark.parametrize("text, mention, subject", [
    # a difference after "up" or a comparative measures the clause's subject
    ("Carbon dioxide reached 424 ppm, up 3 ppm from a year earlier and roughly 50% above old levels, "
     "the observatory said.", "roughly 50%", "Carbon dioxide"),
    # inside a comparative's object it does not
    ("Lead measured 27 ppb, well above the 15 ppb action level.", "15 ppb", None),
    # a reporting verb lends no subject to the clause it reports; a verb of amount does
    ("DNA can store much data, the team said, though writing 1 MB costs about $3,500.", "about $3,500", None),
    ("The Nikkei added 1.9% to close at 39,740.44.", "39,740.44", "The Nikkei"),
])
def test_subjects_of_differences_and_reported_clauses(nlp, text, mention, subject):
    found = by_text(nlp, text)[mention]["subject"]
    assert (found["text"] if found else None) == subject


@pytest.mark.parametrize("text, mention, subject", [
    ("The developer sold homes, with prices starting from RM450,000.", "RM450,000", "prices"),
    ("Apple said the iPhone 15 Pro, priced from $999, ships in May.", "$999", "the iPhone 15 Pro"),
    ("The base model starts at 128 GB.", "128 GB", "The base model"),
])
def test_subjects_of_participles_and_starting_prices(nlp, text, mention, subject):
    found = by_text(nlp, text)[mention]["subject"]
    assert (found["text"] if found else None) == subject


@pytest.mark.parametrize("text, mention, direction, subject", [
    ("Exports dropped 16.1%, with shipments to Hong Kong down by almost a third.", "almost a third", "down", "shipments"),
    ("Sales were up by 5% and costs down by $3m.", "$3m", "down", "costs"),
])
def test_up_or_down_by_on_a_noun(nlp, text, mention, direction, subject):
    quantity = by_text(nlp, text)[mention]
    assert quantity["direction"] == direction
    assert (quantity["subject"]["text"] if quantity["subject"] else None) == subject
