"""Pre-annotate the corpus texts with the rule pipeline, in the hand-editable authoring format.

    python training/preannotate.py                   # every text -> training/corpus/preannotated/
    python training/preannotate.py --quantities-only # refresh quantities only (see below)

Writes ``training/corpus/preannotated/<id>.json`` (status ``preannotated``) for every report in
``training/corpus/texts/`` plus the seed report (id ``seed-pak-afg-border``), and
``training/corpus/manifest.json`` when it does not exist yet. Annotators copy a file to
``training/corpus/annotated/`` and correct it there; the pre-annotations stay in the repository
because ``claimattr corpus build`` counts the corrections by comparing the two.

``--quantities-only`` re-runs the pipeline and replaces the quantities of the pre-annotated
files (machine output), then ADDS to each annotated file whose status is not ``corrected`` the
quantities that overlap none it already has. It never edits or removes anything in an annotated
file, so hand corrections survive; a file marked ``corrected`` is never touched.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import claimattr
from claimattr.readers.corpus import (
    CORPUS_SUBDIR, Range, Resolver, dump_authoring, make_manifest, paragraph_of, paragraphs, read_authoring, span_ref,
)
from claimattr.schema import Claim, Quantity, TextSpan

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "seed-pak-afg-border"
SEED_TEXT = ROOT / "src" / "claimattr" / "data" / "example_report.txt"


class Unwritable(ValueError):
    """A pipeline span the authoring format cannot anchor (e.g. one that starts mid-word)."""


def texts(corpus_dir: Path) -> List[Tuple[str, Path]]:
    """``(id, text path)`` of every report: the written texts and the seed report."""
    found = [(path.stem, path) for path in sorted((corpus_dir / "texts").glob("*.txt"))]
    return found + [(SEED_ID, SEED_TEXT)]


class Writer:
    """Writes pipeline output as span references that resolve back to the same offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras: List[Range] = paragraphs(text)

    def para(self, start: int) -> int:
        return paragraph_of(self.paras, start)

    def ref(self, span: TextSpan, default_para: int) -> Any:
        ref = span_ref(self.text, self.paras, span.start, span.end, default_para)
        if ref is None:
            raise Unwritable(f"cannot anchor {span.text!r} at {span.start}")
        return ref

    def pieces(self, spans: Sequence[TextSpan]) -> List[TextSpan]:
        """Content pieces split at paragraph breaks: a reference lives inside one paragraph."""
        result = []
        for span in spans:
            for start, end in self.paras:
                s, e = max(start, span.start), min(end, span.end)
                if s < e and self.text[s:e].strip():
                    s += len(self.text[s:e]) - len(self.text[s:e].lstrip())
                    e -= len(self.text[s:e]) - len(self.text[s:e].rstrip())
                    result.append(TextSpan(self.text[s:e], s, e))
        return result

    def anchor(self, anchor: Any, default_para: int) -> Optional[Dict[str, Any]]:
        if anchor is None:
            return None
        ref = self.ref(anchor, default_para)
        ref = {"text": ref} if isinstance(ref, str) else dict(ref)
        return {**ref, "lemma": anchor.lemma}

    def quantity(self, q: Quantity, default_para: Optional[int]) -> Dict[str, Any]:
        para = self.para(q.start)
        ref = self.ref(TextSpan(q.text, q.start, q.end), para)
        head: Dict[str, Any] = {"text": ref} if isinstance(ref, str) else dict(ref)
        if para != default_para:
            head["para"] = para
        modifier = None if q.modifier is None else self.ref(q.modifier, para)
        return {**head, "value": q.value, "low": q.low, "high": q.high, "approximate": q.approximate,
                "relation": q.relation, "unit": q.unit, "modifier": modifier,
                "entity": self.anchor(q.entity, para), "event": self.anchor(q.event, para)}

    def speaker(self, claim: Claim, para: int) -> Optional[Dict[str, Any]]:
        speaker = claim.speaker
        if speaker is None:
            return None
        ref = self.ref(speaker.mention, para)
        home = self.para(speaker.mention.start)
        head = {"text": ref} if isinstance(ref, str) else dict(ref)
        return {**head, "name": speaker.name, "type": speaker.type, "role": speaker.role,
                "organisation": None if speaker.organisation is None else self.ref(speaker.organisation, home),
                "intermediary": None if speaker.intermediary is None else self.ref(speaker.intermediary, home)}

    def claim(self, claim: Claim) -> Dict[str, Any]:
        para = self.para(claim.cue.start)
        return {"para": para, "kind": claim.kind, "cue": self.ref(claim.cue, para),
                "content": [self.ref(piece, para) for piece in self.pieces(claim.content)],
                "speaker": self.speaker(claim, para),
                "quantities": [self.quantity(q, para) for q in claim.quantities]}


