"""Entity and event anchoring: what is counted and what happened to it."""
from __future__ import annotations

import pytest
from quantity_helpers import only, quantities

import claimattr


def test_seed_report_quantities_have_entity_and_event(nlp):
    report = claimattr.example_report()
    found = {q["text"]: q for q in quantities(nlp, report)}
    expected = {"58": ("soldier", "kill"), "25": ("post", "capture"), "30": ("soldier", "wound")}
    for text, (entity, event) in expected.items():
        assert found[text]["entity"]["lemma"] == entity
        assert found[text]["event"]["lemma"] == event
    assert found["30"]["entity"]["text"] == "additional Pakistani soldiers"
    assert not any(q in found for q in ("2021", "12", "01:06", "Oct"))


@pytest.mark.parametrize("text, mention, event", [
    ("Eleven miners were trapped underground, rescuers said.", "Eleven", "trap"),
    ("Twelve people are missing, police said.", "Twelve", "miss"),
    ("The death toll has climbed to 85, the ministry said.", "85", "kill"),
    ("Officials put the toll at 33.", "33", "kill"),
    ("Floods Kill at Least 30, Displace Thousands in River Delta", "at Least 30", "kill"),
    ("About 70 per cent of households had been reconnected by Monday.", "About 70 per cent", "reconnect"),
    ("More than 60 witnesses testified at the trial.", "More than 60", "testify"),
])
def test_events_skip_reporting_verbs_and_follow_tolls_and_headlines(nlp, text, mention, event):
    found = {q["text"]: q for q in quantities(nlp, text)}
    assert found[mention]["event"]["lemma"] == event


def test_reporting_verb_alone_gives_no_event(nlp):
    """docs/quantities.md: counted reporters who report a clause ("12 survivors said they ...") have no event."""
    quantity = only(nlp, "Forty witnesses said the police had fired first.")
    assert quantity["event"] is None
    assert quantity["entity"]["lemma"] == "witness"


def test_the_entity_of_a_vague_plural_or_percentage_is_its_of_object(nlp):
    assert only(nlp, "Around 40 per cent of adults have received a booster dose.")["entity"]["lemma"] == "adult"
    assert only(nlp, "Dozens of protesters were arrested.")["entity"]["lemma"] == "protester"


def test_money_has_no_counted_entity_but_a_unit_adjective_describes_the_next_noun(nlp):
    assert only(nlp, "The government pledged $2bn in aid.")["entity"] is None
    assert only(nlp, "Drivers began a 24-hour strike.")["entity"]["lemma"] == "strike"
