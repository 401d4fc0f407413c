"""One set of claims from two detectors: a trained model's and the rules'.

The two are complementary (docs/accuracy.md, error anatomy on PolNeAR dev): the rules bound
contents and cues exactly where they fire but miss constructions they do not know, while the
trained tagger finds more claims but also tags verbs that report nothing (trained on political
news, it takes "make", "have" or "look" for cues where nobody is quoted). So the combination keeps every rule claim and, where both found the same attribution
(their cues overlap), takes the cue and content from the rules and the source from the model
unless the model's source misses the subject the parse gives the cue, is cut short, stops
before its apposition or runs over a clause:

- a rule claim whose cue overlaps a model claim's cue: one claim, the rules' cue, content pieces
  and kind, the model's speaker mention (or the cue's subject, :func:`misses_subject`, the whole
  phrase where the model's was cut, :func:`cut_short`, :func:`leaves_apposition`, the parse's
  noun phrase where the model's took in a clause, :func:`holds_clause`, or the
  source the rules' construction showed where the model has none); the
  model's content only where it extends the rules'
  within the same sentences (:func:`extends_rule_content`);
- a model claim no rule claim shares a cue with: kept only with evidence that it is reported
  speech (:func:`has_evidence`), and not when its cue is the main verb of a sentence another
  claim's content reports (:func:`reported_sentence`);
- a rule claim that shares no cue with a model claim: added as it is (a construction the model
  missed) unless its content overlaps one of the claims above: then the two disagree on the
  attribution and the model is the more often right. A model claim dropped for want of
  evidence does not shadow the rule claim. The exception: every claim it overlaps has its cue
  inside the rule's content (the model tagged the reported event, "The firm is recalling heaters,
  a spokesman confirmed"); then the rule claim replaces them (:func:`reports_within`). The other
  exception: the rule's cue is a second report hanging on the model's cue ("attacked the chief,
  blaming him for ..."), which the model merged into one claim, or the model's content ran on
  into a later sentence that the rules found reported by its own tag ("... Those discussions are
  continuing, he said."); then the model's content stops before it and both stay
  (:func:`model_stop`); where all the model's content lay in such later sentences ("Coach Lena
  Brandt disagreed. “It was a clear penalty,” she said"), nothing of it is left and only the
  rule claim stays.

Every choice here was measured on PolNeAR dev and on news from other domains (docs/accuracy.md).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Collection, List, Optional, Sequence, Set

from spacy.tokens import Doc, Span, Token

from claimattr.detector.constructions import FINITE_TAGS, misread_headline_verb
from claimattr.quotes import CLOSING_QUOTES, OPENING_QUOTES
from claimattr.rules.syntax import object_controller
from claimattr.schema import Claim, TextSpan

QUOTED_KINDS = ("direct", "mixed")
"""Claim kinds whose content is (partly) in quotation marks: quoted words are somebody's words."""


def spans_overlap(a: TextSpan, b: TextSpan) -> bool:
    """Whether two character spans share at least one character."""
    return a.start < b.end and b.start < a.end


def contents_overlap(a: Claim, b: Claim) -> bool:
    """Whether any content piece of ``a`` shares a character with one of ``b``."""
    return any(spans_overlap(p, q) for p in a.content for q in b.content)


def cue_root(doc: Doc, claim: Claim) -> Optional[Token]:
    """The syntactic head of the claim's cue in ``doc``'s parse."""
    span = claim.cue.to_span(doc)
    return span.root if span is not None and len(span) else None


def source_is_subject(doc: Doc, claim: Claim, root: Token) -> bool:
    """Whether the claim's source is the nominal subject of its cue ("Reid has gone after Trump"):
    the parse then agrees with the model that somebody is doing the saying."""
    if claim.speaker is None:
        return False
    mention = claim.speaker.mention.to_span(doc)
    return mention is not None and len(mention) > 0 and mention.root.dep_ == "nsubj" and mention.root.head.i == root.i


