"""Checks on figures' periods: overlaps, part-year figures recorded whole, and the future.

``overlapping_periods``
    Two records of one series (pair, indicator, measure: USD thousand and USD million are
    one series, dollars and tenge two) whose periods overlap without being equal, where at
    least one period is not a standard statistical span (``Period.is_standard``: whole
    years, a half-year, a quarter, a month, year to date). Jan–May against Q2 is normal reporting; Jan–Jun against 1 Jun–31 Dec is not.
``unlabelled_partial``
    A figure for part of a period recorded as if it covered all of it: its period ends
    after its source was published (an article of 2 July cannot give the whole year),
    or it is recorded for whole years while its source passage or notes speak of part
    of a year ("first five months", "январь–май"). Periods ending after today are left
    to ``future_figure``.
``future_figure``
    A figure whose period ends after today. Indicators named as targets, forecasts,
    plans or projections (``turnover_target``) are expected to lie ahead and are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING

from db.model.dates import Period
from db.model.formatting import format_day, format_quantity
from db.model.i18n import N_, _
from db.read.checks.framework import PAIR_IDS, Finding, Scope, check, ids_json, in_scope
from db.read.checks.wording import Names, period_label, quote

if TYPE_CHECKING:
    from sqlite_utils import Database


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


@check("overlapping_periods", N_("Overlapping periods"), "indicator")
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
                   "AND b.indicator = a.indicator AND b.id <> a.id "
                   "AND (b.unit = a.unit OR unit_measure(b.unit) = unit_measure(a.unit)) "
                   "AND NOT (b.period_start = a.period_start AND b.period_end = a.period_end)")
    odd_start, odd_end = "json_extract(o.value, '$[0]')", "json_extract(o.value, '$[1]')"
    # CROSS JOIN keeps SQLite's join order: from the few starting records to their series.
    overlapping_any = (f"CROSS JOIN indicators b ON {same_series} AND b.period_start <= a.period_end "
                       "AND b.period_end >= a.period_start")
    if scope is None:
        sql = (f"SELECT {columns} FROM json_each(:odd) o CROSS JOIN indicators a INDEXED BY indicators_period "
               f"ON a.period_start = {odd_start} AND a.period_end = {odd_end} {overlapping_any}")
    else:
        params["indicator_ids"] = ids_json(scope.get("indicator", ()))
        scoped = "json_each(:indicator_ids) j CROSS JOIN indicators a ON a.id = j.value"
        sql = (f"SELECT {columns} FROM {scoped} {overlapping_any} WHERE NOT {_standard_period('a')} "
               f"UNION ALL SELECT {columns} FROM {scoped} CROSS JOIN json_each(:odd) o "
               f"ON {odd_start} <= a.period_end AND {odd_end} >= a.period_start "
               f"CROSS JOIN indicators b ON {same_series} AND b.period_start = {odd_start} "
               f"AND b.period_end = {odd_end}")
    rows = db.execute(sql, params).fetchall()
    names, findings, seen = Names(db), [], set()
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
            second=second.label(),
            odd=_("{first} and {last}").format(first=odd[0], last=odd[1]) if len(odd) == 2 else odd[0])
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


@check("unlabelled_partial", N_("Part-year figures recorded as whole periods"), "indicator")
def check_unlabelled_partial(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures whose source could not cover their whole period, or says it covers part of it."""
    narrow, params = in_scope(scope, "i.id", "indicator")
    params["today"] = today.isoformat()
    early = db.execute(
        f"""SELECT i.id, {PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end,
                  s.title, s.published
           FROM indicators i JOIN indicators_sources l ON l.indicator_id = i.id
           JOIN sources s ON s.id = l.source_id
           WHERE s.published IS NOT NULL AND i.period_end > s.published AND i.period_end <= :today{narrow}
           ORDER BY i.period_start, i.id, s.id""", params).fetchall()
    names, findings, seen = Names(db), [], set()
    for rid, subject, counterpart, indicator, start, end, title, published in early:
        if rid in seen:
            continue
        seen.add(rid)
        message = _("{figure} is recorded for {period}, but its source {title} was published on {day}, "
                    "before that period ended, so it can only cover part of it. Record the span the "
                    "figure covers (for example “Jan–May”).").format(
            figure=names.figure(indicator, subject, counterpart), period=period_label(start, end), title=quote(title),
            day=format_day(dt.date.fromisoformat(published)))
        findings.append(Finding("unlabelled_partial", message, (("indicator", rid),)))
    worded = db.execute(
        f"""SELECT i.id, {PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end,
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
            figure=names.figure(indicator, subject, counterpart), period=period_label(start, end),
            words=match.group(0))
        findings.append(Finding("unlabelled_partial", message, (("indicator", rid),)))
    return findings


# Indicator names that look ahead by design.
_FORWARD_NAMES = ("target", "forecast", "plan", "projection")


@check("future_figure", N_("Figures dated in the future"), "indicator")
def check_future_figure(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures whose period ends after today (targets and forecasts excepted)."""
    narrow, params = in_scope(scope, "i.id", "indicator")
    forward = " OR ".join(f"lower(i.indicator) LIKE '%{word}%'" for word in _FORWARD_NAMES)
    rows = db.execute(
        f"""SELECT i.id, {PAIR_IDS.format(a="i")}, i.indicator, i.period_start, i.period_end, i.value, i.unit
           FROM indicators i WHERE i.period_end > :today AND NOT ({forward}){narrow}
           ORDER BY i.period_end, i.id""", {**params, "today": today.isoformat()}).fetchall()
    names = Names(db)
    return [Finding("future_figure", _(
        "{figure}, {period}, is {value}, but that period ends on {end}, after today ({today}): a "
        "recorded figure cannot cover time still to come. If it is a target or a forecast, name the "
        "indicator so (for example “turnover_target”).").format(
        figure=names.figure(indicator, subject, counterpart), period=period_label(start, end),
        value=format_quantity(value, unit), end=format_day(dt.date.fromisoformat(end)),
        today=format_day(today)), (("indicator", rid),))
        for rid, subject, counterpart, indicator, start, end, value, unit in rows]
