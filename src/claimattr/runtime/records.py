"""Reading documents in and writing records out, one at a time.

Everything here streams: a reader yields one document (or one failure) at a time, so a news
archive of any size passes through in constant memory. A failure to read one record is data,
not an exception, so that a corpus-wide run can report it and carry on.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Sequence, TextIO, Union

from claimattr.readers.jsonl import json_lines, open_binary, parse_json_object

STDIN = "-"
DEFAULT_ENCODING = "utf-8"
ENCODING_HINT = "pass --encoding (for example --encoding latin-1 or --encoding cp1252)"
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_GLOB = "*.txt"


@dataclass(frozen=True)
class Record:
    """One document to process, with where it came from (for error messages)."""

    id: str
    text: str
    source: str
    line: Optional[int] = None


@dataclass(frozen=True)
class RecordError:
    """One record that could not be read or processed; the run goes on without it."""

    id: Optional[str]
    source: str
    line: Optional[int]
    message: str

    def to_dict(self) -> Dict[str, Any]:
        return {"id": self.id, "source": self.source, "line": self.line, "error": self.message}

    def describe(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        label = f" (id {self.id})" if self.id is not None else ""
        return f"{where}{label}: {self.message}"


Item = Union[Record, RecordError]


def is_jsonl(path: Union[str, Path]) -> bool:
    """JSONL is recognised by its suffix, so a plain text that happens to start with "{" stays text."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def read_inputs(inputs: Sequence[str], stdin: Optional[Any] = None, encoding: str = DEFAULT_ENCODING) -> Iterator[Item]:
    """Yield every document of ``inputs`` in order: .txt files, folders (recursive, sorted), JSONL, ``-``.

    Text is decoded with ``encoding`` (default UTF-8); a byte-order mark (UTF-8 or UTF-16) is
    honoured and never part of the text.
    """
    for name in inputs:
        if name == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, encoding)
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_folder(path, encoding)
        elif is_jsonl(path):
            yield from read_jsonl(path, encoding)
        else:
            yield read_text_file(path, path.stem if path.suffix == ".txt" else path.name, encoding)


def missing_inputs(inputs: Sequence[str]) -> List[str]:
    """The inputs named on the command line that do not exist (a usage error, not a record error)."""
    return [name for name in inputs if name != STDIN and not Path(name).exists()]


def check_encoding(encoding: str) -> Optional[str]:
    """Why ``encoding`` is not usable, else ``None``."""
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        return f"unknown encoding {encoding!r}"
    return None


def decode_text(data: bytes, encoding: str = DEFAULT_ENCODING, source: str = "<input>") -> str:
    """``data`` as text: a byte-order mark wins over ``encoding`` and is dropped.

    Raises ``UnicodeDecodeError`` whose ``reason`` names ``source``, the encoding and ``--encoding``.
    """
    codec, named = ("utf-8-sig" if _is_utf8(encoding) else encoding), encoding
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            codec, named = bom_encoding, f"{bom_encoding} (its byte-order mark says so)"
            break
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        bad = data[error.start:error.start + 1]
        reason = (f"{source} is not valid {named} (byte 0x{bad.hex()} at position {error.start}: "
                  f"{error.reason}); {ENCODING_HINT}")
        raise UnicodeDecodeError(error.encoding, error.object, error.start, error.end, reason) from None


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8", "u8", "utf")


def read_folder(folder: Path, encoding: str = DEFAULT_ENCODING) -> Iterator[Item]:
    """Every .txt file under ``folder``, sorted, with ids relative to it ("2024/report-17")."""
    for path in sorted(folder.rglob(TEXT_GLOB)):
        if path.is_file():
            yield read_text_file(path, path.relative_to(folder).with_suffix("").as_posix(), encoding)


def read_text_file(path: Path, doc_id: str, encoding: str = DEFAULT_ENCODING) -> Item:
    """One plain-text document; an unreadable file becomes a :class:`RecordError` naming it."""
    try:
        text = decode_text(path.read_bytes(), encoding, str(path))
    except (OSError, UnicodeDecodeError) as error:
        return RecordError(doc_id, str(path), None, f"cannot read file: {_reason(error)}")
    return checked_record(doc_id, text, str(path), None)


