"""Entity and event anchoring: what a quantity counts and what happened to it.

The entity is the number's ``nummod`` head, or the ``of``-object of "dozens of X" / "40 per cent
of X"; the event is a participle on the entity ("58 people killed"), an event noun ("the deaths
of 58"), a measure noun's event ("the death toll rose to 40" -> kill), or the nearest verb above the
number that is not a reporting verb. Title-case headlines, which the tagger reads as names, take
a known event verb just before the number.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Token

from claimattr.quantities.lexicon import Lookups
from claimattr.quantities.numbers import NumberSpan
from claimattr.quantities.units import FRACTION, is_currency_code
from claimattr.schema import Anchor

NOMINAL_WINDOW = 4
"""Tokens between a number and its counted noun at most ("58 additional Pakistani soldiers"); also how far
after a preposition its object and after a mis-parsed number the closing noun are looked for."""
MAX_INSIDE_HOPS = 4
"""Arcs climbed inside the mention ("more than 1.5 million") to reach the head outside it."""
MAX_EVENT_HOPS = 8
"""Arcs climbed from the number towards its event verb: farther up is another clause's verb."""
TITLE_EVENT_WINDOW = 5
"""Tokens before a headline number searched for its event verb (at most four words in between)."""
TITLE_MIN_WORDS = 3
TITLE_WORD_MIN_LENGTH = 4
TITLE_CAPITALISED_SHARE = 0.8
"""A sentence is a title-case headline when at least 80 % of its words of four letters or more (short
function words stay lower-case in titles) are capitalised, and it has at least three such words."""

COUNTED_DEPS = ("nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "prep", "pobj", "appos", "conj",
                "punct", "predet", "det")
"""Arcs from a number token to the noun it counts (the parser attaches numbers in many ways)."""
PREMODIFIER_DEPS = ("amod", "compound", "nmod", "nummod")
"""Pre-modifiers kept in the entity's text ("additional Pakistani soldiers")."""
REPORTED_DEPS = ("nsubj", "nsubjpass", "ccomp", "xcomp", "parataxis", "advcl", "conj", "csubj")
"""How reported material hangs on a reporting verb ("16 people ... said", "said that 12 died"); a
number in the verb's object or adverbials ("added 48 ships", "saying it for two years") keeps the verb."""
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp", "parataxis", "xcomp")
MEASURED_DEPS = ("nsubj", "nsubjpass", "dobj")
NOMINAL_POS = ("NOUN", "PROPN")


def lemma_of(token: Token, repair_endings: Tuple[str, ...]) -> str:
    """The token's lemma, repairing the rule lemmatizer's "-ed" slip ("reconnected" -> "reconnecte" -> "reconnect")."""
    lemma = (token.lemma_ or token.text).lower()
    text = token.lower_
    if token.tag_ in ("VBD", "VBN") and text.endswith("ed") and lemma == text[:-1] and lemma.endswith(repair_endings, 0, -1):
        return lemma[:-1]
    return lemma


def verb_base(word: str, verbs: Iterable[str], suffixes: Iterable[Tuple[str, str]]) -> Optional[str]:
    """The base of an inflected form whose base is in ``verbs`` ("kills" -> kill, "injured" -> injure)."""
    verbs = set(verbs)
    for suffix, add in suffixes:
        if suffix and not word.endswith(suffix):
            continue
        base = (word[: len(word) - len(suffix)] if suffix else word) + add
        if base in verbs:
            return base
    return None


