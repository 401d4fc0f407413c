"""Units and currencies: money, percentages, measures, rates, durations, ambiguous currency words."""
from __future__ import annotations

import math

import pytest
from quantity_helpers import only, quantities


@pytest.mark.parametrize("text, value, unit", [
    ("The government pledged $2bn in aid.", 2e9, "USD"),
    ("The bank lent more than £400m to firms.", 4e8, "GBP"),
    ("The EU fined the company €4.3bn.", 4.3e9, "EUR"),
    ("The budget allocates 1.5 trillion yen to defence.", 1.5e12, "JPY"),
    ("Remittances reached 30 billion Pakistani rupees.", 3e10, "PKR"),
    ("Tax revenue came in at Rs 1,200 crore.", 1.2e10, "INR"),
    ("The firm was fined 4.3 billion dollars.", 4.3e9, "USD"),
    ("Inflation rose to 6.8% in March.", 6.8, "%"),
    ("Turnout was 40 per cent.", 40, "%"),
    ("The rate rose by 0.5 percentage points.", 0.5, "pp"),
    ("The pipeline stretches 1,200km.", 1200, "km"),
    ("Farmers sold 2 million tonnes of grain.", 2e6, "t"),
    ("Winds reached 180 km/h on the coast.", 180, "km/h"),
    ("He was sentenced to 12 years in prison.", 12, "yr"),
    ("The dam cost US$5 million.", 5e6, "USD"),
    ("The fine was 500 USD.", 500, "USD"),
    ("The deal is worth 75 EUR million.", 75e6, "EUR"),
    ("Its shares closed at 210 pence.", 2.1, "GBP"),
    ("Gasoline futures rose 34 cents.", 0.34, "USD"),
    ("It only cost thirteen dollars and forty-five cents.", 13.45, "USD"),
    ("Operating profit improved to 361 million pounds.", 3.61e8, "GBP"),
    ("The plant recalled 2 million pounds of beef.", 2e6, "lb"),
    ("The centre stands 6 feet 2 inches tall.", 6 + 2 / 12, "ft"),
    ("The winner finished in 2 hours and 30 minutes.", 150, "min"),
    ("The Kenyan won in 2 hours, 3 minutes and 17 seconds.", 7397, "s"),
    ("Gold traded at $2,431.29 an ounce before paring gains.", 2431.29, "USD/oz"),
    ("The developer sold units worth RM45 million.", 45e6, "MYR"),
    ("The start-up raised $US12,400,000 in a seed round.", 12.4e6, "USD"),
    ("The board declared a dividend of Rs. 18 per share.", 18, "INR/share"),
    ("Krona deposits reached SEK100 billion.", 100e9, "SEK"),
    ("The patients were given between 44 mg and 50 mg of the drug.", 47, "mg"),
    ("The collider reached 3.5–4.0 TeV.", 3.75, "TeV"),
])
def test_money_percent_and_units_are_normalised(nlp, text, value, unit):
    quantity = only(nlp, text)
    assert math.isclose(quantity["value"], value, rel_tol=1e-6)
    assert quantity["unit"] == unit


def test_a_time_reference_after_money_is_no_rate(nlp):
    """"a year earlier" says when, not per what: the amount keeps the currency alone."""
    amounts = {q["text"]: q["unit"] for q in quantities(nlp, "Sales were $1.17 billion a year earlier.")}
    assert amounts == {"$1.17 billion": "USD"}


def test_counts_of_people_have_no_unit_but_an_entity(nlp):
    quantity = only(nlp, "Gunmen killed 14 villagers in the raid.")
    assert quantity["unit"] is None
    assert quantity["entity"]["lemma"] == "villager"
    assert quantity["event"]["lemma"] == "kill"


