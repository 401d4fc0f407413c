"""The one text-hygiene step for everything claimattr outputs as a name or a label.

News text carries characters nobody sees: right-to-left and left-to-right marks and the other
bidi controls, zero-width spaces and joiners, the byte-order mark, soft hyphens, word joiners,
and no-break or narrow spaces. Left alone they end up in speaker names (``"\\u200fThe
minister"``) and make two mentions of the same person look different.

- :func:`clean_label` normalises a *string* the library outputs as a name or label (a speaker's
  ``name`` and ``role``): mojibake is repaired first (``"FranÃ\x83Â§ois"``, UTF-8 read as
  Windows-1252, once or twice over, as scraped archives hold it, becomes ``"François"``;
  composed to NFC first, as the archives also hold decomposed letters, then by
  ``ftfy.fix_encoding``, which only undoes encodings it can prove were applied, so a right
  ``"Zoë"`` stays), then every format character (Unicode category ``Cf``: bidi controls,
  zero-width characters, BOM, soft hyphen) is removed, every other space (NBSP, narrow NBSP,
  em space...) and line break becomes a plain space, runs of spaces collapse to one, and the
  ends are stripped. The result never contains an invisible character.
- :func:`trim_span` moves the edges of a *span* (cue, speaker mention, organisation) inward past
  invisible characters and whitespace. A span keeps pointing into the original text
  (``text[start:end] == span text``), so characters inside a span are never removed, but no
  span starts or ends with one.

:func:`clean_claim` and :func:`clean_entity` apply both to the linker's output (the point where
names, roles and organisations are final), and the pipelines of ``claimattr.load`` split
invisible characters off the words they touch in the tokenizer, so that ``"\u200fThe"`` is
still the word "The" to the tagger and parser.

:func:`without_accents` gives the accent-free form that look-ups and comparisons use (the
speaker linker's given-name lexicon, the scorers' name form); it never changes an output.

The document text itself is never changed: offsets always point into what the user passed in.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any, Tuple

from ftfy import fix_encoding

__all__ = ["clean_claim", "clean_entity", "clean_label", "is_invisible", "trim_span", "INVISIBLE_CHARACTERS"]

INVISIBLE_CHARACTERS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""The common invisible characters (a subset of category ``Cf``), for tokenizer rules and docs."""

_SPACES = re.compile(r"\s+")


def is_invisible(char: str) -> bool:
    """A format character (category ``Cf``: bidi controls, zero-width characters, BOM...)."""
    return unicodedata.category(char) == "Cf"


def is_symbol_or_invisible(text: str) -> bool:
    """Whether ``text`` is only emoji, other symbols (category ``So``) and invisible characters."""
    return bool(text) and all(unicodedata.category(char) in ("So", "Sk", "Cf", "Mn") for char in text) \
        and not text.isalnum()


def without_accents(text: str) -> str:
    """"Dóra" -> "Dora": the letters without their combining marks, for look-ups and comparisons
    that should not depend on them (a given-name lexicon, the scorers' name form); ASCII text is
    returned as it is, without the Unicode decomposition."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean_label(text: str) -> str:
    """``text`` in NFC with mojibake repaired, without invisible characters, with spaces normalised and
    collapsed, stripped."""
    if text.isascii():
        return _SPACES.sub(" ", text).strip()
    kept = "".join(" " if char.isspace() else char for char in fix_encoding(unicodedata.normalize("NFC", text)) if not is_invisible(char))
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


def _trimmed(text: str, span: Any) -> Any:
    """A TextSpan with its edges trimmed; ``None`` if nothing visible is left. A span whose text is
    not the document's (a canonical party name) only has its label cleaned."""
    if span is None:
        return None
    if text[span.start:span.end] != span.text:
        return replace(span, text=clean_label(span.text)) if span.text != clean_label(span.text) else span
    start, end = trim_span(text, span.start, span.end)
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return replace(span, start=start, end=end, text=text[start:end])


def clean_claim(text: str, claim: Any) -> Any:
    """``claim`` with no invisible character in its speaker's name, role, mention, organisation or
    intermediary, nor at the edges of its cue; offsets still point into ``text``."""
    cue = _trimmed(text, claim.cue) or claim.cue
    speaker = claim.speaker
    if speaker is not None and _trimmed(text, speaker.mention) is None:
        speaker = None  # a "speaker" made of invisible characters only is no speaker
    if speaker is not None:
        mention = _trimmed(text, speaker.mention) or speaker.mention
        speaker = replace(
            speaker, mention=mention, name=clean_label(speaker.name) or clean_label(mention.text),
            role=(clean_label(speaker.role) or None) if speaker.role is not None else None,
            organisation=_trimmed(text, speaker.organisation), intermediary=_trimmed(text, speaker.intermediary),
        )
    return replace(claim, cue=cue, speaker=speaker)


def clean_entity(text: str, entity: Any) -> Any:
    """``entity`` with clean name, aliases, roles and organisation, and trimmed mentions."""
    mentions = [m for m in (_trimmed(text, mention) for mention in entity.mentions) if m is not None]
    aliases = [a for a in dict.fromkeys(clean_label(alias) for alias in entity.aliases) if a]
    roles = [r for r in dict.fromkeys(clean_label(role) for role in entity.roles) if r]
    organisation = clean_label(entity.organisation) if entity.organisation else None
    return replace(entity, name=clean_label(entity.name) or entity.name, aliases=aliases, roles=roles,
                   organisation=organisation or None, mentions=mentions)


SYMBOLS = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u2015"
"""Emoji and pictographs (with the emoji variation selector), and the quotation dash ("―",
horizontal bar, which spaCy's rules leave glued to a closing quote: "”― Jane Roe"): never part of
a word."""


def split_invisible_characters(nlp: Any) -> Any:
    """Make ``nlp``'s tokenizer split invisible characters and emoji off the words they touch.

    ``"\\u200fThe"`` becomes ``"\\u200f"`` + ``"The"`` and ``"”😀"`` becomes ``"”"`` + ``"😀"`` (and ``"”―"``
    ``"”"`` + ``"―"``), so
    the tagger, parser and entity recogniser see the words they were trained on. The text and
    its offsets are unchanged (a tokenizer only decides where tokens start). Saved with the
    pipeline (``nlp.to_disk``) like any tokenizer setting.
    """
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "prefix_search", None) is None or getattr(nlp.Defaults, "prefixes", None) is None:
        return nlp
    extra = f"[{INVISIBLE_CHARACTERS}{SYMBOLS}]"
    if extra in (tokenizer.prefix_search.__self__.pattern if hasattr(tokenizer.prefix_search, "__self__") else ""):
        return nlp
    tokenizer.prefix_search = compile_prefix_regex([extra, *nlp.Defaults.prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([extra, *(nlp.Defaults.suffixes or [])]).search
    tokenizer.infix_finditer = compile_infix_regex([extra, *(nlp.Defaults.infixes or [])]).finditer
    return nlp
