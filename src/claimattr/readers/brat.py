"""Read PolNeAR's brat standoff annotations as claimattr claims.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks every attribution with text-bound
``T`` spans (``Source``, ``Cue``, ``Content``, and a trigger ``Attribution`` or
``Attribution-no-source``) tied together by ``E`` events. This module turns one article's
``.ann`` file into claims in the shape of ``Claim.to_dict()``, so that PolNeAR can be scored
with the same scorer and converted to the same ``DocBin`` files as our own corpus.

The corpus is copyrighted: this module only ever reads it from a path given at run time.

Conventions (documented in docs/annotation-guidelines.md):
- Articles annotated by several annotators: the FIRST ``.ann`` file in sorted name order wins,
  so every figure is computed on the same annotations.
- ``Discuss`` / ``Discard`` spans and ``#`` notes are ignored; events without a cue are skipped
  (our model requires a cue) and counted as errors so they are visible.
- A malformed line becomes a :class:`InputError` naming file and line; reading goes on.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimattr.errors import InputError
from claimattr.quotes import claim_kind
from claimattr.schema import Claim

Fragment = Tuple[int, int]
ClaimDict = Dict[str, Any]

SPAN_LABELS = ("Source", "Cue", "Content", "Attribution", "Attribution-no-source")
IGNORED_LABELS = ("Discuss", "Discard")
TRIGGER_LABELS = ("Attribution", "Attribution-no-source")
CONTENT_ROLE = re.compile(r"^Content\d*$")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ID_LINE = re.compile(r"^[TERAMN*#]\S*\t")


@dataclass(frozen=True)
class TextBound:
    """A ``T`` annotation: a label and one or more character fragments."""

    id: str
    label: str
    fragments: Tuple[Fragment, ...]
    line: int

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Event:
    """An ``E`` annotation: the trigger and its (role, T id) arguments, in file order."""

    id: str
    trigger: str
    trigger_label: str
    args: Tuple[Tuple[str, str], ...]
    line: int


@dataclass
class Annotations:
    """What one ``.ann`` file holds, plus the errors met while reading it."""

    spans: Dict[str, TextBound] = field(default_factory=dict)
    events: List[Event] = field(default_factory=list)
    errors: List[InputError] = field(default_factory=list)


@dataclass
class BratDocument:
    """One article: its text, its claims as ``Claim.to_dict()`` dicts, and the reading errors."""

    name: str
    text: str
    claims: List[ClaimDict]
    errors: List[InputError]
    ann_path: Optional[Path] = None


# --------------------------------------------------------------------------- parsing lines


def _parse_fragments(field_text: str) -> Tuple[Fragment, ...]:
    pairs = (piece.split() for piece in field_text.split(";"))
    return tuple(sorted((int(start), int(end)) for start, end in pairs))


def _expected_text_length(fragments: Sequence[Fragment]) -> int:
    """brat writes a discontinuous span's text as its fragments joined by single spaces."""
    return sum(end - start for start, end in fragments) + len(fragments) - 1


def _check_fragments(fragments: Sequence[Fragment], text_length: int) -> Optional[str]:
    for start, end in fragments:
        if not 0 <= start <= end <= text_length:
            return f"offsets {start} {end} outside the text (length {text_length})"
    return None


def _parse_text_bound(match: "re.Match[str]", lineno: int, text_length: int) -> Tuple[TextBound, Optional[str]]:
    fragments = _parse_fragments(match.group(3))
    bound = TextBound(match.group(1), match.group(2), fragments, lineno)
    return bound, _check_fragments(fragments, text_length)


def _parse_event(match: "re.Match[str]", lineno: int) -> Tuple[Optional[Event], Optional[str]]:
    args: List[Tuple[str, str]] = []
    for item in match.group(2).split():
        role, sep, ref = item.partition(":")
        if not sep or not ref:
            return None, f"event argument {item!r} is not ROLE:ID"
        args.append((role, ref))
    if not args:
        return None, "event has no trigger"
    (trigger_label, trigger), rest = args[0], tuple(args[1:])
    return Event(match.group(1), trigger, trigger_label, rest, lineno), None


def parse_ann(content: str, path: Union[str, Path], text_length: int) -> Annotations:
    """Parse the text of one ``.ann`` file; bad lines become errors, never exceptions.

    A span whose text crosses a line break is written by brat over several physical lines; those
    continuation lines are recognised by the span's declared length, not reported as errors.
    """
    result = Annotations()
    pending = 0  # characters of span text still expected on continuation lines
    for lineno, line in enumerate(content.split("\n"), start=1):
        if pending > 0 and not _ID_LINE.match(line):
            pending -= len(line) + 1
            continue
        pending = _parse_line(line, lineno, str(path), text_length, result)
    return result


def _parse_line(line: str, lineno: int, path: str, text_length: int, result: Annotations) -> int:
    """Add one line's annotation or error to ``result``; return the span text still to come."""
    if not line.strip() or line.startswith("#") or line[:1] in "RAMN*":
        return 0  # blank lines, notes, relations, attributes, normalisations: not used here
    t_match, e_match = _T_LINE.match(line), _E_LINE.match(line)
    if t_match:
        bound, problem = _parse_text_bound(t_match, lineno, text_length)
        if problem:
            result.errors.append(InputError(path, lineno, problem))
            return 0
        result.spans[bound.id] = bound
        return max(0, _expected_text_length(bound.fragments) - len(t_match.group(4)))
    if e_match:
        event, problem = _parse_event(e_match, lineno)
        if event is None:
            result.errors.append(InputError(path, lineno, problem or "malformed event"))
        else:
            result.events.append(event)
        return 0
    result.errors.append(InputError(path, lineno, f"malformed line: {line[:60]!r}"))
    return 0


