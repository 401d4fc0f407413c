"""``speaker_linker``: attribute each claim to a speaker, resolved to the entity it refers to.

The mention comes from the syntax around the cue (subject, passive agent, object of "according
to", the name by a verbless quote, the previous speaker for a floating quote). The mention is then
analysed with lexicons (``data/speakers.json``) rather than trusting the base NER alone: a name seen
earlier in full wins over the NER label of its surname ("Khowarazmi" tagged GPE), and pronouns and
descriptions resolve against the speakers already met in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import (
    Any,
    Dict,
    List,
    Optional,
    Sequence,
    Set,
)

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimattr.rules.component import RuleComponent
from claimattr.rules.syntax import DASHES, SUBJECT_DEPS, after_comma
from claimattr.schema import Claim, Speaker, TextSpan
from claimattr.scoring.claims import score_claims

DEFAULT_LEXICON = Path(__file__).parent / "speakers.json"
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "dep", "relcl", "parataxis")
NOT_IN_MENTION = ("relcl", "acl", "punct", "cc", "prep_by")
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "government", "NORP": "group"}
DETERMINERS = ("the", "a", "an")


@dataclass
class Referent:
    """An entity that made a claim, remembered for later mentions in the document."""

    name: str
    type: str
    role: Optional[str] = None
    organisation: Optional[TextSpan] = None
    tokens: Set[str] = field(default_factory=set)
    position: int = 0


@Language.factory(
    "speaker_linker",
    default_config={"lexicon_path": None, "floating_quote_window": 2, "keep_mentions": False},
    requires=["doc._.claims", "token.dep", "token.ent_type"],
    assigns=["doc._.claims", "doc.spans"],
)
def make_speaker_linker(
    nlp: Language, name: str, lexicon_path: Optional[str], floating_quote_window: int, keep_mentions: bool
) -> "SpeakerLinker":
    return SpeakerLinker(
        nlp, name, lexicon_path=lexicon_path, floating_quote_window=floating_quote_window, keep_mentions=keep_mentions
    )


class SpeakerLinker(RuleComponent):
    """Fill ``Claim.speaker``: mention, canonical name, type, role, organisation, intermediary."""

    settings = ("floating_quote_window", "keep_mentions")
    scorer = staticmethod(score_claims)

    def __init__(
        self,
        nlp: Language,
        name: str = "speaker_linker",
        *,
        lexicon_path: Optional[str] = None,
        floating_quote_window: int = 2,
        keep_mentions: bool = False,
    ) -> None:
        self.name = name
        self.floating_quote_window = floating_quote_window
        self.keep_mentions = keep_mentions
        self._compile(srsly.read_json(lexicon_path or DEFAULT_LEXICON))

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.roles = set(lexicon["role_nouns"])
        self.role_modifiers = set(lexicon["role_modifiers"])
        self.anonymous = set(lexicon["anonymous_heads"])
        self.group_heads = set(lexicon["group_heads"])
        self.government = set(lexicon["government_heads"])
        self.organisations = set(lexicon["organisation_heads"])
        self.intermediary_verbs = set(lexicon["intermediary_verbs"])
        self.person_pronouns = set(lexicon["person_pronouns"])
        self.thing_pronouns = set(lexicon["thing_pronouns"])
        self.plural_pronouns = set(lexicon["plural_pronouns"])
        self.first_person = set(lexicon["first_person_pronouns"])
        self.honorifics = set(lexicon.get("honorifics", []))

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.link(doc, doc._.claims)
        return doc

    # ------------------------------------------------------------------ linking
    def link(self, doc: Doc, claims: List[Claim]) -> List[Claim]:
        self._labels = _entity_votes(doc)
        self._aliases = _acronyms(doc.text)
        self._cues = {t.i for claim in claims for t in (claim.cue.to_span(doc) or [])}
        referents: List[Referent] = []
        linked: List[Claim] = []
        for claim in sorted(claims, key=lambda c: c.start):
            cue = claim.cue.to_span(doc)
            mention = self._given_mention(doc, claim) or (self._mention(doc, claim, cue) if cue is not None else None)
            if mention is None and cue is not None and claim.cue.text in "“\"«„‘'":
                speaker = self._floating_speaker(doc, claim, linked)
            else:
                speaker = self._speaker(mention, referents) if mention is not None else None
            if speaker is not None and cue is not None:
                speaker = replace(speaker, intermediary=speaker.intermediary or self._intermediary(cue, mention))
            linked.append(replace(claim, speaker=speaker))
        return linked

    def _given_mention(self, doc: Doc, claim: Claim) -> Optional[Span]:
        """With ``keep_mentions`` (after a trained ``attribution_linker``) the found source stays;
        the linker only resolves who it is."""
        if not self.keep_mentions or claim.speaker is None:
            return None
        return claim.speaker.mention.to_span(doc)

    # -- where the mention is
    def _mention(self, doc: Doc, claim: Claim, cue: Span) -> Optional[Span]:
        head = cue.root
        if claim.kind == "according_to":
            return self._according_to_source(cue)
        if claim.kind == "headline":
            start = cue.start
            while start > cue.sent.start and doc[start - 1].text not in (";", "|"):
                start -= 1
            return _clean_mention(doc[start:cue.start])
        if cue.text in DASHES:
            return _clean_mention(doc[cue.end:_line_end(doc, cue.end)])
        if cue.text == ":":
            return _clean_mention(doc[max(cue.sent.start, _line_start(doc, cue.start)):cue.start])
        if cue.text in "“\"«„‘'":
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("ROOT",) and not head.tag_.startswith("VB"):
            return self._noun_cue_source(head)
        subject = self._subject(head)
        return self._noun_phrase(subject) if subject is not None else _speaker_tag_after_quote(cue)

    def _subject(self, verb: Token) -> Optional[Token]:
        """The subject of the cue, climbing participles, conjuncts and control verbs to find it."""
        token = _reporting_governor(verb, self._cues)
        for _ in range(8):
            relayed = token.lemma_.lower() in self.intermediary_verbs
            passive_subjects = [c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ != "it"]
            if relayed and passive_subjects:
                return passive_subjects[0]
            if passive_subjects and token is verb and _agent(token) is None:
                return None
            agent = _agent(token)
            if agent is not None:
                return agent
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                subject = subjects[0]
                if subject.dep_ == "expl" or subject.lower_ in ("it",) and subject.dep_ == "nsubjpass":
                    return None
                if subject.tag_ in ("WDT", "WP") or subject.lower_ in ("who", "which", "that"):
                    return token.head if token.dep_ == "relcl" else None
                return subject
            if token.dep_ not in CLIMB_DEPS or token.head is token:
                return None
            if token.dep_ == "ccomp" and token is not verb:
                return None
            token = token.head
        return None

    def _according_to_source(self, cue: Span) -> Optional[Span]:
        objects = [c for c in cue[-1].children if c.dep_ == "pobj"]
        if not objects:
            nxt = cue.doc[cue.end:cue.end + 1]
            return self._noun_phrase(nxt[0]) if len(nxt) and not nxt[0].is_punct else None
        source = self._releaser(objects[0])
        return self._noun_phrase(source if source is not None else objects[0])

    def _releaser(self, document: Token) -> Optional[Token]:
        """"a statement released by the ministry": the ministry speaks through the statement."""
        for child in document.children:
            if child.dep_ == "acl":
                agent = _agent(child)
                if agent is not None:
                    return agent
        return None

    def _noun_cue_source(self, noun: Token) -> Optional[Span]:
        """"Taliban claims", "the ministry's statement", "a statement by the ministry"."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_)):
                return self._noun_phrase(child)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self._noun_phrase(objects[0])
        return None

    def _noun_phrase(self, head: Token) -> Optional[Span]:
        """The head's phrase, without relative clauses, participle modifiers or trailing commas."""
        if head.pos_ == "VERB" or head.is_punct:
            return None
        drop = {t.i for child in head.children if child.dep_ in ("relcl", "acl") for t in child.subtree}
        drop |= {
            t.i for child in head.subtree
            if after_comma(child, (",",)) and (child.dep_ in ("relcl", "acl", "advcl") or child.dep_ == "prep" and child.lower_ in CIRCUMSTANCES)
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
        return _clean_mention(head.doc[start:end + 1])

    def _floating_speaker(self, doc: Doc, claim: Claim, linked: List[Claim]) -> Optional[Speaker]:
        """A quote with no cue belongs to the most recent speaker in this or the previous paragraphs."""
        paragraph_breaks = doc.text.count("\n", 0, claim.start)
        for earlier in reversed(linked):
            if earlier.speaker is None:
                continue
            if paragraph_breaks - doc.text.count("\n", 0, earlier.start) <= self.floating_quote_window - 1:
                return earlier.speaker
            break
        return None

    def _intermediary(self, cue: Span, mention: Optional[Span]) -> Optional[TextSpan]:
        """"sources cited by Reuters", "told Reuters", "according to X" beside another cue."""
        if mention is not None:
            for token in mention.root.children:
                if token.dep_ == "acl" and token.lemma_.lower() in self.intermediary_verbs:
                    agents = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
                    if agents:
                        return TextSpan.from_span(self._noun_phrase(agents[0]) or agents[0:1])
        if cue.text.lower() == "according to":
            objects = [c for c in cue[-1].children if c.dep_ == "pobj"]
            if objects and self._releaser(objects[0]) is not None:
                document = objects[0]
                return TextSpan.from_span(document.doc[document.left_edge.i:document.i + 1])
        relay = next((t for t in cue.root.ancestors if t.lemma_.lower() in self.intermediary_verbs), None)
        if relay is not None and _agent(relay) is not None:
            agent = _agent(relay)
            return TextSpan.from_span(self._noun_phrase(agent) or agent.doc[agent.i:agent.i + 1])
        verb = cue.root
        if verb.lemma_.lower() == "tell":
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and (c.ent_type_ == "ORG" or c.pos_ == "PROPN")]
            if objects:
                return TextSpan.from_span(self._noun_phrase(objects[0]) or verb.doc[objects[0].i:objects[0].i + 1])
        return None

    # -- who the mention is
    def _speaker(self, mention: Span, referents: List[Referent]) -> Optional[Speaker]:
        analysis = self._analyse(mention)
        referent = self._resolve(mention, analysis, referents)
        if referent is None:
            referent = Referent(**analysis, position=mention.start)
            if referent.type != "unknown" or referent.name:
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
            role=analysis["role"] or referent.role,
            organisation=analysis["organisation"] or referent.organisation,
        )

    def _analyse(self, mention: Span) -> Dict[str, Any]:
        """Name, type, role and organisation of a mention, read off its internal structure."""
        head = mention.root
        person = self._person_name(mention)
        role_token = self._role_token(mention)
        kind = "person" if person is not None else self._type(mention, head, role_token)
        role = self._role_text(role_token) if role_token is not None and kind == "person" else None
        organisation = self._organisation(mention, role_token, person) if kind in ("person", "group") else None
        name = person.text if person is not None else self._aliases.get(
            _canonical_text(mention), _canonical_text(_without_appositions(mention, stop_at_comma=True))
        )
        tokens = {t.lower_ for t in person if t.is_alpha} if person is not None else set()
        return {"name": name, "type": kind, "role": role, "organisation": organisation, "tokens": tokens}

    def _person_name(self, mention: Span) -> Optional[Span]:
        """The longest run of proper nouns that names a person (by NER, or next to a role noun)."""
        runs = _propn_runs(mention)
        role_near = self._role_token(mention) is not None
        runs = [r for r in (self._strip_titles(run) for run in runs) if r is not None and not _in_prepositional_phrase(r, mention)]
        for run in sorted(runs, key=len, reverse=True):
            if any(t.ent_type_ == "PERSON" for t in run):
                return run
        for run in runs:
            after_role = run.start > 0 and run.doc[run.start - 1].lemma_.lower() in self.roles
            appositive = run.root.dep_ == "appos" or (run.root.head.dep_ == "appos" and run.root.head in run)
            if role_near and (after_role or appositive) and not any(t.ent_type_ in ("GPE", "ORG", "NORP") and len(run) == 1 for t in run):
                return run
            if role_near and run.root.dep_ in ("nsubj", "nsubjpass") and run.root.head.pos_ == "VERB" and len(run) >= 2:
                return run
        for run in runs:
            if run.text == mention.text and len(run) >= 2 and self._unlabelled_name(run):
                return run
        return None

    def _unlabelled_name(self, run: Span) -> bool:
        """"Ana Ruiz said": two or more proper nouns that NER and the lexicons call nothing else."""
        labels = {t.ent_type_ or self._labels.get(t.text, "") for t in run} - {""}
        heads = {t.lemma_.lower() for t in run} & (self.organisations | self.government)
        return not labels - {"PERSON"} and not heads

    def _role_text(self, role: Token) -> str:
        """The role with the words that belong to it: "Deputy Prime Minister" -> "deputy prime minister",
        "attorney-general" -> "attorney-general"."""
        doc, start = role.doc, role.i
        while start > 0 and (
            self._continues_role(doc[start - 1]) or doc[start - 1].lemma_.lower() in self.roles or _title_word(doc[start - 1])
        ):
            start -= 1
        while start < role.i and doc[start].text == "-":
            start += 1
        return doc[start:role.i + 1].text.lower()

    def _strip_titles(self, run: Span) -> Optional[Span]:
        """"Health Minister Ana Ruiz" -> "Ana Ruiz": capitalised role words are not the name."""
        titles = [t.i for t in run if t.lemma_.lower() in self.roles or t.lower_ in self.roles or t.lower_ in self.honorifics]
        start = titles[-1] + 1 if titles else run.start
        while start < run.end and (run.doc[start].lower_ in self.role_modifiers or run.doc[start].text == "-"):
            start += 1
        return run.doc[start:run.end] if start < run.end else None

    def _role_token(self, mention: Span) -> Optional[Token]:
        """The head of the first role phrase: "deputy prime minister" -> "minister"."""
        candidates = [t for t in mention if t.lemma_.lower() in self.roles and t.pos_ in ("NOUN", "PROPN")]
        described = [t for t in candidates if t.lower_ not in self.honorifics]
        for token in (described or candidates)[:1]:
            while token.i + 1 < mention.end and self._continues_role(mention.doc[token.i + 1]):
                token = mention.doc[token.i + 1]
            return token if token.text != "-" else mention.doc[token.i - 1]
        return None

    def _continues_role(self, token: Token) -> bool:
        lower = token.lower_
        return (token.text == "-" and not token.whitespace_) or (
            (lower in self.roles or lower in self.role_modifiers) and token.pos_ in ("NOUN", "PROPN", "ADJ")
        )

    def _organisation(self, mention: Span, role: Optional[Token], person: Optional[Span]) -> Optional[TextSpan]:
        """"spokesperson for X", "head of X", "X's minister", "Taliban spokesman"."""
        if role is None:
            return self._affiliation(person) if person is not None else None
        for child in role.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _organisation_span(_object_phrase(objects[0]))
            if child.dep_ == "poss" and child.tag_ != "PRP$":
                tokens = [t for t in child.subtree if t.dep_ != "case"]
                return _organisation_span(mention.doc[tokens[0].i:tokens[-1].i + 1])
        run = [t for t in mention if t.i < role.i and t.dep_ in ("compound", "amod", "nmod")]
        run = _contiguous_run(run) if run and run[-1].i == role.i - 1 else []
        while run and (run[-1].lower_ in self.role_modifiers or _title_word(run[-1])):
            run.pop()
        if person is not None:
            run = [t for t in run if t.i < person.start]
        named = any(t.ent_type_ in ("ORG", "GPE") or t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in run)
        if run and (named or run[-1].lemma_.lower() in self.organisations):
            return _organisation_span(mention.doc[run[0].i:run[-1].i + 1])
        return None

    def _affiliation(self, person: Span) -> Optional[TextSpan]:
        """"Henrik Aaltonen of Reporters Without Borders": a named organisation after the name."""
        for child in person.root.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                objects = [c for c in child.children if c.dep_ == "pobj" and (c.ent_type_ == "ORG" or self._labels.get(c.text) == "ORG")]
                if objects:
                    return _organisation_span(_object_phrase(objects[0]))
        return None

    def _type(self, mention: Span, head: Token, role: Optional[Token]) -> str:
        lemma = head.lemma_.lower()
        lower = head.lower_
        qualified = any(
            t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" for t in mention if t.i != head.i
        )
        if lower in self.person_pronouns or lower in self.first_person and lower == "i":
            return "person"
        label = head.ent_type_ or self._labels.get(head.text, "")
        if lemma in self.government or (label == "GPE" and head.pos_ == "PROPN"):
            return "government"
        if head.tag_ in ("NNS", "NNPS") and lemma in self.group_heads and lemma in self.anonymous:
            return "group" if qualified else "anonymous"
        if lemma in self.organisations or label == "ORG":
            return "organisation"
        if lemma in self.anonymous and not qualified:
            return "anonymous"
        if head.tag_ in ("NNS", "NNPS") and (lemma in self.group_heads or lemma in self.anonymous or qualified):
            return "group"
        if lemma in self.group_heads and head.lower_ != lemma:
            return "group"
        if role is not None:
            return "person"
        if label in ENTITY_TYPES:
            return ENTITY_TYPES[label]
        if lemma in self.anonymous:
            return "anonymous"
        if any(t.ent_type_ == "ORG" or self._labels.get(t.text) == "ORG" for t in mention if t.i != head.i):
            return "organisation"
        return "unknown"

    def _resolve(self, mention: Span, analysis: Dict[str, Any], referents: List[Referent]) -> Optional[Referent]:
        """The earlier referent this mention points to: surname, pronoun or description."""
        head = mention.root
        lower = head.lower_
        recent = list(reversed(referents))
        if len(mention) == 1 and lower in self.person_pronouns:
            return self._previous_subject(mention, recent, ("person",)) or next((r for r in recent if r.type == "person"), None)
        if len(mention) == 1 and lower in self.thing_pronouns:
            institutions = ("organisation", "government")
            return (
                self._antecedent_in_sentence(mention, recent)
                or self._previous_subject(mention, recent, institutions)
                or next((r for r in recent if r.type in institutions), None)
            )
        if len(mention) == 1 and lower in self.plural_pronouns:
            collectives = ("group", "anonymous", "organisation", "government")
            return self._previous_subject(mention, recent, ("group", "anonymous")) or next(
                (r for r in recent if r.type in collectives), None
            )
        names = {
            t.lower_ for t in mention
            if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_ or t.text[:1].isupper() and not t.is_stop)
        } - self.honorifics
        if names and analysis["type"] != "person" or (names and len(names) < 2):
            match = next((r for r in recent if r.type == "person" and names and names <= r.tokens), None)
            if match is not None:
                return match
        if analysis["type"] == "person" and analysis["tokens"]:
            match = next((r for r in recent if r.type == "person" and analysis["tokens"] <= r.tokens), None)
            if match is not None:
                return match
        if len(names) == 1 and len(mention) <= 2:
            earlier = self._earlier_person(mention, names)
            if earlier is not None:
                return earlier
        if mention[0].lower_ == "the" and len(mention) <= 3 and not analysis["role"]:
            named = self._earlier_organisation(mention)
            if named is not None:
                return next((r for r in recent if r.name.lower() == named.name.lower()), named)
        if mention[0].lower_ == "the" and analysis["role"] and not names:
            return next((r for r in recent if r.role and r.role.endswith(analysis["role"].split()[-1])), None)
        same = _canonical_text(mention).lower()
        return next((r for r in recent if r.name.lower() == same), None)

    def _earlier_organisation(self, mention: Span) -> Optional[Referent]:
        """"the directorate" after "the National Anticorruption Directorate": the full name."""
        head = mention.root.lower_
        for ent in reversed([e for e in mention.doc.ents if e.end <= mention.start and e.label_ in ("ORG", "GPE")]):
            words = [t.lower_ for t in ent if t.is_alpha]
            if len(words) >= 2 and head in words and ent.root.lower_ == head:
                name = _canonical_text(ent)
                kind = "government" if ent.label_ == "GPE" else "organisation"
                return Referent(name=name, type=kind, tokens=set(words))
        return None

    def _earlier_person(self, mention: Span, names: Set[str]) -> Optional[Referent]:
        """A surname whose full name appeared earlier as a PERSON entity, speaker or not."""
        for ent in reversed([e for e in mention.doc.ents if e.end <= mention.start and e.label_ == "PERSON"]):
            name = self._strip_titles(ent)
            if name is not None and len(name) >= 2 and names <= {t.lower_ for t in name}:
                return Referent(name=name.text, type="person", tokens={t.lower_ for t in name})
        return None

    def _previous_subject(self, pronoun: Span, recent: List[Referent], types: Sequence[str]) -> Optional[Referent]:
        """The subject of the previous sentence, when compatible: speakers are often introduced as
        subjects before they speak ("China's coast guard gave a different account. It said ...")."""
        sentence = pronoun.sent
        if sentence.start == 0 or pronoun.start - sentence.start > 6:
            return None
        previous = pronoun.doc[sentence.start - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        phrase = self._noun_phrase(subjects[0]) if subjects else None
        if phrase is None:
            return None
        analysis = self._analyse(phrase)
        if analysis["type"] not in types:
            return None
        name = analysis["name"].lower()
        known = next((r for r in recent if r.name.lower() == name or analysis["tokens"] and analysis["tokens"] <= r.tokens), None)
        return known or Referent(**analysis, position=phrase.start)

    def _antecedent_in_sentence(self, pronoun: Span, recent: List[Referent]) -> Optional[Referent]:
        """"While Islamabad has not claimed responsibility, it has accused ...": the earlier subject."""
        sentence = pronoun.sent
        for token in reversed([t for t in sentence if t.i < pronoun.start]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ in ("GPE", "ORG", "NORP"):
                phrase = self._noun_phrase(token)
                if phrase is None:
                    continue
                name = _canonical_text(phrase)
                known = next((r for r in recent if r.name.lower() == name.lower()), None)
                return known or Referent(name=name, type=self._type(phrase, token, None))
        return None


# ---------------------------------------------------------------------- helpers
def _agent(verb: Token) -> Optional[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


CLOSING_QUOTES = ("”", '"', "’", "»", "'")


def _speaker_tag_after_quote(cue: Span) -> Optional[Span]:
    """"“...,” the commission's vice-president, Anneke Verbeek, told reporters": when the parse
    loses the subject, the words between the closing quotation mark and the cue name the speaker."""
    doc = cue.doc
    index = cue.start - 1
    while index >= cue.sent.start and doc[index].text not in CLOSING_QUOTES:
        if doc[index].pos_ in ("VERB", "AUX"):
            return None
        index -= 1
    if index < cue.sent.start or cue.start - index > 16:
        return None
    return _clean_mention(doc[index + 1:cue.start])


def _reporting_governor(verb: Token, cues: Set[int]) -> Token:
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


def _title_word(token: Token) -> bool:
    """"Employment" in "Employment Minister": a capitalised compound that is not an entity or acronym."""
    return (
        token.dep_ == "compound" and token.pos_ == "PROPN" and not token.ent_type_
        and token.text[:1].isupper() and not token.text.isupper()
    )


def _organisation_span(phrase: Optional[Span]) -> Optional[TextSpan]:
    """An organisation as a name: without a leading article ("The Progress Party" -> "Progress Party")."""
    if phrase is None:
        return None
    start = phrase.start
    while start < phrase.end - 1 and phrase.doc[start].lower_ in DETERMINERS:
        start += 1
    return TextSpan.from_span(phrase.doc[start:phrase.end])


def _entity_votes(doc: Doc) -> Dict[str, str]:
    """The most frequent NER label of each entity text in the doc, for tokens NER missed in headlines."""
    votes: Dict[str, Dict[str, int]] = {}
    for ent in doc.ents:
        for token in ent:
            counts = votes.setdefault(token.text, {})
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
    return {text: max(counts, key=counts.get) for text, counts in votes.items()}


def _subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i:token.right_edge.i + 1]


def _object_phrase(token: Token) -> Optional[Span]:
    """The phrase of a prepositional object up to its first comma ("for the Interior Ministry, X")."""
    return _clean_mention(_without_appositions(_subtree_span(token), stop_at_comma=True))


def _without_appositions(span: Span, stop_at_comma: bool = False) -> Span:
    """The phrase up to its first apposition: "Qatar, a key regional mediator" -> "Qatar"."""
    for token in span:
        if token.i > span.start and (token.dep_ == "appos" and token.head.i < token.i or stop_at_comma and token.text == ","):
            cut = min(token.left_edge.i, token.i) if token.dep_ == "appos" else token.i
            return span.doc[span.start:max(cut, span.start + 1)]
    return span


def _clean_mention(span: Optional[Span]) -> Optional[Span]:
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


def _line_start(doc: Doc, index: int) -> int:
    while index > 0 and "\n" not in doc[index - 1].text:
        index -= 1
    return index


def _line_end(doc: Doc, index: int) -> int:
    while index < len(doc) and "\n" not in doc[index].text:
        index += 1
    return index


NAME_PARTICLES = {"de", "dela", "del", "della", "da", "di", "du", "van", "von", "der", "den", "ter", "la", "le", "al", "el", "bin", "ibn", "y"}


def _in_prepositional_phrase(run: Span, mention: Span) -> bool:
    """"Fishermen from the province of Zambales": a name under a preposition is not the speaker."""
    token = run.root
    if token.dep_ == "appos":
        return False
    while token.i != mention.root.i and mention.start <= token.head.i < mention.end and token.head is not token:
        if token.dep_ in ("pobj", "prep"):
            return True
        token = token.head
    return False


def _is_name_token(token: Token, mention: Span) -> bool:
    """Proper nouns, and lowercase particles inside a name ("Ramon dela Cruz")."""
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    nxt = token.i + 1
    if token.text == "-" and not token.whitespace_ and token.i > mention.start and nxt < mention.end:
        previous = mention.doc[token.i - 1]
        return not previous.whitespace_ and previous.pos_ == "PROPN" and mention.doc[nxt].pos_ == "PROPN"
    return (
        token.lower_ in NAME_PARTICLES and token.i > mention.start and nxt < mention.end
        and mention.doc[token.i - 1].pos_ == "PROPN" and mention.doc[nxt].pos_ == "PROPN"
    )


def _propn_runs(mention: Span) -> List[Span]:
    runs: List[Span] = []
    start: Optional[int] = None
    for token in list(mention) + [None]:
        is_name = token is not None and _is_name_token(token, mention)
        if is_name and start is None:
            start = token.i
        elif not is_name and start is not None:
            runs.append(mention.doc[start:token.i if token is not None else mention.end])
            start = None
    return runs


def _contiguous_run(tokens: List[Token]) -> List[Token]:
    run = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if token.i == run[0].i - 1:
            run.insert(0, token)
        else:
            break
    return run


ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|de|du|des)\s+)*){2,9})\(([A-Z]{2,8})\)")
CIRCUMSTANCES = {"in", "on", "during", "after", "before", "via", "through", "speaking"}
QUANTIFIERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many", "dozens", "few"}


def _acronyms(text: str) -> Dict[str, str]:
    """"the Rapid Support Forces (RSF)": later "RSF" is named by its full form."""
    aliases = {}
    for match in ACRONYM.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        for start in range(len(words)):
            if "".join(w[0] for w in words[start:] if w[0].isupper()) == acronym:
                aliases[acronym] = " ".join(words[start:])
                break
    return aliases


def _canonical_text(mention: Span) -> str:
    """A mention as a name: no leading article or count, no possessive ending, no bracketed aside."""
    brackets = [t.i for t in mention if t.text == "("]
    if brackets and brackets[0] > mention.start:
        mention = mention.doc[mention.start:brackets[0]]
    tokens = [t for t in mention if not t.is_punct or t.text in ("-", "&", ".")]
    while len(tokens) > 1 and (tokens[0].lower_ in DETERMINERS or tokens[0].lower_ in QUANTIFIERS or tokens[0].like_num):
        tokens.pop(0)
    while tokens and tokens[-1].tag_ == "POS":
        tokens.pop()
    if not tokens:
        return mention.text
    return mention.doc[tokens[0].i:tokens[-1].i + 1].text
