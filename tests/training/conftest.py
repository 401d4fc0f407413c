"""Fixtures of the training tests: the training scripts as modules and PolNeAR-style folders."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Callable

import pytest

from training_helpers import load_script, write_polnear


@pytest.fixture(scope="session")
def convert_polnear() -> ModuleType:
    return load_script("convert_polnear")


@pytest.fixture(scope="session")
def evaluate() -> ModuleType:
    return load_script("evaluate")


@pytest.fixture(scope="session")
def rarely_reporting_verbs() -> ModuleType:
    return load_script("rarely_reporting_verbs")


@pytest.fixture(scope="session")
def fake_polnear() -> Callable[..., Path]:
    """:func:`training_helpers.write_polnear`, for tests to build PolNeAR folders where they need them."""
    return write_polnear
