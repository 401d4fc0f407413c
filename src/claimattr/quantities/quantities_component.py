"""``quantity_normaliser``: every quantity in a report, normalised, and linked to its claim.

News claims are compared across sources by their numbers ("killed 58 soldiers" against "killed
dozens"), so each mention becomes a :class:`~claimattr.schema.Quantity`: a best value, bounds set by
modifiers, ranges and vague plurals ("more than 58" -> low 58; "between 20 and 25"; "dozens" ->
24..119), a unit (ISO 4217 for money), the counted entity and the event.

The pipe composes small parts, each built from the same compiled lexicon
(:class:`~claimattr.quantities.lexicon.Lookups`, from ``quantities.json``, validated against
``quantities.schema.json``):

- candidates: a spaCy ``Matcher`` (``LIKE_NUM``, number words, digits, "a" + scale);
- :class:`~claimattr.quantities.mentions.MentionReader`: the number, range or ratio at a candidate,
  with its currency and unit (:class:`~claimattr.quantities.units.Units`) and modifier;
- :class:`~claimattr.quantities.exclusions.Exclusions`: dates, years, ordinals, ages, identifiers;
- :class:`~claimattr.quantities.anchoring.Anchoring`: the counted entity and the event.

The component runs last, after ``speaker_linker``, and copies each quantity into the claim whose
content holds it; without claims it still fills ``doc._.quantities``.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc

from claimattr.quantities.anchoring import Anchoring
from claimattr.quantities.change import ChangeReader
from claimattr.quantities.exclusions import Exclusions
from claimattr.quantities.lexicon import DEFAULT_LEXICON, LEXICON_SCHEMA, Lookups
from claimattr.quantities.mentions import MentionReader, candidate_matcher
from claimattr.quantities.numbers import NumberSpan, clean_value
from claimattr.quantities.units import Units
from claimattr.rules.component import RuleComponent
from claimattr.schema import CLAIMS_KEY, Quantity, TextSpan
from claimattr.scoring.quantities import QUANTITY_SCORE_WEIGHTS, score_quantities


def innermost_claim(claims: Sequence[Any], quantity: Quantity) -> Optional[int]:
    """Index of the claim whose content piece holds ``quantity`` most tightly (nested claims), else ``None``.

    A quantity belongs to one claim: when a quoted claim sits inside another claim's content, the
    shortest containing piece is the claim that states the number.
    """
    best: Optional[Tuple[int, int]] = None
    for index, claim in enumerate(claims):
        for piece in claim.content:
            if piece.start <= quantity.start and quantity.end <= piece.end:
                size = piece.end - piece.start
                if best is None or size < best[0]:
                    best = (size, index)
    return None if best is None else best[1]


def inherit_subjects(quantities: List[Quantity]) -> List[Quantity]:
    """A subject that is itself a quantity ("eased 0.5 percentage points to 5.4%", where the parse hangs the
    level on the change), or a counted phrase that opens with one ("delivered 27 737 Max jets ..., down from
    35"), stands for what that quantity measures: its subject, else none."""
    for quantity in quantities:
        subject = quantity.subject
        if subject is None:
            continue
        holder = next((q for q in quantities if q is not quantity and (
            q.start <= subject.start and subject.end <= q.end or q.start == subject.start and q.unit is None)), None)
        if holder is not None:
            quantity.subject = holder.subject
    return quantities


@Language.factory(
    "quantity_normaliser",
    default_config={
        "lexicon_path": None,
        "link_claims": True,
        "scorer": {"@scorers": "claimattr.quantity_scorer.v1"},
    },
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.quantities", "doc._.claims", "doc.spans"],
    default_score_weights=QUANTITY_SCORE_WEIGHTS,
)
def make_quantity_normaliser(
    nlp: Language,
    name: str,
    lexicon_path: Optional[str],
    link_claims: bool,
    scorer: Optional[Callable],
) -> "QuantityNormaliser":
    return QuantityNormaliser(nlp, name, lexicon_path=lexicon_path, link_claims=link_claims, scorer=scorer)


class QuantityNormaliser(RuleComponent):
    """Find, normalise and attach quantity mentions; see the module docstring for the parts."""

    lexicon_schema = LEXICON_SCHEMA
    settings = ("link_claims",)

    def __init__(
        self,
        nlp: Language,
        name: str = "quantity_normaliser",
        *,
        lexicon_path: Optional[Union[str, Path]] = None,
        link_claims: bool = True,
        scorer: Optional[Callable] = None,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.link_claims = link_claims
        self.scorer = scorer if scorer is not None else score_quantities
        self.lexicon: Dict[str, Any] = {}
        self._load(lexicon_path or DEFAULT_LEXICON)

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.look = Lookups(lexicon)
        self.units = Units(self.look)
        self.reader = MentionReader(self.look, self.units)
        self.exclusions = Exclusions(self.look, self.units.registry)
        self.anchoring = Anchoring(self.look)
        self.change = ChangeReader(self.look, self.units.registry)
        self.matcher = candidate_matcher(self.vocab, self.look)

    # ---- running ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        quantities = self.find_quantities(doc)
        doc._.quantities = quantities
        if self.link_claims and CLAIMS_KEY in doc.user_data:
            claims = doc._.claims
            homes = [innermost_claim(claims, q) for q in quantities]
            for index, claim in enumerate(claims):
                claim.quantities = [q for q, home in zip(quantities, homes) if home == index]
            doc._.claims = claims
        return doc

    def find_quantities(self, doc: Doc) -> List[Quantity]:
        """All quantity mentions of ``doc`` in text order."""
        currency_in_doc = self.look.topics.document_readings(doc)
        candidates = sorted({start for _, start, _ in self.matcher(doc)})
        numbers: List[NumberSpan] = []
        skip_until = 0
        for i in candidates:
            if i < skip_until:
                continue
            number = self.reader.number_at(doc, i, currency_in_doc, skip_until)
            if number is None:
                continue
            skip_until = number.end
            if number.value is None or self.exclusions.excluded(doc, number):
                continue
            numbers.append(number)
        self.units.share_compared_units(doc, numbers)
        found = [q for q in (self.to_quantity(doc, number) for number in numbers) if q is not None]
        return inherit_subjects(found)

    def to_quantity(self, doc: Doc, number: NumberSpan) -> Optional[Quantity]:
        """The ``Quantity`` of a number that passed the exclusions, with its anchors."""
        values = [v for v in (number.value, number.low, number.high) if v is not None]
        if not all(math.isfinite(v) for v in values):
            return None
        span = doc[number.start:number.end]
        text, end_char = span.text, span.end_char
        if text.endswith(".") and len(text) > 1:
            text, end_char = text[:-1], end_char - 1  # "£2.5m." at a sentence end
        entity_token = self.anchoring.entity_head(doc, number)
        entity = self.anchoring.entity_anchor(doc, entity_token, number) if entity_token is not None else None
        event = self.anchoring.event(doc, number, entity_token)
        subject = self.change.subject(doc, number, entity_token)
        unit = self.units.exchange_rate(number.unit, number.per_currency, subject.lemma if subject else None)
        unit_name, dimension = self.units.registry.describe(unit)
        return Quantity(
            text=text, start=span.start_char, end=end_char,
            value=clean_value(number.value), low=clean_value(number.low), high=clean_value(number.high),
            approximate=number.approximate, relation=number.relation, modifier=self.modifier_span(doc, number),
            unit=unit, entity=entity, event=event, unit_name=unit_name, dimension=dimension,
            direction=self.change.direction(doc, number), subject=subject,
        )

    def modifier_span(self, doc: Doc, number: NumberSpan) -> Optional[TextSpan]:
        """The words that set relation or bounds; "between ... and" for a range with an opener."""
        if number.modifier is None:
            return None
        mod = doc[number.modifier[0]:number.modifier[1]]
        modifier = TextSpan(mod.text, mod.start_char, mod.end_char)
        if number.low is not None and number.high is not None and mod.text.lower() in self.reader.range_openers:
            joiners = [t for t in doc[number.start:number.end] if t.lower_ in self.reader.range_joiners]
            if joiners:
                last = joiners[-1]
                modifier = TextSpan(f"{mod.text} ... {last.lower_}", mod.start_char, last.idx + len(last))
        return modifier
