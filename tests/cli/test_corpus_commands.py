"""`claimattr corpus ...` and `claimattr evaluate`: the commands work from any folder.

The corpus folder is ``--corpus DIR``, or ``./training/corpus`` when the command runs at the root
of a repository checkout; with neither, the command stops with a usage error (exit status 2)
that names the option. Every test here runs from an empty folder, away from the repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from claimattr.cli import commands as cli
from claimattr.cli import corpus as corpus_cli
from claimattr.readers.corpus import build, dump_authoring
from claimattr.schema import Claim

runner = CliRunner()

TEXT = (
    "Officials Say Two Killed in Port Blast\n"
    "At least 12 people were killed in the blast, police said on Monday.\n"
    "\n"
    "A spokesman for the Harbour Authority, Mira Osei, said that cargo would resume within a week.\n"
)


def police_claim() -> Dict[str, Any]:
    return {"para": 1, "kind": "indirect", "cue": "said", "content": ["At least 12 people were killed in the blast"],
            "speaker": {"text": "police", "name": "police", "type": "organisation", "role": None,
                        "organisation": None, "intermediary": None},
            "quantities": []}


def osei_claim() -> Dict[str, Any]:
    return {"para": 2, "kind": "indirect", "cue": "said", "content": ["that cargo would resume within a week"],
            "speaker": {"text": "Mira Osei", "name": "Mira Osei", "type": "person", "role": "spokesman",
                        "organisation": "Harbour Authority", "intermediary": None},
            "quantities": [{"text": "a week", "value": 1.0, "low": None, "high": None, "approximate": False,
                            "relation": "=", "unit": "week", "modifier": None, "entity": None, "event": None}]}


def write_authoring(folder: Path, doc_id: str, claims: List[Dict[str, Any]]) -> Path:
    data = {"id": doc_id, "text_file": f"../texts/{doc_id}.txt", "status": "corrected", "notes": "",
            "claims": claims, "quantities": []}
    path = folder / f"{doc_id}.json"
    path.write_text(dump_authoring(data) + "\n", encoding="utf8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A two-report corpus folder (texts/, annotated/, manifest.json), not yet built."""
    folder = tmp_path / "somewhere" / "my-corpus"
    for sub in ("texts", "annotated", "preannotated"):
        (folder / sub).mkdir(parents=True)
    for doc_id in ("t01-port", "t02-port"):
        (folder / "texts" / f"{doc_id}.txt").write_text(TEXT, encoding="utf8")
        write_authoring(folder / "annotated", doc_id, [police_claim(), osei_claim()])
    manifest = {"policy": "test", "splits": {"train": ["t01-port"], "dev": ["t02-port"], "test": []}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf8")
    return folder


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder with no training/corpus in it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def invoke(*args: str):
    return runner.invoke(cli.app, list(args))


def unboxed(output: str) -> str:
    """The output without the error box's frame and line breaks (it wraps long paths)."""
    return "".join(ch for ch in output if not ch.isspace() and ch not in "│╭╮╰╯─")


# --------------------------------------------------------------------------- --corpus from anywhere


def test_build_validate_stats_and_convert_work_from_another_folder_with_corpus(corpus: Path, elsewhere: Path) -> None:
    built = invoke("corpus", "build", "--corpus", str(corpus))
    assert built.exit_code == 0, built.output
    assert len((corpus / "corpus.jsonl").read_text(encoding="utf8").splitlines()) == 2
    assert (corpus / "corrections.json").exists()

    checked = invoke("corpus", "validate", "--corpus", str(corpus))
    assert checked.exit_code == 0, checked.output
    assert "3 file(s) checked, 0 error(s)" in checked.output  # two authoring files and corpus.jsonl

    counted = invoke("corpus", "stats", "--corpus", str(corpus), "--json")
    assert counted.exit_code == 0, counted.output
    table = json.loads(counted.output)
    assert table["stats"]["total"]["reports"] == 2 and table["stats"]["total"]["claims"] == 4

    converted = invoke("corpus", "convert", "--corpus", str(corpus))
    assert converted.exit_code == 0, converted.output
    assert (corpus / "spacy" / "train.spacy").exists() and (corpus / "spacy" / "dev.spacy").exists()
    assert list(elsewhere.iterdir()) == [], "nothing is written to the current folder"


def test_corpus_stats_runs_as_a_program_from_another_folder(corpus: Path, elsewhere: Path) -> None:
    build(corpus)
    result = subprocess.run([sys.executable, "-m", "claimattr.cli", "corpus", "stats", "--corpus", str(corpus)],
                            cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[:2] == ["reports", "1"]  # train: one of the two reports
    assert "reports >= " in result.stdout


def test_stats_help_speaks_of_the_corpus() -> None:
    result = invoke("corpus", "stats", "--help")
    assert result.exit_code == 0
    assert "minimumsize" in unboxed(result.output) and "--corpus" in result.output
    assert not any(word in unboxed(result.output).lower() for word in ("issue", "target", "budget"))


def test_a_corpus_file_argument_needs_no_corpus_folder(corpus: Path, elsewhere: Path) -> None:
    build(corpus)
    result = invoke("corpus", "stats", str(corpus / "corpus.jsonl"))
    assert result.exit_code == 0, result.output


def test_training_corpus_under_the_current_folder_is_the_default(corpus: Path, elsewhere: Path) -> None:
    build(corpus)
    (elsewhere / "training").mkdir()
    corpus.rename(elsewhere / "training" / "corpus")
    result = invoke("corpus", "stats", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["stats"]["total"]["reports"] == 2


@pytest.mark.parametrize("command", [["validate"], ["build"], ["stats"], ["convert"]])
def test_without_a_corpus_folder_the_command_is_a_usage_error_naming_the_option(command: List[str], elsewhere: Path) -> None:
    result = invoke("corpus", *command)
    assert result.exit_code == 2
    assert "--corpus" in result.output


def test_a_corpus_option_that_is_not_a_folder_is_a_usage_error(elsewhere: Path) -> None:
    result = invoke("corpus", "build", "--corpus", str(elsewhere / "missing"))
    assert result.exit_code == 2
    assert "'--corpus':" in unboxed(result.output) and f"{elsewhere / 'missing'}isnotafolder" in unboxed(result.output)


# --------------------------------------------------------------------------- the commands themselves


def test_validate_command_exits_1_and_still_checks_the_other_files(corpus: Path, elsewhere: Path) -> None:
    (corpus / "annotated" / "t02-port.json").write_text('{"id": "t02-port",\n  "claims": [,]}\n')
    result = invoke("corpus", "validate", str(corpus / "annotated"))
    assert result.exit_code == 1
    assert f"{corpus / 'annotated' / 't02-port.json'}:2: invalid JSON" in result.output
    assert "t01-port.json" not in result.output
    ok = invoke("corpus", "validate", str(corpus / "annotated" / "t01-port.json"))
    assert ok.exit_code == 0


def test_convert_round_trip_keeps_claims_and_span_groups(corpus: Path, elsewhere: Path) -> None:
    (record, _) = build(corpus).records
    result = invoke("corpus", "convert", str(corpus / "corpus.jsonl"), "-o", str(elsewhere / "spacy"))
    assert result.exit_code == 0, result.output
    nlp = spacy.blank("en")
    (doc,) = DocBin().from_disk(elsewhere / "spacy" / "train.spacy").get_docs(nlp.vocab)
    # fields the corpus record leaves out come back with their defaults
    assert [c.to_dict() for c in doc._.claims] == [Claim.from_dict(c).to_dict() for c in record["claims"]]
    assert {s.label_ for s in doc.spans["claims"]} == {"CUE", "CONTENT", "SOURCE"}
    assert [s.text for s in doc.spans["quantities"]] == ["a week"]
    assert (elsewhere / "spacy" / "dev.spacy").exists()


def test_paras_numbers_the_paragraphs_of_an_authoring_file(corpus: Path, elsewhere: Path) -> None:
    result = invoke("corpus", "paras", str(corpus / "annotated" / "t01-port.json"))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].startswith("[2] A spokesman")


def test_evaluate_runs_from_another_folder(corpus: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    build(corpus)
    monkeypatch.setattr(corpus_cli, "load_pipeline_for_eval", lambda pipeline: nlp)
    result = invoke("evaluate", "rules", str(corpus / "corpus.jsonl"), "--split", "train", "-o", "scores.json")
    assert result.exit_code == 0, result.output
    assert json.loads((elsewhere / "scores.json").read_text(encoding="utf8"))["docs"] == 1
