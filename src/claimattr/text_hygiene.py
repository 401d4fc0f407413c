"""The one text-hygiene step for everything claimattr outputs as a name or a label.

News text carries characters nobody sees: right-to-left and left-to-right marks and the other
bidi controls, zero-width spaces and joiners, the byte-order mark, soft hyphens, word joiners,
and no-break or narrow spaces. Left alone they end up in speaker names (``"\\u200fThe
minister"``) and make two mentions of the same person look different.

- :func:`clean_label` normalises a *string* the library outputs as a name or label (a speaker's
  ``name`` and ``role``): every format character (Unicode category ``Cf``: bidi controls,
  zero-width characters, BOM, soft hyphen) is removed, every other space (NBSP, narrow NBSP,
  em space...) and line break becomes a plain space, runs of spaces collapse to one, and the
  ends are stripped. The result never contains an invisible character.
- :func:`trim_span` moves the edges of a *span* (cue, speaker mention, organisation) inward past
  invisible characters and whitespace. A span keeps pointing into the original text
  (``text[start:end] == span text``), so characters inside a span are never removed, but no
  span starts or ends with one.

The document text itself is never changed: offsets always point into what the user passed in.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Tuple

__all__ = ["clean_label", "is_invisible", "trim_span", "INVISIBLE_CHARACTERS"]

INVISIBLE_CHARACTERS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""The common invisible characters (a subset of category ``Cf``), for tokenizer rules and docs."""

_SPACES = re.compile(r"\s+")


def is_invisible(char: str) -> bool:
    """A format character (category ``Cf``: bidi controls, zero-width characters, BOM...)."""
    return unicodedata.category(char) == "Cf"


def clean_label(text: str) -> str:
    """``text`` without invisible characters, with spaces normalised and collapsed, stripped."""
    if text.isascii():
        return _SPACES.sub(" ", text).strip()
    kept = "".join(" " if char.isspace() else char for char in text if not is_invisible(char))
    return _SPACES.sub(" ", kept).strip()


def _blank(char: str) -> bool:
    return char.isspace() or is_invisible(char)


def trim_span(text: str, start: int, end: int) -> Tuple[int, int]:
    """``(start, end)`` moved inward past invisible characters and whitespace at either edge."""
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return start, end
