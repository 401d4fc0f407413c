"""``figure_grouper``: groups the quantities of a report that count the same thing, per speaker.

It runs after ``quantity_normaliser`` and writes ``doc._.figures``: one plain dict per group (frame,
entity, side, members with their claim, speaker and value range, per-speaker values, whether the
group is disputed and why). The rules are in :mod:`claimattr.figures.grouping`; the words they use
(frames, triggers, entity synonyms) are data in ``frames.json``, validated against
``frames.schema.json``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Union

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimattr.figures.grouping import REPORTER, FigureRules, Mention, speaker_key
from claimattr.rules.component import RuleComponent
from claimattr.schema import CLAIMS_KEY, ENTITIES_KEY, QUANTITIES_KEY
from claimattr.scoring.figures import FIGURE_SCORE_WEIGHTS, score_figures

DEFAULT_LEXICON = Path(__file__).parent / "frames.json"
"""The bundled frames lexicon."""
LEXICON_SCHEMA = Path(__file__).parent / "frames.schema.json"
"""The JSON Schema every frames lexicon must match; its descriptions document each key."""
FIGURES_KEY = "claimattr_figures"
"""Where ``doc._.figures`` lives in ``doc.user_data`` (plain data: survives DocBin and n_process)."""
WINDOW = 10
"""Tokens each side of a number searched for a frame trigger (within its claim's content or sentence)."""
SIDE_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "appos"}
SIDE_TYPES = {"government", "organisation", "group"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
NOT_PLACE_TYPES = {"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL"}
"""Entity types of proper nouns after "in"/"at" that are no place ("in April", "on Monday"). Not
PERSON: the recogniser takes unfamiliar place names for people ("at Kessa", "in Vass")."""
HEADLINE_CAPITALS = 0.6
"""Share of capitalised words above which a sentence is a headline: its capitals name no place
("Government Confirms 12 Killed in Election Protests")."""
DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that"}
"""Words that open a short definite description of an earlier speaker ("the ministry", "its army")."""


def _plain(value: Any) -> Any:
    """Lists again where msgpack (DocBin, n_process) gave back tuples."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _get_figures(doc: Doc) -> List[Dict[str, Any]]:
    return _plain(doc.user_data.get(FIGURES_KEY, []))


def _set_figures(doc: Doc, figures: List[Dict[str, Any]]) -> None:
    doc.user_data[FIGURES_KEY] = list(figures)


def register_figures_extension() -> None:
    """Idempotently add ``doc._.figures``."""
    if not Doc.has_extension("figures"):
        Doc.set_extension("figures", getter=_get_figures, setter=_set_figures)


register_figures_extension()


@Language.factory(
    "figure_grouper",
    default_config={"lexicon_path": None, "scorer": {"@scorers": "claimattr.figure_scorer.v1"}},
    requires=["doc._.quantities", "doc._.claims"],
    assigns=["doc._.figures"],
    default_score_weights=FIGURE_SCORE_WEIGHTS,
)
def make_figure_grouper(nlp: Language, name: str, lexicon_path: Optional[str], scorer: Optional[Callable]) -> "FigureGrouper":
    return FigureGrouper(nlp, name, lexicon_path=lexicon_path, scorer=scorer)


class FigureGrouper(RuleComponent):
    """Group quantities into figures and flag disputes; see :mod:`claimattr.figures.grouping`."""

    lexicon_schema = LEXICON_SCHEMA
    lexicon_file = "frames.json"

    def __init__(self, nlp: Language, name: str = "figure_grouper", *,
                 lexicon_path: Optional[Union[str, Path]] = None, scorer: Optional[Callable] = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.scorer = scorer if scorer is not None else score_figures
        self.lexicon: Dict[str, Any] = {}
        self._load(lexicon_path or DEFAULT_LEXICON)

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.rules = FigureRules(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = self.group(self.mentions(doc))
        return doc

    def mentions(self, doc: Doc) -> List[Mention]:
        """The document's quantities as figure mentions, read off its parse; exposed so that a
        text processed in pieces (long documents) can pool the mentions of every piece."""
        return doc_mentions(doc, self.rules.place_prepositions)

    def group(self, mentions: List[Mention]) -> List[Dict[str, Any]]:
        """Figure groups (with disputes) over ``mentions``, from one document or several pieces."""
        return self.rules.group(mentions)


def doc_mentions(doc: Doc, place_prepositions: Any = ("in", "at")) -> List[Mention]:
    """Every quantity of ``doc`` as a :class:`Mention`: those in claims with their claim's speaker,
    the rest with the reporter as speaker, each with the words around it."""
    claims = doc.user_data.get(CLAIMS_KEY, [])
    entities = doc.user_data.get(ENTITIES_KEY, [])
    by_claim = {index: entity for entity in entities for index in entity.get("claims", [])}
    mentions: List[Mention] = []
    seen = set()
    keys: List[str] = []
    workplaces = {w.lower() for claim in claims for w in (((claim.get("speaker") or {}).get("organisation") or {}).get("text") or "").split()}
    places = place_tokens(doc, place_prepositions, workplaces)
    for index, claim in enumerate(claims):
        key, name = speaker_key(claim.get("speaker"))
        entity = by_claim.get(index)
        if entity and entity.get("organisation") and not (claim.get("speaker") or {}).get("organisation"):
            key = speaker_key({"name": entity["organisation"]})[0]
        antecedent = antecedent_claim(claims[:index], claim.get("speaker"))
        if antecedent is not None:  # "the ministry", "its army", "the IMF": the speaker named before
            key = keys[antecedent]
        keys.append(key)
        pieces = [(p["start"], p["end"]) for p in claim.get("content", [])]
        for quantity in claim.get("quantities", []):
            seen.add((quantity["start"], quantity["end"]))
            piece = next(((s, e) for s, e in pieces if s <= quantity["start"] and quantity["end"] <= e), None)
            sides = [w for w in _speaker_sides(claim.get("speaker"), entity) if w.lower() not in DETERMINERS]
            sides = sides or (_proper_words((claims[antecedent].get("speaker") or {}).get("text", "")) if antecedent is not None else [])
            mentions.append(_mention(doc, quantity, index, key, name, piece, sides, place_prepositions, places))
    for quantity in doc.user_data.get(QUANTITIES_KEY, []):
        if (quantity["start"], quantity["end"]) not in seen:
            mentions.append(_mention(doc, quantity, None, REPORTER, REPORTER, None, [], place_prepositions, places))
    return mentions


def place_tokens(doc: Doc, place_prepositions: Any = ("in", "at"), workplaces: Set[str] = frozenset()) -> List[Token]:
    """Proper nouns a place preposition governs, directly or as the head of a compound or an
    apposition ("in Norden", "at Kesh prison", "in the capital, Vass"), in text order; not dates
    or numbers, nor the capitals of a headline, nor the words of ``workplaces``, the
    organisations speakers work for ("analysts *at Harrow Securities*")."""
    found = []
    headlines: Dict[int, bool] = {}
    for token in doc:
        if (token.pos_ != "PROPN" or not _proper(token) or token.ent_type_ in NOT_PLACE_TYPES
                or token.lower_ in workplaces):
            continue
        node = token
        while node.dep_ in ("compound", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ in place_prepositions:
            sent = token.sent
            if sent.start not in headlines:
                headlines[sent.start] = _headline(sent)
            if not headlines[sent.start]:
                found.append(token)
    return found


def _headline(sent: Any) -> bool:
    """Most words capitalised: a headline, whose capitals are no evidence of a name."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 3 and sum(1 for t in words if t.text[:1].isupper()) > HEADLINE_CAPITALS * len(words)


def context_place(places: Sequence[Token], sent: Any, number: int) -> Optional[str]:
    """The place a number's text is about: the nearest place of its sentence, else the latest
    one named before the sentence (the place a report has moved to stays until it names another)."""
    inside = [t for t in places if sent.start <= t.i < sent.end]
    if inside:
        return min(inside, key=lambda t: abs(t.i - number)).text
    earlier = [t for t in places if t.i < sent.start]
    return earlier[-1].text if earlier else None


def antecedent_claim(earlier: List[Dict[str, Any]], speaker: Optional[Dict[str, Any]]) -> Optional[int]:
    """The earlier claim whose speaker a short definite description or an acronym refers to:
    "The ministry" / "its army" -> the latest earlier speaker with that head noun ("Kestrel's
    defence ministry", "Almera's army"); "the IMF" -> the earlier "International Monetary Fund".
    Reports name a speaker once in full and then shorten it; the shortened mention is the same
    speaker, and keeping it apart would turn its own update into a dispute."""
    words = (speaker or {}).get("text", "").split()
    if not words:
        return None
    bare = [w for w in words if w.lower() not in DETERMINERS]
    if len(bare) == 1 and bare[0].isupper() and 2 <= len(bare[0]) <= 6:
        for index in range(len(earlier) - 1, -1, -1):
            other = (earlier[index].get("speaker") or {}).get("text", "")
            if _initials(other) == bare[0]:
                return index
        return None
    if len(words) > 3 or words[0].lower() not in DETERMINERS or len(bare) == len(words):
        return None
    head = words[-1].lower()
    for index in range(len(earlier) - 1, -1, -1):
        other = (earlier[index].get("speaker") or {}).get("text", "")
        other_words = other.lower().split()
        if head in other_words and len(other_words) > len(words) - 1 and other_words != [w.lower() for w in words]:
            return index
    return None


def _initials(text: str) -> str:
    """"The International Monetary Fund" -> "IMF"."""
    return "".join(w[0] for w in text.split() if w[:1].isupper() and w.lower() not in DETERMINERS)


def _proper_words(text: str) -> List[str]:
    """"Kestrel's defence ministry" -> ["Kestrel"]: the capitalised words, without a possessive."""
    found = [w[:-2] if w.endswith(("'s", "’s")) else w for w in text.split()]
    return [w for w in found if w[:1].isupper() and w.lower() not in DETERMINERS]


def _speaker_sides(speaker: Optional[Dict[str, Any]], entity: Optional[Dict[str, Any]]) -> List[str]:
    """Capitalised words naming the speaker's side: its organisation, or an organisation's own name."""
    if not speaker:
        return []
    texts = []
    if speaker.get("organisation"):
        texts.append(speaker["organisation"]["text"])
    if entity and entity.get("organisation"):
        texts.append(entity["organisation"])
    if speaker.get("type") in SIDE_TYPES:
        texts += [speaker.get("name") or "", speaker.get("text") or ""]
    words = [w.strip(".,'’s") if w.endswith(("'s", "’s")) else w for text in texts for w in text.split()]
    return [w for w in words if w[:1].isupper()]


def _mention(doc: Doc, quantity: Dict[str, Any], claim: Optional[int], key: str, name: str,
             piece: Optional[tuple], speaker_sides: List[str], place_prepositions: Any = ("in", "at"),
             places: Sequence[Token] = ()) -> Mention:
    mention = Mention(dict(quantity), claim, key, name, speaker_sides=speaker_sides)
    span = doc.char_span(quantity["start"], quantity["end"], alignment_mode="expand")
    if span is None:
        return mention
    sent = span.sent
    mention.unit_sentence = sent.start
    mention.context_place = context_place(places, sent, span.start)
    low, high = sent.start, sent.end
    if piece is not None:
        low = max(low, _token_at(doc, piece[0]))
        high = min(high, _token_at(doc, piece[1] - 1) + 1)
    low, high = max(low, span.start - WINDOW), min(high, span.end + WINDOW)
    own = _clause_start(doc, low, span.start)
    event = quantity.get("event") or {}
    mention.event_elsewhere = own > low and event.get("end") is not None and event["end"] <= doc[own].idx
    region = [t for t in doc[low:high] if not (span.start <= t.i < span.end) and not t.is_punct]
    words = [t for t in sent if not (span.start <= t.i < span.end) and not t.is_punct]
    mention.sentence = [t.lemma_.lower() for t in words]
    if piece is not None:  # the rest of the sentence: the cue and its speaker, nearest first
        rest = [t for t in words if not (low <= t.i < high)]
        mention.beyond = [t.lemma_.lower() for t in sorted(rest, key=lambda t: abs(t.i - span.start))]
    mention.clause = [t.lemma_.lower() for t in region]
    # nearest first, the number's own clause before the clause before it
    region.sort(key=lambda t: (t.i < own, span.start - t.i if t.i < span.start else t.i - span.end + 1))
    mention.window = [(t.lemma_.lower(), t.text) for t in region]
    mention.places = [t.text for t in region if t.ent_type_ in PLACE_TYPES and t.head.lower_ in place_prepositions and _proper(t)]
    mention.before = [t.lemma_.lower() for t in reversed(doc[max(sent.start, span.start - 3):span.start])]
    mention.after = [t.lemma_.lower() for t in doc[span.end:min(sent.end, span.end + 6)]]
    mention.agents = [t.lemma_.lower() for t in _governing_verb(span.root).children if t.dep_ == "nsubj"]
    anchor = quantity.get("entity")
    if anchor:
        entity = doc.char_span(anchor["start"], anchor["end"], alignment_mode="expand")
        if entity is not None:
            tokens = list(entity) + [c for c in entity.root.children if c.dep_ in SIDE_DEPS and c not in entity]
            tokens += [g for c in entity.root.children if c.dep_ == "poss" for g in c.subtree if g not in tokens]
            mention.modifiers = [(t.lemma_.lower(), t.text) for t in tokens if t.i != entity.root.i]
            mention.sides = [t.text for t in tokens if t.i != entity.root.i and _proper(t)]
    return mention


def _clause_start(doc: Doc, low: int, number: int) -> int:
    """The first token of the number's own clause: after the last clause marker before it ("were
    being treated well and *that* 41 sailors were in custody"). Words before it, "treated"
    included, belong to another clause: its triggers are searched only after the number's own."""
    marks = [t.i for t in doc[low:number] if t.dep_ == "mark"]
    return marks[-1] + 1 if marks else low


def _governing_verb(token: Token) -> Token:
    """The verb a number depends on ("Police detained *more than 150*" -> "detained"), or the
    number's own head where no verb is within three steps."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else token.head


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _proper(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN") and token.is_alpha
