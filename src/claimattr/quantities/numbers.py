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
from typing import Any, Dict, Optional, Sequence, Tuple

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


def set_uncertainty(number: NumberSpan, margin: float) -> None:
    """"2,000.45±0.01", "5.2 ± 0.3 kg": the value stays; the bounds are the value less and plus the margin."""
    number.low, number.high = number.value - margin, number.value + margin


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
    and_base: Optional[float] = None
    """The number before the last "and": a multiplier after it multiplies only what follows ("three hundred and two
    dozens" = 324)."""
    numerator: Optional[float] = None
    """A count after "and" that waits for its fraction ("three and one fourth", "twenty and three fifths")."""
    needs_scale: bool = False
    """A fraction that opens the number without an article is one only before a scale ("quarter million")."""

    def feed(self, word: str) -> bool:
        """Add one lower-cased word; False when the word cannot continue the number."""
        lex = self.lexicon
        if word in lex["article_ones"]:
            if self.pending_article or (self.words and not self.after_and):
                return False
            self.pending_article = True
            return True
        if word in lex["number_conjunctions"]:
            if self.current is None and self.total == 0 or self.after_and or self.numerator is not None:
                return False
            self.after_and = True
            self.scale_and = self.current is None
            self.and_base = self.current
            return True
        ok = self._feed_value(word)
        if ok:
            self.words += 1
            self.after_and = False
            self.pending_article = False
        return ok

    def _feed_value(self, word: str) -> bool:
        lex = self.lexicon
        if self.numerator is not None:
            return word in lex["fractions"] and self._feed_numerator_fraction(word)
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
            self.fraction_of_scale = self.needs_scale = False
            return True
        if word in lex["multipliers"]:
            if self.current is None and not self.pending_article:
                return False
            current = self.current if self.current is not None else 1.0
            base = self.and_base if self.and_base is not None and self.and_base < current else 0.0
            self.current = base + (current - base) * lex["multipliers"][word]
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
            return self._start_numerator(value, is_ten)
        if rest == 0 or (not is_ten and rest >= 20 and rest % 10 == 0 and value < 10):
            if current % 1 != 0:
                return False
            self.current = current + value
            return True
        return False

    def _start_numerator(self, value: float, is_ten: bool) -> bool:
        """"three and one ...", "twenty and three ...": after "and" a whole number that cannot continue may count
        the fraction that follows ("three and one fourth" = 3.25); without one the number ends before "and"."""
        if is_ten or self.current is None or self.current % 1 != 0:
            return False
        self.numerator = float(value)
        return True

    def _feed_numerator_fraction(self, word: str) -> bool:
        """The fraction of a waiting numerator: proper, singular after one ("one fourth"), plural after more
        ("three fifths")."""
        fraction = float(self.lexicon["fractions"][word])
        numerator = self.numerator or 0.0
        if (word in self.lexicon["plural_fractions"]) != (numerator > 1) or numerator * fraction >= 1:
            return False
        self.current = (self.current or 0.0) + numerator * fraction
        self.numerator = None
        return True

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
            if self.total == 0 and not self.words:
                self.current, self.needs_scale = fraction, True
                return True
            return False
        plural = word in lex["plural_fractions"]
        # a count of whole twentieths at most ("nineteen twentieths"); a plural needs two or more, and a singular
        # after two or more is a rank ("the two millionth visitor")
        if not (0 < current < 20) or current % 1 != 0 or (plural and current < 2) or (not plural and current >= 2):
            return False
        self.current = current * fraction
        self.scale = 0.0
        return True

    def value(self) -> Optional[float]:
        """The number composed so far, or ``None`` when it is incomplete ("two hundred and", "a")."""
        if self.words == 0 or self.after_and or self.pending_article or self.numerator is not None or self.needs_scale:
            return None
        if self.fraction_of_scale:
            return self.total + self.current * self.last_scale
        return self.total + (self.current or 0.0)


