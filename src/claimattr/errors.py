"""The one error type every claimattr reader reports bad input with."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """A problem in one line of one input file; ``str()`` gives ``path:line: message`` like a
    compiler, so readers report it and go on with the rest of the file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
