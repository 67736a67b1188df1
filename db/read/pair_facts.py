"""What a pair has to show: its figures, agreements, officials, events and statements.

The window's Overview, the Trade tab and the fact sheet all read through these functions,
so a figure appears the same way wherever it is shown: with its period, unit and source.
A fact belongs to the pair (a ``PairScope``) when it involves each side or a body inside
it, or (for figures) a country containing it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from db.model.dates import FuzzyDate, Period
from db.model.i18n import _
from db.model.kinds import AGREEMENT_KINDS, EVENT_KINDS, indicator_label
from db.model.names import ShownName, other_form, shown
from db.model.status import Status, agreement_status, event_status, verification_status
from db.read.queries import PairScope
from db.read.scales import Published
from db.read.sources import SourceRef, sources_by_record

if TYPE_CHECKING:
    from sqlite_utils import Database


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(values))


class Figure(NamedTuple):
    """An indicator as shown anywhere: value, unit, period and where it comes from."""

    id: int
    subject_id: int
    subject: str
    counterpart_id: int | None
    counterpart: str | None
    indicator: str
    period: Period
    value: float
    unit: str
    notes: str | None
    sources: tuple[SourceRef, ...] = ()
    reporter_id: int | None = None
    reporter: str | None = None  # who reported it (a statistics office's country, a body), if recorded
    published: Published | None = None  # its value and unit as published, when ``in_unit`` converted them

    @property
    def indicator_label(self) -> str:
        return indicator_label(self.indicator)

    def in_unit(self, unit: str) -> Figure:
        """The figure written in ``unit``, a scale of its unit's measure, to be compared or shown
        beside figures in that unit; its value as published is kept in ``published``."""
        value, published = (self.published or Published(self.value, self.unit)).converted(unit)
        return self._replace(value=value, unit=unit, published=published)


_FIGURE_SQL = (
    "SELECT i.id, i.subject_id, i.counterpart_id, i.indicator, i.period_start, "
    "i.period_end, i.value, i.unit, i.notes, s.name_en, s.name_ru, s.name_kk, c.name_en, c.name_ru, c.name_kk, "
    "i.reporter_id, r.name_en, r.name_ru, r.name_kk "
    "FROM indicators i JOIN parties s ON s.id = i.subject_id "
    "LEFT JOIN parties c ON c.id = i.counterpart_id LEFT JOIN parties r ON r.id = i.reporter_id"
)


def _figures(db: Database, rows: list[tuple]) -> list[Figure]:
    """Figures from rows of ``_FIGURE_SQL``, with their sources read in one more statement."""
    sources = sources_by_record(db, "indicator", (row[0] for row in rows))
    result = []
    for row in rows:
        counterpart = shown(*row[12:15]) if row[2] is not None else None
        reporter = shown(*row[16:19]) if row[15] is not None else None
        result.append(Figure(row[0], row[1], shown(*row[9:12]), row[2], counterpart, row[3],
                             Period.from_db(row[4], row[5]), row[6], row[7], row[8], sources.get(row[0], ()),
                             row[15], reporter))
    return result


def figure(db: Database, indicator_id: int) -> Figure:
    row = db.execute(_FIGURE_SQL + " WHERE i.id = ?", [indicator_id]).fetchone()
    return _figures(db, [row])[0]


def figures_by_id(db: Database, ids: Iterable[int]) -> dict[int, Figure]:
    """Whole figures (with their sources) for a few ids, read in two statements."""
    rows = db.execute(_FIGURE_SQL + " WHERE i.id IN (SELECT value FROM json_each(?))", [_ids(ids)]).fetchall()
    return {f.id: f for f in _figures(db, rows)}


def _pair_condition(scope: PairScope) -> tuple[str, dict[str, str]]:
    """Figures with one side in A (or a country containing it) and the other in B, and
    at least one side inside A or B themselves (so country-to-country trade is left out).

    The ids are found first, in a subquery SQLite answers from the pair index alone (one
    index search per side); joined with more tables or a correlated subquery, its planner
    would otherwise walk the whole index (seconds on a million figures instead of a
    millisecond)."""
    condition = (
        "i.id IN (SELECT f.id FROM indicators f WHERE "
        "((f.subject_id IN (SELECT value FROM json_each(:a_all)) AND "
        "  f.counterpart_id IN (SELECT value FROM json_each(:b_all))) OR "
        " (f.subject_id IN (SELECT value FROM json_each(:b_all)) AND "
        "  f.counterpart_id IN (SELECT value FROM json_each(:a_all)))) AND "
        "(f.subject_id IN (SELECT value FROM json_each(:downs)) OR "
        " f.counterpart_id IN (SELECT value FROM json_each(:downs))))"
    )
    params = {"a_all": _ids(scope.a_all), "b_all": _ids(scope.b_all),
              "downs": _ids(scope.a_down | scope.b_down)}
    return condition, params


def pair_figures(db: Database, scope: PairScope, *, indicators: Iterable[str] | None = None,
                 as_of: dt.date | None = None) -> list[Figure]:
    """Every figure about the pair (oldest first), optionally only some indicators."""
    condition, params = _pair_condition(scope)
    if indicators is not None:
        params["names"] = json.dumps(list(indicators))
        condition += " AND i.indicator IN (SELECT value FROM json_each(:names))"
    if as_of is not None:
        params["as_of"] = as_of.isoformat()
        condition += " AND i.period_end <= :as_of"
    rows = db.execute(f"{_FIGURE_SQL} WHERE {condition} ORDER BY i.period_start, i.indicator, i.id",
                      params).fetchall()
    return _figures(db, rows)


def pair_entries(db: Database, scope: PairScope, as_of: dt.date) -> list[tuple]:
    """The pair's figures known as of a day, light: (id, subject, counterpart, reporter, indicator,
    unit, period start, period end, value) — no names, no sources, so thousands are read at once
    and only the few a view shows are read whole (``figures_by_id``)."""
    condition, params = _pair_condition(scope)
    params["as_of"] = as_of.isoformat()
    return db.execute(
        "SELECT i.id, i.subject_id, i.counterpart_id, i.reporter_id, i.indicator, i.unit, i.period_start, "
        f"i.period_end, i.value FROM indicators i WHERE {condition} AND i.period_end <= :as_of "
        "ORDER BY i.id", params).fetchall()


def pair_figure_ids(db: Database, scope: PairScope, among: Iterable[int] | None = None) -> set[int]:
    """The ids of the figures about the pair (as ``pair_figures``), or of those among ``among``.

    Given ``among``, they are looked up by id, so asking about a few records stays fast in
    a million-row table.
    """
    condition, params = _pair_condition(scope)
    narrow = ""
    if among is not None:
        params["among"] = _ids(among)
        narrow = "i.id IN (SELECT value FROM json_each(:among)) AND "
    rows = db.execute(f"SELECT i.id FROM indicators i WHERE {narrow}{condition}", params).fetchall()
    return {r[0] for r in rows}


def pair_figure_counts(db: Database, scope: PairScope, *, indicators: Iterable[str],
                       as_of: dt.date) -> dict[tuple[int, int | None], int]:
    """How many of the pair's figures each (subject, counterpart) has, counted in SQL."""
    condition, params = _pair_condition(scope)
    params.update(names=json.dumps(list(indicators)), as_of=as_of.isoformat())
    rows = db.execute(
        f"SELECT i.subject_id, i.counterpart_id, count(*) FROM indicators i WHERE {condition} "
        "AND i.indicator IN (SELECT value FROM json_each(:names)) AND i.period_end <= :as_of "
        "GROUP BY i.subject_id, i.counterpart_id", params).fetchall()
    return {(r[0], r[1]): r[2] for r in rows}


