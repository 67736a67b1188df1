"""Units with their scale, as statistics tables and articles write them in three languages.

"USD million", "млн долл. США", "тыс. долл. США", "млн долларов", "млрд тенге",
"mln U.S. dollars", "мың АҚШ доллары", "тыс. тонн" … are read into a ``Unit``: what is
measured (``USD``, ``KZT``, ``tonnes``, ``%``, ``enterprises`` …) and the scale the
figures are written in (1, a thousand, a million, a billion, a trillion).

Figures are kept as published: a value of 1 234.5 "тыс. долл. США" stays 1234.5 with the
unit "USD thousand" (``Unit.name``, the one spelling stored for a recognised unit, so that
"млн долл. США" and "USD million" are one series). Values in different scales of one
measure are converted only to be compared or plotted side by side (``rescale``,
``convert``), never before they are stored. A series holding several scales of one measure
is shown in one unit (``display_unit``): the one most of its figures use, on a tie the larger.
Stored units are told apart by what they measure (``measure_of``; a unit Fact Sheet does not
recognise measures something of its own) and compared across scales by ``amount``.

``parse_unit`` returns None for text it does not recognise: the caller asks the person
rather than guessing. Plain Python, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# Scale words, normalised (see ``_tokens``), in English, Russian and Kazakh.
SCALES: dict[str, int] = {
    **dict.fromkeys(("thousand", "thousands", "thou", "th", "k", "'000", "тыс", "тысяч", "тысячи", "тысяча",
                     "мың", "мын"), 10**3),
    **dict.fromkeys(("million", "millions", "mln", "mn", "mio", "m", "млн", "миллион", "миллиона", "миллионов",
                     "миллионы"), 10**6),
    **dict.fromkeys(("billion", "billions", "bln", "bn", "b", "млрд", "миллиард", "миллиарда", "миллиардов",
                     "миллиарды"), 10**9),
    **dict.fromkeys(("trillion", "trillions", "trn", "tn", "трлн", "триллион", "триллиона", "триллионов"), 10**12),
}
SCALE_NAMES = {1: "", 10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}

# Words naming a currency (by its ISO code) or another measure.
_MEASURE_WORDS: dict[str, str] = {
    **dict.fromkeys(("usd", "us$", "$", "dollar", "dollars", "долл", "доллар", "доллара", "долларов",
                     "доллары", "долларах"), "USD"),
    **dict.fromkeys(("eur", "€", "euro", "euros", "евро", "еуро"), "EUR"),
    **dict.fromkeys(("rub", "₽", "rouble", "roubles", "ruble", "rubles", "руб", "рубль", "рубля", "рублей",
                     "рубли", "рублях", "рублі"), "RUB"),
    **dict.fromkeys(("kzt", "₸", "tenge", "тенге", "теңге", "тг"), "KZT"),
    **dict.fromkeys(("cny", "yuan", "юань", "юаня", "юаней", "юани", "rmb"), "CNY"),
    **dict.fromkeys(("t", "tonne", "tonnes", "ton", "tons", "т", "тонна", "тонны", "тонн"), "tonnes"),
    **dict.fromkeys(("%", "percent", "процент", "процентов", "пайыз"), "%"),
    **dict.fromkeys(("enterprises", "enterprise", "companies", "предприятий", "предприятия", "предприятие",
                     "кәсіпорын", "кәсіпорындар", "компаний"), "enterprises"),
    **dict.fromkeys(("people", "persons", "person", "человек", "чел", "адам"), "people"),
    **dict.fromkeys(("units", "unit", "pieces", "pcs", "единиц", "ед", "шт", "штук", "бірлік", "дана"), "units"),
}
# Words that only say whose dollar it is (США, U.S., АҚШ) or join the others ("в", "of").
_QUALIFIERS = frozenset(("сша", "us", "usa", "ақш", "american", "of", "in", "в", "the"))
# Stored names of the measures that are not currencies, with a scale written before them.
_COUNTED = frozenset(("tonnes", "enterprises", "people", "units"))


@dataclass(frozen=True)
class Unit:
    """What a figure measures and the scale it is written in: ``Unit("USD", 10**6)``."""

    measure: str  # "USD", "KZT", "RUB", "EUR", "CNY", "tonnes", "%", "enterprises", "people", "units"
    scale: int = 1

    @property
    def name(self) -> str:
        """The one stored spelling: "USD million", "KZT billion", "thousand tonnes", "%"."""
        scale = SCALE_NAMES[self.scale]
        if not scale or self.measure == "%":
            return self.measure
        if self.measure in _COUNTED:
            return f"{scale} {self.measure}"
        return f"{self.measure} {scale}"

    def factor_to(self, other: Unit) -> float | None:
        """What a value in this unit is multiplied by to be written in ``other``; None when
        they measure different things (dollars and tenge are never converted)."""
        if self.measure != other.measure:
            return None
        return self.scale / other.scale

    def __str__(self) -> str:
        return self.name


def _tokens(text: str) -> list[str]:
    """The words of a unit, lower case, without dots and brackets; "U.S." and "US$" kept whole."""
    text = text.casefold().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"\bu\.\s?s\.?", " us ", text)
    text = text.replace("us$", " usd ").replace("per cent", "percent")
    return [t for t in re.split(r"[\s.,;:()\[\]/\\]+|(?<=[$€₽₸%])|(?=[$€₽₸%])", text) if t]


def parse_unit(text: str | None) -> Unit | None:
    """The unit ``text`` names with its scale, or None when it is not one Fact Sheet knows.

    Reads "USD million", "млн долл. США", "тыс. долл. США", "млн долларов", "млрд тенге",
    "mln U.S. dollars", "$ bn", "мың АҚШ доллары", "тыс. тонн", "%", "enterprises".
    Exactly one measure and at most one scale word must be found, and nothing else.
    """
    if not text or not text.strip():
        return None
    measure: str | None = None
    scale: int | None = None
    for token in _tokens(text):
        if token in SCALES:
            if scale is not None:
                return None
            scale = SCALES[token]
        elif token in _MEASURE_WORDS:
            found = _MEASURE_WORDS[token]
            if measure is not None and measure != found:
                return None
            measure = found
        elif token not in _QUALIFIERS:
            return None
    if measure is None:
        return None
    return Unit(measure, scale or 1)


def canonical_unit(text: str | None) -> str | None:
    """The stored spelling of a recognised unit ("млн долл. США" → "USD million"), else None."""
    unit = parse_unit(text)
    return unit.name if unit else None


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` written in ``from_unit`` rewritten in ``to_unit`` (to compare or plot only);
    None when either is unknown or they measure different things."""
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if source is None or target is None or source.factor_to(target) is None:
        return None
    return _shift(value, source.scale, target.scale)


