"""Throughput of claimattr: the single-process CLI vs ``--n-process 2`` vs Dask with 2 workers.

    python benchmarks/scaling.py --n 200

Builds an N-document JSONL by cycling over news texts (PolNeAR dev read from its path when
present, else the bundled example report; no corpus text is stored), then times:

- ``cli``: ``claimattr extract corpus.jsonl -o out.jsonl`` in a fresh process (model load included);
- ``cli_n_process_2``: the same with ``--n-process 2``;
- ``dask_2_workers``: ``claimattr.runtime.dask_backend.extract_bag`` on a ``LocalCluster(n_workers=2,
  threads_per_worker=1)``; the cluster start is timed apart, the first run includes the
  workers' model loads (cold) and a second run reuses them (warm).

``--load N`` instead runs the load test of issue 13: N documents (10,000 by default) through
``claimattr extract --n-process 2``, sampling the resident memory (RSS) of the command and its
workers every 0.2 s: peak RSS, throughput, and the RSS after a quarter and after all of the
documents (memory must not grow with the number of documents); then a second run killed midway
and resumed with ``--resume`` must give byte for byte the records of the uncut run. Writes
``benchmarks/results/load.json``.

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
from typing import Any, Dict, Iterator, List, Tuple

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


def tree_rss(pid: int) -> float:
    """Resident memory (MB) of a process and all its children."""
    import psutil

    try:
        root = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20
    except psutil.Error:
        return 0.0


def extract_with_memory(corpus: Path, out: Path, n: int, extra: List[str], kill_at: float = 0.0) -> Dict[str, Any]:
    """Run ``claimattr extract --n-process 2``; sample RSS; optionally SIGKILL at ``kill_at`` of the output."""
    command = [sys.executable, "-m", "claimattr.cli", "extract", str(corpus), "-o", str(out), "--no-progress",
               "--n-process", "2", "--batch-size", "64", *extra]
    partial = Path(f"{out}.partial")
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: List[Tuple[int, float]] = []
    while process.poll() is None:
        done = sum(1 for _ in partial.open("rb")) if partial.exists() else 0
        samples.append((done, tree_rss(process.pid)))
        if kill_at and done >= kill_at * n:
            process.kill()
            break
        time.sleep(0.2)
    process.wait()
    elapsed = time.perf_counter() - started
    rss = [r for _, r in samples if r > 0]
    quarter = [r for d, r in samples if n // 8 <= d <= n // 4]
    last = [r for d, r in samples if d >= 3 * n // 4]
    return {"seconds": round(elapsed, 2), "docs_per_s": round(n / elapsed, 1), "peak_rss_mb": round(max(rss, default=0), 1),
            "rss_mb_at_a_quarter": round(max(quarter, default=0), 1), "rss_mb_at_the_end": round(max(last, default=0), 1),
            "returncode": process.returncode}


def load_test(n: int, texts: List[str], output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = write_corpus(corpus, texts, n)
        full, part = Path(tmp) / "full.jsonl", Path(tmp) / "part.jsonl"
        uncut = extract_with_memory(corpus, full, n, [])
        print("uncut", uncut, flush=True)
        killed = extract_with_memory(corpus, part, n, [], kill_at=0.5)
        resumed = extract_with_memory(corpus, part, n, ["--resume"])
        same = part.read_bytes() == full.read_bytes()
        print("killed", killed, "resumed", resumed, "same records:", same, flush=True)
        results = {
            "documents": n, "words": words, "command": "claimattr extract --n-process 2 --batch-size 64",
            "uncut": {**uncut, "words_per_s": round(words / uncut["seconds"], 1)},
            "memory_growth_mb_quarter_to_end": round(uncut["rss_mb_at_the_end"] - uncut["rss_mb_at_a_quarter"], 1),
            "killed_midway": killed, "resumed": resumed, "resumed_equals_uncut": same,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf8")
    print(f"wrote {output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="documents in the corpus")
    parser.add_argument("--load", type=int, nargs="?", const=10_000, default=None,
                        help="run the load test on this many documents (default 10,000) instead")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt news texts to cycle over")
    parser.add_argument("--partitions", type=int, default=8, help="Dask bag partitions")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    texts = source_texts(args.texts)
    if args.load:
        load_test(args.load, texts, RESULTS.with_name("load.json") if args.output == RESULTS else args.output)
        return
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
