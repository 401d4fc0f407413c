"""What is not a quantity: dates, years, times, ordinals, ages, identifiers, phone numbers, "one".

Every number the reader finds passes :meth:`Exclusions.excluded` before it becomes a
``Quantity``. The word lists are lexicon data (``months``, ``identifier_words``, ``year_range``,
``age_words``, ``determiner_one`` ...); the conventions are in docs/quantities.md.
"""
from __future__ import annotations

import math
import re
from typing import Dict, Optional

from spacy.tokens import Doc, Token

from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import NumberSpan
from claimattr.quantities.registry import UnitRegistry
from claimattr.quantities.units import FRACTION, GLUED_TEMPERATURE, HYPHENS, TEMPERATURE_CODES, is_age_tail, lower_at

PHONE_MIN_DIGITS = 8
"""An unbroken run of eight or more digits is a phone number or a code; counts that large are written
with separators or scale words ("12,000,000", "12 million")."""
DIGIT_CHAIN_SEPARATORS = "-/.:+"
"""Characters that glue digit groups into phone numbers, codes and times ("0800-123", "01:06", "+44")."""
CLAUSE_END_AFTER_AGE = (",", ".", ")", ";", "")
"""What follows an age given in commas after a name ("Vlădescu, 62, said"; "" = end of the document)."""
NOUN_MODIFIER_DEPS = ("compound", "amod", "nmod")
AGENT_SUFFIX = "er"
"""The ending of the nouns a number is hyphenated into ("three-pointer", "two-seater")."""
SINGULAR_NOUN_TAGS = ("NN", "NNP")
NOMINAL_POS = ("NOUN", "PROPN")
IDENTIFIER_JOINTS = (*HYPHENS, "+")
"""Marks that glue a number to a name before it ("F-16", "J1149.5+6663")."""
LABEL_DEPS = ("nummod", "compound", "nsubj", "nsubjpass")
"""Roles in which digits glued to a temperature letter may name a form or a model ("the 13F filing", "13F be filed")."""
TEMPERATURE_TOPIC = "temperature"
"""The topic (``topic_cues``) of a sentence in which digits glued to "C" or "F" are degrees ("a 40C heatwave")."""
DAY_MAX = 31
"""A number beside a month name is a day ("12 February") only when it can be one; "37,305.97 February expenses" is an amount."""


