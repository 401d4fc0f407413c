"""The quantity lexicon is validated data: a broken one fails at construction, naming file and key."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import claimattr
from claimattr.quantities.lexicon import DEFAULT_LEXICON, LEXICON_SCHEMA
from claimattr.quantities.quantities_component import QuantityNormaliser
from claimattr.rules.lexicon import LexiconError, read_lexicon

SCHEMA = json.loads(LEXICON_SCHEMA.read_text(encoding="utf8"))
BUNDLED = json.loads(DEFAULT_LEXICON.read_text(encoding="utf8"))


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def write(tmp_path: Path, data) -> str:
    path = tmp_path / "broken_quantities.json"
    path.write_text(json.dumps(data), encoding="utf8")
    return str(path)


def test_the_bundled_lexicon_matches_its_schema_and_the_component_uses_it():
    assert read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA) == BUNDLED
    assert QuantityNormaliser.lexicon_schema == LEXICON_SCHEMA


def test_every_key_is_documented_and_required():
    assert SCHEMA["additionalProperties"] is False and SCHEMA["description"]
    keys = set(SCHEMA["properties"]) - {"$schema"}
    assert set(SCHEMA["required"]) == keys == set(BUNDLED) - {"$schema"}
    for key, spec in SCHEMA["properties"].items():
        assert len(spec.get("description", "")) > 20, key


def test_a_key_of_the_wrong_type_fails_naming_file_key_and_expectation(blank, tmp_path):
    path = write(tmp_path, {**BUNDLED, "months": "january"})
    with pytest.raises(LexiconError) as error:
        blank.add_pipe("quantity_normaliser", config={"lexicon_path": path})
    message = str(error.value)
    assert path in message and "key 'months'" in message and "is not of type 'array'" in message
    assert "a number next to one is a date" in message  # the schema's description of the key


def test_a_wrong_type_inside_a_table_fails_naming_the_nested_key(blank, tmp_path):
    path = write(tmp_path, {**BUNDLED, "scales": {**BUNDLED["scales"], "million": "1000000"}})
    with pytest.raises(LexiconError, match=r"key 'scales/million'.*is not of type 'number'"):
        blank.add_pipe("quantity_normaliser", config={"lexicon_path": path})


def test_a_missing_key_fails_naming_it(blank, tmp_path):
    data = dict(BUNDLED)
    del data["vague_convention"]
    path = write(tmp_path, data)
    with pytest.raises(LexiconError) as error:
        blank.add_pipe("quantity_normaliser", config={"lexicon_path": path})
    message = str(error.value)
    assert path in message and "key 'vague_convention'" in message and "required" in message


def test_an_unknown_key_and_a_bad_currency_code_fail(blank, tmp_path):
    path = write(tmp_path, {**BUNDLED, "number_wrods": {}})
    with pytest.raises(LexiconError, match="number_wrods"):
        blank.add_pipe("quantity_normaliser", config={"lexicon_path": path})
    path = write(tmp_path, {**BUNDLED, "currency_words": {"dollar": "usd"}})
    with pytest.raises(LexiconError, match="key 'currency_words/dollar'"):
        blank.add_pipe("quantity_normaliser", config={"lexicon_path": path})


def test_a_lexicon_given_at_initialize_is_validated_too():
    nlp = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"])
    pipe = nlp.get_pipe("quantity_normaliser")
    with pytest.raises(LexiconError, match=r"\[initialize.components.quantity_normaliser\] lexicon: key 'year_range'"):
        pipe.initialize(lexicon={**BUNDLED, "year_range": [1800]})


def test_a_changed_lexicon_changes_behaviour(tmp_path):
    path = write(tmp_path, {**BUNDLED, "year_range": [1800, 1900]})
    nlp = claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"], config={"quantity_normaliser": {"lexicon_path": path}})
    assert [q.text for q in nlp("The law was passed in 2021.")._.quantities] == ["2021"]
