"""The compiled corpus (``corpus.jsonl``): reading it, grouping it by split, making ``Doc`` objects.

One line per report: ``{"id", "split", "text", "claims": [Claim.to_dict() ...],
"quantities": [Quantity.to_dict() ...]}``, with character offsets into ``text``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimattr.errors import InputError
from claimattr.readers.jsonl import read_json_lines
from claimattr.schema import Claim, Quantity

PathLike = Union[str, Path]
Record = Dict[str, Any]
Range = Tuple[int, int]

SPLITS = ("train", "dev", "test")
CORPUS_SUBDIR = Path("training", "corpus")
"""Where the corpus folder lies inside a checkout of the repository (resolve it against a root)."""
CORPUS_FILE = "corpus.jsonl"
"""The compiled corpus's name inside the corpus folder."""


def read_corpus(path: PathLike) -> Tuple[List[Tuple[int, Record]], List[InputError]]:
    """``(line, record)`` for every record of a corpus JSONL file; a malformed line is an error,
    the rest are read. Raises ``OSError`` when the file cannot be opened."""
    records, errors = [], []
    for item in read_json_lines(path):
        if item.data is None:
            errors.append(InputError(str(path), item.line, str(item.error)))
        else:
            records.append((item.line, item.data))
    return records, errors


def iter_corpus(path: PathLike, split: Optional[str] = None) -> Iterator[Record]:
    """The valid records of a corpus file (optionally one split), for tools that only read."""
    records, _ = read_corpus(path)
    for _, record in records:
        if split is None or record.get("split") == split:
            yield record


def records_by_split(records: Iterable[Record]) -> Dict[str, List[Record]]:
    grouped: Dict[str, List[Record]] = {name: [] for name in SPLITS}
    for record in records:
        grouped.setdefault(record.get("split", "train"), []).append(record)
    return grouped


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """A blank English pipeline (tokenizer only), made once: the corpus's tokenisation."""
    return spacy.blank("en")


def record_doc(record: Record, nlp: Optional[Language] = None) -> Doc:
    """A tokenised ``Doc`` carrying the record's gold claims and quantities (and span groups).

    Store it with ``DocBin(store_user_data=True)``: claims and quantities live in ``user_data``.
    """
    doc = (nlp or blank_english()).make_doc(record["text"])
    doc._.claims = [Claim.from_dict(claim) for claim in record["claims"]]
    doc._.quantities = [Quantity.from_dict(q) for q in record.get("quantities", [])]
    doc.user_data["claimattr_id"] = record.get("id")
    return doc
