"""The rules a record must keep before it is written: one set for the editor and imports.

``problems(db, record)`` returns every broken rule as a ``Problem`` (field name and a
sentence); ``check`` raises them together as a ``ValidationError``. Parsing helpers for
numbers and URLs live here too, so typed text and imported cells are read alike.
Warnings that a record repeats one already recorded are in ``db.model.duplicates``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from db.errors import Problem, ValidationError
from db.model.dates import FuzzyDate
from db.model.i18n import N_, Labels, _
from db.model.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    PARTY_KINDS,
    Agreement,
    Event,
    Indicator,
    Party,
    Person,
    Position,
    Record,
    Source,
    Statement,
    Subject,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

# The visible label of each field named in a sentence.
FIELD_LABELS = Labels({
    "title": N_("Title"), "name": N_("Name"), "name_en": N_("English name"), "name_ru": N_("Russian name"),
    "name_kk": N_("Kazakh name"), "title_ru": N_("Title in Russian"), "title_kk": N_("Title in Kazakh"),
    "kind": N_("Kind"), "status": N_("Status"), "url": N_("URL"), "person_id": N_("Person"),
    "body_id": N_("Body"), "subject_id": N_("Subject"), "counterpart_id": N_("Counterpart"),
    "reporter_id": N_("Reported by"), "parent_id": N_("Part of"), "event_id": N_("Event"),
    "indicator": N_("Indicator"), "unit": N_("Unit"), "value": N_("Value"),
    "period_start": N_("Period start"), "period_end": N_("Period end"), "text": N_("Text"),
    "start_date": N_("Start"), "end_date": N_("End"), "valid_from": N_("Valid from"),
    "valid_until": N_("Valid until"), "sources": N_("Sources"), "parties": N_("Parties"),
    "signatories": N_("Signatories"), "people": N_("People"), "subjects": N_("Subject areas"),
    "signed_date": N_("Signed"), "said_date": N_("Said on"), "verified_on": N_("Last verified"),
    "published": N_("Published"), "accessed": N_("Accessed"), "publisher": N_("Publisher"),
    "name_alt": N_("Other spellings"), "place": N_("Place"), "summary": N_("Summary"), "notes": N_("Notes"),
    "language": N_("Language"), "positions": N_("Positions"),
})

REQUIRED: dict[type[Record], tuple[str, ...]] = {
    Source: ("title",),
    Party: ("name_en", "kind"),
    Person: ("name_en",),
    Position: ("person_id", "title"),
    Subject: ("name_en",),
    Agreement: ("title", "kind", "status"),
    Event: ("title", "kind", "status"),
    Indicator: ("subject_id", "indicator", "period_start", "period_end", "value", "unit"),
    Statement: ("text",),
}

CHOICES: dict[type[Record], dict[str, dict[str, str]]] = {
    Party: {"kind": PARTY_KINDS},
    Agreement: {"kind": AGREEMENT_KINDS, "status": AGREEMENT_STATUSES},
    Event: {"kind": EVENT_KINDS, "status": EVENT_STATUSES},
}

# Pairs (start field, end field) where the end may not come before the start.
SPANS: dict[type[Record], tuple[str, str]] = {
    Position: ("start_date", "end_date"),
    Agreement: ("valid_from", "valid_until"),
    Event: ("start_date", "end_date"),
    Indicator: ("period_start", "period_end"),
}

# Foreign keys to check before SQLite does, to name them in a sentence.
REFERENCES: dict[type[Record], dict[str, str]] = {
    Party: {"parent_id": "parties"},
    Position: {"person_id": "people", "body_id": "parties"},
    Indicator: {"subject_id": "parties", "counterpart_id": "parties", "reporter_id": "parties"},
    Statement: {"person_id": "people", "event_id": "events"},
}


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _span_edges(value: object) -> tuple[object, object]:
    """First and last day of a date known to a precision (a plain day is both)."""
    if isinstance(value, FuzzyDate):
        return value.start, value.end
    return value, value


def problems(db: Database | None, record: Record) -> list[Problem]:
    """Every rule ``record`` breaks, as sentences; empty when it may be saved."""
    cls = type(record)
    found: list[Problem] = []
    for name in REQUIRED.get(cls, ()):
        if _blank(getattr(record, name)):
            found.append(Problem(name, _("{field} is required.").format(field=label(name))))
    for name, allowed in CHOICES.get(cls, {}).items():
        value = getattr(record, name)
        if not _blank(value) and value not in allowed:
            found.append(Problem(name, _("{field} must be one of: {choices}.").format(
                field=label(name), choices=", ".join(allowed.values()))))
    if cls in SPANS:
        found.extend(_span_problems(record, *SPANS[cls]))
    if isinstance(record, Indicator) and record.value is not None:
        found.extend(_value_problems(record))
    found.extend(_text_problems(record))
    if isinstance(record, Source) and not _blank(record.url):
        message = url_problem(record.url or "")
        if message:
            found.append(Problem("url", message))
    if cls.NEEDS_SOURCE and not getattr(record, "sources", None):
        found.append(Problem("sources", _("Every fact needs at least one source.")))
    if db is not None:
        found.extend(_reference_problems(db, record))
        found.extend(_unique_problems(db, record))
    return found


def check(db: Database | None, record: Record) -> None:
    """Raise ``ValidationError`` listing every problem, or return quietly."""
    found = problems(db, record)
    if found:
        raise ValidationError(found)


def _span_problems(record: Record, start_name: str, end_name: str) -> list[Problem]:
    """An end before its start; also an end whose span begins before the start's.

    The database stores the first day of a date's span and requires end >= start there,
    so "Jul 2025" cannot end a span starting on 15 Jul 2025 even though the month
    contains that day: that is said in a sentence instead of failing in SQLite.
    """
    start, end = getattr(record, start_name), getattr(record, end_name)
    if start is None or end is None:
        return []
    if _span_edges(end)[1] < _span_edges(start)[0]:
        return [Problem(end_name, _("{end} cannot be before {start}.").format(
            end=label(end_name), start=label(start_name).lower()))]
    if _span_edges(end)[0] < _span_edges(start)[0]:
        return [Problem(end_name, _("{end} cannot begin before {start}: give it as a day, or give "
                                    "{start} less precisely.").format(
            end=label(end_name), start=label(start_name).lower()))]
    return []


def _unique_problems(db: Database, record: Record) -> list[Problem]:
    """Names the schema keeps unique, checked first so the sentence can say which."""
    if not isinstance(record, Subject) or _blank(record.name_en):
        return []
    row = db.execute("SELECT 1 FROM subjects WHERE name_en = ? AND id IS NOT ?",
                     [record.name_en, record.id]).fetchone()
    if row is None:
        return []
    return [Problem("name_en", _("A subject area called “{name}” already exists.").format(
        name=record.name_en))]


def _value_problems(record: Indicator) -> list[Problem]:
    value = record.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [Problem("value", _("Value must be a finite number."))]
    if value < 0 and "balance" not in record.indicator.lower():
        return [Problem("value", _("Value cannot be negative (only a balance can)."))]
    return []


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored exactly as typed, or None.

    A NUL character ends text for SQLite's own functions (trim, length, sorting), so the
    stored value would not be what the checks saw; half of a UTF-16 surrogate pair is not
    text at all. Every other character, control characters included, is kept as typed.
    """
    if "\x00" in text:
        return _("contains a NUL character (U+0000), which cannot be stored; remove it")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _("contains a broken character (half of a UTF-16 pair); type it again")
    return None


