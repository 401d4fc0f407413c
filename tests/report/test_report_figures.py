"""Figures in dispute in the claims report, read as HTML (no browser): a panel beside the text
lists each disputed figure with every speaker's value linked to the quantity and its claim, and
the quantities of disputed figures are marked in the text."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple

import pytest
import spacy

from claimattr import Claim, Quantity, Speaker, TextSpan
from claimattr.report.page import document_view, range_text
from claimattr.report.rendering import render_page

TEXT = ("Kestrel's defence ministry said its forces had killed 58 Dovanian soldiers.\n"
        "Dovany's army said 23 Dovanian soldiers had died and two vehicles were lost.")


def span(fragment: str, occurrence: int = 1) -> TextSpan:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(fragment, start + 1)
    return TextSpan(fragment, start, start + len(fragment))


def member(claim: Optional[int], text: str, speaker: str, interval: Dict, superseded: bool = False) -> Dict:
    where = span(text)
    return {"claim": claim, "speaker": speaker, "speaker_name": speaker, "text": text, "start": where.start,
            "end": where.end, "value": interval["low"], "interval": interval, "superseded": superseded}


def exact(value: float) -> Dict:
    return {"low": value, "high": value, "low_open": False, "high_open": False}


def figure(id_: str, members: List[Dict], conflicts: List[List[int]]) -> Dict:
    return {"id": id_, "frame": id_.split("-")[0], "entity": id_.split("-")[1], "scope": "dovan" if "dovan" in id_ else None,
            "members": members, "disputed": bool(conflicts), "conflicts": conflicts,
            "agreement": "disputed" if conflicts else "single source"}


@pytest.fixture()
def doc():
    """Two claims (Kestrel, Dovany) and a reporter's figure, grouped as ``figure_grouper`` would."""
    doc = spacy.blank("en")(TEXT)
    fifty_eight, twenty_three, two = span("58"), span("23"), span("two")
    doc._.claims = [
        Claim(kind="indirect", cue=span("said"), content=[span("its forces had killed 58 Dovanian soldiers")],
              speaker=Speaker(span("Kestrel's defence ministry"), "Kestrel's defence ministry", "government"),
              quantities=[Quantity("58", fifty_eight.start, fifty_eight.end, value=58.0)]),
        Claim(kind="indirect", cue=span("said", 2), content=[span("23 Dovanian soldiers had died")],
              speaker=Speaker(span("Dovany's army"), "Dovany's army", "government"),
              quantities=[Quantity("23", twenty_three.start, twenty_three.end, value=23.0)]),
    ]
    doc._.quantities = [Quantity("two", two.start, two.end, value=2.0)]
    doc._.figures = [
        figure("deaths-soldier-dovan", [member(0, "58", "kestrel", exact(58.0)), member(1, "23", "dovany", exact(23.0))], [[0, 1]]),
        figure("damaged-vehicle", [member(None, "two", "reporter", exact(2.0))], []),
    ]
    return doc


