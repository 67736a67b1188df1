"""Numbers, quantities and dates as people read them: the one place they are formatted.

Nothing else builds a number or a date into text by concatenation, so that a later
Russian or Kazakh fact sheet only has to change this module.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

from db.model.i18n import _

MONTH_ABBR = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)

# "USD million", "EUR billion", "KZT thousand": a currency code with a scale word reads
# best as "USD 128.6 million".
_CURRENCY_SCALE = re.compile(r"^(?P<cur>[A-Z]{3})\s+(?P<scale>thousand|million|billion)$")


def month_abbr(month: int) -> str:
    """Short English month name for 1..12."""
    return _(MONTH_ABBR[month - 1])


def format_number(value: float | int | None) -> str:
    """A number with thousands separators and only the decimals it really has.

    128.6 -> "128.6", 507.0 -> "507", 1234567 -> "1,234,567". Values are never rounded
    beyond what the float's shortest representation holds: a source's figure is
    printed exactly as recorded.
    """
    if value is None:
        return "—"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value)))
    if exact == exact.to_integral_value():
        return f"{int(exact):,}"
    decimals = max(0, -exact.as_tuple().exponent)
    return f"{float(value):,.{decimals}f}"


def format_editable(value: float | int | None) -> str:
    """A number as a person types it back into a form: no grouping, every decimal kept.

    128.6 -> "128.6", 507.0 -> "507", 1234567.5 -> "1234567.5"; ``db.model.validate.parse_number``
    reads the text back to the same value.
    """
    if value is None:
        return ""
    exact = Decimal(repr(float(value)))
    if exact == exact.to_integral_value():
        return str(int(exact))
    return format(exact.normalize(), "f")


def format_quantity(value: float | int | None, unit: str | None) -> str:
    """A value with its unit: "USD 128.6 million", "178 enterprises"."""
    number = format_number(value)
    if not unit:
        return number
    match = _CURRENCY_SCALE.match(unit.strip())
    if match:
        return f"{match['cur']} {number} {_(match['scale'])}"
    return f"{number} {unit}"


def format_day(day: dt.date | None) -> str:
    """A calendar day: "2 Jul 2025"."""
    if day is None:
        return _("unknown")
    return f"{day.day} {month_abbr(day.month)} {day.year}"


def format_change(ratio: float) -> str:
    """A relative change with its sign, one decimal: 0.123 -> "+12.3%", -0.04 -> "−4.0%".

    The minus is the typographic "−" so that a column of changes lines up and reads well.
    """
    percent = round(ratio * 100, 1) + 0.0  # no "-0.0"
    if percent == 0:
        return "0.0%"
    sign = "+" if percent > 0 else "−"
    return f"{sign}{abs(percent):,.1f}%"

def plain_number(value: float | int) -> str:
    """A number for files other programs read: every digit it has, a decimal point, no
    grouping ("1234.5", "507", "1e+20"), so it reads back exactly."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
