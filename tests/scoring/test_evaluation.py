"""``claimattr.scoring.evaluation``: the evaluation shared by benchmarks/accuracy.py and
training/evaluate.py (neither loads the other by file path)."""
from __future__ import annotations

import json
from pathlib import Path

from claimattr.scoring.evaluation import evaluate_corpus, markdown_section

TEXT = "The minister said that 12 schools would close.\n"


def test_evaluate_corpus_scores_a_corpus_split_and_renders_it(tmp_path: Path, nlp) -> None:
    doc = nlp(TEXT)
    record = {"id": "r1", "split": "dev", "text": TEXT, "claims": [c.to_dict() for c in doc._.claims],
              "quantities": [q.to_dict() for q in doc._.quantities]}
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf8")
    result = evaluate_corpus(nlp, path, "dev")
    assert result["docs"] == 1 and result["corpus"] == "claimattr"
    assert result["scores"]["claims_attribution_f"] == 1.0, "the pipeline agrees with its own output"
    section = markdown_section(result)
    assert section.startswith("## claimattr dev (rules)") and "| attribution | 100.0 | 100.0 | 100.0 |" in section


def test_the_scripts_import_the_evaluation_instead_of_loading_each_other() -> None:
    root = Path(__file__).resolve().parents[2]
    for script in ("training/evaluate.py", "benchmarks/accuracy.py"):
        source = (root / script).read_text(encoding="utf8")
        assert "from claimattr.scoring.evaluation import" in source
        assert "spec_from_file_location" not in source
