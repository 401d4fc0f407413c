"""One comparison form for the names, roles and organisations every claimattr scorer compares.

Two spellings of the same name should not count as a miss: case, accents, punctuation and spacing
are ignored, and so are a leading "the" and a possessive "'s", which annotators keep or drop with
the span they mark ("the commission's" chief, "The Roe Campaign").
"""
from __future__ import annotations

import re
from typing import Optional

from claimattr.text_hygiene import without_accents


def normalise_name(text: Optional[str]) -> str:
    """"The Roe Campaign's" -> "roe campaign", "Jean-Luc  Picard." -> "jean luc picard",
    "U.S." -> "u s"."""
    if not text:
        return ""
    text = without_accents(text).casefold().replace("’", "'").replace("&", " and ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[\W_]+", " ", text).strip()
    return re.sub(r"^the ", "", text)
