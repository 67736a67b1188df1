"""The kinds of record Fact Sheet keeps, as plain dataclasses.

Each class knows its table and its links (rows in link tables such as
``agreement_parties``); ``db.store`` turns them into rows and back. The fields mirror
the columns: a ``FuzzyDate`` field is stored as two columns (``<name>`` and
``<name>_precision``), a ``date`` as ISO text.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field, fields
from functools import cache
from typing import ClassVar

from db.model.dates import FuzzyDate
from db.model.formatting import format_number
from db.model.i18n import _, ngettext


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
    name_local: str | None = None
    name_alt: str | None = None
    parent_id: int | None = None
    notes: str | None = None
    sources: list[Link] = _links()


@dataclass
class Person(Record):
    KIND: ClassVar[str] = "person"
    TABLE: ClassVar[str] = "people"
    LINKS: ClassVar[dict[str, LinkSpec]] = {"sources": _sources_link("people", "person_id")}

    id: int | None = None
    name_en: str = ""
    name_local: str | None = None
    notes: str | None = None
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
    sources: list[Link] = _links()


@dataclass
class Subject(Record):
    KIND: ClassVar[str] = "subject"
    TABLE: ClassVar[str] = "subjects"

    id: int | None = None
    name_en: str = ""
    name_local: str | None = None


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

# Visible names of each kind (singular, plural), through the one string table.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "source": (_("Source"), _("Sources")),
    "party": (_("Party"), _("Parties")),
    "person": (_("Person"), _("People")),
    "position": (_("Position"), _("Positions")),
    "subject": (_("Subject area"), _("Subject areas")),
    "agreement": (_("Agreement"), _("Agreements")),
    "event": (_("Event"), _("Events")),
    "indicator": (_("Indicator"), _("Indicators")),
    "statement": (_("Statement"), _("Statements")),
}


def format_count(n: int, kind: str) -> str:
    """How many records of a kind: "1 agreement", "1,234 indicators"."""
    singular, plural = KIND_NAMES[kind]
    return ngettext("{n} " + singular.lower(), "{n} " + plural.lower(), n).format(n=format_number(n))

# Closed vocabularies enforced by CHECK constraints, with their visible labels.
PARTY_KINDS = {
    "country": _("Country"), "region": _("Region"), "city": _("City"),
    "body": _("Body (administration, government)"), "organisation": _("Organisation"),
}
AGREEMENT_KINDS = {
    "agreement": _("Agreement"), "protocol": _("Protocol"), "plan": _("Plan"),
    "memorandum": _("Memorandum"), "roadmap": _("Roadmap"), "treaty": _("Treaty"),
    "programme": _("Programme"), "other": _("Other"),
}
AGREEMENT_STATUSES = {
    "draft": _("Draft"), "signed": _("Signed"), "in_force": _("In force"),
    "expired": _("Expired"), "terminated": _("Terminated"),
}
EVENT_KINDS = {
    "visit": _("Visit"), "meeting": _("Meeting"), "forum": _("Forum"),
    "conference": _("Conference"), "exhibition": _("Exhibition"), "other": _("Other"),
}
EVENT_STATUSES = {
    "planned": _("Planned"), "held": _("Held"), "postponed": _("Postponed"), "cancelled": _("Cancelled"),
}
# Indicator names the trade chart knows; any other name is kept and shown, not plotted as trade.
TRADE_INDICATORS = ("exports", "imports", "turnover")
KNOWN_INDICATORS = {
    "exports": _("Exports"), "imports": _("Imports"), "turnover": _("Trade turnover"),
    "investment_inflow": _("Investment inflow"), "enterprise_count": _("Enterprises"),
}

# Fields that point at another record, and the kind of record they point at.
REFERENCE_KINDS = {
    "parent_id": "party", "body_id": "party", "subject_id": "party", "counterpart_id": "party",
    "reporter_id": "party", "person_id": "person", "event_id": "event",
}


def indicator_label(name: str) -> str:
    """Visible name of an indicator: "Exports", or the stored name for unknown ones."""
    return KNOWN_INDICATORS.get(name, name.replace("_", " "))
