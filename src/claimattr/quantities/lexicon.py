"""The quantity lexicon, compiled: phrase tables, word sets and the digit pattern.

``quantities.json`` (validated against ``quantities.schema.json``, which documents every key) is
the data; :class:`Lookups` is the form the matching code reads: sets for membership, phrase tables
for longest-match look-ups over lower-cased tokens, and the token regex for digits with glued
currency symbols, scales and units. Every other module of the component takes a ``Lookups``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Generic, Iterable, Sequence, Tuple, TypeVar

from spacy.tokens import Doc

from claimattr.quantities.numbers import DIGITS
from claimattr.quantities.registry import is_currency_code
from claimattr.quantities.topics import TopicReadings
from claimattr.rules.lexicon import read_lexicon

DEFAULT_LEXICON = Path(__file__).parent / "quantities.json"
LEXICON_SCHEMA = Path(__file__).parent / "quantities.schema.json"

T = TypeVar("T")


@lru_cache(maxsize=1)
def bundled_lexicon() -> Dict[str, Any]:
    """The bundled lexicon, read and validated once (for :func:`parse_number_words` without a lexicon)."""
    return read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA)


class PhraseTable(Generic[T]):
    """Lower-cased phrases -> values, looked up by the longest phrase at the start or end of a word list."""

    def __init__(self, entries: Iterable[Tuple[str, T]]) -> None:
        self.table: Dict[Tuple[str, ...], T] = {tuple(phrase.lower().split()): value for phrase, value in entries}
        self.max_words = max((len(key) for key in self.table), default=0)
        """The longest phrase: how many words a look-up needs to see."""

    def __contains__(self, key: Tuple[str, ...]) -> bool:
        return key in self.table

    def __getitem__(self, key: Tuple[str, ...]) -> T:
        return self.table[key]

    def longest(self, words: Sequence[str]) -> Tuple[int, Any]:
        """Longest phrase that ``words`` starts with: (length, value), or (0, None)."""
        for length in range(min(self.max_words, len(words)), 0, -1):
            key = tuple(words[:length])
            if key in self.table:
                return length, self.table[key]
        return 0, None

    def longest_ending(self, words: Sequence[str]) -> Tuple[int, Any]:
        """Longest phrase that ``words`` ends with: (length, value), or (0, None)."""
        for length in range(min(self.max_words, len(words)), 0, -1):
            key = tuple(words[len(words) - length:])
            if key in self.table:
                return length, self.table[key]
        return 0, None


def digit_token_pattern(currency_prefixes: Iterable[str], glued_abbreviations: Iterable[str]) -> "re.Pattern[str]":
    """The regex of one token of digits: optional glued currency, number, optional range end, optional suffix.

    ``approx``: a tilde for "about" ("~100"); a "±" may come first, before a margin said alone ("±3 points": the
    margin's size, no sign). ``cur``: up to three letters and a currency symbol ("US$", "Mex$", "€"; the symbols are the
    non-letter last characters of ``currency_prefixes``), a glued abbreviation ("Rs", "Rs.") or up to
    three letters alone ("RM45"; the reader checks they name a currency).
    ``num``/``num2``: a number and the end of a glued range ("2-3"), which may repeat the currency and
    the suffix (``cur2``, ``mid``: "$5.6bn-$5.9bn", "5k-20k", "20~100"). ``uncertainty``: a glued "±" and its
    margin ("2,000.45±0.01"). ``suffix``: letters with an optional digit
    ("bn", "km2"), "%" or "²". ``dangling``: a hyphen left by a unit said once for a range ("8- to 16-meter").
    """
    symbols = sorted({p[-1] for p in currency_prefixes if not p[-1].isalnum() and p[-1] != "."})  # "Rs." is an abbreviation
    abbreviations = sorted(glued_abbreviations, key=len, reverse=True)
    currency = r"[^\W\d_]{0,3}[" + "".join(re.escape(s) for s in symbols) + "]"
    if abbreviations:
        currency += "|" + "|".join(re.escape(a) for a in abbreviations)
    currency += r"|[^\W\d_]{1,3}(?=\d)"  # letters alone: a code ("RM45") or a country after a symbol ("$" "US12,400,000")
    return re.compile(
        r"^(?P<approx>~)?±?(?P<sign>[+\-−])?"
        rf"(?P<cur>{currency})?"
        r"(?P<sign2>[+\-−])?"
        rf"(?P<num>{DIGITS})"
        r"(?:(?P<mid>[^\W\d_]{1,3})?[-–—~]"
        rf"(?P<cur2>{currency})?"
        r"(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
        r"(?:±(?P<uncertainty>\d+(?:\.\d+)?))?"
        r"(?P<suffix>[^\W\d_]+\d?|%|²)?(?P<dangling>[-–])?$",
        re.IGNORECASE,
    )


@dataclass
class Lookups:
    """Compiled views of one (validated) lexicon; ``lexicon`` is the data itself."""

    lexicon: Dict[str, Any]

    def __post_init__(self) -> None:
        lex = self.lexicon
        self.number_vocab = (
            set(lex["number_words"]) | set(lex["tens"]) | set(lex["hundred"]) | set(lex["scales"])
            | set(lex["multipliers"]) | set(lex["fractions"]) | set(lex["vague_plurals"])
            | {phrase.split()[0] for phrase in lex["vague_multipliers"]}
            | set(lex["article_ones"]) | set(lex["times_words"])
        )
        """Every word that can start or continue a number in words (the candidate matcher's vocabulary)."""
        self.multiple_words: Dict[str, float] = {
            word + suffix: float(value) for suffix in lex["ratio_suffixes"]
            for word, value in {**lex["number_words"], **lex["tens"], **lex["hundred"]}.items()}
        """Glued multiples ("threefold", "tenfold", "hundredfold") and their values."""
        self.number_vocab |= set(self.multiple_words)
        self.before: PhraseTable[str] = PhraseTable((m["phrase"], m["relation"]) for m in lex["modifiers_before"])
        self.after: PhraseTable[str] = PhraseTable((m["phrase"], m["relation"]) for m in lex["modifiers_after"])
        self.units: PhraseTable[str] = PhraseTable(lex["units"].items())
        self.topics = TopicReadings(lex["topic_cues"], lex["topic_readings"])
        self.currency_words: Dict[str, str] = dict(lex["currency_words"])
        for word, entry in self.topics.entries.items():
            if is_currency_code(entry.default):  # "crowns": a currency word by its topic readings alone
                self.currency_words.setdefault(word, entry.default)
        self.qualifiers: PhraseTable[str] = PhraseTable(lex["currency_word_qualifiers"].items())
        self.vague_multipliers: PhraseTable[Tuple[float, float]] = PhraseTable(
            (phrase, tuple(bounds)) for phrase, bounds in lex["vague_multipliers"].items()
        )
        self.ratio_joiners: PhraseTable[bool] = PhraseTable((phrase, True) for phrase in lex["ratio_joiners"])
        self.dates = set(lex["months"]) | set(lex["weekdays"])
        self.not_after = set(lex["not_quantity_after"])
        self.identifiers = set(lex["identifier_words"])
        self.reporting = set(lex["reporting_verbs"])
        self.measure_nouns: Dict[str, Any] = dict(lex["measure_nouns"])
        self.measure_verbs = set(lex["measure_verbs"])
        self.title_events = set(lex["event_verbs_title_case"])
        self.event_nouns = set(lex["event_nouns"])
        self.partitive = set(lex["partitive_prepositions"])
        self.digit_token = digit_token_pattern(lex["currency_prefixes"], lex["glued_currency_abbreviations"])

    def is_innings_score(self, doc: Doc, joiner: int) -> bool:
        """Whether the word at token ``joiner`` joins runs and wickets ("356 for 7", ``innings_score``): whole
        numbers on both sides, no more wickets than a side has, and no noun after them ("356 for 7 days")."""
        score = self.lexicon["innings_score"]
        if not 0 < joiner < len(doc) - 1 or doc[joiner].lower_ not in score["joiners"]:
            return False
        runs, wickets = doc[joiner - 1].text, doc[joiner + 1].text
        after = doc[joiner + 2] if joiner + 2 < len(doc) else None
        return (runs.isdigit() and wickets.isdigit() and int(wickets) <= score["max_wickets"]
                and (after is None or after.pos_ not in ("NOUN", "PROPN")))

    def is_year_digits(self, text: str) -> bool:
        """Four digits in ``year_range`` ("2023"): a year when nothing makes it a count."""
        low, high = self.lexicon["year_range"]
        return len(text) == 4 and text.isdigit() and low <= int(text) <= high
