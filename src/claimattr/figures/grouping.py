"""Figure grouping as plain data: which quantities count the same thing, and do their speakers agree.

The rules (documented in docs/figures.md, data in ``frames.json``):

- **Frame**: what happened to the counted thing, from a closed set (``deaths``, ``injuries``, ...).
  It is read, in order, from a frame modifier inside the counted phrase ("wounded soldiers"), the
  quantity's event lemma ("killed"), the counted noun itself ("the toll"), then the nearest trigger
  in the clause around the number. Where a trigger belongs to several frames ("lost": deaths,
  damaged, money lost, jobs), the entity's class decides (people, things, money, jobs, cases).
  Quantities in units that are not counts (percentages, durations, sizes) are never figures.
- **Entity**: the counted noun's lemma, normalised through the ``entities`` table (troops ->
  soldier, demonstrators -> protester, residents -> person); a multi-word lemma not in the table is
  looked up by its head (last word); a specific modifier overrides the head ("civilian drivers" ->
  civilian). Generic and specific entities are different groups. A quantity with no entity
  inherits it (and its side) from the previous quantity of the same claim or sentence ("four
  soldiers killed and two wounded"), else from the only entity the document gives that frame,
  else the frame's default entity (deaths -> person, money frames -> money).
- **Side (scope)**: a proper modifier of the counted noun ("Dovanian soldiers", "Almera's
  soldiers"), stemmed so that a country and its demonym agree (Dovany / Dovanian -> "dovan");
  "own" / "our" puts the figure on the speaker's side. Figures of one frame and entity with
  different sides are different groups; a figure with no side joins the only side there is,
  unless that is a place or another speaker's own side (:func:`joins_only_scope`).
- **Places the text is about**: a figure with no side is counted where its sentence, or the
  text before it, names a place ("In Norden, ..."); this splits only figures of one frame and
  entity that are counted in two places or more.
- **Kinds**: some frames have kinds counted apart (prisoners freed vs still held; an investment
  vs subsidies); a figure naming no kind joins the only kind there is.
- **Subsets and parts**: "including", "a further", "14 *of the* 17", and a count with no noun
  after the same speaker's count of the same frame in one sentence ("treated 60 ... and eight
  were taken to hospital") are parts, never compared with the whole.
- **Repeats**: a quantity with no frame but the same value and entity as an earlier figure, a
  definite number with no noun ("the 12", "all nine"), and a generic noun repeating the same
  speaker's specific count ("eight people" after "eight miners") join that figure's group.

Compatibility and disputes follow ``training/figures/README.md``: see :func:`interval`,
:func:`compatible` and :func:`disputes`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

INF = math.inf
REPORTER = "reporter"
UNKNOWN_SPEAKER = "unknown"


# ------------------------------------------------------------------------------ intervals


@dataclass(frozen=True)
class Interval:
    """A closed or half-open range of values a figure allows."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def intersects(self, other: "Interval") -> bool:
        low = max(self.low, other.low)
        low_open = (self.low == low and self.low_open) or (other.low == low and other.low_open)
        high = min(self.high, other.high)
        high_open = (self.high == high and self.high_open) or (other.high == high and other.high_open)
        return low < high or (low == high and not low_open and not high_open)

    def to_dict(self) -> Dict[str, Any]:
        return {"low": self.low, "high": None if self.high == INF else self.high,
                "low_open": self.low_open, "high_open": self.high_open}


def interval(quantity: Dict[str, Any], tolerance: float = 0.15) -> Optional[Interval]:
    """The values a quantity allows (README of the figures set):

    exact -> [v, v]; bounds (ranges, vague plurals) -> [low, high]; ``>=`` -> [low, inf);
    ``>`` -> (low, inf); ``<=`` -> [0, high]; ``<`` -> [0, high); hedged (``~``) without bounds ->
    [v(1-T), v(1+T)]. Bounds decide even when the figure is approximate.
    """
    value, low, high = quantity.get("value"), quantity.get("low"), quantity.get("high")
    relation = quantity.get("relation") or "="
    if relation in (">", ">="):
        start = low if low is not None else value
        return None if start is None else Interval(float(start), INF, low_open=relation == ">")
    if relation in ("<", "<="):
        end = high if high is not None else value
        return None if end is None else Interval(0.0, float(end), high_open=relation == "<")
    if low is not None or high is not None:
        return Interval(float(low if low is not None else 0.0), float(high if high is not None else INF))
    if value is None:
        return None
    value = float(value)
    if relation == "~" or quantity.get("approximate"):
        spread = abs(value) * tolerance
        return Interval(value - spread, value + spread)
    return Interval(value, value)


def compatible(a: Optional[Interval], b: Optional[Interval]) -> bool:
    """Two figures can both be true; a figure without a value is compatible with anything."""
    return a is None or b is None or a.intersects(b)


