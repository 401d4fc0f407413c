"""Which earlier speaker a mention refers to: surnames, pronouns and descriptions.

A document introduces a speaker once in full ("Interior Ministry spokesman Karim Haddad") and
then refers back ("Haddad", "he", "the spokesman", "the ministry"). ``Resolver`` keeps no state
of its own: the component passes the referents met so far, most recent last.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Mapping, Optional, Sequence, Set

from spacy.tokens import Span, Token

from claimattr.detector.extents import DOUBLE_QUOTE_TOKENS
from claimattr.linker.names import Analysis, MentionAnalyser, self_named
from claimattr.schema import TextSpan

MAX_PRONOUN_OFFSET = 6
"""Most tokens before a pronoun in its sentence for it to continue the previous sentence's
subject ("China's coast guard gave a different account. It said ..."); further in, the sentence
has introduced referents of its own."""

MAX_SURNAME_MENTION_TOKENS = 2
"""Longest mention that can be a bare surname of an earlier person ("Haddad", "Mr Haddad")."""

MAX_SHORT_DESCRIPTION_TOKENS = 3
"""Longest definite description that can stand for an earlier named organisation ("the directorate",
"the anticorruption directorate"); longer ones name something themselves."""

PLACE_LOOKBACK_SENTENCES = 2
"""Sentences before a bare place noun's own ("the state") in which the place it stands for is named."""

INSTITUTIONS = ("organisation", "government")
"""Speaker types "it" can refer to."""

COLLECTIVES = ("group", "anonymous", "organisation", "government")
"""Speaker types "they" can refer to."""

SPOKEN_FOR = ("organisation", "government", "group")
"""Speaker types a first-person plural ("we") can speak for."""


@dataclass
class Referent:
    """An entity that made a claim, remembered for later mentions in the document."""

    name: str
    type: str
    role: Optional[str] = None
    organisation: Optional[TextSpan] = None
    tokens: Set[str] = field(default_factory=set)
    position: int = 0

    @classmethod
    def from_analysis(cls, analysis: Analysis, position: int = 0) -> "Referent":
        return cls(
            name=analysis.name, type=analysis.type, role=analysis.role, organisation=analysis.organisation,
            tokens=set(analysis.tokens), position=position,
        )


