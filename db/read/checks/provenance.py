"""The check on provenance: every fact on a fact sheet needs a source.

``unsourced``
    A figure, agreement, event, position or statement with no source at all (the
    editor refuses this, but a file edited elsewhere may hold one).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.model.i18n import N_, _
from db.model.kinds import KIND_NAMES, LINKS, TABLES
from db.read.checks.framework import Finding, Scope, check, in_position_scope, in_scope
from db.read.checks.wording import quote

if TYPE_CHECKING:
    from sqlite_utils import Database

# Kinds every fact of which needs a source.
_SOURCED = ("indicator", "agreement", "event", "position", "statement")


def _unsourced(kind: str) -> str:
    """SQL condition: record ``r`` of ``kind`` has no source, in either place a figure keeps
    one (``db.model.links``)."""
    spec = LINKS[kind]["sources"]
    linked = f"EXISTS (SELECT 1 FROM {spec.table} l WHERE l.{spec.own_column} = r.id)"
    if spec.owner is None:
        return f"NOT {linked}"
    return f"r.{spec.row_columns[0]} IS NULL AND NOT {linked}"


def _any_unsourced(db: Database, kind: str) -> bool:
    """Whether some record of ``kind`` may have no source, answered on indexes instead of
    looking up the links of every record of a million-row table. A figure's first source is
    in its row, so the figures without one are found on the index of that column. For the
    other kinds, every record is linked when the links name as many records as there are and
    none of them is gone (a link row another tool left behind). True sends the check
    through every record."""
    spec = LINKS[kind]["sources"]
    table, own = TABLES[kind], spec.own_column
    if spec.owner is not None:
        return db.execute(f"SELECT EXISTS (SELECT 1 FROM {table} r WHERE {_unsourced(kind)})").fetchone()[0] == 1
    records = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    linked = db.execute(f"SELECT count(DISTINCT {own}) FROM {spec.table}").fetchone()[0]
    if records != linked:
        return True
    return db.execute(f"SELECT EXISTS (SELECT 1 FROM {spec.table} l "
                      f"WHERE NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id = l.{own}))").fetchone()[0] == 1


@check("unsourced", N_("Facts without a source"), "indicator", "agreement", "event", "position", "person",
        "statement")
def check_unsourced(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures, agreements, events, positions and statements with no source."""
    from db.read.queries import LABEL_SQL  # the one definition of a record's label

    findings = []
    for kind in _SOURCED:
        if scope is not None and not scope.get(kind) and not (kind == "position" and scope.get("person")):
            continue
        if scope is None and not _any_unsourced(db, kind):
            continue
        narrow, params = in_position_scope(scope, "r") if kind == "position" else in_scope(scope, "r.id", kind)
        person = "r.person_id" if kind == "position" else "NULL"
        rows = db.execute(
            f"""SELECT r.id, {LABEL_SQL[kind]}, {person} FROM {TABLES[kind]} r
               WHERE {_unsourced(kind)}{narrow}
               ORDER BY r.id""", params).fetchall()
        for rid, label, person_id in rows:
            records = ((("person", person_id),) if person_id is not None else ()) + ((kind, rid),)
            findings.append(Finding("unsourced", _(
                "{kind} {label} has no source; every fact on a fact sheet needs one. Add the article or "
                "release it comes from.").format(kind=KIND_NAMES[kind][0], label=quote(label)), records))
    return findings
