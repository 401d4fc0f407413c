"""How ``claim_detector`` with ``existing_claims="combine"`` merges a model's claims with its own."""
from __future__ import annotations

from claimattr.detector.combination import combine_claims
from claimattr.schema import Claim, Speaker, TextSpan

TEXT = "Officials said the port was shut on Monday, adding that ships were waiting. Trade fell."


def span(fragment: str) -> TextSpan:
    start = TEXT.index(fragment)
    return TextSpan(fragment, start, start + len(fragment))


def claim(cue: str, *content: str, speaker: str = None) -> Claim:
    who = Speaker(mention=span(speaker), name=speaker) if speaker else None
    return Claim(kind="indirect", cue=span(cue), content=[span(c) for c in content], speaker=who)


def test_on_a_shared_cue_the_model_keeps_cue_and_speaker_and_the_rules_give_the_content():
    model = [claim("said", "the port was shut on Monday, adding that ships were waiting. Trade fell", speaker="Officials")]
    rules = [claim("said", "the port was shut on Monday")]
    (combined,) = combine_claims(model, rules)
    assert combined.content_text == "the port was shut on Monday"
    assert combined.speaker.mention.text == "Officials" and combined.cue.text == "said"


def test_a_rule_claim_the_model_missed_is_added_and_the_order_follows_the_text():
    model = [claim("said", "the port was shut on Monday", speaker="Officials")]
    rules = [claim("adding", "that ships were waiting")]
    assert [c.cue.text for c in combine_claims(model, rules)] == ["said", "adding"]


def test_a_rule_claim_inside_a_model_content_with_another_cue_is_dropped():
    model = [claim("said", "the port was shut on Monday, adding that ships were waiting", speaker="Officials")]
    rules = [claim("adding", "that ships were waiting")]
    assert [c.cue.text for c in combine_claims(model, rules)] == ["said"]


def test_model_claims_the_rules_did_not_find_are_kept():
    model = [claim("said", "the port was shut on Monday", speaker="Officials")]
    assert combine_claims(model, []) == model
