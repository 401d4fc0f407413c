"""Dependency-parse vocabulary shared by the rule components.

The detector and the linker read the same parse (en_core_web_sm's ClearNLP labels), so the
labels and token tests they both rely on are defined once here.
"""
from __future__ import annotations

from typing import Iterator, Optional, Sequence

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
"""Dependency labels of a clause's subject (ClearNLP scheme, as en_core_web_sm assigns them)."""

DASHES = {"-", "–", "—", "―", "--"}
"""Dash tokens that introduce a speaker tag (``"..." — Name``) or set off an aside."""

HEADLINE_SEPARATORS = (";", "|")
"""Tokens that separate the clauses of a headline ("Vessels collide; Manila alleges ...")."""


NAME_ENTITIES = ("PERSON", "ORG", "GPE", "FAC", "PRODUCT")
"""Entity labels of names that can be a verb's subject."""


def name_read_as_adverb(token: Token) -> bool:
    """"In a post on its website, Hearthly said": a name (often one ending in "-ly") that the
    tagger reads as an adverb before its verb. Inside the sentence, capitalised and labelled a
    name by the NER; opening it, capitalised right before a finite verb that has no subject (a
    finite statement needs one: "Hearthly confirmed the fault") and written elsewhere in the
    report as a name (capitalised inside a sentence, labelled by the NER or tagged a proper
    noun), which no adverb is ("Only said ..."). It is the verb's subject, no part of its cue."""
    if token.dep_ != "advmod" or token.pos_ != "ADV" or not token.text[:1].isupper() or token.i >= token.head.i:
        return False
    if not token.is_sent_start:
        return token.ent_type_ in NAME_ENTITIES
    verb = token.head
    return (verb.i == token.i + 1 and verb.tag_ in ("VBD", "VBZ") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and any(t.text == token.text and (not t.is_sent_start or t.ent_type_ in NAME_ENTITIES or t.pos_ == "PROPN")
                    for t in token.doc if t.i != token.i))


def after_comma(token: Token, separators: Sequence[str] = (",", ";", "—", "–")) -> bool:
    """Whether the phrase of ``token`` is set off by a separator before it (", describing ...")."""
    first = token.left_edge
    return first.i > 0 and first.doc[first.i - 1].text in separators


def text_lines(doc: Doc) -> Iterator[Span]:
    """Token spans of the non-empty lines of ``doc``, whitespace tokens excluded: news keeps its
    paragraphs, headlines, bylines and transcript turns on lines of their own."""
    start: Optional[int] = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text and start is not None:
                yield doc[start:token.i]
                start = None
            continue
        if start is None:
            start = token.i
    if start is not None:
        yield doc[start:len(doc)]


OBJECT_CONTROL_VERBS = frozenset({
    "ask", "challenge", "compel", "dare", "encourage", "force", "instruct", "invite", "order", "persuade",
    "press", "pressure", "prompt", "push", "require", "tell", "urge",
})
"""Lemmas of verbs whose object does what their to-infinitive says ("forced Stumpf to admit"),
unlike a verb with an object and a to-infinitive of purpose ("used blunt language to denounce")."""


def object_controller(infinitive: Token) -> Optional[Token]:
    """"forced Stumpf to admit that ...", "urged the minister to say": the object of an
    object-control verb (:data:`OBJECT_CONTROL_VERBS`) a to-infinitive complements is who does
    what the infinitive says, not the verb's subject."""
    if infinitive.dep_ != "xcomp" or infinitive.head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    return next((c for c in infinitive.head.children if c.dep_ == "dobj" and c.i < infinitive.i), None)