def subject_of_content(claim: Claim, root: Token) -> bool:
    """Whether the cue is the subject of the clause its content holds ("Dutch coalition *talks*
    | collapse over asylum rules"): a noun the model read as a cue that is what the sentence is
    about, and no report. Not before "be", which states what the cue says ("His promise to
    voters was that taxes would not rise")."""
    return (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ != "be"
            and any(piece.start <= root.head.idx < piece.end for piece in claim.content))


def has_evidence(doc: Doc, claim: Claim, cue_lemmas: Collection[str], rarely_reporting: Collection[str] = ()) -> bool:
    """Whether a claim only the model found shows that it is reported speech: its content is
    quoted, its cue is punctuation ("Name: ..."), its cue's lemma is a reporting word of the
    lexicon, or its source is the subject of its cue, unless that cue is a verb the training data
    almost never makes a cue (``rarely_reporting``: "Mr. Clarke hired an investment banker"); an
    unquoted cue that is the subject of its own content's clause shows nothing (:func:`subject_of_content`).
    Without any of these the model has most likely tagged an ordinary verb: dropping such claims
    raised attribution precision and F1 on PolNeAR dev and on news of other domains
    (docs/accuracy.md)."""
    root = cue_root(doc, claim)
    if root is not None and (named_cue(root, cue_lemmas) or time_cue(root, cue_lemmas)):
        return False
    if claim.kind in QUOTED_KINDS:
        return True
    if root is None or subject_of_content(claim, root):
        return False
    lemma = root.lemma_.lower()
    return root.is_punct or lemma in cue_lemmas or (
        source_is_subject(doc, claim, root) and not (root.pos_ == "VERB" and lemma in rarely_reporting))


def named_cue(root: Token, cue_lemmas: Collection[str]) -> bool:
    """Whether the model's cue is a word of a name that is the object of something else ("told
    the Irish Tech *Journal* that ...": the tagger read the outlet's last word as the cue and its
    first as the source): a proper noun inside a named entity that is an object, and no reporting
    word of the lexicon, reports nothing, quoted content or not. A headline's capitalised verb the
    NER took into a subject's name ("Apple Says ...") is no object."""
    if root.pos_ != "PROPN" or not root.ent_type_ or root.lemma_.lower() in cue_lemmas:
        return False
    entity = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    return entity is not None and entity.root.dep_ in ("dobj", "dative", "pobj")


TIME_ENTITIES = ("DATE", "TIME")
"""Entity labels of time expressions: when something was said, never how."""


def time_cue(root: Token, cue_lemmas: Collection[str]) -> bool:
    """Whether the model's cue is a time expression ("told the Irish Business Review *last month*
    that ..."): the tagger read the adjunct between the verb and its content as the cue, and
    the words carry no report, quoted content or not (the verb's own claim, found by the rules,
    then stands)."""
    return root.ent_type_ in TIME_ENTITIES and root.lemma_.lower() not in cue_lemmas


def characters(claim: Claim) -> Set[int]:
    """The character offsets the claim's content covers."""
    return {i for piece in claim.content for i in range(piece.start, piece.end)}


def sentences(doc: Doc, claim: Claim) -> Set[int]:
    """The sentences (by first token) the claim's content touches."""
    spans = (piece.to_span(doc) for piece in claim.content)
    return {token.sent.start for span in spans if span is not None for token in span}


CUE_DEPENDENT_DEPS = ("dative", "npadvmod")
"""Dependents of a cue that are no part of what was said when they come before its content: the
addressee ("told *her* that ...") and a bare-noun time adjunct ("said *last week* he ...")."""


def _cue_child_above(token: Token, inside_rule: Set[int], cue: Token) -> Optional[Token]:
    """The cue's child that ``token`` hangs under, when no word of the rules' content lies on the
    way up (that word would make ``token`` part of the content)."""
    while token.head.i != token.i:
        if token.head.idx in inside_rule:
            return None
        if token.head.i == cue.i:
            return token
        token = token.head
    return None