# ------------------------------------------------------------------------------ mentions


@dataclass
class Mention:
    """One quantity as the grouper sees it: the figure, who gave it, and the words around it."""

    quantity: Dict[str, Any]
    claim: Optional[int]
    speaker: str
    speaker_name: str
    unit_sentence: int = 0
    """Sentence (or claim) number: entities are inherited within one."""
    modifiers: List[Tuple[str, str]] = field(default_factory=list)
    """(lemma, text) of the words of the counted phrase and the counted noun's dependents."""
    window: List[Tuple[str, str]] = field(default_factory=list)
    """(lemma, text) of the clause around the number, nearest first."""
    clause: List[str] = field(default_factory=list)
    """Lemmas of the clause around the number in text order (for multi-word triggers)."""
    sides: List[str] = field(default_factory=list)
    """Proper words that modify the counted noun ("Dovanian", "Almera")."""
    speaker_sides: List[str] = field(default_factory=list)
    """Proper words of the speaker's name or organisation ("Dovany's army")."""
    places: List[str] = field(default_factory=list)
    """Place names governed by a place preposition near the number ("at Kessa")."""
    before: List[str] = field(default_factory=list)
    """Lemmas of the words right before the number, nearest first ("including")."""
    after: List[str] = field(default_factory=list)
    """Lemmas of the words right after the number, in text order ("were among them")."""
    event_elsewhere: bool = False
    """The quantity's event lies in a clause before the number's own ("were being *treated* well
    and that 41 sailors were in custody"): it says nothing about what the number counts."""
    sentence: List[str] = field(default_factory=list)
    """Lemmas of the number's whole sentence in text order: multi-word triggers of last resort,
    specific enough to count beyond the window ("13 of its members had been on the shift in that
    section and had *not come out*")."""
    beyond: List[str] = field(default_factory=list)
    """Lemmas of the rest of the number's sentence, outside the words searched around it in its
    claim's content, nearest first (the cue "Pledge" of a headline "Donors Pledge $2.4bn"):
    triggers of last resort."""
    agents: List[str] = field(default_factory=list)
    """Lemmas of the subject of the verb the number depends on ("*Police* detained more than
    150"): the doer, never the counted thing."""
    context_place: Optional[str] = None
    """The place the text is about where the number stands: a place named with "in"/"at" in its
    sentence, else the latest one named before it ("In Norden, ... about 5,000 ... The coalition
    said 5,000"). Weaker than a place next to the number: it only tells apart figures of one
    frame and entity whose members name two places or more."""
    # decided by the rules
    frame: Optional[str] = None
    entity: Optional[str] = None
    scope: Optional[str] = None
    part: bool = False
    """A part of a larger count given beside it ("including four jets"): a figure of its own."""
    kind: Optional[str] = None
    """The frame's kind the words give ("still *held*" vs "*freed*" prisoners, an *investment* vs
    *subsidies*): figures of different kinds are different figures."""
    superseded: bool = False

    @property
    def start(self) -> int:
        return int(self.quantity["start"])


def speaker_key(speaker: Optional[Dict[str, Any]]) -> Tuple[str, str]:
    """``(key, name)``: the key is the organisation if any, else the name; lower case, no "the "."""
    if not speaker:
        return UNKNOWN_SPEAKER, UNKNOWN_SPEAKER
    organisation = speaker.get("organisation")
    if isinstance(organisation, dict):
        organisation = organisation.get("text")
    name = speaker.get("name") or speaker.get("text") or UNKNOWN_SPEAKER
    return normal_speaker(organisation or name), name


def normal_speaker(text: str) -> str:
    key = " ".join(str(text).lower().split())
    return key[4:] if key.startswith("the ") else key


# ------------------------------------------------------------------------------ rules


