"""Throughput of claimattr: the single-process CLI vs ``--n-process 2`` vs Dask with 2 workers.

    python benchmarks/scaling.py --n 200

Builds an N-document JSONL by cycling over news texts (PolNeAR dev read from its path when
present, else the bundled example report; no corpus text is stored), then times:

- ``cli``: ``claimattr extract corpus.jsonl -o out.jsonl`` in a fresh process (model load included);
- ``cli_n_process_2``: the same with ``--n-process 2``;
- ``dask_2_workers``: ``claimattr.runtime.dask_backend.extract_bag`` on a ``LocalCluster(n_workers=2,
  threads_per_worker=1)``; the cluster start is timed apart, the first run includes the
  workers' model loads (cold) and a second run reuses them (warm).

Writes ``benchmarks/results/scaling.json``, with the machine's load average before and after:
figures taken on a busy machine are not comparable with figures taken on an idle one.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any, Dict, Iterator, List

import claimattr

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ROOT.parent / "shared" / "polnear" / "dev" / "text"
RESULTS = ROOT / "benchmarks" / "results" / "scaling.json"


def source_texts(folder: Path) -> List[str]:
    """The texts to cycle over; falls back to the bundled report when ``folder`` is absent."""
    if folder.is_dir():
        texts = [path.read_text(encoding="utf8") for path in sorted(folder.glob("*.txt"))]
        if texts:
            return texts
    return [claimattr.example_report()]


def write_corpus(path: Path, texts: List[str], n: int) -> int:
    words = 0
    with path.open("w", encoding="utf8") as handle:
        for number, text in enumerate(islice(cycle(texts), n)):
            words += len(text.split())
            handle.write(json.dumps({"id": f"doc-{number:06d}", "text": text}) + "\n")
    return words


def rate(n: int, words: int, seconds: float) -> Dict[str, float]:
    return {"seconds": round(seconds, 2), "docs_per_s": round(n / seconds, 2), "words_per_s": round(words / seconds, 1)}


def time_cli(corpus: Path, out: Path, extra: List[str]) -> float:
    command = [sys.executable, "-m", "claimattr.cli.commands", "extract", str(corpus), "-o", str(out), "--no-progress", *extra]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def records(corpus: Path) -> Iterator[Dict[str, Any]]:
    with corpus.open(encoding="utf8") as handle:
        for line in handle:
            yield json.loads(line)


def time_dask(corpus: Path, n: int, words: int, partitions: int) -> Dict[str, Any]:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from claimattr.runtime.dask_backend import extract_bag

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    startup = time.perf_counter() - started
    try:
        runs = []
        for _ in range(2):
            bag = db.read_text(str(corpus), blocksize=None).repartition(partitions).map(json.loads)
            started = time.perf_counter()
            count = extract_bag(bag).count().compute()
            runs.append(time.perf_counter() - started)
            assert count == n, (count, n)
    finally:
        client.close()
        cluster.close()
    return {
        "cluster_start_s": round(startup, 2),
        "cold": rate(n, words, runs[0]),
        "warm": rate(n, words, runs[1]),
        "partitions": partitions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="documents in the corpus")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt news texts to cycle over")
    parser.add_argument("--partitions", type=int, default=8, help="Dask bag partitions")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    texts = source_texts(args.texts)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = write_corpus(corpus, texts, args.n)
        results: Dict[str, Any] = {
            "documents": args.n,
            "words": words,
            "texts": "polnear dev" if args.texts.is_dir() and len(texts) > 1 else "bundled example report",
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "pipeline": f"claimattr {claimattr.__version__} on {claimattr.DEFAULT_BASE}",
        }
        results["cli"] = rate(args.n, words, time_cli(corpus, Path(tmp) / "a.jsonl", []))
        print("cli", results["cli"], flush=True)
        results["cli_n_process_2"] = rate(args.n, words, time_cli(corpus, Path(tmp) / "b.jsonl", ["--n-process", "2"]))
        print("cli --n-process 2", results["cli_n_process_2"], flush=True)
        results["dask_2_workers"] = time_dask(corpus, args.n, words, args.partitions)
        print("dask", results["dask_2_workers"], flush=True)
        results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
