"""Issue 13: inputs of any size, encoding and shape; nothing lost, nothing silent.

One test (at least) per row of the issue's table, plus output safety and exit statuses
(0 success, 1 some records failed, 2 usage error: nothing written).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimattr.cli import commands as cli

runner = CliRunner()
SAID = "The minister said that 12 schools would close."


@pytest.fixture()
def cached_pipeline(monkeypatch, nlp):
    monkeypatch.setattr(cli, "load_pipeline", lambda **settings: nlp)
    return nlp


def invoke(*args: str, input=None):
    return runner.invoke(cli.app, list(args), input=input)


# --- missing inputs: usage error, nothing created or replaced ----------------------------------

def test_render_with_a_missing_input_leaves_the_existing_report_untouched(cached_pipeline, tmp_path):
    report = tmp_path / "report.html"
    report.write_text("<html>good</html>", encoding="utf8")
    result = invoke("render", str(tmp_path / "missing.txt"), "-o", str(report))
    assert result.exit_code == 2
    assert "input not found" in result.output and "missing.txt" in result.output
    assert report.read_text(encoding="utf8") == "<html>good</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_extract_with_a_missing_input_creates_no_file(cached_pipeline, tmp_path):
    result = invoke("extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_summarise_with_a_missing_input_is_a_usage_error(cached_pipeline, tmp_path):
    result = invoke("summarise", str(tmp_path / "missing.jsonl"), "--from-claims", "-o", str(tmp_path / "s.csv"))
    assert result.exit_code == 2 and list(tmp_path.iterdir()) == []


def test_an_output_in_a_missing_folder_is_a_usage_error(cached_pipeline, tmp_path):
    result = invoke("extract", "-o", str(tmp_path / "no" / "out.jsonl"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_failing_extract_never_truncates_a_good_output(monkeypatch, cached_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old", "claims": []}\n', encoding="utf8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    import claimattr.runtime.stream as stream

    monkeypatch.setattr(stream, "annotate", crash)
    result = invoke("extract", str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code != 0
    assert out.read_text(encoding="utf8") == '{"id": "old", "claims": []}\n'


def test_a_failing_render_never_replaces_a_good_report(monkeypatch, cached_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf8")
    report = tmp_path / "report.html"
    report.write_text("good", encoding="utf8")
    from claimattr.report import rendering as render

    monkeypatch.setattr(render, "render_page", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    result = invoke("render", str(tmp_path / "a.txt"), "-o", str(report))
    assert result.exit_code != 0
    assert report.read_text(encoding="utf8") == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.html"], "no temporary file left"


def test_resume_of_a_finished_output_keeps_it_and_appends_nothing(cached_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf8")
    out = tmp_path / "out.jsonl"
    assert invoke("extract", str(tmp_path / "a.txt"), "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    assert invoke("extract", str(tmp_path / "a.txt"), "-o", str(out), "--resume").exit_code == 0
    assert out.read_bytes() == before
    assert not Path(f"{out}.partial").exists()


# --- stdin without '-' -------------------------------------------------------------------------

def test_piped_stdin_is_read_without_a_dash(cached_pipeline):
    result = invoke("extract", input=SAID + "\n")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "stdin"


def test_piped_stdin_in_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "claimattr.cli", "extract", "--pipes", "report_segmenter,claim_detector"],
                            input=SAID.encode(), capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout.decode().splitlines()[0])["id"] == "stdin"


def test_empty_stdin_falls_back_to_the_bundled_example(cached_pipeline):
    result = invoke("extract")
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["id"] == "example_report"


# --- encodings ---------------------------------------------------------------------------------

def test_latin1_file_needs_encoding_and_the_message_names_file_and_option(cached_pipeline, tmp_path):
    path = tmp_path / "café.txt"
    path.write_bytes("Le ministre a dit que l'école fermera. The mayor said the café would close.".encode("latin-1"))
    failed = invoke("extract", str(path))
    assert failed.exit_code == 1
    assert str(path) in failed.stderr and "--encoding" in failed.stderr and "utf-8" in failed.stderr
    ok = invoke("extract", str(path), "--encoding", "latin-1")
    assert ok.exit_code == 0, ok.output
    [record] = [json.loads(line) for line in ok.stdout.splitlines()]
    text = path.read_bytes().decode("latin-1")
    for claim in record["claims"]:
        assert text[claim["cue"]["start"]:claim["cue"]["end"]] == claim["cue"]["text"]


LATIN1 = "Le maire a dit que l'école fermera. The mayor said the café would close."


@pytest.fixture()
def latin1_file(tmp_path):
    path = tmp_path / "café.txt"
    path.write_bytes(LATIN1.encode("latin-1"))
    return path


@pytest.mark.parametrize("command", [["render"], ["summarise"], ["corpus", "paras"]])
def test_every_command_reading_text_names_the_file_and_the_option_on_a_decode_error(cached_pipeline, latin1_file, command):
    result = invoke(*command, str(latin1_file))
    assert result.exit_code == 1
    assert str(latin1_file) in result.stderr and "--encoding" in result.stderr and "utf-8" in result.stderr


def test_render_reads_with_the_encoding_given(cached_pipeline, latin1_file, tmp_path):
    page = tmp_path / "report.html"
    result = invoke("render", str(latin1_file), "--encoding", "latin-1", "-o", str(page))
    assert result.exit_code == 0, result.output
    assert "café" in page.read_text(encoding="utf8")


def test_summarise_reads_with_the_encoding_given(cached_pipeline, latin1_file):
    result = invoke("summarise", str(latin1_file), "--encoding", "latin-1", "--format", "json")
    assert result.exit_code == 0, result.output
    [summary] = [json.loads(line) for line in result.stdout.splitlines()]
    assert summary["speakers"], summary


def test_summarise_figures_reads_with_the_encoding_given(cached_pipeline, latin1_file):
    result = invoke("summarise", str(latin1_file), "--figures", "--encoding", "latin-1", "--format", "json")
    assert result.exit_code == 0, result.output


def test_summarise_refuses_an_encoding_it_would_ignore(cached_pipeline, latin1_file):
    result = invoke("summarise", str(latin1_file), "--from-claims", "--encoding", "latin-1")
    assert result.exit_code == 2 and "--encoding" in result.stderr


@pytest.mark.parametrize("data,encoding", [(LATIN1.encode("latin-1"), "latin-1"),
                                           (b"\xff\xfe" + LATIN1.encode("utf-16-le"), "utf-8")])
def test_corpus_paras_reads_a_report_with_the_encoding_given_or_its_bom(tmp_path, data, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    result = invoke("corpus", "paras", str(path), "--encoding", encoding)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"[0] {LATIN1}\n"


@pytest.mark.parametrize("command", [["extract"], ["render"], ["summarise"], ["corpus", "paras"]])
def test_an_unknown_encoding_is_a_usage_error_everywhere(cached_pipeline, latin1_file, command):
    result = invoke(*command, str(latin1_file), "--encoding", "klingon")
    assert result.exit_code == 2 and "klingon" in result.output


@pytest.mark.parametrize("bom,encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_a_byte_order_mark_is_honoured_and_not_part_of_the_text(cached_pipeline, tmp_path, bom, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + SAID.encode(encoding))
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    claim = record["claims"][0]
    assert SAID[claim["cue"]["start"]:claim["cue"]["end"]] == "said"


def test_a_bom_on_a_jsonl_file_is_ignored(cached_pipeline, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": SAID}).encode() + b"\n")
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.output


# --- duplicate ids, errors file ----------------------------------------------------------------

def test_duplicate_ids_are_warned_about_with_their_line_and_both_kept(cached_pipeline, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": SAID}) for i in ["a", "b", "a"]) + "\n", encoding="utf8")
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(path), "-o", str(out))
    assert result.exit_code == 0
    assert "duplicate id 'a'" in result.stderr and f"{path}:3" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf8").splitlines()] == ["a", "b", "a"]
    lines = out.read_text(encoding="utf8").splitlines(keepends=True)
    Path(f"{out}.partial").write_text("".join(lines[:1]), encoding="utf8")  # killed after the first 'a'
    assert invoke("extract", str(path), "-o", str(out), "--resume").exit_code == 0
    assert out.read_text(encoding="utf8") == "".join(lines), "resume counts occurrences: (id, occurrence)"


def test_no_errors_file_when_nothing_failed_and_a_stale_one_is_removed(cached_pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf8")
    out = tmp_path / "out.jsonl"
    stale = Path(f"{out}.errors.jsonl")
    stale.write_text('{"error": "from an older run"}\n', encoding="utf8")
    assert invoke("extract", str(tmp_path / "a.txt"), "-o", str(out)).exit_code == 0
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]


# --- nlp(bytes), corpus help --------------------------------------------------------------------

def test_bytes_are_a_clear_type_error(nlp):
    with pytest.raises(TypeError, match=r"str .*decode it first"):
        nlp(b"The minister said so.")
    doc = nlp("The minister said so.")
    from spacy.tokens import Doc

    assert Doc(nlp.vocab).from_bytes(doc.to_bytes()).text == doc.text, "serialised Docs still read"


def test_corpus_stats_help_speaks_of_the_corpus():
    result = invoke("corpus", "stats", "--help")
    assert result.exit_code == 0
    assert "issue" not in result.output.lower()


HEAVY = ("spacy", "thinc", "torch", "spacy_transformers", "numpy", "dask", "pint")


@pytest.mark.parametrize("command", [[], ["extract"], ["summarise"], ["render"], ["serve"], ["evaluate"],
                                     ["corpus"], ["corpus", "stats"], ["corpus", "convert"]])
def test_help_imports_no_spacy_and_no_torch(command):
    """`claimattr ... --help` answers at once: spaCy (and torch, which thinc imports when it is
    installed) load only when a command runs a pipeline."""
    code = ("import sys; from claimattr.cli import main; sys.argv = ['claimattr', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, *command, "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    assert result.stderr.strip() == "[]"


def test_corpus_help_names_the_corpus_defaults():
    """The help text spells out the corpus file and folder without importing the corpus readers."""
    from claimattr.readers.corpus import CORPUS_FILE, CORPUS_SUBDIR

    result = invoke("corpus", "build", "--help")
    assert CORPUS_FILE in result.output and CORPUS_SUBDIR.as_posix() in result.output


# --- text hygiene, quotes (end to end through claimattr.load()) ----------------------------------

INVISIBLE = "\u200f\u200e\u200b\u200c\u200d\ufeff\u2066\u2069\u00ad"


@pytest.mark.parametrize("text", [
    "\u200fThe minister said that 12 schools would close.",
    "Officials\u200b said the bridge was unsafe for 3 weeks.",
    "The police chief of the\u200b Acme\u00a0Corp said it was fine.",
    "\u2066Health Minister Ana Ruiz\u2069 said\u200b the hospital would open in May.",
])
def test_invisible_characters_never_reach_names_roles_organisations_or_cues(nlp, text):
    doc = nlp(text)
    assert doc._.claims
    for claim in doc._.claims:
        data = claim.to_dict()
        speaker = data["speaker"]
        labels = [data["cue"]["text"]]
        if speaker is not None:
            labels += [speaker["name"], speaker["role"] or ""]
            # a mention is a span of the text: trimmed at its edges, its inside left as written
            assert speaker["text"][:1] not in INVISIBLE and speaker["text"][-1:] not in INVISIBLE
            labels += [speaker["organisation"]["text"]] if speaker["organisation"] else []
        for label in labels:
            assert not any(char in INVISIBLE for char in label), (label, data)
        for span in [data["cue"], *data["content"]] + ([speaker] if speaker else []):
            assert text[span["start"]:span["end"]] == span["text"], "offsets point into the original text"
    for entity in doc._.entities:
        assert not any(char in INVISIBLE for char in entity.name + "".join(entity.roles) + (entity.organisation or ""))
    assert not any(e.name.strip() in ("The", "the") for e in doc._.entities), "no junk organisation"


def test_clean_label_is_the_one_normalisation():
    from claimattr.text_hygiene import clean_label, trim_span

    assert clean_label("\u200fThe\u00a0minister\u200b ") == "The minister"
    text = "\u200fThe minister\u200b said"
    assert trim_span(text, 0, 14) == (1, 13)


@pytest.mark.parametrize("label, repaired", [
    ("FranÃ\x83Â§ois Hollande", "François Hollande"),  # UTF-8 read as Windows-1252 twice
    ("JuliÃ¡n Castro", "Julián Castro"),  # once
    ("FranA\u0303\x83A\u0302\xa7ois Hollande", "François Hollande"),  # twice, and decomposed
    ("Zoë Roe", "Zoë Roe"),  # right as written: left alone
    ("Beyoncé’s manager", "Beyoncé’s manager"),
])
def test_clean_label_repairs_mojibake_in_names(label, repaired):
    from claimattr.text_hygiene import clean_label

    assert clean_label(label) == repaired


def test_a_speaker_name_written_in_mojibake_is_output_repaired_with_offsets_unchanged(nlp):
    text = "French President FranÃ\x83Â§ois Hollande said on Friday that Europe must defend itself."
    claim = nlp(text)._.claims[0]
    assert claim.speaker.name == "François Hollande"
    mention = claim.speaker.mention
    assert text[mention.start:mention.end] == mention.text, "the mention is still the text as written"


def test_an_unclosed_quote_never_runs_past_its_paragraph(nlp):
    text = ("\u201cWe will rebuild the town, the mayor said.\n\n"
            "The council met on Tuesday. It said that 12 roads would reopen.\n\nRain is expected.")
    doc = nlp(text)
    first_paragraph_end = text.index("\n\n")
    for claim in doc._.claims:
        pieces = claim.content
        inside_first = [p for p in pieces if p.start < first_paragraph_end]
        assert all(p.end <= first_paragraph_end for p in inside_first), claim.to_dict()
    assert any("12 roads" in p.text for c in doc._.claims for p in c.content), "the next paragraph keeps its claim"


@pytest.mark.parametrize("text", [
    "\u201cWe will rebuild,\u201d\U0001F600 the mayor said.",
    "\"We will rebuild\"\U0001F600, the mayor said.",
    "\u201cWe will rebuild,\u201d \U0001F600\U0001F44D the mayor said.",
])
def test_a_trailing_emoji_after_a_closing_quote_is_not_part_of_the_quote(nlp, text):
    [claim] = nlp(text)._.claims
    assert claim.kind == "direct", claim.to_dict()
    assert all("\U0001F600" not in p.text and "\U0001F44D" not in p.text for p in claim.content)


@pytest.mark.parametrize("text", [
    "Readers sent their reactions.\n\u201cHe is fine with it. He proudly states it.\u201d\u2015 Jane Merton\n",
    "Readers sent their reactions.\n\u201cHe is fine with it. He proudly states it.\u201d \u2015 Jane Merton\n",
])
def test_a_quote_signed_with_a_quotation_dash_is_its_signers(nlp, text):
    """The horizontal bar right after a closing quote is a token of its own (spaCy's rules leave
    it glued to the mark), so the dash reads as the cue and the name after it as the speaker."""
    claims = nlp(text)._.claims
    claim = next(c for c in claims if "proudly" in c.content[0].text)
    assert (claim.cue.text, claim.speaker.name) == ("\u2015", "Jane Merton"), [c.to_dict() for c in claims]
    assert claim.content[0].text.endswith("states it.\u201d")