class Anchoring:
    """Find the entity and event anchors of a number, from one compiled lexicon."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        lex = look.lexicon
        self.repair_endings = tuple(lex["lemma_e_repair_endings"])
        self.verb_suffixes = [tuple(pair) for pair in lex["title_case_verb_suffixes"]]
        self.counted_not = set(lex["counted_not_entities"])

    def lemma(self, token: Token) -> str:
        return lemma_of(token, self.repair_endings)

    def anchor(self, token: Token) -> Anchor:
        return Anchor(token.text, token.idx, token.idx + len(token), self.lemma(token))

    # ---- entity -------------------------------------------------------------------------------

    def core_tokens(self, doc: Doc, number: NumberSpan) -> List[Token]:
        """The mention's tokens without its modifier."""
        skip = number.modifier or (0, 0)
        return [t for t in doc[number.start:number.end] if not skip[0] <= t.i < skip[1]]

    def entity_head(self, doc: Doc, number: NumberSpan) -> Optional[Token]:
        """What is counted: the ``of``-object of "dozens of X" / "40 per cent of X", else the ``nummod`` head."""
        lex = self.look.lexicon
        core = self.core_tokens(doc, number)
        inside = {t.i for t in doc[number.start:number.end]}
        if number.of_unit or self.is_multiple(doc, number):
            return None
        if number.adjectival:  # "a 48-hour strike": the unit adjective describes the noun after it
            return self.following_noun(doc, number)
        of_heads = [t for t in core if t.lower_ not in lex["currency_prefixes"]]
        preps = lex["money_entity_prepositions"] if is_currency_code(number.unit) else lex["entity_prepositions"]
        if number.vague or number.unit is not None:
            if number.end < len(doc) and doc[number.end].lower_ in preps:
                obj = self.prep_object(doc, number.end)
                if obj is not None and self.is_countable(obj):
                    return obj
            if number.unit is not None and number.unit != FRACTION:
                return None
        for token in reversed(of_heads):
            head = token.head
            hops = 0
            while head.i in inside and head.head.i != head.i and hops < MAX_INSIDE_HOPS:
                head, hops = head.head, hops + 1
            if head.i in inside:
                continue
            if head.pos_ in NOMINAL_POS and head.i > number.end - 1 and head.i - number.end <= NOMINAL_WINDOW \
                    and token.dep_ in COUNTED_DEPS and self.is_countable(head):
                return head
        return self.following_noun(doc, number)

    def is_multiple(self, doc: Doc, number: NumberSpan) -> bool:
        """"a 10-fold increase", "rose threefold": a multiple of a former amount counts nothing; the noun after it
        is what grew."""
        last = doc[number.end - 1].lower_
        return last in self.look.lexicon["ratio_suffixes"] or last in self.look.multiple_words

    def prep_object(self, doc: Doc, prep_i: int) -> Optional[Token]:
        """The object of the preposition at ``prep_i``: its ``pobj``, else the noun closing the next nominal run."""
        objects = [c for c in doc[prep_i].children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
        for k in range(prep_i + 1, min(len(doc), prep_i + 1 + NOMINAL_WINDOW)):
            if doc[k].pos_ in NOMINAL_POS:
                if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
                    continue
                return doc[k]
            if doc[k].pos_ not in ("DET", "ADJ", "NUM", "PRON") and doc[k].dep_ != "poss":
                break
        return None

    def following_noun(self, doc: Doc, number: NumberSpan) -> Optional[Token]:
        """Fallback for mis-parsed numbers ("20 - 25 people"): the noun closing the next nominal run."""
        k = number.end
        last: Optional[Token] = None
        while k < len(doc) and k - number.end < NOMINAL_WINDOW:
            token = doc[k]
            if token.pos_ in NOMINAL_POS and not token.is_punct:
                last = token
            elif token.pos_ != "ADJ" and token.dep_ not in ("amod", "compound"):
                break
            k += 1
        if last is not None and self.is_countable(last):
            return last
        return None

    def is_countable(self, token: Token) -> bool:
        """Whether ``token`` can be a counted entity (not a date, unit, currency or "per")."""
        word = token.lower_
        if word in self.look.dates or word in self.counted_not or word in self.look.not_after:
            return False
        if (word,) in self.look.units or word in self.look.currency_words:
            return False
        return token.is_alpha

    def entity_anchor(self, doc: Doc, head: Token, number: NumberSpan) -> Anchor:
        """The head noun with its contiguous adjective/compound pre-modifiers ("additional Pakistani soldiers")."""
        start = head.i
        while start - 1 >= number.end and doc[start - 1].dep_ in PREMODIFIER_DEPS \
                and doc[start - 1].head.i >= start - 1 and not doc[start - 1].is_punct \
                and doc[start - 1].pos_ != "NUM":
            start -= 1
        span = doc[min(start, head.i):head.i + 1]
        return Anchor(span.text, span.start_char, span.end_char, self.lemma(head))

    # ---- event --------------------------------------------------------------------------------

    def event(self, doc: Doc, number: NumberSpan, entity: Optional[Token]) -> Optional[Anchor]:
        """What happened to the counted thing: a participle on it ("58 people killed"), else the nearest verb above.

        Reporting verbs ("said") are never the event: the climb goes past them. A change verb whose
        subject or object is a measure noun ("the death toll rose to 40") gives the noun's event
        (lexicon ``measure_nouns``: toll -> kill). Title-case headlines, which the tagger reads as
        names ("Typhoon Kills at Least 21"), take a known event verb just before the number.
        """
        look = self.look
        anchor = entity if entity is not None else self.core_tokens(doc, number)[-1]
        if entity is not None:
            for child in entity.children:
                if child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VBN":
                    return self.anchor(child)
        headline = self.title_case_event(doc, number)
        if headline is not None:
            return headline
        token, hops = anchor, 0
        seen = {anchor.i}
        while token.head.i != token.i and hops < MAX_EVENT_HOPS:
            parent = token.head
            if parent.i in seen:
                break
            seen.add(parent.i)
            if parent.pos_ == "VERB" and self.lemma(parent) in look.reporting and self.reports_content(parent, token):
                token, hops = parent, hops + 1
                continue
            if parent.pos_ == "VERB":
                if self.lemma(parent) in look.measure_verbs:
                    measured = self.measured_event(parent)
                    if measured is not None:
                        return measured
                return self.anchor(parent)
            if parent.pos_ == "NOUN" and token.dep_ in ("pobj", "prep") and self.lemma(parent) in look.event_nouns:
                return self.anchor(parent)
            token, hops = parent, hops + 1
        if token.pos_ == "VERB" and token.i != anchor.i and self.lemma(token) not in look.reporting:
            return self.anchor(token)
        return None

    @staticmethod
    def reports_content(verb: Token, child: Token) -> bool:
        """Whether ``child`` (on the path up from the number) is reported material or the reporter of ``verb``.

        A number in the reported clause ("said that 12 died", "12 died, police said") or counting
        reporters who report a clause ("16 survivors said they ...") does not make "say" the event;
        counted reporters with no reported clause ("more than 60 witnesses testified") do.
        """
        if child.dep_ in SUBJECT_DEPS:
            return any(c.dep_ in CLAUSE_DEPS for c in verb.children)
        return child.dep_ in REPORTED_DEPS

    def measured_event(self, verb: Token) -> Optional[Anchor]:
        """"the death toll has risen to 40" -> kill (on "toll"); "the number of people killed rose to 612" -> killed."""
        measure_nouns = self.look.measure_nouns
        for child in verb.children:
            if child.dep_ not in MEASURED_DEPS:
                continue
            compound = " ".join(t.lower_ for t in child.lefts if t.dep_ == "compound")
            lemma = self.lemma(child)
            key = f"{compound} {lemma}".strip()
            if key not in measure_nouns and lemma not in measure_nouns:
                continue
            event = measure_nouns.get(key, measure_nouns.get(lemma))
            if event is not None:
                return Anchor(child.text, child.idx, child.idx + len(child), event)
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in self.look.partitive:
                    for obj in prep.children:
                        for participle in obj.children:
                            if participle.dep_ == "acl" and participle.tag_ == "VBN":
                                return self.anchor(participle)
        return None

    def title_case_event(self, doc: Doc, number: NumberSpan) -> Optional[Anchor]:
        """In a title-case headline, a known event verb just before the number (:data:`TITLE_EVENT_WINDOW`)."""
        sentence = doc[number.start].sent
        words = [t for t in sentence if t.is_alpha and len(t) >= TITLE_WORD_MIN_LENGTH]
        if len(words) < TITLE_MIN_WORDS or sum(t.text[:1].isupper() for t in words) < TITLE_CAPITALISED_SHARE * len(words):
            return None
        for k in range(number.start - 1, max(sentence.start, number.start - TITLE_EVENT_WINDOW) - 1, -1):
            base = verb_base(doc[k].lower_, self.look.title_events, self.verb_suffixes)
            if base is not None and doc[k].text[:1].isupper():
                return Anchor(doc[k].text, doc[k].idx, doc[k].idx + len(doc[k]), base)
        return None
