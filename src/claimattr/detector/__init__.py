"""``claim_detector``: rule-based claim detection (cue, content, kind) from the parse and quotation marks."""
from claimattr.detector.detector_component import DEFAULT_LEXICON, LEXICON_SCHEMA, ClaimDetector, make_claim_detector

__all__ = ["ClaimDetector", "make_claim_detector", "DEFAULT_LEXICON", "LEXICON_SCHEMA"]
