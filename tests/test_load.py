"""``claimattr.load``: named pipelines, any trained pipeline by path, and what gets added."""
from __future__ import annotations

import pytest
import spacy

import claimattr


def test_rules_is_the_base_pipeline_with_every_rule_component():
    nlp = claimattr.load("rules")
    assert [p for p in nlp.pipe_names if p in claimattr.PIPES] == list(claimattr.PIPES)


def test_a_trained_pipeline_by_path_gets_no_rule_detector_on_top(tmp_path):
    trained = spacy.load(claimattr.TRAINED_PIPELINE)
    trained.to_disk(tmp_path / "mine")
    nlp = claimattr.load(pipeline=tmp_path / "mine")
    assert "claim_detector" not in nlp.pipe_names and "report_segmenter" not in nlp.pipe_names
    assert nlp.pipe_names[-3:] == ["speaker_linker", "quantity_normaliser", "figure_grouper"]
    assert nlp.get_pipe("speaker_linker").keep_mentions, "trained mentions are kept and resolved"


def test_a_pipeline_without_claim_components_is_treated_as_a_base():
    nlp = claimattr.load(pipeline=spacy.load(claimattr.DEFAULT_BASE))
    assert "claim_detector" in nlp.pipe_names


def test_trained_true_is_a_deprecated_alias():
    with pytest.warns(DeprecationWarning, match="pipeline='trained'"):
        nlp = claimattr.load(trained=True)
    assert "claim_tagger" in nlp.pipe_names


def test_the_transformer_pipeline_names_the_command_that_builds_it():
    try:
        claimattr.load("trf")
    except OSError as err:
        assert "weasel run all --vars.config trf" in str(err)
    else:  # built and installed on this machine
        pass


def test_the_named_trained_pipeline_combines_the_model_with_the_rules():
    nlp = claimattr.load("trained")
    order = nlp.pipe_names
    assert order.index("attribution_linker") < order.index("claim_detector") < order.index("speaker_linker")
    assert nlp.get_pipe("claim_detector").existing_claims == "combine"
    assert order.index("report_segmenter") < order.index("parser")
    alone = claimattr.load("trained", combine=False)
    assert "claim_detector" not in alone.pipe_names


def test_a_trained_folder_is_combined_with_the_rules_only_when_asked():
    """A retrained ``model-best`` loads as it is; ``combine=True`` runs it as the default runs the
    shipped model, so the two can be compared."""
    as_is = claimattr.load(claimattr.TRAINED_PIPELINE)
    assert "claim_detector" not in as_is.pipe_names and "speaker_linker" in as_is.pipe_names
    combined = claimattr.load(claimattr.TRAINED_PIPELINE, combine=True)
    assert combined.pipe_names == claimattr.load("trained").pipe_names
    assert combined.get_pipe("claim_detector").existing_claims == "combine"


def test_the_trained_pipelines_base_reads_the_same_norms_as_the_base_it_was_sourced_from():
    """Sourcing components does not carry the base's ``lexeme_norm`` table over; without it the
    frozen parser read "neighbourhood" otherwise than en_core_web_sm does and parsed differently."""
    base = spacy.load(claimattr.DEFAULT_BASE)
    trained = claimattr.load("trained")
    text = "“When I started working here, teams sprayed every neighbourhood twice a year,” said Tran Van Minh."
    assert [t.norm_ for t in trained.make_doc(text)] == [t.norm_ for t in base.make_doc(text)]
    with trained.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = trained(text)
    assert [(t.dep_, t.head.i) for t in parsed] == [(t.dep_, t.head.i) for t in base(text)]


def test_the_base_vocabulary_tables_are_what_a_training_config_initialises_with():
    from claimattr.pipelines.transformer import base_lookups

    assert base_lookups(claimattr.DEFAULT_BASE, "vocab").get_table("lexeme_norm")["neighbourhood"] == "neighborhood"
