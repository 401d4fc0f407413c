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
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Union

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

PathLike = Union[str, Path]


class LexiconError(ValueError):
    """A lexicon file that is not valid JSON or does not match its schema."""


@lru_cache(maxsize=None)
def _validator(schema_path: str) -> Draft202012Validator:
    schema = json.loads(Path(schema_path).read_text(encoding="utf8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _describe(error: ValidationError) -> str:
    """``key 'verbs/3': 12 is not of type 'string' (expected: lemmas of reporting verbs)``."""
    where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
    expected = error.schema.get("description") if isinstance(error.schema, dict) else None
    hint = f" (expected: {expected})" if expected else ""
    return f"key '{where}': {error.message}{hint}"


def validate_lexicon(data: Any, schema_path: PathLike, source: str) -> Dict[str, Any]:
    """``data`` if it matches the schema; else a :class:`LexiconError` naming ``source`` and the key."""
    errors = sorted(_validator(str(schema_path)).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise LexiconError(f"{source}: " + "; ".join(_describe(error) for error in errors[:5]))
    return data


def read_lexicon(path: PathLike, schema_path: PathLike) -> Dict[str, Any]:
    """Read and validate one lexicon file; JSON syntax errors name the file, line and column."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf8"))
    except FileNotFoundError as err:
        raise LexiconError(f"{path}: lexicon file not found") from err
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}:{err.lineno}:{err.colno}: invalid JSON: {err.msg}") from err
    return validate_lexicon(data, schema_path, str(path))
