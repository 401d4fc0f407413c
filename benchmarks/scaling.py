"""Throughput of claimattr: the single-process CLI vs ``--n-process 2`` vs Dask with 2 workers.

    python benchmarks/scaling.py --n 200

Builds an N-document JSONL by cycling over news texts (PolNeAR dev read from its path when
present, else the bundled example report; no corpus text is stored), then times:

- ``cli``: ``claimattr extract corpus.jsonl -o out.jsonl`` in a fresh process (model load included);
- ``cli_n_process_2``: the same with ``--n-process 2``;
- ``dask_2_workers``: ``claimattr.runtime.dask_backend.extract_bag`` on a ``LocalCluster(n_workers=2,
  threads_per_worker=1)``; the cluster start is timed apart, the first run includes the
  workers' model loads (cold) and a second run reuses them (warm).

``--load N`` instead runs the load test of issue 13: N short documents (10,000 by default: the
paragraphs of 8 to 25 words of the texts, cycled) through ``claimattr extract --n-process 2``
with the default pipeline (or ``--pipeline``), sampling the resident memory (RSS) of the command
and its workers every 0.2 s: peak RSS, throughput, and the RSS when a fifth, half and nine tenths
of the documents are written (memory must not grow with the number of documents); then a second
run is killed (SIGKILL to the command and its workers) once half the documents are written and
resumed with ``--resume``: its output must equal the uncut run's byte for byte. Stored as
``load_run``.

Both modes write their figures into ``benchmarks/results/scaling.json``, keeping the other's,
with the machine's load average: figures taken on a busy machine are not comparable with figures
taken on an idle one.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

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
    """Resident memory (MB) of a process and all its children (shared pages counted in each)."""
    import psutil

    try:
        root = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20
    except psutil.Error:
        return 0.0


SHORT_WORDS = (8, 25)
"""The length of a load-run document in words: a news paragraph (PolNeAR dev has 504 such)."""


def short_documents(texts: List[str], n: int) -> Iterator[str]:
    """``n`` short news documents: the paragraphs of ``texts`` of :data:`SHORT_WORDS` words, cycled."""
    low, high = SHORT_WORDS
    paragraphs = [p.strip() for text in texts for p in re.split(r"\n\s*\n", text) if p.strip()]
    short = [p for p in paragraphs if low <= len(p.split()) <= high]
    return islice(cycle(short or paragraphs), n)


def write_documents(path: Path, documents: Iterable[str]) -> Tuple[int, int]:
    """A JSONL corpus ``{"id", "text"}``; returns (documents, words)."""
    count = words = 0
    with path.open("w", encoding="utf8") as handle:
        for count, text in enumerate(documents, 1):
            words += len(text.split())
            handle.write(json.dumps({"id": f"doc-{count:06d}", "text": text}) + "\n")
    return count, words


class LineCounter:
    """Complete lines written so far to a growing file, read incrementally (not re-read each time)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: Optional[Any] = None
        self.lines = 0

    def count(self) -> int:
        if self.handle is None and self.path.exists():
            self.handle = self.path.open("rb")
        if self.handle is not None:
            self.lines += self.handle.read().count(b"\n")
        return self.lines

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def extract_with_memory(corpus: Path, out: Path, n: int, extra: List[str], checkpoints: Sequence[int] = (),
                        kill_at: Optional[int] = None) -> Dict[str, Any]:
    """Run ``claimattr extract --n-process 2`` in its own process group, sampling the RSS of the
    command and its workers every 0.2 s; the RSS is noted as the output passes each checkpoint
    (documents written). ``kill_at``: SIGKILL the whole group once that many documents are written."""
    command = [sys.executable, "-m", "claimattr.cli", "extract", str(corpus), "-o", str(out), "--no-progress",
               "--n-process", "2", "--batch-size", "64", *extra]
    counter = LineCounter(Path(f"{out}.partial"))
    already = counter.count()  # a resumed run starts from the records kept
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    peak, at_checkpoint, written = 0.0, {}, 0
    first_record_s: Optional[float] = None
    while process.poll() is None:
        written = counter.count()
        rss = tree_rss(process.pid)
        peak = max(peak, rss)
        if written > already and first_record_s is None:
            first_record_s = time.perf_counter() - started
        for checkpoint in checkpoints:
            if written >= checkpoint and str(checkpoint) not in at_checkpoint:
                at_checkpoint[str(checkpoint)] = round(rss, 1)
        if kill_at is not None and written >= kill_at:
            os.killpg(process.pid, signal.SIGKILL)  # the workers too, as a crash or an OOM kill would
            break
        time.sleep(0.2)
    stderr = process.communicate()[1].decode("utf8", "replace")
    elapsed = time.perf_counter() - started
    done = sum(1 for _ in out.open("rb")) if out.exists() and kill_at is None else counter.count()
    counter.close()
    first = first_record_s or elapsed
    result = {"seconds": round(elapsed, 1), "records_written": done, "peak_rss_mb": round(peak, 1),
              "rss_mb_when_written": at_checkpoint, "first_record_after_s": round(first, 1),
              "docs_per_s_after_first_record": round((done - already) / max(elapsed - first, 1e-9), 1),
              "returncode": process.returncode}
    if process.returncode not in (0, -signal.SIGKILL):
        result["stderr_tail"] = stderr[-2000:]
    return result


