"""A clean copy: the data of a file whose schema someone altered, in a file with only ours.

A file carrying triggers, views or tables Fact Sheet did not create opens read-only
(``db.file.known_schema``). To edit the data anyway, ``save_clean_copy`` builds a new file
from our own migrations and copies the rows of our tables into it. The source is
attached read-only and only read, so none of its triggers can fire and its views are
never queried (a view standing in a table's place is skipped, not copied); what the copy holds is exactly our schema, which then opens writable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from db.errors import FactSheetError, sqlite_failure
from db.file import known_schema, output
from db.file.migrations import MIGRATIONS_TABLE, SCHEMA_VERSION
from db.model.i18n import _


def _copied_tables(conn: sqlite3.Connection) -> list[str]:
    """Our ordinary tables in the new file; virtual tables and their shadow tables fill
    themselves through our own triggers, and the migration record is the new file's own."""
    rows = conn.execute("PRAGMA main.table_list").fetchall()
    return [name for _schema, name, kind, *_rest in rows
            if kind == "table" and not name.startswith("sqlite_") and name != MIGRATIONS_TABLE]


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info([{table}])")]


def save_clean_copy(source: Path, target: Path) -> Path:
    """Write the rows of ``source``'s Fact Sheet tables into a new file at ``target``.

    The copy gets the schema of ``source``'s version and is then upgraded like any file
    when it is opened. Raises ``FactSheetError`` with a sentence when the rows break our
    rules (someone removed a constraint and stored what it forbade) or the disk is full;
    ``target`` is then left absent.
    """
    from db.file.sqlite import connect_read_only

    probe = connect_read_only(source)
    try:
        version = probe.execute("PRAGMA user_version").fetchone()[0]
    finally:
        probe.close()
    if not 0 < version <= SCHEMA_VERSION:
        raise FactSheetError(_("“{name}” has no Fact Sheet data this version can copy.").format(name=source.name))

    try:
        with output.output_path(target.absolute()) as part:
            _copy_rows(source, part, version)
    except sqlite3.Error as error:
        raise FactSheetError(_("No clean copy of “{name}” could be made: {detail}.").format(
            name=source.name, detail=_why(error))) from None
    return target


def _copy_rows(source: Path, part: Path, version: int) -> None:
    """Build our schema of ``version`` in the new file ``part`` and copy ``source``'s rows into it."""
    from db.file.database import FactSheetDatabase
    from db.file.sqlite import connect_file

    conn = connect_file(part, "rwc")
    try:
        known_schema.build_schema(FactSheetDatabase(conn), version)
        conn.execute("ATTACH DATABASE ? AS src", [f"file:{quote(str(source.absolute()))}?mode=ro"])
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA defer_foreign_keys = ON")  # rows arrive table by table
        source_tables = {row[0] for row in conn.execute("SELECT name FROM src.sqlite_master WHERE type = 'table'")}
        for table in _copied_tables(conn):
            if table not in source_tables:  # a view (or nothing) in its place is never read
                continue
            wanted = _columns(conn, "main", table)
            present = set(_columns(conn, "src", table))
            columns = ", ".join(f"[{c}]" for c in wanted if c in present)
            if columns:
                conn.execute(f"INSERT INTO main.[{table}] ({columns}) SELECT {columns} FROM src.[{table}]")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    finally:
        conn.close()


def _why(error: sqlite3.Error) -> str:
    failure = sqlite_failure(error)
    if failure == "full":
        return _("the disk is full")
    if failure == "rule":
        return _("some of its rows break Fact Sheet's rules ({detail})").format(detail=error)
    return str(error)
