"""Parse predicates and content-span helpers of ``claim_detector``.

Everything here is a function of the parse (and, where a word list is needed, of lists passed in
from the cue lexicon): no component state. The component (``detector_component.py``) decides
which of these constructions make a claim; this module answers the questions it asks ("is this
verb a to-infinitive?", "which token ranges cover these subtrees?").

Token ranges are ``Piece`` tuples ``(start, end)``, end exclusive, as in ``doc[start:end]``.
"""
from __future__ import annotations

from typing import Callable, Collection, Dict, Iterable, List, NamedTuple, Optional, Set, Tuple

from spacy.tokens import Doc, Span, Token

from claimattr.rules.syntax import DASHES, HEADLINE_SEPARATORS, SUBJECT_DEPS
from claimattr.text_hygiene import is_symbol_or_invisible

Piece = Tuple[int, int]
"""A token range ``[start, end)`` of the document."""

CONTENT_CLAUSE_DEPS = ("ccomp", "xcomp")
"""Dependency labels of a verb's clausal complement: the usual content of a reporting verb."""

OBJECT_DEPS = ("dobj", "obj", "attr", "oprd", "dative")
"""Dependency labels of a verb's objects, content for verbs like "denied the report"."""

MAX_SPEAKER_TAG_WORDS = 6
"""Most words of a speaker named without a verb: before a headline cue ("Ministry of Defence
Warns ..."), before a headline colon ("Minister: ...") and in the tag of a verbless quote
("“...” - Name, title"). Six covers a name with a short title; a longer stretch is a clause, and
taking it as a speaker would turn ordinary headlines and dashes into claims."""

MAX_SPEAKER_TAG_GAP = 12
"""Most tokens between a quoted claim and a quotation that continues it ("“A,” said Name, a
title of the organisation. “B.”"): the rest of a speaker tag fits in twelve; anything longer is
narration, after which a quotation starts a claim of its own."""

QUOTE_LEAD_MARKS = (",", "?", "!", "—", "–", "-", "…")
"""Marks that end a quotation leading into its cue ("“...,” she said")."""

CLAUSE_LEAD_MARKS = (",", "—", "–")
"""Marks that open the cue clause after a quotation ("“...” , she said")."""

OPENING_QUOTE_TOKENS = "“\"«„‘"
"""Opening quotation marks that, starting a sentence, show its first part is quoted speech."""

KEPT_EDGE_PUNCTUATION = ("…", "%")
"""Punctuation that stays at the edge of content: it is part of what was said."""

SENTENCE_ENDS = (".", "!", "?")
"""Sentence-final punctuation, where a speaker tag before a colon cannot start."""

LABEL_INNER_MARKS = (".", "'", "’", "-")
"""Punctuation inside a capitalised speaker label ("MR. O'ROURKE", "JEAN-PAUL")."""


class PhraseCue(NamedTuple):
    """A multi-word cue found by the Matcher: its lexicon label and its token range."""

    label: str
    cue: Piece


class Candidate(NamedTuple):
    """A claim before assembly: cue range, content ranges in text order, kind ("" = from quotes)
    and, where the construction itself shows it rather than the parse, the source's range."""

    cue: Piece
    pieces: List[Piece]
    kind: str
    source: Optional[Piece] = None


# ---------------------------------------------------------------------- verb forms
def inflect(lemmas: Iterable[str], irregular: Dict[str, List[str]]) -> Set[str]:
    """Surface forms of reporting verbs, for headlines where the tagger sees title-case nouns."""
    forms: Set[str] = set()
    for lemma in lemmas:
        forms.update([lemma, *irregular.get(lemma, [])])
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.update([lemma[:-1] + "ies", lemma[:-1] + "ied"])
        elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.update([lemma + "es", lemma + "ed"])
        elif lemma.endswith("e"):
            forms.update([lemma + "s", lemma + "d"])
        else:
            forms.update([lemma + "s", lemma + "ed"])
    return forms


# ---------------------------------------------------------------------- parse predicates
def token_set(doc: Doc, key: str) -> Set[int]:
    """Indices of the tokens in the span group ``key`` (empty when the group is missing)."""
    return {t.i for span in doc.spans[key] for t in span} if key in doc.spans else set()


