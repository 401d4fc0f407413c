"""Properties that hold for any input: no exceptions, spans inside the doc, lossless round trips.

The pipeline parses every example, so ``max_examples`` is modest and deadlines are off.
"""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Tuple

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimattr
from claimattr.schema import CLAIM_KINDS, SPEAKER_TYPES, Claim

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」"]
PIECES = QUOTE_MARKS + [
    "said", "told Reuters", "according to", "warned", "was quoted as saying", "accused", "of", "that",
    "insisting that", "describing it as", "He", "She", "it", "The minister", "Moscow", "officials",
    "sources cited by AFP", "Ana Ruiz", ":", " - ", "—", ",", ".", "!", "?", "\n", "\n\n", "By", "Source:",
    "ALSO READ:", "58", "soldiers", "killed", "Vows", "(", ")", "…", "\u200b", "\t", "é", "😀",
    "\u200f", "\u00a0", "\ufeff", "\r\n", "\u2028", "“We", "rebuild,”", "«Non»", "„Ja“",
]

news_like = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
mixed_glue = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.text(max_size=200)
only_quotes = st.lists(st.sampled_from(QUOTE_MARKS + [" ", "\n"]), max_size=30).map("".join)
quoted_sentences = st.builds(
    lambda open_, words, close, cue: f"{open_}{words}{close} {cue}",
    st.sampled_from(QUOTE_MARKS), st.text(min_size=0, max_size=60), st.sampled_from(QUOTE_MARKS + [""]),
    st.sampled_from(["the minister said.", "said Ana Ruiz.", "she added", "", "- Ana Ruiz"]),
)
long_inputs = st.builds(lambda parts, times: "\n\n".join(parts) * times,
                        st.lists(news_like, min_size=1, max_size=4), st.integers(min_value=20, max_value=200))
texts = st.one_of(news_like, mixed_glue, any_text, only_quotes, quoted_sentences)


def spans_of(claim: Dict[str, Any]) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every text span a claim dict carries, named by where it sits."""
    yield "cue", claim["cue"]
    for piece in claim["content"]:
        yield "content", piece
    speaker = claim["speaker"]
    if speaker is not None:
        yield "speaker", speaker
        for key in ("organisation", "intermediary"):
            if speaker[key] is not None:
                yield key, speaker[key]
    for quantity in claim["quantities"]:
        yield "quantity", quantity
        for key in ("modifier", "entity", "event"):
            if quantity.get(key) is not None:
                yield f"quantity.{key}", quantity[key]


def assert_well_formed(doc) -> None:
    text = doc.text
    for claim in doc._.claims:
        data = claim.to_dict()
        assert data["kind"] in CLAIM_KINDS
        assert data["content"], "a claim has content"
        for where, span in spans_of(data):
            assert 0 <= span["start"] <= span["end"] <= len(text), (where, span)
            assert text[span["start"]:span["end"]] == span["text"], (where, span)
        if data["speaker"] is not None:
            assert data["speaker"]["type"] in SPEAKER_TYPES
            from claimattr.text_hygiene import clean_label

            assert data["speaker"]["name"] == clean_label(data["speaker"]["name"]), "no invisible characters in names"
        assert Claim.from_dict(data) == claim and Claim.from_dict(data).to_dict() == data
    for quantity in doc._.quantities:
        assert text[quantity.start:quantity.end] == quantity.text
    for group in doc.spans.values():
        for span in group:
            assert 0 <= span.start_char <= span.end_char <= len(text)


@SETTINGS
@given(text=texts)
def test_any_text_never_raises_and_spans_lie_inside_the_doc(nlp, text):
    assert_well_formed(nlp(text))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=long_inputs)
def test_long_inputs_never_raise_and_spans_lie_inside_the_doc(nlp, text):
    assert_well_formed(nlp(text))


def test_empty_and_whitespace_texts(nlp):
    for text in ["", " ", "\n", "\n\n\n", "“", "”", "\"", "«»", "“”", "said", "according to", ": “", "“ - "]:
        doc = nlp(text)
        assert_well_formed(doc)


SAMPLES = [
    claimattr.example_report(),
    "Health Minister Ana Ruiz said the new hospital would open in May. Ruiz added that 300 nurses were hired.",
    "“We will rebuild,” the mayor said, “and we will do it quickly.”",
    "According to the fire service, the blaze started in a kitchen.",
    "Security sources cited by AFP said the convoy had been attacked. “It was chaos.”",
    "Union Warns of Nationwide Rail Strike\nBy Daniel Moreau\nThe union said its members would walk out.",
    "",
]


def _claims(docs) -> List[List[Dict[str, Any]]]:
    return [[claim.to_dict() for claim in doc._.claims] for doc in docs]


def test_to_disk_round_trip_gives_the_same_claims(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    assert _claims(reloaded.pipe(SAMPLES)) == _claims(nlp.pipe(SAMPLES))


def test_to_bytes_round_trip_gives_the_same_claims(nlp):
    other = claimattr.load("rules", pipes=[name for name in claimattr.PIPES if name in nlp.pipe_names])
    other.from_bytes(nlp.to_bytes())
    assert _claims(other.pipe(SAMPLES)) == _claims(nlp.pipe(SAMPLES))


def test_doc_serialisation_keeps_the_claims(nlp):
    from spacy.tokens import Doc, DocBin

    docs = list(nlp.pipe(SAMPLES))
    restored = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))
    assert _claims(restored) == _claims(docs)
    assert _claims([Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in docs]) == _claims(docs)


def test_pipe_with_two_processes_matches_one_process(nlp):
    single = _claims(nlp.pipe(SAMPLES))
    multi = _claims(nlp.pipe(SAMPLES, n_process=2, batch_size=2))
    assert multi == single
    assert any(single), "the samples do contain claims"


def test_pipe_matches_calling_the_pipeline(nlp):
    assert _claims(nlp.pipe(SAMPLES)) == _claims(nlp(text) for text in SAMPLES)


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_claim_dict_round_trip_on_pipeline_output(nlp, index):
    for claim in nlp(SAMPLES[index])._.claims:
        assert Claim.from_dict(claim.to_dict()) == claim


span = st.builds(lambda text, start: {"text": text, "start": start, "end": start + len(text)},
                 st.text(max_size=20), st.integers(min_value=0, max_value=10_000))
optional_span = st.none() | span
speaker = st.none() | st.builds(
    lambda mention, name, kind, role, org, via: {**mention, "name": name, "type": kind, "role": role,
                                                 "organisation": org, "intermediary": via},
    span, st.text(min_size=1, max_size=20), st.sampled_from(SPEAKER_TYPES),
    st.none() | st.text(max_size=15), optional_span, optional_span,
)
claim_dicts = st.builds(
    lambda kind, cue, content, who: {"kind": kind, "cue": cue, "content": content, "speaker": who,
                                     "quantities": []},
    st.sampled_from(CLAIM_KINDS), span, st.lists(span, min_size=1, max_size=3), speaker,
)


@settings(max_examples=100, deadline=None)
@given(data=claim_dicts)
def test_claim_dict_round_trip(data):
    claim = Claim.from_dict(data)
    assert Claim.from_dict(claim.to_dict()) == claim
    assert claim.to_dict() == data
