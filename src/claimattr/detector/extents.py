"""Final tidying of a claim's parts, whoever found the claim (rules or model).

Twenty rules of attribution annotation (PolNeAR's guidelines, which claimattr follows) that hold for
every claim and so are applied once, after detection and combination:

- the three parts do not overlap: a content never holds its own cue or its source. A tagger can
  run a content back over the preposition of a phrasal cue ("called for | for contestants to
  ...") or over the speaker; those edge tokens go;
- the cue keeps its "verb group": a preposition that links the cue to its content belongs to the
  cue ("complained about | the fees", "warned against | raising rates"), because the verb alone
  does not say how the content is attributed. Only a single preposition standing directly
  between cue and content is taken: adjuncts of time, place or medium ("said Friday in a
  statement") are left out, as annotators include them too inconsistently to gain anything;
- the subject of a passive cue is who the claim is about, not who makes it: in "Mr. Doe was
  accused of fraud" the accuser is unnamed, so the claim has no source ("was quoted as saying",
  whose subject is the speaker, is the exception, lexicon ``passive_subject_speaks``);
- that subject, and the subject of a raising verb with a verb complement ("Melania seems to have
  vanished"), opens the content as a piece of its own: the report is about it;
- in a relative clause the source is the relative pronoun ("the Farm Bureau, which said ..."):
  the mention is the word that fills the source slot of the cue, and resolving it to its
  antecedent is the speaker linker's job (the name), not the mention's;
- a source never holds another attribution: "Jeremy, who supports Sanders, says ..." is two
  claims, and the first one's source is "Jeremy", cut before the clause that carries the second
  one's cue;
- a cue holds its verb: a cue that stops at an auxiliary or adverb ("has | gone after") runs on
  to the verb it belongs to; it holds no addressee ("told | a conference call | that ...") and no
  preposition of time ("have warned | for years | that ..."); and
  it starts at the raising or aspect verb its to-infinitive hangs on ("seemed | to think");
- a source is a noun phrase: it ends with the phrase, before the cue's own adjuncts ("wrote
  analyst Tom Feeney | in a note to clients", "said Dana Whitfield, head of hardware, | at a
  launch event"), which a tagger tends to run on into. Whatever the parse attaches to the noun
  (an apposition, a relative clause) stays;
- a content does not end with the conjunction that opens the next clause ("would rise | -- and");
- the time of saying is no part of what was said: in "said last week he hoped ..." or "said on
  Monday it would ..." (no complementiser) the parser hangs the date on the complement clause, but
  a date standing straight after the cue tells when the cue happened, and a phrase naming the
  medium ("said in a statement it would ...") where. With "that" before it ("said that on Monday
  it would ...") the date stays in the content;
- a refusal to report is one cue with the report it refuses ("declined to say | whether ...");
- a content piece does not stop inside a noun phrase ("his early | -morning tweets"), and pieces
  with nothing but space between them are one piece: a tagger restarts spans mid-phrase;
- an unquoted content does not end with a non-restrictive relative clause (", which ...");
- an inverted tag before a colon ("Said Ellis: “...”", "Added the mayor: “...”") is cue and
  source: the reporting verb is the cue, the words after it the source;
- an unquoted content does not end with the medium of saying hung on the cue ("called for more
  school investment | in a statement");
- a content does not run on into a clause coordinated with it that has its own subject and
  another claim's cue ("haulage firms say the diversion adds 40 minutes, | and the chamber of
  commerce has estimated the cost at ..."): that clause is the other claim;
- a headline's tag after its content reports only the statement it closes: a semicolon joins
  separate statements ("Verlaine Group files for insolvency; | 1,900 jobs at risk, union says");
- a content ends before the tag of a claim that reports it ("The company said it had lost 2
  million dollars, | according to a filing"): the tag is the reporter's source for the whole
  report, not part of what the company said.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Collection, List, Mapping, NamedTuple, Optional, Sequence, Set

from spacy.tokens import Doc, Span, Token

from claimattr.detector.combination import cut_at, cue_root
from claimattr.detector.constructions import MAX_SPEAKER_TAG_WORDS, TIME_ENTITIES, inverted_colon_tag, is_time_object, is_time_phrase
from claimattr.quotes import CLOSING_QUOTES, OPENING_QUOTES
from claimattr.rules.syntax import name_read_as_adverb
from claimattr.schema import Claim, Speaker, TextSpan


def _source(doc: Doc, claim: Claim) -> Optional[Span]:
    """The claim's speaker mention in ``doc`` (None when it has none or it cannot be located)."""
    return claim.speaker.mention.to_span(doc) if claim.speaker is not None else None


def _tokens(doc: Doc, span: Optional[TextSpan]) -> Set[int]:
    """Token indices a character span covers (none for a missing span)."""
    located = span.to_span(doc) if span is not None else None
    return {token.i for token in located} if located is not None else set()


def _strip_edges(doc: Doc, piece: TextSpan, taken: Set[int]) -> Optional[TextSpan]:
    """The piece without tokens of ``taken`` (and the spaces next to them) at either edge."""
    span = piece.to_span(doc)
    if span is None:
        return piece
    start, end = span.start, span.end
    while start < end and (start in taken or doc[start].is_space):
        start += 1
    while end > start and (end - 1 in taken or doc[end - 1].is_space):
        end -= 1
    if (start, end) == (span.start, span.end):
        return piece
    return TextSpan.from_span(doc[start:end]) if end > start else None


def _has_word(piece: TextSpan) -> bool:
    """Whether a content piece holds a letter or digit (a stray quotation mark is no content)."""
    return any(char.isalnum() for char in piece.text)


def without_own_parts(doc: Doc, claim: Claim) -> Claim:
    """The claim with its cue and source tokens stripped from the edges of its content pieces, and
    without pieces that hold no word (a stray quotation mark); the claim unchanged when nothing
    would be left. A quotation mark standing for the cue of a quotation nobody introduces stays
    in the content it opens."""
    cue = _tokens(doc, claim.cue)
    if all(doc[i].is_punct for i in cue):
        cue = set()
    source = _source(doc, claim)
    taken = cue | ({token.i for token in source} if source is not None else set())
    pieces = [_strip_edges(doc, piece, taken) for piece in claim.content]
    kept: List[TextSpan] = [piece for piece in pieces if piece is not None and _has_word(piece)]
    if not kept or kept == claim.content:
        return claim
    return replace(claim, content=kept)


