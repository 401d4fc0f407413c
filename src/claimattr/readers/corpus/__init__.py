"""The claimattr corpus: a hand-editable authoring format, its compiler and its checks.

Two formats, both documented in docs/annotation-guidelines.md:

- **Authoring files** (``<corpus>/annotated/<id>.json``, one per report) anchor every span by
  its TEXT inside a paragraph, never by character offsets (:mod:`.authoring`).
- **The corpus** (``<corpus>/corpus.jsonl``): one line per report with character offsets into
  its text (:mod:`.records`); :func:`build` compiles the authoring files into it (:mod:`.build`).

:mod:`.validation` checks both, :mod:`.corrections` counts what annotators changed, and
:mod:`.stats` counts the corpus. Problems never raise: they are :class:`InputError` values
naming file, line and field, so one bad record is reported while every other record is still
compiled and checked. ``<corpus>`` is the corpus folder, ``training/corpus`` in the repository
(:data:`CORPUS_SUBDIR`); every function takes it as an argument.
"""
from claimattr.errors import InputError
from claimattr.readers.corpus.authoring import (
    STATUSES, Resolution, Resolver, Unresolved, authoring_files, dump_authoring, occurrences, paragraph_of,
    paragraphs, read_authoring, read_status, resolve_document, span_ref,
)
from claimattr.readers.corpus.build import (
    SPLIT_POLICY, BuildResult, build, make_manifest, read_manifest, split_of,
)
from claimattr.readers.corpus.corrections import (
    CLAIM_CHANGES, QUANTITY_FIELDS, compare_records, corrections, write_corrections,
)
from claimattr.readers.corpus.records import (
    CORPUS_FILE, CORPUS_SUBDIR, SPLITS, PathLike, Range, Record, blank_english, iter_corpus, read_corpus,
    record_doc, records_by_split,
)
from claimattr.readers.corpus.stats import MINIMUMS, minimums_met, record_counts, stats
from claimattr.readers.corpus.validation import (
    check_record, token_boundaries, validate_authoring_file, validate_corpus_file, validate_paths,
)

__all__ = [
    "CLAIM_CHANGES", "CORPUS_FILE", "CORPUS_SUBDIR", "MINIMUMS", "QUANTITY_FIELDS", "SPLITS", "SPLIT_POLICY",
    "STATUSES", "BuildResult", "InputError", "PathLike", "Range", "Record", "Resolution", "Resolver",
    "Unresolved", "authoring_files", "blank_english", "build", "check_record", "compare_records",
    "corrections", "dump_authoring", "iter_corpus", "make_manifest", "minimums_met", "occurrences",
    "paragraph_of", "paragraphs", "read_authoring", "read_corpus", "read_manifest", "read_status",
    "record_counts", "record_doc", "records_by_split", "resolve_document", "span_ref", "split_of", "stats",
    "token_boundaries", "validate_authoring_file", "validate_corpus_file", "validate_paths",
    "write_corrections",
]
