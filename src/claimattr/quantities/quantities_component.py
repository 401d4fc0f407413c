"""``quantity_normaliser``: every quantity in a report, normalised, and linked to its claim.

News claims are compared across sources by their numbers ("killed 58 soldiers" against "killed
dozens"), so each mention becomes a :class:`~claimattr.schema.Quantity`: a best value, bounds set by
modifiers, ranges and vague plurals ("more than 58" -> low 58; "between 20 and 25"; "dozens" ->
24..119), a unit (ISO 4217 for money), the counted entity (the number's ``nummod`` head, or the
``of``-object of "dozens of X") and the event (the nearest verb above it in the parse).

The general-purpose word-number libraries mangle news text ("$1.5 billion", "a dozen",
"hundreds"), so number words and scales are composed here by a small state machine whose
vocabulary, like every other word list of this component, is JSON data
(``data/quantities.json``). Candidate tokens come from a spaCy ``Matcher`` (``LIKE_NUM`` plus the
lexicon), modifiers and units from ``PhraseMatcher``-style longest-match lookups over lower-cased
tokens. The component runs last, after ``speaker_linker``, and copies each quantity into the
claims whose content holds it; without claims it still fills ``doc._.quantities``.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Optional,
    Sequence,
    Tuple,
)

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.training import Example
from spacy.util import registry

from claimattr.rules.component import RuleComponent
from claimattr.schema import CLAIMS_KEY, Anchor, Quantity, TextSpan

DEFAULT_LEXICON = Path(__file__).parent / "quantities.json"
APPROXIMATE = "~"
_DIGITS = re.compile(
    r"^(?P<cur>[^\W\d_]{0,2}[$€£¥₹₦₽₺₩₱₪]|rs\.?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[-–—](?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?P<suffix>[^\W\d_]+\d?|%|²)?$",
    re.IGNORECASE,
)
_TEXT_SPLIT = re.compile(r"[\s,\-–]+")


# --------------------------------------------------------------------------------------------
# Number-word composition (pure functions, tested against num2words)
# --------------------------------------------------------------------------------------------


@dataclass
class _Composer:
    """State of composing number words left to right ("two hundred and fifty-eight thousand")."""

    lexicon: Dict[str, Any]
    total: float = 0.0
    current: Optional[float] = None
    last_scale: float = math.inf
    scale: float = 1.0
    after_and: bool = False
    pending_article: bool = False
    words: int = 0

    def feed(self, word: str) -> bool:
        """Add one lower-cased word; False when the word cannot continue the number."""
        lex = self.lexicon
        if word in lex["article_ones"]:
            if self.pending_article or (self.words and not self.after_and):
                return False
            self.pending_article = True
            return True
        if word == "and":
            if self.current is None and self.total == 0 or self.after_and:
                return False
            self.after_and = True
            return True
        ok = self._feed_value(word)
        if ok:
            self.words += 1
            self.after_and = False
            self.pending_article = False
        return ok

    def _feed_value(self, word: str) -> bool:
        lex = self.lexicon
        current = self.current
        if self.pending_article and word in lex["number_words"]:
            return False
        if word in lex["number_words"] or word in lex["tens"]:
            value = lex["number_words"].get(word, lex["tens"].get(word))
            is_ten = word in lex["tens"]
            if current is None:
                self.current = float(value)
                return True
            rest = current % 100
            if self.after_and and current % 100 != 0:
                return False
            if rest == 0 or (not is_ten and rest >= 20 and rest % 10 == 0 and value < 10):
                if current % 1 != 0:
                    return False
                self.current = current + value
                return True
            return False
        if word in lex["hundred"]:
            if current is not None and not (0 < current < 100):
                return False
            self.current = (current if current is not None else 1.0) * 100
            return True
        if word in lex["scales"]:
            scale = float(lex["scales"][word])
            if current is None and not self.pending_article:
                return False
            if scale >= self.last_scale:
                return False
            self.total += (current if current is not None else 1.0) * scale
            self.current, self.last_scale, self.scale = None, scale, scale
            return True
        if word in lex["multipliers"]:
            if current is None and not self.pending_article:
                return False
            self.current = (current if current is not None else 1.0) * lex["multipliers"][word]
            return True
        if word in lex["fractions"]:
            fraction = float(lex["fractions"][word])
            plural = word.endswith("s") and word != "thirds" or word in ("thirds",)
            if self.after_and:
                if not self.pending_article or current is None or word != "half":
                    return False
                self.current = current + fraction
                return True
            if current is None:
                if self.pending_article or word in lex["standalone_fractions"]:
                    self.current = fraction
                    return True
                return False
            if not (0 < current < 20) or current % 1 != 0 or (plural and current < 2):
                return False
            self.current = current * fraction
            self.scale = 0.0
            return True
        return False

    def value(self) -> Optional[float]:
        if self.words == 0 or self.after_and or self.pending_article:
            return None
        return self.total + (self.current or 0.0)


def load_lexicon(path: Optional[str] = None) -> Dict[str, Any]:
    """The quantity lexicon (JSON); ``path`` overrides the bundled ``data/quantities.json``."""
    return srsly.read_json(path or DEFAULT_LEXICON)


def parse_number_words(text: str, lexicon: Optional[Dict[str, Any]] = None) -> Optional[float]:
    """Compose English number words ("two hundred and fifty-eight thousand") into a float.

    Commas and hyphens are separators; returns ``None`` when the words do not form one number.
    """
    lexicon = lexicon or _default_lexicon()
    composer = _Composer(lexicon)
    words = [w for w in _TEXT_SPLIT.split(text.lower().strip()) if w]
    if not words:
        return None
    for word in words:
        if not composer.feed(word):
            return None
    return composer.value()


_LEXICON_CACHE: Dict[str, Any] = {}


def _default_lexicon() -> Dict[str, Any]:
    if not _LEXICON_CACHE:
        _LEXICON_CACHE.update(load_lexicon())
    return _LEXICON_CACHE


def parse_digits(text: str) -> Optional[float]:
    """"1,000" -> 1000.0, "1.5" -> 1.5; ``None`` for anything else or a non-finite value."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+", text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None


# --------------------------------------------------------------------------------------------
# Token-level parsing
# --------------------------------------------------------------------------------------------


