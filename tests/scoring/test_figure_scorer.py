"""``claimattr.figure_scorer.v1``: pair F1 and dispute flags, quantities aligned by overlap."""
from __future__ import annotations

import spacy
from spacy.training import Example
from spacy.util import registry

from claimattr.figures.figures_component import FIGURES_KEY
from claimattr.scoring.figures import compare_figures, score_figures, summarise_figure_counts


def group(disputed, *spans):
    return {"id": "g", "frame": "deaths", "entity": "soldier", "disputed": disputed,
            "members": [{"start": s, "end": e} for s, e in spans]}


def test_identical_groups_score_full_marks():
    gold = [group(True, (0, 2), (10, 12)), group(False, (20, 22))]
    scores = summarise_figure_counts(compare_figures(gold, gold))
    assert scores["pair_f"] == 1.0 and scores["dispute_f"] == 1.0


def test_members_align_by_character_overlap():
    gold = [group(False, (0, 12), (20, 24))]  # "more than 40", "nine"
    pred = [group(False, (10, 12), (20, 24))]  # the pipeline found "40" only
    counts = compare_figures(pred, gold)
    assert counts["pair_tp"] == 1 and counts["aligned_members"] == 2


def test_a_wrong_merge_costs_precision_and_a_missed_member_recall():
    gold = [group(False, (0, 2), (10, 12)), group(False, (20, 22), (30, 32))]
    pred = [group(False, (0, 2), (10, 12), (20, 22))]  # (30, 32) missed
    counts = compare_figures(pred, gold)
    assert (counts["pair_tp"], counts["pair_pred"], counts["pair_gold"]) == (1, 3, 2)


def test_dispute_flags_are_read_from_the_best_matching_group():
    gold = [group(True, (0, 2), (10, 12)), group(False, (20, 22))]
    pred = [group(False, (0, 2), (10, 12)), group(True, (20, 22)), group(True, (40, 42))]
    counts = compare_figures(pred, gold)
    assert (counts["dispute_tp"], counts["dispute_fp"], counts["dispute_fn"]) == (0, 1, 1)
    assert counts["dispute_unmatched_fp"] == 1


def test_the_registered_scorer_reads_doc_figures():
    nlp = spacy.blank("en")
    predicted, reference = nlp("58 and 23"), nlp("58 and 23")
    predicted.user_data[FIGURES_KEY] = [group(True, (0, 2), (7, 9))]
    reference.user_data[FIGURES_KEY] = [group(True, (0, 2), (7, 9))]
    scorer = registry.scorers.get("claimattr.figure_scorer.v1")()
    scores = scorer([Example(predicted, reference)])
    assert scores["figure_pair_f"] == 1.0 and scores["figure_dispute_f"] == 1.0
    assert scores == score_figures([Example(predicted, reference)])
