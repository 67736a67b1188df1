"""What a backup holds, and how it differs from the database open now.

File ▸ Restore from Backup… and ``factsheet backups`` show each backup's record counts;
the dialog also shows what restoring it would change: per kind, the records only in the
file now (they would go), those only in the backup (they would come back) and those
changed since (they would return to the backup's version), with a few of each named.

Records are matched by their UUID and versions by ``updated_at`` (an imported figure's are
its batch's, ``db.model.identity``); a backup made before records had UUIDs is matched by
id. The backup is attached read-only to a read-only connection of its own: comparing never
writes, and never holds the window's connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from db.file import sql_functions
from db.file.sqlite import connect_read_only
from db.model.identity import BATCHES_TABLE, identity_sql
from db.model.records import KINDS
from db.read.queries import LABEL_SQL

EXAMPLES = 3


def record_counts(path: Path) -> dict[str, int]:
    """How many records of each kind the database file at ``path`` holds."""
    conn = connect_read_only(Path(path))
    try:
        return {kind: conn.execute(f"SELECT count(*) FROM {cls.TABLE}").fetchone()[0] for kind, cls in KINDS.items()}
    finally:
        conn.close()


@dataclass
class KindDifference:
    """How one kind of record differs between the file now and a backup."""

    kind: str
    only_now: int = 0
    only_backup: int = 0
    changed: int = 0
    examples_now: list[str] = field(default_factory=list)
    examples_backup: list[str] = field(default_factory=list)
    examples_changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.only_now or self.only_backup or self.changed)


def compare(current: Path, backup: Path) -> list[KindDifference]:
    """Per kind, what differs between the database file ``current`` and ``backup`` (kinds
    that do not differ are left out)."""
    conn = connect_read_only(Path(current))
    try:
        sql_functions.register_on(conn)
        conn.execute("ATTACH DATABASE ? AS b", [f"file:{quote(str(Path(backup).absolute()))}?mode=ro"])
        return [d for kind in KINDS if (d := _compare_kind(conn, kind))]
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")}


def _identity(conn: sqlite3.Connection, schema: str, table: str, alias: str) -> tuple[str, str]:
    """SQL for the uuid and stamp of record ``alias`` of ``schema``'s ``table``: an imported
    figure's are its batch's, in a file that keeps batches (``db.model.identity``)."""
    batched = conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?",
                           [BATCHES_TABLE]).fetchone()
    if batched is None:
        return f"{alias}.uuid", f"{alias}.updated_at"
    return identity_sql(table, alias, f"{schema}.")


def _compare_kind(conn: sqlite3.Connection, kind: str) -> KindDifference:
    table = KINDS[kind].TABLE
    found = KindDifference(kind)
    if "uuid" in _columns(conn, "b", table):
        now, now_stamp = _identity(conn, "main", table, "r")
        old, old_stamp = _identity(conn, "b", table, "o")
        back, back_in_now = _identity(conn, "b", table, "r")[0], _identity(conn, "main", table, "o")[0]
    else:
        now, old, back, back_in_now = "r.id", "o.id", "r.id", "o.id"
    only_now = f"FROM main.{table} r WHERE {now} NOT IN (SELECT {old} FROM b.{table} o WHERE {old} IS NOT NULL)"
    only_backup = (f"FROM b.{table} r WHERE {back} NOT IN (SELECT {back_in_now} FROM main.{table} o "
                   f"WHERE {back_in_now} IS NOT NULL)")
    found.only_now, found.examples_now = _count_and_name(conn, kind, only_now, "main")
    found.only_backup, found.examples_backup = _count_and_name(conn, kind, only_backup, "b")
    if now != "r.id":  # the same record in both, in another version (each side's list searched through an index)
        changed = (f"FROM main.{table} r WHERE {now} IN (SELECT {old} FROM b.{table} o) "
                   f"AND ({now}, coalesce({now_stamp}, '')) NOT IN (SELECT {old}, coalesce({old_stamp}, '') "
                   f"FROM b.{table} o)")
        found.changed, found.examples_changed = _count_and_name(conn, kind, changed, "main")
    return found


def _count_and_name(conn: sqlite3.Connection, kind: str, rows: str, schema: str) -> tuple[int, list[str]]:
    count = conn.execute(f"SELECT count(*) {rows}").fetchone()[0]
    if not count:
        return 0, []
    label = _label_in(LABEL_SQL[kind], schema)
    names = [r[0] for r in conn.execute(f"SELECT {label} {rows} LIMIT {EXAMPLES}")]
    return count, [n for n in names if n]


def _label_in(sql: str, schema: str) -> str:
    """A record's label read from the tables of ``schema`` (its parties and people there)."""
    for table in ("parties", "people"):
        sql = sql.replace(f"FROM {table} ", f"FROM {schema}.{table} ")
    return sql