# -- stored units compared across scales ------------------------------------------------------------

@lru_cache(maxsize=4096)
def measure_and_scale(unit: str | None) -> tuple[str, int]:
    """What a stored unit measures and its scale: ("USD", 1000) for "USD thousand".

    A unit Fact Sheet does not recognise is a measure of its own in scale 1, so it is only
    ever compared with figures in exactly that unit."""
    parsed = parse_unit(unit)
    if parsed is None:
        return "=" + (unit or "").strip(), 1
    return parsed.measure, parsed.scale


def measure_of(unit: str | None) -> str:
    """What a stored unit measures: "USD" for "USD thousand" and "USD million" alike."""
    return measure_and_scale(unit)[0]


def same_measure(first: str | None, second: str | None) -> bool:
    """Whether figures in these two units can be compared (dollars and tenge never are)."""
    return first == second or measure_of(first) == measure_of(second)


def rescale(value: float, unit: str, to_unit: str) -> float:
    """``value`` in ``unit`` written in ``to_unit``, a scale of the same measure.

    The shift is made in decimal, so 67.8 USD million is exactly 67 800 USD thousand and
    128 600 USD thousand exactly 128.6 USD million (never 67 800.00000000001)."""
    if unit == to_unit:
        return value
    (measure, scale), (other, to_scale) = measure_and_scale(unit), measure_and_scale(to_unit)
    if measure != other:
        raise ValueError(f"{unit!r} and {to_unit!r} measure different things")
    return _shift(value, scale, to_scale)


def amount(value: float | None, unit: str | None) -> float | None:
    """``value`` in the measure's own scale (128.6 USD million → 128 600 000): equal amounts
    of one measure are equal numbers, whatever scale each was published in."""
    if value is None:
        return None
    return _shift(value, measure_and_scale(unit)[1], 1)


def display_unit(counts: Mapping[str, int]) -> str:
    """The unit a series of one measure is shown in, given how many of its figures use each
    unit: the one most use; on a tie, the larger scale."""
    return max(counts, key=lambda unit: (counts[unit], measure_and_scale(unit)[1], unit))


def _shift(value: float, scale: int, to_scale: int) -> float:
    if scale == to_scale:
        return value
    return float(Decimal(repr(float(value))) * scale / to_scale)