def opens_with_cue_dependent(doc: Doc, model: Claim, rule: Claim, addressee_verbs: Collection[str]) -> bool:
    """Whether the model's content starts, before the rules' content, with words that belong to
    the cue: a dative or bare-noun adjunct of it, or the object of an addressee verb ("told *the
    business daily Affarsposten* that ...") unless the content is its infinitive. Only before the rules' content: PolNeAR's annotators
    keep a trailing adjunct ("cited his endorsements Tuesday") as often as they leave it out."""
    cue = cue_root(doc, rule)
    inside_rule = characters(rule)
    if cue is None or not inside_rule:
        return False
    addressee = cue.lemma_.lower() in addressee_verbs and not _infinitive_content(cue, inside_rule)
    opening = doc.char_span(min(characters(model)), min(inside_rule), alignment_mode="expand")
    for token in opening if opening is not None else ():
        child = None if token.is_punct or token.is_space else _cue_child_above(token, inside_rule, cue)
        if child is not None and (child.dep_ in CUE_DEPENDENT_DEPS or (child.dep_ == "dobj" and addressee)):
            return True
    return False


def _infinitive_content(cue: Token, inside_rule: Set[int]) -> bool:
    """Whether the rules' content is an infinitive hanging on the cue ("urged her husband *to come
    out*"): the object is then the subject of that infinitive and belongs to the content."""
    return any(child.dep_ == "xcomp" and child.idx in inside_rule for child in cue.children)


QUOTE_CHARACTERS = set(OPENING_QUOTES + CLOSING_QUOTES)


def trailing_punctuation_only(model: Claim, extra: Set[int], rule: Claim) -> bool:
    """Whether the characters a model content adds to the rules' (``extra``, offsets inside the
    model's pieces) lie all outside the rules' extent and hold no word: a comma or period the
    tagger ran on to is no reading further. Joining the rules' pieces ("opponent[, ]a request
    ...") is, and so is closing a quotation ("an 'intentional act[.']"). The characters are read
    from the model's pieces, not from ``doc.text``, which spaCy rebuilds from every token on
    each access."""
    start, end = min(p.start for p in rule.content), max(p.end for p in rule.content)
    if any(start <= i < end for i in extra):
        return False
    added = (piece.text[i - piece.start] for piece in model.content for i in extra if piece.start <= i < piece.end)
    return all(not c.isalnum() and c not in QUOTE_CHARACTERS for c in added)


def toward_cue(extra: Set[int], rule: Claim) -> bool:
    """Whether characters a model content adds to the rules' lie between the rules' content and
    their cue. For "according to" that is where the source and its apposition stand ("According
    to [police, ]the man ...", "According to Threatline, [a company that ..., ]the firm ..."),
    which the rules left out on purpose; a verb's content may well start nearer its cue than the
    rules read it (its subject: "seemed to think [the outreach] was phony")."""
    start, end = min(p.start for p in rule.content), max(p.end for p in rule.content)
    if rule.cue.end <= start:
        return any(rule.cue.end <= i < start for i in extra)
    if end <= rule.cue.start:
        return any(end <= i < rule.cue.start for i in extra)
    return False


def extends_rule_content(doc: Doc, model: Claim, rule: Claim, rules: Sequence[Claim],
                         addressee_verbs: Collection[str] = ()) -> bool:
    """Whether the model's content is one stretch that strictly contains the rules' content and
    stays in its sentences: the rules stopped short ("said A and B" parsed with "and B" outside
    the clause, a quotation cut at its closing mark) where the model read on. A model content in
    several pieces or running into another sentence is the model's usual error, not this, and so
    is a content that swallows another cue the rules found ("said A, adding B": two claims) or
    one that opens with the cue's own dependents (:func:`opens_with_cue_dependent`), holds the
    cue's subject or the source the rules found (the speaker: "“We live in hard times,” | my
    father | often said"), the verb the cue's clause hangs on (:func:`governing_verb_within`:
    "After saying her foot was swollen, | she was taken ...") or runs out
    of the relative clause the cue heads into the clause around it ("The firm, which says it has
    400,000 customers, | was bought last year": :func:`leaves_relative_clause`)."""
    covered, ruled = characters(model), characters(rule)
    root = cue_root(doc, rule)
    return (len(model.content) == 1 and ruled < covered
            and not (root is not None and leaves_relative_clause(root, covered))
            and not trailing_punctuation_only(model, covered - ruled, rule)
            and not (rule.kind == "according_to" and toward_cue(covered - ruled, rule))
            and sentences(doc, model) <= sentences(doc, rule)
            and not any(other.cue.start in covered for other in rules)
            and not opens_with_cue_dependent(doc, model, rule, addressee_verbs)
            and not (root is not None and any(c.dep_ == "nsubj" and c.idx in covered for c in root.children))
            and not (rule.speaker is not None and rule.speaker.mention.start in covered)
            and not (root is not None and governing_verb_within(root, covered)))


