"""Indicator names as statistics tables and articles write them, in English, Russian and Kazakh.

``known_indicator`` reads "Экспорт", "Товарооборот", "Внешнеторговый оборот", "Прямые
иностранные инвестиции", "Сыртқы сауда айналымы", "FDI inflow" … into the stored name of a
known indicator (``db.model.records.KNOWN_INDICATORS``: ``exports``, ``imports``,
``turnover``, ``investment_inflow``, ``enterprise_count``), and returns None for any other
text: the caller then asks the person whether it is a new indicator, rather than creating
one without a word. A unit written into the name ("Экспорт, млн долл. США") is split off
by ``split_unit``. Plain Python, no I/O.
"""

from __future__ import annotations

import re

from db.model.records import KNOWN_INDICATORS
from db.model.units import Unit, parse_unit

# Phrases, normalised by ``_normal``, naming each known indicator.
PHRASES: dict[str, tuple[str, ...]] = {
    "exports": (
        "exports", "export", "export of goods", "exports of goods",
        "экспорт", "экспорты", "вывоз", "экспорт товаров", "объем экспорта", "экспорт из",
        "экспорт тауарлар", "тауарлар экспорты", "экспорт көлемі",
    ),
    "imports": (
        "imports", "import", "import of goods", "imports of goods",
        "импорт", "импорты", "ввоз", "импорт товаров", "объем импорта",
        "импорт тауарлар", "тауарлар импорты", "импорт көлемі",
    ),
    "turnover": (
        "turnover", "trade turnover", "foreign trade turnover", "external trade turnover",
        "total trade", "foreign trade", "mutual trade", "bilateral trade", "trade volume",
        "товарооборот", "внешнеторговый оборот", "внешняя торговля", "объем внешней торговли",
        "взаимный товарооборот", "внешнеторговый товарооборот", "объем товарооборота",
        "сыртқы сауда айналымы", "тауар айналымы", "сауда айналымы", "өзара сауда айналымы",
        "сыртқы сауда",
    ),
    "investment_inflow": (
        "investment inflow", "investment inflows", "foreign direct investment", "fdi", "fdi inflow",
        "fdi inflows", "inflow of foreign direct investment", "gross inflow of foreign direct investment",
        "прямые иностранные инвестиции", "пии", "приток пии", "приток прямых иностранных инвестиций",
        "валовой приток прямых иностранных инвестиций", "валовый приток прямых иностранных инвестиций",
        "иностранные инвестиции",
        "тікелей шетелдік инвестициялар", "тши", "тікелей шетелдік инвестициялардың жалпы ағыны",
        "шетелдік инвестициялар",
    ),
    "enterprise_count": (
        "enterprises", "enterprise count", "number of enterprises", "number of companies",
        "enterprises with foreign participation", "предприятия", "количество предприятий",
        "число предприятий", "предприятия с иностранным участием", "предприятия с участием капитала",
        "кәсіпорындар", "кәсіпорындар саны", "шетел қатысатын кәсіпорындар",
    ),
}
# Words that qualify a name without changing what is counted: "Экспорт, всего", "Total exports".
_QUALIFIERS = frozenset(("всего", "total", "итого", "барлығы", "барлық", "жиыны", "value", "volume"))

_NAMES: dict[str, str] = {}
for _key, _phrases in PHRASES.items():
    for _phrase in _phrases:
        _NAMES[_phrase] = _key
for _key, _label in KNOWN_INDICATORS.items():
    _NAMES.setdefault(_key.replace("_", " "), _key)
    _NAMES.setdefault(_label.casefold(), _key)


def _normal(text: str) -> str:
    """Lower case, ё as е, no punctuation, brackets or qualifiers, one space between words."""
    text = text.casefold().replace("ё", "е").replace("_", " ")
    text = re.sub(r"\([^)]*\)", " ", text)  # "Товарооборот (экспорт + импорт)"
    words = [w for w in re.split(r"[\s,.;:\-–—/\"'«»*]+", text) if w and w not in _QUALIFIERS]
    return " ".join(words)


def known_indicator(text: str | None) -> str | None:
    """The stored name of the known indicator ``text`` names ("Экспорт" → "exports"), else None."""
    if not text or not text.strip():
        return None
    return _NAMES.get(_normal(text))


def split_unit(text: str) -> tuple[str, Unit | None]:
    """A name with its unit written after a comma or in brackets, taken apart:
    "Экспорт, млн долл. США" → ("Экспорт", USD million); otherwise (text, None)."""
    stripped = text.strip()
    bracket = re.fullmatch(r"(.+?)\s*[(\[]([^()\[\]]+)[)\]]\s*", stripped)
    if bracket:
        unit = parse_unit(bracket.group(2))
        if unit is not None:
            return bracket.group(1).strip(), unit
    name, comma, rest = stripped.partition(",")
    while comma:
        unit = parse_unit(rest)
        if unit is not None and name.strip():
            return name.strip(), unit
        more, comma, rest = rest.partition(",")
        name = f"{name},{more}"
    return stripped, None
