"""Number mentions over tokens: digits, number words, vague amounts, ranges, ratios and modifiers.

:class:`MentionReader` turns the candidate token a ``Matcher`` found into the longest
:class:`~claimattr.quantities.numbers.NumberSpan` starting there: one number ("1,000", "fifty-eight",
"dozens"), joined into a range or ratio ("20 to 25", "one in five"), with its currency and unit
(:class:`~claimattr.quantities.units.Units`) and the modifier that sets its relation and bounds
("more than", "or so").
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import List, Optional, Tuple

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimattr.quantities.change import CHANGE_PREPOSITIONS
from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import (APPROXIMATE, NumberComposer, NumberSpan, apply_relation, convert_number,
                                         denominator_number, fraction_value, parse_digits, scale_number, set_uncertainty)
from claimattr.quantities.units import (FRACTION, HYPHENS, TEMPERATURE_CODES, Units, is_currency_code, is_word_at,
                                       letter_case_fits, lower_at)

DASHES = ("-", "–", "—")
PLUS_MINUS = ("±",)
"""The marks of a margin ("5.2 ± 0.3 kg")."""
"""Dashes that join a range of digits ("20-25"); a falling one ("3-1", "221-207") is a score, no quantity."""
VAGUE_WINDOW = 8
"""Tokens a vague amount may span: a multiplier phrase and a scale ("a couple of dozen") or a
chain of vague plurals ("hundreds of thousands of millions")."""
RANGE_SCALE_LIMIT = 1000
"""In "2 to 3 million" the first end takes the second's scale; a first end of 1,000 or more is already whole ("1,500 to 2 million")."""
SPAN_DIMENSIONS = ("time", "length")
"""Measures a preposition such as "over" may span ("over 68 weeks", "over 13.8 kilometres")."""
BOUND_JOINERS = ("and", "but", ",")
"""Words between a lower and an upper bound of one range ("above 1000 and below 1500")."""
BOUND_SIDES = {">": "low", ">=": "low", "<": "high", "<=": "high"}
"""Which bound a comparative sets."""
SHARED_UNIT_JOINERS = ("and", "or")
"""Words between a bare number and a measure whose unit it shares ("45 and 50 mg")."""
CHANGE_LEVEL_RATIO = 3.0
"""After "by" or a change verb, "X to Y" with Y at least this many times X is a change and a level ("fell by
200 to 2,116"); ranges people give are narrower ("grow by 2 to 3 percent")."""
HUNDREDTH = 0.01
"""A bare number closing a money amount is its hundredths ("15 dollars 50" -> 15.50)."""
NUMBER_TAIL_MARKS = ("%", "/", "-", "–", "—", ":", "+")
"""Marks after a number that make it part of something else (a percentage, a ratio, a score, a time)."""
VULGAR_FRACTION = re.compile(r"^(?P<whole>\d+)?(?P<fraction>[\u00bc-\u00be\u2150-\u215e])$")
"""Digits with a single-character fraction ("½", "⅓", "2½"), as typeset news writes them."""
RACE_TIME = re.compile(r"^(?:(?P<hours>\d{1,2}):(?=\d{2}:))?(?P<minutes>\d{1,2}):(?P<seconds>\d{2}(?:\.\d{1,3})?)$")
"""A race time ("15:20.48", "1:43.26", "2:04:12"): hundredths of a second, or hours before minutes and seconds;
a clock time has neither ("10:30")."""
SECONDS = "s"
DIGITS_START = r"^\D{0,4}\d"
"""Tokens whose first digit comes after at most four other characters ("US$5", "NZD$15", "€4.3bn", "#3"): digit candidates."""


def race_time_at(i: int, race: "re.Match[str]") -> Optional[NumberSpan]:
    """"15:20.48" = 920.48 s, "2:04:12" = 7452 s: a race time in seconds, as race times are compared; a clock time
    ("10:30", no hundredths and no hours) or a field out of range is none."""
    hours, minutes, seconds = race.group("hours"), int(race.group("minutes")), float(race.group("seconds"))
    if hours is None and "." not in race.group("seconds") or seconds >= 60 or hours is not None and minutes >= 60:
        return None
    total = (int(hours or 0) * 60 + minutes) * 60 + seconds
    return NumberSpan(i, i + 1, total, is_digits=True, unit=SECONDS)


def ordinal_words(lexicon: dict) -> List[str]:
    """The ordinal words of ``ordinal_numbers`` and their plurals ("fifth", "fifths")."""
    return [form for word in lexicon["ordinal_numbers"] for form in (word, word + "s")]


