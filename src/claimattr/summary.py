"""Who claimed what: claims grouped by speaker, with the quantities each speaker asserted.

Works on claim dicts (``Claim.to_dict()`` / ``claimattr extract`` output), so a summary can be
made from a stored extraction without re-running the pipeline. Per-speaker state is all that is
kept, so a corpus summary needs memory for its speakers, not its documents.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, TextIO, Tuple

UNATTRIBUTED = "(unattributed)"
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame rev sen rep gov president senator representative governor".split())
"""Words that are not part of a person's name when speakers are merged across reports ("Ms. Roe")."""
SUFFIXES = frozenset("jr sr ii iii iv".split())
CSV_COLUMNS = ("scope", "rank", "speaker", "type", "claims", "documents", "roles", "organisations", "quantities")


@dataclass
class SpeakerSummary:
    """Everything one speaker (by canonical name) claimed within a scope."""

    name: str
    type: str = "unknown"
    claims: int = 0
    documents: set = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    organisations: Counter = field(default_factory=Counter)
    assertions: Dict[Tuple, Dict[str, Any]] = field(default_factory=dict)
    aliases: set = field(default_factory=set)

    def merge(self, other: "SpeakerSummary") -> None:
        """Take in another name of the same speaker ("Roe" into "Jane A. Roe")."""
        self.claims += other.claims
        self.documents |= other.documents
        self.roles.update(other.roles)
        self.organisations.update(other.organisations)
        self.aliases |= other.aliases | {other.name}
        self.aliases.discard(self.name)
        if self.type == "unknown":
            self.type = other.type
        for key, assertion in other.assertions.items():
            if key in self.assertions:
                self.assertions[key]["count"] += assertion["count"]
            else:
                self.assertions[key] = dict(assertion)

    def add(self, doc_id: str, claim: Dict[str, Any]) -> None:
        speaker = claim.get("speaker") or {}
        self.claims += 1
        self.documents.add(doc_id)
        if speaker.get("type") and self.type == "unknown":
            self.type = speaker["type"]
        if speaker.get("role"):
            self.roles[speaker["role"]] += 1
        if speaker.get("organisation"):
            self.organisations[speaker["organisation"]["text"]] += 1
        for quantity in claim.get("quantities") or []:
            self._assert(quantity)

    def _assert(self, quantity: Dict[str, Any]) -> None:
        """Count one asserted quantity; the same figure for the same event is one assertion."""
        event, entity = _anchor_key(quantity.get("event")), _anchor_key(quantity.get("entity"))
        figure = (quantity.get("value"), quantity.get("low"), quantity.get("high"), quantity.get("relation", "="), quantity.get("unit"))
        key = (event, entity, figure)
        if key in self.assertions:
            self.assertions[key]["count"] += 1
            return
        self.assertions[key] = {
            "event": _anchor_text(quantity.get("event")),
            "event_lemma": event,
            "entity": entity or _anchor_text(quantity.get("entity")),
            "value": quantity.get("value"),
            "low": quantity.get("low"),
            "high": quantity.get("high"),
            "relation": quantity.get("relation", "="),
            "approximate": bool(quantity.get("approximate")),
            "unit": quantity.get("unit"),
            "text": quantity.get("text"),
            "count": 1,
        }

    def to_dict(self, rank: int) -> Dict[str, Any]:
        return {
            "rank": rank,
            "name": self.name,
            "aliases": sorted(self.aliases),
            "type": self.type,
            "claims": self.claims,
            "documents": len(self.documents),
            "roles": [role for role, _ in self.roles.most_common()],
            "organisations": [org for org, _ in self.organisations.most_common()],
            "quantities": sorted(self.assertions.values(), key=lambda a: (a["event_lemma"] or "", a["entity"] or "")),
        }