@dataclass
class _Number:
    """A parsed number core over tokens ``[start, end)``."""

    start: int
    end: int
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    relation: str = "="
    unit: Optional[str] = None
    scale: float = 1.0
    is_digits: bool = False
    vague: bool = False
    has_scale: bool = False
    of_unit: bool = False
    modifier: Optional[Tuple[int, int]] = None
    adjectival: bool = False


@dataclass
class _Lookups:
    """Compiled views of the lexicon (phrase tuples, sets) for fast token lookups."""

    number_vocab: set = field(default_factory=set)
    before: Dict[Tuple[str, ...], str] = field(default_factory=dict)
    after: Dict[Tuple[str, ...], str] = field(default_factory=dict)
    units: Dict[Tuple[str, ...], str] = field(default_factory=dict)
    currency_words: Dict[str, str] = field(default_factory=dict)
    qualifiers: Dict[Tuple[str, ...], str] = field(default_factory=dict)
    vague_multipliers: Dict[Tuple[str, ...], Tuple[float, float]] = field(default_factory=dict)


def _phrases(entries: Iterable[Tuple[str, Any]]) -> Dict[Tuple[str, ...], Any]:
    return {tuple(phrase.lower().split()): value for phrase, value in entries}


def _longest(words: Sequence[str], table: Dict[Tuple[str, ...], Any], max_len: int = 4) -> Tuple[int, Any]:
    """Longest phrase of ``table`` that ``words`` starts with: (length, value), or (0, None)."""
    for length in range(min(max_len, len(words)), 0, -1):
        key = tuple(words[:length])
        if key in table:
            return length, table[key]
    return 0, None


def _longest_ending(words: Sequence[str], table: Dict[Tuple[str, ...], Any], max_len: int = 4) -> Tuple[int, Any]:
    """Longest phrase of ``table`` that ``words`` ends with."""
    for length in range(min(max_len, len(words)), 0, -1):
        key = tuple(words[len(words) - length:])
        if key in table:
            return length, table[key]
    return 0, None


def _ambiguous_currencies(table: Dict[str, Any]) -> Dict[str, Tuple[str, Dict[str, List[str]]]]:
    """``ambiguous_currency_words`` as word -> (default code, {code: country names}); string entries are aliases."""
    entries = {k: v for k, v in table.items() if not k.startswith("_")}
    resolved: Dict[str, Tuple[str, Dict[str, List[str]]]] = {}
    for word, entry in entries.items():
        hops = 0
        while isinstance(entry, str) and hops < 4:
            entry, hops = entries.get(entry), hops + 1
        if isinstance(entry, dict):
            resolved[word] = (entry["default"], {code: list(names) for code, names in entry["countries"].items()})
    return resolved


def innermost_claim(claims: Sequence[Any], quantity: Quantity) -> Optional[int]:
    """Index of the claim whose content piece holds ``quantity`` most tightly (nested claims), else ``None``.

    A quantity belongs to one claim: when a quoted claim sits inside another claim's content, the
    shortest containing piece is the claim that states the number.
    """
    best: Optional[Tuple[int, int]] = None
    for index, claim in enumerate(claims):
        for piece in claim.content:
            if piece.start <= quantity.start and quantity.end <= piece.end:
                size = piece.end - piece.start
                if best is None or size < best[0]:
                    best = (size, index)
    return None if best is None else best[1]


@Language.factory(
    "quantity_normaliser",
    default_config={
        "lexicon_path": None,
        "link_claims": True,
        "scorer": {"@scorers": "claimattr.quantity_scorer.v1"},
    },
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.quantities", "doc._.claims", "doc.spans"],
    default_score_weights={"quantity_f": 1.0, "quantity_value_acc": 0.0, "quantity_entity_acc": 0.0, "quantity_event_acc": 0.0},
)
def make_quantity_normaliser(
    nlp: Language,
    name: str,
    lexicon_path: Optional[str],
    link_claims: bool,
    scorer: Optional[Callable],
) -> "QuantityNormaliser":
    return QuantityNormaliser(nlp, name, lexicon_path=lexicon_path, link_claims=link_claims, scorer=scorer)


