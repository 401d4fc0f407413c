"""Lexicons as validated data: every rule component's word lists and settings are JSON files
checked against a JSON Schema that sits beside them.

Why JSON Schema (through the ``jsonschema`` package) rather than a hand-written checker: it is a
standard that editors understand (a user extending ``cues.json`` gets completion and inline
errors by pointing ``$schema`` at the schema file), every key carries its documentation as a
``description``, and ``jsonschema`` reports exactly which key failed and why. A broken lexicon
fails when the component is built, naming the file, the key and what was expected, instead of a
bare ``KeyError`` in the middle of a document.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Union

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

PathLike = Union[str, Path]


class LexiconError(ValueError):
    """A lexicon file that is not valid JSON or does not match its schema."""


@lru_cache(maxsize=None)
def _validator(schema_path: str) -> Draft202012Validator:
    # The schemas ship with their components and are checked against the JSON Schema meta-schema
    # by tests/rules/test_rule_lexicons.py, not at every load (it costs a third of a second).
    schema = json.loads(Path(schema_path).read_text(encoding="utf8"))
    # "format": "regex" keys are checked too, so a broken pattern fails here rather than at re.compile
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _described(schema: Dict[str, Any], path: Sequence[Any]) -> Optional[str]:
    """The description of the deepest schema along ``path`` that has one (the key's documentation)."""
    node, found = schema, None
    for part in path:
        properties = node.get("properties", {})
        if isinstance(part, str) and part in properties:
            node = properties[part]
        elif isinstance(part, str) and isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        elif isinstance(part, int) and isinstance(node.get("prefixItems"), list) and part < len(node["prefixItems"]):
            node = node["prefixItems"][part]
        elif isinstance(part, int) and isinstance(node.get("items"), dict):
            node = node["items"]
        else:
            break
        found = node.get("description", found)
    return found


def _describe(error: ValidationError, schema: Dict[str, Any]) -> str:
    """``key 'verbs/3': 12 is not of type 'string' (expected: lemmas of reporting verbs)``.

    A missing key is named with its own description; an unknown key is named as such.
    """
    path = list(error.absolute_path)
    if error.validator == "required":
        match = re.match(r"'(.+)' is a required property", error.message)
        if match:
            path.append(match.group(1))
            error_text = "required key is missing"
        else:
            error_text = error.message
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(str(key) for key in error.instance if key not in allowed)
        where = "/".join(str(part) for part in path + [", ".join(unknown)])
        return f"key '{where}': unknown key (not in the schema, see its properties for the keys allowed)"
    else:
        error_text = error.message
    where = "/".join(str(part) for part in path) or "(top level)"
    expected = _described(schema, path) if path else None
    hint = f" (expected: {expected})" if expected else ""
    return f"key '{where}': {error_text}{hint}"


def validate_lexicon(data: Any, schema_path: PathLike, source: str) -> Dict[str, Any]:
    """``data`` if it matches the schema; else a :class:`LexiconError` naming ``source`` and the key."""
    errors = sorted(_validator(str(schema_path)).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        schema = _validator(str(schema_path)).schema
        raise LexiconError(f"{source}: " + "; ".join(_describe(error, schema) for error in errors[:5]))
    return data


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: Sequence[Any]) -> Dict[str, Any]:
    """A JSON object that fails on a repeated key: ``json`` would keep the last value silently,
    and a word list added a second time under the same key would replace the first."""
    found: Dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _key_lines(text: str, key: str) -> str:
    """The lines a key is written on in a JSON text ("3, 5"): an object hook cannot tell which
    object held the repeated key, so every place it is written is named."""
    places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return ", ".join(str(text.count("\n", 0, place) + 1) for place in places)


def read_lexicon(path: PathLike, schema_path: PathLike) -> Dict[str, Any]:
    """Read and validate one lexicon file; JSON syntax errors name the file and line, a key given
    twice in one object the file, the key and the lines it is written on."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf8")
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except FileNotFoundError as err:
        raise LexiconError(f"{path}: lexicon file not found") from err
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}:{err.lineno}:{err.colno}: invalid JSON: {err.msg}") from err
    except _DuplicateKey as err:
        raise LexiconError(f"{path}: key {err.key!r} given twice in one object (the later value would silently "
                           f"replace the earlier); the key is written on line(s) {_key_lines(text, err.key)}") from err
    return validate_lexicon(data, schema_path, str(path))
