"""The view model of the claims report: plain data built from a Doc, rendered by Jinja2 templates.

The page is built from character offsets over ``doc.text``, never from tokens, so the reader sees
the text exactly as written: its spacing, its punctuation and its paragraphs (each line of the
text is one paragraph block). Every claim part (cue, content, source) and every quantity is an
interval of characters; the text of a paragraph is cut at every interval boundary and each piece
knows which claims and which quantity cover it.

Speakers are the entities of ``doc._.entities`` that made claims (with the speaker of a claim the
registry does not list as a fallback); each gets one colour for the whole page, keyed by its
canonical name, so the same speaker has the same colour in every document of a page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from claimattr.figures import register_figures_extension
from claimattr.summary import ClaimSummary, UNATTRIBUTED, describe_quantity, format_figure

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Light backgrounds (contrast >= 7:1 with the page's #1b1b1b text) paired with a dark accent of the
# same hue for borders and underlines (>= 4.5:1 on white). Beyond the list, hues are generated.
PALETTE: Tuple[Tuple[str, str], ...] = (
    ("#cfe3ff", "#1f5fbf"),
    ("#ffd9b3", "#a34d00"),
    ("#c9f0d0", "#1d7a35"),
    ("#f7cde1", "#a3245e"),
    ("#e2d5ff", "#5b3cc4"),
    ("#fff0a8", "#7a6200"),
    ("#c6eef0", "#0f6e76"),
    ("#f3d3c4", "#93401f"),
    ("#dde7c2", "#4f6a12"),
    ("#e8d0f0", "#7f2f99"),
    ("#d4dbe6", "#3b4b63"),
    ("#ffd1cf", "#b3261e"),
)
UNATTRIBUTED_COLOUR = ("#e6e6e6", "#555555")
TITLE_MAX_CHARS = 100
KIND_LABELS = {
    "direct": "direct quote", "indirect": "indirect", "mixed": "mixed", "according_to": "according to",
    "headline": "headline",
}


@dataclass
class SpeakerView:
    key: str
    name: str
    type: str = "unknown"
    roles: List[str] = field(default_factory=list)
    organisation: Optional[str] = None
    aliases: List[str] = field(default_factory=list)
    claims: int = 0
    colour: str = ""
    accent: str = ""
    number: int = 0

    @property
    def role(self) -> str:
        return ", ".join(self.roles)


@dataclass
class QuantityView:
    text: str
    start: int
    end: int
    figure: str
    about: str
    dispute: Optional["FigureView"] = None
    """The disputed figure this quantity is a member of, if any: the text marks it."""

    @property
    def anchor(self) -> str:
        """Element id suffix of the quantity in the text: the panel's links point here."""
        return f"q{self.start}"

    @property
    def label(self) -> str:
        """What the chip and the tooltip say: the normalised figure, what it counts, which event."""
        return f"{self.figure} · {self.about}" if self.about else self.figure


@dataclass
class ClaimView:
    number: int
    anchor: str
    kind: str
    kind_label: str
    speaker: SpeakerView
    mention: str
    cue: str
    content: str
    quantities: List[QuantityView]
    start: int
    end: int


@dataclass
class Piece:
    """A run of a paragraph's text under one set of marks."""

    text: str
    claims: List[int] = field(default_factory=list)
    """Numbers of the claims covering it, innermost (shortest claim) first."""
    part: Optional[str] = None
    """"cue", "source" or "content": the strongest part of the innermost claim here."""
    speaker: Optional[SpeakerView] = None
    quantity: Optional[QuantityView] = None
    handle: bool = False
    """The first piece of a claim's cue: the focusable handle of that claim."""
    quantity_start: bool = False
    """The first piece of a quantity: it carries the quantity's id, the target of the figure links."""


@dataclass
class Paragraph:
    pieces: List[Piece]
    kind: str = "body"
    """"body", "headline" or "furniture" (bylines, datelines, teasers): drawn differently."""


@dataclass
class FigureMemberView:
    """One speaker's value in a figure, linked to the quantity (and its claim) in the text."""

    text: str
    range: str
    quantity: str
    """Element id suffix of the quantity in the text (``QuantityView.anchor``)."""
    claim: Optional[int]
    """Number of the claim (1-based, as in the claims table); ``None`` for the reporter's own figures."""
    superseded: bool
    conflicting: bool


