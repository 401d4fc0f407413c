"""Issue 12: pint units (codes, names, dimensions), rates, glued forms, signs, direction, subject, names."""
from __future__ import annotations

from typing import Any, Dict

import pytest

from claimattr.quantities.lexicon import bundled_lexicon
from claimattr.quantities.registry import UnitRegistry
from claimattr.schema import Anchor, Quantity
from claimattr.scoring.quantities import same_unit


def by_text(nlp, text: str) -> Dict[str, Any]:
    return {q.text: q for q in nlp(text)._.quantities}


def test_quantity_new_fields_round_trip():
    q = Quantity("4%", 0, 2, 4.0, unit="%", unit_name="percent", dimension="percentage", direction="up",
                 subject=Anchor("Acme shares", 10, 21, "share"))
    assert Quantity.from_dict(q.to_dict()) == q
    old = Quantity.from_dict({"text": "4", "start": 0, "end": 1, "value": 4.0})
    assert (old.unit_name, old.dimension, old.direction, old.subject) == (None, None, None, None)


@pytest.mark.parametrize("code, name, dimension", [
    ("km/h", "kilometre per hour", "speed"), ("USD", "US dollar", "currency"), ("GB", "gigabyte", "data"),
    ("USD/bbl", "US dollar per barrel", "currency rate"), ("pt", "index point", "index point"),
    ("bp", "basis point", "percentage point"), ("°C", "degree Celsius", "temperature"), ("kW", "kilowatt", "power"),
    ("yr", "year", "time"), ("t", "tonne", "mass"), ("GHz", "gigahertz", "frequency"),
])
def test_registry_describes_codes(code, name, dimension):
    assert UnitRegistry(bundled_lexicon()).describe(code) == (name, dimension)


@pytest.mark.parametrize("symbol, code", [("GHz", "GHz"), ("Ghz", "GHz"), ("mGy", "mGy"), ("KiB", "KiB"),
                                          ("nanometers", "nm"), ("a", None), ("pt", None), ("C", None)])
def test_registry_reads_symbols_through_pint(symbol, code):
    assert UnitRegistry(bundled_lexicon()).symbol(symbol) == code


@pytest.mark.parametrize("text, mention, value, unit", [
    ("The phone ships with 512GB of storage.", "512GB", 512, "GB"),
    ("A 7kW charger is included.", "7kW", 7, "kW"),
    ("The chip runs at 5Ghz.", "5Ghz", 5, "GHz"),
    ("The lamp draws 3-5W.", "3-5W", 4, "W"),
    ("The CPU runs at 2.80 GHz with 8 MB of cache.", "2.80 GHz", 2.8, "GHz"),
    ("Brent traded at US$61.10 per barrel.", "US$61.10 per barrel", 61.1, "USD/bbl"),
    ("Stock closed at C$38.50 a share.", "C$38.50 a share", 38.5, "CAD/share"),
    ("The engine makes 300 pound-feet of torque.", "300 pound-feet", 300, "lb-ft"),
])
def test_units_glued_rates_and_symbols(nlp, text, mention, value, unit):
    q = by_text(nlp, text)[mention]
    assert (q.value, q.unit) == (value, unit)
    assert q.unit_name and q.dimension


@pytest.mark.parametrize("text, mention, value, direction", [
    ("The DAX fell -1.2% on Monday.", "-1.2%", 1.2, "down"),
    ("The FTSE rose +0.4% by noon.", "+0.4%", 0.4, "up"),
    ("Temperatures dropped to -3C overnight.", "-3C", -3, None),
    ("The probe measured minus 120 degrees.", "minus 120 degrees", -120, None),
])
def test_signed_numbers(nlp, text, mention, value, direction):
    q = by_text(nlp, text)[mention]
    assert (q.value, q.direction) == (value, direction)


@pytest.mark.parametrize("text, mention, direction, subject", [
    ("Acme shares rose 4% to 312 pence.", "4%", "up", "Acme shares"),
    ("Acme shares rose 4% to 312 pence.", "312 pence", None, "Acme shares"),
    ("Core inflation stood at 2.9% in May.", "2.9%", None, "Core inflation"),
    ("The company's revenue fell by $3bn.", "$3bn", "down", "The company's revenue"),
    ("Acme cut 300 jobs.", "300", "down", None),
    ("The car has a top speed of 342 km/h.", "342 km/h", None, "a top speed"),
    ("Unemployment fell by 0.3 percentage points to 4.1 per cent.", "4.1 per cent", None, "Unemployment"),
    ("The drone weighs 249 grams.", "249 grams", None, "The drone"),
    ("The central bank cut interest rates by 25 basis points.", "25 basis points", "down", "interest rates"),
    ("The company raised its full-year forecast to $4bn.", "$4bn", None, "its full-year forecast"),
])
def test_direction_and_subject(nlp, text, mention, direction, subject):
    q = by_text(nlp, text)[mention]
    assert q.direction == direction
    assert (q.subject.text if q.subject else None) == subject


@pytest.mark.parametrize("text, not_quantity", [
    ("The FTSE 100 closed higher.", "100"),
    ("The Nikkei 225 slipped.", "225"),
    ("He scored in Game 5 of the series.", "5"),
    ("Article 370 was repealed.", "370"),
    ("Protesters gathered outside 10 Downing Street.", "10"),
    ("FedEx chartered a Boeing 777F freighter.", "777F"),
])
def test_names_labels_and_street_numbers_are_not_quantities(nlp, text, not_quantity):
    assert not_quantity not in by_text(nlp, text)


def test_headline_counts_survive_the_name_rule(nlp):
    assert "21" in by_text(nlp, "Typhoon Kills 21 In Philippines")


def test_legacy_unit_names_score_as_codes():
    assert same_unit("%", "percent") and same_unit("t", "tonne") and not same_unit("%", "pp")
