"""Checks on figures' values: turnover that does not add up, and sources that disagree.

``turnover_sum``
    A turnover that differs from exports + imports (same pair, period, unit and reporter) by
    more than ``ROUNDING_TOLERANCE``.
``conflicting_values``
    Records of one indicator for the same pair, period and unit with different values
    (typically from different sources). Every value is named with its sources, and with its
    reporter when one is recorded; nothing is averaged. Figures from two different named
    reporters are mirror statistics (``db.read.mirror``), shown side by side, and are not a
    conflict; a figure whose reporter is not recorded is compared with every other.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.model.formatting import format_number, format_quantity
from db.model.i18n import _
from db.read.checks.framework import (
    PAIR_IDS,
    SOURCE_IDS,
    Finding,
    Head,
    Scope,
    check,
    indicator_rows,
)
from db.read.checks.wording import Names, period_label, quoted
from db.read.mirror import reporter_label

if TYPE_CHECKING:
    from sqlite_utils import Database

# A difference up to this much (in the figures' unit) is rounding, not an inconsistency.
ROUNDING_TOLERANCE = 0.15


@check("turnover_sum", _("Turnover that does not add up"), "indicator")
def check_turnover_sum(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Turnover that differs from exports + imports for the same pair, period and unit."""
    rows_sql, params = indicator_rows(scope, "t", indicator="turnover")
    rows = db.execute(
        f"""SELECT t.id, e.id, m.id, {PAIR_IDS.format(a="t")}, t.period_start, t.period_end,
                  t.value, e.value, m.value, t.unit, {", ".join(SOURCE_IDS.format(a=a) for a in "tem")}
           FROM {rows_sql}
           JOIN indicators e ON e.indicator = 'exports' AND e.subject_id = t.subject_id
                AND e.counterpart_id IS t.counterpart_id AND e.period_start = t.period_start
                AND e.period_end = t.period_end AND e.unit = t.unit AND e.reporter_id IS t.reporter_id
           JOIN indicators m ON m.indicator = 'imports' AND m.subject_id = t.subject_id
                AND m.counterpart_id IS t.counterpart_id AND m.period_start = t.period_start
                AND m.period_end = t.period_end AND m.unit = t.unit AND m.reporter_id IS t.reporter_id
           WHERE abs(t.value - (e.value + m.value)) > :tolerance
           ORDER BY t.period_start, t.id, e.id, m.id""",
        {**params, "tolerance": ROUNDING_TOLERANCE}).fetchall()
    names, findings = Names(db), []
    for (t_id, e_id, m_id, subject, counterpart, start, end, turnover, exports, imports, unit,
         *sources) in rows:
        message = _(
            "Trade turnover {between}, {period}, is {turnover}, but exports {exports} + imports {imports} "
            "= {total} (source: {sources}). The figures are kept as published."
        ).format(between=names.between(subject, counterpart), period=period_label(start, end),
                 turnover=format_quantity(turnover, unit), exports=format_number(exports),
                 imports=format_number(imports), total=format_quantity(round(exports + imports, 10), unit),
                 sources=quoted(names.sources(*sources)))
        findings.append(Finding("turnover_sum", message,
                                (("indicator", t_id), ("indicator", e_id), ("indicator", m_id))))
    return findings


