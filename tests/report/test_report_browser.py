"""The report and the app in a real browser: headless Chromium driven over the DevTools pipe.

Skipped when Chromium is missing (Debian: ``apt-get install chromium``). Set
``CLAIMATTR_SCREENSHOT=docs/img/render.png`` to refresh the screenshot in docs/render.md.
"""
from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import needs_chromium

pytestmark = needs_chromium

VISIBLE_TEXT = "Array.from(document.querySelectorAll('.ca-text .ca-p')).map(p => p.innerText)"


@pytest.fixture()
def report(browser, seed_page):
    browser.set_width(1280, 900)
    browser.open(seed_page.as_uri())
    return browser


def test_paragraphs_are_separate_blocks_with_the_text_as_written(report, seed_doc):
    paragraphs = report.js(VISIBLE_TEXT)
    assert paragraphs == [line for line in seed_doc.text.split("\n") if line.strip()]
    tops = report.js("Array.from(document.querySelectorAll('.ca-text .ca-p')).map(p => [getComputedStyle(p).display, p.getBoundingClientRect().top])")
    assert all(display == "block" for display, _ in tops)
    assert [top for _, top in tops] == sorted(top for _, top in tops) and len({top for _, top in tops}) == len(tops)
    visible = report.js("document.querySelector('.ca-text').innerText")
    assert "Pakistan-Afghanistan" in visible and "Taliban’s" in visible and "(IST)" in visible
    assert "Pakistan - Afghanistan" not in visible and "Taliban ’s" not in visible


def test_the_legend_lists_every_speaker(report, seed_doc):
    from claimattr.report.page import document_view

    names = report.js("Array.from(document.querySelectorAll('.ca-speaker-name')).map(e => e.innerText)")
    assert sorted(names) == sorted(s.name for s in document_view(seed_doc).speakers)
    assert len(names) >= 10


def test_clicking_a_row_highlights_its_claim_and_clicking_a_mark_selects_its_row(report):
    report.click('.ca-claims tr[data-claim="4"]')
    report.wait_for("document.querySelectorAll('.ca-text .ca-m.is-active').length > 0")
    active = report.js("Array.from(document.querySelectorAll('.ca-text .ca-m.is-active')).map(e => e.getAttribute('data-claims').split(' '))")
    assert all("4" in claims for claims in active)
    assert report.js("document.activeElement.id") == "d1-c4", "focus moves to the claim in the text"
    report.wait_for("(() => { const r = document.querySelector('#d1-c4').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()")
    report.click('#d1-c9')  # the cue of claim 9 in the text
    assert report.js("document.querySelector('.ca-claims tr.is-active').getAttribute('data-claim')") == "9"


def test_keyboard_enter_on_a_row_and_on_a_mark(report):
    report.js("document.querySelector('.ca-claims tr[data-claim=\"2\"]').focus()")
    report.press("Enter")
    assert report.js("document.activeElement.id") == "d1-c2"
    assert report.js("document.querySelector('.ca-claims tr.is-active').getAttribute('data-claim')") == "2"
    report.js("document.querySelector('#d1-c6').focus()")
    report.press("Enter")
    assert report.js("document.querySelector('.ca-claims tr.is-active').getAttribute('data-claim')") == "6"


def test_sort_and_filter_the_table(report):
    report.click(".ca-claims th:nth-child(2) button")
    speakers = report.js("Array.from(document.querySelectorAll('.ca-claims tbody tr')).map(r => r.children[1].getAttribute('data-value').toLowerCase())")
    assert speakers == sorted(speakers)
    key = report.js("document.querySelector('.ca-speaker').getAttribute('data-speaker')")
    report.js(f"(() => {{ const s = document.querySelector('[data-filter=speaker]'); s.value = {json.dumps(key)}; s.dispatchEvent(new Event('change')); }})()")
    shown = report.js("Array.from(document.querySelectorAll('.ca-claims tbody tr')).filter(r => !r.hidden).map(r => r.getAttribute('data-speaker'))")
    assert shown and set(shown) == {key}
    assert report.js("document.querySelectorAll('.ca-text .ca-m.is-dim').length") > 0


def test_no_horizontal_overflow_at_1280_px_and_a_screenshot(report, tmp_path):
    assert report.js("document.documentElement.scrollWidth") <= 1280
    assert report.js("Array.from(document.querySelectorAll('.ca-page *')).every(e => e.getBoundingClientRect().right <= 1280)")
    shot = tmp_path / "render.png"
    report.js("window.scrollTo(0, 0)")
    report.screenshot(str(shot), width=1280, height=860, scale=0.75)
    assert shot.stat().st_size > 10_000
    target = os.environ.get("CLAIMATTR_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)


def test_the_app_finds_the_claims_of_a_pasted_text(browser, live_server):
    browser.set_width(1280, 900)
    browser.open(live_server + "/")
    browser.js("document.querySelector('#ca-input').focus()")
    browser.type_text("Schools to close\nThe minister said that 12 schools would close, officials confirmed.")
    browser.click("#ca-submit")
    browser.wait_for("document.querySelectorAll('#ca-result .ca-claims tbody tr[data-claim]').length > 0")
    assert browser.js("document.querySelector('#ca-result .ca-title').innerText") == "Schools to close"
    assert "claim" in browser.js("document.querySelector('#ca-status').innerText")
    browser.click('#ca-result .ca-claims tr[data-claim="1"]')
    assert browser.js("document.querySelectorAll('#ca-result .ca-m.is-active').length") > 0
    browser.js("document.querySelector('#ca-input').value = ''")
    browser.click("#ca-submit")  # the browser's own check refuses an empty text (required)
    assert browser.js("document.querySelector('#ca-input').validity.valueMissing") is True


DISPUTE_TEXT = ("Kestrel's defence ministry said its forces had killed 58 Dovanian soldiers. "
                "Dovany's army said 23 Dovanian soldiers had died in the fighting.")


def test_a_disputed_figure_sits_beside_the_text_and_its_values_lead_to_the_claims(browser, nlp, tmp_path):
    from claimattr.report.rendering import render_page

    page = tmp_path / "dispute.html"
    page.write_text(render_page([("dispute", nlp(DISPUTE_TEXT))]), encoding="utf8")
    browser.set_width(1280, 900)
    browser.open(page.as_uri())
    panel = "document.querySelector('.ca-disputes').getBoundingClientRect()"
    text = "document.querySelector('.ca-text').getBoundingClientRect()"
    assert browser.js(f"{panel}.left") >= browser.js(f"{text}.right"), "the panel is beside the text at 1280 px"
    assert browser.js("getComputedStyle(document.querySelector('.ca-q-disputed'), '::before').content") == '"1"'
    browser.click('.ca-figure-value[data-claim="2"]')
    browser.wait_for("location.hash.startsWith('#d1-q')")
    assert browser.js("document.querySelector(':target').innerText") == "23"
    active = browser.js("Array.from(document.querySelectorAll('.ca-text .ca-m.is-active')).map(e => e.getAttribute('data-claims'))")
    assert active and all("2" in claims.split(" ") for claims in active)
