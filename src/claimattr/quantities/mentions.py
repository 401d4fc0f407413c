"""Number mentions over tokens: digits, number words, vague amounts, ranges, ratios and modifiers.

:class:`MentionReader` turns the candidate token a ``Matcher`` found into the longest
:class:`~claimattr.quantities.numbers.NumberSpan` starting there: one number ("1,000", "fifty-eight",
"dozens"), joined into a range or ratio ("20 to 25", "one in five"), with its currency and unit
(:class:`~claimattr.quantities.units.Units`) and the modifier that sets its relation and bounds
("more than", "or so").
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional, Tuple

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import (APPROXIMATE, NumberComposer, NumberSpan, apply_relation, convert_number, parse_digits,
                                         scale_number)
from claimattr.quantities.units import FRACTION, HYPHENS, Units, is_currency_code, is_word_at, lower_at

DASHES = ("-", "–", "—")
"""Dashes that join a range of digits ("20-25"); a falling one ("3-1", "221-207") is a score, no quantity."""
VAGUE_WINDOW = 8
"""Tokens a vague amount may span: a multiplier phrase and a scale ("a couple of dozen") or a
chain of vague plurals ("hundreds of thousands of millions")."""
RANGE_SCALE_LIMIT = 1000
"""In "2 to 3 million" the first end takes the second's scale; a first end of 1,000 or more is already whole ("1,500 to 2 million")."""
HUNDREDTH = 0.01
"""A bare number closing a money amount is its hundredths ("15 dollars 50" -> 15.50)."""
NUMBER_TAIL_MARKS = ("%", "/", "-", "–", "—", ":", "+")
"""Marks after a number that make it part of something else (a percentage, a ratio, a score, a time)."""
VULGAR_FRACTION = re.compile(r"^(?P<whole>\d+)?(?P<fraction>[\u00bc-\u00be\u2150-\u215e])$")
"""Digits with a single-character fraction ("½", "⅓", "2½"), as typeset news writes them."""
DIGITS_START = r"^\D{0,3}\d"
"""Tokens whose first digit comes after at most three other characters ("US$5", "€4.3bn", "#3"): digit candidates."""


