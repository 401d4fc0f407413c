"""Convert PolNeAR splits (brat standoff) to spaCy ``DocBin`` files for ``spacy train``.

    python training/convert_polnear.py [POLNEAR] [OUT] [--splits train dev]

POLNEAR defaults to ``../shared/polnear`` beside the repository and OUT to the repository's
``training/corpus/spacy``, wherever the script is run from.

Writes ``OUT/<split>/polnear.spacy``: one ``Doc`` per article, tokenised by a blank English
pipeline, with the gold claims in ``doc._.claims`` (stored in ``user_data``) and their CUE /
CONTENT / SOURCE spans in ``doc.spans["claims"]``. ``spacy train --paths.train OUT/train`` reads
every ``.spacy`` file under the folder, so our own corpus can be written beside it.

A PolNeAR folder that does not exist, or a split with no documents, stops the script with exit
status 1 and a message naming the setting to change (``--vars.polnear`` under weasel, or the
POLNEAR argument), before anything is written.

PolNeAR is copyrighted and its licence unspecified: the output folder is gitignored and must
never be committed or shipped.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Optional, Sequence

from spacy.tokens import DocBin

from claimattr.readers.brat import first_annotation_files, make_doc, read_split

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"
DEFAULT_OUT = ROOT / "training" / "corpus" / "spacy"
SETTING = "set --vars.polnear (weasel) or pass the PolNeAR folder as the first argument"


class CorpusError(SystemExit):
    """A missing or empty corpus: exits with status 1 and the message on stderr."""

    def __init__(self, message: str) -> None:
        super().__init__(f"error: {message}")


def check_polnear(root: Path, splits: Sequence[str], setting: str = SETTING) -> None:
    """Raise :class:`CorpusError` (naming ``setting``) unless every split of ``root`` has documents."""
    if not root.is_dir():
        raise CorpusError(f"PolNeAR not found at {root}: {setting}")
    for split in splits:
        ann_dir = root / split / "attributions"
        if not first_annotation_files(ann_dir):
            raise CorpusError(
                f"no PolNeAR documents in {root / split} (expected {root / split / 'text'}/*.txt and "
                f"{ann_dir}/*.ann): {setting}"
            )


def convert_split(root: Path, split: str, out_dir: Path, limit: Optional[int] = None) -> Path:
    """Write one split; return the file written. Reading errors are printed, not fatal; a split
    that yields no document raises :class:`CorpusError` and writes nothing."""
    docbin = DocBin(store_user_data=True)
    n_docs = n_claims = 0
    for article in read_split(root, split, limit=limit):
        for error in article.errors:
            print(f"warning: {error}")
        if not article.text:
            continue
        docbin.add(make_doc(article.text, article.claims))
        n_docs += 1
        n_claims += len(article.claims)
    if not n_docs:
        raise CorpusError(f"no readable PolNeAR documents in {root / split} (see the warnings above): {SETTING}")
    path = out_dir / split / "polnear.spacy"
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    print(f"{split}: {n_docs} documents, {n_claims} claims -> {path}")
    return path


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, nargs="?", default=DEFAULT_POLNEAR,
                        help="PolNeAR root (holds train/ and dev/); default: ../shared/polnear beside the repository")
    parser.add_argument("out_dir", type=Path, nargs="?", default=DEFAULT_OUT,
                        help="output folder; default: the repository's training/corpus/spacy")
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles per split")
    args = parser.parse_args(argv)
    check_polnear(args.polnear, args.splits)
    for split in args.splits:
        convert_split(args.polnear, split, args.out_dir, args.limit)


if __name__ == "__main__":
    main()