class AgreementSummary(NamedTuple):
    id: int
    title: str
    kind: str
    signed: FuzzyDate | None
    valid_from: FuzzyDate | None
    valid_until: FuzzyDate | None
    status: str
    summary: str | None
    parties: tuple[str, ...]
    signatories: tuple[str, ...]
    subjects: tuple[str, ...]
    sources: tuple[SourceRef, ...]

    @property
    def kind_label(self) -> str:
        return AGREEMENT_KINDS.get(self.kind, self.kind)

    def status_as_of(self, day: dt.date) -> Status:
        """Its status on ``day`` (``db.model.status.agreement_status``)."""
        return agreement_status(self.status, self.signed, self.valid_from, self.valid_until, day)

    def status_on(self, day: dt.date) -> str:
        """The words for its status on ``day``: "in force", "signed, validity not stated" …"""
        return self.status_as_of(day).label


def _names(db: Database, ids: Iterable[int], link: str, owner: str, table: str, column: str, *,
           order: str = "l.rowid", role: bool = False) -> dict[int, tuple[ShownName, ...]]:
    """Names in the language in use of the rows of ``table`` that the link table ``link`` ties
    to each of some records (its ``owner`` column) through its ``column``, in one statement: in
    the order they were recorded unless ``order`` says otherwise, each followed by the link's
    role when ``role``."""
    sql = (f"SELECT l.{owner}, t.name_en, t.name_ru, t.name_kk{', l.role' if role else ''} FROM {link} l "
           f"JOIN {table} t ON t.id = l.{column} WHERE l.{owner} IN (SELECT value FROM json_each(:ids)) "
           f"ORDER BY l.{owner}, {order}")
    found: dict[int, list[ShownName]] = {}
    for record_id, *row in db.execute(sql, {"ids": _ids(set(ids))}).fetchall():
        name = shown(*row[:3])
        if len(row) > 3 and row[3]:
            name = ShownName(_("{name} ({role})").format(name=name, role=row[3]), name.language, name.borrowed)
        found.setdefault(record_id, []).append(name)
    return {record_id: tuple(names) for record_id, names in found.items()}


