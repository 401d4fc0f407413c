"""Scale out with Dask: run claimattr over a ``dask.bag`` or ``dask.dataframe`` of texts.

Each partition is processed with ``nlp.pipe`` by :func:`extract_partition`. The pipeline comes
from a per-process cache keyed by its settings, so a worker process loads the model once, on
its first partition, and reuses it for every later one: never once per document, and never
shipped from the client (a spaCy pipeline pickles to tens of megabytes).

Needs the ``scale`` extra: ``pip install "claimattr[scale]"``.
"""
from __future__ import annotations

import json
import threading
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import dask.bag as db
from spacy.language import Language

from claimattr.runtime.records import Record, RecordError, checked_record
from claimattr.runtime.stream import annotate, claims_record

ModelKey = Tuple[str, Tuple[str, ...]]

_PIPELINES: Dict[ModelKey, Language] = {}
_LOCK = threading.Lock()
LOADS: List[ModelKey] = []
"""Every pipeline this process has loaded; lets tests check the once-per-worker promise."""

CLAIM_COLUMNS = (
    "id", "claim", "kind", "speaker", "speaker_type", "role", "organisation", "cue", "content", "start", "end", "quantities", "record",
)


def get_pipeline(model: Optional[str] = None, pipes: Optional[Sequence[str]] = None) -> Language:
    """The pipeline for these settings, loaded at most once in this process (thread-safe)."""
    import claimattr

    key: ModelKey = (model or claimattr.DEFAULT_BASE, tuple(pipes if pipes is not None else claimattr.PIPES))
    with _LOCK:
        if key not in _PIPELINES:
            # a named base model means the rules on it; none means the default pipeline
            _PIPELINES[key] = claimattr.load("rules" if model else claimattr.DEFAULT_PIPELINE, base=key[0], pipes=key[1])
            LOADS.append(key)
        return _PIPELINES[key]


def extract_partition(
    items: Iterable[Any],
    partition: int = 0,
    model: Optional[str] = None,
    pipes: Optional[Sequence[str]] = None,
    batch_size: int = 64,
) -> List[Dict[str, Any]]:
    """Claim records ``{"id", "claims"}`` for one partition of texts or ``{"id", "text"}`` dicts.

    A plain text gets the id ``"<partition>:<position>"``. A record whose text is unusable, or
    that crashes a component, comes back as ``{"id", "claims": None, "error": message}`` so
    that one bad document does not fail the whole Dask task.
    """
    nlp = get_pipeline(model, pipes)
    results: List[Optional[Dict[str, Any]]] = []
    slot_of: Dict[Optional[int], int] = {}  # position in the partition -> index in results
    records: List[Record] = []
    for position, item in enumerate(items):
        record = _to_record(item, partition, position)
        if isinstance(record, RecordError):
            results.append(_error_record(record))
            continue
        slot_of[record.line] = len(results)
        results.append(None)
        records.append(record)

    def failed(error: RecordError) -> None:
        results[slot_of[error.line]] = _error_record(error)

    for record, doc in annotate(nlp, records, on_error=failed, batch_size=batch_size):
        results[slot_of[record.line]] = claims_record(record, doc)
    return [result for result in results if result is not None]


def extract_bag(
    bag: db.Bag,
    model: Optional[str] = None,
    pipes: Optional[Sequence[str]] = None,
    batch_size: int = 64,
) -> db.Bag:
    """A bag of claim records ``{"id", "claims"}``, one per text, in the input bag's order.

    ``bag`` holds plain strings or ``{"id", "text"}`` dicts. Failed records carry ``"error"``
    and ``"claims": None``; ``.filter(lambda r: "error" not in r)`` keeps the good ones.
    """
    partitions = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return db.map_partitions(
        _extract_with_number, bag, partitions, model=model, pipes=tuple(pipes) if pipes is not None else None, batch_size=batch_size,
    )


def _extract_with_number(items: Iterable[Any], numbers: Iterable[int], **settings: Any) -> List[Dict[str, Any]]:
    [number] = list(numbers)
    return extract_partition(items, number, **settings)


def extract_dataframe(
    ddf: Any,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    model: Optional[str] = None,
    pipes: Optional[Sequence[str]] = None,
    batch_size: int = 64,
) -> Any:
    """A Dask DataFrame with one row per claim (columns :data:`CLAIM_COLUMNS`).

    ``id`` comes from ``id_column`` (or the frame's index when ``None``); ``record`` is the
    whole claim as JSON, ``quantities`` the claim's quantities as JSON. Documents with no
    claims have no rows; documents that fail are left out (see :func:`extract_bag` to see them).
    """
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype="int64" if name in ("claim", "start", "end") else "object") for name in CLAIM_COLUMNS})
    return ddf.map_partitions(
        _claims_frame, text_column=text_column, id_column=id_column, model=model,
        pipes=tuple(pipes) if pipes is not None else None, batch_size=batch_size, meta=meta,
    )


def _claims_frame(frame: Any, text_column: str, id_column: Optional[str], model: Optional[str], pipes: Optional[Tuple[str, ...]], batch_size: int) -> Any:
    import pandas as pd

    ids = frame.index if id_column is None else frame[id_column]
    items = [{"id": str(doc_id), "text": text} for doc_id, text in zip(ids, frame[text_column])]
    rows = [row for record in extract_partition(items, model=model, pipes=pipes, batch_size=batch_size) for row in claim_rows(record)]
    result = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    return result.astype({"claim": "int64", "start": "int64", "end": "int64"})


def claim_rows(record: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Flatten one ``{"id", "claims"}`` record into one row per claim."""
    rows = []
    for number, claim in enumerate(record.get("claims") or []):
        speaker = claim.get("speaker") or {}
        pieces = claim["content"]
        rows.append({
            "id": record["id"],
            "claim": number,
            "kind": claim["kind"],
            "speaker": speaker.get("name"),
            "speaker_type": speaker.get("type"),
            "role": speaker.get("role"),
            "organisation": (speaker.get("organisation") or {}).get("text"),
            "cue": claim["cue"]["text"],
            "content": " … ".join(piece["text"] for piece in pieces),
            "start": min([claim["cue"]["start"]] + [piece["start"] for piece in pieces]),
            "end": max([claim["cue"]["end"]] + [piece["end"] for piece in pieces]),
            "quantities": json.dumps(claim.get("quantities") or [], ensure_ascii=False),
            "record": json.dumps(claim, ensure_ascii=False),
        })
    return rows


def _to_record(item: Any, partition: int, position: int) -> Any:
    source = f"partition {partition}"
    if isinstance(item, str):
        return checked_record(f"{partition}:{position}", item, source, position)
    if isinstance(item, dict):
        doc_id = str(item["id"]) if item.get("id") is not None else f"{partition}:{position}"
        return checked_record(doc_id, item.get("text"), source, position)
    return RecordError(f"{partition}:{position}", source, position, f"expected a text or an {{'id', 'text'}} dict, got {type(item).__name__}")


def _error_record(error: RecordError) -> Dict[str, Any]:
    return {"id": error.id, "claims": None, "error": error.message}
