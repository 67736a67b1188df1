"""Data-quality checks: why the figures can be trusted, or where they cannot.

Each check reads the database in SQL and returns ``Finding``s: a sentence naming the
records involved, with their kinds and ids, so the window can mark the affected rows,
the Overview and the fact sheet can print the note and ``factsheet check`` can list it.
A source's figures are never "corrected" here: a check only reports what it sees.

The checks (``CHECKS``, in report order):

``turnover_sum``
    A turnover that differs from exports + imports (same pair, period and unit) by more
    than ``ROUNDING_TOLERANCE``.
``conflicting_values``
    Records of one indicator for the same pair, period and unit with different values
    (typically from different sources). Every value is named with its sources; nothing
    is averaged.
``overlapping_periods``
    Two records of one series (pair, indicator, unit) whose periods overlap without
    being equal, where at least one period is not a standard statistical span
    (``Period.is_standard``: whole years, a half-year, a quarter, a month, year to
    date). Jan–May against Q2 is normal reporting; Jan–Jun against 1 Jun–31 Dec is not.
``unlabelled_partial``
    A figure for part of a period recorded as if it covered all of it: its period ends
    after its source was published (an article of 2 July cannot give the whole year),
    or it is recorded for whole years while its source passage or notes speak of part
    of a year ("first five months", "январь–май"). Periods ending after today are left
    to ``future_figure``.
``future_figure``
    A figure whose period ends after today. Indicators named as targets, forecasts,
    plans or projections (``turnover_target``) are expected to lie ahead and are left out.
``agreement_expired_in_force``
    An agreement marked in force whose validity ended before today.
``position_no_start``
    A current position (no end, or an end still ahead) with no start date.
``position_not_verified``
    A current position never verified, or last verified more than a year ago.
``planned_event_passed``
    An event still marked planned after the last day of its date (at its precision).
``unsourced``
    A figure, agreement, event, position or statement with no source at all (the
    editor refuses this, but a file edited elsewhere may hold one).

``run_checks(db, today)`` runs them all over the whole database; with ``scope``
(record kind → ids) each check narrows its SQL to those records and keeps only the
findings that involve one of them, which is how the window marks one page of a
million-row table without checking the whole table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from db.model.dates import FuzzyDate, Period
from db.model.formatting import format_day, format_number, format_quantity
from db.model.i18n import _
from db.model.records import KIND_NAMES, indicator_label

if TYPE_CHECKING:
    from sqlite_utils import Database

# A difference up to this much (in the figures' unit) is rounding, not an inconsistency.
ROUNDING_TOLERANCE = 0.15
# A position checked longer ago than this needs checking again.
STALE_AFTER = "-1 year"

Scope = Mapping[str, Collection[int]]  # record kind -> ids


@dataclass(frozen=True)
class Finding:
    """One data-quality problem: what is wrong, in a sentence, and which records."""

    check: str  # the check's name, e.g. "turnover_sum"
    message: str
    records: tuple[tuple[str, int], ...]  # (kind, id) of every record involved

    def involves(self, kind: str, record_id: int) -> bool:
        return (kind, record_id) in self.records


@dataclass(frozen=True)
class Check:
    """A registered check: its name, a heading for reports, and the kinds it can narrow to."""

    name: str
    title: str
    kinds: tuple[str, ...]
    run: Callable[[Database, dt.date, Scope | None], list[Finding]]

    def __call__(self, db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
        if scope is not None and not any(scope.get(kind) for kind in self.kinds):
            return []
        found = self.run(db, today, scope)
        if scope is not None:
            found = [f for f in found if any(kind in scope and rid in scope[kind] for kind, rid in f.records)]
        return found


CHECKS: dict[str, Check] = {}


def _check(name: str, title: str, *kinds: str) -> Callable[[Callable], Check]:
    def register(fn: Callable[[Database, dt.date, Scope | None], list[Finding]]) -> Check:
        check = Check(name, title, kinds, fn)
        CHECKS[name] = check
        return check

    return register


# -- SQL pieces ---------------------------------------------------------------------------------

_SOURCE_IDS = "(SELECT group_concat(source_id) FROM indicators_sources WHERE indicator_id = {a}.id)"
_PAIR_IDS = "{a}.subject_id, {a}.counterpart_id"


def _ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


def _in_scope(scope: Scope | None, column: str, kind: str) -> tuple[str, dict[str, str]]:
    """SQL narrowing ``column`` to the scope's ids of ``kind`` (nothing when unscoped)."""
    if scope is None:
        return "", {}
    return f" AND {column} IN (SELECT value FROM json_each(:{kind}_ids))", {f"{kind}_ids": _ids(scope.get(kind, ()))}


