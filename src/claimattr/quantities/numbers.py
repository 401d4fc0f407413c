"""Numbers as text: number-word composition and digit parsing (pure functions, no spaCy).

The general-purpose word-number libraries mangle news text ("$1.5 billion", "a dozen",
"hundreds"), so number words are composed here by a small state machine whose vocabulary is the
lexicon (``number_words``, ``tens``, ``hundred``, ``scales``, ``multipliers``, ``fractions``,
``article_ones``, ``number_conjunctions``). :class:`NumberSpan` is the parsed number core the other
modules of the component extend (ranges, units, modifiers) and check (exclusions).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

APPROXIMATE = "~"
"""The relation of hedged and vague quantities ("about 40", "dozens")."""

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
"""A number in digits: thousands grouped by commas ("1,000,000"), lakhs and crores grouped the Indian way
("12,34,567"), plain ("1000"), decimals ("1.5", ".5")."""

_WORD_SEPARATORS = re.compile(r"[\s,\-–]+")

SIGNIFICANT_DIGITS = 6
"""Values below :data:`LARGE_VALUE` keep six significant digits (2/3 -> 0.666667): enough for any
fraction a report states, and it removes float noise from composing ("0.1 * 3")."""
LARGE_VALUE = 1000
LARGE_DECIMALS = 2
"""Values from :data:`LARGE_VALUE` up keep two decimals, so 1.5e9 stays exact (six significant digits would
round 1,234,567 to 1,234,570)."""


@dataclass
class NumberSpan:
    """A parsed number over tokens ``[start, end)`` with what the later stages attach to it."""

    start: int
    end: int
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    relation: str = "="
    unit: Optional[str] = None
    scale: float = 1.0
    is_digits: bool = False
    vague: bool = False
    has_scale: bool = False
    of_unit: bool = False
    modifier: Optional[Tuple[int, int]] = None
    adjectival: bool = False
    sign: Optional[str] = None
    """"+" or "-" written before the digits ("+0.4%", "-3C") or "minus" before the number."""
    market_sign: bool = False
    """The sign marks a change ("FTSE +0.4%", "DAX -1.2%"): ``value`` is the magnitude, the sign the direction."""
    per_currency: Optional[str] = None
    """The currency a bare number is quoted against ("151 per dollar" -> USD): an exchange rate."""


def convert_number(number: NumberSpan, factor: float) -> None:
    """Multiply value and bounds by ``factor`` in place ("3 hundred", "50 cents" as dollars)."""
    number.value *= factor
    if number.low is not None:
        number.low *= factor
    if number.high is not None:
        number.high *= factor


def scale_number(number: NumberSpan, factor: float) -> None:
    """Multiply value and bounds by a scale ("1.5" + "million"), in place, and remember the scale."""
    convert_number(number, factor)
    number.scale = factor
    number.has_scale = True


def apply_relation(number: NumberSpan, relation: str) -> None:
    """Set the relation of a modifier: ``>``/``>=`` set ``low``, ``<``/``<=`` set ``high``, ``~`` approximates."""
    number.relation = relation
    if relation == APPROXIMATE:
        number.approximate = True
    elif relation in (">", ">=") and number.low is None:
        number.low = number.value
    elif relation in ("<", "<=") and number.high is None:
        number.high = number.value


def clean_value(value: Optional[float]) -> Optional[float]:
    """Round away float noise (see :data:`SIGNIFICANT_DIGITS` and :data:`LARGE_DECIMALS`)."""
    if value is None:
        return None
    if value == int(value):
        return float(int(value))
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}") if abs(value) < LARGE_VALUE else round(value, LARGE_DECIMALS)


@dataclass
class NumberComposer:
    """State of composing number words left to right ("two hundred and fifty-eight thousand").

    ``lexicon`` is the (validated) quantity lexicon; feed lower-cased words one at a time.
    """

    lexicon: Dict[str, Any]
    total: float = 0.0
    current: Optional[float] = None
    last_scale: float = math.inf
    scale: float = 1.0
    after_and: bool = False
    pending_article: bool = False
    scale_and: bool = False
    """"and" came right after a scale word: a fraction then is of that scale ("one million and a half")."""
    fraction_of_scale: bool = False
    """``current`` is such a fraction: of the last scale, or of a smaller scale word that follows
    ("one billion and a half million" -> 1,000,500,000)."""
    words: int = 0

    def feed(self, word: str) -> bool:
        """Add one lower-cased word; False when the word cannot continue the number."""
        lex = self.lexicon
        if word in lex["article_ones"]:
            if self.pending_article or (self.words and not self.after_and):
                return False
            self.pending_article = True
            return True
        if word in lex["number_conjunctions"]:
            if self.current is None and self.total == 0 or self.after_and:
                return False
            self.after_and = True
            self.scale_and = self.current is None
            return True
        ok = self._feed_value(word)
        if ok:
            self.words += 1
            self.after_and = False
            self.pending_article = False
        return ok

    def _feed_value(self, word: str) -> bool:
        lex = self.lexicon
        if self.pending_article and word in lex["number_words"]:
            return False
        if word in lex["number_words"] or word in lex["tens"]:
            return self._feed_unit_or_ten(word)
        if word in lex["hundred"]:
            if self.current is not None and not (0 < self.current < 100):
                return False
            self.current = (self.current if self.current is not None else 1.0) * lex["hundred"][word]
            return True
        if word in lex["scales"]:
            scale = float(lex["scales"][word])
            if self.current is None and self.total and not self.after_and and not self.pending_article and scale > self.last_scale:
                self.total *= scale  # "three lakh crore", "five thousand million": a scale of scales
                self.last_scale, self.scale = scale, scale
                return True
            if self.current is None and not self.pending_article or scale >= self.last_scale:
                return False
            self.total += (self.current if self.current is not None else 1.0) * scale
            self.current, self.last_scale, self.scale = None, scale, scale
            self.fraction_of_scale = False
            return True
        if word in lex["multipliers"]:
            if self.current is None and not self.pending_article:
                return False
            self.current = (self.current if self.current is not None else 1.0) * lex["multipliers"][word]
            return True
        if word in lex["fractions"]:
            return self._feed_fraction(word)
        return False

    def _feed_unit_or_ten(self, word: str) -> bool:
        """"fifty" then "eight"; "two hundred" then "five"; never "eight fifty" or "twenty thirty"."""
        lex = self.lexicon
        current = self.current
        is_ten = word in lex["tens"]
        value = lex["number_words"].get(word, lex["tens"].get(word))
        if current is None:
            self.current = float(value)
            return True
        rest = current % 100
        if self.after_and and rest != 0:
            return False
        if rest == 0 or (not is_ten and rest >= 20 and rest % 10 == 0 and value < 10):
            if current % 1 != 0:
                return False
            self.current = current + value
            return True
        return False

    def _feed_fraction(self, word: str) -> bool:
        """"half", "a third", "two-thirds", "one and a half", "five and a quarter"."""
        lex = self.lexicon
        current = self.current
        fraction = float(lex["fractions"][word])
        if self.scale_and and (current is None and self.pending_article or current is not None and current % 1 == 0):
            # "one million and a half", "five billion and three quarters": a fraction of a scale
            self.current, self.scale_and, self.fraction_of_scale = (current or 1.0) * fraction, False, True
            return True
        if self.after_and:  # "one and a half", "five and a quarter": a whole number, "and a", one singular fraction
            if not self.pending_article or current is None or current % 1 != 0 or word in lex["plural_fractions"]:
                return False
            self.current = current + fraction
            return True
        if current is None:
            if self.pending_article or word in lex["standalone_fractions"]:
                self.current = fraction
                return True
            return False
        plural = word in lex["plural_fractions"]
        # a count of whole twentieths at most ("nineteen twentieths"), and a plural needs two or more
        if not (0 < current < 20) or current % 1 != 0 or (plural and current < 2):
            return False
        self.current = current * fraction
        self.scale = 0.0
        return True

    def value(self) -> Optional[float]:
        """The number composed so far, or ``None`` when it is incomplete ("two hundred and", "a")."""
        if self.words == 0 or self.after_and or self.pending_article:
            return None
        if self.fraction_of_scale:
            return self.total + self.current * self.last_scale
        return self.total + (self.current or 0.0)


def parse_number_words(text: str, lexicon: Optional[Dict[str, Any]] = None) -> Optional[float]:
    """Compose English number words ("two hundred and fifty-eight thousand") into a float.

    Commas and hyphens are separators; returns ``None`` when the words do not form one number.
    ``lexicon`` defaults to the bundled quantity lexicon.
    """
    if lexicon is None:
        from claimattr.quantities.lexicon import bundled_lexicon

        lexicon = bundled_lexicon()
    composer = NumberComposer(lexicon)
    words = [w for w in _WORD_SEPARATORS.split(text.lower().strip()) if w]
    if not words:
        return None
    for word in words:
        if not composer.feed(word):
            return None
    return composer.value()


def parse_digits(text: str) -> Optional[float]:
    """"1,000" -> 1000.0, "1.5" -> 1.5; ``None`` for anything else or a non-finite value."""
    if not re.fullmatch(DIGITS, text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None