def has_clause(verb: Token) -> bool:
    """Whether the verb governs a clause (complement, parataxis, or a verbal xcomp)."""
    return any(c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")) for c in verb.children)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def is_subject_like(token: Token) -> bool:
    return token.dep_ in SUBJECT_DEPS


def is_to_infinitive(verb: Token) -> bool:
    """"declined to comment on ...", "prepared to defend ...": an intention, not a report."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_infinitive_complement(token: Token) -> bool:
    """"wants [to cut taxes]", "plans [to open a plant]": a to-infinitive complement of a verb."""
    return token.dep_ == "xcomp" and token.pos_ in ("VERB", "AUX") and is_to_infinitive(token)


def is_hearsay_passive(verb: Token) -> bool:
    """"is understood [to be preparing an offer]", "are thought [to have died]", "it is believed
    [that ...]": a passive with a to-infinitive complement, or with a clause after an expletive
    "it", which reports what unnamed people hold."""
    children = list(verb.children)
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in children):
        return False
    expletive = any(c.dep_ in ("expl", "nsubjpass") and c.lower_ == "it" for c in children)
    return any(is_infinitive_complement(c) or expletive and c.dep_ == "ccomp" for c in children)


AGENT_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
"""Entity types that can hold a position: people, organisations, groups, countries and cities."""


def is_agentive(verb: Token) -> bool:
    """Whether the verb's agent is a person or organisation: "The Post backs Clinton", "voters who
    support the plan", "was endorsed by the union"; not "the data support the view"."""
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    head = verb
    while not agents and head.dep_ in ("xcomp", "conj") and head.head is not head:
        head = head.head
        agents = [c for c in head.children if c.dep_ == "nsubj"]
    for agent in agents:
        if agent.lower_ in ("who", "whom"):
            return True
        if agent.tag_ == "PRP" and agent.lower_ not in ("it", "its"):
            return True
        if agent.ent_type_ in AGENT_ENTITIES or agent.pos_ == "PROPN":
            return True
        if agent.lower_ == "that" and agent.head.dep_ == "relcl" and agent.head.head.ent_type_ in AGENT_ENTITIES:
            return True
    return False


def is_passive_modifier(verb: Token) -> bool:
    """"A spokesperson, asked about the incident, urged ...": the participle reports nothing."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod", "relcl", "appos") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children
    )


def is_stranded_wh_object(obj: Token, verb: Token) -> bool:
    """"said the results matched what its members had seen and called on farmers to ...": the
    parser hangs the wh-word of the first conjunct's clause on the second verb as its object. A
    wh-word before the verb a conjunct hangs on belongs to that first verb's clause."""
    return verb.dep_ == "conj" and obj.i < verb.head.i and obj.tag_ in ("WDT", "WP")


def is_agentless_passive(verb: Token) -> bool:
    """"The verdict can be appealed": nobody is reported as saying anything."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def is_complement_clause(clause: Token, complementisers: Collection[str]) -> bool:
    """"the warning that the dam could burst" (complement) vs "the warning that came" (relative)."""
    first = clause.left_edge
    if first.lower_ not in complementisers:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.i != first.i for c in clause.children)


def source_end(to_token: Token) -> int:
    """The end of an "according to" source read without the parse: the first comma after it in
    the sentence, or the sentence end (then no content is left, and no claim is made)."""
    sentence = to_token.sent
    return next((t.i for t in sentence if t.i > to_token.i and t.text == ","), sentence.end)


def source_apposition(doc: Doc, source_end: int, sentence_end: int) -> range:
    """The apposition that follows an "according to" source ("according to Threatline, *a
    company that tracks ransomware gangs*, the group ..."): after the source's comma, a noun
    phrase opened by a determiner or possessive (or any noun phrase that closes the sentence:
    "..., according to its maker, *Danish firm Norvik Pharma*."), up to the next comma or the sentence end, with
    no finite verb outside a relative clause, that is not the subject of the clause after it (in
    "According to police, the man, who was 34, died" the man is what the police report on; the
    parser may make the apposition a second subject of a verb that has its own).
    It describes the source and is no part of the content. An empty range when there is none."""
    if source_end + 1 >= sentence_end or doc[source_end].text != ",":
        return range(0)
    start = source_end + 1
    end = next((t.i for t in doc[start:sentence_end] if t.text == ","), sentence_end)
    closing = all(t.is_punct or t.is_space for t in doc[end:sentence_end])
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    bare = doc[start].tag_ not in ("DT", "PRP$")
    if bare and not (closing and doc[start].pos_ in ("ADJ", "NOUN", "PROPN")):
        return range(0)  # closing the sentence, a bare noun phrase is one too: "according to its maker, Danish firm Norvik Pharma."
    if bare and any(t.ent_type_ in TIME_ENTITIES for t in doc[start:end]):
        return range(0)  # "It will rain, according to forecasters, Tuesday night.": when
    phrase = doc[start:end]
    relative = next((t.i for t in phrase if t.tag_ in ("WDT", "WP", "WP$")), end)
    root = phrase.root if len(phrase) else None
    if root is None or root.pos_ not in ("NOUN", "PROPN") or is_time_object(root):
        return range(0)  # "According to police, the night before the attack, the suspect ...": when
    if root.dep_ in SUBJECT_DEPS and not any(c.dep_ in SUBJECT_DEPS and c.i >= end for c in root.head.children):
        return range(0)  # the only subject: "the man, who was 34, died"
    if any(t.tag_ in FINITE_TAGS + ("MD",) for t in doc[start:relative]):
        return range(0)
    return range(start, end)


def is_addressee(obj: Token, heads: List[Token]) -> bool:
    """"told Reuters that ...": an object before the clause is the addressee, not content."""
    return obj.i < min(h.left_edge.i for h in heads)


def is_trailing_cue(verb: Token, heads: List[Token], addressee_verbs: Collection[str] = ()) -> bool:
    """"..., but the police overruled the request, another source said": the cue closes the sentence,
    and everything before its clause is what was said, whatever the parser hung under the verb
    (or over it: :func:`is_tag_under_content`)."""
    if is_tag_under_content(verb, addressee_verbs):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        verb.dep_ == "ROOT"
        and bool(heads) and all(h.i < verb.i for h in heads)
        and bool(subjects) and all(s.i > max(h.right_edge.i for h in heads) for s in subjects)
        and not any(t.text in OPENING_QUOTE_TOKENS for t in verb.sent[:1])
    )


def is_tag_under_content(verb: Token, addressee_verbs: Collection[str] = ()) -> bool:
    """"Okoye has asked to leave the club, chairman Derek Whitfield confirmed on Tuesday": a
    sentence-final speaker tag the parser hung under the reported clause's verb as its
    complement. The cue comes after that verb, its own subject right before it opens with a
    comma, nothing of its own stands before that comma (``He said that if ..., we will appeal``
    is a clause with its own condition) and it has no complement of its own, while that verb has
    one besides it ("to leave the club"; in ``The spokesman said on Monday, the residents had
    complained`` the clause is what "said" reports), so what it reports is the clause before.
    The object of a verb whose object is its addressee (``addressee_verbs``: "..., chief executive
    Rachel Voss told reporters on Monday") is no complement of that kind, and quoted words the
    parser hung on the tag's verb ("its batteries are charging “slowly but steadily”, ... told")
    are the clause's, and a clause that ends on a closing quotation mark before the comma needs no
    complement besides the tag: the quotation shows it is what was said."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.dep_ != "ccomp" or verb.head.i >= verb.i or subject is None:
        return False
    opening = subject.left_edge.i
    between = verb.doc[subject.right_edge.i + 1:verb.i]
    doc = verb.doc
    addressed = verb.lemma_.lower() in addressee_verbs
    return (opening > verb.head.i + 1 and doc[opening - 1].text == ","
            and all(c.i >= opening - 1 or quoted_start(c) for c in verb.children)
            and all(t.dep_ in ("aux", "neg", "advmod") for t in between)
            and not any(c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ in OBJECT_DEPS and not addressed) for c in verb.children)
            and (any(c.dep_ in CONTENT_CLAUSE_DEPS + OBJECT_DEPS and c.i < opening for c in verb.head.children)
                 or doc[opening - 2].tag_ == "''"))


def quoted_start(token: Token) -> bool:
    """Whether the phrase of ``token`` opens right after an opening quotation mark."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].tag_ == "``"


# ---------------------------------------------------------------------- trailing speaker tags
TAG_SOURCE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "CCONJ")
"""Parts of speech a speaker tag's noun phrase is made of ("the Court of Appeal", "a growers'
cooperative", "Nimbra and its partner"); hyphens inside compounds are allowed as well."""

TAG_SOURCE_HEADS = ("NOUN", "PROPN")
MAX_TAG_SOURCE_TOKENS = 10
FINITE_TAGS = ("VBD", "VBZ", "VBP")
TAG_TAIL_POS = ("ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADV", "PUNCT", "SPACE")
"""What may follow the cue of a trailing tag up to the sentence end: time, place and medium
adjuncts ("on Tuesday", "in a statement"), and a participial clause after a comma."""


TAG_CLAUSE_OPENERS = ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ")
"""How a reported main clause opens: with its subject. A clause opened by a subordinator, an
adverb or a participle ("When the time came, Washington backed away") is fronted before the
main clause, whose subject the "tag" then is."""


def trailing_tag(verb: Token) -> Optional[Tuple[Piece, Piece, Piece]]:
    """Cue, source and content of a sentence-final speaker tag read from the part-of-speech tags
    alone: "<clause>, the Swedish data-centre operator said on Tuesday." The small parser often
    breaks on a long lead sentence (more so after a dateline), hanging the cue on a noun or
    making the clause's last noun its subject, so this construction of wire copy is checked
    without the dependency parse. The source is a comma-free noun phrase right before the cue
    (or its auxiliary), possibly opened by a possessive ("its trustees"), or one with an
    apposition between commas ("the committee's president, Stefano Bellandi,"); a cue the tagger
    read as a bare participle counts after a phrase that could speak (:func:`_could_speak`); after the cue come
    only adjuncts up to the sentence end, or a comma and a participial or adjunct clause ("...,
    rejecting the company's argument", "..., after a two-year review"). A quotation closing
    before a tag with an apposition ("“... the author,” its co-founder, Mads Kjær, told the site
    Kodeposten.", the parser reading the cue as a second verb of the quoted clause) is what was
    said, however short and whether or not it holds a verb. None when any of it fails."""
    doc, sent = verb.doc, verb.sent
    cue_start = verb.i - 1 if verb.i > sent.start and doc[verb.i - 1].pos_ == "AUX" else verb.i
    if verb.tag_ not in FINITE_TAGS and verb.tag_ != "VBN":
        return None
    bare_participle = verb.tag_ == "VBN" and cue_start == verb.i
    source_end = cue_start
    start = _tag_phrase_start(doc, source_end, sent.start)
    if start == source_end and doc[source_end - 1].text == ",":
        source_end -= 1
        start = _with_apposition(doc, source_end, sent.start)
    quoted = (start >= sent.start + 2 and doc[start - 1].tag_ == "''" and doc[start - 2].text == ","  # “...,” the tag
              and any(t.text == "," for t in doc[start:source_end]))  # with an apposition, which the parser breaks on
    if start == source_end or start <= sent.start or doc[start - 1].text != "," and not quoted:
        return None
    if doc[source_end - 1].pos_ not in TAG_SOURCE_HEADS or doc[start].pos_ in ("ADP", "CCONJ", "PART"):
        return None
    if bare_participle and not _could_speak(doc[start:source_end]):
        return None
    for token in doc[verb.i + 1:sent.end]:
        if token.text == "," and token.i + 1 < sent.end and (doc[token.i + 1].tag_ == "VBG" or doc[token.i + 1].pos_ in ("ADP", "SCONJ")):
            break  # ", rejecting ...", ", after a two-year review": the tag's own adjunct clause
        if token.pos_ not in TAG_TAIL_POS or token.text in (",", ";", ":"):
            return None
    clause = [t for t in doc[sent.start:start - 1] if not (t.is_space or t.is_punct)]
    if not clause or not quoted and (
            len(clause) < 4 or clause[0].pos_ not in TAG_CLAUSE_OPENERS or not any(t.pos_ in ("VERB", "AUX") for t in clause)):
        return None  # a quotation shows itself what was said, verb or not
    return (cue_start, verb.i + 1), (start, source_end), (sent.start, start - 1)


def _could_speak(phrase: Span) -> bool:
    """Whether a tag's noun phrase before a bare participle names who could have said it: a plural
    ("geologists reported"), a name, or a possessive ("a growers' cooperative estimated"), where the
    tagger misread a past tense. A singular common noun is more likely a summary with a participle
    on it ("..., the third round of layoffs announced this year", "a move reported in January")."""
    head = phrase.root
    return head.tag_ in ("NNS", "NNP", "NNPS") or any(t.tag_ in ("POS", "PRP$") or t.ent_type_ in AGENT_ENTITIES for t in phrase)


def _tag_phrase_start(doc: Doc, end: int, floor: int) -> int:
    """The first token of the comma-free noun phrase of a speaker tag that ends at ``end``
    (``end`` itself when there is none)."""
    start = end
    while start > floor and end - start < MAX_TAG_SOURCE_TOKENS and (
            doc[start - 1].pos_ in TAG_SOURCE_POS or doc[start - 1].tag_ == "PRP$" or doc[start - 1].text in ("-", "'", "’", "&")):
        start -= 1
    return start


def _with_apposition(doc: Doc, end: int, floor: int) -> int:
    """The first token of a speaker tag's noun phrase with one apposition between commas that
    ends at ``end``: "the committee's president, Stefano Bellandi" (``end`` when there is none)."""
    inner = _tag_phrase_start(doc, end, floor)
    if inner == end or inner <= floor + 1 or doc[inner - 1].text != "," or doc[end - 1].pos_ not in TAG_SOURCE_HEADS:
        return end
    start = _tag_phrase_start(doc, inner - 1, floor)
    return start if start < inner - 1 else end


TIME_ENTITIES = ("DATE", "TIME")


TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "while", "time",
                        "morning", "afternoon", "evening", "night", "weekend"})
