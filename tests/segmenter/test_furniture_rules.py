"""The segmenter rules are validated data: a broken ``rules_path`` fails when ``report_segmenter`` is
built, naming the file, the key and what was expected, and every key is documented in
``segmenter/furniture.schema.json``."""
from __future__ import annotations

import json

import pytest
import spacy
from jsonschema import Draft202012Validator

from claimattr.segmenter.segmenter_component import DEFAULT_RULES as DEFAULT_LEXICON, RULES_SCHEMA as LEXICON_SCHEMA
from claimattr.rules.lexicon import LexiconError

FACTORY, SETTING = "report_segmenter", "rules_path"


def shipped() -> dict:
    return json.loads(DEFAULT_LEXICON.read_text(encoding="utf8"))


def wrong_type(lexicon):
    lexicon["line_patterns"] = "^by "
    return "line_patterns"


def wrong_item_type(lexicon):
    lexicon["headline_max_words"] = 12.5
    return "headline_max_words"


def missing_key(lexicon):
    del lexicon["headline_min_capitalised"]
    return "headline_min_capitalised"


def unknown_key(lexicon):
    lexicon["headline_max_word"] = 12
    return "headline_max_word"


@pytest.mark.parametrize("breakage", [wrong_type, wrong_item_type, missing_key, unknown_key])
def test_a_broken_lexicon_fails_when_the_component_is_built(tmp_path, breakage):
    lexicon = shipped()
    key = breakage(lexicon)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(lexicon), encoding="utf8")
    nlp = spacy.blank("en")
    with pytest.raises(LexiconError) as error:
        nlp.add_pipe(FACTORY, config={SETTING: str(path)})
    message = str(error.value)
    assert message.startswith(f"{path}: "), message
    assert f"key '{key}': " in message, message
    assert "unknown key" in message if breakage is unknown_key else "(expected: " in message, message


def test_invalid_json_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n "bullets": [,]\n}', encoding="utf8")
    with pytest.raises(LexiconError, match=r"broken\.json:2:"):
        spacy.blank("en").add_pipe(FACTORY, config={SETTING: str(path)})


def test_the_shipped_lexicon_matches_its_schema_and_every_key_is_described():
    schema = json.loads(LEXICON_SCHEMA.read_text(encoding="utf8"))
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(shipped()))
    assert schema["additionalProperties"] is False
    properties = schema["properties"]
    for key in shipped():
        assert properties.get(key, {}).get("description", "").strip(), f"{key} has no description in {LEXICON_SCHEMA.name}"
    for key, entry in properties.items():
        assert entry.get("description", "").strip(), f"{key} has no description in {LEXICON_SCHEMA.name}"
