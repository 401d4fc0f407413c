"""Specification of the corpus tooling: the authoring format, its compiler, validation, stats,
conversion to DocBin and a `spacy train` smoke run on converted files. The `claimattr corpus`
commands are specified in tests/cli/test_corpus_commands.py."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy
from spacy.tokens import DocBin

from claimattr.readers.corpus import (
    build, check_record, compare_records, dump_authoring, make_manifest, paragraphs, read_authoring,
    record_doc, resolve_document, span_ref, stats, validate_corpus_file, validate_paths,
)
from claimattr.schema import Claim

TEXT = (
    "- By A. Writer\n"
    "Officials Say Two Killed in Port Blast\n"
    "At least 12 people were killed in the blast, police said on Monday. Police said the port was closed.\n"
    "\n"
    "A spokesman for the Harbour Authority, Mira Osei, said that cargo would resume within a week. "
    "\"We are confident,\" Osei said.\n"
)


def claim_said_twice(occurrence: int) -> Dict[str, Any]:
    return {"para": 2, "kind": "indirect", "cue": {"text": "said", "occurrence": occurrence},
            "content": ["the port was closed"] if occurrence == 2 else ["At least 12 people were killed in the blast"],
            "speaker": {"text": "Police", "name": "police", "type": "organisation", "role": None,
                        "organisation": None, "intermediary": None} if occurrence == 2 else
                       {"text": "police", "name": "police", "type": "organisation", "role": None,
                        "organisation": None, "intermediary": None},
            "quantities": []}


def osei_claim() -> Dict[str, Any]:
    return {"para": 3, "kind": "indirect", "cue": {"text": "said", "occurrence": 1},
            "content": ["that cargo would resume within a week"],
            "speaker": {"text": "Mira Osei", "name": "Mira Osei", "type": "person", "role": "spokesman",
                        "organisation": "Harbour Authority", "intermediary": None},
            "quantities": [{"text": "a week", "value": 1.0, "low": None, "high": None, "approximate": False,
                            "relation": "=", "unit": "week", "modifier": None, "entity": None, "event": None}]}


def authoring(claims: List[Dict[str, Any]], quantities: List[Dict[str, Any]] = ()) -> Dict[str, Any]:
    return {"id": "t01-port", "text_file": "../texts/t01-port.txt", "status": "corrected", "notes": "",
            "claims": claims, "quantities": list(quantities)}


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "t01-port.txt").write_text(TEXT, encoding="utf8")
    (tmp_path / "texts" / "t02-port.txt").write_text(TEXT, encoding="utf8")
    (tmp_path / "annotated").mkdir()
    (tmp_path / "preannotated").mkdir()
    manifest = {"policy": "test", "splits": {"train": ["t01-port"], "dev": ["t02-port"], "test": []}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf8")
    return tmp_path


def write(folder: Path, doc_id: str, data: Dict[str, Any]) -> Path:
    data = {**data, "id": doc_id}
    path = folder / f"{doc_id}.json"
    path.write_text(dump_authoring(data) + "\n", encoding="utf8")
    return path


# --------------------------------------------------------------------------- authoring resolution


def test_repeated_strings_are_told_apart_by_occurrence() -> None:
    data = authoring([claim_said_twice(1), claim_said_twice(2)])
    record = resolve_document(data, TEXT, "t01.json").record
    first, second = (Claim.from_dict(c) for c in record["claims"])
    assert TEXT[first.cue.start:first.cue.end] == "said" and TEXT[second.cue.start:second.cue.end] == "said"
    assert first.cue.start < TEXT.index("Police said") < second.cue.start
    assert second.speaker.mention.start == TEXT.index("Police said")


def test_a_repeated_string_without_occurrence_is_an_error_naming_claim_and_field() -> None:
    claim = claim_said_twice(1)
    claim["cue"] = "said"
    result = resolve_document(authoring([claim]), TEXT, "t01.json")
    assert result.record is None
    assert "claims[0].cue" in str(result.errors[0]) and "occurs 2 times" in str(result.errors[0])


def test_whole_words_only_and_spans_may_point_to_another_paragraph() -> None:
    claim = osei_claim()
    claim["speaker"]["intermediary"] = {"text": "police", "para": 2}
    record = resolve_document(authoring([claim]), TEXT, "t01.json").record
    speaker = record["claims"][0]["speaker"]
    assert speaker["organisation"]["text"] == "Harbour Authority"
    assert paragraphs(TEXT)[2][0] <= speaker["intermediary"]["start"] < paragraphs(TEXT)[2][1]
    assert record["quantities"] == record["claims"][0]["quantities"]


def test_span_ref_is_the_inverse_of_resolution() -> None:
    paras = paragraphs(TEXT)
    for needle in ("said", "Osei", "police", "At least 12"):
        start = 0
        while (start := TEXT.find(needle, start)) != -1:
            ref = span_ref(TEXT, paras, start, start + len(needle), default_para=3)
            data = authoring([{"para": 3, "kind": "indirect", "cue": ref, "content": ["cargo"]}])
            assert resolve_document(data, TEXT, "x").record["claims"][0]["cue"]["start"] == start
            start += 1


def test_line_numbers_of_errors_point_into_the_authoring_file(corpus_dir: Path) -> None:
    bad = osei_claim()
    bad["content"] = ["cargo would resume within a month"]
    path = write(corpus_dir / "annotated", "t01-port", authoring([claim_said_twice(1), bad]))
    result = read_authoring(path)
    (error,) = result.errors
    assert "claims[1].content[0]" in error.message
    assert path.read_text().splitlines()[error.line - 1].strip() == "{"
    assert '"para": 3' in path.read_text().splitlines()[error.line]


# --------------------------------------------------------------------------- validation


def good_record() -> Dict[str, Any]:
    record = resolve_document(authoring([claim_said_twice(1), osei_claim()]), TEXT, "x").record
    return {**record, "id": "t01-port", "split": "train"}


def test_a_compiled_record_from_valid_authoring_passes_every_check() -> None:
    assert check_record(good_record(), "x.jsonl") == []


def test_validation_reports_file_and_line_and_checks_every_other_record(tmp_path: Path) -> None:
    record = good_record()
    off_token = json.loads(json.dumps(record))
    off_token["id"] = "t02"
    off_token["claims"][0]["cue"] = {"text": "ai", "start": record["claims"][0]["cue"]["start"] + 1,
                                     "end": record["claims"][0]["cue"]["start"] + 3}
    no_content = json.loads(json.dumps(record))
    no_content["id"] = "t03"
    no_content["claims"][1]["content"] = []
    no_content["claims"][1]["kind"] = "rumour"
    lines = ["{not json", json.dumps(record), json.dumps(off_token), json.dumps(no_content), json.dumps(record)]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    errors = [str(e) for e in validate_corpus_file(path)]
    assert any(e.startswith(f"{path}:1: invalid JSON") for e in errors)
    assert any(e.startswith(f"{path}:3: claims[0].cue") and "token boundaries" in e for e in errors)
    assert any(e.startswith(f"{path}:4: claims[1].content") for e in errors)
    assert any(e.startswith(f"{path}:4: claims[1].kind") for e in errors)
    assert any(e.startswith(f"{path}:5: id: duplicate id 't01-port'") for e in errors)
    assert not any(f"{path}:2:" in e for e in errors)


def test_references_and_duplicates_are_checked() -> None:
    record = good_record()
    record["claims"].append(json.loads(json.dumps(record["claims"][1])))
    record["quantities"] = []
    errors = [e.message for e in check_record(record, "x")]
    assert any("duplicate of claims[1]" in e for e in errors)
    assert any("not in the record's quantities list" in e for e in errors)


# --------------------------------------------------------------------------- build, corrections, stats


def test_build_compiles_the_good_documents_and_reports_the_bad(corpus_dir: Path) -> None:
    write(corpus_dir / "annotated", "t01-port", authoring([claim_said_twice(1), osei_claim()]))
    bad = osei_claim()
    bad["speaker"]["organisation"] = "Port Authority"
    write(corpus_dir / "annotated", "t02-port", {**authoring([bad]), "text_file": "../texts/t02-port.txt"})
    result = build(corpus_dir)
    assert [r["id"] for r in result.records] == ["t01-port"]
    assert len(result.errors) == 1 and "t02-port.json" in result.errors[0].path
    assert "claims[0].speaker.organisation" in result.errors[0].message
    lines = (corpus_dir / "corpus.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["split"] == "train" and len(lines) == 1


def test_corrections_count_what_the_annotator_changed(corpus_dir: Path) -> None:
    pre_claims = [claim_said_twice(1), claim_said_twice(2), osei_claim()]
    pre_claims[2]["speaker"]["role"] = None
    write(corpus_dir / "preannotated", "t01-port", authoring(pre_claims))
    gold = [claim_said_twice(1), osei_claim()]
    gold[1]["quantities"][0]["value"] = 7.0
    gold[1]["quantities"][0]["unit"] = "day"
    write(corpus_dir / "annotated", "t01-port", authoring(gold))
    build(corpus_dir)
    total = json.loads((corpus_dir / "corrections.json").read_text())["total"]
    assert total["claims_removed"] == 1 and total["claims_added"] == 0
    assert total["role_changed"] == 1 and total["claims_changed"] == 1
    assert total["quantities_changed"] == 1 and total["documents_corrected"] == 1


def test_compare_records_counts_added_claims() -> None:
    gold = good_record()
    pre = {**gold, "claims": gold["claims"][:1], "quantities": []}
    counts = compare_records(pre, gold)
    assert counts["claims_added"] == 1 and counts["quantities_added"] == 1


def test_stats_count_reports_claims_quantities_and_speakers_per_split() -> None:
    train, dev = good_record(), {**good_record(), "id": "t02", "split": "dev"}
    table = stats([train, dev])
    assert table["train"]["claims"] == 2 and table["total"]["claims"] == 4
    assert table["total"]["reports"] == 2 and table["total"]["quantities"] == 2
    assert table["train"]["speakers_with_role_or_org"] == 1  # Osei (role + org); police has neither
    assert table["dev"]["kind_indirect"] == 2
    assert table["train"]["words"] == len(TEXT.split())


def test_manifest_is_stratified_and_puts_the_seed_in_dev() -> None:
    ids = [f"{d}{n:02d}-x" for d in "ab" for n in range(1, 31)] + ["seed-pak-afg-border"]
    splits = make_manifest(ids)["splits"]
    assert {len(splits[s]) for s in ("dev", "test")} == {10, 11}
    assert "seed-pak-afg-border" in splits["dev"]
    for domain in "ab":
        assert sum(i.startswith(domain) for i in splits["test"]) == 5


# --------------------------------------------------------------------------- spaCy


SPANCAT_CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0

[nlp]
lang = "en"
pipeline = ["tok2vec", "spancat"]
batch_size = 8

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.HashEmbedCNN.v2"
width = 32
depth = 1
embed_size = 500
window_size = 1
maxout_pieces = 2
subword_features = false
pretrained_vectors = null

[components.spancat]
factory = "spancat"
spans_key = "claims"

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 32

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"

[components.spancat.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32

[components.spancat.suggester]
@misc = "spacy.ngram_suggester.v1"
sizes = [1, 2, 3]

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
max_epochs = 1
max_steps = 5
eval_frequency = 5

[training.optimizer]
@optimizers = "Adam.v1"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 500

[initialize]
"""


