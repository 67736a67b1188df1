"""Dates and periods as running text gives them, in English, Russian and Kazakh.

``period_words`` reads a period written on its own (a table's cell or header); this module
finds them inside sentences, where they come inflected and relative to the day the text
was written. Month names and ordinals are ``period_words``'; seasons, counted months and
words relative to the publication date are added here.

"in the fourth quarter of 2025", "в первые шесть месяцев текущего года", "осенью этого
года", "In January-September 2015", "2026-2028 жылдарға": each becomes a ``When`` — its
first and last day and how precisely it is known. Words relative to the article
("this year", "текущего года", "биыл", "currently") are read against its publication
date; without one they are left unread rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.model.dates import FuzzyDate, Precision, last_day_of_month
from db.model.period_words import month_number, month_pattern, ordinal_number

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "одн": 1, "дв": 2, "тр": 3, "четыр": 4, "пят": 5, "шест": 6, "сем": 7,
            "восем": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "бір": 1, "екі": 2, "үш": 3, "төрт": 4,
            "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
            "весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2),
            "көктем": (3, 5), "жаз": (6, 8), "күз": (9, 11), "қыс": (12, 2)}


@dataclass(frozen=True)
class When:
    """A date or period found in the text: where, its first and last day, and its precision."""

    start: int
    end: int
    first: dt.date
    last: dt.date
    precision: str  # day, month, quarter, year, or "span" for other periods (half-year, season)
    relative: bool = False  # read against the publication date

    def fuzzy(self) -> tuple[FuzzyDate, FuzzyDate | None]:
        """As a start date with a precision, and an end date when one date cannot say it."""
        if self.precision in ("day", "month", "quarter", "year"):
            start = FuzzyDate(self.first, Precision(self.precision))
            if start.end == self.last:
                return start, None
            end = FuzzyDate(self.last.replace(day=1) if self.precision == "month" else self.last,
                            Precision(self.precision) if self.precision != "quarter" else Precision.QUARTER)
            return start, end
        return FuzzyDate(self.first, Precision.MONTH), FuzzyDate(self.last, Precision.MONTH)


def _month(word: str) -> int | None:
    return month_number(word)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    for stem, value in sorted(_NUMBERS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return value
    return None


# Inflections ``period_words`` does not list, by stem ("первые", "четвёртом").
_ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}


def _ordinal(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    found = ordinal_number(word)
    if found is not None:
        return found
    word = word.lower()
    return next((value for stem, value in _ORDINAL_STEMS.items() if word.startswith(stem)), None)


_YEAR = r"(?P<year>(?:19|20)\d{2})"
_THIS = r"(?P<this>this|the current|текущего|этого|нынешнего|биылғы|осы|ағымдағы)"
_YEAR_OR_THIS = rf"(?:{_YEAR}|{_THIS}\s+(?:year|года|жылдың|жылы))"
_KK_YEAR = rf"(?:{_YEAR}\s+жыл\w*|(?P<this>биылғы|осы|ағымдағы)\s+жыл\w*)"
_MONTH = month_pattern()
_EN_MONTHS = _MONTH
_RU_MONTH = _MONTH
_KK_MONTH = _MONTH

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p, re.I)) for name, p in (
    ("quarter", rf"\b(?:in\s+)?(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{_YEAR_OR_THIS}"),
    ("quarter", rf"\bQ(?P<n>[1-4])\s+{_YEAR}"),
    ("quarter", rf"\b(?:в\s+)?(?P<n>перв|втор|трет|четв|четвёрт)\w*\s+квартал\w*\s+{_YEAR_OR_THIS}"),
    ("quarter", rf"{_YEAR}\s+жыл\w*\s+(?P<n>бірінші|екінші|үшінші|төртінші|\d)\W*тоқсан\w*"),
    ("half", rf"\b(?:in\s+)?(?:the\s+)?(?P<n>first|second)\s+half\s+of\s+{_YEAR_OR_THIS}"),
    ("half", rf"\bH(?P<n>[12])\s+{_YEAR}"),
    ("half", rf"\b(?:в\s+)?(?P<n>перв|втор)\w*\s+полугоди\w*\s+{_YEAR_OR_THIS}"),
    ("half", rf"{_KK_YEAR}\s+(?P<n>бірінші|екінші)\s+жарты\w*"),
    ("months", rf"\b(?:in\s+)?(?:the\s+)?first\s+(?P<n>\w+)\s+months\s+of\s+{_YEAR_OR_THIS}"),
    ("months", rf"\b(?:в|за)\s+(?:перв\w+\s+)?(?P<n>\d+|\w+)\s+месяц\w*\s+{_YEAR_OR_THIS}"),
    ("months", rf"{_KK_YEAR}\s+(?:алғашқы\s+)?(?P<n>\d+|\w+)\s+ай\w*"),
    ("month_range", rf"\b(?P<m1>{_EN_MONTHS})\s*[-–—]\s*(?P<m2>{_EN_MONTHS})\s+(?:of\s+)?{_YEAR_OR_THIS}"),
    ("month_range", rf"\b(?P<m1>{_RU_MONTH})\s*[-–—]\s*(?P<m2>{_RU_MONTH})\s+{_YEAR_OR_THIS}"),
    ("month_range", rf"{_KK_YEAR}\s+(?P<m1>{_KK_MONTH})\s*[-–—]\s*(?P<m2>{_KK_MONTH})"),
    ("season", rf"\b(?:in\s+(?:the\s+)?)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR_OR_THIS}"),
    ("season", rf"\b(?P<s>весн|лет|осен|зим)\w*\s+{_YEAR_OR_THIS}"),
    ("season", rf"{_KK_YEAR}\s+(?P<s>көктем|жаз|күз|қыс)\w*"),
    ("day", rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_EN_MONTHS})\w*,?\s+{_YEAR}"),
    ("day", rf"\b(?P<m>{_EN_MONTHS})\w*\s+(?P<d>\d{{1,2}}),\s+{_YEAR}"),
    ("day", rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_RU_MONTH})\s+{_YEAR}"),
    ("day", rf"{_YEAR}\s+жылғы\s+(?P<d>\d{{1,2}})\s+(?P<m>{_KK_MONTH})"),
    ("day_range", rf"\b(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_RU_MONTH}|{_EN_MONTHS})(?:\s+{_YEAR})?"),
    ("month", rf"\b(?:in\s+)?(?P<m>{_EN_MONTHS})\s+{_YEAR}"),
    ("month", rf"\b(?:в\s+)?(?P<m>{_RU_MONTH})\s+{_YEAR}"),
    ("month", rf"{_YEAR}\s+жылғы\s+(?P<m>{_KK_MONTH})"),
    ("month_bare", rf"\bin\s+(?P<m>{_EN_MONTHS})\b"),
    ("month_bare", rf"\bв\s+(?P<m>{_RU_MONTH})\b"),
    ("month_bare", rf"(?P<m>{_KK_MONTH})\s+айында"),
    ("month_bare", rf"(?:биылғы|осы\s+жылғы)\s+(?P<m>{_KK_MONTH})"),
    ("this_year", r"\b(?:this\s+year|в\s+этом\s+году|в\s+текущем\s+году|биыл)\b"),
    ("last_year", r"\b(?:last\s+year|в\s+прошлом\s+году|былтыр)\b"),
    ("now", r"\b(?:currently|at\s+present|today|на\s+сегодняшний\s+день|в\s+настоящее\s+время|сегодня|"
            r"қазіргі\s+уақытта|бүгінде)\b"),
    ("year_start", r"\b(?:since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year|с\s+начала\s+(?:текущего\s+|этого\s+)?года|"
                   r"жыл\s+басынан\s+бері)"),
    ("year", rf"\b(?:in|for|during)\s+{_YEAR}\b"),
    ("year", rf"\bв\s+{_YEAR}\s+год\w*"),
    ("year", rf"\b{_YEAR}\s+жыл(?:ы|ғы)\b"),
)]
YEAR_RANGE = re.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})(?!\d)")


def _year(match: re.Match[str], published: dt.date | None) -> tuple[int | None, bool]:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"]), False
    return (published.year if published else None), True


def find(text: str, start: int, end: int, published: dt.date | None) -> list[When]:
    """Every date or period between ``start`` and ``end`` of ``text``, longest first where they overlap."""
    piece = text[start:end]
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(piece):
            a, b = match.span()
            if any(a < y and b > x for x, y in taken):
                continue
            when = _read(name, match, published)
            if when is not None:
                first, last, precision, relative = when
                found.append(When(start + a, start + b, first, last, precision, relative))
                taken.append((a, b))
    return sorted(found, key=lambda w: w.start)


def _read(name: str, match: re.Match[str], published: dt.date | None):
    groups = match.groupdict()
    year, relative = _year(match, published)
    if name in ("this_year", "last_year", "now", "year_start", "month_bare"):
        if published is None:
            return None
        if name == "now":
            return published, published, "day", True
        if name == "year_start":
            if published.month == 1:
                return None
            return dt.date(published.year, 1, 1), last_day_of_month(published.year, published.month - 1), "span", True
        if name == "month_bare":
            month = _month(groups["m"])
            if month is None:
                return None
            return dt.date(published.year, month, 1), last_day_of_month(published.year, month), "month", True
        y = published.year - (1 if name == "last_year" else 0)
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
    if year is None:
        return None
    if name == "quarter":
        q = _ordinal(groups["n"])
        if not q or q > 4:
            return None
        return dt.date(year, 3 * q - 2, 1), last_day_of_month(year, 3 * q), "quarter", relative
    if name == "half":
        h = _ordinal(groups["n"])
        if h not in (1, 2):
            return None
        return dt.date(year, 6 * h - 5, 1), last_day_of_month(year, 6 * h), "span", relative
    if name == "months":
        n = _number(groups["n"])
        if not n or n > 12:
            return None
        return dt.date(year, 1, 1), last_day_of_month(year, n), "month" if n == 1 else "span", relative
    if name == "month_range":
        m1, m2 = _month(groups["m1"]), _month(groups["m2"])
        if not m1 or not m2 or m2 < m1:
            return None
        return dt.date(year, m1, 1), last_day_of_month(year, m2), "span", relative
    if name == "season":
        stem = next(k for k in _SEASONS if groups["s"].lower().startswith(k))
        m1, m2 = _SEASONS[stem]
        if m2 < m1:
            return dt.date(year, m1, 1), last_day_of_month(year + 1, m2), "span", relative
        return dt.date(year, m1, 1), last_day_of_month(year, m2), "span", relative
    if name in ("day", "day_range"):
        month = _month(groups["m"])
        if month is None:
            return None
        try:
            first = dt.date(year, month, int(groups["d"]))
            last = dt.date(year, month, int(groups.get("d2") or groups["d"]))
        except ValueError:
            return None
        return first, last, "day", relative
    if name == "month":
        month = _month(groups["m"])
        if month is None:
            return None
        return dt.date(year, month, 1), last_day_of_month(year, month), "month", relative
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", relative


_PUBLISHED = (
    re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})"),
)


def published_in(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date an article states at its top ("date 2025-07-02", "9 November 2022, 10:41",
    "13 ноября 2025"), with where it is."""
    head_end = min(len(text), 400)
    match = _PUBLISHED[0].search(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups())), match.start(), match.end()
        except ValueError:
            return None
    for when in find(text, 0, head_end, None):
        if when.precision == "day":
            return when.first, when.start, when.end
    return None
