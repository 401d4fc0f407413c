"""The authoring format: one hand-editable JSON file per report, its span references and their
resolution into character offsets (and back).

An authoring file (``training/corpus/annotated/<id>.json``) anchors every span by its TEXT inside
a paragraph (the 0-based index of a non-empty line), never by character offsets, so that
annotators correct it by reading. A span reference is either a string (searched in the claim's
paragraph) or ``{"text", "para"?, "occurrence"?}``; ``occurrence`` (1-based) picks one of several
whole-word matches and is required when the text repeats. See docs/annotation-guidelines.md.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from claimattr.errors import InputError
from claimattr.readers.corpus.records import PathLike, Range, Record
from claimattr.readers.jsonl import load_json_with_lines

STATUSES = ("preannotated", "corrected")


# --------------------------------------------------------------------------- paragraphs


def paragraphs(text: str) -> List[Range]:
    """``(start, end)`` of every non-empty line: a report's paragraphs, numbered from 0."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line.rstrip("\r"))
        if line.strip():
            spans.append((start, end))
        start += len(line) + 1
    return spans


def paragraph_of(paras: Sequence[Range], offset: int) -> int:
    """Index of the paragraph holding character ``offset`` (the nearest one before it)."""
    return max(0, bisect_right([s for s, _ in paras], offset) - 1)


def _is_word(char: str) -> bool:
    return char.isalnum()


def occurrences(text: str, needle: str, start: int, end: int) -> List[int]:
    """Start offsets of the whole-word matches of ``needle`` in ``text[start:end]``.

    Whole-word: a match may not begin or end inside a word, so "said" never matches in
    "unsaid" and annotators count occurrences the way they read them.
    """
    found: List[int] = []
    if not needle:
        return found
    position = text.find(needle, start, end)
    while position != -1:
        after = position + len(needle)
        clean_left = not (_is_word(needle[0]) and position > 0 and _is_word(text[position - 1]))
        clean_right = not (_is_word(needle[-1]) and after < len(text) and _is_word(text[after]))
        if clean_left and clean_right:
            found.append(position)
        position = text.find(needle, position + 1, end)
    return found


# --------------------------------------------------------------------------- resolving span references


class Unresolved(ValueError):
    """A span reference that names no single place in the text."""