def candidate_matcher(vocab: Vocab, look: Lookups) -> Matcher:
    """A ``Matcher`` for tokens that may start a number: digits, number words, "a" + scale ("a dozen"), "a" + a
    compound ordinal ("a twenty-first")."""
    lex = look.lexicon
    articles = list(lex["article_ones"])
    after_article = set(lex["hundred"]) | set(lex["scales"]) | set(lex["multipliers"]) | set(lex["fractions"])
    matcher = Matcher(vocab)
    matcher.add("NUMBER", [
        [{"LIKE_NUM": True}],
        [{"LOWER": {"IN": sorted(look.number_vocab - set(articles))}}],
        [{"TEXT": {"REGEX": DIGITS_START}}],
        [{"TEXT": {"REGEX": VULGAR_FRACTION.pattern}}],
        [{"LOWER": {"IN": articles}}, {"LOWER": {"IN": sorted(after_article)}}],
        [{"LOWER": {"IN": articles}}, {"LOWER": {"IN": sorted(lex["tens"])}}, {"TEXT": {"IN": list(HYPHENS)}},
         {"LOWER": {"IN": sorted(ordinal_words(lex))}}],  # "a twenty-first" (of something)
    ])
    return matcher


class MentionReader:
    """Read the number mention starting at a token, from one compiled lexicon."""

    def __init__(self, look: Lookups, units: Units) -> None:
        self.look = look
        self.units = units
        lex = look.lexicon
        self.conjunctions = set(lex["number_conjunctions"])
        self.range_openers = set(lex["range_openers"])
        self.range_joiners = set(lex["range_joiners"])
        self.joiners_without_opener = set(lex["range_joiners_without_opener"])
        self.joiners_after_opener = self.range_joiners | self.joiners_without_opener
        """After "between" any joiner closes the range: "between 20 and 25", and the loose "between 44 mg to 50 mg"."""
        self.approximate_joiners = set(lex["approximate_range_joiners"])
        self.change_openers = set(lex["range_change"]["openers"])
        self.change_joiners = set(lex["range_change"]["joiners"])
        self.determiner_modifiers = set(lex["determiner_modifiers"])
        self.exceeding_verbs = set(lex["exceeding_verbs"])
        self.minus_words = set(lex["minus_words"])
        self.change_verbs = {verb for verbs in lex["direction_verbs"].values() for verb in verbs}
        self.market_units = {"%", "pt", "pp", "bp"}
        """Units of market moves: a sign before them marks a change ("DAX -1.2%"), elsewhere a negative value."""

    def number_at(self, doc: Doc, i: int, currency_in_doc: dict, free_from: int = 0) -> Optional[NumberSpan]:
        """The longest number (single, range or vague) starting at token ``i``, with its unit and modifier;
        tokens before ``free_from`` belong to the previous mention ("10 rmb 20 usd": "rmb" is the first's)."""
        first = self.single_at(doc, i)
        if first is None:
            return None
        number = self.extend_range(doc, first)
        if number is None:
            return None
        self.attach_uncertainty(doc, number)
        number = self.units.attach(doc, number, currency_in_doc, free_from)
        self.attach_ratio_suffix(doc, number)
        self.share_following_unit(doc, number)
        if number.unit is None and number.end == i + 1 and number.value < 1 and VULGAR_FRACTION.match(doc[i].text):
            number.unit = FRACTION  # "½" alone; "½ tbsp" took its unit
        self.attach_smaller_unit(doc, number, currency_in_doc)
        number = self.attach_modifiers(doc, number)
        self.attach_sign(doc, number)
        return self.join_bounds(doc, number, currency_in_doc)

    def attach_ratio_suffix(self, doc: Doc, number: NumberSpan) -> None:
        """"rose two-fold", "a 2.5-fold increase": a hyphenated multiple suffix (``ratio_suffixes``) joins a plain
        number, which then counts nothing (the noun after it is what grew, not what is counted)."""
        k = number.end
        if number.unit is None and k + 1 < len(doc) and doc[k].text in HYPHENS and not doc[k - 1].whitespace_ \
                and not doc[k].whitespace_ and doc[k + 1].lower_ in self.look.lexicon["ratio_suffixes"]:
            number.end = k + 2

    def attach_uncertainty(self, doc: Doc, number: NumberSpan) -> None:
        """"5.2 ± 0.3 kg", "5.2 ±0.3 kg": a margin after a single number sets its bounds ("5.2±0.3": :meth:`digits_at`)."""
        k = number.end
        written = lower_at(doc, k)
        if number.low is not None or number.high is not None or not written.startswith(PLUS_MINUS):
            return
        k += written in PLUS_MINUS  # "5.2 ± 0.3"; glued to its digits, "5.2 ±0.3" is one token
        if k >= len(doc):
            return
        margin = self.single_at(doc, k)
        if margin is not None and margin.low is None and margin.unit is None:
            set_uncertainty(number, margin.value)
            number.end = margin.end

    def join_bounds(self, doc: Doc, number: NumberSpan, currency_in_doc: dict) -> NumberSpan:
        """"above 1000 and below 1500", "at most 100 and at least 20": a lower and an upper bound joined by
        "and"/"but" are one range, when the lower is below the upper ("more than 40 and less than 10" stay two)."""
        k = number.end
        while lower_at(doc, k) in BOUND_JOINERS:
            k += 1
        if number.relation not in BOUND_SIDES or k == number.end or k >= len(doc):
            return number
        length, relation = self.look.before.longest([t.lower_ for t in doc[k:k + self.look.before.max_words]])
        if not length or BOUND_SIDES.get(relation, BOUND_SIDES[number.relation]) == BOUND_SIDES[number.relation]:
            return number
        second = self.number_at(doc, k + length, currency_in_doc, k + length)
        if second is None or second.relation != relation or second.low is not None and second.high is not None:
            return number
        low, high = (number, second) if BOUND_SIDES[number.relation] == "low" else (second, number)
        if not low.value < high.value or (number.unit and second.unit and number.unit != second.unit):
            return number
        return NumberSpan(number.start, second.end, (low.value + high.value) / 2, low=low.value, high=high.value,
                          unit=number.unit or second.unit, is_digits=number.is_digits, modifier=number.modifier,
                          scale=second.scale, has_scale=number.has_scale or second.has_scale)

    def share_following_unit(self, doc: Doc, number: NumberSpan) -> None:
        """"given 45 and 50 mg", "2 or 3 per cent": a bare number joined to a measure shares its unit."""
        j = number.end
        if number.unit is not None or not number.is_digits or number.low is not None or j + 1 >= len(doc) \
                or lower_at(doc, j) not in SHARED_UNIT_JOINERS:
            return
        second = self.single_at(doc, j + 1)
        if second is not None and second.is_digits and second.low is None and second.unit is None:
            number.unit = self.unit_after(doc, second)[1]

    def attach_smaller_unit(self, doc: Doc, number: NumberSpan, currency_in_doc: dict) -> None:
        """"5 feet 2 inches", "2 hours, 3 minutes and 17 seconds", "3 dollars 50 cents": the smaller amounts
        join the number. A duration is given in the smallest unit named, as race times are compared and
        as exact as written (7397 s); lengths, weights and money in the first (5.16667 ft, 3.50 dollars),
        as heights and prices are quoted."""
        if number.unit is None or number.has_scale or number.low is not None or number.adjectival:
            return
        while True:
            k = number.end + (lower_at(doc, number.end) in self.conjunctions or lower_at(doc, number.end) == ",")
            k += lower_at(doc, k) in self.conjunctions  # "2 hours, 3 minutes and 17 seconds"
            second = self.single_at(doc, k) if k < len(doc) else None
            if second is None or second.low is not None or second.unit is not None:
                return
            length, factor = self.units.smaller_unit_at(doc, second.end, number.unit, currency_in_doc)
            if length and self.units.registry.describe(number.unit)[1] == "time":
                number.value = number.value / factor + second.value
                number.unit = self.units.unit_at(doc, second.end, True, currency_in_doc)[1]
            elif length or self.is_bare_hundredths(doc, number, second):
                number.value += second.value * (factor if length else HUNDREDTH)
            else:
                return
            number.end = second.end + length

    @staticmethod
    def is_bare_hundredths(doc: Doc, number: NumberSpan, second: NumberSpan) -> bool:
        """"15 dollars 50.", "17 USD 25", "thirteen dollars forty five": a whole number under a hundred that
        closes the phrase right after an amount of money is its cents, the way prices are said aloud. Before
        a word it counts something else ("$15 and 50 people")."""
        return (is_currency_code(number.unit) and number.value % 1 == 0 and 0 < second.value < 100
                and second.value % 1 == 0 and not second.has_scale and not is_word_at(doc, second.end)
                and lower_at(doc, second.end) not in NUMBER_TAIL_MARKS)

    def attach_sign(self, doc: Doc, number: NumberSpan) -> None:
        """Signed values: "+0.4%" and "-1.2%" of a rate or index are changes (magnitude + sign), other
        signed digits and "minus N" are negative levels ("-3C", "minus 120 degrees")."""
        if number.sign is None and number.modifier is None and number.start > 0 \
                and (doc[number.start - 1].lower_ in self.minus_words or self.spaced_minus(doc, number)):
            number.sign = "-"
            number.start -= 1
        if number.sign is None:
            return
        if number.sign == "-" and doc[number.start].text[:1] in DASHES and number.start > 0 and doc[number.start - 1].like_num:
            number.sign = None  # "75 -300mm": a dash that joins two numbers, not a minus
            return
        number.market_sign = number.sign == "+" or (
            number.unit in self.market_units and doc[number.start].lower_ not in self.minus_words)
        if number.sign == "-" and not number.market_sign:
            number.value = -number.value
            if number.low is not None and number.high is not None:
                number.low, number.high = -number.high, -number.low
            elif number.low is not None or number.high is not None:
                number.low, number.high = (None if number.high is None else -number.high,
                                           None if number.low is None else -number.low)

    def spaced_minus(self, doc: Doc, number: NumberSpan) -> bool:
        """"convert - 20 degrees fahrenheit", "fell to - 20C": a hyphen set apart before a temperature, right after a
        verb or a preposition, is its minus; after other words it is a dash ("hot - 40C in the shade")."""
        k = number.start - 1
        return (k > 0 and doc[k].text in HYPHENS and doc[k].whitespace_ and doc[k - 1].pos_ in ("VERB", "ADP")
                and number.unit in TEMPERATURE_CODES)

    # ---- one number ---------------------------------------------------------------------------

    def single_at(self, doc: Doc, i: int) -> Optional[NumberSpan]:
        text = doc[i].text
        race = RACE_TIME.match(text)
        if race is not None:
            return race_time_at(i, race)
        vulgar = VULGAR_FRACTION.match(text)
        if vulgar:
            return self.vulgar_fraction_at(i, vulgar)
        match = self.look.digit_token.match(text) or (
            len(text) > 2 and text.endswith(".") and self.look.digit_token.match(text[:-1]))  # "5W." at a sentence end
        if match:
            return self.digits_at(doc, i, match)
        vague = self.vague_at(doc, i)
        if vague is not None:
            return vague
        return self.words_at(doc, i)

    def digits_at(self, doc: Doc, i: int, match: "re.Match[str]") -> Optional[NumberSpan]:
        """"1,000", "1.5", "$2bn", "2-3", "1,200km", "6.8%", then scale words after ("1.5 million")."""
        lex = self.look.lexicon
        value = parse_digits(match.group("num"))
        if value is None:
            return None
        currency = None
        if match.group("cur"):
            currency = self.units.currency_prefix(match.group("cur")) or self.units.country_after_symbol(doc, i, match.group("cur"))
            if currency is None:
                return None
        number = NumberSpan(i, i + 1, value, is_digits=True, unit=currency)
        if match.group("approx"):  # "~100 dollars"
            apply_relation(number, APPROXIMATE)
        if match.group("uncertainty"):
            set_uncertainty(number, float(match.group("uncertainty")))
        sign = match.group("sign") or match.group("sign2")
        if sign:
            number.sign = "+" if sign == "+" else "-"
        written = match.group("suffix") or ""
        suffix = written.lower()
        if match.group("dangling") and (written or lower_at(doc, i + 1) not in self.joiners_without_opener):
            return None  # "an 8- to 16-metre telescope": only a range's first end leaves its unit hanging
        if match.group("num2"):
            high = parse_digits(match.group("num2"))
            cur2 = match.group("cur2")  # "$5.6bn-$5.9bn": the second end repeats the currency and the scale
            repeats = (match.group("mid") or suffix).lower() == suffix and (
                cur2 is None or self.units.currency_prefix(cur2) == (currency or self.units.currency_before(doc, i)[1]))
            if high is None or high <= value or not repeats:
                return None
            number.low, number.high, number.value = value, high, (value + high) / 2
        has_currency = currency is not None or self.units.currency_before(doc, i)[1] is not None
        if suffix:
            subunit_currency, factor = self.units.glued_subunit(doc, i, suffix)
            if self.units.scale_abbreviation_applies(doc, written, i + 1, has_currency):
                scale_number(number, float(lex["scale_abbreviations"][suffix]))
            elif subunit_currency is not None and currency is None:
                convert_number(number, factor)
                number.unit = subunit_currency
            elif (topical := self.units.glued_topical_unit(doc, i, written)) is not None:
                number.unit = topical
            elif (suffix,) in self.look.units and letter_case_fits(written, self.look.units[(suffix,)]):
                number.unit = self.look.units[(suffix,)]
            elif self.units.currency_code_word(suffix) is not None:  # "115USD"
                number.unit = self.units.currency_code_word(suffix)
            elif self.units.registry.symbol(match.group("suffix")) is not None:
                number.unit = self.units.registry.symbol(match.group("suffix"))
            else:
                return None
        else:
            self.units.scale_words_after(doc, number, has_currency)
            self.attach_hundreds_rest(doc, number)
            self.attach_smaller_group(doc, number)
            self.attach_scale_fraction(doc, number)
        return number

    def attach_smaller_group(self, doc: Doc, number: NumberSpan) -> None:
        """"4 thousand 3 hundred and 21", "6 crore and two hundred": after a scale, a group with a smaller scale
        or "hundred" continues the number, as number words do ("four thousand three hundred"); a bare count
        does not ("2 million 300 people" are two numbers)."""
        end = number.end
        if not number.has_scale or number.low is not None:
            return
        k = end + (lower_at(doc, end) in self.conjunctions)
        rest = self.single_at(doc, k) if k < len(doc) else None
        if rest is None or rest.low is not None or rest.unit is not None or not 0 < rest.value < number.scale:
            return
        grouped = any(t.lower_ in self.look.lexicon["hundred"] or t.lower_ in self.look.lexicon["scales"]
                      for t in doc[rest.start:rest.end])
        if grouped:
            number.value += rest.value
            number.end = rest.end

    def attach_scale_fraction(self, doc: Doc, number: NumberSpan) -> None:
        """"3 million and a half", "2 billion and three quarters": a fraction after "and" is of the scale."""
        end = number.end
        if not number.has_scale or lower_at(doc, end) not in self.conjunctions or end + 1 >= len(doc):
            return
        fraction = self.words_at(doc, end + 1)
        if fraction is not None and fraction.unit == FRACTION and fraction.value < 1 \
                and lower_at(doc, fraction.end) not in self.look.partitive:  # "a half of it" is its own
            number.value += fraction.value * number.scale
            number.end = fraction.end

    def attach_hundreds_rest(self, doc: Doc, number: NumberSpan) -> None:
        """"3 hundred and 21", "3 hundred and one": digits with "hundred" continue as number words do, with
        "and" and a number under a hundred."""
        end = number.end
        if lower_at(doc, end - 1) not in self.look.lexicon["hundred"] or lower_at(doc, end) not in self.conjunctions:
            return
        rest = self.single_at(doc, end + 1) if end + 1 < len(doc) else None
        if rest is not None and rest.low is None and not rest.has_scale and rest.unit is None \
                and 0 < rest.value < 100 and rest.value % 1 == 0:
            number.value += rest.value
            number.end = rest.end

    @staticmethod
    def vulgar_fraction_at(i: int, match: "re.Match[str]") -> NumberSpan:
        """"½", "⅓ cup", "2½ years": the character's value from Unicode, added to the whole number before it.
        A unit may follow as after digits (alone, :meth:`number_at` makes it a fraction)."""
        value = float(match.group("whole") or 0) + unicodedata.numeric(match.group("fraction"))
        return NumberSpan(i, i + 1, value, is_digits=True)

    def words_at(self, doc: Doc, i: int) -> Optional[NumberSpan]:
        """Number words: "fifty-eight", "a dozen", "two-thirds", "one and a half million", "half"; "twice"."""
        lex = self.look.lexicon
        if doc[i].lower_ in lex["times_words"]:
            return NumberSpan(i, i + 1, float(lex["times_words"][doc[i].lower_]))  # "scored twice": a count of 2
        if doc[i].lower_ in self.look.multiple_words:
            return NumberSpan(i, i + 1, self.look.multiple_words[doc[i].lower_])  # "rose threefold"
        composer = NumberComposer(lex)
        best = None
        j = i
        while j < len(doc):
            token = doc[j]
            word = token.lower_
            if (word in HYPHENS and j > i and (not doc[j - 1].whitespace_ and not token.whitespace_
                                                or self.compound_hyphen(doc, j))) or (j > i and token.is_space):
                j += 1  # "fifty-eight", "fifty - two"; a run of spaces ("fifty  two") is one space
                continue
            if word == "," and j > i and lower_at(doc, j - 1) in lex["scales"] and self.comma_continues(doc, j, composer.last_scale):
                j += 1  # "three million, two hundred and forty"
                continue
            if word not in self.look.number_vocab and word not in self.conjunctions:
                break
            if not composer.feed(word):
                break
            value = composer.value()
            if value is not None:
                best = (j + 1, value, composer.scale)
            j += 1
        groups = self.word_groups(doc, i)
        fraction = fraction_value([words for _, _, words in groups], lex) if groups else None
        if fraction is not None and (best is None or groups[-1][1] > best[0]):
            # "twenty-three fifths", "one hundred thirty-fifths", "two and fifty-four hundredths"
            if self.names_ordinal(doc, groups[-1][1]):
                return None  # "a twenty-first century problem"
            return NumberSpan(i, groups[-1][1], fraction, unit=FRACTION if fraction < 1 else None)
        if best is None or lower_at(doc, best[0]) in lex["ordinal_numbers"] \
                or any(start < best[0] < end and denominator_number(words[-1], lex) for start, end, words in groups):
            return None  # "the twenty-first century", "its one hundred and thirty-fifth year", "the two millionth visitor": a rank
        end, value, scale = best
        words = [t.lower_ for t in doc[i:end]]
        has_scale = any(w in lex["scales"] for w in words)
        number = NumberSpan(i, end, value, scale=scale, has_scale=has_scale)
        if any(w in lex["fractions"] for w in words) and not has_scale:
            # "one and a half" is a number; "two-thirds", "half" are fractions
            if not any(w in self.conjunctions for w in words):
                number.unit = FRACTION
        elif not has_scale and value == int(value):
            self.attach_spoken_decimals(doc, number)
        return number

    def attach_spoken_decimals(self, doc: Doc, number: NumberSpan) -> None:
        """"five point five", "two hundred point zero three", "nought point eleven": the words after
        ``decimal_point_words`` are the digits after the point, a unit word one digit, a teen or a ten (with its
        unit) two. Without digit words after it "point" is no decimal point ("one point ahead")."""
        lex = self.look.lexicon
        k = number.end
        if lower_at(doc, k) not in lex["decimal_point_words"]:
            return
        digits, k = "", k + 1
        while k < len(doc):
            word = doc[k].lower_
            if word in HYPHENS and self.compound_hyphen(doc, k):
                digits, k = digits[:-1] + str(lex["number_words"][lower_at(doc, k + 1)]), k + 2  # "seventy-one"
                continue
            value = lex["number_words"].get(word, lex["tens"].get(word))
            if value is None:
                break
            digits += str(value)
            k += 1
        if digits:
            number.value += float("0." + digits)
            number.end = k

    def names_ordinal(self, doc: Doc, end: int) -> bool:
        """A singular ordinal closing the words before ``end`` that describes the noun after it ("a twenty-first
        century problem", "a thirty-fifth anniversary") is a rank, not a denominator."""
        lex = self.look.lexicon
        return (lower_at(doc, end - 1) in lex["ordinal_numbers"] and end < len(doc)
                and doc[end].pos_ in ("NOUN", "ADJ", "PROPN") and doc[end].lower_ not in lex["ordinal_not_before"])

    def word_groups(self, doc: Doc, i: int) -> List[Tuple[int, int, List[str]]]:
        """The number words from token ``i`` up to an ordinal or fraction word that may close them as a fraction,
        as groups (start token, end token, words): a ten hyphenated to a unit is one group ("twenty-first",
        "ninety - five"), other words are one each. Empty when no such word closes the run."""
        lex = self.look.lexicon
        groups: List[Tuple[int, int, List[str]]] = []
        j = i
        while j < len(doc):
            word = doc[j].lower_
            if word in HYPHENS and groups and j + 1 < len(doc):
                j += 1
                word = doc[j].lower_
                if groups[-1][2][-1] in lex["tens"] and self.below_ten(word):
                    start, _, words = groups.pop()
                    groups.append((start, j + 1, words + [word]))
                    if denominator_number(word, lex):
                        return groups
                    j += 1
                    continue
            if word not in self.look.number_vocab and word not in self.conjunctions and denominator_number(word, lex) is None:
                return []
            groups.append((j, j + 1, [word]))
            if denominator_number(word, lex) is not None:
                return groups
            j += 1
        return []

    def below_ten(self, word: str) -> bool:
        """A unit word or a units ordinal ("five", "fifth"): what a ten takes after its hyphen ("twenty-five")."""
        value = self.look.lexicon["number_words"].get(word) or denominator_number(word, self.look.lexicon)
        return value is not None and 0 < value < 10

    def comma_continues(self, doc: Doc, j: int, last_scale: float) -> bool:
        """A comma at token ``j`` after a scale word goes on with the same number when the words after it form a
        smaller group ("three million, two hundred and forty"); a list of numbers goes on with a number of the
        same size ("one million, two million") or a bare count."""
        lex = self.look.lexicon
        k = j + 1
        while k < len(doc) and (doc[k].lower_ in self.look.number_vocab or doc[k].lower_ in self.conjunctions or doc[k].text in HYPHENS):
            word = doc[k].lower_
            if word in lex["hundred"] or lex["scales"].get(word, math.inf) < last_scale:
                return True
            k += 1
        return False

    def compound_hyphen(self, doc: Doc, j: int) -> bool:
        """Whether a hyphen at token ``j`` joins a compound number ("fifty-two", "fifty - two"): a ten before it,
        a digit word after it."""
        return lower_at(doc, j - 1) in self.look.lexicon["tens"] and 0 < self.look.lexicon["number_words"].get(lower_at(doc, j + 1), 0) < 10

    def vague_at(self, doc: Doc, i: int) -> Optional[NumberSpan]:
        """"dozens", "hundreds of", "tens of thousands", "several hundred", "a few dozen"."""
        lex = self.look.lexicon
        words = [t.lower_ for t in doc[i:i + VAGUE_WINDOW]]
        length, bounds = self.look.vague_multipliers.longest(words)
        if length and len(words) > length:
            base_word = words[length]
            base = lex["scales"].get(base_word) or lex["multipliers"].get(base_word) or lex["hundred"].get(base_word)
            if base:
                low, high = bounds[0] * float(base), bounds[1] * float(base)
                return NumberSpan(i, i + length + 1, low, low=low, high=high, approximate=True, relation=APPROXIMATE,
                                  vague=True, has_scale=True, scale=float(base))
        plurals = lex["vague_plurals"]
        if words and words[0] in plurals:
            base = float(plurals[words[0]])
            k = 1
            # bases multiply across "of" ("tens of thousands"); only plurals above ten continue a chain
            while k + 1 < len(words) and words[k] in self.look.partitive and words[k + 1] in plurals and plurals[words[k + 1]] > 10:
                base *= float(plurals[words[k + 1]])
                k += 2
            needs_of = words[0] in lex["vague_plurals_needing_of"] and k == 1
            if needs_of and (len(words) <= k or words[k] not in self.look.partitive):
                return None
            convention = lex["vague_convention"]
            low, high = convention["low_factor"] * base, convention["high_factor"] * base - 1
            return NumberSpan(i, i + k, low, low=low, high=high, approximate=True, relation=APPROXIMATE,
                              vague=True, has_scale=True, scale=base)
        return None

    # ---- ranges and ratios --------------------------------------------------------------------

    def extend_range(self, doc: Doc, first: NumberSpan) -> Optional[NumberSpan]:
        """Join "20-25", "20 to 25", "between 20 and 25", "two or three" into one range; ``None`` for a score."""
        if first.vague or first.low is not None:
            return first
        if first.end + 1 >= len(doc):
            return first
        self.negate_range_start(doc, first)
        ratio = self.ratio(doc, first)
        if ratio is not None:
            return ratio
        unit_len, repeated_unit = self.unit_before_joiner(doc, first)
        j = first.end + unit_len
        if j + 1 >= len(doc):
            return first
        joiner = doc[j].lower_
        opener = lower_at(doc, self.units.currency_before(doc, first.start)[0] - 1)
        allowed = self.joiners_after_opener if opener in self.range_openers else self.joiners_without_opener
        if joiner not in allowed or (opener in self.change_openers and joiner in self.change_joiners):
            return first
        k = j + 1
        currency = self.look.lexicon["currency_prefixes"].get(doc[k].lower_)
        if currency is not None:  # "$4bn to $6bn", "between €150 million and €200 million"
            k += 1
        if k >= len(doc):
            return first
        second = self.single_at(doc, k)
        if second is None or second.vague or second.low is not None or second.is_digits != first.is_digits:
            return first
        approximate = joiner in self.approximate_joiners
        if approximate and (first.is_digits or first.unit == FRACTION):
            return first
        end = second.end
        if repeated_unit is not None and self.shares_scale_word(doc, first, second):
            repeated_unit = None  # "1.2m to 1.5m investors": the letter after the first end is the scale, not metres
        elif repeated_unit is not None:  # "44 mg to 50 mg": the second end must repeat the unit
            second_len, second_unit = self.unit_after(doc, second)
            if second_unit != repeated_unit:
                return first
            end += second_len
        low = first.value * second.scale if second.has_scale and not first.has_scale and first.value < RANGE_SCALE_LIMIT else first.value
        if not low < second.value:
            if joiner in DASHES and not unit_len:
                return None  # a score ("won 3-1") or an identifier, not a quantity
            return first
        if joiner in self.change_joiners and self.change_then_level(doc, first, second.value / low):
            return first
        if low != first.value:
            scale_number(first, second.scale)
        unit = first.unit or second.unit or currency or repeated_unit
        return NumberSpan(first.start, end, (first.value + second.value) / 2, low=first.value, high=second.value,
                          approximate=approximate, unit=unit, scale=second.scale, is_digits=first.is_digits,
                          has_scale=second.has_scale, relation=APPROXIMATE if approximate else "=")

    def negate_range_start(self, doc: Doc, first: NumberSpan) -> None:
        """"between negative ten and fifteen", "from minus 5 to 10": a minus word between an opener and the first
        end belongs to that end, so the opener still opens the range."""
        before = first.start - 1
        if first.sign is None and lower_at(doc, before) in self.minus_words and (
                lower_at(doc, before - 1) in self.range_openers or lower_at(doc, before - 1) in self.change_openers):
            first.value, first.start = -first.value, before

    @staticmethod
    def shares_scale_word(doc: Doc, first: NumberSpan, second: NumberSpan) -> bool:
        """The word after a range's first end is the scale word that closes the second ("1.2m to 1.5m")."""
        return second.has_scale and first.end < len(doc) and doc[first.end].lower_ == doc[second.end - 1].lower_

    def change_then_level(self, doc: Doc, first: NumberSpan, ratio: float) -> bool:
        """"fell by 200 to 2,116", "rose 8,000 to 61,500": after "by" or a change verb, "X to Y" is a change
        and the level it reached, not a range, when Y is many times X (:data:`CHANGE_LEVEL_RATIO`); "grow
        by 2 to 3 percent" stays a range."""
        before = doc[first.start - 1] if first.start > 0 else None
        if before is not None and before.text in self.units.prefixes and first.start > 1:
            before = doc[first.start - 2]  # "rose by $5m to $20m"
        return before is not None and ratio >= CHANGE_LEVEL_RATIO and (
            before.lower_ in CHANGE_PREPOSITIONS or before.lemma_.lower() in self.change_verbs)

    def unit_before_joiner(self, doc: Doc, first: NumberSpan) -> Tuple[int, Optional[str]]:
        """The unit after a range's first end ("44 mg" in "44 mg to 50 mg"), looked up only when a range
        joiner follows within a unit's length: most numbers are no ranges, and a unit look-up costs."""
        window = doc[first.end + 1:first.end + self.units.unit_window + 1]
        if first.unit is not None or not any(t.lower_ in self.range_joiners or t.lower_ in self.joiners_without_opener
                                             for t in window):
            return 0, None
        return self.unit_after(doc, first)

    def unit_after(self, doc: Doc, number: NumberSpan) -> Tuple[int, Optional[str]]:
        """(tokens, code) of a unit written right after a number ("44 mg"), or (0, None)."""
        glued = not doc[number.end - 1].whitespace_
        length, unit = self.units.unit_at(doc, number.end, glued, {})
        return (length, unit) if unit is not None and unit != FRACTION else (0, None)

    def ratio(self, doc: Doc, first: NumberSpan) -> Optional[NumberSpan]:
        """"one in five", "three out of four": a fraction of a population."""
        j = first.end
        length, _ = self.look.ratio_joiners.longest([t.lower_ for t in doc[j:j + self.look.ratio_joiners.max_words]])
        if not length or first.unit is not None or j + length >= len(doc) or self.look.is_innings_score(doc, first.start - 1):
            return None  # "356 for 7 in 50 overs": the wickets of a score open no ratio
        second = self.single_at(doc, j + length)
        if second is None or second.vague or second.low is not None or second.unit is not None or not 0 < first.value < second.value:
            return None
        if self.look.is_year_digits(doc[second.start].text) and second.end == second.start + 1:
            return None  # "sold 300 in 2023": a year says when
        return NumberSpan(first.start, second.end, first.value / second.value, unit=FRACTION, is_digits=first.is_digits)

    # ---- modifiers ----------------------------------------------------------------------------

    def attach_modifiers(self, doc: Doc, number: NumberSpan) -> NumberSpan:
        """Comparatives and hedges before ("more than", "nearly", "between") and after ("or more")."""
        look = self.look
        start = number.start
        opener = lower_at(doc, start - 1)
        relation = None
        if number.low is not None and not number.vague and opener in self.range_openers:
            number.modifier = (start - 1, start)
            number.start = start - 1
        else:
            words = [t.lower_ for t in doc[max(0, start - look.before.max_words):start]]
            length, relation = look.before.longest_ending(words)
            if length and (self._is_determiner(doc, words[-length:], start) or self.is_span_preposition(doc, number, length)
                           or length == 1 and doc[start - 1].dep_ == "prt"):
                length, relation = 0, None  # "handed over 48 prisoners": a verb's particle, no bound
            if length:
                number.modifier = (start - length, start)
                number.start = start - length
        after_words: List[str] = [t.lower_ for t in doc[number.end:number.end + look.after.max_words]]
        a_len, a_relation = look.after.longest(after_words)
        if a_len and relation is None:
            relation = a_relation
            number.modifier = (number.end, number.end + a_len)
            number.end += a_len
        if relation is None and self.exceeds(doc, number):
            relation = ">"
        if relation is not None:
            apply_relation(number, relation)
        return number

    def exceeds(self, doc: Doc, number: NumberSpan) -> bool:
        """"the toll passed 200", "sales topped 1 million units": the object of a verb of exceeding
        (lexicon ``exceeding_verbs``) is a lower bound, as "more than 200" is."""
        token = doc[number.start:number.end].root
        while token.dep_ in ("nummod", "compound", "quantmod") and token.head.i != token.i:
            token = token.head
        return token.dep_ == "dobj" and token.head.lemma_.lower() in self.exceeding_verbs

    def is_span_preposition(self, doc: Doc, number: NumberSpan, length: int) -> bool:
        """"lost 15% over 68 weeks", "averages 8.1% over 13.8 kilometres", "a record of 26:11.00 over 10,000m": a
        one-word modifier that the parse makes the preposition of a duration or distance, or that follows another
        measure (the parse may then call it a quantifier), says over what span, not "more than"."""
        word = doc[number.start - 1]
        return (length == 1 and (word.dep_ == "prep" or self.closes_measure(doc, number.start - 2))
                and number.unit is not None and self.units.registry.describe(number.unit)[1] in SPAN_DIMENSIONS)

    def closes_measure(self, doc: Doc, k: int) -> bool:
        """Whether token ``k`` ends a measure: digits ("26:11.00") or a unit word ("8.1 %", "2 hours")."""
        return k >= 0 and (any(ch.isdigit() for ch in doc[k].text) or (doc[k].lower_,) in self.look.units)

    def _is_determiner(self, doc: Doc, phrase: List[str], start: int) -> bool:
        """"some" parsed as the determiner of an earlier word is no hedge."""
        return (len(phrase) == 1 and phrase[0] in self.determiner_modifiers and start > 0
                and doc[start - 1].dep_ == "det" and doc[start - 1].head.i < start)