def _dangling_end(doc: Doc, start: int, end: int) -> int:
    """The end of ``doc[start:end]`` without a coordinating conjunction that closes it and the
    dashes, commas and spaces before that conjunction: "would be more intense -- and" stops at
    "intense". A conjunction joins two things, so one at the edge belongs to what follows, not to
    the content (a trained tagger often runs one token on)."""
    if end - start < 2 or doc[end - 1].dep_ != "cc":
        return end
    end -= 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    return end


def without_dangling_conjunction(doc: Doc, claim: Claim) -> Claim:
    """The claim with a closing coordinating conjunction cut off each content piece (see
    :func:`_dangling_end`)."""
    pieces = []
    for piece in claim.content:
        span = piece.to_span(doc)
        end = _dangling_end(doc, span.start, span.end) if span is not None else None
        pieces.append(piece if span is None or end == span.end else TextSpan.from_span(doc[span.start:end]))
    return claim if pieces == claim.content else replace(claim, content=pieces)


NOUN_PHRASE_MODIFIERS = ("amod", "compound", "nummod", "det", "poss", "nmod", "quantmod", "advmod")
"""Dependencies of a word that modifies a noun (or an adjective or number) standing after it."""


def _noun_phrase_end(doc: Doc, start: int, end: int, stop: int) -> int:
    """The end of ``doc[start:end]`` run on to the noun its last word modifies ("his early |
    -morning tweets" -> "his early-morning tweets"), but never to ``stop`` or beyond. A trained
    tagger sometimes stops inside a noun phrase; a phrase is said whole or not at all."""
    last = doc[end - 1]
    while (not last.is_punct and last.dep_ in NOUN_PHRASE_MODIFIERS and end <= last.head.i < stop
           and last.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
           and all(t.tag_ == "HYPH" or not (t.is_punct or t.is_space) for t in doc[end:last.head.i])):
        end, last = last.head.i + 1, last.head
    return end


def with_whole_noun_phrases(doc: Doc, claim: Claim) -> Claim:
    """The claim with each content piece that stops inside a noun phrase run on to the phrase's
    noun (see :func:`_noun_phrase_end`), up to the next piece, the cue or the source."""
    taken = _tokens(doc, claim.cue) | {token.i for token in (_source(doc, claim) or [])}
    spans = [piece.to_span(doc) for piece in claim.content]
    pieces = []
    for piece, span in zip(claim.content, spans):
        if span is None or not len(span):
            pieces.append(piece)
            continue
        stop = min([len(doc)] + [i for i in taken if i >= span.end] + [s.start for s in spans if s is not None and s.start >= span.end])
        end = _noun_phrase_end(doc, span.start, span.end, stop)
        pieces.append(piece if end == span.end else TextSpan.from_span(doc[span.start:end]))
    return claim if pieces == claim.content else replace(claim, content=pieces)


def with_joined_pieces(doc: Doc, claim: Claim) -> Claim:
    """The claim with content pieces that only space separates joined into one: nothing stands
    between them that could split what was said (a tagger that restarts a span mid-phrase, "her
    proposals | to increase national service")."""
    pieces: List[TextSpan] = []
    for piece in sorted(claim.content, key=lambda p: p.start):
        gap = doc.char_span(pieces[-1].end, piece.start, alignment_mode="expand") if pieces and pieces[-1].end < piece.start else None
        if pieces and (pieces[-1].end == piece.start or gap is not None and all(t.is_space for t in gap)):
            joined = doc.char_span(pieces[-1].start, piece.end)
            if joined is not None:
                pieces[-1] = TextSpan.from_span(joined)
                continue
        pieces.append(piece)
    return claim if len(pieces) == len(claim.content) else replace(claim, content=pieces)


RELATIVE_WORDS = ("which", "who", "whom", "whose", "where")
"""Words that open a non-restrictive relative clause after a comma."""


def _closing_relative_clause(span: Span) -> Optional[Token]:
    """The comma before a relative clause that closes ``span`` (", which the union had rejected"),
    or None."""
    for token in span:
        first = token.left_edge
        if (token.dep_ == "relcl" and span.start <= token.head.i < token.i and first.lower_ in RELATIVE_WORDS
                and first.i - 1 > span.start and first.doc[first.i - 1].text == "," and token.right_edge.i >= span.end - 2):
            return first.doc[first.i - 1]
    return None


def _quoted(doc: Doc, piece: TextSpan) -> bool:
    """Whether a content piece holds a quotation mark or stands right inside one."""
    span = piece.to_span(doc)
    before = next((t for t in reversed(doc[:span.start]) if not t.is_space), None) if span is not None else None
    return any(char in OPENING_QUOTES + CLOSING_QUOTES for char in piece.text) or (
        before is not None and before.text[-1] in OPENING_QUOTES)


def closing_narration(doc: Doc, start: int, end: int) -> Optional[int]:
    """Where the non-restrictive relative clause closing an unquoted content piece (tokens
    ``start`` to ``end``) begins, at its comma (:func:`without_closing_relative_clause`), or None."""
    span = doc[start:end]
    if len(span) <= 3 or _quoted(doc, TextSpan.from_span(span)):
        return None
    comma = _closing_relative_clause(span)
    return comma.i if comma is not None else None


def without_closing_relative_clause(doc: Doc, claim: Claim) -> Claim:
    """The claim whose unquoted content ends with a non-restrictive relative clause (", which ...",
    ", who ...", ", where ...") without it: set off by a comma, the clause tells the reader about
    the noun it follows; it is the writer's narration, not part of what was reported (a report
    inside it, ", which he said were at his side", is a claim of its own). In quotation marks
    everything is the speaker's and stays."""
    span = claim.content[-1].to_span(doc) if claim.content and claim.kind != "direct" else None
    cut = closing_narration(doc, span.start, span.end) if span is not None else None
    if cut is None:
        return claim
    return replace(claim, content=[*claim.content[:-1], TextSpan.from_span(doc[span.start:cut])])