def _text_problems(record: Record) -> list[Problem]:
    found = []
    texts = [(name, getattr(record, name)) for name, _kind in record.column_fields()]
    texts += [(attr, link.note) for attr in record.LINKS for link in getattr(record, attr)]
    for name, value in texts:
        message = text_problem(value) if isinstance(value, str) else None
        if message:
            found.append(Problem(name, _("{field} {problem}.").format(field=label(name), problem=message)))
    return found


def _reference_problems(db: Database, record: Record) -> list[Problem]:
    found = []
    for name, table in REFERENCES.get(type(record), {}).items():
        value = getattr(record, name)
        if value is None:
            continue
        if not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [value]).fetchone():
            found.append(Problem(name, _("{field} refers to a record that no longer exists.").format(
                field=label(name))))
    if (isinstance(record, Party) and record.parent_id is not None and record.id is not None
            and (record.parent_id == record.id or _is_ancestor(db, record.id, record.parent_id))):
        found.append(Problem("parent_id", _("A party cannot be part of itself.")))
    return found


def _is_ancestor(db: Database, ancestor: int, party: int) -> bool:
    row = db.execute(
        """WITH RECURSIVE up(id) AS (SELECT parent_id FROM parties WHERE id = ?
               UNION SELECT p.parent_id FROM parties p JOIN up ON p.id = up.id)
           SELECT 1 FROM up WHERE id = ?""",
        [party, ancestor],
    ).fetchone()
    return row is not None


