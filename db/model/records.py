"""The kinds of record Fact Sheet keeps, as plain dataclasses.

Each class knows its table and its links (rows in link tables such as
``agreement_parties``); ``db.store`` turns them into rows and back. The fields mirror
the columns: a ``FuzzyDate`` field is stored as two columns (``<name>`` and
``<name>_precision``), a ``date`` as ISO text.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import ClassVar

from db.model.dates import FuzzyDate
from db.model.formatting import format_number
from db.model.i18n import N_, Labels, _, ngettext


@dataclass
class Link:
    """A link to another record; ``note`` is a participant's role or a source's passage."""

    id: int
    note: str | None = None


@dataclass(frozen=True)
class LinkSpec:
    """Where a list of links is stored: ``table(own_column, other_column, note_column)``."""

    table: str
    own_column: str
    other_column: str
    other_kind: str
    note_column: str | None = None


def _sources_link(table: str, own: str) -> LinkSpec:
    return LinkSpec(f"{table}_sources", own, "source_id", "source", "passage")


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
    TABLE: ClassVar[str] = "sources"

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
    TABLE: ClassVar[str] = "parties"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("parties", "party_id")}

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
    TABLE: ClassVar[str] = "people"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("people", "person_id")}

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
    TABLE: ClassVar[str] = "positions"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("positions", "position_id")}
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
    TABLE: ClassVar[str] = "subjects"

    id: int | None = None
    name_en: str = ""
    name_ru: str | None = None
    name_kk: str | None = None
    name_alt: str | None = None


@dataclass
class Agreement(Record):
    KIND: ClassVar[str] = "agreement"
    TABLE: ClassVar[str] = "agreements"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "parties": LinkSpec("agreement_parties", "agreement_id", "party_id", "party", "role"),
        "signatories": LinkSpec("agreement_signatories", "agreement_id", "person_id", "person", "role"),
        "subjects": LinkSpec("agreement_subjects", "agreement_id", "subject_id", "subject"),
        "sources": _sources_link("agreements", "agreement_id"),
    }
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
    TABLE: ClassVar[str] = "events"
    LINKS: ClassVar[dict[str, LinkSpec]] = {
        "parties": LinkSpec("event_parties", "event_id", "party_id", "party", "role"),
        "people": LinkSpec("event_people", "event_id", "person_id", "person", "role"),
        "subjects": LinkSpec("event_subjects", "event_id", "subject_id", "subject"),
        "sources": _sources_link("events", "event_id"),
    }
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
    TABLE: ClassVar[str] = "indicators"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("indicators", "indicator_id")}
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
    TABLE: ClassVar[str] = "statements"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("statements", "statement_id")}
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

class _KindNames(Mapping[str, tuple[str, str]]):
    """Each kind's visible name, singular and plural, in the language in use when read."""

    _NAMES = {
        "source": (N_("Source"), N_("Sources")),
        "party": (N_("Party"), N_("Parties")),
        "person": (N_("Person"), N_("People")),
        "position": (N_("Position"), N_("Positions")),
        "subject": (N_("Subject area"), N_("Subject areas")),
        "agreement": (N_("Agreement"), N_("Agreements")),
        "event": (N_("Event"), N_("Events")),
        "indicator": (N_("Indicator"), N_("Indicators")),
        "statement": (N_("Statement"), N_("Statements")),
    }

    def __getitem__(self, kind: str) -> tuple[str, str]:
        singular, plural = self._NAMES[kind]
        return _(singular), _(plural)

    def __iter__(self) -> Iterator[str]:
        return iter(self._NAMES)

    def __len__(self) -> int:
        return len(self._NAMES)


KIND_NAMES: Mapping[str, tuple[str, str]] = _KindNames()


def format_count(n: int, kind: str) -> str:
    """How many records of a kind: "1 agreement", "1,234 indicators", "5 соглашений"."""
    if kind == "source":
        text = ngettext("{n} source", "{n} sources", n)
    elif kind == "party":
        text = ngettext("{n} party", "{n} parties", n)
    elif kind == "person":
        text = ngettext("{n} person", "{n} people", n)
    elif kind == "position":
        text = ngettext("{n} position", "{n} positions", n)
    elif kind == "subject":
        text = ngettext("{n} subject area", "{n} subject areas", n)
    elif kind == "agreement":
        text = ngettext("{n} agreement", "{n} agreements", n)
    elif kind == "event":
        text = ngettext("{n} event", "{n} events", n)
    elif kind == "indicator":
        text = ngettext("{n} indicator", "{n} indicators", n)
    elif kind == "statement":
        text = ngettext("{n} statement", "{n} statements", n)
    else:
        text = ngettext("{n} record", "{n} records", n)
    return text.format(n=format_number(n))


# Closed vocabularies enforced by CHECK constraints, with their visible labels.
PARTY_KINDS = Labels({
    "country": N_("Country"), "region": N_("Region"), "city": N_("City"),
    "body": N_("Body (administration, government)"), "organisation": N_("Organisation"),
})
AGREEMENT_KINDS = Labels({
    "agreement": N_("Agreement"), "protocol": N_("Protocol"), "plan": N_("Plan"),
    "memorandum": N_("Memorandum"), "roadmap": N_("Roadmap"), "treaty": N_("Treaty"),
    "programme": N_("Programme"), "other": N_("Other"),
})
AGREEMENT_STATUSES = Labels({
    "draft": N_("Draft"), "signed": N_("Signed"), "in_force": N_("In force"),
    "expired": N_("Expired"), "terminated": N_("Terminated"),
})
EVENT_KINDS = Labels({
    "visit": N_("Visit"), "meeting": N_("Meeting"), "forum": N_("Forum"),
    "conference": N_("Conference"), "exhibition": N_("Exhibition"), "other": N_("Other"),
})
EVENT_STATUSES = Labels({
    "planned": N_("Planned"), "held": N_("Held"), "postponed": N_("Postponed"), "cancelled": N_("Cancelled"),
})
# Indicator names the trade chart knows; any other name is kept and shown, not plotted as trade.
TRADE_INDICATORS = ("exports", "imports", "turnover")
KNOWN_INDICATORS = Labels({
    "exports": N_("Exports"), "imports": N_("Imports"), "turnover": N_("Trade turnover"),
    "investment_inflow": N_("Investment inflow"), "enterprise_count": N_("Enterprises"),
})

# Fields that point at another record, and the kind of record they point at.
REFERENCE_KINDS = {
    "parent_id": "party", "body_id": "party", "subject_id": "party", "counterpart_id": "party",
    "reporter_id": "party", "person_id": "person", "event_id": "event",
}


def indicator_label(name: str) -> str:
    """Visible name of an indicator: "Exports", or the stored name for unknown ones."""
    return KNOWN_INDICATORS.get(name, name.replace("_", " "))
