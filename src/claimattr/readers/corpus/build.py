"""Splits, the manifest and the build: ``annotated/*.json`` compiled into ``corpus.jsonl``."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from claimattr.errors import InputError
from claimattr.readers.corpus.authoring import authoring_files, read_status
from claimattr.readers.corpus.corrections import write_corrections
from claimattr.readers.corpus.records import CORPUS_FILE, SPLITS, PathLike, Record
from claimattr.readers.corpus.validation import validate_authoring_file


def _domain_and_number(doc_id: str) -> Tuple[str, Optional[int]]:
    match = re.match(r"^([a-z])(\d+)-", doc_id)
    return (match.group(1), int(match.group(2))) if match else ("seed", None)


SPLIT_POLICY = (
    "Deterministic and stratified by domain (the id's letter: a = conflict, diplomacy, disasters, "
    "courts, elections; b = economy, health, business, society): report number n goes to dev when "
    "n % 6 == 5, to test when n % 6 == 0, else to train, so each block of six consecutive reports "
    "(one topic in domain a) gives one report to dev and one to test. The seed report goes to dev: "
    "the rules were developed on it, so it must not inflate the test figures."
)


def split_of(doc_id: str) -> str:
    """The split :data:`SPLIT_POLICY` gives ``doc_id``."""
    _, number = _domain_and_number(doc_id)
    if number is None or number % 6 == 5:
        return "dev"
    return "test" if number % 6 == 0 else "train"


def make_manifest(ids: Iterable[str]) -> Dict[str, Any]:
    """``{"policy", "splits": {"train": [...], "dev": [...], "test": [...]}}`` for ``ids``."""
    splits: Dict[str, List[str]] = {name: [] for name in SPLITS}
    for doc_id in sorted(ids):
        splits[split_of(doc_id)].append(doc_id)
    return {"policy": SPLIT_POLICY, "splits": splits}


def read_manifest(path: PathLike) -> Dict[str, str]:
    """``id -> split`` from a manifest's ``splits``."""
    data = json.loads(Path(path).read_text(encoding="utf8"))
    return {doc_id: split for split, ids in data["splits"].items() for doc_id in ids}


@dataclass
class BuildResult:
    records: List[Record]
    errors: List[InputError]
    not_annotated: List[str]
    uncorrected: List[str]


def build(corpus_dir: PathLike, output: Optional[PathLike] = None) -> BuildResult:
    """Compile ``annotated/*.json`` into ``corpus.jsonl`` (splits from ``manifest.json``) and write
    ``corrections.json``. Documents with errors are left out; the others still compile."""
    corpus_dir = Path(corpus_dir)
    splits = read_manifest(corpus_dir / "manifest.json")
    records, errors, uncorrected = [], [], []
    for path in authoring_files(corpus_dir / "annotated"):
        split = splits.get(path.stem)
        if split is None:
            errors.append(InputError(str(path), 1, f"{path.stem!r} is not in manifest.json"))
            continue
        record, file_errors = validate_authoring_file(path, split)
        errors.extend(file_errors)
        if record is not None and not file_errors:
            records.append(record)
            if read_status(path) != "corrected":
                uncorrected.append(path.stem)
    records.sort(key=lambda r: (SPLITS.index(r["split"]), r["id"]))
    from claimattr.runtime.output import atomic_text

    with atomic_text(Path(output or corpus_dir / CORPUS_FILE)) as stream:  # a failed build keeps the old corpus
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    done = {r["id"] for r in records} | {Path(e.path).stem for e in errors}
    write_corrections(corpus_dir)
    return BuildResult(records, errors, sorted(set(splits) - done), uncorrected)


