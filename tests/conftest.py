"""Shared fixtures for the claimattr specification tests.

The pipeline is loaded once per session (loading en_core_web_sm costs about a second) and
every text is processed once: the helpers cache results, because parametrised tables
look at the same passage from several angles (cue, content, speaker).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional

import pytest

import claimattr

ClaimDict = Dict[str, Any]


@pytest.fixture(scope="session")
def nlp():
    """The rule pipeline (``claimattr.load("rules")``): the base pipeline plus every rule component,
    whose behaviour the specification tests describe (the default pipeline adds a trained model)."""
    return claimattr.load("rules")


class Claims(list):
    """``[c.to_dict() for c in doc._.claims]`` with look-ups that explain their failures."""

    def __init__(self, text: str, claims: Iterable[ClaimDict]) -> None:
        super().__init__(claims)
        self.text = text

    def describe(self) -> str:
        lines = [f"text: {self.text!r}", f"{len(self)} claim(s):"]
        for claim in self:
            speaker = claim["speaker"]
            who = None if speaker is None else (speaker["text"], speaker["name"], speaker["type"])
            lines.append(f"  {claim['kind']:<12} cue={claim['cue']['text']!r} "
                         f"content={content_text(claim)!r} speaker={who}")
        return "\n".join(lines)

    @staticmethod
    def content_of(claim: ClaimDict) -> str:
        """The joined content of ``claim`` (see ``content_text``)."""
        return content_text(claim)

    def matching(self, cue: Optional[str] = None, content: Optional[str] = None) -> List[ClaimDict]:
        """Claims whose cue contains ``cue`` and whose joined content contains ``content``."""
        found = []
        for claim in self:
            if cue is not None and cue.lower() not in claim["cue"]["text"].lower():
                continue
            if content is not None and content not in content_text(claim):
                continue
            found.append(claim)
        return found

    def find(self, cue: Optional[str] = None, content: Optional[str] = None) -> ClaimDict:
        """The one claim with this cue and content fragment; fails with all claims listed."""
        found = self.matching(cue, content)
        assert found, f"no claim with cue ~ {cue!r} and content ~ {content!r}\n{self.describe()}"
        return found[0]

    def covering(self, fragment: str) -> List[ClaimDict]:
        """Claims any of whose content pieces overlap the first occurrence of ``fragment``."""
        start = self.text.index(fragment)
        end = start + len(fragment)
        return [claim for claim in self
                if any(piece["start"] < end and start < piece["end"] for piece in claim["content"])]


def content_text(claim: ClaimDict) -> str:
    """The content pieces joined with a space, for containment checks."""
    return " ".join(piece["text"] for piece in claim["content"])


@pytest.fixture(scope="session")
def extract(nlp) -> Callable[[str], Claims]:
    """Run a text through the pipeline and return its claims as dicts (cached per text)."""
    cache: Dict[str, List[ClaimDict]] = {}

    def run(text: str) -> Claims:
        if text not in cache:
            cache[text] = [claim.to_dict() for claim in nlp(text)._.claims]
        return Claims(text, cache[text])

    return run
