"""Reading what the database knows: record labels, parties, and everything about a pair.

The window's Overview, the Trade tab and the fact sheet all read through these functions,
so a figure appears the same way wherever it is shown: with its period, unit and source.
A *pair* is two parties (the Abai region and the Omsk region); a fact belongs to the pair
when it involves each side or a body inside it, or (for figures) a country containing it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.model.dates import FuzzyDate, Period
from db.model.i18n import _
from db.model.records import (
    AGREEMENT_KINDS,
    EVENT_KINDS,
    KINDS,
    KNOWN_INDICATORS,
    Party,
    indicator_label,
)
from db.read.listings import sql_label

if TYPE_CHECKING:
    from sqlite_utils import Database

# SQL giving a record's one-line label; the main table is aliased ``r``.
LABEL_SQL: dict[str, str] = {
    "source": "r.title",
    "party": "r.name_en || coalesce(' / ' || r.name_local, '')",
    "person": "r.name_en || coalesce(' / ' || r.name_local, '')",
    "position": "r.title || coalesce(' — ' || (SELECT name_en FROM people WHERE id = r.person_id), '')",
    "subject": "r.name_en",
    "agreement": "r.title",
    "event": "r.title",
    "indicator": sql_label("r.indicator", KNOWN_INDICATORS) + " || ': ' || "
                 "(SELECT name_en FROM parties WHERE id = r.subject_id) || "
                 "coalesce(' – ' || (SELECT name_en FROM parties WHERE id = r.counterpart_id), '') || "
                 "', ' || period_label(r.period_start, r.period_end)",
    "statement": "substr(r.text, 1, 80)",
}

# Columns matched when someone types into a record picker.
_PICK_MATCH: dict[str, tuple[str, ...]] = {
    "party": ("name_en", "name_local", "name_alt"),
    "person": ("name_en", "name_local"),
    "subject": ("name_en", "name_local"),
    "source": ("title", "publisher", "url"),
    "event": ("title", "place"),
    "agreement": ("title",),
    "position": ("title",),
    "indicator": ("indicator", "unit"),
    "statement": ("text",),
}


def record_label(db: Database, kind: str, record_id: int) -> str:
    """The one-line label of a record, or a placeholder when it no longer exists."""
    table = KINDS[kind].TABLE
    row = db.execute(f"SELECT {LABEL_SQL[kind]} FROM {table} r WHERE r.id = ?", [record_id]).fetchone()
    return row[0] if row else _("(deleted)")


def choices(db: Database, kind: str, text: str = "", *, limit: int = 50) -> list[tuple[int, str]]:
    """Records whose names contain ``text`` in any script, for a picker: (id, label)."""
    table = KINDS[kind].TABLE
    words = text.split()
    clauses, params = [], []
    for word in words:
        ors = " OR ".join(f"casefold(r.{col}) LIKE ?" for col in _PICK_MATCH[kind])
        clauses.append(f"({ors})")
        params.extend([f"%{word.casefold()}%"] * len(_PICK_MATCH[kind]))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # A name that is the text typed, then one that starts with it, then the rest by label.
    whole = " ".join(words).casefold()
    ranks = ", ".join(f"CASE WHEN casefold(r.{col}) = ? THEN 0 WHEN casefold(r.{col}) LIKE ? THEN 1 ELSE 2 END"
                      for col in _PICK_MATCH[kind])
    rank = f"min({ranks}, 2), " if words else ""
    rank_params = [value for _col in _PICK_MATCH[kind] for value in (whole, whole + "%")] if words else []
    sql = (f"SELECT r.id, {LABEL_SQL[kind]} AS label FROM {table} r{where} "
           f"ORDER BY {rank}label COLLATE NOCASE LIMIT ?")
    return [(r[0], r[1]) for r in db.execute(sql, [*params, *rank_params, limit]).fetchall()]


def counts(db: Database) -> dict[str, int]:
    """How many records of each kind the database holds."""
    return {kind: db.execute(f"SELECT count(*) FROM {cls.TABLE}").fetchone()[0] for kind, cls in KINDS.items()}


def person_of_position(db: Database, position_id: int) -> int | None:
    """Whose position it is (a position is shown as part of its person)."""
    row = db.execute("SELECT person_id FROM positions WHERE id = ?", [position_id]).fetchone()
    return row[0] if row else None


def positions_of(db: Database, person_id: int) -> list[int]:
    """A person's positions, earliest first, those with no known start last."""
    return [r[0] for r in db.execute("SELECT id FROM positions WHERE person_id = ? ORDER BY start_date IS NULL, "
                                     "start_date, id", [person_id]).fetchall()]


