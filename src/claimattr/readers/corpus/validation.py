"""Checking compiled records and corpus files: every problem is an :class:`InputError` naming
file, line and field, and none stops the others being found."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.language import Language

from claimattr.errors import InputError
from claimattr.readers.corpus.authoring import STATUSES, authoring_files, read_authoring
from claimattr.readers.corpus.records import SPLITS, PathLike, Range, Record, blank_english, read_corpus
from claimattr.schema import CLAIM_KINDS, RELATIONS, SPEAKER_TYPES


def token_boundaries(text: str, nlp: Optional[Language] = None) -> Tuple[Set[int], Set[int]]:
    """Character offsets where tokens start and end, by spaCy's English tokenizer."""
    doc = (nlp or blank_english()).make_doc(text)
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



def validate_corpus_file(path: PathLike) -> List[InputError]:
    """Check every line of a corpus JSONL file, and that ids are unique."""
    records, errors = read_corpus(path)
    seen: Dict[str, int] = {}
    for line, record in records:
        errors.extend(check_record(record, path, line))
        doc_id = record.get("id")
        if isinstance(doc_id, str) and doc_id in seen:
            errors.append(InputError(str(path), line, f"id: duplicate id {doc_id!r} (first on line {seen[doc_id]})"))
        elif isinstance(doc_id, str):
            seen[doc_id] = line
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