class QuantityNormaliser(RuleComponent):
    """Find, normalise and attach quantity mentions; see the module docstring for the why."""

    settings = ("link_claims",)

    def __init__(
        self,
        nlp: Language,
        name: str = "quantity_normaliser",
        *,
        lexicon_path: Optional[str] = None,
        link_claims: bool = True,
        scorer: Optional[Callable] = None,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.link_claims = link_claims
        self.scorer = scorer if scorer is not None else score_quantities
        self.lexicon: Dict[str, Any] = {}
        self._compile(load_lexicon(lexicon_path))

    # ---- set-up -------------------------------------------------------------------------

    def _compile(self, lexicon: Dict[str, Any]) -> None:
        self.lexicon = lexicon
        lex = lexicon
        look = _Lookups()
        look.number_vocab = (
            set(lex["number_words"]) | set(lex["tens"]) | set(lex["hundred"]) | set(lex["scales"])
            | set(lex["multipliers"]) | set(lex["fractions"]) | set(lex["vague_plurals"])
            | {w for k in lex["vague_multipliers"] if not k.startswith("_") for w in k.split()[:1]}
            | set(lex["article_ones"])
        )
        look.before = _phrases((m["phrase"], m["relation"]) for m in lex["modifiers_before"])
        look.after = _phrases((m["phrase"], m["relation"]) for m in lex["modifiers_after"])
        look.units = _phrases(lex["units"].items())
        look.currency_words = dict(lex["currency_words"])
        self._ambiguous = _ambiguous_currencies(lex.get("ambiguous_currency_words", {}))
        for word, (default, _) in self._ambiguous.items():
            look.currency_words.setdefault(word, default)
        look.qualifiers = _phrases((k, v) for k, v in lex["currency_word_qualifiers"].items() if not k.startswith("_"))
        look.vague_multipliers = _phrases(
            (k, tuple(v)) for k, v in lex["vague_multipliers"].items() if not k.startswith("_")
        )
        self._look = look
        self._months = set(lex["months"]) | set(lex["weekdays"])
        self._not_after = set(lex["not_quantity_after"])
        self._identifiers = set(lex["identifier_words"])
        self._reporting = set(lex.get("reporting_verbs", []))
        self._measure_nouns = {k: v for k, v in lex.get("measure_nouns", {}).items() if not k.startswith("_")}
        self._measure_verbs = set(lex.get("measure_verbs", []))
        self._title_events = set(lex.get("event_verbs_title_case", []))
        self._currency_in_doc: Dict[str, str] = {}
        self._matcher = Matcher(self.vocab)
        self._matcher.add("NUMBER", [
            [{"LIKE_NUM": True}],
            [{"LOWER": {"IN": sorted(look.number_vocab - set(lex["article_ones"]))}}],
            [{"TEXT": {"REGEX": r"^\D{0,3}\d"}}],
            [{"LOWER": {"IN": list(lex["article_ones"])}},
             {"LOWER": {"IN": sorted(set(lex["hundred"]) | set(lex["scales"]) | set(lex["multipliers"]) | set(lex["fractions"]))}}],
        ])

    # ---- running ------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        quantities = self.find_quantities(doc)
        doc._.quantities = quantities
        if self.link_claims and CLAIMS_KEY in doc.user_data:
            claims = doc._.claims
            homes = [innermost_claim(claims, q) for q in quantities]
            for index, claim in enumerate(claims):
                claim.quantities = [q for q, home in zip(quantities, homes) if home == index]
            doc._.claims = claims
        return doc

    def find_quantities(self, doc: Doc) -> List[Quantity]:
        """All quantity mentions of ``doc`` in text order."""
        self._currency_in_doc = self._currencies_for(doc)
        candidates = sorted({start for _, start, _ in self._matcher(doc)})
        found: List[Quantity] = []
        skip_until = 0
        for i in candidates:
            if i < skip_until:
                continue
            number = self._number_at(doc, i)
            if number is None:
                continue
            skip_until = number.end
            if number.value is None or self._excluded(doc, number):
                continue
            quantity = self._to_quantity(doc, number)
            if quantity is not None:
                found.append(quantity)
        return found

    # ---- number cores -------------------------------------------------------------------

    def _lower(self, doc: Doc, i: int) -> str:
        return doc[i].lower_ if 0 <= i < len(doc) else ""

    def _currency_before(self, doc: Doc, i: int) -> Tuple[int, Optional[str]]:
        """(start token, ISO code) of a currency prefix just before token ``i`` ("$", "US$", "Rs")."""
        prefixes = self.lexicon["currency_prefixes"]
        if i > 0 and doc[i - 1].lower_ in prefixes:
            start = i - 1
            if start > 0 and doc[start - 1].lower_ in ("us", "u.s.") and not doc[start - 1].whitespace_:
                start -= 1
            return start, prefixes[doc[i - 1].lower_]
        return i, None

    def _number_at(self, doc: Doc, i: int) -> Optional[_Number]:
        """The longest number (single, range or vague) starting at token ``i``, with its unit."""
        first = self._single_at(doc, i)
        if first is None:
            return None
        number = self._extend_range(doc, first)
        if number is None:
            return None
        number = self._attach_currency_and_unit(doc, number)
        number = self._attach_modifiers(doc, number)
        return number

    def _single_at(self, doc: Doc, i: int) -> Optional[_Number]:
        token = doc[i]
        match = _DIGITS.match(token.text)
        if match:
            return self._digits_at(doc, i, match)
        vague = self._vague_at(doc, i)
        if vague is not None:
            return vague
        return self._words_at(doc, i)

    def _digits_at(self, doc: Doc, i: int, match: "re.Match[str]") -> Optional[_Number]:
        lex = self.lexicon
        value = parse_digits(match.group("num"))
        if value is None:
            return None
        currency = None
        if match.group("cur"):
            currency = lex["currency_prefixes"].get(match.group("cur").lower())
            if currency is None:
                return None
        number = _Number(i, i + 1, value, is_digits=True, unit=currency)
        if match.group("num2"):
            high = parse_digits(match.group("num2"))
            if high is None or high <= value:
                return None
            number.low, number.high = value, high
        suffix = (match.group("suffix") or "").lower()
        has_currency = currency is not None or self._currency_before(doc, i)[1] is not None
        if suffix:
            counted_next = i + 1 < len(doc) and doc[i + 1].tag_ in ("NNS", "NNPS")
            if suffix in lex["scale_abbreviations"] and (
                suffix not in lex["abbreviations_needing_currency"] or has_currency or counted_next
            ):
                self._scale(number, float(lex["scale_abbreviations"][suffix]))
            elif (suffix,) in self._look.units:
                number.unit = self._look.units[(suffix,)]
            else:
                return None
        else:
            self._scale_words_after(doc, number, has_currency)
        return number

    def _scale_words_after(self, doc: Doc, number: _Number, has_currency: bool) -> None:
        """"1.5 million", "3.2m", "2 bn", "500 crore", "2 dozen": scale the digits in place."""
        lex = self.lexicon
        j = number.end
        while j < len(doc):
            word = doc[j].lower_
            if word.endswith(".") and word[:-1] in lex["scale_abbreviations"]:
                word = word[:-1]
            glued = not doc[j - 1].whitespace_
            counted_next = j + 1 < len(doc) and doc[j + 1].tag_ in ("NNS", "NNPS")
            if word in lex["scales"] or word in lex["multipliers"] and word != "score":
                factor = float(lex["scales"].get(word) or lex["multipliers"][word])
            elif word in lex["scale_abbreviations"] and (glued or len(word) > 1) and (
                word not in lex["abbreviations_needing_currency"] or has_currency or counted_next
            ):
                factor = float(lex["scale_abbreviations"][word])
            else:
                break
            if number.has_scale and factor >= number.scale:
                break
            self._scale(number, factor)
            j += 1
        number.end = j

    @staticmethod
    def _scale(number: _Number, factor: float) -> None:
        number.value *= factor
        if number.low is not None:
            number.low *= factor
        if number.high is not None:
            number.high *= factor
        number.scale = factor
        number.has_scale = True

    def _words_at(self, doc: Doc, i: int) -> Optional[_Number]:
        """Number words: "fifty-eight", "a dozen", "two-thirds", "one and a half million", "half"."""
        lex = self.lexicon
        composer = _Composer(lex)
        best: Optional[Tuple[int, float, float]] = None
        j = i
        while j < len(doc):
            token = doc[j]
            word = token.lower_
            if word in ("-", "–") and j > i and not doc[j - 1].whitespace_ and not token.whitespace_:
                j += 1
                continue
            if word not in self._look.number_vocab and word != "and":
                break
            if not composer.feed(word):
                break
            value = composer.value()
            if value is not None:
                best = (j + 1, value, composer.scale)
            j += 1
        if best is None:
            return None
        end, value, scale = best
        words = [t.lower_ for t in doc[i:end]]
        number = _Number(i, end, value, scale=scale, has_scale=any(w in lex["scales"] for w in words))
        if any(w in lex["fractions"] for w in words) and not any(w in lex["scales"] for w in words):
            if not (words[-1] == "half" and "and" in words):
                number.unit = "fraction"
        return number

    def _vague_at(self, doc: Doc, i: int) -> Optional[_Number]:
        """"dozens", "hundreds of", "tens of thousands", "several hundred", "a few dozen"."""
        lex = self.lexicon
        words = [t.lower_ for t in doc[i:i + 8]]
        length, bounds = _longest(words, self._look.vague_multipliers, 3)
        if length and len(words) > length and (words[length] in lex["scales"] or words[length] in lex["multipliers"] or words[length] in lex["hundred"]):
            base = float(lex["scales"].get(words[length]) or lex["multipliers"].get(words[length]) or 100)
            end = i + length + 1
            number = _Number(i, end, bounds[0] * base, low=bounds[0] * base, high=bounds[1] * base,
                             approximate=True, relation=APPROXIMATE, vague=True, has_scale=True, scale=base)
            return number
        plurals = lex["vague_plurals"]
        if words and words[0] in plurals:
            base = float(plurals[words[0]])
            k = 1
            while k + 1 < len(words) and words[k] == "of" and words[k + 1] in plurals and plurals[words[k + 1]] > 10:
                base *= float(plurals[words[k + 1]])
                k += 2
            needs_of = words[0] in lex["vague_plurals_needing_of"] and k == 1
            if needs_of and (len(words) <= k or words[k] != "of"):
                return None
            if doc[i].pos_ == "NUM" and doc[i].lower_ == "tens" and k == 1 and len(words) <= 1:
                return None
            conv = lex["vague_convention"]
            low, high = conv["low_factor"] * base, conv["high_factor"] * base - 1
            return _Number(i, i + k, low, low=low, high=high, approximate=True, relation=APPROXIMATE,
                           vague=True, has_scale=True, scale=base)
        return None

    # ---- ranges, units, modifiers -------------------------------------------------------

    def _extend_range(self, doc: Doc, first: _Number) -> Optional[_Number]:
        """Join "20-25", "20 to 25", "between 20 and 25", "two or three" into one range."""
        if first.vague or first.low is not None:
            return first
        j = first.end
        if j + 1 >= len(doc):
            return first
        joiner = doc[j].lower_
        ratio = self._ratio(doc, first)
        if ratio is not None:
            return ratio
        opener = self._lower(doc, self._currency_before(doc, first.start)[0] - 1)
        allowed = self.lexicon["range_joiners"] if opener in self.lexicon["range_openers"] else self.lexicon["range_joiners_without_opener"]
        if joiner not in allowed or (joiner == "to" and opener == "from"):
            return first
        if opener in self.lexicon["range_openers"] and joiner != "and":
            return first
        k = j + 1
        currency = self.lexicon["currency_prefixes"].get(doc[k].lower_)
        if currency is not None:  # "$4bn to $6bn", "between €150 million and €200 million"
            k += 1
        if k >= len(doc):
            return first
        second = self._single_at(doc, k)
        if second is None or second.vague or second.low is not None or second.is_digits != first.is_digits:
            return first
        if joiner == "or" and (first.is_digits or first.unit == "fraction"):
            return first
        if second.has_scale and not first.has_scale and first.value < 1000:
            self._scale(first, second.scale)
        if not first.value < second.value:
            if joiner in ("-", "–", "—"):
                return None  # a score ("won 3-1") or an identifier, not a quantity
            return first
        unit = first.unit or second.unit or currency
        return _Number(first.start, second.end, (first.value + second.value) / 2, low=first.value, high=second.value,
                       approximate=joiner == "or", unit=unit, scale=second.scale, is_digits=first.is_digits,
                       has_scale=second.has_scale, relation=APPROXIMATE if joiner == "or" else "=")

    def _ratio(self, doc: Doc, first: _Number) -> Optional[_Number]:
        """"one in five", "three out of four": a fraction of a population."""
        j = first.end
        words = [t.lower_ for t in doc[j:j + 2]]
        length = 2 if words == ["out", "of"] else 1 if words[:1] == ["in"] else 0
        if not length or first.unit is not None or j + length >= len(doc):
            return None
        second = self._single_at(doc, j + length)
        if second is None or second.vague or second.low is not None or second.unit is not None or not 0 < first.value < second.value:
            return None
        return _Number(first.start, second.end, first.value / second.value, unit="fraction", is_digits=first.is_digits)

    def _attach_currency_and_unit(self, doc: Doc, number: _Number) -> _Number:
        start, currency = self._currency_before(doc, number.start)
        if currency is not None:
            number.unit = currency
            number.start = start
            if number.is_digits and not number.has_scale:
                # "$2 m" style abbreviations are allowed once the currency is known
                self._scale_words_after(doc, number, True)
        if number.unit is not None and number.unit != "fraction":
            return number
        j = number.end
        if number.vague and self._lower(doc, j) == "of":
            unit_len, unit = self._unit_at(doc, j + 1, glued=False)
            if unit is not None:
                number.unit, number.of_unit = unit, True
                number.end = j + 1 + unit_len
            return number
        if number.unit == "fraction":
            return number
        glued = number.end < len(doc) and not doc[number.end - 1].whitespace_
        unit_len, unit = self._unit_at(doc, j, glued=glued)
        if unit is not None:
            number.unit = unit
            number.end = j + unit_len
            number.adjectival = unit_len == 2 and doc[j].text in "-–"
        return number

    def _unit_at(self, doc: Doc, j: int, glued: bool) -> Tuple[int, Optional[str]]:
        """A unit or currency word starting at token ``j`` ("per cent", "Pakistani rupees", "km")."""
        look = self._look
        words = [t.lower_ for t in doc[j:j + 4]]
        words = [w[:-1] if len(w) > 1 and w.endswith(".") and (w,) not in look.units else w for w in words]
        length, unit = _longest(words, look.units, 3)
        if length and (glued or tuple(words[:length]) != (words[0],) or words[0] not in self.lexicon["units_needing_no_space"]):
            return length, unit
        q_len, qualified = _longest(words, look.qualifiers, 2)
        if q_len and len(words) > q_len and words[q_len] in look.currency_words:
            return q_len + 1, qualified
        if words and words[0] in look.currency_words:
            return 1, self._currency_in_doc.get(words[0], look.currency_words[words[0]])
        j_dash = j + 1
        if (j < len(doc) and doc[j].text in "-–" and j > 0 and not doc[j - 1].whitespace_
                and not doc[j].whitespace_ and j_dash < len(doc)):
            # hyphenated unit adjectives: "a 48-hour strike", "a 10-kilometre zone", "a three-week truce"
            length, unit = _longest([doc[j_dash].lower_], look.units, 1)
            if length and doc[j_dash].lower_ not in self.lexicon["units_needing_no_space"] \
                    and not self._age_tail(doc, j_dash + 1):
                return 2, unit
        return 0, None

    def _age_tail(self, doc: Doc, k: int) -> bool:
        """Token ``k`` onwards reads "-old": the unit before it is part of an age adjective ("29-year-old")."""
        old = set(self.lexicon.get("age_words", {}).get("old_words", ["old"]))
        return k + 1 < len(doc) and doc[k].text in "-–" and doc[k + 1].lower_ in old

    def _currencies_for(self, doc: Doc) -> Dict[str, str]:
        """Codes of the ambiguous currency words ("rupees") for this document, from its country mentions."""
        if not self._ambiguous:
            return {}
        words = [t.lower_ for t in doc]
        grams = Counter(words)
        grams.update(" ".join(pair) for pair in zip(words, words[1:]))
        resolved: Dict[str, str] = {}
        for word, (default, countries) in self._ambiguous.items():
            counts = Counter({code: sum(grams[name] for name in names) for code, names in countries.items()})
            best = counts.most_common(2)
            if best and best[0][1] > 0 and (len(best) == 1 or best[0][1] > best[1][1]):
                resolved[word] = best[0][0]
            else:
                resolved[word] = default
        return resolved

    def _attach_modifiers(self, doc: Doc, number: _Number) -> _Number:
        """Comparatives and hedges before ("more than", "nearly", "between") and after ("or more")."""
        look = self._look
        start = number.start
        opener = self._lower(doc, start - 1)
        relation = None
        if number.low is not None and not number.vague and opener in self.lexicon["range_openers"]:
            number.modifier = (start - 1, start)
            number.start = start - 1
        else:
            words = [t.lower_ for t in doc[max(0, start - 4):start]]
            length, relation = _longest_ending(words, look.before, 4)
            if length:
                if words[-length:] == ["some"] and start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i < start:
                    length, relation = 0, None
            if length:
                number.modifier = (start - length, start)
                number.start = start - length
        after_words = [t.lower_ for t in doc[number.end:number.end + 2]]
        a_len, a_relation = _longest(after_words, look.after, 2)
        if a_len and relation is None:
            relation = a_relation
            number.modifier = (number.end, number.end + a_len)
            number.end += a_len
        if relation is not None:
            self._apply_relation(number, relation)
        return number

    @staticmethod
    def _apply_relation(number: _Number, relation: str) -> None:
        number.relation = relation
        if relation == APPROXIMATE:
            number.approximate = True
        elif relation in (">", ">=") and number.low is None:
            number.low = number.value
        elif relation in ("<", "<=") and number.high is None:
            number.high = number.value

    # ---- exclusions ---------------------------------------------------------------------

    def _excluded(self, doc: Doc, number: _Number) -> bool:
        """Dates, years, times, identifiers, phone numbers and the pronoun "one" are no quantities."""
        core = [t for t in doc[number.start:number.end] if t.lower_ not in self.lexicon["currency_prefixes"]]
        if not core or not math.isfinite(number.value):
            return True
        before = self._lower(doc, number.start - 1)
        after = self._lower(doc, number.end)
        if before in self._months or after in self._months or after in self._not_after:
            return True
        if number.modifier is None and before in self._identifiers and number.is_digits:
            return True
        if number.is_digits and self._digit_chain(doc, number):
            return True
        if number.is_digits and self._year_like(doc, number):
            return True
        if self._pronoun_one(doc, number) or self._half_of_period(doc, number) or self._ordinal(doc, number):
            return True
        if self._determiner_one(doc, number) or self._age(doc, number) or self._day_after_date(doc, number):
            return True
        if number.is_digits and number.start > 0 and doc[number.start - 1].text in "-–" and not doc[number.start - 2].whitespace_ \
                and number.start > 1 and doc[number.start - 2].is_alpha:
            return True  # "F-16", "MH-17"
        return False

    def _digit_chain(self, doc: Doc, number: _Number) -> bool:
        """Phone numbers and codes: digit groups glued by spaces, dots, slashes or hyphens."""
        def is_digit_token(k: int) -> bool:
            return 0 <= k < len(doc) and doc[k].text.isdigit()
        if is_digit_token(number.end) or is_digit_token(number.start - 1):
            return True
        for side in (number.end, number.start - 1):
            if 0 <= side < len(doc) and doc[side].text in "-/.:+" and is_digit_token(side + (1 if side >= number.end else -1)):
                return True
        text = doc[number.start].text
        return text.isdigit() and len(text) >= 8

    def _year_like(self, doc: Doc, number: _Number) -> bool:
        low, high = self.lexicon["year_range"]
        text = doc[number.start:number.end].text
        if number.unit is not None or number.has_scale:
            return False
        if number.low is not None and number.high is not None:
            # "2022-23", "between 2021 and 2023" (value 2022 is no quantity): a year range
            years = [p for p in re.findall(r"\d+", text) if len(p) == 4 and low <= int(p) <= high]
            return bool(years) and self._lower(doc, number.end) not in self.lexicon["year_quantity_heads"]
        if number.modifier is not None:
            return False
        if not re.fullmatch(r"\d{4}", text) or not low <= number.value <= high:
            return False
        return self._lower(doc, number.end) not in self.lexicon["year_quantity_heads"]

    def _pronoun_one(self, doc: Doc, number: _Number) -> bool:
        if doc[number.start:number.end].text.lower() != "one":
            return False
        token = doc[number.start]
        head = token.head
        if token.dep_ != "nummod" or head.i <= token.i:
            return True
        return head.lower_ in self.lexicon["units"] or self._lower(doc, number.end) == "of"

    def _determiner_one(self, doc: Doc, number: _Number) -> bool:
        """"one woman said", "from one valley to the next": "one" before a singular noun is a determiner.

        It still counts after a focusing or bounding word ("only one supplier", "at least one") and
        before a unit ("one hour", "one-yen move"); see ``determiner_one`` in the lexicon.
        """
        if doc[number.start:number.end].text.lower() != "one" or number.modifier is not None or number.unit is not None:
            return False
        focus = set(self.lexicon.get("determiner_one", {}).get("focus_words", []))
        if self._lower(doc, number.start - 1) in focus:
            return False
        token = doc[number.start]
        head = token.head if token.dep_ == "nummod" else None
        if head is None or head.i <= token.i:
            following = [t for t in doc[number.end:number.end + 3] if t.pos_ in ("NOUN", "PROPN")]
            head = following[0] if following and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in doc[number.end:following[0].i]) else None
        if head is None or head.tag_ not in ("NN", "NNP") or (head.lower_,) in self._look.units:
            return False
        return head.lower_ not in self._look.currency_words

    def _age(self, doc: Doc, number: _Number) -> bool:
        """Ages: "a 29-year-old", "61-year-old", and a number in commas after a name ("Vlădescu, 62,")."""
        if not number.is_digits or number.modifier is not None or number.low is not None or number.has_scale:
            return False
        if number.unit in (None, "year", "month", "week", "day") and self._age_tail(doc, number.end) or (
                number.end + 1 < len(doc) and doc[number.end].text in "-–" and self._age_tail(doc, number.end + 2)):
            return True
        age_max = self.lexicon.get("age_words", {}).get("age_max", 120)
        if number.unit is not None or number.value != int(number.value) or not 0 < number.value <= age_max:
            return False
        before, name = self._lower(doc, number.start - 1), doc[number.start - 2] if number.start >= 2 else None
        after = self._lower(doc, number.end)
        if before != "," or name is None or after not in (",", ".", ")", ";", ""):
            return False
        return name.pos_ == "PROPN" and name.text[:1].isupper() or name.ent_type_ == "PERSON"

    def _day_after_date(self, doc: Doc, number: _Number) -> bool:
        """"between June 9 and 12": the second day of a date range."""
        if not number.is_digits or number.start < 3 or self._lower(doc, number.start - 1) not in ("and", "to", "-", "–"):
            return False
        return doc[number.start - 2].text.isdigit() and self._lower(doc, number.start - 3) in self._months

    def _ordinal(self, doc: Doc, number: _Number) -> bool:
        """"a third term", "a fifth straight day": a singular fraction word before a noun is an ordinal."""
        last = doc[number.end - 1].lower_
        if number.unit != "fraction" or last not in self.lexicon["fractions"] or last.endswith("s") or last == "half":
            return False
        following = doc[number.end] if number.end < len(doc) else None
        return following is not None and following.pos_ in ("NOUN", "ADJ", "PROPN") and following.lower_ not in ("of", "last", "next", "this", "that", "per")

    def _half_of_period(self, doc: Doc, number: _Number) -> bool:
        """"the first half", "second half of the year": a period, not a quantity."""
        if doc[number.start:number.end].text.lower() != "half":
            return False
        before = self._lower(doc, number.start - 1)
        return before in ("the", "first", "second", "latter", "other") or doc[number.start].dep_ == "amod"

    # ---- entity and event ---------------------------------------------------------------

    def _to_quantity(self, doc: Doc, number: _Number) -> Optional[Quantity]:
        values = [v for v in (number.value, number.low, number.high) if v is not None]
        if not all(math.isfinite(v) for v in values):
            return None
        span = doc[number.start:number.end]
        text, end_char = span.text, span.end_char
        if text.endswith(".") and len(text) > 1:
            text, end_char = text[:-1], end_char - 1  # "£2.5m." at a sentence end
        entity_token = self._entity_head(doc, number)
        entity = self._entity_anchor(doc, entity_token, number) if entity_token is not None else None
        event = self._event(doc, number, entity_token)
        modifier = None
        if number.modifier is not None:
            mod = doc[number.modifier[0]:number.modifier[1]]
            modifier = TextSpan(mod.text, mod.start_char, mod.end_char)
            if number.low is not None and number.high is not None and mod.text.lower() in self.lexicon["range_openers"]:
                joiner = [t for t in span if t.lower_ == "and"]
                if joiner:
                    modifier = TextSpan(f"{mod.text} ... and", mod.start_char, joiner[-1].idx + len(joiner[-1]))
        return Quantity(
            text=text, start=span.start_char, end=end_char,
            value=_clean(number.value), low=_clean(number.low), high=_clean(number.high),
            approximate=number.approximate, relation=number.relation, modifier=modifier,
            unit=number.unit, entity=entity, event=event,
        )

    def _core_tokens(self, doc: Doc, number: _Number) -> List[Token]:
        skip = number.modifier or (0, 0)
        return [t for t in doc[number.start:number.end] if not skip[0] <= t.i < skip[1]]

    def _entity_head(self, doc: Doc, number: _Number) -> Optional[Token]:
        """What is counted: the ``of``-object of "dozens of X" / "40 per cent of X", else the ``nummod`` head."""
        lex = self.lexicon
        core = self._core_tokens(doc, number)
        inside = {t.i for t in doc[number.start:number.end]}
        if number.of_unit:
            return None
        if number.adjectival:  # "a 48-hour strike": the unit adjective describes the noun after it
            return self._following_noun(doc, number)
        of_heads = [t for t in core if t.lower_ not in lex["currency_prefixes"]]
        preps = lex["money_entity_prepositions"] if number.unit and number.unit.isupper() and len(number.unit) == 3 else lex["entity_prepositions"]
        if number.vague or number.unit is not None:
            if self._lower(doc, number.end) in preps:
                obj = self._prep_object(doc, number.end)
                if obj is not None and self._is_countable(doc, obj, number):
                    return obj
            if number.unit is not None and number.unit != "fraction":
                return None
        for token in reversed(of_heads):
            head = token.head
            hops = 0
            while head.i in inside and head.head.i != head.i and hops < 4:
                head, hops = head.head, hops + 1
            if head.i in inside:
                continue
            if head.pos_ in ("NOUN", "PROPN") and head.i > number.end - 1 and head.i - number.end <= 4 \
                    and token.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "npadvmod", "prep", "pobj", "appos", "conj", "punct", "predet", "det"):
                if self._is_countable(doc, head, number):
                    return head
        return self._following_noun(doc, number)

    def _prep_object(self, doc: Doc, prep_i: int) -> Optional[Token]:
        prep = doc[prep_i]
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
        for k in range(prep_i + 1, min(len(doc), prep_i + 5)):
            if doc[k].pos_ in ("NOUN", "PROPN"):
                if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
                    continue
                return doc[k]
            if doc[k].pos_ not in ("DET", "ADJ", "NUM", "PRON") and doc[k].dep_ != "poss":
                break
        return None

    def _following_noun(self, doc: Doc, number: _Number) -> Optional[Token]:
        """Fallback for mis-parsed numbers ("20 - 25 people"): the noun closing the next nominal run."""
        k = number.end
        last: Optional[Token] = None
        while k < len(doc) and k - number.end < 4:
            token = doc[k]
            if token.pos_ in ("NOUN", "PROPN") and not token.is_punct:
                last = token
            elif token.pos_ not in ("ADJ",) and token.dep_ not in ("amod", "compound"):
                break
            k += 1
        if last is not None and self._is_countable(doc, last, number):
            return last
        return None

    def _is_countable(self, doc: Doc, token: Token, number: _Number) -> bool:
        word = token.lower_
        if word in self._months or word in self.lexicon["counted_not_entities"] or word in self._not_after:
            return False
        if (word,) in self._look.units or word in self._look.currency_words:
            return False
        return token.is_alpha

    def _entity_anchor(self, doc: Doc, head: Token, number: _Number) -> Anchor:
        """The head noun with its contiguous adjective/compound pre-modifiers ("additional Pakistani soldiers")."""
        start = head.i
        while start - 1 >= number.end and doc[start - 1].dep_ in ("amod", "compound", "nmod", "nummod") \
                and doc[start - 1].head.i >= start - 1 and doc[start - 1].i >= number.end and not doc[start - 1].is_punct \
                and doc[start - 1].pos_ != "NUM":
            start -= 1
        if start > head.i:
            start = head.i
        span = doc[start:head.i + 1]
        return Anchor(span.text, span.start_char, span.end_char, _lemma(head))

    def _event(self, doc: Doc, number: _Number, entity: Optional[Token]) -> Optional[Anchor]:
        """What happened to the counted thing: a participle on it ("58 people killed"), else the nearest verb above.

        Reporting verbs ("said") are never the event: the climb goes past them. A change verb whose
        subject or object is a measure noun ("the death toll rose to 40") gives the noun's event
        (lexicon ``measure_nouns``: toll -> kill). Title-case headlines, which the tagger reads as
        names ("Typhoon Kills at Least 21"), take a known event verb just before the number.
        """
        event_nouns = set(self.lexicon["event_nouns"])
        anchor = entity if entity is not None else self._core_tokens(doc, number)[-1]
        if entity is not None:
            for child in entity.children:
                if child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VBN":
                    return _anchor(child)
        headline = self._title_case_event(doc, number)
        if headline is not None:
            return headline
        token, hops = anchor, 0
        seen = {anchor.i}
        while token.head.i != token.i and hops < 8:
            parent = token.head
            if parent.i in seen:
                break
            seen.add(parent.i)
            if parent.pos_ == "VERB" and _lemma(parent) in self._reporting and self._reports_content(parent, token):
                token, hops = parent, hops + 1
                continue
            if parent.pos_ == "VERB":
                if _lemma(parent) in self._measure_verbs:
                    measured = self._measured_event(parent)
                    if measured is not None:
                        return measured
                return _anchor(parent)
            if parent.pos_ == "NOUN" and token.dep_ == "pobj" and _lemma(parent) in event_nouns:
                return _anchor(parent)
            if token.dep_ == "prep" and parent.pos_ == "NOUN" and _lemma(parent) in event_nouns:
                return _anchor(parent)
            token, hops = parent, hops + 1
        if token.pos_ == "VERB" and token.i != anchor.i and _lemma(token) not in self._reporting:
            return _anchor(token)
        return None

    @staticmethod
    def _reports_content(verb: Token, child: Token) -> bool:
        """Whether ``child`` (on the path up from the number) is reported material or the reporter of ``verb``.

        A number in the reported clause ("said that 12 died", "12 died, police said") or counting
        reporters who report a clause ("16 survivors said they ...") does not make "say" the event;
        counted reporters with no reported clause ("more than 60 witnesses testified") do.
        """
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children)
        return child.dep_ in _REPORTED_DEPS

    def _measured_event(self, verb: Token) -> Optional[Anchor]:
        """"the death toll has risen to 40" -> kill (on "toll"); "the number of people killed rose to 612" -> killed."""
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            compound = " ".join(t.lower_ for t in child.lefts if t.dep_ == "compound")
            key = f"{compound} {_lemma(child)}".strip()
            if key not in self._measure_nouns and _lemma(child) not in self._measure_nouns:
                continue
            event = self._measure_nouns.get(key, self._measure_nouns.get(_lemma(child)))
            if event is not None:
                return Anchor(child.text, child.idx, child.idx + len(child), event)
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        for participle in obj.children:
                            if participle.dep_ == "acl" and participle.tag_ == "VBN":
                                return _anchor(participle)
        return None

    def _title_case_event(self, doc: Doc, number: _Number) -> Optional[Anchor]:
        """In a title-case headline, a known event verb within four words before the number."""
        sentence = doc[number.start].sent
        words = [t for t in sentence if t.is_alpha and len(t) > 3]
        if len(words) < 3 or sum(t.text[:1].isupper() for t in words) < 0.8 * len(words):
            return None
        for k in range(number.start - 1, max(sentence.start, number.start - 5) - 1, -1):
            base = _verb_base(doc[k].lower_, self._title_events)
            if base is not None and doc[k].text[:1].isupper():
                return Anchor(doc[k].text, doc[k].idx, doc[k].idx + len(doc[k]), base)
        return None

    # ---- serialisation ------------------------------------------------------------------