"""Nouns of time: "for years", "for a while", "the night before the attack" tell how long or
when, even where the NER marks no date."""


AMOUNT_WORDS = frozenset({"more", "less", "extra", "additional", "enough", "sufficient"})
"""Words that make a span of time an amount asked for or given ("more time"), not a duration."""


def is_time_object(token: Token) -> bool:
    """A date or time ("Saturday", "last week"), or a bare span of time ("years", "a while"); not
    one that an "of" phrase, a compound, an infinitive, an amount or a relative clause without a
    relative word makes a thing ("years of reform", "a four-day week", "more time to debate the
    bill", "the night her husband was killed": what somebody called for or testified about)."""
    if token.ent_type_ not in TIME_ENTITIES and token.lemma_.lower() not in TIME_NOUNS:
        return False
    return not any(child.dep_ == "prep" and child.lower_ == "of" or child.dep_ in ("compound", "acl")
                   or child.lower_ in AMOUNT_WORDS or contact_relative(child) for child in token.children)


def contact_relative(clause: Token) -> bool:
    """A relative clause with no relative word ("the night | her husband was killed"): it makes
    its noun a thing talked about. One opened by "that" may be a complement clause the parser
    misread ("warned for years | that the region faces droughts")."""
    return clause.dep_ == "relcl" and not any(
        t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that" for t in clause.subtree if t.i < clause.i)


def is_time_phrase(prep: Token) -> bool:
    """Whether a preposition's object is a date or time ("on Saturday", "for years"): an adjunct
    of when or how long."""
    return any(child.dep_ == "pobj" and is_time_object(child) for child in prep.children)


def inside(index: int, regions: List[Span]) -> bool:
    """Whether token ``index`` lies inside one of the quotation ``regions``."""
    return any(region.start <= index < region.end for region in regions)


# ---------------------------------------------------------------------- headlines
HEADLINE_CLAUSE_LINKS = ("as", "while", "but", "whereas")
"""Words that link a headline's second clause to its first ("Shares fall as investors fear ...")."""


def headline_segments(headline: Span) -> List[Span]:
    """Headline clauses: "Vessels collide near shoal; Manila alleges ..." has two."""
    segments, start = [], headline.start
    for token in headline:
        if token.text in HEADLINE_SEPARATORS:
            segments.append(headline.doc[start:token.i])
            start = token.i + 1
    segments.append(headline.doc[start:headline.end])
    return [segment for segment in segments if len(segment) > 1]


def misread_headline_verb(word: Token, cue: Token) -> bool:
    """"Voltra delays Swedish battery plant, cites weak EV demand": a headline's lower-case
    "-s" word after its capitalised subject that the tagger read as a plural noun is the first
    clause's verb when a singular cue after a comma shares that subject (a singular "cites"
    needs a singular subject, so "delays" is no plural noun heading it; "Tech giants delay
    plans, cite costs" has a plural cue and stays as read)."""
    doc = word.doc
    return (word.tag_ == "NNS" and word.text.islower() and word.i > word.sent.start and doc[word.i - 1].text[:1].isupper()
            and cue.tag_ == "VBZ" and cue.i > word.i and doc[cue.i - 1].text == ",")


def predicate_word(word: Token) -> bool:
    """Whether a headline's last word is an adjective closing a verbless clause ("says cloud demand
    strong"), also where the tagger read a lower-case one as a name ("says outlook weak")."""
    return word.pos_ == "ADJ" or word.pos_ == "PROPN" and word.text.islower()


def is_headline_subject(tokens: Span, clause_words: Collection[str]) -> bool:
    """Words before a headline cue must read as a speaker ("Pakistan", "Ministry of Defence"), not as
    a clause ("Ceasefire Frays as Both Sides Trade" + "Blame")."""
    return 0 < len(tokens) <= MAX_SPEAKER_TAG_WORDS and not any(t.lower_ in clause_words for t in tokens)


# ---------------------------------------------------------------------- content ranges
def cue_clause(verb: Token, content: List[Token]) -> Set[int]:
    """Tokens of the cue's own clause (subject, auxiliaries, adverbs) that content must not include."""
    content_tokens = {t.i for head in content for t in head.subtree}
    return {t.i for t in verb.subtree if t.i not in content_tokens}


def pieces_of(doc: Doc, heads: List[Token], exclude: Set[int]) -> List[Piece]:
    """Contiguous token ranges covering the heads' subtrees, minus ``exclude``."""
    if not heads:
        return []
    tokens = sorted({t.i for head in heads for t in head.subtree} - exclude)
    return runs([doc[i] for i in tokens])


def runs(tokens: List[Token]) -> List[Piece]:
    """Split a token list into maximal runs of consecutive tokens."""
    pieces: List[Piece] = []
    for token in tokens:
        if pieces and token.i == pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], token.i + 1)
        else:
            pieces.append((token.i, token.i + 1))
    return pieces