@pytest.mark.parametrize("text, mention, value, low, high, unit", [
    ("Gusts of up to 90 kilometres per hour felled trees.", "up to 90 kilometres per hour", 90, None, 90, "km/h"),
    ("The storm brought winds of 120 miles per hour.", "120 miles per hour", 120, None, None, "mph"),
    ("The talks lasted for four days.", "four days", 4, None, None, "d"),
    ("He had ruled for more than 30 years.", "more than 30 years", 30, 30, None, "yr"),
    ("The case dragged on for almost nine years.", "almost nine years", 9, None, None, "yr"),
    ("Drivers began a 24-hour strike.", "24-hour", 24, None, None, "h"),
    ("The plan would cost between $3bn and $5bn.", "between $3bn and $5bn", 4e9, 3e9, 5e9, "USD"),
    ("Losses reached 5 trillion dong, Vietnamese officials said.", "5 trillion dong", 5e12, None, None, "VND"),
])
def test_units_rates_durations_and_currency_ranges_are_kept(nlp, text, mention, value, low, high, unit):
    quantity = only(nlp, text)
    assert (quantity["text"], quantity["value"], quantity["low"], quantity["high"], quantity["unit"]) == (mention, value, low, high, unit)


@pytest.mark.parametrize("text, unit", [
    ("Rain reached 300mm in the hills.", "mm"),
    ("The wall is 3 m high.", "m"),
    ("Take the large 100 cl bottle.", "cl"),
    ("The tank stores gas at 700 bar, the maker said.", "bar"),
    ("Each guest drank 3 to 4 L of wine.", "L"),
    ("Haemoglobin rose by 4 g/dL.", "g/dL"),
    ("The club fielded 11 v Chicago.", None),
    ("He scored 2 in the first half.", None),
    ("The charity reached 2 m people.", None),
])
def test_a_short_unit_apart_from_its_number_needs_a_context_that_reads_it_as_one(nlp, text, unit):
    """A spaced letter or short symbol is a unit unless the next word could make it a letter, a word or a
    scale: a name, an article, a plural."""
    assert [q["unit"] for q in quantities(nlp, text) if q["text"][0].isdigit()][0] == unit


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Exports to Hong Kong rose to HK $ 10.05 billion.", "HK $ 10.05 billion", 1.005e10, "HKD"),
    ("The charge was C $ 300 million.", "C $ 300 million", 3e8, "CAD"),
    ("The IMF approved a $7bn loan.", "$7bn", 7e9, "USD"),
    ("The ticket cost usd$ 15.", "usd$ 15", 15, "USD"),
    ("Losses of 30 MUSD were reported.", "30 MUSD", 3e7, "USD"),
    ("It costs 15 dollars 50.", "15 dollars 50", 15.5, "USD"),
    ("The subscription will increase to 17 USD 25.", "17 USD 25", 17.25, "USD"),
])
def test_money_written_apart_scaled_or_with_spoken_cents(nlp, text, mention, value, unit):
    """Country letters apart from "$" (but not the article "a"), a scale letter on an ISO code, and a bare
    number under a hundred closing a price as its cents."""
    quantity = only(nlp, text)
    assert (quantity["text"], quantity["value"], quantity["unit"]) == (mention, value, unit)


def test_a_c_on_digits_is_cents_after_money_and_celsius_otherwise(nlp):
    dividend = quantities(nlp, "Profit rose to $165 million and the dividend rose by 11c to 17c a share.")[-1]
    assert (dividend["low"], dividend["high"], dividend["unit"]) == (0.11, 0.17, "USD/share")
    assert only(nlp, "It was 30c in Sydney.")["unit"] == "°C"


def test_a_number_after_money_that_counts_something_is_no_cents(nlp):
    found = [(q["text"], q["value"]) for q in quantities(nlp, "It cost 15 dollars and 50 people came.")]
    assert found == [("15 dollars", 15), ("50", 50)]


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Add ½ of the sugar.", "½", 0.5, "fraction"),
    ("The trial lasted 2½ years.", "2½ years", 2.5, "yr"),
])
def test_fraction_characters_are_numbers(nlp, text, mention, value, unit):
    quantity = only(nlp, text)
    assert (quantity["text"], quantity["value"], quantity["unit"]) == (mention, value, unit)


@pytest.mark.parametrize("text, unit", [
    ("Flooding in Nepal destroyed crops, and the government in Kathmandu offered 50,000 rupees per family.", "NPR"),
    ("Pakistan's cabinet approved 9 billion rupees in relief for Karachi.", "PKR"),
    ("Farmers were promised 10,000 rupees each.", "INR"),
    ("Norway's government said the project would cost 20 billion crowns.", "NOK"),
])
def test_ambiguous_currency_words_follow_the_countries_of_the_document(nlp, text, unit):
    assert [q["unit"] for q in quantities(nlp, text)][-1].split("/")[0] == unit  # "rupees per family": NPR/family