def load_test(n: int, texts: List[str], pipeline: str) -> Dict[str, Any]:
    """Issue 13's load run: uncut, then killed midway and resumed; the two outputs compared.

    The RSS is noted at a fifth, half and nine tenths of the documents: at the very end the
    workers have already exited."""
    checkpoints = sorted({n // 5, n // 2, 9 * n // 10})
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        documents, words = write_documents(corpus, short_documents(texts, n))
        full, part = Path(tmp) / "full.jsonl", Path(tmp) / "part.jsonl"
        load_before = os.getloadavg()
        chosen = ["--pipeline", pipeline]
        uncut = extract_with_memory(corpus, full, n, chosen, checkpoints)
        print("uncut", uncut, flush=True)
        killed = extract_with_memory(corpus, part, n, chosen, kill_at=n // 2)
        print("killed", killed, flush=True)
        resumed = extract_with_memory(corpus, part, n, [*chosen, "--resume"])
        same = part.exists() and part.read_bytes() == full.read_bytes()
        print("resumed", resumed, "same records:", same, flush=True)
        memory = uncut["rss_mb_when_written"]
        return {
            "documents": documents, "words": words, "words_per_document": round(words / documents, 1),
            "texts": (f"paragraphs of {SHORT_WORDS[0]}-{SHORT_WORDS[1]} words cycled from PolNeAR dev" if len(texts) > 1
                      else "the bundled example report"),
            "command": f"claimattr extract corpus.jsonl -o out.jsonl --n-process 2 --batch-size 64 --pipeline {pipeline}",
            "uncut": {**uncut, "docs_per_s": round(documents / uncut["seconds"], 1),
                      "words_per_s": round(words / uncut["seconds"], 1)},
            "rss_growth_mb_first_to_last_checkpoint": round(memory[str(checkpoints[-1])] - memory[str(checkpoints[0])], 1)
            if len(memory) == len(checkpoints) else None,
            "killed_midway": killed, "resumed": resumed, "resumed_equals_uncut": same,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }


def merge_results(path: Path, update: Dict[str, Any]) -> None:
    """Write ``update``'s keys into the JSON at ``path``, keeping the other mode's figures."""
    results = json.loads(path.read_text(encoding="utf8")) if path.exists() else {}
    results.update(update)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf8")
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="documents in the corpus")
    parser.add_argument("--load", type=int, nargs="?", const=10_000, default=None,
                        help="run the load test on this many documents (default 10,000) instead")
    parser.add_argument("--pipeline", default=claimattr.DEFAULT_PIPELINE, help="the load run's --pipeline")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt news texts to cycle over")
    parser.add_argument("--partitions", type=int, default=8, help="Dask bag partitions")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    texts = source_texts(args.texts)
    if args.load:
        merge_results(args.output, {"load_run": load_test(args.load, texts, args.pipeline)})
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
    merge_results(args.output, results)


if __name__ == "__main__":
    main()