class Resolver:
    """Resolves the mentions of one document against the speakers met before them."""

    def __init__(self, analyser: MentionAnalyser) -> None:
        self.analyser = analyser
        self.words = analyser.words

    def resolve(self, mention: Span, analysis: Analysis, referents: List[Referent]) -> Optional[Referent]:
        """The earlier referent this mention points to: surname, pronoun or description."""
        words = self.words
        head = mention.root
        lower = head.lower_
        recent = list(reversed(referents))
        if len(mention) == 1 and lower in words.person_pronouns:
            return self.previous_subject(mention, recent, ("person",)) or next(
                (r for r in recent if r.type == "person" and not self.other_gender(mention, r.name)), None)
        if len(mention) == 1 and (lower in words.thing_pronouns or lower in words.thing_possessives):
            return (
                self.antecedent_in_sentence(mention, recent)
                or self.previous_subject(mention, recent, INSTITUTIONS)
                or next((r for r in recent if r.type in INSTITUTIONS), None)
            )
        if len(mention) == 1 and (lower in words.plural_pronouns or lower in words.collective_possessives):
            return self.previous_subject(mention, recent, COLLECTIVES) or next(
                (r for r in recent if r.type in COLLECTIVES), None
            )
        if len(mention) == 1 and lower in words.first_person_plural:
            return self.spoken_for(mention, recent)
        names = {
            t.lower_ for t in mention
            if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_ or t.text[:1].isupper() and not t.is_stop)
        } - words.honorifics
        if self.analyser.body_before_role(analysis.organisation, self.analyser.role_token(mention), head):
            names = set()  # "A Brandt spokesman" is no Brandt: the name says whose spokesman
        institution = analysis.type in INSTITUTIONS and head.lemma_.lower() in words.bodies
        # "an engineer at Nimbra" is no one named Nimbra: a name in a phrase on the head says where
        own = {n for n in names if not any(in_prepositional_modifier(t, head) for t in mention if t.lower_ == n)}
        # "Atlético supporters", "Mulder's teammates": people a name only modifies are not its bearer
        people_of_name = analysis.type == "group" and head.tag_ == "NNS" and head.pos_ == "NOUN"
        if not institution and not people_of_name and (own and analysis.type != "person" or (own and len(own) < 2)):
            match = next((r for r in recent if r.type == "person" and own <= r.tokens), None)
            if match is not None:
                return match
        if analysis.type == "person" and analysis.tokens:
            match = next((r for r in recent if r.type == "person" and analysis.tokens <= r.tokens), None)
            if match is not None:
                return match
        if len(names) == 1 and len(mention) <= MAX_SURNAME_MENTION_TOKENS and not institution and not people_of_name:
            earlier = self.earlier_person(mention, names)
            if earlier is not None:
                return earlier
        definite = mention[0].lower_ in words.definite_determiners
        if definite and len(mention) == 2 and head.lemma_.lower() in words.place_nouns:
            place = self.earlier_place(mention)
            if place is not None:
                return next((r for r in recent if r.name.lower() == place.name.lower()), place)
        if definite and len(mention) <= MAX_SHORT_DESCRIPTION_TOKENS and not analysis.role:
            named = self.earlier_organisation(mention)
            if named is not None:
                return next((r for r in recent if r.name.lower() == named.name.lower()), named)
        if definite and analysis.role and not names:
            return next((r for r in recent if r.role and r.role.endswith(analysis.role.split()[-1])), None)
        same = self.analyser.canonical_text(mention).lower()
        return next((r for r in recent if r.name.lower() == same), None)

    def spoken_for(self, pronoun: Span, recent: List[Referent]) -> Optional[Referent]:
        """"We" is the organisation or group its speaker speaks for, when that is evident: the
        subject of the previous sentence, or the latest speaker (a collective itself, or a person
        with an organisation, "the ministry's spokesman ... We said"). Else it stays unresolved."""
        previous = self.previous_subject(pronoun, recent, SPOKEN_FOR)
        if previous is not None:
            return previous
        latest = recent[0] if recent else None
        if latest is None:
            return None
        if latest.type in SPOKEN_FOR:
            return latest
        if latest.type == "person" and latest.organisation is not None:
            name = latest.organisation.text
            known = next((r for r in recent if r.name.lower() == name.lower()), None)
            return known or Referent(name=name, type="organisation", tokens={w.lower() for w in name.split()})
        return None

    def earlier_organisation(self, mention: Span) -> Optional[Referent]:
        """"the directorate" after "the National Anticorruption Directorate": the full name, whose
        words the description repeats ("the Supreme Court" is no "U.S. Court of Appeals")."""
        head = mention.root.lower_
        own = {t.lower_ for t in mention if t.is_alpha and t.lower_ not in self.words.determiners}
        for ent in reversed([e for e in self.analyser.ents if e.end <= mention.start and e.label_ in ("ORG", "GPE")]):
            words = [t.lower_ for t in ent if t.is_alpha]
            if len(words) >= 2 and head in words and ent.root.lower_ == head and own <= set(words):
                name = self.analyser.canonical_text(ent)
                kind = "government" if ent.label_ == "GPE" else "organisation"
                return Referent(name=name, type=kind, tokens=set(words))
        return None

    def earlier_place(self, mention: Span) -> Optional[Referent]:
        """"the state" after "the 2000 election in Florida": a bare place noun (lexicon
        ``place_nouns``) stands for the place named last before it, within a few sentences, and
        speaks as its government."""
        doc = mention.doc
        start = mention.sent.start
        for _ in range(PLACE_LOOKBACK_SENTENCES):
            start = doc[max(start - 1, 0)].sent.start
        places = [e for e in self.analyser.ents if e.label_ == "GPE" and start <= e.start and e.end <= mention.start]
        if not places:
            return None
        name = self.analyser.canonical_text(places[-1])
        return Referent(name=name, type="government", tokens={t.lower_ for t in places[-1] if t.is_alpha})

    def earlier_person(self, mention: Span, names: Set[str]) -> Optional[Referent]:
        """A surname whose full name appeared earlier as a PERSON entity, speaker or not, named
        without the possessive the entity may hold ("Donald Trump’s recent gains")."""
        for ent in reversed([e for e in self.analyser.ents if e.end <= mention.start and e.label_ == "PERSON"]):
            name = self.analyser.strip_titles(ent)
            words = {t.lower_ for t in name if t.tag_ != "POS"} if name is not None else set()
            if len(words) >= 2 and names <= words:
                return Referent(name=self.analyser.canonical_text(name), type="person", tokens=words)
        return None

    def previous_subject(self, pronoun: Span, recent: List[Referent], types: Sequence[str]) -> Optional[Referent]:
        """The subject of the previous sentence, when compatible: speakers are often introduced as
        subjects before they speak ("China's coast guard gave a different account. It said ...",
        "The judge disagreed. “It was a clear error,” he said": the sentence before the quotation
        a tag closes)."""
        start = opening_of(pronoun)
        if start is None or start == 0:
            return None
        previous = pronoun.doc[start - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        phrase = self.analyser.noun_phrase(subjects[0]) if subjects else None
        phrase = self_named(phrase) or phrase if phrase is not None else None  # "A group calling itself Red Lantern"
        if phrase is None or phrase.root.lemma_.lower() in self.words.document_heads:
            return None  # "The statement noted ... “...,” they said": a document says nothing aloud
        analysis = self.analyser.analyse(phrase)
        if analysis.type not in types or self.other_gender(pronoun, analysis.name):
            return None
        if start != pronoun.sent.start and any(
                c.dep_ == "dobj" and self.analyser.analyse(self.analyser.noun_phrase(c) or c.doc[c.i:c.i + 1]).type == "person"
                for c in previous.root.children):
            return None  # "The prosecutor questioned the witness. “I saw him fire,” she said": either may speak
        name = analysis.name.lower()
        described = None if analysis.tokens else self.resolve(phrase, analysis, list(reversed(recent)))
        known = described or next((r for r in recent if r.name.lower() == name or analysis.tokens and analysis.tokens <= r.tokens), None)
        return known or Referent.from_analysis(analysis, position=phrase.start)

    def other_gender(self, pronoun: Span, name: str) -> bool:
        """Whether a name's given name (lexicon ``given_name_genders``) tells a gender other than the
        pronoun's ("Melanie" for "he"), or an unnamed person's role noun does ("spokeswoman",
        lexicon ``person_descriptions``: "mother"; :func:`role_noun_gender`)."""
        gender = self.words.pronoun_genders.get(pronoun.text.lower())
        first = name.split()[0].lower() if name.split() else ""
        named = self.words.given_name_genders.get(first) or role_noun_gender(name, self.words.person_descriptions)
        return gender is not None and named is not None and named != gender

    def antecedent_in_sentence(self, pronoun: Span, recent: List[Referent]) -> Optional[Referent]:
        """"While Islamabad has not claimed responsibility, it has accused ...": the earlier subject."""
        sentence = pronoun.sent
        for token in reversed([t for t in sentence if t.i < pronoun.start]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ in ("GPE", "ORG", "NORP"):
                phrase = self.analyser.noun_phrase(token)
                if phrase is None:
                    continue
                name = self.analyser.canonical_text(phrase)
                known = next((r for r in recent if r.name.lower() == name.lower()), None)
                return known or Referent(name=name, type=self.analyser.entity_type(phrase, token, None))
        return None


def role_noun_gender(name: str, descriptions: Mapping[str, Optional[str]]) -> Optional[str]:
    """The gender an unnamed person's lower-case role noun states: a "-woman" compound
    ("spokeswoman", "chairwoman") and kin words of the lexicon ("mother"). A "-man" compound
    states none: "chairman" and "spokesman" are still used of women ("A police spokesman said
    ... She added"). A proper name ("Norman") states none this way."""
    words = name.split()
    if not words or not name.islower():
        return None
    last = words[-1]
    if last.endswith(("woman", "women")):
        return "female"
    return descriptions.get(last)


def in_prepositional_modifier(token: Token, head: Token) -> bool:
    """Whether a word lies in a prepositional phrase on the mention's head ("Nimbra" in "an
    engineer at Nimbra", "a nurse on the ward"): such a name says where the speaker belongs, not
    who the speaker is, so it points to no earlier speaker of that name."""
    ancestor = token
    while ancestor.i != head.i and ancestor.head.i != ancestor.i:
        if ancestor.dep_ == "prep":
            return True
        ancestor = ancestor.head
    return False



def opening_of(pronoun: Span) -> Optional[int]:
    """Where the sentence a pronoun opens starts, for reading the sentence before it: its own
    start when the pronoun comes early in it (:data:`MAX_PRONOUN_OFFSET`), the start of the
    quotation its tag closes when that quotation opens its sentence ("“It was a clear error,” he
    said"), else None (the sentence has introduced referents of its own)."""
    doc, sentence = pronoun.doc, pronoun.sent
    index = pronoun.start - 1
    while index > sentence.start and doc[index].is_punct and doc[index].text not in DOUBLE_QUOTE_TOKENS:
        index -= 1
    if index >= 0 and doc[index].text in DOUBLE_QUOTE_TOKENS:
        opening = next((i for i in range(index - 1, -1, -1) if doc[i].text in DOUBLE_QUOTE_TOKENS), None)
        return opening if opening is not None and doc[opening].sent.start == opening else None
    return sentence.start if pronoun.start - sentence.start <= MAX_PRONOUN_OFFSET else None
