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
    """"In a post on its website, Hearthly said": a name ending in "-ly" that the tagger reads as
    an adverb on the verb, while the NER labels it a name and it is capitalised inside its
    sentence; or, opening the sentence, right before a finite verb that has no subject
    ("Hearthly confirmed the fault": a finite statement needs one). It is the verb's subject, no
    part of its cue."""
    if token.dep_ != "advmod" or token.pos_ != "ADV" or not token.text[:1].isupper() or token.i >= token.head.i:
        return False
    if not token.is_sent_start:
        return token.ent_type_ in NAME_ENTITIES
    verb = token.head
    return (token.lower_.endswith("ly") and verb.i == token.i + 1 and verb.tag_ in ("VBD", "VBZ")
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))


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
