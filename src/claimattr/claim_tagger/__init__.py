"""``claim_tagger``: a trainable BIO tagger over cue, content and source spans."""
from claimattr.claim_tagger.tagger_component import ClaimTagger, make_claim_tagger

__all__ = ["ClaimTagger", "make_claim_tagger"]
