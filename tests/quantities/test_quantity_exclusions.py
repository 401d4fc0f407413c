"""What is not a quantity: dates, times, years, ordinals, identifiers, ages, determiner "one"."""
from __future__ import annotations

import pytest
from quantity_helpers import quantities


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
    "The F-16 crashed near the base.",
    "Customers called 08001234567 to complain.",
])
def test_dates_times_years_ordinals_and_identifiers_are_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


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
    ("The warning came one hour too late.", 1, "h"),
    ("Roughly one in four homes was damaged.", 0.25, "fraction"),
])
def test_one_still_counts_when_focused_bounded_or_a_unit(nlp, text, value, unit):
    found = quantities(nlp, text)
    assert [(q["value"], q["unit"]) for q in found] == [(value, unit)]


def test_a_year_followed_by_a_counted_noun_is_a_count(nlp):
    assert [q["value"] for q in quantities(nlp, "Police arrested 2021 people.")] == [2021]


def test_a_third_before_of_is_a_fraction_not_an_ordinal(nlp):
    assert [q["unit"] for q in quantities(nlp, "A third of the crops were lost.")] == ["fraction"]
