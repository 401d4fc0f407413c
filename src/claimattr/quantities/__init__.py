"""``quantity_normaliser``: number parsing, units, exclusions, entity/event anchoring.

Modules: ``numbers`` (number words and digits, pure), ``lexicon`` (the compiled lexicon),
``units`` (currencies, scales, units), ``mentions`` (numbers, ranges and modifiers over tokens),
``exclusions`` (what is no quantity), ``anchoring`` (entity and event) and
``quantities_component`` (the factory and the pipe). Scoring is ``claimattr.scoring.quantities``.
"""
from claimattr.quantities.numbers import parse_digits, parse_number_words
from claimattr.quantities.quantities_component import QuantityNormaliser, make_quantity_normaliser

__all__ = ["QuantityNormaliser", "make_quantity_normaliser", "parse_digits", "parse_number_words"]
