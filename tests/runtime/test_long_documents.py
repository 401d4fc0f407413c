"""Documents over spaCy's max_length: split at paragraphs, offsets into the original text."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimattr.cli import commands as cli
from claimattr.runtime.long_documents import CHUNK_CHARS, annotate_long, process_long, split_text
from claimattr.runtime.records import Record
from claimattr.runtime.stream import annotate

NEWS = ("The minister said that 12 schools would close next year.\n\n"
        "\u201cWe will rebuild,\u201d the mayor told reporters on Monday.\n\n"
        "According to the police, 3 people were injured.\n\n")
FILLER = ("\n" + " " * 1000) * 250  # blank paragraphs: cheap to parse, they make the text long


def five_megabytes() -> str:
    blocks, size = [], 0
    while size < 5_000_000:
        block = NEWS + FILLER + "\n\n"
        blocks.append(block)
        size += len(block)
    return "".join(blocks)


def test_split_text_partitions_the_text_at_paragraphs():
    text = ("Para one is here.\n\n" * 50) + ("A sentence. " * 40)
    chunks = split_text(text, 100)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= 100 for _, chunk in chunks)
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in chunks)
    paragraphs_end = len("Para one is here.\n\n") * 50
    assert all(chunk.endswith("\n\n") for offset, chunk in chunks if offset + len(chunk) < paragraphs_end)
    assert all(chunk.endswith(". ") for offset, chunk in chunks[:-1] if offset > paragraphs_end)


def test_split_text_never_cuts_inside_a_word_when_there_is_a_space():
    text = "word " * 1000
    assert all(chunk.endswith(" ") for _, chunk in split_text(text, 333)[:-1])


def test_a_five_megabyte_document_gives_the_claims_of_the_same_text_split_by_hand(nlp):
    text = five_megabytes()
    assert len(text) > 5_000_000 > nlp.max_length
    long_doc = annotate_long(nlp, text)
    # by hand: every block processed alone, its offsets moved by where it starts
    expected, offset = [], 0
    block = NEWS + FILLER + "\n\n"
    claims_of_block = [c.to_dict() for c in nlp(block)._.claims]
    while offset < len(text):
        for claim in claims_of_block:
            expected.append((claim["cue"]["start"] + offset, claim["cue"]["text"],
                             [(p["start"] + offset, p["text"]) for p in claim["content"]],
                             [(q["start"] + offset, q["text"]) for q in claim["quantities"]]))
        offset += len(block)
    got = [(c.cue.start, c.cue.text, [(p.start, p.text) for p in c.content],
            [(q.start, q.text) for q in c.quantities]) for c in long_doc._.claims]
    assert got == expected
    assert len(got) == 3 * (len(text) // len(block))
    for claim in long_doc._.claims:
        data = claim.to_dict()
        assert text[data["cue"]["start"]:data["cue"]["end"]] == data["cue"]["text"]
        for piece in data["content"]:
            assert text[piece["start"]:piece["end"]] == piece["text"]
    for quantity in long_doc._.quantities:
        assert text[quantity.start:quantity.end] == quantity.text


def test_the_cli_processes_a_file_over_max_length(monkeypatch, nlp, tmp_path):
    monkeypatch.setattr(cli, "load_pipeline", lambda **settings: nlp)
    text = five_megabytes()[:1_500_000]  # over spaCy's 1,000,000 (the 5 MB case is tested above)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf8")
    result = CliRunner().invoke(cli.app, ["extract", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()
    [record] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf8").splitlines()]
    assert len(record["claims"]) == 3 * text.count(NEWS), "three claims in every news block, none lost"
    for claim in record["claims"]:
        assert text[claim["cue"]["start"]:claim["cue"]["end"]] == claim["cue"]["text"]
    members = [member for group in record["figures"] for member in group["members"]]
    assert {group["frame"] for group in record["figures"]} == {"injuries"}, "the long record has its figure groups"
    assert len(members) == text.count(NEWS), "one group gathers the injuries of every chunk"
    assert all(text[m["start"]:m["end"]] == m["text"] for m in members)


@pytest.mark.parametrize("n_process", [1, 2])
def test_long_records_keep_their_place_in_the_stream(nlp, n_process):
    long_text = NEWS * (CHUNK_CHARS // len(NEWS) + 5)
    records = [Record("a", "Rain fell.", "x"), Record("long", long_text, "x"), Record("b", NEWS, "x")]
    out = list(annotate(nlp, records, on_error=pytest.fail, n_process=n_process, batch_size=2))
    assert [r.id for r, _ in out] == ["a", "long", "b"]
    assert out[1][1].text == long_text
    assert len(out[1][1]._.claims) == 3 * (len(long_text) // len(NEWS))


def test_process_long_gives_a_real_doc_with_offsets_into_the_text(nlp):
    text = NEWS * 40
    doc = process_long(nlp, text, chunk_chars=1000)
    assert doc.text == text
    assert len(doc._.claims) == 3 * 40
    for claim in doc._.claims:
        assert text[claim.cue.start:claim.cue.end] == claim.cue.text


DISPUTE = ("Kestrel's defence ministry said its forces had killed 58 Dovanian soldiers.\n\n"
           + "The weather was mild and the markets were quiet on Tuesday.\n\n" * 6
           + "Dovany's army said 23 Dovanian soldiers had died in the fighting.\n\n"
           + "Police said 4 people were arrested.")


def test_figures_of_a_split_text_are_grouped_as_one_document(nlp):
    """Two speakers' figures in different chunks meet in one group, disputed, exactly as when the
    text is processed whole: the groups are made once, over every chunk's mentions."""
    assert len(split_text(DISPUTE, 200)) == 3
    whole = nlp(DISPUTE)._.figures
    assert [(f["id"], f["disputed"]) for f in whole] == [("deaths-soldier-dovan", True), ("arrests-protester", False)]
    assert annotate_long(nlp, DISPUTE, chunk_chars=200)._.figures == whole
    assert process_long(nlp, DISPUTE, chunk_chars=200)._.figures == whole
