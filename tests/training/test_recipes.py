"""The recipes of docs/training.md run as written, on claimattr's own corpus.

Every block whose title starts with "Recipe" (```bash) or that a recipe names (```python, marked
``no-run`` for tests/test_docs_examples.py because it needs a trained model or writes files) runs
here, from a copy of the repository's layout in a temporary folder: ``configs/`` and the corpus
are linked in, outputs land in the temporary folder, and ``../shared/polnear`` is a PolNeAR-style
folder of one article. The commands run in this process (their programs' own entry points), not
in a shell, so the many Python start-ups cost nothing; a command that a previous recipe already
ran with the same arguments is not run again. Each ``spacy train`` gets :data:`TINY` appended:
two steps on four training and two dev documents, enough to check that the recipe works, not
what it learns.
"""
from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import shlex
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Corpus
from typer.testing import CliRunner

import claimattr
from claimattr.claim_tagger.tagger_component import gold_spans
from claimattr.cli.commands import app as claimattr_app

from training_helpers import ROOT, load_script, write_polnear

DOC = ROOT / "docs" / "training.md"
FENCE = re.compile(r'^```(?P<lang>bash|python) title="(?P<title>[^"]*)"\n(?P<code>.*?)^```[ \t]*$', re.MULTILINE | re.DOTALL)
TINY = ["--training.max_steps", "2", "--training.eval_frequency", "2",
        "--corpora.train.limit", "4", "--corpora.dev.limit", "2"]
SUBSTITUTION = re.compile(r"^\$\(python -c '(?P<code>[^']*)'\)$")
# the titles (their starts) of the docs blocks that the tests below run
RUN_HERE = ("Recipe 1:", "use_my_model.py", "Recipe 2:", "Recipe 2b:", "my_corpus.py", "add_label.py", "Recipe 4:")
SENTENCE = "The minister said on Tuesday that taxes would rise next year."


def block(title: str) -> str:
    """The code of the docs block whose title starts with ``title`` (exactly one)."""
    found = [m.group("code") for m in FENCE.finditer(DOC.read_text(encoding="utf8"))
             if m.group("title").startswith(title)]
    assert len(found) == 1, f"{len(found)} blocks titled {title!r} in {DOC}"
    return found[0]


def command_lines(script: str) -> List[List[str]]:
    """The argv of each command of a bash block: continuations joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", script)
    commands = (shlex.split(line, comments=True) for line in joined.splitlines())
    return [argv for argv in commands if argv]


def substitute(word: str) -> str:
    """``$(python -c 'CODE')`` -> what CODE prints; any other word as it is."""
    match = SUBSTITUTION.match(word)
    if match is None:
        return word
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(match.group("code"), {})
    return out.getvalue().strip()


class Workspace:
    """The repository's layout in a temporary folder, where the recipes run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.done: Set[str] = set()
        self.outputs: Dict[str, str] = {}

    @contextlib.contextmanager
    def inside(self) -> Iterator[None]:
        before = os.getcwd()
        os.chdir(self.root)
        try:
            yield
        finally:
            os.chdir(before)

    def run(self, script: str) -> None:
        """Run each command of a bash block, in order, stopping at the first failure."""
        with self.inside():
            for argv in command_lines(script):
                argv = [substitute(word) for word in argv]
                key = shlex.join(argv)
                if key not in self.done:
                    self.outputs[key] = run_command(argv)
                    self.done.add(key)

    def exec(self, code: str) -> Dict[str, Any]:
        """Run a Python block as a script; return its globals."""
        namespace: Dict[str, Any] = {"__name__": "__main__"}
        with self.inside():
            exec(compile(code, "<docs recipe>", "exec"), namespace)
        return namespace

    def output(self, program: str) -> str:
        """What the last command starting with ``program`` printed."""
        return [text for key, text in self.outputs.items() if key.startswith(program)][-1]


