"""The last step of ``claim_detector``: cue and content extents tidied for every claim, whoever
found it (``detector/extents.py``).

Claims are written by hand (what a trained tagger may put on the Doc); the parse comes from the
rule pipeline's base. Every sentence was written for these tests.
"""
from __future__ import annotations

from typing import Optional

import pytest
from spacy.tokens import Doc

from claimattr.detector.extents import tidy_extents, with_linking_preposition, without_own_parts
from claimattr.schema import Claim, Speaker, TextSpan

TEXT = ("The union called for a four-day week. "
        "Residents complained about the noise from the new runway. "
        "The airline said on Friday that flights would resume. "
        "“We are ready,” the captain said.")


@pytest.fixture(scope="module")
def doc(nlp) -> Doc:
    return nlp(TEXT)


def span(fragment: str) -> TextSpan:
    start = TEXT.index(fragment)
    return TextSpan(fragment, start, start + len(fragment))


def claim(cue: str, *content: str, speaker: Optional[str] = None, kind: str = "indirect") -> Claim:
    who = Speaker(mention=span(speaker), name=speaker) if speaker else None
    return Claim(kind=kind, cue=span(cue), content=[span(c) for c in content], speaker=who)


def test_a_content_loses_the_cue_words_a_tagger_ran_it_over(doc):
    tagged = claim("called for", "for a four-day week", speaker="The union")
    assert without_own_parts(doc, tagged).content_text == "a four-day week"


def test_a_content_loses_its_source_at_the_edge(doc):
    tagged = claim("complained", "Residents complained about the noise", speaker="Residents")
    tidied = without_own_parts(doc, tagged)
    assert not tidied.content_text.startswith("Residents")


def test_a_quotation_mark_standing_for_the_cue_stays_in_its_quotation(doc):
    floating = claim("“", "“We are ready,”", kind="direct")
    assert without_own_parts(doc, floating) == floating


def test_the_preposition_linking_cue_and_content_joins_the_cue(doc):
    bare = claim("complained", "the noise from the new runway", speaker="Residents")
    assert with_linking_preposition(doc, bare).cue.text == "complained about"


def test_adjuncts_between_cue_and_content_stay_out_of_the_cue(doc):
    """"said on Friday that ...": "on" heads a time adjunct, not the content."""
    said = claim("said", "that flights would resume", speaker="The airline")
    assert with_linking_preposition(doc, said).cue.text == "said"


def test_tidy_extents_applies_both_rules_to_every_claim(doc):
    tagged = [claim("called for", "for a four-day week", speaker="The union"),
              claim("complained", "the noise from the new runway", speaker="Residents")]
    assert [(c.cue.text, c.content_text) for c in tidy_extents(doc, tagged)] == [
        ("called for", "a four-day week"), ("complained about", "the noise from the new runway")]


def test_the_detector_returns_tidied_claims(nlp):
    claims = nlp("Residents complained about the noise from the new runway.")._.claims
    assert [(c.cue.text, c.content_text) for c in claims] == [("complained about", "the noise from the new runway")]
