"""The schema, as numbered migration steps applied by sqlite-utils ``Migrations``.

Each step is recorded in ``_sqlite_migrations`` and also sets ``PRAGMA user_version`` to
its number, so a file's schema version can be read without knowing step names (a file
from a newer app has a higher number and is opened read-only, never migrated down).
``PRAGMA application_id`` marks the file as a Fact Sheet database.

Tables use plain names and plain values so that ``sqlite-utils`` and Datasette can browse
a file. Dates are ISO text; a date known to a precision is two columns, ``<name>`` and
``<name>_precision`` (see ``db.model.dates``).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.file import schema_initial, schema_later

APPLICATION_ID = 0x46534854  # "FSHT"

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
MIGRATIONS = Migrations("factsheet")


def _register(number: int, name: str, step: Callable[[Database], None]) -> None:
    """Register a step that also records its number in ``PRAGMA user_version``."""
    def run(db: Database) -> None:
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    MIGRATIONS(name=name)(run)


for _number, (_name, _step_fn) in enumerate(STEPS, start=1):
    _register(_number, _name, _step_fn)

SCHEMA_VERSION = len(STEPS)
