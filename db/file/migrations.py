"""The schema, as numbered migration steps applied by sqlite-utils ``Migrations``.

Each step is recorded in ``_sqlite_migrations`` and also sets ``PRAGMA user_version`` to
its number, so a file's schema version can be read without knowing step names (a file
from a newer app has a higher number and is opened read-only, never migrated down).
``PRAGMA application_id`` marks the file as a Fact Sheet database.

The steps are defined without sqlite-utils (``db.file.schema_initial``, ``schema_later``);
``MIGRATIONS``, the sqlite-utils ``Migrations`` that applies them, is made (and sqlite-utils
imported) the first time it is asked for — when a file is created or upgraded. A file
already at ``SCHEMA_VERSION`` with every step recorded (``pending_steps``) needs neither.

Tables use plain names and plain values so that ``sqlite-utils`` and Datasette can browse
a file. Dates are ISO text; a date known to a precision is two columns, ``<name>`` and
``<name>_precision`` (see ``db.model.dates``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.file import schema_initial, schema_later

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x46534854  # "FSHT"
MIGRATION_SET = "factsheet"  # the name our steps are recorded under in _sqlite_migrations
MIGRATIONS_TABLE = "_sqlite_migrations"

# Every step, in the order it is applied; a file's ``user_version`` is the number of steps it has.
STEPS: tuple[tuple[str, Callable[[Database], None]], ...] = (
    ("0001_initial", schema_initial.initial),
    ("0002_search", schema_initial.search),
    ("0003_names_in_three_languages", schema_later.names_in_three_languages),
    ("0004_narrower_figure_indexes", schema_later.narrower_figure_indexes),
    ("0005_record_identities", schema_later.record_identities),
    ("0006_change_history", schema_later.change_history),
    ("0007_briefings", schema_later.briefings),
    ("0008_first_source_in_figure_row", schema_later.first_source_in_figure_row),
    ("0009_figure_batches", schema_later.figure_batches),
)
SCHEMA_VERSION = len(STEPS)


def _numbered(number: int, step: Callable[[Database], None]) -> Callable[[Database], None]:
    """A step that also records its number in ``PRAGMA user_version``."""
    def run(db: Database) -> None:
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    return run


def __getattr__(name: str) -> Any:
    """``MIGRATIONS``: sqlite-utils' ``Migrations`` for our steps, made when first asked for."""
    if name != "MIGRATIONS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from db.file.database import load_sqlite_utils

    migrations = load_sqlite_utils().Migrations(MIGRATION_SET)
    for number, (step_name, step) in enumerate(STEPS, start=1):
        migrations(name=step_name)(_numbered(number, step))
    globals()["MIGRATIONS"] = migrations
    return migrations


def pending_steps(conn: sqlite3.Connection) -> list[str]:
    """The names of our steps not yet recorded in the file (what ``MIGRATIONS.apply`` would run)."""
    recorded: set[str] = set()
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    [MIGRATIONS_TABLE]).fetchone():
        recorded = {row[0] for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])}
    return [name for name, _step in STEPS if name not in recorded]