def _names_medium(adjunct: Token, host_preps: Collection[str], host_nouns: Collection[str]) -> bool:
    """Whether ``adjunct`` is a preposition naming where something was said ("in a statement", "in
    an interview": a statement-host preposition with a cue noun as its object)."""
    return adjunct.dep_ == "prep" and adjunct.lower_ in host_preps and any(
        child.dep_ == "pobj" and child.lemma_.lower() in host_nouns for child in adjunct.children)


def _names_time(adjunct: Token) -> bool:
    """Whether ``adjunct`` of a past-tense cue is "on" and a date ("rejected the idea | on
    Tuesday"): when it was said, the way news dates a statement. Other dates may be the reported
    event's ("promised a referendum in September", "predicted a cut in January")."""
    return adjunct.head.tag_ == "VBD" and adjunct.dep_ == "prep" and adjunct.lower_ == "on" and is_time_phrase(adjunct)


def _leading_time(doc: Doc, cue: Span, piece: Span, host_preps: Collection[str] = (),
                  host_nouns: Collection[str] = ()) -> Optional[Token]:
    """The adjunct of time or medium that opens ``piece`` straight after the cue, when ``piece``
    is a complement clause of the cue without complementiser: "said | last week | he hoped", "said
    | in a statement | it accepted ..." (the parser hangs either on the clause). None otherwise."""
    if piece.start != cue.end or len(piece) < 2:
        return None
    adjunct = doc[piece.start]
    while adjunct.dep_ not in ("npadvmod", "prep") and piece.start <= adjunct.head.i < piece.end and adjunct.head != adjunct:
        adjunct = adjunct.head
    clause = adjunct.head
    if adjunct.dep_ not in ("npadvmod", "prep") or adjunct.left_edge.i != piece.start or adjunct.right_edge.i + 1 >= piece.end:
        return None
    if not (any(token.ent_type_ in TIME_ENTITIES for token in adjunct.subtree) or _names_medium(adjunct, host_preps, host_nouns)):
        return None
    if clause.dep_ != "ccomp" or clause.head.i != cue.root.i or any(c.dep_ == "mark" for c in clause.children):
        return None
    return adjunct


def without_closing_medium(doc: Doc, claim: Claim, host_preps: Collection[str] = (),
                           host_nouns: Collection[str] = ()) -> Claim:
    """The claim whose unquoted content ends with the medium of saying hung on the cue ("called
    for more school investment | in a statement") or the date of a past-tense cue ("rejected the
    idea | on Tuesday", :func:`_names_time`) without it: where and when it was said is no more
    part of what was said after the content than before it (:func:`without_time_of_saying`)."""
    cue = claim.cue.to_span(doc)
    if not claim.content or cue is None or not len(cue) or _quoted(doc, claim.content[-1]):
        return claim
    span = claim.content[-1].to_span(doc)
    words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
    if len(words) < 3:
        return claim
    verb = cue.root
    adjunct = next((t for t in span if t.head.i == verb.i and (_names_medium(t, host_preps, host_nouns) or _names_time(t))), None)
    if adjunct is None or adjunct.left_edge.i <= words[0].i or not all(
            t.is_punct or any(a.head.i == verb.i and a.i >= adjunct.i for a in (t, *t.ancestors)) for t in doc[adjunct.i:span.end]):
        return claim  # only adjuncts of the cue may follow it ("in a statement | on Monday")
    return replace(claim, content=[*claim.content[:-1], TextSpan.from_span(doc[span.start:adjunct.left_edge.i])])


def _time_object(doc: Doc, cue: Span, piece: Span) -> Optional[Token]:
    """The date that opens ``piece`` as the object of a preposition of the cue standing before it:
    "insisted on | Saturday that he would stay" (a tagger started the content one word late)."""
    first = doc[piece.start]
    date = first.head if first.head.dep_ == "pobj" else first
    prep = date.head
    if date.dep_ != "pobj" or prep.i >= piece.start or prep.head.i != cue.root.i or date.left_edge.i != piece.start:
        return None
    if date.right_edge.i + 1 >= piece.end or not any(token.ent_type_ in TIME_ENTITIES for token in date.subtree):
        return None
    return date


def _opening_piece(doc: Doc, claim: Claim) -> Optional[Span]:
    """The claim's first content piece in ``doc`` (None when it has none or it cannot be located)."""
    return _first(claim).to_span(doc) if claim.content else None


def _first(claim: Claim) -> TextSpan:
    return min(claim.content, key=lambda piece: piece.start)


def _content_from(doc: Doc, claim: Claim, opening: Span, start: int) -> List[TextSpan]:
    """The claim's content with its opening piece (:func:`_opening_piece`) starting at token
    ``start`` instead: the words before it belong to the cue or to neither."""
    first, rest = _first(claim), TextSpan.from_span(doc[start:opening.end])
    return [rest if piece is first else piece for piece in claim.content]


def without_time_of_saying(doc: Doc, claim: Claim, host_preps: Collection[str] = (),
                           host_nouns: Collection[str] = ()) -> Claim:
    """The claim without the date or medium ("in a statement", with ``host_preps`` and
    ``host_nouns``) that opens its content right after the cue (see :func:`_leading_time` and
    :func:`_time_object`)."""
    cue = claim.cue.to_span(doc)
    if not claim.content or cue is None or not len(cue):
        return claim
    span = _opening_piece(doc, claim)
    adjunct = (_leading_time(doc, cue, span, host_preps, host_nouns) or _time_object(doc, cue, span)) if span is not None else None
    if adjunct is None:
        return claim
    return replace(claim, content=_content_from(doc, claim, span, adjunct.right_edge.i + 1))


def without_addressee_name(doc: Doc, claim: Claim) -> Claim:
    """The claim without the name of its cue's object that opens the content before "that"
    ("told the newspaper | Jornal do Douro | that holiday lets were ...": the parser read the
    name's "do" as a verb and made it the reported clause). A name right after the cue's object
    noun, followed by "that", names that object; what was said starts at "that"."""
    cue = claim.cue.to_span(doc)
    span = _opening_piece(doc, claim)
    if cue is None or not len(cue) or span is None or not len(span) or span.start == 0:
        return claim
    before = doc[span.start - 1]
    if before.pos_ != "NOUN" or before.head.i != cue.root.i or before.dep_ not in ("dobj", "dative"):
        return claim
    end = entity_end(doc, span.start)
    if end is None or end >= span.end or doc[end].lower_ != "that":
        return claim
    return replace(claim, content=_content_from(doc, claim, span, end))