def merge(pieces: List[Piece]) -> List[Piece]:
    """Overlapping or touching ranges joined, in text order."""
    merged: List[Piece] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def clip_speaker_tag(verb: Token, piece: Piece, regions: List[Span]) -> Piece:
    """"“...,” the minister, Name, told reporters": when the parser hangs the speaker under the
    quoted clause, the content stops where the quotation ends."""
    start, end = piece
    if end > verb.i:
        return piece
    closing = [r for r in regions if start < r.end <= end]  # the piece may start inside, past the opening mark
    if not closing:
        return piece
    tail = verb.doc[closing[-1].end:end]
    if len(tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail):
        return start, closing[-1].end
    return piece


def extend_to_quotes(pieces: List[Piece], regions: List[Span], cue: Piece) -> List[Piece]:
    """A content piece that cuts a quotation grows to the whole quotation (multi-sentence quotes)."""
    extended = []
    for start, end in pieces:
        for region in regions:
            overlaps = region.start < end and start < region.end
            contains_cue = region.start <= cue[0] < region.end
            if overlaps and not contains_cue:
                start, end = min(start, region.start), max(end, region.end)
        extended.append((start, end))
    return merge(extended)


def trim(doc: Doc, piece: Piece, marks: str) -> Optional[Piece]:
    """Drop edge punctuation and spaces, but keep quotation marks that close or open inside the piece."""
    start, end = piece
    while start < end and _droppable(doc[start], marks):
        start += 1
    while end > start and _droppable(doc[end - 1], marks):
        end -= 1
    return (start, end) if end > start else None


