"""The check on provenance: every fact on a fact sheet needs a source.

``unsourced``
    A figure, agreement, event, position or statement with no source at all (the
    editor refuses this, but a file edited elsewhere may hold one).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.model.i18n import N_, _
from db.model.kinds import KIND_NAMES
from db.read.checks.framework import Finding, Scope, check, in_position_scope, in_scope
from db.read.checks.wording import quote

if TYPE_CHECKING:
    from sqlite_utils import Database

# Kinds every fact of which needs a source: (kind, table, link table's own column).
_SOURCED = (("indicator", "indicators", "indicator_id"), ("agreement", "agreements", "agreement_id"),
            ("event", "events", "event_id"), ("position", "positions", "position_id"),
            ("statement", "statements", "statement_id"))


def _any_unsourced(db: Database, table: str, own: str) -> bool:
    """Whether some record of ``table`` may have no source, answered on the link table's index
    instead of looking up the links of every record of a million-row table: every record is
    linked when the links name as many records as there are and none of them is gone (a link
    row another tool left behind). True sends the check through every record."""
    records = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    linked = db.execute(f"SELECT count(DISTINCT {own}) FROM {table}_sources").fetchone()[0]
    if records != linked:
        return True
    return db.execute(f"SELECT EXISTS (SELECT 1 FROM {table}_sources l "
                      f"WHERE NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id = l.{own}))").fetchone()[0] == 1


@check("unsourced", N_("Facts without a source"), "indicator", "agreement", "event", "position", "person",
        "statement")
def check_unsourced(db: Database, today: dt.date, scope: Scope | None = None) -> list[Finding]:
    """Figures, agreements, events, positions and statements with no source."""
    from db.read.queries import LABEL_SQL  # the one definition of a record's label

    findings = []
    for kind, table, own in _SOURCED:
        if scope is not None and not scope.get(kind) and not (kind == "position" and scope.get("person")):
            continue
        if scope is None and not _any_unsourced(db, table, own):
            continue
        narrow, params = in_position_scope(scope, "r") if kind == "position" else in_scope(scope, "r.id", kind)
        person = "r.person_id" if kind == "position" else "NULL"
        rows = db.execute(
            f"""SELECT r.id, {LABEL_SQL[kind]}, {person} FROM {table} r
               WHERE NOT EXISTS (SELECT 1 FROM {table}_sources l WHERE l.{own} = r.id){narrow}
               ORDER BY r.id""", params).fetchall()
        for rid, label, person_id in rows:
            records = ((("person", person_id),) if person_id is not None else ()) + ((kind, rid),)
            findings.append(Finding("unsourced", _(
                "{kind} {label} has no source; every fact on a fact sheet needs one. Add the article or "
                "release it comes from.").format(kind=KIND_NAMES[kind][0], label=quote(label)), records))
    return findings
