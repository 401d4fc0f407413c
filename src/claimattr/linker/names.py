"""Who a speaker mention names: person name, type, role and organisation, read off the mention.

``speaker_linker`` finds a mention (``linker_component.py``) and resolves it against earlier
speakers (``resolution.py``); this module analyses the mention itself with the speaker lexicon
(``linker/speakers.json``, every key documented in ``linker/speakers.schema.json``) rather than
trusting the base NER alone: "Health Minister Ana Ruiz" is the person "Ana Ruiz" with the role
"health minister", "Interior Ministry spokesman" a person speaking for "Interior Ministry".
"""
from __future__ import annotations

import re
from functools import cached_property
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, Iterator, List, Mapping, NamedTuple, Optional, Pattern, Sequence, Set, Tuple

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from claimattr.rules.syntax import after_comma
from claimattr.schema import TextSpan
from claimattr.segmenter.segmenter_component import HEADLINE_SPANS
from claimattr.text_hygiene import without_accents

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "government", "NORP": "group"}
"""Speaker type of a mention whose head carries this NER label (OntoNotes labels of en_core_web_sm)."""

DOCUMENT_LOOKBACK = 80
"""Most tokens before a document's possessive ("the report's author") in which another document
noun's producer counts (about the two or three sentences before)."""

ACRONYM_WORDS = (2, 9)
"""Fewest and most capitalised words of a name that introduces an acronym in brackets."""
ACRONYM_LETTERS = (2, 8)
"""Fewest and most letters of an acronym in brackets ("(RSF)")."""


PEOPLE_SET_SENTENCES = 2
"""Sentences before a bare quantifier or "others" in which to look for the set of people it
speaks for: one quotation may stand between ("Some economists say ... “...,” said an analyst.
Others said ...")."""


class GivenNames(Dict[str, str]):
    """Given names and their gender, looked up without accents: the lexicon lists "dora" and
    "gabor", a report writes "Dóra" and "Gábor"."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(without_accents(name))

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(without_accents(name))

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:  # type: ignore[override]
        return super().get(without_accents(name), default)


@dataclass(frozen=True)
class SpeakerLexicon:
    """The speaker lexicon compiled for look-ups (``speakers.schema.json`` documents each key)."""

    roles: FrozenSet[str]
    role_modifiers: FrozenSet[str]
    role_adjective_endings: Tuple[str, ...]
    anonymous: FrozenSet[str]
    group_heads: FrozenSet[str]
    government: FrozenSet[str]
    organisations: FrozenSet[str]
    intermediary_verbs: FrozenSet[str]
    outlet_addressee_verbs: FrozenSet[str]
    person_pronouns: FrozenSet[str]
    thing_pronouns: FrozenSet[str]
    plural_pronouns: FrozenSet[str]
    first_person_singular: FrozenSet[str]
    first_person_plural: FrozenSet[str]
    expletive_pronouns: FrozenSet[str]
    relative_pronouns: FrozenSet[str]
    honorifics: FrozenSet[str]
    determiners: FrozenSet[str]
    definite_determiners: FrozenSet[str]
    quantifiers: FrozenSet[str]
    name_particles: FrozenSet[str]
    source_preps: FrozenSet[str]
    role_organisation_preps: FrozenSet[str]
    affiliation_preps: FrozenSet[str]
    circumstances: FrozenSet[str]
    acronym: Pattern[str]
    title_abbreviations: Dict[str, str] = None
    role_verbs: Dict[str, str] = None
    party_names: Dict[str, str] = None
    party_codes: Dict[str, str] = None
    honorific_genders: Dict[str, str] = None
    given_name_genders: Dict[str, str] = None
    description_name_words: Dict[str, FrozenSet[str]] = None
    event_name_words: FrozenSet[str] = frozenset()
    personal_relative_pronouns: FrozenSet[str] = frozenset()
    event_role_nouns: FrozenSet[str] = frozenset()
    event_group_nouns: FrozenSet[str] = frozenset()
    sport_context_words: FrozenSet[str] = frozenset()
    witness_verbs: FrozenSet[str] = frozenset()
    outlet_nouns: FrozenSet[str] = frozenset()
    research_groups: FrozenSet[str] = frozenset()
    research_works: FrozenSet[str] = frozenset()
    team_roles: FrozenSet[str] = frozenset()
    club_name_words: FrozenSet[str] = frozenset()
    club_affixes: FrozenSet[str] = frozenset()
    party_name_words: FrozenSet[str] = frozenset()
    national_government_heads: FrozenSet[str] = frozenset()
    subnational_words: FrozenSet[str] = frozenset()
    governing_states: Dict[str, str] = None
    dateline_state_names: FrozenSet[str] = frozenset()
    headline_role_words: Dict[str, Tuple[str, ...]] = None
    occupation_endings: Tuple[str, ...] = ()
    situation_nouns: FrozenSet[str] = frozenset()
    portfolio_titles: FrozenSet[str] = frozenset()
    office_portfolios: Dict[str, str] = None
    place_adjectives: Dict[str, str] = None
    internal_document_markers: FrozenSet[str] = frozenset()
    insider_nouns: FrozenSet[str] = frozenset()
    candidate_roles: FrozenSet[str] = frozenset()
    company_nouns: FrozenSet[str] = frozenset()
    personal_roles: FrozenSet[str] = frozenset()
    pronoun_genders: Dict[str, str] = None
    government_names: FrozenSet[str] = frozenset()
    group_determiners: FrozenSet[str] = frozenset()
    document_heads: FrozenSet[str] = frozenset()
    impersonal_verbs: FrozenSet[str] = frozenset()
    share_heads: FrozenSet[str] = frozenset()
    unnamed_heads: FrozenSet[str] = frozenset()
    organisation_roles: FrozenSet[str] = frozenset()
    affiliation_verbs: FrozenSet[str] = frozenset()
    present_affiliation_verbs: FrozenSet[str] = frozenset()
    seniority_words: FrozenSet[str] = frozenset()
    locative_preps: FrozenSet[str] = frozenset()
    firm_nouns: FrozenSet[str] = frozenset()
    organisation_name_words: FrozenSet[str] = frozenset()
    kind_nouns_after_names: FrozenSet[str] = frozenset()
    business_nouns: FrozenSet[str] = frozenset()
    craft_nouns: FrozenSet[str] = frozenset()
    role_bodies: Dict[str, FrozenSet[str]] = None
    body_name_ends: FrozenSet[str] = frozenset()
    """Words a capitalised body name ends on: organisation and government nouns and the words
    only company and club names end in (``organisation_heads``, ``government_heads``,
    ``organisation_name_words``)."""
    former_markers: FrozenSet[str] = frozenset()
    compound_roles: FrozenSet[str] = frozenset()
    chamber_names: FrozenSet[str] = frozenset()
    current_markers: FrozenSet[str] = frozenset()
    emphatic_reflexives: FrozenSet[str] = frozenset()
    collective_words: FrozenSet[str] = frozenset()
    thing_possessives: FrozenSet[str] = frozenset()
    collective_possessives: FrozenSet[str] = frozenset()
    anonymity_phrases: FrozenSet[str] = frozenset()
    anonymous_source_heads: FrozenSet[str] = frozenset()
    partitive_heads: FrozenSet[str] = frozenset()
    body_plurals: FrozenSet[str] = frozenset()
    organ_heads: FrozenSet[str] = frozenset()
    legislature_words: FrozenSet[str] = frozenset()
    nationality_nouns: FrozenSet[str] = frozenset()
    person_descriptions: Dict[str, Optional[str]] = None
    local_government: FrozenSet[str] = frozenset()
    local_areas: FrozenSet[str] = frozenset()
    place_nouns: FrozenSet[str] = frozenset()
    landmark_nouns: FrozenSet[str] = frozenset()
    evidence_heads: FrozenSet[str] = frozenset()
    contrastive_determiners: FrozenSet[str] = frozenset()
    country_abbreviations: FrozenSet[str] = frozenset()

    @cached_property
    def bodies(self) -> FrozenSet[str]:
        """Nouns for bodies of any kind (organisation and government heads); built once per
        lexicon, not at every token that asks."""
        return self.organisations | self.government

    @cached_property
    def people(self) -> FrozenSet[str]:
        """Nouns that name people (group heads, roles, anonymous heads), for the set a bare
        quantifier speaks for; built once per lexicon."""
        return self.group_heads | self.roles | self.anonymous

    @classmethod
    def from_json(cls, lexicon: Dict[str, Any]) -> "SpeakerLexicon":
        def words(key: str) -> FrozenSet[str]:
            return frozenset(lexicon[key])

        connectors = "|".join(re.escape(word) for word in lexicon["acronym_connectors"])
        acronym = re.compile(
            rf"((?:[A-Z][\w'’-]*\s+(?:(?:{connectors})\s+)*){{{ACRONYM_WORDS[0]},{ACRONYM_WORDS[1]}}})"
            rf"\(([A-Z]{{{ACRONYM_LETTERS[0]},{ACRONYM_LETTERS[1]}}})\)"
        )
        return cls(
            roles=words("role_nouns"),
            role_modifiers=words("role_modifiers"),
            role_adjective_endings=tuple(lexicon.get("role_adjective_endings", ())),
            anonymous=words("anonymous_heads"),
            group_heads=words("group_heads"),
            government=words("government_heads"),
            organisations=words("organisation_heads"),
            intermediary_verbs=words("intermediary_verbs"),
            outlet_addressee_verbs=words("outlet_addressee_verbs"),
            person_pronouns=words("person_pronouns"),
            thing_pronouns=words("thing_pronouns"),
            plural_pronouns=words("plural_pronouns"),
            first_person_singular=words("first_person_singular_pronouns"),
            first_person_plural=words("first_person_plural_pronouns"),
            expletive_pronouns=words("expletive_pronouns"),
            relative_pronouns=words("relative_pronouns"),
            honorifics=words("honorifics"),
            determiners=words("determiners"),
            definite_determiners=words("definite_determiners"),
            quantifiers=words("quantifiers"),
            name_particles=words("name_particles"),
            source_preps=words("source_preps"),
            role_organisation_preps=words("role_organisation_preps"),
            affiliation_preps=words("affiliation_preps"),
            circumstances=words("circumstance_words"),
            acronym=acronym,
            title_abbreviations=dict(lexicon.get("title_abbreviations", {})),
            role_verbs=dict(lexicon.get("role_verbs", {})),
            party_names=dict(lexicon.get("party_names", {})),
            party_codes=dict(lexicon.get("party_codes", {})),
            honorific_genders=dict(lexicon.get("honorific_genders", {})),
            given_name_genders=GivenNames({without_accents(k): v for k, v in lexicon.get("given_name_genders", {}).items()}),
            description_name_words={k: frozenset(v) for k, v in lexicon.get("description_name_words", {}).items()},
            event_name_words=frozenset(lexicon.get("event_name_words", ())),
            personal_relative_pronouns=frozenset(lexicon.get("personal_relative_pronouns", ())),
            event_role_nouns=frozenset(lexicon.get("event_role_nouns", ())),
            event_group_nouns=frozenset(lexicon.get("event_group_nouns", ())),
            sport_context_words=frozenset(lexicon.get("sport_context_words", ())),
            witness_verbs=frozenset(lexicon.get("witness_verbs", ())),
            outlet_nouns=frozenset(lexicon.get("outlet_nouns", ())),
            research_groups=frozenset(lexicon.get("research_groups", ())),
            research_works=frozenset(lexicon.get("research_works", ())),
            team_roles=frozenset(lexicon.get("team_roles", ())),
            club_name_words=frozenset(lexicon.get("club_name_words", ())),
            club_affixes=frozenset(lexicon.get("club_affixes", ())),
            party_name_words=frozenset(lexicon.get("party_name_words", ())),
            national_government_heads=frozenset(lexicon.get("national_government_heads", ())),
            subnational_words=frozenset(lexicon.get("subnational_words", ())),
            governing_states=dict(lexicon.get("governing_states", {})),
            dateline_state_names=frozenset(lexicon.get("dateline_state_names", ())),
            headline_role_words={word: tuple(roles) for word, roles in lexicon.get("headline_role_words", {}).items()},
            occupation_endings=tuple(lexicon.get("occupation_endings", ())),
            situation_nouns=frozenset(lexicon.get("situation_nouns", ())),
            portfolio_titles=frozenset(lexicon.get("portfolio_titles", ())),
            office_portfolios=dict(lexicon.get("office_portfolios", {})),
            place_adjectives=dict(lexicon.get("place_adjectives", {})),
            internal_document_markers=frozenset(lexicon.get("internal_document_markers", ())),
            insider_nouns=frozenset(lexicon.get("insider_nouns", ())),
            candidate_roles=frozenset(lexicon.get("candidate_roles", ())),
            company_nouns=frozenset(lexicon.get("company_nouns", ())),
            personal_roles=frozenset(lexicon.get("personal_roles", ())),
            pronoun_genders=dict(lexicon.get("pronoun_genders", {})),
            government_names=frozenset(lexicon.get("government_names", [])),
            group_determiners=frozenset(lexicon.get("group_determiners", [])),
            document_heads=frozenset(lexicon.get("document_heads", [])),
            impersonal_verbs=frozenset(lexicon.get("impersonal_verbs", [])),
            share_heads=frozenset(lexicon.get("share_heads", [])),
            unnamed_heads=frozenset(lexicon.get("unnamed_heads", [])),
            organisation_roles=frozenset(lexicon.get("organisation_roles", [])),
            affiliation_verbs=frozenset(lexicon.get("affiliation_verbs", [])),
            present_affiliation_verbs=frozenset(lexicon.get("present_affiliation_verbs", [])),
            seniority_words=frozenset(lexicon.get("seniority_words", [])),
            locative_preps=frozenset(lexicon.get("locative_preps", [])),
            firm_nouns=frozenset(lexicon.get("firm_nouns", [])),
            organisation_name_words=frozenset(lexicon.get("organisation_name_words", [])),
            kind_nouns_after_names=frozenset(lexicon.get("kind_nouns_after_names", [])),
            business_nouns=frozenset(lexicon.get("business_nouns", [])),
            craft_nouns=frozenset(lexicon.get("craft_nouns", [])),
            role_bodies={role: frozenset(nouns) for role, nouns in lexicon.get("role_body_nouns", {}).items()},
            body_name_ends=words("organisation_heads") | words("government_heads") | frozenset(lexicon.get("organisation_name_words", [])),
            former_markers=frozenset(lexicon.get("former_markers", [])),
            compound_roles=frozenset(lexicon.get("compound_roles", [])),
            chamber_names=frozenset(lexicon.get("chamber_names", [])),
            current_markers=frozenset(lexicon.get("current_markers", [])),
            emphatic_reflexives=frozenset(lexicon.get("emphatic_reflexives", [])),
            collective_words=frozenset(lexicon.get("collective_words", [])),
            thing_possessives=frozenset(lexicon.get("thing_possessives", [])),
            collective_possessives=frozenset(lexicon.get("collective_possessives", [])),
            anonymity_phrases=frozenset(lexicon.get("anonymity_phrases", [])),
            anonymous_source_heads=frozenset(lexicon.get("anonymous_source_heads", [])),
            partitive_heads=frozenset(lexicon.get("partitive_heads", [])),
            body_plurals=frozenset(lexicon.get("body_plural_heads", [])),
            organ_heads=frozenset(lexicon.get("organ_heads", [])),
            legislature_words=frozenset(lexicon.get("legislature_words", [])),
            nationality_nouns=frozenset(lexicon.get("nationality_nouns", [])),
            person_descriptions=dict(lexicon.get("person_description_heads", {})),
            local_government=frozenset(lexicon.get("local_government_heads", [])),
            local_areas=frozenset(lexicon.get("local_area_words", [])),
            place_nouns=frozenset(lexicon.get("place_nouns", [])),
            landmark_nouns=frozenset(lexicon.get("landmark_nouns", [])),
            evidence_heads=frozenset(lexicon.get("evidence_heads", [])),
            contrastive_determiners=frozenset(lexicon.get("contrastive_determiners", [])),
            country_abbreviations=frozenset(lexicon.get("country_abbreviations", [])),
        )


class Analysis(NamedTuple):
    """What a mention says about its speaker on its own, before resolution."""

    name: str
    type: str
    role: Optional[str]
    organisation: Optional[TextSpan]
    tokens: FrozenSet[str]
    """Lowercased words of the person's name (empty for non-persons), for surname matching."""