def candidate_matcher(vocab: Vocab, look: Lookups) -> Matcher:
    """A ``Matcher`` for tokens that may start a number: digits, number words, "a" + scale ("a dozen")."""
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
        self.approximate_joiners = set(lex["approximate_range_joiners"])
        self.change_openers = set(lex["range_change"]["openers"])
        self.change_joiners = set(lex["range_change"]["joiners"])
        self.determiner_modifiers = set(lex["determiner_modifiers"])
        self.minus_words = set(lex["minus_words"])
        self.market_units = {"%", "pt", "pp", "bp"}
        """Units of market moves: a sign before them marks a change ("DAX -1.2%"), elsewhere a negative value."""

    def number_at(self, doc: Doc, i: int, currency_in_doc: dict) -> Optional[NumberSpan]:
        """The longest number (single, range or vague) starting at token ``i``, with its unit and modifier."""
        first = self.single_at(doc, i)
        if first is None:
            return None
        number = self.extend_range(doc, first)
        if number is None:
            return None
        number = self.units.attach(doc, number, currency_in_doc)
        if number.unit is None and number.end == i + 1 and number.value < 1 and VULGAR_FRACTION.match(doc[i].text):
            number.unit = FRACTION  # "½" alone; "½ tbsp" took its unit
        self.attach_smaller_unit(doc, number, currency_in_doc)
        number = self.attach_modifiers(doc, number)
        self.attach_sign(doc, number)
        return number

    def attach_smaller_unit(self, doc: Doc, number: NumberSpan, currency_in_doc: dict) -> None:
        """"5 feet 2 inches", "3 dollars 50 cents", "1 hour and 30 minutes": the smaller amount joins the number."""
        if number.unit is None or number.has_scale or number.low is not None or number.adjectival:
            return
        k = number.end + (lower_at(doc, number.end) in self.conjunctions)
        second = self.single_at(doc, k) if k < len(doc) else None
        if second is None or second.low is not None or second.unit is not None:
            return
        length, factor = self.units.smaller_unit_at(doc, second.end, number.unit, currency_in_doc)
        if length or self.is_bare_hundredths(doc, number, second):
            number.value += second.value * (factor if length else HUNDREDTH)
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
                and doc[number.start - 1].lower_ in self.minus_words:
            number.sign = "-"
            number.start -= 1
        if number.sign is None:
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

    # ---- one number ---------------------------------------------------------------------------

    def single_at(self, doc: Doc, i: int) -> Optional[NumberSpan]:
        text = doc[i].text
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
            currency = self.units.currency_prefix(match.group("cur"))
            if currency is None:
                return None
        number = NumberSpan(i, i + 1, value, is_digits=True, unit=currency)
        sign = match.group("sign") or match.group("sign2")
        if sign:
            number.sign = "+" if sign == "+" else "-"
        if match.group("num2"):
            high = parse_digits(match.group("num2"))
            if high is None or high <= value:
                return None
            number.low, number.high, number.value = value, high, (value + high) / 2
        written = match.group("suffix") or ""
        suffix = written.lower()
        has_currency = currency is not None or self.units.currency_before(doc, i)[1] is not None
        if suffix:
            subunit_currency, factor = self.units.glued_subunit(doc, i, suffix)
            if self.units.scale_abbreviation_applies(doc, written, i + 1, has_currency):
                scale_number(number, float(lex["scale_abbreviations"][suffix]))
            elif subunit_currency is not None and currency is None:
                convert_number(number, factor)
                number.unit = subunit_currency
            elif (suffix,) in self.look.units:
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
        return number

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
        """Number words: "fifty-eight", "a dozen", "two-thirds", "one and a half million", "half"."""
        lex = self.look.lexicon
        composer = NumberComposer(lex)
        best = None
        j = i
        while j < len(doc):
            token = doc[j]
            word = token.lower_
            if (word in HYPHENS and j > i and not doc[j - 1].whitespace_ and not token.whitespace_) or (j > i and token.is_space):
                j += 1  # "fifty-eight"; a run of spaces ("fifty  two") is one space
                continue
            if word not in self.look.number_vocab and word not in self.conjunctions:
                break
            if not composer.feed(word):
                break
            value = composer.value()
            if value is not None:
                best = (j + 1, value, composer.scale)
            j += 1
        if best is None:
            return None
        end, value, scale = best
        words = [t.lower_ for t in doc[i:end]]
        has_scale = any(w in lex["scales"] for w in words)
        number = NumberSpan(i, end, value, scale=scale, has_scale=has_scale)
        if any(w in lex["fractions"] for w in words) and not has_scale:
            # "one and a half" is a number; "two-thirds", "half" are fractions
            if not any(w in self.conjunctions for w in words):
                number.unit = FRACTION
        return number

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
        ratio = self.ratio(doc, first)
        if ratio is not None:
            return ratio
        unit_len, repeated_unit = self.unit_before_joiner(doc, first)
        j = first.end + unit_len
        if j + 1 >= len(doc):
            return first
        joiner = doc[j].lower_
        opener = lower_at(doc, self.units.currency_before(doc, first.start)[0] - 1)
        allowed = self.range_joiners if opener in self.range_openers else self.joiners_without_opener
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
        if second.has_scale and not first.has_scale and first.value < RANGE_SCALE_LIMIT:
            scale_number(first, second.scale)
        if not first.value < second.value:
            if joiner in DASHES and not unit_len:
                return None  # a score ("won 3-1") or an identifier, not a quantity
            return first
        end = second.end
        if repeated_unit is not None:  # "44 mg to 50 mg": the second end must repeat the unit
            second_len, second_unit = self.unit_after(doc, second)
            if second_unit != repeated_unit:
                return first
            end += second_len
        unit = first.unit or second.unit or currency or repeated_unit
        return NumberSpan(first.start, end, (first.value + second.value) / 2, low=first.value, high=second.value,
                          approximate=approximate, unit=unit, scale=second.scale, is_digits=first.is_digits,
                          has_scale=second.has_scale, relation=APPROXIMATE if approximate else "=")

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
        if not length or first.unit is not None or j + length >= len(doc):
            return None
        second = self.single_at(doc, j + length)
        if second is None or second.vague or second.low is not None or second.unit is not None or not 0 < first.value < second.value:
            return None
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
            if length and self._is_determiner(doc, words[-length:], start):
                length, relation = 0, None
            if length:
                number.modifier = (start - length, start)
                number.start = start - length
        after_words: List[str] = [t.lower_ for t in doc[number.end:number.end + look.after.max_words]]
        a_len, a_relation = look.after.longest(after_words)
        if a_len and relation is None:
            relation = a_relation
            number.modifier = (number.end, number.end + a_len)
            number.end += a_len
        if relation is not None:
            apply_relation(number, relation)
        return number

    def _is_determiner(self, doc: Doc, phrase: List[str], start: int) -> bool:
        """"some" parsed as the determiner of an earlier word is no hedge."""
        return (len(phrase) == 1 and phrase[0] in self.determiner_modifiers and start > 0
                and doc[start - 1].dep_ == "det" and doc[start - 1].head.i < start)
