"""`claimattr summarise`: who claimed what, speakers ranked by claims, quantities per event."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Dict, List, Optional

from typer.testing import CliRunner

from claimattr.cli import commands as cli
from claimattr.summary import UNATTRIBUTED, describe_quantity, summarise


def claim(speaker: Optional[str], *, role: str = None, org: str = None, quantities: List[Dict[str, Any]] = (), kind: str = "indirect") -> Dict[str, Any]:
    span = {"text": "x", "start": 0, "end": 1}
    who = None if speaker is None else {
        **span, "name": speaker, "type": "person", "role": role,
        "organisation": {**span, "text": org} if org else None, "intermediary": None,
    }
    return {"kind": kind, "cue": span, "content": [span], "speaker": who, "quantities": list(quantities)}


def quantity(value: float, entity: str, event: str, **extra: Any) -> Dict[str, Any]:
    return {
        "text": str(int(value)), "start": 0, "end": 1, "value": value, "low": None, "high": None,
        "approximate": False, "relation": "=", "modifier": None, "unit": None,
        "entity": {"text": entity + "s", "start": 0, "end": 1, "lemma": entity},
        "event": {"text": event, "start": 0, "end": 1, "lemma": event.rstrip("ed")}, **extra,
    }


RECORDS = [
    ("r1", [
        claim("Zabihullah Mujahid", role="spokesman", org="Taliban", quantities=[quantity(30, "soldier", "wounded")]),
        claim("Zabihullah Mujahid", role="spokesman", org="Taliban"),
        claim("Afghanistan", quantities=[quantity(58, "soldier", "killed")]),
        claim(None),
    ]),
    ("r2", [
        claim("Afghanistan", quantities=[quantity(58, "soldier", "killed")]),
        claim("Afghanistan"),
        claim("Afghanistan"),
    ]),
]


def test_corpus_summary_ranks_speakers_by_claims_with_unattributed_last():
    [corpus] = summarise(RECORDS, by="corpus")
    assert (corpus["scope"], corpus["documents"], corpus["claims"]) == ("corpus", 2, 7)
    ranked = [(s["rank"], s["name"], s["claims"], s["documents"]) for s in corpus["speakers"]]
    assert ranked == [(1, "Afghanistan", 4, 2), (2, "Zabihullah Mujahid", 2, 1), (3, UNATTRIBUTED, 1, 1)]
    mujahid = corpus["speakers"][1]
    assert (mujahid["roles"], mujahid["organisations"]) == (["spokesman"], ["Taliban"])


def test_the_same_figure_for_the_same_event_is_one_assertion_counted_twice():
    [corpus] = summarise(RECORDS, by="corpus")
    [killed] = corpus["speakers"][0]["quantities"]
    assert (killed["value"], killed["entity"], killed["event"], killed["count"]) == (58, "soldier", "killed", 2)
    assert describe_quantity(killed) == "58 soldier killed (x2)"
    assert describe_quantity(corpus["speakers"][1]["quantities"][0]) == "30 soldier wounded"


def test_ranges_relations_and_approximations_are_described():
    assert describe_quantity({"value": None, "low": 20.0, "high": 30.0, "entity": "people", "event": "died"}) == "20-30 people died"
    assert describe_quantity({"value": 100.0, "relation": ">=", "entity": "people", "event": "fled"}) == ">= 100 people fled"
    assert describe_quantity({"value": 1000.0, "approximate": True, "relation": "~", "entity": "home"}) == "~1000 home"


def test_document_summaries_are_one_per_document():
    summaries = summarise(RECORDS, by="document")
    assert [s["scope"] for s in summaries] == ["r1", "r2"]
    assert [s["name"] for s in summaries[1]["speakers"]] == ["Afghanistan"]


def write_claims(tmp_path) -> str:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps({"id": doc_id, "claims": claims}) + "\n" for doc_id, claims in RECORDS), encoding="utf8")
    return str(path)


def test_summarise_command_reads_extract_output_as_csv(tmp_path):
    result = CliRunner().invoke(cli.app, ["summarise", write_claims(tmp_path), "--from-claims", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rank"], r["speaker"], r["claims"]) for r in rows] == [("1", "Afghanistan", "4"), ("2", "Zabihullah Mujahid", "2"), ("3", UNATTRIBUTED, "1")]
    assert rows[0]["quantities"] == "58 soldier killed (x2)"


def test_summarise_command_table_and_json_by_document(tmp_path):
    claims = write_claims(tmp_path)
    table = CliRunner().invoke(cli.app, ["summarise", claims, "--from-claims"])
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("corpus: 7 claims by 3 speakers in 2 document(s)")
    assert "30 soldier wounded" in table.stdout
    as_json = CliRunner().invoke(cli.app, ["summarise", claims, "--from-claims", "--by", "document", "--format", "json"])
    assert [json.loads(line)["scope"] for line in as_json.stdout.splitlines()] == ["r1", "r2"]


def test_a_bad_claims_line_is_reported_and_the_rest_summarised(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text('{"id": "a", "claims": []}\nnot json\n', encoding="utf8")
    result = CliRunner().invoke(cli.app, ["summarise", str(path), "--from-claims", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["documents"] == 1
    assert f"{path}:2" in result.stderr


def test_seed_report_who_asserted_which_casualty_figures():
    result = CliRunner().invoke(cli.app, ["summarise", "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 1, "with no input, the bundled report is what ran"
    speakers = {s["name"]: s for s in summary["speakers"]}
    said = {name: [describe_quantity(q) for q in s["quantities"]] for name, s in speakers.items()}
    assert any(q.startswith("58 soldier") and "kill" in q for q in said.get("Afghanistan", [])), said
    assert any(q.startswith("30 soldier") and "wound" in q for q in said.get("Zabihullah Mujahid", [])), said


def test_one_speaker_named_differently_across_reports_is_merged_by_aliases():
    records = [
        ("a", [claim("Jane A. Roe", role="senator", org="Republican Party"), claim("Roe")]),
        ("b", [claim("Ms. Roe"), claim("Jane Roe")]),
        ("c", [claim("John Doe"), claim("Doe")]),
    ]
    [corpus] = summarise(records, by="corpus")
    speakers = {s["name"]: s for s in corpus["speakers"]}
    assert set(speakers) == {"Jane A. Roe", "John Doe"}
    roe = speakers["Jane A. Roe"]
    assert (roe["claims"], roe["documents"]) == (4, 2)
    assert roe["aliases"] == ["Jane Roe", "Ms. Roe", "Roe"]
    assert roe["organisations"] == ["Republican Party"]


def test_an_ambiguous_surname_is_not_merged():
    [corpus] = summarise([("a", [claim("Jane Roe"), claim("Tom Roe"), claim("Roe")])], by="corpus")
    assert sorted(s["name"] for s in corpus["speakers"]) == ["Jane Roe", "Roe", "Tom Roe"]
