"""Documents longer than a pipeline takes at once: split at paragraphs, offsets into the whole.

spaCy refuses a text over ``nlp.max_length`` characters (E088, 1,000,000 by default), and the
parser's memory grows with the length of a document. A long document is therefore cut into
chunks of at most :data:`CHUNK_CHARS` characters at paragraph boundaries (a blank line, else a
line break, else a sentence end, else a space; a hard cut only for a "paragraph" with no space
at all), every chunk runs through the pipeline, and the claims, quantities, entities and figure
groups come back with their offsets moved into the original text, as if it had been one document.

Figure groups are made once for the whole text, not per chunk, so that two speakers' figures in
different chunks still meet in one group (and can be disputed): the pipeline's
``figure_grouper`` reads each chunk's quantity mentions off that chunk's parse
(:meth:`claimattr.figures.FigureGrouper.mentions`), they are moved into the whole text,
and its rules (:meth:`claimattr.figures.FigureRules.group`) group them all at the end.

The chunks partition the text exactly (``"".join(chunks) == text``), and a boundary is never
put inside a multi-paragraph quotation when a better one exists (a paragraph that opens with a
quotation mark continues the quote before it). What cannot cross a chunk boundary: a claim
whose cue and content lie in different chunks, and coreference (a pronoun resolved to a speaker
named in an earlier chunk). With chunks of 100,000 characters that is rare in news.

- :func:`split_text` gives the chunks; :func:`annotate_long` gives a :class:`LongDocument`
  (``.text``, ``._.claims``, ``._.quantities``, ``._.entities``, ``._.figures``) and holds one
  chunk's ``Doc`` at a time, so the parse never takes more memory than one chunk's (what grows
  with the length is the annotations themselves; tested to 50 MB);
- :func:`process_long` gives a real spaCy ``Doc`` of the whole text (``Doc.from_docs``) with the
  merged claims, for display (``claimattr render``); it holds the whole parse in memory.

``claimattr extract`` and ``summarise`` use :func:`annotate_long` for any record longer than
:data:`CHUNK_CHARS` (see ``claimattr.runtime.stream``).
"""
from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace
from typing import Any, Iterator, List, Optional, Tuple

from claimattr.quotes import OPENING_QUOTES

__all__ = ["CHUNK_CHARS", "LongDocument", "annotate_long", "is_long", "process_long", "shift_offsets", "split_text"]

CHUNK_CHARS = 100_000
"""The largest chunk: well under spaCy's ``max_length`` and the parser's comfortable size."""

_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’»)]*\s+"), re.compile(r"\s+"))


def chunk_limit(nlp: Any = None, chunk_chars: Optional[int] = None) -> int:
    limit = chunk_chars or CHUNK_CHARS
    if nlp is not None:
        limit = min(limit, int(getattr(nlp, "max_length", limit)))
    return max(limit, 1)


def is_long(text: str, nlp: Any = None, chunk_chars: Optional[int] = None) -> bool:
    return len(text) > chunk_limit(nlp, chunk_chars)


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> List[Tuple[int, str]]:
    """``[(offset, chunk)]`` covering ``text`` exactly, each chunk at most ``max_chars`` long."""
    return list(iter_chunks(text, max_chars))


def iter_chunks(text: str, max_chars: int = CHUNK_CHARS) -> Iterator[Tuple[int, str]]:
    start = 0
    while len(text) - start > max_chars:
        end = _boundary(text, start, start + max_chars)
        yield start, text[start:end]
        start = end
    if start < len(text) or not text:
        yield start, text[start:]


def _boundary(text: str, start: int, limit: int) -> int:
    """The best cut in ``text[start:limit]``: the last boundary of the strongest kind found."""
    window = text[start:limit + 1]
    floor = len(window) // 4  # never cut so early that chunks become tiny
    for pattern in _BOUNDARIES:
        cuts = [m.end() for m in pattern.finditer(window) if floor <= m.end() <= limit - start]
        if pattern is _BOUNDARIES[0] or pattern is _BOUNDARIES[1]:
            outside_quotes = [cut for cut in cuts if cut >= len(window) or window[cut] not in OPENING_QUOTES]
            cuts = outside_quotes or cuts
        if cuts:
            return start + cuts[-1]
    return limit


def shift_offsets(data: Any, offset: int) -> Any:
    """A copy of a JSON-ready structure with every ``start``/``end`` integer moved by ``offset``."""
    if isinstance(data, dict):
        shifted = {key: shift_offsets(value, offset) for key, value in data.items()}
        for key in ("start", "end"):
            if isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
                shifted[key] = data[key] + offset
        return shifted
    if isinstance(data, list):
        return [shift_offsets(value, offset) for value in data]
    return data


