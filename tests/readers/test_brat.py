"""Specification of the PolNeAR brat reader (claimattr.brat).

Every text and annotation here was written for these tests; no PolNeAR text is used.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from spacy.tokens import DocBin

from claimattr.readers.brat import (
    article_name,
    claim_kind,
    first_annotation_files,
    make_doc,
    parse_ann,
    read_article,
    read_split,
)
from claimattr.schema import Claim

TEXT = (
    "The mayor said the bridge would reopen in May.\n\n"
    "\u201cWe are ahead of schedule,\u201d she added, \u201cand under budget.\u201d\n\n"
    "According to engineers, the cables were replaced.\n"
    "It is widely believed that costs will rise."
)


def span(text: str, fragment: str, occurrence: int = 0) -> Tuple[int, int]:
    """Offsets of the n-th occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def t_line(tid: str, label: str, text: str, *fragments: str) -> str:
    """A brat ``T`` line over one or more fragments of ``text``."""
    ranges = [span(text, f) for f in fragments]
    offsets = ";".join(f"{s} {e}" for s, e in ranges)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in ranges)}"


def ann_for_text(text: str = TEXT) -> str:
    """Four attributions: indirect, a direct quote split by its cue, according to, no source."""
    lines = [
        t_line("T1", "Source", text, "The mayor"),
        t_line("T2", "Cue", text, "said"),
        t_line("T3", "Content", text, "the bridge would reopen in May"),
        t_line("T4", "Attribution", text, "said"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        t_line("T5", "Source", text, "she"),
        t_line("T6", "Cue", text, "added"),
        t_line("T7", "Content", text, "\u201cWe are ahead of schedule,\u201d", "\u201cand under budget.\u201d"),
        t_line("T8", "Attribution", text, "added"),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        t_line("T9", "Cue", text, "According to"),
        t_line("T10", "Source", text, "engineers"),
        t_line("T11", "Content", text, "the cables were replaced"),
        t_line("T12", "Attribution", text, "According to"),
        "E3\tAttribution:T12 Cue:T9 Source:T10 Content:T11",
        t_line("T13", "Cue", text, "widely believed"),
        t_line("T14", "Content", text, "costs will rise"),
        t_line("T15", "Attribution-no-source", text, "widely believed"),
        "E4\tAttribution-no-source:T15 Cue:T13 Content:T14",
        t_line("T16", "Discuss", text, "schedule"),
        "#1\tAnnotatorNotes T16\ta note, ignored",
    ]
    return "\n".join(lines) + "\n"


def write_article(folder: Path, name: str, text: str, anns: Dict[str, str]) -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(text, encoding="utf8")
    for code, content in anns.items():
        (folder / "attributions" / f"{name}_{code}.ann").write_text(content, encoding="utf8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A two-article split; ``site_2016-01-01_bridge`` has two annotators (``a1b2`` wins)."""
    dev = tmp_path / "dev"
    write_article(dev, "site_2016-01-01_bridge", TEXT, {"c3d4": "", "a1b2": ann_for_text()})
    other = "Officials said nothing."
    other_ann = "\n".join([t_line("T1", "Source", other, "Officials"), t_line("T2", "Cue", other, "said"),
                           t_line("T3", "Content", other, "nothing"), t_line("T4", "Attribution", other, "said"),
                           "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3"])
    write_article(dev, "site_2016-01-02_quiet", other, {"ffff": other_ann})
    return tmp_path


def claims_of(corpus: Path) -> List[dict]:
    return next(read_split(corpus, "dev")).claims


def by_cue(claims: List[dict], cue: str) -> dict:
    return next(c for c in claims if c["cue"]["text"] == cue)


def test_every_attribution_event_becomes_a_claim_in_text_order(corpus: Path) -> None:
    claims = claims_of(corpus)
    assert [c["cue"]["text"] for c in claims] == ["said", "added", "According to", "widely believed"]


def test_claims_have_the_claim_model_shape_and_offsets_into_the_text(corpus: Path) -> None:
    for data in claims_of(corpus):
        assert Claim.from_dict(data).to_dict() == data
        for piece in [data["cue"], *data["content"]]:
            assert TEXT[piece["start"]:piece["end"]] == piece["text"]


def test_indirect_speech_with_its_source_as_an_unknown_speaker(corpus: Path) -> None:
    claim = by_cue(claims_of(corpus), "said")
    assert claim["kind"] == "indirect"
    assert [p["text"] for p in claim["content"]] == ["the bridge would reopen in May"]
    speaker = claim["speaker"]
    assert (speaker["text"], speaker["name"], speaker["type"]) == ("The mayor", "The mayor", "unknown")
    assert speaker["role"] is None and speaker["organisation"] is None


def test_discontinuous_content_becomes_pieces_and_a_fully_quoted_claim_is_direct(corpus: Path) -> None:
    claim = by_cue(claims_of(corpus), "added")
    assert [p["text"] for p in claim["content"]] == ["\u201cWe are ahead of schedule,\u201d",
                                                     "\u201cand under budget.\u201d"]
    assert claim["kind"] == "direct"


def test_according_to_cue_gives_according_to_kind(corpus: Path) -> None:
    claim = by_cue(claims_of(corpus), "According to")
    assert claim["kind"] == "according_to"
    assert claim["speaker"]["text"] == "engineers"


def test_attribution_without_source_has_a_null_speaker(corpus: Path) -> None:
    assert by_cue(claims_of(corpus), "widely believed")["speaker"] is None


def test_discuss_spans_and_notes_are_ignored_without_errors(corpus: Path) -> None:
    article = next(read_split(corpus, "dev"))
    assert article.errors == []
    assert len(article.claims) == 4


def test_first_annotation_file_in_sorted_order_wins(corpus: Path) -> None:
    chosen = first_annotation_files(corpus / "dev" / "attributions")
    assert chosen["site_2016-01-01_bridge"].name == "site_2016-01-01_bridge_a1b2.ann"
    assert len(claims_of(corpus)) == 4  # c3d4's empty file would give none


def test_split_reads_every_article_in_name_order_and_honours_limit(corpus: Path) -> None:
    assert [a.name for a in read_split(corpus, "dev")] == ["site_2016-01-01_bridge", "site_2016-01-02_quiet"]
    assert [a.name for a in read_split(corpus, "dev", limit=1)] == ["site_2016-01-01_bridge"]


def test_article_name_drops_only_the_annotator_code() -> None:
    assert article_name("pub_2016-05-05_a_b-c_9f9f.ann") == "pub_2016-05-05_a_b-c"


def test_malformed_lines_are_reported_with_file_and_line_and_the_rest_still_loads(tmp_path: Path) -> None:
    lines = ann_for_text().splitlines()
    lines.insert(1, "T99\tCue twelve 14\tsaid")         # line 2: offsets are not numbers
    lines.insert(3, "garbage without any structure")  # line 4
    lines.append("E9\tAttribution:T4 Cue")             # last line: argument is not ROLE:ID
    lines.append("T98\tCue 5 99999\tx")                 # offsets outside the text
    write_article(tmp_path / "dev", "site_2016-02-02_broken", TEXT, {"0001": "\n".join(lines)})
    article = next(read_split(tmp_path, "dev"))
    assert len(article.claims) == 4
    messages = [str(e) for e in article.errors]
    assert len(messages) == 4
    assert all("site_2016-02-02_broken_0001.ann:" in m for m in messages)
    assert {e.line for e in article.errors} == {2, 4, len(lines) - 1, len(lines)}
    assert any("outside the text" in m for m in messages)


def test_event_pointing_to_a_missing_span_or_without_cue_is_an_error_not_a_crash(tmp_path: Path) -> None:
    text = "Critics argue otherwise."
    ann = "\n".join([t_line("T1", "Source", text, "Critics"), t_line("T3", "Content", text, "otherwise"),
                     "E1\tAttribution:T1 Source:T1 Cue:T7 Content:T3",
                     "E2\tAttribution:T1 Source:T1 Content:T3"])
    annotations = parse_ann(ann, "x.ann", len(text))
    write_article(tmp_path / "dev", "s_2016-01-01_t", text, {"0001": ann})
    article = next(read_split(tmp_path, "dev"))
    assert article.claims == [] and len(annotations.events) == 2
    assert [e.line for e in article.errors] == [3, 4]
    assert "unknown span T7" in str(article.errors[0]) and "no Cue" in str(article.errors[1])


def test_span_text_across_a_line_break_is_read_as_continuation_lines(tmp_path: Path) -> None:
    text = "He wrote: first paragraph.\n\nSecond paragraph, he said."
    content = (10, text.index(", he said"))
    ann = (f"T1\tContent {content[0]} {content[1]}\t{text[content[0]:content[1]]}\n"
           + t_line("T2", "Cue", text, "said") + "\n" + t_line("T3", "Source", text, "he") + "\n"
           + "E1\tAttribution:T2 Cue:T2 Content:T1 Source:T3\n")
    write_article(tmp_path / "dev", "s_2016-01-01_para", text, {"0001": ann})
    article = next(read_split(tmp_path, "dev"))
    assert article.errors == []
    assert article.claims[0]["content"][0]["text"] == "first paragraph.\n\nSecond paragraph"


def test_unreadable_article_is_an_error_naming_the_file(tmp_path: Path) -> None:
    article = read_article(tmp_path / "missing.txt", tmp_path / "missing_0001.ann")
    assert article.claims == [] and "missing" in str(article.errors[0])


@pytest.mark.parametrize(
    "text, cue, content, kind",
    [
        ("X said \u201cyes we can.\u201d", "said", "\u201cyes we can.\u201d", "direct"),
        ("X said 'we can'.", "said", "'we can'", "direct"),
        ("X said \u00abnous pouvons\u00bb.", "said", "\u00abnous pouvons\u00bb", "direct"),
        ("X called the plan \u201ca disaster\u201d today.", "called", "the plan \u201ca disaster\u201d", "mixed"),
        ("X said it didn't work.", "said", "it didn't work", "indirect"),
        ("according to X, it works.", "according to", "it works", "according_to"),
    ],
)
def test_claim_kind_from_quotation_marks(text: str, cue: str, content: str, kind: str) -> None:
    def piece(fragment: str) -> dict:
        start, end = span(text, fragment)
        return {"text": fragment, "start": start, "end": end}

    assert claim_kind(text, piece(cue), [piece(content)]) == kind


def test_multi_paragraph_quote_left_open_at_the_paragraph_end_is_direct() -> None:
    text = "She said: \u201cFirst part.\n\u201cSecond part.\u201d"
    first = span(text, "\u201cFirst part.")
    second = span(text, "\u201cSecond part.\u201d")
    pieces = [{"text": text[s:e], "start": s, "end": e} for s, e in (first, second)]
    cue = {"text": "said", "start": 4, "end": 8}
    assert claim_kind(text, cue, pieces) == "direct"


def test_make_doc_sets_gold_claims_and_span_group_and_survives_docbin(corpus: Path) -> None:
    article = next(read_split(corpus, "dev"))
    doc = make_doc(article.text, article.claims)
    assert [c.to_dict() for c in doc._.claims] == article.claims
    labels = {span.label_ for span in doc.spans["claims"]}
    assert labels == {"CUE", "CONTENT", "SOURCE"}
    docbin = DocBin(store_user_data=True, docs=[doc])
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(doc.vocab))[0]
    assert [c.to_dict() for c in restored._.claims] == article.claims
    assert len(restored.spans["claims"]) == len(doc.spans["claims"])