@dataclass
class Resolver:
    """Turns the authoring format's text-anchored span references into character offsets."""

    text: str
    paras: List[Range] = field(init=False)

    def __post_init__(self) -> None:
        self.paras = paragraphs(self.text)

    def para_index(self, value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(self.paras):
            raise Unresolved(f"para {value!r} is not a paragraph index 0..{len(self.paras) - 1}")
        return value

    def span(self, ref: Any, default_para: int) -> Dict[str, Any]:
        """``{"text", "start", "end"}`` for a string or ``{"text", "para"?, "occurrence"?}`` reference."""
        if isinstance(ref, str):
            ref = {"text": ref}
        if not isinstance(ref, dict) or not isinstance(ref.get("text"), str) or not ref["text"].strip():
            raise Unresolved(f"expected a non-empty string or {{\"text\": ...}}, got {ref!r}")
        needle = ref["text"]
        para = self.para_index(ref.get("para", default_para))
        start, end = self.paras[para]
        found = occurrences(self.text, needle, start, end)
        if not found:
            raise Unresolved(f"{needle!r} not found (as whole words) in paragraph {para}: {self.text[start:end][:80]!r}...")
        occurrence = ref.get("occurrence")
        if occurrence is None:
            if len(found) > 1:
                raise Unresolved(f"{needle!r} occurs {len(found)} times in paragraph {para}; add \"occurrence\": 1..{len(found)}")
            occurrence = 1
        if not isinstance(occurrence, int) or not 1 <= occurrence <= len(found):
            raise Unresolved(f"occurrence {occurrence!r} of {needle!r}: paragraph {para} has {len(found)}")
        position = found[occurrence - 1]
        return {"text": needle, "start": position, "end": position + len(needle)}

    def para_of(self, span: Dict[str, Any]) -> int:
        return paragraph_of(self.paras, span["start"])


@dataclass
class Resolution:
    """One authoring file compiled: the record (or ``None``) and where each item came from."""

    record: Optional[Record]
    errors: List[InputError]
    claim_lines: List[int] = field(default_factory=list)
    quantity_lines: List[int] = field(default_factory=list)
    status: Optional[str] = None


class _DocResolver:
    """Resolves one authoring document, collecting every error instead of stopping at the first."""

    def __init__(self, text: str, path: str, lines: Dict[int, int], default_line: int) -> None:
        self.resolver = Resolver(text)
        self.path = path
        self.lines = lines
        self.default_line = default_line
        self.errors: List[InputError] = []

    def line(self, obj: Any) -> int:
        return self.lines.get(id(obj), self.default_line)

    def fail(self, obj: Any, where: str, message: str) -> None:
        self.errors.append(InputError(self.path, self.line(obj), f"{where}: {message}"))

    def span(self, ref: Any, para: int, where: str, owner: Any) -> Optional[Dict[str, Any]]:
        try:
            return self.resolver.span(ref, para)
        except Unresolved as problem:
            self.fail(ref if isinstance(ref, dict) else owner, where, str(problem))
            return None

    def optional_span(self, ref: Any, para: int, where: str, owner: Any) -> Tuple[bool, Optional[Dict[str, Any]]]:
        """``(ok, span)``: a ``null`` reference is fine and gives ``None``."""
        if ref is None:
            return True, None
        span = self.span(ref, para, where, owner)
        return span is not None, span

    def anchor(self, ref: Any, para: int, where: str, owner: Any) -> Tuple[bool, Optional[Dict[str, Any]]]:
        """An entity or event reference: a span plus its ``lemma``."""
        ok, span = self.optional_span(ref, para, where, owner)
        if span is None:
            return ok, None
        lemma = ref.get("lemma") if isinstance(ref, dict) else None
        if not isinstance(lemma, str) or not lemma.strip():
            self.fail(ref, where, "needs a \"lemma\" (the counted thing or event, e.g. \"soldier\", \"kill\")")
            return False, None
        return True, {**span, "lemma": lemma}

    def para(self, obj: Dict[str, Any], where: str, default: Optional[int] = None) -> Optional[int]:
        value = obj.get("para", default)
        try:
            return self.resolver.para_index(value)
        except Unresolved as problem:
            self.fail(obj, where, str(problem))
            return None

    def quantity(self, data: Any, default_para: Optional[int], where: str) -> Optional[Dict[str, Any]]:
        if not isinstance(data, dict):
            self.fail(data, where, f"a quantity must be an object, got {data!r}")
            return None
        para = self.para(data, where, default_para)
        if para is None:
            return None
        span = self.span(data, para, where, data)
        if span is None:
            return None
        para = self.resolver.para_of(span)
        results = [self.optional_span(data.get("modifier"), para, f"{where}.modifier", data),
                   self.anchor(data.get("entity"), para, f"{where}.entity", data),
                   self.anchor(data.get("event"), para, f"{where}.event", data)]
        if not all(ok for ok, _ in results):
            return None
        (_, modifier), (_, entity), (_, event) = results
        fields = {name: data.get(name) for name in ("value", "low", "high", "unit")}
        return {**span, **fields, "approximate": data.get("approximate", False),
                "relation": data.get("relation", "="), "modifier": modifier, "entity": entity, "event": event}

    def speaker(self, data: Any, para: int, where: str) -> Tuple[bool, Optional[Dict[str, Any]]]:
        if data is None:
            return True, None
        if not isinstance(data, dict):
            self.fail(data, where, f"a speaker must be an object or null, got {data!r}")
            return False, None
        mention = self.span(data, para, where, data)
        if mention is None:
            return False, None
        home = self.resolver.para_of(mention)
        org_ok, organisation = self.optional_span(data.get("organisation"), home, f"{where}.organisation", data)
        via_ok, intermediary = self.optional_span(data.get("intermediary"), home, f"{where}.intermediary", data)
        if not (org_ok and via_ok):
            return False, None
        speaker = {**mention, "name": data.get("name") or mention["text"], "type": data.get("type", "unknown"),
                   "role": data.get("role"), "organisation": organisation, "intermediary": intermediary}
        return True, speaker

    def claim(self, data: Any, index: int) -> Tuple[Optional[Record], List[Tuple[Record, int]]]:
        """The claim dict and its quantities (each with its source line), or ``None`` on any error."""
        where = f"claims[{index}]"
        if not isinstance(data, dict):
            self.fail(data, where, f"a claim must be an object, got {data!r}")
            return None, []
        para = self.para(data, f"{where}.para")
        if para is None:
            return None, []
        n_errors = len(self.errors)
        cue = self.span(data.get("cue"), para, f"{where}.cue", data)
        pieces = data.get("content")
        pieces = [pieces] if isinstance(pieces, (str, dict)) else pieces
        if not isinstance(pieces, list) or not pieces:
            self.fail(data, f"{where}.content", "every claim needs at least one content piece")
            pieces = []
        content = [self.span(piece, para, f"{where}.content[{i}]", data) for i, piece in enumerate(pieces)]
        _, speaker = self.speaker(data.get("speaker"), para, f"{where}.speaker")
        quantities = []
        for i, item in enumerate(data.get("quantities") or []):
            quantity = self.quantity(item, para, f"{where}.quantities[{i}]")
            if quantity is not None:
                quantities.append((quantity, self.line(item)))
        if len(self.errors) > n_errors:
            return None, []
        claim = {"kind": data.get("kind"), "cue": cue, "content": content, "speaker": speaker,
                 "quantities": [q for q, _ in quantities]}
        return claim, quantities


def resolve_document(data: Any, text: str, path: PathLike, lines: Optional[Dict[int, int]] = None,
                     split: str = "train") -> Resolution:
    """Compile one parsed authoring document against its text into a corpus record.

    A claim or quantity that cannot be resolved is an error naming the field; the record is
    ``None`` when there is any error, so a half-resolved document never reaches the corpus.
    """
    lines = lines or {}
    doc = _DocResolver(text, str(path), lines, lines.get(id(data), 1))
    if not isinstance(data, dict):
        return Resolution(None, [InputError(str(path), 1, "an authoring file must hold one JSON object")])
    claims, claim_lines, all_quantities = [], [], []
    for index, item in enumerate(data.get("claims") or []):
        claim, quantities = doc.claim(item, index)
        if claim is not None:
            claims.append(claim)
            claim_lines.append(doc.line(item))
            all_quantities.extend(quantities)
    for index, item in enumerate(data.get("quantities") or []):
        para = item.get("para") if isinstance(item, dict) else None
        if isinstance(item, dict) and para is None:
            doc.fail(item, f"quantities[{index}]", "a quantity outside claims needs \"para\"")
            continue
        quantity = doc.quantity(item, para, f"quantities[{index}]")
        if quantity is not None:
            all_quantities.append((quantity, doc.line(item)))
    unique: Dict[Range, Tuple[Record, int]] = {}
    for quantity, line in all_quantities:
        unique.setdefault((quantity["start"], quantity["end"]), (quantity, line))
    ordered = [unique[key] for key in sorted(unique)]
    if doc.errors:
        return Resolution(None, doc.errors, status=data.get("status"))
    record = {"id": data.get("id"), "split": split, "text": text, "claims": claims,
              "quantities": [q for q, _ in ordered]}
    return Resolution(record, [], claim_lines, [line for _, line in ordered], data.get("status"))


def read_authoring(path: PathLike, split: str = "train") -> Resolution:
    """Read, parse and resolve one authoring file; unreadable JSON is an error with its line."""
    path = Path(path)
    try:
        data, lines = load_json_with_lines(path.read_text(encoding="utf8"))
    except json.JSONDecodeError as problem:
        return Resolution(None, [InputError(str(path), problem.lineno, f"invalid JSON: {problem.msg}")])
    except (OSError, UnicodeDecodeError) as problem:
        return Resolution(None, [InputError(str(path), 0, f"cannot read: {problem}")])
    line = lines.get(id(data), 1)
    if not isinstance(data, dict):
        return Resolution(None, [InputError(str(path), line, "an authoring file must hold one JSON object")])
    if data.get("id") != path.stem:
        return Resolution(None, [InputError(str(path), line, f"id {data.get('id')!r} must equal the file name {path.stem!r}")])
    text_file = data.get("text_file")
    if not isinstance(text_file, str):
        return Resolution(None, [InputError(str(path), line, "text_file: missing (a path relative to this file)")])
    try:
        text = (path.parent / text_file).read_text(encoding="utf8")
    except (OSError, UnicodeDecodeError) as problem:
        return Resolution(None, [InputError(str(path), line, f"text_file: cannot read {text_file!r}: {problem}")])
    return resolve_document(data, text, path, lines, split)


def read_status(path: PathLike) -> Optional[str]:
    """The ``status`` of an authoring file, or ``None`` when it has none or cannot be read."""
    try:
        return json.loads(Path(path).read_text(encoding="utf8")).get("status")
    except (OSError, ValueError, AttributeError):
        return None


def authoring_files(path: PathLike) -> List[Path]:
    """The authoring files of a folder (sorted), or ``[path]`` for a single file."""
    path = Path(path)
    return sorted(path.glob("*.json")) if path.is_dir() else [path]


# --------------------------------------------------------------------------- writing span references


def span_ref(text: str, paras: Sequence[Range], start: int, end: int, default_para: int) -> Optional[Any]:
    """The shortest reference that resolves back to ``text[start:end]``, or ``None`` if none can.

    The inverse of :meth:`Resolver.span`: a bare string when the text is unique in the default
    paragraph, else an object with ``para`` and/or ``occurrence``.
    """
    needle = text[start:end]
    para = paragraph_of(paras, start)
    p_start, p_end = paras[para]
    if not needle.strip() or end > p_end or start < p_start:
        return None
    found = occurrences(text, needle, p_start, p_end)
    if start not in found:
        return None
    ref: Dict[str, Any] = {"text": needle}
    if para != default_para:
        ref["para"] = para
    if len(found) > 1:
        ref["occurrence"] = found.index(start) + 1
    return needle if len(ref) == 1 else ref


def dump_authoring(data: Any, width: int = 100, indent: str = "") -> str:
    """Pretty JSON for hand editing: any object or list that fits in ``width`` stays on one line
    (span references, entities, speakers' parts), everything larger is indented two spaces."""
    flat = json.dumps(data, ensure_ascii=False)
    if not isinstance(data, (dict, list)) or len(flat) + len(indent) <= width or not data:
        return flat
    inner = indent + "  "
    if isinstance(data, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump_authoring(v, width, inner)}" for k, v in data.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    items = [inner + dump_authoring(v, width, inner) for v in data]
    return "[\n" + ",\n".join(items) + "\n" + indent + "]"

