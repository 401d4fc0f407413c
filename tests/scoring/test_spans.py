"""The shared character-range helpers (``claimattr.scoring.spans``): one implementation for the
claim scorer and the corpus's corrections record."""
from __future__ import annotations

from claimattr.readers.corpus import compare_records
from claimattr.scoring.spans import extent, greedy_match, overlap, trim


def test_overlap_counts_shared_characters_of_two_unions_of_ranges() -> None:
    assert overlap([(0, 5), (10, 15)], [(3, 12)]) == 4
    assert overlap([(0, 5)], [(5, 9)]) == 0


def test_extent_spans_from_the_first_start_to_the_last_end() -> None:
    assert extent([(10, 15), (0, 5)]) == (0, 15)
    assert extent([]) == (0, 0)


def test_trim_drops_surrounding_whitespace_and_punctuation() -> None:
    text = ' \u201cYes,\u201d '
    assert text[slice(*trim(text, 0, len(text)))] == "Yes"


def test_greedy_match_pairs_best_overlaps_one_to_one() -> None:
    pred, gold = [(0, 10), (8, 20)], [(0, 9), (9, 20)]
    assert sorted(greedy_match(pred, gold, lambda i, j: overlap([pred[i]], [gold[j]]))) == [(0, 0), (1, 1)]


def test_the_corrections_record_pairs_claims_with_the_same_helpers() -> None:
    def claim(start: int, end: int) -> dict:
        return {"kind": "indirect", "cue": {"text": "said", "start": 0, "end": 4},
                "content": [{"text": "x" * (end - start), "start": start, "end": end}], "speaker": None}
    pre = {"claims": [claim(5, 20), claim(30, 40)], "quantities": []}
    gold = {"claims": [claim(5, 18)], "quantities": []}
    counts = compare_records(pre, gold)
    assert (counts["claims_removed"], counts["claims_added"], counts["content_changed"]) == (1, 0, 1)
