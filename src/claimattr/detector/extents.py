"""Final tidying of a claim's cue and content extents, whoever found the claim (rules or model).

Two rules of attribution annotation (PolNeAR's guidelines, which claimattr follows) that hold for
every claim and so are applied once, after detection and combination:

- the three parts do not overlap: a content never holds its own cue or its source. A tagger can
  run a content back over the preposition of a phrasal cue ("called for | for contestants to
  ...") or over the speaker; those edge tokens go;
- the cue keeps its "verb group": a preposition that links the cue to its content belongs to the
  cue ("complained about | the fees", "warned against | raising rates"), because the verb alone
  does not say how the content is attributed. Only a single preposition standing directly
  between cue and content is taken: adjuncts of time, place or medium ("said Friday in a
  statement") are left out, as annotators include them too inconsistently to gain anything.
"""
from __future__ import annotations

from dataclasses import replace
from typing import List, Optional, Set

from spacy.tokens import Doc, Span

from claimattr.schema import Claim, TextSpan


def _tokens(doc: Doc, span: Optional[TextSpan]) -> Set[int]:
    """Token indices a character span covers (none for a missing span)."""
    located = span.to_span(doc) if span is not None else None
    return {token.i for token in located} if located is not None else set()


def _strip_edges(doc: Doc, piece: TextSpan, taken: Set[int]) -> Optional[TextSpan]:
    """The piece without tokens of ``taken`` (and the spaces next to them) at either edge."""
    span = piece.to_span(doc)
    if span is None:
        return piece
    start, end = span.start, span.end
    while start < end and (start in taken or doc[start].is_space):
        start += 1
    while end > start and (end - 1 in taken or doc[end - 1].is_space):
        end -= 1
    if (start, end) == (span.start, span.end):
        return piece
    return TextSpan.from_span(doc[start:end]) if end > start else None


def without_own_parts(doc: Doc, claim: Claim) -> Claim:
    """The claim with its cue and source tokens stripped from the edges of its content pieces;
    the claim unchanged when nothing would be left. A quotation mark standing for the cue of a
    quotation nobody introduces stays in the content it opens."""
    cue = _tokens(doc, claim.cue)
    if all(doc[i].is_punct for i in cue):
        cue = set()
    taken = cue | _tokens(doc, claim.speaker.mention if claim.speaker else None)
    if not taken:
        return claim
    pieces = [_strip_edges(doc, piece, taken) for piece in claim.content]
    kept: List[TextSpan] = [piece for piece in pieces if piece is not None]
    if not kept or kept == claim.content:
        return claim
    return replace(claim, content=kept)


def _linking_preposition(doc: Doc, cue: Span, content_start: int) -> bool:
    """Whether the one token between ``cue`` and the content is a preposition whose object
    begins the content ("complained about | the fees")."""
    if content_start != cue.end + 1:
        return False
    prep = doc[cue.end]
    return prep.dep_ == "prep" and any(
        child.dep_ in ("pobj", "pcomp") and child.i >= content_start for child in prep.children
    )


def with_linking_preposition(doc: Doc, claim: Claim) -> Claim:
    """The claim with the preposition that links its cue to the content that follows joined to
    the cue (unless that preposition is part of the source)."""
    cue = claim.cue.to_span(doc)
    pieces = [span for span in (piece.to_span(doc) for piece in claim.content) if span is not None]
    if cue is None or not len(cue) or not pieces:
        return claim
    content_start = min(span.start for span in pieces)
    if not _linking_preposition(doc, cue, content_start):
        return claim
    if cue.end in _tokens(doc, claim.speaker.mention if claim.speaker else None):
        return claim
    return replace(claim, cue=TextSpan.from_span(doc[cue.start:cue.end + 1]))


def tidy_extents(doc: Doc, claims: List[Claim]) -> List[Claim]:
    """Every claim with the two extent rules of this module applied."""
    return [with_linking_preposition(doc, without_own_parts(doc, claim)) for claim in claims]
