"""The document entity registry: every person, organisation and government a report mentions.

A report introduces people once in full, with their function ("Republican presidential nominee
Donald Trump", "Rep. John Mica (R-Fla.)", "Minyon Moore, a senior adviser to the Clinton
campaign") and then calls them "Trump", "Mr. Mica", "he". The registry reads the whole document
once, before any speaker is resolved, so that every later mention (and every pronoun) can carry
the canonical name, role and organisation the article establishes anywhere:

- **persons** come from the base NER's ``PERSON`` entities, completed by the unlabelled first
  names the report writes before a surname the NER labels alone ("Jockey Niall Byrne"). Titles and honorifics go out of the
  name into the role ("Sen." -> "senator", lexicon ``title_abbreviations``); a party adjective or
  a "(R-Fla.)" parenthetical becomes the organisation (lexicon ``party_names``, ``party_codes``);
  a possessive person before a campaign role gives "<Surname> campaign". Mentions with the same
  surname and compatible first names are one entity, named by its fullest form ("Obama" ->
  "Barack Obama"). Gender comes from honorifics ("Mr.", "Ms.", lexicon ``honorific_genders``),
  a given name (``given_name_genders``) and the pronouns that follow a lone person mention
  outside quotations (``pronoun_genders``); it is what makes "she" skip a man.
- **organisations and governments** come from ``ORG`` and ``GPE`` entities, from names the
  report introduces with an organisation noun ("club Dunmarra Rovers") and from speakers;
  an acronym introduced in brackets is an alias of its full name, a possessive form ("Roe's")
  is the same entity, and descriptions that resolve to an entity ("the network") are recorded as
  its aliases. A description no name holds the noun of ("the company") is the organisation the
  report is about (:meth:`Registry.salient_organisation`).

- **roles from descriptions**: every definite role description in the report ("the Republican
  presidential nominee's plan") is resolved to its person (same role head, else the party's most
  mentioned person) and gives that person the role and party, so that all its mentions carry them.

:meth:`Registry.salient_person` resolves "he"/"she" by salience: the persons mentioned in the
pronoun's sentence and the previous ones, preferring subjects over objects, the speaker of the
previous claim ("said" chains and quotes), recency, mentions outside quotations, and agreeing
in gender; an object pronoun never takes the subject of its own clause. The tag of a quotation
("“...,” he said") counts its distance from where the quotation opens, favours the person just
introduced with their function, and never takes a person the quotation itself names.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Collection, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.attrs import ENT_IOB, LOWER, ORTH, POS, SENT_START
from spacy.tokens import Doc, Span, Token

from claimattr.linker.names import MentionAnalyser, after_honorific, age_word, attached_prefix, based_part, contiguous_run, located_word, hyphenated_end, hyphenated_lemma, led_by, member_noun, misattached_apposition, mistagged_given_name, role_word, title_as_given_name, name_run, past_describing_word, research_body, past_tag_verb, title_word, whose_antecedent, without_appositions
from claimattr.quotes import DEFAULT_QUOTE_PAIRS, find_quote_regions
from claimattr.schema import Entity, TextSpan
from claimattr.segmenter.segmenter_component import FURNITURE_SPANS

ORGANISING_WORDS = ("organising", "organizing")
"""Participles that make a body the one that runs an event ("the organising committee")."""
NAME_CONNECTORS = frozenset({"&", "and", "of", "for", "the", "de", "du", "la", "von", "van", "der"})
"""Lower-case words a proper organisation name may hold between its capitalised ones."""
WORDS_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][\w&'’.-]*\s+){1,3}$")
WORDS_AFTER = re.compile(r"(?:\s+[A-Z][\w&'’.-]*){1,3}(?![\w-])")
"""One to three capitalised words right before or after a short name: a fuller form of it."""
FULLER_FORM_REACH = 80
"""Characters either side of a short name that its fuller written forms (three capitalised words
at most) may take."""
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
INTRODUCTION_BONUS = 1.5
"""Salience of a person's first mention, made with their function ("concerns Henry Crespo,
president of the caucus."), for the tag of the quotation that follows it: reports introduce a
speaker and then quote them."""
DISTANCE_COST = 1.0
"""Salience lost per sentence between the mention and the pronoun."""
STUDY_AUTHORS = ("author",)
"""Role nouns of the research groups (lexicon ``research_groups``) that only a study's own
researchers hold: a "lead author" wrote it, while a "researcher" given with no body may be one
commenting from outside ("a researcher who was not involved in the study")."""
GENERAL_RESEARCH_WORDS = ("researcher", "scientist", "author", "team")
"""Research words (lexicon ``research_groups``) that fit any discipline: a headline's "researchers"
may be the body's "astronomers at X", its "physicists" only physicists."""
RESEARCH_DOCUMENTS = ("study", "paper")
"""Documents whose authors are the report's researchers ("the study's authors"); a report's may be
a company's or a consultancy's ("the report's authors")."""
ORGANISATION_DISTANCE_COST = 0.2
"""Salience an organisation loses per sentence before a description of it ("the company"): a
report's protagonist company or club is named once and then described for paragraphs."""
DESCRIPTOR_BONUS = 2.0
"""Salience gained, for a description ("the company"), by an organisation the report introduced
with that noun ("energy company Nordvind Energi", "Audit Scotland, the spending watchdog")."""
OTHER_HEAD_PENALTY = 3.0
"""Salience lost, for a description, by an organisation whose name holds another organisation
noun than the description's ("the company" and the "Fair Trade Commission")."""
LEAD_WINDOW = 2
"""Sentences after a headline or lead description ("A former party chairman says ...") in which
the person the body names first is the one it described."""
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""Generational suffixes: part of the name, never a surname."""
SUBJECTS = ("nsubj", "nsubjpass")
AGENT_SUFFIXES = ("er", "or")
"""Endings of agent nouns ("broadcaster", "operator"), which may name a person as well as a body."""
AGE_DESCRIPTION = re.compile(r"\d+\s*-\s*year\s*-\s*old")
MAX_AGE_GAP = 8
"""Tokens before a name within which "the 27-year-old striker" gives that person's age."""
"""A person described by age alone ("the 34-year-old")."""
NATION_ONLY_ENDINGS = ("s", "sh", "ch", "ese")
"""Endings of nationality words that name no single person ("the British", "the Irish", "the
Dutch", "the Swiss", "the Chinese") or are plurals ("the Hungarians")."""
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
    former_roles: List[str] = field(default_factory=list)
    """Roles the person no longer holds ("former governor"): spoken in only where the report
    gives no current one ("the former secretary of state and current nominee" is the nominee)."""
    verb_roles: Set[str] = field(default_factory=set)
    """Roles read off a verb of a clause on the name ("who founded the company" -> founder),
    which a role the report names by a noun outranks (:meth:`Registry.add_role`)."""
    organisations: List[TextSpan] = field(default_factory=list)
    descriptors: Set[str] = field(default_factory=set)
    """Organisation nouns the report describes the body with ("company" in "energy company
    Nordvind Energi"): what a later "the company" can stand for."""
    descriptor_words: Set[str] = field(default_factory=set)
    """Those nouns and the nouns compounded on them ("energy", "company"): what a later
    description's own nouns must be among, with its name's words ("the energy company")."""
    gender: Optional[str] = None
    personal: bool = False
    """Named in a relation to a person ("her coach, Gábor Hegedűs"): the role is held in no body
    the report is about, so none is inferred for the entity's later mentions either."""
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
        roles = self.roles or self.former_roles
        if not roles:
            return None
        first = roles[0].split()
        fuller = [r for r in roles if r.split()[-1] == first[-1] and set(first) <= set(r.split())]
        return max(fuller, key=lambda r: len(r.split()))

    @property
    def short_name(self) -> str:
        """The shortest form of the name the report also uses, cut at its end ("Veldhoven" for
        "Veldhoven Group"): a noun the report drops from a name is part of it, not the kind of
        body it is."""
        words = name_words(self.name)
        return min((a for a in self.aliases if a[:1].isupper() and words[:len(name_words(a))] == name_words(a)), key=len, default=self.name)

    @property
    def every_role(self) -> List[str]:
        return self.roles + self.former_roles

    @property
    def organisation(self) -> Optional[TextSpan]:
        return self.organisations[0] if self.organisations else None

    def alias(self, text: str) -> None:
        text = " ".join(text.split())
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)

    def to_entity(self, doc: Doc) -> Entity:
        return Entity(
            id=self.id, name=self.name, type=self.type, aliases=list(self.aliases), roles=self.every_role,
            organisation=self.organisation.text if self.organisation else None, gender=self.gender,
            mentions=[TextSpan.from_span(doc[m.start:m.end]) for m in self.mentions], claims=list(self.claims),
        )


def without_descriptive_modifiers(mention: Span) -> List[Token]:
    """The words of a description without the adjectives that only describe its noun ("The
    Halifax-based company", "the family-controlled firm" -> "The company", "the firm"): where it
    is based, who owns it, what it is like. A place in "X-based" is no name of the body; a
    nationality adjective is ("The Qatari foreign ministry" is no ministry named before it for
    another country)."""
    root = mention.root
    described = set()
    for child in root.lefts:
        if child.dep_ == "amod" and child.i >= mention.start and child.ent_type_ != "NORP":
            described |= {t.i for t in child.subtree}
    return [t for t in mention if t.i not in described]


def nickname_span(name: Span) -> Optional[Span]:
    """The quoted nickname in a person name, quotation marks included ("Bobby" in Robert C.
    "Bobby" Scott), or None."""
    quotes = [t.i for t in name if t.tag_ in ("``", "''")]
    return name.doc[quotes[0]:quotes[1] + 1] if len(quotes) >= 2 else None


def sentence_initial_description(token: Token) -> bool:
    """Whether a capitalised word is a common noun capitalised only for opening its sentence
    ("*Password* manager KeyHarbor said", after a dateline, where the tagger often reads it as a
    proper noun): the word after it is lower case."""
    return token.is_sent_start and token.i + 1 < len(token.doc) and token.nbor(1).text.islower() and token.text[1:].islower()


def owned_role(role: Token) -> bool:
    """Whether a role is owned by a possessor ("the study's lead author", "the club's captain"):
    the function the report gives the person in its story, which outranks a bare title or
    profession also given ("ecologist Jo Marr, the study's senior author" -> senior author)."""
    return any(c.dep_ == "poss" for c in role.children)


def reported_subject_index(subject: Token) -> int:
    """The index of the subject of the clause a subject's verb reports before it ("X will close
    ..., its director said" -> X), -1 when its verb reports no clause before it."""
    verb = subject.head
    if subject.dep_ not in SUBJECTS or verb.i < subject.i:
        return -1
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < subject.i), None)
    found = next((c for c in clause.children if c.dep_ in SUBJECTS), None) if clause is not None else None
    return found.i if found is not None else -1


def sentence_numbers(doc: Doc) -> Dict[int, int]:
    """The number of the sentence each token is in, from the sentence starts as one array (a walk
    over ``doc.sents`` builds a Python object per token)."""
    if not len(doc):
        return {}
    starts = doc.to_array([SENT_START]) == 1
    starts[0] = True
    return dict(enumerate((numpy.cumsum(starts) - 1).tolist()))


def role_noun(role: str) -> str:
    """The noun a role is: its last word's last hyphenated part ("co-founder" -> founder)."""
    return role.split()[-1].split("-")[-1]


def branch_name(name: str) -> bool:
    """Whether a name is a body's branch in a place, an acronym and the place ("BBC Wales",
    "Oxfam GB"): its last word is the place, no short name of the body."""
    first = name.split()[0]
    return len(name.split()) == 2 and len(first) > 1 and first.isupper()


def same_body(full: List[str], named: List[str]) -> bool:
    """Whether two names (their :func:`name_words`) are one body's: equal but for an article, or
    the second a one-word short name opening or closing the first ("Harwick" of Harwick Town)."""
    full, named = [w for w in full if w != "the"], [w for w in named if w != "the"]
    return full == named or len(named) == 1 and len(full) > 1 and named[0] in (full[0], full[-1])


def name_words(text: str) -> List[str]:
    return [w for w in re.split(r"[\s]+", text.lower().replace("’", "'")) if w and w not in ("'s", "'")]


def kind_nouns(head: Token) -> Tuple[FrozenSet[str], ...]:
    """The lower-case nouns compounded on a body's noun ("weather" in "the national weather
    service"), which say what kind of body it is, each as lemma and as written ("roads")."""
    return tuple(
        frozenset((c.lemma_.lower(), c.lower_)) for c in head.children
        if c.dep_ == "compound" and c.i < head.i and (c.pos_ == "NOUN" and c.is_lower or c.is_sent_start and c.pos_ in ("NOUN", "PROPN"))
    )


def proper_name(text: str, particles: Collection[str] = ()) -> bool:
    """Whether every word of a name is capitalised, a connector or one of ``particles`` ("Clyde &
    Forth Energy", "Bank of Aveiro", "Tierra y Trabajo"), not a phrase the NER ran on into
    ("Tamar & Exe Water 4.2 million pounds")."""
    return all(w[:1].isupper() or w in NAME_CONNECTORS or w in particles for w in text.split())


