"""The one JSON Lines reader (``claimattr.readers.jsonl``) and the readers built on it: every bad
line is an error naming its line number, and every other line is still read."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from claimattr.readers.corpus import read_corpus
from claimattr.readers.jsonl import json_lines, load_json_with_lines, read_json_lines
from claimattr.runtime.records import Record, RecordError, parse_jsonl_lines, read_claim_records, read_jsonl

LINES = [
    '{"id": "a", "text": "One."}',
    "",
    "{not json",
    "[1, 2]",
    '{"id": "b", "text": "Two."}',
]


def test_json_lines_numbers_lines_from_one_skips_blank_ones_and_reports_bad_ones() -> None:
    items = list(json_lines(LINES))
    assert [item.line for item in items] == [1, 3, 4, 5]
    assert [item.ok for item in items] == [True, False, False, True]
    assert items[1].error.startswith("invalid JSON: ") and "column 2" in items[1].error
    assert items[2].error == "expected a JSON object, got list"
    assert items[3].data == {"id": "b", "text": "Two."}


def test_a_badly_encoded_line_is_one_error_not_the_end_of_the_file() -> None:
    raw = [b'{"id": "a", "text": "x"}\n', b'{"id": "b", "text": "\xff"}\n', b'{"id": "c", "text": "y"}\n']
    items = list(json_lines(raw))
    assert [(item.line, item.ok) for item in items] == [(1, True), (2, False), (3, True)]
    assert items[1].error.startswith("not UTF-8")


def test_gzipped_files_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf8") as handle:
        handle.write("\n".join(LINES) + "\n")
    assert [item.line for item in read_json_lines(path) if not item.ok] == [3, 4]


def test_corpus_reader_reports_input_errors_with_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf8")
    records, errors = read_corpus(path)
    assert [line for line, _ in records] == [1, 5]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:3", f"{path}:4"]
    assert str(errors[0]).startswith(f"{path}:3: invalid JSON")


def test_document_reader_reports_record_errors_with_source_and_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(LINES + ['{"id": "c", "text": ""}']) + "\n", encoding="utf8")
    items = list(read_jsonl(path))
    assert [type(item) for item in items] == [Record, RecordError, RecordError, Record, RecordError]
    assert [item.line for item in items] == [1, 3, 4, 5, 6]
    assert items[1].describe().startswith(f"{path}:3: invalid JSON")
    assert items[4].describe() == f"{path}:6 (id c): empty text"
    assert [item.line for item in parse_jsonl_lines(io.StringIO("\n".join(LINES)), "<stdin>")] == [1, 3, 4, 5]


def test_claim_records_reader_reports_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    rows = [json.dumps({"id": "a", "claims": []}), "{oops", json.dumps({"id": "b"}), json.dumps({"id": "c", "claims": []})]
    path.write_text("\n".join(rows) + "\n", encoding="utf8")
    items = list(read_claim_records([str(path)]))
    assert [item["id"] if isinstance(item, dict) else item.line for item in items] == ["a", 2, 3, "c"]
    assert "invalid JSON" in items[1].message and "'claims' list" in items[2].message


def test_json_with_lines_says_where_each_object_starts() -> None:
    data, lines = load_json_with_lines('{\n  "claims": [\n    {"a": 1},\n\n    {"b": 2}\n  ]\n}\n')
    assert lines[id(data)] == 1
    assert [lines[id(claim)] for claim in data["claims"]] == [3, 5]
