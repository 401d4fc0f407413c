"""``claimattr serve``: a local web app (Starlette + uvicorn, the ``serve`` extra).

- ``GET /``: a page to paste a text (or pick a ``.txt`` file, read in the browser) and see the
  claims report of it, the same view as ``claimattr render``.
- ``POST /extract``: ``{"text": ...}`` or ``{"id": ..., "text": ...}`` -> the claim contract,
  exactly the record ``claimattr extract`` writes (``{"id", "claims", "entities"}``).
- ``POST /render``: the same input -> ``{"id", "title", "html"}``, the report fragment of the text.
- ``GET /health``: ``{"status": "ok", "pipeline": [...]}``.

The pipeline is loaded once, when the app is made. spaCy pipelines are not documented as
thread-safe, so each request runs the pipeline in Starlette's threadpool (the event loop stays
free) under one lock: requests are served concurrently, documents are processed one at a time.
Errors are JSON ``{"error": message}``: 400 for a body that is not a JSON object, 413 for a body
over ``max_bytes``, 422 for a missing, non-string or empty ``text``, 500 for a pipeline crash.
"""
from __future__ import annotations

import json
import threading
from typing import Any, Optional

from spacy.language import Language
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from claimattr.runtime.records import Record, RecordError, checked_record
from claimattr.runtime.stream import claims_record

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_ID = "text"


class RequestError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(nlp: Optional[Language] = None, *, pipeline: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Starlette:
    """The web app around one pipeline (``nlp``, or ``claimattr.load(pipeline)`` loaded now)."""
    if nlp is None:
        import claimattr

        nlp = claimattr.load(pipeline or claimattr.DEFAULT_PIPELINE)
    lock = threading.Lock()

    def process(record: Record) -> Any:
        with lock:
            return nlp(record.text)

    async def annotate(request: Request) -> Any:
        record = parse_record(await read_body(request, max_bytes))
        try:
            return record, await run_in_threadpool(process, record)
        except Exception as error:  # noqa: BLE001 - reported to the client, the server goes on
            raise RequestError(500, f"pipeline error: {type(error).__name__}: {error}") from error

    async def home(request: Request) -> HTMLResponse:
        from claimattr.report.page import environment, static_text

        page = environment().get_template("app.html.j2").render(
            css=static_text("report.css"), js=static_text("report.js"), max_bytes=max_bytes)
        return HTMLResponse(page)

    async def extract(request: Request) -> JSONResponse:
        try:
            record, doc = await annotate(request)
        except RequestError as error:
            return JSONResponse({"error": error.message}, status_code=error.status)
        return JSONResponse(claims_record(record, doc))

    async def render(request: Request) -> JSONResponse:
        from claimattr.report.page import document_title

        try:
            record, doc = await annotate(request)
        except RequestError as error:
            return JSONResponse({"error": error.message}, status_code=error.status)
        html = render_fragment_body(doc, record.id)
        return JSONResponse({"id": record.id, "title": document_title(doc, fallback=record.id), "html": html,
                             "claims": len(doc._.claims)})

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "pipeline": list(nlp.pipe_names)})

    return Starlette(routes=[
        Route("/", home, methods=["GET"]),
        Route("/extract", extract, methods=["POST"]),
        Route("/render", render, methods=["POST"]),
        Route("/health", health, methods=["GET"]),
    ])


def render_fragment_body(doc: Any, doc_id: str) -> str:
    """The report of one document without style and script: the app page has both already."""
    from claimattr.report.page import document_view, environment

    view = document_view(doc, doc_id=doc_id)
    return environment().get_template("_document.html.j2").render(doc=view, heading="h2")


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``max_bytes``
    (by its Content-Length, or while streaming a body sent without one)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise RequestError(400, "invalid Content-Length header") from None
        if size > max_bytes:
            raise RequestError(413, f"request body is {size} bytes; the limit is {max_bytes} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise RequestError(413, f"request body exceeds the limit of {max_bytes} bytes")
    return bytes(body)


def parse_record(body: bytes) -> Record:
    """``{"text"}`` or ``{"id", "text"}`` as a Record, with the same checks as ``claimattr extract``."""
    try:
        data = json.loads(body.decode("utf8"))
    except UnicodeDecodeError:
        raise RequestError(400, "request body is not UTF-8") from None
    except json.JSONDecodeError as error:
        raise RequestError(400, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if not isinstance(data, dict):
        raise RequestError(400, 'expected a JSON object: {"text": ...} or {"id": ..., "text": ...}')
    doc_id = DEFAULT_ID if data.get("id") is None else str(data["id"])
    record = checked_record(doc_id, data.get("text"), "<request>", None)
    if isinstance(record, RecordError):
        raise RequestError(422, record.message)
    return record


def serve(*, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, nlp: Optional[Language] = None,
          pipeline: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES, log_level: str = "info") -> None:
    """Load the pipeline once and serve the app with uvicorn (one process; see the module doc)."""
    import uvicorn

    app = create_app(nlp, pipeline=pipeline, max_bytes=max_bytes)
    uvicorn.run(app, host=host, port=port, log_level=log_level, workers=1)


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_BYTES", "create_app", "serve", "parse_record"]