def _conflicting(db: Database, scope: Scope | None, limit: int | None) -> Head:
    """The first ``limit`` groups of records that disagree (all when None) as findings, and how
    many groups there are in all.

    All in SQL and over the pair index: slots (pair, indicator, start) holding more than one
    record are found on the index alone; only their records are read, in row order, and
    grouped by period end and unit. A group disagrees when it holds more than one value and
    either one reporter gives two values or a value's reporter is not recorded; two named
    reporters giving one value each are mirror statistics (``db.read.mirror``), not a
    disagreement. Sentences are written for the groups shown only.
    """
    rows_sql, params = indicator_rows(scope, "g", same_indicator=True)
    rows = db.execute(
        f"""WITH crowded AS MATERIALIZED (
               SELECT g.subject_id, g.counterpart_id, g.indicator, g.period_start FROM {rows_sql}
               GROUP BY g.subject_id, g.counterpart_id, g.indicator, g.period_start HAVING count(*) > 1),
           members AS MATERIALIZED (
               SELECT i.id FROM crowded c CROSS JOIN indicators i ON i.subject_id = c.subject_id
                    AND i.counterpart_id IS c.counterpart_id AND i.indicator = c.indicator
                    AND i.period_start = c.period_start),
           groups AS MATERIALIZED (
               SELECT subject_id, counterpart_id, indicator, period_start, period_end, unit FROM indicators
               WHERE id IN (SELECT id FROM members)
               GROUP BY subject_id, counterpart_id, indicator, period_start, period_end, unit
               HAVING min(value) <> max(value)
                  AND (max(reporter_id IS NULL) = 1
                       OR count(DISTINCT reporter_id || ':' || value) > count(DISTINCT reporter_id))),
           shown AS MATERIALIZED (
               SELECT * FROM groups ORDER BY period_start, subject_id, counterpart_id, indicator, period_end, unit
               LIMIT :limit)
           SELECT (SELECT count(*) FROM groups), i.id, {PAIR_IDS.format(a="i")}, i.indicator, i.period_start,
                  i.period_end, i.unit, i.value, {SOURCE_IDS.format(a="i")}, i.reporter_id
           FROM shown g CROSS JOIN indicators i ON i.subject_id = g.subject_id
                AND i.counterpart_id IS g.counterpart_id AND i.indicator = g.indicator
                AND i.period_start = g.period_start AND i.period_end = g.period_end AND i.unit = g.unit
           ORDER BY i.period_start, i.subject_id, i.counterpart_id, i.indicator, i.period_end, i.unit,
                    i.value, i.id""", {**params, "limit": -1 if limit is None else limit}).fetchall()
    total = rows[0][0] if rows else 0
    groups: dict[tuple, list[tuple]] = {}
    for row in rows:
        groups.setdefault(row[2:8], []).append(row[1:])
    names, findings = Names(db), []
    for (subject, counterpart, indicator, start, end, unit), members in groups.items():
        members = _disagreeing(members)
        named = any(m[9] is not None for m in members)
        by_value: dict[tuple[float, int | None], list[str | None]] = {}
        for member in members:
            by_value.setdefault((member[7], member[9] if named else None), []).append(member[8])
        values = []
        for (value, reporter), sources in by_value.items():
            text = _("{value} according to {sources}").format(
                value=format_quantity(value, unit), sources=quoted(names.sources(*sources)))
            if named:
                text = _("{value} ({reporter})").format(value=text, reporter=reporter_label(
                    names.party(reporter) if reporter is not None else None))
            values.append(text)
        message = _("{figure}, {period}: the records disagree — {values}. All are kept; none is "
                    "averaged or preferred.").format(
            figure=names.figure(indicator, subject, counterpart), period=period_label(start, end),
            values="; ".join(values))
        findings.append(Finding("conflicting_values", message,
                                tuple(("indicator", m[0]) for m in members)))
    return findings, total


def _disagreeing(members: list[tuple]) -> list[tuple]:
    """The records of one group that disagree: different values from one reporter, or a value
    whose reporter is not recorded against any other. Two named reporters are mirrors."""
    values: dict[int | None, set[float]] = {}
    for member in members:
        values.setdefault(member[9], set()).add(member[7])
    involved = {reporter for reporter, found in values.items() if len(found) > 1}
    unknown = values.get(None, set())
    if unknown:
        involved |= {r for r, found in values.items() if r is not None and len(found | unknown) > 1}
        if any(r is not None for r in involved):
            involved.add(None)
    return [m for m in members if m[9] in involved]


@check("conflicting_values", _("Sources that disagree"), "indicator",
       head=lambda db, _today, limit: _conflicting(db, None, limit))
def check_conflicting_values(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """One indicator, pair, period and unit with different values: every value and its sources."""
    return _conflicting(db, scope, None)[0]
