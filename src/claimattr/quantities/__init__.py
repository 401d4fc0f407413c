"""``quantity_normaliser``: number parsing, units, exclusions, entity/event anchoring."""
from claimattr.quantities.quantities_component import QuantityNormaliser, make_quantity_normaliser

__all__ = ["QuantityNormaliser", "make_quantity_normaliser"]
