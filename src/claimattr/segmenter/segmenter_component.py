"""``report_segmenter``: line structure of a news report, set before the parser.

News text arrives with its furniture (bylines, datelines, "Source:", "ALSO READ:" teasers) and
headlines on lines of their own, without sentence-final punctuation. The statistical sentence
splitter glues them onto the next sentence, which makes the parser invent reporting relations
across them. This component starts a sentence at every line break (the parser respects preset
boundaries) and records which lines are furniture or headlines, so that later components can
skip or treat them specially. The rules are data: ``segmenter/furniture.json``, every key
documented in ``segmenter/furniture.schema.json``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimattr.rules.component import RuleComponent
from claimattr.rules.syntax import text_lines

DEFAULT_RULES = Path(__file__).parent / "furniture.json"
"""The bundled furniture and headline rules."""
RULES_SCHEMA = Path(__file__).parent / "furniture.schema.json"
"""The JSON Schema every rules file must match; its descriptions document each key."""
FURNITURE_SPANS = "furniture"
HEADLINE_SPANS = "headlines"

WORD = re.compile(r"[^\W\d_][\w'’-]*")
"""A word of a line: starts with a letter; may hold apostrophes and hyphens ("Xi's", "co-op")."""
CLOSING_MARKS = "'\"’”»)"
"""Closing quotation marks and brackets, looked past to find a line's final punctuation."""
CLOSING_PUNCTUATION = (".", ",", ";", ":")
"""Final punctuation that makes a line read as a sentence unless it is (almost) all title case."""


@Language.factory(
    "report_segmenter",
    default_config={"rules_path": None, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    requires=["token.text"],
    assigns=["token.is_sent_start", "doc.spans"],
    default_score_weights={"sents_f": 0.0, "sents_p": None, "sents_r": None},
)
def make_report_segmenter(
    nlp: Language, name: str, rules_path: Optional[str], scorer: Optional[Callable]
) -> "ReportSegmenter":
    """Sentence boundaries are scored with spaCy's own ``spacy.senter_scorer.v1`` (``sents_*``)."""
    return ReportSegmenter(nlp, name, rules_path=rules_path, scorer=scorer)


class ReportSegmenter(RuleComponent):
    """Start sentences at line breaks; find furniture lines and headlines by data-driven rules."""

    lexicon_file = "rules.json"
    lexicon_schema = RULES_SCHEMA

    def __init__(
        self,
        nlp: Language,
        name: str = "report_segmenter",
        *,
        rules_path: Optional[str] = None,
        scorer: Optional[Callable] = None,
    ) -> None:
        self.name = name
        self.scorer = scorer
        self.lexicon: Dict[str, Any] = {}
        self._load(rules_path or DEFAULT_RULES)

    def _compile(self, rules: Dict[str, Any]) -> None:
        """Compile validated rules (``furniture.schema.json`` documents each key)."""
        self.lexicon = rules
        self._patterns = [re.compile(p, re.IGNORECASE) for p in rules["line_patterns"]]
        self._bullets = rules["bullets"]
        self._lowercase = set(rules["headline_lowercase_words"])
        pattern = rules["dateline_pattern"]
        self._dateline = re.compile(pattern) if pattern else None

    def __call__(self, doc: Doc) -> Doc:
        furniture: List[Span] = []
        headlines: List[Span] = []
        for index, line in enumerate(text_lines(doc)):
            line[0].is_sent_start = True
            if len(line) > 2 and line[0].is_alpha and not line[0].is_upper and line[1].is_alpha:
                # no sentence is one word without a stop ("Norbury | Athletic striker ..."); a
                # capitalised label may be one ("Q | Will rates rise", "SMITH | We ran")
                line[1].is_sent_start = False
            text = line.text.strip().lstrip(self._bullets).strip()
            dateline = self._dateline_span(line)
            if dateline is not None:
                furniture.append(dateline)
            if self.is_furniture(text):
                furniture.append(self._as_one_sentence(line, "FURNITURE"))
            elif self.is_headline(text, first=index == 0):
                headlines.append(self._as_one_sentence(line, "HEADLINE"))
        doc.spans[FURNITURE_SPANS] = furniture
        doc.spans[HEADLINE_SPANS] = headlines
        return doc

    def _dateline_span(self, line: Span) -> Optional[Span]:
        """"KATHMANDU, Nepal, Tue, 8 Jul 2025 —": a wire dateline opening a paragraph; the text after
        it starts the sentence."""
        match = self._dateline.match(line.text) if self._dateline else None
        if match is None:
            return None
        span = line.doc.char_span(line.start_char, line.start_char + match.end(), alignment_mode="contract")
        if span is None or not len(span) or span.end >= line.end:
            return None
        line.doc[span.end].is_sent_start = True
        return Span(line.doc, span.start, span.end, label="DATELINE")

    @staticmethod
    def _as_one_sentence(line: Span, label: str) -> Span:
        """Forbid the parser to split a headline or furniture line, which it tends to do."""
        for token in line[1:]:
            token.is_sent_start = False
        return Span(line.doc, line.start, line.end, label=label)

    def is_furniture(self, line: str) -> bool:
        return any(pattern.search(line) for pattern in self._patterns)

    def is_headline(self, line: str, first: bool = False) -> bool:
        """A short line with no closing punctuation, mostly in title case (or the first line)."""
        rules = self.lexicon
        words = WORD.findall(line)
        if not words or len(words) > rules["headline_max_words"]:
            return False
        content_words = [w for w in words if w.lower() not in self._lowercase] or words
        capitalised = sum(w[0].isupper() for w in content_words) / len(content_words)
        if line.rstrip(CLOSING_MARKS).endswith(CLOSING_PUNCTUATION):
            return (
                capitalised >= rules["headline_min_capitalised_with_period"]
                and len(words) >= rules["headline_min_words_with_period"]
            )
        return first or capitalised >= rules["headline_min_capitalised"]
