"""Units, signs, ranges and names as the peers' suites and real news write them: a scale only money takes
("$2.174T"), powers after a unit, margins ("±"), kelvin beside other temperatures, a currency symbol between
two amounts, identifiers glued to names, and forms or models named like temperatures ("the 13F filing")."""
from __future__ import annotations

import math

import pytest
from quantity_helpers import only, quantities


@pytest.mark.parametrize("text, value, unit", [
    ("Its GDP is $2.174T.", 2.174e12, "USD"),  # "T" scales only money
    ("There is no difference between 4 km squared and 4 square kilometres", 4.0, "km2"),
    ("It holds 4 km cubed of water", 4.0, "km3"),
    ("the 486 followed the 16-bit 8088 chip", 16.0, "bit"),
    ("There is a ⅓ cup of sauce", 1 / 3, "cup"),
    ("Add ½ tbsp of salt", 0.5, "tbsp"),
    ("The recycling facility manages roughly 4,500 tpd.", 4500.0, "t/d"),
    ("One gigaannum (1Ga) is long", 1.0, "Ga"),
    ("The angle is 0.8rad", 0.8, "rad"),
    ("It costs ~100 dollars", 100.0, "USD"),
])
def test_units_and_scales(nlp, text, value, unit):
    found = [q for q in quantities(nlp, text) if q["unit"] == unit]
    assert found and math.isclose(found[0]["value"], value, rel_tol=1e-5), quantities(nlp, text)


@pytest.mark.parametrize("text", ["a 7T scanner", "the 13F filing provides data", "When must 13F be filed?"])
def test_letters_after_digits_that_name_a_model_or_form_are_no_quantity(nlp, text):
    assert quantities(nlp, text) == []


@pytest.mark.parametrize("text, unit", [("Madrid sweltered in a 40C heatwave", "°C"), ("It was 30C yesterday", "°C")])
def test_glued_temperatures_stay_temperatures(nlp, text, unit):
    assert only(nlp, text)["unit"] == unit


def test_capital_k_is_kelvin_beside_other_temperatures_and_thousands_elsewhere(nlp):
    kelvin = quantities(nlp, "At normal operating temperatures of 300 °C (572 °F, 573.15K), zircaloy is inert.")[-1]
    assert (kelvin["value"], kelvin["unit"]) == (573.15, "K")
    assert only(nlp, "They raised $50K")["value"] == 50_000


@pytest.mark.parametrize("text, value, low, high, unit", [
    ("It weighs no more than 2,000.45±0.01 pounds", 2000.45, 2000.44, 2000.46, "lb"),
    ("The mean was 5.2 ± 0.3 kg", 5.2, 4.9, 5.5, "kg"),
    ("They were given between 44 mg to 50 mg ethanol.", 47.0, 44.0, 50.0, "mg"),
    ("He scores between negative ten and fifteen.", 2.5, -10.0, 15.0, None),
    ("These apples are about 20~100", 60.0, 20.0, 100.0, None),
])
def test_margins_and_ranges(nlp, text, value, low, high, unit):
    found = only(nlp, text)
    assert (found["value"], found["low"], found["high"]) == pytest.approx((value, low, high)) and found["unit"] == unit


@pytest.mark.parametrize("text, texts", [
    ("$ 20,000.00 $ 37,305.97 february expenses", ["$ 20,000.00", "$ 37,305.97"]),  # the symbol opens the next
    ("1 $10 dollars bill", ["1", "$10"]),  # glued to the next amount
    ("10 $ 30 $", ["10 $", "30 $"]),  # written after each amount
    ("country music ' s $ 500 million man", ["$ 500 million"]),  # a possessive "s" is no Singapore
])
def test_a_currency_symbol_between_two_amounts(nlp, text, texts):
    assert [q["text"] for q in quantities(nlp, text)] == texts


@pytest.mark.parametrize("text", ["galaxy cluster MACS J1149.5+6663, were sharper", "scp2-173m"])
def test_numbers_glued_to_alphanumeric_names_are_identifiers(nlp, text):
    assert quantities(nlp, text) == []


def test_a_dash_after_a_number_is_no_minus(nlp):
    lens = [q for q in quantities(nlp, "canon introduced the ef 75 -300mm f / 4 lens") if q["unit"] == "mm"]
    assert [(q["value"], q["unit"]) for q in lens] == [(300.0, "mm")]


def test_a_number_beside_a_month_is_a_day_only_when_it_can_be_one(nlp):
    assert [q["value"] for q in quantities(nlp, "On 12 February they paid $37,305.97 February expenses")] == [37305.97]


def test_an_age_abbreviation_makes_an_age_adjective(nlp):
    assert quantities(nlp, "The patient is a 87 yo man with history of hypertension") == []
    assert only(nlp, "He is 87 years old")["unit"] == "yr"  # a predicate age stays a quantity


@pytest.mark.parametrize("text, units", [
    ("It cut the price by 60 cents to $1.70 a barrel", ["USD/bbl", "USD/bbl"]),  # a change priced as its level
    ("It will charge $2.99 a month for 2 TB, up from $1.99", ["USD/month", "TB", "USD/month"]),
    ("The Dow fell 475 points, or 1.2%, to 38,852", ["pt", "%", "pt"]),  # a level reached after a move in points
    ("Life expectancy fell 1.3 years to 76.1", ["yr", "yr"]),  # a level reached in the unit of the move
    ("Unemployment rose 0.2 percentage points to 4.1", ["pp", "%"]),  # a move in points reaches a percentage
    ("Shares rose 5% to 300", ["%", None]),  # a move as a share of itself lends no unit
    ("It earned more than $700m and peaked at 1.8 million concurrent players", ["USD", None]),  # a level that counts
    ("He scored 31 points and the team rose to 5", [None, None]),  # counted points make no index
])
def test_compared_amounts_share_what_was_said_once(nlp, text, units):
    assert [q["unit"] for q in quantities(nlp, text)] == units


@pytest.mark.parametrize("text, value", [
    ("how to convert - 20 degrees fahrenheit to celsius", -20.0),  # a spaced minus after a verb
    ("Temperatures fell to - 20C overnight", -20.0),  # after a preposition
    ("It was hot - 40C in the shade", 40.0),  # after an adjective a dash
])
def test_a_hyphen_set_apart_before_a_temperature(nlp, text, value):
    assert only(nlp, text)["value"] == value