def run_command(argv: List[str]) -> str:
    """One recipe command, through its program's entry point; return what it printed."""
    if argv[0] == "claimattr":
        return invoke(claimattr_app, argv[1:])
    if argv[:3] == ["python", "-m", "spacy"]:
        from spacy.cli import app as spacy_app

        return invoke(spacy_app, argv[3:] + (TINY if argv[3] == "train" else []))
    if argv[0] == "python" and argv[1].startswith("training/") and argv[1].endswith(".py"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            load_script(Path(argv[1]).stem).main(argv[2:])
        return out.getvalue()
    raise AssertionError(f"the recipe runner does not know the program of: {shlex.join(argv)}")


def invoke(app: Any, args: List[str]) -> str:
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, f"{shlex.join(args)} exited {result.exit_code}:\n{result.output}"
    return result.output


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    base = tmp_path_factory.mktemp("recipes")
    root = base / "repo"
    (root / "training" / "corpus").mkdir(parents=True)
    (root / "configs").symlink_to(ROOT / "configs")
    for name in ("corpus.jsonl", "texts"):
        (root / "training" / "corpus" / name).symlink_to(ROOT / "training" / "corpus" / name)
    write_polnear(base / "shared" / "polnear", splits=("dev",))
    return Workspace(root)


@pytest.fixture(scope="module")
def shipped():
    return spacy.load(claimattr.TRAINED_PIPELINE)


def parts(doc) -> List[tuple]:
    return [(span.label_, span.text) for span in doc.spans["claim_parts"]]


def test_every_titled_block_of_the_training_docs_is_run_here() -> None:
    """A recipe added to the docs without a test here fails this."""
    titles = [m.group("title") for m in FENCE.finditer(DOC.read_text(encoding="utf8"))]
    assert titles and [t for t in titles if not t.startswith(RUN_HERE)] == []


# --------------------------------------------------------------------------- recipe 1


def test_recipe_1_trains_evaluates_and_the_model_is_used_by_path(workspace: Workspace) -> None:
    workspace.run(block("Recipe 1:"))
    model = workspace.root / "training" / "models" / "mine" / "model-best"
    assert (model / "meta.json").is_file()
    scores = json.loads((model.parent / "test_scores.json").read_text(encoding="utf8"))
    assert {"claims_attribution_f", "claims_content_exact_f", "claim_parts_f"} <= set(scores)
    assert "SPAN F" in workspace.output("python -m spacy evaluate")  # attribution F1, in the table
    polnear = json.loads((model / "evaluation_polnear_dev.json").read_text(encoding="utf8"))
    assert polnear["system"] == "mine/model-best" and polnear["docs"] == 1
    [record] = [json.loads(line) for line in workspace.output("claimattr extract").splitlines() if line.startswith("{")]
    assert record["id"] == "a01-border-shelling-ceasefire" and isinstance(record["claims"], list)

    nlp = workspace.exec(block("use_my_model.py"))["nlp"]
    assert "claim_detector" not in nlp.pipe_names  # the model's claims, not the rules'
    assert nlp.pipe_names[-6:] == ["claim_tok2vec", "claim_tagger", "attribution_linker",
                                   "speaker_linker", "quantity_normaliser", "figure_grouper"]


# --------------------------------------------------------------------------- recipe 2


def test_recipe_2_fine_tunes_the_shipped_weights_without_listener_warnings(workspace: Workspace, shipped, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="spacy"):
        workspace.run(block("Recipe 2:"))
    assert not [r for r in caplog.records if "W086" in r.getMessage() or "W087" in r.getMessage()]
    tuned = spacy.load(workspace.root / "training" / "models" / "finetuned" / "model-last")
    assert tuned.pipe_names == shipped.pipe_names
    assert tuned.get_pipe("claim_tagger").labels == shipped.get_pipe("claim_tagger").labels
    # trained on: the weights moved, two steps at the fine-tuning rate; trained from the shipped
    # weights: it still finds the shipped model's claim, which no model trained two steps from scratch does
    for name in ("claim_tok2vec", "claim_tagger", "attribution_linker"):
        assert tuned.get_pipe(name).model.to_bytes() != shipped.get_pipe(name).model.to_bytes(), name
    [claim] = tuned(SENTENCE)._.claims
    assert (claim.cue.text, claim.speaker.mention.text) == ("said", "The minister")


def test_recipe_2b_keeps_the_shipped_tagger_and_its_own_tok2vec(workspace: Workspace, shipped, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="spacy"):
        workspace.run(block("Recipe 2b:"))
    assert not [r for r in caplog.records if "W087" in r.getMessage()]
    tuned = spacy.load(workspace.root / "training" / "models" / "linker-only" / "model-last")
    assert tuned.get_pipe("claim_tok2vec").listening_components == ["attribution_linker"]
    assert parts(tuned(SENTENCE)) == parts(shipped(SENTENCE))  # the tagger, with its copy of the tok2vec, as shipped
    linker = tuned.get_pipe("attribution_linker").model.to_bytes()
    assert linker != shipped.get_pipe("attribution_linker").model.to_bytes()


# --------------------------------------------------------------------------- recipe 3


def test_recipe_3_turns_another_format_into_gold_docs(workspace: Workspace) -> None:
    workspace.exec(block("my_corpus.py"))
    folder = workspace.root / "training" / "corpus" / "spacy" / "own"
    nlp = spacy.blank("en")
    train = list(DocBin().from_disk(folder / "train.spacy").get_docs(nlp.vocab))
    assert [len(doc._.claims) for doc in train] == [1, 1]
    mayor = train[1]._.claims[0]
    assert (mayor.kind, mayor.cue.text, mayor.speaker.mention.text) == ("direct", "told", "The mayor")
    # what claim_tagger learns from, as spacy train reads it
    examples = list(Corpus(folder / "dev.spacy")(nlp))
    assert [(s.label_, s.text) for s in sorted(gold_spans(examples[0], "claims"))] == [
        ("SOURCE", "The ministry"), ("CUE", "said"), ("CONTENT", "three schools had closed")]


# --------------------------------------------------------------------------- recipe 4


def test_recipe_4_adds_a_span_label_to_the_tagger(workspace: Workspace) -> None:
    workspace.exec(block("add_label.py"))
    data = workspace.root / "training" / "corpus" / "spacy" / "org" / "train.spacy"
    docs = list(DocBin().from_disk(data).get_docs(spacy.blank("en").vocab))[:4]  # what the test trains on
    assert any(span.label_ == "SPEAKER_ORG" for doc in docs for span in doc.spans["claims"])
    assert all(doc._.claims for doc in docs)  # the claims survive beside the new spans
    workspace.run(block("Recipe 4:"))
    tagger = spacy.load(workspace.root / "training" / "models" / "org" / "model-best").get_pipe("claim_tagger")
    assert tagger.cfg["span_labels"] == ["CUE", "CONTENT", "SOURCE", "SPEAKER_ORG"]
    assert {"B-SPEAKER_ORG", "I-SPEAKER_ORG"} <= set(tagger.labels)