# Agreements with a party on each side of the pair (``:a``, ``:b``), as ``a``.
_PAIR_AGREEMENTS = """FROM agreements a
    WHERE EXISTS (SELECT 1 FROM agreement_parties WHERE agreement_id = a.id
                  AND party_id IN (SELECT value FROM json_each(:a)))
      AND EXISTS (SELECT 1 FROM agreement_parties WHERE agreement_id = a.id
                  AND party_id IN (SELECT value FROM json_each(:b)))"""


def pair_agreements(db: Database, scope: PairScope) -> list[AgreementSummary]:
    """Agreements with a party on each side of the pair, newest first."""
    rows = db.execute(
        f"""SELECT id, title, kind, signed_date, signed_date_precision, valid_from, valid_from_precision,
                   valid_until, valid_until_precision, status, summary, title_ru, title_kk {_PAIR_AGREEMENTS}
            ORDER BY signed_date DESC, id DESC""", {"a": _ids(scope.a_down), "b": _ids(scope.b_down)}).fetchall()
    ids = [r[0] for r in rows]
    parties = _names(db, ids, "agreement_parties", "agreement_id", "parties", "party_id")
    signatories = _names(db, ids, "agreement_signatories", "agreement_id", "people", "person_id")
    subjects = _names(db, ids, "agreement_subjects", "agreement_id", "subjects", "subject_id", order="t.name_en")
    sources = sources_by_record(db, "agreement", ids)
    return [AgreementSummary(
        r[0], shown(r[1], r[11], r[12]), r[2], FuzzyDate.from_db(r[3], r[4]), FuzzyDate.from_db(r[5], r[6]),
        FuzzyDate.from_db(r[7], r[8]), r[9], r[10], parties.get(r[0], ()), signatories.get(r[0], ()),
        subjects.get(r[0], ()), sources.get(r[0], ())) for r in rows]


def pair_agreement_ids(db: Database, scope: PairScope) -> set[int]:
    """The ids of the agreements ``pair_agreements`` gives, alone."""
    rows = db.execute(f"SELECT a.id {_PAIR_AGREEMENTS}", {"a": _ids(scope.a_down), "b": _ids(scope.b_down)})
    return {r[0] for r in rows.fetchall()}


class Official(NamedTuple):
    person_id: int
    name: ShownName  # in the language in use, else the best other form
    other_name: str | None  # a second form shown beside it
    position_id: int
    title: str
    body_id: int | None
    body: str | None
    since: FuzzyDate | None
    sources: tuple[SourceRef, ...]
    verified_on: dt.date | None = None
    notes: str | None = None

    def verification(self, day: dt.date) -> Status:
        """How recently the position was checked, on ``day`` (``db.model.status.verification_status``)."""
        return verification_status(self.verified_on, day)


def officials(db: Database, party_ids: Iterable[int], as_of: dt.date) -> list[Official]:
    """People holding a position in one of these parties on ``as_of``."""
    rows = db.execute(
        """SELECT pe.id, pe.name_en, pe.name_ru, pe.name_kk, po.id, po.title, po.title_ru, po.title_kk,
                  po.body_id, b.name_en, b.name_ru, b.name_kk,
                  po.start_date, po.start_date_precision, po.end_date, po.end_date_precision,
                  po.verified_on, po.notes
           FROM positions po JOIN people pe ON pe.id = po.person_id LEFT JOIN parties b ON b.id = po.body_id
           WHERE po.body_id IN (SELECT value FROM json_each(:ids))
           ORDER BY po.start_date IS NULL, po.start_date, pe.name_en, po.id""",
        {"ids": _ids(party_ids)}).fetchall()
    current = []
    for r in rows:
        start, end = FuzzyDate.from_db(r[12], r[13]), FuzzyDate.from_db(r[14], r[15])
        if (start is None or start.start <= as_of) and (end is None or end.end >= as_of):
            current.append((r, start))
    sources = sources_by_record(db, "position", (r[4] for r, _start in current))
    return [Official(r[0], shown(*r[1:4]), other_form(*r[1:4]), r[4], shown(*r[5:8]), r[8],
                     shown(*r[9:12]) if r[8] is not None else None, start, sources.get(r[4], ()),
                     dt.date.fromisoformat(r[16]) if r[16] else None, r[17]) for r, start in current]


