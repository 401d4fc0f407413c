"""Fixtures of the report tests: the seed report's page, a headless Chromium, a served app.

Browser tests need Debian's ``chromium`` package (``apt-get install chromium``) and are skipped
without it; the app tests need the ``serve`` extra (``pip install -e ".[serve]"``).
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

import claimattr
from chromium_cdp import Browser, find_chromium
from claimattr.report.rendering import render_page

CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)")


@pytest.fixture(scope="session")
def seed_doc(nlp):
    return nlp(claimattr.example_report())


@pytest.fixture(scope="session")
def seed_page(seed_doc, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "example_report.html"
    path.write_text(render_page([("example_report", seed_doc)]), encoding="utf8")
    return path


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    chromium = Browser(CHROMIUM, width=1280, height=900)
    yield chromium
    chromium.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(nlp):
    """``claimattr serve``'s app under a real uvicorn on 127.0.0.1, in a thread; yields its URL."""
    pytest.importorskip("starlette")
    uvicorn = pytest.importorskip("uvicorn")
    from claimattr.report.server import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(nlp, max_bytes=200_000), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
