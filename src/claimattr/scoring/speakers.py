"""Score speaker resolution against gold speaker mentions, as a scorer in spaCy's registry.

``claimattr.speaker_scorer.v1`` compares the speakers of ``example.predicted._.claims`` with the
gold speaker mentions of ``example.reference``, by CHARACTER offsets (the reference may be
tokenised differently). The gold is read from ``reference.user_data["claimattr_speaker_gold"]``
(a list of :class:`GoldMention` dicts, as in ``benchmarks/data/polnear_dev_speakers.jsonl``) or,
without it, from the speakers of ``reference._.claims`` (their kind read off the mention).

For every gold mention the predicted speaker whose mention overlaps it most is its match: the
mention is **found**. Over found mentions:

- ``name``: the canonical names are equal once normalised (:func:`normalise_name`: Unicode NFKD
  without accents, case-folded, a leading "the" and a possessive "'s" dropped, every run of
  punctuation and whitespace made one space, "and"/"&" equal);
- ``type``: equal types;
- ``role``: over gold persons and groups; both ``null``, or equal once normalised like names;
- ``org``: over gold persons and groups; both ``null``, or equal once normalised like names.

Scores are flat floats per kind of mention (``all``, ``pronoun``, ``description``, ``name``):
``speakers_{kind}_found`` (share of gold mentions found) and
``speakers_{kind}_{name,type,role,org}_acc``; ``None`` when nothing was counted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence

import spacy
from spacy.training import Example

from claimattr.schema import Speaker
from claimattr.scoring.names import normalise_name
from claimattr.scoring.spans import overlap

SPEAKER_GOLD_KEY = "claimattr_speaker_gold"
"""``doc.user_data`` key of a reference doc's gold speaker mentions."""
KINDS = ("all", "pronoun", "description", "name")
FIELDS = ("name", "type", "role", "org")
ROLE_TYPES = ("person", "group")
"""Gold types whose role and organisation are scored (an organisation's own organisation is null)."""
PRONOUNS = frozenset(
    "i me my mine we us our ours you your he him his she her hers it its they them their theirs".split()
)


@dataclass(frozen=True)
class GoldMention:
    """One gold speaker mention: where it is, what kind of mention, and who it refers to."""

    start: int
    end: int
    kind: str
    name: str
    type: str
    role: Optional[str] = None
    organisation: Optional[str] = None

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "GoldMention":
        return cls(int(data["start"]), int(data["end"]), data["kind"], data["name"], data["type"],
                   data.get("role"), data.get("organisation"))

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "name": self.name, "type": self.type,
                "role": self.role, "organisation": self.organisation}

    @classmethod
    def from_speaker(cls, speaker: Speaker) -> "GoldMention":
        org = speaker.organisation.text if speaker.organisation else None
        return cls(speaker.mention.start, speaker.mention.end, mention_kind(speaker.mention.text),
                   speaker.name, speaker.type, speaker.role, org)