def url_problem(text: str) -> str | None:
    """A sentence when ``text`` is not a web address we will store and link to."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in ("http", "https", "ftp") or not parts.netloc or " " in text.strip():
        return _("'{text}' is not a web address (it should start with http:// or https://).").format(
            text=text)
    return None


class NumberError(ValueError):
    """Text that is not a number; the message is a sentence for the user."""


# What may stand between the digits of a number as a thousands space ("1 234", "1'234");
# the importer strips the same characters before judging a value's separators.
NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
# The way nearly every figure is written ("128.6", "-3", "1234,5"), which every path below
# reads as the number itself: read at once (an import meets a million of them).
_PLAIN_POINT = re.compile(r"[+-]?\d{1,15}(?:\.\d{1,15})?")
_PLAIN_COMMA = re.compile(r"[+-]?\d{1,15}(?:,\d{1,15})?")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def parse_number(text: str, *, decimal: str | None = None) -> float:
    """Read a number as statistics offices write it: "1 234,5", "1,234.5", "128.6".

    ``decimal`` is "." or "," when the file says which; otherwise a lone comma followed
    by exactly three digits ("1,234") is ambiguous and refused rather than guessed.
    NaN, infinities and values too large for a float are refused. "-0" reads as 0.
    """
    if decimal == ",":
        if _PLAIN_COMMA.fullmatch(text):
            return float(text.replace(",", ".")) + 0.0
    elif _PLAIN_POINT.fullmatch(text):
        return float(text) + 0.0
    return _parse_number(text, decimal)


def _parse_number(text: str, decimal: str | None) -> float:
    """``parse_number`` for every way of writing a number."""
    raw = text
    text = NUMBER_SPACES.sub("", text.strip())
    if not text:
        raise NumberError(_("'{text}' is not a number.").format(text=raw))
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text and decimal is None:
        head, _sep, tail = text.rpartition(",")
        whole = head.lstrip("+-")
        # "0,001" is unambiguous: no number is written with a thousands group after a 0.
        if text.count(",") == 1 and len(tail) == 3 and whole.isdigit() and not whole.startswith("0"):
            raise NumberError(_("'{text}' is ambiguous: is the comma a decimal point or a "
                                "thousands separator?").format(text=raw))
        decimal = ","
    thousands = "." if decimal == "," else ","
    if decimal == ",":
        grouped = text.replace(thousands, "")
        text = grouped.replace(",", ".")
    else:
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise NumberError(_("'{text}' is not a number.").format(text=raw))
    value = float(text)
    if not math.isfinite(value):
        raise NumberError(_("'{text}' is too large to be a figure.").format(text=raw))
    return value + 0.0  # turns -0.0 into 0.0


class FigureRules:
    """``problems(None, Indicator(...)) == []``, answered fast enough for a million imported rows.

    The importer asks ``ok`` about every row and checks only the rows it refuses with
    ``problems``, which gives the sentences. The rules are those of ``problems`` for an
    ``Indicator`` without a database, written out for its fields: ``REQUIRED``, the span
    in ``SPANS``, ``_value_problems``, ``text_problem`` on every text and link note, and
    "every fact needs a source". Names and units repeat, so each distinct text is checked
    once. ``tests/db/model/test_validate.py`` proves the two agree on every kind of value.
    """

    def __init__(self) -> None:
        self._texts: dict[str, bool] = {}

    def _filled_text(self, text: object) -> bool:
        """A required text that is not blank and can be stored exactly."""
        known = self._texts.get(text) if text.__class__ is str else None  # type: ignore[call-overload]
        if known is None:
            known = not _blank(text) and (not isinstance(text, str) or text_problem(text) is None)
            if text.__class__ is str:
                self._texts[text] = known  # type: ignore[index]
        return known

    def ok(self, subject_id: int | None, indicator: str, period_start: object, period_end: object,
           value: object, unit: str, notes: str | None, sources: list) -> bool:
        """True when an ``Indicator`` with these fields breaks no rule (counterpart and reporter
        have none without a database)."""
        if subject_id is None or period_start is None or period_end is None or value is None:
            return False
        if str in (subject_id.__class__, period_start.__class__, period_end.__class__) and (
                _blank(subject_id) or _blank(period_start) or _blank(period_end)):
            return False
        if not (self._filled_text(indicator) and self._filled_text(unit)):
            return False
        if isinstance(notes, str) and text_problem(notes) is not None:
            return False
        if isinstance(period_start, FuzzyDate) or isinstance(period_end, FuzzyDate):
            start, end = _span_edges(period_start)[0], _span_edges(period_end)
            if end[1] < start or end[0] < start:  # type: ignore[operator]
                return False
        elif period_end < period_start:  # type: ignore[operator]
            return False
        if value.__class__ is bool or not isinstance(value, int | float) or not math.isfinite(value):
            return False
        if value < 0 and "balance" not in indicator.lower():
            return False
        if not sources:
            return False
        for link in sources:
            if link.note is not None and isinstance(link.note, str) and text_problem(link.note) is not None:
                return False
        return True