def governing_verb_within(root: Token, covered: Set[int]) -> bool:
    """Whether a content holds the verb of the clause its cue's own clause depends on ("After
    saying her foot was swollen, | she was taken to hospital"): what the participle reports ends
    with its clause, and the clause it hangs on is the narration (its subject is the speaker)."""
    token = root
    while token.dep_ in ("pcomp", "prep", "advcl") and token.head is not token:
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.i != root.i:
            return token.idx in covered
    return False


def leaves_relative_clause(root: Token, covered: Set[int]) -> bool:
    """Whether a content runs past the relative clause a cue heads into the main clause that
    resumes after it with its verb ("The firm, which says it has 400,000 customers, | was bought
    last year"): what "which says" reports ends with the clause. A coordinator there may go on
    with the content (", but could not bear to ..."), which the parser often hangs elsewhere."""
    if root.dep_ != "relcl":
        return False
    doc = root.doc
    after = next((t for t in doc[root.right_edge.i + 1:root.sent.end] if not t.is_punct), None)
    return after is not None and after.pos_ in ("AUX", "VERB") and after.idx in covered


def _subject_before(root: Token) -> Optional[Token]:
    """The nominal subject standing right before the cue ``root``: only auxiliaries, negation,
    adverbs and punctuation between them ("The union, which represents 1,100 workers, said"), but
    no quotation mark: a noun the parser made the subject from inside the quotation the cue
    closes ("“..., teams sprayed every neighbourhood,” said Tran Van Minh") is what was said."""
    subject = next((child for child in root.children if child.dep_ == "nsubj" and child.i < root.i), None)
    if subject is None:
        return None
    between = root.doc[subject.right_edge.i + 1:root.i]
    return subject if all(t.dep_ in ("aux", "neg", "advmod", "punct") and not t.is_quote for t in between) else None


SHARED_SUBJECT_DEPS = ("advcl", "conj")
"""How a cue without a subject of its own hangs on a verb whose subject it shares: a participle
("rejected the offer, *saying* ...") or a coordinated verb ("drilled two lakes and *plans* to ...")."""


REPORTED_CLAUSE_DEPS = ("ccomp", "advcl", "xcomp", "relcl")
"""Heads whose subject a cue does not share: the parser hangs a second cue on the verb of the
first one's content ("said he'd battled ... and *called* it ..."), whose subject is not the speaker."""


def shared_subject(root: Token) -> Optional[Token]:
    """The subject a cue with none of its own shares with the verb it hangs on: the participle
    or conjunct's head's nominal subject, standing before that head, unless that head is itself
    a subordinate clause (:data:`REPORTED_CLAUSE_DEPS`)."""
    if root.dep_ not in SHARED_SUBJECT_DEPS or root.head.i >= root.i or any(c.dep_.startswith("nsubj") for c in root.children):
        return None
    if (root.dep_ == "advcl" and root.tag_ != "VBG") or root.head.dep_ in REPORTED_CLAUSE_DEPS:
        return None
    return next((c for c in root.head.children if c.dep_ == "nsubj" and c.i < root.head.i), None)


