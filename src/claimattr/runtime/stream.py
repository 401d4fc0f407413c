"""Run a pipeline over a stream of records so that one bad document never costs the others.

``nlp.pipe`` stops at the first exception a component raises, and with ``n_process > 1`` a crash
drops the worker's whole batch. :func:`annotate` keeps the stream going: records are fed in
order, a batch that fails is redone one document at a time in this process, and only the
document that really fails is reported, through ``on_error``.

A record longer than :data:`claimattr.runtime.long_documents.CHUNK_CHARS` is annotated in this
process by :func:`claimattr.runtime.long_documents.annotate_long` (split at paragraphs, offsets
into the whole text) and comes out in its place in the stream as a ``LongDocument``, which has
the ``.text`` and ``._.claims/quantities/entities`` of a Doc. ``long_documents="doc"`` gives a
real ``Doc`` instead (for display; it holds the whole parse).
"""
from __future__ import annotations

from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from claimattr.runtime.long_documents import annotate_long, is_long, process_long
from claimattr.runtime.records import Record, RecordError

OnError = Callable[[RecordError], None]


def annotate(
    nlp: Language,
    records: Iterable[Record],
    *,
    on_error: OnError,
    batch_size: int = 64,
    n_process: int = 1,
    long_documents: str = "annotations",
) -> Iterator[Tuple[Record, Doc]]:
    """Yield ``(record, doc)`` in input order for every record the pipeline processes."""
    def long_doc(record: Record) -> Any:
        try:
            if long_documents == "doc":
                return process_long(nlp, record.text)
            return annotate_long(nlp, record.text)
        except Exception as error:  # noqa: BLE001
            on_error(component_error(record, error))
            return None

    if n_process == 1:
        yield from _annotate_in_process(nlp, records, on_error, batch_size, long_doc)
    else:
        yield from _annotate_multiprocess(nlp, records, on_error, batch_size, n_process, long_doc)


def claims_record(record: Record, doc: Doc) -> Dict[str, Any]:
    """The output record of one document: its id, claims, entities and figure groups as JSON-ready
    dicts (``figures`` is empty when the pipeline has no ``figure_grouper``)."""
    return {
        "id": record.id,
        "claims": [claim.to_dict() for claim in doc._.claims],
        "entities": [entity.to_dict() for entity in doc._.entities],
        "figures": list(getattr(doc._, "figures", None) or []),
    }


def _short_batches(nlp: Language, records: Iterable[Record], batch_size: int) -> Iterator[List[Record]]:
    """Batches of records; a long record comes alone, in its place, as a batch of one."""
    batch: List[Record] = []
    for record in records:
        if is_long(record.text, nlp):
            if batch:
                yield batch
                batch = []
            yield [record]
            continue
        batch.append(record)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _annotate_in_process(nlp: Language, records: Iterable[Record], on_error: OnError, batch_size: int,
                         long_doc: Callable[[Record], Any]) -> Iterator[Tuple[Record, Doc]]:
    for batch in _short_batches(nlp, records, batch_size):
        if len(batch) == 1 and is_long(batch[0].text, nlp):
            doc = long_doc(batch[0])
            if doc is not None:
                yield batch[0], doc
            continue
        try:
            docs = list(nlp.pipe([record.text for record in batch], batch_size=batch_size))
        except Exception:  # noqa: BLE001 - any component bug; retried per document below
            yield from _one_at_a_time(nlp, batch, on_error)
            continue
        yield from zip(batch, docs)


def _one_at_a_time(nlp: Language, records: Iterable[Record], on_error: OnError) -> Iterator[Tuple[Record, Doc]]:
    """The fallback after a failed batch: each document alone, so only the guilty one is lost."""
    for record in records:
        try:
            doc = nlp(record.text)
        except Exception as error:  # noqa: BLE001
            on_error(component_error(record, error))
            continue
        yield record, doc


def component_error(record: Record, error: BaseException) -> RecordError:
    return RecordError(record.id, record.source, record.line, f"pipeline error: {type(error).__name__}: {error}")


def _annotate_multiprocess(
    nlp: Language, records: Iterable[Record], on_error: OnError, batch_size: int, n_process: int,
    long_doc: Callable[[Record], Any],
) -> Iterator[Tuple[Record, Doc]]:
    """Use spaCy's worker processes; docs of a batch that crashed in a worker are redone here.

    Each text travels with its sequence number as context. spaCy returns docs in input order
    and, with a non-raising error handler, simply omits a crashed batch, so a gap in the
    sequence numbers names exactly the records to redo. Only the batches in flight are pending.
    """
    pending: Deque[Tuple[int, Record]] = deque()
    finished: Dict[int, Any] = {}  # long records, annotated here as they are fed: number -> doc

    def feed() -> Iterator[Tuple[str, int]]:
        for number, record in enumerate(records):
            pending.append((number, record))
            if is_long(record.text, nlp):
                nlp.default_error_handler = previous  # a crash in a chunk must raise, to be reported
                try:
                    finished[number] = long_doc(record)
                finally:
                    nlp.default_error_handler = _ignore_error
                continue
            yield record.text, number

    # Set the attribute, not ``nlp.set_error_handler``: that also visits every component, and
    # spaCy's Cython components reject it; the parent process only consults this attribute.
    previous = nlp.default_error_handler
    nlp.default_error_handler = _ignore_error
    def redo(dropped: List[Tuple[int, Record]]) -> Iterator[Tuple[Record, Doc]]:
        # ``nlp(text)`` also consults the handler: it must raise again here, or the fallback
        # would silently pass the document on with the crashed component skipped.
        for number, record in dropped:
            if number in finished:
                doc = finished.pop(number)
                if doc is not None:
                    yield record, doc
                continue
            nlp.default_error_handler = previous
            try:
                yield from _one_at_a_time(nlp, [record], on_error)
            finally:
                nlp.default_error_handler = _ignore_error

    try:
        for doc, number in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield from redo(_pop_before(pending, number))
            yield pending.popleft()[1], doc
        yield from redo(_pop_before(pending, None))
    finally:
        nlp.default_error_handler = previous


def _pop_before(pending: Deque[Tuple[int, Record]], number: Optional[int]) -> List[Tuple[int, Record]]:
    """The pending records older than ``number`` (all of them for ``None``): long records done
    here, or records dropped by a crash."""
    dropped = []
    while pending and (number is None or pending[0][0] < number):
        dropped.append(pending.popleft())
    return dropped


def _ignore_error(name: Any, proc: Any, docs: Any, error: Exception) -> None:
    """Let a crashed worker batch go by; :func:`_annotate_multiprocess` redoes its documents."""
    return None
