"""Units read by topic: an ambiguous unit word takes the reading of the topic its sentence speaks of.

"b" is a bit among packets and servers and a barn in nuclear physics, a glued "'" is feet in a house
and an arcminute in astronomy; with no topic cue (or a tie) the ordinary reading stays. The same
mechanism (``topic_cues`` and ``topic_readings`` in the lexicon) reads index points and currency words.
"""
from __future__ import annotations

import json

import pytest
from quantity_helpers import only, quantities

from claimattr.quantities.lexicon import DEFAULT_LEXICON
from claimattr.quantities.registry import UnitRegistry, is_currency_code
from claimattr.quantities.topics import resolve_aliases

LEXICON = json.loads(DEFAULT_LEXICON.read_text(encoding="utf8"))


def units(nlp, text: str):
    return [(q["text"], q["unit"]) for q in quantities(nlp, text)]


@pytest.mark.parametrize("text, mention, unit", [
    ("The server receives the 1500b packet of information.", "1500b", "bit"),
    ("I'll transmit a small package of 1500 b", "1500 b", "bit"),
    ("In nuclear physics, the barn is a unit of surface area: a cross section of 12 b", "12 b", "b"),
    ("New Horizons transmits at 12 watts, moving data at a snail's pace: only two kb per second.",
     "two kb per second", "kbit/s"),
    ("The Moon spans about 31' of the night sky.", "about 31'", "arcmin"),
])
def test_an_ambiguous_unit_takes_the_reading_of_its_sentences_topic(nlp, text, mention, unit):
    assert (mention, unit) in units(nlp, text)


def test_quote_marks_are_angles_in_astronomy_and_feet_and_inches_elsewhere(nlp):
    assert units(nlp, "Hubble's cameras are super sharp across a 2½' (150\") field") == [
        ("2½'", "arcmin"), ('150"', "arcsec")]
    assert units(nlp, "The house has a 6' fence and a 9\" plate.") == [("6'", "ft"), ('9"', "in")]


@pytest.mark.parametrize("text, unit", [
    ("The file is 64 kb.", "KB"),  # no data-transfer cue: the common reading, kilobytes
    ("The report listed 1500 b", None),  # "b" alone is a letter, not a unit
    ("The nuclear lab's server logged 12 b", None),  # a tie (area and data) is no evidence
    ("She scored 31 points in the final.", None),  # points are counted outside markets
    ("The index fell 475 points to 38,852.", "pt"),  # a market sentence: index points
])
def test_without_a_leading_topic_the_ordinary_reading_stays(nlp, text, unit):
    assert quantities(nlp, text)[0]["unit"] == unit


def test_a_quote_mark_closing_a_quotation_is_no_unit(nlp):
    found = only(nlp, "He said the bill would cost 'at least 40' and left.")
    assert (found["text"], found["unit"]) == ("at least 40", None)


def test_a_scale_letter_keeps_its_reading_before_the_topic(nlp):
    assert units(nlp, "The network operator raised $2b from investors.") == [("$2b", "USD")]
    assert units(nlp, "The network gained 2b users.") == [("2b", None)]


def test_a_unit_reads_its_own_sentence_while_a_currency_reads_the_whole_report(nlp):
    text = "Astronomers at the observatory watched the sky. The fence is 6' high. Nepal paid 200,000 rupees."
    assert units(nlp, text) == [("6'", "ft"), ("200,000 rupees", "NPR")]


def test_every_reading_names_a_known_topic_and_a_unit_of_that_dimension():
    registry = UnitRegistry(LEXICON)
    for word, entry in resolve_aliases(LEXICON["topic_readings"]).items():
        for topic, code in entry.readings.items():
            assert topic in LEXICON["topic_cues"], (word, topic)
            if is_currency_code(code):
                assert is_currency_code(entry.default), (word, code)  # a currency word reads currencies only
            else:
                assert registry.describe(code)[1] == topic, (word, code)  # pint's dimension is the topic


def test_every_alias_resolves():
    aliases = [word for word, entry in LEXICON["topic_readings"].items() if isinstance(entry, str)]
    assert set(aliases) <= set(resolve_aliases(LEXICON["topic_readings"]))
