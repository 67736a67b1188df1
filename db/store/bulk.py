"""Writes that are not one record at a time: figures by the thousand, briefings, a whole file.

- ``figure_batch``: the history entry and the shared identity (``db.store.identities``) of
  the figures an imported table added (the import writes them itself, for speed;
  ``db.exchange`` says how);
- ``remove_figures`` / ``put_back_figures``: undoing and redoing such an import in the
  window. The figures removed wait in a temporary table of the connection — the undo
  history lives exactly as long — instead of in memory, since they may be a million;
- ``add_briefing``: a printed or saved sheet, remembered (``db.sheet.briefings``);
- ``note_restored_file``: the entry saying the whole file was restored from a backup.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from db.store import identities, journal
from db.store.rows import ensure_writable, sqlite_errors_as_sentences

if TYPE_CHECKING:
    from sqlite_utils import Database

Ranges = list[tuple[int, int]]


def figure_batch(db: Database, first_id: int, last_id: int, count: int, *, uuid_prefix: str, stamp: str,
                 note: str | None = None) -> None:
    """Note that ``count`` figures, ids ``first_id``–``last_id``, were imported at once, with the
    identity of their batch (``uuid_prefix``, ``stamp``) rather than their own."""
    identities.record_batch(db, first_id, last_id, uuid_prefix, stamp)
    journal.add_batch(db, "import", "indicator", first_id, last_id, count, uuid_prefix=uuid_prefix, note=note)


def _each_range(db: Database, ranges: Ranges, sql: str) -> int:
    """Run ``sql`` (with ``:lo`` and ``:hi``) for each range of ids; return the rows it touched."""
    touched = 0
    for lo, hi in ranges:
        touched += db.execute(sql, {"lo": lo, "hi": hi}).rowcount
    return touched


def remove_figures(db: Database, ranges: Ranges, *, note: str | None = None) -> str:
    """Delete the figures with these ids (and their source links), keeping them aside to
    put back; return the name they are kept under."""
    ensure_writable(db)
    kept = "undo_" + uuid.uuid4().hex[:12]
    with sqlite_errors_as_sentences(), db.atomic():
        db.execute(f"CREATE TEMP TABLE {kept}_figures AS SELECT * FROM indicators WHERE 0")
        db.execute(f"CREATE TEMP TABLE {kept}_links AS SELECT * FROM indicators_sources WHERE 0")
        _each_range(db, ranges, f"INSERT INTO temp.{kept}_links SELECT * FROM indicators_sources "
                                "WHERE indicator_id BETWEEN :lo AND :hi ORDER BY rowid")
        count = _each_range(db, ranges, f"INSERT INTO temp.{kept}_figures SELECT * FROM indicators "
                                        "WHERE id BETWEEN :lo AND :hi")
        identities.set_batches_aside(db, kept, ranges)  # their identity goes with them
        _each_range(db, ranges, "DELETE FROM indicators WHERE id BETWEEN :lo AND :hi")
        if count:
            journal.add_batch(db, "delete", "indicator", ranges[0][0], ranges[-1][1], count, note=note)
    return kept


def put_back_figures(db: Database, kept: str, *, note: str | None = None) -> None:
    """Put back the figures ``remove_figures`` kept aside under ``kept``."""
    ensure_writable(db)
    with sqlite_errors_as_sentences(), db.atomic():
        first, last, count = db.execute(f"SELECT min(id), max(id), count(*) FROM temp.{kept}_figures").fetchone()
        identities.bring_batches_back(db, kept)
        db.execute(f"INSERT INTO indicators SELECT * FROM temp.{kept}_figures ORDER BY id")
        db.execute(f"INSERT INTO indicators_sources SELECT * FROM temp.{kept}_links")
        if count:
            journal.add_batch(db, "restore", "indicator", first, last, count, note=note)
    forget_kept(db, kept)


def forget_kept(db: Database, kept: str) -> None:
    """Drop what ``remove_figures`` kept aside (the step that needed it is gone)."""
    for part in ("figures", "links", "batches"):
        db.execute(f"DROP TABLE IF EXISTS temp.{kept}_{part}")


def add_briefing(db: Database, values: dict[str, object]) -> int:
    """Remember a sheet that was printed or saved (``db.sheet.briefings`` says what it holds)."""
    ensure_writable(db)
    row = {**values, "options": json.dumps(values["options"], ensure_ascii=False),
           "facts": json.dumps(values["facts"], ensure_ascii=False), "author": journal.author(db)}
    columns = list(row)
    with sqlite_errors_as_sentences(), db.atomic():
        cursor = db.execute(f"INSERT INTO briefings ({', '.join(columns)}) VALUES "
                            f"({', '.join('?' for _ in columns)})", [row[c] for c in columns])
    return cursor.lastrowid


def note_restored_file(db: Database, note: str) -> None:
    """The history entry saying the whole file was just restored from a backup."""
    ensure_writable(db)
    with journal.writing(db, note=note), sqlite_errors_as_sentences(), db.atomic():
        journal.add_entry(db, "restore", None, None, None)
