"""``speaker_linker``: attribute each claim to a speaker, resolved to the entity it refers to.

The mention comes from the syntax around the cue (subject, passive agent, object of "according
to", the name by a verbless quote, the previous speaker for a floating quote): that is this
module. The mention is then analysed with the speaker lexicon (``linker/speakers.json``, every key
documented in ``linker/speakers.schema.json``) rather than trusting the base NER alone
(``names.py``), and pronouns and descriptions resolve against the speakers already met in the
document (``resolution.py``).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Collection, Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimattr.detector.constructions import source_apposition
from claimattr.detector.extents import entity_end, is_headline_passive
from claimattr.linker.names import (
    MentionAnalyser, SpeakerLexicon, clean_mention, in_region, indefinite, name_run, noun_phrase, partitive_of, research_body, self_named,
    research_body_after, without_appositions, without_clauses, without_edge_spaces,
)
from claimattr.linker.registry import Record, Registry, name_words
from claimattr.linker.resolution import Referent, Resolver
from claimattr.rules.component import RuleComponent
from claimattr.rules.syntax import DASHES, HEADLINE_SEPARATORS, SUBJECT_DEPS, name_read_as_adverb, object_controller
from claimattr.schema import Claim, Speaker, TextSpan
from claimattr.scoring.claims import score_claims
from claimattr.text_hygiene import clean_claim, clean_entity

DEFAULT_LEXICON = Path(__file__).parent / "speakers.json"
"""The bundled speaker lexicon."""
LEXICON_SCHEMA = Path(__file__).parent / "speakers.schema.json"
"""The JSON Schema every speaker lexicon must match; its descriptions document each key."""

CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "dep", "relcl", "parataxis", "acomp")
"""Dependency labels climbed from a cue to the clause whose subject is its speaker (``acomp``: "The
coach will be unable to blame the referee and accuse the fans ...": the adjective's copula has it)."""

MAX_CLIMB_STEPS = 8
"""Most heads climbed from a cue looking for its subject ("X said on Monday, speaking to reporters
after meeting ..., urging ..."). Real chains of participles, conjuncts and control verbs are a
few steps long; the bound only stops a climb through a long run-on sentence reaching an unrelated
subject."""

MAX_SPEAKER_TAG_TOKENS = 16
"""Most tokens between a closing quotation mark and its cue that can still be a speaker tag
("“...,” the commission's vice-president, Anneke Verbeek, told reporters"): a long name with a
title and an apposition fits; a longer stretch is a sentence of its own."""

MAX_DOCUMENT_LOOKBACK = 80
"""Most tokens before the sentence of a bare document mention ("The statement said") in which
any document's earlier mention with its producer counts (about the previous two or three
sentences); further back only the same kind of document does ("the poll" for "a Reuters poll")."""

OPENING_QUOTE_MARKS = "“\"«„‘'"
"""The cue text of a quotation with no reporting verb (the detector makes its opening mark the cue)."""

CLOSING_QUOTE_MARKS = ("”", '"', "’", "»", "'")
"""Closing quotation marks, where a speaker tag after a quotation starts."""


@Language.factory(
    "speaker_linker",
    default_config={
        "lexicon_path": None,
        "floating_quote_window": 2,
        "keep_mentions": True,
        "scorer": {"@scorers": "claimattr.claim_scorer.v1"},
    },
    requires=["doc._.claims", "token.dep", "token.ent_type"],
    assigns=["doc._.claims", "doc._.entities", "doc.spans"],
    default_score_weights={
        "claims_attribution_f": 0.5,
        "claims_source_overlap_f": 0.0,
        "claims_speaker_name_acc": 0.0,
        "claims_speaker_type_acc": 0.0,
    },
)
def make_speaker_linker(
    nlp: Language,
    name: str,
    lexicon_path: Optional[str],
    floating_quote_window: int,
    keep_mentions: bool,
    scorer: Optional[Callable],
) -> "SpeakerLinker":
    return SpeakerLinker(
        nlp, name, lexicon_path=lexicon_path, floating_quote_window=floating_quote_window,
        keep_mentions=keep_mentions, scorer=scorer,
    )


class SpeakerLinker(RuleComponent):
    """Fill ``Claim.speaker``: mention, canonical name, type, role, organisation, intermediary."""

    lexicon_schema = LEXICON_SCHEMA
    settings = ("floating_quote_window", "keep_mentions")

    def __init__(
        self,
        nlp: Language,
        name: str = "speaker_linker",
        *,
        lexicon_path: Optional[str] = None,
        floating_quote_window: int = 2,
        keep_mentions: bool = True,
        scorer: Optional[Callable] = score_claims,
    ) -> None:
        self.name = name
        self.scorer = scorer
        self.floating_quote_window = floating_quote_window
        self.keep_mentions = keep_mentions
        self._load(lexicon_path or DEFAULT_LEXICON)

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        """Compile a validated lexicon (``speakers.schema.json`` documents each key)."""
        self.lexicon = lexicon
        self.words = SpeakerLexicon.from_json(lexicon)
        self.people: FrozenSet[str] = self.words.roles | self.words.group_heads | self.words.anonymous | {"people", "person"}
        """Nouns for people, which a relative "who" stands for itself (:func:`personal_head`)."""

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        claims, registry = self.link_with_registry(doc, doc._.claims)
        # names, roles and organisations are final here: one hygiene step (claimattr.text_hygiene)
        text = registry.text
        doc._.claims = [clean_claim(text, claim) for claim in claims]
        doc._.entities = [clean_entity(text, entity) for entity in registry.entities()]
        return doc

    # ------------------------------------------------------------------ linking
    def link(self, doc: Doc, claims: List[Claim]) -> List[Claim]:
        return self.link_with_registry(doc, claims)[0]

    def link_with_registry(self, doc: Doc, claims: List[Claim]) -> "tuple[List[Claim], Registry]":
        """Link every claim's speaker and build the document's entity registry (``doc._.entities``)."""
        analyser = MentionAnalyser(self.words, doc)
        resolver = Resolver(analyser)
        registry = Registry(doc, analyser)
        cues = {t.i for claim in claims for t in (claim.cue.to_span(doc) or [])}
        referents: List[Referent] = []
        linked: List[Claim] = []
        records: List[Optional[Record]] = []
        last: Optional[Record] = None
        unnamed: Optional["tuple[Speaker, Span]"] = None
        for index, claim in enumerate(sorted(claims, key=lambda c: c.start)):
            cue = claim.cue.to_span(doc)
            found = self._mention(doc, claim, cue, cues) if cue is not None else None
            mention = self._given_mention(doc, claim, cues) or (whole_words(found, self.words.determiners) if found is not None else None)
            if mention is not None and cue is not None and (reported_subject(claim, cue, mention) or self._impersonal(mention, cue)):
                mention = None
            record: Optional[Record] = None
            if mention is None and cue is not None and claim.cue.text in OPENING_QUOTE_MARKS:
                speaker = self._floating_speaker(doc, claim, linked)
                if speaker is not None:
                    record = next((r for r in reversed(records) if r is not None), None)
            else:
                referring = self._referring(without_edge_spaces(mention)) if mention is not None else None
                earlier = self._unnamed_antecedent(registry, referring, unnamed) if referring is not None else None
                speaker = earlier or (self._speaker(referring, referents, analyser, resolver) if referring is not None else None)
                if speaker is not None and earlier is None:
                    speaker, record = self._entity(registry, referring, speaker, last)
                if speaker is not None:
                    speaker = replace(speaker, mention=TextSpan.from_span(mention))
            if speaker is not None and cue is not None:
                given = claim.speaker.intermediary if claim.speaker is not None else None  # the detector's: "X reported, citing Y"
                speaker = replace(speaker, intermediary=speaker.intermediary or given or self._intermediary(cue, mention))
            if record is not None:
                record.claims.append(index)
                last = record
            unnamed = self._unnamed_speaker(doc, speaker, record, unnamed)
            records.append(record)
            linked.append(replace(claim, speaker=speaker))
        linked = with_headline_sources(doc, linked, records, registry)
        linked = with_headline_role_holders(doc, linked, records, registry)
        linked = with_headline_research_groups(doc, linked, records, registry)
        linked = with_portfolio_departments(linked, records, registry)
        linked = with_full_body_names(with_fuller_descriptions(linked, records, registry), registry)
        return with_national_names(linked, registry), registry

    def _unnamed_speaker(self, doc: Doc, speaker: Optional[Speaker], record: Optional[Record],
                         previous: Optional["tuple[Speaker, Span]"]) -> Optional["tuple[Speaker, Span]"]:
        """The latest speaker so far if it is a person the report does not name and introduces as
        such ("A spokesman for the agency said", "a person familiar with the talks"), with its
        mention; any other speaker ends it (a definite description unresolved, "the former first
        lady and senator", may be someone named), a pronoun or a claim without speaker leaves it."""
        if speaker is None or speaker.mention is None:
            return previous
        mention = speaker.mention.to_span(doc)
        if mention is None or not len(mention) or mention.root.pos_ == "PRON":
            return previous
        introduced = speaker.type == "anonymous" or speaker.type == "person" and indefinite(mention[0], self.words.definite_determiners)
        return (speaker, mention) if record is None and introduced else None

    def _unnamed_antecedent(self, registry: Registry, pronoun: Span, unnamed: Optional["tuple[Speaker, Span]"]) -> Optional[Speaker]:
        """"A spokesman for the agency said ... The agency is investigating, he added": "he" or
        "she" in the unnamed speaker's sentence or the next refers to that speaker, who is in no
        registry entry to be found by salience, unless a person the report names comes between
        or the gender of the role ("spokeswoman") says otherwise."""
        if unnamed is None or len(pronoun) != 1:
            return None
        gender = self.words.pronoun_genders.get(pronoun.text.lower())
        speaker, mention = unnamed
        if gender is None or pronoun.start < mention.end:
            return None
        sentences = registry.sentence_of
        if sentences.get(pronoun.start, 0) - sentences.get(mention.start, 0) > 1:
            return None
        role = (speaker.role or speaker.name or "").lower()
        implied = "female" if role.endswith("woman") else "male" if role.endswith("man") else None
        if implied is not None and implied != gender:
            return None
        between = any(r.type == "person" and any(mention.end <= m.start < pronoun.start for m in r.mentions) for r in registry.records)
        return None if between else speaker

    def _entity(self, registry: Registry, mention: Span, speaker: Speaker, last: Optional[Record]) -> "tuple[Speaker, Optional[Record]]":
        """The registry entity a resolved speaker is, and the speaker as that entity: canonical
        name, type, and the role and organisation the article gives it anywhere."""
        words = self.words
        lower = mention.text.lower() if len(mention) == 1 else ""
        gender = words.pronoun_genders.get(lower)
        record: Optional[Record] = None
        # "the 34-year-old", "the mother of two", "the Hungarian": refers back as a pronoun does
        core = without_appositions(without_clauses(mention), stop_at_comma=True)  # "the 58-year-old, who joined in 2019"
        by_age = nationality = aged = None
        if not apposed_person(mention):  # "The woman, Ayşe Demir": the name says who, not the description
            by_age = registry.age_description(core)
            nationality = registry.nationality_description(core)
            aged = by_age or registry.person_description(core) or nationality
        if aged and gender is None:
            gender = registry.description_gender(mention.root)
        if nationality and not by_age and registry.rivals_in_view(mention, gender):
            return replace(speaker, type="person"), None  # "Norris ... behind Verstappen. The Dutchman": which one?
        if gender is not None or aged:
            record = (registry.person_of_age(core) or registry.person_described_as(core) if aged else None) or registry.salient_person(mention, gender, last)
            if record is not None and record.gender is None:
                record.gender = gender
        elif speaker.type == "person" and registry.role_description(mention.root) is not None:
            role = registry.description_role(mention) or speaker.role
            record = registry.described_person(role, mention) if role else None
            if record is None:
                return self._with_body(registry, speaker, mention, None), None
        elif speaker.type == "person" and (record := registry.named_below(mention)) is not None:
            # "A former party chairman says ...": the lead's description of the person named below
            role = speaker.role or registry.description_role(mention)
            if role:
                registry.describe(record, role, mention)
        elif lower in words.first_person_singular:
            # "I" in the narration, not in a quotation, is the report's author
            record = None if registry.quoted(mention.start_char, mention.end_char) else registry.author
        elif speaker.type == "person":
            bare = self._bare_name(speaker.name)
            # a name only part of a person's ("Halvorsen Risk" of Ingrid Halvorsen) is the body the
            # report introduced by it, where it did ("safety consultancy Halvorsen Risk")
            person = registry.find_person(bare)
            exact = person is not None and person.name == bare
            record = person if exact else registry.introduced_body(speaker.name) or person
            if record is None and self._name_like(bare):
                # a one-word name the report shows to be a company, which the NER missed
                kind = "organisation" if bare in registry.organisation_evidence else "person"
                record = registry.find_institution(bare) if kind == "organisation" else None
                record = record or registry.new(bare, kind)
        elif len(mention) == 1 and mention.root.pos_ == "PRON":
            # "it", "we", "they": the resolver's referent, named as the registry names that body or
            # group (a group with its body); the "its" of a document ("according to its prospectus")
            # the body that owns it (Registry.possessed_by)
            owned = registry.possessed_by(mention) if lower in words.thing_possessives else None
            record = owned[0] if owned is not None else (
                registry.find_institution(speaker.name) if speaker.type in ("organisation", "government", "group") else None)
            if record is None:
                return speaker, None
            registry.add_mention(record, mention)
            body = record.organisation if record.type == "group" else speaker.organisation
            return replace(speaker, name=record.name, type=record.type, organisation=body), record
        elif speaker.type in ("organisation", "government") and (person := registry.person_at(mention) or registry.person_by_name(speaker.name)) is not None:
            record = person
            speaker = replace(speaker, type="person")
        elif speaker.type in ("organisation", "government", "group") and (record := registry.research_group(mention)) is not None:
            speaker = replace(speaker, type="group")  # "the researchers": the report's group at a body
        elif speaker.type in ("organisation", "group") and (event_group := registry.event_group_name(mention)) is not None:
            speaker = replace(speaker, name=event_group, type="group")  # "Organisers": those of the report's event
            record = self._named_group(registry, event_group, False) or registry.new(event_group, "group")
        elif speaker.type in ("organisation", "government", "group"):
            contrastive = mention[0].lower_ in words.contrastive_determiners
            record = registry.organ_owner(mention) or self._named_group(registry, speaker.name, contrastive) or registry.institution_at(mention)
            described = speaker.name.lower() in mention.text.lower() or speaker.name == registry.analyser.without_place_owner(mention, mention.root)
            if record is None and described:  # else the resolver named it ("the state" -> Florida)
                record = registry.described_institution(mention, last) if speaker.type != "group" else registry.earlier_group(mention)
            if record is None:
                if speaker.type == "group":
                    name = self._owned_group_name(registry, mention) or self._group_name(speaker.name, mention)
                else:
                    name = speaker.name
                record = self._named_group(registry, name, contrastive) or registry.new(name, speaker.type)
            elif record.type != "group" and fuller_description(record.name, speaker.name):
                registry.rename_description(record, speaker.name)
            if mention.root.lower_ in words.kind_nouns_after_names and mention.root.lower_ not in name_words(record.name):
                record.descriptors.add(mention.root.lower_)  # "the Metaalbond union": a union, for "union official" later
        elif speaker.type == "anonymous" and (record := registry.earlier_group(mention)) is not None:
            pass  # the record is found: "Officials at the Home Office said ... The officials said" is that group
        elif speaker.type == "unknown" and mention.root.pos_ == "PROPN":
            # a name the mention alone cannot type ("Ondal said") is the body the report introduced by it
            record = registry.introduced_body(speaker.name)
        elif speaker.type == "unknown" and internal_document(mention.root, words):
            record = registry.salient_organisation(None, mention.start, None)
        if record is None:
            if speaker.type in ("group", "anonymous"):
                speaker = replace(speaker, name=self._group_name(speaker.name, mention))
            return self._with_body(registry, speaker, mention, None), None
        registry.add_mention(record, mention)
        if gender is None and not aged and speaker.name != record.name and len(mention) > 1 and not mention.root.pos_ == "PRON":
            record.alias(speaker.name)
        if gender is None and not aged and record.type in ("person", "group"):
            self._learn(registry, record, speaker)
        role, organisation = record.role, record.organisation
        if record.type not in ("person", "group"):
            role, organisation = None, None
        speaker = replace(speaker, name=record.name, type=record.type, role=role, organisation=organisation)
        return self._with_body(registry, speaker, mention, record), record

    @staticmethod
    def _named_group(registry: Registry, name: str, contrastive: bool) -> Optional[Record]:
        """The entity of this name or alias; for "Other researchers" (lexicon
        ``contrastive_determiners``) only one named so, never a group known by that word as an
        alias ("the researchers" of "astronomers at Halden University"): those are others."""
        record = registry.find_institution(name)
        if contrastive and record is not None and record.name.lower() != name.lower():
            return None
        return record

    @staticmethod
    def _with_body(registry: Registry, speaker: Speaker, mention: Span, record: Optional[Record]) -> Speaker:
        """The speaker with the body its role is held in: a bare organisation noun ("company
        spokeswoman") read as the body it stands for at the mention
        (``Registry.organisation_of_role``: "Club president Nuno Vieira" in a report on Atlético
        Lisboa is its president), and an organisation the report leaves unsaid
        ("Chief executive Ana Roe") supplied (``Registry.implicit_organisation``) and kept for
        the entity's later mentions."""
        if speaker.organisation is not None:
            body = registry.organisation_of_role(speaker.organisation, mention.start, speaker.role)
            return replace(speaker, organisation=body, role=role_without_body(speaker.role, speaker.organisation, body))
        if speaker.type != "person":
            return speaker
        owned = registry.owned_by_person(mention)
        if record is not None:
            record.personal = record.personal or owned
        organisation = registry.possessive_body(mention) or (
            None if owned or record is not None and record.personal
            else registry.body_of_kind(speaker.role, mention.start) or registry.event_of_role(speaker.role)
            or registry.implicit_organisation(speaker.role, mention.start)
            or registry.research_organisation(speaker.role, record)
        )
        if organisation is not None and record is not None:
            record.organisations.append(organisation)
        return replace(speaker, organisation=organisation)

    def _learn(self, registry: Registry, record: Record, speaker: Speaker) -> None:
        """What a mention itself says of its entity (``Kelda Freight spokesman Jon Ebbe``,
        ``the agency's director``) becomes the entity's where the registry's reading of the whole
        report gave it none, so that its later mentions, pronouns included, carry it. A pronoun
        says nothing of its own: it takes the entity's only (the resolver's guess at its
        referent may be another entity than the registry's). A person known only in a former
        role speaks for no body ("Former Wales captain Dafydd Evans")."""
        if speaker.role and not record.every_role:
            registry.add_role(record, speaker.role)
        if record.organisation is None and speaker.organisation is not None and not (record.former_roles and not record.roles):
            organisation = registry.clean_organisation(speaker.organisation)
            if organisation is not None:
                party = self.words.party_names.get(organisation.text.lower())
                record.organisations.append(replace(organisation, text=party) if party else organisation)

    def _group_name(self, name: str, mention: Span) -> str:
        """A group as the guidelines name it: lower case, no determiner or count ("These voters" ->
        "voters"); a name opening it keeps its capital ("Some Atlético fans" -> "Atlético fans"),
        and so does a name inside it ("Analysts at Kessel Bank" -> "analysts at Kessel Bank")."""
        parts = self._without_place(name, mention).split()
        while len(parts) > 1 and (parts[0].lower() in self.words.group_determiners or parts[0].lower() in self.words.quantifiers
                                  or parts[0].lower() in self.words.determiners):
            parts.pop(0)
        first = next((t for t in mention if t.text == parts[0]), None) if parts else None
        if first is not None and first.pos_ == "PROPN" and first.ent_type_:
            return " ".join(parts)
        if all(not p[:1].isupper() or i == 0 for i, p in enumerate(parts)):
            return " ".join(parts).lower()
        return " ".join([parts[0].lower()] + parts[1:])

    def _without_place(self, name: str, mention: Span) -> str:
        """"Anglers along the Culm" -> "Anglers", "repair shops in three countries" -> "repair
        shops": where a group is (a preposition that only places, lexicon ``locative_preps``, or
        "in"/"on" a place noun, lexicon ``place_nouns``, or the region of the body it is at:
        :func:`in_region`) is no part of the short description the guidelines name a group by.
        What says who stays: the body it is at ("analysts at Kessel Bank"), "people familiar with the talks",
        "Democrats in Congress", "officials in Beijing" (a capital standing for its government),
        "investors in the fund"."""
        root = mention.root
        for prep in (c for c in root.children if c.dep_ == "prep" and c.i > root.i):
            places = [o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in self.words.place_nouns and not o.ent_type_]
            placed = next((c for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for c in o.children if in_region(c)), None)
            if prep.lower_ in self.words.locative_preps or prep.lower_ in ("in", "on") and places or placed is not None:
                cut = mention.doc[mention.start:(placed or prep).i].text.strip()
                return cut if name.lower().startswith(cut.lower()) or cut.lower().endswith(name.lower()) else name
        return name

    @staticmethod
    def _owned_group_name(registry: Registry, mention: Span) -> Optional[str]:
        """"Mulder's teammates", "Scott's relatives": a set of people a named person owns is named
        by that person's full name where the report gives it ("Thijs Mulder's teammates") and the
        set's noun phrase; the name keeps its capitals."""
        marker = next((t for t in mention if t.tag_ == "POS" and t.head.ent_type_ == "PERSON"), None)
        if marker is None or marker.i + 1 >= mention.end:
            return None
        owner = mention.doc[marker.head.left_edge.i:marker.i]
        record = registry.person_at(owner)
        return f"{record.name if record is not None else owner.text}'s {mention.doc[marker.i + 1:mention.end].text.lower()}"

    def _bare_name(self, name: str) -> str:
        """A person name without leading titles, honorifics or party words ("Sen. Jane Roe" -> "Jane Roe";
        "Pennsylvania Gov. Ed Rendell" -> "Ed Rendell": what precedes an abbreviated title is its place).
        Only a title before a capitalised word goes: "spokesman for the Treasury" is a description
        whose head is the role, not a name after a title."""
        words = self.words
        parts = name.split()
        titles = [i for i, part in enumerate(parts[:-1]) if part.lower() in words.title_abbreviations]
        parts = parts[titles[-1] + 1:] if titles else parts
        while len(parts) > 1 and parts[1][:1].isupper() and (
            parts[0].lower() in words.honorifics or parts[0].lower() in words.title_abbreviations
            or parts[0].lower() in words.party_names or parts[0].lower() in words.roles or parts[0].lower() in words.role_modifiers
        ):
            parts.pop(0)
        return " ".join(parts)

    def _name_like(self, name: str) -> bool:
        """Whether a person speaker's name is a name, to become an entity of its own: capitalised
        words (and name particles) only. "former first lady and U.S. senator" is a description
        of someone; as an entity it would take the pronouns that mean the person it describes."""
        parts = name.split()
        return bool(parts) and all(p[:1].isupper() or p in self.words.name_particles for p in parts)

    def _given_mention(self, doc: Doc, claim: Claim, cues: Set[int]) -> Optional[Span]:
        """With ``keep_mentions`` (the default) a source mention an earlier component set stays
        and the linker only resolves who it is: a trained ``attribution_linker``'s, or the
        detector's where the construction shows the source better than the parse does (a
        relative pronoun, a sentence-final speaker tag the parser broke)."""
        if not self.keep_mentions or claim.speaker is None:
            return None
        span = claim.speaker.mention.to_span(doc)
        return with_head(whole_words(span, self.words.determiners), cues) if span is not None else None

    def _impersonal(self, mention: Span, cue: Span) -> bool:
        """"It appeared that ...", "It emerged that ...": the expletive subject of an impersonal verb
        (lexicon ``impersonal_verbs``) with a clause names nobody who holds what the clause says."""
        verb = cue.root
        return (
            len(mention) == 1 and mention.root.lower_ in self.words.expletive_pronouns and mention.root.head.i == verb.i
            and verb.lemma_.lower() in self.words.impersonal_verbs and any(c.dep_ == "ccomp" for c in verb.children)
        )

    def _noun_phrase(self, head: Token) -> Optional[Span]:
        return noun_phrase(head, self.words.circumstances)

    # -- where the mention is
    def _mention(self, doc: Doc, claim: Claim, cue: Span, cues: Set[int]) -> Optional[Span]:
        head = cue.root
        if claim.kind == "according_to":
            return before_content(self._according_to_source(cue), claim)
        if claim.kind == "headline":
            if is_headline_passive(head):
                return None
            content_end = max((piece.end for piece in claim.content if piece.end <= cue.start_char), default=-1)
            start = cue.start
            while start > cue.sent.start and doc[start - 1].text not in HEADLINE_SEPARATORS and doc[start - 1].idx >= content_end:
                start -= 1
            return clean_mention(doc[start:cue.start])
        if cue.text in DASHES:
            return clean_mention(doc[cue.end:line_end(doc, cue.end)])
        if cue.text == ":":
            return clean_mention(doc[max(cue.sent.start, line_start(doc, cue.start)):cue.start])
        if cue.text in OPENING_QUOTE_MARKS:
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("ROOT",) and not head.tag_.startswith("VB"):
            return self._noun_cue_source(head)
        subject = self._subject(head, cues)
        return self._subject_phrase(subject) if subject is not None else speaker_tag_after_quote(cue)

    def _subject_phrase(self, subject: Token) -> Optional[Span]:
        """The subject's phrase, run on over a second subject of the same verb that follows it
        straight on ("smart-home company | Varmeo said": the parser split one phrase in two)."""
        phrase = self._noun_phrase(subject)
        doc = subject.doc
        after = phrase.end if phrase is not None else len(doc)
        if after >= len(doc) or doc[after].dep_ != subject.dep_ or doc[after].head != subject.head:
            return phrase
        second = self._noun_phrase(doc[after])
        return doc[phrase.start:second.end] if second is not None and second.start == after else phrase

    def _subject(self, verb: Token, cues: Set[int]) -> Optional[Token]:
        """The subject of the cue, climbing participles, conjuncts and control verbs to find it."""
        words = self.words
        subject = subject_of_misread_verb(verb)
        if subject is not None:
            return subject
        token = reporting_governor(verb, cues)
        for _ in range(MAX_CLIMB_STEPS):
            relayed = token.lemma_.lower() in words.intermediary_verbs
            passive_subjects = [c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ not in words.expletive_pronouns]
            if relayed and passive_subjects:
                return passive_subjects[0]
            if passive_subjects and token is verb and agent(token) is None:
                return None
            found = agent(token) if token is verb else None  # "After saying X, she was taken | by ambulance": the subject controls
            if found is not None:
                return found
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                subject = nearest_subject(subjects, token) if len(subjects) > 1 else subjects[0]
                if subject.dep_ == "expl" or subject.lower_ in words.expletive_pronouns and subject.dep_ == "nsubjpass":
                    return None
                if subject.tag_ in ("WDT", "WP") or subject.lower_ in words.relative_pronouns:
                    return token.head if token.dep_ == "relcl" else None
                return subject
            if token.dep_ not in CLIMB_DEPS or token.head is token:
                return None
            if token.dep_ == "ccomp" and token is not verb:
                return None
            controller = object_controller(token) if token is verb else None  # the cue's own infinitive only
            if controller is not None:
                return controller
            token = token.head
        return None

    def _according_to_source(self, cue: Span) -> Optional[Span]:
        objects = [c for c in cue[-1].children if c.dep_ == "pobj"]
        if not objects:
            nxt = cue.doc[cue.end:cue.end + 1]
            return self._noun_phrase(nxt[0]) if len(nxt) and not nxt[0].is_punct else None
        source = releaser(objects[0], self.words.witness_verbs)
        return self._noun_phrase(source if source is not None else objects[0])

    @staticmethod
    def _named_apposition(source: Span) -> Optional[Span]:
        """"according to its maker, Danish firm Norvik Pharma": a description with a name in
        apposition after it, closing the sentence (:func:`source_apposition`, however the parser
        hung the name), stands for what the name names."""
        if source.root.pos_ == "PROPN":
            return None
        after = source_apposition(source.doc, source.end, source.sent.end)
        return source.doc[after.start:after.stop] if after and source.doc[after.stop - 1].pos_ == "PROPN" else None

    def _noun_cue_source(self, noun: Token) -> Optional[Span]:
        """"Taliban claims", "the ministry's statement", "a statement by the ministry"."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_)):
                return self._noun_phrase(child)
            if child.dep_ == "prep" and child.lower_ in self.words.source_preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self._noun_phrase(objects[0])
        return None

    def _floating_speaker(self, doc: Doc, claim: Claim, linked: List[Claim]) -> Optional[Speaker]:
        """A quote with no cue belongs to the most recent speaker in this or the previous paragraphs."""
        text = doc.text
        paragraph_breaks = text.count("\n", 0, claim.start)
        for earlier in reversed(linked):
            if earlier.speaker is None:
                continue
            if paragraph_breaks - text.count("\n", 0, earlier.start) <= self.floating_quote_window - 1:
                return earlier.speaker
            break
        return None

    def _intermediary(self, cue: Span, mention: Optional[Span]) -> Optional[TextSpan]:
        """"sources cited by Reuters", "a report cited by Reuters", "told Reuters", "said in an
        interview with Joy FM". A document "published by X" is X's own (its producer speaks,
        :func:`releaser`), relayed by no one: for a document only a verb that passes it on
        (lexicon ``witness_verbs``) names an intermediary."""
        words = self.words
        if mention is not None:
            document = mention.root.lemma_.lower() in words.document_heads
            for token in mention.root.children:
                lemma = token.lemma_.lower()
                if token.dep_ == "acl" and lemma in words.intermediary_verbs and (not document or lemma in words.witness_verbs):
                    agents = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
                    if agents:
                        return TextSpan.from_span(self._relayer(agents[0]))
        relay = next((t for t in cue.root.ancestors if t.lemma_.lower() in words.intermediary_verbs), None)
        if relay is not None and agent(relay) is not None:
            return TextSpan.from_span(self._relayer(agent(relay)))
        verb = cue.root
        addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if verb.lemma_.lower() in words.outlet_addressee_verbs else []
        interviewers = [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() == "interview"
            for w in n.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children if o.dep_ == "pobj"
        ]
        for listener in addressees + interviewers:
            outlet = self._outlet(listener)
            if outlet is not None:
                return TextSpan.from_span(outlet)
        return None

    def _relayer(self, token: Token) -> Span:
        """Who relayed a claim ("cited by the Swiss broadcaster Radio Seeland"): a news outlet by
        its name (:meth:`_outlet`), anyone else by the noun phrase."""
        return self._outlet(token) or self._noun_phrase(token) or token.doc[token.i:token.i + 1]

    def _outlet(self, listener: Token) -> Optional[Span]:
        """The news outlet a claim was told to ("told Reuters", "told the science magazine
        Naturwelt", "in an interview with local radio station Joy FM", "told this newspaper"), or
        None for any other listener ("told reporters", "told the committee"). A listener named by
        an outlet noun (lexicon ``outlet_nouns``) is that outlet, by its name where the report gives
        one (guidelines 7.3: `Joy FM`), else by the description, but not a body's own channel
        ("the club's website"); any other named listener is an outlet."""
        words = self.words
        lemma = listener.lemma_.lower()
        if lemma in words.outlet_nouns:
            if any(c.dep_ == "poss" and c.lemma_.lower() in words.organisations for c in listener.children):
                return None  # "told the club's website": a body's own channel relays nothing
            named = [c for c in listener.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")]
            if named:
                return without_appositions(self._noun_phrase(named[0]), stop_at_comma=True)
            return name_after(listener, words.name_particles) or self._noun_phrase(listener)
        if listener.ent_type_ == "ORG" or listener.pos_ == "PROPN":
            phrase = self._noun_phrase(listener) or listener.doc[listener.i:listener.i + 1]
            name = name_run(listener)
            described = [t for t in phrase if t.i < listener.i and t.is_lower and t.lower_ in words.outlet_nouns
                         and listener.doc[t.i + 1].text[:1].isupper()]
            if described:  # "the Ostrava daily Moravský Večer": the name right after the outlet noun, however tagged
                return listener.doc[described[-1].i + 1:listener.i + 1]
            if any(t.lemma_.lower() in words.outlet_nouns for t in phrase if t.i < name.start):
                return name  # "local radio station Joy FM" -> Joy FM, whatever the NER calls the name
            person = listener.ent_type_ == "PERSON" and not any(t.dep_ == "det" for t in listener.subtree)
            return None if person else phrase  # "an interview with John Smith": no outlet; "the Grocer's Gazette" is one
        return None

    # -- who the mention is
    def _referring(self, mention: Span) -> Span:
        """The phrase that says who a mention is: the antecedent of a relative pronoun, the
        producer of a document, the name a description stands in apposition to, else the mention
        itself."""
        return (self.relative_antecedent(mention) or counted_noun(mention) or self._document_producer(mention)
                or self._apposed_name(mention) or self._named_apposition(mention) or self_named(mention) or mention)

    def _apposed_name(self, mention: Span) -> Optional[Span]:
        """"Dunmore Action, a campaign group that says ...": a description in apposition to a name
        (the parse makes it the subject of the clause on it) refers to what the name names; so
        does one the name follows ("The supplier, Everpower Energy, said"). A description whose
        own name the mention holds ("Zippa's UK manager, Tom Ashworth") is that name's, wherever
        the parser hung it ("seen by Wire, | Zippa's UK manager, Tom Ashworth, said": an
        apposition to "Wire")."""
        root = mention.root
        if root.lemma_.lower() in self.words.anonymous_source_heads:
            return None  # "..., Vale, a person close to the board, told": an unnamed source, never the name
        name = named_by_apposition(root)
        if name is not root and any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < mention.end for c in root.children):
            return None
        if name is root:
            body = body_name_in_apposition(root, self.words.bodies, self.words.partitive_heads)
            return name_run(body) if body is not None else None
        phrase = self._noun_phrase(name)
        return without_appositions(phrase, stop_at_comma=True) if phrase is not None else None

    def _document_producer(self, mention: Span) -> Optional[Span]:
        """"The statement", "the ad's narrator" aside, a document speaks for its producer: the one
        the mention names ("a Reuters survey", "the union's statement", "a statement by X") or,
        for a bare "the statement", the producer at the document's latest earlier mention that
        names one ("the Security Council issued a statement"): any document in the last few
        sentences, the same kind of document ("the poll") anywhere before."""
        documents = self.words.document_heads
        root = mention.root
        if root.lemma_.lower() not in documents:
            return None
        own = producer(root, self.words.witness_verbs)
        own = research_body(own, self.words) or own if own is not None else research_body_after(root, self.words)
        if own is not None:
            return self._noun_phrase(own)
        owner = possessive_pronoun(root)
        if owner is not None:
            return mention.doc[owner.i:owner.i + 1]
        sentence_start = mention.doc[max(mention.start - 1, 0)].sent.start
        lemma = root.lemma_.lower()
        for token in reversed(mention.doc[:mention.start]):
            near = token.i >= sentence_start - MAX_DOCUMENT_LOOKBACK
            if token.pos_ == "NOUN" and (near and token.lemma_.lower() in documents or token.lemma_.lower() == lemma):
                found = producer(token, self.words.witness_verbs)
                if found is not None:
                    return self._noun_phrase(found)
                owner = possessive_pronoun(token)  # "according to its prospectus. The prospectus also ..."
                if owner is not None:
                    return mention.doc[owner.i:owner.i + 1]
        return None

    def relative_antecedent(self, mention: Span) -> Optional[Span]:
        """"who", "most of whom": a relative pronoun stands for the noun just before it, so that
        noun phrase is what gets resolved (the mention itself stays as found). Adjacency, not the
        parser's attachment: after a coordination ("X, Y and Z, who said") the parser often hangs
        the clause on the first conjunct, a reader on the nearest. A capitalised word the clause
        hangs on is a name whatever its tag ("Hearthly, which says": an "-ly" name read as an
        adverb). An aside between dashes is skipped ("95 retired generals and admirals -- most of
        whom had announced their support -- who cited": the generals and admirals)."""
        pronoun = next((t for t in mention if t.tag_ in ("WP", "WDT") or t.lower_ in self.words.relative_pronouns), None)
        if pronoun is None or len(mention) > 3:
            return None
        index = before_aside(mention.doc, word_before(mention.doc, mention.start - 1, mention.sent.start), mention.sent.start)
        if index < mention.sent.start:
            return None
        noun = mention.doc[index]
        if noun.pos_ not in ("NOUN", "PROPN") and not (noun.text[:1].isupper() and pronoun.head.dep_ == "relcl" and pronoun.head.head.i == index):
            return None
        while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
            noun = noun.head
        noun = personal_head(noun, self.people) if pronoun.lower_ in ("who", "whom") else noun
        phrase = self._noun_phrase(noun)
        return (self._apposed_name(phrase) or phrase) if phrase is not None else None

    def _speaker(
        self, mention: Span, referents: List[Referent], analyser: MentionAnalyser, resolver: Resolver
    ) -> Optional[Speaker]:
        analysis = analyser.analyse(mention)
        referent = resolver.resolve(mention, analysis, referents)
        if referent is None:
            referent = Referent.from_analysis(analysis, position=mention.start)
            unresolved_we = len(mention) == 1 and mention.root.lower_ in self.words.first_person_plural
            if (referent.type != "unknown" or referent.name) and not unresolved_we:
                referents.append(referent)
        else:
            referent.position = mention.start
            if referent in referents:
                referents.remove(referent)
            referents.append(referent)
        return Speaker(
            mention=TextSpan.from_span(mention),
            name=referent.name,
            type=referent.type,
            role=analysis.role or referent.role,
            organisation=analysis.organisation or referent.organisation,
        )


# ---------------------------------------------------------------------- helpers
def subject_of_misread_verb(verb: Token) -> Optional[Token]:
    """"Digitale Freiheit, a Hamburg-based group, called on Parlio to ...": the parser reads the
    verb after an apposition's or a relative clause's closing comma as a participle on the
    apposition or the subject and leaves the sentence without a verb. With the sentence's root a noun, that noun is the subject. A verb
    with no subject whose adverb before it is a misread name ("Hearthly said":
    :func:`name_read_as_adverb`) has that name as its subject."""
    misread = next((c for c in verb.lefts if name_read_as_adverb(c)), None)
    if misread is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return misread
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if root.pos_ not in ("NOUN", "PROPN"):
        return apposed_subject(verb)
    # on the apposition ("Digitale Freiheit, a Hamburg-based group, called"), or on the root noun
    # itself after a relative clause ("The Riders' Association, which represents 600 racers, called")
    return root if verb.head.i == root.i or verb.head.dep_ == "appos" and verb.head.head.i == root.i else None


def apposed_subject(verb: Token) -> Optional[Token]:
    """"Roy Cooper, McCrory's opponent in the upcoming election, called Friday for ...": with
    the sentence's verb found elsewhere, the parser hangs the verb after the apposition's closing
    comma on the apposition's last noun; the subject the apposition describes is its subject."""
    if verb.left_edge.i != verb.i:
        return None  # the comma right before the verb closed the apposition
    token = verb.head
    for _ in range(MAX_CLIMB_STEPS):
        if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
            return token.head
        if token.head is token:
            return None
        token = token.head
    return None


def agent(verb: Token) -> Optional[Token]:
    """The object of a passive verb's "by" ("was cited by Reuters" -> "Reuters")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def producer(document: Token, witness_verbs: Collection[str]) -> Optional[Token]:
    """Who produced a document: its possessor or a name in front ("the union's statement", "a
    Reuters survey", "a Post-ABC News poll"), the agent of "released by" (not of "seen by",
    :func:`releaser`), the object of "by" or
    "from" ("an ad from the Roe campaign"), the subject of the verb it is the object of ("the
    council issued a statement") or of the verb it says "in" ("the council said in a report")."""
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" or child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    found = releaser(document, witness_verbs) or relative_clause_subject(document)
    if found is not None:
        return found
    if document.dep_ == "dobj":
        subjects = [c for c in document.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    if document.dep_ == "pobj" and document.head.lower_ == "in" and document.head.head.pos_ == "VERB":
        # "the auditor-general said in a report released on Monday": the one who said it
        subjects = [c for c in document.head.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return None


def spaced_dash(token: Token) -> bool:
    """A dash set off by spaces, as around an aside (not a hyphen inside a word)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text in DASHES and bool(token.whitespace_) and before is not None and bool(before.whitespace_ or before.is_space)


def word_before(doc: Doc, index: int, start: int) -> int:
    """The index of the last word at or before ``index``, past punctuation and space (``start`` - 1
    where there is none from ``start`` on)."""
    while index >= start and (doc[index].is_punct or doc[index].is_space):
        index -= 1
    return index


def before_aside(doc: Doc, index: int, start: int) -> int:
    """The index of the word before an aside between dashes that ends at ``index`` ("admirals --
    most of whom had announced their support --"), or ``index`` itself."""
    after = index + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    if index < start or after >= len(doc) or not spaced_dash(doc[after]):
        return index
    opening = next((t.i for t in reversed(doc[start:index + 1]) if spaced_dash(t)), None)
    return index if opening is None else word_before(doc, opening - 1, start)


def internal_document(document: Token, words: SpeakerLexicon) -> bool:
    """"An internal incident report seen by Wire", "a notice sent to staff": a document kept
    inside a body (lexicon ``internal_document_markers``) or sent to its own people (lexicon
    ``insider_nouns``) that names no producer is the organisation's the report is about, whose
    staff it was written for. Not where the words name another body ("an internal police
    report", "a memo sent to Ostra staff")."""
    if document.lemma_.lower() not in words.document_heads:
        return False
    before = document.doc[document.left_edge.i:document.i]  # "an internal incident report": on the compound
    if any(names_body(t, words) for t in before):
        return False
    if any(t.dep_ == "amod" and t.lemma_.lower() in words.internal_document_markers for t in before):
        return True
    return any(
        o.lemma_.lower() in words.insider_nouns and not any(names_body(c, words) for c in o.children if c.i < o.i)
        for verb in document.children if verb.dep_ == "acl"
        for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"
    )


def names_body(token: Token, words: SpeakerLexicon) -> bool:
    """Whether a word before a noun names a body: a name ("Ostra staff") or a body noun ("police")."""
    return token.dep_ in ("compound", "poss", "nmod") and (
        token.pos_ == "PROPN" or token.lemma_.lower() in words.bodies)


def relative_clause_subject(document: Token) -> Optional[Token]:
    """"Results the company published on Monday", "a report that the agency released": the
    subject of a relative clause on a document, whose verb is the producing act, produced it
    (not a pronoun: "the letter she wrote" is left to the clause's own speaker). A clause with a
    subordinating "that" is what the document says, misparsed ("a report released on Monday
    that costs had risen"): its subject produced nothing."""
    for clause in (c for c in document.children if c.dep_ == "relcl" and not any(m.dep_ == "mark" for m in c.children)):
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return None


def possessive_pronoun(document: Token) -> Optional[Token]:
    """"Its prospectus", "their report": a document owned by a pronoun speaks for whatever the
    pronoun stands for, so the pronoun is what gets resolved (to the company it refers to)."""
    return next((c for c in document.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)


def counted_noun(mention: Span) -> Optional[Span]:
    """"Seven" of "seven economists said": a mention that is only the count before a noun
    stands for the counted noun's phrase (the found source stopped short of it)."""
    root = mention.root
    if len(mention) != 1 or not root.like_num or root.dep_ != "nummod" or root.head.pos_ != "NOUN":
        return None
    noun = root.head
    return mention.doc[root.i:noun.i + 1]


def personal_head(noun: Token, people: Collection[str]) -> Token:
    """"Democrats on Capitol Hill, who", "members of the Harbour Authority, who", "a person
    familiar with the board's thinking, who": "who" is a person, so a place, a body or a thing
    that only says which people they are gives way to the noun it completes (through an
    adjective: "familiar with"). A word for people (``people``: roles, groups, anonymous heads)
    or a person's name is itself what "who" stands for ("the aides of the senator, who")."""
    while noun.dep_ == "pobj" and noun.ent_type_ != "PERSON":
        if noun.ent_type_ not in ("GPE", "LOC", "FAC", "ORG") and noun.lemma_.lower() in people:
            break
        owner = noun.head.head
        if owner.dep_ == "amod" and owner.pos_ == "ADJ" and owner.head.i < owner.i:
            owner = owner.head
        if owner.pos_ not in ("NOUN", "PROPN") or owner.i > noun.i:
            break
        noun = owner
    return noun


def apposed_person(mention: Span) -> bool:
    """Whether a description holds the name of the person it describes in apposition ("The woman,
    Ayşe Demir"; "the 61-year-old, Ayşe Demir"): the name, not the description, says who."""
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < mention.end for c in mention.root.children)


def named_by_apposition(noun: Token) -> Token:
    """"Future45, a super PAC that ...", "Jo Roe, a lawyer who ...": a noun in apposition to a
    name before it only describes what the name names, and the clause on it is about that."""
    if noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.pos_ == "PROPN":
        return noun.head
    return noun


def body_name_in_apposition(noun: Token, bodies: FrozenSet[str], partitive_heads: FrozenSet[str] = frozenset(),
                            described_as_body: bool = False) -> Optional[Token]:
    """"The supplier, Everpower Energy", "the small Glasgow press Tidewrack Books": an
    organisation noun (not a role: "the agency's head, Jo Roe") with a proper name in apposition
    after it is that name's organisation, whatever the NER calls the name, also through a further
    description in apposition (``described_as_body``: "Her publisher, the small Glasgow press
    Tidewrack Books"), and one picked out of a set of bodies (``partitive_heads``: "One of the
    banks, Straits Commercial,", whose name the NER may take for a place)."""
    described, places = noun, ("NORP", "GPE")
    of = partitive_of(noun) if noun.lower_ in partitive_heads else None
    if of is not None:
        described = next((c for c in of.children if c.dep_ == "pobj"), noun)
        places = ("NORP",)
    body = described_as_body or described.pos_ == "NOUN" and described.lemma_.lower() in bodies
    for child in noun.children:
        if child.dep_ != "appos" or child.i < noun.i:
            continue
        if child.pos_ == "PROPN" and child.ent_type_ not in places and body:
            return child  # "the manufacturer, Danish drugmaker X": no name yet (a nationality)
        if child.pos_ == "NOUN" and body:
            return body_name_in_apposition(child, bodies, described_as_body=True)
    return None


def fuller_description(name: str, description: str) -> bool:
    """"watchdog" (a headline's), then "medicines watchdog": a body known only by a common noun
    is better named by a longer lower-case description of it ending in that noun, which says
    which body it is (the report then never names it otherwise). A headline's sentence case
    ("Health ministry") is still a description, unlike a proper name, which capitalises every
    word, and a place's adjective may open the longer one ("Lithuanian health ministry")."""
    first, _, rest = description.partition(" ")
    described = name.islower() or " " in name and name[1:].islower()
    return described and rest.islower() and (first.islower() or first[:1].isupper()) and description.lower().endswith(" " + name.lower())


def with_fuller_descriptions(claims: List[Claim], records: List[Optional[Record]], registry: Registry) -> List[Claim]:
    """The claims with every speaker named by a description its body outgrew later in the report
    (``Registry.rename_description``) renamed as the body now is: a headline speaks before the
    body of the report says which body it means."""
    if not registry.outgrown_names:
        return claims
    return [
        replace(claim, speaker=replace(claim.speaker, name=record.name))
        if record is not None and claim.speaker is not None and claim.speaker.name in registry.outgrown_names.get(record.id, ())
        else claim
        for claim, record in zip(claims, records)
    ]


def with_full_body_names(claims: List[Claim], registry: Registry) -> List[Claim]:
    """The claims with every speaker's organisation named in full where the report names that
    body in full first (``Registry.full_body_name``): "Kestila Cargo ... Kestila chief executive
    Pekka Rantanen" works for Kestila Cargo."""
    return [
        replace(claim, speaker=replace(claim.speaker, organisation=registry.full_body_name(claim.speaker.organisation)))
        if claim.speaker is not None and claim.speaker.organisation is not None else claim
        for claim in claims
    ]


def with_national_names(claims: List[Claim], registry: Registry) -> List[Claim]:
    """The claims with every government speaker known by a bare description of a country's
    body qualified by the country the report is filed from (``Registry.national_name``: "the
    interior ministry" -> "Polish interior ministry"). Done last, on the names alone, so that
    the report's descriptions of one body ("ministry", "agriculture ministry") still meet while
    it is read. A speaker's organisation keeps the report's description: the gold of the other
    news reports does not qualify it (docs/annotation-guidelines.md)."""
    return [
        replace(claim, speaker=replace(claim.speaker, name=registry.national_name(claim.speaker.name, claim.speaker.mention.to_span(registry.doc))))
        if claim.speaker is not None and claim.speaker.type == "government" else claim
        for claim in claims
    ]


HEADLINE_SHARED_WORDS = 2
"""Content words a headline claim shares at least with the body claim it summarises."""
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def content_words(doc: Doc, claim: Claim) -> Set[str]:
    """The lemmas of a claim's content words (nouns, names, verbs, adjectives, numbers)."""
    found: Set[str] = set()
    for piece in claim.content:
        span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
        found |= {t.lemma_.lower() for t in span or [] if t.pos_ in CONTENT_POS and not t.is_stop}
    return found


def headline_speakers(doc: Doc, claims: Sequence[Claim], types: Collection[str]) -> Iterator[Tuple[int, Claim, Speaker, Optional[Span]]]:
    """The headline claims whose speaker has one of ``types``, with the speaker and the span of
    its mention (None where it has none), read once the whole report is: the steps below resolve
    them against the body."""
    for index, claim in enumerate(claims):
        speaker = claim.speaker
        if claim.kind != "headline" or speaker is None or speaker.type not in types:
            continue
        mention = speaker.mention.to_span(doc) if speaker.mention is not None else None
        yield index, claim, speaker, mention


def with_headline_sources(doc: Doc, claims: List[Claim], records: List[Optional[Record]], registry: Registry) -> List[Claim]:
    """"1,900 jobs at risk, union says" over "The Textile Workers' Federation ... said 1,900
    jobs were at risk": a headline summarises a claim of the body, so a headline's description of
    a body ("union", "regulator", "health agency") is the organisation or government that makes
    the body claim sharing most content words with it (:func:`summarised_claim`), rather
    than any body the registry could guess from the noun alone, though not one the report
    describes as another kind ("the company" for "union"), and not where the registry found a
    body whose name holds the noun. The headline mention joins that entity. A headline's
    anonymous "sources" are the unnamed people of the body claim it summarises, or of the only
    body claim with anonymous speakers ("..., sources say" over "three people familiar with the
    matter told Wire")."""
    claims = list(claims)
    for index, claim, speaker, mention in headline_speakers(doc, claims, ("organisation", "government", "anonymous")):
        if mention is None or any(t.pos_ == "PROPN" or t.ent_type_ for t in mention):
            continue  # a name says itself which body it is
        if speaker.type == "anonymous":
            sources = [p for p, other in enumerate(claims) if other.kind != "headline" and other.speaker is not None and other.speaker.type == "anonymous"]
            place = summarised_claim(doc, claim, claims, sources)
            if place is None and len({claims[p].speaker.name for p in sources}) == 1:
                place = sources[0]
            if place is not None:
                body = claims[place].speaker
                claims[index] = replace(claim, speaker=replace(speaker, name=body.name, role=body.role, organisation=body.organisation))
            continue
        noun = mention.root.lemma_.lower()
        named = name_words(records[index].name) if records[index] is not None else []
        if len(named) > 1 and records[index].name[:1].isupper() and noun in named:
            continue  # "union says" and a "Paper Workers' Union" named below: the name holds the noun, no guess
        bodies = [
            p for p, other in enumerate(claims)
            if other.kind != "headline" and other.speaker is not None and other.speaker.type in ("organisation", "government")
            and records[p] is not None and not registry.described_otherwise(records[p], noun)
        ]
        place = summarised_claim(doc, claim, claims, bodies)
        if place is None or records[place] is records[index]:
            continue
        body, record = claims[place].speaker, records[place]
        registry.add_mention(record, mention)
        records[index] = record
        claims[index] = replace(claim, speaker=replace(speaker, name=body.name, type=body.type, role=body.role, organisation=body.organisation))
    return claims


def summarised_claim(doc: Doc, headline: Claim, claims: Sequence[Claim], places: Sequence[int]) -> Optional[int]:
    """Of the body claims at ``places``, the one a headline claim summarises: sharing most content
    words with it, at least ``HEADLINE_SHARED_WORDS`` (the first of a tie)."""
    words = content_words(doc, headline)
    best = max(((len(words & content_words(doc, claims[p])), -claims[p].start, p) for p in places), default=None)
    return best[2] if best is not None and best[0] >= HEADLINE_SHARED_WORDS else None


def with_headline_role_holders(doc: Doc, claims: List[Claim], records: List[Optional[Record]], registry: Registry) -> List[Claim]:
    """"Touring opera company will close ..., director says" over "..., its artistic director
    said ... Helen Carr told": a headline's bare role left unresolved while the headline was read
    first is, once the whole report is read, the person the report first names with that role
    (:meth:`Registry.named_in_body`), whose role the body may only give after the headline's
    claim was linked; one with a body ("Harwick boss says", "Skyvia chief says") the person the
    report names with that role, or one a headline word stands for (lexicon
    ``headline_role_words``: a boss is a manager or chief executive), at that body
    (:meth:`Registry.holder_at`). The headline mention joins that entity, and a headline's person
    speaks with the role and organisation of their first claim in the body."""
    claims = list(claims)
    for index, claim, speaker, mention in headline_speakers(doc, claims, ("person",)):
        if speaker.organisation is not None:  # "Harwick boss says": the holder at that body, unless a person is found
            role = (speaker.role or "").lower()
            named = records[index] is not None and records[index].name.lower() not in (role, role.split()[-1] if role else "")
            holder = records[index] if named else registry.holder_at(speaker.role, speaker.organisation) if speaker.role else None
        else:
            holder = records[index] or (headline_role_holder(mention, speaker.role, registry) if mention is not None else None)
        if holder is None:
            continue
        if records[index] is None:
            registry.add_mention(holder, mention)
            records[index] = holder
        said = next((c.speaker for c, r in zip(claims, records) if r is holder and c.kind != "headline" and c.speaker is not None), None)
        role, organisation = (said.role, said.organisation) if said is not None else (holder.role, holder.organisation)
        claims[index] = replace(claim, speaker=replace(speaker, name=holder.name, type=holder.type, role=role, organisation=organisation))
    return claims


def with_headline_research_groups(doc: Doc, claims: List[Claim], records: List[Optional[Record]], registry: Registry) -> List[Claim]:
    """"..., astronomers say" over "Astronomers at Halden University have found ...": a headline's
    bare research word, read before the body named any group, is, once the whole report is read,
    the group of researchers at a body the body names first (:meth:`Registry.research_group`)."""
    claims = list(claims)
    for index, claim, speaker, mention in headline_speakers(doc, claims, ("group",)):
        group = registry.research_group(mention) if mention is not None else None
        if group is None or group is records[index]:
            continue
        registry.move_mention(mention, records[index], group)
        if records[index] is not None:
            records[index].claims.remove(index)
        group.claims.append(index)
        records[index] = group
        claims[index] = replace(claim, speaker=replace(speaker, name=group.name, organisation=group.organisation))
    return claims


def headline_role_holder(mention: Span, role: Optional[str], registry: Registry) -> Optional[Record]:
    """The person the report names with the role a headline's bare role description gives."""
    if not role or registry.role_description(mention.root) is None:
        return None
    return registry.named_in_body(role.split()[-1], registry.role_ranks(role))


def with_portfolio_departments(claims: List[Claim], records: List[Optional[Record]], registry: Registry) -> List[Claim]:
    """The claims with every person who holds a portfolio and no organisation placed in the
    department the report names for it (:meth:`Registry.portfolio_department`), once the whole
    report is read: the ministry is often named only as a speaker, after or before the minister."""
    linked = []
    for claim, record in zip(claims, records):
        speaker = claim.speaker
        department = (
            registry.portfolio_department(speaker.role)
            if speaker is not None and speaker.type == "person" and speaker.organisation is None and speaker.role else None
        )
        if department is not None:
            claim = replace(claim, speaker=replace(speaker, organisation=department))
            if record is not None and not record.organisations:
                record.organisations.append(department)
        linked.append(claim)
    return linked


def role_without_body(role: Optional[str], noun: TextSpan, body: Optional[TextSpan]) -> Optional[str]:
    """A role without the organisation noun opening it once that noun is read as a named body
    ("club president" -> "president" of Atlético Lisboa); with no name read ("their union"),
    it stays."""
    words = role.split() if role else []
    named = body is not None and body.text != noun.text and any(w[:1].isupper() for w in body.text.split())
    if not named or len(words) < 2 or words[0] != noun.text.lower():
        return role
    return " ".join(words[1:])


def releaser(document: Token, witness_verbs: Collection[str]) -> Optional[Token]:
    """"a statement released by the ministry": the ministry speaks through the statement. Not the
    agent of a participle of ``witness_verbs`` ("a court filing seen by Wire", "a report cited by
    Reuters"): who saw, holds or passes on a document did not produce it."""
    for child in document.children:
        if child.dep_ == "acl" and child.lemma_.lower() not in witness_verbs:
            found = agent(child)
            if found is not None:
                return found
    return None


def speaker_tag_after_quote(cue: Span) -> Optional[Span]:
    """"“...,” the commission's vice-president, Anneke Verbeek, told reporters": when the parse
    loses the subject, the words between the closing quotation mark and the cue name the speaker."""
    doc = cue.doc
    index = cue.start - 1
    while index >= cue.sent.start and doc[index].text not in CLOSING_QUOTE_MARKS:
        if doc[index].pos_ in ("VERB", "AUX"):
            return None
        index -= 1
    if index < cue.sent.start or cue.start - index > MAX_SPEAKER_TAG_TOKENS:
        return None
    return clean_mention(doc[index + 1:cue.start])


def reporting_governor(verb: Token, cues: Set[int]) -> Token:
    """A participial or coordinated cue parsed inside the content of another cue belongs to it.

    In "X confirmed that 30 soldiers were wounded, describing the operation as ..." the parser
    hangs "describing" on "wounded", and in "X said the evidence showed ... and described Y as Z"
    it coordinates "described" with "showed"; the speaker is X in both.
    """
    participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"
    if not (participle or verb.dep_ == "conj" and verb.head.i not in cues):
        return verb
    token = verb.head
    while token.dep_ != "ROOT" and token.head is not token:
        if token.dep_ == "ccomp" and (participle or token.head.i in cues):
            return token.head
        token = token.head
    return verb


def reported_subject(claim: Claim, cue: Span, mention: Span) -> bool:
    """Whether the mention is the cue's subject and lies in the claim's content: the detector put
    the subject of a passive or raising cue there as what is reported about ("Mr. Doe | was
    accused of | fraud"), so it is not the source."""
    root = mention.root
    return (root.dep_ in ("nsubj", "nsubjpass") and root.head.i == cue.root.i and root.pos_ in ("NOUN", "PROPN", "PRON")
            and any(piece.start <= root.idx < piece.end for piece in claim.content))


def whole_words(span: Span, determiners: FrozenSet[str]) -> Span:
    """A mention cut inside a hyphenated word ("The 24" of "The 24-year-old", "old Italian" of
    "the 33-year-old Italian": a trained model's span may end or start at any token) widened to
    the whole word, with the article before it: the word describes the speaker as a whole."""
    doc = span.doc
    start, end = span.start, span.end
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end].text, doc[end - 1].text):
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text, doc[start].text):
        start -= 1
    if start < span.start and start > 0 and doc[start - 1].lower_ in determiners:
        start -= 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def name_after(noun: Token, particles: Collection[str]) -> Optional[Span]:
    """The name written right after an outlet noun, however the parser hung it ("the tennis podcast
    Deuce Talk", "the newspaper Diário do Centro"): its capitalised words and the name particles
    between them, up to the reported clause (its subject: "told the newspaper Smith would
    resign") or a date. The NER's label does not count: it often takes an outlet's name for a
    person's."""
    doc = noun.doc
    first = noun.i + 1
    end = entity_end(doc, first)
    if end is not None and end < len(doc) and doc[end].lower_ == "that" and doc[first].ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return doc[first:end]  # "told the newspaper Jornal do Douro that ...": the name up to the reported clause

    def name_word(token: Token) -> bool:
        return (token.text[:1].isupper() and not token.is_stop and token.ent_type_ not in ("DATE", "TIME")
                and token.dep_ not in ("nsubj", "nsubjpass"))

    end = noun.i + 1
    while end < len(doc) and (name_word(doc[end]) or doc[end].lower_ in particles and end + 1 < len(doc) and name_word(doc[end + 1])):
        end += 1
    return doc[noun.i + 1:end] if end > noun.i + 1 else None


def with_head(span: Span, cues: Set[int]) -> Span:
    """A mention that stops on a modifier or article of the noun after it ("A finance ministry"
    of "A finance ministry spokeswoman", "The" of "The company": a trained model's span) widened
    to that noun, which is who the mention names; never onto a cue (token indices ``cues``),
    which the parser may read as that noun ("“...,” the 24-year-old *said*, before adding ...": a
    past tense tagged as a noun)."""
    last = span[-1]
    head = last.head
    # a lower-case singular noun only: a headline's verb is often parsed as the noun a name
    # modifies ("Sanders Vows ...", "as ministry promises help")
    if last.dep_ in ("compound", "amod", "nmod", "det") and head.i == span.end and head.tag_ == "NN" and head.text.islower() and head.i not in cues:
        return span.doc[span.start:span.end + 1]
    return span


def nearest_subject(subjects: List[Token], verb: Token) -> Token:
    """The subject of ``verb`` among those the parse gives it: two are a broken parse ("The
    Latest: Trump urges ...", "THE BORROWING BACK ... Mr. McKinley said"), and the one nearer the
    verb is the verb's, unless it runs straight on from the first one's phrase ("the study in the
    journal Apidologia Nova found": a name in that phrase)."""
    first, last = min(subjects, key=lambda c: c.i), max(subjects, key=lambda c: c.i)
    if last.i < verb.i and last.left_edge.i > first.right_edge.i + 1:
        return last
    return subjects[0]


def before_content(mention: Optional[Span], claim: Claim) -> Optional[Span]:
    """The mention without the claim's content: where the parser hung the content under the
    source ("According to Rush Limbaugh, the move reeks ...", with "reeks" read as a noun in
    apposition), the source stops before it."""
    if mention is None:
        return None
    starts = [piece.start for piece in claim.content if mention.start_char < piece.start < mention.end_char]
    if not starts:
        return mention
    cut = mention.doc.char_span(mention.start_char, min(starts), alignment_mode="contract")
    return clean_mention(cut) if cut is not None and len(cut) else None


def line_start(doc: Doc, index: int) -> int:
    """Index of the first token of the line holding token ``index``."""
    while index > 0 and "\n" not in doc[index - 1].text:
        index -= 1
    return index


def line_end(doc: Doc, index: int) -> int:
    """Index just past the last token of the line holding token ``index``."""
    while index < len(doc) and "\n" not in doc[index].text:
        index += 1
    return index
