"""Words read by the topic of their sentence or document: one mechanism for ambiguous units and currencies.

Some unit words mean different units in different subjects: "1500 b" is bits among servers and packets
and barns in nuclear physics, a glued "'" is feet in a house advert and arcminutes in astronomy,
"points" are index points only where markets are spoken of, and "rupees" are Nepalese in a report on
Nepal. The lexicon keeps both halves as data: ``topic_cues`` lists the words that show a topic (a
dimension such as "angle" or "data" for units, a country for currencies), and ``topic_readings`` gives
each ambiguous word its default and its reading per topic. A word takes the reading of the topic its
sentence (or, for currencies, its whole document) names most often, and its default when no topic
leads, so an ordinary sentence keeps the ordinary reading ("a 6' fence" is feet).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Optional, Set, Tuple, Union

from spacy.tokens import Doc, Span

MAX_ALIAS_HOPS = 4
"""Aliases in ``topic_readings`` may chain ("kroner" -> "crown"); a longer chain (or a cycle) is ignored."""
DOCUMENT_SCOPE = "document"
"""A word whose topic is that of the whole report: a currency is named once for a country ("Nepal ... rupees")."""


@dataclass(frozen=True)
class TopicReading:
    """One ambiguous word: its reading when no topic leads, and its reading per topic."""

    default: Optional[str]
    readings: Dict[str, str]
    scope: str


def resolve_aliases(table: Dict[str, Any]) -> Dict[str, TopicReading]:
    """``topic_readings`` as word -> :class:`TopicReading`; string entries are aliases ("rupees" -> "rupee")."""
    resolved: Dict[str, TopicReading] = {}
    for word, entry in table.items():
        hops = 0
        while isinstance(entry, str) and hops < MAX_ALIAS_HOPS:
            entry, hops = table.get(entry), hops + 1
        if isinstance(entry, dict):
            resolved[word] = TopicReading(entry["default"], dict(entry["readings"]), entry["scope"])
    return resolved


def topic_key(written: str) -> str:
    """The look-up form of a written unit: lower-cased, except a capital in a one- or two-letter symbol, which
    names another unit ("b" is a bit or a barn, "B" a byte; "kb" is no "KB")."""
    return written.lower() if written.islower() or len(written) > 2 else written


class TopicReadings:
    """Ambiguous words and the topic cue words that choose their reading (``topic_cues``, ``topic_readings``)."""

    def __init__(self, cues: Dict[str, Iterable[str]], table: Dict[str, Any]) -> None:
        self.entries = resolve_aliases(table)
        self.cue_topics: Dict[str, Set[str]] = {}
        """A cue word or two-word phrase -> the topics it shows."""
        for topic, words in cues.items():
            for word in words:
                self.cue_topics.setdefault(word, set()).add(topic)
        self.document_words = {word for word, entry in self.entries.items() if entry.scope == DOCUMENT_SCOPE}
        self.document_topics = {topic for word in self.document_words for topic in self.entries[word].readings}

    def __contains__(self, word: str) -> bool:
        return word in self.entries

    def votes(self, tokens: Union[Doc, Span]) -> Counter:
        """How many tokens (or two-token phrases) of ``tokens`` show each topic; a token counts once per topic,
        by its lower-cased text, its lemma ("temperatures", "Pakistanis") or the phrase it closes ("sri lanka")."""
        counts: Counter = Counter()
        previous = ""
        for token in tokens:
            lower = token.lower_
            keys = (lower, token.lemma_.lower(), f"{previous} {lower}")
            shown = [topics for topics in (self.cue_topics.get(key) for key in keys) if topics]
            if shown:
                counts.update(set().union(*shown))
            previous = lower
        return counts

    def speaks_of(self, tokens: Union[Doc, Span], topic: str) -> bool:
        """Whether a cue word of ``topic`` occurs in ``tokens`` ("a 40C heatwave" speaks of temperature)."""
        return self.votes(tokens)[topic] > 0

    @staticmethod
    def choose(entry: TopicReading, votes: Counter) -> Tuple[Optional[str], bool]:
        """(reading, decided): the reading of the topic with strictly the most votes among the word's own topics;
        the default, undecided, when none has a vote or two tie (a tie is no evidence either way)."""
        ranked = sorted((votes[topic] for topic in entry.readings), reverse=True)
        if ranked[0] == 0 or len(ranked) > 1 and ranked[0] == ranked[1]:
            return entry.default, False
        return next(code for topic, code in entry.readings.items() if votes[topic] == ranked[0]), True

    def reading_at(self, doc: Doc, i: int, word: str) -> Optional[str]:
        """The reading of the ambiguous ``word`` written at token ``i``, by the topic of its sentence or, for a
        document-scope word, of ``doc``. The cues are counted only here, when such a word is met."""
        return self.decided_reading_at(doc, i, word)[0]

    def decided_reading_at(self, doc: Doc, i: int, word: str) -> Tuple[Optional[str], bool]:
        """(reading, decided) of ``word`` at token ``i``: whether a topic chose it is evidence in itself, as a
        symbol written apart ("918 mb in 12 hours") reads as a unit where its sentence speaks of its topic."""
        entry = self.entries[word]
        return self.choose(entry, self.votes(doc if entry.scope == DOCUMENT_SCOPE else doc[i].sent))

    def document_readings(self, doc: Doc) -> Dict[str, str]:
        """Readings of the document-scope words (currency words) that ``doc``'s topics decide; the others keep
        their defaults. All are resolved, present or not: "50 cents" is a hundredth of the document's dollar."""
        if not self.document_words:
            return {}
        votes = self.votes(doc)
        if self.document_topics.isdisjoint(votes):
            return {}
        chosen = {word: self.choose(self.entries[word], votes) for word in self.document_words}
        return {word: code for word, (code, decided) in chosen.items() if decided and code is not None}