def entity_end(doc: Doc, start: int) -> Optional[int]:
    """Where the named entity opening at token ``start`` ends, or None when none opens there;
    read off the tokens' IOB tags (``doc.ents`` builds every span of the document)."""
    if start >= len(doc) or doc[start].ent_iob_ != "B":
        return None
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _linking_preposition(doc: Doc, cue: Span, content_start: int) -> bool:
    """Whether the one token between ``cue`` and the content is a preposition whose object
    begins the content ("complained about | the fees")."""
    if content_start != cue.end + 1:
        return False
    prep = doc[cue.end]
    return prep.dep_ == "prep" and prep.head.i < prep.i and any(
        child.dep_ in ("pobj", "pcomp") and child.i >= content_start and not is_time_object(child)
        for child in prep.children
    )


def with_linking_preposition(doc: Doc, claim: Claim, topic_preps: Optional[Mapping[str, Collection[str]]] = None,
                             refusals: Collection[str] = ()) -> Claim:
    """The claim with the preposition that links its cue to the content that follows joined to
    the cue (unless that preposition is part of the source). A refusal (``refusals``: "declined
    to comment | on the report") refuses a topic, which the preposition of its inner verb
    (``topic_preps``: "comment" -> "on") names: it opens the content (annotation guidelines,
    section 3); any other ("declined to comment | to Reuters") is no topic."""
    cue = claim.cue.to_span(doc)
    pieces = [span for span in (piece.to_span(doc) for piece in claim.content) if span is not None]
    if cue is None or not len(cue) or not pieces:
        return claim
    content_start = min(span.start for span in pieces)
    refused = topic_preps is not None and any(t.lemma_.lower() in refusals for t in cue)
    topics = {p for t in cue for p in topic_preps.get(t.lemma_.lower(), ())} if refused else set()
    opening = _opening_piece(doc, claim)
    if topics and opening is not None and len(cue) > 1 and cue.end == content_start and doc[cue.end - 1].lower_ in topics:
        bare = doc[cue.start:cue.end - 1]  # the tagger or the rules took it into the cue
        if _linking_preposition(doc, bare, content_start):
            return replace(claim, cue=TextSpan.from_span(bare), content=_content_from(doc, claim, opening, bare.end))
    if topics and cue.end < len(doc) and doc[cue.end].lower_ in topics:
        if content_start == cue.end:
            return claim  # the content already opens with its topic's preposition
        if opening is not None and _linking_preposition(doc, cue, content_start):
            return replace(claim, content=_content_from(doc, claim, opening, cue.end))
    if content_start == cue.end and _linking_preposition(doc, cue, content_start + 1):
        return _preposition_out_of_content(doc, claim, cue)
    if not _linking_preposition(doc, cue, content_start):
        return claim
    source = _source(doc, claim)
    if source is not None and source.start <= cue.end < source.end:
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:cue.end + 1]))


def _preposition_out_of_content(doc: Doc, claim: Claim, cue: Span) -> Claim:
    """The claim whose content opens with the preposition linking it to the cue ("warn | of price
    rises", a headline's content taken up to its edge) with that preposition moved to the cue."""
    span = _opening_piece(doc, claim)
    if span is None or len(span) < 2:
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:cue.end + 1]),
                   content=_content_from(doc, claim, span, span.start + 1))


def _is_passive(verb: Token) -> bool:
    """A passive verb ("was accused", "has been mentioned") or a bare past participle heading an
    adverbial clause ("Asked about the vote, she said ..."), whose understood subject is a patient."""
    if any(child.dep_ == "auxpass" for child in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(child.dep_ == "aux" for child in verb.children)


def is_headline_passive(verb: Token) -> bool:
    """A headline verb in "-ed" form without auxiliary: headlines report actions in the present
    ("Minister warns"), so "Hospitals told to prepare" is a passive with "are" left out (the
    tagger often reads it as a past tense)."""
    return verb.tag_ in ("VBD", "VBN") and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)


def _passive_cue(verb: Token, claim: Claim) -> bool:
    """Whether the claim's cue is passive, by the headline reading for a headline claim."""
    return is_headline_passive(verb) if claim.kind == "headline" else _is_passive(verb)