@dataclass
class FigureSpeakerView:
    name: str
    speaker: SpeakerView
    values: List[FigureMemberView]


@dataclass
class FigureView:
    """A disputed figure of ``doc._.figures``: what is counted, and each speaker's values."""

    number: int
    id: str
    frame: str
    entity: str
    scope: str
    speakers: List[FigureSpeakerView]

    @property
    def title(self) -> str:
        return f"{self.frame}: {self.entity}" + (f" ({self.scope})" if self.scope else "")


@dataclass
class DocumentView:
    number: int
    anchor: str
    id: str
    title: str
    paragraphs: List[Paragraph]
    claims: List[ClaimView]
    speakers: List[SpeakerView]
    summary: List[Dict[str, Any]]
    quantities: int
    kinds: List[str]
    disputes: List[FigureView] = field(default_factory=list)
    figures: int = 0
    """All figures of the document (``doc._.figures``), disputed or not."""


@dataclass
class PageView:
    title: str
    documents: List[DocumentView]
    css: str
    js: str


class Colours:
    """One colour per canonical speaker name, in order of first appearance, for a whole page."""

    def __init__(self) -> None:
        self.assigned: Dict[str, Tuple[str, str]] = {}

    def __call__(self, key: str) -> Tuple[str, str]:
        if key == UNATTRIBUTED:
            return UNATTRIBUTED_COLOUR
        if key not in self.assigned:
            self.assigned[key] = colour_for(len(self.assigned))
        return self.assigned[key]


def colour_for(index: int) -> Tuple[str, str]:
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * 137.508) % 360  # golden angle: successive hues far apart
    return f"hsl({hue:.0f}, 85%, 88%)", f"hsl({hue:.0f}, 70%, 28%)"


# --------------------------------------------------------------------------------------------- title


def document_title(doc: Doc, fallback: str = "claimattr report") -> str:
    """The document's own title: its headline when the text opens with one (after any byline or
    dateline), else its first line of text, cut at the first sentence or ``TITLE_MAX_CHARS``."""
    furniture = [(span.start_char, span.end_char) for span in doc.spans.get("furniture", [])]
    headlines = {span.start_char: span.text for span in doc.spans.get("headlines", [])}
    text = doc.text
    for start, end in line_ranges(text):
        line = text[start:end].strip()
        if not line:
            continue
        first = text.index(line[0], start)
        if any(s <= first < e for s, e in furniture):
            continue
        if first in headlines:
            return headlines[first].strip()
        return shorten(first_sentence(line))
    return fallback