def mention_kind(text: str) -> str:
    """``pronoun`` (one personal pronoun), ``name`` (a capitalised word after the first) or ``description``."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an")):
        return "name"
    return "description"


# --------------------------------------------------------------------------- matching


def same_name(predicted: Optional[str], gold: Optional[str]) -> bool:
    return normalise_name(predicted) == normalise_name(gold)


def same_optional(predicted: Optional[str], gold: Optional[str]) -> bool:
    """Role / organisation: both absent, or equal names."""
    if not gold or not predicted:
        return not gold and not predicted
    return same_name(predicted, gold)


def match_speaker(gold: GoldMention, speakers: Sequence[Speaker]) -> Optional[Speaker]:
    """The predicted speaker whose mention overlaps the gold mention most (ties: the first)."""
    best, best_overlap = None, 0
    for speaker in speakers:
        shared = overlap([(gold.start, gold.end)], [(speaker.mention.start, speaker.mention.end)])
        if shared > best_overlap:
            best, best_overlap = speaker, shared
    return best


# --------------------------------------------------------------------------- counting


@dataclass
class KindTally:
    gold: int = 0
    found: int = 0
    correct: Dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    total: Dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})

    def score(self, name: str) -> Optional[float]:
        return self.correct[name] / self.total[name] if self.total[name] else None


@dataclass
class SpeakerTally:
    """Found / correct counts per kind of mention, summed over documents."""

    kinds: Dict[str, KindTally] = field(default_factory=lambda: {k: KindTally() for k in KINDS})
    errors: List[Dict[str, Any]] = field(default_factory=list)

    def add(self, gold: GoldMention, predicted: Optional[Speaker], doc_id: str = "") -> None:
        checks: Dict[str, bool] = {}
        if predicted is not None:
            org = predicted.organisation.text if predicted.organisation else None
            checks["name"] = same_name(predicted.name, gold.name)
            checks["type"] = predicted.type == gold.type
            if gold.type in ROLE_TYPES:
                checks["role"] = same_optional(predicted.role, gold.role)
                checks["org"] = same_optional(org, gold.organisation)
        for kind in ("all", gold.kind):
            tally = self.kinds.setdefault(kind, KindTally())
            tally.gold += 1
            if predicted is None:
                continue
            tally.found += 1
            for name, ok in checks.items():
                tally.total[name] += 1
                tally.correct[name] += int(ok)
        if predicted is not None and not all(checks.values()):
            self.errors.append({
                "doc": doc_id, "start": gold.start, "end": gold.end, "kind": gold.kind,
                "wrong": [name for name, ok in checks.items() if not ok],
                "gold": {"name": gold.name, "type": gold.type, "role": gold.role, "organisation": gold.organisation},
                "predicted": {"name": predicted.name, "type": predicted.type, "role": predicted.role,
                              "organisation": predicted.organisation.text if predicted.organisation else None},
            })

    def add_doc(self, gold: Iterable[GoldMention], speakers: Sequence[Speaker], doc_id: str = "") -> None:
        for mention in gold:
            self.add(mention, match_speaker(mention, speakers), doc_id)

    def scores(self) -> Dict[str, Any]:
        scores: Dict[str, Any] = {}
        for kind, tally in self.kinds.items():
            scores[f"speakers_{kind}_gold"] = tally.gold
            scores[f"speakers_{kind}_found"] = tally.found / tally.gold if tally.gold else None
            for name in FIELDS:
                scores[f"speakers_{kind}_{name}_acc"] = tally.score(name)
        return scores


def gold_mentions(reference: Any) -> List[GoldMention]:
    """A reference doc's gold mentions: ``user_data`` gold, else its claims' speakers."""
    stored = reference.user_data.get(SPEAKER_GOLD_KEY)
    if stored is not None:
        return [GoldMention.from_dict(data) for data in stored]
    seen, mentions = set(), []
    for claim in reference._.claims:
        if claim.speaker is not None and (claim.speaker.mention.start, claim.speaker.mention.end) not in seen:
            seen.add((claim.speaker.mention.start, claim.speaker.mention.end))
            mentions.append(GoldMention.from_speaker(claim.speaker))
    return mentions


def predicted_speakers(doc: Any) -> List[Speaker]:
    return [claim.speaker for claim in doc._.claims if claim.speaker is not None]


def score_speakers(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """Found share and name / type / role / organisation accuracy per kind of mention."""
    tally = SpeakerTally()
    for example in examples:
        tally.add_doc(gold_mentions(example.reference), predicted_speakers(example.predicted))
    return tally.scores()


@spacy.registry.scorers("claimattr.speaker_scorer.v1")
def make_speaker_scorer() -> Callable[..., Dict[str, Any]]:
    """The registered scorer, for ``[components.speaker_linker.scorer]`` and ``spacy evaluate``."""
    return score_speakers
