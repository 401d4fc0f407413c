"""Issue 12 on wire copy: race distances, margins, names made of measures, model numbers, race times, scores,
multiples and counts of times, and the `news_wire.jsonl` gold set written while fixing them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
from quantity_helpers import quantities

from claimattr.scoring.quantities import align_quantities, same_number, same_unit

WIRE_GOLD = Path(__file__).resolve().parents[2] / "training" / "quantities" / "news_wire.jsonl"


def by_text(nlp, text: str) -> Dict[str, Dict[str, Any]]:
    return {q["text"]: q for q in quantities(nlp, text)}


# ---- "m": a race distance or a million ------------------------------------------------------------

@pytest.mark.parametrize("text, mention, value, unit", [
    ("She finished the 400m hurdles in 52.34 seconds, shaving 0.4 seconds off her personal best.", "400m", 400, "m"),
    ("He won both 100m heats before the final.", "100m", 100, "m"),
    ("Orbis sold 20m of its phones in the first half alone.", "20m", 2e7, None),
    ("The club has 20m fans worldwide.", "20m", 2e7, None),
    ("The relay team signed a $20m sponsorship deal.", "$20m", 2e7, "USD"),
])
def test_m_before_a_plural_is_metres_in_a_race_and_millions_elsewhere(nlp, text, mention, value, unit):
    q = by_text(nlp, text)[mention]
    assert (q["value"], q["unit"]) == (value, unit)


# ---- margins -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, mention, value, unit", [
    ("The survey has a margin of error of plus or minus 2.2 percentage points.", "plus or minus 2.2 percentage points", 2.2, "pp"),
    ("The poll has a margin of error of ±3 percentage points.", "±3 percentage points", 3, "pp"),
    ("The margin of error is plus or minus 4%.", "plus or minus 4%", 4, "%"),
])
def test_a_margin_said_alone_is_its_size_not_a_negative_number(nlp, text, mention, value, unit):
    q = by_text(nlp, text)[mention]
    assert (q["value"], q["unit"], q["relation"], q["low"], q["high"]) == (value, unit, "=", None, None)


def test_a_glued_margin_after_a_number_sets_its_bounds_and_minus_stays_a_sign(nlp):
    q = by_text(nlp, "The rod weighs 5.2 ±0.3 kg.")["5.2 ±0.3 kg"]
    assert (q["value"], q["low"], q["high"], q["unit"]) == (5.2, 4.9, 5.5, "kg")
    assert by_text(nlp, "Temperatures fell to minus 5C.")["minus 5C"]["value"] == -5


# ---- names made of a measure ----------------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("The yield on the 10-year note climbed 7 basis points to 4.31%.", "10-year"),
    ("Yields on Italian 10-year bonds rose to 4%.", "10-year"),
    ("The 30-year mortgage rate rose to 7.1%.", "30-year"),
    ("The yield on two-year Treasuries fell 8 basis points to 4.71%.", "two-year"),
    ("The new chip is built on a 4-nanometre process.", "4"),
])
def test_a_measure_that_names_a_product_or_instrument_is_no_quantity(nlp, text, label):
    assert all(label not in q["text"] for q in quantities(nlp, text))


@pytest.mark.parametrize("text, mention, unit, entity", [
    ("He was handed a 10-year sentence.", "10-year", "yr", "sentence"),
    ("Unions called a 48-hour strike.", "48-hour", "h", "strike"),
    ("He signed a four-year contract.", "four-year", "yr", "contract"),
    ("The firm took out a 10-year loan.", "10-year", "yr", "loan"),
    ("Approval is a two-year process.", "two-year", "yr", "process"),  # a process is named by a length, not a time
])
def test_a_measure_of_one_thing_stays_a_quantity(nlp, text, mention, unit, entity):
    q = by_text(nlp, text)[mention]
    assert (q["unit"], q["entity"]["lemma"]) == (unit, entity)


# ---- model numbers and labels ---------------------------------------------------------------------

def test_a_count_before_a_model_number_is_a_count(nlp):
    found = by_text(nlp, "Boeing delivered 27 737 Max jets in March, down from 35 in February.")
    assert set(found) == {"27", "35"}
    assert found["27"]["entity"]["lemma"] == "jet"
    assert found["35"]["subject"] is None  # "27 737 Max jets" is what is counted, not what 35 measures
    assert quantities(nlp, "Call the helpline on 0800 123 4567 Monday.") == []


@pytest.mark.parametrize("text", [
    "About one in eight adults in England now has type 2 diabetes.",
    "The drug entered a phase 3 trial.",
])
def test_a_lower_case_label_word_labels_the_singular_noun_after_the_number(nlp, text):
    assert all(q["value"] not in (2, 3) for q in quantities(nlp, text))


@pytest.mark.parametrize("text, value", [("He won the race 3 times.", 3), ("She set 3 records.", 3)])
def test_before_a_plural_a_label_word_counts(nlp, text, value):
    assert [q["value"] for q in quantities(nlp, text)] == [value]


# ---- race times, spans and scores -------------------------------------------------------------------

@pytest.mark.parametrize("text, mention, seconds", [
    ("She lowered the world record to 15:20.48 on Saturday.", "15:20.48", 920.48),
    ("She won the marathon in 2:04:12 on Sunday.", "2:04:12", 7452),
])
def test_race_times_are_seconds(nlp, text, mention, seconds):
    q = by_text(nlp, text)[mention]
    assert (q["value"], q["unit"]) == (seconds, "s")


def test_a_clock_time_is_no_race_time_and_over_after_a_time_is_no_bound(nlp):
    assert quantities(nlp, "The meeting starts at 10:30 on Monday.") == []
    distance = by_text(nlp, "The Kenyan set a world record of 26:11.00 over 10,000m in Valencia.")["10,000m"]
    assert (distance["value"], distance["unit"], distance["relation"], distance["low"]) == (10000, "m", "=", None)


def test_an_innings_score_is_no_quantity_and_opens_no_ratio(nlp):
    found = by_text(nlp, "His side reached 356 for 7 in 50 overs.")
    assert list(found) == ["50"] and found["50"]["entity"]["lemma"] == "over"
    assert [q["value"] for q in quantities(nlp, "The shop sold 356 for 7 days.")] == [356, 7]


# ---- units read by topic ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, mention, unit", [
    ("The storm's central pressure dropped 30 millibars to 918 mb in 12 hours.", "918 mb", "mbar"),
    ("The file is 64 mb.", "64 mb", "MB"),
    ("Polls show the incumbent leading by 6 points.", "6 points", "pp"),
    ("The index fell 31 points in early trade.", "31 points", "pt"),
])
def test_mb_and_points_follow_the_topic_of_their_sentence(nlp, text, mention, unit):
    assert by_text(nlp, text)[mention]["unit"] == unit


def test_points_scored_stay_a_count(nlp):
    assert [q["unit"] for q in quantities(nlp, "She scored 31 points in the game.")] == [None]


@pytest.mark.parametrize("text, mention, value, unit", [
    ("Wholesale gas prices have fallen 60% since the peak, to 85p a therm.", "85p a therm", 0.85, "GBP/therm"),
    ("Shares in Harlow fell 3p to 85p.", "3p", 0.03, "GBP"),
])
def test_a_glued_p_is_pence_without_money_before_it(nlp, text, mention, value, unit):
    q = by_text(nlp, text)[mention]
    assert (q["value"], q["unit"]) == (value, unit)


@pytest.mark.parametrize("text", ["The camera records 1080p video.", "Comet 12P will be visible in April."])
def test_a_glued_p_about_video_or_in_capitals_is_no_pence(nlp, text):
    assert quantities(nlp, text) == []


# ---- multiples, counts of times and shaving ---------------------------------------------------------

@pytest.mark.parametrize("text, mention, value, direction", [
    ("Profit rose two-fold to 1.3 billion yuan.", "two-fold", 2, "up"),
    ("Exports jumped 2.5-fold.", "2.5-fold", 2.5, "up"),
    ("Sales rose threefold last year.", "threefold", 3, "up"),
    ("The study found a 10-fold increase in cases.", "10-fold", 10, "up"),
])
def test_a_multiple_is_one_mention_that_counts_nothing(nlp, text, mention, value, direction):
    q = by_text(nlp, text)[mention]
    assert (q["value"], q["unit"], q["entity"], q["direction"]) == (value, None, None, direction)


def test_twice_counts_two_times_and_has_no_subject(nlp):
    q = by_text(nlp, "Okafor scored twice as Rovers beat United 3-1.")["twice"]
    assert (q["value"], q["unit"], q["subject"]) == (2, None, None)


def test_shaving_time_off_is_a_change_down(nlp):
    q = by_text(nlp, "She shaved 0.4 seconds off her personal best.")["0.4 seconds"]
    assert (q["value"], q["direction"]) == (0.4, "down")


# ---- the wire-copy gold set -------------------------------------------------------------------------

def wire_gold() -> List[Dict[str, Any]]:
    return [json.loads(line) for line in WIRE_GOLD.read_text(encoding="utf8").splitlines() if line.strip()]


def test_wire_gold_offsets_and_fields_are_consistent():
    records = wire_gold()
    assert len(records) >= 40
    for record in records:
        text = record["text"]
        for item in record["quantities"] + record["non_quantities"]:
            assert text[item["start"]:item["end"]] == item["text"], item
        for q in record["quantities"]:
            subject = q["subject"]
            assert subject is None or text[subject["start"]:subject["end"]] == subject["text"], q
            assert (q["unit"] is None) == (q["unit_name"] is None) == (q["dimension"] is None), q
            assert q["direction"] in (None, "up", "down"), q


def published_f1(nlp, records: List[Dict[str, Any]]) -> Dict[str, float]:
    """The published method (benchmarks/quantities.py): pairs by overlap; value, then also unit, direction or
    subject (overlapping spans, or both null)."""
    tp = dict.fromkeys(("value", "unit", "change", "concept"), 0)
    gold_n = predicted_n = 0
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records])):
        predicted = [q.to_dict() for q in doc._.quantities]
        gold = record["quantities"]
        gold_n, predicted_n = gold_n + len(gold), predicted_n + len(predicted)
        for p, g in align_quantities(predicted, gold):
            pred, ref = predicted[p], gold[g]
            if not same_number(pred["value"], ref["value"]):
                continue
            tp["value"] += 1
            tp["unit"] += same_unit(pred["unit"], ref["unit"])
            tp["change"] += pred["direction"] == ref["direction"]
            ps, gs = pred["subject"], ref["subject"]
            tp["concept"] += (ps is None and gs is None) or bool(ps and gs and ps["start"] < gs["end"] and gs["start"] < ps["end"])
    return {level: 200 * hits / (gold_n + predicted_n) for level, hits in tp.items()}


def test_wire_gold_scores(nlp):
    """Floors a little under the figures when the set was added (value 100, +unit 98.3, +change 100, +concept
    90.4): the remaining misses are listed in training/quantities/README.md."""
    scores = published_f1(nlp, wire_gold())
    assert scores["value"] >= 99.5 and scores["unit"] >= 98 and scores["change"] >= 99.5 and scores["concept"] >= 90, scores


def test_wire_gold_non_quantities_are_not_found(nlp):
    records = wire_gold()
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records])):
        for trap in record["non_quantities"]:
            hits = [q.text for q in doc._.quantities if q.start < trap["end"] and trap["start"] < q.end]
            assert not hits, (trap, hits)