def _in_position_scope(scope: Scope | None, alias: str) -> tuple[str, dict[str, str]]:
    """SQL narrowing positions ``alias`` to the scope's positions and the positions of its people."""
    if scope is None:
        return "", {}
    return (f" AND ({alias}.id IN (SELECT value FROM json_each(:position_ids)) "
            f"OR {alias}.person_id IN (SELECT value FROM json_each(:person_ids)))",
            {"position_ids": _ids(scope.get("position", ())), "person_ids": _ids(scope.get("person", ()))})


def _indicator_rows(scope: Scope | None, alias: str, *, same_indicator: bool = False,
                    indicator: str | None = None) -> tuple[str, dict[str, str]]:
    """The indicator rows a check starts from, aliased ``alias``.

    Unscoped: the whole table. Scoped: the rows sharing pair and period (and, if asked,
    the indicator) with one of the scope's indicators, found through the pair index.
    """
    if scope is None:
        where = f" WHERE {alias}.indicator = '{indicator}'" if indicator else ""
        return f"(SELECT * FROM indicators {alias}{where}) {alias}", {}
    match = ("x.indicator = k.indicator" if same_indicator
             else f"x.indicator = '{indicator}'" if indicator else "1")
    sql = (f"(SELECT DISTINCT x.* FROM json_each(:indicator_ids) j JOIN indicators k ON k.id = j.value "
           f"JOIN indicators x ON x.subject_id = k.subject_id AND x.counterpart_id IS k.counterpart_id "
           f"AND {match} AND x.period_start = k.period_start AND x.period_end = k.period_end) {alias}")
    return sql, {"indicator_ids": _ids(scope.get("indicator", ()))}


def _fuzzy_end(column: str) -> str:
    """SQL for the last day of a date stored with its precision (``Q4 2025`` -> 2025-12-31)."""
    return (f"(CASE {column}_precision WHEN 'year' THEN date({column}, '+1 year', '-1 day') "
            f"WHEN 'quarter' THEN date({column}, '+3 months', '-1 day') "
            f"WHEN 'month' THEN date({column}, '+1 month', '-1 day') ELSE {column} END)")


def _standard_period(alias: str) -> str:
    """SQL twin of ``Period.is_standard`` for ``alias.period_start``/``period_end``."""
    s, e = f"{alias}.period_start", f"{alias}.period_end"
    start_month = f"CAST(substr({s}, 6, 2) AS INTEGER)"
    months = (f"((CAST(substr({e}, 1, 4) AS INTEGER) - CAST(substr({s}, 1, 4) AS INTEGER)) * 12 "
              f"+ CAST(substr({e}, 6, 2) AS INTEGER) - {start_month} + 1)")
    same_year = f"substr({s}, 1, 4) = substr({e}, 1, 4)"
    return (f"({s} = {e} OR (substr({s}, 9, 2) = '01' AND substr(date({e}, '+1 day'), 9, 2) = '01' AND ("
            f"({start_month} = 1 AND substr({e}, 6, 2) = '12') OR ({same_year} AND ("
            f"{start_month} = 1 OR {months} = 1 OR ({months} = 3 AND {start_month} IN (1, 4, 7, 10)) "
            f"OR ({months} = 6 AND {start_month} IN (1, 7)))))))")