def _end_before_punctuation(doc: Doc, start: int, end: int) -> int:
    """``end`` moved back over the punctuation and spaces that close ``doc[start:end]``."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def speaks_as_subject(verb: Token, subject_speaks: Collection[str]) -> bool:
    """Whether a passive cue's subject is its speaker: by the verb's lemma ("was quoted as
    saying") or, for a stance adjective the parser read as a participle ("were frustrated
    that"), by the word as written."""
    return verb.lemma_.lower() in subject_speaks or verb.lower_ in subject_speaks


def without_passive_subject(doc: Doc, claim: Claim, subject_speaks: Collection[str]) -> Claim:
    """The claim without a speaker when its cue is passive and the speaker is not its agent ("by
    ..."): the subject of a passive cue, or the subject the participle is understood with, is who
    the claim is about (unless the cue is one of ``subject_speaks``, "was quoted as saying")."""
    verb = cue_root(doc, claim)
    mention = _source(doc, claim)
    if verb is None or mention is None or not len(mention):
        return claim
    if speaks_as_subject(verb, subject_speaks) or not _passive_cue(verb, claim):
        return claim
    agents = {token.i for child in verb.children if child.dep_ == "agent" for token in child.subtree}
    if any(token.i in agents for token in mention):
        return claim
    return replace(claim, speaker=None)


def _patient_subject(verb: Token, claim: Claim, raising: Collection[str]) -> Optional[Token]:
    """The subject a cue reports about rather than the one reporting: of a passive cue ("Mr. Doe
    was accused of ...", headline "Hospitals told to ..."), or of a raising verb with a verb
    complement ("Melania seems to have vanished"; lexicon ``raising_verbs``; with an adjective the
    subject holds the attitude: "the association seems resigned to ...", and so it does when the
    complement is the cue's own verb: "he seemed to think"); None otherwise."""
    passive = _passive_cue(verb, claim)
    raised = verb.lemma_.lower() in raising and any(
        c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not claim.cue.start <= c.idx < claim.cue.end for c in verb.children)
    deps = ("nsubjpass", "nsubj") if passive else ("nsubj",) if raised else ()
    subject = next((child for child in verb.children if child.dep_ in deps and child.i < verb.i), None)
    if subject is None or subject.lower_ == "it" or subject.tag_ in ("WP", "WDT"):
        return None
    return subject


def with_patient_in_content(doc: Doc, claim: Claim, subject_speaks: Collection[str], raising: Collection[str]) -> Claim:
    """The claim with the subject of its passive or raising cue as the first piece of its content
    and not as its source: what is reported is about that subject ("Mr. Quiros | was accused of |
    using $50 million", "Melania | seems | to have vanished"), PolNeAR's convention."""
    verb = cue_root(doc, claim)
    if verb is None or speaks_as_subject(verb, subject_speaks):
        return claim
    subject = _patient_subject(verb, claim, raising)
    if subject is None or any(p.start <= subject.idx < p.end for p in claim.content):
        return claim
    start = subject.left_edge.i
    end = _end_before_punctuation(doc, start, subject.right_edge.i + 1)
    piece = TextSpan.from_span(doc[start:end])
    if piece.end > claim.cue.start or not claim.content or piece.end > claim.content[0].start:
        return claim
    mention = _source(doc, claim)
    speaker = None if mention is not None and mention.start <= subject.i < mention.end else claim.speaker
    return replace(claim, content=[piece, *claim.content], speaker=speaker)


def _relative_subject(verb: Token) -> Optional[Token]:
    """The relative pronoun that is the subject of a relative-clause verb ("which said")."""
    if verb.dep_ != "relcl":
        return None
    return next((child for child in verb.children
                 if child.dep_ == "nsubj" and child.tag_ in ("WP", "WDT") and child.i < verb.i), None)


def with_relative_pronoun_source(doc: Doc, claim: Claim) -> Claim:
    """The claim whose cue heads a relative clause, with the clause's relative pronoun as its
    speaker mention: in place of the antecedent (or of a mention running into the clause), or as
    the mention of a claim that has none yet (``speaker_linker`` names it after its antecedent)."""
    verb = cue_root(doc, claim)
    pronoun = _relative_subject(verb) if verb is not None else None
    if pronoun is None:
        return claim
    source = TextSpan.from_span(doc[pronoun.i:pronoun.i + 1])
    if claim.speaker is None:
        return replace(claim, speaker=Speaker(mention=source, name=source.text))
    mention = _source(doc, claim)
    if mention is None or not len(mention) or (len(mention) == 1 and mention.start == pronoun.i):
        return claim
    antecedent = verb.head
    if not (mention.start <= antecedent.i < mention.end or mention.start <= pronoun.i < mention.end):
        return claim
    return replace(claim, speaker=replace(claim.speaker, mention=source))


CLAUSE_DEPS = ("relcl", "acl", "advcl", "appos", "parataxis")
"""Dependencies of the clauses or appositions that can carry another claim inside a mention."""


def _cut_before(doc: Doc, mention: Span, cue: int) -> Optional[Span]:
    """The part of ``mention`` before the clause holding token ``cue`` (the lowest clause or
    apposition above it, or the mention root's dependent that holds it), without the punctuation
    that introduced that clause."""
    phrase = doc[cue]
    while phrase.dep_ not in CLAUSE_DEPS and phrase.head.i != mention.root.i and mention.start <= phrase.head.i < mention.end:
        phrase = phrase.head
    end = _end_before_punctuation(doc, mention.start, min(phrase.left_edge.i, cue))
    return doc[mention.start:end] if end > mention.start else None


def without_other_claims(doc: Doc, claim: Claim, cues: Collection[int]) -> Claim:
    """The claim with its speaker mention cut before any other claim's cue it contains."""
    mention = _source(doc, claim)
    if mention is None:
        return claim
    own = _tokens(doc, claim.cue)
    inside = sorted(i for i in cues if mention.start <= i < mention.end and i not in own)
    if not inside:
        return claim
    cut = _cut_before(doc, mention, inside[0])
    if cut is None:
        return claim
    return replace(claim, speaker=replace(claim.speaker, mention=TextSpan.from_span(cut)))


def _verb_adjunct(token: Token, mention: Span) -> bool:
    """A preposition that the parse hangs on a verb outside ``mention`` ("in a note", "at an event")."""
    head = token.head
    return token.pos_ == "ADP" and head.pos_ in ("VERB", "AUX") and not mention.start <= head.i < mention.end


def within_noun_phrase(doc: Doc, claim: Claim) -> Claim:
    """The claim with its speaker mention cut after the noun phrase that heads it, when what
    follows that phrase inside the mention is a prepositional adjunct of a verb (the cue's)."""
    mention = _source(doc, claim)
    if mention is None or not len(mention) or mention.root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return claim
    end = mention.root.right_edge.i + 1
    tail = [token for token in doc[end:mention.end] if not (token.is_punct or token.is_space)]
    if not tail or not _verb_adjunct(tail[0], mention):
        return claim
    end = _end_before_punctuation(doc, mention.start, end)
    if end <= mention.start:
        return claim
    return replace(claim, speaker=replace(claim.speaker, mention=TextSpan.from_span(doc[mention.start:end])))


def _particle(verb: Token) -> Optional[Token]:
    """The verb's particle standing right after it ("point | out"), if any."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return following if following is not None and following.dep_ == "prt" and following.head.i == verb.i else None


def _with_particle(doc: Doc, claim: Claim, cue: Span) -> Claim:
    """The claim whose cue stops right before its verb's particle ("pointed | out that ...") with
    the particle in the cue, unless a content piece holds it."""
    particle = _particle(doc[cue.end - 1])
    if particle is None:
        return claim
    if any(piece.start <= particle.idx < piece.end for piece in claim.content):
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:cue.end + 1]))


def without_duration_in_cue(doc: Doc, claim: Claim) -> Claim:
    """The claim whose cue ends with a preposition of time ("have warned for | years | that ...")
    without it, and whose content does not open with its object: how long or when something was
    said is neither the verb group nor what was said."""
    cue = claim.cue.to_span(doc)
    if cue is None or len(cue) < 2 or cue[-1].dep_ != "prep" or not is_time_phrase(cue[-1]):
        return claim
    time = next(child for child in cue[-1].children if child.dep_ == "pobj")
    adjunct = set(range(cue[-1].i, time.i + 1))  # "for a long time", not what the parser hangs on "time"
    opening = _opening_piece(doc, claim)
    shortened = replace(claim, cue=TextSpan.from_span(cue[:-1]))
    if opening is None or opening.start not in adjunct:
        return shortened
    start = opening.start
    while start < opening.end and start in adjunct:
        start += 1
    if start < opening.end:
        return replace(shortened, content=_content_from(doc, claim, opening, start))
    rest = [piece for piece in claim.content if piece is not _first(claim)]
    return replace(shortened, content=rest) if rest else shortened


def with_whole_verb(doc: Doc, claim: Claim) -> Claim:
    """The claim whose cue stops at an auxiliary or adverb ("has | gone after", "openly |
    admires"), a tagger's slip, with the cue run on to the verb that word belongs to and the
    verb's particle ("point out"); a cue that stops before its verb's particle takes it too."""
    cue = claim.cue.to_span(doc)
    if cue is None or not len(cue):
        return claim
    if cue.root.pos_ not in ("AUX", "ADV"):
        return _with_particle(doc, claim, cue)
    verb = cue.root.head
    between = doc[cue.end:verb.i]
    if verb.pos_ != "VERB" or verb.i < cue.end or any(t.dep_ not in ("aux", "neg", "advmod") for t in between):
        return claim
    particle = _particle(verb)
    end = particle.i + 1 if particle is not None else verb.i + 1
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:end]))


def _with_left_modifiers(verb: Token) -> int:
    """The first token of ``verb``'s cue: its auxiliaries, negation and adverbs right before it,
    not a name the tagger read as an adverb (:func:`name_read_as_adverb`)."""
    start = verb.i
    while start > 0 and verb.doc[start - 1].head.i == verb.i and verb.doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and (
            not name_read_as_adverb(verb.doc[start - 1])):
        start -= 1
    return start


def with_refusal_cue(doc: Doc, claim: Claim, refusals: Collection[str], cue_lemmas: Collection[str]) -> Claim:
    """A refusal to report is one cue with the report it refuses: "declined to say | whether ...",
    "has refused to confirm | that ..." (lexicon ``refusal_verbs``). A cue on the inner verb gets
    the refusal in front; a cue on the refusal takes in "to" and the inner verb when that verb is a
    cue of the lexicon, and the content starts after it."""
    cue = claim.cue.to_span(doc)
    if cue is None or not len(cue) or not claim.content:
        return claim
    root = cue.root
    if root.dep_ == "xcomp" and root.head.lemma_.lower() in refusals and root.head.i < cue.start:
        return replace(claim, cue=TextSpan.from_span(doc[_with_left_modifiers(root.head):cue.end]))
    if root.lemma_.lower() not in refusals:
        return claim
    span = _opening_piece(doc, claim)
    inner = next((c for c in root.children if c.dep_ == "xcomp" and c.lemma_.lower() in cue_lemmas), None)
    if span is None or inner is None or span.start != _with_left_modifiers(inner) or inner.i + 1 >= span.end:
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:inner.i + 1]),
                   content=_content_from(doc, claim, span, inner.i + 1))


@dataclass(frozen=True)
class TidyLexicon:
    """The detector lexicon's settings that the tidying rules read (``cues.json`` keys)."""

    subject_speaks: Collection[str] = ()
    """``passive_subject_speaks`` and the stance adjectives: passive cues whose subject is the
    speaker ("was quoted as saying", "were frustrated that")."""
    raising: Collection[str] = ()
    """``raising_verbs``: "seems to ..."."""
    topic_preps: Mapping[str, Collection[str]] = field(default_factory=dict)
    """``complement_preps``: the preposition naming what a refused verb is about ("declined to
    comment | on ...")."""
    refusals: Collection[str] = ()
    """``refusal_verbs``: "declined to say ..."."""
    cue_lemmas: Collection[str] = ()
    """Every cue verb and noun."""
    host_preps: Collection[str] = ()
    """``statement_host_preps``: "said in a statement"."""
    host_nouns: Collection[str] = ()
    """``nouns``, the cue nouns that name where something was said ("statement", "interview")."""
    addressee_verbs: Collection[str] = ()
    """``addressee_verbs``: cues whose object is the addressee ("told reporters")."""
    governors: Collection[str] = ()
    """``raising_verbs`` and ``aspect_verbs``: verbs a cue's to-infinitive hangs on ("seemed to think")."""
    cited_sources: Collection[str] = ()
    """``cited_source_heads``: what a report can be "citing" as its source ("citing people
    familiar with the matter", "citing an internal memo")."""
    outlets: Collection[str] = ()
    """``reporting_outlet_nouns``: "the state broadcaster reported, citing officials"."""


def with_governing_verb(doc: Doc, claim: Claim, governors: Collection[str]) -> Claim:
    """The claim whose cue is the to-infinitive of a raising or aspect verb ("seemed | to think",
    "went on | to explain", "has yet | to explain") with the cue starting at that verb: it says how
    the report stands (seeming, continuing, still owed), as an auxiliary does."""
    cue = claim.cue.to_span(doc)
    if cue is None or not len(cue):
        return claim
    head = cue.root.head
    if cue.root.dep_ != "xcomp" or head.i >= cue.start or head.lemma_.lower() not in governors:
        return claim
    if not all(t.dep_ in ("aux", "prt", "neg", "advmod") for t in doc[head.i + 1:cue.start]):
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[_with_left_modifiers(head):cue.end]))


