"""A valid record of any kind with chosen text in every text field, for tests of odd input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from db.model.dates import FuzzyDate, Precision
from db.model.records import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KINDS,
    PARTY_KINDS,
    Link,
    Record,
)

CHOICES = {("party", "kind"): PARTY_KINDS, ("agreement", "kind"): AGREEMENT_KINDS,
           ("agreement", "status"): AGREEMENT_STATUSES, ("event", "kind"): EVENT_KINDS,
           ("event", "status"): EVENT_STATUSES}
REFERENCES = {"person_id": "people", "body_id": "parties", "subject_id": "parties",
              "counterpart_id": "parties", "reporter_id": "parties", "event_id": "events",
              "parent_id": "parties"}
LINK_TABLES = {"source": "sources", "party": "parties", "person": "people", "subject": "subjects"}
URL = "https://example.org/news?id=<1>&lang=kk"

# What people paste: markup, links, control characters, emoji, Cyrillic and Kazakh letters.
HOSTILE = [
    "<b>bold</b>", "<script>alert(1)</script>", "<a href='javascript:alert(1)'>click</a>",
    "javascript:alert(1)", "<img src=x onerror=alert(1)>", "<qt><h1>Qt rich text</h1></qt>",
    "&amp; &lt; &#x41;", "line one\nline two\r\nthree\ttab", "\x01\x07\x1b[31mred\x7f",
    "\u202eright-to-left\u202c", "zero\u200bwidth", "😀 👨‍👩‍👧 🇰🇿", "Абайская область",
    "Абай облысы: Қазақстан, Өскемен, Үржар, Ұлан, ғылым, һ, і", "Омская область",
    "'; DROP TABLE sources; --", "%s {0} {name}", "   padded   ",
]


def _plain(name: str, typ: type) -> object:
    if typ is float:
        return 128.6
    if typ is dt.date:
        return dt.date(2025, 7, 2)
    return FuzzyDate(dt.date(2025, 10, 1), Precision.QUARTER) if typ is FuzzyDate else None


def first_id(db, table: str) -> int:
    return db.execute(f"SELECT min(id) FROM {table}").fetchone()[0]


def record_of(db, kind: str, text: Callable[[str], str],
              other: Callable[[str, type], object] = _plain) -> Record:
    """A record of ``kind`` whose free-text fields and link notes hold ``text(field)``.

    Choices and references get valid values from ``db`` (the seed data set); dates and
    numbers come from ``other(field, type)``.
    """
    cls = KINDS[kind]
    values: dict[str, object] = {}
    for name, typ in cls.column_fields():
        if (kind, name) in CHOICES:
            values[name] = sorted(CHOICES[(kind, name)])[0]
        elif name in REFERENCES:
            values[name] = first_id(db, REFERENCES[name])
        elif name == "url":
            values[name] = URL
        elif typ is str:
            values[name] = text(name)
        else:
            values[name] = other(name, typ)
    record = cls(**values)
    for attr, spec in cls.LINKS.items():
        note = text(attr) if spec.note_column else None
        setattr(record, attr, [Link(first_id(db, LINK_TABLES[spec.other_kind]), note)])
    return record


def meaning(record: Record) -> dict:
    """A record's fields with an empty optional text and "no text" counted alike."""
    return {k: (None if v == "" else v) for k, v in vars(record).items()}


def append_to_every_text(db, text: str) -> None:
    """Add ``text`` to every free-text column of every record (choices and URLs left valid)."""
    for cls in KINDS.values():
        for name, typ in cls.column_fields():
            if typ is str and name not in ("kind", "status", "url"):
                db.execute(f"UPDATE {cls.TABLE} SET {name} = coalesce({name}, '') || ?", [text])
