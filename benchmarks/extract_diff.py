"""Compare two ``claimattr extract`` outputs record by record: what a change did to the claims.

    python benchmarks/extract_diff.py before.jsonl after.jsonl [--show 20]

Used to check that a refactor leaves the output identical (exit 0 and "identical"), and to list,
for a behaviour change, which documents changed and how (claims added, removed, or changed in
cue, content, kind, speaker or quantities). Only offsets and field names are printed for
changed claims, so it is safe to run on copyrighted corpora.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

FIELDS = ("kind", "cue", "content", "speaker", "quantities")


def read_records(path: Path) -> Dict[str, List[Dict[str, Any]]]:
    """``id -> claims`` of one extract output."""
    records = {}
    with path.open(encoding="utf8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record.get("claims") or []
    return records


def claim_key(claim: Dict[str, Any]) -> Tuple[int, int]:
    """A claim is identified by its cue's offsets."""
    return claim["cue"]["start"], claim["cue"]["end"]


def differences(before: List[Dict[str, Any]], after: List[Dict[str, Any]]) -> Iterator[str]:
    """``added``, ``removed`` or ``changed:<field>`` for each claim that differs."""
    old = {claim_key(c): c for c in before}
    new = {claim_key(c): c for c in after}
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            yield "removed"
        elif key not in old:
            yield "added"
        else:
            for name in FIELDS:
                if old[key].get(name) != new[key].get(name):
                    yield f"changed:{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=20, help="documents to list with their changes")
    args = parser.parse_args()
    before, after = read_records(args.before), read_records(args.after)
    totals: Counter = Counter()
    changed_docs = []
    for doc_id in sorted(before.keys() | after.keys()):
        if doc_id not in before or doc_id not in after:
            totals["document missing on one side"] += 1
            continue
        found = Counter(differences(before[doc_id], after[doc_id]))
        if found:
            totals.update(found)
            changed_docs.append((doc_id, found))
    if not totals:
        print(f"identical: {len(before)} documents")
        return
    print(f"{len(changed_docs)} of {len(before)} documents differ: " + ", ".join(f"{k} {v}" for k, v in totals.most_common()))
    for doc_id, found in changed_docs[: args.show]:
        print(f"  {doc_id}: " + ", ".join(f"{k} {v}" for k, v in found.most_common()))
    raise SystemExit(1)


if __name__ == "__main__":
    main()
