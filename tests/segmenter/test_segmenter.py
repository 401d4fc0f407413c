"""Specification of ``report_segmenter``: furniture lines and headlines are found before the parser,
and report furniture never yields claims downstream.

Every line here was written for these tests (none comes from the seed report or PolNeAR).
"""
from __future__ import annotations

import pytest
import spacy

from claimattr.segmenter.segmenter_component import FURNITURE_SPANS, HEADLINE_SPANS


@pytest.fixture(scope="module")
def segment():
    nlp = spacy.blank("en")
    nlp.add_pipe("report_segmenter")
    return nlp


def _overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


# --------------------------------------------------------------------------------------------
# Report furniture is found, and never yields claims, even when a teaser contains "says".
FURNITURE_LINES = [
    "By Daniel Moreau",
    "Reporting by Anna Weiss; Editing by Tom Hale",
    "Updated: 14 March 2024 09:30 GMT",
    "Tue, 5 Mar 2024 10:15 AM (IST)",
    "Source: AFP",
    "Photo: Reuters",
    "ALSO READ: Minister Says Fuel Prices Will Fall Next Month",
    "Read more: Police say the suspect acted alone",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_yield_no_claims(extract, line):
    text = f"The port authority said on Thursday that cargo traffic had doubled.\n{line}\n" \
           "Dockworkers said the new cranes had cut waiting times."
    claims = extract(text)
    start = text.index(line)
    furniture = {"start": start, "end": start + len(line)}
    for claim in claims:
        spans = [claim["cue"], *claim["content"]] + ([claim["speaker"]] if claim["speaker"] else [])
        assert not any(_overlaps(span, furniture) for span in spans), claims.describe()
    claims.find(cue="said", content="cargo traffic had doubled")
    claims.find(cue="said", content="the new cranes had cut waiting times")


def test_report_header_yields_no_claims(extract):
    text = ("By Daniel Moreau\nUpdated: 14 March 2024 09:30 GMT\nSource: AFP\n"
            "The port authority said on Thursday that cargo traffic had doubled.")
    claims = extract(text)
    assert len(claims) == 1, claims.describe()
    assert claims[0]["cue"]["start"] > text.index("Source: AFP")



@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_are_marked(segment, line):
    doc = segment(f"The port authority said cargo traffic had doubled.\n{line}\nDockworkers were pleased.")
    assert [span.text for span in doc.spans[FURNITURE_SPANS]] == [line]


def test_a_dateline_is_furniture_and_the_text_after_it_starts_a_sentence(segment):
    doc = segment("KATHMANDU, Nepal — The government said on Tuesday that the border would reopen.")
    (dateline,) = doc.spans[FURNITURE_SPANS]
    assert dateline.label_ == "DATELINE" and dateline.text == "KATHMANDU, Nepal —"
    assert doc[dateline.end].text == "The" and doc[dateline.end].is_sent_start


def test_a_line_never_opens_with_a_one_word_sentence(segment):
    doc = segment("Castell wants out, agent says\nBy Marcus Rey\nNorbury Athletic striker Jonny Castell wants to leave.")
    opening = next(t for t in doc if t.text == "Norbury")
    assert opening.is_sent_start and doc[opening.i + 1].is_sent_start is False


def test_a_speaker_label_may_stand_alone_before_the_sentence(segment):
    doc = segment("INTERVIEWER So what happened next\nSMITH We ran, she said.")
    label = next(t for t in doc if t.text == "SMITH")
    assert doc[label.i + 1].is_sent_start is not False


def test_the_claim_after_a_byline_keeps_its_first_word(extract):
    claims = extract("Castell wants out of Norbury, agent says\nBy Marcus Rey\n"
                     "Norbury Athletic striker Jonny Castell wants to leave the club, his agent said on Wednesday.\n")
    assert claims.find(cue="said")["content"][0]["text"].startswith("Norbury Athletic striker"), claims.describe()


@pytest.mark.parametrize("text,headline", [
    ("Minister Says Fuel Prices Will Fall\nThe minister said prices would fall next month.",
     "Minister Says Fuel Prices Will Fall"),
    ("Flood warning for the valley\nHeavy rain fell overnight.\nDams Near Capacity After Storm\nEngineers said the dam held.",
     "Dams Near Capacity After Storm"),
])
def test_headlines_are_marked_and_kept_whole(segment, text, headline):
    doc = segment(text)
    headlines = [span.text for span in doc.spans[HEADLINE_SPANS]]
    assert headline in headlines
    span = next(span for span in doc.spans[HEADLINE_SPANS] if span.text == headline)
    assert span[0].is_sent_start and not any(token.is_sent_start for token in span[1:])


def test_a_sentence_is_not_a_headline(segment):
    doc = segment("Intro line\nThe minister said on Monday that prices would fall next month.")
    assert [span.text for span in doc.spans[HEADLINE_SPANS]] == ["Intro line"]
