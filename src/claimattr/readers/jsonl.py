"""Reading JSON Lines, and JSON with line numbers, for every claimattr reader.

:func:`json_lines` is the one loop over a JSON Lines stream: it numbers the lines from 1, skips
blank ones and turns a line that is not a JSON object (or not UTF-8) into an error message
instead of an exception, so one bad line never costs the rest of the file. Callers wrap the
message in their own error type: ``claimattr.errors.InputError`` for the corpus tools,
``claimattr.runtime.records.RecordError`` for ``claimattr extract``.

:func:`load_json_with_lines` parses one JSON document (an authoring file) and also says on
which line every object starts, so that errors about a nested field can name its line.
"""
from __future__ import annotations

import gzip
import json
import json.scanner
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

PathLike = Union[str, Path]
Line = Union[str, bytes]


@dataclass(frozen=True)
class JsonLine:
    """One non-blank line: its 1-based number and either its object or why it has none."""

    line: int
    data: Optional[Dict[str, Any]] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_json_object(line: Line) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
    """``(object, None)`` for a line holding one JSON object, else ``(None, message)``."""
    try:
        data = json.loads(line)
    except UnicodeDecodeError as error:
        return None, f"not UTF-8: {error.reason}"
    except json.JSONDecodeError as error:
        return None, f"invalid JSON: {error.msg} (column {error.colno})"
    if not isinstance(data, dict):
        return None, f"expected a JSON object, got {type(data).__name__}"
    return data, None


def json_lines(lines: Iterable[Line]) -> Iterator[JsonLine]:
    """Every non-blank line of a JSON Lines stream, parsed, with its line number.

    Lines may be bytes, so that one badly encoded line is one error rather than the end of the file.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        data, error = parse_json_object(line)
        yield JsonLine(number, data, error)


def open_binary(path: PathLike) -> IO[bytes]:
    """Open a file for :func:`json_lines`; names ending in ``.gz`` are decompressed."""
    return gzip.open(path, "rb") if str(path).lower().endswith(".gz") else open(path, "rb")


def read_json_lines(path: PathLike) -> Iterator[JsonLine]:
    """:func:`json_lines` over a file (optionally gzipped). Opening it may raise ``OSError``."""
    with open_binary(path) as handle:
        yield from json_lines(handle)


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


def load_json_with_lines(content: str) -> Tuple[Any, Dict[int, int]]:
    """Parse JSON text; also return where each object starts (``id(obj) -> line``).

    Raises ``json.JSONDecodeError`` (which has ``lineno``) for text that is not JSON.
    """
    decoder = _LineDecoder()
    data = decoder.decode(content)
    return data, decoder.lines


__all__ = [
    "JsonLine", "json_lines", "load_json_with_lines", "open_binary", "parse_json_object", "read_json_lines",
]
