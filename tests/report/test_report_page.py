"""The claims report's page, read as HTML (no browser): text as written, marks, legend, table, summary."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple

import pytest
import spacy
from typer.testing import CliRunner

from claimattr.cli import commands as cli
from claimattr.report.rendering import HTML, render, render_page
from claimattr.report.page import Colours, document_title, document_view, shorten

from report_helpers import hand_made_doc

TEXT = "City Police report\n\nPolice spokesman John Smith of the City Police said that  12 people were hurt.\nNo one else spoke."


@pytest.fixture()
def doc():
    return hand_made_doc(TEXT, "that  12 people were hurt")


class Page(HTMLParser):
    """Paragraph texts, mark classes, legend names and table rows of a report page."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: List[str] = []
        self.marks: List[Tuple[str, str]] = []
        self.legend: List[str] = []
        self.rows: List[Dict[str, str]] = []
        self.stack: List[Tuple[str, Dict[str, Optional[str]]]] = []
        self.errors: List[str] = []
        self.feed(markup)
        self.close()

    VOID = {"meta", "br", "img", "link", "hr", "input", "col"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and "data-claim" in attributes:
            self.rows.append(attributes)
        if tag not in self.VOID:
            self.stack.append((tag, attributes))
        if tag == "p" and "ca-p" in (attributes.get("class") or ""):
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data):
        classes = [a.get("class") or "" for _, a in self.stack]
        if any("ca-p" in c.split() for c in classes):
            self.paragraphs[-1] += data
            for c in classes:
                if "ca-m" in c.split():
                    self.marks.append((c, data))
        if any("ca-speaker-name" in c.split() for c in classes):
            self.legend.append(data.strip())


def test_the_text_is_written_as_is_in_one_block_per_paragraph(doc):
    page = Page(render_page([("police", doc)]))
    assert not page.errors and not page.stack
    assert page.paragraphs == [line for line in TEXT.split("\n") if line.strip()]


def test_the_seed_report_keeps_its_spacing_and_punctuation(seed_doc):
    page = Page(render_page([("example_report", seed_doc)]))
    text = "\n".join(page.paragraphs)
    assert "Pakistan-Afghanistan" in text and "Taliban’s" in text and "(IST)" in text
    assert page.paragraphs == [line for line in seed_doc.text.split("\n") if line.strip()]


def test_cue_content_and_source_are_marked_in_the_speakers_colour(doc):
    page = Page(render_page([("police", doc)]))
    parts = {text: classes for classes, text in page.marks}
    assert "ca-cue" in parts["said"]
    assert "ca-source" in parts["John Smith"]
    assert any("ca-content" in classes and "people were hurt" in text for classes, text in page.marks)
    markup = render_page([("police", doc)])
    assert 'data-q="12' in markup, "the quantity carries its normalised value"


def test_the_legend_gives_name_type_role_organisation_and_claims(doc):
    view = document_view(doc, doc_id="police")
    (speaker,) = view.speakers
    assert (speaker.name, speaker.type, speaker.role, speaker.organisation, speaker.claims) == (
        "John Smith", "person", "spokesman", "City Police", 1)
    page = Page(render_page([("police", doc)]))
    assert page.legend == ["John Smith"]


def test_every_speaker_of_the_seed_report_is_in_the_legend(seed_doc):
    page = Page(render_page([("example_report", seed_doc)]))
    view = document_view(seed_doc)
    assert sorted(page.legend) == sorted(s.name for s in view.speakers)
    assert sum(s.claims for s in view.speakers) == len(seed_doc._.claims) == len(page.rows)
    assert "Enayatullah Khowarazmi" in page.legend and "Pakistani security officials" in page.legend


def test_one_colour_per_speaker_across_documents():
    colours = Colours()
    assert colours("jane roe") == colours("jane roe") != colours("acme")
    assert len({colours(str(n))[0] for n in range(40)}) == 40


def test_title_is_the_headline_or_first_line_not_the_id(seed_doc):
    assert document_title(spacy.blank("en")("\n\nFirst line here\nsecond")) == "First line here"
    title = document_title(seed_doc)
    assert title.startswith("Inense fighting broke out") and len(title) <= 100
    assert f"<title>{title}</title>" in render_page([("example_report", seed_doc)])
    assert shorten("word " * 40).endswith("…")


def test_the_claims_table_and_the_summary(seed_doc):
    markup = render_page([("example_report", seed_doc)])
    page = Page(markup)
    assert [row["data-claim"] for row in page.rows] == [str(n) for n in range(1, len(seed_doc._.claims) + 1)]
    assert {row["data-kind"] for row in page.rows} == {c.kind for c in seed_doc._.claims}
    assert "Who claimed what number" in markup
    assert re.search(r"58 soldier killed", unescape(markup)), "the summary lists the figures per speaker"


def test_several_documents_make_one_page_with_a_document_list(doc, seed_doc):
    markup = render_page([("police", doc), ("example_report", seed_doc)])
    assert markup.count('class="ca-doc"') == 2
    assert '<nav class="ca-toc"' in markup and 'href="#d1"' in markup and 'href="#d2"' in markup
    assert 'id="d2-c1"' in markup, "ids are unique per document"


def test_the_page_is_self_contained(seed_doc):
    markup = render_page([("example_report", seed_doc)])
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", markup)
    assert "<style>" in markup and "<script>" in markup and "@media print" in markup


def test_text_is_escaped():
    markup = render(spacy.blank("en")("<script>alert(1)</script> & more"))
    assert "<script>alert(1)" not in markup and "&lt;script&gt;" in markup


def test_render_returns_a_fragment_a_notebook_displays(doc):
    markup = render(doc)
    assert isinstance(markup, HTML) and markup._repr_html_() == str(markup)
    assert markup.startswith('<div class="claimattr') and "claimattrInit" in markup
    assert "<h2 class=\"ca-title\">City Police report</h2>" in markup
    assert render(doc, style="displacy").count("<table") == 1
    with pytest.raises(ValueError):
        render(doc, style="nope")


def test_a_doc_without_claims_says_so():
    markup = render(spacy.blank("en")("Nothing to see."))
    assert "no claims found" in markup and "No speakers" in markup


def test_render_command_writes_one_page_for_a_folder(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(cli, "load_pipeline", lambda **settings: nlp)
    (tmp_path / "a.txt").write_text("Schools to close\nThe minister said that 12 schools would close.", encoding="utf8")
    (tmp_path / "b.txt").write_text("\u201cWe will rebuild,\u201d the mayor told reporters.", encoding="utf8")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli.app, ["render", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    markup = out.read_text(encoding="utf8")
    assert markup.startswith("<!DOCTYPE html>") and markup.count('class="ca-doc"') == 2
    assert "<title>Claims in 2 documents</title>" in markup and "Schools to close" in markup
    displacy = tmp_path / "displacy.html"
    result = CliRunner().invoke(cli.app, ["render", str(tmp_path / "a.txt"), "--style", "displacy", "-o", str(displacy)])
    assert result.exit_code == 0, result.output
    markup = displacy.read_text(encoding="utf8")
    assert 'class="claimattr-doc"' in markup and 'class="ca-doc"' not in markup
