"""The work behind ``factsheet check``: SQLite's own checks and every data-quality check, run on
two threads, each with its own read-only connection to the file.

SQLite leaves Python's lock while it reads, so two connections read a large file on two
processor cores at once; the longest checks are handed out first. Each connection is
given a large page cache and maps the file into memory (``mmap_size``), which more than
halves the time of the page-by-page checks, and leaves the per-read cell check (costly on
mapped pages) to the quick check that reads every page anyway. A check's result is the first findings it
shows and how many there are in all (``db.read.checks.framework.Check.first``), so a
check with a hundred thousand findings writes sentences for the few shown.
"""

from __future__ import annotations

import datetime as dt
import queue
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from db.file.connection import open_again
from db.file.database import FactSheetDatabase
from db.file.known_schema import SchemaDifferences
from db.model.i18n import _
from db.read.checks import CHECKS
from db.read.checks.framework import Finding

CACHE_KIB = 256 * 1024  # page cache per connection
MMAP_BYTES = 1 << 30  # how much of the file each connection maps into memory
WORKERS = 2
# Checks in the order they are handed out: the ones that take longest on large files first.
_LONGEST_FIRST = ("conflicting_values", "turnover_sum", "unsourced", "unlabelled_partial")


@dataclass
class Results:
    """What the checks found: SQLite's problems, broken references, and each check's findings."""

    damage: list[str] = field(default_factory=list)
    references: tuple[list[str], int] = ([], 0)
    checks: dict[str, tuple[list[Finding], int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what could not be checked on a foreign structure


def run_all(db: FactSheetDatabase, today: dt.date, *, thorough: bool, limit: int | None,
            progress: Callable[[int, int], None]) -> Results:
    """Run SQLite's checks and every data-quality check on the file ``db`` has open.

    ``thorough`` runs ``integrity_check`` (indexes against tables too) instead of
    ``quick_check``; ``limit`` is how many findings of each check are written (None: all).
    Raises ``sqlite3.DatabaseError`` when the file cannot be read.
    """
    results = Results()
    foreign = db.foreign_objects
    jobs: list[tuple[str, Callable[[FactSheetDatabase], None]]] = []

    def integrity(conn: FactSheetDatabase) -> None:
        results.damage = _integrity(conn, thorough, foreign, results.notes)

    def references(conn: FactSheetDatabase) -> None:
        results.references = _broken_references(conn, limit)

    def data_check(name: str) -> Callable[[FactSheetDatabase], None]:
        def job(conn: FactSheetDatabase) -> None:
            try:
                results.checks[name] = CHECKS[name].first(conn, today, limit)
            except sqlite3.OperationalError as error:
                if foreign is None:
                    raise
                results.notes.append(_("The check “{title}” could not run on this file's changed structure "
                                       "({detail}).").format(title=CHECKS[name].title, detail=error))
        return job

    ordered = [n for n in _LONGEST_FIRST if n in CHECKS] + [n for n in CHECKS if n not in _LONGEST_FIRST]
    jobs += [(name, data_check(name)) for name in ordered[:2]]
    jobs += [("integrity", integrity), ("references", references)]
    jobs += [(name, data_check(name)) for name in ordered[2:]]
    _on_threads(db, jobs, progress)
    results.checks = {name: results.checks[name] for name in CHECKS if name in results.checks}
    return results


def _integrity(conn: FactSheetDatabase, thorough: bool, foreign: SchemaDifferences | None,
               notes: list[str]) -> list[str]:
    """SQLite's problems with the file (empty when sound)."""
    try:
        rows = conn.execute(f"PRAGMA {'integrity_check' if thorough else 'quick_check'}").fetchall()
    except sqlite3.OperationalError as error:
        # An index another program built on a function this program lacks cannot be checked
        # against its table; that is the stranger's object, not damage to the file.
        if not (thorough and foreign):
            raise
        notes.append(_("The thorough check could not compare {objects} with their tables ({detail}); every "
                       "page was read by the quick check instead.").format(objects=foreign.listed(), detail=error))
        rows = conn.execute("PRAGMA quick_check").fetchall()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def _broken_references(conn: FactSheetDatabase, limit: int | None) -> tuple[list[str], int]:
    """``PRAGMA foreign_key_check`` as sentences (the first ``limit``), and how many rows in all."""
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    shown = rows if limit is None else rows[:limit]
    return [_("Row {row} of table “{table}” refers to a record of “{parent}” that does not exist.").format(
        row=rowid, table=table, parent=parent) for table, rowid, parent, _fk in shown], len(rows)


def _connect(db: FactSheetDatabase) -> FactSheetDatabase:
    conn = open_again(db)
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    # With the file memory-mapped, SQLite's cell check (on for every Fact Sheet connection)
    # runs on each page every time it is read, which makes look-ups row by row about six times
    # slower. The quick check beside the data-quality checks reads and checks every page and
    # reports damage (the report then shows only that); SQLite still refuses a malformed page.
    conn.execute("PRAGMA cell_size_check = OFF")
    return conn


def _on_threads(db: FactSheetDatabase, jobs: list[tuple[str, Callable[[FactSheetDatabase], None]]],
                progress: Callable[[int, int], None]) -> None:
    """Run ``jobs`` on ``WORKERS`` threads, each with its own connection; re-raise the first error."""
    pending: queue.Queue = queue.Queue()
    for job in jobs:
        pending.put(job)
    errors: list[BaseException] = []
    done = [0]
    lock = threading.Lock()

    def work() -> None:
        try:
            conn = _connect(db)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)
            return
        try:
            while not errors:
                try:
                    _name, job = pending.get_nowait()
                except queue.Empty:
                    return
                job(conn)
                with lock:
                    done[0] += 1
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)
        finally:
            conn.close()  # a connection is closed on the thread that made it

    threads = [threading.Thread(target=work, daemon=True) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        progress(done[0], len(jobs))
        for thread in threads:
            thread.join(0.1)
    if errors:
        raise errors[0]