def misses_subject(doc: Doc, rule: Claim, model: Claim) -> bool:
    """Whether the model's source leaves out the subject the parse puts right before the cue: a
    tagger trained on one kind of news takes a relative clause or an apposition for the source
    ("A second person, | who was briefed on the talks, | said") or a nearby name ("Trump,
    appearing after | Clinton | at the forum, cited"), or, for a participle or second verb with
    no subject of its own, a noun of the first clause ("The board has rejected the offer from
    | Brandt |, saying"; :func:`shared_subject`), or, for a to-infinitive on a verb with an
    object, the subject rather than that object ("The senator forced | Stumpf | to admit":
    :func:`object_controller`); a subject next to its verb is the parse's surest reading."""
    root = cue_root(doc, rule)
    subject = (_subject_before(root) or shared_subject(root) or object_controller(root)) if root is not None else None
    mention = model.speaker.mention if model.speaker is not None else None
    return subject is not None and mention is not None and not mention.start <= subject.idx < mention.end


DANGLING_POS = ("ADP", "DET", "CCONJ")
"""Parts of speech a noun phrase cannot end with: a source ending so was cut short by the tagger
("*The chair of* the judges, the broadcaster Alan MacLeod, said")."""


def source_span(doc: Doc, claim: Claim) -> Optional[Span]:
    """The claim's source mention in ``doc``, or None."""
    mention = claim.speaker.mention.to_span(doc) if claim.speaker is not None else None
    return mention if mention is not None and len(mention) else None


def cut_short(doc: Doc, claim: Claim) -> bool:
    """Whether the claim's source mention stops on a word that needs more after it."""
    words = [token for token in source_span(doc, claim) or () if not token.is_punct]
    return bool(words) and words[-1].pos_ in DANGLING_POS


def leaves_apposition(doc: Doc, claim: Claim) -> bool:
    """Whether the claim's source mention stops before an apposition that names it ("*Kristinehamn's
    mayor*, Per Lindqvist, wants"): the whole phrase names the speaker, and its name is in the
    part left out. A name with its description after it ("Anna Lindqvist, the town's mayor,")
    has the name already: only a description (a common noun's phrase) leaves out a name."""
    mention = source_span(doc, claim)
    if mention is None or mention.root.pos_ == "PROPN":
        return False
    return any(child.dep_ == "appos" and child.i >= mention.end and child.pos_ == "PROPN" for child in mention.root.children)


def holds_clause(doc: Doc, claim: Claim) -> bool:
    """Whether the claim's source mention runs over a finite verb: a speaker is a noun phrase,
    so it took in a clause ("*Activist Harrowgate builds stake in Veldhoven*, says ..."), also a
    headline verb the tagger read as a plural noun ("*Voltra delays* ..., cites ...",
    :func:`misread_headline_verb`)."""
    cue = cue_root(doc, claim)
    return any(token.pos_ == "VERB" and token.tag_ in FINITE_TAGS or cue is not None and misread_headline_verb(token, cue)
               for token in source_span(doc, claim) or ())


def agreed(doc: Doc, rule: Claim, model: Claim, rules: Sequence[Claim], addressee_verbs: Collection[str] = ()) -> Claim:
    """One claim from a rule claim and a model claim with overlapping cues: the rules' cue and
    kind, the model's speaker unless it misses the cue's subject (:func:`misses_subject`; the
    speaker linker then takes the subject), is cut short, stops before its apposition or runs
    over a clause (:func:`cut_short`, :func:`leaves_apposition`, :func:`holds_clause`), or has
    none where the construction showed one (a relative pronoun, "Protesters were frustrated
    that"), and the rules' content unless the model's extends it."""
    content = model.content if extends_rule_content(doc, model, rule, rules, addressee_verbs) else rule.content
    speaker = rule.speaker if (model.speaker is None or misses_subject(doc, rule, model) or cut_short(doc, model)
               or leaves_apposition(doc, model) or holds_clause(doc, model)) else model.speaker
    return replace(rule, speaker=speaker, content=content)


