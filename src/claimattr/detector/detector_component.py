"""``claim_detector``: rule-based detection of reported-speech claims (cue, content, kind).

The rules read the dependency parse: a cue is a reporting verb or noun from a data lexicon
(``detector/cues.json``, every key documented in ``detector/cues.schema.json``) that actually
governs content (a clause, an object, a complement preposition, or an adjacent quotation).
Requiring content is what keeps "declined to comment" or "has not claimed responsibility" out
without a list of exceptions. Quotation regions come from the characters (``quotes.py``), so
multi-sentence and multi-paragraph quotes survive sentence splitting. Speakers are left to
``speaker_linker``. The parse predicates and token-range helpers live in ``constructions.py``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Set

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from claimattr.detector.constructions import (
    AGENT_ENTITIES,
    CONTENT_CLAUSE_DEPS,
    FINITE_TAGS,
    HEADLINE_CLAUSE_LINKS,
    MAX_SPEAKER_TAG_WORDS,
    OBJECT_DEPS,
    TAG_CLAUSE_OPENERS,
    Candidate,
    PhraseCue,
    Piece,
    block_quote,
    clip_speaker_tag,
    coverage,
    cue_clause,
    dash_or_colon_cue,
    dedupe,
    drop_nested,
    extend_to_quotes,
    has_clause,
    has_subject,
    headline_segments,
    inflect,
    inside,
    inverted_colon_tag,
    is_addressee,
    is_agentive,
    is_agentless_passive,
    is_complement_clause,
    is_headline_subject,
    is_hearsay_passive,
    is_infinitive_complement,
    is_passive_modifier,
    is_stranded_wh_object,
    is_subject_like,
    is_time_phrase,
    is_to_infinitive,
    is_tag_under_content,
    is_trailing_cue,
    merge,
    misread_headline_verb,
    pieces_of,
    predicate_word,
    quote_kind,
    quote_leads_into,
    runs,
    source_apposition,
    source_end,
    speaker_tag_only,
    token_set,
    trailing_tag,
    transcript_turn,
    trim,
)
from claimattr.detector.combination import combine_claims, cue_root
from claimattr.detector.extents import TidyLexicon, closing_narration, tidy_claims, without_reporting_tag
from claimattr.rules.component import RuleComponent
from claimattr.rules.syntax import after_comma, name_read_as_adverb, text_lines
from claimattr.schema import Claim, Speaker, TextSpan
from claimattr.quotes import find_quote_regions, quote_marks
from claimattr.scoring.claims import score_claims
from claimattr.segmenter.segmenter_component import FURNITURE_SPANS, HEADLINE_SPANS

DEFAULT_LEXICON = Path(__file__).parent / "cues.json"
"""The bundled cue lexicon."""
LEXICON_SCHEMA = Path(__file__).parent / "cues.schema.json"
"""The JSON Schema every cue lexicon must match; its descriptions document each key."""


EXISTING_CLAIMS = ("replace", "combine")
"""What ``claim_detector`` does with claims a component before it (a trained model) found."""


@Language.factory(
    "claim_detector",
    default_config={
        "lexicon_path": None,
        "skip_negated": True,
        "existing_claims": "replace",
        "scorer": {"@scorers": "claimattr.claim_scorer.v1"},
    },
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.claims", "doc.spans"],
    default_score_weights={
        "claims_cue_exact_f": 0.25,
        "claims_content_exact_f": 0.25,
        "claims_content_overlap_f": 0.0,
        "claims_kind_acc": 0.0,
    },
)
def make_claim_detector(
    nlp: Language,
    name: str,
    lexicon_path: Optional[str],
    skip_negated: bool,
    existing_claims: str,
    scorer: Optional[Callable],
) -> "ClaimDetector":
    """``existing_claims``: what to do with claims already on the ``Doc`` (a trained model's):
    ``"replace"`` them, or ``"combine"`` them with the rules' (``detector/combination.py``)."""
    return ClaimDetector(nlp, name, lexicon_path=lexicon_path, skip_negated=skip_negated,
                         existing_claims=existing_claims, scorer=scorer)


NUMERIC_ENTITIES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
"""Entity labels of words that count or date things and never name a speaker."""

MAX_FORMULA_START_WORDS = 3
"""Words of a content piece that may stop inside the noun phrase of a non-claim formula ("a",
"a request", "repeated calls for"): a tagger that stops short stops early."""


class ClaimDetector(RuleComponent):
    """Find claims; each gets a cue span, ordered content pieces and a kind."""

    lexicon_schema = LEXICON_SCHEMA
    settings = ("skip_negated", "existing_claims")

    def __init__(
        self,
        nlp: Language,
        name: str = "claim_detector",
        *,
        lexicon_path: Optional[str] = None,
        skip_negated: bool = True,
        existing_claims: str = "replace",
        scorer: Optional[Callable] = score_claims,
    ) -> None:
        if existing_claims not in EXISTING_CLAIMS:
            raise ValueError(f"{name}: existing_claims must be one of {EXISTING_CLAIMS}, got {existing_claims!r}")
        self.existing_claims = existing_claims
        self.name = name
        self.scorer = scorer
        self.vocab = nlp.vocab
        self.skip_negated = skip_negated
        self._load(lexicon_path or DEFAULT_LEXICON)

    # ------------------------------------------------------------------ set-up
    def _compile(self, lexicon: Dict[str, Any]) -> None:
        """Compile a validated lexicon (``cues.schema.json`` documents each key)."""
        self.lexicon = lexicon
        self.verbs: Set[str] = set(lexicon["verbs"])
        self.object_verbs: Set[str] = set(lexicon["object_content_verbs"])
        self.addressee_verbs: Set[str] = set(lexicon["addressee_verbs"])
        self.complement_preps: Dict[str, Set[str]] = {k: set(v) for k, v in lexicon["complement_preps"].items()}
        self.nouns: Set[str] = set(lexicon["nouns"])
        self.cue_lemmas: Set[str] = self.verbs | self.nouns
        self.noun_preps: Set[str] = set(lexicon["noun_content_preps"])
        self.host_preps: Set[str] = set(lexicon["statement_host_preps"])
        self.complementisers: Set[str] = set(lexicon["complementisers"])
        self.relative_pronouns: Set[str] = set(lexicon["relative_pronouns"])
        self.passive_content_verbs: Set[str] = set(lexicon["agentless_passive_verbs"])
        self.headline_clause_words: Set[str] = set(lexicon["headline_clause_words"])
        self.quote_pairs: List[List[str]] = lexicon["quote_pairs"]
        self.marks = quote_marks(self.quote_pairs)
        self.clause_only: Set[str] = set(lexicon["clause_only_verbs"])
        self.quote_only: Set[str] = set(lexicon["quote_only_verbs"])
        self.phrasal_preps: Dict[str, Set[str]] = {k: set(v) for k, v in lexicon["phrasal_preps"].items()}
        self.nested_in_quotes: bool = lexicon["nested_in_quotes"]
        self.continue_next_sentence: bool = lexicon.get("continue_next_sentence", False)
        self.nested_in_content: bool = lexicon.get("nested_in_content", True)
        self.trailing_clause_marks: Set[str] = set(lexicon["trailing_clause_marks"])
        self.floating_min_tokens: int = lexicon["floating_quote_min_tokens"]
        self.floating_min_coverage: float = lexicon["floating_quote_min_coverage"]
        self.non_claim = [re.compile(pattern, re.IGNORECASE) for pattern in lexicon["non_claim_content"]]
        self.frames: Dict[str, Dict[str, Set[str]]] = {
            verb: {key: set(values) for key, values in frame.items()} for verb, frame in lexicon["frame_verbs"].items()
        }
        self.verb_forms = inflect(self.verbs, lexicon["irregular_verb_forms"])
        self.lemma_exceptions: Dict[str, List[str]] = lexicon.get("lemma_exceptions", {})
        self.cue_left_deps: Set[str] = set(lexicon.get("cue_left_deps", ()))
        self.infinitive_verbs: Set[str] = set(lexicon.get("infinitive_verbs", ()))
        self.agent_verbs: Set[str] = set(lexicon.get("agent_verbs", ()))
        self.passive_subject_speaks: Set[str] = set(lexicon.get("passive_subject_speaks", ()))
        self.infinitive_nouns: Set[str] = set(lexicon.get("infinitive_nouns", ()))
        self.stance_adjectives: Set[str] = set(lexicon.get("stance_adjectives", ()))
        self.raising_verbs: Set[str] = set(lexicon.get("raising_verbs", ()))
        self.reported_auxiliaries: Set[str] = set(lexicon.get("reported_auxiliaries", ()))
        self.hearsay_verbs: Set[str] = set(lexicon.get("hearsay_verbs", ()))
        self.token_cue_words: Set[str] = self.verbs | self.nouns | self.infinitive_nouns | self.hearsay_verbs
        """Lemmas at which :meth:`_token_claims` can read a claim (besides stance adjectives and phrase cues)."""
        self.refusal_verbs: Set[str] = set(lexicon.get("refusal_verbs", ()))
        self.rarely_reporting: Set[str] = set(lexicon.get("rarely_reporting_verbs", ()))
        self.inverted_tag_verbs: Set[str] = set(lexicon.get("inverted_tag_verbs", ()))
        self.tidy_lexicon = TidyLexicon(
            subject_speaks=self.passive_subject_speaks | self.stance_adjectives, raising=self.raising_verbs, refusals=self.refusal_verbs,
            topic_preps=self.complement_preps,
            cue_lemmas=self.cue_lemmas, host_preps=self.host_preps, host_nouns=self.nouns,
            addressee_verbs=self.addressee_verbs, governors=self.raising_verbs | set(lexicon.get("aspect_verbs", ())),
            cited_sources=set(lexicon.get("cited_source_heads", ())), outlets=set(lexicon.get("reporting_outlet_nouns", ())))
        self.question_verbs: Set[str] = set(lexicon.get("question_verbs", ()))
        self.discourse_openers: Set[str] = set(lexicon.get("discourse_openers", ()))
        self.content_attitudes: Set[str] = set(lexicon.get("content_attitudes", ()))
        self.attitude_holders: Set[str] = set(lexicon.get("attitude_holders", ()))
        self.transcript_non_speakers: Set[str] = {label.upper() for label in lexicon.get("transcript_non_speakers", ())}
        self.matcher = Matcher(self.vocab)
        for label, patterns in lexicon["phrases"].items():
            self.matcher.add(label, patterns)

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        found = self.find_claims(doc)
        if self.existing_claims == "combine":
            model = [claim for claim in doc._.claims if not self._is_non_claim(doc, claim)]
            found = combine_claims(doc, model, found, self.cue_lemmas, self.addressee_verbs, self.rarely_reporting,
                                   lambda start, end: closing_narration(doc, start, end))
        doc._.claims = tidy_claims(doc, found, self.tidy_lexicon)
        return doc

    # ------------------------------------------------------------------ detection
    def find_claims(self, doc: Doc) -> List[Claim]:
        furniture = token_set(doc, FURNITURE_SPANS)
        headlines = list(doc.spans[HEADLINE_SPANS]) if HEADLINE_SPANS in doc.spans else []
        headline_tokens = {t.i for span in headlines for t in span}
        regions = self._quote_spans(doc)
        phrase_cues = self._phrase_cues(doc)
        inside_phrases = {i for _, (start, end) in phrase_cues.values() for i in range(start, end)} - set(phrase_cues)
        found: List[Candidate] = []
        quoted = set() if self.nested_in_quotes else {t.i for region in regions for t in region}
        for token in self._cue_candidates(doc, phrase_cues):
            if token.i in furniture or token.i in headline_tokens or token.i in inside_phrases or token.i in quoted:
                continue
            found.extend(self._token_claims(token, regions, phrase_cues))
        for headline in headlines:
            found.extend(self._headline_claims(headline))
        found.extend(self._transcript_turns(doc, furniture | headline_tokens))
        found = self._attach_continuations(doc, found, regions, furniture | headline_tokens)
        used = {t for candidate in found for start, end in candidate.pieces for t in range(start, end)}
        found.extend(self._verbless_quote_claims(doc, regions, used, furniture | headline_tokens))
        found.extend(self._trailing_tag_claims(doc, found, furniture | headline_tokens))
        found = dedupe(found)
        if not self.nested_in_content:
            found = drop_nested(found, lambda start, end: closing_narration(doc, start, end))
        made = [self._make_claim(doc, candidate, regions, furniture) for candidate in found]
        claims = [claim for claim in made if claim is not None and not self._is_non_claim(doc, claim)]
        claims = [claim for claim in claims if not self._attitude_in_content(doc, claim, claims)]
        return [without_reporting_tag(doc, claim, claims) for claim in claims]

    def _is_non_claim(self, doc: Doc, claim: Claim) -> bool:
        """"who asked not to be named": formulas about the source, not things it said. The cue is
        searched too: a trained model tags "asked not to be named" as the cue of the reason that
        follows ("because the talks were private"). A noun phrase content is read whole, as a
        tagger may stop short inside the formula ("did not respond to | a request | for comment").
        A question put to the subject ("Asked whether ..., she said") is no claim either
        (:meth:`_is_put_question`), nor a connective ("That said, ...": :meth:`_in_discourse_opener`),
        nor a colon after a label of the page's furniture in any case ("Correction: An earlier
        version ...", "Video: ..."; lexicon ``transcript_non_speakers``), which a tagger reads as
        a speaker's."""
        texts = [claim.cue.text, *(self._whole_noun_phrase(doc, piece) for piece in claim.content[:1])]
        return (any(pattern.search(text) for pattern in self.non_claim for text in texts) or self._is_put_question(doc, claim)
                or self._in_discourse_opener(doc, claim) or self._furniture_label(doc, claim))

    def _furniture_label(self, doc: Doc, claim: Claim) -> bool:
        """Whether the claim's cue is a colon after nothing but a label of the page's furniture on
        its line."""
        cue = claim.cue.to_span(doc) if claim.cue.text.strip() == ":" else None
        if cue is None or not len(cue):
            return False
        start = max(doc.text.rfind("\n", 0, claim.cue.start) + 1, cue.sent.start_char)
        return doc.text[start:claim.cue.start].strip(" [(").upper() in self.transcript_non_speakers

    def _attitude_in_content(self, doc: Doc, claim: Claim, claims: List[Claim]) -> bool:
        """Whether the claim's cue is an attitude with no subject of its own coordinated inside
        another claim's content (:meth:`_coordinated_cues`): part of what was said, no claim."""
        root = cue_root(doc, claim)
        if root is None or not self._content_attitude(root):
            return False
        return any(other is not claim and any(p.start <= root.idx < p.end for p in other.content) for other in claims)

    def _content_attitude(self, verb: Token) -> bool:
        """Whether a coordinated verb is an attitude held by the subject of the clause it is
        coordinated with (lexicon ``content_attitudes``): joined by a bare "and" (no comma, no
        "but": "said sales had fallen but expected a strong Christmas" is the speaker's own
        expectation), no subject of its own, and that clause's subject someone who can hold it
        (a person, a body, a pronoun: "the bank", "it"; lexicon ``attitude_holders``; "said
        inflation had peaked and believed ..." is the speaker's belief)."""
        if verb.dep_ != "conj" or verb.lemma_.lower() not in self.content_attitudes or has_subject(verb):
            return False
        joins = [c for c in verb.head.children if c.i < verb.i and c.dep_ in ("cc", "punct") and c.i > verb.head.i]
        if [c.lower_ for c in joins] != ["and"]:
            return False
        clause = verb.head
        while not has_subject(clause) and clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
            clause = clause.head  # "the company hoped to resume flights and expected": the company's
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and (subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in AGENT_ENTITIES
                                        or subject.lemma_.lower() in self.attitude_holders)

    def _in_discourse_opener(self, doc: Doc, claim: Claim) -> bool:
        """Whether the cue lies in a connective opening its sentence before a comma ("That said,
        rivals fared little better": lexicon ``discourse_openers``), which reports nothing."""
        cue = claim.cue.to_span(doc)
        if cue is None or not len(cue):
            return False
        sentence = cue.sent
        comma = next((t for t in doc[sentence.start:min(sentence.end, cue.end + 2)] if t.text == "," and t.i >= cue.end), None)
        opener = doc[sentence.start:comma.i].text.lower().strip() if comma is not None else ""
        return opener in self.discourse_openers

    @staticmethod
    def _whole_noun_phrase(doc: Doc, piece: TextSpan) -> str:
        """A content piece's text, run on to the end of its noun phrase's prepositional and
        participial modifiers when it is one ("a | request for comment", "calls seeking
        comment"), not into a relative clause ("emails in which he commented on the case")."""
        if len(piece.text.split()) > MAX_FORMULA_START_WORDS:
            return piece.text  # a longer piece holds its noun, and the formula's start, already
        span = piece.to_span(doc)
        if span is None or not len(span):
            return piece.text
        head = span.root
        while head.dep_ in ("det", "amod", "compound", "poss", "nummod") and head.head.i > head.i:
            head = head.head  # "a | request for comment": the piece stops inside the phrase
        if head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return piece.text
        modifiers = [c.right_edge for c in head.children if c.dep_ in ("prep", "acl") and c.i > head.i]
        end = max([head] + modifiers, key=lambda t: t.i)  # "for comment", "seeking comment"; no relative clause
        return doc[span.start:max(span.end, end.i + 1)].text

    def _is_put_question(self, doc: Doc, claim: Claim) -> bool:
        """Whether the cue is a bare past participle of a question verb (``question_verbs``):
        "Asked whether she had regrets, she replied ..." reports the reporter's question, not a
        claim of hers; "She was asked whether ..." (with its auxiliary) is left alone."""
        cue = claim.cue.to_span(doc)
        if cue is None or not len(cue):
            return False
        verb = cue.root
        return (verb.tag_ == "VBN" and verb.lemma_.lower() in self.question_verbs
                and not any(child.dep_ in ("aux", "auxpass") for child in verb.children))

    def _cue_candidates(self, doc: Doc, phrase_cues: Dict[int, PhraseCue]) -> List[Token]:
        """The tokens :meth:`_token_claims` can read a claim at, in order: a lemma of the lexicon's
        cue words, a stance adjective, or the anchor of a phrase cue. Found on the document's
        arrays, each distinct word looked up once: a Python call for every token is what a
        detector pass costs most."""
        if not len(doc):
            return []
        strings = doc.vocab.strings
        values = doc.to_array([LEMMA, LOWER])
        lemmas = [h for h in numpy.unique(values[:, 0]) if strings[int(h)].lower() in self.token_cue_words]
        forms = [h for h in numpy.unique(values[:, 1]) if strings[int(h)] in self.stance_adjectives]
        found = numpy.isin(values[:, 0], lemmas) | numpy.isin(values[:, 1], forms)
        indices = set(numpy.flatnonzero(found).tolist()) | set(phrase_cues)
        return [doc[i] for i in sorted(indices)]

    def _token_claims(self, token: Token, regions: List[Span], phrase_cues: Dict[int, PhraseCue]) -> List[Candidate]:
        if token.i in phrase_cues and phrase_cues[token.i].label == "according_to":
            return self._according_to(token, phrase_cues[token.i].cue)
        lemma = token.lemma_.lower()
        if (lemma in self.verbs and token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") and lemma in self.verbs
                or self._is_hearsay(token)):
            cue = phrase_cues[token.i].cue if token.i in phrase_cues else (token.i, token.i + 1)
            pieces = self._verb_content(token, regions)
            cue = self._cue_with_modifiers(token, self._cue_with_particles(token, cue))
            return [Candidate(cue, pieces, "")] if pieces else []
        if token.lower_ in self.stance_adjectives and (token.dep_ == "acomp" or token.tag_ == "VBN"):
            return self._stance_claims(token)
        if lemma in self.infinitive_nouns and token.pos_ == "NOUN":
            intention = self._held_intention(token)
            if intention:
                return [Candidate((token.i, token.i + 1), intention, "")]
        if lemma in self.nouns and token.pos_ in ("NOUN", "PROPN"):
            pieces = self._noun_content(token)
            host = self._hosting_verb(token)
            cue = self._cue_with_modifiers(host, (host.i, host.i + 1)) if host is not None else (token.i, token.i + 1)
            return [Candidate(cue, pieces, "")] if pieces else []
        return []

    def _hosting_verb(self, noun: Token) -> Optional[Token]:
        """"said in a statement that ...": the parser hangs the clause on the noun; the verb is the cue."""
        prep = noun.head
        if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in self.host_preps:
            verb = prep.head
            if verb.lemma_.lower() in self.verbs and verb.pos_ in ("VERB", "AUX") and not has_clause(verb):
                return verb
        return None

    def correct_lemmas(self, ruler: Any) -> None:
        """Teach the base pipeline's ``attribute_ruler`` (which runs before its lemmatizer, and the
        rule lemmatizer keeps a lemma already set) the reporting verbs' forms its lemmatizer
        misreads (lexicon ``lemma_exceptions``: "hopes" -> "hop"), as verb-tag exceptions, so
        that this detector, the speaker linker and any later component read the right lemma.
        Adding them twice (a pipeline saved with them and loaded again) adds nothing."""
        present = {json.dumps(p["patterns"], sort_keys=True) for p in ruler.patterns}
        for lemma, forms in sorted(self.lemma_exceptions.items()):
            pattern = [[{"LOWER": {"IN": sorted(forms)}, "TAG": {"IN": ["VBD", "VBG", "VBN", "VBP", "VBZ"]}}]]
            if json.dumps(pattern, sort_keys=True) not in present:
                ruler.add(pattern, {"LEMMA": lemma})

    # -- verbs
    def _verb_content(self, verb: Token, regions: List[Span]) -> List[Piece]:
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        if lemma in self.frames:
            return self._frame_content(verb, self.frames[lemma])
        if self.skip_negated and any(c.dep_ == "neg" for c in children) and not has_clause(verb):
            return []
        if verb.dep_ == "amod" or verb.dep_ == "acl" and not has_clause(verb) and not self._adjacent_quotes(verb, regions):
            return []
        if lemma in self.agent_verbs and not is_agentive(verb):
            return []
        infinitive = (lemma in self.infinitive_verbs and any(is_infinitive_complement(c) for c in children)
                      or self._is_hearsay(verb))
        if lemma in self.clause_only and not any(c.dep_ == "ccomp" for c in children) and not infinitive:
            return []
        if lemma in self.quote_only:
            return [(q.start, q.end) for q in self._adjacent_quotes(verb, regions)]
        if is_to_infinitive(verb) and not has_clause(verb):
            return []
        if is_passive_modifier(verb) and not has_clause(verb):
            return []
        if is_agentless_passive(verb) and not has_clause(verb) and lemma not in self.passive_content_verbs:
            return []
        heads = [c for c in children if c.dep_ in CONTENT_CLAUSE_DEPS and not is_subject_like(c) and not self._tag_under(c)]
        block = block_quote(verb) if not heads else None
        if block is not None:
            return [block]
        preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in self.complement_preps.get(lemma, ())
                 and not is_time_phrase(c)]
        objects = [c for c in children if c.dep_ in OBJECT_DEPS and not is_stranded_wh_object(c, verb)]
        clauses = [h for h in heads if h.dep_ == "ccomp"]
        if lemma in self.addressee_verbs and not clauses:
            clauses = self._clause_under_addressee(objects)
            heads += clauses
        if lemma in self.addressee_verbs and (clauses or self._adjacent_quotes(verb, regions)):
            objects = []
        elif clauses:
            objects = [o for o in objects if o.dep_ != "dative" and not is_addressee(o, clauses)]
        elif not heads and lemma not in self.object_verbs and not preps and not any(o.dep_ == "oprd" for o in objects):
            objects = []
        if preps and not objects and not heads:
            preps = [c for prep in preps for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        content = heads + preps + objects + self._second_complements(verb, clauses)
        if verb.dep_ == "parataxis" and not heads and has_subject(verb):
            return self._parataxis_content(verb)
        if verb.dep_ == "relcl":
            return self._relative_content(verb, content)
        exclude = cue_clause(verb, content) | self._appended_clauses(content)
        if is_trailing_cue(verb, heads, self.addressee_verbs):
            boundary = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
            return runs([t for t in verb.sent if t.i < boundary and not t.is_space]) + self._continued_clauses(verb)
        pieces = [clip_speaker_tag(verb, piece, regions) for piece in pieces_of(verb.doc, content, exclude=exclude)]
        if all(any(r.start <= s and e <= r.end + 1 for r in regions) for s, e in pieces):
            pieces = merge(pieces + [(q.start, q.end) for q in self._adjacent_quotes(verb, regions)])
        return pieces

    def _tag_under(self, clause: Token) -> bool:
        """Whether a complement clause is a speaker tag of the verb's own clause (:func:`is_tag_under_content`)."""
        return clause.lemma_.lower() in self.cue_lemmas and is_tag_under_content(clause, self.addressee_verbs)

    def _clause_under_addressee(self, objects: List[Token]) -> List[Token]:
        """"told a meeting of Pacific leaders that few people understood": the parser hangs the
        content clause on the addressee as a relative clause; opened by a complementiser that is no
        argument of it (``mark``) and with a subject of its own, it is what was told."""
        return [
            token for obj in objects for token in obj.subtree
            if token.dep_ in ("relcl", "acl") and token.left_edge.dep_ == "mark"
            and is_complement_clause(token, self.complementisers)
        ][:1]

    def _is_hearsay(self, verb: Token) -> bool:
        """"is understood to ...": a belief verb of the lexicon (``hearsay_verbs``) in the passive
        with a to-infinitive (:func:`is_hearsay_passive`)."""
        return verb.lemma_.lower() in self.hearsay_verbs and is_hearsay_passive(verb)

    def _second_complements(self, verb: Token, clauses: List[Token]) -> List[Token]:
        """"said it had received the letter, but that its board had concluded ...": a clause opened
        by a complementiser after the cue's complement clause is a second complement, though the
        parser coordinates it with the cue itself; it comes with the comma and conjunction that
        join it to the first. So is a predicate without a subject opened by an auxiliary of
        reported speech (lexicon ``reported_auxiliaries``: "said it was shocked and would ask the
        company to ...", "and had asked"), which the cue itself does not carry: it shares the
        content's subject, not the speaker's ("said it was shocked and left" is an act)."""
        if not clauses:
            return []
        end = max(clause.right_edge.i for clause in clauses) + 1
        found: List[Token] = []
        for child in verb.children:
            if child.dep_ == "conj" and child.i >= end and (any(
                    mark.dep_ == "mark" and mark.lower_ in self.complementisers for mark in child.children)
                    or self._reported_predicate(verb, child)):
                found += [t for t in verb.doc[end:child.left_edge.i] if t.head.i == verb.i and t.dep_ in ("cc", "punct")]
                found.append(child)
        return found

    def _reported_predicate(self, verb: Token, conjunct: Token) -> bool:
        """Whether a conjunct of the cue is a predicate of its content (:meth:`_second_complements`)."""
        def opening(token: Token) -> Optional[Token]:
            return next((c for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i), None)
        first, own = opening(conjunct), opening(verb)
        return (first is not None and first.lower_ in self.reported_auxiliaries and not has_subject(conjunct)
                and (own is None or own.lower_ not in self.reported_auxiliaries))

    def _continued_clauses(self, verb: Token) -> List[Piece]:
        """"A, he said, but B": a clause with its own subject coordinated after an inserted cue
        goes on with what was said (the parser hangs it on the cue). Not when it reports itself
        ("..., he said, and she agreed")."""
        return [(child.left_edge.i, child.right_edge.i + 1) for child in verb.children
                if child.dep_ == "conj" and child.i > verb.i and has_subject(child)
                and child.lemma_.lower() not in self.verbs]

    def _frame_content(self, verb: Token, frame: Dict[str, Set[str]]) -> List[Piece]:
        """"put the death toll at nine": a verb that reports only with a given object and preposition."""
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in frame["objects"]]
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in frame["preps"]]
        return pieces_of(verb.doc, objects + preps, exclude=set()) if objects and preps else []

    def _appended_clauses(self, content: List[Token]) -> Set[int]:
        """Clauses tacked on after a comma that are not part of what was said.

        ", describing the operation as ..." is a claim of its own (a participial cue), and
        ", though officials declined ..." is usually the reporter's aside; the parser often hangs
        both inside the content clause.
        """
        marks = self.trailing_clause_marks
        excluded: Set[int] = set()
        for head in content:
            for token in head.subtree:
                if token.dep_ != "advcl" or token.i == head.i or not after_comma(token):
                    continue
                participle = token.tag_ == "VBG" and token.lemma_.lower() in self.verbs
                concessive = any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)
                if participle or concessive:
                    excluded |= {t.i for t in token.subtree}
            excluded |= self._coordinated_cues(head)
        return excluded

    def _coordinated_cues(self, head: Token) -> Set[int]:
        """"said X and urged Y": the parser often coordinates "urged" inside X; it is a claim of its
        own. An attitude coordinated there ("said the bank would offer jobs and expected most cuts to
        be voluntary": lexicon ``content_attitudes``) goes on with what was said, and so does a
        predicate opened by an auxiliary of reported speech ("said it was shocked and would ask
        the company to ...": :meth:`_reported_predicate`)."""
        excluded: Set[int] = set()
        for token in head.subtree:
            if token.dep_ == "conj" and token.i != head.i and token.lemma_.lower() in self.verbs and not has_subject(token) and (
                    not self._content_attitude(token)) and not self._reported_predicate(head.head, token):
                conjunctions = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
                start = max(conjunctions) if conjunctions else token.left_edge.i
                excluded |= set(range(start, token.right_edge.i + 1))
        return excluded

    def _parataxis_content(self, verb: Token) -> List[Piece]:
        """"The action, he said, was a response": the host clause minus the inserted cue clause,
        and minus a reporting participle or clause tacked on after it ("..., one of the people
        said, asking not to be identified", "..., and the opposition agreed"), which the parser
        often hangs on the host."""
        host = verb.head
        exclude = {t.i for t in verb.subtree}
        for child in host.children:
            if child.i < verb.i or child.lemma_.lower() not in self.verbs:
                continue
            participle = child.tag_ == "VBG" and after_comma(child)
            reporting_clause = child.dep_ == "conj" and has_subject(child)  # "..., and the opposition agreed"
            if participle or reporting_clause:
                exclude |= {t.i for t in child.subtree}
        return pieces_of(verb.doc, [host], exclude=exclude)

    def _relative_content(self, verb: Token, content: List[Token]) -> List[Piece]:
        """"his hands, which he said were at his side", "a delay, which Virtanen denied": the
        relative pronoun is the content's first piece, as the clause words it (PolNeAR and the
        project's guidelines mark "which | were at his side", "which"); the antecedent stands for
        the object a relative clause leaves out ("the report the agency published"), unless that
        noun only hangs on the clause before as an adverbial noun: "..., the newspaper El País
        reported" is a speaker tag the parser read as a relative clause (the tag reading takes it)."""
        inside = {t.i for c in content for t in c.subtree}
        relative = [t for t in verb.subtree if (t.tag_ in ("WDT", "WP") or t.lower_ in self.relative_pronouns) and t.i < verb.i]
        relative = [t for t in relative if t.i in inside or t.dep_ in ("dobj", "nsubjpass")]
        others = [c for c in content if c not in relative]
        gap = (not content and verb.lemma_.lower() in self.object_verbs and not any(c.dep_ == "dobj" for c in verb.children)
               and verb.head.dep_ != "npadvmod")  # "..., the newspaper El País reported": a tag the parser misread
        if not relative and not others and not gap:
            return []
        antecedent = verb.head
        antecedent_tokens = [t for t in antecedent.subtree if t.i < verb.left_edge.i and not t.is_punct]
        pieces = pieces_of(verb.doc, others, exclude={t.i for t in relative}) if others else []
        if relative:
            return sorted([(relative[0].i, relative[0].i + 1)] + pieces)
        if gap and antecedent_tokens:
            pieces = [(antecedent_tokens[0].i, antecedent_tokens[-1].i + 1)] + pieces
        return pieces

    def _cue_with_particles(self, verb: Token, cue: Piece) -> Piece:
        """Phrasal cues keep their particle ("pointed out", "called for"), not a preposition of time
        ("insisted | on Saturday that ...")."""
        start, end = cue
        phrasal = self.phrasal_preps.get(verb.lemma_.lower(), set())
        for child in verb.rights:
            if child.dep_ == "prt" and child.i == end or (
                    child.dep_ == "prep" and child.i == end and child.lower_ in phrasal and not is_time_phrase(child)):
                end = child.i + 1
        return start, end

    def _cue_with_modifiers(self, verb: Token, cue: Piece) -> Piece:
        """"has also said", "don't expect": the verb's own auxiliaries, negation and adverbs standing
        directly before it join the cue (lexicon ``cue_left_deps``; empty = bare-verb cues), not a
        name the tagger read as an adverb ("Hearthly said": :func:`name_read_as_adverb`)."""
        start, end = cue
        if not self.cue_left_deps:
            return cue
        own = {t.i for c in verb.children if c.i < verb.i and c.dep_ in self.cue_left_deps
               and c.tag_ not in ("WRB", "WDT", "WP") and not name_read_as_adverb(c) for t in c.subtree}
        while start > 0 and start - 1 in own:
            start -= 1
        return start, end

    def _adjacent_quotes(self, verb: Token, regions: List[Span]) -> List[Span]:
        """Quotations directly before ("“...,” she said") and after ("He said: “...”") the cue clause.

        The cue clause is the run of unquoted tokens around the verb; a quotation counts when it
        touches that run and the run holds only the cue's own words and punctuation.
        """
        if inside(verb.i, regions):
            return []
        doc, sentence = verb.doc, verb.sent
        left, right = verb.i, verb.i
        while left > sentence.start and not inside(left - 1, regions):
            left -= 1
        while right < sentence.end - 1 and not inside(right + 1, regions):
            right += 1
        own = {t.i for t in verb.subtree}
        while right + 1 < len(doc) and doc[right + 1].is_space and doc[right].text == ":":
            right += 1
        adjacent = []
        for region in regions:
            between = doc[region.end:verb.i] if region.end == left else doc[verb.i + 1:region.start] if region.start == right + 1 else None
            if between is None or not all(t.i in own or t.is_punct or t.is_space for t in between):
                continue
            if region.end == left and quote_leads_into(region, doc[left:verb.i]):
                adjacent.append(region)
            elif region.start == right + 1 and (doc[right].text in (":", ",") or doc[right].is_space and doc[right - 1].text == ":"):
                adjacent.append(region)
        return adjacent

    # -- nouns
    def _noun_content(self, noun: Token) -> List[Piece]:
        """"claims that ...", "claims of seizing outposts": a noun cue needs a clause or gerund."""
        heads = []
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and is_complement_clause(child, self.complementisers):
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in self.noun_preps:
                objects = [g for g in child.children if g.dep_ in ("pcomp", "pobj")]
                if any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in objects):
                    heads.extend(objects)
        return pieces_of(noun.doc, heads, exclude={noun.i})

    def _stance_claims(self, adjective: Token) -> List[Candidate]:
        """"Investors are worried that rates will rise": the copula and the adjective are the cue,
        its clause the content, when the copula has a subject other than an empty "it". The parser
        reads some such adjectives as passive participles ("Protesters were frustrated that ..."):
        the same, with the passive auxiliary for the copula."""
        passive = adjective.dep_ != "acomp"
        copula = next((c for c in adjective.children if c.dep_ == "auxpass"), None) if passive else adjective.head
        holder = adjective if passive else copula
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "this", "that", "there")] if copula is not None else []
        clauses = [c for c in adjective.children if c.dep_ == "ccomp"]
        if not subjects or not clauses or copula.i > adjective.i:
            return []
        holder_range = (subjects[0].left_edge.i, subjects[0].right_edge.i + 1) if passive else None  # the parse calls it a patient
        return [Candidate((copula.i, adjective.i + 1), pieces_of(adjective.doc, clauses, exclude=set()), "", holder_range)]

    def _held_intention(self, noun: Token) -> List[Piece]:
        """"the union's threat to strike": an intention noun with a possessor (its holder, the
        source) and a to-infinitive clause (the content, "to" included)."""
        if not any(child.dep_ == "poss" for child in noun.children):
            return []
        clauses = [child for child in noun.children if child.dep_ == "acl" and child.i > noun.i and is_to_infinitive(child)]
        return pieces_of(noun.doc, clauses[:1], exclude=set()) if clauses else []

    # -- phrases
    def _phrase_cues(self, doc: Doc) -> Dict[int, PhraseCue]:
        """Token index -> phrase cue, for multi-word cues found by the Matcher."""
        cues: Dict[int, PhraseCue] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            anchor = start if label == "according_to" else end - 1
            cue = (start, end) if label == "according_to" else self._cue_with_modifiers(doc[start], (start, end))
            cues[anchor] = PhraseCue(label, cue)  # "was | quoted as saying"
        return cues

    def _according_to(self, according: Token, cue: Piece) -> List[Candidate]:
        """The rest of the sentence is the content; the object of "to" is the source, and its
        apposition describes it (:func:`source_apposition`) unless nothing else would be left."""
        sentence = according.sent
        to_token = according.doc[cue[1] - 1]
        if according.dep_ == "ROOT":
            # no verb governs the phrase: the parser took the content's verb for a noun ("According
            # to Rush Limbaugh, the move reeks of ..."); the source ends at the first comma
            phrase = set(range(cue[0], source_end(to_token)))
        else:
            phrase = set(t.i for t in according.subtree) | set(range(*cue)) | {t.i for t in to_token.subtree}
        rest = [t for t in sentence if t.i not in phrase]
        apposition = set(source_apposition(according.doc, max(phrase) + 1, sentence.end))
        if any(t.i not in apposition and not (t.is_punct or t.is_space) for t in rest):
            rest = [t for t in rest if t.i not in apposition]
        pieces = runs(rest)
        return [Candidate(cue, pieces, "according_to")] if pieces else []

    # -- headlines
    def _headline_claims(self, headline: Span) -> List[Candidate]:
        """"Pakistan Vows ‘Full Force’ Response", "Minister: prices will fall", one per clause."""
        found = []
        for segment in headline_segments(headline):
            claim = self._headline_segment_claim(segment)
            if claim is not None:
                found.append(claim)
        return found

    def _headline_segment_claim(self, segment: Span) -> Optional[Candidate]:
        return (self._headline_colon_tag(segment) or self._headline_leading_cue(segment) or self._headline_trailing_tag(segment)
                or self._headline_second_clause(segment) or self._headline_shared_subject(segment))

    def _headline_shared_subject(self, segment: Span) -> Optional[Candidate]:
        """"Activist Harrowgate builds stake in Veldhoven, says group should be broken up": after a
        comma after a second verb, a cue, shares the first clause's subject, which is its speaker; the
        clause after the cue, or an object verb's noun phrase ("Nordvind scraps wind farm, blames
        costs"), is the content. Tried after the inverted tags ("..., warns regulator")."""
        doc = segment.doc
        verb = next((t for t in segment[1:] if t.pos_ in ("VERB", "AUX") or self._misread_verb(t, segment)), None)
        if verb is None or not is_headline_subject(doc[segment.start:verb.i], self.headline_clause_words):
            return None
        for comma in (t for t in segment if t.i > verb.i and t.text == "," and t.i + 2 < segment.end):
            cue = doc[comma.i + 1]
            rest = [t for t in segment if t.i > cue.i]
            words = [t for t in rest if not (t.is_punct or t.is_space)]
            clause = any(t.pos_ in ("VERB", "AUX") for t in rest) or len(words) > 1 and predicate_word(words[-1])  # "says demand strong"
            if cue.lower_ in self.verb_forms and cue.tag_ in FINITE_TAGS and (clause or cue.lemma_.lower() in self.object_verbs):
                pieces = runs(rest)
                return Candidate((cue.i, cue.i + 1), pieces, "headline", (segment.start, verb.i)) if pieces else None
        return None

    @staticmethod
    def _misread_verb(token: Token, segment: Span) -> bool:
        """Whether ``token`` is the headline's first verb read as a plural noun, shown by a cue after
        a comma sharing its subject (:func:`misread_headline_verb`)."""
        doc = segment.doc
        return any(misread_headline_verb(token, doc[t.i + 1]) for t in segment if t.text == "," and t.i + 1 < segment.end)

    def _headline_second_clause(self, segment: Span) -> Optional[Candidate]:
        """"Blood test spots cancer earlier, but doctors urge caution", "Growers count cost of frost
        as ministry promises help": a headline that reports nothing in its first clause may report
        in a second one that "as", "while" or "but" links to it, with its own speaker first. Tried
        only when the whole headline is no claim, so a reported "as" clause stays in its content."""
        for token in segment[1:-2]:
            if token.lower_ in HEADLINE_CLAUSE_LINKS and segment.doc[token.i + 1].pos_ in TAG_CLAUSE_OPENERS:
                found = self._headline_leading_cue(segment.doc[token.i + 1:segment.end])
                return found._replace(source=(token.i + 1, found.cue[0])) if found is not None else None
        return None

    def _headline_trailing_tag(self, segment: Span) -> Optional[Candidate]:
        """"Shares slump 9%, analysts say", "Drug may fail some patients, study finds": the speaker
        and cue close the headline after a comma, and everything before the comma is the content;
        so do an inverted cue and speaker ("Water bills set to rise, warns regulator")."""
        words = [t for t in segment if not (t.is_punct or t.is_space)]
        if len(words) < 3:
            return None
        comma = next((t for t in reversed(segment) if t.text == ","), None)
        if comma is None or comma.i == segment.start or comma.i + 2 > words[-1].i:
            return None
        tag = [t for t in words if t.i > comma.i]
        if tag[-1].lower_ in self.verb_forms:
            cue, speaker = tag[-1], segment.doc[comma.i + 1:tag[-1].i]
        elif tag[0].lemma_.lower() in self.inverted_tag_verbs and not predicate_word(tag[-1]):
            cue, speaker = tag[0], segment.doc[tag[0].i + 1:tag[-1].i + 1]  # "..., says cloud demand strong": a predicate, no speaker
        else:
            return None
        if any(t.pos_ in ("VERB", "AUX") and t.i != cue.i for t in speaker) or not is_headline_subject(speaker, self.headline_clause_words):
            return None
        pieces = runs([t for t in segment if t.i < comma.i])
        return Candidate((cue.i, cue.i + 1), pieces, "headline", (speaker.start, speaker.end))

    def _headline_colon_tag(self, segment: Span) -> Optional[Candidate]:
        """"Noise rules forced jazz festival out of old town: director", "Rents to rise 8%: study":
        a colon near the end of a headline followed by a few words with no verb that read as a
        speaker tags everything before it, whatever verbs the content holds (its own "rules" is
        no cue). The colon opening a headline ("Minister: prices will fall") is a leading cue."""
        words = [t for t in segment if not (t.is_punct or t.is_space)]
        colon = next((t for t in reversed(segment) if t.text == ":"), None)
        if colon is None or not words or colon.i <= words[0].i + 1 or colon.i > words[-1].i:
            return None
        speaker = segment.doc[colon.i + 1:words[-1].i + 1]
        if len(speaker) > 3 or any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in NUMERIC_ENTITIES or any(c.isdigit() for c in t.text)
                                   for t in speaker) or not is_headline_subject(speaker, self.headline_clause_words):
            return None  # "...: Monday", "...: N17": a date or a road, no speaker
        pieces = runs([t for t in segment if t.i < colon.i])
        return Candidate((colon.i, colon.i + 1), pieces, "headline", (speaker.start, speaker.end)) if pieces else None

    def _headline_leading_cue(self, segment: Span) -> Optional[Candidate]:
        """"Pakistan Vows ‘Full Force’ Response", "Minister: prices will fall": speaker, then cue."""
        doc = segment.doc
        for token in segment[1:-1]:
            if token.pos_ in ("VERB", "AUX") and token.lower_ not in self.verb_forms or self._misread_verb(token, segment):
                return None
            if token.dep_ == "amod" or token.pos_ == "ADJ":
                continue
            is_cue = token.lower_ in self.verb_forms or (token.text == ":" and token.i - segment.start <= MAX_SPEAKER_TAG_WORDS)
            if is_cue and is_headline_subject(doc[segment.start:token.i], self.headline_clause_words):
                pieces = runs([t for t in segment if t.i > token.i])
                return Candidate((token.i, token.i + 1), pieces, "headline") if pieces else None
        return None

    def _transcript_turns(self, doc: Doc, skip: Set[int]) -> List[Candidate]:
        """Turns of a transcript or interview ("PENCE: Well, look, ..."), each a direct claim cued
        by its colon; the speaker linker takes the label as the source. Lexicon
        ``transcript_non_speakers`` lists the capitalised labels that are furniture."""
        claims = []
        for line in text_lines(doc):
            turn = None if line.start in skip else transcript_turn(line, self.transcript_non_speakers)
            if turn is None:
                continue
            _, colon, content = turn
            words = [t for t in doc[content[0]:content[1]] if not (t.is_punct or t.is_space)]
            if len(words) >= self.floating_min_tokens:
                claims.append(Candidate((colon.i, colon.i + 1), [content], "direct"))
        return claims

    # -- quotations with no reporting verb
    def _is_floating(self, region: Span) -> bool:
        """A quotation that stands as its own sentence(s), long enough to be speech, not a title."""
        words = [t for t in region if not (t.is_punct or t.is_space)]
        return len(words) >= self.floating_min_tokens and coverage(region) >= self.floating_min_coverage

    def _attach_continuations(
        self, doc: Doc, found: List[Candidate], regions: List[Span], skip: Set[int]
    ) -> List[Candidate]:
        """"“A,” she said. “B.”": a quotation right after a quoted claim continues that claim. Right
        after the speaker tag any quotation standing as its own sentence does ("“Neither do I.”");
        one sentence further on it must be long enough to be speech (``_is_floating``)."""
        found = list(found)
        used = {t for candidate in found for start, end in candidate.pieces for t in range(start, end)}
        for region in regions:
            if any(t.i in used or t.i in skip for t in region) or coverage(region) < self.floating_min_coverage:
                continue
            if dash_or_colon_cue(doc, region) is not None:
                continue
            floating = self._is_floating(region)
            for index, candidate in enumerate(found):
                cue, pieces = candidate.cue, candidate.pieces
                end = max([cue[1]] + [e for _, e in pieces])
                quoted = any(r.start < e and s < r.end for s, e in pieces for r in regions)
                tag = quoted and speaker_tag_only(doc[end:region.start], regions)
                if end <= region.start and (tag or floating and self._next_sentence(doc, found, end, region)):
                    found[index] = candidate._replace(pieces=pieces + [(region.start, region.end)])
                    used |= {t.i for t in region}
                    break
        return found

    def _next_sentence(self, doc: Doc, found: List[Candidate], end: int, region: Span) -> bool:
        """"X praised the plan. “We need someone who ...”": a free-standing quotation in the sentence
        right after a claim, with no other cue in between, goes on with that claim (PolNeAR's
        convention: a speaker's consecutive quotations are one attribution). Lexicon
        ``continue_next_sentence``."""
        if not self.continue_next_sentence or end < 1:
            return False
        gap = doc[end:region.start]
        if any(start < region.start and end <= start for start, _ in (c.cue for c in found)):
            return False
        words = [t for t in gap if not (t.is_space or t.is_punct)]
        return all(t.sent.start == doc[end - 1].sent.start for t in words) and "\n\n\n" not in gap.text

    def _verbless_quote_claims(self, doc: Doc, regions: List[Span], used: Set[int], skip: Set[int]) -> List[Candidate]:
        """Quotations no verb claimed: "“...” - Name", "Name: “...”", or standing on their own."""
        claims = []
        for region in regions:
            if any(t.i in used or t.i in skip for t in region):
                continue
            if len([t for t in region if not (t.is_punct or t.is_space)]) < self.floating_min_tokens:
                continue
            cue = dash_or_colon_cue(doc, region)
            if cue is None and region.start > 0 and inverted_colon_tag(doc, region.start - 1, self.cue_lemmas) is not None:
                cue = doc[region.start - 1]  # "Added the mayor: “...”", tidied into cue and source
            if cue is None and not self._is_floating(region):
                continue
            cue_piece = (cue.i, cue.i + 1) if cue is not None else (region.start, region.start + 1)
            claims.append(Candidate(cue_piece, [(region.start, region.end)], "direct"))
        return claims

    # -- speaker tags the parse missed
    def _trailing_tag_claims(self, doc: Doc, found: List[Candidate], skip: Set[int]) -> List[Candidate]:
        """Sentence-final speaker tags ("..., the operator said on Tuesday.") whose cue no other
        construction took, read without the parse (:func:`trailing_tag`), when their clause is
        no other claim's content already."""
        cues = {t for candidate in found for t in range(*candidate.cue)}
        covered = {t for candidate in found for start, end in candidate.pieces for t in range(start, end)}
        claims = []
        for token in doc:
            if token.i in cues or token.i in skip or token.lemma_.lower() not in self.cue_lemmas:
                continue
            tag = trailing_tag(token)
            if tag is None:
                continue
            cue, source, (start, end) = tag
            clause = [t for t in range(start, end) if t not in skip]
            if clause and not any(t in covered or t in cues for t in clause):
                claims.append(Candidate(cue, [(clause[0], end)], "", source))
        return claims

    # -- assembly
    def _quote_spans(self, doc: Doc) -> List[Span]:
        spans = []
        for start, end in find_quote_regions(doc.text, self.quote_pairs):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans

    def _make_claim(self, doc: Doc, candidate: Candidate, regions: List[Span], furniture: Set[int]) -> Optional[Claim]:
        """The claim, or None when nothing but punctuation is left of its content."""
        cue = candidate.cue
        # a piece of punctuation alone (a closing mark the parser left on a verb whose words went
        # to a second report) says nothing, and must not grow into that report's quotation
        worded = [(start, end) for start, end in candidate.pieces if not all(t.is_punct or t.is_space for t in doc[start:end])]
        pieces = extend_to_quotes(worded, regions, cue)
        pieces = [run for start, end in pieces for run in runs([t for t in doc[start:end] if t.i not in furniture])]
        pieces = [p for p in (trim(doc, piece, self.marks) for piece in pieces) if p is not None]
        if not pieces or all(all(t.is_punct for t in doc[s:e]) for s, e in pieces):
            return None
        kind = candidate.kind or quote_kind(doc, pieces, regions)
        source = None
        if candidate.source is not None:
            mention = doc[candidate.source[0]:candidate.source[1]]
            source = Speaker(mention=TextSpan.from_span(mention), name=mention.text)
        return Claim(
            kind=kind,
            cue=TextSpan.from_span(doc[cue[0]:cue[1]]),
            content=[TextSpan.from_span(doc[start:end]) for start, end in pieces],
            speaker=source,
        )
