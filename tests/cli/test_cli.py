"""`claimattr extract` (and the CLI around it) as a tool for large, messy corpora.

Specification: every readable record comes out as one whole JSON line, in input order; every
record that fails (bad JSON, missing/empty text, unreadable file, a component crash) is named
in the errors file with its source and line number; the run goes on and its exit status says
whether anything failed; ``--resume`` after a kill gives exactly the uninterrupted output.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import claimattr
from claimattr.cli import commands as cli
from claimattr.runtime.records import Record, resume_output
from claimattr.runtime.stream import annotate

runner = CliRunner()


@pytest.fixture()
def cached_pipeline(monkeypatch, nlp):
    """Run CLI commands in-process on the session pipeline instead of loading it per command."""
    monkeypatch.setattr(cli, "load_pipeline", lambda **settings: nlp)
    return nlp


def invoke(*args: str, input: str = None):
    return runner.invoke(cli.app, list(args), input=input)


def read_jsonl(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]


def write_jsonl(path: Path, rows: List[Any]) -> Path:
    with path.open("w", encoding="utf8") as handle:
        for row in rows:
            handle.write(row if isinstance(row, str) else json.dumps(row))
            handle.write("\n")
    return path


SAID = "The minister said that 12 schools would close."
QUOTED = "\u201cWe will rebuild,\u201d the mayor told reporters."


# --- default input, formats, input kinds -----------------------------------------------------

def test_no_input_runs_on_the_bundled_example_report(cached_pipeline):
    result = invoke("extract")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "example_report"
    assert record["claims"], "the example report has claims"
    first = record["claims"][0]
    assert {"kind", "cue", "content", "speaker", "quantities"} <= set(first)
    text = claimattr.example_report()
    assert text[first["cue"]["start"]:first["cue"]["end"]] == first["cue"]["text"]
    assert record["entities"], "the document's speakers and other entities"
    assert {group["frame"] for group in record["figures"]} >= {"deaths"}, "the figure groups are in the record"


def test_jsonl_records_come_out_in_input_order_one_line_each(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "b", "text": SAID}, {"id": "a", "text": QUOTED}, {"id": 7, "text": "Rain."}])
    result = invoke("extract", str(corpus), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    records = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["b", "a", "7"]
    assert records[0]["claims"][0]["cue"]["text"] == "said"
    assert records[2]["claims"] == []
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists(), "no errors file unless an error happened"


def test_folders_are_read_recursively_in_sorted_order_with_relative_ids(cached_pipeline, tmp_path):
    (tmp_path / "news" / "2024").mkdir(parents=True)
    (tmp_path / "news" / "b.txt").write_text(SAID, encoding="utf8")
    (tmp_path / "news" / "2024" / "a.txt").write_text(QUOTED, encoding="utf8")
    (tmp_path / "news" / "notes.md").write_text("not a report", encoding="utf8")
    result = invoke("extract", str(tmp_path / "news"))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["2024/a", "b"]


def test_standard_input_as_plain_text(cached_pipeline):
    result = invoke("extract", "-", input=SAID + "\n")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "stdin"
    assert record["claims"][0]["cue"]["text"] == "said"


def test_standard_input_as_jsonl(cached_pipeline):
    lines = json.dumps({"id": "x", "text": SAID}) + "\n" + json.dumps({"id": "y", "text": QUOTED}) + "\n"
    result = invoke("extract", "-", input=lines)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["x", "y"]


def test_progress_bar_on_stderr_counts_documents_and_words(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": SAID} for i in range(3)])
    result = invoke("extract", str(corpus), "--progress")
    assert result.exit_code == 0, result.output
    assert "3/3" in result.stderr and "doc" in result.stderr and "words/s" in result.stderr
    assert len(result.stdout.splitlines()) == 3, "the bar stays off stdout"


def test_two_processes_write_what_one_process_writes(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": [SAID, QUOTED, "Rain."][i % 3]} for i in range(9)])
    one = invoke("extract", str(corpus), "--batch-size", "2")
    two = invoke("extract", str(corpus), "--batch-size", "2", "--n-process", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout


def test_table_format_is_readable_text(cached_pipeline, tmp_path):
    (tmp_path / "report.txt").write_text(SAID, encoding="utf8")
    result = invoke("extract", str(tmp_path / "report.txt"), "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("report: 1 claim")
    assert lines[1].split() == ["#", "kind", "speaker", "cue", "content", "quantities"]
    assert "said" in lines[3] and "12 schools would close" in lines[3]


# --- failures are data: named, counted, and the run goes on ------------------------------------

def test_bad_records_go_to_the_errors_file_with_line_numbers(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "ok1", "text": SAID},
        '{"id": "broken", "text": ',            # line 2: malformed JSON
        {"id": "empty", "text": "   "},          # line 3
        {"id": "notext"},                        # line 4
        {"id": "number", "text": 42},            # line 5
        "[1, 2]",                                # line 6: not an object
        {"id": "ok2", "text": QUOTED},
    ])
    result = invoke("extract", str(corpus), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["ok1", "ok2"]
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["line"], e["id"]) for e in errors] == [(2, None), (3, "empty"), (4, "notext"), (5, "number"), (6, None)]
    assert all(e["source"] == str(corpus) for e in errors)
    assert "invalid JSON" in errors[0]["error"] and "empty text" in errors[1]["error"]
    assert "5 record(s) failed" in result.output


def test_unreadable_file_is_named_and_the_others_are_still_processed(cached_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not utf-8 \xc3\x28")
    (tmp_path / "c.txt").write_text(QUOTED, encoding="utf8")
    errors_file = tmp_path / "errors.jsonl"
    result = invoke("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"), "--errors", str(errors_file))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "c"]
    [error] = read_jsonl(errors_file)
    assert error["source"] == str(tmp_path / "b.txt")
    assert error["error"].startswith("cannot read file")
    assert str(tmp_path / "b.txt") in error["error"] and "--encoding" in error["error"]


def test_errors_go_to_stderr_when_output_is_stdout(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "e", "text": ""}, {"id": "ok", "text": SAID}])
    result = invoke("extract", str(corpus))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]
    assert f"{corpus}:1 (id e): empty text" in result.stderr


@Language.component("test_boom_on_marker")
def boom_on_marker(doc):
    """A deliberately buggy component: it crashes on any document containing "BOOM"."""
    if "BOOM" in doc.text:
        raise RuntimeError("component exploded")
    return doc


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_component_crash_loses_only_the_document_that_caused_it(n_process):
    nlp = claimattr.load("rules", pipes=["report_segmenter"])
    nlp.add_pipe("test_boom_on_marker")
    texts = [f"Document {i} said hello." for i in range(20)]
    texts[7] = "This one goes BOOM."
    records = [Record(f"d{i}", text, "corpus.jsonl", i + 1) for i, text in enumerate(texts)]
    failures = []
    done = list(annotate(nlp, records, on_error=failures.append, batch_size=4, n_process=n_process))
    assert [record.id for record, _ in done] == [f"d{i}" for i in range(20) if i != 7]
    assert all(doc.text == record.text for record, doc in done)
    [failure] = failures
    assert (failure.id, failure.source, failure.line) == ("d7", "corpus.jsonl", 8)
    assert "component exploded" in failure.message


# --- resume --------------------------------------------------------------------------------

def test_resume_output_drops_a_half_written_last_line_and_counts_ids(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "claims": []}\n{"id": "a", "claims": []}\n{"id": "b", "cla', encoding="utf8")
    done = resume_output(out)
    assert done == {"a": 2}
    assert out.read_text(encoding="utf8") == '{"id": "a", "claims": []}\n' * 2


def test_resume_skips_done_ids_and_appends_the_rest(cached_pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": SAID if i % 2 else QUOTED} for i in range(6)])
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert invoke("extract", str(corpus), "-o", str(full)).exit_code == 0
    lines = full.read_text(encoding="utf8").splitlines(keepends=True)
    part.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf8")
    result = invoke("extract", str(corpus), "-o", str(part), "--resume")
    assert result.exit_code == 0, result.output
    assert part.read_text(encoding="utf8") == full.read_text(encoding="utf8")


def test_resume_needs_an_output_file(cached_pipeline):
    result = invoke("extract", "--resume")
    assert result.exit_code == 2
    assert "--resume needs --output" in result.output


# --- the acceptance test: 10,000 documents, two bad ones, a kill and a resume ---------------------

TINY = [
    "Officials said {n} people were hurt.",
    "The mayor denied the report.",
    "Police confirmed {n} arrests on Monday.",
    "Rain fell for {n} hours.",
]


def make_corpus(path: Path, size: int = 10_000) -> Dict[str, int]:
    """``size`` good records (every 50th a paragraph of the example report, the rest tiny news
    sentences, so the test stays fast), plus one malformed line and one empty text."""
    paragraphs = [line for line in claimattr.example_report().splitlines() if len(line.split()) > 8]
    bad_lines = {"malformed": size // 3, "empty": 2 * size // 3}
    with path.open("w", encoding="utf8") as handle:
        line = 0
        for i in range(size):
            line += 1
            if line == bad_lines["malformed"]:
                handle.write('{"id": "doc-bad", "text": "unterminated\n')
                line += 1
            if line == bad_lines["empty"]:
                handle.write(json.dumps({"id": "doc-empty", "text": ""}) + "\n")
                line += 1
            text = paragraphs[(i // 50) % len(paragraphs)] if i % 50 == 0 else TINY[i % 4].format(n=i)
            handle.write(json.dumps({"id": f"doc-{i:05d}", "text": text}) + "\n")
    return bad_lines


def run_extract(*args: str, **kwargs) -> subprocess.Popen:
    command = [sys.executable, "-m", "claimattr.cli", "extract", *args, "--batch-size", "256", "--pipes", ",".join(claimattr.PIPES)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_ten_thousand_documents_with_bad_records_a_kill_and_a_resume(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    bad_lines = make_corpus(corpus)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"

    uninterrupted = run_extract(str(corpus), "-o", str(full))
    uninterrupted.communicate(timeout=300)
    assert uninterrupted.returncode == 1, "two records failed"
    errors = read_jsonl(Path(f"{full}.errors.jsonl"))
    ids = [json.loads(line)["id"] for line in full.read_text(encoding="utf8").splitlines()]
    assert ids == [f"doc-{i:05d}" for i in range(10_000)], f"everything else comes out, in order; errors: {errors[:5]}"
    assert [(e["line"], e["id"]) for e in errors] == [(bad_lines["malformed"], None), (bad_lines["empty"], "doc-empty")]
    assert "invalid JSON" in errors[0]["error"] and errors[1]["error"] == "empty text"

    killed = run_extract(str(corpus), "-o", str(part))
    partial = Path(f"{part}.partial")  # extract writes here and renames onto -o at the end
    deadline = time.monotonic() + 240
    while (not partial.exists() or partial.stat().st_size < full.stat().st_size // 3) and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.communicate()
    assert not part.exists(), "a killed run never creates or replaces the output"
    written = partial.read_bytes()
    assert 0 < len(written) < full.stat().st_size, "the kill came midway"
    assert written.endswith(b"\n"), "every line written is whole"
    last_start = written.rstrip(b"\n").rfind(b"\n") + 1
    partial.write_bytes(written[: last_start + (len(written) - last_start) // 2])  # and simulate a torn line

    resumed = run_extract(str(corpus), "-o", str(part), "--resume")
    resumed.communicate(timeout=300)
    assert resumed.returncode == 1, "the two bad records still fail"
    assert part.read_bytes() == full.read_bytes()
    assert not partial.exists()
    assert read_jsonl(Path(f"{part}.errors.jsonl")) == errors


def test_pipeline_option_chooses_the_pipeline_and_a_bad_one_is_a_usage_error(tmp_path):
    good = runner.invoke(cli.app, ["extract", "--pipeline", "rules", "--pipes", "report_segmenter,claim_detector",
                                   "-o", str(tmp_path / "out.jsonl")])
    assert good.exit_code == 0, good.output
    bad = runner.invoke(cli.app, ["extract", "--pipeline", str(tmp_path / "no-such-model"), "-o", str(tmp_path / "x.jsonl")])
    assert bad.exit_code == 2 and "cannot load pipeline" in bad.output