def without_addressee_in_cue(doc: Doc, claim: Claim, addressee_verbs: Collection[str]) -> Claim:
    """The claim whose cue runs on from an addressee verb into its object ("told a conference
    call | that ...", a tagger's reading) with the cue cut before the object: the addressee is
    neither how nor what was said."""
    cue = claim.cue.to_span(doc)
    if cue is None or not len(cue) or cue.root.lemma_.lower() not in addressee_verbs:
        return claim
    objects = [c for c in cue.root.children if c.dep_ in ("dobj", "dative") and cue.root.i < c.i < cue.end]
    if not objects:
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:objects[0].left_edge.i]))


def with_inverted_colon_tag(doc: Doc, claim: Claim, cue_lemmas: Collection[str]) -> Claim:
    """The claim of a quotation introduced by "Said Ellis:" or "Added the mayor:" with the verb
    as cue and the words after it as source, whether its cue was the colon (a tagger's, or the
    verbless-quote rule's, whose source then held the verb) or the verb (whose subject the parse
    could not find)."""
    cue = claim.cue.to_span(doc)
    if cue is None or len(cue) != 1:
        return claim
    colon = cue.start if cue.text == ":" else next(
        (t.i for t in doc[cue.end:cue.end + MAX_SPEAKER_TAG_WORDS + 1] if t.text == ":"), None)
    content = _first(claim)
    if colon is None or content.start < doc[colon].idx:
        return claim
    tag = inverted_colon_tag(doc, colon, cue_lemmas)
    if tag is None or cue.text != ":" and tag[0][0] != cue.start:
        return claim
    verb, source = doc[tag[0][0]:tag[0][1]], doc[tag[1][0]:tag[1][1]]
    return replace(claim, cue=TextSpan.from_span(verb), speaker=Speaker(mention=TextSpan.from_span(source), name=source.text))


