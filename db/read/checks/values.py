"""Checks on figures' values: turnover that does not add up, and sources that disagree.

``turnover_sum``
    A turnover that differs from exports + imports (same pair, period, measure and reporter)
    by more than ``ROUNDING_TOLERANCE`` of the coarsest scale among the three: exports in USD
    thousand are added up in the turnover's USD million, and a turnover rounded to 0.1 USD
    million is not held to a sum exact to the thousand.
``conflicting_values``
    Records of one indicator for the same pair, period and measure with different amounts
    (typically from different sources): 128.6 USD million against 130 000 USD thousand
    disagree, 128.6 USD million and 128 600 USD thousand do not. Every value is named in the
    unit most of the records use (one published in another scale saying how it was
    published) with its sources, and with its reporter when one is recorded; nothing is
    averaged. Figures from two different named reporters are mirror statistics
    (``db.read.mirror``), shown side by side, and are not a conflict; a figure whose
    reporter is not recorded is compared with every other.

Scales are compared through the SQL functions ``unit_measure`` and ``unit_amount``
(``db.file.sql_functions``), called only where the cheap comparison of values in one unit
cannot decide: where one period's records use more than one unit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from db.model.formatting import format_number, format_quantity
from db.model.i18n import N_, _
from db.model.units import display_unit, measure_and_scale, rescale, same_measure
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
from db.read.scales import Published, shown_quantity

if TYPE_CHECKING:
    from sqlite_utils import Database

# A difference up to this much (in the figures' unit, the coarsest of them when their scales
# differ) is rounding, not an inconsistency.
ROUNDING_TOLERANCE = 0.15


@check("turnover_sum", N_("Turnover that does not add up"), "indicator")
def check_turnover_sum(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Turnover that differs from exports + imports for the same pair, period and measure."""
    rows_sql, params = indicator_rows(scope, "t", indicator="turnover")
    # Figures in one unit are compared in SQL; where the units differ, in Python (``_adds_up``).
    rows = db.execute(
        f"""SELECT t.id, e.id, m.id, {PAIR_IDS.format(a="t")}, t.period_start, t.period_end,
                  t.value, e.value, m.value, t.unit, e.unit, m.unit,
                  {", ".join(SOURCE_IDS.format(a=a) for a in "tem")}
           FROM {rows_sql}
           JOIN indicators e ON e.indicator = 'exports' AND e.subject_id = t.subject_id
                AND e.counterpart_id IS t.counterpart_id AND e.period_start = t.period_start
                AND e.period_end = t.period_end AND e.reporter_id IS t.reporter_id
           JOIN indicators m ON m.indicator = 'imports' AND m.subject_id = t.subject_id
                AND m.counterpart_id IS t.counterpart_id AND m.period_start = t.period_start
                AND m.period_end = t.period_end AND m.reporter_id IS t.reporter_id
           WHERE (e.unit = t.unit AND m.unit = t.unit AND abs(t.value - (e.value + m.value)) > :tolerance)
              OR e.unit <> t.unit OR m.unit <> t.unit
           ORDER BY t.period_start, t.id, e.id, m.id""",
        {**params, "tolerance": ROUNDING_TOLERANCE}).fetchall()
    names, findings, seen = Names(db), [], set()
    for (t_id, e_id, m_id, subject, counterpart, start, end, turnover, exports, imports, unit, e_unit, m_unit,
         *sources) in rows:
        mixed = e_unit != unit or m_unit != unit
        if mixed:
            total = _adds_up(turnover, unit, (exports, e_unit), (imports, m_unit))
            if total is None or (t_id, total) in seen:  # comparable and wrong, said once per turnover and sum
                continue
            seen.add((t_id, total))
        else:
            total = round(exports + imports, 10)
        message = _(
            "Trade turnover {between}, {period}, is {turnover}, but exports {exports} + imports {imports} "
            "= {total} (source: {sources}). The figures are kept as published."
        ).format(between=names.between(subject, counterpart), period=period_label(start, end),
                 turnover=format_quantity(turnover, unit),
                 exports=format_quantity(exports, e_unit) if mixed else format_number(exports),
                 imports=format_quantity(imports, m_unit) if mixed else format_number(imports),
                 total=format_quantity(total, unit), sources=quoted(names.sources(*sources)))
        findings.append(Finding("turnover_sum", message,
                                (("indicator", t_id), ("indicator", e_id), ("indicator", m_id))))
    return findings


