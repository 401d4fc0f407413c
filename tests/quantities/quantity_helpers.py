"""Shared look-ups of the quantity tests (imported by name: tests/quantities has no package)."""
from __future__ import annotations

from typing import Any, Dict, List


def quantities(nlp, text: str) -> List[Dict[str, Any]]:
    """The quantities of ``text`` as dicts."""
    return [q.to_dict() for q in nlp(text)._.quantities]


def only(nlp, text: str) -> Dict[str, Any]:
    """The one quantity of ``text``; fails with what was found otherwise."""
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]
