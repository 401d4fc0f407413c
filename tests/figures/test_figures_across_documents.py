"""Figures across reports (``group_across_documents``) and ``claimattr summarise --figures``."""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from claimattr.cli import app
from claimattr.figures import group_across_documents
from claimattr.summary import FigureWriter


def member(text, value, speaker, start, **extra):
    return {"text": text, "start": start, "end": start + len(text), "value": value, "low": None, "high": None,
            "relation": "=", "approximate": False, "unit": None, "speaker": speaker, "speaker_name": speaker,
            "claim": None if speaker == "reporter" else 0, "superseded": False, **extra}


def figure(scope, *members):
    return {"id": "attendance-protester", "frame": "attendance", "entity": "protester", "scope": scope,
            "members": list(members), "disputed": False}


def test_one_story_is_merged_and_disputes_are_checked_again():
    a = [figure(None, member("12,000", 12000, "police", 0))]
    b = [figure(None, member("12,000", 12000, "police", 0), member("50,000", 50000, "save kelby harbour", 40))]
    groups = group_across_documents([("a", a), ("b", b)], stories={"a": "s37", "b": "s37"})
    assert len(groups) == 1 and groups[0]["docs"] == ["a", "b"] and groups[0]["disputed"]


def test_each_reports_reporter_is_its_own_speaker():
    a = [figure(None, member("900", 900, "reporter", 0))]
    b = [figure(None, member("1,400", 1400, "reporter", 0))]
    group = group_across_documents([("a", a), ("b", b)], stories={"a": "s", "b": "s"})[0]
    assert {m["speaker"] for m in group["members"]} == {"reporter:a", "reporter:b"} and group["disputed"]


def test_documents_of_different_stories_stay_apart():
    a = [figure(None, member("900", 900, "police", 0))]
    b = [figure(None, member("1,400", 1400, "union", 0))]
    groups = group_across_documents([("a", a), ("b", b)], stories={"a": "s1", "b": "s2"})
    assert len(groups) == 2 and not any(g["disputed"] for g in groups)


def test_the_writer_writes_csv_rows_per_member():
    stream = io.StringIO()
    writer = FigureWriter(stream, by="document", output_format="csv")
    writer.add("a", [figure(None, member("12,000", 12000, "police", 0))])
    writer.finish()
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0][:3] == ["scope", "figure", "frame"] and rows[1][0] == "a" and rows[1][8] == "police"


def test_summarise_figures_on_the_seed_report():
    result = CliRunner().invoke(app, ["summarise", "--figures", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["scope"] == "corpus" and len(data["figures"]) == 3
    assert not any(group["disputed"] for group in data["figures"])


def test_one_donors_own_pledge_is_not_another_donors():
    a = [figure(None, member("€5 million", 5e6, "european commission", 0, unit="EUR"))]
    b = [figure(None, member("€5m", 5e6, "brussels", 0, unit="EUR")),
         figure("own:regional government", member("€2m", 2e6, "regional government", 40, unit="EUR"))]
    groups = group_across_documents([("a", a), ("b", b)], stories={"a": "s36", "b": "s36"})
    assert len(groups) == 2 and not any(g["disputed"] for g in groups)
    assert [m["text"] for g in groups if g["scope"] is None for m in g["members"]] == ["€5 million", "€5m"]
