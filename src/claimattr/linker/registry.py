"""The document entity registry: every person, organisation and government a report mentions.

A report introduces people once in full, with their function ("Republican presidential nominee
Donald Trump", "Rep. John Mica (R-Fla.)", "Minyon Moore, a senior adviser to the Clinton
campaign") and then calls them "Trump", "Mr. Mica", "he". The registry reads the whole document
once, before any speaker is resolved, so that every later mention (and every pronoun) can carry
the canonical name, role and organisation the article establishes anywhere:

- **persons** come from the base NER's ``PERSON`` entities. Titles and honorifics go out of the
  name into the role ("Sen." -> "senator", lexicon ``title_abbreviations``); a party adjective or
  a "(R-Fla.)" parenthetical becomes the organisation (lexicon ``party_names``, ``party_codes``);
  a possessive person before a campaign role gives "<Surname> campaign". Mentions with the same
  surname and compatible first names are one entity, named by its fullest form ("Obama" ->
  "Barack Obama"). Gender comes from honorifics ("Mr.", "Ms.", lexicon ``honorific_genders``)
  and from the pronouns that follow a lone person mention (``pronoun_genders``); it is what makes
  "she" skip a man.
- **organisations and governments** come from ``ORG`` and ``GPE`` entities and from speakers;
  an acronym introduced in brackets is an alias of its full name, a possessive form ("Roe's")
  is the same entity, and descriptions that resolve to an entity ("the network") are recorded as
  its aliases.

- **roles from descriptions**: every definite role description in the report ("the Republican
  presidential nominee's plan") is resolved to its person (same role head, else the party's most
  mentioned person) and gives that person the role and party, so that all its mentions carry them.

:meth:`Registry.salient_person` resolves "he"/"she" by salience: the persons mentioned in the
pronoun's sentence and the previous ones, preferring subjects over objects, the speaker of the
previous claim ("said" chains and quotes), recency, mentions outside quotations, and agreeing
in gender.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Span, Token

from claimattr.linker.names import MentionAnalyser, contiguous_run
from claimattr.quotes import DEFAULT_QUOTE_PAIRS, find_quote_regions
from claimattr.schema import Entity, TextSpan
from claimattr.segmenter.segmenter_component import HEADLINE_SPANS

SALIENCE_WINDOW = 3
"""Sentences before a pronoun whose person mentions are its candidate antecedents."""
SUBJECT_BONUS = 1.0
"""Salience of a mention that is a clause subject, over one that is not."""
MODIFIER_PENALTY = 1.5
"""Salience lost by a mention that only modifies another noun ("the Clinton campaign", "Roe's aide")."""
SPEAKER_BONUS = 1.5
"""Salience of the speaker of the latest claim before the pronoun ("X said ... He added")."""
QUOTED_PENALTY = 1.5
"""Salience lost by a mention inside a quotation: a person the speaker talks about ("“Obama had
will.i.am,” he said") is rarely the "he" of the speech tag or of the next sentence."""
DISTANCE_COST = 1.0
"""Salience lost per sentence between the mention and the pronoun."""
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""Generational suffixes: part of the name, never a surname."""
SUBJECTS = ("nsubj", "nsubjpass")
PARTY_PAREN = re.compile(r"\s*\(\s*([A-Z])\s*[-–]\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*\)")
"""A party-and-state parenthetical after a name: "(R-Fla.)", "(D-New York)"."""


@dataclass
class Mention:
    start: int
    end: int
    sentence: int
    subject: bool
    modifier: bool
    quoted: bool = False


@dataclass
class Record:
    """One entity while the document is read."""

    id: int
    name: str
    type: str
    tokens: Set[str] = field(default_factory=set)
    aliases: List[str] = field(default_factory=list)
    roles: List[str] = field(default_factory=list)
    organisations: List[TextSpan] = field(default_factory=list)
    gender: Optional[str] = None
    mentions: List[Mention] = field(default_factory=list)
    claims: List[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        words = [w for w in self.name.lower().split() if w not in SUFFIXES]
        return words[-1] if words else ""

    @property
    def role(self) -> Optional[str]:
        """The first role the article gives, in its fullest form ("nominee" then "presidential
        nominee" -> "presidential nominee"), as names take their fullest form."""
        if not self.roles:
            return None
        first = self.roles[0].split()
        fuller = [r for r in self.roles if r.split()[-1] == first[-1] and set(first) <= set(r.split())]
        return max(fuller, key=lambda r: len(r.split()))

    @property
    def organisation(self) -> Optional[TextSpan]:
        return self.organisations[0] if self.organisations else None

    def alias(self, text: str) -> None:
        text = " ".join(text.split())
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)

    def to_entity(self, doc: Doc) -> Entity:
        return Entity(
            id=self.id, name=self.name, type=self.type, aliases=list(self.aliases), roles=list(self.roles),
            organisation=self.organisation.text if self.organisation else None, gender=self.gender,
            mentions=[TextSpan.from_span(doc[m.start:m.end]) for m in self.mentions], claims=list(self.claims),
        )


def name_words(text: str) -> List[str]:
    return [w for w in re.split(r"[\s]+", text.lower().replace("’", "'")) if w and w not in ("'s", "'")]


class Registry:
    """The entities of one document, built from its NER entities before speakers are resolved."""

    def __init__(self, doc: Doc, analyser: MentionAnalyser) -> None:
        self.doc = doc
        self.analyser = analyser
        self.words = analyser.words
        self.records: List[Record] = []
        self.sentence_of: Dict[int, int] = {}
        self.text = doc.text
        self.ents: List[Span] = list(doc.ents)
        self.org_ents: List[Span] = [e for e in self.ents if e.label_ == "ORG"]
        self.in_long_org: Set[int] = {t.i for e in self.org_ents if len(e) > 1 for t in e}
        self.quotes = find_quote_regions(doc.text, DEFAULT_QUOTE_PAIRS)
        self.headline_tokens: Set[int] = {t.i for span in doc.spans.get(HEADLINE_SPANS, []) for t in span}
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                self.sentence_of[token.i] = number
        self._collect_persons()
        self._collect_institutions()
        self._genders_from_pronouns()
        self._roles_from_descriptions()

    # ------------------------------------------------------------------ building
    def _collect_persons(self) -> None:
        persons = [ent for ent in self.ents if ent.label_ == "PERSON"]
        surnames = set()
        found: List[Tuple[Span, Span]] = []
        for ent in persons:
            name = self.person_run(ent)
            if name is None:
                continue
            found.append((ent, name))
            words = [w for w in name_words(name.text) if w not in SUFFIXES]
            if words:
                surnames.add(words[-1])
        # surnames the NER typed otherwise ("De Blasio" as ORG) once the person is known
        for ent in self.ents:
            if ent.label_ in ("ORG", "GPE", "NORP") and all(t.text[:1].isupper() for t in ent):
                name = self.person_run(ent)
                if name is not None and name_words(name.text) and name_words(name.text)[-1] in surnames and len(name) <= 2:
                    if not any(w in self.words.organisations or w in self.words.government for w in name_words(name.text)):
                        found.append((ent, name))
        found = [(ent, name) for ent, name in (self.headline_name(e, n, surnames) for e, n in found) if name is not None]
        found.sort(key=lambda pair: (pair[1].start in self.headline_tokens, pair[1].start))
        full = [(ent, name) for ent, name in found if len(name_words(name.text)) >= 2]
        for ent, name in full + [(e, n) for e, n in found if len(name_words(n.text)) < 2]:
            record = self.person_record(name)
            self._add_person_mention(record, ent, name)

    def headline_name(self, ent: Span, name: Span, surnames: Set[str]) -> "tuple[Span, Optional[Span]]":
        """A person entity in a headline, cut after the surname the body uses: headline case
        makes the tagger read verbs and nouns as names ("Senator Hammers Bank" is no one)."""
        if ent.start not in self.headline_tokens:
            return ent, name
        body = {w for e in self.ents if e.label_ == "PERSON" and e.start not in self.headline_tokens for w in name_words(e.text)}
        last = max((t.i for t in name if t.lower_ in body and t.lower_ in surnames), default=None)
        if last is None:
            return ent, None
        known = [t.i for t in name if t.lower_ in body and t.i < last]
        return ent, self.doc[known[0] if known else name.start:last + 1]

    def person_run(self, ent: Span) -> Optional[Span]:
        """The name in a PERSON entity: titles, honorifics and party words out, possessive off."""
        words = self.words
        start, end = ent.start, ent.end
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct and self.doc[end - 1].text != "."):
            end -= 1
        while start < end and (
            self.title(self.doc[start]) or self.doc[start].lower_ in words.party_names or self.doc[start].is_punct
            or self.doc[start].lower_ in words.determiners
        ):
            start += 1
        titles = [t.i for t in self.doc[start:end - 1] if self.title(t) and not t.text[:1].isupper() or t.lower_ in words.title_abbreviations]
        start = max([start] + [i + 1 for i in titles])
        if start >= end:
            return None
        span = self.doc[start:end]
        if not any(t.text[:1].isupper() for t in span):
            return None
        return span

    def title(self, token: Token) -> bool:
        lower = token.lower_
        words = self.words
        return (
            lower in words.honorifics or lower in words.title_abbreviations or lower.rstrip(".") + "." in words.title_abbreviations
            or token.lemma_.lower() in words.roles or lower in words.roles or lower in words.role_modifiers
        )

    def person_record(self, name: Span) -> Record:
        """The entity a person name belongs to: same surname and compatible first names."""
        words = [w for w in name_words(name.text) if w not in SUFFIXES]
        surname, given = words[-1], words[:-1]
        candidates = [r for r in self.records if r.type == "person" and r.surname == surname]
        compatible = []
        for record in candidates:
            theirs = [w for w in name_words(record.name) if w not in SUFFIXES][:-1]
            if not given or not theirs or set(given) <= set(theirs) or set(theirs) <= set(given) or theirs[0][:1] == given[0][:1] and (
                len(theirs[0].rstrip(".")) == 1 or len(given[0].rstrip(".")) == 1
            ):
                compatible.append(record)
        if compatible:
            record = max(compatible, key=lambda r: len(r.mentions))
            if self.fuller_name(name, record):
                record.alias(record.name)
                record.name = name.text
            record.tokens |= set(name_words(name.text))
            if name.text != record.name:
                record.alias(name.text)
            return record
        record = Record(id=len(self.records), name=name.text, type="person", tokens=set(name_words(name.text)))
        self.records.append(record)
        return record

    def fuller_name(self, name: Span, record: Record) -> bool:
        """Whether a name is a fuller form of the entity's name, to become its canonical name:
        more words, and the same first name, or the entity known by its surname only, or its
        name extended in front ("de Blasio" -> "Bill de Blasio") outside quotation marks (a
        quoted nickname, "Crooked Hillary Clinton", is not the person's name)."""
        theirs, ours = name_words(record.name), name_words(name.text)
        if len(ours) <= len(theirs):
            return False
        if theirs[0] == ours[0] or len(theirs) == 1:
            return True
        quoted = any(start < name.start_char and name.end_char < end for start, end in self.quotes)
        return ours[-len(theirs):] == theirs and not quoted

    def _add_person_mention(self, record: Record, ent: Span, name: Span) -> None:
        root = name.root
        self.add_mention(record, name)
        if root.dep_ == "poss":
            record.alias(self.doc[name.start:min(root.i + 2, len(self.doc))].text if root.i + 1 < len(self.doc) and self.doc[root.i + 1].tag_ == "POS" else name.text)
        words = self.words
        for token in self.doc[max(ent.start - 1, 0):name.start]:
            gender = words.honorific_genders.get(token.lower_)
            if gender and record.gender is None:
                record.gender = gender
        role, organisation = self.person_context(name)
        if role and role not in record.roles:
            record.roles.append(role)
        if organisation is not None and all(o.text != organisation.text for o in record.organisations):
            record.organisations.append(organisation)

    def person_context(self, name: Span) -> Tuple[Optional[str], Optional[TextSpan]]:
        """Role and organisation the words around a person name give: titles before, appositions,
        "(R-Fla.)" after."""
        doc, words = self.doc, self.words
        root = name.root
        role: Optional[str] = None
        organisation: Optional[TextSpan] = None
        before = [t for t in doc[root.left_edge.i:name.start] if t.head.i >= name.start or t.head.i < name.start and t.head.i >= root.left_edge.i]
        before = [t for t in before if t.i >= root.left_edge.i]
        role_words: List[Token] = []
        for token in before:
            lower = token.lower_
            if token.dep_ == "poss" or token.dep_ == "case" or (token.head.dep_ == "poss" and token.head.i < name.start and token.i < token.head.i):
                continue
            if lower in words.party_names and not self._in_org_entity(token):
                organisation = organisation or TextSpan(words.party_names[lower], token.idx, token.idx + len(token))
                continue
            if token.ent_type_ in ("ORG", "PERSON") and token.ent_iob_ != "O":
                if token.ent_type_ == "PERSON" and token.i + 1 < name.start and doc[token.i + 1].lower_ == "campaign":
                    organisation = organisation or TextSpan(f"{token.text} campaign", token.idx, doc[token.i + 1].idx + 8)
                role_words = []
                continue
            if lower == "campaign" and role_words == [] and organisation is not None and organisation.text.endswith("campaign"):
                continue
            if lower in words.determiners or token.is_punct and token.text != "-" or token.ent_type_ in ("GPE", "NORP", "DATE", "CARDINAL"):
                role_words = [] if token.ent_type_ in ("GPE",) and not role_words else role_words
                continue
            role_words.append(token)
        role_words = self._trailing_run(role_words)
        role_words, named = self.body_before_role(role_words)
        organisation = organisation or named
        if role_words:
            role = self.role_phrase(role_words)
        # a named organisation in front of the role ("IMF chief economist", "Virginia AFL-CIO President")
        left = root.left_edge.i
        orgs = [e for e in self.org_ents if left <= e.start and e.end <= name.start] if left < name.start else []
        if orgs and role:
            organisation = organisation or self.organisation_text(orgs[-1])
        possessors = [t for t in before if t.dep_ == "poss" and t.head.i < name.start or t.dep_ == "poss" and t.head is root]
        if possessors and role:
            organisation = organisation or self.possessor_organisation(possessors[0], role)
        match = PARTY_PAREN.match(self.text, name.end_char)
        if match and match.group(1) in words.party_codes:
            organisation = TextSpan(words.party_codes[match.group(1)], match.start(1), match.end())
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.ent_type_ != "GPE":
                phrase = self.analyser.noun_phrase(child)
                if phrase is None:
                    continue
                token = self.analyser.role_token(phrase)
                if token is None:
                    continue
                role = role or self.role_phrase([t for t in doc[phrase.start:token.i + 1] if t.lower_ not in words.determiners and t.lower_ not in words.party_names and not t.is_punct and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.ent_type_ not in ("ORG", "GPE", "NORP")])
                found = self.analyser.organisation(phrase, token, None)
                if found is not None and organisation is None:
                    organisation = self.clean_organisation(found)
                for t in phrase:
                    if t.lower_ in words.party_names and organisation is None and not self._in_org_entity(t):
                        organisation = TextSpan(words.party_names[t.lower_], t.idx, t.idx + len(t))
                break
        if organisation is None and role is None:
            found = self.analyser.affiliation(name)
            organisation = self.clean_organisation(found) if found is not None else None
        elif organisation is None:
            found = self.analyser.affiliation(name)
            organisation = self.clean_organisation(found) if found is not None else None
        return role, organisation

    def body_before_role(self, tokens: List[Token]) -> "tuple[List[Token], Optional[TextSpan]]":
        """Role words that name the body, not the function: an acronym ("IMF chief economist") or
        an organisation noun after a name ("Trump campaign spokesman") -> organisation "IMF" (spelt
        out when the report names it in full), "Trump campaign"; the rest is the role."""
        words = self.words
        organisation: Optional[TextSpan] = None
        while len(tokens) > 1:
            first = tokens[0]
            previous = self.doc[first.i - 1] if first.i > 0 else None
            if first.text.isupper() and first.is_alpha and len(first) > 1 and first.lower_ not in words.title_abbreviations:
                organisation = organisation or self.clean_organisation(TextSpan(first.text, first.idx, first.idx + len(first)))
            elif first.lemma_.lower() in words.organisations and previous is not None and previous.pos_ == "PROPN":
                organisation = organisation or TextSpan(f"{previous.text} {first.lower_}", previous.idx, first.idx + len(first))
            else:
                break
            tokens = tokens[1:]
        return tokens, organisation

    def _in_org_entity(self, token: Token) -> bool:
        return token.i in self.in_long_org

    def _trailing_run(self, tokens: List[Token]) -> List[Token]:
        """The contiguous role words just before the name, holding a role noun or title."""
        if not tokens:
            return []
        run = contiguous_run(tokens)
        words = self.words
        if not any(t.lemma_.lower() in words.roles or t.lower_ in words.roles or t.lower_ in words.title_abbreviations for t in run):
            return []
        while run and run[0].lower_ in words.honorifics:
            run.pop(0)
        return run

    def role_phrase(self, tokens: Sequence[Token]) -> Optional[str]:
        """Role words as a lower-case role: "Sen." -> "senator", honorifics dropped."""
        words = self.words
        parts = []
        for token in tokens:
            lower = token.lower_
            if lower in words.honorifics:
                continue
            parts.append(words.title_abbreviations.get(lower, lower))
        text = " ".join(parts).replace(" - ", "-").strip()
        return text or None

    def possessor_organisation(self, token: Token, role: str) -> Optional[TextSpan]:
        """"Hillary Clinton's campaign manager" -> "Clinton campaign"; "the ministry's spokesman" -> ministry."""
        phrase = self.analyser.noun_phrase(token)
        if phrase is None:
            return None
        if token.ent_type_ == "PERSON":
            if "campaign" in role:
                return TextSpan(f"{token.text} campaign", phrase.start_char, phrase.end_char)
            return None
        return self.clean_organisation(TextSpan.from_span(phrase))

    def clean_organisation(self, found: Optional[TextSpan]) -> Optional[TextSpan]:
        """An organisation as a name: leading lowercase adjectives off ("centrist Tax Policy
        Center"), acronyms spelt out when the article introduced them, possessive off."""
        if found is None:
            return None
        text = found.text
        words = text.split()
        while len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper() and words[0].lower() not in ("de", "van", "von"):
            words.pop(0)
        text = " ".join(words)
        text = re.sub(r"[’']s$", "", text)
        text = self.analyser.aliases.get(text, text)
        return TextSpan(text, found.start, found.end)

    def organisation_text(self, ent: Span) -> TextSpan:
        name = self.analyser.canonical_text(ent)
        return TextSpan(self.analyser.aliases.get(name, name), ent.start_char, ent.end_char)

    def _collect_institutions(self) -> None:
        person_tokens = {i for r in self.records if r.type == "person" for m in r.mentions for i in range(m.start, m.end)}
        for ent in self.ents:
            if ent.label_ not in ("ORG", "GPE") or ent.start in person_tokens:
                continue
            if ent.label_ == "GPE" and ent.root.dep_ not in SUBJECTS + ("poss",):
                continue
            name = self.analyser.canonical_text(ent)
            name = re.sub(r"[’']s$", "", name).strip()
            if not name:
                continue
            kind = self.institution_type(ent, name)
            record = self.institution(name, kind)
            record.alias(ent.text) if ent.text != name and ent.text.lower() != "the " + name.lower() else None
            self.add_mention(record, ent)

    def institution_type(self, span: Span, name: str) -> str:
        words = self.words
        if name.lower() in words.government_names or span.label_ == "GPE":
            return "government"
        if span.root.lemma_.lower() in words.government and span.root.lemma_.lower() not in ("department", "state"):
            return "government"
        return "organisation"

    def institution(self, name: str, kind: str) -> Record:
        """The organisation or government of this name, acronym or its full form."""
        full = self.analyser.aliases.get(name, name)
        key = full.lower()
        for record in self.records:
            if record.type in ("organisation", "government") and (record.name.lower() == key or key in (a.lower() for a in record.aliases)):
                if name != record.name:
                    record.alias(name)
                return record
        record = Record(id=len(self.records), name=full, type=kind)
        if name != full:
            record.alias(name)
        for acronym, expansion in self.analyser.aliases.items():
            if expansion == full:
                record.alias(acronym)
        self.records.append(record)
        return record

    def add_mention(self, record: Record, span: Span) -> None:
        if any(m.start == span.start and m.end == span.end for m in record.mentions):
            return
        root = span.root
        modifier = root.dep_ in ("compound", "poss", "amod", "nmod")
        quoted = any(start < span.start_char and span.end_char < end for start, end in self.quotes)
        record.mentions.append(Mention(span.start, span.end, self.sentence_of.get(span.start, 0), root.dep_ in SUBJECTS, modifier, quoted))

    def _genders_from_pronouns(self) -> None:
        """A he/she right after a sentence that mentions one person only, as its subject, tells that
        person's gender ("Roe said she ..."); a lone object ("Roe told Doe that he ...") does not."""
        genders = self.words.pronoun_genders
        persons = [(m, r) for r in self.records if r.type == "person" for m in r.mentions if not m.modifier]
        votes: Dict[int, Dict[str, int]] = {}
        for token in self.doc:
            gender = genders.get(token.lower_)
            if gender is None or token.pos_ != "PRON":
                continue
            sentence = self.sentence_of[token.i]
            near = {(r.id, m.subject) for m, r in persons if m.start < token.i and sentence - 1 <= m.sentence <= sentence}
            if len(near) == 1 and next(iter(near))[1]:
                counts = votes.setdefault(near.pop()[0], {})
                counts[gender] = counts.get(gender, 0) + 1
        for record in self.records:
            if record.gender is None and record.id in votes:
                counts = votes[record.id]
                best = max(counts, key=counts.get)
                if counts[best] > sum(counts.values()) - counts[best]:
                    record.gender = best

    # ------------------------------------------------------------------ look-ups
    def find_person(self, name: str) -> Optional[Record]:
        words = [w for w in name_words(name) if w not in SUFFIXES and w not in self.words.honorifics and w not in self.words.title_abbreviations]
        if not words:
            return None
        return self.person_by_surname(words) or self.person_named_first(words)

    def person_by_name(self, name: str) -> Optional[Record]:
        """The person whose name this is in full or by surname ("De Blasio" typed an organisation by
        the tagger, for "Bill de Blasio"), with no other institution of that name."""
        words = name_words(name)
        if not words or self.find_institution(name) is not None:
            return None
        matches = [r for r in self.records if r.type == "person" and set(words) <= set(name_words(r.name)) and r.surname == words[-1]]
        return matches[0] if len(matches) == 1 else None

    def person_named_first(self, words: List[str]) -> Optional[Record]:
        """A known full name opening a longer capitalised run ("Elizabeth Warren Hammers Wells
        Fargo" in a headline): the run names that person. (A known name at the end of the run is
        a fuller name of its own: "Ramon" + "dela Cruz".)"""
        for record in sorted(self.records, key=lambda r: -len(r.mentions)):
            full = name_words(record.name)
            if record.type == "person" and len(full) >= 2 and len(words) > len(full) and words[:len(full)] == full:
                return record
        return None

    def person_by_surname(self, words: List[str]) -> Optional[Record]:
        surname = words[-1]
        candidates = [r for r in self.records if r.type == "person" and r.surname == surname and set(words) <= r.tokens | {w[:1] + "." for w in r.tokens}]
        if not candidates:
            candidates = [r for r in self.records if r.type == "person" and r.surname == surname]
            if len(words) > 1:
                candidates = [r for r in candidates if name_words(r.name)[0] == words[0]]
        return max(candidates, key=lambda r: len(r.mentions)) if candidates else None

    def find_institution(self, name: str) -> Optional[Record]:
        key = self.analyser.aliases.get(name, name).lower()
        key = re.sub(r"[’']s$", "", key).strip()
        for record in self.records:
            if record.type != "person" and (record.name.lower() == key or key in (a.lower() for a in record.aliases)):
                return record
        return None

    def salient_person(self, pronoun: Span, gender: Optional[str], last_speaker: Optional[Record]) -> Optional[Record]:
        """The person "he"/"she" most likely refers to (module docstring)."""
        sentence = self.sentence_of.get(pronoun.start, 0)
        scores: Dict[int, float] = {}
        for record in self.records:
            if record.type != "person" or gender and record.gender and record.gender != gender:
                continue
            best = None
            for mention in record.mentions:
                if mention.start >= pronoun.start or sentence - mention.sentence > SALIENCE_WINDOW:
                    continue
                if mention.start <= pronoun.start < mention.end:
                    continue
                score = -DISTANCE_COST * (sentence - mention.sentence)
                score += SUBJECT_BONUS if mention.subject else 0.0
                score -= MODIFIER_PENALTY if mention.modifier else 0.0
                score -= QUOTED_PENALTY if mention.quoted else 0.0
                score += 0.01 * mention.start / max(len(self.doc), 1)
                best = score if best is None else max(best, score)
            if best is None:
                continue
            if last_speaker is not None and record is last_speaker:
                best += SPEAKER_BONUS
            best += 0.1 * math.log1p(len(record.mentions))
            scores[record.id] = best
        if scores:
            return self.records[max(scores, key=scores.get)]
        if last_speaker is not None and last_speaker.type == "person" and not (gender and last_speaker.gender and last_speaker.gender != gender):
            return last_speaker
        people = [r for r in self.records if r.type == "person" and not (gender and r.gender and r.gender != gender)
                  and any(m.start < pronoun.start for m in r.mentions)]
        return max(people, key=lambda r: len(r.mentions)) if people else None

    def described_person(self, role: str, mention: Span) -> Optional[Record]:
        """"The senator", "the Democratic presidential nominee": the latest person before the
        description whose role ends in the same word (and whose party, if the description names
        one, agrees). Failing that, when the description names a party, the most mentioned
        person of that party with no other role: a report calls its protagonists by their
        function ("the Republican nominee") without having given it with their name."""
        head = role.split()[-1]
        party = self.stated_party(mention)
        best, best_position = None, -1
        ranks = set(role.split()) & self.words.role_modifiers
        for record in self.records:
            if record.type != "person" or not any(r.split()[-1] == head and ranks <= set(r.split()) for r in record.roles):
                continue
            if party and record.organisation is not None and record.organisation.text != party:
                continue
            earlier = [m.start for m in record.mentions if m.start < mention.start]
            position = max(earlier) if earlier else -1
            if earlier and position > best_position:
                best, best_position = record, position
        if best is not None or party is None:
            return best
        members = [
            r for r in self.records
            if r.type == "person" and r.organisation is not None and r.organisation.text == party and not r.roles
            and any(m.start < mention.start for m in r.mentions)
        ]
        return max(members, key=lambda r: len(r.mentions)) if members else None

    def stated_party(self, mention: Span) -> Optional[str]:
        """The party a description names ("the Democratic nominee" -> Democratic Party)."""
        return next((self.words.party_names[t.lower_] for t in mention if t.lower_ in self.words.party_names), None)

    def describe(self, record: Record, role: str, mention: Span) -> None:
        """What a description resolved to a person adds to it: the role (party words out) and the
        party as organisation, when the person has none yet."""
        if role not in record.roles:
            record.roles.append(role)
        party = self.stated_party(mention)
        if party and record.organisation is None:
            record.organisations.append(TextSpan(party, mention.start_char, mention.end_char))
        self.add_mention(record, mention)

    def _roles_from_descriptions(self) -> None:
        """Definite role descriptions anywhere in the report ("the Republican presidential
        nominee's plan", "the attorney general herself") give the person they describe that role,
        so that every mention of the person, pronouns included, carries it."""
        for token in self.doc:
            phrase = self.role_description(token)
            if phrase is None:
                continue
            role = self.description_role(phrase)
            record = self.described_person(role, phrase) if role else None
            if record is not None:
                self.describe(record, role, phrase)

    def description_role(self, phrase: Span) -> Optional[str]:
        """The role a description states: its words after the article, without party words,
        possessors and named places or groups ("the Republican presidential nominee" ->
        "presidential nominee")."""
        tokens = [
            t for t in phrase
            if (t.dep_ not in ("det", "poss", "case", "punct") or t.i == phrase.root.i) and t.lower_ not in self.words.party_names
            and t.ent_type_ not in ("GPE", "NORP", "ORG") and not t.like_num
        ]
        return self.role_phrase(contiguous_run(tokens)) if tokens else None

    def role_description(self, token: Token) -> Optional[Span]:
        """The phrase of a definite description headed by a role noun ("the Democratic nominee"),
        or None: a role with a name of its own ("the senator, Jane Roe", "Senator Roe") or in
        apposition to one ("Roe, the senator") is read with that name."""
        words = self.words
        if token.pos_ != "NOUN" or token.lemma_.lower() not in words.roles or token.dep_ in ("compound", "appos"):
            return None
        if not any(c.dep_ == "det" and c.lower_ in words.definite_determiners for c in token.children):
            return None
        if any(t.ent_type_ == "PERSON" for t in token.subtree) or token.head.ent_type_ == "PERSON":
            return None
        start = min(c.i for c in token.children if c.dep_ == "det")
        return self.doc[start:token.i + 1]

    def described_institution(self, mention: Span) -> Optional[Record]:
        """"The agency", "the union", "police": a short definite (or bare plural) description with no
        name of its own is the latest organisation or government named before whose name holds
        that word ("the commission" -> "Commission on Elections"). No guess beyond the name: the
        latest institution of any name is as often a country or a company as the one meant."""
        words = self.words
        head = mention.root.lemma_.lower()
        if len(mention) > 3 or any(t.pos_ == "PROPN" or t.ent_type_ for t in mention):
            return None
        if mention[0].lower_ not in words.definite_determiners and not (len(mention) == 1 and mention.root.tag_ == "NNS"):
            return None
        if head not in words.government and head not in words.organisations:
            return None
        best: Optional[Record] = None
        best_start = -1
        for record in self.records:
            if record.type not in ("organisation", "government") or head not in name_words(record.name):
                continue
            earlier = [m.start for m in record.mentions if m.end <= mention.start]
            if earlier and max(earlier) > best_start:
                best, best_start = record, max(earlier)
        return best

    def new(self, name: str, kind: str) -> Record:
        record = Record(id=len(self.records), name=name, type=kind, tokens=set(name_words(name)) if kind == "person" else set())
        self.records.append(record)
        return record

    def entities(self) -> List[Entity]:
        return [record.to_entity(self.doc) for record in self.records]
