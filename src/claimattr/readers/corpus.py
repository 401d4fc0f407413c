"""The claimattr corpus: a hand-editable authoring format, its compiler and its checks.

Two formats, both documented in docs/annotation-guidelines.md:

- **Authoring files** (``training/corpus/annotated/<id>.json``, one per report) anchor every span
  by its TEXT inside a paragraph (the 0-based index of a non-empty line), never by character
  offsets, so that annotators correct them by reading. A span reference is either a string
  (searched in the claim's paragraph) or ``{"text", "para"?, "occurrence"?}``; ``occurrence``
  (1-based) picks one of several whole-word matches and is required when the text repeats.
- **The corpus** (``training/corpus/corpus.jsonl``): one line per report, ``{"id", "split", "text",
  "claims": [Claim.to_dict() ...], "quantities": [Quantity.to_dict() ...]}``, with character
  offsets into ``text``. :func:`build` compiles the authoring files into it.

Problems never raise: they are :class:`InputError` values naming file, line and field, so one
bad record is reported while every other record is still compiled and checked.
"""
from __future__ import annotations

import json
import json.scanner
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimattr.errors import InputError
from claimattr.schema import CLAIM_KINDS, RELATIONS, SPEAKER_TYPES, Claim, Quantity
from claimattr.scoring.claims import greedy_match

PathLike = Union[str, Path]
Record = Dict[str, Any]
Range = Tuple[int, int]

CORPUS_DIR = Path("training/corpus")
SPLITS = ("train", "dev", "test")
STATUSES = ("preannotated", "corrected")
MINIMUMS = {"reports": 60, "claims": 600, "quantities": 250, "speakers_with_role_or_org": 150}
"""The corpus sizes issue 3 asks for; ``claimattr corpus stats`` says whether they are met."""


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


# --------------------------------------------------------------------------- JSON with line numbers


class _LineDecoder(json.JSONDecoder):
    """A JSON decoder that records the line on which every object starts (``id(obj) -> line``)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: Dict[int, int] = {}
        self._newlines: List[int] = []
        parse_object = self.parse_object

        def parse_and_record(s_and_end: Tuple[str, int], *args: Any) -> Tuple[Any, int]:
            obj, end = parse_object(s_and_end, *args)
            self.lines[id(obj)] = bisect_right(self._newlines, s_and_end[1] - 1) + 1
            return obj, end

        self.parse_object = parse_and_record
        self.scan_once = json.scanner.py_make_scanner(self)

    def decode(self, s: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        self._newlines = [m.start() for m in re.finditer("\n", s)]
        return super().decode(s, *args, **kwargs)


def load_json_lines(content: str) -> Tuple[Any, Dict[int, int]]:
    """Parse JSON text; also return where each object starts, so errors can name a line."""
    decoder = _LineDecoder()
    data = decoder.decode(content)
    return data, decoder.lines


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
        data, lines = load_json_lines(path.read_text(encoding="utf8"))
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


# --------------------------------------------------------------------------- checking compiled records


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    return spacy.blank("en")


def token_boundaries(text: str, nlp: Optional[Language] = None) -> Tuple[Set[int], Set[int]]:
    """Character offsets where tokens start and end, by spaCy's English tokenizer."""
    doc = (nlp or _tokenizer()).make_doc(text)
    return {t.idx for t in doc}, {t.idx + len(t.text) for t in doc}


def _number(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))