class LongDocument:
    """The annotations of a long text: ``.text`` and ``._.claims/quantities/entities/figures`` as on a Doc."""

    def __init__(self, text: str, claims: List[Any], quantities: List[Any], entities: List[Any],
                 figures: List[Any]) -> None:
        self.text = text
        self._ = SimpleNamespace(claims=claims, quantities=quantities, entities=entities, figures=figures)

    def __len__(self) -> int:
        return len(self.text)


class _Merger:
    """The chunks' annotations, moved into the whole text as the chunks come."""

    def __init__(self, nlp: Any) -> None:
        from claimattr.schema import Claim, Entity, Quantity

        self.types = (Claim, Quantity, Entity)
        self.claims: List[Any] = []
        self.quantities: List[Any] = []
        self.entities: List[Any] = []
        self.figures = _FigureMentions(nlp)

    def add(self, doc: Any, offset: int) -> None:
        Claim, Quantity, Entity = self.types
        first_claim, first_entity = len(self.claims), len(self.entities)
        self.claims.extend(Claim.from_dict(shift_offsets(c.to_dict(), offset)) for c in doc._.claims)
        self.quantities.extend(Quantity.from_dict(shift_offsets(q.to_dict(), offset)) for q in doc._.quantities)
        for entity in doc._.entities:
            data = shift_offsets(entity.to_dict(), offset)
            data["id"] = int(data["id"]) + first_entity
            data["claims"] = [int(i) + first_claim for i in data.get("claims", [])]
            self.entities.append(Entity.from_dict(data))
        self.figures.add(doc, offset, first_claim)

    def document(self, text: str) -> LongDocument:
        return LongDocument(text, self.claims, self.quantities, self.entities, self.figures.groups())


class _FigureMentions:
    """The quantity mentions of every chunk, for the pipeline's ``figure_grouper`` to group once.

    A mention is read off its chunk's parse (the words around the number, sides, places), so the
    groups are those of one document; its offsets, claim number and sentence are moved into the
    whole text. A pipeline without a ``figure_grouper`` gets no figures, as a short text would.
    """

    def __init__(self, nlp: Any) -> None:
        self.grouper = _figure_grouper(nlp)
        self.mentions: List[Any] = []
        self.tokens = 0

    def add(self, doc: Any, offset: int, first_claim: int) -> None:
        if self.grouper is None:
            return
        for mention in self.grouper.mentions(doc):
            self.mentions.append(dataclasses.replace(
                mention,
                quantity=shift_offsets(mention.quantity, offset),
                claim=None if mention.claim is None else mention.claim + first_claim,
                unit_sentence=mention.unit_sentence + self.tokens,  # a token number: unique across chunks
            ))
        self.tokens += len(doc)

    def groups(self) -> List[Any]:
        return [] if self.grouper is None else self.grouper.group(self.mentions)


def _figure_grouper(nlp: Any) -> Any:
    """The pipeline's ``figure_grouper`` component (whatever its name), or ``None``."""
    for name, component in getattr(nlp, "pipeline", []):
        if nlp.get_pipe_meta(name).factory == "figure_grouper":
            return component
    return None


def annotate_long(nlp: Any, text: str, *, chunk_chars: Optional[int] = None, batch_size: int = 4) -> LongDocument:
    """Claims, quantities, entities and figure groups of ``text`` of any length, offsets into ``text``."""
    merger = _Merger(nlp)
    chunks = iter_chunks(text, chunk_limit(nlp, chunk_chars))
    for doc, offset in nlp.pipe(((chunk, offset) for offset, chunk in chunks), as_tuples=True, batch_size=batch_size):
        merger.add(doc, offset)
    return merger.document(text)


def process_long(nlp: Any, text: str, *, chunk_chars: Optional[int] = None) -> Any:
    """A spaCy ``Doc`` of the whole ``text`` (any length), with the claims of every chunk merged.

    Unlike :func:`annotate_long` this keeps the whole parse in memory: use it to display a long
    document, not to extract from an archive.
    """
    from spacy.tokens import Doc

    docs, offsets = [], []
    for offset, chunk in iter_chunks(text, chunk_limit(nlp, chunk_chars)):
        docs.append(nlp(chunk))
        offsets.append(offset)
    merger = _Merger(nlp)
    for doc, offset in zip(docs, offsets):
        merger.add(doc, offset)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W101: doc-level extensions are merged by hand below
        whole = Doc.from_docs(docs, ensure_whitespace=False)
    merged = merger.document(text)
    whole._.claims = merged._.claims
    whole._.quantities = merged._.quantities
    whole._.entities = merged._.entities
    if Doc.has_extension("figures"):
        whole._.figures = merged._.figures
    return whole
