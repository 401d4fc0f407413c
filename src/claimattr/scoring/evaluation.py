"""Evaluating a pipeline on a gold corpus: run it, score it, report it.

Shared by ``benchmarks/accuracy.py`` (the rule pipeline) and ``training/evaluate.py`` (a trained
pipeline), so both score the same gold the same way: the texts go through ``nlp.pipe`` and the
predictions are scored by ``claimattr.claim_scorer.v1`` against gold ``Doc`` objects, by
character offsets (so the gold may be tokenised differently). A result is a JSON-ready dict
(corpus, split, sizes, versions, speed and the scores); :func:`markdown_section` prints it.
"""
from __future__ import annotations

import platform
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

ROLES = ("source", "cue", "content")
ACCURACIES = ("kind", "speaker_name", "speaker_type", "speaker_role", "speaker_org",
              "speaker_intermediary", "quantity_value", "quantity_entity", "quantity_event")


def score_texts(nlp: Language, gold_docs: Sequence[Doc], batch_size: int = 8) -> Tuple[Dict[str, Any], float]:
    """Run ``nlp`` on the gold texts and score against the gold claims; also the seconds taken."""
    scorer = spacy.registry.scorers.get("claimattr.claim_scorer.v1")()
    started = time.perf_counter()
    predicted = list(nlp.pipe((doc.text for doc in gold_docs), batch_size=batch_size))
    seconds = time.perf_counter() - started
    examples = [Example(pred, gold) for pred, gold in zip(predicted, gold_docs)]
    return scorer(examples), seconds


def polnear_gold(root: Path, split: str, limit: Optional[int] = None) -> Tuple[List[Doc], List[str]]:
    """Gold docs of a PolNeAR split (first annotator per article) and its reading errors."""
    from claimattr.readers.brat import make_doc, read_split

    articles = list(read_split(root, split, limit=limit))
    errors = [str(error) for article in articles for error in article.errors]
    return [make_doc(article.text, article.claims) for article in articles], errors


def corpus_gold(path: Path, split: str, limit: Optional[int] = None) -> List[Doc]:
    """Gold docs of one split of claimattr's corpus JSONL (the first ``limit`` records)."""
    from claimattr.readers.corpus import iter_corpus, record_doc

    records = list(iter_corpus(path, split=split))[:limit]
    return [record_doc(record) for record in records]


def evaluate_polnear(nlp: Language, root: Path, split: str, limit: Optional[int] = None,
                     warn: Callable[[str], None] = print) -> Dict[str, Any]:
    """PolNeAR: gold kinds are derived from quotation marks and gold speakers are mentions only
    (name = mention text, type unknown), see ``claimattr.readers.brat``. Reading errors go to ``warn``."""
    gold_docs, errors = polnear_gold(root, split, limit)
    scores, seconds = score_texts(nlp, gold_docs)
    for error in errors:
        warn(f"warning: {error}")
    return evaluation_result("polnear", split, nlp, gold_docs, scores, seconds, reading_errors=len(errors))


def evaluate_corpus(nlp: Language, path: Path, split: str, limit: Optional[int] = None,
                    name: str = "claimattr") -> Dict[str, Any]:
    """A corpus in claimattr's format (its own annotated corpus, or another set such as
    ``benchmarks/data/other_news.jsonl``, filed under ``name``): full gold speakers (canonical
    name, type, role, organisation, intermediary) and quantities where annotated."""
    gold_docs = corpus_gold(path, split, limit)
    scores, seconds = score_texts(nlp, gold_docs)
    return evaluation_result(name, split, nlp, gold_docs, scores, seconds)


def evaluation_result(corpus: str, split: str, nlp: Language, gold_docs: Sequence[Doc], scores: Dict[str, Any],
                      seconds: float, **extra: Any) -> Dict[str, Any]:
    """The JSON-ready record of one evaluation."""
    import claimattr

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


def percent(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def prf_rows(scores: Dict[str, Any]) -> List[Tuple[str, str, str, str]]:
    """(metric, P, R, F) rows for the span and attribution figures."""
    rows = []
    for role in ROLES:
        for mode in ("exact", "overlap"):
            key = f"claims_{role}_{mode}"
            rows.append((f"{role} ({mode})", *(percent(scores[f"{key}_{x}"]) for x in "prf")))
    rows.append(("attribution", *(percent(scores[f"claims_attribution_{x}"]) for x in "prf")))
    if scores["claims_support"]["gold_quantities"]:  # a corpus without quantities: no row of zeros
        rows.append(("quantity (overlap)", *(percent(scores[f"claims_quantity_{x}"]) for x in "prf")))
    return rows


def accuracy_rows(scores: Dict[str, Any]) -> List[Tuple[str, str, str]]:
    """(metric, accuracy, support) rows; support 0 shows as n/a, not as a misleading 0."""
    support = scores.get("claims_support", {})
    return [(name.replace("_", " "), percent(scores.get(f"claims_{name}_acc")), str(support.get(name, 0)))
            for name in ACCURACIES]


def markdown_section(result: Dict[str, Any]) -> str:
    """A result as a Markdown section: a heading, a summary line and two tables."""
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


__all__ = [
    "ACCURACIES", "ROLES", "accuracy_rows", "corpus_gold", "evaluate_corpus", "evaluate_polnear",
    "evaluation_result", "markdown_section", "percent", "polnear_gold", "prf_rows", "score_texts",
]