def _droppable(token: Token, marks: str) -> bool:
    """Edge spaces, conjunctions and punctuation go; quotation marks stay (PolNeAR keeps them)."""
    if token.is_space or not token.text.strip() or token.dep_ == "cc" or is_symbol_or_invisible(token.text):
        return True  # an emoji or an invisible character at an edge is never content
    return token.is_punct and not any(ch in marks for ch in token.text) and token.text not in KEPT_EDGE_PUNCTUATION


def dedupe(found: List[Candidate]) -> List[Candidate]:
    """One claim per cue (the first found), in text order."""
    seen: Dict[Piece, Candidate] = {}
    for candidate in found:
        if candidate.cue not in seen and candidate.pieces:
            seen[candidate.cue] = candidate
    return sorted(seen.values(), key=lambda candidate: candidate.cue)


def block_quote(verb: Token) -> Optional[Tuple[int, int]]:
    """"The governor added:" closing its paragraph, then the words quoted as a paragraph of their
    own (a block quotation, set off by the line break instead of quotation marks): the verb,
    with a subject and the colon right after it, reports the next paragraph."""
    doc = verb.doc
    colon = verb.i + 1
    if colon + 2 >= len(doc) or doc[colon].text != ":" or "\n" not in doc[colon + 1].text or not doc[colon + 1].is_space:
        return None
    if not has_subject(verb):
        return None
    start = colon + 2
    end = next((t.i for t in doc[start:] if t.is_space and "\n" in t.text), len(doc))
    while end > start and doc[end - 1].is_space:
        end -= 1
    return (start, end) if end > start else None