def authoring_document(doc_id: str, text_file: str, doc: Any) -> Dict[str, Any]:
    """The authoring dict for one parsed report; spans it cannot anchor are noted, not written."""
    writer = Writer(doc.text)
    claims, notes, in_claims = [], [], set()
    for claim in doc._.claims:
        try:
            claims.append(writer.claim(claim))
            in_claims.update((q.start, q.end) for q in claim.quantities)
        except Unwritable as problem:
            notes.append(f"pre-annotation dropped a claim at {claim.cue.start}: {problem}")
    quantities = []
    for q in doc._.quantities:
        if (q.start, q.end) not in in_claims:
            try:
                quantities.append(writer.quantity(q, None))
            except Unwritable as problem:
                notes.append(f"pre-annotation dropped a quantity: {problem}")
    return {"id": doc_id, "text_file": text_file, "status": "preannotated",
            "notes": " ".join(notes), "claims": claims, "quantities": quantities}


def write_json(path: Path, data: Dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_authoring(data) + "\n", encoding="utf8")


def relative_text_file(text_path: Path, folder: Path) -> str:
    """``text_file`` is relative to the authoring file's folder, so the corpus can move."""
    import os

    return Path(os.path.relpath(text_path.resolve(), folder.resolve())).as_posix()


def preannotate(corpus_dir: Path, nlp: Any, ids: Optional[Iterable[str]] = None) -> List[Path]:
    """Write every pre-annotation file; return their paths."""
    out_dir = corpus_dir / "preannotated"
    wanted = set(ids) if ids else None
    items = [(i, p) for i, p in texts(corpus_dir) if wanted is None or i in wanted]
    written = []
    docs = nlp.pipe((p.read_text(encoding="utf8") for _, p in items), batch_size=8)
    for (doc_id, path), doc in zip(items, docs):
        data = authoring_document(doc_id, relative_text_file(path, out_dir), doc)
        check = read_resolution(data, path)
        if check:
            data["notes"] = (data["notes"] + " " + check).strip()
        write_json(out_dir / f"{doc_id}.json", data)
        written.append(out_dir / f"{doc_id}.json")
    manifest = corpus_dir / "manifest.json"
    if not manifest.exists():
        write_json(manifest, make_manifest(i for i, _ in texts(corpus_dir)))
    return written


def read_resolution(data: Dict[str, Any], text_path: Path) -> str:
    """A note if the written file would not resolve (it always should: this is a self-check)."""
    from claimattr.readers.corpus import resolve_document

    result = resolve_document(data, text_path.read_text(encoding="utf8"), f"<{data['id']}>")
    return "; ".join(str(e) for e in result.errors)


# --------------------------------------------------------------------------- quantities only


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge_quantities(annotated: Path, fresh: Dict[str, Any]) -> int:
    """Add ``fresh``'s quantities to an annotated file where they overlap none it has.

    A new quantity goes under the annotated claim whose content contains it (claims are
    matched by resolving both files), else into the top-level list. Returns how many were added.
    """
    data = json.loads(annotated.read_text(encoding="utf8"))
    if data.get("status") == "corrected":
        return 0
    gold = read_authoring(annotated).record
    if gold is None:
        return 0
    resolver = Resolver(gold["text"])
    have = [(q["start"], q["end"]) for q in gold["quantities"]]
    added = 0
    for item in _flatten_quantities(fresh):
        span = resolver.span(item, item["para"])
        start, end = span["start"], span["end"]
        if any(_overlaps((start, end), other) for other in have):
            continue
        home = _claim_holding(gold["claims"], start, end)
        para = paragraph_of(paragraphs(gold["text"]), start)
        item = {**item, "para": para}
        if home is None:
            data.setdefault("quantities", []).append(item)
        else:
            data["claims"][home].setdefault("quantities", []).append(item)
        have.append((start, end))
        added += 1
    if added:
        write_json(annotated, data)
    return added


