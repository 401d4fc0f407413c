"""One set of claims from two detectors: a trained model's and the rules'.

The two are complementary (docs/accuracy.md, error anatomy on PolNeAR dev): the rules bound
contents exactly where they fire but miss constructions they do not know, while the trained
tagger finds more claims and follows the corpus's cue and source conventions but lets contents
run past their end or start early. So the combination keeps every claim either finds and, where
both found the same attribution (their cues overlap), takes the content from the rules and the
cue and source from the model:

- a rule claim whose cue overlaps a model claim's cue: one claim, the model's cue and speaker
  mention, the rules' content pieces and kind;
- a rule claim whose content overlaps no model claim: added as it is (a construction the model
  missed);
- every other model claim: kept as it is. A rule claim that overlaps a model claim's content but
  not its cue is dropped: the two disagree on the attribution and the model is the more often
  right (measured on PolNeAR dev, docs/accuracy.md).
"""
from __future__ import annotations

from dataclasses import replace
from typing import List, Sequence, Set

from claimattr.schema import Claim, TextSpan


def spans_overlap(a: TextSpan, b: TextSpan) -> bool:
    """Whether two character spans share at least one character."""
    return a.start < b.end and b.start < a.end


def contents_overlap(a: Claim, b: Claim) -> bool:
    """Whether any content piece of ``a`` shares a character with one of ``b``."""
    return any(spans_overlap(p, q) for p in a.content for q in b.content)


def combine_claims(model: Sequence[Claim], rules: Sequence[Claim]) -> List[Claim]:
    """The model's claims with the rules' contents where both found the same attribution, plus
    the rules' claims the model did not find at all."""
    merged: Set[int] = set()
    combined: List[Claim] = []
    for rule in rules:
        same = [i for i, claim in enumerate(model) if spans_overlap(claim.cue, rule.cue)]
        if same:
            merged.update(same)
            first = model[same[0]]
            combined.append(replace(rule, cue=first.cue, speaker=first.speaker))
        elif not any(contents_overlap(claim, rule) for claim in model):
            combined.append(rule)
    combined.extend(claim for i, claim in enumerate(model) if i not in merged)
    return sorted(combined, key=lambda claim: (claim.cue.start, claim.cue.end))