# -- wording -----------------------------------------------------------------------------------

class _Names:
    """Party names and source titles by id, read once each: a check may name thousands of
    figures about the same few parties and sources."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._parties: dict[int, str] = {}
        self._sources: dict[int, str] = {}

    def party(self, party_id: int | None) -> str:
        if party_id is None:
            return ""
        if party_id not in self._parties:
            row = self._db.execute("SELECT name_en FROM parties WHERE id = ?", [party_id]).fetchone()
            self._parties[party_id] = row[0] if row else _("(deleted)")
        return self._parties[party_id]

    def between(self, subject: int | None, counterpart: int | None) -> str:
        """"Abai region – Russian Federation" (just the subject when there is no counterpart)."""
        return self.party(subject) + (f" – {self.party(counterpart)}" if counterpart is not None else "")

    def figure(self, indicator: str, subject: int | None, counterpart: int | None) -> str:
        """"Exports Abai region – Russian Federation"."""
        return f"{indicator_label(indicator)} {self.between(subject, counterpart)}"

    def sources(self, *id_lists: str | None) -> list[str]:
        """Distinct titles of the sources in comma-separated id lists, in order."""
        titles: list[str] = []
        for ids in id_lists:
            for text in (ids or "").split(","):
                if not text:
                    continue
                source_id = int(text)
                if source_id not in self._sources:
                    row = self._db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
                    self._sources[source_id] = row[0] if row else _("(deleted)")
                if self._sources[source_id] not in titles:
                    titles.append(self._sources[source_id])
        return titles


def _q(title: str) -> str:
    """A title in quotation marks, unless it carries its own (a forum's name in quotes)."""
    return title if "“" in title or "\"" in title else f"“{title}”"


def _quoted(titles: list[str]) -> str:
    return "; ".join(_q(t) for t in titles) or _("no source")


@lru_cache(maxsize=4096)
def _period(start: str, end: str) -> str:
    """A period's label; cached, as thousands of findings name the same few periods."""
    return Period.from_db(start, end).label()


# -- trade and figures -------------------------------------------------------------------------

@_check("turnover_sum", _("Turnover that does not add up"), "indicator")
def check_turnover_sum(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Turnover that differs from exports + imports for the same pair, period and unit."""
    rows_sql, params = _indicator_rows(scope, "t", indicator="turnover")
    rows = db.execute(
        f"""SELECT t.id, e.id, m.id, {_PAIR_IDS.format(a="t")}, t.period_start, t.period_end,
                  t.value, e.value, m.value, t.unit, {", ".join(_SOURCE_IDS.format(a=a) for a in "tem")}
           FROM {rows_sql}
           JOIN indicators e ON e.indicator = 'exports' AND e.subject_id = t.subject_id
                AND e.counterpart_id IS t.counterpart_id AND e.period_start = t.period_start
                AND e.period_end = t.period_end AND e.unit = t.unit
           JOIN indicators m ON m.indicator = 'imports' AND m.subject_id = t.subject_id
                AND m.counterpart_id IS t.counterpart_id AND m.period_start = t.period_start
                AND m.period_end = t.period_end AND m.unit = t.unit
           WHERE abs(t.value - (e.value + m.value)) > :tolerance
           ORDER BY t.period_start, t.id, e.id, m.id""",
        {**params, "tolerance": ROUNDING_TOLERANCE}).fetchall()
    names, findings = _Names(db), []
    for (t_id, e_id, m_id, subject, counterpart, start, end, turnover, exports, imports, unit,
         *sources) in rows:
        message = _(
            "Trade turnover {between}, {period}, is {turnover}, but exports {exports} + imports {imports} "
            "= {total} (source: {sources}). The figures are kept as published."
        ).format(between=names.between(subject, counterpart), period=_period(start, end),
                 turnover=format_quantity(turnover, unit), exports=format_number(exports),
                 imports=format_number(imports), total=format_quantity(round(exports + imports, 10), unit),
                 sources=_quoted(names.sources(*sources)))
        findings.append(Finding("turnover_sum", message,
                                (("indicator", t_id), ("indicator", e_id), ("indicator", m_id))))
    return findings


@_check("conflicting_values", _("Sources that disagree"), "indicator")
def check_conflicting_values(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """One indicator, pair, period and unit with different values: every value and its sources."""
    rows_sql, params = _indicator_rows(scope, "g", same_indicator=True)
    # Slots holding more than one record are found on the pair index alone (no table reads);
    # only those few are then read whole and compared.
    rows = db.execute(
        f"""WITH crowded AS MATERIALIZED (
               SELECT g.subject_id, g.counterpart_id, g.indicator, g.period_start FROM {rows_sql}
               GROUP BY g.subject_id, g.counterpart_id, g.indicator, g.period_start HAVING count(*) > 1),
           groups AS MATERIALIZED (
               SELECT i.subject_id, i.counterpart_id, i.indicator, i.period_start, i.period_end, i.unit
               FROM crowded c CROSS JOIN indicators i ON i.subject_id = c.subject_id
                    AND i.counterpart_id IS c.counterpart_id AND i.indicator = c.indicator
                    AND i.period_start = c.period_start
               GROUP BY i.subject_id, i.counterpart_id, i.indicator, i.period_start, i.period_end, i.unit
               HAVING min(i.value) <> max(i.value))
           SELECT i.id, {_PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end, i.unit,
                  i.value, {_SOURCE_IDS.format(a="i")}
           FROM groups g CROSS JOIN indicators i ON i.subject_id = g.subject_id
                AND i.counterpart_id IS g.counterpart_id AND i.indicator = g.indicator
                AND i.period_start = g.period_start AND i.period_end = g.period_end AND i.unit = g.unit
           ORDER BY i.period_start, i.subject_id, i.counterpart_id, i.indicator, i.period_end, i.unit,
                    i.value, i.id""", params).fetchall()
    groups: dict[tuple, list[tuple]] = {}
    for row in rows:
        groups.setdefault(row[1:7], []).append(row)
    names, findings = _Names(db), []
    for (subject, counterpart, indicator, start, end, unit), members in groups.items():
        by_value: dict[float, list[str | None]] = {}
        for member in members:
            by_value.setdefault(member[7], []).append(member[8])
        values = [_("{value} according to {sources}").format(
            value=format_quantity(value, unit), sources=_quoted(names.sources(*sources)))
            for value, sources in by_value.items()]
        message = _("{figure}, {period}: the records disagree — {values}. All are kept; none is "
                    "averaged or preferred.").format(
            figure=names.figure(indicator, subject, counterpart), period=_period(start, end),
            values="; ".join(values))
        findings.append(Finding("conflicting_values", message,
                                tuple(("indicator", m[0]) for m in members)))
    return findings


@_check("overlapping_periods", _("Overlapping periods"), "indicator")
def check_overlapping_periods(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Overlapping periods of one series where one of them is not a standard span."""
    # The distinct periods come from the period index in milliseconds; with no odd period
    # among them (the usual case) there is nothing to look for.
    # (Materialised, the DISTINCT is a skip-scan of the index; inlined, SQLite reads every entry.)
    odd = db.execute("WITH p AS MATERIALIZED (SELECT DISTINCT period_start, period_end FROM indicators) "
                     f"SELECT period_start, period_end FROM p WHERE NOT {_standard_period('p')}").fetchall()
    if not odd:
        return []
    params = {"odd": json.dumps([list(p) for p in odd])}
    columns = ("a.id, b.id, a.subject_id, a.counterpart_id, a.indicator, a.period_start, a.period_end, "
               "b.period_start, b.period_end")
    same_series = ("b.subject_id = a.subject_id AND b.counterpart_id IS a.counterpart_id "
                   "AND b.indicator = a.indicator AND b.unit = a.unit AND b.id <> a.id "
                   "AND NOT (b.period_start = a.period_start AND b.period_end = a.period_end)")
    odd_start, odd_end = "json_extract(o.value, '$[0]')", "json_extract(o.value, '$[1]')"
    # CROSS JOIN keeps SQLite's join order: from the few starting records to their series.
    overlapping_any = (f"CROSS JOIN indicators b ON {same_series} AND b.period_start <= a.period_end "
                       "AND b.period_end >= a.period_start")
    if scope is None:
        sql = (f"SELECT {columns} FROM json_each(:odd) o CROSS JOIN indicators a INDEXED BY indicators_period "
               f"ON a.period_start = {odd_start} AND a.period_end = {odd_end} {overlapping_any}")
    else:
        params["indicator_ids"] = _ids(scope.get("indicator", ()))
        scoped = "json_each(:indicator_ids) j CROSS JOIN indicators a ON a.id = j.value"
        sql = (f"SELECT {columns} FROM {scoped} {overlapping_any} WHERE NOT {_standard_period('a')} "
               f"UNION ALL SELECT {columns} FROM {scoped} CROSS JOIN json_each(:odd) o "
               f"ON {odd_start} <= a.period_end AND {odd_end} >= a.period_start "
               f"CROSS JOIN indicators b ON {same_series} AND b.period_start = {odd_start} "
               f"AND b.period_end = {odd_end}")
    rows = db.execute(sql, params).fetchall()
    names, findings, seen = _Names(db), [], set()
    for a_id, b_id, subject, counterpart, indicator, a_start, a_end, b_start, b_end in sorted(
            rows, key=lambda r: (min(r[5], r[7]), min(r[0], r[1]), max(r[0], r[1]))):
        if frozenset((a_id, b_id)) in seen:
            continue
        seen.add(frozenset((a_id, b_id)))
        (first, first_id), (second, second_id) = sorted(
            ((Period.from_db(a_start, a_end), a_id), (Period.from_db(b_start, b_end), b_id)))
        odd = [p.label() for p in (first, second) if not p.is_standard]
        message = _("{figure} is recorded for {first} and for {second}; these periods overlap, and "
                    "{odd} is not a whole year, half-year, quarter, month or year-to-date span, so the "
                    "overlap may be counted twice. Check the periods against the source.").format(
            figure=names.figure(indicator, subject, counterpart), first=first.label(),
            second=second.label(), odd=_(" and ").join(odd))
        findings.append(Finding("overlapping_periods", message,
                                (("indicator", first_id), ("indicator", second_id))))
    return findings


# Words saying a figure covers part of a year (English and Russian, as sources write them).
_PART_OF_YEAR = re.compile(
    r"\b(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months\s+of\b"
    r"|\b(?:first|second)\s+(?:half|quarter)\b|\byear[- ]to[- ]date\b|\b(?:ytd|h1|9m)\b"
    r"|\bjan(?:uary)?\s*(?:-|–|—|to|through)\s*(?:feb|mar|apr|may|jun|jul|aug|sep|oct|nov)"
    r"|январ\w*\s*[-–—]\s*(?:феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр)"
    r"|\b(?:\d{1,2}|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|девят\w+|десят\w+|одиннадцат\w+)"
    r"\s+месяц|\b(?:перв\w+|втор\w+)\s+(?:полугоди\w*|квартал\w*)|\bполугоди",
    re.IGNORECASE)


@_check("unlabelled_partial", _("Part-year figures recorded as whole periods"), "indicator")
def check_unlabelled_partial(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures whose source could not cover their whole period, or says it covers part of it."""
    narrow, params = _in_scope(scope, "i.id", "indicator")
    params["today"] = today.isoformat()
    early = db.execute(
        f"""SELECT i.id, {_PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end,
                  s.title, s.published
           FROM indicators i JOIN indicators_sources l ON l.indicator_id = i.id
           JOIN sources s ON s.id = l.source_id
           WHERE s.published IS NOT NULL AND i.period_end > s.published AND i.period_end <= :today{narrow}
           ORDER BY i.period_start, i.id, s.id""", params).fetchall()
    names, findings, seen = _Names(db), [], set()
    for rid, subject, counterpart, indicator, start, end, title, published in early:
        if rid in seen:
            continue
        seen.add(rid)
        message = _("{figure} is recorded for {period}, but its source {title} was published on {day}, "
                    "before that period ended, so it can only cover part of it. Record the span the "
                    "figure covers (for example “Jan–May”).").format(
            figure=names.figure(indicator, subject, counterpart), period=_period(start, end), title=_q(title),
            day=format_day(dt.date.fromisoformat(published)))
        findings.append(Finding("unlabelled_partial", message, (("indicator", rid),)))
    worded = db.execute(
        f"""SELECT i.id, {_PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end,
                  coalesce(i.notes, '') || char(10) || coalesce((SELECT group_concat(passage, char(10))
                      FROM indicators_sources WHERE indicator_id = i.id), '')
           FROM indicators i
           WHERE substr(i.period_start, 6, 5) = '01-01' AND substr(i.period_end, 6, 5) = '12-31'
             AND (i.notes IS NOT NULL OR EXISTS (SELECT 1 FROM indicators_sources
                                                 WHERE indicator_id = i.id AND passage IS NOT NULL)){narrow}
           ORDER BY i.period_start, i.id""", params).fetchall()
    for rid, subject, counterpart, indicator, start, end, text in worded:
        match = _PART_OF_YEAR.search(text)
        if rid in seen or match is None:
            continue
        seen.add(rid)
        message = _("{figure} is recorded for the whole of {period}, but its source speaks of part of "
                    "a year (“{words}”). Record the months the figure covers.").format(
            figure=names.figure(indicator, subject, counterpart), period=_period(start, end),
            words=match.group(0))
        findings.append(Finding("unlabelled_partial", message, (("indicator", rid),)))
    return findings


# Indicator names that look ahead by design.
_FORWARD_NAMES = ("target", "forecast", "plan", "projection")


@_check("future_figure", _("Figures dated in the future"), "indicator")
def check_future_figure(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures whose period ends after today (targets and forecasts excepted)."""
    narrow, params = _in_scope(scope, "i.id", "indicator")
    forward = " OR ".join(f"lower(i.indicator) LIKE '%{word}%'" for word in _FORWARD_NAMES)
    rows = db.execute(
        f"""SELECT i.id, {_PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end, i.value, i.unit
           FROM indicators i WHERE i.period_end > :today AND NOT ({forward}){narrow}
           ORDER BY i.period_end, i.id""", {**params, "today": today.isoformat()}).fetchall()
    names = _Names(db)
    return [Finding("future_figure", _(
        "{figure}, {period}, is {value}, but that period ends on {end}, after today ({today}): a "
        "recorded figure cannot cover time still to come. If it is a target or a forecast, name the "
        "indicator so (for example “turnover_target”).").format(
        figure=names.figure(indicator, subject, counterpart), period=_period(start, end),
        value=format_quantity(value, unit), end=format_day(dt.date.fromisoformat(end)),
        today=format_day(today)), (("indicator", rid),))
        for rid, subject, counterpart, indicator, start, end, value, unit in rows]


# -- agreements, positions, events ------------------------------------------------------------------

@_check("agreement_expired_in_force", _("Agreements past their validity marked in force"), "agreement")
def check_agreement_expired_in_force(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Agreements marked in force whose validity ended before today."""
    narrow, params = _in_scope(scope, "a.id", "agreement")
    rows = db.execute(
        f"""SELECT a.id, a.title, a.valid_until, a.valid_until_precision FROM agreements a
           WHERE a.status = 'in_force' AND a.valid_until IS NOT NULL
             AND {_fuzzy_end('a.valid_until')} < :today{narrow}
           ORDER BY a.valid_until, a.id""", {**params, "today": today.isoformat()}).fetchall()
    findings = []
    for rid, title, until, precision in rows:
        valid_until = FuzzyDate.from_db(until, precision)
        assert valid_until is not None
        findings.append(Finding("agreement_expired_in_force", _(
            "{title} is marked in force, but it was valid until {until}, which has passed. Mark it "
            "expired, or record its extension with the source that reports it.").format(
            title=_q(title), until=valid_until.label()), (("agreement", rid),)))
    return findings


_CURRENT_POSITION = (f"(p.end_date IS NULL OR {_fuzzy_end('p.end_date')} >= :today) "
                     "AND (p.start_date IS NULL OR p.start_date <= :today)")


def _positions(db: Database, today: dt.date, scope: Scope | None, condition: str) -> list[tuple]:
    """Current positions meeting ``condition``: (id, person id, person, title, body, verified_on)."""
    narrow, params = _in_position_scope(scope, "p")
    params.update(today=today.isoformat(), stale=STALE_AFTER)
    return db.execute(
        f"""SELECT p.id, p.person_id, pe.name_en, p.title, b.name_en, p.verified_on
           FROM positions p JOIN people pe ON pe.id = p.person_id LEFT JOIN parties b ON b.id = p.body_id
           WHERE {_CURRENT_POSITION} AND {condition}{narrow}
           ORDER BY pe.name_en, p.id""", params).fetchall()


@_check("position_no_start", _("Current positions without a start date"), "position", "person")
def check_position_no_start(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Officials whose current position has no start date."""
    return [Finding("position_no_start", _(
        "{person} holds the position “{title}” with no start date recorded, so the fact sheet cannot say "
        "since when. Add the start date, at whatever precision is known.").format(person=person, title=title),
        (("person", person_id), ("position", rid)))
        for rid, person_id, person, title, _body, _verified in _positions(db, today, scope, "p.start_date IS NULL")]


@_check("position_not_verified", _("Positions not verified for over a year"), "position", "person")
def check_position_not_verified(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Officials whose current position was never verified, or not within the last year."""
    findings = []
    condition = "(p.verified_on IS NULL OR p.verified_on < date(:today, :stale))"
    for rid, person_id, person, title, _body, verified in _positions(db, today, scope, condition):
        if verified is None:
            message = _("{person}'s position “{title}” has never been verified. Check that it is still "
                        "held and record the date checked.").format(person=person, title=title)
        else:
            message = _("{person}'s position “{title}” was last verified on {day}, over a year ago. Check "
                        "that it is still held and record the date checked.").format(
                person=person, title=title, day=format_day(dt.date.fromisoformat(verified)))
        findings.append(Finding("position_not_verified", message, (("person", person_id), ("position", rid))))
    return findings


@_check("planned_event_passed", _("Planned events whose date has passed"), "event")
def check_planned_event_passed(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Events still marked planned after the last day of their date."""
    narrow, params = _in_scope(scope, "e.id", "event")
    rows = db.execute(
        f"""SELECT e.id, e.title, e.start_date, e.start_date_precision, e.end_date, e.end_date_precision
           FROM events e WHERE e.status = 'planned' AND e.start_date IS NOT NULL
             AND coalesce({_fuzzy_end('e.end_date')}, {_fuzzy_end('e.start_date')}) < :today{narrow}
           ORDER BY e.start_date, e.id""", {**params, "today": today.isoformat()}).fetchall()
    findings = []
    for rid, title, start, start_precision, end, end_precision in rows:
        first, last = FuzzyDate.from_db(start, start_precision), FuzzyDate.from_db(end, end_precision)
        assert first is not None
        when = first.label() if last is None or last == first else f"{first.label()} – {last.label()}"
        findings.append(Finding("planned_event_passed", _(
            "{title} ({when}) is still marked planned, but that date has passed. Record whether it was "
            "held, postponed or cancelled.").format(title=_q(title), when=when), (("event", rid),)))
    return findings


# Kinds every fact of which needs a source: (kind, table, link table's own column).
_SOURCED = (("indicator", "indicators", "indicator_id"), ("agreement", "agreements", "agreement_id"),
            ("event", "events", "event_id"), ("position", "positions", "position_id"),
            ("statement", "statements", "statement_id"))


@_check("unsourced", _("Facts without a source"), "indicator", "agreement", "event", "position", "person",
        "statement")
def check_unsourced(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures, agreements, events, positions and statements with no source."""
    from db.read.queries import LABEL_SQL  # the one definition of a record's label

    findings = []
    for kind, table, own in _SOURCED:
        if scope is not None and not scope.get(kind) and not (kind == "position" and scope.get("person")):
            continue
        narrow, params = _in_position_scope(scope, "r") if kind == "position" else _in_scope(scope, "r.id", kind)
        person = "r.person_id" if kind == "position" else "NULL"
        rows = db.execute(
            f"""SELECT r.id, {LABEL_SQL[kind]}, {person} FROM {table} r
               WHERE NOT EXISTS (SELECT 1 FROM {table}_sources l WHERE l.{own} = r.id){narrow}
               ORDER BY r.id""", params).fetchall()
        for rid, label, person_id in rows:
            records = ((("person", person_id),) if person_id is not None else ()) + ((kind, rid),)
            findings.append(Finding("unsourced", _(
                "{kind} {label} has no source; every fact on a fact sheet needs one. Add the article or "
                "release it comes from.").format(kind=KIND_NAMES[kind][0], label=_q(label)), records))
    return findings


# -- running ----------------------------------------------------------------------------------------

def run_checks(db: Database, today: dt.date | None = None, scope: Scope | None = None) -> list[Finding]:
    """Every finding of every check as of ``today`` (default: the real today).

    With ``scope`` only findings involving those records (kind -> ids) are returned.
    """
    today = today or dt.date.today()
    findings: list[Finding] = []
    for check in CHECKS.values():
        findings.extend(check(db, today, scope))
    return findings


def findings_for(db: Database, kind: str, ids: Collection[int], today: dt.date | None = None) -> list[Finding]:
    """The findings about some records of one kind (a page of a list, one record's detail).

    A person's findings include those about their positions.
    """
    scope: dict[str, Collection[int]] = {kind: set(ids)}
    if kind == "person" and ids:
        rows = db.execute("SELECT id FROM positions WHERE person_id IN (SELECT value FROM json_each(?))",
                          [_ids(ids)]).fetchall()
        scope["position"] = {r[0] for r in rows}
    return run_checks(db, today, scope)


def pair_findings(db: Database, pair, today: dt.date | None = None) -> list[Finding]:
    """The findings about what the Overview and the fact sheet show for a pair (a ``PairScope``).

    Its figures, agreements, current officials, events and statements.
    """
    from db.read import queries

    today = today or dt.date.today()
    figures = queries.pair_figure_ids(db, pair)  # the same rule that picks the pair's figures
    officials = queries.officials(db, pair.a_down | pair.b_down, today)
    scope = {
        "indicator": figures,
        "agreement": {a.id for a in queries.pair_agreements(db, pair)},
        "position": {o.position_id for o in officials},
        "person": {o.person_id for o in officials},
        "event": {e.id for e in queries.pair_events(db, pair)},
        "statement": {s.id for s in queries.pair_statements(db, pair)},
    }
    return run_checks(db, today, scope)