def reports_within(rule: Claim, model: Claim) -> bool:
    """Whether the model's cue lies inside the rule claim's content while the rule's cue lies
    outside the model's content: "The firm is recalling heaters, a spokesman confirmed" -- the
    model took the reported event for the attribution, the rules found the report around it. Not
    for a headline, whose content the rules bound by punctuation alone: "Government Hails Record
    Auction, Critics Say Prices Too High" is two claims, and the second cue is the model's --
    unless the model's source holds the rule's cue ("Rescue chief: alerts are “crying wolf”",
    the model's source running over the colon to a verb of the content): then the model misread
    the same headline."""
    if rule.kind == "headline" and not (model.speaker is not None and spans_overlap(model.speaker.mention, rule.cue)):
        return False
    inside_rule = any(p.start <= model.cue.start and model.cue.end <= p.end for p in rule.content)
    return inside_rule and not any(spans_overlap(rule.cue, p) for p in model.content)


SECOND_CLAIM_DEPS = ("advcl", "conj")
"""How a second report of the same source hangs on the first cue: "criticised the plan, saying
...", "questioned the count and demanded a recount"."""


def second_report(doc: Doc, rule: Claim, model: Claim) -> Optional[int]:
    """Where the model's content must stop when it ran over a second report of the same source
    that the rules found: the rule's cue hangs on the model's cue as an adverbial participle or a
    conjunct and lies after it, inside the model's content. The token index of that clause's start,
    or None."""
    rule_root, model_root = cue_root(doc, rule), cue_root(doc, model)
    if rule_root is None or model_root is None or rule.cue.start < model.cue.end:
        return None
    if rule_root.head.i != model_root.i or rule_root.dep_ not in SECOND_CLAIM_DEPS:
        return None
    if not any(p.start <= rule.cue.start < p.end for p in model.content):
        return None
    return rule_root.left_edge.i


def tagged_sentence(doc: Doc, rule: Claim, model: Claim) -> Optional[int]:
    """Where the model's content must stop when it ran on from an earlier sentence into one the
    rules found reported by its own tag ("... to ratepayers. Those discussions are continuing, he
    said."): the start of that sentence, or None. Not for quoted contents, whose quotation may
    well go on over several sentences."""
    rule_root, model_root = cue_root(doc, rule), cue_root(doc, model)
    if rule_root is None or model_root is None or model.kind in QUOTED_KINDS:
        return None
    start = rule_root.sent.start
    if model_root.i >= start or min(piece.start for piece in model.content) >= doc[start].idx:
        return None
    tagged = all(doc[start].idx <= piece.start and piece.end <= rule.cue.start for piece in rule.content)
    return start if tagged else None


def retagged_sentences(doc: Doc, rule: Claim, model: Claim) -> Optional[int]:
    """Where the model's content starts when all of it lies in sentences after its cue's and the
    rules found those sentences reported by their own tag ("Coach Lena Brandt disagreed. “It was
    a clear penalty,” she said"): the quotation that follows a claim goes on with it only while
    nobody else is said to say it, so the model's claim has no content left; else None."""
    rule_root, model_root = cue_root(doc, rule), cue_root(doc, model)
    if rule_root is None or model_root is None:
        return None
    start = min(piece.start for piece in model.content)
    if start < model_root.sent.end_char or rule.cue.start < start:
        return None
    tag = rule_root.sent
    if not any(piece.start < tag.end_char and tag.start_char < piece.end for piece in model.content):
        return None
    opening = doc.char_span(start, start + 1, alignment_mode="expand")
    return opening.start if opening is not None else None


def model_stop(doc: Doc, rule: Claim, model: Claim) -> Optional[int]:
    """Where the model's content stops for a rule claim it overlaps: before a second report of
    the same source, before a sentence with its own speaker tag, or, where all of it lies in
    later sentences with their own tag, before it starts; None when none applies."""
    for stop in (second_report, tagged_sentence, retagged_sentences):
        cut = stop(doc, rule, model)
        if cut is not None:
            return cut
    return None


def cut_at(doc: Doc, claim: Claim, index: int) -> Optional[Claim]:
    """The claim with its content ending before token ``index`` (and the punctuation and
    conjunction before it); None when nothing would be left."""
    end_char = doc[index].idx
    token = index
    while token > 0 and (doc[token - 1].is_punct or doc[token - 1].is_space or doc[token - 1].dep_ == "cc"):
        token -= 1
        end_char = doc[token].idx
    pieces = []
    for piece in claim.content:
        if piece.end <= end_char:
            pieces.append(piece)
        elif piece.start < end_char:
            span = doc.char_span(piece.start, end_char, alignment_mode="contract")
            if span is not None and len(span):
                pieces.append(TextSpan.from_span(span))
    return replace(claim, content=pieces) if pieces else None


