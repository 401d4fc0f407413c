"""Shared by the training tests (imported by name: tests/training has no package): the scripts
under ``training/`` as modules, and a PolNeAR-style folder of one article, so no test needs the
copyrighted corpus."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Sequence

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "training"

# one PolNeAR-style article: text/NAME.txt and attributions/NAME_<annotator>.ann
TEXT = "Bob said the port will reopen on Monday.\n"
ANN = ("T1\tSource 0 3\tBob\n"
       "T2\tCue 4 8\tsaid\n"
       "T3\tContent 9 39\tthe port will reopen on Monday\n"
       "T4\tAttribution 4 8\tsaid\n"
       "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")


def load_script(name: str) -> ModuleType:
    """``training/<name>.py`` imported as a module: the scripts are not a package."""
    spec = importlib.util.spec_from_file_location(f"training_{name}", TRAINING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_polnear(root: Path, splits: Sequence[str] = ("train", "dev")) -> Path:
    """A PolNeAR folder at ``root`` whose ``splits`` each hold the one article above."""
    for split in splits:
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir(parents=True)
        (root / split / "text" / "bob_port.txt").write_text(TEXT, encoding="utf8")
        (root / split / "attributions" / "bob_port_a1.ann").write_text(ANN, encoding="utf8")
    return root