def _clean(value: Optional[float]) -> Optional[float]:
    """Round away float noise (2/3 -> 0.666667, six significant digits; 1.5e9 stays exact)."""
    if value is None:
        return None
    if value == int(value):
        return float(int(value))
    return float(f"{value:.6g}") if abs(value) < 1000 else round(value, 2)


# how reported material hangs on a reporting verb ("16 people ... said", "said that 12 died"); a
# number in the verb's object or adverbials ("added 48 ships", "saying it for two years") keeps the verb
_REPORTED_DEPS = ("nsubj", "nsubjpass", "ccomp", "xcomp", "parataxis", "advcl", "conj", "csubj")
_BAD_E_ENDINGS = ("ct", "pt", "nt", "rt", "lt", "ft", "xt", "mp", "ck", "sh", "ss", "ll", "wn", "rn", "rm", "lm", "mb", "nd", "ld")


def _lemma(token: Token) -> str:
    """The token's lemma, repairing the rule lemmatizer's "-ed" slip ("reconnected" -> "reconnecte" -> "reconnect")."""
    lemma = (token.lemma_ or token.text).lower()
    text = token.lower_
    if token.tag_ in ("VBD", "VBN") and text.endswith("ed") and lemma == text[:-1] and lemma.endswith(_BAD_E_ENDINGS, 0, -1):
        return lemma[:-1]
    return lemma


