"""The ``claimattr`` command line."""
from claimattr.cli.commands import app, main

__all__ = ["app", "main"]
