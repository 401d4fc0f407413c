"""Specification of the claim scorer ``claimattr.claim_scorer.v1`` (claimattr.scoring).

Texts are written for these tests. Predictions are built by hand, so each test states exactly
which difference from the gold a metric must see or ignore.
"""
from __future__ import annotations

import importlib.metadata
from typing import Any, Dict, List, Optional, Sequence

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from claimattr.schema import Anchor, Claim, Quantity, Speaker, TextSpan
from claimattr.scoring.claims import greedy_match, make_claim_scorer, score_claims, trim

TEXT = (
    "The minister said on Monday that 40 soldiers were killed. "
    "\u201cWe will respond,\u201d she warned. "
    "According to the army, the border is calm."
)
NLP = spacy.blank("en")


def ts(fragment: str, text: str = TEXT, occurrence: int = 0) -> TextSpan:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return TextSpan(fragment, start, start + len(fragment))


def widen(span: TextSpan, left: int = 0, right: int = 0, text: str = TEXT) -> TextSpan:
    start, end = span.start - left, span.end + right
    return TextSpan(text[start:end], start, end)


def speaker(mention: str, name: Optional[str] = None, **fields: Any) -> Speaker:
    return Speaker(mention=ts(mention), name=name or mention, **fields)


def gold_claims() -> List[Claim]:
    return [
        Claim("indirect", ts("said"), [ts("40 soldiers were killed")],
              speaker("The minister", "Jane Roe", type="person", role="minister",
                      organisation=ts("the army"))),
        Claim("direct", ts("warned"), [ts("\u201cWe will respond,\u201d")], speaker("she", "Jane Roe")),
        Claim("according_to", ts("According to"), [ts("the border is calm")], speaker("the army")),
    ]


def doc_with(claims: Sequence[Claim], quantities: Sequence[Quantity] = (), text: str = TEXT) -> Doc:
    doc = NLP.make_doc(text)
    doc._.claims = list(claims)
    doc._.quantities = list(quantities)
    return doc


def score(pred: Sequence[Claim], gold: Sequence[Claim], **kwargs: Any) -> Dict[str, Any]:
    example = Example(doc_with(pred, kwargs.get("pred_q", ())), doc_with(gold, kwargs.get("gold_q", ())))
    return score_claims([example])


def replace(claim: Claim, **changes: Any) -> Claim:
    data = {"kind": claim.kind, "cue": claim.cue, "content": claim.content,
            "speaker": claim.speaker, "quantities": claim.quantities}
    data.update(changes)
    return Claim(**data)


# --------------------------------------------------------------------------- registry


def test_scorer_is_in_spacys_registry() -> None:
    factory = spacy.registry.scorers.get("claimattr.claim_scorer.v1")
    assert factory is make_claim_scorer
    assert factory() is score_claims


def test_scorer_is_announced_as_an_entry_point() -> None:
    names = {e.name for e in importlib.metadata.entry_points(group="spacy_scorers")}
    assert "claimattr.claim_scorer.v1" in names


def test_scorer_is_usable_from_a_component_config() -> None:
    from spacy.util import registry

    resolved = registry.resolve({"scorer": {"@scorers": "claimattr.claim_scorer.v1"}})
    assert resolved["scorer"] is score_claims


# --------------------------------------------------------------------------- the extremes


def test_perfect_prediction_scores_one_everywhere_it_applies() -> None:
    scores = score(gold_claims(), gold_claims())
    prf = {k: v for k, v in scores.items() if k.startswith("claims_") and k[-2:] in ("_p", "_r", "_f")
           and "quantity" not in k}
    assert prf and set(prf.values()) == {1.0}
    for field in ("kind", "speaker_name", "speaker_type", "speaker_role", "speaker_org"):
        assert scores[f"claims_{field}_acc"] == 1.0


def test_no_claims_anywhere_gives_zeros_and_none_without_division_errors() -> None:
    scores = score([], [])
    assert scores["claims_attribution_f"] == 0.0
    assert scores["claims_content_overlap_p"] == 0.0
    assert scores["claims_speaker_name_acc"] is None  # nothing to be accurate about
    assert scores["claims_support"]["gold_claims"] == 0


def test_empty_prediction_has_zero_recall_and_no_examples_at_all_is_fine() -> None:
    assert score([], gold_claims())["claims_cue_exact_r"] == 0.0
    assert score_claims([])["claims_attribution_f"] == 0.0


def test_scores_are_flat_floats_or_none_except_the_nested_dicts() -> None:
    scores = score(gold_claims(), gold_claims())
    nested = {k for k, v in scores.items() if isinstance(v, dict)}
    assert nested == {"claims_attribution_per_kind", "claims_support", "spans_claims_per_type"}
    # spans_claims_* repeat attribution and the parts under the names `spacy evaluate` tabulates
    assert all(k.startswith(("claims_", "spans_claims_")) for k in scores)
    assert scores["spans_claims_f"] == scores["claims_attribution_f"]
    assert all(v is None or isinstance(v, float) for k, v in scores.items() if k not in nested)