class _Checker:
    """Checks one compiled record; every problem is kept, none stops the others being found."""

    def __init__(self, record: Record, path: str, line: int, claim_lines: Sequence[int] = (),
                 quantity_lines: Sequence[int] = ()) -> None:
        self.record, self.path, self.line = record, path, line
        self.claim_lines, self.quantity_lines = claim_lines, quantity_lines
        self.errors: List[InputError] = []
        self.text: str = record.get("text") if isinstance(record.get("text"), str) else ""
        self.starts, self.ends = token_boundaries(self.text) if self.text else (set(), set())

    def fail(self, where: str, message: str, line: Optional[int] = None) -> None:
        self.errors.append(InputError(self.path, line or self.line, f"{where}: {message}"))

    def span(self, span: Any, where: str, line: int) -> bool:
        if not isinstance(span, dict) or not all(k in span for k in ("text", "start", "end")):
            self.fail(where, f"expected {{\"text\", \"start\", \"end\"}}, got {span!r}", line)
            return False
        start, end = span["start"], span["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text)):
            self.fail(where, f"offsets {start!r}..{end!r} outside the text (length {len(self.text)})", line)
            return False
        if self.text[start:end] != span["text"]:
            self.fail(where, f"text at {start}..{end} is {self.text[start:end]!r}, not {span['text']!r}", line)
        if start not in self.starts or end not in self.ends:
            self.fail(where, f"{span['text']!r} at {start}..{end} does not start and end on token boundaries", line)
        return True

    def optional_span(self, span: Any, where: str, line: int) -> None:
        if span is not None:
            self.span(span, where, line)

    def anchor(self, anchor: Any, where: str, line: int) -> None:
        if anchor is None:
            return
        if self.span(anchor, where, line) and not (isinstance(anchor.get("lemma"), str) and anchor["lemma"].strip()):
            self.fail(where, "missing lemma", line)

    def quantity(self, q: Any, where: str, line: int) -> None:
        if not self.span(q, where, line):
            return
        for name in ("value", "low", "high"):
            if not _number(q.get(name)):
                self.fail(f"{where}.{name}", f"{q.get(name)!r} is not a finite number or null", line)
                return
        value, low, high = q.get("value"), q.get("low"), q.get("high")
        bounds = [x for x in (low, value, high) if x is not None]
        if bounds != sorted(bounds):
            self.fail(where, f"low <= value <= high does not hold: {low!r}, {value!r}, {high!r}", line)
        if q.get("relation", "=") not in RELATIONS:
            self.fail(f"{where}.relation", f"{q.get('relation')!r} is not one of {RELATIONS}", line)
        if not isinstance(q.get("approximate", False), bool):
            self.fail(f"{where}.approximate", "must be true or false", line)
        if q.get("unit") is not None and not isinstance(q.get("unit"), str):
            self.fail(f"{where}.unit", "must be a string or null", line)
        self.optional_span(q.get("modifier"), f"{where}.modifier", line)
        self.anchor(q.get("entity"), f"{where}.entity", line)
        self.anchor(q.get("event"), f"{where}.event", line)

    def speaker(self, speaker: Any, where: str, line: int) -> None:
        if speaker is None or not self.span(speaker, where, line):
            return
        if not isinstance(speaker.get("name"), str) or not speaker["name"].strip():
            self.fail(f"{where}.name", "a speaker needs a canonical name", line)
        if speaker.get("type") not in SPEAKER_TYPES:
            self.fail(f"{where}.type", f"{speaker.get('type')!r} is not one of {SPEAKER_TYPES}", line)
        if speaker.get("role") is not None and not (isinstance(speaker["role"], str) and speaker["role"].strip()):
            self.fail(f"{where}.role", "must be a non-empty string or null", line)
        self.optional_span(speaker.get("organisation"), f"{where}.organisation", line)
        self.optional_span(speaker.get("intermediary"), f"{where}.intermediary", line)

    def claim(self, claim: Any, index: int, quantity_offsets: Dict[Range, Any]) -> Optional[Tuple]:
        """Check one claim; return its identity (cue and content offsets) for the duplicate check."""
        where = f"claims[{index}]"
        line = self.claim_lines[index] if index < len(self.claim_lines) else self.line
        if not isinstance(claim, dict):
            self.fail(where, f"a claim must be an object, got {claim!r}", line)
            return None
        if claim.get("kind") not in CLAIM_KINDS:
            self.fail(f"{where}.kind", f"{claim.get('kind')!r} is not one of {CLAIM_KINDS}", line)
        if claim.get("cue") is None:
            self.fail(f"{where}.cue", "every claim needs a cue", line)
        else:
            self.span(claim["cue"], f"{where}.cue", line)
        content = claim.get("content")
        if not isinstance(content, list) or not content:
            self.fail(f"{where}.content", "every claim needs at least one content piece", line)
            content = []
        for i, piece in enumerate(content):
            self.span(piece, f"{where}.content[{i}]", line)
        self.speaker(claim.get("speaker"), f"{where}.speaker", line)
        self._claim_quantities(claim, where, line, content, quantity_offsets)
        return _identity(claim)

    def _claim_quantities(self, claim: Record, where: str, line: int, content: List[Any], known: Dict[Range, Any]) -> None:
        pieces = [(p["start"], p["end"]) for p in content if isinstance(p, dict) and isinstance(p.get("start"), int)]
        for i, q in enumerate(claim.get("quantities") or []):
            here = f"{where}.quantities[{i}]"
            if not isinstance(q, dict) or not isinstance(q.get("start"), int):
                self.quantity(q, here, line)
                continue
            listed = known.get((q["start"], q["end"]))
            if listed is None:
                self.fail(here, f"{q.get('text')!r} is not in the record's quantities list", line)
            if listed != q:  # the record's list was checked already; only check what differs
                self.quantity(q, here, line)
            if not any(s <= q["start"] and q["end"] <= e for s, e in pieces):
                self.fail(here, f"{q.get('text')!r} lies outside the claim's content", line)

    def run(self) -> List[InputError]:
        record = self.record
        for name, kind in (("id", str), ("text", str), ("claims", list), ("quantities", list)):
            if not isinstance(record.get(name), kind) or (kind is str and not record[name].strip()):
                self.fail(name, f"missing or not a {kind.__name__}")
        if record.get("split") not in SPLITS:
            self.fail("split", f"{record.get('split')!r} is not one of {SPLITS}")
        quantities = record.get("quantities") if isinstance(record.get("quantities"), list) else []
        offsets: Dict[Range, Any] = {}
        for i, q in enumerate(quantities):
            line = self.quantity_lines[i] if i < len(self.quantity_lines) else self.line
            self.quantity(q, f"quantities[{i}]", line)
            if isinstance(q, dict) and isinstance(q.get("start"), int):
                key = (q["start"], q["end"])
                if key in offsets:
                    self.fail(f"quantities[{i}]", f"duplicate quantity {q.get('text')!r} at {key}", line)
                offsets[key] = q
        seen: Dict[Tuple, int] = {}
        for i, claim in enumerate(record.get("claims") if isinstance(record.get("claims"), list) else []):
            identity = self.claim(claim, i, offsets)
            if identity is not None and identity in seen:
                self.fail(f"claims[{i}]", f"duplicate of claims[{seen[identity]}] (same cue and content)",
                          self.claim_lines[i] if i < len(self.claim_lines) else self.line)
            elif identity is not None:
                seen[identity] = i
        return self.errors


def _identity(claim: Record) -> Optional[Tuple]:
    try:
        cue = (claim["cue"]["start"], claim["cue"]["end"])
        return cue, tuple(sorted((p["start"], p["end"]) for p in claim["content"]))
    except (KeyError, TypeError):
        return None


def check_record(record: Record, path: PathLike, line: int = 1, claim_lines: Sequence[int] = (),
                 quantity_lines: Sequence[int] = ()) -> List[InputError]:
    """Every problem of one compiled record: offsets, token boundaries, texts, kinds, types,
    references (claim quantities listed in the record and inside the claim's content), duplicates."""
    if not isinstance(record, dict):
        return [InputError(str(path), line, "a record must be a JSON object")]
    return _Checker(record, str(path), line, claim_lines, quantity_lines).run()


# --------------------------------------------------------------------------- reading and validating files


def read_corpus(path: PathLike) -> Tuple[List[Record], List[InputError]]:
    """The records of a corpus JSONL file; a malformed line is an error, the rest are read."""
    records, errors = [], []
    path = Path(path)
    with path.open(encoding="utf8") as stream:
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as problem:
                errors.append(InputError(str(path), lineno, f"invalid JSON: {problem.msg}"))
                continue
            if not isinstance(record, dict):
                errors.append(InputError(str(path), lineno, "a record must be a JSON object"))
                continue
            record["_line"] = lineno
            records.append(record)
    return records, errors


def _strip(record: Record) -> Record:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def validate_corpus_file(path: PathLike) -> List[InputError]:
    """Check every line of a corpus JSONL file, and that ids are unique."""
    records, errors = read_corpus(path)
    seen: Dict[str, int] = {}
    for record in records:
        errors.extend(check_record(_strip(record), path, record["_line"]))
        doc_id = record.get("id")
        if isinstance(doc_id, str) and doc_id in seen:
            errors.append(InputError(str(path), record["_line"], f"id: duplicate id {doc_id!r} (first on line {seen[doc_id]})"))
        elif isinstance(doc_id, str):
            seen[doc_id] = record["_line"]
    return errors


def validate_authoring_file(path: PathLike, split: str = "train") -> Tuple[Optional[Record], List[InputError]]:
    """Resolve one authoring file and check the record it compiles to."""
    resolution = read_authoring(path, split)
    if resolution.record is None:
        return None, resolution.errors
    errors = check_record(resolution.record, path, 1, resolution.claim_lines, resolution.quantity_lines)
    status = resolution.status
    if status is not None and status not in STATUSES:
        errors.append(InputError(str(path), 1, f"status: {status!r} is not one of {STATUSES}"))
    return resolution.record, errors


def authoring_files(path: PathLike) -> List[Path]:
    path = Path(path)
    return sorted(path.glob("*.json")) if path.is_dir() else [path]


def validate_paths(paths: Iterable[PathLike]) -> Tuple[int, List[InputError]]:
    """Validate JSONL corpora, authoring files and folders of them; ``(files checked, errors)``."""
    errors: List[InputError] = []
    count = 0
    for path in paths:
        path = Path(path)
        if not path.exists():
            errors.append(InputError(str(path), 0, "no such file or folder"))
            continue
        if path.suffix == ".jsonl":
            count += 1
            errors.extend(validate_corpus_file(path))
            continue
        ids: Dict[str, Path] = {}
        for file in authoring_files(path):
            count += 1
            record, file_errors = validate_authoring_file(file)
            errors.extend(file_errors)
            if record is not None and record["id"] in ids:
                errors.append(InputError(str(file), 1, f"id: duplicate of {ids[record['id']]}"))
            elif record is not None:
                ids[record["id"]] = file
    return count, errors


# --------------------------------------------------------------------------- manifest and build


def _domain_and_number(doc_id: str) -> Tuple[str, Optional[int]]:
    match = re.match(r"^([a-z])(\d+)-", doc_id)
    return (match.group(1), int(match.group(2))) if match else ("seed", None)


SPLIT_POLICY = (
    "Deterministic and stratified by domain (the id's letter: a = conflict, diplomacy, disasters, "
    "courts, elections; b = economy, health, business, society): report number n goes to dev when "
    "n % 6 == 5, to test when n % 6 == 0, else to train, so each block of six consecutive reports "
    "(one topic in domain a) gives one report to dev and one to test. The seed report goes to dev: "
    "the rules were developed on it, so it must not inflate the test figures."
)


def split_of(doc_id: str) -> str:
    """The split :data:`SPLIT_POLICY` gives ``doc_id``."""
    _, number = _domain_and_number(doc_id)
    if number is None or number % 6 == 5:
        return "dev"
    return "test" if number % 6 == 0 else "train"


def make_manifest(ids: Iterable[str]) -> Dict[str, Any]:
    """``{"policy", "splits": {"train": [...], "dev": [...], "test": [...]}}`` for ``ids``."""
    splits: Dict[str, List[str]] = {name: [] for name in SPLITS}
    for doc_id in sorted(ids):
        splits[split_of(doc_id)].append(doc_id)
    return {"policy": SPLIT_POLICY, "splits": splits}


def read_manifest(path: PathLike) -> Dict[str, str]:
    """``id -> split`` from a manifest's ``splits``."""
    data = json.loads(Path(path).read_text(encoding="utf8"))
    return {doc_id: split for split, ids in data["splits"].items() for doc_id in ids}


@dataclass
class BuildResult:
    records: List[Record]
    errors: List[InputError]
    not_annotated: List[str]
    uncorrected: List[str]


def build(corpus_dir: PathLike = CORPUS_DIR, output: Optional[PathLike] = None) -> BuildResult:
    """Compile ``annotated/*.json`` into ``corpus.jsonl`` (splits from ``manifest.json``) and write
    ``corrections.json``. Documents with errors are left out; the others still compile."""
    corpus_dir = Path(corpus_dir)
    splits = read_manifest(corpus_dir / "manifest.json")
    records, errors, uncorrected = [], [], []
    for path in authoring_files(corpus_dir / "annotated"):
        split = splits.get(path.stem)
        if split is None:
            errors.append(InputError(str(path), 1, f"{path.stem!r} is not in manifest.json"))
            continue
        record, file_errors = validate_authoring_file(path, split)
        errors.extend(file_errors)
        if record is not None and not file_errors:
            records.append(record)
            if read_status(path) != "corrected":
                uncorrected.append(path.stem)
    records.sort(key=lambda r: (SPLITS.index(r["split"]), r["id"]))
    with Path(output or corpus_dir / "corpus.jsonl").open("w", encoding="utf8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    done = {r["id"] for r in records} | {Path(e.path).stem for e in errors}
    write_corrections(corpus_dir)
    return BuildResult(records, errors, sorted(set(splits) - done), uncorrected)


def read_status(path: PathLike) -> Optional[str]:
    try:
        return json.loads(Path(path).read_text(encoding="utf8")).get("status")
    except (OSError, ValueError, AttributeError):
        return None


# --------------------------------------------------------------------------- corrections record


CLAIM_CHANGES = ("cue", "content", "kind", "speaker", "name", "type", "role", "org", "intermediary")
QUANTITY_FIELDS = ("value", "low", "high", "approximate", "relation", "unit", "modifier", "entity", "event")


def _ranges(spans: Iterable[Dict[str, Any]]) -> List[Range]:
    return sorted((s["start"], s["end"]) for s in spans)


def _overlap(a: Sequence[Range], b: Sequence[Range]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _extent(ranges: Sequence[Range]) -> Range:
    return (min(s for s, _ in ranges), max(e for _, e in ranges)) if ranges else (0, 0)


def _offsets(span: Optional[Dict[str, Any]]) -> Optional[Range]:
    return None if span is None else (span["start"], span["end"])


def _speaker_changes(pre: Optional[Record], gold: Optional[Record]) -> List[str]:
    if pre is None or gold is None:
        return ["speaker"] if (pre is None) != (gold is None) else []
    changes = ["speaker"] if _offsets(pre) != _offsets(gold) else []
    for name in ("name", "type", "role"):
        if pre.get(name) != gold.get(name):
            changes.append(name)
    if _offsets(pre.get("organisation")) != _offsets(gold.get("organisation")):
        changes.append("org")
    if _offsets(pre.get("intermediary")) != _offsets(gold.get("intermediary")):
        changes.append("intermediary")
    return changes


def _claim_changes(pre: Record, gold: Record) -> List[str]:
    changes = []
    if _offsets(pre["cue"]) != _offsets(gold["cue"]):
        changes.append("cue")
    if _ranges(pre["content"]) != _ranges(gold["content"]):
        changes.append("content")
    if pre["kind"] != gold["kind"]:
        changes.append("kind")
    return changes + _speaker_changes(pre.get("speaker"), gold.get("speaker"))


def _quantity_key(q: Record) -> Tuple:
    anchors = tuple((q.get(n) or {}).get("lemma") if n in ("entity", "event") else _offsets(q.get(n))
                    for n in ("modifier", "entity", "event"))
    return (q.get("value"), q.get("low"), q.get("high"), q.get("approximate"), q.get("relation"), q.get("unit")) + anchors


def compare_records(pre: Record, gold: Record) -> Dict[str, int]:
    """How many corrections turned the pre-annotation ``pre`` into the gold ``gold``.

    Claims are paired one-to-one by content overlap (as the scorer pairs them); unpaired gold
    claims were added, unpaired pre-annotated ones removed, and each paired claim counts one
    change per field that differs. Quantities are paired by overlap the same way.
    """
    counts = {"claims_pre": len(pre["claims"]), "claims_gold": len(gold["claims"]),
              "claims_added": 0, "claims_removed": 0, "claims_changed": 0,
              **{f"{name}_changed": 0 for name in CLAIM_CHANGES},
              "quantities_added": 0, "quantities_removed": 0, "quantities_changed": 0}
    p_ranges = [_ranges(c["content"]) for c in pre["claims"]]
    g_ranges = [_ranges(c["content"]) for c in gold["claims"]]
    pairs = greedy_match([_extent(r) for r in p_ranges], [_extent(r) for r in g_ranges],
                         lambda i, j: _overlap(p_ranges[i], g_ranges[j]))
    counts["claims_added"] = len(gold["claims"]) - len(pairs)
    counts["claims_removed"] = len(pre["claims"]) - len(pairs)
    for i, j in pairs:
        changes = _claim_changes(pre["claims"][i], gold["claims"][j])
        counts["claims_changed"] += bool(changes)
        for name in changes:
            counts[f"{name}_changed"] += 1
    pq, gq = pre["quantities"], gold["quantities"]
    q_pairs = greedy_match([_offsets(q) for q in pq], [_offsets(q) for q in gq],
                           lambda i, j: _overlap([_offsets(pq[i])], [_offsets(gq[j])]))
    counts["quantities_added"] = len(gq) - len(q_pairs)
    counts["quantities_removed"] = len(pq) - len(q_pairs)
    counts["quantities_changed"] = sum(
        _offsets(pq[i]) != _offsets(gq[j]) or _quantity_key(pq[i]) != _quantity_key(gq[j]) for i, j in q_pairs)
    return counts


def corrections(corpus_dir: PathLike = CORPUS_DIR) -> Dict[str, Any]:
    """The corrections record: per document and in total, for every document in both
    ``preannotated/`` and ``annotated/`` that resolves."""
    corpus_dir = Path(corpus_dir)
    documents: Dict[str, Dict[str, int]] = {}
    for gold_path in authoring_files(corpus_dir / "annotated"):
        pre_path = corpus_dir / "preannotated" / gold_path.name
        if not pre_path.exists():
            continue
        pre, gold = read_authoring(pre_path).record, read_authoring(gold_path).record
        if pre is not None and gold is not None:
            documents[gold_path.stem] = {"status": read_status(gold_path), **compare_records(pre, gold)}
    total: Dict[str, int] = {}
    for counts in documents.values():
        for name, value in counts.items():
            if isinstance(value, int):
                total[name] = total.get(name, 0) + value
    total["documents"] = len(documents)
    total["documents_corrected"] = sum(c["status"] == "corrected" for c in documents.values())
    return {"total": total, "documents": documents}


def write_corrections(corpus_dir: PathLike = CORPUS_DIR) -> Dict[str, Any]:
    record = corrections(corpus_dir)
    path = Path(corpus_dir) / "corrections.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    return record


# --------------------------------------------------------------------------- statistics


def _has_role_or_org(speaker: Optional[Record]) -> bool:
    return bool(speaker and (speaker.get("role") or speaker.get("organisation")))


def record_counts(record: Record) -> Dict[str, int]:
    """Counts for one report; speakers are distinct canonical names with a role or organisation."""
    speakers = {(s.get("name") or s["text"]).casefold() for s in (c.get("speaker") for c in record["claims"])
                if _has_role_or_org(s)}
    counts = {"reports": 1, "words": len(record["text"].split()), "claims": len(record["claims"]),
              "quantities": len(record["quantities"]), "speakers_with_role_or_org": len(speakers)}
    for claim in record["claims"]:
        counts[f"kind_{claim['kind']}"] = counts.get(f"kind_{claim['kind']}", 0) + 1
    return counts


def stats(records: Iterable[Record]) -> Dict[str, Dict[str, int]]:
    """Counts per split and in ``total``."""
    table: Dict[str, Dict[str, int]] = {}
    for record in records:
        for key in (record.get("split", "train"), "total"):
            row = table.setdefault(key, {})
            for name, value in record_counts(record).items():
                row[name] = row.get(name, 0) + value
    return table


def minimums_met(total: Dict[str, int]) -> Dict[str, bool]:
    return {name: total.get(name, 0) >= needed for name, needed in MINIMUMS.items()}


# --------------------------------------------------------------------------- spaCy docs


def record_doc(record: Record, nlp: Optional[Language] = None) -> Doc:
    """A tokenised ``Doc`` carrying the record's gold claims and quantities (and span groups).

    Store it with ``DocBin(store_user_data=True)``: claims and quantities live in ``user_data``.
    """
    doc = (nlp or _tokenizer()).make_doc(record["text"])
    doc._.claims = [Claim.from_dict(claim) for claim in record["claims"]]
    doc._.quantities = [Quantity.from_dict(q) for q in record.get("quantities", [])]
    doc.user_data["claimattr_id"] = record.get("id")
    return doc


def records_by_split(records: Iterable[Record]) -> Dict[str, List[Record]]:
    grouped: Dict[str, List[Record]] = {name: [] for name in SPLITS}
    for record in records:
        grouped.setdefault(record.get("split", "train"), []).append(record)
    return grouped


def iter_corpus(path: PathLike, split: Optional[str] = None) -> Iterator[Record]:
    """The valid records of a corpus file (optionally one split), for tools that only read."""
    records, _ = read_corpus(path)
    for record in records:
        if split is None or record.get("split") == split:
            yield _strip(record)