def _adds_up(turnover: float, unit: str, *parts: tuple[float, str]) -> float | None:
    """Exports + imports written in the turnover's ``unit`` when they do not add up to it; None
    when they do (within rounding in the coarsest scale) or measure something else."""
    if not all(same_measure(unit, part_unit) for _value, part_unit in parts):
        return None
    total = round(sum(rescale(value, part_unit, unit) for value, part_unit in parts), 10)
    coarsest = max(measure_and_scale(u)[1] for u in (unit, *(part_unit for _value, part_unit in parts)))
    tolerance = ROUNDING_TOLERANCE * coarsest / measure_and_scale(unit)[1]
    return total if abs(turnover - total) > tolerance else None


def _conflicting(db: Database, scope: Scope | None, limit: int | None) -> Head:
    """The first ``limit`` groups of records that disagree (all when None) as findings, and how
    many groups there are in all.

    All in SQL and over the pair index: slots (pair, indicator, start) holding more than one
    record are found on the index alone; only their records are read, in row order, and
    grouped by period end. A group disagrees when it holds more than one value and either one
    reporter gives two values or a value's reporter is not recorded; two named reporters
    giving one value each are mirror statistics (``db.read.mirror``), not a disagreement.
    Groups in one unit are decided on their values; only a group using several units is read
    again, split by measure and decided on the amounts. Sentences are written for the groups
    shown only.
    """
    rows_sql, params = indicator_rows(scope, "g", same_indicator=True)
    same_period = ("i.subject_id = c.subject_id AND i.counterpart_id IS c.counterpart_id AND i.indicator = c.indicator "
                   "AND i.period_start = c.period_start")
    rows = db.execute(
        f"""WITH crowded AS MATERIALIZED (
               SELECT g.subject_id, g.counterpart_id, g.indicator, g.period_start FROM {rows_sql}
               GROUP BY g.subject_id, g.counterpart_id, g.indicator, g.period_start HAVING count(*) > 1),
           members AS MATERIALIZED (
               SELECT i.id FROM crowded c CROSS JOIN indicators i ON {same_period}),
           candidates AS MATERIALIZED (
               SELECT subject_id, counterpart_id, indicator, period_start, period_end,
                      count(DISTINCT unit) > 1 AS mixed FROM indicators
               WHERE id IN (SELECT id FROM members)
               GROUP BY subject_id, counterpart_id, indicator, period_start, period_end
               HAVING count(DISTINCT unit) > 1
                   OR (min(value) <> max(value)
                       AND (max(reporter_id IS NULL) = 1
                            OR count(DISTINCT reporter_id || ':' || value) > count(DISTINCT reporter_id)))),
           groups AS MATERIALIZED (
               SELECT subject_id, counterpart_id, indicator, period_start, period_end, NULL AS measure
               FROM candidates WHERE NOT mixed
               UNION ALL
               SELECT c.subject_id, c.counterpart_id, c.indicator, c.period_start, c.period_end,
                      unit_measure(i.unit) AS measure
               FROM candidates c CROSS JOIN indicators i ON {same_period} AND i.period_end = c.period_end
               WHERE c.mixed
               GROUP BY c.subject_id, c.counterpart_id, c.indicator, c.period_start, c.period_end, measure
               HAVING count(DISTINCT unit_amount(i.value, i.unit)) > 1
                  AND (max(i.reporter_id IS NULL) = 1
                       OR count(DISTINCT i.reporter_id || ':' || unit_amount(i.value, i.unit))
                          > count(DISTINCT i.reporter_id))),
           shown AS MATERIALIZED (
               SELECT * FROM groups ORDER BY period_start, subject_id, counterpart_id, indicator, period_end, measure
               LIMIT :limit)
           SELECT (SELECT count(*) FROM groups), i.id, {PAIR_IDS.format(a="i")}, i.indicator, i.period_start,
                  i.period_end, c.measure, i.unit, i.value, {SOURCE_IDS.format(a="i")}, i.reporter_id
           FROM shown c CROSS JOIN indicators i ON {same_period} AND i.period_end = c.period_end
                AND (c.measure IS NULL OR unit_measure(i.unit) = c.measure)
           ORDER BY i.period_start, i.subject_id, i.counterpart_id, i.indicator, i.period_end, c.measure,
                    i.value, i.id""", {**params, "limit": -1 if limit is None else limit}).fetchall()
    total = rows[0][0] if rows else 0
    groups: dict[tuple, list[_Member]] = {}
    for _total, rid, *key, unit, value, sources, reporter in rows:
        groups.setdefault(tuple(key), []).append(_Member(rid, unit, value, sources, reporter, value))
    names, findings = Names(db), []
    for (subject, counterpart, indicator, start, end, _measure), found in groups.items():
        shown = display_unit(Counter(m.unit for m in found))
        members = _disagreeing([m._replace(value=rescale(m.value, m.unit, shown)) for m in found])
        named = any(m.reporter is not None for m in members)
        by_value: dict[tuple[float, int | None], list[_Member]] = {}
        for member in sorted(members, key=lambda m: (m.value, m.id)):
            by_value.setdefault((member.value, member.reporter if named else None), []).append(member)
        values = []
        for (value, reporter), same in by_value.items():
            converted = next((Published(m.published, m.unit) for m in same if m.unit != shown), None)
            text = _("{value} according to {sources}").format(
                value=shown_quantity(value, shown, converted), sources=quoted(names.sources(*(m.sources for m in same))))
            if named:
                text = _("{value} ({reporter})").format(value=text, reporter=reporter_label(
                    names.party(reporter) if reporter is not None else None))
            values.append(text)
        message = _("{figure}, {period}: the records disagree — {values}. All are kept; none is "
                    "averaged or preferred.").format(
            figure=names.figure(indicator, subject, counterpart), period=period_label(start, end),
            values="; ".join(values))
        findings.append(Finding("conflicting_values", message,
                                tuple(("indicator", m.id) for m in sorted(members, key=lambda m: (m.value, m.id)))))
    return findings, total


class _Member(NamedTuple):
    """One record of a group: its value (in the group's unit once compared) and sources."""

    id: int
    unit: str  # as published
    value: float
    sources: str | None
    reporter: int | None
    published: float  # the value as published, in ``unit``


def _disagreeing(members: list[_Member]) -> list[_Member]:
    """The records of one group that disagree: different values from one reporter, or a value
    whose reporter is not recorded against any other. Two named reporters are mirrors."""
    values: dict[int | None, set[float]] = {}
    for member in members:
        values.setdefault(member.reporter, set()).add(member.value)
    involved = {reporter for reporter, found in values.items() if len(found) > 1}
    unknown = values.get(None, set())
    if unknown:
        involved |= {r for r, found in values.items() if r is not None and len(found | unknown) > 1}
        if any(r is not None for r in involved):
            involved.add(None)
    return [m for m in members if m.reporter in involved]


@check("conflicting_values", N_("Sources that disagree"), "indicator",
       head=lambda db, _today, limit: _conflicting(db, None, limit))
def check_conflicting_values(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """One indicator, pair, period and unit with different values: every value and its sources."""
    return _conflicting(db, scope, None)[0]
