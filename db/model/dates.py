"""Dates known to a precision, and periods of indicators, with the labels people read.

One representation serves every kind of record so that a future timeline can sort and
compare agreements, positions, events and statements together: a ``FuzzyDate`` is the
first day of the span it names plus its precision ("Q4 2025" is 2025-10-01, quarter).
In the database it is two columns, ``<name>`` (ISO date) and ``<name>_precision``.

A ``Period`` is an indicator's exact start and end day. Partial periods (January–May)
are first-class: they are labelled as such and only compared with the same span of
another year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from db.model.formatting import format_day, format_month, format_quarter, month_abbr
from db.model.i18n import _, current_language


class Precision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


PRECISIONS = tuple(p.value for p in Precision)


class DateError(ValueError):
    """Text that is not a date; the message is a sentence for the user."""


def parse_iso_day(text: str) -> dt.date:
    """Parse a strict ISO ``YYYY-MM-DD`` day, rejecting impossible dates with a sentence."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise DateError(_("'{text}' is not a date in the form YYYY-MM-DD.").format(text=text))
    year, month, day = (int(g) for g in match.groups())
    try:
        if year < 1:
            raise ValueError
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(_("'{text}' is not a real calendar date.").format(text=text)) from None


def _year(digits: str, text: str) -> int:
    """The year ``digits`` names; there is no year 0 (nor a "0000" period) to record."""
    year = int(digits)
    if year < 1:
        raise DateError(_("'{text}' is not a real year.").format(text=text))
    return year


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to a precision, ordered by the first day of its span."""

    start: dt.date
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        object.__setattr__(self, "precision", Precision(self.precision))
        start = self.start
        if self.precision is Precision.MONTH and start.day != 1:
            object.__setattr__(self, "start", start.replace(day=1))
        elif self.precision is Precision.QUARTER:
            first_month = (quarter_of(start.month) - 1) * 3 + 1
            object.__setattr__(self, "start", dt.date(start.year, first_month, 1))
        elif self.precision is Precision.YEAR:
            object.__setattr__(self, "start", dt.date(start.year, 1, 1))

    @property
    def end(self) -> dt.date:
        """The last day of the span this date names."""
        s = self.start
        if self.precision is Precision.DAY:
            return s
        if self.precision is Precision.MONTH:
            return last_day_of_month(s.year, s.month)
        if self.precision is Precision.QUARTER:
            return last_day_of_month(s.year, s.month + 2)
        return dt.date(s.year, 12, 31)

    def label(self) -> str:
        """"2 Jul 2025", "Jul 2025", "Q4 2025" or "2025"."""
        s = self.start
        if self.precision is Precision.DAY:
            return format_day(s)
        if self.precision is Precision.MONTH:
            return format_month(s.year, s.month)
        if self.precision is Precision.QUARTER:
            return format_quarter(s.year, quarter_of(s.month))
        return str(s.year)

    def __str__(self) -> str:
        return self.label()

    def to_db(self) -> tuple[str, str]:
        return self.start.isoformat(), self.precision.value

    @classmethod
    def from_db(cls, value: str | None, precision: str | None) -> FuzzyDate | None:
        if not value:
            return None
        return cls(dt.date.fromisoformat(value), Precision(precision or "day"))

    @classmethod
    def parse(cls, text: str) -> FuzzyDate | None:
        """Read what a person types: "2025-07-02", "2025-07", "Q4 2025", "2025-Q4", "2025".

        Empty text means "unknown" and gives ``None``.
        """
        text = text.strip()
        if not text:
            return None
        if re.fullmatch(r"\d{4}", text):
            return cls(dt.date(_year(text, text), 1, 1), Precision.YEAR)
        match = re.fullmatch(r"(?:Q([1-4])\s*[-/ ]?\s*(\d{4})|(\d{4})\s*[-/ ]?\s*Q([1-4]))", text, re.I)
        if match:
            quarter = int(match.group(1) or match.group(4))
            year = _year(match.group(2) or match.group(3), text)
            return cls(dt.date(year, (quarter - 1) * 3 + 1, 1), Precision.QUARTER)
        match = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if not 1 <= month <= 12 or year < 1:
                raise DateError(_("'{text}' is not a real month.").format(text=text))
            return cls(dt.date(year, month, 1), Precision.MONTH)
        return cls(parse_iso_day(text), Precision.DAY)

    def to_text(self) -> str:
        """The form ``parse`` reads back: "2025-07-02", "2025-07", "Q4 2025", "2025"."""
        s = self.start
        if self.precision is Precision.DAY:
            return s.isoformat()
        if self.precision is Precision.MONTH:
            return f"{s.year:04d}-{s.month:02d}"
        if self.precision is Precision.QUARTER:
            return f"Q{quarter_of(s.month)} {s.year:04d}"
        return f"{s.year:04d}"


def fuzzy_label(value: str | None, precision: str | None) -> str:
    """Label for a date stored as two columns; "unknown" when empty."""
    date = FuzzyDate.from_db(value, precision)
    return date.label() if date else _("unknown")


@dataclass(frozen=True, order=True)
class Period:
    """The exact span an indicator covers, first and last day included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DateError(_("A period cannot end before it starts."))

    @classmethod
    def from_db(cls, start: str, end: str) -> Period:
        return cls(dt.date.fromisoformat(start), dt.date.fromisoformat(end))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def is_point(self) -> bool:
        """A stock figure "as of" one day (178 enterprises as of 2 Jul 2025)."""
        return self.start == self.end

    def _whole_months(self) -> bool:
        return self.start.day == 1 and self.end == last_day_of_month(self.end.year, self.end.month)

    @property
    def months(self) -> int | None:
        """Number of whole calendar months covered, or None when not month-aligned."""
        if not self._whole_months():
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def is_full_year(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.start.year, 12, 31)

    @property
    def is_quarter(self) -> bool:
        return self.months == 3 and self.start.month in (1, 4, 7, 10)

    @property
    def is_partial(self) -> bool:
        """Shorter than a calendar year and not a point: a figure for part of a year.

        Such figures are never compared with a full year; the label says which months.
        """
        return not self.is_point and not self.is_full_year and (self.end - self.start).days < 365

    @property
    def is_standard(self) -> bool:
        """A span statistics offices publish: a point, whole calendar years, a half-year,
        a quarter, a month, or January to the end of a month of one year (year to date).

        Two such periods may overlap without anything being wrong (Jan–May and Q2); an
        overlap involving any other span (1 Jun–31 Dec against Jan–Jun) suggests a
        mistyped period. ``db.read.checks`` mirrors this rule in SQL.
        """
        if self.is_point:
            return True
        months = self.months
        if months is None:
            return False
        start_month = self.start.month
        if start_month == 1 and self.end.month == 12:
            return True
        if self.start.year != self.end.year:
            return False
        return (start_month == 1 or months == 1 or (months == 3 and start_month in (1, 4, 7, 10))
                or (months == 6 and start_month in (1, 7)))

    def label(self) -> str:
        """"2024", "2023–2024", "Q1 2025", "May 2025", "Jan–May 2025", "as of 2 Jul 2025"."""
        s, e = self.start, self.end
        if self.is_point:
            return _("as of {day}").format(day=format_day(s))
        months = self.months
        if months is not None and s.month == 1 and e.month == 12:
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if self.is_quarter:
            return format_quarter(s.year, quarter_of(s.month))
        if months == 1:
            return format_month(s.year, s.month)
        if months is not None:
            if s.year == e.year:
                return _("{first}–{last} {year}").format(
                    first=month_abbr(s.month), last=month_abbr(e.month), year=s.year)
            return _("{first}–{last}").format(first=format_month(s.year, s.month),
                                              last=format_month(e.year, e.month))
        if s.year == e.year and current_language() == "en":
            return f"{s.day} {month_abbr(s.month)}–{format_day(e)}"
        return _("{first}–{last}").format(first=format_day(s), last=format_day(e))

    def __str__(self) -> str:
        return self.label()

    def shifted_years(self, years: int) -> Period:
        """The same span ``years`` later (earlier when negative), e.g. Jan–May of 2024."""
        start = _shift_year(self.start, years)
        if self._whole_months():
            end = last_day_of_month(self.end.year + years, self.end.month)
        else:
            end = _shift_year(self.end, years)
        return Period(start, end)

    def same_span_as(self, other: Period) -> bool:
        """True when both cover the same calendar span in (possibly) different years.

        Jan–May 2025 and Jan–May 2024 are comparable; Jan–May 2025 and 2024 are not.
        """
        years = other.start.year - self.start.year
        return self.shifted_years(years) == other


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def period_label(start: str | None, end: str | None) -> str:
    """Label for a period stored as two ISO columns."""
    if not start or not end:
        return _("unknown")
    return Period.from_db(start, end).label()