def without_coordinated_report(doc: Doc, claim: Claim, cues: Collection[int]) -> Claim:
    """The claim with its content ending before a clause coordinated inside it that has its own
    subject and holds another claim's cue ("... adds 40 minutes, and the chamber of commerce
    has estimated the cost ..."): a conjunct of a word of the content, so the coordination is
    the writer's, and the other claim reports its clause itself."""
    own = _tokens(doc, claim.cue)
    inside = {i for piece in claim.content for i in _tokens(doc, piece)}
    for index in sorted(cues):
        verb = doc[index]
        if index in own or index not in inside or verb.dep_ != "conj" or verb.head.i not in inside:
            continue
        if any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children) and verb.left_edge.i > min(inside):
            cut = cut_at(doc, claim, verb.left_edge.i)
            return cut if cut is not None else claim
    return claim


SEQUEL_OPENERS = ("mark", "nsubj", "nsubjpass", "aux", "auxpass", "neg")
"""Left dependents that open a verb's sequel with it ("| after the match was moved", "| but Mr. Obama
learned"); an adverb the parser hung on the sequel's verb may belong to the object's clause."""


def _verb_sequel(verb: Token, obj: Token) -> Optional[Token]:
    """The first right dependent of ``verb`` after its object ``obj`` that goes on with the verb,
    not with the object: "but" before a coordinated verb, or a coordinated verb with its own
    subject ("derided the deal as toothless |, but Mr. Obama learned", "confirmed the signing |,
    but gave no details"); an elliptical "but not as fast as ..." goes on with the object."""
    verbs = [c for c in verb.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > obj.i]
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ == "cc" and child.lower_ == "but" and any(v.i > child.i for v in verbs):
            return child  # not an elliptical "but not as fast", "but only in part": a verb follows
        if child in verbs and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.lefts):
            return child
    return None


def within_verb_object(doc: Doc, claim: Claim) -> Claim:
    """The claim whose content is the object of its cue verb ("welcomed | the investigation")
    ending where the verb's own sequel starts (:func:`_verb_sequel`): what the verb does next,
    and when or why, is the writer's account, not what was said or held. Complements of the
    verb before the sequel stay ("accused the club | of ...", "called the strike | "reckless"",
    "urged regulators | to act"). Inside quotation marks every word is the speaker's. On PolNeAR
    dev a "but" hung on the verb after an object content lay outside the gold content every time
    (14 of 14; on news of other domains 7 of 7); participle and subordinate clauses hung there
    are left alone, since the parser hangs the object's own clauses on the verb too."""
    cue = claim.cue.to_span(doc)
    opening = _opening_piece(doc, claim)
    if cue is None or not len(cue) or opening is None:
        return claim
    verb = cue.root
    first = next((t for t in opening if not t.is_punct and not t.is_space), None)
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and first is not None and c.left_edge.i == first.i), None)
    sequel = _verb_sequel(verb, obj) if obj is not None else None
    if sequel is None:
        return claim
    start = min([sequel.i] + [c.left_edge.i for c in sequel.lefts if c.dep_ in SEQUEL_OPENERS and c.left_edge.i > obj.right_edge.i])
    last = max(claim.content, key=lambda piece: piece.start).to_span(doc)
    if last is None or not last.start < start < last.end or _inside_quotation(doc, opening.start, start):
        return claim  # a later piece (a quotation of the next sentence) is no sequel of the verb
    cut = cut_at(doc, claim, start)
    return cut if cut is not None else claim


DOUBLE_QUOTE_TOKENS = ('"', "“", "”", "«", "»", "„", "''", "``")
"""Tokens that open or close a quotation and never stand for an apostrophe."""


def _inside_quotation(doc: Doc, start: int, index: int) -> bool:
    """Whether token ``index`` stands inside a quotation opened after token ``start``: an odd
    number of double quotation marks lies between them."""
    return sum(1 for token in doc[start:index] if token.text in DOUBLE_QUOTE_TOKENS) % 2 == 1


def _reporting_tag_start(doc: Doc, claim: Claim, other: Claim) -> Optional[int]:
    """Where ``other``'s tag starts inside ``claim``'s content when ``other`` is a closing tag
    that reports ``claim`` (its content, all before its cue, holds ``claim``'s cue; its cue comes
    after that cue, unquoted, inside ``claim``'s content): the first token of its cue or of its
    source (the one the model gave, or the subject of its verb), whichever comes first; else
    None. An "according to" inside the content ("said that, according to official figures,
    unemployment fell") reports only what follows it, and the content stays whole."""
    if other.cue.start < claim.cue.end or any(p.end > other.cue.start for p in other.content):
        return None  # offsets first: most pairs of a report's claims fail here, cheaply
    if not any(p.start <= other.cue.start and other.cue.end <= p.end for p in claim.content):
        return None
    if not any(p.start <= claim.cue.start and claim.cue.end <= p.end for p in other.content):
        return None
    inside = {i for piece in claim.content for i in _tokens(doc, piece)}
    cue, own = _tokens(doc, other.cue), _tokens(doc, claim.cue)
    if not cue or not own or min(cue) <= max(own) or not cue <= inside:
        return None
    if _inside_quotation(doc, min(inside), min(cue)):
        return None
    source = _source(doc, other)
    subjects = [c.left_edge.i for t in cue for c in doc[t].children if c.dep_ in ("nsubj", "nsubjpass")]
    starts = [min(cue)] + ([source.start] if source is not None else []) + subjects
    return min(start for start in starts if start in inside and start > max(own) or start == min(cue))


