"""Run a pipeline over a stream of records so that one bad document never costs the others.

``nlp.pipe`` stops at the first exception a component raises, and with ``n_process > 1`` a crash
drops the worker's whole batch. :func:`annotate` keeps the stream going: records are fed in
order, a batch that fails is redone one document at a time in this process, and only the
document that really fails is reported, through ``on_error``.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from claimattr.runtime.records import Record, RecordError

OnError = Callable[[RecordError], None]


def annotate(
    nlp: Language,
    records: Iterable[Record],
    *,
    on_error: OnError,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Tuple[Record, Doc]]:
    """Yield ``(record, doc)`` in input order for every record the pipeline processes."""
    if n_process == 1:
        yield from _annotate_in_process(nlp, records, on_error, batch_size)
    else:
        yield from _annotate_multiprocess(nlp, records, on_error, batch_size, n_process)


def claims_record(record: Record, doc: Doc) -> Dict[str, Any]:
    """The output record of one document: its id, its claims and its entities as JSON-ready dicts."""
    return {
        "id": record.id,
        "claims": [claim.to_dict() for claim in doc._.claims],
        "entities": [entity.to_dict() for entity in doc._.entities],
    }


def _annotate_in_process(nlp: Language, records: Iterable[Record], on_error: OnError, batch_size: int) -> Iterator[Tuple[Record, Doc]]:
    for batch in minibatch(records, batch_size):
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
    nlp: Language, records: Iterable[Record], on_error: OnError, batch_size: int, n_process: int
) -> Iterator[Tuple[Record, Doc]]:
    """Use spaCy's worker processes; docs of a batch that crashed in a worker are redone here.

    Each text travels with its sequence number as context. spaCy returns docs in input order
    and, with a non-raising error handler, simply omits a crashed batch, so a gap in the
    sequence numbers names exactly the records to redo. Only the batches in flight are pending.
    """
    pending: Deque[Tuple[int, Record]] = deque()

    def feed() -> Iterator[Tuple[str, int]]:
        for number, record in enumerate(records):
            pending.append((number, record))
            yield record.text, number

    # Set the attribute, not ``nlp.set_error_handler``: that also visits every component, and
    # spaCy's Cython components reject it; the parent process only consults this attribute.
    previous = nlp.default_error_handler
    nlp.default_error_handler = _ignore_error
    def redo(dropped: List[Record]) -> Iterator[Tuple[Record, Doc]]:
        # ``nlp(text)`` also consults the handler: it must raise again here, or the fallback
        # would silently pass the document on with the crashed component skipped.
        nlp.default_error_handler = previous
        try:
            yield from _one_at_a_time(nlp, dropped, on_error)
        finally:
            nlp.default_error_handler = _ignore_error

    try:
        for doc, number in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield from redo(_pop_before(pending, number))
            yield pending.popleft()[1], doc
        yield from redo(_pop_before(pending, None))
    finally:
        nlp.default_error_handler = previous


def _pop_before(pending: Deque[Tuple[int, Record]], number: Optional[int]) -> List[Record]:
    """The pending records older than ``number`` (all of them for ``None``): dropped by a crash."""
    dropped = []
    while pending and (number is None or pending[0][0] < number):
        dropped.append(pending.popleft()[1])
    return dropped


def _ignore_error(name: Any, proc: Any, docs: Any, error: Exception) -> None:
    """Let a crashed worker batch go by; :func:`_annotate_multiprocess` redoes its documents."""
    return None
