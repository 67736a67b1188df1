"""Data-quality checks: why the figures can be trusted, or where they cannot.

Each check reads the database and returns ``Finding``s: a sentence naming the records
involved (with their kinds and ids, so the window can mark the affected rows and the
fact sheet can print the note). A source's figures are never "corrected" here: a check
only reports, e.g. that a turnover differs from exports + imports as printed.

``run_checks(db, today)`` runs every check; ``CHECKS`` lists them so new ones are added
in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from db.dates import Period
from db.formatting import format_number, format_quantity
from db.i18n import _

# A difference up to this much (in the figures' unit) is rounding, not an inconsistency.
ROUNDING_TOLERANCE = 0.15


@dataclass(frozen=True)
class Finding:
    """One data-quality problem: what is wrong, in a sentence, and which records."""

    check: str  # the check's name, e.g. "turnover_sum"
    message: str
    records: tuple[tuple[str, int], ...]  # (kind, id) of every record involved

    def involves(self, kind: str, record_id: int) -> bool:
        return (kind, record_id) in self.records


def _party_name(db: Database, party_id: int | None) -> str:
    if party_id is None:
        return ""
    row = db.execute("SELECT name_en FROM parties WHERE id = ?", [party_id]).fetchone()
    return row[0] if row else ""


def _source_titles(db: Database, indicator_ids: list[int]) -> str:
    marks = ", ".join("?" for _ in indicator_ids)
    rows = db.execute(
        f"SELECT DISTINCT s.title FROM indicators_sources l JOIN sources s ON s.id = l.source_id "
        f"WHERE l.indicator_id IN ({marks}) ORDER BY s.title", indicator_ids).fetchall()
    return "; ".join(f"“{r[0]}”" for r in rows) or _("no source")


def check_turnover_sum(db: Database, today: dt.date) -> list[Finding]:
    """Turnover that differs from exports + imports for the same pair, period and unit."""
    rows = db.execute(
        """SELECT t.id, e.id, m.id, t.subject_id, t.counterpart_id, t.period_start, t.period_end,
                  t.value, e.value, m.value, t.unit
           FROM indicators t
           JOIN indicators e ON e.indicator = 'exports' AND e.subject_id = t.subject_id
                AND e.counterpart_id IS t.counterpart_id AND e.period_start = t.period_start
                AND e.period_end = t.period_end AND e.unit = t.unit
           JOIN indicators m ON m.indicator = 'imports' AND m.subject_id = t.subject_id
                AND m.counterpart_id IS t.counterpart_id AND m.period_start = t.period_start
                AND m.period_end = t.period_end AND m.unit = t.unit
           WHERE t.indicator = 'turnover' AND abs(t.value - (e.value + m.value)) > :tolerance
           ORDER BY t.period_start, t.id""", {"tolerance": ROUNDING_TOLERANCE}).fetchall()
    findings = []
    for t_id, e_id, m_id, subject, counterpart, start, end, turnover, exports, imports, unit in rows:
        period = Period.from_db(start, end).label()
        between = _party_name(db, subject) + (f" – {_party_name(db, counterpart)}" if counterpart else "")
        message = _(
            "Trade turnover {between}, {period}, is {turnover}, but exports {exports} + imports {imports} "
            "= {total} (source: {sources}). The figures are kept as published."
        ).format(between=between, period=period, turnover=format_quantity(turnover, unit),
                 exports=format_number(exports), imports=format_number(imports),
                 total=format_quantity(round(exports + imports, 10), unit),
                 sources=_source_titles(db, [t_id, e_id, m_id]))
        findings.append(Finding("turnover_sum", message,
                                (("indicator", t_id), ("indicator", e_id), ("indicator", m_id))))
    return findings


CHECKS: dict[str, Callable[[Database, dt.date], list[Finding]]] = {
    "turnover_sum": check_turnover_sum,
}


def run_checks(db: Database, today: dt.date | None = None) -> list[Finding]:
    """Every finding of every check, as of ``today`` (default: the real today)."""
    today = today or dt.date.today()
    findings: list[Finding] = []
    for check in CHECKS.values():
        findings.extend(check(db, today))
    return findings


def findings_about(findings: list[Finding], records: set[tuple[str, int]]) -> list[Finding]:
    """The findings that involve at least one of ``records``."""
    return [f for f in findings if any(r in records for r in f.records)]
