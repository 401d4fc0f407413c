"""A hand-made report ``Doc`` for the report tests, so that they specify rendering, not detection."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimattr import Claim, Quantity, Speaker, TextSpan


def fragment(text: str, words: str) -> TextSpan:
    """The first occurrence of ``words`` in ``text`` as a span."""
    start = text.index(words)
    return TextSpan(words, start, start + len(words))


def hand_made_doc(text: str, content: str) -> Doc:
    """``text`` with one claim: John Smith, spokesman of the City Police, said ``content`` (which
    holds the quantity 12)."""
    doc = spacy.blank("en")(text)
    twelve = fragment(text, "12")
    doc._.claims = [Claim(
        kind="indirect", cue=fragment(text, "said"), content=[fragment(text, content)],
        speaker=Speaker(fragment(text, "John Smith"), "John Smith", "person", "spokesman", fragment(text, "City Police")),
        quantities=[Quantity(twelve.text, twelve.start, twelve.end, value=12.0)],
    )]
    return doc