class Exclusions:
    """Decide whether a parsed number is no quantity, from one compiled lexicon."""

    def __init__(self, look: Lookups, registry: UnitRegistry) -> None:
        self.look = look
        self.registry = registry
        lex = look.lexicon
        self.year_heads = set(lex["year_quantity_heads"])
        self.one_words = set(lex["one_words"])
        self.focus_words = set(lex["determiner_one"]["focus_words"])
        self.old_words = tuple(lex["age_words"]["old_words"])
        self.age_max = lex["age_words"]["age_max"]
        self.age_units = set(lex["age_words"]["age_units"])
        self.age_abbreviations = set(lex["age_words"]["abbreviations"])
        self.date_joiners = set(lex["date_range_joiners"])
        self.ordinals = set(lex["ordinal_fractions"]) | set(lex["ordinal_numbers"])
        self.ordinal_not_before = set(lex["ordinal_not_before"])
        self.half_words = set(lex["half_period"]["words"])
        self.half_preceding = set(lex["half_period"]["preceding_words"])
        self.street_words = set(lex["street_words"])
        self.label_words = set(lex["label_words"])
        self.named_by_measure: Dict[str, str] = dict(lex["named_by_measure_nouns"])
        self.title_events = set(lex["event_verbs_title_case"])
        self.verb_suffixes = [tuple(pair) for pair in lex["title_case_verb_suffixes"]]

    def excluded(self, doc: Doc, number: NumberSpan) -> bool:
        """Dates, years, times, identifiers, phone numbers and the pronoun "one" are no quantities."""
        prefixes = self.look.lexicon["currency_prefixes"]
        core = [t for t in doc[number.start:number.end] if t.lower_ not in prefixes]
        if not core or not math.isfinite(number.value):
            return True
        before = lower_at(doc, number.start - 1)
        after = lower_at(doc, number.end)
        if (before in self.look.dates or after in self.look.dates) and self.could_be_day(number) or after in self.look.not_after:
            return True
        if number.modifier is None and number.is_digits and self.word_before(doc, number.start) in self.look.identifiers:
            return True
        if number.is_digits and ((number.unit is None and self.digit_chain(doc, number)) or self.year_like(doc, number)):
            return True
        if self.pronoun_one(doc, number) or self.half_of_period(doc, number) or self.ordinal(doc, number):
            return True
        if self.determiner_one(doc, number) or self.age(doc, number) or self.day_after_date(doc, number):
            return True
        if number.is_digits and (self.name_label(doc, number) or self.street_number(doc, number)
                                 or self.innings_score(doc, number)):
            return True
        return (self.glued_identifier(doc, number) or self.agent_noun(doc, number) or self.glued_capital(doc, number)
                or self.format_name(doc, number) or self.temperature_label(doc, number) or self.measure_name(doc, number))

    def measure_name(self, doc: Doc, number: NumberSpan) -> bool:
        """"the 10-year note", "Italian 10-year bonds", "the 30-year mortgage rate", "a 3-nanometre process": a number
        hyphenated to a word that modifies a product or instrument named by a measure of that word's dimension
        (``named_by_measure_nouns``) is part of the name: the note is the ten-year kind, whatever its time left.
        One thing's measure stays a quantity ("a 10-year sentence", "a 48-hour strike", "a two-year process")."""
        if number.modifier is not None or number.low is not None or number.sign is not None:
            return False
        if number.adjectival:
            token = doc[number.end - 1]  # "10-year": the unit word closes the mention
        elif number.end + 1 < len(doc) and doc[number.end].text in HYPHENS and not doc[number.end].whitespace_:
            token = doc[number.end + 1]  # "3-nanometre": a word read as no unit
        else:
            return False
        dimension = self.registry.describe(number.unit or self.registry.symbol(token.text))[1]
        head = token
        while head.dep_ in NOUN_MODIFIER_DEPS and head.head.i > head.i:
            head = head.head
        return dimension is not None and any(  # "the 30-year mortgage rate": any noun up to the head
            self.named_by_measure.get(t.lower_, self.named_by_measure.get(t.lemma_.lower())) == dimension
            for t in doc[token.i + 1:head.i + 1])

    def temperature_label(self, doc: Doc, number: NumberSpan) -> bool:
        """"the 13F filing", "When must 13F be filed?": digits glued to "C" or "F" that name a noun's kind or stand as
        a subject are a form or a model unless the sentence speaks of temperature (``topic_cues``: "a 40C
        heatwave", "temperatures hit 40C"). Before another temperature they are one ("40C (104F)")."""
        token = doc[number.start]
        if number.unit not in TEMPERATURE_CODES or number.end - number.start != 1 or not GLUED_TEMPERATURE.match(token.text):
            return False
        if token.dep_ not in LABEL_DEPS or any(ch.isdigit() for ch in token.head.text):
            return False
        return not self.look.topics.speaks_of(token.sent, TEMPERATURE_TOPIC)

    def could_be_day(self, number: NumberSpan) -> bool:
        """A whole number from 1 to :data:`DAY_MAX`, or a year, as written beside a month ("June 9", "May 2021")."""
        value = number.value
        low, high = self.look.lexicon["year_range"]
        return value == int(value) and (1 <= value <= DAY_MAX or low <= value <= high)

    @staticmethod
    def word_before(doc: Doc, i: int) -> str:
        """The lower-cased word before token ``i``, with an abbreviation's dot the tokenizer split off ("No" "."
        before "10" reads "no.")."""
        before = lower_at(doc, i - 1)
        if before == "." and i > 1 and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
            return doc[i - 2].lower_ + before
        return before

    def bare(self, number: NumberSpan) -> bool:
        """A plain number: no unit, scale, modifier, range or sign."""
        return (number.unit is None and not number.has_scale and number.modifier is None and number.low is None
                and number.sign is None)

    def name_label(self, doc: Doc, number: NumberSpan) -> bool:
        """"FTSE 100", "Nikkei 225", "Model 3", "Game 5": a bare number right after a capitalised name token.

        Only when nothing after it reads as what it counts (a plural noun: "Acme 300 jobs" stays) and
        the name is not the first word of its sentence (a capitalised sentence opener is no name), nor
        a headline's event verb ("Typhoon Kills 21"). Label words ("Game", "Round") label in any position.
        """
        if not (self.bare(number) or self.letter_suffix(doc, number)) or number.start == 0 or "," in doc[number.start].text:
            return False
        name = doc[number.start - 1]
        if self.lower_case_label(doc, number):
            return True
        if not any(ch.isupper() for ch in name.text) or not any(ch.isalpha() for ch in name.text):
            return False  # a capitalised or camel-case name ("Nikkei", "S&P", "iPhone")
        if name.lower_ in self.look.dates or name.lower_ in self.look.currency_words:
            return False
        if name.lower_ in self.label_words:
            return True  # "Game 5", "Type 2 diabetes"
        after = doc[number.end] if number.end < len(doc) else None
        if after is not None and after.tag_ in ("NNS", "NNPS") and after.lower_ not in self.street_words:
            return False
        if name.is_sent_start or name.pos_ not in ("PROPN", "NOUN", "X") and not name.text.isupper():
            return False
        from claimattr.quantities.anchoring import verb_base

        return verb_base(name.lower_, self.title_events, self.verb_suffixes) is None

    def lower_case_label(self, doc: Doc, number: NumberSpan) -> bool:
        """"type 2 diabetes", "a phase 3 trial": a lower-case label word labels the singular noun after the number (a
        count above one takes a plural: "won the race 3 times", "set 3 records"); the tagger may read the label word
        as a verb ("has type 2 diabetes"), so its part of speech is no evidence."""
        name, after = doc[number.start - 1], doc[number.end] if number.end < len(doc) else None
        return (name.lower_ in self.label_words and after is not None and after.tag_ in SINGULAR_NOUN_TAGS
                and after.pos_ in NOMINAL_POS)

    @staticmethod
    def letter_suffix(doc: Doc, number: NumberSpan) -> bool:
        """One token of digits and one capital letter ("777F", "5G"): after a name a model, not "30C" of heat."""
        text = doc[number.start].text
        return (number.end - number.start == 1 and len(text) > 1 and text[-1].isupper() and text[:-1].isdigit()
                and number.modifier is None and number.sign is None)

    def glued_capital(self, doc: Doc, number: NumberSpan) -> bool:
        """"3G networks", "5G": a plain number glued to a capital letter that is no unit in that case names a
        generation or a model."""
        k = number.end
        return (self.bare(number) and k < len(doc) and not doc[k - 1].whitespace_ and len(doc[k].text) == 1
                and doc[k].is_alpha and doc[k].is_upper)

    @staticmethod
    def format_name(doc: Doc, number: NumberSpan) -> bool:
        """"4K video", "an 8K TV", "the 10K race": digits glued to a capital "K" before a singular noun name a
        format; counts take plurals ("50K runners") and money its currency ("$50K")."""
        k = number.end
        return (number.end - number.start == 2 and doc[k - 1].text == "K" and not doc[k - 2].whitespace_
                and number.unit is None and number.modifier is None and k < len(doc) and doc[k].tag_ in SINGULAR_NOUN_TAGS)

    def innings_score(self, doc: Doc, number: NumberSpan) -> bool:
        """"reached 356 for 7": runs and wickets are a score, no quantity, like "3-1" (``innings_score``)."""
        return self.bare(number) and (self.look.is_innings_score(doc, number.end)
                                      or self.look.is_innings_score(doc, number.start - 1))

    def street_number(self, doc: Doc, number: NumberSpan) -> bool:
        """"10 Downing Street": a bare number heading capitalised words that end in a street word."""
        if not self.bare(number):
            return False
        k = number.end
        while k < len(doc) and k - number.end < 4 and doc[k].text[:1].isupper():
            if doc[k].lower_ in self.street_words and k > number.end:
                return True
            k += 1
        return False

    def glued_identifier(self, doc: Doc, number: NumberSpan) -> bool:
        """"F-16", "MH-17", "fly-half", "top-ten", "SCP2-173", "J1149.5+6663": a number hyphenated (or joined by
        a plus) to a word with letters before it names something; a number word after another ("twenty-one",
        "one-half") is read with it."""
        start = number.start
        return (start > 1 and doc[start - 1].text in IDENTIFIER_JOINTS and not doc[start - 2].whitespace_
                and not doc[start - 1].whitespace_ and any(ch.isalpha() for ch in doc[start - 2].text)
                and doc[start - 2].lower_ not in self.look.number_vocab)

    def agent_noun(self, doc: Doc, number: NumberSpan) -> bool:
        """"a three-pointer", "a two-seater", "a one-liner": a number hyphenated to an "-er" noun that heads its
        phrase is part of that noun's name, not a count; modifying another noun it counts ("a 35-member board")."""
        k = number.end
        return (number.unit is None and k + 1 < len(doc) and doc[k].text in HYPHENS and not doc[k].whitespace_
                and not doc[k - 1].whitespace_ and doc[k + 1].tag_ == "NN" and doc[k + 1].lower_.endswith(AGENT_SUFFIX)
                and doc[k + 1].dep_ not in NOUN_MODIFIER_DEPS)

    def digit_chain(self, doc: Doc, number: NumberSpan) -> bool:
        """Phone numbers and codes: digit groups glued by spaces, dots, slashes or hyphens. Spaced groups are one
        token of digits each: "4 million 300 people" and "4000 3 hundred" hold numbers with scale words, no chain;
        a count before a model number ("delivered 27 737 Max jets") is no group of it."""
        def is_digit_token(k: int) -> bool:
            return 0 <= k < len(doc) and doc[k].text.isdigit()
        lex = self.look.lexicon
        def is_group(k: int) -> bool:
            return is_digit_token(k) and lower_at(doc, k + 1) not in lex["scales"] and lower_at(doc, k + 1) not in lex["hundred"]
        def opens_model(k: int) -> bool:  # "27 737 Max jets": digits before a capitalised name are a model number
            return k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper()
        if number.end - number.start == 1 and (is_group(number.end) and not opens_model(number.end) or is_group(number.start - 1)):
            return True
        for side in (number.end, number.start - 1):
            if 0 <= side < len(doc) and doc[side].text in DIGIT_CHAIN_SEPARATORS \
                    and is_digit_token(side + (1 if side >= number.end else -1)):
                return True
        text = doc[number.start].text
        return text.isdigit() and len(text) >= PHONE_MIN_DIGITS

    def year_like(self, doc: Doc, number: NumberSpan) -> bool:
        """"in 2021", "2022-23", "between 2021 and 2023", unless a counted noun follows ("2021 people")."""
        text = doc[number.start:number.end].text
        if number.unit is not None or number.has_scale:
            return False
        if number.low is not None and number.high is not None:
            years = [p for p in re.findall(r"\d+", text) if self.look.is_year_digits(p)]
            return bool(years) and lower_at(doc, number.end) not in self.year_heads
        if number.modifier is not None:
            return False
        if not self.look.is_year_digits(text):
            return False
        return lower_at(doc, number.end) not in self.year_heads

    def pronoun_one(self, doc: Doc, number: NumberSpan) -> bool:
        """"one of the most serious", "the one who": "one" that counts no noun after it."""
        if doc[number.start:number.end].text.lower() not in self.one_words:
            return False
        token = doc[number.start]
        head = token.head
        if token.dep_ != "nummod" or head.i <= token.i:
            return True
        return head.lower_ in self.look.lexicon["units"] or lower_at(doc, number.end) in self.look.partitive

    def determiner_one(self, doc: Doc, number: NumberSpan) -> bool:
        """"one woman said", "from one valley to the next": "one" before a singular noun is a determiner.

        It still counts after a focusing or bounding word ("only one supplier", "at least one") and
        before a unit ("one hour", "one-yen move"); see ``determiner_one`` in the lexicon.
        """
        if doc[number.start:number.end].text.lower() not in self.one_words or number.modifier is not None or number.unit is not None:
            return False
        if lower_at(doc, number.start - 1) in self.focus_words:
            return False
        token = doc[number.start]
        head: Optional[Token] = token.head if token.dep_ == "nummod" else None
        if head is None or head.i <= token.i:
            following = [t for t in doc[number.end:number.end + 3] if t.pos_ in NOMINAL_POS]
            head = following[0] if following and all(t.pos_ in ("ADJ", *NOMINAL_POS) for t in doc[number.end:following[0].i]) else None
        if head is None or head.tag_ not in SINGULAR_NOUN_TAGS or (head.lower_,) in self.look.units:
            return False
        return head.lower_ not in self.look.currency_words

    def age(self, doc: Doc, number: NumberSpan) -> bool:
        """Ages: "a 29-year-old", "61-year-old", "a 87 yo man", and a number in commas after a name ("Vlădescu, 62,")."""
        if not number.is_digits or number.modifier is not None or number.low is not None or number.has_scale:
            return False
        if number.unit is None and lower_at(doc, number.end) in self.age_abbreviations:
            return True
        if (number.unit is None or number.unit in self.age_units) and is_age_tail(doc, number.end, self.old_words) or (
                number.end + 1 < len(doc) and doc[number.end].text in HYPHENS and is_age_tail(doc, number.end + 2, self.old_words)):
            return True
        if number.unit is not None or number.value != int(number.value) or not 0 < number.value <= self.age_max:
            return False
        before, name = lower_at(doc, number.start - 1), doc[number.start - 2] if number.start >= 2 else None
        if before != "," or name is None or lower_at(doc, number.end) not in CLAUSE_END_AFTER_AGE:
            return False
        if name.pos_ == "PROPN" and name.text[:1].isupper() or name.ent_type_ == "PERSON":
            return True
        # "The striker, 31, has scored": a bare number set off in apposition to the subject noun
        return doc[number.start].dep_ == "appos" and doc[number.start].head == name and name.dep_ in ("nsubj", "nsubjpass")

    def day_after_date(self, doc: Doc, number: NumberSpan) -> bool:
        """"between June 9 and 12": the second day of a date range."""
        if not number.is_digits or number.start < 3 or lower_at(doc, number.start - 1) not in self.date_joiners:
            return False
        return doc[number.start - 2].text.isdigit() and lower_at(doc, number.start - 3) in self.look.dates

    def ordinal(self, doc: Doc, number: NumberSpan) -> bool:
        """"a third term", "a fifth straight day": a singular fraction word before a noun is an ordinal."""
        last = doc[number.end - 1].lower_
        if number.unit != FRACTION or last not in self.ordinals:
            return False
        following = doc[number.end] if number.end < len(doc) else None
        return (following is not None and following.pos_ in ("NOUN", "ADJ", "PROPN")
                and following.lower_ not in self.ordinal_not_before)

    def half_of_period(self, doc: Doc, number: NumberSpan) -> bool:
        """"the first half", "second half of the year": a period, not a quantity."""
        if doc[number.start:number.end].text.lower() not in self.half_words:
            return False
        return lower_at(doc, number.start - 1) in self.half_preceding or doc[number.start].dep_ == "amod"
