"""Numbers, quantities and dates as people read them: the one place they are formatted.

Nothing else builds a number or a date into text, so that the fact sheet and the window
read naturally in each language: "1,234.5" / "1 234,5", "USD 128.6 million" /
"128,6 млн долл. США", "2 Jul 2025" / "2 июл. 2025 г." / "2025 ж. 2 шілде". Separators,
month names and date patterns come from CLDR through Babel (no display needed); the
order of words around them ("{year} ж. {first}–{last}") is a translatable sentence.
Everything follows ``db.model.i18n.current_language()``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from functools import cache

from db.model.i18n import N_, Labels, _, current_language

# English keeps the short month names it always printed ("Sep", not CLDR's "Sept").
MONTH_ABBR = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
# Which CLDR month names a period uses: Russian "янв.–май 2025", Kazakh "2025 ж. қаңтар–мамыр".
_MONTH_WIDTH = {"ru": ("abbreviated", "stand-alone"), "kk": ("wide", "format")}
# Which CLDR pattern a calendar day uses: "2 июл. 2025 г.", "2025 ж. 2 шілде".
_DAY_FORMAT = {"ru": "medium", "kk": "long"}

# "USD million", "EUR billion", "KZT thousand": a currency code with a scale word reads
# best as "USD 128.6 million" (Russian "128,6 млн долл. США").
_CURRENCY_SCALE = re.compile(r"^(?P<cur>[A-Z]{3})\s+(?P<scale>thousand|million|billion)$")

# Currencies as a sheet names them in each language; other codes are printed as they are.
CURRENCIES = Labels({
    "USD": N_("USD"), "EUR": N_("EUR"), "RUB": N_("RUB"), "KZT": N_("KZT"), "CNY": N_("CNY"),
})
# Units recorded in English that have a usual name in each language; others are kept as typed.
UNITS = Labels({
    "enterprises": N_("enterprises"), "companies": N_("companies"), "people": N_("people"),
    "tonnes": N_("tonnes"), "thousand tonnes": N_("thousand tonnes"), "projects": N_("projects"),
    "visits": N_("visits"),
})


def _with_scale(scale: str, currency: str, number: str) -> str:
    if scale == "thousand":
        return _("{currency} {number} thousand").format(currency=currency, number=number)
    if scale == "billion":
        return _("{currency} {number} billion").format(currency=currency, number=number)
    return _("{currency} {number} million").format(currency=currency, number=number)


@cache
def _locale(language: str):
    from babel import Locale  # CLDR data is loaded once per language, when first needed

    return Locale.parse(language)


def month_abbr(month: int) -> str:
    """The month name a period uses for 1..12: "Jan", "янв.", "қаңтар"."""
    language = current_language()
    if language not in _MONTH_WIDTH:
        return MONTH_ABBR[month - 1]
    width, context = _MONTH_WIDTH[language]
    return _locale(language).months[context][width][month].lower()


def format_number(value: float | int | None) -> str:
    """A number with thousands separators and only the decimals it really has.

    128.6 -> "128.6" ("128,6" in Russian and Kazakh), 507.0 -> "507", 1234567 ->
    "1,234,567" ("1 234 567"). Values are never rounded beyond what the float's shortest
    representation holds: a source's figure is printed exactly as recorded.
    """
    if value is None:
        return "—"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value)))
    language = current_language()
    if language == "en":
        if exact == exact.to_integral_value():
            return f"{int(exact):,}"
        decimals = max(0, -exact.as_tuple().exponent)
        return f"{float(value):,.{decimals}f}"
    from babel.numbers import format_decimal

    if exact == exact.to_integral_value():
        exact = exact.to_integral_value()
    return format_decimal(exact, locale=_locale(language), decimal_quantization=False)


def format_editable(value: float | int | None) -> str:
    """A number as a person types it back into a form: no grouping, every decimal kept.

    128.6 -> "128.6", 507.0 -> "507", 1234567.5 -> "1234567.5"; ``db.model.validate.parse_number``
    reads the text back to the same value (it accepts a decimal comma too).
    """
    if value is None:
        return ""
    exact = Decimal(repr(float(value)))
    if exact == exact.to_integral_value():
        return str(int(exact))
    return format(exact.normalize(), "f")


def format_quantity(value: float | int | None, unit: str | None) -> str:
    """A value with its unit: "USD 128.6 million", "178 enterprises" ("178 предприятий")."""
    number = format_number(value)
    if not unit:
        return number
    unit = unit.strip()
    match = _CURRENCY_SCALE.match(unit)
    if match:
        currency = CURRENCIES.get(match["cur"], match["cur"])
        return _with_scale(match["scale"], currency, number)
    return _("{number} {unit}").format(number=number, unit=format_unit(unit))


def format_unit(unit: str) -> str:
    """A unit as the language in use names it: "USD million" → "млн долл. США"."""
    match = _CURRENCY_SCALE.match(unit.strip())
    if match:
        currency = CURRENCIES.get(match["cur"], match["cur"])
        return " ".join(_with_scale(match["scale"], currency, "").split())  # the number's place closed up
    return CURRENCIES.get(unit.strip()) or UNITS.get(unit.strip(), unit)


def format_day(day: dt.date | None) -> str:
    """A calendar day: "2 Jul 2025", "2 июл. 2025 г.", "2025 ж. 2 шілде"."""
    if day is None:
        return _("unknown")
    language = current_language()
    if language not in _DAY_FORMAT:
        return f"{day.day} {MONTH_ABBR[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, _DAY_FORMAT[language], locale=_locale(language))


def format_month(year: int, month: int) -> str:
    """A month of a year: "Jul 2025", "июл. 2025", "2025 ж. шілде"."""
    return _("{month} {year}").format(month=month_abbr(month), year=year)


def format_quarter(year: int, quarter: int) -> str:
    """A quarter of a year: "Q4 2025", "4 кв. 2025", "2025 ж. 4-тоқсан"."""
    return _("Q{quarter} {year}").format(quarter=quarter, year=year)


def format_change(ratio: float) -> str:
    """A relative change with its sign, one decimal: 0.123 -> "+12.3%" ("+12,3 %"),
    -0.04 -> "−4.0%".

    The minus is the typographic "−" so that a column of changes lines up and reads well.
    """
    percent = round(ratio * 100, 1) + 0.0  # no "-0.0"
    language = current_language()
    if language == "en":
        digits = f"{abs(percent):,.1f}"
        pattern = "#,##0%"
    else:
        from babel.numbers import format_decimal

        digits = format_decimal(abs(percent), format="#,##0.0", locale=_locale(language))
        pattern = _locale(language).percent_formats[None].pattern.split(";")[0]
    text = pattern.replace("#,##0", digits)
    if percent == 0:
        return text
    return ("+" if percent > 0 else "−") + text


def plain_number(value: float | int) -> str:
    """A number for files other programs read: every digit it has, a decimal point, no
    grouping ("1234.5", "507", "1e+20"), so it reads back exactly."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