def read_jsonl(path: Path, encoding: str = DEFAULT_ENCODING) -> Iterator[Item]:
    """Records ``{"id", "text"}`` of a JSON Lines file (optionally gzipped), one per line."""
    try:
        handle = open_binary(path)
    except OSError as error:
        yield RecordError(None, str(path), None, f"cannot read file: {_reason(error)}")
        return
    with handle:
        yield from parse_jsonl_lines(_decoded_lines(handle, encoding), str(path))


def _decoded_lines(lines: Iterable[bytes], encoding: str) -> Iterator[Union[str, bytes]]:
    """Lines for :func:`json_lines`: bytes stay bytes (JSON is UTF-8) unless another encoding is asked for."""
    for number, line in enumerate(lines):
        if number == 0 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if _is_utf8(encoding):
            yield line
        else:
            try:
                yield line.decode(encoding)
            except UnicodeDecodeError:
                yield line  # reported as "not UTF-8" by the parser, with its line number


def read_stdin(stream: Any, encoding: str = DEFAULT_ENCODING) -> Iterator[Item]:
    """Standard input is JSONL when its first line is a JSON object, else one text document."""
    raw = getattr(stream, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (tests): take its text
        first = stream.readline().lstrip("\ufeff")
        lines: Iterable[Union[str, bytes]] = stream
        rest = lambda: stream.read()  # noqa: E731
    else:
        first = raw.readline()
        lines, rest = raw, raw.read
    if _looks_like_json_object(first):
        yield from parse_jsonl_lines(_decoded_lines(_chain_first(first, lines), encoding) if raw is not None
                                     else _chain_first(first, lines), "<stdin>")
        return
    data = first + rest()
    if isinstance(data, bytes):
        try:
            data = decode_text(data, encoding, "<stdin>")
        except UnicodeDecodeError as error:
            yield RecordError("stdin", "<stdin>", None, f"cannot read input: {error.reason}")
            return
    yield checked_record("stdin", data, "<stdin>", None)


class DuplicateIds:
    """Notices ids seen before in this run; keeps one hash per id, not the ids themselves."""

    def __init__(self) -> None:
        self._seen: set = set()

    def check(self, record: Record) -> Optional[str]:
        key = hash(record.id)
        if key not in self._seen:
            self._seen.add(key)
            return None
        where = record.source if record.line is None else f"{record.source}:{record.line}"
        return (f"warning: duplicate id {record.id!r} at {where}; both records are processed and "
                f"written (--resume counts each id's occurrences)")


def parse_jsonl_lines(lines: Iterable[Union[str, bytes]], source: str) -> Iterator[Item]:
    """Parse JSONL document records, turning each bad line into a :class:`RecordError`.

    Lines may be bytes, so that one badly encoded line is one error rather than the end of the file.
    """
    for item in json_lines(lines):
        if item.data is None:
            yield RecordError(None, source, item.line, str(item.error))
            continue
        data = item.data
        doc_id = str(data["id"]) if data.get("id") is not None else f"{Path(source).name}:{item.line}"
        yield checked_record(doc_id, data.get("text"), source, item.line)


def checked_record(doc_id: str, text: Any, source: str, line: Optional[int]) -> Item:
    """A record with usable text, or the error saying why its text is not usable."""
    if text is None:
        return RecordError(doc_id, source, line, "missing 'text'")
    if not isinstance(text, str):
        return RecordError(doc_id, source, line, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return RecordError(doc_id, source, line, "empty text")
    return Record(doc_id, text, source, line)


def count_inputs(inputs: Sequence[str]) -> Optional[int]:
    """How many records ``inputs`` hold (for the progress bar's ETA); ``None`` when unknowable.

    Counting re-reads the files as bytes without parsing them, which is cheap next to parsing
    the text with a pipeline, and holds nothing in memory.
    """
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        if path.is_dir():
            total += sum(1 for p in path.rglob(TEXT_GLOB) if p.is_file())
        elif is_jsonl(path):
            total += _count_nonblank_lines(path)
        else:
            total += 1
    return total


def _count_nonblank_lines(path: Path) -> int:
    try:
        with open_binary(path) as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def read_claim_records(inputs: Sequence[str], stdin: Optional[TextIO] = None) -> Iterator[Union[Dict[str, Any], RecordError]]:
    """Read ``claimattr extract`` output back: ``{"id", "claims"}`` dicts, or errors for bad lines."""
    for name in inputs:
        source = "<stdin>" if name == STDIN else name
        try:
            handle: IO[Any] = (stdin or sys.stdin) if name == STDIN else open_binary(name)
        except OSError as error:
            yield RecordError(None, source, None, f"cannot read file: {_reason(error)}")
            continue
        try:
            for item in json_lines(handle):
                if item.data is None:
                    yield RecordError(None, source, item.line, str(item.error))
                elif not isinstance(item.data.get("claims"), list):
                    yield RecordError(None, source, item.line, "expected an object with a 'claims' list")
                else:
                    yield item.data
        finally:
            if name != STDIN:
                handle.close()


class JsonlWriter:
    """Append JSON lines, each in one unbuffered write and flushed, so a kill never loses a written record.

    A line goes out in a single ``write`` call of the whole encoded line; for a regular file the
    kernel completes that call even if the process is then killed, so lines are not half-written.
    (Should a line still end up truncated, say on a full disk, :func:`resume_output` drops it.)
    """

    def __init__(self, target: Union[str, Path, IO[str], None], append: bool = False) -> None:
        self._raw: Optional[IO[bytes]] = None
        self._text: Optional[IO[str]] = None
        if target is None or target == STDIN:
            self._text = sys.stdout
        elif isinstance(target, (str, Path)):
            self._raw = open(target, "ab" if append else "wb", buffering=0)
        else:
            self._text = target

    def write(self, data: Dict[str, Any]) -> None:
        self.write_line(json.dumps(data, ensure_ascii=False))

    def write_line(self, line: str) -> None:
        payload = line + "\n"
        if self._raw is not None:
            view = memoryview(payload.encode("utf8"))
            while view:
                written = self._raw.write(view)
                view = view[written or 0:]
        else:
            assert self._text is not None
            self._text.write(payload)
            self._text.flush()

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resume_output(path: Union[str, Path]) -> Counter:
    """Keep ``path``'s complete records, cut anything after them, and count the ids already done.

    A record is complete when its line ends in a newline and parses as a JSON object with an
    "id". Reading stops at the first line that is not, and the file is truncated there, so the
    resumed run appends right after the last good record. Ids are counted (not just collected)
    so that duplicate ids in the input resume exactly as an uninterrupted run would write them.
    """
    done: Counter = Counter()
    path = Path(path)
    if not path.exists():
        return done
    keep = 0
    with open(path, "r+b") as handle:
        for raw in handle:
            record = _parse_complete_line(raw)
            if record is None:
                break
            done[str(record["id"])] += 1
            keep += len(raw)
        handle.truncate(keep)
    return done


def _parse_complete_line(raw: bytes) -> Optional[Dict[str, Any]]:
    if not raw.endswith(b"\n"):
        return None
    data, _ = parse_json_object(raw)
    return data if data is not None and "id" in data else None


class ErrorSink:
    """Where failed records go: a JSONL file (rewritten each run) or readable lines on stderr.

    The file is created at the first error only: a run where nothing failed leaves no errors
    file, and removes the one a previous run left for the same output (it no longer applies).
    """

    def __init__(self, path: Optional[Union[str, Path]] = None, stream: Optional[TextIO] = None) -> None:
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._writer: Optional[JsonlWriter] = None
        self._stream = stream

    def add(self, error: RecordError) -> None:
        self.count += 1
        if self.path is not None:
            if self._writer is None:
                self._writer = JsonlWriter(self.path)
            self._writer.write(error.to_dict())
        else:
            print(f"error: {error.describe()}", file=self._stream or sys.stderr, flush=True)

    def close(self, finished: bool = False) -> None:
        """Close the file; ``finished``: the run completed, so a stale errors file is removed."""
        if self._writer is not None:
            self._writer.close()
        elif finished and self.path is not None and self.count == 0:
            self.path.unlink(missing_ok=True)


def default_errors_path(output: Optional[str]) -> Optional[Path]:
    """``out.jsonl`` -> ``out.jsonl.errors.jsonl``; stdout output sends errors to stderr instead."""
    if output is None or output == STDIN:
        return None
    return Path(f"{output}.errors.jsonl")


def _chain_first(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def _looks_like_json_object(line: str) -> bool:
    return parse_json_object(line)[0] is not None


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeDecodeError):
        return error.reason
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


__all__: List[str] = [
    "DuplicateIds", "ErrorSink", "JsonlWriter", "Record", "RecordError", "check_encoding", "count_inputs",
    "decode_text", "default_errors_path", "missing_inputs",
    "is_jsonl", "parse_jsonl_lines", "read_claim_records", "read_inputs", "read_jsonl",
    "read_stdin", "resume_output",
]