def reported_sentence(doc: Doc, claim: Claim, claims: Sequence[Claim]) -> bool:
    """Whether a claim's cue is the main verb of a sentence that lies inside another claim's
    content: a sentence of a quotation or of a report ("PENCE: ... Hillary Clinton apparently
    thinks ...", "He hopes to keep the striker, he said"), whose words the other claim reports.
    The model tags such a verb as if its sentence stood alone; dropping the claims it alone
    found so raised attribution precision on PolNeAR dev and on news of other domains."""
    root = cue_root(doc, claim)
    return root is not None and root.dep_ == "ROOT" and any(
        other is not claim and any(p.start <= claim.cue.start and claim.cue.end <= p.end for p in other.content) for other in claims
    )


def in_narration(doc: Doc, rule: Claim, claim: Claim, narration: Callable[[int, int], Optional[int]]) -> bool:
    """Whether the rule's cue lies in the writer's narration closing the claim's last content
    piece (", which the bank denied": ``narration`` gives where it begins), which the claim
    loses, so the report there is no rival of it."""
    piece = claim.content[-1].to_span(doc) if claim.content and claim.kind != "direct" else None
    cut = narration(piece.start, piece.end) if piece is not None and len(piece) else None
    cue = rule.cue.to_span(doc)
    return cut is not None and cue is not None and len(cue) > 0 and cue.start > cut


def combine_claims(doc: Doc, model: Sequence[Claim], rules: Sequence[Claim], cue_lemmas: Collection[str],
                   addressee_verbs: Collection[str] = (), rarely_reporting: Collection[str] = (),
                   narration: Optional[Callable[[int, int], Optional[int]]] = None) -> List[Claim]:
    """The rules' claims (with the model's source where both found the attribution), plus the
    model's claims the rules did not find that show evidence of being reported speech
    (:func:`has_evidence`, reading ``rarely_reporting``), plus the rules' claims that overlap
    none of these or only claims on events inside their content (which go, unless the rules found
    them too: "The tracks show that ..., according to a study" keeps both reports), or only in
    the narration closing their content (``narration``: :func:`in_narration`). ``addressee_verbs``: lemmas
    whose direct object is the addressee (lexicon ``addressee_verbs``), never part of the content."""
    shared = [[i for i, claim in enumerate(model) if spans_overlap(claim.cue, rule.cue)] for rule in rules]
    merged = {i for same in shared for i in same}
    combined = [agreed(doc, rule, model[same[0]], rules, addressee_verbs) for rule, same in zip(rules, shared) if same]
    unshared = [claim for i, claim in enumerate(model) if i not in merged and has_evidence(doc, claim, cue_lemmas, rarely_reporting)]
    unshared_ids = {id(claim) for claim in unshared}
    combined += unshared
    for rule, same in zip(rules, shared):
        if same:
            continue
        rivals = [claim for claim in combined if contents_overlap(claim, rule)
                  and not (narration is not None and in_narration(doc, rule, claim, narration))]
        if all(reports_within(rule, claim) for claim in rivals):
            # the model's event goes; a report the rules found too stays under the one reporting it
            combined = [claim for claim in combined if claim not in rivals or id(claim) not in unshared_ids] + [rule]
            continue
        cuts = [model_stop(doc, rule, claim) for claim in rivals]
        if all(cut is not None for cut in cuts):
            trimmed = [cut_at(doc, claim, cut) for claim, cut in zip(rivals, cuts)]
            combined = [claim for claim in combined if claim not in rivals] + [c for c in trimmed if c is not None] + [rule]
    combined = [claim for claim in combined if id(claim) not in unshared_ids or not reported_sentence(doc, claim, combined)]
    return sorted(combined, key=lambda claim: (claim.cue.start, claim.cue.end))
