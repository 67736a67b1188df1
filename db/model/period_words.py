"""Periods as statistics tables and articles write them, in English, Russian and Kazakh.

``parse_period`` reads a cell or a column header into the exact days it covers and how
precisely its ends are known:

    "31.12.2024", "2024-12-31"              one day (a stock "as of" that day)      day
    "12/2024", "12.2024", "2024-12", "май 2025", "May 2025", "мамыр 2025"      month
    "2024", "2024 год", "2024 г.", "2024 жыл", "2023–2024"                       year
    "I квартал 2025", "1 кв. 2025", "Q1 2025", "2025 жылғы I тоқсан"             quarter
    "1-е полугодие 2025", "H1 2025", "first half of 2025", "I жартыжылдық 2025"  month
    "январь–май 2025", "Jan-May 2025", "қаңтар–мамыр 2025", "5 месяцев 2025"     month
    "01.01.2025–31.05.2025"                                                      day

The precision is that of the period's ends (``db.model.dates.Precision``): a half-year or
January–May is known to the month. Text that is not a period raises ``DateError`` with a
sentence naming it. Plain Python, no I/O; built on ``db.model.dates``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.model.dates import DateError, Period, Precision, last_day_of_month, parse_iso_day
from db.model.i18n import _


@dataclass(frozen=True)
class PeriodWords:
    """The days a written period covers, first and last included, and their precision."""

    start: dt.date
    end: dt.date
    precision: Precision

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


# Month names and their usual abbreviations and inflections, matched at a word's start.
_MONTH_STEMS: tuple[tuple[str, ...], ...] = (
    ("jan", "январ", "янв", "қаңтар"),
    ("feb", "феврал", "фев", "ақпан"),
    ("mar", "март", "мар", "наурыз"),
    ("apr", "апрел", "апр", "сәуір"),
    ("may", "май", "мая", "мае", "мамыр"),
    ("jun", "июн", "маусым"),
    ("jul", "июл", "шілде"),
    ("aug", "август", "авг", "тамыз"),
    ("sep", "сентябр", "сен", "қыркүйек"),
    ("oct", "октябр", "окт", "қазан"),
    ("nov", "ноябр", "ноя", "қараша"),
    ("dec", "декабр", "дек", "желтоқсан"),
)
_ORDINALS = {
    "1": 1, "i": 1, "first": 1, "1st": 1, "первый": 1, "первое": 1, "первом": 1, "первого": 1, "бірінші": 1,
    "2": 2, "ii": 2, "second": 2, "2nd": 2, "второй": 2, "второе": 2, "втором": 2, "второго": 2, "екінші": 2,
    "3": 3, "iii": 3, "third": 3, "3rd": 3, "третий": 3, "третьем": 3, "третьего": 3, "үшінші": 3,
    "4": 4, "iv": 4, "fourth": 4, "4th": 4, "четвертый": 4, "четвертом": 4, "четвертого": 4, "төртінші": 4,
}
_QUARTER = ("quarter", "qtr", "q", "квартал", "квартале", "квартала", "кв", "тоқсан", "тоқсанда", "тоқсаны")
_HALF = ("half", "h", "полугодие", "полугодии", "полугодия", "жартыжылдық", "жартыжылдығы", "жартыжылдықта")
_MONTHS_WORD = ("months", "month", "месяцев", "месяца", "месяц", "ай", "айы", "айында", "айдағы")
# Words that only surround a period: "2024 год", "за 2024 г.", "in 2024", "2025 жылғы".
_FILLERS = frozenset((
    "год", "года", "году", "г", "гг", "годы", "жыл", "жылы", "жылғы", "жылдың", "жж", "ж", "year", "years",
    "fy", "in", "of", "the", "for", "за", "в", "на", "период", "period", "итого", "всего", "total",
    "e", "е", "й", "ое", "ый", "ий", "st", "nd", "rd", "th", "ші", "шы", "інші",
))
_DAY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})|(\d{4})-(\d{2})-(\d{2})")
_DAY_RANGE = re.compile(rf"^\s*({_DAY.pattern})\s*(?:-|–|—|по|to|до)\s*({_DAY.pattern})\s*$")
_MONTH_NUMBER = re.compile(r"^\s*(?:(\d{1,2})\s*[./-]\s*(\d{4})|(\d{4})\s*[-/.]\s*(\d{1,2}))\s*$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _normal(text: str) -> str:
    text = text.casefold().replace("ё", "е").replace("\u00a0", " ")
    return re.sub(r"[‐‑‒–—―−]", "-", text).strip()


def _day(match: re.Match[str], text: str) -> dt.date:
    groups = match.groups()
    if groups[0] is not None:
        day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise DateError(_("'{text}' is not a real calendar date.").format(text=text)) from None
    return parse_iso_day(match.group(0))


def _month_of(word: str) -> int | None:
    for number, stems in enumerate(_MONTH_STEMS, start=1):
        if any(word.startswith(stem) for stem in stems):
            return number
    return None


def _not_a_period(text: str) -> DateError:
    return DateError(_("'{text}' is not a period (write it as 2024, Q1 2025, Jan–May 2025 or "
                       "2025-01-01).").format(text=text.strip()))


def parse_period(text: str) -> PeriodWords:
    """The period ``text`` names; raises ``DateError`` for text that names none."""
    normal = _normal(text)
    if not normal:
        raise _not_a_period(text)
    whole_day = _DAY.fullmatch(normal)
    if whole_day:
        day = _day(whole_day, text)
        return PeriodWords(day, day, Precision.DAY)
    days = _DAY_RANGE.match(normal)
    if days:
        first = _day(_DAY.fullmatch(days.group(1)), text)  # type: ignore[arg-type]
        last = _day(_DAY.fullmatch(days.group(8)), text)  # type: ignore[arg-type]
        return _checked(PeriodWords(first, last, Precision.DAY), text)
    month = _MONTH_NUMBER.match(normal)
    if month:
        number = int(month.group(1) or month.group(4))
        year = int(month.group(2) or month.group(3))
        if not 1 <= number <= 12 or year < 1:
            raise DateError(_("'{text}' is not a real month.").format(text=text.strip()))
        return _months(year, number, number)
    years = [int(y) for y in _YEAR.findall(normal)]
    if not years or any(y < 1 for y in years):
        raise _not_a_period(text)
    words = _words(_YEAR.sub(" ", normal))
    if len(years) == 2 and not words and years[0] <= years[1]:
        return PeriodWords(dt.date(years[0], 1, 1), dt.date(years[1], 12, 31), Precision.YEAR)
    if len(years) != 1:
        raise _not_a_period(text)
    found = _in_year(years[0], words)
    if found is None:
        raise _not_a_period(text)
    return found


def _words(text: str) -> list[str]:
    """The words left once the year is taken out, without fillers ("год", "of", "-е")."""
    text = re.sub(r"(\d)-?(?=[^\W\d])", r"\1 ", text)  # "1-е", "1st", "2025ж": the number apart
    text = re.sub(r"(?<=[^\W\d])(?=\d)", " ", text)  # "q1", "h2": the letter apart
    words = [w for w in re.split(r"[\s.,;:()/'\"-]+", text) if w]
    return [w for w in words if w not in _FILLERS]


def _in_year(year: int, words: list[str]) -> PeriodWords | None:
    if not words:
        return PeriodWords(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)
    kinds = words
    ordinal = next((_ORDINALS[w] for w in kinds if w in _ORDINALS), None)
    if any(w in _QUARTER for w in kinds) and ordinal is not None and len(kinds) == 2:
        first = (ordinal - 1) * 3 + 1
        return PeriodWords(dt.date(year, first, 1), last_day_of_month(year, first + 2), Precision.QUARTER)
    if any(w in _HALF for w in kinds) and ordinal in (1, 2) and len(kinds) == 2:
        return _months(year, 1 if ordinal == 1 else 7, 6 if ordinal == 1 else 12)
    if any(w in _MONTHS_WORD for w in kinds) and len(kinds) == 2 and kinds[0].isdigit():
        count = int(kinds[0])
        return _months(year, 1, count) if 1 <= count <= 12 else None
    months = [_month_of(w) for w in kinds]
    if not months or None in months or len(months) > 2:
        return None
    first, last = months[0], months[-1]
    assert first is not None and last is not None
    return _months(year, first, last) if first <= last else None


def _months(year: int, first: int, last: int) -> PeriodWords:
    return PeriodWords(dt.date(year, first, 1), last_day_of_month(year, last), Precision.MONTH)


def _checked(found: PeriodWords, text: str) -> PeriodWords:
    if found.end < found.start:
        raise DateError(_("'{text}' ends before it starts.").format(text=text.strip()))
    return found


def parse_day(text: str) -> dt.date:
    """One day as tables write it: "2024-12-31" or "31.12.2024" (day first, as in Kazakhstan
    and Russia); raises ``DateError`` for anything else."""
    match = _DAY.fullmatch(text.strip())
    if not match:
        raise DateError(_("'{text}' is not a date in the form YYYY-MM-DD or DD.MM.YYYY.").format(text=text.strip()))
    return _day(match, text)


def month_number(word: str) -> int | None:
    """The month a word names in any of the three languages ("мая", "қаңтар", "Sept"), or None."""
    return _month_of(_normal(word))


def ordinal_number(word: str) -> int | None:
    """1–4 for "first", "первом", "бірінші", "IV" …, or None."""
    return _ORDINALS.get(_normal(word))


def month_pattern() -> str:
    """A regular expression matching any month name and its inflections (for running text)."""
    stems = sorted({stem for names in _MONTH_STEMS for stem in names}, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(stem) for stem in stems) + r")[^\W\d]*"
