"""Units and currencies: what a number measures ("$2bn", "40 per cent", "a 48-hour strike").

A currency comes before the number ("$", "US$", "Rs", "EUR") or after it as a word ("rupees",
"Pakistani rupees"). Words whose unit depends on the subject follow the topic of their sentence or
report (:mod:`~claimattr.quantities.topics`): "rupees" the countries a report names, "1500 b" bits
among servers and packets, a glued "'" arcminutes in astronomy and feet elsewhere. Scale words and
abbreviations after digits ("1.5 million", "3.2m") are read here too, because whether "m" is a scale or
metres depends on the currency.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc

from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import NumberSpan, convert_number, scale_number
from claimattr.quantities.registry import UnitRegistry
from claimattr.quantities.topics import topic_key

HYPHENS = ("-", "–")
"""Hyphen and en dash: the joints of "fifty-eight", "a 48-hour strike", "29-year-old"."""
PLURAL_NOUN_TAGS = ("NNS", "NNPS")
"""A plural noun after "2m" makes "m" a scale ("2m people"), not metres."""
COUNTED_DETERMINER_DEPS = ("det", "poss")
"""Dependencies of the word after "of" in "20m of its phones", "2m of the shares": a determined plural is counted."""
FRACTION = "fraction"
"""The unit of fractions and ratios ("two-thirds", "one in five")."""
SYMBOL_POS = ("NOUN", "PROPN", "X", "SYM", "NUM", "ADJ", "PUNCT")
"""Parts of speech a spaced unit symbol read through pint may carry ("8 MB", "14 mGy"); verbs, pronouns,
prepositions and the like are English words, not units."""
SPACED_SYMBOL_NEXT_TAGS = ("NN", "JJ", "RB")
"""Tags of a word after which a spaced short symbol is still a unit: a singular noun, an adjective or an
adverb ("100 cl bottle", "3 m high", "30 C outside"); a plural makes "m" a scale ("2 m people")."""
APOSTROPHES = ("'", "’")
"""A letter after an apostrophe is a possessive ("music ' s $ 500 million"), not a country before a currency symbol."""
BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
"""A unit alone in brackets after a number ("20 (kg)") is its unit."""
DIMENSION_SIGNS = ("x", "×")
"""Signs between the sides of a size ("a 2 m x 3 m room"): a short symbol before one is a unit."""
CLOSING_MARKS = (".", ",", ";", ":", ")", "!", "?")
"""Marks that may touch a unit at the end of a phrase ("4 L.") without making it part of a longer symbol."""
LEVEL_JOINERS = ("to", "from", "at")
POINT_MOVE_DIMENSION = "percentage point"
PERCENT = "%"
SHARE_DIMENSIONS = ("percentage", POINT_MOVE_DIMENSION)
"""Moves given as a share ("1.2%", "3 points" of a rate) lend no unit to the level they reach."""
"""Words between a change and the level it reached or left ("by 60 cents to $1.70", "up from $1.99", "to close at")."""
DEGREE = "deg"
"""The code of bare degrees: an angle, or a temperature when a scale is written nearby."""
TEMPERATURE_CODES = ("°C", "°F")
KELVIN = "K"
GLUED_TEMPERATURE = re.compile(r"^[+\-−]?\d+(?:\.\d+)?°?[CF]$")
"""A temperature written glued ("32.2C", "90F"): its letter names the scale of the sentence."""
SCALE_AFTER_WINDOW = 5
"""Tokens after bare degrees within which a scale word names them ("-459.67° on the Fahrenheit scale")."""
GLUED_RUN = 4
"""Tokens without spaces between them joined into one unit symbol ("J" "/" "m^2")."""


def lower_at(doc: Doc, i: int) -> str:
    """The lower-cased text of token ``i``; ``""`` outside the document."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def is_currency_code(unit: Optional[str]) -> bool:
    """Whether a unit is an ISO 4217 code (money), as opposed to "percent", "km", "fraction"."""
    return unit is not None and unit.isupper() and len(unit) == 3


def earlier_in_sentence(doc: Doc, numbers: List[NumberSpan], k: int) -> List[NumberSpan]:
    """The numbers before ``numbers[k]`` in its sentence (``numbers`` in text order)."""
    start = doc[numbers[k].start].sent.start
    return [n for n in numbers[:k] if n.start >= start]


def letter_case_fits(written: str, code: str) -> bool:
    """A one-letter unit is written in its own case: "30C", "5W", "4L", "2g", while "3G" and "5T" (a network
    generation, a model) are no grams or tonnes."""
    return len(written) > 1 or written.islower() or code.endswith(written)


def is_word_at(doc: Doc, i: int) -> bool:
    """Token ``i`` is a word or number (not the end of the document, a punctuation mark or a space)."""
    return i < len(doc) and not (doc[i].is_punct or doc[i].is_space)