def _verb_base(word: str, verbs: Iterable[str]) -> Optional[str]:
    """The base of an inflected form whose base is in ``verbs`` ("kills" -> kill, "injured" -> injure)."""
    verbs = set(verbs)
    for suffix, add in (("", ""), ("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if suffix and not word.endswith(suffix):
            continue
        base = (word[: len(word) - len(suffix)] if suffix else word) + add
        if base in verbs:
            return base
    return None


def _anchor(token: Token) -> Anchor:
    return Anchor(token.text, token.idx, token.idx + len(token), _lemma(token))


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-6)


def _lemma_of(anchor: Any) -> Optional[str]:
    if anchor is None:
        return None
    if isinstance(anchor, dict):
        return anchor.get("lemma") or None
    return getattr(anchor, "lemma", None) or None


def align_quantities(predicted: Sequence[Dict[str, Any]], gold: Sequence[Dict[str, Any]]) -> List[Tuple[int, int]]:
    """Greedy one-to-one alignment of mentions by character overlap: (gold index, predicted index)."""
    pairs: List[Tuple[int, int]] = []
    used: set = set()
    for g_index, g in enumerate(gold):
        best, best_overlap = None, 0
        for p_index, p in enumerate(predicted):
            if p_index in used:
                continue
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > best_overlap:
                best, best_overlap = p_index, overlap
        if best is not None:
            used.add(best)
            pairs.append((g_index, best))
    return pairs


FIELDS = ("value", "bounds", "unit", "entity", "event")


def compare_quantities(predicted: Sequence[Dict[str, Any]], gold: Sequence[Dict[str, Any]]) -> Dict[str, int]:
    """Counts for mention P/R and per-field accuracy on aligned mentions (dicts as in ``Quantity.to_dict``).

    Gold entity/event may be given as ``entity_lemma``/``event_lemma`` strings (the training JSONL format).
    """
    counts = {"gold": len(gold), "predicted": len(predicted), "matched": 0}
    counts.update({f"{name}_correct": 0 for name in FIELDS})
    for g_index, p_index in align_quantities(predicted, gold):
        g, p = gold[g_index], predicted[p_index]
        counts["matched"] += 1
        counts["value_correct"] += _close(p.get("value"), g.get("value"))
        counts["bounds_correct"] += all(_close(p.get(k), g.get(k)) for k in ("value", "low", "high"))
        counts["unit_correct"] += p.get("unit") == g.get("unit")
        for name in ("entity", "event"):
            gold_lemma = g.get(f"{name}_lemma", _lemma_of(g.get(name))) or None
            pred_lemma = p.get(f"{name}_lemma", _lemma_of(p.get(name))) or None
            counts[f"{name}_correct"] += gold_lemma == pred_lemma
    return counts


def summarise_counts(counts: Dict[str, int]) -> Dict[str, float]:
    """Precision/recall/F1 of mentions and accuracy of each field on matched mentions."""
    matched = counts["matched"]
    precision = matched / counts["predicted"] if counts["predicted"] else 0.0
    recall = matched / counts["gold"] if counts["gold"] else 0.0
    f_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"precision": precision, "recall": recall, "f": f_score}
    for name in FIELDS:
        scores[f"{name}_acc"] = counts[f"{name}_correct"] / matched if matched else 0.0
    return scores


def score_quantities(examples: Iterable[Example], **kwargs: Any) -> Dict[str, float]:
    """spaCy scorer: ``doc._.quantities`` of predicted vs reference docs (prefixed ``quantity_``)."""
    total: Dict[str, int] = {}
    for example in examples:
        predicted = [q.to_dict() for q in example.predicted._.quantities]
        gold = [q.to_dict() for q in example.reference._.quantities]
        for key, value in compare_quantities(predicted, gold).items():
            total[key] = total.get(key, 0) + value
    if not total:
        total = {"gold": 0, "predicted": 0, "matched": 0, **{f"{n}_correct": 0 for n in FIELDS}}
    return {f"quantity_{key}": value for key, value in summarise_counts(total).items()}


@registry.scorers("claimattr.quantity_scorer.v1")
def make_quantity_scorer() -> Callable[..., Dict[str, float]]:
    return score_quantities