def plural_common_noun(head: Token) -> bool:
    """A plural common noun written in lower case (or capitalised only as its sentence's first
    word): "growers", "Detectives said"; "Birchers" or "Veterans" mid-sentence belong to a name."""
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and (head.text.islower() or head.is_sent_start)


def role_word(token: Token, words: SpeakerLexicon) -> bool:
    """Whether a word is a role noun of the lexicon, by its lemma or as written ("chairs", "Sen")."""
    return token.lemma_.lower() in words.roles or token.lower_ in words.roles


class MentionAnalyser:
    """Analyses the speaker mentions of one document (NER votes and acronyms are per document)."""

    def __init__(self, words: SpeakerLexicon, doc: Doc) -> None:
        self.words = words
        self.doc = doc
        self.text = doc.text  # built from every token on each access: once per document
        self.headline_tokens: Set[int] = {t.i for span in doc.spans.get(HEADLINE_SPANS, []) for t in span}
        """Tokens of the report's headlines (the segmenter's span group), whose words are all capitalised."""
        self.body_runs = body_name_runs(doc, self.headline_tokens, words.body_name_ends) + owner_of_its_runs(
            doc, self.headline_tokens, words.given_name_genders, words.place_nouns | words.landmark_nouns)
        named = [e for e in doc.ents if not self.common_noun_entity(e)]
        self.ents = with_body_names(with_rejoined_names(with_coordinated_names(named)), self.body_runs)
        """The base NER's entities with cut-off coordinated names restored and the names of
        bodies it missed or cut short added, read by every step that looks for names (the label
        votes count the NER's own words: "and" is no name); without the common nouns it took
        for names (:meth:`common_noun_entity`)."""
        self.labels = entity_votes(doc.ents)
        self.aliases = {**initialisms(doc, self.ents), **acronyms(self.text, words.acronym)}

    def common_noun_entity(self, ent: Span) -> bool:
        """A one-word entity that is a common noun: a nationality noun ("the Dutchman", "the
        Spaniard") or a word for a body capitalised only because a sentence or headline opens
        with it, modifying a lower-case noun, where the report names a body by a longer name
        ending in that word ("Council leader Sue Trevena thanked ..." after "Rivermouth District
        Council"; not "Kremlin spokesman Dmitry Peskov" or "Parliament voted"): a description of
        that body, never a name of its own."""
        if len(ent) != 1:
            return False
        word = ent[0]
        if word.lower_ in self.words.nationality_nouns:
            return True
        opening = (word.is_sent_start or word.i in self.headline_tokens) and word.dep_ == "compound" and word.head.text.islower()
        return (opening and word.lower_ in self.words.bodies
                and any(len(e) > 1 and e[-1].lower_ == word.lower_ for e in word.doc.ents))

    @cached_property
    def person_words(self) -> FrozenSet[str]:
        """The words of the names the NER gives persons anywhere in the report, lower case."""
        return frozenset(word.lower() for ent in self.ents if ent.label_ == "PERSON" for word in ent.text.split())

    def analyse(self, mention: Span) -> Analysis:
        """Name, type, role and organisation of a mention, read off its internal structure."""
        head = mention.root
        pair = self.coordinated_persons(mention)
        if pair is not None:
            return pair
        person = self.person_name(mention)
        led = self.person_led(head, person)
        if led is not None:
            return led
        picked = self.partitive_member(head) if person is None else None
        if picked is not None:
            return Analysis(name=self.member_name(picked), type=self.member_type(head, picked), role=None, organisation=None, tokens=frozenset())
        share = self.share_of_set(mention) if person is None else None
        if share is not None:
            return Analysis(name=share, type="group", role=None, organisation=None, tokens=frozenset())
        counted = self.counted_set(mention)
        if counted is not None:
            kind = "anonymous" if counted.lemma_.lower() in self.words.anonymous else "group"
            return Analysis(name=counted.lower_, type=kind, role=None, organisation=None, tokens=frozenset())
        if person is None and self.unnamed_on_purpose(head):
            return self.withheld_name(mention, head)
        named = self.described_name(self.name_beside(mention) or head) if person is None else None
        if named is not None:
            return Analysis(name=named.text, type="organisation", role=None, organisation=None, tokens=frozenset())
        role_token = self.role_token(mention)
        kind = "person" if person is not None else self.entity_type(mention, head, role_token)
        role = self.role_text(role_token) if role_token is not None and kind == "person" else None
        organisation = self.organisation(mention, role_token, person) if kind in ("person", "group") else None
        name = person.text if person is not None else self.aliases.get(
            self.canonical_text(mention),
            self.canonical_text(self.without_relay(without_appositions(without_clauses(mention), stop_at_comma=True))),
        )
        if role is not None and person is None and self.role_for_body(organisation, role_token, head):
            name = role
        if kind in ("organisation", "government") and person is None:
            name = self.without_place_owner(mention, head) or self.without_kind_noun(mention, head) or name
        if kind == "anonymous" and self.anonymous_source(head):
            name, role = "source", None
        if kind == "unknown" and person is None and (
                head.lemma_.lower() in self.words.document_heads or head.lemma_.lower() in self.words.evidence_heads):
            name = self.document_description(mention, head) or name
        tokens = frozenset(t.lower_ for t in person if t.is_alpha) if person is not None else frozenset()
        return Analysis(name=name, type=kind, role=role, organisation=organisation, tokens=tokens)

    def document_description(self, mention: Span, head: Token) -> Optional[str]:
        """A document or recording the report gives no producer for, as the guidelines name one:
        a short lower-case description, its noun with the words before it and a bare "of"
        complement that says what kind it is ("a review of records"), but not the particular
        thing it is of or who saw it ("Video of the incident" -> "video", "Figures released last
        week" -> "figures", "Some earlier studies" -> "earlier studies"). None where a possessor
        stands before the noun ("the study's findings"): whose it is matters."""
        before = mention.doc[mention.start:head.i + 1]
        if any(t.dep_ == "poss" for t in before):
            return None
        end = head.i + 1
        complement = next(head.rights, None)
        of = complement is not None and complement.dep_ == "prep" and complement.lower_ == "of"
        objects = [c for c in complement.children if c.dep_ == "pobj"] if of else []
        if objects and objects[0].i < mention.end and not any(c.dep_ in ("det", "poss") for c in objects[0].children):
            end = objects[0].right_edge.i + 1
        return self.canonical_text(mention.doc[mention.start:end]).lower()

    def without_relay(self, phrase: Span) -> Span:
        """The phrase without who passed its words on ("Researchers at two Chinese universities
        quoted by the state broadcaster" -> "Researchers at two Chinese universities"): a
        participle of an intermediary verb (lexicon ``intermediary_verbs``) names the
        intermediary, wherever in the phrase the parser hangs it."""
        cuts = [t.left_edge.i for t in phrase[1:] if t.dep_ == "acl" and t.lemma_.lower() in self.words.intermediary_verbs]
        return phrase.doc[phrase.start:min(cuts)] if cuts else phrase

    def withheld_name(self, mention: Span, head: Token) -> Analysis:
        """A source unnamed on purpose (:meth:`unnamed_on_purpose`), named by its description
        ("two officials who asked not to be named" -> officials, no role); one role holder in a
        body is named by the role, the body its organisation, as an unnamed role holder who did
        not ask for anonymity is ("A PRB official, speaking on condition of anonymity" -> official,
        organisation PRB; guidelines: unnamed role holders)."""
        name = self.canonical_text(mention.doc[mention.start:head.i + 1])
        if head.tag_ in ("NNS", "NNPS"):
            return Analysis(name=name, type="anonymous", role=None, organisation=None, tokens=frozenset())
        if self.anonymous_source(head):
            return Analysis(name="source", type="anonymous", role=None, organisation=None, tokens=frozenset())
        role_token = self.role_token(mention)
        organisation = self.organisation(mention, role_token, None) if role_token is not None else None
        if self.role_for_body(organisation, role_token, head) and not self.some_body(mention.doc, organisation):
            role = self.role_text(role_token)
            return Analysis(name=role, type="anonymous", role=role, organisation=organisation, tokens=frozenset())
        noun = self.source_noun(head)
        return Analysis(name=noun, type="anonymous", role=noun, organisation=None, tokens=frozenset())

    def source_noun(self, head: Token) -> str:
        """"A senior surgeon at a major hospital" -> "surgeon", "a former Movi engineer" ->
        "engineer", "a chief financial officer" -> "chief financial officer": what an unnamed
        source is, as the guidelines name one, the role's words (:meth:`role_text`) without those
        that say how senior the source is or where they serve (lexicon ``seniority_words``), a
        former marker, or a body's name (written in capitals, before the role or after a former
        one; a nationality stays: "an Iranian official"); or, where they say more, the nouns
        compounded on the head ("fund manager")."""
        words = self.role_text(head).split()
        if words and words[0] in self.words.former_markers:
            words = " ".join(words[1:]).split(" of ")[0].split()
        names = {t.lower_ for t in head.subtree if t.i < head.i and t.text[:1].isupper() and not t.is_sent_start}
        words = [w for w in words if w not in names] or words  # "a Treasury official": the body, not the role
        while len(words) > 1 and words[0] in self.words.seniority_words:
            words.pop(0)
        start = head.i  # "a fund manager": the nouns compounded on the head, which no role lexicon lists
        while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].pos_ == "NOUN" and head.doc[start - 1].is_lower:
            start -= 1
        compound = head.doc[start:head.i + 1].text.lower().split()
        nationality = [t.lower_ for t in head.lefts if t.ent_type_ == "NORP" and t.dep_ in ("amod", "compound")][:1]
        return " ".join(nationality + (compound if len(compound) > len(words) else words))

    def some_body(self, doc: Doc, organisation: Optional[TextSpan]) -> bool:
        """Whether an organisation phrase leaves the body unsaid on purpose, as an anonymous
        source's usually does: an indefinite one ("at *a major Adelaide hospital*", "at *one of
        Fjordlaks' largest shareholders*") names no body to hold the role in."""
        span = doc.char_span(organisation.start, organisation.end, alignment_mode="expand") if organisation is not None else None
        if span is None or not len(span):
            return False
        return indefinite(span[0], self.words.definite_determiners) or any(
            c.dep_ == "det" and indefinite(c, self.words.definite_determiners) for c in span.root.children)

    def place_owner(self, mention: Span, head: Token) -> Optional[Token]:
        """The place owning a body in a mention ("Turkey's culture ministry", "the country's
        federation"): a GPE entity or a place noun (lexicon ``place_nouns``) as possessor."""
        return next((
            t for t in mention.doc[max(head.left_edge.i, mention.start):head.i]
            if t.dep_ == "poss" and (t.ent_type_ == "GPE" or t.lemma_.lower() in self.words.place_nouns)
        ), None)

    def without_place_owner(self, mention: Span, head: Token) -> Optional[str]:
        """"Lithuania's health ministry", "the country's pharmacists' federation": a place owning
        a described body is no possessor in the body's name (:meth:`place_owner`). A named place
        says whose body it is, and a canonical name must tell one country's ministry from
        another's across reports, so it qualifies the description as an adjective (lexicon
        ``place_adjectives``: "Lithuanian health ministry"; a place missing there by its name:
        "Zwolle city council"). A place noun ("the country's") names no place and is left out
        ("pharmacists' federation"), and so is a place owning a body's proper name, which
        needs no qualifying ("Nigeria's National Commission for Museums and Monuments"), or a
        ranking of its bodies ("Nigeria's largest bank")."""
        owner = self.place_owner(mention, head)
        if owner is None:
            return None
        marker = owner.right_edge.i  # the owner's "'s"
        if marker + 1 >= head.i or mention.doc[marker].tag_ != "POS":
            return None
        body = mention.doc[marker + 1:head.i + 1]
        name = self.canonical_text(body)
        if owner.ent_type_ != "GPE" or owner.pos_ != "PROPN" or not all(t.is_lower or not t.is_alpha for t in body):
            return name
        if any(t.tag_ == "JJS" for t in body):
            return name  # "Nigeria's largest bank": a ranking among the place's bodies, not one of its own
        place = self.canonical_text(mention.doc[max(owner.left_edge.i, mention.start):marker])
        return f"{self.words.place_adjectives.get(place, place)} {name}"

    def without_kind_noun(self, mention: Span, head: Token) -> Optional[str]:
        """"The Rivale-Kors team", "the Metaalbond union": a lower-case noun after a body's proper
        name that only says what kind of body it is (lexicon ``kind_nouns_after_names``) is no
        part of the name, so "Rivale-Kors said" elsewhere is the same body. Not after a person's
        name, one the report names a person anywhere ("the Roe team": whose, not a name), and
        only where the noun ends the phrase; a place's team is the place's ("the England team"
        is England)."""
        words = [t for t in mention if not (t.is_punct or t.is_space)]
        if head.lower_ not in self.words.kind_nouns_after_names or not head.text.islower() or words[-1] != head:
            return None  # "the Labour group on the council": the phrase says which group
        if any(t.dep_ == "conj" for t in mention):
            return None  # "the Unite union and the GMB union"
        name = [t for t in mention.doc[mention.start:head.i] if t.lower_ not in self.words.determiners and t.tag_ != "PRP$"]
        if not name or not all(t.pos_ == "PROPN" or t.text in ("-", "&") for t in name) or name[0].pos_ != "PROPN":
            return None
        if any(t.ent_type_ == "PERSON" for t in name) or name[-1].lower_ in self.person_words:
            return None  # "the Trump team": whose, not a name
        return mention.doc[name[0].i:name[-1].i + 1].text

    def anonymous_source(self, head: Token) -> bool:
        """"A person briefed on the talks", "a ministry source": one unnamed source whose noun says
        nothing of who it is is named ``source`` (annotation guidelines, section 8; lexicon
        ``anonymous_source_heads``), so that the same source is one name across reports."""
        return head.tag_ == "NN" and head.lemma_.lower() in self.words.anonymous_source_heads

    def partitive_member(self, head: Token) -> Optional[Token]:
        """"One of them", "one of the people": a speaker picked out of an unnamed set is a member of
        it, the set's noun returned (lexicon ``partitive_heads``). "Them" stands for the nearest
        plural noun before it in the sentence or the one before; a set named in the phrase counts
        only when its noun is an anonymous one (lexicon ``anonymous_heads``: "one of the people",
        not "one of the two candidates"). Without "of" the set is left to the reader ("Customers
        were unimpressed. “Never,” said one"; "..., one of the people said. Another said ...")
        and is the last set of people named before it (:meth:`people_antecedent`, a counted set or
        people who act first: "Fans booed the players off. “...,” said one" is a fan); "no one"
        picks nobody."""
        if head.lower_ not in self.words.partitive_heads or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return None
        of = partitive_of(head)
        if of is None:
            member = self.people_antecedent(head, picked=True)
        else:
            member = next((c for c in of.children if c.dep_ == "pobj"), None)
            if member is not None and member.pos_ == "PRON":
                member = self.plural_antecedent(head, self.words.people)
            elif member is not None and member.lemma_.lower() not in self.words.anonymous:
                return None  # "one of the two major candidates": a described set, not an unnamed one
        if member is None or member.pos_ != "NOUN" or member.tag_ != "NNS":
            return None
        return member

    def member_name(self, member: Token) -> str:
        """One member of a set is named by the set's noun in the singular ("investor"); one of
        unnamed people is a "source", as in :meth:`anonymous_source`."""
        lemma = member.lemma_.lower()
        return "source" if lemma in self.words.anonymous_source_heads else lemma

    def member_type(self, head: Token, member: Token) -> str:
        """A member picked out with "of" ("one of them") is anonymous, as its set usually is
        (guidelines, section 8); one picked out by ellipsis ("said one") is anonymous only when its
        set is, or when it withholds its name ("One, who asked not to be named, said"), and
        otherwise a person ("Customers were unimpressed ... said one")."""
        anonymous = partitive_of(head) is not None or member.lemma_.lower() in self.words.anonymous
        return "anonymous" if anonymous or self.unnamed_on_purpose(head) else "person"

    def counted_set(self, mention: Span) -> Optional[Token]:
        """"Economists were split. Of 19 surveyed, 12 predicted a hold and seven expected a cut":
        a bare count as the speaker is that many of the set just named, a group (or anonymous
        sources) named by the set's noun ("economists"; a set of people first: "Analysts raised
        their forecasts. Two said ..." are analysts); so is a bare quantifier ("Residents
        packed the hall, and many said ...", "Several told reporters ...") or "others" ("Analysts
        expect ... Others argue ..."). "One" alone is one member of the set (:meth:`partitive_member`)."""
        head = mention.root
        if len(mention) != 1 or head.lower_ in self.words.partitive_heads or head.dep_ == "nummod":
            return None  # "seven economists": the noun is there (see the linker's counted noun)
        if head.pos_ == "NUM" and head.like_num:
            return self.people_antecedent(head) or self.plural_antecedent(head)
        if head.lower_ in self.words.quantifiers or head.lower_ == "others":
            return self.people_antecedent(head)
        return None

    def people_antecedent(self, token: Token, picked: bool = False) -> Optional[Token]:
        """The set a bare quantifier or "others" speaks for: the nearest plural noun before it
        that names people (lexicons ``group_heads``, ``role_nouns``, ``anonymous_heads``), in its
        own sentence, else in the ``PEOPLE_SET_SENTENCES`` before ("Some economists say ... “...,” said Marta Gil, an
        analyst. Others said ..." are economists; "The storms destroyed hundreds of homes. Many
        said ..." names no set of people, and "many" stays as it is). One member ``picked`` out of
        the set ("said one", "Another said") comes, within a sentence, from a counted set first
        ("Police arrested two men. One said" -> men), then from people who act ("Fans booed the
        players off. “...,” said one" -> fans)."""
        people = self.words.people
        for plurals in plurals_before(token, PEOPLE_SET_SENTENCES):
            found = [t for t in plurals if t.lemma_.lower() in people]
            if picked:
                counted = [t for t in found if any(c.dep_ == "nummod" for c in t.children)]
                found = counted or [t for t in found if t.dep_ in ("nsubj", "nsubjpass")] or found
            if found:
                return found[0]
        return None

    def share_of_set(self, mention: Span) -> Optional[str]:
        """"52 percent of registered voters said ..., while 73 percent said ...", "a majority of
        economists expect ...": a share (lexicon ``share_heads``) speaks as part of the set it is
        of, named by that set ("registered voters"): its "of" phrase, else that of the share
        before it in this or the previous sentence (reports of polls run in parallel), else the
        set just named. A quantifier with an "of" phrase ("some of those volunteers", "many of
        the residents") is named by that set alone."""
        head = mention.root
        if head.lower_ in self.words.quantifiers:
            noun = self.set_of(head)
        elif head.lemma_.lower() in self.words.share_heads and head.pos_ in ("NOUN", "SYM", "NUM"):
            doc = head.doc
            earlier = doc[doc[max(head.sent.start - 1, 0)].sent.start:head.i]
            sets = [self.set_of(t) for t in reversed(earlier) if t.lemma_.lower() in self.words.share_heads]
            noun = self.set_of(head) or next((s for s in sets if s is not None), None) or self.plural_antecedent(head)
        else:
            return None
        if noun is None or noun.tag_ not in ("NNS", "NNPS"):
            return None
        modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound")]
        start = min([noun.i] + [c.left_edge.i for c in modifiers])
        return noun.doc[start:noun.i + 1].text.lower()

    @staticmethod
    def set_of(share: Token) -> Optional[Token]:
        """The noun of a share's "of" phrase ("percent | of | registered voters")."""
        return next((o for p in share.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)

    @staticmethod
    def plural_antecedent(token: Token, people: FrozenSet[str] = frozenset()) -> Optional[Token]:
        """The set "them" picks from: a plural common noun before ``token`` in its own sentence,
        else in the previous one; within a sentence a counted one ("two people", "three
        investors") first, else the nearest ("returns were poor" should not beat "three
        investors" in view; "six US cities" one sentence back should not beat "Investors had
        grown impatient, one of them said"). Where ``people`` are asked for (a speaker picked out
        of a set is one), the first sentence that names people gives it: a counted set first
        ("Police interviewed three suspects" -> suspects), then people who act, a subject ("The
        doctors examined the patients" -> doctors), then any ("Mulder's teammates said ... the
        barriers. One of them" -> teammates); a thing only where neither sentence names people."""
        nearest: List[Token] = []
        for plurals in plurals_before(token, 1):
            counted = [t for t in plurals if any(c.dep_ == "nummod" for c in t.children)]
            persons = [t for t in plurals if t.lemma_.lower() in people]
            acting = [t for t in persons if t.dep_ in ("nsubj", "nsubjpass")]
            if persons:
                return ([t for t in counted if t in persons] or counted or acting or persons)[0]
            nearest = nearest or counted or plurals
        return nearest[0] if nearest else None

    def noun_phrase(self, head: Token) -> Optional[Span]:
        return noun_phrase(head, self.words.circumstances)

    def unnamed_on_purpose(self, head: Token) -> bool:
        """"One artist, who asked not to be named", "a portfolio manager ..., who was not authorised
        to speak": a clause on the head saying the source withholds its name makes it anonymous
        (lexicon ``anonymity_phrases``; guidelines 7.4), whatever the noun; the clause often lies
        outside the mention, which stops before it, and may hang on a noun after the head ("a
        portfolio manager at one of its largest shareholders, who asked ...")."""
        clauses = [c for c in head.subtree if c.dep_ in ("relcl", "acl") and c.i > head.i]
        text = " ".join(head.doc[c.left_edge.i:c.right_edge.i + 1].text.lower() for c in clauses)
        return any(phrase in text for phrase in self.words.anonymity_phrases)

    def described_name(self, head: Token) -> Optional[Span]:
        """"The games workers' union Spelfack", "studio Pixelfjord": a name headed by a proper noun
        right after a lower-case organisation noun is the organisation that noun describes, even
        where the base NER gives it no label or a nationality's, or a place's after a noun no
        place is called by (lexicon ``firm_nouns``: "Swiss watchmaker Ferrand"; "oil producer
        Saudi Arabia" stays a country); its name is the capitalised words after the noun."""
        if head.pos_ != "PROPN":
            return None
        if head.ent_type_ == "PERSON" and not self.apposed_to_body_noun(head):
            return None  # "photographer Jane Roe"; but "The manufacturer, Danish drugmaker Aldea Therapeutics"
        nouns = [c for c in head.children if c.dep_ == "compound" and c.i < head.i and self.describing_noun(c)]
        if head.dep_ == "appos" and head.head.i == head.i - 1 and self.describing_noun(head.head):
            nouns = [head.head]  # "fined platform operator Ondal": the parser makes the name an apposition
        before = self.sibling_before(head)
        if not nouns and before is not None and self.describing_noun(before):
            nouns = [before]  # "smart-home company | Varmeo said": the parser makes both subjects
        if not nouns or head.ent_type_ == "GPE" and not self.place_named_body(head) and nouns[-1].lower_ not in self.words.firm_nouns:
            return None
        name = head.doc[nouns[-1].i + 1:head.i + 1]
        return name if all(t.text[:1].isupper() for t in name) else None

    def describing_noun(self, token: Token) -> bool:
        """An organisation noun written as a description: lower case, or capitalised only as the
        first word of a sentence or headline ("Chipmaker Arvola warns ...")."""
        return (token.text.islower() or token.is_sent_start) and token.lower_ in self.words.organisations

    def name_beside(self, mention: Span) -> Optional[Token]:
        """The proper noun that ends a mention whose root is the organisation noun before it, both
        hung on the verb ("smart-home company Varmeo said"): the name the noun describes."""
        last = mention[-1]
        return last if last.pos_ == "PROPN" and self.sibling_before(last) == mention.root else None

    @staticmethod
    def sibling_before(head: Token) -> Optional[Token]:
        """The word right before a name (past its compound proper nouns) that the parser hung beside
        the name instead of on it: both subjects of one verb, say."""
        start = head.i
        while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].head.i == head.i:
            start -= 1
        before = head.doc[start - 1] if start > 0 else None
        return before if before is not None and before.head.i == head.head.i and before.dep_ == head.dep_ else None

    @staticmethod
    def body_before_role(organisation: Optional[TextSpan], role: Optional[Token], head: Token) -> bool:
        """"A Brandt spokesman", "the company's chief executive": a body named before the role
        noun heading an unnamed person's mention says whose the role is; the person is named by
        the role alone (annotation guidelines: "a spokesman" -> spokesman, organisation Brandt)."""
        return organisation is not None and role is not None and role.i == head.i and organisation.end <= role.idx

    def role_for_body(self, organisation: Optional[TextSpan], role: Optional[Token], head: Token) -> bool:
        """"A spokeswoman for the transport ministry", "a ministry spokesman": an unnamed person
        whose mention is a role held in a body is named by the role alone, wherever the body is
        named (annotation guidelines: the body goes to ``organisation``), so that one body's
        spokesman is one name however the report words it."""
        return role is not None and role.i == head.i and (organisation is not None or any(
            c.dep_ == "poss" and c.lemma_.lower() in self.words.document_heads for c in role.children
        ) or any(
            o.dep_ == "pobj" and o.lemma_.lower() in self.words.document_heads for p in role.children if p.dep_ == "prep" for o in p.children
        ))  # "the ad's narrator", "a narrator in the ad": a document's role is held for its producer, named or not

    def coordinated_persons(self, mention: Span) -> Optional[Analysis]:
        """"Presidential candidates Jane Roe and Tom Doe said": named persons coordinated in one
        mention speak together, a group named by their names, with the role a title before them
        gives each ("presidential candidate")."""
        if sum(t.ent_iob_ == "B" and t.ent_type_ == "PERSON" for t in mention) < 2:
            return None  # cheap test first: Span.ents walks the document's entities
        persons = [e for e in mention.ents if e.label_ == "PERSON"]
        roots = {e.root.i for e in persons}
        if len(persons) < 2 or not any(e.root.dep_ == "conj" and e.root.head.i in roots for e in persons):
            return None
        names = [run.text for run in (self.strip_titles(e) for e in persons) if run is not None]
        role = self.role_token(mention)
        titled = role is not None and role.i < persons[0].start
        words = self.canonical_text(mention.doc[mention.start:role.i + 1]).lower().split() if titled else []
        role_text = " ".join(words[:-1] + [role.lemma_.lower()]) if words else None  # each one's: "candidate"
        return Analysis(name=" and ".join(names), type="group", role=role_text, organisation=None, tokens=frozenset())

    def person_led(self, head: Token, person: Optional[Span]) -> Optional[Analysis]:
        """"Roe's campaign", "the Doe administration": an organisation or government named after
        the person who leads it is that body, named by the surname ("Roe campaign"), not the person."""
        words = self.words
        lemma = head.lemma_.lower()
        if person is None or head in person or person.root.head.i != head.i or person.root.dep_ not in ("poss", "compound"):
            return None
        if lemma not in words.organisations and lemma not in words.government:
            return None
        surname = [t for t in person if t.tag_ != "POS" and t.is_alpha]
        if not surname:
            return None
        kind = "government" if lemma in words.government else "organisation"
        return Analysis(name=f"{surname[-1].text} {head.lower_}", type=kind, role=None, organisation=None, tokens=frozenset())

    def canonical_text(self, mention: Span) -> str:
        """A mention as a name: no leading article, possessive pronoun ("His lawyer": whose is a
        relation, not part of the description) or count, no possessive ending, no bracketed aside.
        A count that heads the phrase stays ("one of the people", "the 36-year-old")."""
        brackets = [t.i for t in mention if t.text == "("]
        if brackets and brackets[0] > mention.start:
            mention = mention.doc[mention.start:brackets[0]]
        tokens = [t for t in mention if not t.is_punct or t.text in ("-", "&", ".")]
        while len(tokens) > 1 and (
            tokens[0].lower_ in self.words.determiners or tokens[0].lower_ in self.words.quantifiers or tokens[0].like_num
            or tokens[0].tag_ == "PRP$"
        ) and not heads_phrase(tokens[0], tokens[1]):
            del tokens[:3 if tokens[1].text == "-" and len(tokens) > 3 else 1]  # "the three-member panel": all of "three-member"
        while tokens and tokens[-1].tag_ == "POS":
            tokens.pop()
        if not tokens:
            return mention.text
        return mention.doc[tokens[0].i:tokens[-1].i + 1].text

    # -- persons
    def person_name(self, mention: Span) -> Optional[Span]:
        """The longest run of proper nouns that names a person (by NER, or next to a role noun)."""
        runs = propn_runs(mention, self.words.name_particles)
        role_near = self.role_token(mention) is not None
        runs = [r for r in (self.strip_titles(run) for run in runs) if r is not None and not in_prepositional_phrase(r, mention)]
        # "Warm Homes Scotland, a fuel poverty charity", "the Retail Landlords Forum": bodies
        runs = [r for r in runs if not self.apposed_to_body_noun(r.root) and not self.named_as_body(r)]
        runs = [r for r in runs if not base_place(r)]  # "São Paulo-based analyst Renata Okada"
        # "A Kaufmarkt spokeswoman", "Obama spokesman Josh Earnest": a name before the role noun it
        # modifies is whose the role is, never the holder's name (English puts that after the role)
        runs = [r for r in runs if not self.modifies_role(r)]
        # a possessor is someone else's ("Hillary Clinton's campaign manager Robby Mook"), and a
        # set of people a person owns is not that person ("Mulder's teammates")
        if mention.root.tag_ == "NNS":
            runs = [r for r in runs if not possessor(r)]
        # "Harbour Roast's founder, Nadia Okafor": the owner of a body's role (lexicon
        # ``organisation_roles``) is the body, whatever the NER says, where a name holds the role
        owners = [r for r in runs if possessor(r) and r.root.head.lemma_.lower() in self.words.organisation_roles]
        if owners and len(owners) < len(runs):
            runs = [r for r in runs if r not in owners]
        for run in sorted(runs, key=lambda r: (not possessor(r), len(r)), reverse=True):
            if any(t.ent_type_ == "PERSON" for t in run):
                return run
        for run in runs:
            after_role = run.start > 0 and run.doc[run.start - 1].lemma_.lower() in self.words.roles
            appositive = run.root.dep_ == "appos" or (run.root.head.dep_ == "appos" and run.root.head in run)
            if role_near and (after_role or appositive) and not any(t.ent_type_ in ("GPE", "ORG", "NORP") and len(run) == 1 for t in run):
                return run
            if role_near and run.root.dep_ in ("nsubj", "nsubjpass") and run.root.head.pos_ == "VERB" and len(run) >= 2:
                return run
        for run in runs:
            described = all(t.lower_ in self.words.nationality_nouns or t.ent_type_ == "NORP" for t in mention.doc[mention.start:run.start])
            if run.end == mention.end and described and len(run) >= 2 and self.unlabelled_name(run):
                return run  # "Ana Ruiz said", "Pole Iga Swiatek said"
        return None

    def modifies_role(self, run: Span) -> bool:
        """Whether a run of proper nouns is a compound on the role noun right after it ("a
        Kaufmarkt | spokeswoman", "a Clinton | aide"): whose the role is, not who holds it."""
        after = run.end
        if after >= len(run.doc) or run.root.dep_ != "compound" or run.root.head.i != after:
            return False
        role = run.doc[after]
        return role.pos_ == "NOUN" and (role.lower_ in self.words.roles or role.lemma_.lower() in self.words.roles)

    def named_as_body(self, run: Span) -> bool:
        """"The Retail Landlords Forum, which speaks for the owners ...": an organisation entity
        ending in an organisation noun (lexicon ``organisation_heads``) names no person, whatever
        role words stand near."""
        last = run[-1]
        return last.ent_type_ == "ORG" and last.lower_ in self.words.bodies

    def unlabelled_name(self, run: Span) -> bool:
        """"Ana Ruiz said": two or more proper nouns that NER and the lexicons call nothing else."""
        labels = {t.ent_type_ or self.labels.get(t.text, "") for t in run} - {""}
        heads = {t.lemma_.lower() for t in run} & self.words.bodies
        return not labels - {"PERSON"} and not heads

    def strip_titles(self, run: Span) -> Optional[Span]:
        """"Health Minister Ana Ruiz" -> "Ana Ruiz": capitalised role words are not the name, nor the
        verb of an inverted tag that opens the sentence ("Said Ellis: ...", which the NER takes in).
        A role word that is also a given name opening a two-word name ("Dean Pryce") is the given
        name: a title would leave a bare surname."""
        honorifics = self.words.honorifics
        titles = [
            t.i for t in run
            if t.lower_ in honorifics or role_word(t, self.words) and not after_honorific(t, honorifics)
            and not (t.i == run.start and title_as_given_name(run, self.words.given_name_genders))
        ]
        start = titles[-1] + 1 if titles else past_tag_verb(run.doc, run.start, run.end)
        while start < run.end and (run.doc[start].lower_ in self.words.role_modifiers or run.doc[start].text == "-"):
            start += 1
        start = past_describing_word(run.doc, start, run.end, self.words.given_name_genders, self.words.nationality_nouns)
        return run.doc[start:run.end] if start < run.end else None

    # -- roles
    def role_text(self, role: Token) -> str:
        """The role with the words that belong to it: "Deputy Prime Minister" -> "deputy prime minister",
        "attorney-general" and "editor-in-chief" whole, abbreviations spelt out ("CEO" -> "chief
        executive"), and a former marker kept with the body the role was held in ("a former
        Harbour Authority chairman" -> "former chairman of the Harbour Authority"): a person in a
        former role speaks for no body, so the guidelines name it in the role."""
        doc, start = role.doc, role.i
        while start > 0 and not self.name_continuation(doc[start - 1]) and (
            self.continues_role(doc[start - 1]) or doc[start - 1].lemma_.lower() in self.words.roles or title_word(doc[start - 1])
            or self.function_noun(doc[start - 1], role) or self.function_adjective(doc[start - 1], role)
            or self.portfolio_word(doc[start - 1], role)
        ):
            start -= 1
        # "Lisbon-based translator": where the person is based is no part of the role
        while start < role.i and based_part(doc[start]):
            start += 1
        if start == role.i and attached_prefix(role):
            start -= 2  # "co-founder", "vice-chair": the tokenizer splits the word the role is
        abbreviations = self.words.title_abbreviations
        words = [abbreviations.get(word, word) for word in doc[start:hyphenated_end(role) + 1].text.lower().split()]
        # "a former [Harbour Authority] chairman": the marker stays with the role the name parts from
        former = [c for c in role.lefts if c.lower_ in self.words.former_markers and c.i < start]
        text = self.with_function(" ".join([c.lower_ for c in former[:1]] + words), role)
        body = doc[former[0].i + 1:start] if former else None
        if body is not None and len(body) and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in PLACE_ENTITIES for t in body):
            article = "the " if body[-1].lemma_.lower() in self.words.bodies else ""
            text = f"{text} of {article}{body.text}"
        return text

    def function_noun(self, token: Token, role: Token) -> bool:
        """"tournament director", "energy analyst": a lower-case noun compounded onto a role says
        which function, as an "of" phrase would (capitalised only as its sentence's first word:
        "Data scientist Inês Marques"); an organisation or government noun names the
        body instead ("company spokeswoman"), and a person's or body's name is no role word."""
        lemma = token.lemma_.lower()
        return (
            token.dep_ == "compound" and token.pos_ == "NOUN" and (token.text.islower() or token.is_sent_start and token.tag_ == "NN" and token.text[1:].islower())
            and role.i > token.i and token.head.i <= role.i
            and lemma not in self.words.organisations and lemma not in self.words.government
            and not joining_hyphen(token.doc, token.i - 1)  # "long-time coach": an adjective
        )

    def portfolio_word(self, token: Token, role: Token) -> bool:
        """"*Culture* Secretary Angus Munro", "*Climate* Minister Adam Sobczak": a capitalised proper
        noun compounded onto a portfolio title (lexicon ``portfolio_titles``) names the portfolio,
        unlabelled or labelled a nationality or group by the NER (a title word otherwise:
        :func:`title_word`; a person, body or place the NER found, or a word for a body (lexicons
        ``organisation_heads``, ``government_heads``: "Midwives' Union secretary") is no portfolio)."""
        return (role.lower_ in self.words.portfolio_titles and token.ent_type_ in ("NORP", "") and token.pos_ == "PROPN"
                and token.lower_ not in self.words.bodies
                and token.dep_ == "compound" and token.head.i == role.i and not token.text.isupper())

    def function_adjective(self, token: Token, role: Token) -> bool:
        """"chief clinical officer", "national security adviser": a lower-case classifying
        adjective (lexicon ``role_adjective_endings``) modifying the role says which function, as a
        noun would; a qualitative one ("outspoken senator") describes the person instead."""
        return (
            token.pos_ == "ADJ" and token.dep_ == "amod" and token.is_lower and token.i < role.i and token.head.i <= role.i
            and token.lower_.endswith(self.words.role_adjective_endings) and token.ent_type_ not in ("NORP", "GPE")
        )

    def with_function(self, text: str, role: Token) -> str:
        """A role's text with the function its "of" phrase names (:meth:`function_of`)."""
        function = self.function_of(role)
        return f"{text} {function.text.lower()}" if function is not None else text

    def function_of(self, role: Token) -> Optional[Span]:
        """"head of Asian credit research", "director of infection prevention", "chair of the
        judges", "a specialist in ancient seafaring": an "of" or "in" phrase after a role that
        names no body (no proper name, no organisation or government noun) nor a place says what
        the function covers and belongs to the role; "head of the Meridian Institute" names the
        organisation instead, and "at Kingsway Capital" after the function still does. A former role keeps its body too ("the former secretary of state":
        the guidelines name the body in a role the person no longer holds)."""
        words = self.words
        former = any(c.lower_ in words.former_markers for c in role.lefts)
        for child in role.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "in") or child.i <= hyphenated_end(role):
                continue  # "playwright-in-residence": one word
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                return None
            phrase = role.doc[child.i:portfolio_end(objects[0]) + 1]
            if child.lower_ == "in" and (objects[0].ent_type_ in ("GPE", "LOC", "DATE") or objects[0].lemma_.lower() in words.place_nouns):
                return None  # "an analyst in London": where, not what
            if child.lower_ == "in" and objects[0].lemma_.lower() in words.document_heads:
                return None  # "a narrator in the ad": the document the role is held in, not its function
            if former and child.lower_ == "of":
                return phrase
            if objects[0].lemma_.lower() in words.bodies and not self.shared_portfolio(objects[0]) or any(
                t.pos_ == "PROPN" and not t.is_lower or t.ent_type_ in ("ORG", "GPE", "FAC", "PERSON") or t.tag_ == "PRP$" for t in phrase
            ):
                return None
            return phrase
        return None

    def shared_portfolio(self, noun: Token) -> bool:
        """"head of trust and safety": a bare lower-case noun joined by "and" to one that names no
        body is a field of work, although alone it could be a body ("the trust")."""
        bodies = self.words.bodies
        return noun.is_lower and not any(c.dep_ in ("det", "poss") for c in noun.children) and any(
            c.i > noun.i and c.lemma_.lower() not in bodies for c in noun.conjuncts)

    def role_token(self, mention: Span) -> Optional[Token]:
        """The head of the first role phrase: "deputy prime minister" -> "minister"; none inside a
        clause on another noun of the mention ("a review into the crash that injured 23 riders")."""
        candidates = [
            t for t in mention
            if t.lemma_.lower() in self.words.roles and t.pos_ in ("NOUN", "PROPN") and not after_honorific(t, self.words.honorifics)
            and not in_clause(t, mention)
        ]
        owned = [t for t in candidates if t.dep_ != "poss"]  # "the player's agent": the possessor's role is not the person's
        candidates = owned or candidates
        described = [t for t in candidates if t.lower_ not in self.words.honorifics]
        for token in (described or candidates)[:1]:
            while token.i + 1 < mention.end and self.continues_role(mention.doc[token.i + 1]):
                token = mention.doc[token.i + 1]
            return token if token.text != "-" else mention.doc[token.i - 1]
        return None

    def name_continuation(self, token: Token) -> bool:
        """"City" in "Kelby City manager", "Town" in "Ashby Town manager": a capitalised word that
        ends names of bodies (lexicon ``organisation_name_words``) right after a capitalised name
        belongs to that name, not to the role, even where it could be a role word ("city manager")."""
        if not token.text[:1].isupper() or token.i == 0 or token.lower_ not in self.words.organisation_name_words:
            return False
        previous = token.doc[token.i - 1]
        return previous.text[:1].isupper() and (previous.pos_ == "PROPN" or previous.ent_type_ in BODY_ENTITIES)

    def continues_role(self, token: Token) -> bool:
        lower = token.lower_
        return (token.text == "-" and not token.whitespace_) or (
            (lower in self.words.roles or lower in self.words.role_modifiers) and (
                token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_ == "VBG" and token.dep_ in ("amod", "compound"))
        )  # "managing director": the tagger often reads the modifier as a participle

    # -- organisations
    def organisation(self, mention: Span, role: Optional[Token], person: Optional[Span]) -> Optional[TextSpan]:
        """"spokesperson for X", "head of X", "X's minister", "Taliban spokesman"; none for a former
        one ("former RT journalists")."""
        if role is None:
            return self.affiliation(person) if person is not None else None
        function = self.function_of(role)
        for child in role_dependents(role):
            if child.dep_ == "prep" and child.lower_ in self.words.role_organisation_preps and not (function and child.i == function.start):
                objects = [c for c in child.children if c.dep_ == "pobj" and self.body_word(c)]
                if objects:
                    return self.organisation_span(self.name_after_description(objects[0]) or object_phrase(objects[0]))
            if child.dep_ == "poss" and child.tag_ != "PRP$":
                if child.lemma_.lower() in self.words.roles:
                    return None  # "the player's agent", "the president's aides": a person's, no body
                antecedent = whose_antecedent(child)
                if antecedent is not None:
                    phrase = self.noun_phrase(antecedent)
                    return self.organisation_span(without_appositions(phrase, stop_at_comma=True)) if phrase is not None else None
                if child.lemma_.lower() in self.words.document_heads:
                    return self.document_producer(child)
                return self.possessor_body(child)
        run = [
            t for t in mention
            if t.i < role.i and (t.dep_ in ("compound", "amod", "nmod") or t.text == "-" and t.i + 1 < role.i and after_name_hyphen(t.nbor()))
        ]  # a hyphen inside a name stays: "Charlotte-Mecklenburg police chief"
        run = contiguous_run(run) if run and run[-1].i == role.i - 1 else []
        while run and not self.names_role_body(run[-1], role) and not self.name_continuation(run[-1]) and (
            run[-1].lower_ in self.words.role_modifiers or title_word(run[-1]) or run[-1].lemma_.lower() in self.words.roles
            or run[-1].lower_ in self.words.chamber_names  # "Senate Minority Leader": a legislator speaks for a party
            or self.portfolio_word(run[-1], role)  # "Climate Minister": the portfolio, no body's name
            or self.function_noun(run[-1], role)  # "A Kinetra software engineer": the function is the role's
            or run[-1].text.islower() and run[-1].pos_ == "ADJ" and run[-1].dep_ == "amod"  # "human rights investigator"
        ):
            run.pop()
        if person is not None:
            run = [t for t in run if t.i < person.start]
        if any(t.lower_ in self.words.former_markers for t in run):
            return None  # "former RT journalists" speak for the body no more (guidelines: no organisation)
        named = any(t.ent_type_ in ("ORG", "GPE") or t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in run)
        if run and (named or run[-1].lemma_.lower() in self.words.bodies):
            return self.organisation_span(mention.doc[run[0].i:run[-1].i + 1])
        # a title before the name names no body ("Professor Elena Ricci"): look after the name
        return self.affiliation(person) if person is not None else None

    def name_after_description(self, noun: Token) -> Optional[Span]:
        """"founder of the campaign group Westmoor Families for Justice", "a spokesman for the
        supermarket chain Greenway", "Carla Westphal of the digital rights group Offene Leitung":
        the name right after a lower-case organisation noun (no comma between) is the body's,
        however the parser hangs it (often as an apposition or not on the noun at all) and
        whatever the NER calls it (an unfamiliar body's name is often a person to it)."""
        doc = noun.doc
        if not noun.text.islower() or noun.lemma_.lower() not in self.words.organisations or noun.i + 1 >= len(doc):
            return None
        first = doc[noun.i + 1]
        if first.pos_ != "PROPN" or not first.text[:1].isupper() or first.ent_type_ == "DATE":
            return None
        last = first.i
        while last + 1 < len(doc) and run_continues(doc, last + 1):
            last += 1
        after = next((t for t in doc[last + 1:] if t.pos_ != "ADV"), None)
        if first.ent_type_ == "PERSON" and after is not None and after.pos_ in ("VERB", "AUX"):
            return None  # "the club Colin Roe once managed": a clause's subject, no body's name
        return doc[first.i:last + 1]

    def document_producer(self, document: Token) -> Optional[TextSpan]:
        """"The study's lead author", "the report's author": a document is no body; the author
        works for the organisation the report says produced it ("an analysis published by the
        Kellwick Institute"), at the latest earlier mention of the same document noun, or of any
        document in the sentences just before (a report calls one document by several nouns)."""
        lemma = document.lemma_.lower()
        for token in reversed(document.doc[:document.i]):
            near = document.i - token.i <= DOCUMENT_LOOKBACK and token.lemma_.lower() in self.words.document_heads
            if token.pos_ != "NOUN" or not near and token.lemma_.lower() != lemma:
                continue
            producers = [t for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") and self.names_body(t)]
            producers = producers or [b for b in [research_body_after(token, self.words)] if b is not None]
            if producers:
                return self.organisation_span(object_phrase(producers[0]))
        return None

    def names_role_body(self, noun: Token, role: Token) -> bool:
        """"[Charlotte-Mecklenburg police] chief": the noun of a compound role (lexicon
        ``compound_roles``) after a name names the body too, and stays in both."""
        return noun.i > 0 and f"{noun.lower_} {role.lower_}" in self.words.compound_roles and noun.doc[noun.i - 1].pos_ == "PROPN"

    def affiliation(self, person: Span) -> Optional[TextSpan]:
        """"Henrik Aaltonen of Reporters Without Borders", "Elena Ricci, a neurologist at the
        University of Bologna", "the head of the Meridian Institute, Bambang Sutrisno": a named
        organisation after the name or in an apposition. Not
        for a person who only complements another noun ("a mentor to Mr. Obama at Harvard Law
        School"): the place there belongs to the relation, not to the person."""
        if complements_noun(person.root, self.words.source_preps):
            return None
        root = person.root
        # the name itself, its apposition after it, and the role noun it stands in apposition to
        # ("the head of X, NAME"); not a relative clause, whose places are often the verb's
        heads = [root] + [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        apposed = self.apposed_role_noun(root)
        if apposed is not None:
            heads.append(apposed)
        for head in heads:
            owner = self.owning_body(head) if head is not root else None
            if owner is not None:
                return owner
            function = self.function_of(head) if head is not root else None
            # "head of commodities research at Meridian": the parser hangs the body on the function
            holders = [head] + ([t for t in function if t.dep_ == "pobj" and t.head.i == function.start] if function is not None else [])
            for child in (c for holder in holders for c in holder.children):
                if child.dep_ == "prep" and child.lower_ in self.words.affiliation_preps and not (function and child.i == function.start):
                    objects = [c for c in child.children if c.dep_ == "pobj" and (self.names_body(c) or self.definite_body_noun(c))]
                    if objects:
                        return self.organisation_span(self.name_after_description(objects[0]) or object_phrase(objects[0]))
        return self.clause_affiliation(root)

    def owning_body(self, role: Token) -> Optional[TextSpan]:
        """"Mark Ashdown, the council's cabinet member for housing": a noun in apposition to a
        name, owned by a body (a name, or an organisation or government noun), says whom the
        person works for, whether or not the role lexicon knows the noun; the registry then reads
        "the council" as the council the article named."""
        if role.pos_ != "NOUN":
            return None
        owners = [c for c in role.children if c.dep_ == "poss" and c.tag_ != "PRP$" and self.body_word(c)]
        return self.possessor_body(owners[0]) if owners else None

    def possessor_body(self, possessor: Token) -> Optional[TextSpan]:
        """The organisation a possessor names, its phrase without the possessive "'s"."""
        tokens = [t for t in possessor.subtree if t.dep_ != "case"]
        return self.organisation_span(possessor.doc[tokens[0].i:tokens[-1].i + 1])

    def profession(self, phrase: Span) -> Optional[Token]:
        """"Paul Roe, a palaeontologist at Castlegate University", "Ama Owusu, a courier in
        Leeds": a singular common noun with an indefinite article, in apposition to a person's
        name, says what the person is, a function the role lexicon need not list; not a body, a
        set, a document or who someone is to others (lexicon ``person_description_heads``)."""
        head, words = phrase.root, self.words
        indefinite = words.determiners - words.definite_determiners
        if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in indefinite for c in head.children):
            return None
        if any(c.dep_ in ("compound", "nmod", "poss") and (c.pos_ == "PROPN" or c.ent_type_) for c in head.children):
            return None  # "a Nobel Peace Prize winner", "a Clinton surrogate": a relation to a name, no function
        lemma = head.lemma_.lower()
        excluded = words.bodies | words.group_heads | words.document_heads | words.anonymous
        return None if lemma in excluded or lemma in words.person_descriptions else head

    def apposed_role_noun(self, root: Token) -> Optional[Token]:
        """The role noun a name stands in apposition to, before it ("the head of the centre,
        Bambang Sutrisno"): the parser often hangs the name on the last noun of the role's "of"
        phrase, but a reader reads it with the role."""
        if root.dep_ != "appos" or root.head.i > root.i:
            return None
        head = root.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in self.words.roles:
            head = head.head.head
        return head if head.lemma_.lower() in self.words.roles else None

    def body_word(self, token: Token) -> bool:
        """Whether the head of a role's complement can name an organisation: a name, or an
        organisation or government noun ("spokesman for the ministry"); "attorneys for the
        family" speak for no organisation."""
        lemma = token.lemma_.lower()
        return token.pos_ == "PROPN" or bool(token.ent_type_) or lemma in self.words.organisations or lemma in self.words.government

    def definite_body_noun(self, token: Token) -> bool:
        """"Davide Conti of the observatory": a definite organisation or government noun stands for
        the body of that kind the report names (the registry resolves it)."""
        words = self.words
        lemma = token.lemma_.lower()
        return token.pos_ == "NOUN" and (lemma in words.organisations or lemma in words.government) and any(
            c.dep_ == "det" and c.lower_ in words.definite_determiners for c in token.children)

    def names_body(self, token: Token) -> bool:
        """Whether a word names an organisation here, or wherever else the document tags it, or
        ends the name of a body the NER missed (:func:`body_name_runs`: "Analyst Declan Moy of
        Fitzwilliam *Securities*"), unless that word also ends place names (lexicon
        ``place_nouns``: "a pensioner from Sun *City*" is where she lives)."""
        return token.ent_type_ == "ORG" or self.labels.get(token.text) == "ORG" or (
            token.lower_ not in self.words.place_nouns and any(e.label_ == "ORG" and e.end - 1 == token.i for e in self.body_runs))

    def clause_role(self, root: Token) -> Optional[str]:
        """"Luis Roe, who heads the Centre for Development": the role a relative clause on the
        name tells by its verb (lexicon ``role_verbs``), when the verb takes an object (the body)."""
        for clause in root.children:
            role = self.words.role_verbs.get(clause.lemma_.lower()) if clause.dep_ == "relcl" else None
            if role is not None and any(c.dep_ == "dobj" for c in clause.children):
                return role
        return None

    def clause_affiliation(self, root: Token) -> Optional[TextSpan]:
        """"Rolf Hansen, who covers the sector for Nordkapp Securities", "who works at Vestbank", "who
        runs the Arktis Fund": a relative clause on the name whose verb tells a job (lexicon
        ``affiliation_verbs``, and ``present_affiliation_verbs`` in the present tense: "who studies
        cyber issues at the Council on Foreign Relations", not "who studied at Oxford") names the
        organisation, as its object (the name after a description: "who heads the trade
        association Fiets Industrie Nederland") or after a role preposition. Other relative clauses do not
        ("who spoke at the Brookings Institution": an event's place)."""
        words = self.words
        for clause in root.children:
            if clause.dep_ != "relcl" or not self.job_verb(clause):
                continue
            direct = [c for c in clause.children if c.dep_ == "dobj"]
            # what one studies, follows or tracks is the subject, not the employer ("who follows Apple at Bernstein")
            employers = direct if clause.lemma_.lower() in words.affiliation_verbs else []
            objects = [c for c in employers if self.names_body(c) or self.led_name(clause, c) or self.name_after_description(c)] + [
                # the preposition may hang on the object
                o for head in [clause, *direct] for p in head.children if p.dep_ == "prep" and p.lower_ in words.role_organisation_preps
                for o in p.children if o.dep_ == "pobj" and (self.names_body(o) or self.definite_body_noun(o))
            ]
            if objects:
                return self.organisation_span(self.name_after_description(objects[0]) or object_phrase(objects[0]))
        return None

    def job_verb(self, verb: Token) -> bool:
        """Whether a verb tells what someone does for a living (``clause_affiliation``)."""
        lemma = verb.lemma_.lower()
        return lemma in self.words.affiliation_verbs or lemma in self.words.present_affiliation_verbs and verb.tag_ in ("VBZ", "VBP")

    def led_name(self, verb: Token, name: Token) -> bool:
        """Whether a name is what a verb that tells a role leads (lexicon ``role_verbs``: "who
        heads Kornblum", "who founded Lumen"): whatever the NER calls it, one heads or founds a
        body, though not a person or a place."""
        return (verb.lemma_.lower() in self.words.role_verbs and name.pos_ == "PROPN"
                and name.ent_type_ not in ("PERSON", "GPE", "LOC", "NORP"))

    def organisation_span(self, phrase: Optional[Span]) -> Optional[TextSpan]:
        """An organisation as a name: without a leading article ("The Progress Party" -> "Progress
        Party"), where it is based ("the Miami-based Florida Growers Association", "Finland's
        Kajaani Observatory") or a description
        before the name ("Berlin venture firm Nordlicht Capital" -> "Nordlicht Capital": a
        lower-case organisation noun right before a capitalised name)."""
        if phrase is None:
            return None
        doc = phrase.doc
        start = phrase.start
        while start < phrase.end - 1 and doc[start].lower_ in self.words.determiners:
            start += 1
        while start + 3 < phrase.end and doc[start + 1].text == "-" and doc[start + 2].lower_ in LOCATED:
            start += 3
        possessive = next((t.i for t in doc[start + 1:phrase.end - 1] if t.tag_ == "POS"), None)
        if possessive is not None and doc[possessive + 1].text[:1].isupper() and all(
                t.ent_type_ in PLACE_ENTITIES for t in doc[start:possessive]) and self.distinctive(doc[possessive + 1:phrase.end]):
            start = possessive + 1  # "Finland's Kajaani Observatory": where it is, not its name
        described = [
            t.i + 1 for t in doc[start:phrase.end - 1]
            if t.text.islower() and t.lemma_ in self.words.organisations and doc[t.i + 1].text[:1].isupper()
        ]
        return TextSpan.from_span(doc[max([start] + described):phrase.end])

    def distinctive(self, name: Span) -> bool:
        """Whether a name holds a word of its own beyond the nouns any body is called by:
        "Kajaani Observatory" does, "University Hospital" (of "Hamburg's University Hospital")
        and "Children's Hospital" do not, so the place stays in their names; so does the country
        of a government body ("France's Ministry of Health")."""
        words = self.words
        if any(t.lemma_.lower() in words.government for t in name):
            return False  # "France's Ministry of Health", "Kenya's High Court": the country says whose
        return any(t.is_alpha and t.lemma_.lower() not in words.organisations and t.lower_ not in words.bodies
                   and not (t.i + 1 < name.end and name.doc[t.i + 1].tag_ == "POS") for t in name)  # "Children's Hospital"

    # -- types
    def entity_type(self, mention: Span, head: Token, role: Optional[Token]) -> str:
        """person / organisation / government / group / anonymous / unknown, from head and modifiers."""
        words = self.words
        lemma = hyphenated_lemma(head)
        lower = head.lower_
        qualified = any(
            t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" for t in mention if t.i != head.i
        )
        described = lemma not in words.unnamed_heads and any(self.describes(t, head) for t in mention if t.i != head.i)
        if lower in words.person_pronouns or lower in words.first_person_singular:
            return "person"
        if lower in words.first_person_plural or lemma in words.collective_words:
            return "group"
        label = head.ent_type_ or self.labels.get(head.text, "")
        if lemma in words.government and head.tag_ in ("NNS", "NNPS") and head.lower_ != lemma:
            return "group"  # "local governments", "ministries": several bodies
        if label == "GPE" and self.place_named_body(head):
            return "organisation"
        if self.local_government(head):
            return "government"
        if lemma in words.government or (label == "GPE" and head.pos_ == "PROPN" and not self.apposed_to_body(head)):
            return "government"
        if head.tag_ in ("NNS", "NNPS") and lemma in words.body_plurals:
            return "organisation"  # "the organisers": the body that runs the event, acting as one
        if head.tag_ in ("NNS", "NNPS") and lemma in words.group_heads and lemma in words.anonymous:
            return "group" if qualified or described else "anonymous"
        # inflected plurals only: a collective noun tagged plural ("police") names one organisation
        plural = head.tag_ in ("NNS", "NNPS") and label != "ORG" and head.lower_ != lemma
        if plural and (lemma in words.organisations or any(c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") for c in head.children)):
            return "group"
        if self.research_team(head):
            return "group"
        if lemma in words.organisations or label == "ORG" or self.apposed_to_body(head):
            return "organisation"
        if lemma in words.anonymous and not qualified:
            return "anonymous"
        if head.tag_ in ("NNS", "NNPS") and (lemma in words.group_heads or lemma in words.anonymous or qualified):
            return "group"
        if lemma in words.group_heads and head.lower_ != lemma:
            return "group"
        if role is not None and role.i == head.i and head.tag_ in ("NNS", "NNPS") and head.lower_ != lemma:
            return "group"  # "attorneys for the family", "their lawyers": people in a role, several
        if role is not None or head.tag_ == "NN" and lemma in words.person_descriptions:
            return "person"  # "the mother of two": one person, described by who she is
        if label in ENTITY_TYPES:
            return ENTITY_TYPES[label]
        if lemma in words.anonymous:
            return "anonymous"
        if any(t.ent_type_ == "ORG" or self.labels.get(t.text) == "ORG" for t in mention if t.i != head.i):
            return "organisation"
        if plural_common_noun(head) and lemma not in words.document_heads:
            return "group"  # "Detectives said", "growers fear": whoever speaks in the plural is people
        return "unknown"


    def research_team(self, head: Token) -> bool:
        """"A team at the Kessler Institute", "a team of palaeontologists": a collective research
        noun (a ``research_groups`` word that is no role) placed at a body or made of researchers
        is researchers, a group, where a team alone is as often a club."""
        words = self.words
        if head.lemma_.lower() not in words.research_groups or head.lemma_.lower() in words.roles:
            return False
        members = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" and o.tag_ == "NNS" and o.lemma_.lower() in words.research_groups]
        return bool(members) or research_body(head, words) is not None and self.research_report

    @cached_property
    def research_report(self) -> bool:
        """Whether the report is about research: it names a piece of it (lexicon
        ``research_works``) or researchers in the plural ("researchers", "geologists"), so that "a
        team at Skyvia" restoring a booking system is no research team."""
        words = self.words
        return any(t.lemma_.lower() in words.research_works or t.tag_ == "NNS" and t.lemma_.lower() in words.research_groups
                   for t in self.doc)

    def apposed_to_body(self, head: Token) -> bool:
        """"Future45, a super PAC": a name (often an unfamiliar one the NER takes for a place) in
        apposition to an organisation is one."""
        return head.pos_ == "PROPN" and any(
            c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "ORG" for c in head.children
        ) or self.apposed_to_body_noun(head)

    def local_government(self, head: Token) -> bool:
        """"Harrowfield City Council", "the county council": a council of a city, county or town
        (lexicon ``local_government_heads``, ``local_area_words``) governs it, a government as a
        ministry is; other councils ("the Security Council") are organisations."""
        return head.lemma_.lower() in self.words.local_government and any(
            c.dep_ in ("compound", "amod") and c.lower_ in self.words.local_areas for c in head.children
        )

    def place_named_body(self, head: Token) -> bool:
        """"Audit Scotland", "Universities Wales", "Horse Watch Ireland": a place name after
        capitalised words that are no part of a place name (the NER and the document's votes
        label them no place) names an organisation after its place, not the place's government."""
        return any(
            c.dep_ == "compound" and c.i < head.i and c.text[:1].isupper() and c.ent_type_ != "GPE"
            and self.labels.get(c.text, "") != "GPE" for c in head.children
        )

    def apposed_to_body_noun(self, head: Token) -> bool:
        """"Warm Homes Scotland, a fuel poverty charity", "Fjordbank, the largest of the lenders
        affected", "the lender, Corvid Finance": a name in apposition to a description headed by
        an organisation noun (lexicon ``organisation_heads``) is an organisation even where the
        NER calls it a person. The noun is the description's own or, for a superlative or count
        standing for one of a set, the set's. (An apposition the NER labels ORG may be a title:
        "Stephen Boyd, the Auditor General".)"""
        if head.pos_ != "PROPN":
            return False
        descriptions = [c for c in head.children if c.dep_ == "appos" and c.i > head.i] + misattached_apposition(head)
        given = head.left_edge.lower_ in self.words.given_name_genders  # "the broadcaster Alan MacLeod": a person
        if head.dep_ == "appos" and head.head.i < head.i and head.head.pos_ == "NOUN" and head.head.dep_ != "pobj" and not given:
            # "The lender, Corvid Finance"; not "the head of the centre, Jo Roe", whose name the
            # parser may hang on the body it heads
            descriptions.append(head.head)
        return any(
            hyphenated_lemma(member_noun(c)) in self.words.organisations
            and not any(d.dep_ == "conj" for d in c.children)  # "a developer and spokeswoman": a person's roles
            for c in descriptions
        )

    def describes(self, token: Token, head: Token) -> bool:
        """"Local" in "local officials", "administration" in "administration officials": a word that
        says which officials, so that plural ones are a described group rather than anonymous;
        counts and articles ("two officials", "the officials") say nothing about who. (A singular
        "senior official" stays anonymous: section 7.4 of the annotation guidelines.)"""
        words = self.words
        return (
            token.head.i == head.i and token.dep_ in ("amod", "compound", "nmod") and not token.like_num
            and token.lower_ not in words.quantifiers and token.lower_ not in words.determiners
            and token.lower_ not in words.group_determiners
        )


# ---------------------------------------------------------------------- mention shapes
BODY_ENTITIES = ("ORG", "GPE")
"""Entity labels of bodies and places, whose names may go on in a capitalised word the NER left out."""
PLACE_ENTITIES = ("GPE", "LOC", "NORP")
"""Entity labels of places and nationalities: "a former Australia seamer" played for a country, no body held."""

INFLECTED_VERB_TAGS = ("VBD", "VBZ", "VBP")
"""Tags of a finite verb, which no name opens with."""


def past_tag_verb(doc: Doc, start: int, end: int) -> int:
    """The start of a name after the verb of an inverted speaker tag that opens the sentence
    ("Said Ellis: ...", "Says Maria Lopez: ..."), which the NER takes into the name."""
    token = doc[start]
    return start + 1 if end - start > 1 and token.is_sent_start and token.tag_ in INFLECTED_VERB_TAGS else start

LOCATED = ("based", "headquartered", "born")
"""Second halves of a hyphenated adjective that says where an organisation sits or a person is
from ("Miami-based", "Dhaka-born"): no part of a name or role."""


def based_part(token: Token) -> bool:
    """Whether a token is the hyphen or the second half of "Lisbon-based", "Oslo-headquartered":
    where a person or body sits, no part of a role."""
    doc = token.doc
    return token.text == "-" or token.lower_ in LOCATED and token.i > 0 and doc[token.i - 1].text == "-"


def located_word(token: Token) -> bool:
    """Whether a word belongs to the place of "Dhaka-born", "São Paulo-based" (the place the
    parser hangs on the participle): where somebody is from or sits, no body they speak for."""
    return any(t.dep_ == "npadvmod" and t.head.lower_ in LOCATED for t in (token, token.head))


def base_place(run: Span) -> bool:
    """Whether a run of proper nouns is the place of "São Paulo-based", "Oslo-headquartered": where
    somebody sits, never a person's name, whatever the NER calls it."""
    doc = run.doc
    return run.end + 1 < len(doc) and doc[run.end].text == "-" and doc[run.end + 1].lower_ in LOCATED


def noun_phrase(head: Token, circumstances: FrozenSet[str]) -> Optional[Span]:
    """The head's phrase, without relative clauses, participle modifiers or trailing commas."""
    if head.pos_ == "VERB" or head.is_punct:
        return None
    drop = {t.i for child in head.children if child.dep_ in ("relcl", "acl") for t in child.subtree}
    drop |= {
        t.i for child in head.subtree
        if after_comma(child, (",",)) and (child.dep_ in ("relcl", "acl", "advcl") or child.dep_ == "prep" and child.lower_ in circumstances)
        for t in child.subtree
    }
    if head.dep_ == "poss":
        drop |= {c.i for c in head.children if c.dep_ == "case"}
    tokens = [t.i for t in head.subtree if t.i not in drop]
    if not tokens:
        return None
    start = end = head.i
    while start - 1 in tokens:
        start -= 1
    while end + 1 in tokens:
        end += 1
    return clean_mention(head.doc[start:end + 1])


def possessor(run: Span) -> bool:
    """Whether a name is followed by a possessive ending ("Roe's")."""
    return run.end < len(run.doc) and run.doc[run.end].tag_ == "POS"


def heads_phrase(first: Token, second: Token) -> bool:
    """Whether a leading count is the head of its phrase rather than a modifier: a partitive
    "of" follows it ("one of the people") or a hyphen joins it to the next word and that word
    ends the phrase's head ("the 36-year-old"; in "the three-member panel" the count only
    describes the panel)."""
    if second.lower_ == "of":
        return first.lower_ not in ("the", "a", "an")
    if second.text != "-" or not first.like_num:
        return False
    joined = second.doc[second.i + 1] if second.i + 1 < len(second.doc) else second
    return not (joined.head.i > joined.i and joined.head.pos_ in ("NOUN", "PROPN") and joined.dep_ in ("compound", "amod", "nmod"))


def without_edge_spaces(span: Span) -> Span:
    """The span without whitespace tokens at its edges ("he\xa0" from a found source: a
    non-breaking space is a token of its own)."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].is_space:
        start += 1
    while end > start + 1 and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def clean_mention(span: Optional[Span]) -> Optional[Span]:
    """The span without edge punctuation and spaces, and without an unclosed bracket."""
    if span is None:
        return None
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1]:]):
        closing = tokens[-1].i + 1
        if closing < len(span.doc) and span.doc[closing].text == ")":
            tokens.append(span.doc[closing])
        else:
            tokens = tokens[:opened[-1]]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
    if not tokens:
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1]



def misattached_apposition(name: Token) -> List[Token]:
    """"Shares in Kestrel Pay, the British payments app, rose": an apposition right after a name
    and its comma that the parser hung on a word before the name (the sentence's subject) stands
    beside the name, as a reader takes it: adjacency, not the parser's attachment."""
    doc = name.doc
    if name.i + 2 >= len(doc) or doc[name.i + 1].text != "," or name.dep_ in ("compound", "flat"):
        return []
    token = doc[name.i + 2]
    while token.head.i != token.i and token.head.left_edge.i == name.i + 2 and token.dep_ != "appos":
        token = token.head
    return [token] if token.dep_ == "appos" and token.head.i < name.i and token.left_edge.i == name.i + 2 else []


def complements_noun(token: Token, source_preps: FrozenSet[str]) -> bool:
    """Whether a noun is the object of a preposition hanging on another noun ("a mentor to Obama"),
    other than a source's ("a statement from Roe")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ not in source_preps and prep.head.pos_ == "NOUN"


def in_region(prep: Token) -> bool:
    """"in southern Sweden", "in London" after a body's name: a preposition that says where the
    body is, not which body it is; also a proper noun the NER left unlabelled right after a
    named body ("the Alpine Climate Institute in Grenoble"), whose name ends before "in"."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return False
    after_name = prep.i > 0 and prep.doc[prep.i - 1].ent_type_ in BODY_ENTITIES
    return any(o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC") or after_name and o.pos_ == "PROPN" and not o.ent_type_)
               for o in prep.children)


def object_phrase(token: Token) -> Optional[Span]:
    """The phrase of a prepositional object up to its first comma ("for the Interior Ministry, X"),
    a coordination outside a name ("director of the Kellwick Institute and a board member" ->
    "Kellwick Institute") or the place it is in ("at Meridian Commodities in London"). The phrase
    holds the whole name the object is a word of, where the parser hung the rest of the name
    elsewhere ("of the Centre | for Learning Policy" with "for" on the person)."""
    end = max(token.right_edge.i, entity_end(token)) + 1
    for child in token.children:
        if child.dep_ == "cc" and child.i > token.i and child.ent_iob_ != "I":
            end = min(end, child.i)
    for word in token.subtree:  # the place may hang on a word of the name ("Center for Development in Mexico City")
        if word.i > token.i and word.ent_iob_ != "I" and in_region(word):
            end = min(end, word.i)
    subtree = token.doc[token.left_edge.i:end]
    return clean_mention(without_appositions(without_clauses(subtree), stop_at_comma=True))


def entity_end(token: Token) -> int:
    """The index of the last word of the named entity ``token`` is in (``token``'s own outside
    one), short of an "in" the NER took in with a place ("Pannonian Institute of Earth Sciences
    in Szeged": where the body is, which the parse leaves out)."""
    doc, end = token.doc, token.i
    while end + 1 < len(doc) and token.ent_iob_ != "O" and doc[end + 1].ent_iob_ == "I" and doc[end + 1].lower_ != "in":
        end += 1
    return end


def without_appositions(span: Span, stop_at_comma: bool = False) -> Span:
    """The phrase up to its first apposition: "Qatar, a key regional mediator" -> "Qatar". An
    apposition to a word outside the phrase is the phrase itself ("Rugby Players United" of
    "the players' union, Rugby Players United")."""
    for token in span:
        if token.i > span.start and (token.dep_ == "appos" and span.start <= token.head.i < token.i or stop_at_comma and token.text == ","):
            cut = min(token.left_edge.i, token.i) if token.dep_ == "appos" else token.i
            return span.doc[span.start:max(cut, span.start + 1)]
    return span


def without_clauses(span: Span) -> Span:
    """The phrase without a relative or participle clause on its head: "home buyers who have paid
    deposits" -> "home buyers", "economists polled by Wire" -> "economists" (the clause says
    which, the name says who), nor a relative clause further in ("An independent review into
    the crash that injured 23 riders" -> "An independent review into the crash")."""
    root = span.root
    cuts = [c.left_edge.i for c in root.children if c.dep_ in ("relcl", "acl") and c.i > root.i and span.start < c.left_edge.i < span.end]
    cuts += [t.left_edge.i for t in span if t.dep_ == "relcl" and t.head.i > root.i and span.start < t.left_edge.i]
    return span.doc[span.start:min(cuts)] if cuts else span


def in_clause(token: Token, mention: Span) -> bool:
    """Whether a token of a mention lies in a relative clause on another of its nouns than its
    head ("the crash that injured 23 riders" in a mention of a review); one on the head often
    says the speaker's own role ("John Smith, who is chief executive of Acme Foods")."""
    root = mention.root
    return any(a.dep_ == "relcl" and mention.start <= a.i < mention.end and a.head.i != root.i for a in token.ancestors)


def after_honorific(token: Token, honorifics: FrozenSet[str]) -> bool:
    """"King" in "Mr. King", "Major" in "Ms. Major": a word right after an honorific is a surname,
    even one that is also a role noun."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in honorifics


def past_describing_word(doc: Doc, start: int, end: int, given_names: Dict[str, str], nationalities: FrozenSet[str]) -> int:
    """"Rival Hillary Clinton says", "Veteran Tom Roe", "Spaniard Iker Goñi": a capitalised word
    before a name of two words or more, where the next word is a given name and it is none
    (lexicon ``given_name_genders``), or that names a nationality (lexicon ``nationality_nouns``,
    which the NER takes into the name; or an adjective it tags so: "Kenyan Eliud Kip"),
    describes the person (a sentence or a title-case line capitalises it) and is no part of the
    name: the start of the name past it. A place or chamber before a party word the NER tags as
    a group goes with it ("Ohio Democrat Tim Ryan", "House Republican Ann Lee")."""
    if end - start < 3:
        return start
    first = doc[start]
    if first.ent_type_ in ("GPE", "ORG") and doc[start + 1].ent_type_ == "NORP" and doc[start + 1].ent_iob_ == "B":
        return past_describing_word(doc, start + 1, end, given_names, nationalities)
    if first.lower_ in nationalities or first.ent_type_ == "NORP":
        return start + 1
    if first.lower_ not in given_names and doc[start + 1].lower_ in given_names:
        return start + 1
    return start


def title_word(token: Token) -> bool:
    """"Employment" in "Employment Minister": a capitalised compound that is not an entity or acronym,
    nor the second half of a hyphenated name ("Mecklenburg" in "Charlotte-Mecklenburg police
    chief" is a place, however the NER cut it)."""
    return (
        token.dep_ == "compound" and token.pos_ == "PROPN" and not token.ent_type_
        and token.text[:1].isupper() and not token.text.isupper() and not after_name_hyphen(token)
    )


def joining_hyphen(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is a hyphen written without spaces between the words on either side
    ("start-up", "Min-seo"): the parser splits what a reader reads as one word there."""
    return index >= 1 and doc[index].text == "-" and not doc[index].whitespace_ and not doc[index - 1].whitespace_


def hyphenated_end(token: Token) -> int:
    """The index of the last word of a compound joined by hyphens without spaces from this word on
    ("editor-in-chief", "playwright-in-residence"): one word for a reader, several for the parser."""
    doc, index = token.doc, token.i
    while index + 2 < len(doc) and joining_hyphen(doc, index + 1):
        index += 2
    return index


AGE_UNITS = frozenset({"year", "month", "week", "day"})


def age_word(token: Token) -> bool:
    """Whether a word is part of an age written with hyphens ("54-year-old"), which says how old
    someone is, not what they do: no part of a role."""
    doc = token.doc
    start = token.i
    while start >= 2 and joining_hyphen(doc, start - 1):
        start -= 2
    words = doc[start:hyphenated_end(doc[start]) + 1]
    return (any(t.like_num for t in words) and any(t.lemma_.lower() in AGE_UNITS for t in words)
            and words[-1].lower_ == "old")  # not "second-year": a year of study


def whose_antecedent(possessor: Token) -> Optional[Token]:
    """"Orrery Dynamics, an Adelaide-based company whose chief executive ...": a relative "whose"
    owning a role stands for the noun its clause describes, and that noun for the name it is in
    apposition to; None for any other possessor."""
    if possessor.tag_ != "WP$":
        return None
    clause = next((t for t in possessor.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    noun = clause.head
    return noun.head if noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.pos_ == "PROPN" else noun


def attached_prefix(word: Token) -> bool:
    """Whether ``word`` is written with a lower-case prefix and a hyphen, no spaces ("co-founder",
    "vice-chair"), which the tokenizer splits off."""
    doc, i = word.doc, word.i
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
            and doc[i - 2].is_alpha and doc[i - 2].is_lower)


def partitive_of(head: Token) -> Optional[Token]:
    """The "of" that names the set a partitive head picks from ("one *of* them"), if any."""
    return next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)


def portfolio_end(noun: Token) -> int:
    """The last token of a function's object with the lower-case nouns "and" joins to it ("head of
    *research and development*"), which name one field together."""
    joined = [c.i for c in noun.conjuncts if c.i > noun.i and c.pos_ == "NOUN" and c.is_lower]
    return max(joined, default=noun.i)


def plurals_before(token: Token, sentences_back: int) -> Iterator[List[Token]]:
    """The plural common nouns before ``token`` in its sentence, nearest first, then those of each
    of the ``sentences_back`` sentences before it: where a set a speaker belongs to is named."""
    doc = token.doc
    sentence = doc[token.sent.start:token.i]
    for _ in range(sentences_back + 1):
        yield [t for t in reversed(sentence) if t.tag_ == "NNS" and t.pos_ == "NOUN"]
        if sentence.start == 0:
            return
        previous = doc[sentence.start - 1].sent
        sentence = doc[previous.start:previous.end]


def led_by(group: Token) -> List[Token]:
    """Who or what leads a group, by the object of "led by" on its noun ("The team, led by
    ecologist Mette Holm", "researchers led by the Hanseatic Institute")."""
    return [o for c in group.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
            for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def research_body(group: Token, words: SpeakerLexicon) -> Optional[Token]:
    """The body researchers belong to ("researchers at the University of Leicestershire",
    "Researchers from the French National Institute ...", "The researchers, led by the
    Hanseatic Institute"): a document they produced speaks for that body (lexicon
    ``research_groups``), as the report names it; None for anyone else."""
    if group.lemma_.lower() not in words.research_groups:
        return None
    links = [c for c in group.children if c.dep_ == "prep" and c.lower_ in words.affiliation_preps]
    following = group.doc[group.i + 1] if group.i + 1 < len(group.doc) else None
    if following is not None and following.dep_ == "prep" and following.lower_ in words.affiliation_preps and following.head in group.ancestors:
        links.append(following)  # "a study by marine biologists at the X Institute": the parser hangs "at" on the study
    leaders = led_by(group)
    # "a team led by the Hanseatic Institute"; "led by Dr Lena Brunner of the University of Innsbruck": hers
    links += [c for leader in leaders if leader.ent_type_ == "PERSON"
              for c in leader.children if c.dep_ == "prep" and c.lower_ in words.affiliation_preps]
    bodies = [o for link in links for o in link.children if o.dep_ == "pobj" and (o.ent_type_ == "ORG" or o.pos_ == "PROPN")]
    bodies += [leader for leader in leaders if leader.ent_type_ != "PERSON" and (leader.ent_type_ == "ORG" or leader.pos_ == "PROPN")]
    return bodies[0] if bodies else None


def research_body_after(document: Token, words: SpeakerLexicon) -> Optional[Token]:
    """"... according to a study published on Thursday in the journal Science. Researchers from
    the French National Institute for Agricultural Research counted ...": a study with no
    producer of its own is by the researchers whose body the report names next, in the
    study's sentence or the one after (:func:`research_body`)."""
    sentence = document.sent
    following = sentence.doc[sentence.end].sent if sentence.end < len(sentence.doc) else None
    tokens = [t for t in sentence if t.i > document.i] + (list(following) if following is not None else [])
    return next((body for body in (research_body(t, words) for t in tokens) if body is not None), None)


def member_noun(description: Token) -> Token:
    """The noun that says what kind of thing a description is: itself, or for a superlative or a
    count heading a partitive ("the largest of the lenders", "one of the biggest insurers") the
    noun of its "of" phrase."""
    if description.pos_ not in ("ADJ", "NUM") and description.tag_ != "JJS":
        return description
    sets = [o for p in description.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return sets[0] if sets else description


def hyphenated_lemma(head: Token) -> str:
    """The lemma of a head noun written with hyphens ("start-up", "spin-off"): the parser splits
    it and heads it by its last part ("up"), which no lexicon word means."""
    doc, start = head.doc, head.i
    while start >= 2 and joining_hyphen(doc, start - 1):
        start -= 2
    if start == head.i:
        return head.lemma_.lower()
    return doc[start:head.i].text.lower() + head.lemma_.lower()


def role_dependents(role: Token) -> List[Token]:
    """A role noun's dependents, and for the last of coordinated roles the prepositional phrases
    after it that the parser hung on the first ("a developer and spokeswoman for the Coalition":
    a reader reads "for the Coalition" with the nearer role)."""
    if role.dep_ != "conj" or role.head.pos_ != "NOUN":
        return list(role.children)
    return list(role.children) + [c for c in role.head.children if c.dep_ == "prep" and c.i > role.i]


def after_name_hyphen(token: Token) -> bool:
    """Whether a word is joined by a hyphen, without spaces, to a capitalised word before it."""
    doc = token.doc
    return token.i >= 2 and joining_hyphen(doc, token.i - 1) and doc[token.i - 2].text[:1].isupper()


def in_prepositional_phrase(run: Span, mention: Span) -> bool:
    """"Fishermen from the province of Zambales": a name under a preposition is not the speaker,
    nor any name in a relative clause on the mention ("Inês Marques, who reviewed the method for
    the newspaper Diário Norte")."""
    token = run.root
    if any(a.dep_ == "relcl" and mention.start <= a.i < mention.end for a in token.ancestors):
        return True
    if token.dep_ == "appos":
        return False
    if mistagged_given_name(run[0]) and token.i == run[0].i:
        token = token.head  # "chairman Per Ekholm": the given name read as a preposition heads the run
    while token.i != mention.root.i and mention.start <= token.head.i < mention.end and token.head is not token:
        if token.dep_ in ("pobj", "prep"):
            return True
        token = token.head
    return False


def is_name_token(token: Token, mention: Span, particles: FrozenSet[str]) -> bool:
    """Proper nouns, lowercase particles inside a name ("Ramon dela Cruz"), and a given name the
    tagger reads as another word (:func:`mistagged_given_name`)."""
    if token.pos_ == "PROPN" and token.text[:1].isupper() or token.i > mention.start + 1 and hyphen_joined(token):
        return True
    if mistagged_given_name(token) and token.i + 1 < mention.end:
        return True
    nxt = token.i + 1
    if token.i > mention.start and nxt < mention.end and joining_hyphen(mention.doc, token.i):
        following = mention.doc[nxt]
        return mention.doc[token.i - 1].pos_ == "PROPN" and (following.pos_ == "PROPN" or hyphen_joined(following))
    return (
        token.lower_ in particles and token.i > mention.start and nxt < mention.end
        and mention.doc[token.i - 1].pos_ == "PROPN" and mention.doc[nxt].pos_ == "PROPN"
    )


def title_as_given_name(name: Span, given_names: Mapping[str, Optional[str]]) -> bool:
    """Whether a two-word name opens with a capitalised given name that is also a title ("Dean
    Pryce"): read as a title it would leave a bare surname, so it is the given name."""
    return len(name) == 2 and name[0].text[:1].isupper() and name[0].lower_ in given_names and name[1].text[:1].isupper()


def mistagged_given_name(token: Token) -> bool:
    """"Ravens chairman Per Ekholm": a capitalised word inside a sentence right before a person's
    name is a given name, whatever the tagger calls it (a preposition, "Per"; an adverb, "Ever")."""
    doc = token.doc
    return (
        token.pos_ != "PROPN" and token.is_alpha and token.text[:1].isupper() and not token.is_sent_start
        and token.ent_type_ == "" and token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON"
        and doc[token.i + 1].ent_iob_ == "B" and doc[token.i - 1].text not in ("“", '"', "‘", "'", "(")
    )


def hyphen_joined(token: Token) -> bool:
    """"seo" in "Choi Min-seo": a word joined without spaces by a hyphen to a proper noun
    continues the name, whatever its tag (the tagger reads it as a common noun), where the NER
    holds it in a person's name, or holds the proper noun or the word before it in one and the
    word is no participle or adjective made on the name ("Kim Do-yeon" with only "Kim" labelled;
    not "the Kim-led government")."""
    doc = token.doc
    if token.i < 2 or not token.is_alpha or not (joining_hyphen(doc, token.i - 1) and doc[token.i - 2].pos_ == "PROPN"):
        return False
    if token.ent_type_ == "PERSON":
        return True
    proper = doc[token.i - 2]
    named = proper.ent_type_ == "PERSON" or proper.i > 0 and doc[proper.i - 1].ent_type_ == "PERSON"
    return named and token.is_lower and token.tag_ not in ("VBN", "VBG", "VBD", "JJ")


def propn_runs(mention: Span, particles: FrozenSet[str]) -> List[Span]:
    """Maximal runs of name tokens in the mention."""
    runs: List[Span] = []
    start: Optional[int] = None
    for token in list(mention) + [None]:
        is_name = token is not None and is_name_token(token, mention, particles)
        if is_name and start is None:
            start = token.i
        elif not is_name and start is not None:
            runs.append(mention.doc[start:token.i if token is not None else mention.end])
            start = None
    return runs


def contiguous_run(tokens: List[Token]) -> List[Token]:
    """The tokens that run without a gap up to the last one."""
    run = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if token.i == run[0].i - 1:
            run.insert(0, token)
        else:
            break
    return run


# ---------------------------------------------------------------------- document-level evidence
def coordinated_start(ent: Span) -> int:
    """Where an organisation's name starts when its first words are a coordination the base NER
    cut off ("the [Taff] and [Ely Health Board]", "The Competition and [Consumer Protection
    Commission]", "The Construction and [Allied Workers' Union]"): the parse attaches the first
    conjunct, with its "and" and the rest, as a modifier to a word of the name (its head noun, or
    the possessor inside it), so the name runs from that conjunct's left edge. Two names
    coordinated ("Google and Microsoft Research") are conjuncts of each other, not modifiers of
    one head, and stay apart. Only capitalised words and the conjunction count, so a lower-case
    modifier ("the regional and Ely Health Board") ends the name."""
    first = min((c for token in ent for c in token.lefts if c.dep_ in ("nmod", "compound") and c.i < ent.start),
                key=lambda c: c.i, default=None)
    if first is None or not any(c.dep_ == "cc" for c in first.children) or not any(c.dep_ == "conj" for c in first.children):
        return ent.start
    words = ent.doc[first.left_edge.i:ent.start]
    if not all(t.text[:1].isupper() or t.dep_ == "cc" for t in words) or any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in words):
        return ent.start
    return first.left_edge.i


def with_rejoined_names(ents: Sequence[Span]) -> List[Span]:
    """The NER entities with a name it split in two where it meets it ("Fair" + "Deal Ireland")
    joined again where the report names the whole elsewhere as one organisation ("Fair Deal
    Ireland"): two entities with nothing between them are that organisation. So are an
    organisation that ends on a connector and the entity right after it ("The Supreme Court of"
    + "Norway"): no name ends on "of"."""
    whole = {e.text for e in ents if e.label_ == "ORG"}
    joined: List[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        dangling = previous is not None and previous.label_ == "ORG" and previous[-1].lower_ in NAME_RUN_CONNECTORS
        if previous is not None and previous.end == ent.start and (dangling or ent.doc[previous.start:ent.end].text in whole):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label="ORG")
        else:
            joined.append(ent)
    return joined


def with_coordinated_names(ents: Sequence[Span]) -> List[Span]:
    """The NER entities with each organisation's cut-off coordinated name restored
    (:func:`coordinated_start`) and the pieces it had split off dropped."""
    grown = {ent.start: ent for ent in ents}
    for ent in ents:
        start = coordinated_start(ent) if ent.label_ == "ORG" else ent.start
        if start < ent.start:
            for other in ents:
                if start <= other.start and other.end <= ent.start:
                    grown.pop(other.start, None)
            grown[ent.start] = Span(ent.doc, start, ent.end, label=ent.label)
    return sorted(grown.values(), key=lambda e: e.start)


NAME_RUN_CONNECTORS = frozenset({"of", "the", "&", "and", "for", "de"})
"""Lower-case words a body's name holds between capitalised ones ("Court of Appeal")."""


def indefinite(token: Token, definite: FrozenSet[str]) -> bool:
    """Whether a word opening a noun phrase leaves which one unsaid: a determiner that is not
    definite ("a", "another", "some", "any") or a number ("one of its shareholders", "two banks")."""
    return token.pos_ == "DET" and token.lower_ not in definite or token.like_num


def capitalised_word(token: Token) -> bool:
    """A word written with a capital that the tagger reads as a name or a noun."""
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN")


def run_continues(doc: Doc, index: int) -> bool:
    """Whether the capitalised run goes on at ``index``: another capitalised word, or a
    connector or possessive marker before one ("Court *of* Appeal", "Heads*'* Association")."""
    token = doc[index]
    if capitalised_word(token):
        return True
    joins = token.lower_ in NAME_RUN_CONNECTORS or token.tag_ == "POS"
    return joins and index + 1 < len(doc) and capitalised_word(doc[index + 1])


def body_name_runs(doc: Doc, skip: Set[int], ends: FrozenSet[str]) -> List[Span]:
    """Runs of capitalised words outside ``skip`` (headlines, whose words are all capitalised)
    that end on a word naming a body (``ends``: "Exeter Crown *Court*", "Ashgrove *Rovers*",
    "Secondary Heads' *Association*"): names of bodies, whether or not the NER found them. A run
    starting at a sentence's first word must start with a proper noun, and one joined to a word
    before it by a hyphen ("Commander-in-*Chief Forum*") is part of a longer word."""
    runs = []
    index = 0
    while index < len(doc):
        token = doc[index]
        opens = capitalised_word(token) and (token.pos_ == "PROPN" or not token.is_sent_start)
        if not opens or index in skip or index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_:
            index += 1
            continue
        last = index
        while last + 1 < len(doc) and last + 1 not in skip and run_continues(doc, last + 1):
            last += 1
        end = last + 1
        while end - 1 > index and not ends_body_name(doc[end - 1], ends):
            end -= 1
        # a person's name and "of" before the body's name ("Analyst Declan Moy of Fitzwilliam
        # Securities"), or a person owning it ("Rantanen's Nordhaus Racing team"): the body's
        # name is the part after the connector or the possessive
        starts = [index] + [t.i + 1 for t in doc[index:end] if t.i > index and (t.lower_ in NAME_RUN_CONNECTORS or owned_by_named_person(t, index))]
        start = next((s for s in starts if end - s >= 2 and capitalised_word(doc[s]) and could_name_body(doc[s:end])), None)
        if start is not None and ends_body_name(doc[end - 1], ends):
            runs.append(Span(doc, start, end, label="ORG"))
        index = last + 1
    return runs


def owner_of_its_runs(doc: Doc, skip: Set[int], given_names: Mapping[str, Optional[str]], place_nouns: FrozenSet[str]) -> List[Span]:
    """Names the NER missed that the sentence shows to be a body: a run of two or more
    capitalised proper nouns the NER left unlabelled that is a clause's subject, with an "its"
    later in its sentence and no other singular noun subject between ("Hebridean Sea Links
    cancelled all sailings after engine faults took two of its ships out of service"). A run
    opening with a given name (lexicon ``given_name_genders``), opening or closing on a word for
    a place (lexicons ``place_nouns``, ``landmark_nouns``: "Lake Victoria", "Hoover Dam") or
    holding a word the NER labels (a place, a storm, a show, an event, a person) is left alone."""
    runs = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.i in skip:
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        start, end = words[0].i, token.i + 1
        run = doc[start:end]
        if len(run) < 2 or any(t.ent_type_ or not t.text[:1].isupper() or t.pos_ != "PROPN" for t in run):
            continue
        if run[0].lower_ in given_names or run[-1].lower_ in place_nouns or run[0].lower_ in place_nouns:
            continue
        later = [t for t in doc[end:token.sent.end] if t.lower_ == "its" or t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NN", "NNP")]
        if later and later[0].lower_ == "its":
            runs.append(Span(doc, start, end, label="ORG"))
    return runs


def ends_body_name(token: Token, ends: FrozenSet[str]) -> bool:
    """Whether a capitalised word is one a body's name ends on (``ends``, by form or lemma)."""
    return token.text[:1].isupper() and (token.lower_ in ends or token.lemma_.lower() in ends)


def owned_by_named_person(token: Token, start: int) -> bool:
    """Whether ``token`` is the possessive marker after a person's name that opens the run at
    ``start`` ("*Aleksi Rantanen's* Nordhaus Racing"): no body's name holds a person's, so what
    follows is a name of its own ("St Brigid's Community School", whose run opens before the
    saint, stays whole)."""
    owner = token.nbor(-1) if token.i > 0 else None
    if token.tag_ != "POS" or owner is None or owner.ent_type_ != "PERSON":
        return False
    first = owner.i
    while first > 0 and token.doc[first].ent_iob_ == "I":
        first -= 1  # the person's entity starts where its "B" token is
    return first == start


def could_name_body(run: Span) -> bool:
    """Whether a capitalised run ending on a body word can be a body's name: not a title in
    quotation marks ("“Fight Club”"), not one holding a person the NER found ("Judge Margaret
    *Court*"), and not one joined by "of" that the NER labels no body at all ("the Head of State";
    "the Court of Appeal" it labels)."""
    doc = run.doc
    if run.start > 0 and doc[run.start - 1].is_quote:
        return False
    if any(t.ent_type_ == "PERSON" for t in run):
        return False
    return not any(t.lower_ == "of" for t in run) or any(t.ent_type_ == "ORG" for t in run)


THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW", "LANGUAGE"})
"""NER labels for things, not bodies or places or people: a name ending in a body word that the
NER labels so is the body's (:func:`with_body_names`)."""


def with_body_names(ents: Sequence[Span], runs: Sequence[Span]) -> List[Span]:
    """The entities with each body name the NER missed added, each it cut short ("Ashby" in
    "Ashby Town") replaced by the whole name, as an organisation, and each it labelled a thing
    ("Ashford Town" as a product) relabelled one; a run that holds
    another entity and a connector ("Inês Marques of Tejo University") is two names, and a
    person's name is never a body's part, so both are left alone."""
    kept = list(ents)
    for run in runs:
        overlapping = [e for e in kept if e.start < run.end and run.start < e.end]
        if not overlapping:
            kept.append(run)
            continue
        if len(overlapping) != 1:
            continue
        inner = overlapping[0]
        outside = [t for t in run if not inner.start <= t.i < inner.end]
        if (inner.label_ != "PERSON" and run.start <= inner.start and inner.end <= run.end and outside
                and not any(t.lower_ in NAME_RUN_CONNECTORS for t in outside)):
            kept[kept.index(inner)] = run
        elif (inner.start, inner.end) == (run.start, run.end) and inner.label_ in THING_LABELS:
            kept[kept.index(inner)] = run  # "Ashford Town" labelled a product: a body by its last word
    return sorted(kept, key=lambda e: e.start)


def entity_votes(ents: Sequence[Span]) -> Dict[str, str]:
    """The most frequent NER label of each entity text in the doc, for tokens NER missed in headlines."""
    votes: Dict[str, Dict[str, int]] = {}
    for ent in ents:
        for token in ent:
            counts = votes.setdefault(token.text, {})
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
    return {text: max(counts, key=counts.get) for text, counts in votes.items()}


def initialisms(doc: Doc, ents: Sequence[Span]) -> Dict[str, str]:
    """"IMF" in a report that also names the "International Monetary Fund": an all-capitals word
    spelling the initials of an organisation the report names is that organisation, even when
    the report never introduces it in brackets."""
    names: Dict[str, str] = {}
    for ent in ents:
        capitals = [t.text for t in ent if t.text[:1].isupper() and t.is_alpha]
        if ent.label_ == "ORG" and len(capitals) >= ACRONYM_WORDS[0]:
            initials = "".join(w[0] for w in capitals)
            if capitals[0] in ("The",):
                initials = initials[1:]
            names.setdefault(initials, " ".join(t.text for t in ent if not (t.i == ent.start and t.lower_ == "the")))
    words = (doc.vocab.strings[orth] for orth in doc.count_by(ORTH))  # each word once, off the array
    used = {w for w in words if w.isupper() and ACRONYM_LETTERS[0] <= len(w) <= ACRONYM_LETTERS[1]}
    return {acronym: name for acronym, name in names.items() if acronym in used}


def acronyms(text: str, pattern: Pattern[str]) -> Dict[str, str]:
    """"the Rapid Support Forces (RSF)": later "RSF" is named by its full form. A hyphenated
    word gives one initial or one per part ("Asia-Pacific Space Agency (APSA)", "Asia-Pacific
    Economic Cooperation (APEC)")."""
    aliases = {}
    for match in pattern.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        for start in range(len(words)):
            if acronym in initial_spellings(words[start:]):
                aliases[acronym] = " ".join(words[start:])
                break
    return aliases


def initial_spellings(words: List[str]) -> Set[str]:
    """The initials of the capitalised words, hyphenated words giving one initial or one per part."""
    whole = "".join(w[0] for w in words if w[0].isupper())
    parts = "".join(p[0] for w in words if w[0].isupper() for p in w.split("-") if p[:1].isupper())
    return {whole, parts}


SELF_NAMING_VERBS = ("call", "name", "know", "dub")
"""Verbs that give a group its name in a participle ("a group calling itself Red Lantern",
"a collective known as Blackwake")."""


def self_named(mention: Span) -> Optional[Span]:
    """"A group calling itself Red Lantern", "a hacker collective known as Blackwake": the name
    a participle on the mention's head gives it (its object predicate, or the object of its
    "as") is who the mention is."""
    for clause in mention.root.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in SELF_NAMING_VERBS:
            continue
        named = [c for c in clause.children if c.dep_ in ("oprd", "attr")]
        named += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        if named and named[0].pos_ == "PROPN":
            return name_run(named[0])
    return None


def name_run(name: Token) -> Span:
    """The proper name a token ends: the proper nouns compounded onto it ("Rugby Players United")."""
    start = name.i
    while start > 0 and name.doc[start - 1].pos_ == "PROPN" and name.doc[start - 1].dep_ in ("compound", "flat"):
        start -= 1
    return name.doc[start:name.i + 1]