def is_age_tail(doc: Doc, k: int, old_words: Tuple[str, ...]) -> bool:
    """Token ``k`` onwards reads "-old": the unit before it is part of an age adjective ("29-year-old")."""
    return k + 1 < len(doc) and doc[k].text in HYPHENS and doc[k + 1].lower_ in old_words


class Units:
    """Attach currencies, scales and units to number cores, from one compiled lexicon."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        lex = look.lexicon
        self.prefixes: Dict[str, str] = lex["currency_prefixes"]
        self.country_prefixes = set(lex["currency_country_prefixes"])
        self.old_words = tuple(lex["age_words"]["old_words"])
        self.no_space = set(lex["units_needing_no_space"])
        self.unit_window = max(look.units.max_words, look.qualifiers.max_words + 1)
        """Words a unit look-up reads: the longest unit, or a qualifier and its currency word."""
        self.registry = UnitRegistry(lex)
        self.rate_joiners = set(lex["rate_joiners"])
        self.rate_denominators: Dict[str, str] = dict(lex["rate_denominators"])
        self.singular_units = {word: code for word, code in lex["units"].items() if " " not in word}
        self.no_rate_units = {FRACTION, "%", "pp", "bp", "pt", "yr", "mo", "wk", "d", "h", "min", "s", "decade", "century",
                              "°C", "°F"}
        """Units that take no rate: "2% a year" and "17 hours a day" keep their unit (a share, a duration, a temperature)."""
        self.not_rate_before = set(lex["rate_not_before"])
        self.compound_units: Dict[str, set] = {code: set(smaller) for code, smaller in lex["compound_units"].items()}
        self.subunits: Dict[str, Tuple[str, float]] = {
            word: (entry["currency_word"], float(entry["factor"])) for word, entry in lex["currency_subunits"].items()}
        self.subunit_letters: Dict[str, str] = dict(lex["currency_subunit_abbreviations"])
        self.priced_currencies = set(lex["priced_currencies"])
        self.powers: Dict[str, int] = dict(lex["unit_powers"])
        self.temperature_codes: Dict[str, str] = {
            word: code for word, code in lex["units"].items() if code in TEMPERATURE_CODES and " " not in word}
        """Temperature scale words and letters ("celsius", "fahrenheit", "c", "f") and their codes."""

    # ---- currencies ---------------------------------------------------------------------------

    def currency_prefix(self, text: str) -> Optional[str]:
        """The ISO code of a currency prefix ("$", "US$", "Rs"); an ISO code written before a dollar-like
        symbol names the currency ("usd$", "NZD$15"), as the symbol alone is shared by many."""
        text = text.lower()
        if text in self.prefixes:
            return self.prefixes[text]
        code = self.prefixes.get(text[:-1]) if len(text) == 4 and text[-1] in self.prefixes else None
        return code if is_currency_code(code) else None

    def country_after_symbol(self, doc: Doc, i: int, letters: str) -> Optional[str]:
        """The code of a country's letters glued after a currency symbol, the symbol being its own token
        ("$" "US12,400,000", "$A5m" -> USD, AUD): the letters name the currency as they do before it ("US$")."""
        if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_alpha:
            return None
        return self.currency_prefix(letters + doc[i - 1].text)

    def currency_before(self, doc: Doc, i: int) -> Tuple[int, Optional[str]]:
        """(start token, ISO code) of a currency prefix just before token ``i`` ("$", "US$", "Rs").

        A country's letters written apart from the symbol join it ("HK $ 10.05 billion", "C $ 300 million")
        as "HK$" and "C$" do glued, unless they are an English word ("a $7bn loan")."""
        code = self.currency_prefix(doc[i - 1].text) if i > 0 else None
        start = i - 1
        if code is None and i > 1 and not doc[i - 2].whitespace_:  # "Rs" "." "18": an abbreviation the tokenizer split
            code, start = self.currency_prefix(doc[i - 2].text + doc[i - 1].text), i - 2
        if code is None:
            return i, None
        if start > 0 and doc[start - 1].lower_ in self.country_prefixes and not doc[start - 1].whitespace_:
            start -= 1
        elif start > 0 and not doc[start].is_alpha and not doc[start - 1].is_stop and lower_at(doc, start - 2) not in APOSTROPHES:
            spaced = self.prefixes.get(doc[start - 1].lower_ + doc[start].lower_)
            if spaced is not None:
                return start - 1, spaced
        return start, code

    def currency_code_word(self, word: str) -> Optional[str]:
        """The ISO code of a currency symbol or code written after a number ("500 USD", "10 €", "115USD")."""
        word = word.lower()
        return None if word in self.country_prefixes else self.prefixes.get(word)

    def glued_subunit(self, doc: Doc, i: int, letter: str) -> Tuple[Optional[str], float]:
        """A hundredth written as a letter on digits at token ``i`` ("11c"): (ISO code, factor) of the money
        written earlier in the sentence; (None, 1.0) without it ("30c" is a temperature), unless the letter has no
        other reading outside a topic (``subunit_letters_without_money``: "85p a therm" is pence, "1080p video" a
        format)."""
        word = self.subunit_letters.get(letter)
        if word is None:
            return None, 1.0
        for k in range(i - 1, -1, -1):
            code = self.currency_prefix(doc[k].text) or self.look.currency_words.get(doc[k].lower_)
            if code is not None:
                return code, self.subunits[word][1]
            if doc[k].is_sent_start:
                break
        topic = self.look.lexicon["subunit_letters_without_money"].get(letter)
        if topic is None or not doc[i].text.endswith(letter) or self.look.topics.speaks_of(doc[i].sent, topic):
            return None, 1.0  # written in capitals it names something ("Comet 12P")
        currency_word, factor = self.subunits[word]
        return self.look.currency_words[currency_word], factor

    def subunit_at(self, doc: Doc, j: int, currency_in_doc: Dict[str, str]) -> Tuple[int, Optional[str], float]:
        """A hundredth of a currency at token ``j`` ("50 cents", "a 12-cent dividend", "312 pence"):
        (tokens, ISO code of the currency, factor to it); (0, None, 1.0) when there is none."""
        length = 2 if lower_at(doc, j) in HYPHENS and j > 0 and not doc[j - 1].whitespace_ else 1
        entry = self.subunits.get(lower_at(doc, j + length - 1))
        if entry is None:
            return 0, None, 1.0
        word, factor = entry
        return length, currency_in_doc.get(word, self.look.currency_words[word]), factor

    def smaller_unit_at(self, doc: Doc, j: int, unit: str, currency_in_doc: Dict[str, str]) -> Tuple[int, float]:
        """(tokens, factor to ``unit``) of a smaller unit of the same amount at token ``j`` ("2 inches" after
        "5 feet", "50 cents" after "3 dollars"); (0, 1.0) when there is none. After a larger unit a short
        symbol needs no glue ("5 ft 2 in")."""
        if is_currency_code(unit):
            length, code, factor = self.subunit_at(doc, j, currency_in_doc)
            return (length, factor) if code == unit else (0, 1.0)
        if unit not in self.compound_units:
            return 0, 1.0
        length, code = self.unit_at(doc, j, True, currency_in_doc)
        factor = self.registry.factor(code, unit) if code in self.compound_units[unit] else None
        return (length, factor) if factor is not None else (0, 1.0)

    # ---- scales ---------------------------------------------------------------------------------

    def scale_abbreviation_applies(self, doc: Doc, written: str, next_i: int, has_currency: bool) -> bool:
        """"m"/"b" scale only with a currency, before a plural noun or in capitals ("$2m", "2m people",
        "10M"; not "2m" = metres, which are never written "M"); "t" only with a currency ("$2.1T", not "7T"
        of a magnet or "20t" of steel)."""
        lex = self.look.lexicon
        suffix = written.lower()
        if suffix in lex["abbreviations_only_with_currency"]:
            return has_currency
        return suffix in lex["scale_abbreviations"] and (
            suffix not in lex["abbreviations_needing_currency"] or has_currency or written.isupper()
            or self.counted_after(doc, next_i) and not self.unit_by_topic(doc, next_i - 1, suffix)
        )

    def unit_by_topic(self, doc: Doc, i: int, letter: str) -> bool:
        """Whether the scale letter at token ``i`` stays its unit because its sentence speaks of the topic the
        lexicon gives it (``scale_letters_by_topic``): a plural right after "400m" in a race is the event ("the
        400m hurdles"), not what is counted; "20m of its phones" counts phones whatever the topic."""
        topic = self.look.lexicon["scale_letters_by_topic"].get(letter)
        return (topic is not None and lower_at(doc, i + 1) not in self.look.partitive
                and self.look.topics.speaks_of(doc[i].sent, topic))

    def counted_after(self, doc: Doc, k: int) -> bool:
        """What follows token ``k - 1`` is a counted plural: "2m people", "1.5m retail investors" (adjectives
        between), "20m of its phones" ("of" and a determiner before it): a letter before it is a scale."""
        if lower_at(doc, k) in self.look.partitive and k + 1 < len(doc) and doc[k + 1].dep_ in COUNTED_DETERMINER_DEPS:
            k += 2
        while k < len(doc) and doc[k].tag_ == "JJ" and k + 1 < len(doc):
            k += 1
        return k < len(doc) and doc[k].tag_ in PLURAL_NOUN_TAGS

    def scaled_currency_code(self, word: str) -> Tuple[Optional[str], float]:
        """A scale letter glued to an ISO code after a number, the corporate style "30 MUSD", "120 MEUR",
        "5 kEUR": (code, factor); (None, 1.0) otherwise."""
        factor = self.look.lexicon["scale_abbreviations"].get(word[:1].lower())
        code = self.currency_code_word(word[1:]) if factor is not None and len(word) == 4 and word.isalpha() else None
        return (code, float(factor)) if is_currency_code(code) else (None, 1.0)

    def scale_words_after(self, doc: Doc, number: NumberSpan, has_currency: bool) -> None:
        """"1.5 million", "3.2m", "2 bn", "500 crore", "2 dozen": scale the digits in place."""
        lex = self.look.lexicon
        j = number.end
        while j < len(doc):
            written = doc[j].text
            if written.endswith(".") and written[:-1].lower() in lex["scale_abbreviations"]:
                written = written[:-1]
            word = written.lower()
            glued = not doc[j - 1].whitespace_
            if self.is_kelvin(doc, j):
                break
            if word in lex["scales"] or word in lex["multipliers"] and word not in lex["multipliers_not_after_digits"]:
                factor = float(lex["scales"].get(word) or lex["multipliers"][word])
            # a one-letter abbreviation ("m", "b", "k") glued to the digits or closing the phrase ("2.33 k."):
            # "2 m" before a word may be a letter
            elif (glued or len(word) > 1 or not is_word_at(doc, j + 1)) \
                    and self.scale_abbreviation_applies(doc, written, j + 1, has_currency):
                factor = float(lex["scale_abbreviations"][word])
            else:
                break
            if number.has_scale and factor == number.scale:
                break  # a larger scale after a smaller one multiplies it ("2 lakh crore", "5 thousand million")
            scale_number(number, factor)
            j += 1
        if lower_at(doc, j) in lex["hundred"] and not number.has_scale:  # "6 hundred million", "322 hundred"
            convert_number(number, float(lex["hundred"][lower_at(doc, j)]))
            number.end = j + 1
            self.scale_words_after(doc, number, has_currency)
            return
        number.end = j

    # ---- units shared by compared amounts ---------------------------------------------------------

    def share_compared_units(self, doc: Doc, numbers: List[NumberSpan]) -> None:
        """Amounts compared in one sentence share what the writer said once (``numbers`` in text order):

        - money that changes "to" a priced level, or a priced amount it rose "from", is priced per the same
          thing: "by 60 cents to $1.70 a barrel", "by $2 to $17.99 a month", "$2.99 a month, up from $1.99";
        - a bare level reached ("to 38,852", "to close at 39,740.44") is in the unit of the last move measured
          before it, a share of itself aside: "The Dow fell 475 points, or 1.2%, to 38,852" -> `pt`, "Life
          expectancy fell 1.3 years to 76.1" -> `yr`; a level that counts a noun after it stays a count.
        """
        for k, number in enumerate(numbers):
            if is_currency_code(number.unit):
                following = numbers[k + 1] if k + 1 < len(numbers) else None
                if following is not None and following.start == number.end + 1 \
                        and lower_at(doc, number.end) in LEVEL_JOINERS and self.rate_of(following.unit, number.unit):
                    number.unit = following.unit
                elif k and lower_at(doc, number.start - 1) in LEVEL_JOINERS:
                    money = [n for n in earlier_in_sentence(doc, numbers, k)
                             if n.unit is not None and n.unit.split("/")[0] == number.unit]
                    if money and self.rate_of(money[-1].unit, number.unit):
                        number.unit = money[-1].unit
            elif number.unit is None and number.is_digits and k and self.is_bare_level(doc, number):
                number.unit = self.unit_of_level(earlier_in_sentence(doc, numbers, k))

    def unit_of_level(self, earlier: List[NumberSpan]) -> Optional[str]:
        """The unit of a level reached after the moves ``earlier`` in its sentence: a move in percentage or basis
        points reaches a percentage ("rose 12 basis points to 4.35"), another measured move its own unit; a move
        given as a share of itself ("1.2%") lends none."""
        moves = [n for n in earlier if n.unit is not None]
        if moves and self.registry.describe(moves[-1].unit)[1] == POINT_MOVE_DIMENSION:
            return PERCENT
        measured = [n for n in moves if self.registry.describe(n.unit)[1] not in SHARE_DIMENSIONS]
        return measured[-1].unit if measured else None

    @staticmethod
    def is_bare_level(doc: Doc, number: NumberSpan) -> bool:
        """A number reached "to" or "at" ("to 76.1", "to close at 39,740.44") that counts no noun after it ("at 1.8
        million concurrent players" counts)."""
        counts = doc[number.end - 1].dep_ == "nummod" or (number.end < len(doc) and doc[number.end].pos_ in ("NOUN", "PROPN", "ADJ"))
        return bool({lower_at(doc, number.start - 1), lower_at(doc, number.start - 2)} & set(LEVEL_JOINERS)) and not counts

    @staticmethod
    def rate_of(unit: Optional[str], currency: Optional[str]) -> bool:
        """Whether ``unit`` is ``currency`` per something ("USD/bbl" of "USD")."""
        return unit is not None and currency is not None and unit.startswith(currency + "/")

    # ---- units ----------------------------------------------------------------------------------

    def attach(self, doc: Doc, number: NumberSpan, currency_in_doc: Dict[str, str], free_from: int = 0) -> NumberSpan:
        """Add the currency before and the unit after ``number`` (currency words use ``currency_in_doc``); a
        currency before ``free_from`` closed the previous mention."""
        start, currency = self.currency_before(doc, number.start)
        if currency is not None and start >= free_from:
            number.unit = number.unit if is_currency_code(number.unit) else currency  # "$" "A5m": the glued letters name it
            number.start = start
            if number.is_digits and not number.has_scale:
                # "$2 m" style abbreviations are allowed once the currency is known
                self.scale_words_after(doc, number, True)
        if number.unit is not None and number.unit != FRACTION:
            self.attach_rate(doc, number)
            return number
        if number.vague and lower_at(doc, number.end) in self.look.partitive:
            unit_len, unit = self.unit_at(doc, number.end + 1, False, currency_in_doc)
            after = number.end + 1 + unit_len
            if unit is not None and not (after < len(doc) and doc[after].pos_ == "NOUN"):  # "dozens of GP practices"
                number.unit, number.of_unit = unit, True
                number.end += 1 + unit_len
            return number
        if number.unit == FRACTION and not self.attach_whole_after_fraction(doc, number, currency_in_doc):
            return number
        if number.unit is not None:
            return number
        if self.attach_currency_after(doc, number, currency_in_doc):
            if not number.adjectival:
                self.attach_rate(doc, number)
            return number
        if self.attach_quote_currency(doc, number, currency_in_doc):
            return number
        j = number.end
        glued = j < len(doc) and not doc[j - 1].whitespace_
        unit_len, unit = self.unit_at(doc, j, glued, currency_in_doc)
        if unit == DEGREE:
            unit = self.temperature_scale(doc, number.start) or unit
        if unit is not None:
            number.unit = unit
            number.end = j + unit_len
            number.adjectival = unit_len == 2 and doc[j].text in HYPHENS
            self.attach_power(doc, number)
            if not number.adjectival:
                self.attach_rate(doc, number)
        return number

    def attach_power(self, doc: Doc, number: NumberSpan) -> None:
        """"4 km squared" -> km2, "4 km cubed" -> km3: a power word after a length makes an area or a volume,
        as "square" and "cubic" do before it."""
        power = self.powers.get(lower_at(doc, number.end))
        if power is not None and self.registry.describe(number.unit)[1] == "length":
            number.unit = f"{number.unit}{power}"
            number.end += 1

    def attach_quote_currency(self, doc: Doc, number: NumberSpan, currency_in_doc: Dict[str, str]) -> bool:
        """"151 per dollar", "4.42 to the dollar": a bare number priced against one unit of a currency is an
        exchange rate; the currency it prices is the subject (:meth:`exchange_rate`)."""
        j = number.end
        if lower_at(doc, j) not in self.rate_joiners and lower_at(doc, j) != "to":
            return False
        k = j + 1 + (lower_at(doc, j + 1) in self.look.lexicon["article_ones"] or lower_at(doc, j + 1) == "the")
        word = lower_at(doc, k)
        if k >= len(doc) or doc[k].tag_ != "NN" or word not in self.look.currency_words:
            return False
        number.per_currency = currency_in_doc.get(word, self.look.currency_words[word])
        number.end = k + 1
        return True

    def exchange_rate(self, unit: Optional[str], per_currency: Optional[str], subject_lemma: Optional[str]) -> Optional[str]:
        """The unit of a price of a currency: "The yen weakened past 151 per dollar" -> JPY/USD, "The euro slid
        to $1.0712" -> USD/EUR (the subject is a currency word); else ``unit`` unchanged."""
        base = self.look.currency_words.get(subject_lemma or "")
        if base is None or base in self.priced_currencies:
            return unit
        if per_currency is not None and per_currency != base:
            return f"{base}/{per_currency}"
        return f"{unit}/{base}" if is_currency_code(unit) and unit != base else unit

    def is_kelvin(self, doc: Doc, j: int) -> bool:
        """A capital "K" at token ``j`` is kelvin, not thousands, in a sentence that names a temperature scale
        ("300 °C (572 °F, 573.15K)")."""
        return j < len(doc) and doc[j].text == KELVIN and self.temperature_scale(doc, j) is not None

    def temperature_scale(self, doc: Doc, i: int) -> Optional[str]:
        """"-273.15° on the Celsius scale", "32.2C, or nearly 90F, ... 2.5 degrees above": bare degrees take a
        temperature scale named just after them (:data:`SCALE_AFTER_WINDOW`), else the first written in their
        sentence (conversions follow it); ``None`` when none is (an angle: "turned 180 degrees")."""
        sentence = doc[i].sent
        scales = [(t.i, self.temperature_codes[t.lower_]) for t in sentence if t.lower_ in self.temperature_codes]
        scales += [(t.i, self.temperature_codes[t.text[-1].lower()]) for t in sentence
                   if t.i != i and GLUED_TEMPERATURE.match(t.text)]
        if not scales:
            return None
        after = [(k, code) for k, code in scales if i < k <= i + SCALE_AFTER_WINDOW]
        return min(after or scales)[1]

    def attach_whole_after_fraction(self, doc: Doc, number: NumberSpan, currency_in_doc: Dict[str, str]) -> bool:
        """"a quarter of a percentage point" -> 0.25 pp, "half an hour" -> 0.5 h, "half a dozen" -> 6, "half a
        million" -> 500,000, "one-half miles" -> 0.5 mi: a fraction of a unit, multiplier or scale. True when one
        followed; a fraction of a scale or multiplier is then a plain number that may take a unit of its own."""
        lex = self.look.lexicon
        j = number.end + (lower_at(doc, number.end) in self.look.partitive)
        if lower_at(doc, j) not in lex["article_ones"]:
            length, unit = self.unit_at(doc, number.end, False, currency_in_doc)
            if unit is None or unit == FRACTION or not doc[number.end - 1].whitespace_:
                return False  # "the final half-hour" is a period
            number.unit, number.end = unit, number.end + length  # "one-half miles", "a half turn"
            return True
        j += j + 1 < len(doc) and doc[j + 1].is_space  # "half a  dozen": a run of spaces is one space
        word = lower_at(doc, j + 1)
        if word in lex["multipliers"] or word in lex["scales"]:
            number.unit, number.end = None, j + 2
            if word in lex["scales"]:
                scale_number(number, float(lex["scales"][word]))
            else:
                convert_number(number, float(lex["multipliers"][word]))
            return True
        length, unit = self.unit_at(doc, j + 1, False, currency_in_doc)
        if unit is None or unit == FRACTION:
            return False
        number.unit, number.end = unit, j + 1 + length
        return True

    def attach_currency_after(self, doc: Doc, number: NumberSpan, currency_in_doc: Dict[str, str]) -> bool:
        """Money named after the number: a code or symbol ("500 USD", "75 USD million", "10 €"), a hundredth
        ("50 cents" -> 0.5 USD, "312 pence" -> 3.12 GBP), or a currency word that is also a unit after a
        scale ("361 million pounds": money; "2 million pounds of beef" stays a weight)."""
        j = number.end
        code = self.currency_code_word(lower_at(doc, j)) if j < len(doc) else None
        if code is not None and self.opens_next_amount(doc, j, number):
            return False
        if code is not None:
            number.unit, number.end = code, j + 1
            if number.is_digits and not number.has_scale:
                self.scale_words_after(doc, number, True)
            return True
        code, factor = self.scaled_currency_code(doc[j].text) if j < len(doc) and not number.has_scale else (None, 1.0)
        if code is not None:
            scale_number(number, factor)
            number.unit, number.end = code, j + 1
            return True
        length, code, factor = self.subunit_at(doc, j, currency_in_doc)
        if code is not None and not number.has_scale:
            convert_number(number, factor)
            number.unit, number.end = code, j + length
            number.adjectival = length == 2
            return True
        word = lower_at(doc, j)
        if number.has_scale and word in self.look.currency_words and (word,) in self.look.units \
                and lower_at(doc, j + 1) not in self.look.partitive:
            number.unit, number.end = currency_in_doc.get(word, self.look.currency_words[word]), j + 1
            return True
        return False

    @staticmethod
    def opens_next_amount(doc: Doc, j: int, number: NumberSpan) -> bool:
        """A currency symbol at token ``j`` between two numbers is the second one's prefix when it is glued to it
        ("1 $10 bill") or when the first number took its symbol before it too ("$ 20,000.00 $ 37,305.97");
        otherwise it closes the first ("10 $ 30 $")."""
        if doc[j].is_alpha or j + 1 >= len(doc) or not doc[j + 1].text[:1].isdigit():
            return False
        return not doc[j].whitespace_ or is_currency_code(number.unit)

    def attach_rate(self, doc: Doc, number: NumberSpan) -> None:
        """"US$61.10 per barrel" -> USD/bbl, "$15.4/hour" -> USD/h, "0.4 millimetres a year" -> mm/yr.

        After money any singular noun is a denominator ("C$38.50 a share" -> CAD/share); after another
        unit only the lexicon's ``rate_denominators`` and units are ("9 km a day", not "3 km a piece").
        """
        j = number.end
        if number.unit is None or number.unit in self.no_rate_units or "/" in number.unit or j + 1 >= len(doc):
            return
        joiner = doc[j].lower_
        if joiner not in self.rate_joiners:
            return
        word_token = doc[j + 1]
        word = word_token.lower_
        if word_token.is_stop or not word_token.is_alpha and word not in self.rate_denominators:
            return
        money = is_currency_code(number.unit)
        denominator = self.rate_denominators.get(word) or self.rate_denominators.get(word_token.lemma_.lower())
        if lower_at(doc, j + 2) in self.not_rate_before and self.registry.describe(denominator)[1] == "time":
            return  # "$1.17 billion a year earlier" is no rate; "$2,431.29 an ounce before paring gains" is
        if denominator is None and word in self.singular_units and not money:
            denominator = self.singular_units[word]
        if denominator is None and money and word_token.pos_ == "NOUN" and word_token.tag_ == "NN" \
                and lower_at(doc, j + 2) != "of":
            denominator = word
        if denominator is None or denominator == number.unit:
            return
        if joiner in ("a", "an") and not money and denominator not in self.rate_denominators.values():
            return
        number.unit = f"{number.unit}/{denominator}"
        number.end = j + 2

    def unit_at(self, doc: Doc, j: int, glued: bool, currency_in_doc: Dict[str, str]) -> Tuple[int, Optional[str]]:
        """A unit or currency word starting at token ``j`` ("per cent", "Pakistani rupees", "km"): (tokens, unit)."""
        look = self.look
        topical = self.topical_unit(doc, j, glued)
        if topical is not None:
            return topical
        if glued and self.is_kelvin(doc, j):
            return 1, KELVIN
        if j + 2 < len(doc) and BRACKETS.get(doc[j].text) == doc[j + 2].text:
            length, unit = self.unit_at(doc, j + 1, True, currency_in_doc)  # "20 (kg)", "20 [kg]"
            return (3, unit) if length == 1 and unit is not None else (0, None)
        words = [t.lower_ for t in doc[j:j + self.unit_window]]
        # "km." at a sentence end is "km"; a unit that ends in a dot ("a.m.") keeps it
        words = [w[:-1] if len(w) > 1 and w.endswith(".") and (w,) not in look.units else w for w in words]
        length, unit = look.units.longest(words)
        if length and not letter_case_fits(doc[j].text.rstrip("."), unit):
            length, unit = 0, None
        if length == 1 and j + 1 < len(doc) and doc[j + 1].text == "/" and not doc[j].whitespace_:
            glued_len, glued_unit = self.symbol_at(doc, j, True)  # "126 mg/dL": the whole glued symbol
            if glued_len > 1:
                return glued_len, glued_unit
        if length and (glued or length > 1 or words[0] not in self.no_space or self.spaced_symbol_fits(doc, j)):
            return length, unit
        q_len, qualified = look.qualifiers.longest(words)
        if q_len and len(words) > q_len and words[q_len] in look.currency_words:
            return q_len + 1, qualified
        if words and words[0] in look.currency_words:
            return 1, currency_in_doc.get(words[0], look.currency_words[words[0]])
        symbol_len, symbol = self.symbol_at(doc, j, glued)
        if symbol is not None:
            return symbol_len, symbol
        after_dash = j + 1
        if (j < len(doc) and doc[j].text in HYPHENS and j > 0 and not doc[j - 1].whitespace_
                and not doc[j].whitespace_ and after_dash < len(doc)):
            # hyphenated unit adjectives: "a 48-hour strike", "a 10-kilometre zone", "a three-week truce"
            word = doc[after_dash].lower_
            if (word,) in look.units and word not in self.no_space and not is_age_tail(doc, after_dash + 1, self.old_words):
                return 2, look.units[(word,)]
            if word in look.currency_words:  # "a one-yen bid", "a 10-dollar bill"
                return 2, currency_in_doc.get(word, look.currency_words[word])
        return 0, None

    def topical_unit(self, doc: Doc, j: int, glued: bool) -> Optional[Tuple[int, Optional[str]]]:
        """The unit of a word at token ``j`` whose reading depends on the topic of its sentence (``topic_readings``):
        (1, code), or (0, None) where it reads as no unit; ``None`` when the word is none of them.

        A quote mark is a unit only glued to the number and not closing a quotation ("a 9\" plate" is inches,
        "Hubble ... 150\"" arcseconds, '"We lost 9"' a quote); a short symbol written apart must look like one
        (:meth:`spaced_symbol_fits`), open a rate ("two kb per second") or have its reading chosen by a topic of its
        sentence ("the storm's pressure fell to 918 mb in 12 hours")."""
        if j >= len(doc):
            return None
        token = doc[j]
        word = topic_key(token.text)
        if not self.is_topical_unit(word):
            return None
        if not token.is_alpha and not (glued and self.opens_no_quote(doc, j)):
            return 0, None
        code, decided = self.look.topics.decided_reading_at(doc, j, word)
        if token.is_alpha and not glued and word in self.no_space and not (
                decided or self.spaced_symbol_fits(doc, j) or lower_at(doc, j + 1) in self.rate_joiners):
            return 0, None
        return (0, None) if code is None else (1, code)

    def glued_topical_unit(self, doc: Doc, i: int, written: str) -> Optional[str]:
        """The unit of letters glued to the digits of token ``i`` whose reading depends on the topic ("the 1500b
        packet": bits); ``None`` when they are no such unit or read as none here."""
        word = topic_key(written)
        return self.look.topics.reading_at(doc, i, word) if self.is_topical_unit(word) else None

    def is_topical_unit(self, word: str) -> bool:
        """Whether ``word`` is a unit read by the topic of its sentence; currency words of ``topic_readings`` are
        read once per document instead (``currency_in_doc``), as they are met on every page of money news."""
        return word in self.look.topics and word not in self.look.currency_words

    @staticmethod
    def opens_no_quote(doc: Doc, j: int) -> bool:
        """A quote mark glued to digits is a unit mark unless it closes a quotation opened earlier in the sentence
        with the same mark ('"We lost 9"', "'about 40'" are quotes)."""
        sentence = doc[j].sent
        return sum(t.text == doc[j].text for t in doc[sentence.start:j]) % 2 == 0

    def spaced_symbol_fits(self, doc: Doc, j: int) -> bool:
        """A short symbol written apart from its number ("100 cl bottle", "3 to 4 L of wine", "12 m 2 dm") is a
        unit when it is no English word and what follows cannot read it as one: the end, a mark, a number,
        "of", a size sign ("2 m x 3 m"), a singular common noun or an adjective; before a name, verb or article
        it may be a letter or a word ("11 v Chicago", "2 in the box"), before a plural a scale ("2 m people").
        A stop word ("in") is a unit only closing its sentence ("the pencil is 2 in.")."""
        k = j + 1
        if doc[j].is_stop:  # an English word, unless it closes the sentence ("my pencil is 2 in.")
            return k >= len(doc) or doc[k].text in CLOSING_MARKS and doc[k].is_sent_end
        if k < len(doc) and not doc[j].whitespace_ and doc[k].text not in CLOSING_MARKS:
            return False  # the start of a longer symbol ("4 g/dL")
        if not is_word_at(doc, k):
            return True
        after = doc[k]
        return after.like_num or after.lower_ in self.look.partitive or after.lower_ in DIMENSION_SIGNS or (
            after.tag_ in SPACED_SYMBOL_NEXT_TAGS and not after.is_stop)

    def symbol_at(self, doc: Doc, j: int, glued: bool) -> Tuple[int, Optional[str]]:
        """A unit symbol pint reads at token ``j`` ("GHz", "mGy", "J/m^2"): (tokens, code).

        The tokens glued to ``j`` are read together first ("J" "/" "m^2"). A symbol with a space before
        it must look like one: not a lower-case English word of under four letters, and a noun,
        symbol or number-like token (see :data:`SYMBOL_POS`).
        """
        if j >= len(doc):
            return 0, None
        token = doc[j]
        if not glued and (token.pos_ not in SYMBOL_POS or token.is_stop):
            return 0, None
        end = j + 1
        while end < len(doc) and end - j < GLUED_RUN and not doc[end - 1].whitespace_ and not doc[end].is_space:
            end += 1
        for stop in range(end, j, -1):
            text = doc[j:stop].text
            if text.endswith(".") and len(text) > 1:
                text = text[:-1]
            short = not glued and text.islower() and len(text) < 4 and stop == j + 1
            if short and not self.spaced_symbol_fits(doc, j):
                continue
            singular = text[:-1] if text.endswith("s") and len(text) > 3 else text
            if singular.lower() in self.registry.not_units:
                continue
            if not glued and not short and text.isalpha() and text.islower() and not self.registry.is_unit_name(singular):
                continue  # a spaced English word is a unit only by its full name ("gallons"), not as prefix + symbol ("c"+"amps")
            code = self.registry.symbol(text)
            if code is not None:
                return stop - j, code
        return 0, None
