"""``claimattr summarise --figures``: figure groups per document or across the inputs."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Tuple

from claimattr.runtime.records import DEFAULT_ENCODING


def figure_records(inputs: Optional[List[str]], from_claims: bool, sink: Any, pipeline: Optional[str], model: Optional[str],
                   pipes: Optional[str], batch_size: int, n_process: int,
                   encoding: str = DEFAULT_ENCODING) -> Iterator[Tuple[str, List[Dict[str, Any]]]]:
    """``(doc id, figure groups)`` per document: from the pipeline (``figure_grouper`` added if
    missing), or from ``claimattr extract`` output (``--from-claims``: claims' quantities only)."""
    from claimattr.cli import commands
    from claimattr.figures.figures_component import DEFAULT_LEXICON, LEXICON_SCHEMA
    from claimattr.figures.grouping import FigureRules, mentions_from_claims
    from claimattr.rules.lexicon import read_lexicon
    from claimattr.runtime.records import STDIN, RecordError, read_claim_records

    if from_claims:
        rules = FigureRules(read_lexicon(DEFAULT_LEXICON, LEXICON_SCHEMA))
        for item in read_claim_records(inputs or [STDIN]):
            if isinstance(item, RecordError):
                sink.add(item)
            else:
                yield str(item.get("id")), rules.group(mentions_from_claims(item["claims"], item.get("quantities") or []))
        return
    nlp = commands.load_pipeline(pipeline=pipeline, model=model, pipes=pipes)
    if "figure_grouper" not in nlp.pipe_names:
        nlp.add_pipe("figure_grouper")
    records = commands.pending_records(commands.source_items(inputs, encoding), sink, commands.Progress(None, False), None)
    from claimattr.runtime.stream import annotate

    for record, doc in annotate(nlp, records, on_error=sink.add, batch_size=batch_size, n_process=n_process):
        yield record.id, doc._.figures


def summarise_figures(inputs: Optional[List[str]], from_claims: bool, by: str, output_format: str, output: Optional[str],
                      pipeline: Optional[str], model: Optional[str], pipes: Optional[str], batch_size: int, n_process: int,
                      encoding: str = DEFAULT_ENCODING) -> None:
    """The ``--figures`` branch of ``claimattr summarise``: write the groups, then report errors."""
    from claimattr.cli import commands
    from claimattr.runtime.records import ErrorSink
    from claimattr.summary import FigureWriter

    sink = ErrorSink()
    commands.check_arguments(inputs, output)
    with commands.atomic_text(output) as stream:
        writer = FigureWriter(stream, by=by, output_format=output_format)
        for doc_id, figures in figure_records(inputs, from_claims, sink, pipeline, model, pipes, batch_size, n_process,
                                                  encoding):
            writer.add(doc_id, figures)
        writer.finish()
    commands.report_errors(sink)
