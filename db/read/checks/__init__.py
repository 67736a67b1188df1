"""Data-quality checks: why the figures can be trusted, or where they cannot.

Each check reads the database in SQL and returns ``Finding``s: a sentence naming the
records involved, with their kinds and ids, so the window can mark the affected rows,
the Overview and the fact sheet can print the note and ``factsheet check`` can list it.
A source's figures are never "corrected" here: a check only reports what it sees.

What lives here:

- ``framework``: the ``Finding`` and ``Check`` types and the SQL narrowing a check to a scope;
- ``wording``: how findings name parties, figures, sources and periods;
- the families of checks, each module describing its own: ``values`` (turnover that does
  not add up, sources that disagree), ``periods`` (overlapping periods, part-year figures
  recorded whole, figures in the future), ``status`` (agreements past validity, positions
  without a start or not verified, planned events whose date has passed) and
  ``provenance`` (facts without a source);
- this module: ``CHECKS`` in report order, and running them.

``run_checks(db, today)`` runs them all over the whole database; with ``scope``
(record kind → ids) each check narrows its SQL to those records and keeps only the
findings that involve one of them, which is how the window marks one page of a
million-row table without checking the whole table.

Only reads. May use the rest of ``db.read`` (record labels, a pair's facts), ``db.model``
and ``db.errors``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from db.read.checks.framework import Check, Finding, Scope, ids_json
from db.read.checks.periods import (
    check_future_figure,
    check_overlapping_periods,
    check_unlabelled_partial,
)
from db.read.checks.provenance import check_unsourced
from db.read.checks.status import (
    check_agreement_expired_in_force,
    check_planned_event_passed,
    check_position_no_start,
    check_position_not_verified,
)
from db.read.checks.values import check_conflicting_values, check_turnover_sum

if TYPE_CHECKING:
    from sqlite_utils import Database

# Every check by name, in the order reports list them.
CHECKS: dict[str, Check] = {check.name: check for check in (
    check_turnover_sum, check_conflicting_values, check_overlapping_periods, check_unlabelled_partial,
    check_future_figure, check_agreement_expired_in_force, check_position_no_start,
    check_position_not_verified, check_planned_event_passed, check_unsourced,
)}


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
                          [ids_json(ids)]).fetchall()
        scope["position"] = {r[0] for r in rows}
    return run_checks(db, today, scope)


def pair_findings(db: Database, pair, today: dt.date | None = None) -> list[Finding]:
    """The findings about what the Overview and the fact sheet show for a pair (a ``PairScope``).

    Its figures, agreements, current officials, events and statements.
    """
    from db.read import pair_facts

    today = today or dt.date.today()
    figures = pair_facts.pair_figure_ids(db, pair)  # the same rule that picks the pair's figures
    officials = pair_facts.officials(db, pair.a_down | pair.b_down, today)
    scope = {  # by id alone: the facts themselves are read by whoever shows them
        "indicator": figures,
        "agreement": pair_facts.pair_agreement_ids(db, pair),
        "position": {o.position_id for o in officials},
        "person": {o.person_id for o in officials},
        "event": pair_facts.pair_event_ids(db, pair),
        "statement": pair_facts.pair_statement_ids(db, pair),
    }
    return run_checks(db, today, scope)