class Registry:
    """The entities of one document, built from its NER entities before speakers are resolved."""

    def __init__(self, doc: Doc, analyser: MentionAnalyser) -> None:
        self.doc = doc
        self.analyser = analyser
        self.words = analyser.words
        self.records: List[Record] = []
        self.sentence_of: Dict[int, int] = {}
        self.text = analyser.text
        self.ents: List[Span] = analyser.ents
        self.org_ents: List[Span] = [e for e in self.ents if e.label_ == "ORG"]
        self.in_long_org: Set[int] = {t.i for e in self.org_ents if len(e) > 1 for t in e}
        self.person_token_ids: List[int] = sorted(i for e in self.ents if e.label_ == "PERSON" for i in range(e.start, e.end))
        self.portfolios: Set[int] = {
            t.i for e in self.org_ents
            if all(t.lower_ in self.words.role_modifiers for t in e) or e.text.lower() in self.words.chamber_names for t in e
        }
        self.quotes = find_quote_regions(self.text, DEFAULT_QUOTE_PAIRS)
        self.headline_tokens: Set[int] = analyser.headline_tokens
        self.dateline_tokens: Set[int] = {
            t.i for span in doc.spans.get(FURNITURE_SPANS, []) if span.label_ == "DATELINE" for t in span
        }
        """"OSLO, Sept 30 (Nordwire) -": the place and agency a wire report is filed from and by,
        which the NER often labels organisations; never a speaker, nor what "the operator" means."""
        self.described: List[Span] = self.described_names()
        introduced = {e.text for e in self.ents if e.label_ == "PERSON" and self.introduced_as_body(e)}
        described = {span.text for span in self.described}  # "Swiss watchmaker Ferrand": no place anywhere in the report
        introduced |= described
        introduced |= {e.text for e in self.ents if e.label_ == "PERSON" and len(e) == 1 and any(
            name.split()[0] == e.text and " " in name for name in introduced)}  # "Nordvind" for "Nordvind Energi"
        self.bodies: List[Span] = [e for e in self.ents if e.label_ == "PERSON" and e.text in introduced or e.label_ == "GPE" and e.text in described]
        self.collective_owners: List[Tuple[Record, Token]] = []
        """Persons in apposition to a role owned by "their" ("Their manager, Colin Roe"), read once
        the organisations are known (:meth:`subject_body`)."""
        self.body_ids: Set[int] = set()
        self.outgrown_names: Dict[int, Set[str]] = {}
        self.fuller_forms: Dict[str, Dict[str, int]] = {}  # :meth:`written_fuller_forms`, by short name
        """The common-noun names bodies had before a fuller description renamed them
        (:meth:`rename_description`), by record id."""
        """Organisations the base NER took for persons (:meth:`introduced_as_body`), wherever the
        report names them so (a headline drops the "club" that introduces the name below)."""
        self.sentence_of = sentence_numbers(doc)
        self._collect_persons()
        self._collect_institutions()
        self._collect_described_bodies()
        self._fuller_institution_names()
        self._merge_short_names()
        for record, pronoun in self.collective_owners:
            body = self.subject_body(pronoun) if record.organisation is None else None
            record.organisations += [body] if body is not None else []
        self._collect_role_bodies()
        self._merge_short_names()  # again: a role may name a body in full (:meth:`fuller_name_in_role`)
        for record in self.records:
            self.given_name_gender(record)
        self._genders_from_pronouns()
        self._roles_from_descriptions()

    # ------------------------------------------------------------------ building
    def _collect_persons(self) -> None:
        ents = [e for e in self.ents if e.start not in self.dateline_tokens]  # "LUCERNE, Switzerland, May 12 (Wire) -": a place
        persons = [ent for ent in ents if ent.label_ == "PERSON" and ent not in self.bodies or self.apposed_to_role(ent)
                   or self.relative_person(ent)]
        persons += self.unlabelled_given_names()
        surnames = set()
        found: List[Tuple[Span, Span]] = []
        for ent in persons:
            name = self.person_run(ent)
            if name is None:
                continue
            found.append((ent, name))
            words = [w for w in name_words(self.name_text(name)) if w not in SUFFIXES]
            if words:
                surnames.add(words[-1])
        # surnames the NER typed otherwise ("De Blasio" as ORG) once the person is known
        for ent in ents:
            if ent.label_ in ("ORG", "GPE", "NORP") and all(t.text[:1].isupper() for t in ent) and ent not in persons:
                name = self.person_run(ent)
                if name is not None and name_words(name.text) and name_words(name.text)[-1] in surnames and len(name) <= 2:
                    if not any(w in self.words.organisations or w in self.words.government for w in name_words(name.text)):
                        found.append((ent, name))
        found += self.unlabelled_full_names(found)
        found = [(ent, name) for ent, name in (self.headline_name(e, n, surnames) for e, n in found) if name is not None]
        found = [(ent, name) for ent, name in found if not self.heading(name) and not self.analyser.modifies_role(name)]
        found.sort(key=lambda pair: (pair[1].start in self.headline_tokens, pair[1].start))
        full = [(ent, name) for ent, name in found if len(name_words(self.name_text(name))) >= 2]
        for ent, name in full + [(e, n) for e, n in found if len(name_words(self.name_text(n))) < 2]:
            record = self.person_record(name)
            self._add_person_mention(record, ent, name)

    def unlabelled_given_names(self) -> List[Span]:
        """"SAINT-ÉTIENNE, France - Josiane Ferrand has rented ...": two or three capitalised
        proper nouns the NER left unlabelled, opening with a given name that tells a gender
        (lexicon ``given_name_genders``: a name both sexes hold is as often a place or a company's
        first word) and ending on the noun a clause takes as subject, object or apposition, are a
        person's name. Not in a headline, not after a title or an organisation noun ("the charity
        Warm Homes"), and not where a word of the run names a body."""
        doc, words = self.doc, self.words
        values = doc.to_array([POS, ENT_IOB])
        inside = (values[:, 1] == 1) | (values[:, 1] == 3)  # ENT_IOB: 1 inside an entity, 3 opening one
        unlabelled = (values[:, 0] == doc.vocab.strings["PROPN"]) & ~inside
        found: List[Span] = []
        for i in numpy.flatnonzero(unlabelled):
            last = doc[int(i)]
            if last.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") or not last.is_title or last.i in self.headline_tokens:
                continue
            start = last.i
            while start > 0 and unlabelled[start - 1] and doc[start - 1].is_title and doc[start - 1].whitespace_ == " ":
                start -= 1  # by adjacency: after a dateline the parser may make the given name a root
            run = doc[start:last.i + 1]
            if not 2 <= len(run) <= 3 or not words.given_name_genders.get(run[0].lower_) or self.title(run[0]):
                continue
            if start > 0 and (self.title(doc[start - 1]) or doc[start - 1].lemma_.lower() in words.bodies):
                continue
            if any(t.lower_ in words.bodies or t.lower_ in words.organisation_name_words or t.lower_ in words.place_nouns for t in run):
                continue
            if self.analyser.apposed_to_body_noun(last):
                continue  # "Rita Ora Music, the label, said": a company named after its founder
            found.append(run)
        return found

    def unlabelled_full_names(self, found: List[Tuple[Span, Span]]) -> List[Tuple[Span, Span]]:
        """"Jockey Niall Byrne has been banned ... Byrne said": the base NER labels the surname
        a person but misses the full name where the report introduces it; the capitalised proper
        nouns right before an occurrence of a surname known alone, all unlabelled (no entity,
        title, person or place: :meth:`name_part_before`), are its first names, so the person is
        named in full."""
        alone = {name.text for _, name in found if len(name) == 1 and name[0].is_alpha}
        known = {w for _, name in found if len(name) > 1 for w in name_words(self.name_text(name))}
        labelled = set(self.person_token_ids)
        runs: List[Tuple[Span, Span]] = []
        for token in self.tokens_in(ORTH, alone - {w.title() for w in known}):
            if token.ent_type_ or token.i in labelled or token.i in self.headline_tokens:
                continue
            start = token.i
            while start > 0 and self.name_part_before(self.doc[start - 1], token) and not self.doc[start - 1].ent_type_:
                start -= 1
            if start < token.i and all(t.text not in alone for t in self.doc[start:token.i]):
                span = self.doc[start:token.i + 1]
                runs.append((span, span))
                alone.discard(token.text)
        return runs

    def heading(self, name: Span) -> bool:
        """"Gender Equality." on a line of its own: a section heading the NER took for a person's
        name. A line holding nothing but a capitalised run whose first word is no given name
        (lexicon ``given_name_genders``) names a section, not a person (a byline has its "By")."""
        doc = self.doc
        if name.start > 0 and "\n" not in doc[name.start - 1].text and not doc[name.start - 1].is_space:
            return False
        end = name.end
        while end < len(doc) and doc[end].is_punct and "\n" not in doc[end].text:
            end += 1
        alone = end >= len(doc) or "\n" in doc[end].text or "\n" in doc[end - 1].whitespace_ or doc[end].is_space
        return alone and len(name) > 1 and name[0].lower_ not in self.words.given_name_genders

    def apposed_to_role(self, ent: Span) -> bool:
        """"the commission's chairwoman, Aoife Cullinane", "former Northbridge boss Sean Doherty":
        a short capitalised name in apposition to a role noun names a person, whatever the base
        NER says (it types many an unfamiliar name an organisation)."""
        if ent.label_ not in ("ORG", "GPE") or not 2 <= len(ent) <= 3 or not all(t.text[:1].isupper() for t in ent):
            return False
        words = self.words
        roles = [t for t in self.apposed(ent.root) if role_word(t, words)]
        roles += [t for word in self.alone_elsewhere(ent) for t in self.apposed(word) if self.person_apposition(t)]
        return any(t.lemma_.lower() not in words.organisations for t in roles) and not any(
            t.lemma_.lower() in words.organisations or t.lemma_.lower() in words.government
            or t.lower_ in words.organisation_name_words and not self.given_name_first(ent) for t in ent
        )

    def relative_person(self, ent: Span) -> bool:
        """"Aleksandra Wróblewska, who runs the consultancy", "Conor Tierney said ... Tierney, who
        has run the airline since 2019": a name of two or three capitalised words the base NER
        typed an organisation or place, opening with a given name that tells a gender (lexicon
        ``given_name_genders``), with (or whose last word used alone has) a relative clause only
        a person takes (lexicon ``personal_relative_pronouns``) whose verb is not plural, names a
        person. Teams, clubs and countries take "who" too ("Mercedes, who has struggled",
        "Brazil, who has won five World Cups", "Norrvik, who are 13th"), hence the given name."""
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC") or not 2 <= len(ent) <= 3:
            return False
        if not all(t.text[:1].isupper() and t.is_alpha for t in ent) or ent in self.bodies:
            return False
        words = self.words
        if not words.given_name_genders.get(ent[0].lower_) or any(
                t.lemma_.lower() in words.bodies or t.lower_ in words.organisation_name_words for t in ent):
            return False
        heads = [ent.root] + self.alone_elsewhere(ent)
        for clause in (c for head in heads for c in head.children if c.dep_ == "relcl"):
            verbs = [clause] + [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
            if any(c.lower_ in words.personal_relative_pronouns for c in clause.children) and not any(
                    v.tag_ == "VBP" or v.lower_ == "were" for v in verbs):
                return True
        return False

    def person_apposition(self, token: Token) -> bool:
        """"a retired electrician": an indefinite singular noun that is a role of the lexicon or
        ends like a word for what people do (lexicon ``occupation_endings``)."""
        words = self.words
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        return indefinite and token.tag_ == "NN" and (role_word(token, words) or (
            token.lower_.endswith(words.occupation_endings) and token.lower_ not in words.person_descriptions))

    def alone_elsewhere(self, ent: Span) -> List[Token]:
        """The last word of a name of several where the report uses it alone, outside any entity
        ("Koen Desmet unlocks ... Desmet, a retired electrician, opened ...")."""
        if len(ent) < 2:
            return []
        return [t for t in self.tokens_in(ORTH, [ent[-1].text]) if not t.ent_type_ and t.i not in self.headline_tokens]

    @staticmethod
    def apposed(token: Token) -> List[Token]:
        """The words in apposition with ``token``: its head if it is one, and its own appositions."""
        return ([token.head] if token.dep_ == "appos" else []) + [c for c in token.children if c.dep_ == "appos"]

    def introduced_as_body(self, ent: Span) -> bool:
        """"Portuguese club Atlético Lisboa", "insurer Kestrel Life", "Halvorsen Media": a name the
        report introduces with a bare organisation noun right before it, or that ends in a word
        only company or club names end in (lexicon ``organisation_name_words``,
        ``club_name_words``: "Harlow Rangers"; not after a given name:
        :meth:`given_name_first`), is an organisation,
        whatever the base NER says. After an article only a noun no person is called by
        (:meth:`names_only_bodies`): "the charity Warm Homes" is one, "the broadcaster Alan
        MacLeod" as often a person."""
        if ent[-1].lower_ in self.words.organisation_name_words | self.words.club_name_words and len(ent) > 1 and not (
                ent.label_ == "PERSON" and self.given_name_first(ent)) or self.mostly_organisation(ent) or self.club_affixed(ent):
            return True
        if self.analyser.apposed_to_body_noun(ent.root):
            return True  # "Warm Homes Scotland, a fuel poverty charity"
        if len(ent) == 1 and ent.text in self.organisation_evidence and ent.text not in self.full_name_surnames:
            return True
        if ent.start < 2:
            return False
        before = self.doc[ent.start - 1]
        return (
            before.pos_ == "NOUN" and before.text.islower() and before.lemma_ in self.words.organisations
            and (self.doc[ent.start - 2].lower_ not in self.words.determiners or self.names_only_bodies(before, ent))
        )

    def club_affixed(self, ent: Span) -> bool:
        """"VC Hanzestad", "BK Daugava", "Kallhamn IF": a name of two or three words opening or
        closing on a club's abbreviation written in capitals (lexicon ``club_affixes``: FC, IFK,
        SV, VfB ...: :meth:`club_abbreviation`) is a sports club's, though the NER takes many for
        persons."""
        if not 2 <= len(ent) <= 3:
            return False
        return any(self.club_abbreviation(t.text) for t in (ent[0], ent[-1]))

    def given_name_first(self, ent: Span) -> bool:
        """Whether a name opens with a known given name (lexicon ``given_name_genders``): "Frank
        Hotels, the owner of the cafe" is a person whose surname happens to be a company word,
        "Corran Hotels" a company."""
        return ent[0].lower_ in self.words.given_name_genders

    def names_only_bodies(self, noun: Token, ent: Span) -> bool:
        """"The charity Warm Homes", "the union Unite": an organisation noun that is no agent noun
        (an "-er"/"-or" word: "the broadcaster", "the developer" may be a person) before a name
        whose first word is no known given name names a body, article or not."""
        return not noun.lower_.endswith(AGENT_SUFFIXES) and ent[0].lower_ not in self.words.given_name_genders

    def mostly_organisation(self, ent: Span) -> bool:
        """"Pixelfjord plans ... Pixelfjord denied": a one-word name the base NER labels an
        organisation at most of its mentions is one where it once labels it a person. Not a
        longer name, nor the surname of a full name: the NER often labels a person's names ORG
        ("Ava DuVernay", "Scott" for "Bobby Scott")."""
        return len(ent) == 1 and ent.text not in self.full_name_surnames and self.analyser.labels.get(ent.text) == "ORG"

    @cached_property
    def organisation_evidence(self) -> Set[str]:
        """One-word names the report shows to be organisations, which the base NER often takes
        for persons or misses ("Symptia", "Pennyworth"): a name in apposition to an organisation
        noun ("Symptia, a Norwegian start-up"), the possessor of an organisation role
        ("Symptia's chief executive", lexicon ``organisation_roles``) or what shares are in
        ("shares in Lumen"). Words that end a person's full name are never taken."""
        words = self.words
        found: Set[str] = set()
        for token in self.doc:
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in ("GPE", "NORP"):
                continue
            if any(c.dep_ in ("compound", "flat") for c in token.children) or token.dep_ in ("compound", "flat"):
                continue  # one-word names only
            apposed = any(
                c.dep_ == "appos" and hyphenated_lemma(c) in words.organisations for c in token.children
            )
            role = token.dep_ == "poss" and token.head.lemma_.lower() in words.organisation_roles
            shares = (token.dep_ == "pobj" and token.head.lower_ in ("in", "of")
                      and token.head.head.lemma_.lower() in ("share", "stock"))
            if apposed or role or shares:
                found.add(token.text)
        return found - self.full_name_surnames

    @cached_property
    def full_name_surnames(self) -> Set[str]:
        """The last words of the person entities of two words or more, once per document; also of
        a two-word name the NER typed an organisation or place that starts with a given name
        (lexicon ``given_name_genders``) where the report uses its last word alone as a person's
        ("England's *Sophie Marsh*" labelled ORG, then "*Marsh* said she ..." labelled PERSON)."""
        alone = {e.text for e in self.ents if e.label_ == "PERSON" and len(e) == 1}
        return {e[-1].text for e in self.ents if len(e) > 1 and (e.label_ == "PERSON" or (
            e.label_ in ("ORG", "GPE") and len(e) == 2 and e[0].lower_ in self.words.given_name_genders and e[-1].text in alone))}

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
        """The name in a PERSON entity: titles, honorifics and party words out, possessive off;
        with the first names the NER cut off before it (:meth:`cut_first_names`)."""
        words = self.words
        start, end = past_tag_verb(self.doc, self.cut_first_names(ent), ent.end), ent.end
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct and self.doc[end - 1].text != "."):
            end -= 1
        while start < end and (
            self.title(self.doc[start]) and not title_as_given_name(self.doc[start:end], words.given_name_genders)
            or self.doc[start].lower_ in words.party_names or self.doc[start].is_punct or self.doc[start].lower_ in words.determiners
        ):
            start += 1
        titles = [t.i for t in self.doc[start:end - 1] if self.title(t) and not t.text[:1].isupper() or t.lower_ in words.title_abbreviations]
        start = max([start] + [i + 1 for i in titles])
        start = past_describing_word(self.doc, start, end, self.words.given_name_genders, self.words.nationality_nouns)
        if start >= end:
            return None
        span = self.doc[start:self.past_nickname(start, end)]
        if not any(t.text[:1].isupper() for t in span):
            return None
        return span

    def cut_first_names(self, ent: Span) -> int:
        """The start of a person's name whose first names the NER left out of the entity
        ("*Petter* Dahl, a technology analyst": only "Dahl" labelled): capitalised proper nouns the
        parser compounds onto the name, with no entity of their own, no title and not in the
        headline (:meth:`name_part_before`), or one given name the tagger read as another word
        ("Per Ekholm": :func:`names.mistagged_given_name`)."""
        start = ent.start
        while start > 0 and self.name_part_before(self.doc[start - 1], ent.root) and self.doc[start - 1].dep_ == "compound" and (
                ent.start <= self.doc[start - 1].head.i < ent.end) and not self.doc[start - 1].ent_type_:
            start -= 1
        if start == ent.start and start > 0 and mistagged_given_name(self.doc[start - 1]):
            start -= 1  # "chairman Per Ekholm": a given name the tagger read as a preposition
        return start

    def past_nickname(self, start: int, end: int) -> int:
        """The end of a name that goes on after a quoted nickname (Robert C. "Bobby" Scott): the
        NER cuts such names at the quotation marks, or reads the nickname as a title."""
        doc = self.doc
        for quote in range(start + 1, min(end + 1, len(doc) - 3)):
            nickname, closing, surname = doc[quote + 1], doc[quote + 2], doc[quote + 3]
            if doc[quote].tag_ == "``" and nickname.text[:1].isupper() and closing.tag_ == "''" and surname.text[:1].isupper() and surname.is_alpha:
                return max(end, quote + 4)
        return end

    @staticmethod
    def name_text(name: Span) -> str:
        """A person name as the guidelines write it: without a quoted nickname in it
        (Robert C. "Bobby" Scott -> Robert C. Scott)."""
        quoted = nickname_span(name)
        if quoted is None:
            return name.text
        return "".join(t.text_with_ws for t in name if not quoted.start <= t.i < quoted.end).strip()

    def title(self, token: Token) -> bool:
        lower = token.lower_
        words = self.words
        if lower not in words.honorifics and after_honorific(token, words.honorifics):
            return False
        return (
            lower in words.honorifics or lower in words.title_abbreviations
            or lower.rstrip(".") + "." in words.title_abbreviations and lower not in words.name_particles  # "del Toro"
            or role_word(token, words) or lower in words.role_modifiers
        )

    def person_record(self, name: Span) -> Record:
        """The entity a person name belongs to: same surname and compatible first names (a
        nickname the full name gave in quotes counts as one)."""
        text = self.name_text(name)
        quoted = nickname_span(name)
        nickname = {t.lower_ for t in quoted if t.is_alpha} if quoted is not None else set()  # "Bobby Scott" is he
        words = [w for w in name_words(text) if w not in SUFFIXES]
        surname, given = words[-1], words[:-1]
        candidates = [r for r in self.records if r.type == "person" and r.surname == surname]
        if not candidates and not given and self.after_honorific(name):
            # "Mr. Ban" after "Ban Ki-moon": an honorific goes with the family name, written first in some languages
            candidates = [r for r in [self.person_cut_short(words)] if r is not None]
        compatible = []
        for record in candidates:
            theirs = [w for w in name_words(record.name) if w not in SUFFIXES][:-1]
            if not given or not theirs or set(given) <= record.tokens or set(theirs) <= set(given) or theirs[0][:1] == given[0][:1] and (
                len(theirs[0].rstrip(".")) == 1 or len(given[0].rstrip(".")) == 1
            ):
                compatible.append(record)
        if compatible:
            record = self.latest_named(compatible, name.start) if not given else max(compatible, key=lambda r: len(r.mentions))
            if self.fuller_name(name, record):
                shorter, record.name = record.name, text
                record.alias(shorter)
            record.tokens |= set(name_words(text)) | nickname
            if text != record.name:
                record.alias(text)
            return record
        record = Record(id=len(self.records), name=text, type="person", tokens=set(name_words(text)) | nickname)
        self.records.append(record)
        return record

    @staticmethod
    def latest_named(records: List[Record], start: int) -> Record:
        """Of several people a bare surname fits ("Johnson" after "Gary Johnson" and, later, "Jeh
        Johnson"), the one named last before it: a report reintroduces a surname in full when it
        turns to another bearer, and its bare surname then means the new one."""
        return max(records, key=lambda r: max((m.start for m in r.mentions if m.start < start), default=-1))

    def after_honorific(self, name: Span) -> bool:
        """Whether an honorific ("Mr.", "Ms.") comes right before the name."""
        return name.start > 0 and self.doc[name.start - 1].lower_ in self.words.honorifics

    def fuller_name(self, name: Span, record: Record) -> bool:
        """Whether a name is a fuller form of the entity's name, to become its canonical name:
        more words, and the same first name, or the entity known by its surname only, or its
        name extended in front ("de Blasio" -> "Bill de Blasio") outside quotation marks (a
        quoted nickname, "Crooked Hillary Clinton", is not the person's name)."""
        theirs, ours = name_words(record.name), name_words(self.name_text(name))
        if len(ours) <= len(theirs):
            return False
        if theirs[0] == ours[0] or len(theirs) == 1:
            return True
        return ours[-len(theirs):] == theirs and not self.quoted(name.start_char, name.end_char)

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
        former = self.former_role(name)
        if former is not None:
            self.add_role(record, former)
        role, organisation = self.person_context(name, titled=former is None)
        if role:
            self.add_role(record, role)
        elif former is None and (role := self.analyser.clause_role(name.root)) is not None:
            self.add_role(record, role)  # "Luis Roe, who heads the Centre": only while no noun names a function
            record.verb_roles.add(role)
        if organisation is not None and all(o.text != organisation.text for o in record.organisations):
            record.organisations.append(organisation)
        head = self.analyser.apposed_role_noun(name.root)
        owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in self.words.collective_possessives] if head is not None else []
        if owners and organisation is None:
            self.collective_owners.append((record, owners[0]))

    def person_context(self, name: Span, titled: bool = True) -> Tuple[Optional[str], Optional[TextSpan]]:
        """Role and organisation the words around a person name give: titles before, appositions,
        "(R-Fla.)" after. Not ``titled``: the title before the name is a former role
        (:meth:`former_role`), which names no organisation, so only an apposition can give one
        with a current role ("Former minister Ana Roe, the party's chairwoman")."""
        doc, words = self.doc, self.words
        root = name.root
        role: Optional[str] = None
        organisation: Optional[TextSpan] = None
        left = root.left_edge.i
        prefix = list(doc[left - 2:left]) if attached_prefix(root.left_edge) else []  # "co-founder", however split and parsed
        before = prefix + [t for t in doc[left:name.start] if t.head.i >= name.start or t.head.i < name.start and t.head.i >= left]
        before = (before or self.detached_title(name)) if titled else []
        role_words: List[Token] = []
        for token in before:
            lower = token.lower_
            if token.dep_ == "poss" or token.dep_ == "case" or (token.head.dep_ == "poss" and token.head.i < name.start and token.i < token.head.i):
                continue
            if lower in words.party_names and not self._in_org_entity(token):
                if self.named_party_word(token):  # "Liberal Democrat" names its own party
                    organisation = organisation or TextSpan.from_span(doc[token.i - 1:token.i + 1])
                else:
                    organisation = organisation or TextSpan(words.party_names[lower], token.idx, token.idx + len(token))
                continue
            if located_word(token):
                continue  # "Dhaka-born engineer": where the person is from, whatever the NER calls it
            if (token.ent_type_ in ("ORG", "PERSON") and token.ent_iob_ != "O" or self.continues_entity(token)) and not self.portfolio(token) and not (
                token.ent_type_ == "PERSON" and token.lower_ in words.honorifics  # "cardiologist [Dr] Amara Nwosu": the NER's name holds the title
            ):
                if token.ent_type_ == "PERSON" and token.i + 1 < name.start and doc[token.i + 1].lower_ == "campaign":
                    organisation = organisation or TextSpan(f"{token.text} campaign", token.idx, doc[token.i + 1].idx + 8)
                elif token.i + 1 < name.start and doc[token.i + 1].ent_type_ != "PERSON" and self.campaign_owner(doc[token.i:token.i + 1], None):
                    organisation = organisation or TextSpan(token.text, token.idx, token.idx + len(token))  # "Clinton communication director": :meth:`body_for_person`
                role_words = []
                continue
            if lower == "campaign" and role_words == [] and organisation is not None and organisation.text.endswith("campaign") and (
                doc[token.i:name.start].text.lower() not in words.compound_roles
            ):
                continue
            if based_part(token) and (token.text != "-" or not role_words):
                role_words = []  # "Lisbon-based translator": where the person is based is no part of the role
                continue
            if lower in words.determiners or token.is_punct and token.text != "-" or token.ent_type_ in ("GPE", "NORP", "DATE", "CARDINAL") and (
                    not self.analyser.portfolio_word(token, token.head)):
                role_words = [] if token.ent_type_ in ("GPE",) and not role_words else role_words
                continue
            role_words.append(token)
        role_words = self._trailing_run(role_words)
        role_words, named = self.body_before_role(role_words)
        organisation = organisation or named
        # a title read off its ending ("Passenger Tom Reed, a teacher"): an apposition's role says more
        unlisted = bool(role_words) and not any(role_word(t, words) for t in role_words)
        if role_words:
            role = self.role_phrase(role_words)
        # a named organisation in front of the role ("IMF chief economist", "Virginia AFL-CIO President")
        left = root.left_edge.i
        orgs = [
            e for e in self.org_ents if left <= e.start and e.end <= name.start and not self.portfolio(e.root) and not located_word(e.root)
        ] if left < name.start and titled else []
        if orgs and (role or self.possessor_of(orgs[-1], name)):
            organisation = organisation or self.organisation_text(self.with_continuation(orgs[-1], name.start))
        possessors = [t for t in before if t.dep_ == "poss" and t.head.i < name.start or t.dep_ == "poss" and t.head.i == root.i]
        if possessors and role:
            organisation = organisation or self.possessor_organisation(possessors[0], role)
        match = PARTY_PAREN.match(self.text, name.end_char)
        if match and match.group(1) in words.party_codes:
            organisation = TextSpan(words.party_codes[match.group(1)], match.start(1), match.end())
        for child in [*root.children, *self.predicate_nouns(root)]:
            if child.dep_ in ("appos", "attr") and child.i > root.i and child.ent_type_ != "GPE":
                phrase = self.analyser.noun_phrase(child)
                if phrase is None:
                    continue
                token = self.analyser.role_token(phrase) or self.analyser.profession(phrase)
                if token is None:  # "Rep. Jo Roe, the top Democrat on the committee": the party still
                    organisation = organisation or self.phrase_party(phrase)
                    continue
                apposed = self.role_phrase([
                    t for t in doc[token.left_edge.i if token.dep_ == "conj" else phrase.start:token.i + 1]  # "a developer and spokeswoman": the last
                    if t.lower_ not in words.determiners and t.lower_ not in words.party_names and not t.is_punct and t.pos_ in ("ADJ", "NOUN", "PROPN")
                    and not age_word(t)  # "a 54-year-old primary school teacher"
                    and (t.ent_type_ not in ("ORG", "GPE", "NORP") or self.portfolio(t)) and "poss" not in (t.dep_, t.head.dep_)  # "the trust's director": the body
                    and (t.pos_ != "PROPN" or title_word(t) or self.title(t) or self.portfolio(t))  # "a South Florida-based president": a place
                ])
                apposed = apposed and apposed + doc[token.i + 1:hyphenated_end(token) + 1].text.lower()  # "playwright-in-residence"
                if apposed and (role is None or unlisted or owned_role(token)):
                    role = self.analyser.with_function(apposed, token)
                found = self.analyser.organisation(phrase, token, None)
                if found is not None and organisation is None:
                    organisation = self.clean_organisation(found)
                organisation = organisation or self.phrase_party(phrase)
                break
        head = self.analyser.apposed_role_noun(root)
        if head is not None and self.quoted(head.idx, head.idx + len(head)) and not self.quoted(name.start_char, name.end_char):
            head = None  # "“The doctor is always the author,” its co-founder, Mads Kjær, told": the parser's apposition spans the quote
        if (role is None or head is not None and owned_role(head)) and titled and head is not None and head.i < name.start:
            role, organisation = self.apposed_role(head, organisation)
        if organisation is None and (titled or role):
            found = self.analyser.affiliation(name)
            organisation = self.clean_organisation(found) if found is not None else None
        return role, self.body_for_person(organisation, role)

    def body_for_person(self, organisation: Optional[TextSpan], role: Optional[str]) -> Optional[TextSpan]:
        """An organisation read off a candidate's name before a role ("*Clinton* communications
        director") is the candidate's campaign (:meth:`campaign_owner`), never the person."""
        span = self.doc.char_span(organisation.start, organisation.end) if organisation is not None else None
        return self.campaign_of(span) if span is not None and span.text == organisation.text and self.campaign_owner(span, role) else organisation

    def former_role(self, name: Span) -> Optional[str]:
        """A role the person no longer holds, written before the name ("Former Pennsylvania Gov.
        Ed Rendell", "Retired U.S. Air Force Gen. Norman Ham", "former Wales captain Dafydd
        Evans"). The guidelines keep the marker and the body in the role and give no
        organisation (the person speaks for that body no more), so the words from the marker to
        the title stay, except a place that does not head the title directly or that comes
        before an abbreviated one: it says where the post was, not what it was ("former
        governor", "retired Air Force general"; the team in "former Wales captain" stays)."""
        doc, words = self.doc, self.words
        title = name.start - 1
        if title < 1 or not self.title(doc[title]) or doc[title].lower_ in words.honorifics:
            return None
        start = title
        while start > 0 and doc[start].lower_ not in words.former_markers:
            before = doc[start - 1]
            if before.is_punct and before.text != "-" or before.lower_ in words.determiners or before.tag_ == "POS" or "\n" in before.text:
                return None
            start -= 1
        if doc[start].lower_ not in words.former_markers:
            return None
        abbreviated = doc[title].lower_ in words.title_abbreviations
        kept = [
            t for t in doc[start:title + 1]
            if not (self.place(t) and (t.i != title - 1 or abbreviated)) and t.lower_ not in words.party_names
        ]
        return self.role_phrase(kept)

    def place(self, token: Token) -> bool:
        """Whether a word names a place: tagged GPE here, or where the document mostly tags it, or
        a country's abbreviation ("U.S." inside "U.S. Air Force"; lexicon ``country_abbreviations``)."""
        return token.ent_type_ == "GPE" or self.analyser.labels.get(token.text) == "GPE" or token.lower_ in self.words.country_abbreviations

    def add_role(self, record: Record, role: str) -> None:
        """A role the report gives a person, current or former (lexicon ``former_markers``). A
        function the report names by a noun outranks one only read off a verb (``verb_roles``:
        "Carr, who founded the company" -> founder): "its artistic director said" is the capacity
        the person speaks in."""
        roles = record.former_roles if role.split()[0] in self.words.former_markers else record.roles
        if role in roles:
            return
        if roles and all(r in record.verb_roles for r in roles):
            roles.insert(0, role)
        else:
            roles.append(role)

    def phrase_party(self, phrase: Span) -> Optional[TextSpan]:
        """The party a party word in a phrase names ("the top Democrat on the committee"), not
        inside an organisation's name ("Democratic National Committee")."""
        words = self.words
        party = next((t for t in phrase if t.lower_ in words.party_names and not self._in_org_entity(t)), None)
        return TextSpan(words.party_names[party.lower_], party.idx, party.idx + len(party)) if party is not None else None

    @staticmethod
    def predicate_nouns(subject: Token) -> List[Token]:
        """"Jane Roe is playwright-in-residence at Kellwick College": a bare noun a subject is
        said to be, with no article, names an office and tells the role as an apposition does
        ("Roe is a great champion", "would be the next president" are judgements, not offices)."""
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.lemma_ != "be" or any(c.dep_ == "aux" for c in verb.children):
            return []
        return [c for c in verb.children if c.dep_ == "attr" and c.tag_ == "NN" and not any(d.dep_ in ("det", "poss") for d in c.children)]

    def apposed_role(self, head: Token, organisation: Optional[TextSpan]) -> Tuple[str, Optional[TextSpan]]:
        """"Her long-time coach, Luca Benedetti", "the bank's governor, Jane Roe": the role noun
        the name stands in apposition to is the person's role, and its possessor, when a name
        rather than a pronoun, or the body its "of"/"for" phrase names, the organisation."""
        role = self.analyser.role_text(head)
        possessors = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if possessors and organisation is None:
            organisation = self.possessor_organisation(possessors[0], role)
        if organisation is None:  # "the head of the national volcanology centre, Bambang Sutrisno"
            organisation = self.clean_organisation(self.analyser.organisation(self.doc[head.i:head.i + 1], head, None))
        return role, organisation

    def possessor_of(self, ent: Span, name: Span) -> bool:
        """"CNN's Dante Ruel": an organisation whose possessive is all that precedes the name
        (however the parser attached it) is the one the person works for."""
        return ent.end == name.start - 1 and self.doc[ent.end].tag_ == "POS"

    def name_word(self, token: Token) -> bool:
        """A proper noun, or a capitalised word the tagger read otherwise here but that the
        report writes as a name elsewhere, tagged a proper noun or labelled a body or place
        ("Ardmore coach Liam Feeney" opening a sentence, with "Ardmore" tagged an adjective)."""
        return token.pos_ == "PROPN" or token.text[:1].isupper() and (
            token.text in self.proper_words or self.analyser.labels.get(token.text) in ("ORG", "GPE")
        )

    @cached_property
    def proper_words(self) -> Set[str]:
        """The words the tagger reads as proper nouns somewhere in the report."""
        proper = numpy.flatnonzero(self.doc.to_array(POS) == self.doc.vocab.strings["PROPN"])
        return {self.doc[int(i)].text for i in proper}

    def body_before_role(self, tokens: List[Token]) -> "tuple[List[Token], Optional[TextSpan]]":
        """Role words that name the body, not the function: an acronym ("IMF chief economist"), an
        organisation noun after a name ("Trump campaign spokesman") or one the report names in
        full ("museum director" in a report on the Hallam Museum) -> organisation "IMF" (spelt
        out when the report names it in full), "Trump campaign", "Hallam Museum"; the rest is the
        role. An organisation noun the report names no body by stays in the role ("union secretary").
        Proper nouns opening the role right before its title words, that no lexicon calls a
        title, name the body too ("Wales head coach" -> organisation "Wales", role "head coach":
        the NER left them untyped; "Games delivery minister" names no body)."""
        words = self.words
        organisation: Optional[TextSpan] = None
        names = 0
        while names < len(tokens) - 1 and self.name_word(tokens[names]) and not self.title(tokens[names]) and not self.portfolio(tokens[names]):
            names += 1
        if names and self.title(tokens[names]):
            span = self.doc[tokens[0].i:tokens[names - 1].i + 1]
            organisation = self.clean_organisation(TextSpan.from_span(span))
            tokens = tokens[names:]
        while len(tokens) > 1:
            first = tokens[0]
            previous = self.doc[first.i - 1] if first.i > 0 else None
            if previous is not None and previous.tag_ == "POS" and previous.i > 0:
                previous = self.doc[previous.i - 1]  # "Hillary Clinton's campaign manager"
            noun = first.lemma_.lower() in words.organisations
            if first.text.isupper() and first.is_alpha and len(first) > 1 and first.lower_ not in words.title_abbreviations:
                organisation = organisation or self.clean_organisation(TextSpan(first.text, first.idx, first.idx + len(first)))
            elif noun and previous is not None and (previous.pos_ == "PROPN" or previous.ent_type_ in ("ORG", "PERSON")):
                organisation = organisation or TextSpan(f"{previous.text} {first.lower_}", previous.idx, first.idx + len(first))
            elif noun and (named := self.named_by_noun(first)) is not None:
                organisation = organisation or named
            elif (shortened := self.name_shortened_to(first, tokens[-1])) is not None:
                organisation = organisation or shortened
            else:
                break
            if noun and " ".join(t.lower_ for t in tokens) in words.compound_roles:
                break  # "campaign manager", "police chief": the noun names the body and stays in the role
            tokens = tokens[1:]
        return tokens, organisation

    def campaign_owner(self, span: Span, role: Optional[str]) -> bool:
        """Whether proper nouns before or owning a role ("*Clinton* communications director",
        "Clinton's spokesman") name a candidate whose campaign that role serves: the report speaks
        of a campaign, the words are the name or surname of one of its people who runs (a role of
        lexicon ``candidate_roles``: "the Democratic nominee") or whose campaign it names ("the
        Clinton campaign", "Clinton's campaign"), and the role is no personal one (lexicon
        ``personal_roles``: "Trump's lawyer" works for him, not for his campaign). A company
        named after its founder, a sports season or an advertising campaign gives no campaign."""
        words = self.words
        if not self.campaign_report or role and role.split()[-1] in words.personal_roles:
            return False
        key = span.text.lower()
        people = [r for r in self.records if r.type == "person" and (r.name.lower() == key or r.surname == key)]
        return any(any(held.split()[-1] in words.candidate_roles for held in r.every_role) for r in people) or (
            bool(people) and self.names_campaign_of(key))

    def names_campaign_of(self, key: str) -> bool:
        """Whether the report names the campaign of the person called ``key``: "the Clinton
        campaign", "Clinton's campaign", "Donald Trump's campaign manager", or "his" / "her"
        campaign after the name in its sentence ("Sanders won the primary, an upset that
        energised his campaign"), or says the person runs for something ("Sanders, who is running
        for the Democratic nomination")."""
        for run in self.tokens_in(LOWER, ["running", "runs", "ran", "run"]):
            subject = next((c for c in run.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in ("WP", "WDT") and run.dep_ == "relcl":
                subject = run.head  # "Sanders, who is running for the nomination"
            if subject is not None and subject.lower_ == key and any(c.dep_ == "prep" and c.lower_ == "for" for c in run.children):
                return True
        for token in self.tokens_in(LOWER, ["campaign"]):
            owners = [c for c in token.children if c.dep_ in ("compound", "poss", "nmod")]
            if token.dep_ == "compound":
                owners += [c for c in token.head.children if c.dep_ == "poss"]
            for owner in owners:
                if owner.lower_ == key or owner.tag_ == "PRP$" and owner.lower_ in ("his", "her") and any(
                        t.lower_ == key for t in self.doc[owner.sent.start:owner.i]):
                    return True
        return False

    @cached_property
    def campaign_report(self) -> bool:
        """Whether the report speaks of a campaign (the word appears in it)."""
        return bool(self.tokens_in(LOWER, ["campaign", "campaigns"]))

    @staticmethod
    def campaign_of(owner: Span) -> TextSpan:
        """The candidate's campaign, as the guidelines name one ("Clinton campaign")."""
        return TextSpan(f"{owner[-1].text} campaign", owner.start_char, owner.end_char)

    def named_by_noun(self, noun: Token) -> Optional[TextSpan]:
        """The organisation the report names whose name holds this noun ("museum" -> "Hallam
        Museum"): the latest named before it, else the first named after."""
        lemma = noun.lemma_.lower()
        holding = [e for e in self.org_ents if e.start != noun.i and any(t.lemma_.lower() == lemma and t.text[:1].isupper() for t in e)]
        return self.nearest_named(holding, noun.i)

    def name_shortened_to(self, word: Token, role: Token) -> Optional[TextSpan]:
        """The body a capitalised word stands for where it is the word its name ends on, one
        only club and company names end in (lexicon ``organisation_name_words``), before a role
        that exists only inside an organisation (lexicon ``organisation_roles``): "*City* manager
        Sandra Whelan" in a report on Castleford City ("City analyst" is a City of London one)."""
        if not word.text[:1].isupper() or word.lower_ not in self.words.organisation_name_words:
            return None
        if role_noun(role.lower_) not in self.words.organisation_roles:
            return None
        ending = [e for e in self.ents if e.label_ in ("ORG", "GPE") and len(e) > 1 and e[-1].text == word.text and not e.start <= word.i < e.end]
        return self.nearest_named(ending, word.i)

    def nearest_named(self, names: List[Span], index: int) -> Optional[TextSpan]:
        """Of names in the report, the latest before token ``index``, else the first after, as an organisation."""
        before = [e for e in names if e.end <= index]
        found = before[-1] if before else next(iter(names), None)
        return self.organisation_text(found) if found is not None else None

    def portfolio(self, token: Token) -> bool:
        """"Education" in "Education minister Sian Powell": an organisation entity made of role
        modifiers only names the portfolio, part of the role, not a body; so does a legislative
        chamber (lexicon ``chamber_names``: "Senate Minority Leader Harry Reid", whose
        organisation is his party); and so does a proper noun the mention reads as a portfolio
        ("Climate Minister Adam Sobczak": :meth:`MentionAnalyser.portfolio_word`)."""
        return token.i in self.portfolios or self.analyser.portfolio_word(token, token.head)

    def named_party_word(self, token: Token) -> bool:
        """"Liberal Democrat", "Christian Democrat", "Social Democrat": a party word right after a
        word that opens other parties' names (lexicon ``party_name_words``) is a word of that
        party's name, not the US party it names alone; capitalised, for a "liberal Democrat" is a
        US Democrat. The tagger's reading of the word before (adjective or proper noun) cannot
        tell "Liberal Democrat" from "Top Republican"."""
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.is_title and before.lower_ in self.words.party_name_words

    def _in_org_entity(self, token: Token) -> bool:
        return token.i in self.in_long_org

    def detached_title(self, name: Span) -> List[Token]:
        """"In an email to investors, co-founder and chief executive Tomas Vaitkus said": lower-case
        role words right before a name that the parser hung elsewhere (here on "investors") are
        still its title. Only the run of role words next to the name: of coordinated titles the
        last, the current function the body goes with (guidelines §8)."""
        doc, words = self.doc, self.words
        run: List[Token] = []
        index = name.start - 1
        while index >= 0 and (doc[index].is_lower or doc[index].is_sent_start and doc[index].is_title) and doc[index].is_alpha and (
                role_word(doc[index], words) or doc[index].lower_ in words.role_modifiers
                or run and doc[index].pos_ == "NOUN" and doc[index].dep_ == "compound" and doc[index].head in run
                and not self.written_as_name(doc[index])):  # "Conference chair": the function's noun too, not "Calder boss"
            run.insert(0, doc[index])
            index -= 1
        return run if run and run[-1].pos_ in ("NOUN", "PROPN") and role_word(run[-1], words) else []

    def written_as_name(self, token: Token) -> bool:
        """Whether the report writes the word capitalised inside a sentence ("Calder Town"), so
        that a capitalised opening "Calder" is that name, not a common noun."""
        return any(not t.is_sent_start and t.is_title for t in self.tokens_in(ORTH, [token.text]) if t.i != token.i)

    def _trailing_run(self, tokens: List[Token]) -> List[Token]:
        """The contiguous role words just before the name, holding a role noun or title."""
        if not tokens:
            return []
        run = contiguous_run(tokens)
        words = self.words
        if not any(role_word(t, words) or t.lower_ in words.title_abbreviations for t in run):
            former = any(t.lower_ in words.former_markers for t in tokens)  # "Former Norway playmaker": a former role, not this one
            return run[-1:] if self.occupation_title(run[-1]) and not former else []
        while run and run[0].lower_ in words.honorifics:
            run.pop(0)
        return run

    def occupation_title(self, token: Token) -> bool:
        """"grower Manuel Ortega", "entomologist Chiara Bosio", "Shopkeeper Dawn Rowe": a common
        noun in the singular written before a person's name with nothing between, ending like a
        word for what people do (lexicon ``occupation_endings``), is the person's role whether or
        not the role lexicon knows the word; not a kin word ("widow Terry Strada": lexicon
        ``person_description_heads``), a relation ("rival", "colleague"), a situation (lexicon
        ``situation_nouns``: "Passenger Tom Reed") or a time ("Later that winter Maria Costa")."""
        doc, words = self.doc, self.words
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        return (token.tag_ == "NN" and token.pos_ == "NOUN" and token.is_alpha and (token.is_lower or token.is_sent_start)
                and following is not None and following.ent_type_ == "PERSON" and following.ent_iob_ == "B"
                and token.lower_.endswith(words.occupation_endings) and token.lower_ not in words.person_descriptions
                and token.lower_ not in words.situation_nouns and not token.ent_type_  # "Later that winter Maria Costa": a time
                and not (before is not None and before.tag_ in ("DT", "PDT", "WDT")))  # "that winter", "the victim"

    def role_phrase(self, tokens: Sequence[Token]) -> Optional[str]:
        """Role words as a lower-case role: "Sen." -> "senator", honorifics dropped unless one in lower
        case heads a longer phrase ("a law professor": "professor" is the role, not a title; "lead
        author Dr" keeps "lead author")."""
        words = self.words
        parts = []
        for index, token in enumerate(tokens):
            lower = token.lower_
            if lower in words.honorifics and not (index == len(tokens) - 1 and index > 0 and token.is_lower):
                continue
            parts.append(words.title_abbreviations.get(lower, lower))
        text = " ".join(parts).replace(" - ", "-").strip()
        return text or None

    def possessor_organisation(self, token: Token, role: str) -> Optional[TextSpan]:
        """"Hillary Clinton's campaign manager" -> "Clinton campaign"; "the ministry's spokesman" -> ministry;
        "a company whose chief executive" -> the company (:func:`whose_antecedent`)."""
        if token.tag_ == "PRP$":
            return None  # "Its analyst Felix Braun": the body "its" stands for (:meth:`possessive_body`)
        antecedent = whose_antecedent(token)
        phrase = self.analyser.noun_phrase(antecedent or token)
        if phrase is None:
            return None
        if antecedent is not None:
            token, phrase = antecedent, without_appositions(phrase, stop_at_comma=True)
        if token.ent_type_ == "PERSON":
            if "campaign" in role:
                return TextSpan(f"{token.text} campaign", phrase.start_char, phrase.end_char)
            owner = self.doc[token.i:token.i + 1]
            return self.campaign_of(owner) if self.campaign_owner(owner, role) else None  # "Clinton's spokesman"
        if token.lemma_.lower() in self.words.document_heads:
            return self.clean_organisation(self.analyser.document_producer(token))
        return self.clean_organisation(TextSpan.from_span(phrase))

    def clean_organisation(self, found: Optional[TextSpan]) -> Optional[TextSpan]:
        """An organisation as a name: leading lowercase adjectives off ("centrist Tax Policy
        Center"), where it is off (:meth:`without_location`), acronyms spelt out when the article
        introduced them, possessive off."""
        if found is None:
            return None
        found = self.without_location(found)
        text = found.text
        words = text.split()
        while len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper() and words[0].lower() not in ("de", "van", "von"):
            words.pop(0)
        text = " ".join(words)
        text = re.sub(r"[’']s$", "", text)
        text = self.analyser.aliases.get(text, text)
        return TextSpan(text, found.start, found.end)

    def without_location(self, found: TextSpan) -> TextSpan:
        """"Ostsee University in Kiel", "Habiter Ensemble in the city": a phrase "in" + a place
        after an organisation's name or noun says where it is, and is no part of its name (the NER may read the
        place as anything but an organisation: "Kiel" as a person). Not where the base NER holds
        the "in" inside the name ("Board of Control for Cricket in India"), nor after other words (a
        book: "author of “Empire in Glass Cases”")."""
        span = self.doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            return found
        places = self.words.place_nouns | self.words.local_areas
        for token in span[1:-1]:
            if token.lower_ != "in" or token.ent_type_ == "ORG":
                continue
            rest = self.doc[token.i + 1:span.end]
            named = all(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" and t.ent_type_ != "ORG" for t in rest)
            described = rest[0].lower_ in self.words.determiners and all(t.lower_ in places for t in rest[1:])
            before = self.doc[span.start:token.i]
            named_by = list(before) + ([self.doc[span.start - 1]] if span.start else [])  # "the association Habiter Ensemble"
            body = any(t.ent_type_ == "ORG" or t.lemma_.lower() in self.words.organisations for t in named_by)
            if body and (named or described):
                return TextSpan(before.text.rstrip(" ,"), found.start, before.end_char)
        return found

    def continues_entity(self, token: Token) -> bool:
        """Whether a word goes on with the name of the organisation entity right before it
        ("Ashby" + "Town": the NER cut the name short), so that it belongs to that entity."""
        return token.i > 0 and bool(self.doc[token.i - 1].ent_type_) and self.analyser.name_continuation(token)

    def with_continuation(self, ent: Span, limit: int) -> Span:
        """An organisation entity with the capitalised words that go on with its name before
        ``limit`` ("Ashby" + "Town": :meth:`MentionAnalyser.name_continuation`)."""
        end = ent.end
        while end < limit and self.analyser.name_continuation(self.doc[end]):
            end += 1
        return self.doc[ent.start:end]

    def organisation_text(self, ent: Span) -> TextSpan:
        name = self.analyser.canonical_text(ent)
        return TextSpan(self.analyser.aliases.get(name, name), ent.start_char, ent.end_char)

    def _collect_institutions(self) -> None:
        person_tokens = {i for r in self.records if r.type == "person" for m in r.mentions for i in range(m.start, m.end)}
        for ent in sorted(self.ents + self.bodies, key=lambda e: e.start):
            if ent.label_ not in ("ORG", "GPE") and ent not in self.bodies or ent.start in person_tokens:
                continue
            if self.byline(ent.start) or ent.start in self.dateline_tokens or located_word(ent.root):
                continue  # "Dhaka-born", "Lisbon-based": a place, whatever the NER calls it
            if ent.label_ == "GPE" and ent.root.dep_ not in SUBJECTS + ("poss",) and not self.organisation_elsewhere(ent):
                continue
            described = all(t.is_lower or not t.is_alpha for t in ent)  # "Kenya's | health ministry": the NER leaves the owner out
            owned = self.doc[min(ent.start, ent.root.left_edge.i):ent.end] if described else ent
            name = self.analyser.without_place_owner(owned, ent.root) or self.analyser.canonical_text(ent)
            name = re.sub(r"[’']s$", "", name).strip()
            if not name:
                continue
            kind = self.institution_type(ent, name)
            record = self.institution(name, kind)
            if ent in self.bodies or self.body_run(ent):
                self.body_ids.add(record.id)  # introduced as a body, or named so ("Ashford Town")
            record.alias(ent.text) if ent.text != name and ent.text.lower() != "the " + name.lower() else None
            self.add_mention(record, ent)
            self.record_descriptions(record, ent)

    def body_run(self, ent: Span) -> bool:
        """Whether an entity is a run of capitalised words ending on a word that names bodies
        ("Ashford Town", "Crestmoor Homes": :func:`body_name_runs`), a body by its name alone."""
        return any((run.start, run.end) == (ent.start, ent.end) for run in self.analyser.body_runs)

    def described_names(self) -> List[Span]:
        """"Battery maker Voltra will postpone ...", "platform operator Ondal": a proper noun right
        after a lower-case organisation noun is the organisation that noun describes
        (``MentionAnalyser.described_name``), whatever the base NER labels it (an unfamiliar
        company name is often a nationality, a law, a person to it), so that "the company" and
        its bare name elsewhere can stand for it. Not an organisation entity: those are read as such."""
        found: List[Span] = []
        for noun in self.tokens_in(LOWER, self.words.organisations):  # from the nouns: far fewer than the names
            apposed = self.unlabelled_apposed_name(noun)
            if apposed is not None and apposed.start not in self.headline_tokens and apposed not in found:
                found.append(apposed)
            if noun.i + 1 >= len(self.doc):
                continue
            head = noun.head if noun.dep_ == "compound" and noun.head.i > noun.i else self.doc[noun.i + 1]
            if head.pos_ != "PROPN" or head.ent_type_ in ("ORG", "PERSON") or head.dep_ in ("compound", "flat"):
                continue
            named = self.analyser.described_name(head)
            if named is not None and named.start not in self.headline_tokens and named not in found:
                found.append(named)
        return found

    def unlabelled_apposed_name(self, noun: Token) -> Optional[Span]:
        """"Brewhouse, the British coffee chain, will close 140 cafés": a capitalised name the
        base NER leaves unlabelled (it often misses the name opening a report), with an apposition
        headed by an organisation noun after it, is that organisation
        (``MentionAnalyser.apposed_to_body_noun``); its name is the proper nouns ending in its head."""
        name = noun.head
        before = noun.left_edge.i - 2  # "Shares in Kestrel Pay, the British payments app": hung on "Shares"
        if noun.dep_ == "appos" and name.pos_ != "PROPN" and before > name.i and noun in misattached_apposition(self.doc[before]):
            name = self.doc[before]
        if noun.dep_ != "appos" or name.i >= noun.i or name.pos_ != "PROPN" or name.ent_type_:
            return None
        if not self.analyser.apposed_to_body_noun(name):
            return None
        start = name.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head.i == name.i and not self.doc[start - 1].ent_type_:
            start -= 1
        return self.doc[start:name.i + 1]

    def tokens_in(self, attribute: int, words: Iterable[str]) -> List[Token]:
        """The tokens whose ``attribute`` (``ORTH``, ``LOWER``) is one of these words, found on the
        document's array: a Python loop over every token is what registry building costs most."""
        strings = self.doc.vocab.strings
        wanted = numpy.array([strings[w] for w in words if w in strings], dtype="uint64")
        if not len(wanted) or not len(self.doc):
            return []
        values = self.doc.to_array(attribute)
        return [self.doc[int(i)] for i in numpy.flatnonzero(numpy.isin(values, wanted))]

    def _collect_described_bodies(self) -> None:
        """The organisations :meth:`described_names` found, with the noun that describes them."""
        for named in self.described:
            record = self.institution(named.text, "organisation")
            self.body_ids.add(record.id)
            self.add_mention(record, named)
            self.record_descriptions(record, named)

    def record_descriptions(self, record: Record, name: Span) -> None:
        """Record the organisation nouns that describe a body's name where it stands (a lower-case
        noun right before it, "energy company Nordvind Energi"; after it, "the Metaalbond union";
        in apposition to it, "Audit Scotland, the public spending watchdog") and the nouns
        compounded on them ("energy")."""
        doc = self.doc
        nouns: List[Token] = []
        if name.start > 0 and doc[name.start - 1].text.islower() and doc[name.start - 1].pos_ == "NOUN":
            nouns.append(doc[name.start - 1])
        after = name.end + 1
        if (name.end < len(doc) and doc[name.end].text.islower() and doc[name.end].pos_ == "NOUN" and name.root.head.i == name.end
                and not (after < len(doc) and doc[after].pos_ == "PROPN")):  # "Software firm Brightwave": Brightwave's noun
            nouns.append(doc[name.end])
        root = name.root
        nouns += [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        if root.dep_ == "appos" and root.head.i < root.i and root.head.text.islower():
            nouns.append(root.head)
        found = {hyphenated_lemma(t) for t in nouns} & self.words.organisations
        record.descriptors |= found
        record.descriptor_words |= found | {w for t in nouns if hyphenated_lemma(t) in found for forms in kind_nouns(t) for w in forms}

    def _fuller_institution_names(self) -> None:
        """"Harbourside Rovers have sacked ... Rovers thanked": the base NER often labels only the
        last word of an unfamiliar organisation's name, or none of its first mention; capitalised
        proper nouns compounded onto a one-word organisation's name in the body are the rest of
        its name, which becomes the canonical one (the short form stays an alias). One pass over
        the document finds every place such a name stands."""
        short = {r.name: r for r in self.records if r.type == "organisation" and " " not in r.name}
        places: Dict[str, List[Token]] = {}
        for token in self.tokens_in(ORTH, short):
            if token.i not in self.headline_tokens:
                places.setdefault(token.text, []).append(token)
        for name, tokens in places.items():
            record = short[name]
            for token in tokens:
                start = token.i
                while start > 0 and self.name_part_before(self.doc[start - 1], token):
                    start -= 1
                if start < token.i:
                    short_name, record.name = record.name, self.doc[start:token.i + 1].text
                    record.alias(short_name)
                    self.add_mention(record, self.doc[start:token.i + 1])
                    break

    def _merge_short_names(self) -> None:
        """"Quillon Data, the company behind ... Quillon, which had revenue ...": an organisation
        whose whole name opens the name of exactly one other organisation of the report is that
        organisation by its short name (the base NER often labels the short form alone, and a
        headline has only room for it). The two records become one, named by the fuller form
        (the canonical name is the fullest proper form; the short one stays an alias). A longer
        name ending in an event word (lexicon ``event_name_words``: "WTA Finals") is an event,
        not the body's full name. So is a one-word place the NER made of the short name ("Kestila
        Cargo ... Kestila's chairman", "Kestila refused") where the report uses it as a company's
        and never as a place (:meth:`used_as_company`, :meth:`used_as_place`)."""
        absorbed: Set[int] = set()
        shorts = [r for r in self.records if r.type == "organisation" or (
            r.type == "government" and len(name_words(r.name)) == 1 and not self.used_as_place(r) and self.used_as_company(r))]
        for short in shorts:
            words = name_words(short.name)
            if len(words) == 1 and (words[0] in self.words.organisations or words[0] in self.words.government):
                continue
            fuller = [
                r for r in self.records
                if r.type == "organisation" and r.id not in absorbed and r is not short and self.opens_with(r.name, words)
                and self.introduced_before(r, short)
            ]
            if len(fuller) != 1:
                continue
            full = fuller[0]
            for alias in [short.name] + short.aliases:
                full.alias(alias)
            full.descriptors |= short.descriptors
            full.descriptor_words |= short.descriptor_words
            full.mentions = sorted(full.mentions + short.mentions, key=lambda m: m.start)
            if short.id in self.body_ids:
                self.body_ids.add(full.id)
            absorbed.add(short.id)
        if absorbed:
            self._renumber([r for r in self.records if r.id not in absorbed])

    def full_body_name(self, organisation: TextSpan) -> TextSpan:
        """An organisation by the full name of the one body of the report whose name opens or
        closes with it ("Kestila" of Kestila Cargo) where the report's body writes it with no
        other capitalised words around it (:meth:`written_fuller_forms`), or that has it as an
        acronym the report introduced ("HSE"), or the one form the report writes it in with a
        club's abbreviation ("Kallhamn IF"): a role's owner is often the short form,
        and the canonical name is the fullest proper form. Only a clean proper name counts
        (:meth:`proper_body_name`) named before it (:meth:`named_before`), and not where the
        short form is another entity's name
        ("Germany" is not Germany Trade and Invest, "Musk" of Elon Musk not the Musk Foundation),
        nor a body's own name inside another body's (:meth:`another_body`: "Calder Town" is not
        the Calder Town Supporters' Trust), nor opens or closes two
        ("Ravens" of Älvby Ravens and of the Ravens Nest arena). A lone word for a kind of body
        ("ministry") names no one body."""
        words = name_words(organisation.text)
        if not words or len(words) == 1 and words[0] in self.words.bodies:
            return organisation
        size = len(words)
        written = self.written_fuller_forms(organisation.text)
        only, first = next(iter(written.items()), ("", len(self.text)))
        if len(written) == 1 and first <= organisation.start and self.club_affixed_form(only, size):
            return replace(organisation, text=only)  # "Kallhamn IF ... Kallhamn coach": one club, named first
        named = [(r, name_words(r.name)) for r in self.records]
        if any(r.type != "organisation" and full == words or r.type == "person" and words == name_words(r.surname) for r, full in named):
            return organisation  # "Germany's economy minister", "Musk's lawyer": a state, a person the report names
        own = any(full == words for _, full in named)
        forms = {" ".join(name_words(form)) for form in written}
        fuller = {
            r.name for r, full in named
            if r.type == "organisation" and (
                organisation.text.isupper() and organisation.text in r.aliases
                or len(full) > size and words in (full[:size], full[-size:]) and forms <= {" ".join(full)}
                and not (own and self.another_body(words, full)))
            and self.proper_body_name(r) and self.named_before(r, organisation.start)
        }
        return replace(organisation, text=fuller.pop()) if len(fuller) == 1 else organisation

    def named_before(self, record: Record, start: int) -> bool:
        """Whether the report's body names a record by its full name before (or at) character
        ``start`` (a mention by a short form merged into it does not count): a report gives a
        body's full name first and shortens it after ("Kestila Cargo ... Kestila chief
        executive"), while a longer name only met later is often another body that holds the
        short one ("Meta spokesman ... Meta AI now has", "Inter coach ... Inter Miami")."""
        full = name_words(record.name)
        return any(m.start not in self.headline_tokens and self.doc[m.start].idx <= start
                   and name_words(self.doc[m.start:m.end].text)[-len(full):] == full for m in record.mentions)

    def another_body(self, short: List[str], full: List[str]) -> bool:
        """Whether a longer name holding a body's own name names another body: its other words
        hold a noun for a body ("Calder Town Supporters' Trust" beside Calder Town; lexicon
        ``organisation_heads``, ``government_heads``), where a place or a sponsor would not
        ("Rivierstad Deventer" is Rivierstad)."""
        rest = full[len(short):] if full[:len(short)] == short else full[:-len(short)]
        return any(re.sub(r"['’]s?$", "", word) in self.words.bodies for word in rest)  # "Supporters' Trust"

    def written_fuller_forms(self, short: str) -> Dict[str, int]:
        """The capitalised runs the report's body writes around a short name, with where each is
        first written: "Ashgrove Rovers" and "Kelston Rovers" around "Rovers", where the NER may
        have labelled only one. Read once per short name (every claim of a person asks)."""
        if short not in self.fuller_forms:
            self.fuller_forms[short] = self.find_fuller_forms(short)
        return self.fuller_forms[short]

    def find_fuller_forms(self, short: str) -> Dict[str, int]:
        body = max((self.doc[i].idx + len(self.doc[i]) for i in self.headline_tokens), default=0)
        text = self.text
        forms: Dict[str, int] = {}
        for found in re.finditer(re.escape(short), text[body:]):
            at, end = body + found.start(), body + found.end()
            if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-") or end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue  # inside a longer word
            before = WORDS_BEFORE.search(text, max(body, at - FULLER_FORM_REACH), at)
            after = WORDS_AFTER.match(text, end, end + FULLER_FORM_REACH)
            if before is None and after is None:
                continue
            parts = (before.group(0) + short).split() if before is not None else (short + after.group(0)).split()
            while parts and parts[0].lower() in self.words.determiners:
                parts.pop(0)  # "A Kallhamn player": a sentence's capitalised article
            forms.setdefault(" ".join(parts), before.start() if before is not None else at)
        forms.pop(" ".join(short.split()), None)
        return forms

    def club_affixed_form(self, form: str, size: int) -> bool:
        """Whether a written fuller form adds to a short name of ``size`` words only a club's
        abbreviation (:meth:`club_abbreviation`: "Kallhamn IF", "IFK Norrvik")."""
        parts = form.split()
        return len(parts) == size + 1 and any(self.club_abbreviation(w) for w in (parts[0], parts[-1]))

    def club_abbreviation(self, word: str) -> bool:
        """A club's abbreviation written in capitals (lexicon ``club_affixes``: FC, IFK, VfB)."""
        return word.lower() in self.words.club_affixes and word[:1].isupper() and word[-1:].isupper()

    def proper_body_name(self, record: Record) -> bool:
        """Whether a body's name is a proper name the report uses outside its headline: every
        word capitalised but for name particles and connectors (lexicon ``name_particles``;
        "Tierra y Trabajo", "Harlow & Pike Engineering"), no figure, no branch ("BBC Wales")."""
        return (
            not branch_name(record.name)
            and proper_name(record.name, self.words.name_particles)
            and not any(c.isdigit() for c in record.name)
            and any(m.start not in self.headline_tokens for m in record.mentions)
        )

    def used_as_company(self, record: Record) -> bool:
        """Whether the report uses the one-word name as a company's: owning or modifying a word
        only companies have (lexicon ``company_nouns``: "Kestila's chairman", "Kestila
        shareholders"); a state or city ("Qatar said", "Florida regulators") never shows one."""
        return any(t.dep_ in ("poss", "compound") and t.head.lemma_.lower() in self.words.company_nouns
                   for t in self.tokens_in(ORTH, [record.name]))

    def used_as_place(self, record: Record) -> bool:
        """Whether the report uses the one-word name as a place anywhere: the object of a
        preposition ("based in Boston") or a dateline's place; a body is what does, owns or says
        things ("Kestila's chairman", "Kestila refused")."""
        return any(t.dep_ == "pobj" or t.i in self.dateline_tokens for t in self.tokens_in(ORTH, [record.name]))

    def opens_with(self, name: str, short: List[str]) -> bool:
        """Whether ``name`` is a proper name longer than the name words ``short`` that opens with
        them, and no event built on them (lexicon ``event_name_words``: "WTA Finals")."""
        words = name_words(name)
        return (len(words) > len(short) and words[:len(short)] == short and proper_name(name)
                and words[-1] not in self.words.event_name_words)

    def introduced_before(self, full: Record, short: Record) -> bool:
        """Whether the body of the report names ``full`` before any mention of ``short``: a report
        introduces a body by its full name and shortens it afterwards; a longer name first met after
        the short one is another body built on it ("Norbury" the club, then the "Norbury Voice")."""
        full_starts = [m.start for m in full.mentions if m.start not in self.headline_tokens]
        short_starts = [m.start for m in short.mentions if m.start not in self.headline_tokens]
        return bool(full_starts) and (not short_starts or min(full_starts) < min(short_starts))

    def _renumber(self, kept: List[Record]) -> None:
        """Keep these records only, numbered again by their place (a record's id is its index)."""
        numbers = {record.id: place for place, record in enumerate(kept)}
        self.body_ids = {numbers[i] for i in self.body_ids if i in numbers}
        for place, record in enumerate(kept):
            record.id = place
        self.records = kept

    def name_part_before(self, token: Token, head: Token) -> bool:
        """Whether a word right before a name is part of it: a capitalised proper noun on the same
        line, no title, person or place ("Chairman", "Keane", "Milltown" before a company's
        one-word name; a first name before a surname the NER labelled alone); the parser's
        attachment is no guide at a line start, where it often makes the first word the root."""
        return (
            token.pos_ == "PROPN" and token.text[:1].isupper() and token.whitespace_ == " " and token.i < head.i
            and token.ent_type_ not in ("PERSON", "GPE", "NORP") and not self.title(token) and token.i not in self.headline_tokens
        )

    def _collect_role_bodies(self) -> None:
        """"Kerr Putney, the Charlotte-Mecklenburg police chief ... Police say": a body named
        only in a person's role (a name and an organisation noun the NER reads as no one entity, or
        a description of several words: "the head of the national volcanology centre") is an
        organisation of the report as much as an entity is, so that its bare noun ("police",
        "the centre") can stand for it (:meth:`body_named_by`). An owner alone ("their union")
        names none."""
        bodies = self.words.bodies
        for person in [r for r in self.records if r.type == "person"]:
            for organisation in person.organisations:
                span = self.doc.char_span(organisation.start, organisation.end)
                if span is None or span.text != organisation.text or len(span) < 2:
                    continue
                if span[-1].lemma_.lower() not in bodies and not self.fuller_name_in_role(span):
                    continue
                if span[0].tag_ in ("PRP$", "DT", "POS") or span[0].lower_ in self.words.determiners:
                    continue
                kind = "government" if span[-1].lemma_.lower() in self.words.government else "organisation"
                self.add_mention(self.kind_record(span) or self.institution(organisation.text, kind), span)

    def fuller_name_in_role(self, span: Span) -> bool:
        """"Ashford Town striker Samuel Okoye ... Ashford said": a proper name in a person's role
        that opens with the whole name of an organisation of the report is that body's fuller name
        (:meth:`_merge_short_names` then makes it canonical where the report gives it first)."""
        if not span[0].text[:1].isupper():
            return False
        return any(r.type == "organisation" and self.opens_with(span.text, name_words(r.name)) for r in self.records)

    def byline(self, start: int) -> bool:
        """Whether token ``start`` begins a byline's name ("By Kari Nygaard" on a line of its own):
        the report's writer, whatever label the base NER gives the name; an organisation there
        would become what the report is about."""
        doc = self.doc
        return start > 0 and doc[start - 1].lower_ == "by" and (start < 2 or "\n" in doc[start - 2].text)

    def organisation_elsewhere(self, ent: Span) -> bool:
        """"Shares in Fjordlaks fell ... Fjordlaks said": a place name the base NER labels an
        organisation at another of its mentions, or that stands in apposition to an organisation
        noun at one ("Brightwater, Ireland's fourth-largest lender"), is that organisation (an
        unfamiliar company name is often taken for a place, a place seldom for an organisation)."""
        if ent.label_ != "GPE":
            return False
        return any(e.text == ent.text for e in self.org_ents) or len(ent) == 1 and any(
            self.analyser.apposed_to_body_noun(t) for t in self.tokens_in(ORTH, [ent.text]))

    def institution_type(self, span: Span, name: str) -> str:
        words = self.words
        if span in self.bodies or self.organisation_elsewhere(span) or self.club_place(span):
            return "organisation"
        if name.lower() in words.government_names or span.label_ == "GPE" and not self.analyser.place_named_body(span.root):
            return "government"
        if span.root.lemma_.lower() in words.government and span.root.lemma_.lower() not in ("department", "state"):
            return "government"
        if self.ministerial_department(span) or self.analyser.local_government(span.root):
            return "government"
        return "organisation"

    def club_place(self, span: Span) -> bool:
        """"Manchester City", "Derby County": a place's name of two words or more ending in a
        club word (lexicon ``club_name_words``) is the club in a report about club sport (lexicon
        ``sport_context_words``), though the NER calls it a place; elsewhere "Kansas City said"
        is the city's government."""
        last = span[-1]
        return len(span) > 1 and last.is_title and last.lower_ in self.words.club_name_words and self.sport_report

    @cached_property
    def sport_report(self) -> bool:
        """Whether the report is about club sport: it uses a word of lexicon ``sport_context_words``."""
        return bool(self.tokens_in(LOWER, self.words.sport_context_words))

    @staticmethod
    def ministerial_department(span: Span) -> bool:
        """"The Department for Transport", "Department of Health": a department named by its
        portfolio after the noun is a ministry; one named by a word before it ("the Police
        Department", "Fire Department") is a service, an organisation (guidelines 7.4)."""
        root = span.root
        first = next((t for t in span if not t.is_punct and t.lower_ not in ("the", "a", "an")), root)
        return root.lemma_.lower() == "department" and first.i == root.i and any(
            c.dep_ == "prep" and c.lower_ in ("for", "of") for c in root.children
        )

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
        # the possessor of a subject stays salient ("Mr. Obama's bet is that ... He says")
        modifier = root.dep_ in ("compound", "amod", "nmod") or root.dep_ == "poss" and root.head.dep_ not in SUBJECTS
        quoted = self.quoted(span.start_char, span.end_char)
        mention = Mention(span.start, span.end, self.sentence_of.get(span.start, 0), False, modifier, quoted)
        mention.subject = self.standing_for(mention).dep_ in SUBJECTS
        record.mentions.append(mention)

    def move_mention(self, span: Span, source: Optional[Record], target: Record) -> None:
        """A mention read as one entity that, once the report is read, is another's ("..., astronomers
        say" in the headline: the group the body names): it leaves the first, which the registry no
        longer lists if nothing else refers to it (:meth:`entities`)."""
        if source is not None:
            source.mentions = [m for m in source.mentions if (m.start, m.end) != (span.start, span.end)]
        self.add_mention(target, span)

    def quoted(self, start_char: int, end_char: int) -> bool:
        """Whether the text between these offsets lies inside a quotation."""
        return any(start < start_char and end_char < end for start, end in self.quotes)

    def sentence_at(self, char: int) -> int:
        """The number of the sentence holding this character offset."""
        token = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.sentence_of.get(token.start, 0) if token is not None and len(token) else 0

    def quote_before(self, tag: Span) -> Optional[Tuple[int, int]]:
        """The quotation a speaker tag closes: the one that ends right before it, with only
        punctuation between ("“... Obama had will.i.am. Hillary has nobody like that,” he said"),
        however many sentences it holds."""
        for start, end in self.quotes:
            if end <= tag.start_char and not self.text[end:tag.start_char].strip(" ,.;:!?—–-\n\t"):
                return start, end
        return None

    def given_name_gender(self, record: Record) -> None:
        """A person's gender from the given name opening a full name ("Melanie Roe"; lexicon
        ``given_name_genders``), where no honorific told it. It comes before the report's own
        pronouns, whose votes are often cast by a pronoun meaning someone else ("Roe told Doe
        that he"); a lone word may be a surname ("Scott", "Grant") and tells nothing."""
        words = name_words(record.name)
        if record.type == "person" and record.gender is None and (len(words) >= 2 or self.only_given_name(record)):
            record.gender = self.words.given_name_genders.get(words[0])

    def only_given_name(self, record: Record) -> bool:
        """Whether a one-word person is known by a given name alone ("Melanie said yes"): the
        report never gives the person a second name, and the word is no name that opens a longer
        name of someone else in it (where it would be a surname: "Scott" after "Keith Scott")."""
        word = name_words(record.name)[0]
        return not any(r is not record and word in name_words(r.name)[1:] for r in self.records if r.type == "person")

    def _genders_from_pronouns(self) -> None:
        """A he/she right after a sentence that mentions one person only, as its subject, tells that
        person's gender ("Roe said she ..."); a lone object ("Roe told Doe that he ...") does not,
        nor a pronoun inside a quotation (the speaker talks of someone else: "Roe said: “He lied.”")."""
        genders = self.words.pronoun_genders
        persons = [(m, r) for r in self.records if r.type == "person" for m in r.mentions if not m.modifier]
        votes: Dict[int, Dict[str, int]] = {}
        for token in self.tokens_in(LOWER, genders):
            gender = genders.get(token.lower_)
            if gender is None or token.pos_ != "PRON" or self.quoted(token.idx, token.idx + len(token)):
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
        return self.person_by_surname(words) or self.person_named_first(words) or self.person_cut_short(words)

    def person_at(self, mention: Span) -> Optional[Record]:
        """The person the registry read at this mention's head ("Aoife Cullinane" in apposition
        to a role, a name the NER typed an organisation: :meth:`apposed_to_role`)."""
        root = mention.root.i
        return next((r for r in self.records if r.type == "person" and any(m.start <= root < m.end for m in r.mentions)), None)

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

    def person_cut_short(self, words: List[str]) -> Optional[Record]:
        """The one known full name that these words open ("Robert C." for Robert C. "Bobby"
        Scott, "Marcia" for Marcia "Cia" Price): the NER cuts names at a quoted nickname."""
        matches = [
            r for r in self.records
            if r.type == "person" and len(name_words(r.name)) > len(words) and name_words(r.name)[:len(words)] == words
        ]
        return matches[0] if len(matches) == 1 else None

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
        return self.short_form(key)

    def introduced_body(self, name: str) -> Optional[Record]:
        """The organisation a person-like name is, where the report introduced it as one
        ("club Atlético Lisboa" ... "Atlético said"); the NER's other organisations need not be:
        it types many a person's name an organisation."""
        record = self.find_institution(name)
        return record if record is not None and record.id in self.body_ids else None

    def short_form(self, key: str, besides: Optional[Span] = None) -> Optional[Record]:
        """"Halvard" for "Halvard Micro", "Rovers" for "Harbourside Rovers": one capitalised word
        that opens or closes the name of exactly one organisation, or of several where the report
        called exactly one of them by the word alone elsewhere than ``besides`` ("Ashford" for
        Ashford Town beside the supporters' group Ashford Together), and is no organisation noun
        of its own ("Bank" is any bank). None where the text holds more names with the word than
        the registry has bodies ("Ashgrove Rovers and Kelston Rovers" with one of them missed by
        the NER): a rival is there that the registry cannot weigh."""
        words = self.words
        if " " in key or not key or key in words.organisations or key in words.government:
            return None
        matches = [
            r for r in self.records
            if r.type == "organisation" and len(name_words(r.name)) >= 2 and (key == name_words(r.name)[0] or (
                key == name_words(r.name)[-1] and not branch_name(r.name)))
        ]
        matches = list({r.name: r for r in reversed(matches)}.values())[::-1]  # one body, however often registered
        if not matches or len(self.names_holding(key)) > len(matches):
            return None
        if len(matches) > 1:
            matches = [r for r in matches if self.called(r, key, besides)]
        return matches[0] if len(matches) == 1 else None

    def names_holding(self, key: str) -> Set[str]:
        """The distinct two-word proper names in the text that open or close with ``key``
        ("Ashford Town", "Ashford Together" for "ashford"), however the NER labels them."""
        doc = self.doc
        found: Set[str] = set()
        for token in self.tokens_in(LOWER, [key]):
            if not token.text[:1].isupper():
                continue
            for neighbour in (doc[token.i - 1] if token.i > 0 else None, doc[token.i + 1] if token.i + 1 < len(doc) else None):
                if neighbour is not None and neighbour.pos_ == "PROPN" and neighbour.text[:1].isupper() and neighbour.is_alpha:
                    pair = sorted((token, neighbour), key=lambda t: t.i)
                    found.add(f"{pair[0].text} {pair[1].text}".lower())
        return found

    def rivals_in_view(self, mention: Span, gender: Optional[str]) -> bool:
        """Whether two or more people of the gender could be meant: named (outside quotations)
        in the mention's sentence before it or in the two sentences before. "Norris finished behind
        Verstappen. The Dutchman said": salience cannot tell a nationality; the reader's
        knowledge can, and the report gives it too rarely to guess."""
        sentence = self.sentence_of.get(mention.start, 0)
        seen = {
            record.id for record in self.records
            if record.type == "person" and not (gender and record.gender and record.gender != gender)
            for m in record.mentions if m.start < mention.start and sentence - m.sentence <= 2 and not m.quoted
        }
        return len(seen) > 1

    def salient_person(self, pronoun: Span, gender: Optional[str], last_speaker: Optional[Record]) -> Optional[Record]:
        """The person "he"/"she" most likely refers to (module docstring)."""
        sentence = self.sentence_of.get(pronoun.start, 0)
        clausemate = self.clausemate_subject(pronoun.root)
        tag = not self.quoted(pronoun.start_char, pronoun.end_char)
        attributed = self.quote_before(pronoun) if tag else None
        # a tag's distance runs from the quotation it closes, however many sentences that holds
        anchor = min(sentence, self.sentence_at(attributed[0])) if attributed else sentence
        scores: Dict[int, float] = {}
        for record in self.records:
            if record.type != "person" or gender and record.gender and record.gender != gender:
                continue
            if attributed and any(attributed[0] < self.doc[m.start].idx < attributed[1] for m in record.mentions):
                continue  # "“... Brandt saw it first,” he said": the quotation talks of Brandt, so he is someone else
            best = None
            for mention in record.mentions:
                if mention.start >= pronoun.start or sentence - mention.sentence > SALIENCE_WINDOW:
                    continue
                if mention.start <= pronoun.start < mention.end or mention.start <= clausemate < mention.end:
                    continue
                if self.byline(mention.start):
                    continue  # "By Claire Montagne": the writer is "I" (:meth:`author`), never "she"
                if tag and mention.quoted and mention.sentence == sentence:
                    continue  # "“Hillary has nobody like that,” he said": a speaker does not talk of himself so
                score = -DISTANCE_COST * ((sentence if mention.quoted else anchor) - mention.sentence)
                if attributed and mention is record.mentions[0] and record.roles and not mention.quoted:
                    score += INTRODUCTION_BONUS
                score += SUBJECT_BONUS if mention.subject else 0.0
                score -= MODIFIER_PENALTY if mention.modifier else 0.0
                score -= QUOTED_PENALTY if mention.quoted else 0.0
                score += 0.01 * mention.start / max(len(self.doc), 1)
                best = score if best is None else max(best, score)
            if best is None:
                continue
            if last_speaker is not None and record is last_speaker and not self.subject_before(pronoun, sentence, last_speaker):
                best += SPEAKER_BONUS
            best += 0.1 * math.log1p(len(record.mentions))
            scores[record.id] = best
        if scores:
            return self.records[max(scores, key=scores.get)]
        if last_speaker is not None and last_speaker.type == "person" and not (gender and last_speaker.gender and last_speaker.gender != gender):
            return last_speaker
        people = [r for r in self.records if r.type == "person" and not (gender and r.gender and r.gender != gender)
                  and any(m.start < pronoun.start and not self.byline(m.start) for m in r.mentions)]
        return max(people, key=lambda r: len(r.mentions)) if people else None

    def person_of_age(self, mention: Span) -> Optional[Record]:
        """"Mensah, 27, was hurt ... The 27-year-old wrote": the person the report gave that age,
        by the number after the name ("Mensah, 27,") or in a description of theirs ("the
        27-year-old striker Kofi Mensah"); None when no one or several were given it."""
        age = next((t.text for t in mention if t.like_num), None)
        if age is None:
            return None
        doc = self.doc
        aged = {
            record.id for record in self.records if record.type == "person" for m in record.mentions
            if m.end < mention.start and m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].text == age
            or m.start > 0 and re.search(rf"\b{age}\s*-\s*year\s*-\s*old\b", doc[max(m.start - MAX_AGE_GAP, 0):m.start].text.lower())
        }
        return self.records[aged.pop()] if len(aged) == 1 else None

    def person_described_as(self, mention: Span) -> Optional[Record]:
        """"Ajax's 19-year-old debutant Sven de Wit scored ... “It is a dream,” the debutant said":
        the one person the report introduced with the description's noun right before the name;
        None when no one or several were."""
        noun = mention.root.lower_
        described = {
            record.id for record in self.records if record.type == "person" for m in record.mentions
            if m.end <= mention.start and m.start > 0 and self.doc[m.start - 1].lower_ == noun
        }
        return self.records[described.pop()] if len(described) == 1 else None

    def age_description(self, mention: Span) -> bool:
        """"My body will tell me," the 34-year-old said: a definite description by age alone, or by
        age and nationality ("the 33-year-old Italian"), refers back to a person as a pronoun does
        (sports and court reports vary their references so), and says nothing more of them."""
        words = self.words.definite_determiners
        if len(mention) < 2 or mention[0].lower_ not in words:
            return False
        described = mention[1:-1] if len(mention) > 2 and mention[-1].ent_type_ == "NORP" else mention[1:]
        return AGE_DESCRIPTION.fullmatch(described.text.lower()) is not None

    def nationality_description(self, mention: Span) -> bool:
        """"“It still hurts,” the Hungarian said": a definite article and a nationality noun alone
        refer back to a person named before, as a pronoun does (sports copy varies its references
        so). Only a count noun names one person: "the British", "the French", "the Chinese" (no
        singular noun) and plurals ("the Hungarians") are nations or groups."""
        if len(mention) != 2 or mention[0].lower_ not in self.words.definite_determiners:
            return False
        noun = mention[1]
        lower = noun.lower_
        if lower in self.words.nationality_nouns:
            return True  # "the Dutchman", "the Spaniard": the NER often takes them for organisations
        return (
            noun.ent_type_ == "NORP" and noun.tag_ in ("NNP", "NN") and noun.text[:1].isupper()
            and not lower.endswith(NATION_ONLY_ENDINGS)
        )

    def description_gender(self, noun: Token) -> Optional[str]:
        """The gender a describing noun implies: the lexicon's ``person_descriptions`` ("the
        mother of two"), or a nationality noun's "-man" / "-woman" ("the Dutchman")."""
        lemma = noun.lemma_.lower()
        if lemma in self.words.person_descriptions:
            return self.words.person_descriptions[lemma]
        if noun.lower_ in self.words.nationality_nouns and noun.lower_.endswith(("man", "woman")):
            return "female" if noun.lower_.endswith("woman") else "male"
        return None

    def person_description(self, mention: Span) -> bool:
        """"“I thought it was real,” the mother of two said", "“I'd do it again,” the
        centre-back said": a definite description by a noun for a person that is no function
        (lexicon ``person_description_heads``: kin, ages of life, a player's position or standing)
        refers back to a person named before, as a pronoun of the gender it implies does."""
        head = mention.root
        return (
            mention[0].lower_ in self.words.definite_determiners and head.tag_ == "NN"
            and hyphenated_lemma(head) in self.words.person_descriptions  # "the centre-back"
            and not any(t.ent_type_ == "PERSON" for t in mention)
        )

    def subject_before(self, pronoun: Span, sentence: int, speaker: Record) -> bool:
        """Whether a person is the subject of a clause earlier in the pronoun's own sentence, or
        another person than the previous claim's speaker the main subject of the sentence right
        before (:meth:`main_subject`; "Reid said he hoped *Hartley* would stay" keeps Reid):
        then that person, not the speaker, is who the sentence is about ("Roe was never able to
        shake that image, which was cemented with his comment"; "Kiprono said through his agent
        that ... The agent, Dutchman Pieter van Loon, was less diplomatic. He argued ...")."""
        return any(
            m.end <= pronoun.start and not m.quoted
            and (m.subject and m.sentence == sentence or m.sentence == sentence - 1 and r is not speaker and self.main_subject(m))
            for r in self.records if r.type == "person" for m in r.mentions
        )

    @staticmethod
    def clausemate_subject(pronoun: Token) -> int:
        """The index of the subject an object pronoun cannot refer to, -1 if none: "Lopez asked
        him" is not Lopez (a reflexive would be), nor "Lopez talked to him"."""
        verb = pronoun.head.head if pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep" else pronoun.head
        if pronoun.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return -1
        return next((c.i for c in verb.children if c.dep_ in SUBJECTS), -1)

    def described_person(self, role: str, mention: Span) -> Optional[Record]:
        """"The senator", "the Democratic presidential nominee": the latest person before the
        description whose role ends in the same word (and whose party, if the description names
        one, agrees). Failing that, when the description names a party, the most mentioned
        person of that party with no other role: a report calls its protagonists by their
        function ("the Republican nominee") without having given it with their name; so it does
        with an emphatic reflexive ("the attorney general herself"), and as the subject of a
        clause (not of a participle: "the partner being supportive of her" is someone else, and
        not one an apposition describes further: "The nurse, a 30-year-old mother of two, said"
        brings in a new person)."""
        head = role.split()[-1]
        ranks = self.role_ranks(role)
        owned = self.possessed_by(mention)
        if owned is not None:  # "its chairman": that body's, the lead's protagonist first
            protagonist = self.named_below(mention)
            if protagonist is not None:
                self.describe(protagonist, role, mention)
                return protagonist
            return self.body_role_holder(mention, role, owned[0])
        party = self.stated_party(mention)
        best, best_position = None, -1
        for record in self.records:
            if record.type != "person" or not any(r.split()[-1] == head and ranks <= set(r.split()) for r in record.every_role):
                continue
            if party and record.organisation is not None and record.organisation.text != party:
                continue
            earlier = [m.start for m in record.mentions if m.start < mention.start]
            position = max(earlier) if earlier else -1
            if earlier and position > best_position:
                best, best_position = record, position
        if best is None and mention.start in self.headline_tokens:
            best = self.named_in_body(head, ranks)
        if best is not None:
            return best
        members = [
            r for r in self.records
            if r.type == "person" and r.organisation is not None and r.organisation.text == party and not r.every_role
            and any(m.start < mention.start for m in r.mentions)
        ] if party else []
        if members:
            return max(members, key=lambda r: len(r.mentions))
        named = self.named_below(mention)
        if named is not None:
            return named
        if any(r.split()[-1] == head for p in self.records for r in p.every_role):
            return None
        reflexive = self.emphatic_reflexive(mention)
        if reflexive is not None:
            return self.salient_person(mention, self.words.pronoun_genders.get(reflexive.lower_), None)
        introduced = any(c.dep_ == "appos" for c in mention.root.children)  # "The nurse, a 30-year-old mother of two,"
        if (mention.root.dep_ in SUBJECTS or party and self.owner_of_thing(mention.root)) and mention.root.head.tag_ != "VBG" and not introduced:
            salient = self.salient_person(mention, None, None)
            return salient if salient is not None and not salient.every_role else None  # a grower is not "the senator"
        return None

    def owner_of_thing(self, token: Token) -> bool:
        """Whether a description owns something other than a body ("the Republican nominee's
        stance", with its party, is the protagonist's, as a subject is; "the U.S. attorney's
        office" is an office)."""
        return token.dep_ == "poss" and token.head.lemma_.lower() not in self.words.bodies

    @cached_property
    def report_country(self) -> Optional[str]:
        """The country a report is filed from, as its dateline names it ("LUBLIN, Poland, Jan 9
        (Wire) -"; lexicon ``place_adjectives`` knows the countries), unless that is also a
        state's name in datelines (lexicon ``dateline_state_names``: "ATLANTA, Georgia"). None
        for a dateline with a city alone ("LONDON, Jan 9") or none: the countries a lead names
        are as often those the report is about from abroad ("WASHINGTON - ... jets to Turkey.
        The government said")."""
        adjectives = self.words.place_adjectives
        for span in self.doc.spans.get(FURNITURE_SPANS, []):
            places = [part.strip() for part in span.text.split(",")] if span.label_ == "DATELINE" else []
            named = [place for place in places[1:] if place in adjectives and place not in self.words.dateline_state_names]
            if named:
                return named[0]
        return None

    def national_name(self, name: str, mention: Optional[Span] = None) -> str:
        """"The interior ministry" in a report from Poland -> "Polish interior ministry": a bare
        description of a country's government body (lexicon ``national_government_heads``) is
        that of the country the report is filed from (:attr:`report_country`), qualified by its
        adjective as a named owner would (guidelines: one country's ministry is not another's
        across reports); a place governed by another state is that state's (lexicon
        ``governing_states``: England's government is the British one). Only where the mention
        is that bare description itself (an article and lower-case words, not an owner's "Belarus's
        defence ministry"), and not "the ministry" alone, which refers back to whichever
        ministry the report named; not a region's or town's body (lexicon ``subnational_words``:
        "the regional government"), nor a name."""
        words = name.split()
        country = self.report_country
        if (country is None or not name.islower() or not words or words[-1] not in self.words.national_government_heads
                or any(word in self.words.subnational_words for word in words)):
            return name
        if mention is not None and not self.bare_description(mention, words):
            return name
        return f"{self.words.place_adjectives[self.words.governing_states.get(country, country)]} {name}"

    def bare_description(self, mention: Span, words: List[str]) -> bool:
        """Whether a mention is an article and the lower-case words of ``words`` alone ("The
        interior ministry", "the government"), with more than the head where the head is one a
        report uses to refer back ("the ministry")."""
        rest = [t for t in mention if not (t.i == mention.start and t.lower_ in self.words.determiners)]
        if [t.lower_ for t in rest] != words or any(not t.is_lower for t in rest):
            return False
        return len(words) > 1 or words[0] == "government"

    @cached_property
    def lead_sentence(self) -> int:
        """The last sentence of a report's lead: the two after the headline lines (a headline the
        segmenter did not mark is one of them)."""
        first = next((t.i for t in self.doc if t.i not in self.headline_tokens and t.i not in self.dateline_tokens and not t.is_space), 0)
        return self.sentence_of.get(first, 0) + 1

    def lead_description(self, mention: Span) -> bool:
        """Whether a mention is a description of one person by a role, with no person's name in
        it ("a former party chairman", "the head of their union"), that is the subject of the
        main verb in the headline or the lead: the report's protagonist. A subject of a clause
        under it ("says the mayor should resign") or an owner ("the candidate's doctor") is
        someone the protagonist talks about, and one whose role is given for a body ("a
        spokeswoman for the water board", or one that exists only inside an organisation, with its
        noun or name: "a club spokesman", "a Brandt spokesman"; "a hospital doctor" may be the
        person named next, and so may a former one, "a former DNC chairman") is an unnamed
        official, named by the role."""
        root = mention.root
        return (
            (mention.start in self.headline_tokens or self.sentence_of.get(mention.start, 0) <= self.lead_sentence)
            and root.tag_ == "NN" and root.dep_ in SUBJECTS and root.head.dep_ == "ROOT" and root.lemma_.lower() in self.words.roles
            and not any(t.ent_type_ == "PERSON" for t in mention) and not self.owns(mention)
            and not any(c.dep_ == "prep" and c.lower_ in self.words.role_organisation_preps for c in root.children)
            and not (root.lemma_.lower() in self.words.organisation_roles and any(
                c.dep_ == "compound" and (c.text.islower() and self.analyser.body_word(c) or c.pos_ == "PROPN") for c in root.children)
                and not any(t.lower_ in self.words.former_markers for t in mention))
        )

    def owns(self, mention: Span) -> bool:
        """Whether a possessive ending follows the mention ("the candidate’s doctor"), however the
        parser attached it."""
        after = self.doc[mention.end] if mention.end < len(self.doc) else None
        return after is not None and (after.tag_ == "POS" or after.text.replace("’", "'") in ("'s", "'"))

    def named_below(self, mention: Span) -> Optional[Record]:
        """"A former party chairman says the leaders should act ... “Now is the time,” said Don
        Roe, who led the party": a report opens on a description of its protagonist and names them
        in the next sentences; the description resolves to the first person the body names
        after it (annotation guidelines, section 8). Persons already named before or in its own
        sentence are others ("... says President Jane Doe and ..."); the person's first mention
        by name counts, not a description already resolved to them."""
        if not self.lead_description(mention):
            return None
        sentence = self.sentence_of.get(mention.start, 0)
        firsts = [(min(named), r.id) for r in self.records if r.type == "person" for named in [self.named_starts(r)] if named]
        below = [
            (start, record_id) for start, record_id in firsts
            if start >= mention.end and start not in self.headline_tokens and not self.byline(start)
            and sentence < self.sentence_of.get(start, 0) <= sentence + LEAD_WINDOW
        ]  # the byline's writer is not the report's protagonist
        if not below:
            return None
        record = self.records[min(below)[1]]
        if mention.root.lemma_.lower() in self.words.anonymous and not self.named_as(record, mention.root):
            return None  # "A Treasury official said ... Treasury Secretary Ana Ruiz says": someone else
        return record

    def named_as(self, record: Record, noun: Token) -> bool:
        """Whether the report names the person as what a description called them: the first
        mention of the name stands in apposition to a noun of the same lemma ("A senior Treasury
        official said ... The official, Deputy Secretary Wally Adeyemi, said")."""
        root = self.doc[min(self.named_starts(record))]
        while root.dep_ in ("compound", "flat") and root.head.i > root.i:
            root = root.head
        apposed = root.head if root.dep_ == "appos" else None
        return apposed is not None and apposed.lemma_.lower() == noun.lemma_.lower()

    def role_ranks(self, role: str) -> Set[str]:
        """The words of a role that rank it (lexicon ``role_modifiers``: "deputy", "assistant"):
        a description matches only a role holding them too."""
        return set(role.split()) & self.words.role_modifiers

    def body_role_holder(self, mention: Span, role: str, body: Record) -> Optional[Record]:
        """"Ferrand cut its forecast, but its chairman said ... chairman Olivier Mauron told
        analysts": a role owned by "its" is the person holding that very role (the same words, not
        a former one, not "city manager" for "its manager") in the body "its" refers to
        (:meth:`possessed_by`): the latest named before, else, in the lead, the first the report
        names below; never one introduced with another body's name ("Rival Corvex's chairman")."""
        names = {body.name.lower(), *(a.lower() for a in body.aliases)}
        others = {n.lower() for o in self.records if o.id != body.id and o.type in ("organisation", "government")
                  for n in (o.name, *o.aliases)} - names
        holders = [
            (min(named), max((start for start in named if start < mention.start), default=-1), r.id)
            for r in self.records if r.type == "person" and role in r.roles
            for named in [self.named_starts(r)] if named
            if (r.organisation.text.lower() in names if r.organisation is not None else not self.introduced_with(r, others))
        ]
        earlier = [(last, i) for _, last, i in holders if last >= 0]
        if earlier:
            return self.records[max(earlier)[1]]
        later = [(first, i) for first, _, i in holders if first > mention.end]
        in_lead = self.sentence_of.get(mention.start, 0) <= self.lead_sentence
        return self.records[min(later)[1]] if later and in_lead else None

    def named_starts(self, record: Record) -> List[int]:
        """Where the report names a person by name, not by a description already resolved to them."""
        return [m.start for m in record.mentions if any(t.pos_ == "PROPN" for t in self.doc[m.start:m.end])]

    def introduced_with(self, record: Record, names: Set[str]) -> bool:
        """Whether a person's first mention names one of these bodies ("Rival Corvex's chairman
        Jan Berg", "Jan Berg, chairman of rival Corvex")."""
        first = min(record.mentions, key=lambda m: m.start)
        root = self.doc[first.start:first.end].root
        text = self.doc[root.left_edge.i:root.right_edge.i + 1].text.lower()
        return any(name in text for name in names)

    def named_in_body(self, head: str, ranks: Set[str]) -> Optional[Record]:
        """"Agent says striker will stay": a headline's role description is the person the report
        first names with that role below it (the headline comes before everyone). A headline
        shortens a role to any of its words ("Brodeur chief" for the chief executive), read so
        only where no one holds a role ending on it ("Fire chief says" is the fire chief)."""
        for holds in (lambda words: words[-1] == head, lambda words: head in words):
            holders = [
                (min(m.start for m in r.mentions), r.id) for r in self.records
                if r.type == "person" and r.mentions and any(holds(x.split()) and ranks <= set(x.split()) for x in r.every_role)
            ]
            if holders:
                return self.records[min(holders)[1]]
        return None

    def holder_at(self, role: str, organisation: TextSpan) -> Optional[Record]:
        """The person the report first names with the role, or with a role the headline word
        stands for (lexicon ``headline_role_words``: "Skyvia chief" for the chief executive, a
        boss the chief executive or, at a club, the manager; each only as that very role, so no
        "UK manager" or "chief financial officer"), at the body named ``organisation`` or by a
        short name of it ("Harwick" for Harwick Town)."""
        head = role.split()[-1]
        if role.split()[0] in self.words.former_markers:
            return None  # "Former Skyvia boss": whoever holds the role now is someone else
        wanted = list(self.words.headline_role_words.get(head, ()))
        body = name_words(organisation.text)
        holders_by_role = (
            [(min(m.start for m in r.mentions), r.id) for r in self.records
             if r.type == "person" and r.mentions and r.organisation is not None and same_body(name_words(r.organisation.text), body)
             and any(x == target if wanted else x.split()[-1] == head for x in r.roles)]
            for target in (self.club_first(wanted, organisation) if wanted else [head])
        )
        holders = next((h for h in holders_by_role if h), None)
        return self.records[min(holders)[1]] if holders else None

    def club_first(self, roles: Sequence[str], organisation: TextSpan) -> List[str]:
        """The roles a headline word stands for, a team role first where the body is a club
        (lexicon ``club_name_words``, ``team_roles``): a club's boss is its manager."""
        words = name_words(organisation.text)
        club = len(words) > 1 and words[-1] in self.words.club_name_words
        return sorted(roles, key=lambda r: role_noun(r) not in self.words.team_roles) if club else list(roles)

    def apposed_name_after(self, token: Token) -> bool:
        """Whether a name stands beside a role noun ("Its director, Marcus Feld, warned"): an
        apposition, or a comma and a proper noun right after it, however the parser hangs them."""
        after = token.i + 2 < len(self.doc) and self.doc[token.i + 1].text == "," and self.doc[token.i + 2].pos_ == "PROPN"
        return after or any(c.dep_ == "appos" for c in token.children)

    def emphatic_reflexive(self, mention: Span) -> Optional[Token]:
        """"the attorney general herself": a reflexive right after a description (lexicon
        ``emphatic_reflexives``) stresses that it is the person the report is about."""
        after = self.doc[mention.end] if mention.end < len(self.doc) else None
        return after if after is not None and after.lower_ in self.words.emphatic_reflexives else None

    def stated_party(self, mention: Span) -> Optional[str]:
        """The party a description names ("the Democratic nominee" -> Democratic Party), not a
        party word inside an organisation's name ("a Democratic National Committee chairman")."""
        return next((self.words.party_names[t.lower_] for t in mention if t.lower_ in self.words.party_names and not self._in_org_entity(t)), None)

    def describe(self, record: Record, role: str, mention: Span) -> None:
        """What a description resolved to a person adds to it: the role (party words out) and the
        party as organisation, when the person has none yet (a former role gives none)."""
        self.add_role(record, role)
        party = self.stated_party(mention)
        if party and record.organisation is None and role.split()[0] not in self.words.former_markers:
            record.organisations.append(TextSpan(party, mention.start_char, mention.end_char))
        self.add_mention(record, mention)

    def portfolio_department(self, role: str) -> Optional[TextSpan]:
        """"Deputy Agriculture Minister Pawel Kruk ... the agriculture ministry said": a minister or
        secretary named by a portfolio (lexicon ``portfolio_titles``) holds office in the
        department of that portfolio, when the report names exactly one government department
        whose name holds the role's words but its ranks ("deputy", lexicon ``role_modifiers``):
        "Department of Homeland Security" for the homeland security secretary, and so is one
        the NER typed an organisation whose name ends on a government noun ("Homeland Security
        Department"; not "State Health Insurance Fund"). An office that holds a portfolio without
        naming it (lexicon ``office_portfolios``: "attorney general" -> "justice") is placed in
        that portfolio's department the same way ("Justice Department"). A report naming none
        gives no organisation (no department is invented)."""
        words = role.split()
        portfolio = self.words.office_portfolios.get(role)
        if portfolio is None and words[-1] not in self.words.portfolio_titles:
            return None
        before = {portfolio} if portfolio is not None else set(words[:-1])
        allowed = self.words.role_modifiers | self.words.former_markers  # "deputy", "former": ranks, no portfolio
        held = [
            r for r, named in ((r, set(name_words(r.name))) for r in self.records if r.mentions and (
                r.type == "government" or r.type == "organisation" and name_words(r.name)[-1] in self.words.government))
            if named & self.words.government and before & named and before - named <= allowed
        ]
        if len(held) != 1:
            return None
        first = min(held[0].mentions, key=lambda m: m.start)
        span = self.doc[first.start:first.end]
        return TextSpan(held[0].name, span.start_char, span.end_char)

    def _roles_from_descriptions(self) -> None:
        """Definite role descriptions anywhere in the report ("the Republican presidential
        nominee's plan", "the attorney general herself") give the person they describe that role,
        so that every mention of the person, pronouns included, carries it. One inside a
        quotation is a mention of the person and gives no role: a speaker may talk of a role in
        general ("“The doctor is always the author,” its co-founder told")."""
        for token in self.doc:
            phrase = self.role_description(token)
            if phrase is None:
                continue
            role = self.description_role(phrase)
            record = self.described_person(role, phrase) if role else None
            if record is not None and self.quoted(phrase.start_char, phrase.end_char):
                self.add_mention(record, phrase)
            elif record is not None:
                self.describe(record, role, phrase)
                for conjunct, conjunct_role in self.coordinated_roles(phrase.root):
                    self.describe(record, conjunct_role, conjunct)

    def coordinated_roles(self, head: Token) -> List[Tuple[Span, str]]:
        """"the former secretary of state and current Democratic presidential nominee": role nouns
        coordinated with a description's head describe the same person, and share its article."""
        found = []
        for conjunct in head.conjuncts:
            if conjunct.i > head.i and conjunct.pos_ == "NOUN" and conjunct.lemma_.lower() in self.words.roles:
                phrase = self.doc[conjunct.left_edge.i:conjunct.i + 1]
                role = self.description_role(phrase)
                if role:
                    found.append((phrase, role))
        return found

    def description_role(self, phrase: Span) -> Optional[str]:
        """The role a description states: its words after the article, without party words,
        possessors, named places or groups and the word that says the role is held now ("the
        Republican presidential nominee", "current presidential nominee" -> "presidential
        nominee")."""
        tokens = [
            t for t in phrase
            if (t.dep_ not in ("det", "poss", "case", "punct") or t.i == phrase.root.i) and t.lower_ not in self.words.party_names
            and t.ent_type_ not in ("GPE", "NORP", "ORG") and not t.like_num and t.lower_ not in self.words.current_markers
        ]
        text = self.role_phrase(contiguous_run(tokens)) if tokens else None
        return self.analyser.with_function(text, phrase.root) if text else None

    def role_description(self, token: Token) -> Optional[Span]:
        """The phrase of a definite description headed by a role noun ("the Democratic nominee"),
        or None: a role with a name of its own ("the senator, Jane Roe", "Senator Roe") or in
        apposition to one ("Roe, the senator") is read with that name, and a superlative ("the
        highest-ranking prosecutor", "the best-paid executive") judges the person against others
        rather than naming an office."""
        words = self.words
        # headlines drop their articles and capitalise: "Agent says striker will stay" is "the agent"
        headline = token.i in self.headline_tokens and token.tag_ in ("NN", "NNP") and not token.ent_type_
        if token.pos_ != "NOUN" and not headline or token.lower_ not in words.roles and token.lemma_.lower() not in words.roles:
            return None
        if token.dep_ in ("compound", "appos"):
            return None
        if token.tag_ in ("NNS", "NNPS") and token.lower_ != token.lemma_.lower():
            return None  # "the organisers", "the lawyers": several people, no one person's description
        determiners = [c for c in token.lefts if c.dep_ == "det" or c.dep_ == "poss" and c.lower_ in words.thing_possessives]
        headline = headline and not determiners
        possessed = any(c.dep_ == "poss" for c in determiners) and not self.apposed_name_after(token)
        if not headline and not possessed and not any(c.lower_ in words.definite_determiners for c in determiners):
            return None  # "its chairman" is as definite as "the chairman" (the body's), unless named beside it
        if self.names_person(token.left_edge.i, token.right_edge.i) or token.head.ent_type_ == "PERSON":
            return None
        start = min(c.i for c in determiners) if determiners else token.left_edge.i
        if any(t.tag_ in ("JJS", "RBS") for t in self.doc[start:token.i]):
            return None  # "the highest-ranking prosecutor": a ranking, not the office
        return self.doc[start:token.i + 1]

    def names_person(self, first: int, last: int) -> bool:
        """Whether a person entity has a token between these token indices (a subtree: the parse
        is projective), by bisection: descriptions are looked up for every role noun of a report."""
        index = bisect_left(self.person_token_ids, first)
        return index < len(self.person_token_ids) and self.person_token_ids[index] <= last

    def described_institution(self, mention: Span, last_speaker: Optional[Record] = None) -> Optional[Record]:
        """"The agency", "the union", "police": a short definite (or bare plural) description with no
        name of its own is the latest organisation or government named before whose name holds
        that word ("the commission" -> "Commission on Elections"). Failing that, an organisation
        noun ("the company", "the club", "the network") is the organisation the report is about
        at that point (:meth:`salient_organisation`); a place owning the description makes it
        definite ("Portugal's consumer watchdog": a body named for it), though never a guess at
        the report's own body ("Dovany's army" after "Kestrel's defence ministry" is Dovany's); a government noun ("the ministry") is not
        guessed: the latest government of any name is as often a country as the body meant.
        Before any such body, the first named after that holds the word (:meth:`named_later`)."""
        words = self.words
        head = mention.root.lemma_.lower()
        owner = self.analyser.place_owner(mention, mention.root)  # "Ireland's competition watchdog"
        owned = owner is not None
        core = without_descriptive_modifiers(without_appositions(mention, stop_at_comma=True))
        if owner is not None:
            core = [t for t in core if t.i > owner.right_edge.i]
        # headlines drop their articles and capitalise nouns ("Team blames ..."), and the tagger reads
        # their lower-case nouns as names ("thermostat maker admits")
        headline = mention.start in self.headline_tokens
        bodies = words.bodies
        if len(core) > 3 or any((t.pos_ == "PROPN" and not (headline and (t.lower_ in bodies or t.text.islower()))) or t.ent_type_ for t in core):
            return None
        if mention[0].lower_ not in words.definite_determiners and not owned and not (len(mention) == 1 and mention.root.tag_ == "NNS") and not headline:
            return None
        if head not in words.government and head not in words.organisations:
            return None
        definite = mention[0].lower_ in words.definite_determiners  # a place's description is no guess at the report's body
        subject = self.sentence_subject_body(mention) if definite and head in words.organisations else None
        return (
            self.named_right_after(mention, head) or subject or self.described_in_apposition(mention)
            or self.body_named_by(head, mention.start, last_speaker if definite else None, guess=definite,
                                  kinds=kind_nouns(mention.root))
            or (self.lead_body(head) or self.described_later(head, mention.start) if headline else None)
        )

    def described_later(self, noun: str, position: int) -> Optional[Record]:
        """"Rally leader stripped of win; team says it will appeal ... Rantanen's Nordhaus Racing
        team": a headline's noun that no subject of the lead answers to (:meth:`lead_body`) is
        the first body the report describes by it after the headline."""
        return self.first_body_after(position, lambda record: noun in record.descriptors)

    def lead_body(self, head: str) -> Optional[Record]:
        """"Space agency: capsule landed intact ... the Asia-Pacific Space Agency said": a
        headline describes the body whose words the lead reports, and names it below by a name
        that need not hold the headline's noun. That body is the first of the headline noun's
        kind (an organisation noun, a government noun) that is a clause subject in the lead
        (outside quotations), and not one the report describes as another kind of body (a
        "studio" for a headline's "Union")."""
        kind = "government" if head in self.words.government else "organisation"
        subjects = [
            (m.start, r.id) for r in self.records if r.type == kind for m in r.mentions
            if m.start not in self.headline_tokens and self.sentence_of.get(m.start, 0) <= self.lead_sentence
            and (m.subject or self.names_subject_noun(m, head)) and not m.quoted and not self.described_otherwise(r, head)
        ]
        return self.records[min(subjects)[1]] if subjects else None

    def described_otherwise(self, record: Record, noun: str) -> bool:
        """Whether the report describes a body as another kind than ``noun`` ("the company" for a
        headline's "union"): it introduced it with other nouns only, none ``noun`` or a word for
        bodies of its kind (lexicon ``description_name_words``; any two nouns for a business,
        lexicon ``business_nouns``, are one kind: "smart-home company Varmeo" is the headline's
        "thermostat maker")."""
        words = self.words
        kin = {noun} | words.description_name_words.get(noun, frozenset())
        if noun in words.business_nouns:
            kin |= words.business_nouns
        return bool(record.descriptors) and not record.descriptors & kin

    def names_subject_noun(self, mention: Mention, noun: str) -> bool:
        """Whether a name modifies a clause subject headed by ``noun`` ("The Rivale-Kors team has
        blamed ...": the lead's subject is the team the headline's "Team" is)."""
        last = self.doc[mention.end - 1]
        return last.head.i >= mention.end and last.head.dep_ in SUBJECTS and last.head.lemma_.lower() == noun

    def described_in_apposition(self, mention: Span) -> Optional[Record]:
        """"The Halifax-based company, one of Britain's oldest biscuit makers, rejected ...": an
        apposition naming another kind of body than the description's noun is the one body
        named before that the report described with that noun ("biscuit maker Hallam & Rowe"),
        rather than the organisation the report is about."""
        root = mention.root
        kinds = {hyphenated_lemma(member_noun(c)) for c in root.children if c.dep_ == "appos" and c.i > root.i}
        kinds = (kinds & self.words.organisations) - {hyphenated_lemma(root)}
        if not kinds:
            return None
        described = [
            r for r in self.records
            if r.type in ("organisation", "government") and r.descriptors & kinds and any(m.end <= mention.start for m in r.mentions)
        ]
        return described[0] if len(described) == 1 else None

    def rename_description(self, record: Record, description: str) -> None:
        """"Patients wait longer, watchdog finds ... the medicines watchdog said": a body known
        only by a common noun takes the fuller description the report gives it later as its
        name; the earlier name stays an alias, and its speakers are renamed once the report is
        read (``linker_component.with_fuller_descriptions``)."""
        self.outgrown_names.setdefault(record.id, set()).add(record.name)
        record.name, outgrown = description, record.name
        record.alias(outgrown)

    def named_right_after(self, mention: Span, noun: str) -> Optional[Record]:
        """"The charity Warm Homes said": the parser may cut the name off its noun and take the
        description alone for the speaker; the body named right after it, which that noun
        describes (:meth:`descriptor_nouns`), is its referent, not an earlier one."""
        return next(
            (r for r in self.records if r.type in ("organisation", "government") and noun in r.descriptors
             and any(m.start == mention.end for m in r.mentions)),
            None,
        )

    def sentence_subject_body(self, mention: Span) -> Optional[Record]:
        """"Brewhouse, the British coffee chain, will close 140 cafés, the company said": a report
        names the organisation as the subject of the very sentence its description speaks in;
        the subject's name, when the report knows it as an organisation's, is the description's
        referent (the NER often misses a name opening a report). So is the organisation whose
        name opens the subject's ("Nordfors Paper will close ..., the company said" when the NER
        only labels "Nordfors" later), which the subject names in full."""
        sentence = mention.sent
        for token in sentence:
            if token.i >= mention.start:
                break
            if token.dep_ in SUBJECTS and token.pos_ == "PROPN":
                name = name_run(token).text
                record = self.find_institution(name) or self.shortened_in(name)
                if record is not None and record.type == "organisation":
                    return record
        return None

    def shortened_in(self, name: str) -> Optional[Record]:
        """The one organisation whose whole name opens the proper name ``name``, renamed by that
        fuller form (the canonical name is the fullest proper form; the short one stays an alias)."""
        found = [r for r in self.records if r.type == "organisation" and self.opens_with(name, name_words(r.name))]
        if len(found) != 1:
            return None
        record = found[0]
        short, record.name = record.name, name
        record.alias(short)
        return record

    def same_kind(self, noun: str, words: List[str]) -> bool:
        """Whether a body known by a description (``words``) is one ``noun`` can name: the
        description holds it, or both are words for a business ("Chile's biggest copper miner
        said ... The company said"; lexicon ``business_nouns``)."""
        return noun in words or noun in self.words.business_nouns and bool(words) and words[-1] in self.words.business_nouns

    def answers_to(self, record: Record, noun: str, kinds: Tuple[FrozenSet[str], ...]) -> bool:
        """Whether a body's name or the descriptions the report gave it hold every noun
        compounded on a description of it by ``noun``, in some form ("the national weather
        service" is neither the "insurer Nordvik Insurance" the report is about nor "the fire
        service"). Only a body whose kind the report told answers for it: one known by a
        description ("fire service", not a headline's bare "ministry"), described where it was
        named, or whose name holds the description's noun ("Hellenic Fire Service") or opens with
        a body noun ("Insurer Halvard Mutual"). A body the report named but never described may
        be told of by any description ("Pelham United sacked its manager ... The football club
        said", "The Met Office said ... The weather service said"), unless it was only ever named
        under a preposition ("The fire service in Cork said": the NER's "Cork" is a place)."""
        if not kinds:
            return True
        words = name_words(record.name)
        if words == [noun]:
            return True
        told = record.name.islower() or record.descriptor_words or noun in words[1:] or len(words) > 1 and words[0] in self.words.bodies
        if not told:
            return any(self.doc[m.end - 1].dep_ != "pobj" for m in record.mentions)
        return all(forms & (set(words) | record.descriptor_words) for forms in kinds)

    def body_named_by(self, noun: str, position: int, last_speaker: Optional[Record], guess: bool = True,
                      kinds: Tuple[FrozenSet[str], ...] = ()) -> Optional[Record]:
        """The body an organisation or government noun stands for at a point of the report: the
        latest named before whose name holds the noun or a word that names bodies of its kind
        (lexicon ``description_name_words``: "the regulator" -> "Consumer Fairness Authority",
        "the union" -> "United Mine Workers"), a body with a name of its own before one known only
        by the noun (:meth:`only_described`), else (``guess``, for an organisation noun)
        :meth:`salient_organisation`. Nouns compounded on the description's (``kinds``: "weather"
        in "the national weather service") say which kind of body it is: only one whose name or
        descriptions hold them answers to it (not "the fire service", nor an insurer)."""
        best: Optional[Record] = None
        best_key = (False, -1)
        kin = {noun} | self.words.description_name_words.get(noun, frozenset())
        for record in self.records:
            if record.type not in ("organisation", "government") or not kin & set(name_words(record.name)) and noun not in record.descriptors:
                continue
            if not self.answers_to(record, noun, kinds):
                continue
            earlier = [m.start for m in record.mentions if m.end <= position]
            key = (not self.only_described(record, noun), max(earlier)) if earlier else None
            if key is not None and key > best_key:
                best, best_key = record, key
        if best is None and guess and noun in self.words.organisations:
            best = self.salient_organisation(noun, position, last_speaker, kinds)
        return best or self.named_later(noun, position, kinds)

    def only_described(self, record: Record, noun: str) -> bool:
        """Whether the report knows a body only by the bare noun itself and never brings it in as
        a body of its own: a headline's "Panel" or "the panel" above "the Cycling Anti-Doping
        Panel" describes the named body; "A three-member panel", "the parish council" or "a state
        regulator" is another body."""
        return record.name.lower() == noun and not any(self.doc[m.start].lower_ in ("a", "an") for m in record.mentions)

    def named_later(self, noun: str, position: int, kinds: Tuple[FrozenSet[str], ...] = ()) -> Optional[Record]:
        """"Central bank holds rates ... The Reserve Bank of Aotearoa kept": a description before
        any body is named (a headline, a lead) names the first one named after whose name holds
        its noun (and the nouns compounded on it, :meth:`answers_to`)."""
        return self.first_body_after(position, lambda record: noun in name_words(record.name) and self.answers_to(record, noun, kinds))

    def first_body_after(self, position: int, fits: Callable[[Record], bool]) -> Optional[Record]:
        """The organisation or government that ``fits`` and that the report first names after
        ``position``, never before it."""
        later = [
            (min(m.start for m in r.mentions), r.id) for r in self.records
            if r.type in ("organisation", "government") and r.mentions and fits(r)
            and all(m.start >= position for m in r.mentions)
        ]
        return self.records[min(later)[1]] if later else None

    def salient_organisation(self, noun: Optional[str], position: int, last_speaker: Optional[Record],
                             kinds: Tuple[FrozenSet[str], ...] = ()) -> Optional[Record]:
        """The organisation a report is about where a description names none ("Vantel said ...
        The company said"): among the organisations mentioned before, the one that is a clause
        subject, mentioned often and lately, or spoke last. Salience decays slowly over sentences
        (the protagonist of a business or sports report stays the same), and a mention only
        modifying another noun, or inside a quotation, counts little, as for persons, and one in
        brackets not at all (:meth:`bracketed`). A name holding another organisation noun ("Fair
        Trade Commission" for "the company") would have been called by that noun: it competes
        only where nothing else does."""
        sentence = self.sentence_of.get(position, 0)
        heads = self.words.bodies - {noun} if noun else frozenset()
        scores: Dict[int, float] = {}
        for record in self.records:
            if record.type != "organisation" and not self.government_body(record):
                continue
            if noun and record.name.islower() and not self.same_kind(noun, name_words(record.name)) or not self.answers_to(record, noun or "", kinds):
                continue  # "the company" known only so is no name for "the police"
            earlier = [m for m in record.mentions if m.end <= position and not self.bracketed(m)]
            if not earlier:
                continue
            best = max(
                (SUBJECT_BONUS if m.subject else 0.0) - (MODIFIER_PENALTY if m.modifier else 0.0)
                - (QUOTED_PENALTY if m.quoted else 0.0) - ORGANISATION_DISTANCE_COST * (sentence - m.sentence)
                for m in earlier
            )
            best += math.log1p(len(earlier)) + (SPEAKER_BONUS if record is last_speaker else 0.0)
            best += DESCRIPTOR_BONUS if noun in record.descriptors else 0.0
            if heads & set(name_words(record.short_name)):
                best -= OTHER_HEAD_PENALTY
            scores[record.id] = best
        return self.records[max(scores, key=scores.get)] if scores else None

    @staticmethod
    def government_body(record: Record) -> bool:
        """"The Department of Veterans Affairs ... The agency": a department is a government
        (:meth:`ministerial_department`) that still competes in :meth:`salient_organisation`, as
        it did as an organisation, with the penalty of a name holding another noun, so a
        company still wins "the company". Ministries, countries and cities never compete: a
        ministry is not guessed ("A spokesman said" is nobody's in a ministry's report)."""
        return record.type == "government" and "department" in name_words(record.name)

    @cached_property
    def author(self) -> Optional[Record]:
        """Who writes the report, for an "I" outside quotations (an opinion piece): the person of
        a byline ("By Jane Roe") or of the closing note on the author ("Jane Roe is a playwright
        at Kellwick College."), the person subject of the last sentence when its verb is "be"."""
        persons = {(m.start, m.end): r for r in self.records if r.type == "person" for m in r.mentions}
        for (start, _), record in sorted(persons.items()):
            if self.byline(start):
                return record
        last = list(self.doc.sents)[-1] if len(self.doc) else None
        if last is None or last.root.lemma_ != "be":
            return None
        subjects = [c for c in last.root.children if c.dep_ == "nsubj"]
        return next((r for (start, end), r in persons.items() if subjects and start <= subjects[0].i < end), None)

    def bracketed(self, mention: Mention) -> bool:
        """"LONDON (Wire) -": a name in brackets is an aside (a dateline's agency, an acronym), not
        what the report is about."""
        doc = self.doc
        return 0 < mention.start and mention.end < len(doc) and doc[mention.start - 1].text == "(" and doc[mention.end].text == ")"

    def implicit_organisation(self, role: Optional[str], position: int) -> Optional[TextSpan]:
        """"Vantel said ... Chief executive Ana Roe said": a role that exists only inside an
        organisation (lexicon ``organisation_roles``), given with none, is held in the
        organisation the report is about at that point (:meth:`salient_organisation`). The
        weakest evidence: only where neither the words around the person nor any mention of
        them names a body."""
        words = role.split() if role else []
        bodies = self.words.bodies
        if not words or role_noun(role) not in self.words.organisation_roles or any(w in bodies for w in words[:-1]):
            return None  # "council chair": the noun names the body, if not by name
        if words[0] in self.words.former_markers:
            return None  # a former chair speaks for no body
        record = self.salient_organisation(None, position, None)
        if record is None:
            return None
        latest = max((m for m in record.mentions if m.end <= position), key=lambda m: m.start)
        return self.named_span(record.name, latest)

    def body_of_kind(self, role: Optional[str], position: int) -> Optional[TextSpan]:
        """"The Court of Appeal ruled ... Judge Miriam Harcourt said": a role held in one kind of
        body (lexicon ``role_body_nouns``: a judge in a court, a councillor in a council), given
        with none, is held in the body of that kind the report names nearest the mention; none is
        guessed where the report names none, nor for a former holder. Players hold theirs in a
        club or team ("Captain Jamie Osei" in a report on Harbourside Rovers), never in the league
        or the organisers the report is also about; the club a word before the role names first
        ("City goalkeeper Tom Reid" plays for Kingsport City); and no club where a ship or
        aircraft is near (:meth:`near_craft`)."""
        nouns = self.words.role_bodies.get(role_noun(role), frozenset()) if role else frozenset()
        if not nouns or role.split()[0] in self.words.former_markers:
            return None  # a former captain plays for no club now
        if self.near_craft(position):
            return None  # "A ferry ran aground ... Captain Ivan Petrov said": the ship's captain
        named = [r for r in self.records if r.type in ("organisation", "government") and set(role.split()[:-1]) & set(name_words(r.name))]
        found = [(mention, record) for record in (named[:1] if len(named) == 1 else
                                                   [self.body_named_by(noun, position, None, guess=False) for noun in nouns])
                 if record is not None for mention in record.mentions]
        if not found:
            return None
        mention, record = min(found, key=lambda pair: abs(pair[0].start - position))
        return self.named_span(record.name, mention)

    def event_of_role(self, role: Optional[str]) -> Optional[TextSpan]:
        """"Tournament director Urs Meier", "race director", "festival director": a role whose
        noun before it is an event (lexicon ``event_role_nouns``) is held in the event the report
        names (a name ending in an ``event_name_words`` word, "Lakeside Open", one opening with
        one and "of", "Tour of the Flanders Coast", or one the NER labels an event): the event
        the report is about, the first it names (a player's next tournament, a race cancelled
        last month, is named later). None for a former holder."""
        words = role.split() if role else []
        if len(words) < 2 or words[-2] not in self.words.event_role_nouns or words[0] in self.words.former_markers:
            return None
        first = next((e for e in self.doc.ents if self.event_name(e)), None)
        return self.organisation_text(first) if first is not None else None

    def event_group_name(self, mention: Span) -> Optional[str]:
        """"Organisers said", "the race organisers": the people who run an event (lexicon
        ``event_group_nouns``), with nothing to say which event but an event noun (lexicon
        ``event_role_nouns``), are a group named for the event named in their sentence or the one
        before ("... run the Boston Marathon in April. Race organisers said" -> "organisers of the
        Boston Marathon"), else the event the report is about, the first it names (as
        :meth:`event_of_role`). Not organisers owned
        or named ("its organisers", "the prize's organisers", "Caledonia Prize organisers",
        "organisers of the fair"), nor where the report names no event."""
        head = mention.root
        if head.lower_ not in self.words.event_group_nouns or any(c.dep_ in ("prep", "poss") for c in head.children):
            return None
        if any(t.head.lemma_.lower() in self.words.bodies for t in self.tokens_in(LOWER, ORGANISING_WORDS)):
            return None  # "the race's organising committee said": the report names the body that organises
        if any(t.lower_ not in self.words.determiners and t.lower_ not in self.words.event_role_nouns for t in mention if t.i < head.i):
            return None
        events = [e for e in self.doc.ents if self.event_name(e)]
        sentence = self.sentence_of.get(mention.start, 0)
        near = [e for e in events if e.end <= mention.start and sentence - self.sentence_of.get(e.start, 0) <= 1]
        event = near[-1] if near else next(iter(events), None)  # "... run the Boston Marathon in April. Race organisers said"
        if event is None:
            return None
        name = self.organisation_text(event).text
        return f"{head.lower_} of {name if name.lower().startswith('the ') else 'the ' + name}"

    def event_name(self, ent: Span) -> bool:
        """Whether an entity is the name of an event: labelled one, or ending in an event word, or
        opening with one and "of" ("Tour of the Flanders Coast"), whatever else the NER calls it."""
        if ent.label_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY") or len(ent) < 2:
            return ent.label_ == "EVENT" and any(t.is_title for t in ent)
        event_words = self.words.event_name_words
        return (ent.label_ == "EVENT" and any(t.is_title for t in ent) or ent[-1].is_title and ent[-1].lower_ in event_words
                or ent[0].is_title and ent[0].lower_ in event_words and ent[1].lower_ == "of")

    def near_craft(self, position: int) -> bool:
        """Whether the sentence of ``position`` or the one before names a ship, boat or aircraft
        (lexicon ``craft_nouns``), whose captain or skipper a "Captain X" there may well be."""
        sentence = self.sentence_of.get(position, 0)
        return any(sentence - 1 <= self.sentence_of.get(t.i, -9) <= sentence for t in self.tokens_in(LOWER, self.words.craft_nouns))

    def leads_research_team(self, record: Record) -> bool:
        """Whether a mention of the person leads a research group ("The team, led by ecologist
        Mette Holm, weighed ...": the agent of "led" on a ``research_groups`` noun) or a piece of
        research ("Dr Anke Brandt, a marine ecologist who led the study", "who leads the
        programme": a relative clause on the name or its apposition whose verb tells a role,
        lexicon ``role_verbs``, and whose object is a ``research_works`` noun)."""
        for mention in record.mentions:
            root = self.doc[mention.start:mention.end].root
            group = root.head.head.head  # leader <- by <- led <- group
            if group.lemma_.lower() in self.words.research_groups and root in led_by(group):
                return True
            if any(self.leads_research(noun) for noun in [root, *(c for c in root.children if c.dep_ == "appos")]):
                return True
        return False

    def leads_research(self, noun: Token) -> bool:
        """Whether a relative clause on ``noun`` says it leads a piece of research, the report's
        own by its bare definite noun ("who led the study", "who leads the programme"); not one
        owned or described otherwise ("who leads the city's housing programme", "the project to
        build the bridge"), which may be anyone's."""
        return any(
            clause.dep_ == "relcl" and clause.lemma_.lower() in self.words.role_verbs
            and any(o.dep_ == "dobj" and o.lemma_.lower() in self.words.research_works
                    and [(c.dep_, c.lower_) for c in o.children] == [("det", "the")] and not self.owned_before(o) for o in clause.children)
            for clause in noun.children
        )

    def owned_before(self, noun: Token) -> bool:
        """Whether the report wrote the noun with an owner before ("The city's housing programme
        ... who leads the programme"): then "the programme" is that owner's."""
        return any(t.lemma_ == noun.lemma_ and any(c.dep_ == "poss" for c in t.children) for t in self.doc[:noun.i])

    def research_organisation(self, role: Optional[str], record: Optional[Record] = None) -> Optional[TextSpan]:
        """"Researchers at the Jutland Institute of Ecology said ... said lead author Dr Elsa
        Holm": an author or researcher given with no body, or whoever leads the research team
        (:meth:`leads_research_team`), works where the report's researchers do (lexicon
        ``research_groups``): the body of the one group of them the report places."""
        researcher = bool(role) and role_noun(role) in self.words.research_groups
        leader = record is not None and self.leads_research_team(record)
        if not researcher and not leader:
            return None
        bodies = {
            r.organisation.text: r.organisation for r in self.records
            if r.type == "group" and r.organisation is not None and name_words(r.name)
            and self.group_head(r).rstrip("s") in self.words.research_groups
        }
        if not bodies and (leader or role_noun(role) in STUDY_AUTHORS):
            bodies = self.placed_research_bodies()
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def placed_research_bodies(self) -> Dict[str, TextSpan]:
        """The organisations the report places researchers in where no researcher speaks ("The
        study, carried out by researchers at the University of Leicestershire"; :func:`research_body`),
        by name; none where researchers of two bodies did it ("at X and Y", "at X and at Y"). A
        single researcher ("Ines Ferreira, a seagrass researcher at the Lusitania Ocean Institute")
        is one person, often an outsider asked for comment: only plurals and group nouns (the
        ``research_groups`` that are no role nouns: "team") place the study's researchers."""
        found: Dict[str, TextSpan] = {}
        groups = ((t, body) for t, body in self.research_placements if t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() not in self.words.roles)
        for _, body in groups:
            if body.conjuncts or body.head.conjuncts or self.joined_after(body):
                return {}
            for record in (r for r in self.records if r.type == "organisation"):
                mention = next((m for m in record.mentions if m.start <= body.i < m.end), None)
                if mention is not None:
                    found.setdefault(record.name, self.named_span(record.name, mention))
        return found

    @cached_property
    def research_placements(self) -> List[Tuple[Token, Token]]:
        """Each research word the report places at a body, with that body's token
        (:func:`research_body`), in text order: one pass over the report for every question about
        where its researchers work."""
        return [(token, body) for token, body in ((t, research_body(t, self.words)) for t in self.doc) if body is not None]

    def joined_after(self, body: Token) -> bool:
        """Whether "and" joins another place of research right after the body's phrase ("at
        Halden University and at the Kessler Institute"), however the parser hangs it."""
        doc, end = self.doc, body.right_edge.i + 1
        return end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and (
            doc[end + 1].lower_ in self.words.affiliation_preps or doc[end + 1].ent_type_ == "ORG")

    def owned_by_person(self, mention: Span) -> bool:
        """Whether a person's role is owned by another person ("her coach", "Hartley's agent"):
        a relation to that person, held in no organisation the report is about."""
        words = self.words
        return any(
            t.dep_ == "poss" and (t.ent_type_ == "PERSON" or t.tag_ == "PRP$" and t.lower_ not in words.thing_possessives | words.collective_possessives)
            for t in mention
        )

    def possessive_body(self, mention: Span) -> Optional[TextSpan]:
        """"Haldemann said it would raise prices. Its chief executive, Beat Roe, ...": a role owned
        by "its" (lexicon ``thing_possessives``) is held in the body "its" refers to
        (:meth:`possessed_by`), named at its latest mention before."""
        owned = self.possessed_by(mention)
        return self.named_span(owned[0].name, owned[1]) if owned is not None else None

    def possessed_by(self, mention: Span) -> "Optional[tuple[Record, Mention]]":
        """The body "its" in a mention refers to, with its latest mention before: the subject of
        the clause the mention's verb reports (a tag after its content: "North Star Opera will close
        after the Northern Arts Board withdrew its grant, its artistic director said" is the
        opera's director), else one named earlier in its sentence, its subject first ("Acme sued
        Beta, according to its filing" is Acme's), else the subject of the sentence before, else
        the latest named in the latest sentence that names a body, one in a prepositional phrase
        last ("Glan Alyn Health Board said the devices were supplied by Audivo. The devices were
        withdrawn. Its medical director" is the board's; "The authority fined Orbis Telecom.
        Customers complained. Its chief executive" is Orbis's); not the organisation the report
        is about, which may be another."""
        owners = [t for t in self.with_apposed_role(mention) if t.dep_ == "poss" and t.lower_ in self.words.thing_possessives]
        if not owners:
            return None
        position = owners[0].i
        sentence = self.sentence_of.get(position, 0)
        reported = reported_subject_index(mention.root)
        found = [
            (m.start <= reported < m.end, m.sentence == sentence, m.sentence == sentence and m.subject,
             m.sentence == sentence - 1 and self.main_subject(m), m.sentence, not self.in_prepositional_phrase(m), m.start, record.id)
            for record in self.records if record.type in ("organisation", "government")
            for m in record.mentions if m.end <= position
        ]
        if not found:
            return None
        *_, start, record_id = max(found)
        record = self.records[record_id]
        return record, next(m for m in record.mentions if m.start == start)

    @staticmethod
    def with_apposed_role(mention: Span) -> List[Token]:
        """The mention's words, and for a name in apposition to a role before it ("Its director,
        *Ana Ribeiro*", where the source is the name alone) the role's words as well: what the
        role says of the name's body holds for the name."""
        root = mention.root
        head = root.head
        if root.dep_ != "appos" or head.i >= mention.start or head.pos_ != "NOUN":
            return list(mention)
        return list(mention.doc[head.left_edge.i:head.i + 1]) + list(mention)

    def in_prepositional_phrase(self, mention: Mention) -> bool:
        """Whether a mention is the object of a preposition ("supplied by Audivo", "sent to
        Inverlea Royal Infirmary"): its root, the one token whose head lies outside it."""
        doc = self.doc
        return any(doc[i].dep_ == "pobj" and not mention.start <= doc[i].head.i < mention.end for i in range(mention.start, mention.end))

    def organ_owner(self, mention: Span) -> Optional[Record]:
        """"Its trustees announced", "the bank's monetary committee said", "the board of Verhoef
        Coatings rejected": the organ that runs a body (lexicon ``organ_heads``) speaks as the
        body that owns it, by "its" (:meth:`possessed_by`), a possessor or an "of" phrase that
        names or describes one. A named organ ("the Monetary Policy Committee") is its own body,
        and so is a legislature's ("Parliament's foreign affairs committee": lexicon
        ``legislature_words``): its findings are not the chamber's."""
        root = mention.root
        if root.pos_ != "NOUN" or root.lemma_.lower() not in self.words.organ_heads:
            return None
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < mention.end), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None:
            return None
        if owner.tag_ == "PRP$":
            owned = self.possessed_by(mention) if owner.lower_ in self.words.thing_possessives else None
            record = owned[0] if owned is not None else None
        else:
            phrase = self.doc[owner.left_edge.i:owner.i + 1]
            record = self.institution_at(phrase) or self.find_institution(phrase.text) or (
                self.described_institution(phrase) if owner.pos_ == "NOUN" else None)
        if record is None or record.type not in ("organisation", "government"):
            return None
        return None if set(name_words(record.name)) & self.words.legislature_words else record

    def subject_body(self, pronoun: Token) -> Optional[TextSpan]:
        """"Hartfield Town ... plan to appeal. Their manager, Colin Ashby, ...": the organisation
        "their" stands for is the subject of a clause before it in its sentence or the main
        subject of the sentence before; a group or a person may be meant otherwise, so nothing
        further back counts."""
        sentence = self.sentence_of.get(pronoun.i, 0)
        found = [
            (m.start, record.id) for record in self.records if record.type == "organisation"
            for m in record.mentions if m.end <= pronoun.i and (
                m.sentence == sentence and m.subject or m.sentence == sentence - 1 and self.main_subject(m))
        ]
        if not found:
            return None
        start, record_id = max(found)
        latest = next(m for m in self.records[record_id].mentions if m.start == start)
        return self.named_span(self.records[record_id].name, latest)

    def named_span(self, name: str, mention: Mention) -> TextSpan:
        """A body's canonical name at the offsets of one of its mentions."""
        span = self.doc[mention.start:mention.end]
        return TextSpan(name, span.start_char, span.end_char)

    def main_subject(self, mention: Mention) -> bool:
        """Whether a mention is the subject of its sentence's main verb, not of a clause under it
        (:meth:`standing_for`: a name in apposition to that subject counts)."""
        root = self.standing_for(mention)
        return root.dep_ in SUBJECTS and root.head.dep_ == "ROOT"

    def standing_for(self, mention: Mention) -> Token:
        """The token whose place in the clause a mention takes: its root, or for a name in
        apposition the noun it stands beside ("The agent, Dutchman Pieter van Loon, was ...": the
        subject), though not for one in brackets (an acronym: :meth:`bracketed`)."""
        root = self.doc[mention.start:mention.end].root
        return root.head if root.dep_ == "appos" and not self.bracketed(mention) else root

    def organisation_of_role(self, organisation: TextSpan, position: int, role: Optional[str] = None) -> Optional[TextSpan]:
        """A role's organisation given by a bare organisation noun ("company spokeswoman", "club
        president", "the company's finance chief") is the body the report names by that noun or
        is about (:meth:`body_named_by`); with none, the noun names no one and the role has no
        organisation."""
        span = self.doc.char_span(organisation.start, organisation.end, alignment_mode="expand")
        if span is not None and span.text == organisation.text and self.campaign_owner(span, role):
            return self.campaign_of(span)
        nouns = [t for t in span if t.lower_ not in self.words.definite_determiners and t.tag_ != "POS"] if span is not None else []
        if len(nouns) != 1 or nouns[0].lemma_.lower() not in self.words.bodies:
            return self.by_full_name(organisation)
        if nouns[0].text[:1].isupper() and not nouns[0].is_sent_start:
            return organisation  # a name: "Senate", "Congress"
        record = self.body_named_by(nouns[0].lemma_.lower(), position, None)
        if record is None:
            return replace(organisation, text=nouns[0].lower_) if nouns[0].lemma_.lower() in self.words.government else None
        return replace(organisation, text=record.name)

    def by_full_name(self, organisation: TextSpan) -> TextSpan:
        """A body that owns a role by the short name the report also uses ("Nordhavn's chief
        executive" in a report on Nordhavn Shipping, "Ashford chairman" in one on Ashford Town:
        :meth:`short_form`) by its full name, as the registry names it. Only a possessor of, or a
        name compounded on, a role held in a company or club (lexicon ``organisation_roles``:
        "Musk's lawyer" is a person's), or on any role where the report calls the body by the
        short name alone ("Fenland said ...", so "Fenland's head of research" works at Fenland
        Genetics); never a place or person ("Germany's economy minister"
        beside Germany Trade and Invest) or the name of a body of its own ("Boeing's" beside
        Boeing Capital). A body noun after the short name says what kind of body it is
        ("Nordhaus team principal" in a report on Nordhaus Racing)."""
        span = self.doc.char_span(organisation.start, organisation.end, alignment_mode="expand")
        possessive = span is not None and span.end < len(self.doc) and self.doc[span.end].tag_ == "POS"
        compound = span is not None and span.root.dep_ == "compound"
        kind = self.kind_named(span)
        key = kind or organisation.text.lower()
        named = any(r.name.lower() == key or r.type == "person" and r.surname == key for r in self.records)
        between = self.doc[span.end:span.root.head.i] if span is not None else []
        if not (possessive or compound) or named or span.root.ent_type_ in ("GPE", "NORP", "LOC") or any(
                t.lemma_.lower() in self.words.bodies for t in between):  # "Harwick police chief": the police's
            return organisation  # "Germany's economy minister", "Boeing's" beside Boeing Capital: the name itself
        record = self.short_form(key, besides=span)
        if record is None or (kind is None and span.root.head.lemma_.lower() not in self.words.organisation_roles
                              and not self.called(record, key, besides=span)):
            return organisation
        return replace(organisation, text=record.name)

    def kind_named(self, span: Optional[Span]) -> Optional[str]:
        """The name in "Nordhaus team", "Kessel bank": one capitalised word before a lower-case
        body noun (lexicon ``bodies``), lower-cased; None for any other phrase."""
        if span is None or len(span) != 2 or not span[0].text[:1].isupper() or span[1].text[:1].isupper():
            return None
        return span[0].lower_ if span[1].lemma_.lower() in self.words.bodies else None

    def kind_record(self, span: Span) -> Optional[Record]:
        """The organisation "Nordhaus team" names (:meth:`kind_named`): the one called "Nordhaus"
        or, by that short name, "Nordhaus Racing" (:meth:`short_form`); None for any other phrase."""
        key = self.kind_named(span)
        record = (self.find_institution(key) or self.short_form(key, besides=span)) if key else None
        return record if record is not None and record.type == "organisation" else None

    def called(self, record: Record, key: str, besides: Optional[Span] = None) -> bool:
        """Whether the report calls the entity by ``key`` alone somewhere ("Ashford" for Ashford
        Town), not counting ``besides``, the mention being read (the NER may have filed the "Harlow"
        of "A Harlow spokesman" under either body)."""
        return any(self.doc[m.start:m.end].text.lower() == key and not (besides is not None and m.start < besides.end and besides.start < m.end)
                   for m in record.mentions)

    def earlier_group(self, mention: Span) -> Optional[Record]:
        """"Retired dock workers said ... These workers said", "Analysts at Kessel Bank said ...
        The analysts said": a definite or demonstrative group with nothing else to say who ("these
        workers", "the analysts") is the latest group that spoke before with the same head and
        more words (groups enter the registry as speakers)."""
        words = [t.lower_ for t in mention if not t.is_punct]
        determiners = self.words.group_determiners | {"the"}
        if len(words) != 2 or words[0] not in determiners or mention[0].dep_ != "det":
            return None
        head = words[-1]
        found = [
            (max(m.start for m in r.mentions if m.end <= mention.start), r.id) for r in self.records
            if r.type == "group" and len(name_words(r.name)) > 1 and self.group_head(r) == head
            and any(m.end <= mention.start for m in r.mentions)
        ]
        return self.records[max(found)[1]] if found else None

    def research_group(self, mention: Span) -> Optional[Record]:
        """"Astronomers at Halden University have found ... The researchers estimate ... The
        authors suggest", "..., astronomers say" in the headline: a definite research word
        (lexicon ``research_groups``) in the plural with nothing else to say who ("the
        researchers", "the study's authors") is the report's group of researchers at a named body
        named before it, and so is a headline's bare one, the first the body names. A discipline
        ("the astronomers", "Physicists doubt ...") is only a group of its own name; a general word
        ("researchers", "scientists", "authors") any, unless two groups of researchers were named
        before (then which is meant is left open). A qualified one ("Other researchers", "Security
        researchers", "a researcher") or a bare one in the body ("Geologists said") is someone
        else."""
        if not self.bare_research_word(mention):
            return None
        headline = mention.start in self.headline_tokens
        if not headline and mention[0].lower_ != "the":
            return None
        general = mention.root.lemma_.lower() in GENERAL_RESEARCH_WORDS
        groups = [
            (first, r.id) for r in self.records if r.type == "group" and r.organisation is not None and r.mentions
            and self.group_head(r).rstrip("s") in self.words.research_groups
            and (general or self.group_head(r).lower() == mention.root.lower_)
            for first in [min(m.start for m in r.mentions)]
        ]
        if headline:
            after = [g for g in groups if g[0] > mention.end and g[0] not in self.headline_tokens]
            return self.records[min(after)[1]] if after else self.placed_research_group(None) if general else None
        before = [g for g in groups if g[0] < mention.start]
        if not groups and general:
            return self.placed_research_group(mention.start)
        return self.records[before[0][1]] if len(before) == 1 else None

    def placed_research_group(self, position: Optional[int]) -> Optional[Record]:
        """"A study by marine biologists at the Adriatic Marine Institute ... The researchers
        said", "The team, led by Claire Fournier of the Alpine Climate Institute, ... The authors
        acknowledge": where the researchers never speak as a group at their body, a general
        research word is the group the report places at its one body (:meth:`placed_research_bodies`),
        before ``position`` (anywhere for a headline's). The group is named as the report places
        it ("marine biologists at the Adriatic Marine Institute"), else as researchers at the
        body, and speaks for it; one group per report."""
        bodies = self.placed_research_bodies()
        if len(bodies) != 1:
            return None
        body = next(iter(bodies.values()))
        if position is not None and body.start >= self.doc[position].idx:
            return None
        existing = [r for r in self.records if r.type == "group" and r.organisation is not None and r.organisation.text == body.text]
        if existing:
            return existing[0]
        record = self.new(self.placed_group_name(body), "group")
        record.organisations.append(body)
        return record

    def placed_group_name(self, body: TextSpan) -> str:
        """The group's name as the report places it: the plural research noun linked to the body
        with its modifiers ("marine biologists at the Adriatic Marine Institute"), else
        researchers; "at" the body by its name, with its article where the report writes one."""
        for token, found in self.research_placements:
            if not body.start <= found.idx < body.end:
                continue
            article = any(c.dep_ == "det" and c.lower_ == "the" for c in found.children)
            at = f"at {'the ' if article else ''}{body.text}"
            link = found.head
            if token.tag_ == "NNS" and token.i in (link.head.i, link.i - 1) and link.lower_ in self.words.affiliation_preps:
                start = min([token.i] + [c.left_edge.i for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i])
                return f"{self.doc[start:token.i + 1].text.lower()} {at}"
            return f"researchers {at}"
        return f"researchers at {body.text}"

    def bare_research_word(self, mention: Span) -> bool:
        """Whether a mention is a research word (lexicon ``research_groups``) in the plural with
        at most an article or a study as its owner: "the researchers", "the study's authors"
        ("its authors" may be a company report's), or the collective "the team", which is a
        club's as often and so only the researchers' where the report has a group of them
        (:meth:`research_group`)."""
        head = mention.root
        if head.lemma_.lower() in self.words.research_groups and head.lemma_.lower() not in self.words.roles and (
                [t.lower_ for t in mention] == ["the", head.lower_]):
            # "the team": the researchers' only where no club is in the report and no other team was named before
            return not self.sports_team_in_view and not self.other_team_before(head)
        if head.lemma_.lower() not in self.words.research_groups or head.tag_ != "NNS" or len(mention) > 4:
            return False
        return not any(t.i != head.i and not t.is_punct and not (
            t.dep_ == "det" and t.lower_ == "the" or t.tag_ == "POS"
            or t.dep_ == "poss" and t.lemma_.lower() in RESEARCH_DOCUMENTS) for t in mention)

    def other_team_before(self, head: Token) -> bool:
        """Whether the report names a team before ``head`` that is no research team and no bare
        "the team" ("Halvard Micro's product team", "a team of climbers", "the Halcyon Pro Cycling
        team"): "the team" then most likely refers back to it."""
        return any(
            t.lemma_.lower() == head.lemma_.lower() and not self.analyser.research_team(t) and (
                [c.lower_ for c in t.children if c.dep_ != "punct" and c.i < t.i] not in ([], ["the"])
                or any(c.dep_ == "prep" for c in t.children))
            for t in self.doc[:head.i]
        )

    @cached_property
    def sports_team_in_view(self) -> bool:
        """Whether the report has a sports team, whose "the team" may be: a person in a role held
        in one (lexicon ``team_roles``: "Leeds United manager Daniel Farke") or a body named as a
        club is (lexicon ``club_name_words``: "Harbourside Rovers' sports scientists")."""
        words = self.words
        return any(role_noun(role) in words.team_roles for r in self.records if r.type == "person" for role in r.every_role) or any(
            t.lower_ in words.club_name_words and t.is_title and t.i > 0 and self.doc[t.i - 1].pos_ == "PROPN" and self.doc[t.i - 1].is_title
            and t.ent_type_ not in ("GPE", "LOC") for t in self.doc)  # "Kelston United's medical staff", whatever the NER calls it

    def group_head(self, record: Record) -> str:
        """The noun a group is named by, whatever follows it ("analysts at Kessel Bank",
        "port economists" -> analysts, economists): the head of the mention that introduced it."""
        if not record.mentions:
            return name_words(record.name)[-1]
        first = min(record.mentions, key=lambda m: m.start)
        return self.doc[first.start:first.end].root.lower_

    def institution_at(self, mention: Span) -> Optional[Record]:
        """The organisation or government whose named mention heads this one: "Norwegian chip
        designer Halvard Micro", "Nigeria's National Commission for Museums" are that body."""
        root = mention.root.i
        for record in self.records:
            if record.type not in ("organisation", "government"):
                continue
            for m in record.mentions:
                if mention.start <= m.start and m.end <= mention.end and m.start <= root < m.end and self.describes_name(mention, m):
                    return record
        return None

    def describes_name(self, mention: Span, named: Mention) -> bool:
        """Whether the words around a name inside a mention only describe it: lower-case words,
        nationalities, places and possessors before it ("Norwegian chip designer", "Nigeria's"),
        a prepositional phrase after it ("in Scotland"). Other capitalised words or a conjunct
        mean the base NER cut a longer name ("Competition and [Consumer Protection Commission]")."""
        doc = self.doc
        before = doc[mention.start:named.start]
        if not any(t.text[:1].isupper() for t in doc[named.start:named.end]):
            return False  # "Kestrel's defence ministry": a common-noun body is told apart by its possessor
        if any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in ("NORP", "GPE") and t.dep_ != "poss" and not t.head.dep_ == "poss"
               and not sentence_initial_description(t) for t in before):
            return False  # a lower-case word the tagger calls a proper noun is still a description ("the metalworkers' union")
        return named.end == mention.end or doc[named.end].pos_ == "ADP"

    def new(self, name: str, kind: str) -> Record:
        record = Record(id=len(self.records), name=name, type=kind, tokens=set(name_words(name)) if kind == "person" else set())
        self.given_name_gender(record)
        self.records.append(record)
        return record

    def entities(self) -> List[Entity]:
        """The registry's entities, a country's government body named as :meth:`national_name` says."""
        entities = [record.to_entity(self.doc) for record in self.records if record.mentions or record.claims]
        return [replace(e, name=self.national_name(e.name, self.doc.char_span(e.mentions[0].start, e.mentions[0].end)))
                if e.type == "government" and e.mentions else e for e in entities]
