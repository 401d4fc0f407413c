"""The claim model: the public contract of claimattr.

Claims live on the ``Doc`` as plain JSON data (``doc.user_data``) rather than as
objects holding ``Span``s, because ``Doc.to_bytes``, ``DocBin`` and
``nlp.pipe(n_process=...)`` serialise ``user_data`` with msgpack. The dataclasses
below are the typed view over that data: ``doc._.claims`` builds them on read and
stores their dicts on write, so a claim survives every spaCy round trip unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from spacy.tokens import Doc, Span

CLAIM_KINDS = ("direct", "indirect", "mixed", "according_to", "headline")
SPEAKER_TYPES = ("person", "organisation", "government", "group", "anonymous", "unknown")
RELATIONS = ("=", "~", ">", ">=", "<", "<=")

CLAIMS_KEY = "claimattr_claims"
QUANTITIES_KEY = "claimattr_quantities"
ENTITIES_KEY = "claimattr_entities"
CLAIM_SPANS = "claims"
QUANTITY_SPANS = "quantities"
CUE_LABEL, CONTENT_LABEL, SOURCE_LABEL = "CUE", "CONTENT", "SOURCE"


@dataclass(frozen=True)
class TextSpan:
    """A stretch of ``doc.text`` by character offsets, so it outlives the Doc."""

    text: str
    start: int
    end: int

    @classmethod
    def from_span(cls, span: Span) -> "TextSpan":
        return cls(span.text, span.start_char, span.end_char)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "TextSpan":
        return cls(data["text"], int(data["start"]), int(data["end"]))

    def to_dict(self) -> Dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def to_span(self, doc: Doc, label: str = "") -> Optional[Span]:
        return doc.char_span(self.start, self.end, label=label, alignment_mode="expand")


@dataclass(frozen=True)
class Anchor(TextSpan):
    """A span with the lemma that identifies it across wordings ("soldiers" -> "soldier")."""

    lemma: str = ""

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Anchor":
        return cls(data["text"], int(data["start"]), int(data["end"]), data.get("lemma", ""))

    def to_dict(self) -> Dict[str, Any]:
        return {**super().to_dict(), "lemma": self.lemma}


def _optional(cls: type, data: Optional[Dict[str, Any]]) -> Any:
    return None if data is None else cls.from_dict(data)


@dataclass
class Speaker:
    """Who made a claim: the mention in this sentence and the entity it refers to."""

    mention: TextSpan
    name: str
    type: str = "unknown"
    role: Optional[str] = None
    organisation: Optional[TextSpan] = None
    intermediary: Optional[TextSpan] = None

    def to_dict(self) -> Dict[str, Any]:
        return {
            **self.mention.to_dict(),
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "organisation": self.organisation.to_dict() if self.organisation else None,
            "intermediary": self.intermediary.to_dict() if self.intermediary else None,
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Speaker":
        return cls(
            mention=TextSpan.from_dict(data),
            name=data.get("name") or data["text"],
            type=data.get("type", "unknown"),
            role=data.get("role"),
            organisation=_optional(TextSpan, data.get("organisation")),
            intermediary=_optional(TextSpan, data.get("intermediary")),
        )


@dataclass
class Quantity:
    """A normalised quantity mention; see docs/quantities.md for the vague-number convention."""

    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    relation: str = "="
    modifier: Optional[TextSpan] = None
    unit: Optional[str] = None
    entity: Optional[Anchor] = None
    event: Optional[Anchor] = None
    unit_name: Optional[str] = None
    """Full lower-case English name of ``unit`` ("kilometre per hour", "US dollar"); None for counts."""
    dimension: Optional[str] = None
    """What ``unit`` measures ("length", "currency", "data", "percentage"...); None for counts."""
    direction: Optional[str] = None
    """"up"/"down" for an amount of change ("rose 4%", "cut 300 jobs"), None for a level ("rose to 4%")."""
    subject: Optional[Anchor] = None
    """What the quantity measures or belongs to ("Acme shares", "core inflation"), beside the counted ``entity``."""

    def to_dict(self) -> Dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approximate": self.approximate,
            "relation": self.relation,
            "modifier": self.modifier.to_dict() if self.modifier else None,
            "unit": self.unit,
            "entity": self.entity.to_dict() if self.entity else None,
            "event": self.event.to_dict() if self.event else None,
            "unit_name": self.unit_name,
            "dimension": self.dimension,
            "direction": self.direction,
            "subject": self.subject.to_dict() if self.subject else None,
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Quantity":
        return cls(
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            value=data.get("value"),
            low=data.get("low"),
            high=data.get("high"),
            approximate=bool(data.get("approximate", False)),
            relation=data.get("relation", "="),
            modifier=_optional(TextSpan, data.get("modifier")),
            unit=data.get("unit"),
            entity=_optional(Anchor, data.get("entity")),
            event=_optional(Anchor, data.get("event")),
            unit_name=data.get("unit_name"),
            dimension=data.get("dimension"),
            direction=data.get("direction"),
            subject=_optional(Anchor, data.get("subject")),
        )


@dataclass
class Claim:
    """One reported-speech claim: who said (cue) what (content), and the numbers in it."""

    kind: str
    cue: TextSpan
    content: List[TextSpan]
    speaker: Optional[Speaker] = None
    quantities: List[Quantity] = field(default_factory=list)

    @property
    def content_text(self) -> str:
        return " … ".join(piece.text for piece in self.content)

    @property
    def start(self) -> int:
        return min([self.cue.start] + [piece.start for piece in self.content])

    @property
    def end(self) -> int:
        return max([self.cue.end] + [piece.end for piece in self.content])

    def to_dict(self) -> Dict[str, Any]:
        return {
            "kind": self.kind,
            "cue": self.cue.to_dict(),
            "content": [piece.to_dict() for piece in self.content],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "quantities": [quantity.to_dict() for quantity in self.quantities],
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Claim":
        return cls(
            kind=data["kind"],
            cue=TextSpan.from_dict(data["cue"]),
            content=[TextSpan.from_dict(piece) for piece in data["content"]],
            speaker=_optional(Speaker, data.get("speaker")),
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
        )


@dataclass
class Entity:
    """A person, organisation or government of the document (``doc._.entities``), with every
    mention of it the linker met and the indices (in ``doc._.claims``) of the claims it made."""

    id: int
    name: str
    type: str = "unknown"
    aliases: List[str] = field(default_factory=list)
    roles: List[str] = field(default_factory=list)
    organisation: Optional[str] = None
    gender: Optional[str] = None
    mentions: List[TextSpan] = field(default_factory=list)
    claims: List[int] = field(default_factory=list)

    @property
    def role(self) -> Optional[str]:
        return self.roles[0] if self.roles else None

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
            "roles": list(self.roles), "organisation": self.organisation, "gender": self.gender,
            "mentions": [m.to_dict() for m in self.mentions], "claims": list(self.claims),
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Entity":
        return cls(
            id=int(data["id"]), name=data["name"], type=data.get("type", "unknown"),
            aliases=list(data.get("aliases", [])), roles=list(data.get("roles", [])),
            organisation=data.get("organisation"), gender=data.get("gender"),
            mentions=[TextSpan.from_dict(m) for m in data.get("mentions", [])],
            claims=[int(i) for i in data.get("claims", [])],
        )


def _get_claims(doc: Doc) -> List[Claim]:
    return [Claim.from_dict(data) for data in doc.user_data.get(CLAIMS_KEY, [])]


def _set_claims(doc: Doc, claims: List[Claim]) -> None:
    doc.user_data[CLAIMS_KEY] = [claim.to_dict() for claim in claims]
    doc.spans[CLAIM_SPANS] = claim_spans(doc, claims)


def _get_quantities(doc: Doc) -> List[Quantity]:
    return [Quantity.from_dict(data) for data in doc.user_data.get(QUANTITIES_KEY, [])]


def _set_quantities(doc: Doc, quantities: List[Quantity]) -> None:
    doc.user_data[QUANTITIES_KEY] = [quantity.to_dict() for quantity in quantities]
    spans = [doc.char_span(q.start, q.end, label="QUANTITY", alignment_mode="expand") for q in quantities]
    doc.spans[QUANTITY_SPANS] = [span for span in spans if span is not None]


def _get_entities(doc: Doc) -> List[Entity]:
    return [Entity.from_dict(data) for data in doc.user_data.get(ENTITIES_KEY, [])]


def _set_entities(doc: Doc, entities: List[Entity]) -> None:
    doc.user_data[ENTITIES_KEY] = [entity.to_dict() for entity in entities]


def claim_spans(doc: Doc, claims: List[Claim]) -> List[Span]:
    """The CUE / CONTENT / SOURCE spans of ``claims``, as one span group for spaCy's tools."""
    pieces: Dict[Tuple[int, int, str], Span] = {}
    for claim in claims:
        labelled = [(claim.cue, CUE_LABEL)] + [(piece, CONTENT_LABEL) for piece in claim.content]
        if claim.speaker is not None:
            labelled.append((claim.speaker.mention, SOURCE_LABEL))
        for text_span, label in labelled:
            span = text_span.to_span(doc, label)
            if span is not None:
                pieces.setdefault((span.start, span.end, label), span)
    return list(pieces.values())


def register_extensions() -> None:
    """Idempotently add ``doc._.claims``, ``doc._.quantities`` and ``doc._.entities``."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", getter=_get_claims, setter=_set_claims)
    if not Doc.has_extension("quantities"):
        Doc.set_extension("quantities", getter=_get_quantities, setter=_set_quantities)
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", getter=_get_entities, setter=_set_entities)


register_extensions()
