"""Records as table rows and back, and SQLite's failures while writing as sentences.

The lowest floor of the write path: what a record's columns hold (``to_row``, ``from_row``),
the refusal of a write to a read-only database before any work (``ensure_writable``), and
the sentence for each way SQLite can fail a write (``sqlite_errors_as_sentences``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from db.errors import DatabaseDamaged, DatabaseReadOnly, FactSheetError, sqlite_failure
from db.model import validate
from db.model.dates import FuzzyDate
from db.model.i18n import _
from db.model.records import Record

if TYPE_CHECKING:
    from sqlite_utils import Database

# Columns every record table has besides the record's own fields (``db.model.identity``).
IDENTITY_COLUMNS = ("uuid", "updated_at")


@contextmanager
def sqlite_errors_as_sentences() -> Iterator[None]:
    """Turn SQLite's messages into sentences a person can act on."""
    try:
        yield
    except sqlite3.Error as error:
        failure = sqlite_failure(error)
        if failure == "full":
            raise FactSheetError(_("The disk is full, so the change was not saved. Free some "
                                   "space and try again; everything saved before is intact.")) from None
        if failure == "busy":
            raise FactSheetError(_("Another window or program is writing to this database; "
                                   "the change was not saved. Try again in a moment.")) from None
        if failure == "read-only":
            raise DatabaseReadOnly(_("This database is read-only, so the change was not saved.")) from None
        if failure == "io":
            raise FactSheetError(_("The disk reported an error, so the change was not saved; everything "
                                   "saved before is intact. Check the disk or USB stick and try again.")) from None
        if failure == "rule":
            raise FactSheetError(_("The change was not saved because it breaks a rule of the "
                                   "database ({detail}).").format(detail=error)) from None
        if failure == "damaged":  # SQLITE_CORRUPT / SQLITE_NOTADB met while writing
            raise DatabaseDamaged(_("The database file is damaged, so the change was not saved. Close it "
                                    "and open a backup; “factsheet check” lists what is wrong.")) from None
        if isinstance(error, sqlite3.OperationalError):
            raise FactSheetError(_("The change was not saved: {detail}.").format(detail=error)) from None
        raise


def ensure_writable(db: Database) -> None:
    """Refuse with a sentence, before any work, a write to a database opened read-only."""
    ensure = getattr(db, "ensure_writable", None)
    if ensure is not None:
        ensure()


def to_row(record: Record) -> dict[str, object]:
    """The column values of ``record`` (without id, identity and links)."""
    row: dict[str, object] = {}
    for name, kind in record.column_fields():
        value = getattr(record, name)
        if kind is FuzzyDate:
            row[name], row[f"{name}_precision"] = value.to_db() if value else (None, None)
        elif kind is dt.date:
            row[name] = value.isoformat() if value else None
        elif kind is str and value == "":
            row[name] = None if name not in validate.REQUIRED.get(type(record), ()) else value
        else:
            row[name] = value
    return row


def from_row(cls: type[Record], row: dict[str, object]) -> Record:
    """Build a record (without links) from a table row; other columns are ignored."""
    values: dict[str, object] = {"id": row["id"]}
    for name, kind in cls.column_fields():
        if kind is FuzzyDate:
            values[name] = FuzzyDate.from_db(row[name], row[f"{name}_precision"])  # type: ignore[arg-type]
        elif kind is dt.date:
            values[name] = dt.date.fromisoformat(row[name]) if row[name] else None  # type: ignore[arg-type]
        else:
            values[name] = row[name]
    return cls(**values)
