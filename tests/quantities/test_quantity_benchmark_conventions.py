"""The quantity benchmark's convention rules (``benchmarks/quantities.py``): which of a peer suite's gold
mentions follow a convention claimattr does not share, read from the suite's own text and annotation."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "quantities.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("quantities_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold(text: str, surface: str, value, unit=None, written_value=None):
    start = text.index(surface)
    return {"text": surface, "start": start, "end": start + len(surface), "value": value, "unit": unit,
            "written_value": value if written_value is None else written_value}


@pytest.mark.parametrize("text, surface, value, unit, written, reason", [
    ("This nano grid has a size of 2.1 pm.", "2.1 pm", 2.1, "pm", None, "clock time (am/pm)"),
    ("He is about 40 - 50 years old.", "50 years old", 50, "yr", None, "upper end of a range alone"),
    ("He ranks between the tenth and the fifteenth.", "between the tenth and the fifteenth", 12.5, None, None,
     "ordinals (ranks)"),
    (" 123456789101231", "123456789101231", 123456789101231, None, None, "digit run of eight or more (a code)"),
    ('The class is "English 101".', "101", 101, None, None, "label after a name"),
    ("Oh look, a penny!", "a penny", 0.01, "GBP", 1, "article + unit"),  # the suite's own value: one penny
    ("The patient is a 87 yo man.", "87 yo", 87, "yr", None, "age adjective"),
])
def test_conventions_that_differ_are_named(bench, text, surface, value, unit, written, reason):
    assert bench.convention(text, gold(text, surface, value, unit, written)) == reason


@pytest.mark.parametrize("text, surface, value", [
    ("two thirds", "two thirds", 2 / 3),  # fractions in words are claimattr's too
    ("nine point nought four", "nine point nought four", 9.04),  # so are spoken decimals
    ("one one hundred fifth", "one one hundred fifth", 1 / 105),
])
def test_number_words_are_scored(bench, text, surface, value):
    assert bench.convention(text, gold(text, surface, value)) is None


def test_the_range_suite_judges_only_ranges_and_bounds(bench):
    plain = {"start": 0, "end": 3, "value": 2.0, "low": None, "high": None, "unit": None}
    bounded = {**plain, "low": 2.0}
    assert not bench.in_scope("recognizers-numberrange", plain, [])
    assert bench.in_scope("recognizers-numberrange", bounded, [])
    assert bench.in_scope("recognizers-number", plain, [])
