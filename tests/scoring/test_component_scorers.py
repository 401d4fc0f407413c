"""Every claimattr factory names a registered scorer in its default config and declares score
weights, so ``nlp.evaluate``, ``spacy train`` and ``spacy evaluate`` report its figures."""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Example

import claimattr
from claimattr.readers.brat import make_doc

TEXT = "The minister said that taxes would rise. Police denied the report."
GOLD_CLAIMS = [
    {"kind": "indirect", "cue": {"text": "said", "start": 13, "end": 17},
     "content": [{"text": "that taxes would rise", "start": 18, "end": 39}],
     "speaker": {"text": "The minister", "start": 0, "end": 12, "name": "minister", "type": "person"}},
    {"kind": "indirect", "cue": {"text": "denied", "start": 48, "end": 54},
     "content": [{"text": "the report", "start": 55, "end": 65}],
     "speaker": {"text": "Police", "start": 41, "end": 47, "name": "Police", "type": "organisation"}},
]

RULE_SCORERS = {
    "report_segmenter": ("spacy.senter_scorer.v1", "sents_f"),
    "claim_detector": ("claimattr.claim_scorer.v1", "claims_content_exact_f"),
    "speaker_linker": ("claimattr.claim_scorer.v1", "claims_attribution_f"),
}


@pytest.fixture(scope="module")
def gold_examples(nlp):
    reference = make_doc(TEXT, GOLD_CLAIMS)
    second = reference.char_span(41, 47)[0]  # gold sentence boundaries, for the segmenter's scorer
    for token in reference:
        token.is_sent_start = token.i in (0, second.i)
    return [Example(nlp.make_doc(TEXT), reference)]


@pytest.mark.parametrize("factory", sorted(RULE_SCORERS))
def test_each_rule_factory_declares_a_registered_scorer_and_weights(factory, nlp):
    scorer, weighted = RULE_SCORERS[factory]
    assert nlp.get_pipe_config(factory)["scorer"] == {"@scorers": scorer}
    assert weighted in nlp.get_pipe_meta(factory).default_score_weights


@pytest.mark.parametrize("factory", sorted(RULE_SCORERS))
def test_a_component_built_from_a_config_naming_its_scorer_is_evaluated(factory, gold_examples):
    scorer, weighted = RULE_SCORERS[factory]
    nlp = spacy.load(claimattr.DEFAULT_BASE)
    for name in claimattr.PIPES:
        config = {"scorer": {"@scorers": scorer}} if name == factory else {}
        claimattr.add_pipes(nlp, config={name: config}, pipes=[name])
    scores = nlp.evaluate(gold_examples)
    assert scores[weighted] is not None
    if factory != "report_segmenter":
        # both claims are found exactly, with their speakers
        assert scores["claims_attribution_f"] == pytest.approx(1.0)
        assert scores["claims_cue_exact_f"] == pytest.approx(1.0)


def test_a_scorer_config_can_be_replaced_in_a_training_config():
    """The config block the scoring docs show is accepted by spaCy."""
    config = spacy.util.load_config_from_str("""
[nlp]
lang = "en"
pipeline = ["claim_detector"]

[components]

[components.claim_detector]
factory = "claim_detector"

[components.claim_detector.scorer]
@scorers = "claimattr.claim_scorer.v1"
""")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert nlp.get_pipe_config("claim_detector")["scorer"] == {"@scorers": "claimattr.claim_scorer.v1"}


def test_spacy_evaluate_prints_claim_scores_in_its_table(tmp_path, nlp):
    """``spacy evaluate PIPELINE dev.spacy --spans-key claims`` tabulates attribution and parts."""
    pipeline = tmp_path / "pipeline"
    nlp.to_disk(pipeline)
    DocBin(docs=[make_doc(TEXT, GOLD_CLAIMS)], store_user_data=True).to_disk(tmp_path / "dev.spacy")
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", str(pipeline), str(tmp_path / "dev.spacy"),
         "--spans-key", "claims"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "SPAN F" in result.stdout and "100.00" in result.stdout
    assert "ATTRIBUTION" in result.stdout and "CONTENT (exact)" in result.stdout
