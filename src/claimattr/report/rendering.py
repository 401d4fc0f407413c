"""See the claims: ``render(doc)`` is the claims report (``claimattr.report``); the displaCy view
(``style="displacy"``) stays available.

The report is built from character offsets over ``doc.text`` (the text as written, with its
paragraphs), from Jinja2 templates in ``claimattr/report/templates``. The displaCy view below
draws tokens, which is handy for debugging the spans themselves.

displaCy's span style draws overlapping spans, which claims need (a speaker's organisation lies
inside the speaker mention, a quantity inside a content). The spans come from the claim model,
gathered into one temporary span group with display labels, so nothing on the Doc changes.
"""
from __future__ import annotations

import html
import warnings
from typing import Any, Dict, Iterable, List, Optional, Tuple

from spacy import displacy
from spacy.tokens import Doc, Span

DISPLAY_SPANS = "claimattr_display"
CUE, CONTENT, SPEAKER, ORG, QUANTITY = "CUE", "CONTENT", "SPEAKER", "ORG", "QUANTITY"
COLORS = {CUE: "#f4a261", CONTENT: "#a8dadc", SPEAKER: "#e9c46a", ORG: "#c3b1e1", QUANTITY: "#90be6d"}
TABLE_CLASS = "claimattr-claims"

PAGE_STYLE = f"""
body {{ font-family: -apple-system, 'Segoe UI', sans-serif; margin: 2em; }}
section.claimattr-doc {{ margin-bottom: 3em; }}
table.{TABLE_CLASS} {{ border-collapse: collapse; margin-top: 1em; font-size: 0.9em; }}
table.{TABLE_CLASS} th, table.{TABLE_CLASS} td {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }}
table.{TABLE_CLASS} th {{ background: #f3f3f3; }}
"""


class HTML(str):
    """An HTML string that Jupyter displays rendered (``_repr_html_``) and Python treats as text."""

    def _repr_html_(self) -> str:
        return str(self)


STYLES = ("report", "displacy")


def render(doc: Doc, *, title: Optional[str] = None, style: str = "report") -> HTML:
    """The claims of ``doc`` as HTML.

    ``style="report"`` (default): the claims report as one embeddable fragment with its own style
    and script (the text as written, marks by speaker, legend, linked claims table, summary).
    ``style="displacy"``: displaCy's span view and a plain claims table.
    In a notebook the returned value displays as rendered HTML; ``str(...)`` gives the markup.
    """
    _check_style(style)
    if style == "displacy":
        return HTML(render_section(doc, title=title))
    from claimattr.report.page import render_fragment

    return HTML(render_fragment(doc, title=title))


def render_section(doc: Doc, *, title: Optional[str] = None) -> str:
    """One displaCy ``<section>`` for ``doc``: the displaCy span markup and the claims table."""
    heading = f"<h2>{html.escape(title)}</h2>\n" if title else ""
    return (
        f'<section class="claimattr-doc">\n{heading}{render_spans(doc)}\n'
        f"{claims_table(doc._.claims)}\n</section>\n"
    )


def render_page(docs: Iterable[Tuple[str, Doc]], title: Optional[str] = None, *, style: str = "report") -> str:
    """A whole standalone HTML page for ``(id, doc)`` pairs: one page, a document list when several."""
    _check_style(style)
    if style == "displacy":
        return page_header(title or "claimattr") + "".join(render_section(doc, title=name) for name, doc in docs) + page_footer()
    from claimattr.report.page import render_page as report_page

    return report_page(docs, title=title)


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")


def page_header(title: str = "claimattr") -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{PAGE_STYLE}</style>\n</head>\n<body>\n"
    )


def page_footer() -> str:
    return "</body>\n</html>\n"


def render_spans(doc: Doc) -> str:
    """displaCy's span rendering of cues, contents, speakers, organisations and quantities."""
    doc.spans[DISPLAY_SPANS] = display_spans(doc)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W117\]")  # a claim-less doc is normal here
            return displacy.render(
                doc, style="span", page=False, jupyter=False,
                options={"spans_key": DISPLAY_SPANS, "colors": COLORS},
            )
    finally:
        del doc.spans[DISPLAY_SPANS]


def display_spans(doc: Doc) -> List[Span]:
    """One span per (start, end, label), from the claims and the document's quantities."""
    found: Dict[Tuple[int, int, str], Span] = {}

    def add(piece: Any, label: str) -> None:
        if piece is None:
            return
        span = doc.char_span(piece.start, piece.end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            found.setdefault((span.start, span.end, label), span)

    for claim in doc._.claims:
        add(claim.cue, CUE)
        for piece in claim.content:
            add(piece, CONTENT)
        if claim.speaker is not None:
            add(claim.speaker.mention, SPEAKER)
            add(claim.speaker.organisation, ORG)
        for quantity in claim.quantities:
            add(quantity, QUANTITY)
    for quantity in doc._.quantities:
        add(quantity, QUANTITY)
    return sorted(found.values(), key=lambda span: (span.start, -span.end, span.label_))


def claims_table(claims: List[Any]) -> str:
    """The claims as an HTML table: kind, speaker (with role and organisation), cue, content, quantities."""
    header = "<tr><th>#</th><th>kind</th><th>speaker</th><th>cue</th><th>content</th><th>quantities</th></tr>"
    rows = [header] + [_claim_row(number, claim) for number, claim in enumerate(claims, 1)]
    if not claims:
        rows.append('<tr><td colspan="6">no claims found</td></tr>')
    return f'<table class="{TABLE_CLASS}">\n' + "\n".join(rows) + "\n</table>"


def _claim_row(number: int, claim: Any) -> str:
    cells = [
        str(number),
        claim.kind,
        _speaker_cell(claim.speaker),
        claim.cue.text,
        claim.content_text,
        "; ".join(quantity.text for quantity in claim.quantities),
    ]
    return "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>"


def _speaker_cell(speaker: Any) -> str:
    if speaker is None:
        return "(unattributed)"
    details = [detail for detail in (speaker.role, speaker.organisation.text if speaker.organisation else None, speaker.type) if detail]
    return f"{speaker.name} ({', '.join(details)})" if details else speaker.name
