"""Claim recall of each named pipeline on the disputed-figures reports (training/figures).

    python benchmarks/figures_set_recall.py [--pipelines rules trained trained-alone]

The 44 reports there are news outside US politics (conflict, disasters, protests, economy) that
were written and annotated without running the rules, so they check a default pipeline away from
PolNeAR's domain without the bias of our own corpus (which the rules pre-annotated). They annotate
only the claims that hold quantities, so only recall is meaningful: attribution, content exact,
cue exact and source overlap recall, by ``claimattr.claim_scorer.v1``'s definitions. Results in
``benchmarks/results/figures_set_recall.json``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import claimattr
from claimattr.readers.corpus import read_authoring
from claimattr.runtime.output import atomic_text
from claimattr.schema import Claim
from claimattr.scoring.claims import Tally, score_claim_lists, tally_to_scores

ROOT = Path(__file__).resolve().parents[1]
ANNOTATED = ROOT / "training" / "figures" / "annotated"
RESULTS = ROOT / "benchmarks" / "results" / "figures_set_recall.json"
RECALLS = ("claims_attribution_r", "claims_content_exact_r", "claims_cue_exact_r", "claims_source_overlap_r")


def gold_records() -> List[Dict[str, Any]]:
    """Every compiled report of the set (an unresolvable file would be an annotation bug)."""
    resolutions = [read_authoring(path) for path in sorted(ANNOTATED.glob("*.json"))]
    broken = [str(error) for resolution in resolutions for error in resolution.errors]
    if broken:
        raise SystemExit("\n".join(broken))
    return [resolution.record for resolution in resolutions]


def recall(name: str, records: Sequence[Dict[str, Any]]) -> Dict[str, float]:
    """``name`` is a named pipeline, ``NAME-alone`` the trained model without the rules."""
    named, _, alone = name.partition("-")
    nlp = claimattr.load(named, combine=not alone)
    tally = Tally()
    for record, doc in zip(records, nlp.pipe([record["text"] for record in records])):
        gold = [Claim.from_dict(claim) for claim in record["claims"]]
        score_claim_lists(tally, doc._.claims, gold, doc.text, record["text"], [], [])
    scores = tally_to_scores(tally)
    return {key: round(100 * scores[key], 1) for key in RECALLS}


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipelines", nargs="+", default=["rules", "trained", "trained-alone"])
    args = parser.parse_args(argv)
    records = gold_records()
    result = {"reports": len(records), "gold_claims": sum(len(r["claims"]) for r in records),
              "recall": {name: recall(name, records) for name in args.pipelines}}
    print(json.dumps(result, indent=2))
    with atomic_text(RESULTS) as handle:
        handle.write(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
