"""``claimattr corpus ...`` (validate, build, stats, convert, paras) and ``claimattr evaluate``.

A typer sub-app mounted by ``claimattr.cli.commands``; see docs/annotation-guidelines.md for the
formats and the annotation workflow these commands serve. Every command works from any folder:
the corpus folder is ``--corpus DIR``, or ``training/corpus`` under the current folder when that
exists (a repository checkout); with neither, the command stops with a usage error (exit 2).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import typer

from claimattr.runtime.records import DEFAULT_ENCODING

CORPUS_FILE_NAME = "corpus.jsonl"
"""``claimattr.readers.corpus.CORPUS_FILE``, for help text only: that package imports spaCy, and
``claimattr --help`` must not (tests/cli check the two agree)."""
CORPUS_SUBDIR_NAME = "training/corpus"
"""``claimattr.readers.corpus.CORPUS_SUBDIR``, for help text only (see :data:`CORPUS_FILE_NAME`)."""

corpus_app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="Build, check, count and convert the annotated corpus (docs/annotation-guidelines.md).",
)

CORPUS_OPTION_HELP = f"Corpus folder (annotated/, manifest.json, {CORPUS_FILE_NAME}). Default: ./{CORPUS_SUBDIR_NAME} when it exists."


def corpus_option() -> Any:
    return typer.Option(None, "--corpus", help=CORPUS_OPTION_HELP, show_default=False)


def corpus_folder(given: Optional[Path]) -> Path:
    """The corpus folder: ``--corpus`` when given, else ``./training/corpus`` if it exists.

    Raises a usage error (exit status 2) naming the option when there is neither.
    """
    from claimattr.readers.corpus import CORPUS_SUBDIR

    if given is not None:
        if not given.is_dir():
            raise typer.BadParameter(f"{given} is not a folder", param_hint="'--corpus'")
        return given
    found = Path.cwd() / CORPUS_SUBDIR
    if found.is_dir():
        return found
    raise typer.BadParameter(
        f"no corpus folder given and there is no ./{CORPUS_SUBDIR.as_posix()} here: pass --corpus DIR",
        param_hint="'--corpus'",
    )


def corpus_file(given: Optional[Path], folder: Optional[Path]) -> Path:
    """The corpus .jsonl: the CORPUS argument, else ``<corpus folder>/corpus.jsonl``."""
    from claimattr.readers.corpus import CORPUS_FILE

    path = given if given is not None else corpus_folder(folder) / CORPUS_FILE
    if not path.is_file():
        hint = "'CORPUS'" if given is not None else "'--corpus'"
        raise typer.BadParameter(f"{path} is not a file (run `claimattr corpus build` first?)", param_hint=hint)
    return path


@corpus_app.command()
def validate(
    paths: Optional[List[Path]] = typer.Argument(None, help=f"Corpus .jsonl files, authoring .json files or folders of them. Default: <corpus>/annotated and <corpus>/{CORPUS_FILE_NAME}.", show_default=False),
    corpus: Optional[Path] = corpus_option(),
) -> None:
    """Check every file: spans resolve, offsets lie inside the text on token boundaries and match
    their text, every claim has a cue and content, kinds/types are valid, references resolve, no
    duplicates. Every problem is printed as FILE:LINE: message; exit status 1 if there is any."""
    from claimattr.readers.corpus import CORPUS_FILE, validate_paths

    if not paths:
        folder = corpus_folder(corpus)
        paths = [p for p in (folder / "annotated", folder / CORPUS_FILE) if p.exists()]
    count, errors = validate_paths(paths)
    for error in errors:
        typer.echo(str(error))
    typer.echo(f"{count} file(s) checked, {len(errors)} error(s)", err=True)
    if errors:
        raise typer.Exit(1)


@corpus_app.command("build")
def build_command(
    corpus: Optional[Path] = corpus_option(),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=f"Default: <corpus>/{CORPUS_FILE_NAME}."),
) -> None:
    """Compile annotated/*.json into corpus.jsonl (splits from manifest.json) and write
    corrections.json. A document with errors is left out and reported; the others compile."""
    from claimattr.readers.corpus import build

    result = build(corpus_folder(corpus), output)
    for error in result.errors:
        typer.echo(str(error))
    typer.echo(f"{len(result.records)} document(s) compiled, {len(result.errors)} error(s); "
               f"{len(result.not_annotated)} not yet in annotated/; "
               f"{len(result.uncorrected)} compiled but not marked \"corrected\"", err=True)
    if result.errors:
        raise typer.Exit(1)


def _stats_table(table: Dict[str, Dict[str, int]]) -> str:
    from claimattr.readers.corpus import SPLITS

    columns = [s for s in SPLITS if s in table] + ["total"]
    names = ["reports", "words", "claims", "quantities", "speakers_with_role_or_org"]
    names += sorted({n for row in table.values() for n in row if n.startswith("kind_")})
    lines = [f"{'':28}" + "".join(f"{c:>9}" for c in columns)]
    for name in names:
        lines.append(f"{name:28}" + "".join(f"{table.get(c, {}).get(name, 0):>9}" for c in columns))
    return "\n".join(lines)


@corpus_app.command("stats")
def stats_command(
    jsonl: Optional[Path] = typer.Argument(None, metavar="CORPUS", help=f"A corpus .jsonl file. Default: <corpus>/{CORPUS_FILE_NAME}.", show_default=False),
    corpus: Optional[Path] = corpus_option(),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Reports, words, claims, quantities and speakers with a role or organisation, per split
    and per claim kind, and whether the corpus reaches its minimum size."""
    from claimattr.readers.corpus import MINIMUMS, iter_corpus, minimums_met, stats

    table = stats(iter_corpus(corpus_file(jsonl, corpus)))
    met = minimums_met(table.get("total", {}))
    if as_json:
        typer.echo(json.dumps({"stats": table, "minimums": MINIMUMS, "met": met}, indent=2))
        return
    typer.echo(_stats_table(table))
    total = table.get("total", {})
    for name, needed in MINIMUMS.items():
        typer.echo(f"{'met' if met[name] else 'NOT met':>8}  {name} >= {needed} (have {total.get(name, 0)})")


@corpus_app.command()
def paras(
    authoring_file: Path = typer.Argument(..., exists=True, dir_okay=False, help="An authoring .json file (or a .txt report)."),
    encoding: str = typer.Option(DEFAULT_ENCODING, "--encoding", "-e", help="Encoding of a .txt report (a byte-order mark is honoured and dropped); corpus files are UTF-8."),
) -> None:
    """Print a report's paragraphs with the numbers that "para" refers to."""
    from claimattr.readers.corpus import paragraphs

    if authoring_file.suffix == ".txt":
        text = _read_report(authoring_file, encoding)
    else:
        data = json.loads(authoring_file.read_text(encoding="utf8"))
        text = (authoring_file.parent / data["text_file"]).read_text(encoding="utf8")
    for index, (start, end) in enumerate(paragraphs(text)):
        typer.echo(f"[{index}] {text[start:end]}")


def _read_report(path: Path, encoding: str) -> str:
    """A .txt report as text; an unknown encoding is a usage error (2), an undecodable file a
    failure (1) whose message names the file and ``--encoding``, as in ``claimattr extract``."""
    from claimattr.runtime.records import check_encoding, decode_text

    problem = check_encoding(encoding)
    if problem:
        raise typer.BadParameter(problem, param_hint="'--encoding'")
    try:
        return decode_text(path.read_bytes(), encoding, str(path))
    except UnicodeDecodeError as error:
        typer.echo(f"error: {error.reason}", err=True)
        raise typer.Exit(1) from error


def _write_docbin(docs: Iterable[Any], path: Path) -> int:
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=True)
    for doc in docs:
        docbin.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    from claimattr.runtime.output import atomic_path

    with atomic_path(path) as temporary:  # a failed convert keeps the old .spacy file
        temporary.write_bytes(docbin.to_bytes())
    return len(docbin)


@corpus_app.command()
def convert(
    jsonl: Optional[Path] = typer.Argument(None, metavar="CORPUS", help=f"Our corpus .jsonl file. Default: <corpus>/{CORPUS_FILE_NAME}.", show_default=False),
    corpus: Optional[Path] = corpus_option(),
    output_dir: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder for the .spacy files. Default: the corpus file's folder's spacy/ (gitignored in the repository).", show_default=False),
    polnear: Optional[Path] = typer.Option(None, "--polnear", help="PolNeAR root (with train/ and dev/): also write polnear-<split>.spacy. Its text never enters the repository: write them outside it or in the gitignored default folder."),
    polnear_limit: Optional[int] = typer.Option(None, "--polnear-limit", min=1, help="At most this many PolNeAR articles per split."),
) -> None:
    """Write spaCy DocBin files (train.spacy, dev.spacy, test.spacy) for `spacy train`: each Doc
    holds the gold claims and quantities (doc._.claims, doc._.quantities) and the span groups
    "claims" (CUE / CONTENT / SOURCE) and "quantities". A corpus file without documents, or a
    --polnear folder that is missing or holds no documents, stops the command with a non-zero exit
    status and a message naming the setting to fix."""
    import spacy

    from claimattr.readers.corpus import iter_corpus, record_doc, records_by_split

    path = corpus_file(jsonl, corpus)
    polnear_splits = _polnear_splits(polnear) if polnear is not None else []
    splits = records_by_split(iter_corpus(path))
    if not any(splits.values()):
        hint = "'CORPUS'" if jsonl is not None else "'--corpus'"
        raise typer.BadParameter(f"no documents in {path}: pass a corpus .jsonl with records "
                                 "(`claimattr corpus build` writes one)", param_hint=hint)
    output_dir = output_dir if output_dir is not None else path.parent / "spacy"
    nlp = spacy.blank("en")
    for split, records in splits.items():
        count = _write_docbin((record_doc(r, nlp) for r in records), output_dir / f"{split}.spacy")
        typer.echo(f"{output_dir / f'{split}.spacy'}: {count} doc(s)")
    if polnear is not None:
        from claimattr.readers.brat import make_doc, read_split

        for split in polnear_splits:
            docs = [make_doc(d.text, d.claims, nlp) for d in read_split(polnear, split, polnear_limit) if d.text]
            if not docs:
                typer.echo(f"error: no readable PolNeAR documents in {polnear / split}: check --polnear", err=True)
                raise typer.Exit(1)
            path = output_dir / f"polnear-{split}.spacy"
            typer.echo(f"{path}: {_write_docbin(docs, path)} doc(s)")


def _polnear_splits(polnear: Path) -> List[str]:
    """The PolNeAR splits (train, dev, test) present under ``polnear``; a usage error naming
    ``--polnear`` when the folder is missing, has no split, or a split has no ``.ann`` file."""
    from claimattr.readers.brat import first_annotation_files

    if not polnear.is_dir():
        raise typer.BadParameter(f"PolNeAR not found at {polnear}: pass the folder holding train/ and dev/",
                                 param_hint="'--polnear'")
    splits = [split for split in ("train", "dev", "test") if (polnear / split).is_dir()]
    if not splits:
        raise typer.BadParameter(f"no PolNeAR split (train/, dev/, test/) in {polnear}", param_hint="'--polnear'")
    for split in splits:
        ann_dir = polnear / split / "attributions"
        if not first_annotation_files(ann_dir):
            raise typer.BadParameter(f"no PolNeAR documents in {polnear / split} (expected "
                                     f"{polnear / split / 'text'}/*.txt and {ann_dir}/*.ann)",
                                     param_hint="'--polnear'")
    return splits


# --------------------------------------------------------------------------- evaluate


def load_gold(corpus: Path, split: Optional[str]) -> List[Any]:
    """Gold docs from a ``.spacy`` DocBin or our corpus ``.jsonl`` (optionally one split)."""
    import spacy

    from claimattr.readers.corpus import iter_corpus, record_doc

    nlp = spacy.blank("en")
    if corpus.suffix == ".jsonl":
        return [record_doc(r, nlp) for r in iter_corpus(corpus, split)]
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(corpus).get_docs(nlp.vocab))


def load_pipeline_for_eval(pipeline: str) -> Any:
    """``rules``: the claimattr rule pipeline; anything else: a spaCy pipeline name or path."""
    import claimattr
    import spacy

    return claimattr.load() if pipeline == "rules" else spacy.load(pipeline)


def format_scores(scores: Dict[str, Any]) -> str:
    """A plain-text table of the scorer's figures."""
    def fmt(value: Optional[float]) -> str:
        return "    -" if value is None else f"{100 * value:5.1f}"

    lines = [f"{'':26}{'P':>6}{'R':>6}{'F':>6}"]
    for role in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            key = f"claims_{role}_{mode}"
            lines.append(f"{role + ' ' + mode:26}" + "".join(f" {fmt(scores[f'{key}_{x}'])}" for x in "prf"))
    for key, label in (("claims_attribution", "attribution"), ("claims_quantity", "quantity (overlap)")):
        lines.append(f"{label:26}" + "".join(f" {fmt(scores[f'{key}_{x}'])}" for x in "prf"))
    lines.append("")
    accuracies = ["claims_kind_acc"] + [k for k in scores if k.startswith(("claims_speaker_", "claims_quantity_")) and k.endswith("_acc")]
    support = scores.get("claims_support", {})
    for key in accuracies:
        short = key.replace("claims_", "").replace("_acc", "")
        n = support.get(short)
        lines.append(f"{short + ' accuracy':26} {fmt(scores[key])}" + (f"  (n={n})" if n is not None else ""))
    lines.append("")
    lines.append("support: " + ", ".join(f"{k}={v}" for k, v in support.items() if k in ("gold_claims", "pred_claims", "matched_claims", "gold_quantities", "pred_quantities")))
    return "\n".join(lines)


def evaluate(
    pipeline: str = typer.Argument(..., help="\"rules\" (claimattr.load()) or a spaCy pipeline name or path."),
    corpus: Path = typer.Argument(..., exists=True, dir_okay=False, help="A .spacy DocBin with gold doc._.claims, or our corpus .jsonl."),
    split: Optional[str] = typer.Option(None, "--split", help="Only this split of a corpus .jsonl (train/dev/test)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the scores as JSON here."),
) -> None:
    """Score a pipeline's claims against gold: exact and overlap P/R/F1 for source, cue and
    content, attribution F1, kind and speaker-field accuracies, quantity accuracies."""
    from spacy.training import Example

    from claimattr.scoring.claims import score_claims

    gold_docs = load_gold(corpus, split)
    if not gold_docs:
        typer.echo(f"error: no gold documents in {corpus}", err=True)
        raise typer.Exit(2)
    nlp = load_pipeline_for_eval(pipeline)
    predicted = nlp.pipe(doc.text for doc in gold_docs)
    scores = score_claims(Example(pred, gold) for pred, gold in zip(predicted, gold_docs))
    typer.echo(f"{pipeline} on {corpus}{' (' + split + ')' if split else ''}: {len(gold_docs)} doc(s)")
    typer.echo(format_scores(scores))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        result = {"pipeline": pipeline, "corpus": str(corpus), "split": split, "docs": len(gold_docs), "scores": scores}
        from claimattr.runtime.output import atomic_text

        with atomic_text(output) as stream:
            stream.write(json.dumps(result, indent=2) + "\n")
