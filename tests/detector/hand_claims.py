"""Claims written by hand over one test text: what a trained tagger might put on a Doc, for
the tests of the steps that work on claims (combination, tidying)."""
from __future__ import annotations

from typing import Optional

from claimattr.schema import Claim, Speaker, TextSpan


class HandClaims:
    """Spans and claims of ``text`` located by their words."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, fragment: str, after: int = 0) -> TextSpan:
        """The first ``fragment`` at or after character ``after``."""
        start = self.text.index(fragment, after)
        return TextSpan(fragment, start, start + len(fragment))

    def claim(self, cue: str, *content: str, speaker: Optional[str] = None, kind: str = "indirect") -> Claim:
        """A claim from fragments; the cue is the occurrence nearest before the first content
        piece's end (several sentences share a cue word), or the first one after it."""
        pieces = [self.span(piece) for piece in content]
        cue_span = self.span(cue, self._cue_start(cue, pieces[0] if pieces else None))
        who = Speaker(mention=self.span(speaker), name=speaker) if speaker else None
        return Claim(kind=kind, cue=cue_span, content=pieces, speaker=who)

    def _cue_start(self, cue: str, first: Optional[TextSpan]) -> int:
        if first is None:
            return 0
        before = self.text.rfind(cue, 0, first.end)
        return before if before >= 0 else first.start
