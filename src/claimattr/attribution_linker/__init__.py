"""``attribution_linker``: a trainable scorer of cue-content and cue-source pairs."""
from claimattr.attribution_linker.attribution_component import AttributionLinker, make_attribution_linker

__all__ = ["AttributionLinker", "make_attribution_linker"]
