"""Corpus statistics: counts per split and per claim kind, and the sizes the corpus aims for."""
from __future__ import annotations

from typing import Dict, Iterable, Optional

from claimattr.readers.corpus.records import Record

MINIMUMS = {"reports": 60, "claims": 600, "quantities": 250, "speakers_with_role_or_org": 150}
"""The minimum size of the corpus; ``claimattr corpus stats`` says whether each is reached."""


def _has_role_or_org(speaker: Optional[Record]) -> bool:
    return bool(speaker and (speaker.get("role") or speaker.get("organisation")))


def record_counts(record: Record) -> Dict[str, int]:
    """Counts for one report; speakers are distinct canonical names with a role or organisation."""
    speakers = {(s.get("name") or s["text"]).casefold() for s in (c.get("speaker") for c in record["claims"])
                if _has_role_or_org(s)}
    counts = {"reports": 1, "words": len(record["text"].split()), "claims": len(record["claims"]),
              "quantities": len(record["quantities"]), "speakers_with_role_or_org": len(speakers)}
    for claim in record["claims"]:
        counts[f"kind_{claim['kind']}"] = counts.get(f"kind_{claim['kind']}", 0) + 1
    return counts


def stats(records: Iterable[Record]) -> Dict[str, Dict[str, int]]:
    """Counts per split and in ``total``."""
    table: Dict[str, Dict[str, int]] = {}
    for record in records:
        for key in (record.get("split", "train"), "total"):
            row = table.setdefault(key, {})
            for name, value in record_counts(record).items():
                row[name] = row.get(name, 0) + value
    return table


def minimums_met(total: Dict[str, int]) -> Dict[str, bool]:
    return {name: total.get(name, 0) >= needed for name, needed in MINIMUMS.items()}

