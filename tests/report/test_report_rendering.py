"""`claimattr.render(doc, style="displacy")` and `claimattr render --style displacy`: the displaCy view.

The claims report (the default style) is tested in test_report_page.py."""
from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from typing import List, Tuple

import pytest
import spacy
from typer.testing import CliRunner

from claimattr.cli import commands as cli
from claimattr.report.rendering import HTML, render, render_page

from chromium_cdp import find_chromium
from conftest import needs_chromium
from report_helpers import hand_made_doc

TEXT = "Police spokesman John Smith of the City Police said that 12 people were hurt."


@pytest.fixture()
def doc():
    return hand_made_doc(TEXT, "that 12 people were hurt")


class Checker(HTMLParser):
    """Collects what the tests look for, and fails on mis-nested or unclosed elements."""

    VOID = {"meta", "br", "img", "link", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: List[str] = []
        self.errors: List[str] = []
        self.span_labels: List[str] = []
        self.cells: List[str] = []
        self.tables = 0
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, str]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)
        self.tables += tag == "table"
        self._in_cell = tag == "td" or self._in_cell and tag != "tr"
        if tag == "td":
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell and self.cells:
            self.cells[-1] += data
        if data.strip() in {"CUE", "CONTENT", "SPEAKER", "ORG", "QUANTITY"}:
            self.span_labels.append(data.strip())


def check(markup: str) -> Checker:
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


def test_render_shows_every_claim_part_as_a_span_and_lists_the_claim(doc):
    markup = render(doc, style="displacy")
    checker = check(markup)
    assert set(checker.span_labels) == {"CUE", "CONTENT", "SPEAKER", "ORG", "QUANTITY"}
    assert checker.tables == 1
    assert checker.cells == ["1", "indirect", "John Smith (spokesman, City Police, person)", "said", "that 12 people were hurt", "12"]


def test_render_leaves_the_doc_as_it_was(doc):
    before = set(doc.spans)
    render(doc)
    render(doc, style="displacy")
    assert set(doc.spans) == before


def test_render_returns_html_a_notebook_displays(doc):
    markup = render(doc)
    assert isinstance(markup, HTML) and isinstance(markup, str)
    assert markup._repr_html_() == str(markup)


def test_a_doc_without_claims_says_so():
    checker = check(render(spacy.blank("en")("Nothing to see."), style="displacy"))
    assert checker.cells == ["no claims found"]


def test_text_is_escaped(doc):
    tricky = spacy.blank("en")("<script>alert(1)</script> & more")
    assert "<script>alert" not in render(tricky, style="displacy")
    assert "<script>alert" not in render(tricky)


def test_render_command_writes_a_page_for_each_document(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(cli, "load_pipeline", lambda **settings: nlp)
    (tmp_path / "a.txt").write_text("The minister said that 12 schools would close.", encoding="utf8")
    (tmp_path / "b.txt").write_text("\u201cWe will rebuild,\u201d the mayor told reporters.", encoding="utf8")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli.app, ["render", str(tmp_path), "--style", "displacy", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf8")
    assert page.startswith("<!DOCTYPE html>")
    checker = check(page)
    assert checker.tables == 2
    assert {"CUE", "CONTENT", "SPEAKER"} <= set(checker.span_labels)
    assert "<h2>a</h2>" in page and "<h2>b</h2>" in page


@needs_chromium
def test_the_page_loads_in_headless_chromium(doc, tmp_path):
    page = tmp_path / "claims.html"
    page.write_text(render_page([("report", doc)], style="displacy"), encoding="utf8")
    result = subprocess.run(
        [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "claimattr-claims" in result.stdout and "John Smith" in result.stdout
