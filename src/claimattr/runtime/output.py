"""Writing output files safely: to a temporary file that is renamed into place on success.

A command that fails (a usage error found late, a crash, Ctrl-C) never truncates or replaces a
good output: the old file stays as it was until the new one is complete. The temporary file
lives next to the target (same folder, so the rename is atomic) and is removed on failure.
"""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional, Union

STDOUT = "-"

__all__ = ["atomic_path", "atomic_text", "check_output_path", "STDOUT"]


def check_output_path(path: Union[str, Path, None]) -> Optional[str]:
    """Why ``path`` cannot be written (its folder is missing, or it is a folder), else ``None``."""
    if path is None or str(path) == STDOUT:
        return None
    target = Path(path)
    if target.is_dir():
        return f"output {str(path)!r} is a folder"
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        return f"the folder of output {str(path)!r} does not exist"
    return None


@contextmanager
def atomic_path(target: Union[str, Path]) -> Iterator[Path]:
    """A temporary path next to ``target``; renamed onto ``target`` if the block succeeds."""
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent) else ".")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _keep_mode(target, temporary)
    os.replace(temporary, target)


@contextmanager
def atomic_text(target: Union[str, Path, None], encoding: str = "utf8") -> Iterator[IO[str]]:
    """A text stream for ``target``: stdout for ``None`` or ``-``, else an atomically renamed file."""
    if target is None or str(target) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(target) as temporary:
        with open(temporary, "w", encoding=encoding) as stream:
            yield stream


def _keep_mode(target: Path, temporary: Path) -> None:
    """The new file gets the old file's permissions, or the usual ones for a new file."""
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
