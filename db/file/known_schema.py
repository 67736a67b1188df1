"""Telling Fact Sheet's own schema objects from anyone else's.

A file from a colleague may carry triggers, views or tables that Fact Sheet did not
create. ``trusted_schema=OFF`` stops them from calling risky functions, but SQLite still
runs a plain trigger's SQL: ``AFTER INSERT ON indicators BEGIN DELETE FROM sources; END``
would wipe the sources the moment the app saved a figure. So before a file is opened for
writing, every object in its ``sqlite_master`` is compared with what our own migrations
create for the file's schema version. Any object that is extra, changed or missing makes
the file open read-only, where no trigger can fire. A file lacking one of the tables
records are kept in (``lacking_tables``; a view by that name does not count) is not a Fact
Sheet database of any version: its data cannot be read as ours, so it is not read at all.

What the migrations create is described once per schema version in
``db.file.known_objects``, a module generated from the migrations themselves
(``python -m db.file.known_schema`` writes it again after a migration is added; a test
proves it equals what the migrations build, full-text tables, their shadow tables and
triggers included). Opening a file thus compares it with a dictionary instead of building
the schema in memory and importing sqlite-utils to do so; a version the description lacks
(only while a new migration is being written) is built from the migrations.

SQL is compared after normalising what tools and SQLite versions write differently
(identifier quoting, letter case, spacing); string literals are compared exactly.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db.file import known_objects, migrations
from db.model.i18n import _, ngettext

if TYPE_CHECKING:
    from sqlite_utils import Database

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


_built: dict[tuple[int, tuple[str, ...], int], dict[Key, str]] = {}


def _step_names(steps: object, empty: Database) -> list[str]:
    """The names of every step of a sqlite-utils ``Migrations``, in order."""
    return [m.name for m in steps.pending(empty)]  # type: ignore[attr-defined]


def build_schema(db: Database, version: int) -> None:
    """Apply the first ``version`` migration steps to ``db`` (an empty database)."""
    steps = migrations.MIGRATIONS
    names = _step_names(steps, db)
    steps.apply(db, stop_before=names[version] if version < len(names) else None)


def built_objects(version: int) -> dict[Key, str]:
    """What our migrations create up to schema ``version``, built in an in-memory database."""
    from db.file.database import FactSheetDatabase
    from db.file.sqlite import connect_file

    reference = FactSheetDatabase(connect_file(None, "memory"))
    try:
        steps = migrations.MIGRATIONS
        key = (id(steps), tuple(_step_names(steps, reference)), version)
        if key not in _built:
            build_schema(reference, version)
            _built[key] = schema_objects(reference.conn)
    finally:
        reference.close()
    return _built[key]


_described: dict[int, dict[Key, str]] = {}


def described_objects(version: int) -> dict[Key, str] | None:
    """What the generated description says our migrations create up to ``version`` (each
    version is kept there as what its step adds, changes and removes); None when it lacks it."""
    if version not in _described:
        if not all(step in known_objects.CHANGES for step in range(1, version + 1)):
            return None
        objects: dict[Key, str] = {}
        for step in range(1, version + 1):
            added, removed = known_objects.CHANGES[step]
            objects.update(added)
            for key in removed:
                objects.pop(key, None)
        _described[version] = objects
    return _described[version]


def expected_objects(version: int) -> dict[Key, str]:
    """What our migrations create up to schema ``version``: from the generated description
    when it has that version, else built."""
    known = described_objects(version)
    return known if known is not None else built_objects(version)


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
    from db.model.kinds import LINKS, TABLES

    return set(TABLES.values()) | {spec.table for links in LINKS.values() for spec in links.values()}


def lacking_tables(found: dict[Key, str], version: int) -> list[str]:
    """The record tables our migrations create up to ``version`` that ``found`` lacks as
    tables (absent, or with a view or some other object in their place), in order."""
    expected = expected_objects(version)
    wanted = record_tables()
    return sorted(name for kind, name in expected
                  if kind == "table" and name in wanted and ("table", name) not in found)


def not_ours(name: str, found: dict[Key, str], version: int, newest: int) -> str | None:
    """The sentence for a file with Fact Sheet's application id and someone else's tables
    (``None`` when the file's tables are ours): at ``version`` (up to ``newest``) it lacks a
    table records are kept in, or it is at version 0 and holds tables at all."""
    if 0 < version <= newest:
        lacking = lacking_tables(found, version)
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


def differences(conn: sqlite3.Connection, version: int, *,
                found: dict[Key, str] | None = None) -> SchemaDifferences:
    """How the schema of the database on ``conn`` differs from ours at ``version``.

    ``found`` is ``schema_objects(conn)`` when the caller has read it already.
    """
    if found is None:
        found = schema_objects(conn)
    expected = expected_objects(version)
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


def describe_module() -> str:
    """The text of ``db.file.known_objects``: what each migration step adds, changes and
    removes, as built."""
    lines = ['"""What Fact Sheet\'s migrations create, per schema version: generated, do not edit.',
             "",
             "Written by ``python -m db.file.known_schema`` from the migrations (``db.file.migrations``):",
             "for each schema version, the objects its step adds or changes and those it removes.",
             "``db.file.known_schema`` compares every file it opens with the objects of its version",
             "(``described_objects``), and a test proves they equal what the migrations build.",
             '"""',
             "",
             "CHANGES: dict[int, tuple[dict[tuple[str, str], str], tuple[tuple[str, str], ...]]] = {"]
    before: dict[Key, str] = {}
    for version in range(1, migrations.SCHEMA_VERSION + 1):
        after = built_objects(version)
        lines.append(f"    {version}: ({{")
        for key, sql in sorted(after.items()):
            if before.get(key) != sql:
                lines.append(f"        {key!r}: {sql!r},")
        removed = "".join(f"{key!r}, " for key in sorted(set(before) - set(after)))
        lines.append(f"    }}, ({removed.strip()})),")
        before = after
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(known_objects.__file__)
    target.write_text(describe_module(), encoding="utf-8")
    sys.stdout.write(f"Wrote {target}.\n")
