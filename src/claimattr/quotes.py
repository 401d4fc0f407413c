"""Quotation regions in raw text, across every quotation-mark style news uses.

Direct speech is delimited by characters, not by the parse: a quote may run over several
sentences, and by news convention over several paragraphs (each paragraph opens with a mark and
only the last one closes). Apostrophes share a character with the closing single quote, so a
closing ``’`` only counts when it is not followed by a letter ("Afghanistan’s"). A mark may be
several characters: plain-text news archives write quotations between doubled apostrophes, and
the longest mark at a position wins.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

Region = Tuple[int, int]
DEFAULT_QUOTE_PAIRS = (("“", "”"), ("„", "“"), ("«", "»"), ("‹", "›"), ("‘", "’"), ('"', '"'), ("''", "''"))
"""Opening and closing marks of the quotation styles in English news (the detector's default)."""
_OTHER_DOUBLE_CLOSER = {"“": '"', '"': "”"}
"""The other typography's closing double mark, accepted where a quote's own closer is missing."""
OPENING_QUOTES = "\"'“‘«„‟‚‛‹"
CLOSING_QUOTES = "\"'”’»‟›"


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _mark_at(text: str, i: int, marks: Iterable[str]) -> str:
    """The longest of ``marks`` that starts at ``text[i]`` ("" when none does)."""
    return max((mark for mark in marks if text.startswith(mark, i)), key=len, default="")


def _opens(text: str, i: int, opener: str, closer: str) -> bool:
    """Whether the ``opener`` at ``text[i]`` opens a quote: symmetric marks and ``‘`` need a word
    start after them."""
    nxt = text[i + len(opener)] if i + len(opener) < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if opener == closer or opener == "‘":
        return bool(nxt) and not nxt.isspace() and not _is_word_char(prev)
    return True


def _closes(text: str, i: int, opener: str, closer: str) -> bool:
    """Whether the ``closer`` at ``text[i]`` closes the open quote (an apostrophe-like or symmetric
    mark closes only after a non-space and before a non-letter)."""
    nxt = text[i + len(closer)] if i + len(closer) < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if closer[-1] in ("’", "'") or opener == closer:
        return not _is_word_char(nxt) and bool(prev) and not prev.isspace()
    return True


def _closing_mark(text: str, start: int, i: int, opener: str, closer: str) -> str:
    """The mark that ends the quote opened at ``text[start]`` at ``text[i]`` ("" where none does):
    its own closer, or, in text that mixes typographic and straight double quotes ("“Immunity
    deals ...," he said), the other double mark when that mark closes no quotation nested inside
    this one and the quote's own closer does not come later in the paragraph."""
    if text.startswith(closer, i):
        return closer if _closes(text, i, opener, closer) else ""
    other = _OTHER_DOUBLE_CLOSER.get(opener)
    if other is None or text[i] != other or not _closes(text, i, other, other):
        return ""
    inside = text[start + len(opener):i]
    nested_open = inside.count('"') % 2 if other == '"' else inside.count("“") > inside.count("”")
    paragraph_end = text.find("\n", i)
    closed_later = closer in text[i:paragraph_end if paragraph_end >= 0 else len(text)]
    return "" if nested_open or closed_later else other


def _continues_next_paragraph(text: str, newline: int, opener: str) -> Optional[int]:
    """The index of the opener that continues a multi-paragraph quote after ``newline``, if any."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    return j if text.startswith(opener, j) else None


def find_quote_regions(text: str, pairs: Sequence[Sequence[str]]) -> List[Region]:
    """Character regions ``(start, end)`` of outermost quotations, marks included.

    A quote left open at a paragraph end either continues (the next paragraph opens with the same
    mark) or is closed there, so an unbalanced mark never swallows the rest of a document.
    """
    openers = {pair[0]: pair[1] for pair in pairs}
    regions: List[Region] = []
    i, start, opener, closer = 0, -1, "", ""
    stops = _state_changes(pairs)
    while (stop := stops.search(text, i)) is not None:
        i = stop.start()
        char = text[i]
        if start < 0:
            mark = _mark_at(text, i, openers)
            if mark and _opens(text, i, mark, openers[mark]):
                start, opener, closer = i, mark, openers[mark]
                i += len(mark) - 1
        elif char == "\n":
            resume = _continues_next_paragraph(text, i, opener)
            if resume is None:
                regions.append((start, _rstrip_index(text, i)))
                start = -1
            else:
                i = resume + len(opener) - 1
        elif closing := _closing_mark(text, start, i, opener, closer):
            regions.append((start, i + len(closing)))
            start = -1
            i += len(closing) - 1
        i += 1
    if start >= 0:
        regions.append((start, _rstrip_index(text, len(text))))
    return [(s, e) for s, e in regions if e - s > 1]


def _state_changes(pairs: Sequence[Sequence[str]]) -> "re.Pattern[str]":
    """The characters where the scan's state can change (a mark's first character, a paragraph
    break), so the scan jumps over everything else in C instead of testing every character."""
    chars = {mark[0] for pair in pairs for mark in pair} | set(_OTHER_DOUBLE_CLOSER.values()) | {"\n"}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _rstrip_index(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def quote_marks(pairs: Iterable[Sequence[str]]) -> str:
    """Every character of the quotation marks in ``pairs``, for trimming and tests."""
    return "".join(sorted({char for pair in pairs for mark in pair for char in mark}))


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is wrapped in quotation marks (inside or just outside it)."""
    stripped = text[start:end].strip()
    if len(stripped) >= 2 and stripped[0] in OPENING_QUOTES:
        if stripped[-1] in CLOSING_QUOTES or _quote_continues(text, end):
            return True
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return bool(before) and before in OPENING_QUOTES and bool(after) and after in CLOSING_QUOTES


def _quote_continues(text: str, end: int) -> bool:
    """A multi-paragraph quote leaves its paragraphs unclosed and reopens the next one."""
    rest = text[end:end + 20]
    match = re.match(r"[ \t]*\n\s*(\S)", rest)
    return bool(match) and match.group(1) in OPENING_QUOTES


def _has_quote(text: str, start: int, end: int) -> bool:
    """Double or typographic quotes (or doubled apostrophes, ``''``) only: an apostrophe
    ("didn't") is not a quotation."""
    span = text[start:end]
    return any(char in "\"“”«»„" for char in span) or "''" in span


def claim_kind(text: str, cue: Dict[str, Any], content: Sequence[Dict[str, Any]]) -> str:
    """A claim's kind from the quotation marks around its content pieces (character offsets).

    Used where claims come as spans without a parse: the PolNeAR reader (PolNeAR itself does not
    annotate kinds) and the trained attribution linker.
    """
    if re.fullmatch(r"according\s+to", cue["text"].strip(), flags=re.IGNORECASE):
        return "according_to"
    if content and all(_inside_quotes(text, p["start"], p["end"]) for p in content):
        return "direct"
    if any(_has_quote(text, p["start"], p["end"]) for p in content):
        return "mixed"
    return "indirect"