def test_spacy_train_consumes_the_converted_docbin(tmp_path: Path) -> None:
    """A one-epoch spancat run on the converted files: the format feeds `spacy train` as is."""
    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train

    record = good_record()
    records = [record, {**record, "id": "t02", "split": "dev"}]
    for split, rec in zip(("train", "dev"), records):
        docbin = DocBin(store_user_data=True, docs=[record_doc(rec)])
        docbin.to_disk(tmp_path / f"{split}.spacy")
    base, config = tmp_path / "base.cfg", tmp_path / "config.cfg"
    base.write_text(SPANCAT_CONFIG, encoding="utf8")
    fill_config(config, base, silent=True)  # spaCy's defaults for everything the base leaves out
    train(config, tmp_path / "model", overrides={"paths.train": str(tmp_path / "train.spacy"),
                                                  "paths.dev": str(tmp_path / "dev.spacy")})
    trained = spacy.load(tmp_path / "model" / "model-last")
    assert trained.pipe_names == ["tok2vec", "spancat"]
    assert set(trained.get_pipe("spancat").labels) == {"CUE", "CONTENT", "SOURCE"}


def test_every_pre_annotation_in_the_repository_resolves() -> None:
    folder = Path(__file__).resolve().parents[2] / "training" / "corpus" / "preannotated"
    if not folder.exists():
        pytest.skip("no pre-annotations")
    count, errors = validate_paths([folder])
    assert count >= 61
    assert not [e for e in errors if "token boundaries" not in e.message]