class EventSummary(NamedTuple):
    id: int
    kind: str
    title: str
    place: str | None
    start: FuzzyDate | None
    end: FuzzyDate | None
    status: str
    summary: str | None
    participants: tuple[str, ...]
    sources: tuple[SourceRef, ...]

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS.get(self.kind, self.kind)

    def status_as_of(self, day: dt.date) -> Status:
        """Its status on ``day`` (``db.model.status.event_status``)."""
        return event_status(self.status, self.start, self.end, day)

    @property
    def date_label(self) -> str:
        if self.start is None:
            return _("date unknown")
        if self.end is None or self.end == self.start:
            return self.start.label()
        return f"{self.start.label()} – {self.end.label()}"


# Events with a participant from either side of the pair (``:ids``), as ``e``.
_PAIR_EVENTS = """FROM events e
    WHERE EXISTS (SELECT 1 FROM event_parties WHERE event_id = e.id
                  AND party_id IN (SELECT value FROM json_each(:ids)))
       OR EXISTS (SELECT 1 FROM event_people ep JOIN positions po ON po.person_id = ep.person_id
                  WHERE ep.event_id = e.id AND po.body_id IN (SELECT value FROM json_each(:ids)))"""


def pair_events(db: Database, scope: PairScope) -> list[EventSummary]:
    """Events with a participant from either side of the pair, by date."""
    rows = db.execute(
        f"""SELECT id, kind, title, place, start_date, start_date_precision, end_date, end_date_precision,
                   status, summary, title_ru, title_kk {_PAIR_EVENTS}
            ORDER BY start_date IS NULL, start_date, id""", {"ids": _ids(scope.a_down | scope.b_down)}).fetchall()
    ids = [r[0] for r in rows]
    people = _names(db, ids, "event_people", "event_id", "people", "person_id", role=True)
    parties = _names(db, ids, "event_parties", "event_id", "parties", "party_id")
    sources = sources_by_record(db, "event", ids)
    return [EventSummary(r[0], r[1], shown(r[2], r[10], r[11]), r[3], FuzzyDate.from_db(r[4], r[5]),
                         FuzzyDate.from_db(r[6], r[7]), r[8], r[9], people.get(r[0], ()) + parties.get(r[0], ()),
                         sources.get(r[0], ())) for r in rows]


def pair_event_ids(db: Database, scope: PairScope) -> set[int]:
    """The ids of the events ``pair_events`` gives, alone."""
    rows = db.execute(f"SELECT e.id {_PAIR_EVENTS}", {"ids": _ids(scope.a_down | scope.b_down)}).fetchall()
    return {r[0] for r in rows}


class StatementSummary(NamedTuple):
    id: int
    text: str
    person_id: int | None
    speaker: ShownName | None  # in the language in use, else the best other form
    speaker_local: str | None  # a second form shown beside it
    said: FuzzyDate | None
    event: str | None
    sources: tuple[SourceRef, ...]


# Statements by people holding a position on either side (``:ids``) or made at one of the
# pair's events (``:events``), as ``s``.
_PAIR_STATEMENTS = """WHERE s.event_id IN (SELECT value FROM json_each(:events))
       OR s.person_id IN (SELECT person_id FROM positions WHERE body_id IN (SELECT value FROM json_each(:ids)))"""


def _statement_params(db: Database, scope: PairScope) -> dict[str, str]:
    return {"ids": _ids(scope.a_down | scope.b_down), "events": _ids(pair_event_ids(db, scope))}


def pair_statements(db: Database, scope: PairScope) -> list[StatementSummary]:
    """Statements by people holding a position on either side, or made at a pair's event."""
    rows = db.execute(
        f"""SELECT s.id, s.text, s.person_id, p.name_en, p.name_ru, p.name_kk, s.said_date, s.said_date_precision,
                   e.title, e.title_ru, e.title_kk
            FROM statements s LEFT JOIN people p ON p.id = s.person_id LEFT JOIN events e ON e.id = s.event_id
            {_PAIR_STATEMENTS} ORDER BY s.said_date IS NULL, s.said_date, s.id""",
        _statement_params(db, scope)).fetchall()
    sources = sources_by_record(db, "statement", (r[0] for r in rows))
    return [StatementSummary(r[0], r[1], r[2], shown(*r[3:6]) if r[3] else None,
                             other_form(*r[3:6]) if r[3] else None, FuzzyDate.from_db(r[6], r[7]),
                             shown(*r[8:11]) if r[8] else None, sources.get(r[0], ())) for r in rows]


def pair_statement_ids(db: Database, scope: PairScope) -> set[int]:
    """The ids of the statements ``pair_statements`` gives, alone."""
    rows = db.execute(f"SELECT s.id FROM statements s {_PAIR_STATEMENTS}", _statement_params(db, scope))
    return {r[0] for r in rows.fetchall()}