def drop_nested(found: List[Candidate], narration: Optional[Callable[[int, int], Optional[int]]] = None) -> List[Candidate]:
    """Claims whose cue lies inside another claim's content go: "She said [the mayor wants to
    resign]" is one claim, not two ("wants" is part of what she said). ``narration`` gives where
    the writer's narration closing a content piece begins (a non-restrictive relative clause,
    which the content loses): a cue past it is no part of what was said ("his hands, which he
    said were at his side") and keeps its claim."""
    contents = [{t for start, end in c.pieces for t in range(start, end)} for c in found]

    def narrated(other: int, cue_start: int) -> bool:  # asked only of a claim holding another's cue
        cut = narration(*found[other].pieces[-1]) if narration is not None and found[other].pieces else None
        return cut is not None and cut < cue_start and cue_start >= found[other].pieces[-1][0]

    kept = []
    for index, candidate in enumerate(found):
        cue = set(range(*candidate.cue))
        nested = any(
            other != index and cue <= contents[other] and not set(range(*found[other].cue)) <= contents[index]
            and not narrated(other, candidate.cue[0])
            for other in range(len(found))
        )
        if not nested:
            kept.append(candidate)
    return kept


# ---------------------------------------------------------------------- quotations
def quote_kind(doc: Doc, pieces: List[Piece], regions: List[Span]) -> str:
    """direct (all words quoted), mixed (some) or indirect (none)."""
    words = [t for start, end in pieces for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not words:
        return "indirect"
    quoted = sum(1 for t in words if inside(t.i, regions))
    if quoted == len(words):
        return "direct"
    return "mixed" if quoted else "indirect"


def coverage(region: Span) -> float:
    """Share of the words of the region's sentences that lie inside the quotation. The sentences
    are those of the region's words: a parser may hang the opening mark on the previous sentence
    (en_core_web_sm reads ``''`` as a closing mark)."""
    sentences = {t.sent.start: t.sent for t in region if not (t.is_punct or t.is_space)}
    words = [t for sent in sentences.values() for t in sent if not (t.is_punct or t.is_space)]
    within = [t for t in words if region.start <= t.i < region.end]
    return len(within) / len(words) if words else 0.0


def quote_leads_into(region: Span, clause: Span) -> bool:
    """"“...,” she said": the quotation ends in a comma, ? or !, or a comma follows it."""
    inner_end = region[-2].text if len(region) > 1 else ""
    first = clause[0].text if len(clause) else ""
    return inner_end in QUOTE_LEAD_MARKS or first in CLAUSE_LEAD_MARKS


def speaker_tag_only(gap: Span, regions: List[Span]) -> bool:
    """Between a quoted claim and a following quotation: nothing, or the rest of "said Name, a title."."""
    if len(gap) > MAX_SPEAKER_TAG_GAP or any(inside(t.i, regions) for t in gap):
        return False
    return all(t.is_punct or t.is_space or t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP", "PART", "CCONJ", "NUM") for t in gap)


def looks_like_name(tokens: Span) -> bool:
    """A short capitalised phrase without a verb: the speaker tag of a verbless quote."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return (
        0 < len(words) <= MAX_SPEAKER_TAG_WORDS
        and words[0].text[:1].isupper()
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


def dash_or_colon_cue(doc: Doc, region: Span) -> Optional[Token]:
    """"“...” - Name" and "Name: “...”": the punctuation is the cue."""
    dash = region.end
    while dash < len(doc) and (doc[dash].is_space or doc[dash].text in (",", ".")) and "\n\n" not in doc[dash].text:
        dash += 1
    if dash < len(doc) and doc[dash].text in DASHES:
        region = doc[region.start:dash]
        end = region.end + 1
        while end < len(doc) and "\n" not in doc[end].text and doc[end].text not in (".", ";"):
            end += 1
        if looks_like_name(doc[region.end + 1:end]):
            return doc[region.end]
    if region.start >= 2 and doc[region.start - 1].text == ":":
        start = region.start - 1
        while start > 0 and "\n" not in doc[start - 1].text and doc[start - 1].text not in SENTENCE_ENDS:
            start -= 1
        if looks_like_name(doc[start:region.start - 1]):
            return doc[region.start - 1]
    return None


def inverted_colon_tag(doc: Doc, colon: int, cue_lemmas: Collection[str]) -> Optional[Tuple[Piece, Piece]]:
    """"Said Ellis: “...”", "Added the mayor: “...”": a reporting verb opening the stretch before
    a colon, with a short speaker after it, is the cue and the speaker its source (the parser,
    seeing no subject before the verb, reads neither). Returns the cue and source ranges."""
    if doc[colon].text != ":":
        return None
    start = colon
    while start > 0 and "\n" not in doc[start - 1].text and doc[start - 1].text not in SENTENCE_ENDS:
        start -= 1
    verb = doc[start]
    speaker = doc[start + 1:colon]
    if not verb.text[:1].isupper() or verb.lemma_.lower() not in cue_lemmas or not verb.tag_.startswith("VB"):
        return None
    words = [t for t in speaker if not t.is_punct]
    if not words or len(words) > MAX_SPEAKER_TAG_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return (verb.i, verb.i + 1), (speaker.start, speaker.end)


def transcript_turn(line: Span, not_speakers: Collection[str]) -> Optional[Tuple[Span, Token, Piece]]:
    """"PENCE: Well, look, ...": a line that opens with a speaker label in capitals (after any
    opening quotation mark) and a colon is a turn of a transcript or interview. Returns the label,
    the colon (the cue) and the rest of the line (what was said). Labels that are furniture
    ("CLARIFICATION:", "UPDATE:") are listed in ``not_speakers``; a label needs a word of two
    capital letters or more, so "Q:" and "A:" stay out (they name no one)."""
    doc, index = line.doc, line.start
    while index < line.end and doc[index].is_quote:
        index += 1
    label_start = index
    while index < line.end and index - label_start <= MAX_SPEAKER_TAG_WORDS and _label_token(doc[index]):
        index += 1
    if index >= line.end or doc[index].text != ":" or index == label_start:
        return None
    label = doc[label_start:index]
    if not any(t.is_alpha and len(t) >= 2 for t in label) or label.text.upper() in not_speakers:
        return None
    return label, doc[index], (index + 1, line.end)


def _label_token(token: Token) -> bool:
    return (token.is_upper and not token.is_punct) or token.text in LABEL_INNER_MARKS
