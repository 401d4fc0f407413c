"""``claimattr.speaker_scorer.v1``: found share and name / type / role / organisation accuracy per kind."""
from __future__ import annotations

import spacy
from spacy.training import Example

from claimattr.schema import Claim, Speaker, TextSpan
from claimattr.scoring.speakers import (
    SPEAKER_GOLD_KEY, GoldMention, SpeakerTally, mention_kind, normalise_name, same_optional,
)


def speaker(start, end, name, kind="person", role=None, org=None):
    return Speaker(TextSpan("x", start, end), name, kind, role, TextSpan(org, 0, 1) if org else None)


def test_names_match_after_case_punctuation_article_and_possessive_normalisation():
    assert normalise_name("The Roe Campaign's") == normalise_name("Roe campaign") == "roe campaign"
    assert normalise_name("Jean-Luc  Picard.") == "jean luc picard"
    assert normalise_name("Ang & Co") == "ang and co"
    assert same_optional(None, None) and not same_optional("senator", None) and same_optional("Senator", "senator")


def test_mention_kinds():
    assert [mention_kind(t) for t in ("she", "the spokesman", "Sen. Roe", "Roe")] == ["pronoun", "description", "name", "name"]


def test_tally_counts_found_and_fields_per_kind():
    gold = [
        GoldMention(0, 4, "name", "Jane Roe", "person", "senator", "Republican Party"),
        GoldMention(10, 12, "pronoun", "Jane Roe", "person", "senator", "Republican Party"),
        GoldMention(20, 30, "description", "Roe campaign", "organisation"),
        GoldMention(40, 45, "description", "aides", "group"),
    ]
    predicted = [
        speaker(0, 8, "Jane Roe", role="senator", org="Republican Party"),
        speaker(10, 12, "John Doe", role="senator"),
        speaker(18, 25, "the Roe campaign's", kind="organisation"),
    ]
    tally = SpeakerTally()
    tally.add_doc(gold, predicted)
    scores = tally.scores()
    assert scores["speakers_all_found"] == 0.75
    assert scores["speakers_all_name_acc"] == 2 / 3
    assert scores["speakers_pronoun_name_acc"] == 0.0 and scores["speakers_pronoun_org_acc"] == 0.0
    assert scores["speakers_name_role_acc"] == 1.0
    assert scores["speakers_description_role_acc"] is None  # organisations have no role to score
    assert scores["speakers_description_found"] == 0.5


def test_registered_scorer_reads_gold_from_user_data_or_claims():
    scorer = spacy.registry.scorers.get("claimattr.speaker_scorer.v1")()
    nlp = spacy.blank("en")
    predicted = nlp("Roe said it .")
    reference = nlp("Roe said it .")
    predicted._.claims = [Claim("indirect", TextSpan("said", 4, 8), [TextSpan("it", 9, 11)], speaker(0, 3, "Jane Roe"))]
    reference.user_data[SPEAKER_GOLD_KEY] = [GoldMention(0, 3, "name", "Jane Roe", "person").to_dict()]
    scores = scorer([Example(predicted, reference)])
    assert scores["speakers_name_found"] == 1.0 and scores["speakers_name_name_acc"] == 1.0
    del reference.user_data[SPEAKER_GOLD_KEY]
    reference._.claims = [Claim("indirect", TextSpan("said", 4, 8), [TextSpan("it", 9, 11)], speaker(0, 3, "Jane Roe"))]
    assert scorer([Example(predicted, reference)])["speakers_all_type_acc"] == 1.0