def recent_values(db: Database, table: str, column: str, recent: int, *, limit: int = 200) -> list[str]:
    """The distinct values of ``column`` among the last ``recent`` rows of ``table``, in order,
    for a picker to offer (reading recent rows keeps it quick on a million)."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT {column} FROM (SELECT {column} FROM {table} ORDER BY id DESC LIMIT ?) "
        f"WHERE {column} IS NOT NULL ORDER BY 1 LIMIT ?", [recent, limit]).fetchall()]


def frequent_units(db: Database, recent: int, *, limit: int = 50) -> list[str]:
    """The units of the last ``recent`` figures, the most used first."""
    return [r[0] for r in db.execute(
        "SELECT unit FROM (SELECT unit FROM indicators ORDER BY id DESC LIMIT ?) "
        "GROUP BY unit ORDER BY count(*) DESC LIMIT ?", [recent, limit]).fetchall()]


def find_parties(db: Database, name: str) -> list[Party]:
    """Parties whose English or local name is ``name``, ignoring case in any script."""
    wanted = name.strip().casefold()
    rows = db.execute(
        "SELECT id, kind, name_en, name_local, name_alt, parent_id, notes FROM parties "
        "WHERE casefold(name_en) = :n OR casefold(name_local) = :n OR casefold(name_alt) = :n ORDER BY id",
        {"n": wanted},
    ).fetchall()
    return [Party(*row) for row in rows]


def party_names(db: Database, party_id: int | None) -> tuple[str, str | None, str | None]:
    """(English, local, other local) names of a party."""
    if party_id is None:
        return ("", None, None)
    row = db.execute("SELECT name_en, name_local, name_alt FROM parties WHERE id = ?", [party_id]).fetchone()
    return tuple(row) if row else (_("(deleted)"), None, None)  # type: ignore[return-value]


def descendants(db: Database, party_id: int) -> set[int]:
    """The party and every body, city or region inside it."""
    rows = db.execute(
        "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p.id FROM parties p JOIN down ON p.parent_id = down.id) "
        "SELECT id FROM down", [party_id]).fetchall()
    return {r[0] for r in rows}


def ancestors(db: Database, party_id: int) -> set[int]:
    """The party and every party it belongs to (region → country)."""
    rows = db.execute(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT p.parent_id FROM parties p JOIN up ON p.id = up.id "
        "WHERE p.parent_id IS NOT NULL) SELECT id FROM up", [party_id]).fetchall()
    return {r[0] for r in rows}


def country_of(db: Database, party_id: int) -> int | None:
    """The country a party belongs to (itself when it is one)."""
    for pid in _chain_up(db, party_id):
        if db.execute("SELECT kind FROM parties WHERE id = ?", [pid]).fetchone()[0] == "country":
            return pid
    return None


def _chain_up(db: Database, party_id: int) -> list[int]:
    chain, current, seen = [], party_id, set()
    while current is not None and current not in seen:
        seen.add(current)
        chain.append(current)
        row = db.execute("SELECT parent_id FROM parties WHERE id = ?", [current]).fetchone()
        current = row[0] if row else None
    return chain


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(values))


@dataclass(frozen=True)
class PairScope:
    """The parties that count as each side of a pair.

    ``a_down`` is side A and what is inside it; ``a_all`` adds what contains it.
    """

    a: int
    b: int
    a_down: frozenset[int]
    b_down: frozenset[int]
    a_all: frozenset[int]
    b_all: frozenset[int]


def pair_scope(db: Database, a: int, b: int) -> PairScope:
    a_down, b_down = descendants(db, a), descendants(db, b)
    return PairScope(a, b, frozenset(a_down), frozenset(b_down),
                     frozenset(a_down | ancestors(db, a)), frozenset(b_down | ancestors(db, b)))


def suggest_pair(db: Database) -> tuple[int, int] | None:
    """The two regions or countries that share the most agreements and events.

    Bodies count for the region or country they belong to. Used when no pair was chosen yet.
    """
    rows = db.execute(
        "SELECT 'a' || agreement_id, party_id FROM agreement_parties "
        "UNION ALL SELECT 'e' || event_id, party_id FROM event_parties").fetchall()
    sides: dict[str, set[int]] = {}
    for record, party in rows:
        sides.setdefault(record, set()).add(_territory(db, party))
    tally: dict[tuple[int, int], int] = {}
    for parties in sides.values():
        ordered = sorted(parties)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                tally[(first, second)] = tally.get((first, second), 0) + 1
    if tally:
        return max(tally, key=lambda pair: (tally[pair], -pair[0], -pair[1]))
    first_two = db.execute(
        "SELECT id FROM parties WHERE kind IN ('region','country') ORDER BY id LIMIT 2").fetchall()
    return (first_two[0][0], first_two[1][0]) if len(first_two) == 2 else None


def _territory(db: Database, party_id: int) -> int:
    """The nearest region, city or country a party belongs to (bodies are not territories)."""
    for pid in _chain_up(db, party_id):
        kind = db.execute("SELECT kind FROM parties WHERE id = ?", [pid]).fetchone()[0]
        if kind != "body":
            return pid
    return party_id


@dataclass(frozen=True)
class SourceRef:
    id: int
    title: str
    publisher: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True)
class Figure:
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
    sources: tuple[SourceRef, ...] = field(default=())

    @property
    def indicator_label(self) -> str:
        return indicator_label(self.indicator)


def _sources_of(db: Database, table: str, own: str, record_id: int) -> tuple[SourceRef, ...]:
    rows = db.execute(
        f"SELECT s.id, s.title, s.publisher, s.url, s.published FROM {table}_sources l "
        f"JOIN sources s ON s.id = l.source_id WHERE l.{own} = ? ORDER BY s.id", [record_id]).fetchall()
    return tuple(SourceRef(*r) for r in rows)


_FIGURE_SQL = (
    "SELECT i.id, i.subject_id, s.name_en, i.counterpart_id, c.name_en, i.indicator, i.period_start, "
    "i.period_end, i.value, i.unit, i.notes FROM indicators i JOIN parties s ON s.id = i.subject_id "
    "LEFT JOIN parties c ON c.id = i.counterpart_id"
)


def _figure(db: Database, row: tuple) -> Figure:
    return Figure(row[0], row[1], row[2], row[3], row[4], row[5], Period.from_db(row[6], row[7]),
                  row[8], row[9], row[10], _sources_of(db, "indicators", "indicator_id", row[0]))


def figure(db: Database, indicator_id: int) -> Figure:
    row = db.execute(_FIGURE_SQL + " WHERE i.id = ?", [indicator_id]).fetchone()
    return _figure(db, row)


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
    return [_figure(db, r) for r in rows]


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


def key_figures(db: Database, scope: PairScope, as_of: dt.date) -> list[Figure]:
    """The latest figure of each series (subject, counterpart, indicator) known as of a date.

    When two sources give different values for that latest period, both are returned:
    figures are never averaged or picked between silently.
    """
    condition, params = _pair_condition(scope)
    params["as_of"] = as_of.isoformat()
    rows = db.execute(
        f"""{_FIGURE_SQL} WHERE {condition} AND i.period_end <= :as_of AND i.period_start = (
              SELECT max(j.period_start) FROM indicators j WHERE j.subject_id = i.subject_id
              AND j.counterpart_id IS i.counterpart_id AND j.indicator = i.indicator
              AND j.period_end <= :as_of)
            ORDER BY i.indicator, i.subject_id, i.id""", params).fetchall()
    return [_figure(db, r) for r in rows]


@dataclass(frozen=True)
class AgreementSummary:
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

    def status_on(self, day: dt.date) -> str:
        """Status computed from the dates as of ``day``; the recorded status otherwise."""
        return agreement_status(self.status, self.signed, self.valid_from, self.valid_until, day)


def agreement_status(status: str, signed: FuzzyDate | None, valid_from: FuzzyDate | None,
                     valid_until: FuzzyDate | None, day: dt.date) -> str:
    """"in force", "expired", "not yet in force", "not yet signed", "draft" or "terminated"."""
    if status in ("draft", "terminated"):
        return _("draft") if status == "draft" else _("terminated")
    if signed is not None and signed.start > day:
        return _("not yet signed")
    if valid_until is not None and valid_until.end < day:
        return _("expired")
    if valid_from is not None and valid_from.start > day:
        return _("not yet in force")
    if status == "expired":
        return _("expired")
    return _("in force")


def _names(db: Database, sql: str, record_id: int) -> tuple[str, ...]:
    return tuple(r[0] for r in db.execute(sql, [record_id]).fetchall())


def pair_agreements(db: Database, scope: PairScope) -> list[AgreementSummary]:
    """Agreements with a party on each side of the pair, newest first."""
    rows = db.execute(
        """SELECT id, title, kind, signed_date, signed_date_precision, valid_from, valid_from_precision,
                  valid_until, valid_until_precision, status, summary FROM agreements a
           WHERE EXISTS (SELECT 1 FROM agreement_parties WHERE agreement_id = a.id
                         AND party_id IN (SELECT value FROM json_each(:a)))
             AND EXISTS (SELECT 1 FROM agreement_parties WHERE agreement_id = a.id
                         AND party_id IN (SELECT value FROM json_each(:b)))
           ORDER BY signed_date DESC, id DESC""",
        {"a": _ids(scope.a_down), "b": _ids(scope.b_down)}).fetchall()
    result = []
    for r in rows:
        result.append(AgreementSummary(
            r[0], r[1], r[2], FuzzyDate.from_db(r[3], r[4]), FuzzyDate.from_db(r[5], r[6]),
            FuzzyDate.from_db(r[7], r[8]), r[9], r[10],
            _names(db, "SELECT p.name_en FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id "
                       "WHERE ap.agreement_id = ? ORDER BY ap.rowid", r[0]),
            _names(db, "SELECT p.name_en FROM agreement_signatories s JOIN people p ON p.id = s.person_id "
                       "WHERE s.agreement_id = ? ORDER BY s.rowid", r[0]),
            _names(db, "SELECT s.name_en FROM agreement_subjects x JOIN subjects s ON s.id = x.subject_id "
                       "WHERE x.agreement_id = ? ORDER BY s.name_en", r[0]),
            _sources_of(db, "agreements", "agreement_id", r[0])))
    return result


@dataclass(frozen=True)
class Official:
    person_id: int
    name_en: str
    name_local: str | None
    position_id: int
    title: str
    body_id: int | None
    body: str | None
    since: FuzzyDate | None
    sources: tuple[SourceRef, ...]


def officials(db: Database, party_ids: Iterable[int], as_of: dt.date) -> list[Official]:
    """People holding a position in one of these parties on ``as_of``."""
    rows = db.execute(
        """SELECT pe.id, pe.name_en, pe.name_local, po.id, po.title, po.body_id, b.name_en,
                  po.start_date, po.start_date_precision, po.end_date, po.end_date_precision
           FROM positions po JOIN people pe ON pe.id = po.person_id LEFT JOIN parties b ON b.id = po.body_id
           WHERE po.body_id IN (SELECT value FROM json_each(:ids))
           ORDER BY po.start_date IS NULL, po.start_date, pe.name_en, po.id""",
        {"ids": _ids(party_ids)}).fetchall()
    result = []
    for r in rows:
        start, end = FuzzyDate.from_db(r[7], r[8]), FuzzyDate.from_db(r[9], r[10])
        if (start is not None and start.start > as_of) or (end is not None and end.end < as_of):
            continue
        result.append(Official(r[0], r[1], r[2], r[3], r[4], r[5], r[6], start,
                               _sources_of(db, "positions", "position_id", r[3])))
    return result


@dataclass(frozen=True)
class EventSummary:
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

    @property
    def date_label(self) -> str:
        if self.start is None:
            return _("date unknown")
        if self.end is None or self.end == self.start:
            return self.start.label()
        return f"{self.start.label()} – {self.end.label()}"


def pair_events(db: Database, scope: PairScope) -> list[EventSummary]:
    """Events with a participant from either side of the pair, by date."""
    sides = _ids(scope.a_down | scope.b_down)
    rows = db.execute(
        """SELECT id, kind, title, place, start_date, start_date_precision, end_date, end_date_precision,
                  status, summary FROM events e
           WHERE EXISTS (SELECT 1 FROM event_parties WHERE event_id = e.id
                         AND party_id IN (SELECT value FROM json_each(:ids)))
              OR EXISTS (SELECT 1 FROM event_people ep JOIN positions po ON po.person_id = ep.person_id
                         WHERE ep.event_id = e.id AND po.body_id IN (SELECT value FROM json_each(:ids)))
           ORDER BY start_date IS NULL, start_date, id""", {"ids": sides}).fetchall()
    result = []
    for r in rows:
        people = _names(db, "SELECT p.name_en || coalesce(' (' || ep.role || ')', '') FROM event_people ep "
                            "JOIN people p ON p.id = ep.person_id WHERE ep.event_id = ? ORDER BY ep.rowid", r[0])
        parties = _names(db, "SELECT p.name_en FROM event_parties ea JOIN parties p ON p.id = ea.party_id "
                             "WHERE ea.event_id = ? ORDER BY ea.rowid", r[0])
        result.append(EventSummary(r[0], r[1], r[2], r[3], FuzzyDate.from_db(r[4], r[5]),
                                   FuzzyDate.from_db(r[6], r[7]), r[8], r[9], people + parties,
                                   _sources_of(db, "events", "event_id", r[0])))
    return result


@dataclass(frozen=True)
class StatementSummary:
    id: int
    text: str
    person_id: int | None
    speaker: str | None
    speaker_local: str | None
    said: FuzzyDate | None
    event: str | None
    sources: tuple[SourceRef, ...]


def pair_statements(db: Database, scope: PairScope) -> list[StatementSummary]:
    """Statements by people holding a position on either side, or made at a pair's event."""
    sides = _ids(scope.a_down | scope.b_down)
    events = _ids(e.id for e in pair_events(db, scope))
    rows = db.execute(
        """SELECT s.id, s.text, s.person_id, p.name_en, p.name_local, s.said_date, s.said_date_precision,
                  e.title FROM statements s LEFT JOIN people p ON p.id = s.person_id
                  LEFT JOIN events e ON e.id = s.event_id
           WHERE s.event_id IN (SELECT value FROM json_each(:events))
              OR s.person_id IN (SELECT person_id FROM positions WHERE body_id IN (SELECT value FROM json_each(:ids)))
           ORDER BY s.said_date IS NULL, s.said_date, s.id""", {"ids": sides, "events": events}).fetchall()
    return [StatementSummary(r[0], r[1], r[2], r[3], r[4], FuzzyDate.from_db(r[5], r[6]), r[7],
                             _sources_of(db, "statements", "statement_id", r[0])) for r in rows]
