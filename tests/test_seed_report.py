"""The seed report (``claimattr.example_report()``): the claims a careful reader finds.

Each expectation names a cue and a fragment of content and what must be known about the
speaker; checks are by containment so that any reasonable boundary convention passes. The
rules behind them are general (see detector/test_detector.py / linker/test_linker.py for the same patterns
on other text); nothing here should need report-specific code.
"""
from __future__ import annotations

import pytest

import claimattr

REPORT = claimattr.example_report()


@pytest.fixture(scope="module")
def claims(extract):
    return extract(REPORT)


def _speaker(claims, cue, content):
    claim = claims.find(cue=cue, content=content)
    assert claim["speaker"] is not None, f"no speaker for {cue!r} / {content!r}\n{claims.describe()}"
    return claim["speaker"]


# (cue fragment, content fragment, speaker mention fragment, canonical name fragment or None, type or None)
EXPECTED = [
    ("announced", "killed 58 Pakistani soldiers", "Afghanistan", "Afghanistan", "government"),
    ("announced", "captured 25 army posts", "Afghanistan", "Afghanistan", "government"),
    ("said", "the action was a response to repeated violations", "Taliban government", None, "government"),
    ("accused", "carrying out airstrikes in Kabul", "Afghan authorities", None, None),
    ("confirmed", "30 additional Pakistani soldiers were wounded", "Zabihullah Mujahid", "Zabihullah Mujahid",
     "person"),
    ("describing", "a defence of Afghanistan’s sovereignty", None, "Zabihullah Mujahid", "person"),
    ("said", "Taliban troops conducted", "Enayatullah Khowarazmi", "Enayatullah Khowarazmi", "person"),
    ("warned", "If the opposing side again violates", "Khowarazmi", "Enayatullah Khowarazmi", "person"),
    ("adding", "the fighting had ended by midnight", None, "Enayatullah Khowarazmi", "person"),
    ("confirmed", "clashes took place at several points along the Durand Line", "security officials", None, "group"),
    ("rejected", "seizing outposts", "security officials", None, "group"),
    ("accused", "initiating", "Islamabad", "Islamabad", "government"),
    ("insisting", "Pakistani troops were responding", None, "Islamabad", "government"),
    ("said", "Pakistani forces used artillery and air support", "sources", None, "anonymous"),
    ("described", "serious provocation", "Pakistani military", None, None),
    ("blamed", "Pakistan", "Taliban government", None, "government"),
    ("accused", "harbouring Tehreek-e-Taliban Pakistan", "it", "Islamabad", "government"),
    ("expressed", "concern", "Qatar", "Qatar", None),
    ("urging", "exercise restraint", None, "Qatar", None),
    ("emphasised", "escalation would only endanger regional stability", "Qatari foreign ministry", None, None),
]


@pytest.mark.parametrize("cue,content,mention,name,kind", EXPECTED,
                         ids=[f"{cue}:{content[:25]}" for cue, content, *_ in EXPECTED])
def test_seed_claims_and_speakers(claims, cue, content, mention, name, kind):
    speaker = _speaker(claims, cue, content)
    if mention is not None:
        assert mention.lower() in speaker["text"].lower(), claims.describe()
    if name is not None:
        assert name in speaker["name"], claims.describe()
    if kind is not None:
        assert speaker["type"] == kind, claims.describe()


def test_taliban_spokesman_role_and_organisation(claims):
    speaker = _speaker(claims, "confirmed", "30 additional Pakistani soldiers")
    assert speaker["role"] == "spokesman"
    assert speaker["organisation"] is not None and speaker["organisation"]["text"] == "Taliban"


def test_defence_ministry_spokesperson_role_and_organisation(claims):
    speaker = _speaker(claims, "said", "Taliban troops conducted")
    assert speaker["role"] == "spokesperson"
    assert speaker["organisation"] is not None
    assert "Ministry of Defence" in speaker["organisation"]["text"]
    assert "Afghanistan" in speaker["organisation"]["text"]


def test_khowarazmi_is_a_person_not_a_place(claims):
    """en_core_web_sm tags "Khowarazmi" as GPE here; the linker must not trust it."""
    speaker = _speaker(claims, "warned", "If the opposing side")
    assert speaker["type"] == "person"
    assert speaker["role"] == "spokesperson"


def test_security_sources_cited_by_reuters(claims):
    speaker = _speaker(claims, "said", "Pakistani forces used artillery")
    assert speaker["intermediary"] is not None and speaker["intermediary"]["text"] == "Reuters"
    assert "Reuters" not in speaker["text"]


def test_pronoun_it_resolves_to_islamabad(claims):
    speaker = _speaker(claims, "accused", "harbouring")
    assert speaker["text"] == "it"
    assert speaker["name"] == "Islamabad"


@pytest.mark.parametrize("cue,content,kind", [
    ("warned", "If the opposing side", "direct"),
    ("said", "“retaliatory operations”", "mixed"),
    ("urging", "“exercise restraint", "mixed"),
    ("described", "“serious provocation”", "mixed"),
    ("announced", "killed 58 Pakistani soldiers", "indirect"),
    ("emphasised", "escalation would only endanger", "indirect"),
])
def test_seed_claim_kinds(claims, cue, content, kind):
    assert claims.find(cue=cue, content=content)["kind"] == kind, claims.describe()


def test_split_quote_with_participial_continuation(claims):
    """“...,” Khowarazmi warned, adding that ...: the quote and the added clause are two claims."""
    quote = claims.find(cue="warned", content="If the opposing side")
    added = claims.find(cue="adding", content="the fighting had ended")
    assert quote is not added
    assert claims.content_of(quote).startswith("“If the opposing side")
    assert "fighting had ended" not in claims.content_of(quote)


def test_headline_is_a_claim(claims):
    claim = claims.find(cue="Vows", content="Full Force")
    assert claim["kind"] == "headline"
    assert claim["speaker"] is not None and claim["speaker"]["text"] == "Pakistan"


@pytest.mark.parametrize("line_start", ["- By Shivangi Sharma", "- Sun, 12 Oct 2025", "- Source:JND", "ALSO READ:"])
def test_furniture_lines_yield_no_claims(claims, line_start):
    start = REPORT.index(line_start)
    end = REPORT.index("\n", start)
    for claim in claims:
        for span in [claim["cue"], *claim["content"], *([claim["speaker"]] if claim["speaker"] else [])]:
            assert span["end"] <= start or span["start"] >= end, claims.describe()


def test_statement_without_content_is_not_a_claim(claims):
    """"has yet to issue an official statement" reports no content."""
    assert not [c for c in claims if c["cue"]["text"].lower() in ("statement", "issue")], claims.describe()


def test_all_spans_are_offsets_into_the_report(claims):
    for claim in claims:
        for span in [claim["cue"], *claim["content"]]:
            assert REPORT[span["start"]:span["end"]] == span["text"]
