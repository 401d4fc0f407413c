"""Every Python example in the docs and the README runs, and the docs site builds strictly.

A ```python block runs as written, as a script (``__name__ == "__main__"``). A block whose fence
says ``no-run`` (```python title="no-run") is shown but not run; keep those rare.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import claimattr

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
FENCE = re.compile(r"^(?P<indent>[ \t]*)```python(?P<info>[^\n]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks() -> List[Tuple[str, str]]:
    """``(page:line, code)`` for every runnable ```python block."""
    blocks = []
    for page in PAGES:
        if not page.exists():
            continue
        text = page.read_text(encoding="utf8")
        for match in FENCE.finditer(text):
            if "no-run" in match.group("info"):
                continue
            line = text.count("\n", 0, match.start()) + 1
            indent = match.group("indent")
            code = "\n".join(l[len(indent):] if l.startswith(indent) else l for l in match.group("code").splitlines())
            blocks.append((f"{page.relative_to(ROOT)}:{line}", code))
    return blocks


BLOCKS = python_blocks()


@pytest.fixture(scope="module")
def shared_load():
    """``claimattr.load`` memoised by its arguments: the examples load the same pipeline many times."""
    cache: Dict[str, Any] = {}
    original = claimattr.load

    def load(*args: Any, **kwargs: Any) -> Any:
        key = repr((args, sorted(kwargs.items())))
        if key not in cache:
            cache[key] = original(*args, **kwargs)
        return cache[key]

    claimattr.load = load
    yield
    claimattr.load = original


def test_the_docs_have_examples():
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize("code", [code for _, code in BLOCKS], ids=[where for where, _ in BLOCKS])
def test_python_example_runs(code, shared_load, capsys):
    exec(compile(code, "<docs example>", "exec"), {"__name__": "__main__"})


def test_mkdocs_builds_strictly(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").exists()