def first_sentence(line: str) -> str:
    for end in (". ", "? ", "! "):
        cut = line.find(end)
        if 0 < cut < TITLE_MAX_CHARS:
            return line[: cut + 1]
    return line


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def line_ranges(text: str) -> List[Tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` (without its line break)."""
    ranges, start = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ranges.append((start, start + len(body)))
        start += len(line)
    return ranges


# --------------------------------------------------------------------------------------------- speakers


def speakers_of(doc: Doc, colours: Colours) -> Tuple[List[SpeakerView], List[SpeakerView]]:
    """The speakers of ``doc`` (legend order: most claims first) and each claim's speaker."""
    claims = doc._.claims
    entities = doc._.entities
    by_claim: Dict[int, Any] = {}
    for entity in entities:
        for index in entity.claims:
            by_claim.setdefault(index, entity)
    views: Dict[str, SpeakerView] = {}
    per_claim: List[SpeakerView] = []
    for index, claim in enumerate(claims):
        entity = by_claim.get(index)
        if claim.speaker is None and entity is None:
            key, name, kind = UNATTRIBUTED, UNATTRIBUTED, "unknown"
        elif entity is not None:
            key, name, kind = entity.name.casefold(), display_name(entity.name, entity.aliases), entity.type
        else:
            key, name, kind = claim.speaker.name.casefold(), claim.speaker.name, claim.speaker.type
        view = views.get(key)
        if view is None:
            colour, accent = colours(name if key == UNATTRIBUTED else key)
            view = views[key] = SpeakerView(key=key, name=name, type=kind, colour=colour, accent=accent)
            if entity is not None:
                view.roles = list(entity.roles)
                view.organisation = entity.organisation
                view.aliases = [a for a in entity.aliases if a.casefold() != key]
        view.claims += 1
        if claim.speaker is not None:
            if claim.speaker.role and claim.speaker.role not in view.roles:
                view.roles.append(claim.speaker.role)
            if claim.speaker.organisation is not None and not view.organisation:
                view.organisation = claim.speaker.organisation.text
            if view.type == "unknown":
                view.type = claim.speaker.type
        per_claim.append(view)
    ordered = sorted(views.values(), key=lambda v: (v.key == UNATTRIBUTED, -v.claims, v.name.casefold()))
    for number, view in enumerate(ordered, 1):
        view.number = number
    return ordered, per_claim


def display_name(name: str, aliases: Sequence[str]) -> str:
    """The canonical name as the text writes it: "pakistani security officials" is shown with the
    capitals of its alias "Pakistani security officials"."""
    if name.islower():
        return next((alias for alias in aliases if alias.casefold() == name.casefold()), name)
    return name


# --------------------------------------------------------------------------------------------- quantities


def quantity_view(quantity: Any) -> QuantityView:
    data = quantity.to_dict()
    figure = format_figure(data)
    unit = data.get("unit_name") or data.get("unit")
    if unit:
        figure = f"{figure} {unit}"
    about = [anchor["text"] for anchor in (data.get("subject"), data.get("entity")) if anchor]
    if data.get("event"):
        about.append(data["event"]["text"])
    if data.get("direction"):
        about.append(data["direction"])
    return QuantityView(quantity.text, quantity.start, quantity.end, figure, ", ".join(about))


# --------------------------------------------------------------------------------------------- figures


def number_text(value: float) -> str:
    """58.0 -> "58", 3000 -> "3,000", 2.5 -> "2.5": how a bound is written in the panel."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def range_text(span: Optional[Dict[str, Any]]) -> str:
    """The values a member allows, as the dispute check compares them: "58", "24–119", "> 3,000",
    "≥ 10", "< 12,000"; empty when the figure has no value."""
    if not span:
        return ""
    low, high = span["low"], span["high"]
    if high is None:
        return f"{'>' if span['low_open'] else '≥'} {number_text(low)}"
    if low == 0 and high > 0:
        return f"{'<' if span['high_open'] else '≤'} {number_text(high)}"
    if low == high:
        return number_text(low)
    return f"{number_text(low)}–{number_text(high)}"


def scope_text(scope: Optional[str]) -> str:
    """``at:kessa`` -> "at kessa", ``own:<speaker>`` -> "own side of <speaker>", a side stem as is."""
    if not scope:
        return ""
    kind, _, rest = scope.partition(":")
    if not rest:
        return f"side: {scope}"
    return f"at {rest}" if kind == "at" else f"own side of {rest}"


def figure_views(figures: Sequence[Dict[str, Any]], per_claim: Sequence[SpeakerView], colours: Colours) -> List[FigureView]:
    """The disputed figures, numbered in text order, each speaker's values linked to the text.

    A speaker is shown as the legend shows the speaker of the member's claim (same name, same
    colour); the reporter's own figures are shown as unattributed."""
    views = []
    for figure in (f for f in figures if f.get("disputed")):
        conflicting = {index for pair in figure.get("conflicts", []) for index in pair}
        by_speaker: Dict[str, FigureSpeakerView] = {}
        for index, member in enumerate(figure["members"]):
            claim = member.get("claim")
            speaker = per_claim[claim] if claim is not None and claim < len(per_claim) else _unattributed(colours)
            entry = by_speaker.setdefault(speaker.key, FigureSpeakerView(speaker.name, speaker, []))
            entry.values.append(FigureMemberView(
                text=member.get("text") or "", range=range_text(member.get("interval")), quantity=f"q{member['start']}",
                claim=None if claim is None else claim + 1, superseded=bool(member.get("superseded")),
                conflicting=index in conflicting,
            ))
        views.append(FigureView(
            number=len(views) + 1, id=figure["id"], frame=figure["frame"].replace("_", " "),
            entity=str(figure.get("entity") or "").replace("_", " "), scope=scope_text(figure.get("scope")),
            speakers=list(by_speaker.values()),
        ))
    return views


def _unattributed(colours: Colours) -> SpeakerView:
    colour, accent = colours(UNATTRIBUTED)
    return SpeakerView(key=UNATTRIBUTED, name=UNATTRIBUTED, colour=colour, accent=accent)


def mark_disputes(quantities: Dict[Tuple[int, int], QuantityView], disputes: Sequence[FigureView]) -> None:
    """Point every quantity of a disputed figure at its figure, so the text can mark it."""
    by_anchor = {q.anchor: q for q in quantities.values()}
    for figure in disputes:
        for speaker in figure.speakers:
            for value in speaker.values:
                if value.quantity in by_anchor:
                    by_anchor[value.quantity].dispute = figure


# --------------------------------------------------------------------------------------------- text


PART_RANK = {"cue": 0, "source": 1, "content": 2}


def paragraphs_of(doc: Doc, claims: Sequence[ClaimView], raw_claims: Sequence[Any], quantities: Sequence[QuantityView]) -> List[Paragraph]:
    """The text as paragraphs (one per non-blank line) of pieces cut at every mark boundary."""
    text = doc.text
    marks: List[Tuple[int, int, int, str]] = []  # (start, end, claim number, part)
    for view, claim in zip(claims, raw_claims):
        marks.append((claim.cue.start, claim.cue.end, view.number, "cue"))
        for piece in claim.content:
            marks.append((piece.start, piece.end, view.number, "content"))
        if claim.speaker is not None:
            marks.append((claim.speaker.mention.start, claim.speaker.mention.end, view.number, "source"))
    marks = [m for m in marks if 0 <= m[0] < m[1] <= len(text)]
    quantities = [q for q in quantities if 0 <= q.start < q.end <= len(text)]
    span_length = {view.number: view.end - view.start for view in claims}
    speaker_of = {view.number: view.speaker for view in claims}
    kinds = line_kinds(doc)
    handles_done: set = set()
    quantities_done: set = set()
    paragraphs = []
    for start, end in line_ranges(text):
        if not text[start:end].strip():
            continue
        bounds = {start, end}
        for m_start, m_end, _, _ in marks:
            bounds.update(b for b in (m_start, m_end) if start < b < end)
        for q in quantities:
            bounds.update(b for b in (q.start, q.end) if start < b < end)
        cuts = sorted(bounds)
        pieces: List[Piece] = []
        for a, b in zip(cuts, cuts[1:]):
            covering = [(number, part) for m_start, m_end, number, part in marks if m_start <= a and b <= m_end]
            numbers = sorted({n for n, _ in covering}, key=lambda n: (span_length[n], n))
            piece = Piece(text[a:b], claims=numbers)
            if numbers:
                inner = numbers[0]
                piece.part = min((p for n, p in covering if n == inner), key=PART_RANK.get)
                piece.speaker = speaker_of[inner]
                if piece.part == "cue" and inner not in handles_done:
                    piece.handle = True
                    handles_done.add(inner)
            piece.quantity = next((q for q in quantities if q.start <= a and b <= q.end), None)
            if piece.quantity is not None and piece.quantity.start not in quantities_done:
                piece.quantity_start = True
                quantities_done.add(piece.quantity.start)
            _merge_or_append(pieces, piece)
        paragraphs.append(Paragraph(pieces, kinds.get(start, "body")))
    return paragraphs


def _merge_or_append(pieces: List[Piece], piece: Piece) -> None:
    last = pieces[-1] if pieces else None
    if (
        last is not None and not piece.handle and last.claims == piece.claims and last.part == piece.part
        and last.quantity is piece.quantity and piece.quantity is None
    ):
        last.text += piece.text
    else:
        pieces.append(piece)


def line_kinds(doc: Doc) -> Dict[int, str]:
    """Headline and furniture lines by their start offset (from the report segmenter, if it ran)."""
    kinds: Dict[int, str] = {}
    text = doc.text
    for key, kind in (("furniture", "furniture"), ("headlines", "headline")):
        for span in doc.spans.get(key, []):
            line_start = text.rfind("\n", 0, span.start_char) + 1
            kinds[line_start] = kind
    return kinds


# --------------------------------------------------------------------------------------------- document


def document_view(doc: Doc, *, number: int = 1, doc_id: str = "", title: Optional[str] = None, colours: Optional[Colours] = None) -> DocumentView:
    """Everything the templates need about one document."""
    colours = colours or Colours()
    raw_claims = doc._.claims
    speakers, per_claim = speakers_of(doc, colours)
    anchor = f"d{number}"
    claims: List[ClaimView] = []
    for index, (claim, speaker) in enumerate(zip(raw_claims, per_claim), 1):
        claims.append(ClaimView(
            number=index, anchor=f"{anchor}-c{index}", kind=claim.kind, kind_label=KIND_LABELS.get(claim.kind, claim.kind),
            speaker=speaker, mention=claim.speaker.mention.text if claim.speaker else "", cue=claim.cue.text,
            content=claim.content_text, quantities=[quantity_view(q) for q in claim.quantities],
            start=claim.start, end=claim.end,
        ))
    quantities: Dict[Tuple[int, int], QuantityView] = {}
    for quantity in list(doc._.quantities) + [q for claim in raw_claims for q in claim.quantities]:
        quantities.setdefault((quantity.start, quantity.end), quantity_view(quantity))
    register_figures_extension()  # a Doc made without claimattr's pipeline has no figures: []
    figures = doc._.figures
    disputes = figure_views(figures, per_claim, colours)
    mark_disputes(quantities, disputes)
    return DocumentView(
        number=number, anchor=anchor, id=doc_id, title=title or document_title(doc, fallback=doc_id or "claimattr report"),
        paragraphs=paragraphs_of(doc, claims, raw_claims, sorted(quantities.values(), key=lambda q: q.start)),
        claims=claims, speakers=speakers, summary=speaker_summary(raw_claims, speakers, doc_id),
        quantities=len(quantities), kinds=sorted({claim.kind for claim in claims}),
        disputes=disputes, figures=len(figures),
    )


def speaker_summary(raw_claims: Sequence[Any], speakers: Sequence[SpeakerView], doc_id: str) -> List[Dict[str, Any]]:
    """Who claimed what number: the summary module's per-speaker figures, with the page's colours."""
    summary = ClaimSummary(doc_id or "document")
    summary.add(doc_id or "document", [claim.to_dict() for claim in raw_claims])
    by_name = {view.name.casefold(): view for view in speakers}
    for view in speakers:
        for alias in view.aliases:
            by_name.setdefault(alias.casefold(), view)
    rows = []
    for speaker in summary.to_dict()["speakers"]:
        view = by_name.get(speaker["name"].casefold()) or next(
            (by_name[a.casefold()] for a in speaker["aliases"] if a.casefold() in by_name), None)
        rows.append({
            "name": view.name if view else speaker["name"],
            "speaker": view,
            "claims": speaker["claims"],
            "figures": [describe_quantity(q) for q in speaker["quantities"]],
        })
    rows.sort(key=lambda row: not row["figures"])  # stable: speakers with figures first, then by claims
    return rows


def page_view(documents: Iterable[Tuple[str, Doc]], *, title: Optional[str] = None) -> PageView:
    """The view of a whole page: one or more ``(id, doc)`` documents sharing one colour scheme."""
    colours = Colours()
    views = [document_view(doc, number=n, doc_id=doc_id, colours=colours) for n, (doc_id, doc) in enumerate(documents, 1)]
    if title is None:
        title = views[0].title if len(views) == 1 else f"Claims in {len(views)} documents"
    return PageView(title=title, documents=views, css=static_text("report.css"), js=static_text("report.js"))


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf8")


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def render_page(documents: Iterable[Tuple[str, Doc]], *, title: Optional[str] = None) -> str:
    """A standalone HTML page (inline CSS and JS, nothing fetched) of one or more documents."""
    return environment().get_template("page.html.j2").render(page=page_view(documents, title=title))


def render_fragment(doc: Doc, *, doc_id: str = "", title: Optional[str] = None, number: int = 1) -> str:
    """One document as an embeddable fragment (its own ``<style>`` and ``<script>``): for notebooks
    and for the web app, which inserts it into its page."""
    view = document_view(doc, number=number, doc_id=doc_id, title=title)
    return environment().get_template("fragment.html.j2").render(
        doc=view, css=static_text("report.css"), js=static_text("report.js"))