# --------------------------------------------------------------------------- exact vs overlap


def test_exact_ignores_surrounding_whitespace_and_punctuation() -> None:
    gold = gold_claims()
    quoted = gold[1]
    bare = replace(quoted, content=[ts("We will respond")])
    scores = score([gold[0], bare, gold[2]], gold)
    assert scores["claims_content_exact_f"] == 1.0


def test_a_shifted_boundary_fails_exact_but_passes_overlap() -> None:
    gold = gold_claims()
    longer = replace(gold[0], content=[widen(gold[0].content[0], left=len("that "))])
    scores = score([longer, gold[1], gold[2]], gold)
    assert scores["claims_content_exact_p"] == pytest.approx(2 / 3)
    assert scores["claims_content_overlap_f"] == 1.0
    assert scores["claims_attribution_f"] == 1.0


def test_overlap_matching_is_one_to_one() -> None:
    gold = [gold_claims()[0]]
    halves = [replace(gold[0], content=[ts("40 soldiers")]), replace(gold[0], content=[ts("were killed")])]
    scores = score(halves, gold)
    assert scores["claims_content_overlap_r"] == 1.0
    assert scores["claims_content_overlap_p"] == 0.5


def test_greedy_matching_prefers_the_largest_overlap() -> None:
    pred = [(0, 10)]
    gold = [(8, 20), (0, 9)]
    assert greedy_match(pred, gold, lambda i, j: min(pred[i][1], gold[j][1]) - max(pred[i][0], gold[j][0])) == [(0, 1)]


def test_content_pieces_are_a_set_for_exact_and_a_union_for_overlap() -> None:
    text = "\u201cWe are ready,\u201d he said, \u201cand we will win.\u201d"
    pieces = [ts("\u201cWe are ready,\u201d", text), ts("\u201cand we will win.\u201d", text)]
    gold = Claim("direct", ts("said", text), pieces, Speaker(ts("he", text), "he"))
    one_piece = replace(gold, content=[pieces[1]])
    example = Example(doc_with([one_piece], text=text), doc_with([gold], text=text))
    scores = score_claims([example])
    assert scores["claims_content_exact_f"] == 0.0
    assert scores["claims_content_overlap_f"] == 1.0
    reordered = replace(gold, content=list(reversed(pieces)))
    example = Example(doc_with([reordered], text=text), doc_with([gold], text=text))
    assert score_claims([example])["claims_content_exact_f"] == 1.0


def test_a_source_serving_several_claims_counts_once() -> None:
    text = "Officials said taxes would rise, adding that fees would fall."
    who = Speaker(ts("Officials", text), "Officials")
    gold = [Claim("indirect", ts("said", text), [ts("taxes would rise", text)], who),
            Claim("indirect", ts("adding", text), [ts("fees would fall", text)], who)]
    example = Example(doc_with(gold[:1], text=text), doc_with(gold, text=text))
    scores = score_claims([example])
    assert scores["claims_source_exact_r"] == 1.0
    assert scores["claims_cue_exact_r"] == 0.5


def test_reference_with_different_tokenisation_is_compared_by_characters() -> None:
    gold_doc = Doc(NLP.vocab, words=TEXT.split(" "))  # punctuation glued to words
    gold_doc._.claims = gold_claims()
    scores = score_claims([Example(doc_with(gold_claims()), gold_doc)])
    assert scores["claims_attribution_f"] == 1.0
    assert scores["claims_content_exact_f"] == 1.0


# --------------------------------------------------------------------------- attribution


def test_attribution_needs_content_cue_and_speaker_together() -> None:
    gold = gold_claims()
    wrong_speaker = replace(gold[0], speaker=speaker("the army"))
    wrong_cue = replace(gold[1], cue=ts("We will"))
    scores = score([wrong_speaker, wrong_cue, gold[2]], gold)
    assert scores["claims_content_overlap_f"] == 1.0
    assert scores["claims_attribution_p"] == pytest.approx(1 / 3)
    assert scores["claims_attribution_r"] == pytest.approx(1 / 3)


def test_a_missing_speaker_fails_attribution_and_an_unattributed_claim_needs_none() -> None:
    text = "It is believed that prices will rise."
    gold = Claim("indirect", ts("believed", text), [ts("prices will rise", text)], None)
    invented = replace(gold, speaker=Speaker(ts("It", text), "It"))
    ok = Example(doc_with([gold], text=text), doc_with([gold], text=text))
    bad = Example(doc_with([invented], text=text), doc_with([gold], text=text))
    assert score_claims([ok])["claims_attribution_f"] == 1.0
    assert score_claims([bad])["claims_attribution_f"] == 0.0
    unattributed = replace(gold_claims()[0], speaker=None)
    assert score([unattributed], gold_claims()[:1])["claims_attribution_f"] == 0.0


