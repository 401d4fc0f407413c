"""Score a claim pipeline on PolNeAR and compare it with the rule pipeline.

    python training/evaluate.py training/models/cpu/model-best [--polnear ../shared/polnear] [--split dev]
        [--combine] [--output FILE] [--label NAME] [--limit N]

MODEL is a trained pipeline folder (loaded as it is, with ``spacy.load``; with ``--combine``
through ``claimattr.load(MODEL, combine=True)``, the rules combined into it as the default
pipeline combines its model, which is how a retrained model is chosen) or a named claimattr
pipeline (``rules``, ``trained``, ``trf``, loaded with ``claimattr.load(pipeline=...)``). The gold
claims are read straight from the brat files with ``claimattr.scoring.evaluation`` (as
``benchmarks/accuracy.py`` does, so every pipeline is scored on the same gold by
``claimattr.claim_scorer.v1``). The result, in the accuracy benchmark's format and labelled by the
pipeline (``--label``, else the named pipeline, else the folder's name, with its parent for
``model-best`` / ``model-last``), is written to ``--output``, by default
``<MODEL>/evaluation_polnear_<split>.json`` beside the model; a named pipeline needs ``--output``
(or ``--no-write``). The committed ``benchmarks/results/`` figures are never written. The script
prints the result and a table comparing the headline figures with the rule pipeline's.
``--polnear`` defaults to ``../shared/polnear`` beside the repository; a PolNeAR folder that
does not exist or a split without documents stops it with exit status 1 and a message naming the
setting.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import spacy

from claimattr.readers.brat import first_annotation_files
from claimattr.scoring.evaluation import evaluate_polnear, markdown_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"
NAMED_PIPELINES = ("rules", "trained", "trf")
CHECKPOINTS = ("model-best", "model-last")
SETTING = "set --vars.polnear (weasel) or pass --polnear PATH"


class EvaluationError(SystemExit):
    """A missing corpus or a refused output: exits with status 1 and the message on stderr."""

    def __init__(self, message: str) -> None:
        super().__init__(f"error: {message}")


def check_polnear(root: Path, split: str) -> None:
    """Raise :class:`EvaluationError` naming ``--vars.polnear`` / ``--polnear`` unless the split has documents."""
    if not root.is_dir():
        raise EvaluationError(f"PolNeAR not found at {root}: {SETTING}")
    ann_dir = root / split / "attributions"
    if not first_annotation_files(ann_dir):
        raise EvaluationError(f"no PolNeAR documents in {root / split} (expected {root / split / 'text'}/*.txt "
                              f"and {ann_dir}/*.ann): {SETTING}")


def is_named(model: str) -> bool:
    """A named claimattr pipeline (``rules``, ``trained``, ``trf``) rather than a folder or package."""
    return model in NAMED_PIPELINES and not Path(model).exists()


def pipeline_label(model: str) -> str:
    """What the pipeline is: the named pipeline, else the folder's name (``cpu/model-best`` for a
    training checkpoint, whose own name says nothing), else the package name as given."""
    if is_named(model):
        return model
    path = Path(model)
    if path.name in CHECKPOINTS and path.parent.name:
        return f"{path.parent.name}/{path.name}"
    return path.name or str(model)


def output_path(model: str, split: str, output: Optional[Path] = None, combine: bool = False) -> Path:
    """Where the result goes: ``output``, else ``<model>/evaluation_polnear_<split>.json``
    (``..._combined.json`` for the model combined with the rules).

    Raises :class:`EvaluationError` for a path inside ``benchmarks/results`` (the committed
    figures) and when there is no model folder to write beside (a named pipeline or a package).
    """
    if output is None:
        if is_named(model) or not Path(model).is_dir():
            raise EvaluationError(f"{model} is not a pipeline folder, so there is nowhere beside it to write "
                                  "the result: pass --output FILE (or --no-write)")
        output = Path(model) / f"evaluation_polnear_{split}{'_combined' if combine else ''}.json"
    resolved = output.resolve()
    if resolved == RESULTS_DIR.resolve() or RESULTS_DIR.resolve() in resolved.parents:
        raise EvaluationError(f"{output} is inside {RESULTS_DIR}, which holds the committed benchmark figures: "
                              "pass another --output")
    return output


def load_pipeline(model: str, combine: bool = False) -> Any:
    """A named pipeline through ``claimattr.load``; a folder or package as it is, with
    ``spacy.load``, or with ``combine`` through ``claimattr.load(model, combine=True)``: the
    rules combined into it and the speakers named, as the default pipeline runs its model."""
    if is_named(model) or combine:
        import claimattr

        return claimattr.load(pipeline=model, combine=True if combine else None)
    return spacy.load(model)


# (score key, label) of the headline figures compared with the rules
TABLE: List[Tuple[str, str]] = [
    ("claims_cue_exact_f", "cue exact F1"),
    ("claims_cue_overlap_f", "cue overlap F1"),
    ("claims_content_exact_f", "content exact F1"),
    ("claims_content_overlap_f", "content overlap F1"),
    ("claims_source_exact_f", "source exact F1"),
    ("claims_source_overlap_f", "source overlap F1"),
    ("claims_attribution_p", "attribution P"),
    ("claims_attribution_r", "attribution R"),
    ("claims_attribution_f", "attribution F1"),
]


def comparison(rules: Dict[str, Any], scores: Dict[str, Any], label: str) -> str:
    """Markdown table of the headline figures: the rules, the pipeline ``label`` and the difference."""
    lines = [f"| metric | rules | {label} | diff |", "|---|---:|---:|---:|"]
    for key, name in TABLE:
        r, t = rules[key], scores[key]
        lines.append(f"| {name} | {100 * r:.1f} | {100 * t:.1f} | {100 * (t - r):+.1f} |")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> Optional[Path]:
    """Evaluate, print and write the result; return the file written (``None`` with ``--no-write``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="trained pipeline folder (e.g. training/models/cpu/model-best), installed "
                                      "package, or a named pipeline: rules, trained, trf")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR root (holds dev/, train/); default: ../shared/polnear beside the repository")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--output", "-o", type=Path, default=None,
                        help="result JSON; default: <MODEL>/evaluation_polnear_<split>.json")
    parser.add_argument("--label", default=None, help="the pipeline's name in the result; default: from MODEL")
    parser.add_argument("--rules", type=Path, default=None, help="rules result JSON to compare with (default: the benchmark's)")
    parser.add_argument("--combine", action="store_true",
                        help="combine the rules into a trained folder, as the default pipeline runs its model")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    check_polnear(args.polnear, args.split)
    combine = args.combine and not is_named(args.model)
    path = None if args.no_write else output_path(args.model, args.split, args.output, combine)
    label = args.label or pipeline_label(args.model) + (" + rules" if combine else "")
    nlp = load_pipeline(args.model, combine)
    result = evaluate_polnear(nlp, args.polnear, args.split, args.limit)
    if not result["docs"]:
        raise EvaluationError(f"no readable PolNeAR documents in {args.polnear / args.split}: {SETTING}")
    result["system"] = label
    result["model"] = str(args.model)
    if args.limit is not None:
        result["limit"] = args.limit
    print(markdown_section(result))
    rules_path = args.rules or RESULTS_DIR / f"accuracy_{result['corpus']}_{args.split}.json"
    if args.limit is not None and args.rules is None:
        print(f"(--limit {args.limit}: not compared with the rules' full-split figures)")
    elif rules_path.exists():
        print(comparison(json.loads(rules_path.read_text(encoding="utf8"))["scores"], result["scores"], label))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
        print(f"wrote {path}")
    return path


if __name__ == "__main__":
    main()
