"""What the cue lexicon's schema checks beyond types (the shared checks are in tests/rules)."""
from __future__ import annotations

import json

import pytest
import spacy

from claimattr.detector.detector_component import DEFAULT_LEXICON
from claimattr.rules.lexicon import LexiconError


def test_a_broken_regular_expression_fails_at_load_not_mid_document(tmp_path):
    lexicon = json.loads(DEFAULT_LEXICON.read_text(encoding="utf8"))
    lexicon["non_claim_content"].append("(unclosed")
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(lexicon), encoding="utf8")
    with pytest.raises(LexiconError, match=r"non_claim_content/\d+.*is not a 'regex'"):
        spacy.blank("en").add_pipe("claim_detector", config={"lexicon_path": str(path)})