def test_attribution_per_kind_credits_only_matching_kinds() -> None:
    gold = gold_claims()
    relabelled = replace(gold[1], kind="indirect")
    scores = score([gold[0], relabelled, gold[2]], gold)
    per_kind = scores["claims_attribution_per_kind"]
    assert per_kind["according_to"]["f"] == 1.0
    assert per_kind["direct"]["r"] == 0.0
    assert scores["claims_kind_acc"] == pytest.approx(2 / 3)


def test_micro_average_sums_counts_over_documents() -> None:
    gold = gold_claims()
    perfect = Example(doc_with(gold), doc_with(gold))
    empty = Example(doc_with([]), doc_with(gold))
    scores = score_claims([perfect, empty])
    assert scores["claims_attribution_r"] == pytest.approx(3 / 6)
    assert scores["claims_attribution_p"] == 1.0


# --------------------------------------------------------------------------- speaker fields


def test_speaker_name_role_and_organisation_are_compared_after_normalising() -> None:
    gold = gold_claims()
    resolved = replace(gold[0], speaker=speaker("The minister", "jane  roe", type="person",
                                                role="Minister", organisation=ts("the army")))
    scores = score([resolved], gold[:1])
    assert scores["claims_speaker_name_acc"] == 1.0
    assert scores["claims_speaker_role_acc"] == 1.0
    assert scores["claims_speaker_org_acc"] == 1.0


def test_speaker_accuracies_count_only_claims_whose_gold_has_the_field() -> None:
    gold = gold_claims()
    unresolved = replace(gold[1], speaker=speaker("she", "she"))
    scores = score([gold[0], unresolved, gold[2]], gold)
    assert scores["claims_speaker_name_acc"] == pytest.approx(2 / 3)
    assert scores["claims_support"]["speaker_role"] == 1  # only the minister has a role
    assert scores["claims_speaker_type_acc"] == 1.0  # "unknown" types are not annotated, not counted
    assert scores["claims_support"]["speaker_type"] == 1


def test_a_wrong_role_and_a_missing_organisation_are_errors() -> None:
    gold = gold_claims()
    wrong = replace(gold[0], speaker=speaker("The minister", "Jane Roe", type="group", role="spokesman"))
    scores = score([wrong], gold[:1])
    assert scores["claims_speaker_role_acc"] == 0.0
    assert scores["claims_speaker_org_acc"] == 0.0
    assert scores["claims_speaker_type_acc"] == 0.0
    assert scores["claims_speaker_name_acc"] == 1.0


# --------------------------------------------------------------------------- quantities


def quantity(value: Optional[float], entity: Optional[str] = "soldiers", lemma: str = "soldier",
             event: Optional[str] = "killed", fragment: str = "40") -> Quantity:
    def anchor(text: Optional[str], lemma: str) -> Optional[Anchor]:
        if text is None:
            return None
        piece = ts(text)
        return Anchor(piece.text, piece.start, piece.end, lemma)

    piece = ts(fragment)
    return Quantity(piece.text, piece.start, piece.end, value=value,
                    entity=anchor(entity, lemma), event=anchor(event, "kill"))


def test_quantity_value_entity_and_event_accuracy_over_matched_quantities() -> None:
    gold_q = [quantity(40.0)]
    assert score([], [], pred_q=[quantity(40.0)], gold_q=gold_q)["claims_quantity_value_acc"] == 1.0
    wrong = score([], [], pred_q=[quantity(4.0, entity=None)], gold_q=gold_q)
    assert wrong["claims_quantity_value_acc"] == 0.0
    assert wrong["claims_quantity_entity_acc"] == 0.0
    assert wrong["claims_quantity_event_acc"] == 1.0
    assert wrong["claims_quantity_f"] == 1.0


def test_quantity_entity_is_matched_by_lemma_not_by_wording() -> None:
    other_wording = quantity(40.0, entity="minister", lemma="soldier")
    scores = score([], [], pred_q=[other_wording], gold_q=[quantity(40.0)])
    assert scores["claims_quantity_entity_acc"] == 1.0


def test_quantities_attached_to_claims_are_scored_too_and_missing_gold_fields_are_not_counted() -> None:
    gold = [replace(gold_claims()[0], quantities=[quantity(None, entity=None, event=None)])]
    pred = [replace(gold_claims()[0], quantities=[quantity(40.0)])]
    scores = score(pred, gold)
    assert scores["claims_quantity_f"] == 1.0
    assert scores["claims_quantity_value_acc"] is None
    assert scores["claims_support"]["quantity_value"] == 0


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "fragment, expected",
    [("  \u201cYes,\u201d ", "Yes"), ("(he said)", "he said"), ("--", ""), ("plain", "plain")],
)
def test_trim_strips_whitespace_and_punctuation_at_both_ends(fragment: str, expected: str) -> None:
    start, end = trim(fragment, 0, len(fragment))
    assert fragment[start:end] == expected
