"""Score a trained claim pipeline on PolNeAR and compare it with the rule pipeline.

    python training/evaluate.py training/models/cpu/model-best [--polnear ../shared/polnear] [--split dev]

Reads the gold claims straight from the brat files with ``claimattr.scoring.evaluation`` (as
``benchmarks/accuracy.py`` does, so both pipelines are scored on the same gold by
``claimattr.claim_scorer.v1``), writes ``benchmarks/results/accuracy_polnear_<split>_trained.json``
in the accuracy benchmark's format and prints the rules-vs-trained table with the minimum each
headline figure should reach. Only figures are written. ``--polnear`` defaults to
``../shared/polnear`` beside the repository.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import spacy

from claimattr.scoring.evaluation import evaluate_polnear, markdown_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"

# (score key, label, minimum or None); "content exact +10 over rules" is checked separately.
TABLE: List[Tuple[str, str, Optional[float]]] = [
    ("claims_cue_exact_f", "cue exact F1", None),
    ("claims_cue_overlap_f", "cue overlap F1", 0.80),
    ("claims_content_exact_f", "content exact F1", 0.60),
    ("claims_content_overlap_f", "content overlap F1", None),
    ("claims_source_exact_f", "source exact F1", None),
    ("claims_source_overlap_f", "source overlap F1", 0.85),
    ("claims_attribution_p", "attribution P", None),
    ("claims_attribution_r", "attribution R", None),
    ("claims_attribution_f", "attribution F1", 0.70),
]


def comparison(rules: Dict[str, Any], trained: Dict[str, Any]) -> str:
    """Markdown table: rules, trained, difference and minimum for the headline figures."""
    lines = ["| metric | rules | trained | diff | minimum |", "|---|---:|---:|---:|---:|"]
    for key, label, minimum in TABLE:
        r, t = rules.get(key), trained.get(key)
        if key == "claims_content_exact_f" and r is not None:
            minimum = max(minimum or 0.0, r + 0.10)
        lines.append(f"| {label} | {100 * r:.1f} | {100 * t:.1f} | {100 * (t - r):+.1f} | "
                     f"{'' if minimum is None else f'{100 * minimum:.1f}'} |")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="trained pipeline folder (e.g. training/models/cpu/model-best)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR root (holds dev/, train/); default: ../shared/polnear beside the repository")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rules", type=Path, default=None, help="rules result JSON (default: the benchmark's)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model)
    result = evaluate_polnear(nlp, args.polnear, args.split, args.limit)
    result["corpus"] = "polnear (trained)"
    result["model"] = str(args.model)
    print(markdown_section(result))
    rules_path = args.rules or RESULTS_DIR / f"accuracy_polnear_{args.split}.json"
    if rules_path.exists():
        print(comparison(json.loads(rules_path.read_text(encoding="utf8"))["scores"], result["scores"]))
    if not args.no_write:
        path = RESULTS_DIR / f"accuracy_polnear_{args.split}_trained.json"
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