class ClaimSummary:
    """Accumulates claims of one scope (a document or the corpus) by speaker."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        self.documents = 0
        self.claims = 0
        self.speakers: Dict[str, SpeakerSummary] = {}

    def add(self, doc_id: str, claims: Iterable[Dict[str, Any]]) -> None:
        self.documents += 1
        for claim in claims:
            self.claims += 1
            name = speaker_name(claim)
            if name not in self.speakers:
                self.speakers[name] = SpeakerSummary(name)
            self.speakers[name].add(doc_id, claim)

    def ranked(self) -> List[SpeakerSummary]:
        """Most claims first; the unattributed bucket last, since it is not a speaker. One person
        named differently across reports ("Roe", "Ms. Roe", "Jane A. Roe") is one speaker."""
        merged = merge_speakers(list(self.speakers.values()))
        return sorted(merged, key=lambda s: (s.name == UNATTRIBUTED, -s.claims, s.name.casefold()))

    def to_dict(self) -> Dict[str, Any]:
        return {
            "scope": self.scope,
            "documents": self.documents,
            "claims": self.claims,
            "speakers": [speaker.to_dict(rank) for rank, speaker in enumerate(self.ranked(), 1)],
        }


def summarise(records: Iterable[Tuple[str, Sequence[Dict[str, Any]]]], by: str = "corpus") -> List[Dict[str, Any]]:
    """Summaries of ``(doc_id, claim dicts)`` records: one per document, or one for the corpus."""
    if by not in ("document", "corpus"):
        raise ValueError(f"by must be 'document' or 'corpus', not {by!r}")
    if by == "document":
        summaries = []
        for doc_id, claims in records:
            summary = ClaimSummary(doc_id)
            summary.add(doc_id, claims)
            summaries.append(summary.to_dict())
        return summaries
    corpus = ClaimSummary("corpus")
    for doc_id, claims in records:
        corpus.add(doc_id, claims)
    return [corpus.to_dict()]


def person_words(name: str) -> List[str]:
    """A person's name as comparable words: lower case, no honorific or title, no punctuation."""
    words = [w.strip(".,'’").lower() for w in name.replace("-", " ").split()]
    words = [w for w in words if w and w not in SUFFIXES]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return words


def same_person(short: List[str], full: List[str]) -> bool:
    """"Roe" / "Ms. Roe" / "Jane Roe" / "J. Roe" / "Jane A. Roe" are "Jane A. Roe": same surname, and
    each given name or initial of the shorter form agrees with the fuller one in order."""
    if not short or not full or short[-1] != full[-1]:
        return False
    given, theirs = short[:-1], full[:-1]
    if not given:
        return True
    if not theirs:
        return False
    if given[0] != theirs[0] and not (len(given[0]) == 1 and theirs[0].startswith(given[0])) and not (
        len(theirs[0]) == 1 and given[0].startswith(theirs[0])
    ):
        return False
    rest = [w for w in given[1:] if len(w) > 1]
    return all(w in theirs for w in rest)


def merge_speakers(speakers: List[SpeakerSummary]) -> List[SpeakerSummary]:
    """Merge person speakers whose names are forms of one name: each shorter form goes into the
    unique fullest name it agrees with (ambiguous short forms, two "Roe"s, stay apart)."""
    persons = [s for s in speakers if s.type == "person" and s.name != UNATTRIBUTED]
    others = [s for s in speakers if s not in persons]
    persons.sort(key=lambda s: (-len(person_words(s.name)), -s.claims))
    kept: List[SpeakerSummary] = []
    for speaker in persons:
        words = person_words(speaker.name)
        targets = [k for k in kept if same_person(words, person_words(k.name))]
        if len(targets) == 1:
            merged = SpeakerSummary(targets[0].name, targets[0].type)
            merged.merge(targets[0])
            merged.aliases = set(targets[0].aliases)
            merged.merge(speaker)
            kept[kept.index(targets[0])] = merged
        else:
            copy = SpeakerSummary(speaker.name, speaker.type)
            copy.merge(speaker)
            copy.aliases = set(speaker.aliases)
            kept.append(copy)
    return kept + others


def speaker_name(claim: Dict[str, Any]) -> str:
    speaker = claim.get("speaker")
    if not speaker:
        return UNATTRIBUTED
    return speaker.get("name") or speaker.get("text") or UNATTRIBUTED


def describe_quantity(assertion: Dict[str, Any]) -> str:
    """"58 soldier killed", "~100 people displaced", "> 2 million dollar": the figure, what, which event."""
    parts = [format_figure(assertion)]
    if assertion.get("unit"):
        parts.append(str(assertion["unit"]))
    if assertion.get("entity"):
        parts.append(str(assertion["entity"]))
    if assertion.get("event"):
        parts.append(str(assertion["event"]))
    text = " ".join(part for part in parts if part)
    return f"{text} (x{assertion['count']})" if assertion.get("count", 1) > 1 else text