# --------------------------------------------------------------------------- events -> claims


def _text_span(text: str, start: int, end: int) -> Dict[str, Any]:
    return {"text": text[start:end], "start": start, "end": end}


def _covering(text: str, bound: TextBound) -> Dict[str, Any]:
    """A cue or source is one span in our model: a discontinuous one becomes its extent."""
    return _text_span(text, bound.start, bound.end)


def _speaker(text: str, source: Optional[TextBound]) -> Optional[Dict[str, Any]]:
    """PolNeAR marks the mention only: its text doubles as the name and the type is unknown."""
    if source is None:
        return None
    mention = _covering(text, source)
    return {**mention, "name": mention["text"], "type": "unknown", "role": None,
            "organisation": None, "intermediary": None}


def _event_claim(text: str, event: Event, spans: Dict[str, TextBound], path: str) -> Tuple[Optional[ClaimDict], Optional[InputError]]:
    """One event as a claim dict, or the reason it cannot be one."""
    roles: Dict[str, List[TextBound]] = {}
    for role, ref in event.args:
        if ref not in spans:
            return None, InputError(path, event.line, f"{event.id} refers to unknown span {ref}")
        roles.setdefault("Content" if CONTENT_ROLE.match(role) else role, []).append(spans[ref])
    if not roles.get("Cue"):
        return None, InputError(path, event.line, f"{event.id} has no Cue; skipped")
    content_bounds = sorted(roles.get("Content", []), key=lambda b: b.start)
    content = [_text_span(text, s, e) for bound in content_bounds for s, e in bound.fragments]
    cue = _covering(text, roles["Cue"][0])
    sources = roles.get("Source", [])
    claim = {"kind": claim_kind(text, cue, content), "cue": cue, "content": content,
             "speaker": _speaker(text, sources[0] if sources else None), "quantities": []}
    return claim, None


def claims_from_annotations(text: str, annotations: Annotations, path: Union[str, Path]) -> Tuple[List[ClaimDict], List[InputError]]:
    """Every attribution event as a claim dict, in text order, with the events that failed."""
    claims: List[ClaimDict] = []
    errors: List[InputError] = []
    for event in annotations.events:
        if event.trigger_label not in TRIGGER_LABELS:
            continue
        claim, error = _event_claim(text, event, annotations.spans, str(path))
        if claim is not None:
            claims.append(claim)
        if error is not None:
            errors.append(error)
    claims.sort(key=lambda c: min([c["cue"]["start"]] + [p["start"] for p in c["content"]]))
    return claims, errors


# --------------------------------------------------------------------------- files and splits


def article_name(ann_path: Union[str, Path]) -> str:
    """``nyt_2016-..._some-title_4e07.ann`` -> ``nyt_2016-..._some-title`` (drop the annotator code)."""
    return Path(ann_path).stem.rsplit("_", 1)[0]


def first_annotation_files(ann_dir: Union[str, Path]) -> Dict[str, Path]:
    """Article name -> its first ``.ann`` file in sorted name order (the corpus convention)."""
    chosen: Dict[str, Path] = {}
    for path in sorted(Path(ann_dir).glob("*.ann"), key=lambda p: p.name):
        chosen.setdefault(article_name(path), path)
    return chosen


def read_article(text_path: Union[str, Path], ann_path: Union[str, Path]) -> BratDocument:
    """Read one article and its annotations; problems are collected in ``errors``."""
    text_path, ann_path = Path(text_path), Path(ann_path)
    name = text_path.stem
    try:
        text = text_path.read_text(encoding="utf8")
        content = ann_path.read_text(encoding="utf8")
    except (OSError, UnicodeDecodeError) as err:
        return BratDocument(name, "", [], [InputError(str(err.filename or ann_path), 0, f"cannot read: {err}")], ann_path)
    annotations = parse_ann(content, ann_path, len(text))
    claims, errors = claims_from_annotations(text, annotations, ann_path)
    return BratDocument(name, text, claims, annotations.errors + errors, ann_path)


def read_split(root: Union[str, Path], split: str = "dev", limit: Optional[int] = None) -> Iterator[BratDocument]:
    """The articles of ``root/split`` (``text/*.txt`` + ``attributions/*.ann``), in name order."""
    base = Path(root) / split
    anns = first_annotation_files(base / "attributions")
    for count, name in enumerate(sorted(anns)):
        if limit is not None and count >= limit:
            return
        yield read_article(base / "text" / f"{name}.txt", anns[name])


# --------------------------------------------------------------------------- spaCy docs


@lru_cache(maxsize=1)
def _blank_english() -> Language:
    return spacy.blank("en")


def make_doc(text: str, claims: Sequence[ClaimDict], nlp: Optional[Language] = None) -> Doc:
    """A tokenised ``Doc`` with the gold ``doc._.claims`` (and so ``doc.spans["claims"]``) set.

    ``nlp`` only tokenises (a blank English pipeline by default), so gold spans are snapped to
    that tokenisation in ``doc.spans`` while ``doc._.claims`` keeps the exact character offsets.
    Store it with ``DocBin(store_user_data=True)``: the claims live in ``doc.user_data``.
    """
    doc = (nlp or _blank_english()).make_doc(text)
    doc._.claims = [Claim.from_dict(claim) for claim in claims]
    return doc
