"""The corrections record: how many changes turned each pre-annotation into its gold file."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from claimattr.readers.corpus.authoring import authoring_files, read_authoring, read_status
from claimattr.readers.corpus.records import PathLike, Range, Record
from claimattr.scoring.spans import extent, greedy_match, overlap

CLAIM_CHANGES = ("cue", "content", "kind", "speaker", "name", "type", "role", "org", "intermediary")
QUANTITY_FIELDS = ("value", "low", "high", "approximate", "relation", "unit", "modifier", "entity", "event")


def _ranges(spans: Iterable[Dict[str, Any]]) -> List[Range]:
    return sorted((s["start"], s["end"]) for s in spans)


def _offsets(span: Optional[Dict[str, Any]]) -> Optional[Range]:
    return None if span is None else (span["start"], span["end"])


def _speaker_changes(pre: Optional[Record], gold: Optional[Record]) -> List[str]:
    if pre is None or gold is None:
        return ["speaker"] if (pre is None) != (gold is None) else []
    changes = ["speaker"] if _offsets(pre) != _offsets(gold) else []
    for name in ("name", "type", "role"):
        if pre.get(name) != gold.get(name):
            changes.append(name)
    if _offsets(pre.get("organisation")) != _offsets(gold.get("organisation")):
        changes.append("org")
    if _offsets(pre.get("intermediary")) != _offsets(gold.get("intermediary")):
        changes.append("intermediary")
    return changes


def _claim_changes(pre: Record, gold: Record) -> List[str]:
    changes = []
    if _offsets(pre["cue"]) != _offsets(gold["cue"]):
        changes.append("cue")
    if _ranges(pre["content"]) != _ranges(gold["content"]):
        changes.append("content")
    if pre["kind"] != gold["kind"]:
        changes.append("kind")
    return changes + _speaker_changes(pre.get("speaker"), gold.get("speaker"))


def _quantity_key(q: Record) -> Tuple:
    anchors = tuple((q.get(n) or {}).get("lemma") if n in ("entity", "event") else _offsets(q.get(n))
                    for n in ("modifier", "entity", "event"))
    return (q.get("value"), q.get("low"), q.get("high"), q.get("approximate"), q.get("relation"), q.get("unit")) + anchors


def compare_records(pre: Record, gold: Record) -> Dict[str, int]:
    """How many corrections turned the pre-annotation ``pre`` into the gold ``gold``.

    Claims are paired one-to-one by content overlap (as the scorer pairs them); unpaired gold
    claims were added, unpaired pre-annotated ones removed, and each paired claim counts one
    change per field that differs. Quantities are paired by overlap the same way.
    """
    counts = {"claims_pre": len(pre["claims"]), "claims_gold": len(gold["claims"]),
              "claims_added": 0, "claims_removed": 0, "claims_changed": 0,
              **{f"{name}_changed": 0 for name in CLAIM_CHANGES},
              "quantities_added": 0, "quantities_removed": 0, "quantities_changed": 0}
    p_ranges = [_ranges(c["content"]) for c in pre["claims"]]
    g_ranges = [_ranges(c["content"]) for c in gold["claims"]]
    pairs = greedy_match([extent(r) for r in p_ranges], [extent(r) for r in g_ranges],
                         lambda i, j: overlap(p_ranges[i], g_ranges[j]))
    counts["claims_added"] = len(gold["claims"]) - len(pairs)
    counts["claims_removed"] = len(pre["claims"]) - len(pairs)
    for i, j in pairs:
        changes = _claim_changes(pre["claims"][i], gold["claims"][j])
        counts["claims_changed"] += bool(changes)
        for name in changes:
            counts[f"{name}_changed"] += 1
    pq, gq = pre["quantities"], gold["quantities"]
    q_pairs = greedy_match([_offsets(q) for q in pq], [_offsets(q) for q in gq],
                           lambda i, j: overlap([_offsets(pq[i])], [_offsets(gq[j])]))
    counts["quantities_added"] = len(gq) - len(q_pairs)
    counts["quantities_removed"] = len(pq) - len(q_pairs)
    counts["quantities_changed"] = sum(
        _offsets(pq[i]) != _offsets(gq[j]) or _quantity_key(pq[i]) != _quantity_key(gq[j]) for i, j in q_pairs)
    return counts


def corrections(corpus_dir: PathLike ) -> Dict[str, Any]:
    """The corrections record: per document and in total, for every document in both
    ``preannotated/`` and ``annotated/`` that resolves."""
    corpus_dir = Path(corpus_dir)
    documents: Dict[str, Dict[str, int]] = {}
    for gold_path in authoring_files(corpus_dir / "annotated"):
        pre_path = corpus_dir / "preannotated" / gold_path.name
        if not pre_path.exists():
            continue
        pre, gold = read_authoring(pre_path).record, read_authoring(gold_path).record
        if pre is not None and gold is not None:
            documents[gold_path.stem] = {"status": read_status(gold_path), **compare_records(pre, gold)}
    total: Dict[str, int] = {}
    for counts in documents.values():
        for name, value in counts.items():
            if isinstance(value, int):
                total[name] = total.get(name, 0) + value
    total["documents"] = len(documents)
    total["documents_corrected"] = sum(c["status"] == "corrected" for c in documents.values())
    return {"total": total, "documents": documents}


def write_corrections(corpus_dir: PathLike ) -> Dict[str, Any]:
    record = corrections(corpus_dir)
    path = Path(corpus_dir) / "corrections.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    return record