def read_authoring_data(data: Dict[str, Any], text_path: Path) -> Optional[Dict[str, Any]]:
    """Resolve an authoring dict that is not (yet) a file."""
    from claimattr.readers.corpus import resolve_document

    return resolve_document(data, text_path.read_text(encoding="utf8"), text_path).record


def _flatten_quantities(data: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Every quantity of an authoring dict with an explicit ``para`` (so it can move between claims)."""
    items = []
    for claim in data["claims"]:
        for q in claim.get("quantities") or []:
            items.append({**q, "para": q.get("para", claim["para"])})
    return items + list(data.get("quantities") or [])


def _claim_holding(claims: List[Dict[str, Any]], start: int, end: int) -> Optional[int]:
    for index, claim in enumerate(claims):
        if any(p["start"] <= start and end <= p["end"] for p in claim["content"]):
            return index
    return None


def refresh_quantities(corpus_dir: Path, nlp: Any) -> Dict[str, int]:
    """Re-run the pipeline; replace quantities in pre-annotations, add missing ones to annotations."""
    added: Dict[str, int] = {}
    for path in preannotate_quantities_only(corpus_dir, nlp):
        annotated = corpus_dir / "annotated" / path.name
        if annotated.exists():
            added[path.stem] = merge_quantities(annotated, json.loads(path.read_text(encoding="utf8")))
    return added


def preannotate_quantities_only(corpus_dir: Path, nlp: Any) -> List[Path]:
    """Rewrite the quantities of existing pre-annotation files, keeping their claims as they are."""
    out_dir = corpus_dir / "preannotated"
    paths = []
    items = [(i, p) for i, p in texts(corpus_dir) if (out_dir / f"{i}.json").exists()]
    docs = nlp.pipe((p.read_text(encoding="utf8") for _, p in items), batch_size=8)
    for (doc_id, path), doc in zip(items, docs):
        target = out_dir / f"{doc_id}.json"
        old = json.loads(target.read_text(encoding="utf8"))
        resolved = read_authoring_data(old, path)
        writer = Writer(doc.text)
        for claim in old["claims"]:
            claim["quantities"] = []
        placed = set()
        if resolved is not None:
            for q in doc._.quantities:
                home = _claim_holding(resolved["claims"], q.start, q.end)
                if home is not None:
                    old["claims"][home]["quantities"].append(writer.quantity(q, old["claims"][home]["para"]))
                    placed.add((q.start, q.end))
        old["quantities"] = [writer.quantity(q, None) for q in doc._.quantities if (q.start, q.end) not in placed]
        write_json(target, old)
        paths.append(target)
    return paths


def load_pipeline(model: str) -> Any:
    """The rule pipeline; without ``quantity_normaliser`` if that component is not installed yet."""
    try:
        return claimattr.load(model)
    except (ValueError, ImportError):
        return claimattr.load(model, pipes=[p for p in claimattr.PIPES if p != "quantity_normaliser"])


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / CORPUS_SUBDIR, help="corpus folder (default: the repository's training/corpus)")
    parser.add_argument("--model", default=claimattr.DEFAULT_BASE, help="base spaCy pipeline")
    parser.add_argument("--quantities-only", action="store_true", help="refresh quantities only (see above)")
    parser.add_argument("ids", nargs="*", help="only these report ids (default: all)")
    args = parser.parse_args(argv)
    nlp = load_pipeline(args.model)
    if "quantity_normaliser" not in nlp.pipe_names:
        print("warning: quantity_normaliser is not available; pre-annotating without quantities", file=sys.stderr)
    if args.quantities_only:
        added = refresh_quantities(args.corpus, nlp)
        print(f"quantities refreshed; added to annotated files: {sum(added.values())} {added}")
        return 0
    written = preannotate(args.corpus, nlp, args.ids)
    print(f"wrote {len(written)} pre-annotation files to {args.corpus / 'preannotated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