class FigureRules:
    """A compiled ``frames.json``: decides each mention's frame, entity and side, then groups."""

    def __init__(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        self.tolerance = float(lexicon["tolerance"])
        self.frames: Dict[str, Dict[str, Any]] = lexicon["frames"]
        order = list(lexicon["frame_order"]) + [f for f in self.frames if f not in lexicon["frame_order"]]
        self.order = [f for f in order if f in self.frames]
        self.triggers: Dict[str, List[str]] = {}
        self.phrases: List[Tuple[str, str]] = []
        self.frame_modifiers: Dict[str, List[str]] = {}
        for frame in self.order:
            spec = self.frames[frame]
            for trigger in spec["triggers"]:
                trigger = trigger.lower()
                if " " in trigger:
                    self.phrases.append((trigger, frame))
                else:
                    self.triggers.setdefault(trigger, []).append(frame)
            for word in spec["modifiers"]:
                self.frame_modifiers.setdefault(word.lower(), []).append(frame)
        self.entities: Dict[str, str] = {}
        self.entity_class: Dict[str, str] = {}
        for entity, spec in lexicon["entities"].items():
            self.entity_class[entity] = spec["class"]
            for synonym in [entity] + list(spec["synonyms"]):
                self.entities.setdefault(synonym.lower(), entity)
        self.overrides = lexicon["entity_overrides"]
        self.specific = {k.lower(): v for k, v in lexicon["specific_modifiers"].items()}
        self.own_words = {w.lower() for w in lexicon["own_words"]}
        self.suffixes = sorted(lexicon["scope_suffixes"], key=len, reverse=True)
        self.stem_length = int(lexicon["scope_stem_length"])
        self.scope_stop = {w.lower() for w in lexicon["scope_stopwords"]}
        self.not_figures = {w.lower() for w in lexicon["not_figures_dimensions"]}
        self.superseding = {w.lower() for w in lexicon["superseding_triggers"]}
        self.total_words = {w.lower() for w in lexicon["total_words"]}
        self.frame_entities: Dict[str, Dict[str, str]] = lexicon["frame_entities"]
        self.place_prepositions = {w.lower() for w in lexicon["place_prepositions"]}
        self.part_before = {w.lower() for w in lexicon["part_markers"]["before"]}
        self.part_after = {w.lower() for w in lexicon["part_markers"]["after"]}
        self.part_next = {w.lower() for w in lexicon["part_markers"]["next"]}
        self.partitive = {w.lower() for w in lexicon["partitive_determiners"]}
        self.anaphoric = {w.lower() for w in lexicon["anaphoric_determiners"]}
        self.kinds: Dict[str, Dict[str, str]] = {
            frame: {word.lower(): kind for kind, words in spec.get("kinds", {}).items() for word in words}
            for frame, spec in self.frames.items()}

    # ---- entity ----------------------------------------------------------------------

    def normal_entity(self, lemma: Optional[str], modifiers: Iterable[Tuple[str, str]] = ()) -> Optional[str]:
        """The normalised entity of a counted noun: a specific modifier, the whole lemma, its head."""
        for mod_lemma, _ in modifiers:
            if mod_lemma in self.specific:
                return self.specific[mod_lemma]
        if not lemma:
            return None
        lemma = " ".join(lemma.lower().split())
        for mod_lemma, _ in modifiers:  # "crew members": the compound is looked up before its head
            if f"{mod_lemma} {lemma}" in self.entities:
                return self.entities[f"{mod_lemma} {lemma}"]
        if lemma in self.entities:
            return self.entities[lemma]
        head = lemma.split()[-1]
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") and len(head) > 3 else head
        return self.entities.get(head) or self.entities.get(singular, head)

    def entity_of(self, mention: Mention, money: bool) -> Tuple[Optional[str], bool]:
        """(normalised entity or None, whether the figure is a total with no counted noun).

        The counted noun's entity; where there is none, or it is a frame word ("Eleven Dead",
        "64 arrests") or a side word ("Six Almeran"), a known noun of the clause close by
        ("the number of soldiers killed had risen to 14") where the text has one."""
        if money:
            return "money", False
        anchor = mention.quantity.get("entity") or {}
        raw = " ".join((anchor.get("lemma") or "").lower().split())
        if raw in self.frame_modifiers and raw not in self.entities:
            return None, False  # "Eleven Dead in Apartment Building Collapse": the dead are counted, not the building
        partitive = self.partitive_entity(mention)
        if partitive is not None and not raw:
            return partitive, False
        entity = self.normal_entity(raw, mention.modifiers)
        # "killed 18 of them": the pronoun's antecedent is the counted noun, further back in the clause
        reach = len(mention.window) if mention.after[:2] in (["of", "they"], ["of", "them"]) else 5
        near = [lemma for lemma, _ in mention.window[:reach]]
        total = entity is None and any(word in self.total_words for word in near + [raw])
        if entity is not None and entity in self.entity_class:
            return entity, False
        side_word = bool(anchor.get("text", "")[:1].isupper()) and raw not in self.entities
        if entity is None or raw in self.triggers or raw in self.total_words or side_word:
            if total or raw in self.total_words:
                return None, True
            for lemma, _ in list(mention.modifiers) + [(w, w) for w in near if w not in mention.agents]:
                if lemma in self.entities:
                    return self.entities[lemma], False
            return None, False
        return entity, False

    def partitive_entity(self, mention: Mention) -> Optional[str]:
        """"welcomed home 48 of its fighters": the known noun of an "N of its/the X" partitive
        counts the number, nearer in meaning than any noun around it ("home")."""
        after = mention.after
        if len(after) < 3 or after[0] != "of" or after[1] not in self.partitive:
            return None
        entity = self.normal_entity(after[2])
        return entity if entity in self.entity_class else None

    def stem(self, word: str) -> Optional[str]:
        """"Dovanian", "Dovany", "Dovany's" -> "dovan"; ``None`` for words that never name a side."""
        word = word.lower().strip(".,;:'’\"")
        if (word in self.scope_stop or self.normal_entity(word) in self.entity_class or word in self.triggers
                or word in self.frame_modifiers or len(word) < 3):  # "14 Dead, Dozens Rescued": headline capitals
            return None
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.stem_length - 1:
                word = word[: -len(suffix)]
                break
        return word[: self.stem_length]

    # ---- frame -----------------------------------------------------------------------

    def _class_ok(self, frame: str, cls: Optional[str], money: bool) -> bool:
        counts = self.frames[frame]["counts"]
        if money:
            return "money" in counts and frame != "other" or counts == ["money"]
        if "money" in counts and len(counts) == 1:
            return False
        return cls is None or cls in counts

    def _pick(self, frames: Sequence[str], cls: Optional[str], money: bool) -> Optional[str]:
        for frame in frames:
            if self._class_ok(frame, cls, money):
                return frame
        return None

    def _override(self, entity: Optional[str], words: Sequence[str]) -> Optional[str]:
        for rule in self.overrides:
            if rule["entity"] == entity and (not rule["triggers"] or any(w in rule["triggers"] for w in words)):
                return rule["frame"]
        return None

    def frame_of(self, mention: Mention, entity: Optional[str], money: bool) -> Optional[str]:
        quantity = mention.quantity
        cls = "money" if money else self.entity_class.get(entity or "")
        event = "" if mention.event_elsewhere else ((quantity.get("event") or {}).get("lemma") or "").lower()
        entity_lemma = ((quantity.get("entity") or {}).get("lemma") or "").lower()
        words = [event] + [lemma for lemma, _ in mention.window[:4]]
        override = self._override("money" if money else entity, words)
        if override and override in self.frames:
            return override
        # a frame word inside the counted phrase ("30 *wounded* soldiers"), or right after the
        # number where the parser took it for the counted noun or missed it ("Warehouse Fire
        # Leaves Two *Dead*", "Government Confirms 12 *Killed*"), says more than the event
        for word in [text.lower() for _, text in mention.modifiers]:
            frame = self._pick(self.frame_modifiers.get(word, ()), cls, money)
            if frame:
                return frame
        for word in [w for w in [entity_lemma] + mention.after[:1] if w]:
            frame = self._pick(self.frame_modifiers.get(word, []) + self.triggers.get(word, []), cls, money)
            if frame:
                return frame
        joined = " " + " ".join(mention.clause) + " "
        for phrase, frame in self.phrases:  # "treated *for heatstroke*" is cases, "treated" alone injuries
            if event in phrase.split() and f" {phrase} " in joined and self._class_ok(frame, cls, money):
                return frame
        candidates = [event] if event else []
        candidates += [w for w in event.split()[1:]]
        if entity_lemma:
            candidates += [entity_lemma, entity_lemma.split()[-1]]
        candidates += [entity] if entity else []
        for word in candidates:  # a frame word as the counted noun: "Eleven Dead", "Dozens Rescued"
            frame = self._pick(list(self.triggers.get(word, ())) + self.frame_modifiers.get(word, []), cls, money)
            if frame:
                return frame
        # a phrase ("taken to hospital", "lost their lives") is more specific than the nearest
        # single word, which may belong to the clause before ("two died and nine were taken to hospital")
        for phrase, frame in self.phrases:
            if f" {phrase} " in joined and self._class_ok(frame, cls, money):
                return frame
        for lemma, text in mention.window:
            for word in (lemma, text.lower()):
                frame = self._pick(self.triggers.get(word, ()), cls, money)
                if frame:
                    return frame
        whole = " " + " ".join(mention.sentence) + " "
        for phrase, frame in self.phrases:
            if f" {phrase} " in whole and self._class_ok(frame, cls, money):
                return frame
        for word in mention.beyond:  # "Donors *Pledge* $2.4bn": the claim's content has no trigger, its sentence does
            frame = self._pick(self.triggers.get(word, ()), cls, money)
            if frame:
                return frame
        return None

    def kind_of(self, mention: Mention) -> Optional[str]:
        """The frame's kind named by the event, the words nearest the number or those after it
        ("still being *held*" vs "*freed* 31 soldiers"; "an *investment* of €5bn" vs "the
        *subsidies* of €1.2bn"): the first word, in that order, that is one of the frame's kinds."""
        kinds = self.kinds.get(mention.frame or "", {})
        if not kinds:
            return None
        event = "" if mention.event_elsewhere else ((mention.quantity.get("event") or {}).get("lemma") or "").lower()
        for word in [event] + [lemma for lemma, _ in mention.window[:4]] + mention.after[:6]:
            if word in kinds:
                return kinds[word]
        return None

    def is_money(self, quantity: Dict[str, Any]) -> bool:
        unit, dimension = quantity.get("unit"), quantity.get("dimension")
        if dimension:
            return dimension == "currency"
        return bool(unit) and bool(re.fullmatch(r"[A-Z]{3}", str(unit)))

    def countable(self, quantity: Dict[str, Any]) -> bool:
        """Counts and money are figures; percentages, durations, sizes are not."""
        if quantity.get("value") is None and quantity.get("low") is None and quantity.get("high") is None:
            return False
        if self.is_money(quantity):
            return True
        unit, dimension = quantity.get("unit"), quantity.get("dimension")
        if dimension and dimension.lower() in self.not_figures:
            return False
        return not unit

    # ---- grouping --------------------------------------------------------------------

    def decide(self, mentions: List[Mention]) -> None:
        """Set each mention's frame, entity and scope (in text order: inheritance looks back)."""
        mentions.sort(key=lambda m: m.start)
        previous: Dict[int, Mention] = {}
        for mention in mentions:
            quantity = mention.quantity
            if not self.countable(quantity):
                continue
            money = self.is_money(quantity)
            entity, total = self.entity_of(mention, money)
            subset = False
            anchor = quantity.get("entity") or {}
            side_words = list(mention.sides)
            if anchor.get("text", "")[:1].isupper() and (anchor.get("lemma") or "").lower() not in self.entities:
                side_words += anchor["text"].split()  # "Six Almeran [Soldiers]": the anchor is the side word
            sides = [s for s in (self.stem(w) for w in side_words) if s]
            scope = sides[0] if sides else None
            if scope is None and any(lemma in self.own_words for lemma, _ in mention.window[:12]):
                own = [s for s in (self.stem(w) for w in mention.speaker_sides) if s]
                scope = own[0] if own else f"own:{mention.speaker}"
            frame = self.frame_of(mention, entity, money)
            before = previous.get(mention.unit_sentence)
            update = self.updated(mention, mentions, frame) if entity is None and not total and not money else None
            if update is not None:  # "the number of soldiers killed had risen to 14": the count it updates
                entity, scope = update.entity, scope or update.scope
            elif entity is None and not total and not money and before is not None and before.entity and before.frame != frame:
                # "four soldiers killed and two wounded": a parallel count of another frame
                entity = before.entity
                scope = scope or before.scope
                frame = self.frame_of(mention, entity, money) or frame
            elif entity is None and not total and not money and before is not None and before.entity and (
                    before.frame == frame and before.speaker == mention.speaker and scope in (None, before.scope)):
                # "treated about 60 demonstrators ... and eight had been taken to hospital": a subset
                entity, scope, subset = before.entity, scope or before.scope, True
            if scope is None:
                places = [s for s in (self.stem(w) for w in mention.places) if s]
                scope = f"at:{places[0]}" if places else None
            if frame is not None:
                default = self.frames[frame]["default_entity"]
                if default in ("money", "job") or (entity is None and total):
                    entity = default
            if frame is not None and entity is not None:
                entity = self.frame_entities.get(frame, {}).get(entity, entity)
            named = self.predicate_entity(mention)
            if named is not None:  # "60 of the injured were children": a part, counted by the predicate
                entity = self.frame_entities.get(frame or "", {}).get(named, named)
            mention.frame, mention.entity, mention.scope = frame, entity, scope
            mention.part = subset or named is not None or self.is_part(mention)
            if frame is not None:
                previous[mention.unit_sentence] = mention
        self._generic_repeats(mentions)  # "eight people" after "eight miners" gives the frame no generic entity
        self._implicit_entities(mentions)  # before repeats: a repeat is compared with its figure's entity, implicit or not
        self._repeats(mentions)
        self._supersede(mentions)

    def is_update(self, mention: Mention) -> bool:
        """"the toll had risen to 14": a superseding word as the event or right before the number."""
        event = ((mention.quantity.get("event") or {}).get("lemma") or "").lower()
        return bool(({event} | {lemma for lemma, _ in mention.window[:4]}) & self.superseding)

    def updated(self, mention: Mention, mentions: List[Mention], frame: Optional[str]) -> Optional[Mention]:
        """The same speaker's latest earlier figure of ``frame`` that an update with no counted noun
        replaces: the update counts what it counted."""
        if frame is None or not self.is_update(mention):
            return None
        earlier = [m for m in mentions if m.start < mention.start and m.frame == frame and m.speaker == mention.speaker and m.entity]
        return earlier[-1] if earlier else None

    def predicate_entity(self, mention: Mention) -> Optional[str]:
        """"60 of the injured were children": the entity a "N of the <frame word> were <noun>"
        clause names; ``None`` for other numbers ("13 of its members had been on the shift")."""
        after = mention.after
        if after[:2] != ["of", "the"] or len(after) < 5 or after[2] not in self.triggers and after[2] not in self.frame_modifiers:
            return None
        if after[3] != "be":
            return None
        entity = self.normal_entity(after[4])
        return entity if entity in self.entity_class else None

    def is_part(self, mention: Mention) -> bool:
        """"including four jets", "three children were among them", "thousands more jobs": a
        count given as a part of, or an addition to, the count beside it is not the same figure,
        even with the same frame and entity."""
        return bool(set(mention.before[:2]) & self.part_before or set(mention.after[:4]) & self.part_after
                    or set(mention.after[:1]) & self.part_next or self.of_a_number(mention))

    def of_a_number(self, mention: Mention) -> bool:
        """"intercepted 14 *of the 17* drones": a number counted out of another is a part of it."""
        after = mention.after
        return len(after) >= 3 and after[0] == "of" and after[1] in self.partitive and after[2][:1].isdigit()

    def _repeats(self, mentions: List[Mention]) -> None:
        """"the three drivers": no frame, same value and entity as an earlier figure. "the 12 were
        drinking water", "all nine were in a stable condition": a number with no noun after a
        definite determiner (``anaphoric_determiners``) points back to the latest earlier figure
        with that value, whatever its entity and even where words nearby give it a frame."""
        for index, mention in enumerate(mentions):
            anaphor = (not (mention.quantity.get("entity") or {}).get("lemma") and bool(mention.before[:1])
                       and mention.before[0] in self.anaphoric)
            if (mention.frame is not None and not anaphor) or not self.countable(mention.quantity):
                continue
            for earlier in reversed(mentions[:index]):
                if (earlier.frame is not None and earlier.quantity.get("value") == mention.quantity.get("value")
                        and (anaphor or mention.entity is not None and earlier.entity == mention.entity)
                        and mention.quantity.get("relation", "=") == "="):
                    mention.frame, mention.scope = earlier.frame, earlier.scope
                    mention.entity, mention.part = earlier.entity, earlier.part
                    break
            else:
                self._join_only_figure(mention, mentions)

    def _join_only_figure(self, mention: Mention, mentions: List[Mention]) -> None:
        """"44 crew members had been on board": a count with no frame of its own whose entity
        the report counts in exactly one figure joins that figure (the report is about it). A
        part or an addition of that entity ("11 more had been wounded") is a figure too."""
        if mention.entity is None or mention.part:
            return
        homes = {(m.frame, m.scope, m.part) for m in mentions if m.frame is not None and m.entity == mention.entity}
        if len(homes) == 1 and not next(iter(homes))[2]:
            mention.frame, scope, _ = homes.pop()
            mention.scope = mention.scope or scope

    def _implicit_entities(self, mentions: List[Mention]) -> None:
        """Entities still missing: the only entity the document gives that frame, else its default."""
        for mention in mentions:
            if mention.frame is None or mention.entity is not None:
                continue
            seen = {m.entity for m in mentions if m.frame == mention.frame and m.entity is not None}
            if len(seen) == 1:
                mention.entity = seen.pop()
            elif self.frames[mention.frame]["default_entity"] in seen or not seen:
                mention.entity = self.frames[mention.frame]["default_entity"] or "thing"
            else:
                mention.entity = sorted(seen)[0]

    def _generic_repeats(self, mentions: List[Mention]) -> None:
        """"eight miners were trapped" ... "Halvard later repeated that eight people were
        trapped": a figure of the frame's generic entity (``default_entity``) with the value the
        same speaker gave for a specific entity of that frame earlier is that figure, repeated."""
        for index, mention in enumerate(mentions):
            if mention.frame is None or mention.entity != self.frames[mention.frame]["default_entity"] or mention.scope:
                continue
            value = exact_value(mention.quantity)
            for earlier in reversed(mentions[:index] if value is not None else []):
                if (earlier.frame == mention.frame and earlier.entity != mention.entity and earlier.speaker == mention.speaker
                        and not earlier.part and exact_value(earlier.quantity) == value):
                    mention.entity, mention.scope = earlier.entity, earlier.scope
                    break

    def _supersede(self, mentions: List[Mention]) -> None:
        """"the toll rose to 14": the same speaker's earlier figure in the group is superseded."""
        for index, mention in enumerate(mentions):
            if mention.frame is None or not self.is_update(mention):
                continue
            for earlier in mentions[:index]:
                if (earlier.frame, earlier.entity, earlier.scope, earlier.speaker) == (
                        mention.frame, mention.entity, mention.scope, mention.speaker):
                    earlier.superseded = True

    def group(self, mentions: List[Mention]) -> List[Dict[str, Any]]:
        """Group decided mentions into figures (plain dicts), flag disputes."""
        self.decide(mentions)
        buckets: Dict[Tuple[str, str], List[Mention]] = {}
        for mention in mentions:
            if mention.frame is not None:
                entity = (mention.entity or "thing") + (" part" if mention.part else "")
                buckets.setdefault((mention.frame, entity), []).append(mention)
        groups: List[Tuple[Tuple[str, str, Optional[str], Optional[str]], List[Mention]]] = []
        for (frame, entity), members in buckets.items():
            places = self.places_named(members)
            by_scope: Dict[Optional[str], List[Mention]] = {}
            for member in members:
                by_scope.setdefault(self.member_scope(member, members, places), []).append(member)
            for scope, grouped in by_scope.items():
                for kind, kinded in self.by_kind(grouped).items():
                    groups.append(((frame, entity, scope, kind), kinded))
        groups.sort(key=lambda item: item[1][0].start)
        return [self.figure(key, members) for key, members in groups]

    def places_named(self, members: Sequence[Mention]) -> Set[str]:
        """The places the members of one frame and entity are counted in: next to the number
        ("at:kessa") or, for a member with no side, where the text is (``context_place``)."""
        places = {m.scope[len("at:"):] for m in members if m.scope and m.scope.startswith("at:")}
        return places | {p for p in (self.stem(m.context_place) for m in members if m.scope is None and m.context_place) if p}

    def member_scope(self, member: Mention, members: Sequence[Mention], places: Set[str]) -> Optional[str]:
        """The side a member is counted on, among the ``members`` of its frame and entity.

        Where those members are counted in two places or more, a member with no side is counted
        where the text is ("In Norden, ... 5,000"; "Sunday's march in Vass ... Police said
        22,000"). A figure with no side joins the only named side there is, else the side of the
        scoped figures with its very value ("Korvath Says ... Killing 25" is its "25 Almeran
        soldiers"), else its speaker's own side ("the army said six soldiers died"). It does not
        join a place (a count with no place may be the wider one: a national toll beside a
        city's) nor another speaker's own side (the regional government's "€2m of its own" is
        not the Commission's €5m)."""
        if member.scope is not None:
            return member.scope
        here = self.stem(member.context_place) if member.context_place and len(places) > 1 else None
        if here:
            return f"at:{here}"
        scopes = sorted({m.scope for m in members if m.scope is not None})
        if len(scopes) == 1 and joins_only_scope(scopes[0], {member.speaker}):
            return scopes[0]
        value = exact_value(member.quantity)
        same = {m.scope for m in members if m.scope is not None and exact_value(m.quantity) == value} if value is not None else set()
        if len(same) == 1 and joins_only_scope(next(iter(same)), {member.speaker}):
            return same.pop()
        named = [s for s in scopes if not s.startswith("own:")]
        own_side = [st for st in (self.stem(w) for w in member.speaker_sides) if st in named]
        return own_side[0] if own_side else None

    def by_kind(self, members: List[Mention]) -> Dict[Optional[str], List[Mention]]:
        """Members of one frame, entity and side split by the frame's kinds (``kinds``): a member
        whose words name no kind joins the only kind there is."""
        kinds = [self.kind_of(m) for m in members]
        named = {k for k in kinds if k is not None}
        only = next(iter(named)) if len(named) == 1 else None
        split: Dict[Optional[str], List[Mention]] = {}
        for member, kind in zip(members, kinds):
            member.kind = kind or only
            split.setdefault(member.kind, []).append(member)
        return split

    def figure(self, key: Tuple[str, str, Optional[str], Optional[str]], members: List[Mention]) -> Dict[str, Any]:
        frame, entity, scope, kind = key
        ids = [frame, entity.replace(" part", "-part").replace(" ", "_")] + [k.replace(" ", "_") for k in (scope, kind) if k]
        entity = entity[: -len(" part")] if members[0].part else entity
        intervals = [interval(m.quantity, self.tolerance) for m in members]
        conflicts = disputes(members, intervals)
        speakers: Dict[str, Dict[str, Any]] = {}
        for member, span in zip(members, intervals):
            entry = speakers.setdefault(member.speaker, {"speaker": member.speaker, "name": member.speaker_name, "values": [], "members": []})
            entry["values"].append(member.quantity.get("text"))
            entry["members"].append(members.index(member))
        distinct = {m.speaker for m in members}
        if conflicts:
            agreement = "disputed"
        elif len(distinct) > 1:
            agreement = "agreed"
        else:
            agreement = "single source"
        return {
            "id": "-".join(ids),
            "frame": frame,
            "entity": entity,
            "scope": scope,
            "kind": kind,
            "part": members[0].part,
            "members": [
                {
                    "claim": m.claim, "speaker": m.speaker, "speaker_name": m.speaker_name,
                    "text": m.quantity.get("text"), "start": m.quantity.get("start"), "end": m.quantity.get("end"),
                    "value": m.quantity.get("value"), "low": m.quantity.get("low"), "high": m.quantity.get("high"),
                    "relation": m.quantity.get("relation", "="), "approximate": bool(m.quantity.get("approximate")),
                    "unit": m.quantity.get("unit"),
                    "interval": span.to_dict() if span else None, "superseded": m.superseded,
                }
                for m, span in zip(members, intervals)
            ],
            "speakers": list(speakers.values()),
            "disputed": bool(conflicts),
            "conflicts": conflicts,
            "agreement": agreement,
        }


def exact_value(quantity: Dict[str, Any]) -> Optional[float]:
    """The value of an exact figure ("eight", "25"); ``None`` for ranges, bounds and hedges."""
    if ((quantity.get("relation") or "=") != "=" or quantity.get("approximate")
            or quantity.get("low") is not None or quantity.get("high") is not None):
        return None
    return quantity.get("value")


def joins_only_scope(scope: str, speakers: Set[str]) -> bool:
    """Whether a figure with no side, given by ``speakers``, joins ``scope``, the only side its
    frame and entity have: a named side yes; a place no (a count with no place may be the wider
    one, a national toll beside a city's); an own side (``own:<speaker>``) only its own speaker's."""
    if scope.startswith("at:"):
        return False
    return not scope.startswith("own:") or speakers == {scope[len("own:"):]}


def disputes(members: Sequence[Any], intervals: Sequence[Optional[Interval]]) -> List[List[int]]:
    """Index pairs of members that dispute each other: different speakers, neither superseded,
    the same unit, incompatible intervals. A group is disputed iff this is not empty."""
    found = []
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            a, b = members[i], members[j]
            if _attr(a, "superseded") or _attr(b, "superseded") or _attr(a, "speaker") == _attr(b, "speaker"):
                continue
            if _unit(a) != _unit(b) or intervals[i] is None or intervals[j] is None:
                continue
            if not compatible(intervals[i], intervals[j]):
                found.append([i, j])
    return found


def _attr(member: Any, name: str) -> Any:
    return member.get(name) if isinstance(member, dict) else getattr(member, name)


def _unit(member: Any) -> Any:
    quantity = member.quantity if isinstance(member, Mention) else member
    return quantity.get("unit")


# ------------------------------------------------------------------------------ without a Doc

_WORD = re.compile(r"[\w'’-]+")


def mentions_from_claims(claims: Sequence[Dict[str, Any]], quantities: Sequence[Dict[str, Any]] = ()) -> List[Mention]:
    """Mentions from stored claim dicts (``claimattr extract`` output) and, optionally, the
    document's other quantities (the reporter's). Without a parse, the words around a number are
    the lower-cased words of its content piece (no lemmas), so frames rest mostly on the
    quantity's own event and entity lemmas."""
    mentions: List[Mention] = []
    seen = set()
    for index, claim in enumerate(claims):
        key, name = speaker_key(claim.get("speaker"))
        for quantity in claim.get("quantities") or []:
            seen.add((quantity["start"], quantity["end"]))
            piece = next((p for p in claim.get("content", []) if p["start"] <= quantity["start"] and quantity["end"] <= p["end"]), None)
            mention = Mention(dict(quantity), index, key, name, unit_sentence=index)
            if piece is not None:
                cut = quantity["start"] - piece["start"]
                left = [w.lower() for w in _WORD.findall(piece["text"][:cut])][::-1]
                right = [w.lower() for w in _WORD.findall(piece["text"][cut + len(quantity["text"]):])]
                near = [w for pair in zip(left + [None] * len(right), right + [None] * len(left)) for w in pair if w]
                mention.window = [(w, w) for w in near[:20]]
                mention.before, mention.after = left[:3], right[:4]
                mention.clause = [w.lower() for w in _WORD.findall(piece["text"])]
            anchor = quantity.get("entity")
            if anchor:
                words = anchor.get("text", "").split()
                mention.modifiers = [(w.lower(), w) for w in words[:-1]]
                mention.sides = [w for w in words[:-1] if w[:1].isupper()]
            mentions.append(mention)
    for quantity in quantities:
        if (quantity["start"], quantity["end"]) not in seen:
            mentions.append(Mention(dict(quantity), None, REPORTER, REPORTER, unit_sentence=-1))
    return mentions