def cardinal_value(words: Sequence[str], lexicon: Dict[str, Any]) -> Optional[float]:
    """A whole number in words ("one hundred and thirty", "a hundred"), without fractions; else ``None``."""
    if not words or any(w in lexicon["fractions"] for w in words):
        return None
    if list(words) in (["a"], ["an"]):
        return 1.0  # "a twenty-first"
    composer = NumberComposer(lexicon)
    return composer.value() if all(composer.feed(w) for w in words) else None


def denominator_number(word: str, lexicon: Dict[str, Any]) -> Optional[float]:
    """The number an ordinal or fraction word divides by: "fifth"/"fifths" 5, "thirtieth" 30, "hundredths" 100,
    "quarters" 4; ``None`` for other words. Plurals add "s" to ``ordinal_numbers`` (which leaves out "second":
    "one second" and "twenty seconds" are times)."""
    ordinals = lexicon["ordinal_numbers"]
    stem = word[:-1] if word.endswith("s") and word[:-1] in ordinals else word
    if stem in ordinals:
        return float(ordinals[stem])
    fraction = lexicon["fractions"].get(word)
    return float(round(1 / fraction)) if fraction else None


def ordinal_phrase_value(words: Sequence[str], lexicon: Dict[str, Any]) -> Optional[float]:
    """An ordinal number phrase as a denominator: "fifths" 5, "twenty-first" 21, "one hundred and fifth" 105,
    "one thousand fifths" 1005; ``None`` when the words are no ordinal phrase.

    A units ordinal follows a ten, "hundred" or a scale ("thirty-fifth"; "thirty two fifths" is 32 fifths); a
    teen or tens ordinal follows "hundred" or a scale; "hundredths", "millionths" take no prefix (the numerator
    does: "a hundred trillionths" = 100 / 10^12). A phrase never starts with "hundred", a scale or "and"."""
    *prefix, last = words
    ordinal = denominator_number(last, lexicon)
    if ordinal is None:
        return None
    if not prefix:
        return ordinal if ordinal >= 2 else None
    large = set(lexicon["hundred"]) | set(lexicon["scales"])
    if ordinal >= 100 or prefix[0] in large or prefix[0] in lexicon["number_conjunctions"]:
        return None
    if prefix[-1] in lexicon["number_conjunctions"] and len(prefix) > 1 and prefix[-2] in large:
        prefix = prefix[:-1]  # "one hundred and fifth"
    allowed_before = large | (set(lexicon["tens"]) if ordinal < 10 else set())
    base = cardinal_value(prefix, lexicon)
    return base + ordinal if base is not None and prefix[-1] in allowed_before else None


def fraction_value(groups: Sequence[Sequence[str]], lexicon: Dict[str, Any]) -> Optional[float]:
    """A fraction in words, as word groups (a ten hyphenated to a unit, "twenty-three", is one group):
    numerator then ordinal denominator (singular after one, plural after more), the denominator as long as the
    numerator allows ("one hundred thirty
    fifths" = 100/35, "one one hundred fifth" = 1/105, "twenty fifths" = 20/5), or a whole number "and" a
    proper fraction ("two and fifty-four hundredths" = 2.54; "one hundred and thirty fifths" stays 130/5)."""
    conjunctions = lexicon["number_conjunctions"]
    flat = [w for group in groups for w in group]
    ands = [k for k, group in enumerate(groups) if group[0] in conjunctions]
    if ands and 0 < ands[-1] < len(groups) - 1:
        whole = cardinal_value([w for g in groups[:ands[-1]] for w in g], lexicon)
        part = fraction_value(groups[ands[-1] + 1:], lexicon)
        if whole is not None and part is not None and part < 1:
            return whole + part
    plural = flat[-1] in lexicon["plural_fractions"] or flat[-1][:-1] in lexicon["ordinal_numbers"]
    for k in range(1, len(groups)):
        numerator = cardinal_value([w for g in groups[:k] for w in g], lexicon)
        denominator = ordinal_phrase_value(flat[sum(len(g) for g in groups[:k]):], lexicon)
        if numerator is not None and denominator is not None:
            # one takes a singular ("one twenty-fifth"), more a plural ("three twenty-firsts"); "the two millionth
            # visitor", "the twenty third" are ranks
            return numerator / denominator if (numerator == 1) != plural else None
    return None


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
