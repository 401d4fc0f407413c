"""The unit registry: short codes, full names and dimensions, from pint plus news data.

pint (https://pint.readthedocs.io) is the unit source wherever it covers a unit: it reads unit
symbols with SI and binary prefixes and compounds ("GHz", "mGy", "KiB", "J/m^2", "TB/s") and
knows what they measure. claimattr's lexicon adds what pint lacks or names differently for news
(``unit_catalogue``: index points, basis points, percentage points, barrels, per person, fuel
economy ...; ``currency_names`` for money) and keeps the English surface forms that are
ambiguous on their own (``units``: "per cent", "tonnes", "degrees C").

A unit is identified by its **short code** (``Quantity.unit``: "km", "USD", "GB", "USD/bbl");
:meth:`UnitRegistry.describe` gives its full lower-case name and its dimension; :meth:`UnitRegistry.symbol`
reads a symbol pint knows into a code. Both are cached: a unit is parsed once per process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, Optional, Tuple

CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
RATE_CURRENCY_DIMENSION = "currency rate"
_PINT_NAME_FIXES = (("meter", "metre"), ("liter", "litre"), ("_", " "), ("metric ton", "tonne"),
                    ("electron volt", "electronvolt"))


@lru_cache(maxsize=1)
def pint_registry() -> Any:
    """The process-wide pint ``UnitRegistry`` (built once: about a second)."""
    import pint

    return pint.UnitRegistry()


def is_currency_code(code: Optional[str]) -> bool:
    return code is not None and bool(CURRENCY_CODE.match(code))


class UnitRegistry:
    """Codes, names and dimensions of units, from pint and the lexicon's news units."""

    def __init__(self, lexicon: Dict[str, Any]) -> None:
        self.catalogue: Dict[str, Tuple[str, Optional[str]]] = {
            code: (entry[0], entry[1]) for code, entry in lexicon["unit_catalogue"].items()}
        self.currency_names: Dict[str, str] = dict(lexicon["currency_names"])
        self.overrides: Dict[str, str] = dict(lexicon["pint_code_overrides"])
        self.to_pint: Dict[str, str] = dict(lexicon["code_to_pint"])
        self.not_units = set(lexicon["pint_not_units"])
        self.references = [tuple(pair) for pair in lexicon["dimension_references"]]
        self.folded = {code.lower(): code for code in lexicon["case_insensitive_symbols"]}
        self._symbols: Dict[str, Optional[str]] = {}
        self._described: Dict[str, Tuple[Optional[str], Optional[str]]] = {}
        self._names: Dict[str, bool] = {}
        self._factors: Dict[Tuple[str, str], Optional[float]] = {}

    # ---- reading a symbol -------------------------------------------------------------------------

    def symbol(self, text: str) -> Optional[str]:
        """The short code of a unit symbol pint reads ("GHz", "mGy", "5Ghz"'s "Ghz"), else ``None``."""
        if text in self._symbols:
            return self._symbols[text]
        code = self._read_symbol(text)
        self._symbols[text] = code
        return code

    def _read_symbol(self, text: str) -> Optional[str]:
        if not text or text in self.not_units or text.lower() in self.not_units and text.islower():
            return None
        if text.lower() in self.folded:
            return self.folded[text.lower()]
        if text[0].isdigit() or not re.fullmatch(r"[A-Za-zµμ°Ωº][A-Za-z0-9µμ°Ω/^*·²³\-]*", text):
            return None
        try:
            unit = pint_registry().parse_units(text.replace("μ", "µ").replace("·", "*"))
        except Exception:  # pint raises several types for what it does not read
            return None
        if unit.dimensionless and str(unit) == "dimensionless":
            return None
        return self.code_of(unit)

    def is_unit_name(self, word: str) -> bool:
        """Whether a lower-case word is a unit's full name, singular ("nanometre", "gallon"), not prefix + symbol.

        Cached like :meth:`symbol`: pint's parser is the slowest step of reading a unit."""
        if word not in self._names:
            self._names[word] = self._is_unit_name(word)
        return self._names[word]

    def _is_unit_name(self, word: str) -> bool:
        try:
            unit = pint_registry().parse_units(word)
        except Exception:
            return False
        american = word.replace("metre", "meter").replace("litre", "liter")
        return str(unit).replace("_", "") == american.replace("_", "")

    def factor(self, code: str, to_code: str) -> Optional[float]:
        """How many ``to_code`` one ``code`` is, through pint ("in" -> "ft": 1/12); ``None`` if pint cannot convert."""
        key = (code, to_code)
        if key not in self._factors:
            ureg = pint_registry()
            try:
                quantity = ureg.Quantity(1.0, self.to_pint.get(code, code))
                self._factors[key] = float(quantity.to(self.to_pint.get(to_code, to_code)).magnitude)
            except Exception:  # pint raises several types for units it does not read or convert
                self._factors[key] = None
        return self._factors[key]

    def code_of(self, unit: Any) -> str:
        """The short code of a pint unit: pint's symbol, spaces removed, news spellings applied."""
        parts = []
        for name, power in unit._units.items():
            symbol = f"{pint_registry().Unit(name):~}"
            symbol = self.overrides.get(symbol, symbol)
            parts.append((symbol, power))
        top = [s + ("" if p == 1 else str(int(p)) if p == int(p) else str(p)) for s, p in parts if p > 0]
        bottom = [s + ("" if p == -1 else str(int(-p))) for s, p in parts if p < 0]
        code = "*".join(top) or "1"
        if bottom:
            code += "/" + "/".join(bottom)
        return code

    # ---- describing a code ------------------------------------------------------------------------

    def describe(self, code: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
        """(full lower-case name, dimension) of a short code; (None, None) for counts and unknown codes."""
        if code is None:
            return None, None
        if code not in self._described:
            self._described[code] = self._describe(code)
        return self._described[code]

    def _describe(self, code: str) -> Tuple[Optional[str], Optional[str]]:
        if code in self.catalogue:
            return self.catalogue[code]
        if is_currency_code(code):
            return self.currency_names.get(code, code), "currency"
        if "/" in code:
            top, bottom = code.split("/", 1)
            if is_currency_code(top):
                top_name = self.currency_names.get(top, top)
                bottom_name = self.describe(bottom)[0] or bottom.replace("_", " ")
                return f"{top_name} per {bottom_name}", RATE_CURRENCY_DIMENSION
        return self._describe_with_pint(code)

    def _describe_with_pint(self, code: str) -> Tuple[Optional[str], Optional[str]]:
        ureg = pint_registry()
        parts = [self.to_pint.get(part, part) for part in code.split("/")]
        expression = "/".join(re.sub(r"(?<=[A-Za-z])([23])$", r"**\1", part) for part in parts)
        try:
            unit = ureg.parse_units(expression)
        except Exception:
            return None, None
        name = str(unit).replace(" / ", " per ").replace(" * ", " ")
        name = re.sub(r"(\w+) \*\* 2", r"square \1", name)
        name = re.sub(r"(\w+) \*\* 3", r"cubic \1", name)
        for old, new in _PINT_NAME_FIXES:
            name = name.replace(old, new)
        name = name.replace("degree Celsius", "degree Celsius").replace("degree Fahrenheit", "degree Fahrenheit")
        dimension = None
        for label, reference in self.references:
            try:
                if unit.is_compatible_with(ureg.parse_units(reference)):
                    if label.startswith("data") and "bit" not in str(unit) and "byte" not in str(unit):
                        continue
                    dimension = label
                    break
            except Exception:
                continue
        return name, dimension
