"""The training scripts fail loudly and evaluate.py writes where it is told.

``training/convert_polnear.py``, ``training/evaluate.py`` and ``claimattr corpus convert`` stop
with a non-zero exit status and a message naming the setting to change (``--vars.polnear`` under
weasel, the script's argument or option) when the PolNeAR folder is missing or yields no documents,
so ``weasel run all`` on a checkout without PolNeAR stops at its first step. ``evaluate.py``
writes its result beside the model (``<model>/evaluation_polnear_<split>.json``) unless
``--output`` says where, never into ``benchmarks/results``, and labels the pipeline by what it is.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

import claimattr
from claimattr.cli import commands as cli

from training_helpers import ROOT, TRAINING


def test_fake_polnear_reads_as_one_claim(tmp_path: Path, fake_polnear) -> None:
    from claimattr.readers.brat import read_split

    [article] = list(read_split(fake_polnear(tmp_path / "polnear"), "dev"))
    assert not article.errors
    [claim] = article.claims
    assert (claim["cue"]["text"], claim["speaker"]["text"]) == ("said", "Bob")
    assert claim["content"][0]["text"] == "the port will reopen on Monday"


# --------------------------------------------------------------------------- convert_polnear.py


def test_convert_missing_polnear_exits_naming_the_setting_via_subprocess(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-polnear"
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(TRAINING / "convert_polnear.py"), str(missing), str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert f"PolNeAR not found at {missing}" in result.stderr
    assert "--vars.polnear" in result.stderr
    assert not out.exists()  # nothing written, so weasel's train step has no corpus to run on


def test_convert_empty_polnear_exits_naming_the_setting(tmp_path: Path, convert_polnear: ModuleType) -> None:
    empty = tmp_path / "polnear"
    empty.mkdir()
    with pytest.raises(SystemExit) as raised:
        convert_polnear.main([str(empty), str(tmp_path / "out")])
    message = str(raised.value.code)
    assert "no PolNeAR documents in" in message and "--vars.polnear" in message
    assert not (tmp_path / "out").exists()


def test_convert_split_without_documents_fails_before_writing(tmp_path: Path, fake_polnear, convert_polnear: ModuleType) -> None:
    root = fake_polnear(tmp_path / "polnear", splits=("train",))
    (root / "dev" / "attributions").mkdir(parents=True)  # dev present but empty
    with pytest.raises(SystemExit) as raised:
        convert_polnear.main([str(root), str(tmp_path / "out")])
    assert str(root / "dev") in str(raised.value.code)
    assert not (tmp_path / "out").exists()


def test_convert_unreadable_texts_count_as_no_documents(tmp_path: Path, fake_polnear, convert_polnear: ModuleType) -> None:
    root = fake_polnear(tmp_path / "polnear", splits=("dev",))
    (root / "dev" / "text" / "bob_port.txt").unlink()
    with pytest.raises(SystemExit) as raised:
        convert_polnear.main([str(root), str(tmp_path / "out"), "--splits", "dev"])
    assert "no readable PolNeAR documents" in str(raised.value.code)
    assert not (tmp_path / "out" / "dev" / "polnear.spacy").exists()


def test_convert_fake_polnear_writes_each_split(tmp_path: Path, fake_polnear, convert_polnear: ModuleType) -> None:
    root = fake_polnear(tmp_path / "polnear")
    convert_polnear.main([str(root), str(tmp_path / "out")])
    assert (tmp_path / "out" / "train" / "polnear.spacy").is_file()
    assert (tmp_path / "out" / "dev" / "polnear.spacy").is_file()


def fresh_project(tmp_path: Path) -> Path:
    """training/ as a fresh clone has it, without PolNeAR at the default ../../shared/polnear."""
    pytest.importorskip("weasel")
    project = tmp_path / "clone" / "training"
    (project / "corpus").mkdir(parents=True)
    shutil.copy(TRAINING / "project.yml", project)
    shutil.copy(TRAINING / "convert_polnear.py", project)
    (project / "corpus" / "corpus.jsonl").write_text("", encoding="utf8")
    (project.parent / "configs").symlink_to(ROOT / "configs")
    assert not (project / ".." / ".." / "shared" / "polnear").exists()
    return project


def weasel(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "weasel", "run", *args, "."], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_weasel_run_all_without_polnear_stops_at_convert(tmp_path: Path) -> None:
    project = fresh_project(tmp_path)
    result = weasel(project, "all")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "PolNeAR not found at ../../shared/polnear" in output and "set --vars.polnear" in output
    assert "Running command" in output and "spacy train" not in output
    assert not (project / "models").exists() or not any((project / "models").iterdir())


@pytest.mark.parametrize("command, missing", [
    ("train", "corpus/spacy/train/polnear.spacy"),
    ("evaluate", "models/cpu/model-best"),
    ("package", "models/cpu/model-best"),
])
def test_weasel_steps_before_convert_stop_on_their_missing_input(tmp_path: Path, command: str, missing: str) -> None:
    result = weasel(fresh_project(tmp_path), command)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"Missing dependency specified by command '{command}'" in output and missing in output


# --------------------------------------------------------------------------- claimattr corpus convert


def invoke(*args: str):
    return CliRunner().invoke(cli.app, list(args))


def write_corpus(path: Path) -> Path:
    record = {"id": "r1", "split": "train", "text": "Bob said it rained.", "claims": [], "quantities": []}
    path.write_text(json.dumps(record) + "\n", encoding="utf8")
    return path


def test_corpus_convert_missing_polnear_names_the_option(tmp_path: Path) -> None:
    jsonl = write_corpus(tmp_path / "corpus.jsonl")
    result = invoke("corpus", "convert", str(jsonl), "-o", str(tmp_path / "spacy"), "--polnear", str(tmp_path / "nope"))
    assert result.exit_code != 0
    assert "--polnear" in result.output and "PolNeAR not found" in result.output
    assert not (tmp_path / "spacy").exists()


def test_corpus_convert_empty_polnear_names_the_option(tmp_path: Path) -> None:
    jsonl = write_corpus(tmp_path / "corpus.jsonl")
    (tmp_path / "polnear").mkdir()
    result = invoke("corpus", "convert", str(jsonl), "-o", str(tmp_path / "spacy"), "--polnear", str(tmp_path / "polnear"))
    assert result.exit_code != 0 and "--polnear" in result.output
    (tmp_path / "polnear" / "dev" / "attributions").mkdir(parents=True)
    result = invoke("corpus", "convert", str(jsonl), "-o", str(tmp_path / "spacy"), "--polnear", str(tmp_path / "polnear"))
    assert result.exit_code != 0 and "no PolNeAR documents" in result.output
    assert not (tmp_path / "spacy").exists()


def test_corpus_convert_empty_corpus_file_fails(tmp_path: Path) -> None:
    empty = tmp_path / "corpus.jsonl"
    empty.write_text("", encoding="utf8")
    result = invoke("corpus", "convert", str(empty), "-o", str(tmp_path / "spacy"))
    assert result.exit_code != 0 and "no documents in" in result.output
    assert not (tmp_path / "spacy").exists()


def test_corpus_convert_with_fake_polnear(tmp_path: Path, fake_polnear) -> None:
    jsonl = write_corpus(tmp_path / "corpus.jsonl")
    root = fake_polnear(tmp_path / "polnear", splits=("dev",))
    result = invoke("corpus", "convert", str(jsonl), "-o", str(tmp_path / "spacy"), "--polnear", str(root))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "spacy" / "polnear-dev.spacy").is_file()


# --------------------------------------------------------------------------- evaluate.py


def test_evaluate_missing_polnear_exits_naming_the_setting(tmp_path: Path, evaluate: ModuleType) -> None:
    with pytest.raises(SystemExit) as raised:
        evaluate.main([str(tmp_path / "model"), "--polnear", str(tmp_path / "nope")])
    message = str(raised.value.code)
    assert f"PolNeAR not found at {tmp_path / 'nope'}" in message
    assert "--vars.polnear" in message and "--polnear PATH" in message


def test_evaluate_empty_split_exits(tmp_path: Path, fake_polnear, evaluate: ModuleType) -> None:
    root = fake_polnear(tmp_path / "polnear", splits=("train",))
    with pytest.raises(SystemExit) as raised:
        evaluate.main([str(tmp_path / "model"), "--polnear", str(root), "--split", "dev"])
    assert "no PolNeAR documents in" in str(raised.value.code)


def test_evaluate_missing_polnear_via_subprocess(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(TRAINING / "evaluate.py"), str(tmp_path / "model"),
                             "--polnear", str(tmp_path / "nope")], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "--vars.polnear" in result.stderr


@pytest.mark.parametrize("model, label", [
    ("training/models/cpu/model-best", "cpu/model-best"),
    ("training/models/trf/model-last", "trf/model-last"),
    ("/somewhere/my_claims_model", "my_claims_model"),
    ("en_claims_cpu", "en_claims_cpu"),
    ("rules", "rules"),
    ("trained", "trained"),
    ("trf", "trf"),
])
def test_pipeline_label(evaluate: ModuleType, model: str, label: str) -> None:
    assert evaluate.pipeline_label(model) == label


def test_output_path_beside_the_model_unless_told(tmp_path: Path, evaluate: ModuleType) -> None:
    model = tmp_path / "model-best"
    model.mkdir()
    assert evaluate.output_path(str(model), "dev") == model / "evaluation_polnear_dev.json"
    assert evaluate.output_path(str(model), "train") == model / "evaluation_polnear_train.json"
    assert evaluate.output_path(str(model), "dev", tmp_path / "x.json") == tmp_path / "x.json"


def test_output_path_never_in_benchmark_results(tmp_path: Path, evaluate: ModuleType) -> None:
    model = tmp_path / "model-best"
    model.mkdir()
    for target in (evaluate.RESULTS_DIR / "accuracy_polnear_dev_trained.json", evaluate.RESULTS_DIR / "new.json"):
        with pytest.raises(SystemExit) as raised:
            evaluate.output_path(str(model), "dev", target)
        assert "benchmark" in str(raised.value.code)


def test_output_path_named_pipeline_needs_output(tmp_path: Path, evaluate: ModuleType) -> None:
    for model in ("rules", "trained", "en_claims_cpu"):
        with pytest.raises(SystemExit) as raised:
            evaluate.output_path(model, "dev")
        assert "--output" in str(raised.value.code)
    assert evaluate.output_path("rules", "dev", tmp_path / "r.json") == tmp_path / "r.json"


def test_evaluate_end_to_end_writes_beside_the_model(tmp_path: Path, fake_polnear, evaluate: ModuleType, capsys) -> None:
    model = tmp_path / "my_model"
    shutil.copytree(claimattr.TRAINED_PIPELINE, model)
    root = fake_polnear(tmp_path / "polnear", splits=("dev",))
    committed = {p: p.read_bytes() for p in evaluate.RESULTS_DIR.glob("*.json")}
    written = evaluate.main([str(model), "--polnear", str(root), "--split", "dev", "--limit", "1"])
    assert written == model / "evaluation_polnear_dev.json"
    result = json.loads(written.read_text(encoding="utf8"))
    assert result["system"] == "my_model" and result["model"] == str(model)
    assert result["docs"] == 1 and result["scores"]["claims_support"]["gold_claims"] == 1
    assert "claim_tagger" in result["pipeline"]
    assert "## polnear dev (my_model)" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in evaluate.RESULTS_DIR.glob("*.json")} == committed


def test_evaluate_combined_scores_a_retrained_model_as_the_default_runs_it(tmp_path: Path, fake_polnear, evaluate: ModuleType) -> None:
    model = tmp_path / "cpu" / "model-best"
    shutil.copytree(claimattr.TRAINED_PIPELINE, model)
    root = fake_polnear(tmp_path / "polnear", splits=("dev",))
    written = evaluate.main([str(model), "--polnear", str(root), "--split", "dev", "--limit", "1", "--combine"])
    assert written == model / "evaluation_polnear_dev_combined.json"
    result = json.loads(written.read_text(encoding="utf8"))
    assert result["system"] == "cpu/model-best + rules"
    assert result["pipeline"].index("attribution_linker") < result["pipeline"].index("claim_detector")


def test_comparison_lists_the_rules_the_pipeline_and_the_difference(evaluate: ModuleType) -> None:
    rules = {key: 0.5 for key, _ in evaluate.TABLE}
    scores = {key: 0.6 for key, _ in evaluate.TABLE}
    table = evaluate.comparison(rules, scores, "mine/model-best").splitlines()
    assert table[0] == "| metric | rules | mine/model-best | diff |"
    assert "| attribution F1 | 50.0 | 60.0 | +10.0 |" in table


# --------------------------------------------------------------------------- installs and packaging


def test_only_the_trf_extra_brings_torch() -> None:
    tomllib = pytest.importorskip("tomllib")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf8"))["project"]["optional-dependencies"]
    torch_stack = ("torch", "spacy-transformers", "cupy")
    assert [r for r in extras["train"] if r.startswith(torch_stack)] == []
    assert any(r.startswith("spacy-transformers") for r in extras["trf"])


@pytest.mark.parametrize("config", ["cpu", "trf"])
def test_workflow_package_is_named_after_the_config(config: str) -> None:
    weasel_util = pytest.importorskip("weasel.util")
    project = weasel_util.load_project_config(TRAINING, overrides={"vars.config": config})
    [package] = [command for command in project["commands"] if command["name"] == "package"]
    version = json.loads((claimattr.TRAINED_PIPELINE / "meta.json").read_text(encoding="utf8"))["version"]
    assert project["vars"]["version"] == version
    assert f"--name claims_{config} --version {version}" in package["script"][0]
    assert package["outputs_no_cache"] == [f"packages/en_claims_{config}-{version}"]


# --------------------------------------------------------------------------- rarely_reporting_verbs.py


def test_rarely_reporting_verbs_lists_the_verbs_the_training_data_never_makes_cues(
        tmp_path: Path, fake_polnear, rarely_reporting_verbs: ModuleType) -> None:
    """"Bob said the port will reopen": "reopen" is never a cue there, "say" is one and a
    reporting verb of the lexicon anyway; the rest of the lexicon is kept as it was."""
    lexicon = tmp_path / "cues.json"
    shutil.copy(ROOT / "src" / "claimattr" / "detector" / "cues.json", lexicon)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("", encoding="utf8")
    rarely_reporting_verbs.main(["--polnear", str(fake_polnear(tmp_path / "polnear")), "--corpus", str(corpus),
                                 "--lexicon", str(lexicon), "--min-count", "1"])
    written = json.loads(lexicon.read_text(encoding="utf8"))
    shipped = json.loads((ROOT / "src" / "claimattr" / "detector" / "cues.json").read_text(encoding="utf8"))
    assert written["rarely_reporting_verbs"] == ["reopen"]
    assert {k: v for k, v in written.items() if k != "rarely_reporting_verbs"} == {
        k: v for k, v in shipped.items() if k != "rarely_reporting_verbs"}