class Panel(HTMLParser):
    """The figures panel (titles, values with their links) and the ids and disputed marks of the text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set = set()
        self.figures: List[Dict] = []
        self.links: List[Tuple[str, str, Optional[str]]] = []  # (class, href, data-claim)
        self.disputed_marks: List[Tuple[str, str]] = []  # (data-figure, text)
        self.paragraphs: List[str] = []
        self.stack: List[Dict] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if "ca-figure" in classes:
            self.figures.append({"id": attributes["data-figure"], "title": "", "who": []})
        if tag == "a" and self.figures and ("ca-figure-value" in classes or "ca-figure-claim" in classes):
            self.links.append((classes[0], attributes["href"], attributes.get("data-claim")))
        if tag == "p" and "ca-p" in classes:
            self.paragraphs.append("")
        if tag not in ("meta", "br", "img", "link", "hr", "input", "col"):
            self.stack.append({"tag": tag, **attributes, "classes": classes})

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1]["tag"] == tag:
            self.stack.pop()

    def handle_data(self, data):
        classes = [c for frame in self.stack for c in frame["classes"]]
        if "ca-figure-what" in classes:
            self.figures[-1]["title"] += data
        if "ca-figure-who" in classes:
            self.figures[-1]["who"].append(data)
        if "ca-p" in classes:
            self.paragraphs[-1] += data
            marked = next((f for f in self.stack if "ca-q-disputed" in f["classes"]), None)
            if marked is not None:
                self.disputed_marks.append((marked["data-figure"], data))


def test_the_panel_lists_each_disputed_figure_with_every_speakers_value(doc):
    panel = Panel(render_page([("report", doc)]))
    assert [f["id"] for f in panel.figures] == ["deaths-soldier-dovan"], "only disputed figures are listed"
    (listed,) = panel.figures
    assert listed["title"] == "deaths: soldier"
    assert listed["who"] == ["Kestrel's defence ministry", "Dovany's army"], "speakers named as in the legend"


def test_each_value_links_to_its_quantity_and_its_claim_in_the_text(doc):
    panel = Panel(render_page([("report", doc)]))
    values = [(href, claim) for kind, href, claim in panel.links if kind == "ca-figure-value"]
    claims = [(href, claim) for kind, href, claim in panel.links if kind == "ca-figure-claim"]
    assert values == [(f"#d1-q{span('58').start}", "1"), (f"#d1-q{span('23').start}", "2")]
    assert claims == [("#d1-c1", "1"), ("#d1-c2", "2")]
    for _, href, _ in panel.links:
        assert href[1:] in panel.ids, f"{href} points at an element of the page"


def test_the_quantities_of_a_disputed_figure_are_marked_in_the_text_which_stays_as_written(doc):
    panel = Panel(render_page([("report", doc)]))
    assert panel.disputed_marks == [("1", "58"), ("1", "23")], "marked with their figure's number; the reporter's 'two' is not"
    assert panel.paragraphs == TEXT.split("\n")


def test_agreed_figures_are_counted_not_listed(doc):
    markup = unescape(render_page([("report", doc)]))
    assert "Figures in dispute" in markup and "1 other figure: agreed or from one source." in markup
    doc._.figures = [f for f in doc._.figures if not f["disputed"]]
    markup = unescape(render_page([("report", doc)]))
    assert "None of the 1 figure is disputed." in markup and 'class="ca-figure"' not in markup


def test_a_doc_without_figures_has_no_panel():
    doc = spacy.blank("en")("Nothing counted here.")
    assert 'class="ca-disputes"' not in render_page([("plain", doc)])
    assert document_view(doc).disputes == []


def test_a_superseded_value_is_shown_struck_through_not_as_a_conflict(doc):
    members = doc._.figures[0]["members"] + [member(1, "two", "dovany", exact(2.0), superseded=True)]
    doc._.figures = [{**doc._.figures[0], "members": members}]
    markup = render_page([("report", doc)])
    assert re.search(r'class="ca-figure-value is-superseded"[^>]*>two<', markup)


@pytest.mark.parametrize("interval, text", [
    (exact(58.0), "58"),
    ({"low": 24.0, "high": 119.0, "low_open": False, "high_open": False}, "24–119"),
    ({"low": 3000.0, "high": None, "low_open": True, "high_open": False}, "> 3,000"),
    ({"low": 10.0, "high": None, "low_open": False, "high_open": False}, "≥ 10"),
    ({"low": 0.0, "high": 12000.0, "low_open": False, "high_open": True}, "< 12,000"),
    ({"low": 85.0, "high": 115.0, "low_open": False, "high_open": False}, "85–115"),
    (None, ""),
])
def test_each_value_is_shown_with_the_range_the_dispute_check_compares(interval, text):
    assert range_text(interval) == text


def test_the_pipelines_disputed_figure_is_in_the_report(nlp):
    doc = nlp("Kestrel's defence ministry said its forces had killed 58 Dovanian soldiers. "
              "Dovany's army said 23 Dovanian soldiers had died in the fighting.")
    (disputed,) = document_view(doc).disputes
    assert (disputed.frame, disputed.entity) == ("deaths", "soldier")
    assert sorted(v.text for s in disputed.speakers for v in s.values) == ["23", "58"]


def test_the_seed_report_has_figures_and_none_in_dispute(seed_doc):
    markup = unescape(render_page([("example_report", seed_doc)]))
    assert "Figures in dispute" in markup and "is disputed." in markup and 'class="ca-figure"' not in markup
