"""The kinds of record Fact Sheet keeps, as plain dataclasses.

Each class knows its table and its links (rows in link tables such as
``agreement_parties``; a figure's first source in its own row, see ``db.model.links``);
``db.store`` turns them into rows and back. The fields mirror
the columns: a ``FuzzyDate`` field is stored as two columns (``<name>`` and
``<name>_precision``), a ``date`` as ISO text. The words for each kind and the closed
vocabularies live in ``db.model.kinds`` (for views that need no record class) and are
offered here too.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field, fields
from functools import cache
from typing import ClassVar

from db.model.dates import FuzzyDate
from db.model.kinds import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    EVENT_STATUSES,
    KIND_NAMES,
    KNOWN_INDICATORS,
    LINKS,
    PARTY_KINDS,
    REFERENCE_KINDS,
    TABLES,
    TRADE_INDICATORS,
    LinkSpec,
    format_count,
    indicator_label,
)

__all__ = [
    "AGREEMENT_KINDS", "AGREEMENT_STATUSES", "EVENT_KINDS", "EVENT_STATUSES", "KINDS", "KIND_NAMES",
    "KNOWN_INDICATORS", "LINKS", "PARTY_KINDS", "REFERENCE_KINDS", "TABLES", "TRADE_INDICATORS", "Agreement", "Event",
    "Indicator", "Link", "LinkSpec", "Party", "Person", "Position", "Record", "Source", "Statement", "Subject",
    "format_count", "indicator_label",
]


@dataclass
class Link:
    """A link to another record; ``note`` is a participant's role or a source's passage."""

    id: int
    note: str | None = None


class Record:
    """Common behaviour of every kind of record."""

    KIND: ClassVar[str]
    TABLE: ClassVar[str]
    LINKS: ClassVar[dict[str, LinkSpec]] = {}
    NEEDS_SOURCE: ClassVar[bool] = False
    id: int | None

    @classmethod
    def column_fields(cls) -> list[tuple[str, type]]:
        """(field name, type) of every field stored as a column (not id, not links)."""
        return _column_fields(cls)


@cache
def _column_fields(cls: type[Record]) -> list[tuple[str, type]]:
    hints = typing.get_type_hints(cls)
    result = []
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name == "id" or f.name in cls.LINKS:
            continue
        hint = hints[f.name]
        base = next((t for t in typing.get_args(hint) if t is not type(None)), hint)
        result.append((f.name, base))
    return result


def _links() -> list[Link]:
    return field(default_factory=list)


@dataclass
class Source(Record):
    KIND: ClassVar[str] = "source"
    TABLE: ClassVar[str] = TABLES["source"]

    id: int | None = None
    title: str = ""
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    accessed: dt.date | None = None
    notes: str | None = None
    text: str | None = None


@dataclass
class Party(Record):
    KIND: ClassVar[str] = "party"
    TABLE: ClassVar[str] = TABLES["party"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["party"]

    id: int | None = None
    kind: str = "region"
    name_en: str = ""
    name_alt: str | None = None  # alternative spellings, separated by ";"
    parent_id: int | None = None
    notes: str | None = None
    name_ru: str | None = None
    name_kk: str | None = None
    sources: list[Link] = _links()


@dataclass
class Person(Record):
    KIND: ClassVar[str] = "person"
    TABLE: ClassVar[str] = TABLES["person"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["person"]

    id: int | None = None
    name_en: str = ""
    notes: str | None = None
    name_ru: str | None = None
    name_kk: str | None = None
    name_alt: str | None = None  # alternative spellings, separated by ";"
    sources: list[Link] = _links()


@dataclass
class Position(Record):
    KIND: ClassVar[str] = "position"
    TABLE: ClassVar[str] = TABLES["position"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["position"]
    NEEDS_SOURCE: ClassVar[bool] = True

    id: int | None = None
    person_id: int | None = None
    title: str = ""
    body_id: int | None = None
    start_date: FuzzyDate | None = None
    end_date: FuzzyDate | None = None
    verified_on: dt.date | None = None
    notes: str | None = None
    title_ru: str | None = None
    title_kk: str | None = None
    sources: list[Link] = _links()


@dataclass
class Subject(Record):
    KIND: ClassVar[str] = "subject"
    TABLE: ClassVar[str] = TABLES["subject"]

    id: int | None = None
    name_en: str = ""
    name_ru: str | None = None
    name_kk: str | None = None
    name_alt: str | None = None


@dataclass
class Agreement(Record):
    KIND: ClassVar[str] = "agreement"
    TABLE: ClassVar[str] = TABLES["agreement"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["agreement"]
    NEEDS_SOURCE: ClassVar[bool] = True

    id: int | None = None
    title: str = ""
    kind: str = "agreement"
    signed_date: FuzzyDate | None = None
    valid_from: FuzzyDate | None = None
    valid_until: FuzzyDate | None = None
    status: str = "signed"
    summary: str | None = None
    notes: str | None = None
    parties: list[Link] = _links()
    signatories: list[Link] = _links()
    subjects: list[Link] = _links()
    title_ru: str | None = None
    title_kk: str | None = None
    sources: list[Link] = _links()


@dataclass
class Event(Record):
    KIND: ClassVar[str] = "event"
    TABLE: ClassVar[str] = TABLES["event"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["event"]
    NEEDS_SOURCE: ClassVar[bool] = True

    id: int | None = None
    kind: str = "meeting"
    title: str = ""
    place: str | None = None
    start_date: FuzzyDate | None = None
    end_date: FuzzyDate | None = None
    status: str = "held"
    summary: str | None = None
    notes: str | None = None
    parties: list[Link] = _links()
    people: list[Link] = _links()
    subjects: list[Link] = _links()
    title_ru: str | None = None
    title_kk: str | None = None
    sources: list[Link] = _links()


@dataclass
class Indicator(Record):
    KIND: ClassVar[str] = "indicator"
    TABLE: ClassVar[str] = TABLES["indicator"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["indicator"]
    NEEDS_SOURCE: ClassVar[bool] = True

    id: int | None = None
    subject_id: int | None = None
    counterpart_id: int | None = None
    reporter_id: int | None = None
    indicator: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    value: float | None = None
    unit: str = ""
    notes: str | None = None
    sources: list[Link] = _links()


@dataclass
class Statement(Record):
    KIND: ClassVar[str] = "statement"
    TABLE: ClassVar[str] = TABLES["statement"]
    LINKS: ClassVar[dict[str, LinkSpec]] = LINKS["statement"]
    NEEDS_SOURCE: ClassVar[bool] = True

    id: int | None = None
    person_id: int | None = None
    text: str = ""
    said_date: FuzzyDate | None = None
    event_id: int | None = None
    language: str | None = None
    notes: str | None = None
    sources: list[Link] = _links()


KINDS: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (Source, Party, Person, Position, Subject, Agreement, Event, Indicator, Statement)
}

