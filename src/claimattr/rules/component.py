"""The spaCy plumbing shared by claimattr's rule components.

Each rule component is a JSON lexicon (the data that decides its behaviour, validated against
the JSON Schema beside it: ``claimattr.rules.lexicon``) plus a few scalar settings. Serialising,
reloading and re-initialising them is the same for all four, so it lives here once; a component
only says where its lexicon and schema are, how to compile the lexicon and what to do with a
``Doc``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, Optional, Sequence, Tuple, Union

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import ensure_path

from claimattr.rules.lexicon import read_lexicon, validate_lexicon


class RuleComponent:
    """Base for components configured by a lexicon: ``pipe``, ``initialize`` and serialisation."""

    name: str
    lexicon: Dict[str, Any]
    lexicon_file: str = "lexicon.json"
    lexicon_schema: Path
    """The JSON Schema every lexicon of this component must match (beside its default lexicon)."""
    settings: Tuple[str, ...] = ()
    scorer: Optional[Callable[..., Dict[str, Any]]] = None

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        raise NotImplementedError

    def _load(self, path: Union[str, Path]) -> None:
        """Read, validate and compile a lexicon file (a broken one fails here, naming file and key)."""
        self._compile(read_lexicon(path, self.lexicon_schema))

    def _use(self, lexicon: Dict[str, Any], source: str) -> None:
        """Validate and compile a lexicon given as data (``initialize``, ``from_bytes``)."""
        self._compile(validate_lexicon(lexicon, self.lexicon_schema, source))

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(
        self,
        get_examples: Optional[Callable[[], Iterable[Example]]] = None,
        *,
        nlp: Optional[Language] = None,
        lexicon: Optional[Dict[str, Any]] = None,
    ) -> None:
        """Rules learn nothing; a ``lexicon`` (e.g. from ``[initialize.components]``) replaces the data."""
        if lexicon is not None:
            self._use(lexicon, f"[initialize.components.{self.name}] lexicon")

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        """Scores for ``spacy evaluate`` and the training loop; none for components without a scorer."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}

    def _settings(self) -> Dict[str, Any]:
        return {setting: getattr(self, setting) for setting in self.settings}

    def _restore(self, lexicon: Dict[str, Any], settings: Dict[str, Any], source: str) -> None:
        self._use(lexicon, source)
        for setting in self.settings:
            if setting in settings:
                setattr(self, setting, settings[setting])

    def to_disk(self, path, *, exclude: Sequence[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        # the stdlib keeps full float precision (1/3); srsly's JSON writer rounds to 10 digits
        (path / self.lexicon_file).write_text(json.dumps(self.lexicon, ensure_ascii=False, indent=1), encoding="utf8")
        srsly.write_json(path / "cfg.json", self._settings())

    def from_disk(self, path, *, exclude: Sequence[str] = ()) -> "RuleComponent":
        path = ensure_path(path)
        settings = srsly.read_json(path / "cfg.json") if (path / "cfg.json").exists() else {}
        lexicon_path = path / self.lexicon_file
        # the stdlib reads full float precision back (1/3); srsly's reader rounds to 10 digits
        self._restore(json.loads(lexicon_path.read_text(encoding="utf8")), settings, str(lexicon_path))
        return self

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"lexicon": self.lexicon, "settings": self._settings()})

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> "RuleComponent":
        msg = srsly.msgpack_loads(data)
        self._restore(msg["lexicon"], msg.get("settings", {}), f"{self.name} (from bytes)")
        return self