class Citation(NamedTuple):
    """A source an outlet's report cites (:func:`cited_source`)."""

    source: Span
    """What is cited: "an internal memo"."""
    outlet: Token
    """The report's subject, the outlet that relayed it: "the Dublin Ledger"."""


def cited_source(doc: Doc, claim: Claim, cited_sources: Collection[str], outlets: Collection[str] = ()) -> Optional[Citation]:
    """The source a named outlet's (or an outlet noun's, ``outlets``) report cites right after its cue ("..., the Dublin Ledger
    reported, citing an internal memo"): a "citing" after nothing but commas and the time of the
    report, whose object is a source (lexicon ``cited_source_heads``), not a reason ("said,
    citing falling demand"). Anyone else citing evidence ("the regulator said, citing documents
    seized in a raid") speaks for themselves."""
    cue = claim.cue.to_span(doc)
    if cue is None or not len(cue) or cue.root.lemma_.lower() != "report":
        return None
    subject = next((c for c in cue.root.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.lemma_.lower() in outlets or any(t.pos_ == "PROPN" for t in subject.subtree)):
        return None  # an outlet reports; "the ministry said, citing a report" speaks for itself
    index = cue.end
    while index < len(doc) and doc[index].lemma_.lower() != "cite" and (
            doc[index].is_punct or doc[index].ent_type_ in ("DATE", "TIME") or doc[index].lower_ == "on"):
        index += 1
    citing = doc[index] if index < len(doc) else None
    if citing is None or citing.lemma_.lower() != "cite" or citing.tag_ != "VBG" or citing.sent != cue.sent:
        return None
    cited = next((c for c in citing.children if c.dep_ == "dobj"), None)
    if cited is None or cited.lemma_.lower() not in cited_sources:
        return None
    end = cited.right_edge.i + 1
    while end > cited.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return Citation(doc[citing.i + 1:end], subject)


def with_cited_source(doc: Doc, claim: Claim, citation: Optional[Citation]) -> Claim:
    """The report with the source it cites as its speaker and its own source, an outlet, as the
    intermediary that relayed it (the guidelines' "cited by" reading: "sources cited by
    Reuters"); where the rules left the mention to the linker, the outlet is the cue's subject."""
    if citation is None:
        return claim
    outlet = citation.outlet
    relay = claim.speaker.mention if claim.speaker is not None else TextSpan.from_span(doc[outlet.left_edge.i:outlet.right_edge.i + 1])
    source = citation.source
    return replace(claim, speaker=Speaker(mention=TextSpan.from_span(source), name=source.text, intermediary=relay))


def without_reporting_tag(doc: Doc, claim: Claim, claims: Sequence[Claim]) -> Claim:
    """The claim with its content ending before the tag of another claim that reports it ("The
    company said it had lost 2 million dollars last year, according to a filing": the filing is
    the reporter's source for the company's statement, and "according to a filing" is no part of
    what the company said; PolNeAR's annotators end such contents before the tag). Inside
    quotation marks every word is the speaker's and stays."""
    starts = [start for other in claims if other is not claim
              for start in [_reporting_tag_start(doc, claim, other)] if start is not None]
    if not starts:
        return claim
    cut = cut_at(doc, claim, min(starts))
    return cut if cut is not None else claim


def without_earlier_headline_statement(doc: Doc, claim: Claim) -> Claim:
    """The headline claim with its content starting after the last semicolon before a closing tag
    ("Verlaine Group files for insolvency protection; 1,900 jobs at risk, union says"): a
    headline joins separate statements with a semicolon, and the tag after them reports only the
    one it closes. A tag before the content ("Union: ...") reports all of it."""
    opening = _opening_piece(doc, claim)
    if claim.kind != "headline" or opening is None or claim.cue.start < opening.start_char:
        return claim
    semicolons = [t.i for t in opening if t.text == ";" and t.i + 1 < opening.end]
    return replace(claim, content=_content_from(doc, claim, opening, semicolons[-1] + 1)) if semicolons else claim


def tidy_claims(doc: Doc, claims: List[Claim], lexicon: TidyLexicon = TidyLexicon()) -> List[Claim]:
    """Every claim with the rules of this module applied, reading ``lexicon``'s settings."""
    tidied = [with_governing_verb(doc, without_closing_relative_clause(doc, with_joined_pieces(doc, with_whole_noun_phrases(
                   doc, without_time_of_saying(doc, with_linking_preposition(doc, without_own_parts(doc, without_dangling_conjunction(
                       doc, with_refusal_cue(doc, without_addressee_in_cue(doc, without_duration_in_cue(doc, with_whole_verb(doc, within_noun_phrase(doc, claim))),
                                                                           lexicon.addressee_verbs),
                                             lexicon.refusals, lexicon.cue_lemmas))), lexicon.topic_preps, lexicon.refusals), lexicon.host_preps, lexicon.host_nouns)))),
                                  lexicon.governors)
              for claim in claims]
    cues = {i for claim in tidied for i in _tokens(doc, claim.cue)}
    tidied = [without_earlier_headline_statement(doc, within_verb_object(doc, without_coordinated_report(doc, with_inverted_colon_tag(doc, without_closing_medium(doc, with_relative_pronoun_source(
                doc, with_patient_in_content(doc, without_passive_subject(doc, without_addressee_name(doc, without_other_claims(doc, claim, cues)), lexicon.subject_speaks),
                                             lexicon.subject_speaks, lexicon.raising)), lexicon.host_preps, lexicon.host_nouns),
                lexicon.cue_lemmas), cues)))
              for claim in tidied]
    citations = [cited_source(doc, claim, lexicon.cited_sources, lexicon.outlets) for claim in tidied]
    citing = {i for citation in citations if citation is not None for i in range(citation.source.start - 1, citation.source.end)}
    tidied = [with_cited_source(doc, claim, citation) for claim, citation in zip(tidied, citations)
              if not _tokens(doc, claim.cue) & citing]  # the "citing" claim is the report's source, no claim
    return [without_reporting_tag(doc, claim, tidied) for claim in tidied]
