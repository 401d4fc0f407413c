"""Number word forms of news and of the peers' suites: fractions with ordinal denominators, ranks, spoken
decimals, digits continued by scale words, and numbers written loosely ("fifty - two", "half a  dozen")."""
from __future__ import annotations

import math

import pytest
from quantity_helpers import only, quantities

from claimattr.quantities.lexicon import bundled_lexicon
from claimattr.quantities.numbers import fraction_value

# --- fractions in words: numerator, then an ordinal denominator --------------------------------


def groups(text: str):
    """``text`` as the reader's word groups: a ten hyphenated to a unit ("twenty-first") is one group."""
    out = []
    for word in text.replace("-", " - ").split():
        if out and out[-1][-1] == "-":
            out[-1][-1] = word
        elif word == "-":
            out[-1].append("-")
        else:
            out.append([word])
    return out


@pytest.mark.parametrize("text, value", [
    ("three twenty-firsts", 3 / 21), ("one twenty-fifth", 1 / 25), ("a twenty-first", 1 / 21),
    ("one hundred thirty fifths", 100 / 35),  # the denominator as long as the numerator allows
    ("one hundred and thirty fifths", 130 / 5),  # "and" binds the ten to the numerator
    ("one one hundred and fifth", 1 / 105), ("twenty fifths", 4.0), ("twenty one fifths", 4.2),
    ("ninety-five hundred fifths", 1900.0), ("a hundred trillionths", 1e-10),
    ("two and fifty-four hundredths", 2.54), ("two hundred and fifty-four hundredths", 200.54),  # whole and proper
    ("one hundred and three quarters", 100.75),
])
def test_fractions_in_words_divide_by_their_ordinal(text, value):
    assert math.isclose(fraction_value(groups(text), bundled_lexicon()), value)


@pytest.mark.parametrize("text", ["twenty-first", "one hundred and thirty-fifth", "one second", "twenty third",
                                  "two millionth"])
def test_ranks_and_times_are_no_fractions(text):
    assert fraction_value(groups(text), bundled_lexicon()) is None


@pytest.mark.parametrize("text, value, unit", [
    ("Turnout fell by three twenty-firsts", 3 / 21, "fraction"),
    ("The answer is twenty-three fifths", 4.6, None),
    ("It rose by one hundred and three and two thirds", 103 + 2 / 3, None),
    ("The result is three and one fourth", 3.25, None),
])
def test_fractions_in_text(nlp, text, value, unit):
    found = only(nlp, text)
    assert math.isclose(found["value"], value, rel_tol=1e-5) and found["unit"] == unit


@pytest.mark.parametrize("text", ["in the twenty-first century", "a twenty-first century problem",
                                  "the one hundred and thirty-fifth anniversary", "the two millionth visitor"])
def test_compound_ordinals_are_ranks_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


# --- loose and long number words -----------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("It costs quarter million dollars", 250_000),
    ("three hundred and two dozens", 324),  # a multiplier after "and" multiplies what follows it
    ("three million, two hundred & forty, you say?", 3_000_240),
    ("fifty - two", 52),
    ("I count 6 crore and two hundred", 60_000_200),
    ("4 thousand 3 hundred and 21 is a valid number", 4321),
    ("half a  dozen", 6),
    ("The answer is minus five point five", -5.5),
    ("two hundred point seventy-one", 200.71),
    ("nine point nought four", 9.04),
])
def test_number_word_forms(nlp, text, value):
    assert math.isclose(only(nlp, text)["value"], value)


@pytest.mark.parametrize("text, values", [
    ("one million, two million, three", [1e6, 2e6, 3]),  # a list goes on with numbers of the same size
    ("4 million 300 people", [4e6, 300]),  # a bare count after a scale is a number of its own
    ("4000 3 hundred and 21 are two numbers", [4000, 321, 2]),
])
def test_numbers_that_stay_apart(nlp, text, values):
    assert [q["value"] for q in quantities(nlp, text)] == values


def test_point_without_digit_words_is_no_decimal_point(nlp):
    found = quantities(nlp, "They lead by three points, one point ahead of Spain")
    assert [q["value"] for q in found] == [3.0] and all("ahead" not in q["text"] for q in found)