def format_figure(assertion: Dict[str, Any]) -> str:
    """A quantity's value as a reader writes it: "58", "~100", "> 2000000", "10-15"."""
    value, low, high = assertion.get("value"), assertion.get("low"), assertion.get("high")
    if value is not None:
        figure = _number(value)
    elif low is not None or high is not None:
        figure = f"{_number(low) if low is not None else ''}-{_number(high) if high is not None else ''}"
    else:
        figure = assertion.get("text") or "?"
    relation = assertion.get("relation") or "="
    prefix = "~" if assertion.get("approximate") else ""
    if relation not in ("=", "~"):
        prefix = f"{relation} {prefix}"
    return prefix + figure


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", "")
    return str(value)


def _anchor_key(anchor: Optional[Dict[str, Any]]) -> Optional[str]:
    if not anchor:
        return None
    return (anchor.get("lemma") or anchor.get("text") or "").lower() or None


def _anchor_text(anchor: Optional[Dict[str, Any]]) -> Optional[str]:
    return anchor.get("text") if anchor else None


# ---------------------------------------------------------------------------------------------
# Output


class SummaryWriter:
    """Streams per-document summaries as they come; a corpus summary is written at the end."""

    def __init__(self, stream: TextIO, by: str = "corpus", output_format: str = "table") -> None:
        self.stream = stream
        self.by = by
        self.output_format = output_format
        self.corpus = ClaimSummary("corpus")
        self._csv = csv.writer(stream) if output_format == "csv" else None
        if self._csv is not None:
            self._csv.writerow(CSV_COLUMNS)

    def add(self, doc_id: str, claims: Sequence[Dict[str, Any]]) -> None:
        if self.by == "corpus":
            self.corpus.add(doc_id, claims)
            return
        summary = ClaimSummary(doc_id)
        summary.add(doc_id, claims)
        self._write(summary.to_dict())

    def finish(self) -> None:
        if self.by == "corpus":
            self._write(self.corpus.to_dict())
        self.stream.flush()

    def _write(self, summary: Dict[str, Any]) -> None:
        if self.output_format == "json":
            # one JSON object per line: a per-document summary is streamed as JSON Lines
            self.stream.write(json.dumps(summary, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            for row in csv_rows(summary):
                self._csv.writerow(row)
        else:
            self.stream.write(format_summary_table(summary) + "\n")
        self.stream.flush()


def csv_rows(summary: Dict[str, Any]) -> List[List[Any]]:
    return [
        [
            summary["scope"], speaker["rank"], speaker["name"], speaker["type"], speaker["claims"],
            speaker["documents"], "; ".join(speaker["roles"]), "; ".join(speaker["organisations"]),
            "; ".join(describe_quantity(q) for q in speaker["quantities"]),
        ]
        for speaker in summary["speakers"]
    ]


def format_summary_table(summary: Dict[str, Any]) -> str:
    """A readable table of one summary, speakers ranked by claims."""
    title = f"{summary['scope']}: {summary['claims']} claims by {len(summary['speakers'])} speakers in {summary['documents']} document(s)"
    rows = [
        [
            str(s["rank"]), s["name"], s["type"], str(s["claims"]),
            ", ".join(s["roles"] + s["organisations"]),
            "; ".join(describe_quantity(q) for q in s["quantities"]),
        ]
        for s in summary["speakers"]
    ]
    headers = ["#", "speaker", "type", "claims", "role / organisation", "quantities asserted"]
    return title + "\n" + text_table(headers, rows, max_widths=[4, 32, 12, 6, 40, 60])


def format_claims_table(doc_id: str, claims: Sequence[Dict[str, Any]]) -> str:
    """One document's claims as a readable table (``claimattr extract --format table``)."""
    rows = []
    for number, claim in enumerate(claims, 1):
        speaker = claim.get("speaker")
        who = speaker_name(claim)
        if speaker:
            extra = [x for x in (speaker.get("role"), (speaker.get("organisation") or {}).get("text")) if x]
            who += f" ({', '.join(extra)})" if extra else ""
        content = " … ".join(piece["text"] for piece in claim.get("content", []))
        quantities = "; ".join(q.get("text", "") for q in claim.get("quantities") or [])
        rows.append([str(number), claim.get("kind", ""), who, claim["cue"]["text"], content, quantities])
    headers = ["#", "kind", "speaker", "cue", "content", "quantities"]
    return f"{doc_id}: {len(claims)} claim(s)\n" + text_table(headers, rows, max_widths=[4, 12, 40, 16, 70, 30])


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_widths: Sequence[int]) -> str:
    """A plain fixed-width table; long cells are cut with an ellipsis, line breaks flattened."""
    cells = [[_cell(value, width) for value, width in zip(row, max_widths)] for row in [list(headers)] + [list(r) for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(value: Any, width: int) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Figures (``claimattr summarise --figures``)

FIGURE_CSV_COLUMNS = ("scope", "figure", "frame", "entity", "side", "disputed", "agreement", "document", "speaker",
                      "value", "low", "high", "relation", "unit", "start", "end", "claim")


def figure_value(member: Dict[str, Any]) -> str:
    """A member's figure as a reader would say it: "58", "> 40", "~100", "24-119"."""
    return format_figure({**member, "approximate": member.get("approximate") or member.get("relation") == "~"})


class FigureWriter:
    """Writes figure groups: per document as they come (``by="document"``), or grouped across all
    the documents at the end (``by="corpus"``: :func:`claimattr.figures.group_across_documents`,
    every input taken as one story)."""

    def __init__(self, stream: TextIO, by: str = "corpus", output_format: str = "table") -> None:
        self.stream = stream
        self.by = by
        self.output_format = output_format
        self.documents: List[Tuple[str, Sequence[Dict[str, Any]]]] = []
        self._csv = csv.writer(stream) if output_format == "csv" else None
        if self._csv is not None:
            self._csv.writerow(FIGURE_CSV_COLUMNS)

    def add(self, doc_id: str, figures: Sequence[Dict[str, Any]]) -> None:
        if self.by == "corpus":
            self.documents.append((doc_id, list(figures)))
            return
        self._write(doc_id, [{**g, "docs": [doc_id], "members": [{**m, "doc": doc_id} for m in g["members"]]} for g in figures])

    def finish(self) -> None:
        if self.by == "corpus":
            from claimattr.figures.corpus import group_across_documents

            self._write("corpus", group_across_documents(self.documents))
        self.stream.flush()

    def _write(self, scope: str, groups: List[Dict[str, Any]]) -> None:
        if self.output_format == "json":
            self.stream.write(json.dumps({"scope": scope, "figures": groups}, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            for group in groups:
                for member in group["members"]:
                    self._csv.writerow([
                        scope, group["id"], group["frame"], group["entity"], group.get("scope") or "", group["disputed"],
                        group.get("agreement", ""), member.get("doc", ""), member["speaker"], member.get("value"), member.get("low"),
                        member.get("high"), member.get("relation"), member.get("unit") or "", member["start"], member["end"],
                        "" if member.get("claim") is None else member["claim"],
                    ])
        else:
            self.stream.write(format_figures_table(scope, groups) + "\n")
        self.stream.flush()


def format_figures_table(scope: str, groups: Sequence[Dict[str, Any]]) -> str:
    """One row per group: what is counted, each speaker's figures, and whether they agree."""
    disputed = sum(1 for g in groups if g["disputed"])
    title = f"{scope}: {len(groups)} figure(s), {disputed} disputed"
    rows = []
    for group in groups:
        by_speaker: Dict[str, List[str]] = {}
        for member in group["members"]:
            label = figure_value(member) + (f" {member['unit']}" if member.get("unit") else "")
            by_speaker.setdefault(member["speaker"], []).append(label + (" (superseded)" if member.get("superseded") else ""))
        claims = "; ".join(f"{speaker}: {', '.join(values)}" for speaker, values in by_speaker.items())
        what = " ".join(x for x in (group["frame"], group["entity"], f"[{group['scope']}]" if group.get("scope") else "") if x)
        rows.append([what, "DISPUTED" if group["disputed"] else group.get("agreement", ""), claims])
    return title + "\n" + text_table(["figure", "status", "claimed by"], rows, max_widths=[40, 14, 100])
