"""Telling Fact Sheet's own schema objects from anyone else's.

A file from a colleague may carry triggers, views or tables that Fact Sheet did not
create. ``trusted_schema=OFF`` stops them from calling risky functions, but SQLite still
runs a plain trigger's SQL: ``AFTER INSERT ON indicators BEGIN DELETE FROM sources; END``
would wipe the sources the moment the app saved a figure. So before a file is opened for
writing, every object in its ``sqlite_master`` is compared with what our own migrations
create for the file's schema version — built by applying those migrations to an
in-memory database, so the list stays right as migrations are added (full-text tables,
their shadow tables and triggers included). Any object that is extra, changed or missing
makes the file open read-only, where no trigger can fire. A file lacking one of the tables
records are kept in (``lacking_tables``; a view by that name does not count) is not a Fact
Sheet database of any version: its data cannot be read as ours, so it is not read at all.

SQL is compared after normalising what tools and SQLite versions write differently
(identifier quoting, letter case, spacing); string literals are compared exactly.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.model.i18n import _, ngettext

# Objects SQLite itself creates (AUTOINCREMENT counters, ANALYZE statistics).
_SQLITE_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\[[^\]]*\]|`(?:[^`]|``)*`|\w+|\S")

Key = tuple[str, str]  # (type, name) as in sqlite_master


def normalise(sql: str | None) -> str:
    """SQL text with quoting, case and spacing made uniform; string literals kept as written."""
    if sql is None:
        return ""
    words = []
    for token in _TOKENS.findall(sql):
        if token[0] in "\"[`":
            token = token[1:-1]
        words.append(token if token[0] == "'" else token.lower())
    return " ".join(words)


def _is_sqlite_internal(kind: str, name: str, sql: str | None) -> bool:
    if kind == "table":
        return name in _SQLITE_TABLES
    return kind == "index" and name.startswith("sqlite_autoindex_") and sql is None


def schema_objects(conn: sqlite3.Connection, schema: str = "main") -> dict[Key, str]:
    """Every object in a database's schema (SQLite's own bookkeeping left out), SQL normalised."""
    rows = conn.execute(f"SELECT type, name, sql FROM {schema}.sqlite_master").fetchall()
    return {(kind, name): normalise(sql) for kind, name, sql in rows
            if not _is_sqlite_internal(kind, name, sql)}


_expected: dict[tuple[int, tuple[str, ...], int], dict[Key, str]] = {}


def migration_names(migrations: Migrations) -> list[str]:
    """The names of every migration step, in order."""
    empty = Database(memory=True, execute_plugins=False)
    try:
        return [m.name for m in migrations.pending(empty)]
    finally:
        empty.close()


def build_schema(db: Database, migrations: Migrations, version: int) -> None:
    """Apply the first ``version`` migration steps to ``db`` (an empty database)."""
    names = migration_names(migrations)
    migrations.apply(db, stop_before=names[version] if version < len(names) else None)


def expected_objects(migrations: Migrations, version: int) -> dict[Key, str]:
    """What our migrations create up to schema ``version``, from an in-memory database."""
    key = (id(migrations), tuple(migration_names(migrations)), version)
    if key not in _expected:
        reference = Database(memory=True, execute_plugins=False)
        try:
            build_schema(reference, migrations, version)
            _expected[key] = schema_objects(reference.conn)
        finally:
            reference.close()
    return _expected[key]


@dataclass
class SchemaDifferences:
    """Objects in a file that differ from what our migrations create."""

    extra: list[Key] = field(default_factory=list)
    changed: list[Key] = field(default_factory=list)
    missing: list[Key] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.extra or self.changed or self.missing)

    def listed(self) -> str:
        """"view “v”, index “x”": the first objects concerned, for sentences."""
        return ", ".join(f"{_object_kind(kind)} “{obj}”" for kind, obj in (self.extra + self.changed + self.missing)[:5])

    def notice(self, name: str) -> str:
        """What a command that only reads says about them: named, left alone, never read."""
        return ngettext(
            "“{name}” contains a database object that Fact Sheet did not create ({objects}); it was left "
            "alone, and only Fact Sheet's own tables were read.",
            "“{name}” contains {n} database objects that Fact Sheet did not create ({objects}); they were "
            "left alone, and only Fact Sheet's own tables were read.",
            len(self.extra + self.changed + self.missing)).format(
            name=name, n=len(self.extra + self.changed + self.missing), objects=self.listed())

    def sentence(self, name: str) -> str:
        """Why the file ``name`` is shown read-only, naming the objects concerned."""
        if self.extra:
            listed = ", ".join(f"{_object_kind(kind)} “{obj}”" for kind, obj in self.extra[:5])
            return ngettext(
                "“{name}” contains a database object that Fact Sheet did not create ({objects}), "
                "so it is shown read-only and that object never acts on your data. "
                "Save a clean copy to edit the data.",
                "“{name}” contains {n} database objects that Fact Sheet did not create ({objects}), "
                "so it is shown read-only and those objects never act on your data. "
                "Save a clean copy to edit the data.",
                len(self.extra)).format(name=name, n=len(self.extra), objects=listed)
        listed = ", ".join(f"{_object_kind(kind)} “{obj}”" for kind, obj in (self.changed + self.missing)[:5])
        return _("The structure of “{name}” was changed by another program ({objects}), so it is "
                 "shown read-only. Save a clean copy to edit the data.").format(name=name, objects=listed)


def _object_kind(kind: str) -> str:
    return {"table": _("table"), "index": _("index"), "view": _("view"), "trigger": _("trigger")}.get(kind, kind)


def record_tables() -> set[str]:
    """The tables records and their links are read from (a view by such a name is never read)."""
    from db.model.records import KINDS

    return {cls.TABLE for cls in KINDS.values()} | {spec.table for cls in KINDS.values()
                                                     for spec in cls.LINKS.values()}


def lacking_tables(found: dict[Key, str], migrations: Migrations, version: int) -> list[str]:
    """The record tables our migrations create up to ``version`` that ``found`` lacks as
    tables (absent, or with a view or some other object in their place), in order."""
    expected = expected_objects(migrations, version)
    wanted = record_tables()
    return sorted(name for kind, name in expected
                  if kind == "table" and name in wanted and ("table", name) not in found)


def not_ours(name: str, found: dict[Key, str], migrations: Migrations, version: int, newest: int) -> str | None:
    """The sentence for a file with Fact Sheet's application id and someone else's tables
    (``None`` when the file's tables are ours): at ``version`` (up to ``newest``) it lacks a
    table records are kept in, or it is at version 0 and holds tables at all."""
    if 0 < version <= newest:
        lacking = lacking_tables(found, migrations, version)
        in_place = [table for table in lacking if any(other == table for _kind, other in found)]
    else:
        lacking = [name for kind, name in found if kind == "table"] if version == 0 else []
        in_place = []
    if not lacking:
        return None
    if in_place:
        return _("“{name}” is not a Fact Sheet database of any version: another program put something else "
                 "where its table “{table}” belongs.").format(name=name, table=in_place[0])
    return _("“{name}” is not a Fact Sheet database of any version: it holds another program's tables.").format(
        name=name)


def differences(conn: sqlite3.Connection, migrations: Migrations, version: int, *,
                found: dict[Key, str] | None = None) -> SchemaDifferences:
    """How the schema of the database on ``conn`` differs from ours at ``version``.

    ``found`` is ``schema_objects(conn)`` when the caller has read it already.
    """
    if found is None:
        found = schema_objects(conn)
    expected = expected_objects(migrations, version)
    result = SchemaDifferences()
    # Triggers and views first: they are what could act.
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}
    for key in sorted(found, key=lambda k: (order.get(k[0], 9), k[1])):
        if key not in expected:
            result.extra.append(key)
        elif found[key] != expected[key]:
            result.changed.append(key)
    result.missing = sorted(key for key in expected if key not in found)
    return result
