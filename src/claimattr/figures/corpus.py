"""Figures across documents: the groups of several reports of one story, merged and re-checked.

Each document's groups (``doc._.figures``) are keyed by ``(story, frame, entity, part, kind, side)``; groups
with the same key in different documents become one corpus group, whose dispute flag is checked
again over all its members. Speakers keep their keys across documents (the same ministry quoted
by two outlets is one speaker), except the reporter: each document's reporter is its own speaker
(``reporter:<doc id>``), as in ``training/figures/stories.json``.

``stories`` maps a document id to its story; documents missing from it go to ``default_story``
(``None``: each such document is its own story, so nothing is merged across it). As within a
report, a figure with no side joins the only figure of its frame and entity that has one, unless that
one is a place or another speaker's own side (:func:`claimattr.figures.grouping.joins_only_scope`).
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from claimattr.figures.grouping import REPORTER, disputes, interval, joins_only_scope

DEFAULT_TOLERANCE = 0.15


def group_across_documents(
    documents: Iterable[Tuple[str, Sequence[Dict[str, Any]]]],
    stories: Optional[Mapping[str, str]] = None,
    default_story: Optional[str] = "corpus",
    tolerance: float = DEFAULT_TOLERANCE,
) -> List[Dict[str, Any]]:
    """Corpus groups from ``(doc_id, figures)`` pairs (figures as ``doc._.figures`` writes them).

    Each group: ``story``, ``frame``, ``entity``, ``scope``, ``docs``, ``members`` (each with its
    ``doc``), ``speakers``, ``disputed``, ``conflicts`` (member index pairs) and ``agreement``.
    """
    stories = stories or {}
    merged: Dict[Tuple, Dict[str, Any]] = {}
    for doc_id, figures in documents:
        story = stories.get(doc_id, default_story if default_story is not None else f"doc:{doc_id}")
        for figure in figures:
            key = (story, figure["frame"], figure["entity"], bool(figure.get("part")), figure.get("kind"), figure.get("scope"))
            group = merged.setdefault(key, {
                "id": f"{story}:{figure['id']}", "story": story, "frame": figure["frame"], "entity": figure["entity"],
                "scope": figure.get("scope"), "kind": figure.get("kind"), "docs": [], "members": [],
            })
            if doc_id not in group["docs"]:
                group["docs"].append(doc_id)
            for member in figure["members"]:
                speaker = member["speaker"]
                if speaker == REPORTER:
                    speaker = f"{REPORTER}:{doc_id}"
                group["members"].append({**member, "doc": doc_id, "speaker": speaker})
    # as within a report: a figure with no side joins the only side there is
    unscoped: Dict[Tuple, List[Tuple]] = {}
    for key in merged:
        unscoped.setdefault(key[:5], []).append(key)
    for keys in unscoped.values():
        scoped = [k for k in keys if k[5] is not None]
        plain_key = next((k for k in keys if k[5] is None), None)
        if len(scoped) == 1 and plain_key is not None and joins_only_scope(
                scoped[0][5], {m["speaker"] for m in merged[plain_key]["members"]}):
            plain = merged.pop(plain_key)
            target = merged[scoped[0]]
            target["docs"] += [d for d in plain["docs"] if d not in target["docs"]]
            target["members"] = plain["members"] + target["members"]
    return [_check(group, tolerance) for group in merged.values()]


def _check(group: Dict[str, Any], tolerance: float) -> Dict[str, Any]:
    members = group["members"]
    intervals = [interval(m, tolerance) for m in members]
    conflicts = disputes(members, intervals)
    speakers: Dict[str, Dict[str, Any]] = {}
    for index, member in enumerate(members):
        entry = speakers.setdefault(member["speaker"], {"speaker": member["speaker"], "name": member.get("speaker_name"),
                                                         "values": [], "members": []})
        entry["values"].append(member.get("text"))
        entry["members"].append(index)
    group["speakers"] = list(speakers.values())
    group["conflicts"] = conflicts
    group["disputed"] = bool(conflicts)
    group["agreement"] = "disputed" if conflicts else ("agreed" if len(speakers) > 1 else "single source")
    return group
