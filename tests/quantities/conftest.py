"""The pipeline the quantity tests run: the segmenter and the normaliser alone, loaded once."""
from __future__ import annotations

import pytest

import claimattr


@pytest.fixture(scope="session")
def nlp():
    """Overrides the suite's rule pipeline: quantities need no claim components."""
    return claimattr.load("rules", pipes=["report_segmenter", "quantity_normaliser"])
