"""Change and subject: whether a quantity is an amount of change, and what it measures.

**Direction** (``Quantity.direction``) is "up" or "down" when the quantity is the size of a change
or a difference, ``None`` for a level or a plain amount:

- a market sign glued to the number ("FTSE +0.4%", "DAX -1.2%": the value is the magnitude);
- "up"/"down" just before it ("closed up 0.4%") or a comparative just after it ("25% less", "2.5
  degrees above");
- a change noun it modifies or completes ("a 17% rise", "a rise of 17%");
- a change verb that governs it directly or through "by" ("rose 4%", "fell by 200", "cut 300 jobs").
  After "to", "at" or "from" it is a level ("rose to 4%", "stood at 2.9%", "from $21,500 to $19,900").

**Subject** (``Quantity.subject``): the noun phrase whose amount, level or attribute the quantity is:
the subject of the change, copular or measuring verb above it ("Acme shares rose 4%", "core
inflation stood at 2.9%", "The drone weighs 249 grams"), else the noun an "of"-measure hangs on ("a
top speed of 342 km/h"). An attribute (power, speed, ...: ``attribute_dimensions``) belongs to the
subject of any verb that takes it ("The SUV packs 650 hp"), a measure on an adjective of size to that
adjective's noun ("an animal 1.2 metres tall"), a relative pronoun stands for its noun ("a fastball that
touched 101 mph"). A plain count whose counted noun says what is counted has none ("cut 300 jobs"), nor
has a quantity in an adverbial phrase ("in the 12 weeks"). The phrase keeps its determiner and
pre-modifiers; its complement only after a generic measure noun ("Shares in Harlow Metals", "The number
of insolvencies"). All word lists are lexicon data.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import NumberSpan
from claimattr.quantities.registry import UnitRegistry
from claimattr.quantities.units import is_currency_code
from claimattr.schema import Anchor

MAX_CLIMB = 6
"""Arcs climbed from the number to its governing verb: farther up is another clause."""
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PRONOUN_POS = ("PRON",)
PHRASE_LEFT_DEPS = ("det", "poss", "amod", "compound", "nmod", "case", "nummod", "quantmod", "advmod", "punct", "predet")
"""Left dependents kept in a subject phrase ("the company's", "core", "Acme")."""
VERB_POS = ("VERB", "AUX")
NOMINAL_POS = ("NOUN", "PROPN")
RELATIVE_PRONOUNS = ("that", "which", "who")
AMOUNT_DEPS = ("dobj", "npadvmod")
"""How an amount hangs on a verb ("added 1.9%"): a reporting verb with one is a verb of amount."""
CHANGE_PREPOSITIONS = ("by", "up", "down")
"""Prepositions that give the size of a change ("fell by 200", "up 3 ppm from a year earlier")."""
SHARE_UNITS = ("%", "fraction")
"""Units of a share of something: with an "of"-object ("78% of UK premises") that object is what is measured."""


def _inverse(table: Dict[str, List[str]]) -> Dict[str, str]:
    return {word: direction for direction, words in table.items() for word in words}


class ChangeReader:
    """Direction and subject of a number, from one compiled lexicon."""

    def __init__(self, look: Lookups, registry: UnitRegistry) -> None:
        lex = look.lexicon
        self.look = look
        self.verbs = _inverse(lex["direction_verbs"])
        self.nouns = _inverse(lex["direction_nouns"])
        self.comparatives = _inverse(lex["direction_comparatives"])
        self.levels = set(lex["level_prepositions"])
        self.subject_verbs = set(lex["subject_verbs"])
        self.generic = set(lex["generic_measure_nouns"])
        self.attribute_dimensions = set(lex["attribute_dimensions"])
        self.fundraising = set(lex["fundraising_verbs"])
        self.registry = registry

    # ---- the governing word ----------------------------------------------------------------------

    def outside_head(self, doc: Doc, number: NumberSpan) -> Optional[Token]:
        """The first head outside the mention, climbing from its number tokens."""
        inside = range(number.start, number.end)
        token = doc[number.end - 1]
        for _ in range(MAX_CLIMB):
            if token.head.i == token.i:
                return None
            token = token.head
            if token.i not in inside:
                return token
        return None

    def governor(self, doc: Doc, number: NumberSpan) -> tuple:
        """(verb or None, preposition on the path or None, the noun counted on the path or None)."""
        head = self.outside_head(doc, number)
        prep = None
        noun = None
        hops = 0
        while head is not None and hops < MAX_CLIMB:
            if head.pos_ in VERB_POS:
                return head, prep, noun
            if head.pos_ == "ADP" and prep is None:
                prep = head
            elif head.pos_ in ("NOUN", "PROPN", "PRON") and noun is None and prep is None:
                noun = head
            elif head.pos_ in ("NOUN", "PROPN") and prep is not None:
                return None, prep, noun  # "a speed of 342 km/h": the noun an of-measure hangs on
            if head.head.i == head.i:
                break
            head, hops = head.head, hops + 1
        return None, prep, noun

    # ---- direction -----------------------------------------------------------------------------

    def direction(self, doc: Doc, number: NumberSpan) -> Optional[str]:
        if number.sign is not None and number.market_sign:
            return "up" if number.sign == "+" else "down"
        start = number.modifier[0] if number.modifier and number.modifier[0] < number.start + 1 else number.start
        before = doc[number.start - 1].lower_ if number.start > 0 else ""
        if before in ("up", "down") and start == number.start:
            return before
        if before == "by" and number.start > 1 and doc[number.start - 2].lower_ in ("up", "down"):
            return doc[number.start - 2].lower_  # "shipments down by almost a third"
        after = doc[number.end] if number.end < len(doc) else None
        if after is not None and after.lower_ in self.comparatives and after.lower_ not in ("up", "down", "over", "under"):
            return self.comparatives[after.lower_]
        head = self.outside_head(doc, number)
        if head is not None and head.pos_ == "NOUN" and head.i > number.end - 1 and head.lemma_.lower() in self.nouns:
            return self.nouns[head.lemma_.lower()]
        if head is not None and head.pos_ == "ADP" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
                and head.head.i < number.start and head.head.lemma_.lower() in self.nouns:
            return self.nouns[head.head.lemma_.lower()]
        verb, prep, _ = self.governor(doc, number)
        if verb is None or self.in_subject_of(doc, number, verb):
            return None  # "a 500 mg daily dose reduced the risk": the dose does not change
        if prep is not None and prep.lower_ != "by":
            return None
        if number.start > 0 and doc[number.start - 1].lower_ in self.levels:
            return None  # "rose to 4%"; "fell by 200 to 2,116": the level reached
        lemma = verb.lemma_.lower()
        if prep is None and lemma in self.fundraising and is_currency_code(number.unit):
            return None  # "raised $12.4m in a seed round": money gathered
        if lemma in self.verbs:
            return self.verbs[lemma]
        # "closed up 0.4%", "edged down 3 points": the particle carries the direction
        for child in verb.children:
            if child.dep_ == "prt" and child.lower_ in ("up", "down") and child.i < number.start:
                return child.lower_
        return None

    @staticmethod
    def in_subject_of(doc: Doc, number: NumberSpan, verb: Token) -> bool:
        """Whether the number lies inside a subject of ``verb``."""
        return any(c.left_edge.i <= number.start < c.right_edge.i + 1 for c in verb.children if c.dep_ in SUBJECT_DEPS)

    # ---- subject -------------------------------------------------------------------------------

    def subject(self, doc: Doc, number: NumberSpan, entity: Optional[Token]) -> Optional[Anchor]:
        if entity is not None and (number.unit is None or number.unit in SHARE_UNITS) or self.counts_times(doc, number):
            return None  # "cut 300 jobs", "78% of UK premises": the counted noun says what is measured
        if number.market_sign and number.start > 0 and doc[number.start - 1].pos_ == "PROPN":
            return self.phrase(doc, doc[number.start - 1], number)  # "FTSE +0.4%": the index that moved
        attribute = self.attribute_of(doc, number) or self.moved_noun(doc, number)
        if attribute is not None:
            return self.phrase(doc, attribute, number)
        verb, prep, noun = self.governor(doc, number)
        if verb is None:
            if prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and prep.head.i < number.start:
                return self.phrase(doc, prep.head, number)
            return None
        lemma = verb.lemma_.lower()
        measured = self.is_attribute(number) and noun is None and (prep is None or prep.lower_ in self.levels)
        if lemma not in self.verbs and lemma not in self.subject_verbs and verb.pos_ != "AUX" and not measured:
            return None
        if prep is not None and prep.lower_ not in CHANGE_PREPOSITIONS and prep.lower_ not in self.levels \
                and not self.measures_difference(doc, number, prep):
            return None  # "in 12 weeks", "for 48 seconds", "$1bn in dollar sales": when or how, not a measure of the subject
        if prep is not None:  # "cut rates by 25bp", "held rates at 5%": a transitive verb measures its object
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
            if objects:
                head = objects[0]
                return None if head.pos_ in PRONOUN_POS or head.i == getattr(entity, "i", None) else self.phrase(doc, head, number)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in VERB_POS \
                and not self.reports(verb.head):  # "the team said, though writing 1 MB costs $3,500"
            subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and verb.dep_ == "acl" and verb.head.pos_ in NOMINAL_POS:
            subjects = [verb.head]  # "prices starting from RM450,000", "the iPhone 15 Pro, priced from $999"
        if not subjects:
            return None
        head = subjects[0]
        if head.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in NOMINAL_POS:
            head = verb.head  # "a fastball that touched 101 mph": the noun the clause describes
        if head.pos_ in PRONOUN_POS or number.start <= head.i < number.end or (entity is not None and head.i == entity.i):
            return None
        return self.phrase(doc, head, number)

    def counts_times(self, doc: Doc, number: NumberSpan) -> bool:
        """"Okafor scored twice": a count of times (``times_words``) says how often something happened, not how
        much of something its subject has."""
        return number.end - number.start == 1 and doc[number.start].lower_ in self.look.lexicon["times_words"]

    def reports(self, verb: Token) -> bool:
        """A reporting verb used to report ("the team said"), not as a verb of amount ("the Nikkei added 1.9%")."""
        return verb.lemma_.lower() in self.look.reporting and not any(c.dep_ in AMOUNT_DEPS for c in verb.children)

    @staticmethod
    def measures_difference(doc: Doc, number: NumberSpan, prep: Token) -> bool:
        """"roughly 50% above pre-industrial levels": the number measures how far above, it is not inside the
        preposition's object ("above the 15 ppb action level")."""
        inside = range(number.start, number.end)
        links = [t for t in doc[number.start:number.end] if t.head.i not in inside]  # how the mention hangs on
        return any(t.dep_ == "npadvmod" and prep in (t.head, t.head.head) for t in links)  # "up 3 ppm ... and 50% above"

    @staticmethod
    def moved_noun(doc: Doc, number: NumberSpan) -> Optional[Token]:
        """"with shipments to Hong Kong down by almost a third", "miners up 3%": "up"/"down" (and "by") before the
        number, hung on a noun, say that the noun moved."""
        k = number.start - 1 - (number.start > 1 and doc[number.start - 1].lower_ == "by")
        particle = doc[k] if k >= 0 else None
        if particle is None or particle.lower_ not in ("up", "down"):
            return None
        noun = particle.head
        return noun if noun.pos_ in NOMINAL_POS and noun.i < particle.i else None

    def is_attribute(self, number: NumberSpan) -> bool:
        """A measure of what something is ("650 hp", "3.85GHz", "101 mph"; ``attribute_dimensions``): whatever
        verb takes it states it of its subject ("The SUV packs 650 hp")."""
        return number.unit is not None and self.registry.describe(number.unit)[1] in self.attribute_dimensions

    @staticmethod
    def attribute_of(doc: Doc, number: NumberSpan) -> Optional[Token]:
        """"an animal about 1.2 metres tall", "QX7, roughly 60 metres across", "cables, each 1.2 metres thick": a
        measure on an adjective of size names the noun the adjective describes."""
        token = doc[number.end - 1]
        adjective = token.head
        if token.dep_ != "npadvmod" or adjective.pos_ not in ("ADJ", "ADV") or adjective.i < number.start:
            return None
        noun = adjective.head
        if noun.pos_ == "PRON" and noun.dep_ == "appos":
            noun = noun.head  # "cables, each 1.2 metres thick"
        return noun if noun.pos_ in NOMINAL_POS and noun.i < number.start else None

    def phrase(self, doc: Doc, head: Token, number: NumberSpan) -> Optional[Anchor]:
        """``head`` with its left dependents, and its complement after a generic measure noun."""
        start = head.left_edge.i
        while start < head.i and doc[start].dep_ not in PHRASE_LEFT_DEPS + ("compound",) and not doc[start].is_alpha:
            start += 1
        end = head.i + 1
        if head.lower_ in self.generic or head.lemma_.lower() in self.generic:
            for child in head.rights:
                if child.dep_ == "prep" and child.right_edge.i < number.start:
                    end = child.right_edge.i + 1
                    break
        if start <= number.start < end:
            return None
        span = doc[start:end]
        return Anchor(span.text, span.start_char, span.end_char, head.lemma_.lower())
