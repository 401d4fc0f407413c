"""Every rule component's lexicon is validated data: a broken file fails when the component is
built, naming the file, the key and what was expected, and every key is documented in the JSON
Schema beside the shipped lexicon."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict

import pytest
import spacy
from jsonschema import Draft202012Validator

from claimattr.detector import detector_component
from claimattr.linker import linker_component
from claimattr.rules.lexicon import LexiconError
from claimattr.segmenter import segmenter_component


@dataclass(frozen=True)
class RuleLexicon:
    """One component's lexicon, and one key each breakage below damages."""

    factory: str
    setting: str
    shipped: Path
    schema: Path
    wrong_type: str
    wrong_item: str
    required: str


LEXICONS = [
    RuleLexicon("claim_detector", "lexicon_path", detector_component.DEFAULT_LEXICON,
                detector_component.LEXICON_SCHEMA, "verbs", "floating_quote_min_coverage", "nouns"),
    RuleLexicon("speaker_linker", "lexicon_path", linker_component.DEFAULT_LEXICON,
                linker_component.LEXICON_SCHEMA, "role_nouns", "honorifics/0", "first_person_plural_pronouns"),
    RuleLexicon("report_segmenter", "rules_path", segmenter_component.DEFAULT_RULES,
                segmenter_component.RULES_SCHEMA, "line_patterns", "headline_max_words", "headline_min_capitalised"),
]


def _set(lexicon: Dict[str, Any], path: str, value: Any) -> None:
    key, _, index = path.partition("/")
    if index:
        lexicon[key][int(index)] = value
    else:
        lexicon[key] = value


BREAKAGES: Dict[str, Callable[[Dict[str, Any], RuleLexicon], str]] = {
    # a list or number where the schema wants another type
    "wrong type": lambda lexicon, rule: (_set(lexicon, rule.wrong_type, 7), rule.wrong_type)[1],
    # a string where a number or a list item of another type is wanted
    "wrong item": lambda lexicon, rule: (_set(lexicon, rule.wrong_item, {"no": 1}), rule.wrong_item)[1],
    "missing key": lambda lexicon, rule: (lexicon.pop(rule.required), rule.required)[1],
    "unknown key": lambda lexicon, rule: (lexicon.__setitem__("no_such_key", []), "no_such_key")[1],
}


def shipped(rule: RuleLexicon) -> Dict[str, Any]:
    return json.loads(rule.shipped.read_text(encoding="utf8"))


@pytest.mark.parametrize("rule", LEXICONS, ids=lambda rule: rule.factory)
@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_lexicon_fails_when_the_component_is_built(tmp_path, rule, breakage):
    lexicon = shipped(rule)
    key = BREAKAGES[breakage](lexicon, rule)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(lexicon), encoding="utf8")
    with pytest.raises(LexiconError) as error:
        spacy.blank("en").add_pipe(rule.factory, config={rule.setting: str(path)})
    message = str(error.value)
    assert message.startswith(f"{path}: "), message
    assert f"key '{key}': " in message, message
    assert ("unknown key" if breakage == "unknown key" else "(expected: ") in message, message


@pytest.mark.parametrize("rule", LEXICONS, ids=lambda rule: rule.factory)
def test_invalid_json_names_the_file_and_line(tmp_path, rule):
    path = tmp_path / "broken.json"
    path.write_text('{\n "a": [,]\n}', encoding="utf8")
    with pytest.raises(LexiconError, match=r"broken\.json:2:"):
        spacy.blank("en").add_pipe(rule.factory, config={rule.setting: str(path)})


@pytest.mark.parametrize("rule", LEXICONS, ids=lambda rule: rule.factory)
def test_a_key_given_twice_names_the_file_line_and_key(tmp_path, rule):
    """JSON keeps the last of two equal keys silently; a lexicon refuses them, so a list added a
    second time under an existing key cannot replace the first unnoticed."""
    path = tmp_path / "twice.json"
    path.write_text('{\n "a": {\n  "b": [],\n  "b": ["x"]\n }\n}', encoding="utf8")
    with pytest.raises(LexiconError, match=r"twice\.json: key 'b' given twice .* line\(s\) 3, 4$"):
        spacy.blank("en").add_pipe(rule.factory, config={rule.setting: str(path)})


@pytest.mark.parametrize("rule", LEXICONS, ids=lambda rule: rule.factory)
def test_the_shipped_lexicon_matches_its_schema_and_every_key_is_described(rule):
    schema = json.loads(rule.schema.read_text(encoding="utf8"))
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(shipped(rule)))
    assert schema["additionalProperties"] is False
    for key, entry in schema["properties"].items():
        assert entry.get("description", "").strip(), f"{key} has no description in {rule.schema.name}"
    undocumented = set(shipped(rule)) - set(schema["properties"])
    assert not undocumented, f"keys without a schema entry in {rule.schema.name}: {undocumented}"
