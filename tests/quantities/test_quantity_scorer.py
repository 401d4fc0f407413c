"""``claimattr.quantity_scorer.v1``: the one quantity scorer, against hand-written gold."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.training import Example
from spacy.util import registry

import claimattr
from claimattr.schema import Anchor, Quantity
from claimattr.scoring.claims import Tally, score_claim_lists, tally_to_scores
from claimattr.scoring.quantities import (
    QUANTITY_SCORE_WEIGHTS,
    align_quantities,
    compare_quantities,
    same_number,
    score_quantities,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Officials said 12 people died and about 40 homes burned."


def gold_quantity(text: str, value: float, entity: str, entity_lemma: str, event: str, event_lemma: str,
                  **fields) -> Quantity:
    """A hand-written gold mention of ``TEXT`` (offsets found in the text)."""
    start = TEXT.index(text)
    return Quantity(text=text, start=start, end=start + len(text), value=value,
                    entity=Anchor(entity, TEXT.index(entity), TEXT.index(entity) + len(entity), entity_lemma),
                    event=Anchor(event, TEXT.index(event), TEXT.index(event) + len(event), event_lemma), **fields)


GOLD = [gold_quantity("12", 12.0, "people", "people", "died", "die"),
        gold_quantity("about 40", 40.0, "homes", "home", "burned", "burn", approximate=True, relation="~")]


def reference(nlp, quantities):
    doc = nlp.make_doc(TEXT)
    doc._.quantities = list(quantities)
    return doc


def test_the_prediction_is_scored_against_hand_written_gold(nlp):
    scores = nlp.get_pipe("quantity_normaliser").score([Example(nlp(TEXT), reference(nlp, GOLD))])
    assert (scores["quantity_precision"], scores["quantity_recall"], scores["quantity_f"]) == (1.0, 1.0, 1.0)
    for field in ("value", "bounds", "unit", "entity", "event"):
        assert scores[f"quantity_{field}_acc"] == 1.0, field


def test_a_wrong_gold_value_and_a_missing_mention_are_counted(nlp):
    wrong = [gold_quantity("12", 13.0, "people", "people", "died", "die")]
    scores = nlp.get_pipe("quantity_normaliser").score([Example(nlp(TEXT), reference(nlp, wrong))])
    assert (scores["quantity_precision"], scores["quantity_recall"]) == (0.5, 1.0)
    assert scores["quantity_value_acc"] == 0.0 and scores["quantity_entity_acc"] == 1.0


def test_the_registered_scorer_runs_through_nlp_evaluate(nlp):
    assert registry.scorers.get("claimattr.quantity_scorer.v1")() is score_quantities
    other = "Rebels killed at least 14 villagers."
    start = other.index("at least 14")
    gold_other = nlp.make_doc(other)
    gold_other._.quantities = [Quantity(text="at least 14", start=start, end=start + 11, value=14.0, low=15.0,
                                        relation=">=", entity=Anchor("villagers", 23, 32, "villager"),
                                        event=Anchor("killed", 7, 13, "kill"))]
    examples = [Example(nlp.make_doc(TEXT), reference(nlp, GOLD)), Example(nlp.make_doc(other), gold_other)]
    scores = nlp.evaluate(examples)
    assert scores["quantity_f"] == 1.0 and scores["quantity_value_acc"] == 1.0
    assert scores["quantity_bounds_acc"] == pytest.approx(2 / 3)  # the gold low bound 15 is deliberately wrong


def test_the_scorer_is_declared_as_an_entry_point_and_weighted():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf8")
    scorers = re.search(r"^\[project\.entry-points\.spacy_scorers\]\n(.*?)(?:^\[|\Z)", pyproject, re.M | re.S).group(1)
    assert '"claimattr.quantity_scorer.v1" = "claimattr.scoring.quantities:make_quantity_scorer"' in scorers
    meta = claimattr.load("rules", pipes=["quantity_normaliser"]).get_pipe_meta("quantity_normaliser")
    assert meta.default_score_weights == QUANTITY_SCORE_WEIGHTS
    assert QUANTITY_SCORE_WEIGHTS["quantity_f"] > 0 and QUANTITY_SCORE_WEIGHTS["quantity_value_acc"] > 0


def test_compare_accepts_gold_lemma_fields():
    gold = [{"text": "58", "start": 0, "end": 2, "value": 58, "low": None, "high": None, "unit": None,
             "entity_lemma": "soldier", "event_lemma": "kill"}]
    predicted = [{**gold[0], "entity": {"lemma": "soldier"}, "event": {"lemma": "kill"}}]
    del predicted[0]["entity_lemma"], predicted[0]["event_lemma"]
    counts = compare_quantities(predicted, gold)
    assert counts["matched"] == counts["entity_correct"] == counts["event_correct"] == 1
    predicted[0]["event"] = None
    assert compare_quantities(predicted, gold)["event_correct"] == 0


def test_one_tolerance():
    assert same_number(2 / 3, 0.666667) and same_number(1 / 3, 0.333333)
    assert not same_number(1000, 1001) and not same_number(0.0, 1e-6)
    assert same_number(None, None) and not same_number(None, 0.0)


def test_pairing_is_one_to_one_by_largest_overlap_first():
    def mention(start: int, end: int) -> dict:
        return {"start": start, "end": end}
    # gold 0 overlaps both predictions; the larger overlap wins even though gold 0 comes first
    predicted = [mention(0, 3), mention(2, 12)]
    gold = [mention(2, 10), mention(0, 2)]
    assert sorted(align_quantities(predicted, gold)) == [(0, 1), (1, 0)]


def test_the_claim_scorer_pairs_and_compares_quantities_the_same_way():
    pred = [Quantity(text="12", start=15, end=17, value=12.0000001), Quantity(text="40", start=40, end=42, value=41.0)]
    gold = [Quantity(text="12", start=15, end=17, value=12.0), Quantity(text="about 40", start=34, end=42, value=40.0)]
    claims = tally_to_scores(score_claim_lists(Tally(), [], [], TEXT, TEXT, pred, gold))
    counts = compare_quantities(pred, gold)
    assert claims["claims_quantity_f"] == 1.0 and counts["matched"] == 2
    assert claims["claims_quantity_value_acc"] == counts["value_correct"] / counts["matched"] == 0.5
