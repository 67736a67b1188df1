"""Finding damage in a database file: cheaply on every open, thoroughly when it is due.

Opening must stay fast on a million-row file, yet a damaged file must never be edited.
``PRAGMA quick_check`` reads every page: for 1,000,000 indicator rows (230 MB) it takes
0.5–1.5 s with the file in the disk cache and about 8 s from a cold disk, while opening
without it takes about 8 ms warm and 90 ms cold (``python -m tests.bench.open_check``).
So the checks are layered:

- **Always, for free**: the 100-byte header is read without SQLite (``header_damage``):
  the magic string, a valid page size, a file that ends on a page boundary and is not
  shorter than the page count its header records. This is what catches a file cut short
  by a failed copy, download or full disk. Reading the schema then catches a damaged
  first page, and every connection runs with ``cell_size_check`` so SQLite notices a
  garbled page when it reads one (reported as "damaged" by ``db.store``).
- **Full ``quick_check`` on open** when it is cheap or when it matters most
  (``full_check_due``): files up to ``FULL_CHECK_LIMIT`` bytes (tens of milliseconds;
  nearly every real Fact Sheet file), and any file that was not closed cleanly — its
  write-ahead log still holds data or a rollback journal is left behind, i.e. the app
  or the computer stopped while it was open.
- **Otherwise after opening**: a large file that was closed cleanly opens at once and the
  window runs the same ``quick_check`` on its own read-only connection in the background
  (``desktop/integrity_watch.py``), turning the window read-only if the file is damaged.
- **On demand**: ``check_file`` runs the thorough ``PRAGMA integrity_check`` (indexes
  against tables, too) and ``foreign_key_check``, for ``factsheet check``.

A damaged file is never written: checks run on a read-only connection, and before the
damage is reported its bytes are copied aside (``keep_damaged_copy``) so the person has
an untouched copy to send to someone who can repair it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from db.errors import DatabaseDamaged
from db.file.sqlite import closed_cleanly, connect_read_only, file_size, marked_read_only, sidecar
from db.model.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# Up to this size a full quick_check on open costs well under 0.2 s.
FULL_CHECK_LIMIT = 32 * 1024 * 1024
# How many problems a check reports (the first ones say enough).
MAX_PROBLEMS = 20


def _u16(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset:offset + 2], "big")


def _u32(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset:offset + 4], "big")


def full_check_due(path: Path) -> bool:
    """Whether opening ``path`` should run the full ``quick_check`` (see the module docstring)."""
    return file_size(path) <= FULL_CHECK_LIMIT or not closed_cleanly(path)


def header_damage(path: Path, header: bytes, size: int) -> str | None:
    """What is wrong with an SQLite file's header and length, or None when they look sound.

    ``header`` is the file's first 100 bytes (already known to start with the SQLite magic
    string) and ``size`` its length. Costs nothing: no SQLite, no page reads.
    """
    if size < HEADER_SIZE or len(header) < HEADER_SIZE:
        return _("the file is cut short")
    page_size = _u16(header, 16)
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return _("its header is garbled")
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        return _("its header is garbled")
    if size % page_size:
        return _("the file ends in the middle of a page, so it was cut short")
    # The page count in the header is valid when the two change counters agree. While a
    # write-ahead log holds frames the main file may legitimately lag behind it.
    pages = _u32(header, 28)
    if pages and _u32(header, 24) == _u32(header, 92) and closed_cleanly(path) and pages * page_size > size:
        return _("the file is shorter than its header says, so it was cut short")
    return None


def _check(conn: sqlite3.Connection, pragma: str) -> list[str]:
    """The first problems ``PRAGMA quick_check`` or ``integrity_check`` lists; empty for "ok"."""
    rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Problems ``PRAGMA quick_check`` finds (every page and record read); empty when sound."""
    return _check(conn, "quick_check")


def check_file(path: str | os.PathLike[str], *, thorough: bool = True) -> list[str]:
    """Every integrity problem of the file at ``path``, read without changing it; empty when sound.

    ``thorough`` runs ``PRAGMA integrity_check`` (which also compares every index with
    its table; slow on large files) instead of ``quick_check``. When the pages are sound,
    rows whose foreign keys point at nothing are listed as well. Meant for
    ``factsheet check``: it reports, it never raises for a damaged file.
    """

    try:
        conn = connect_read_only(Path(path))
    except sqlite3.DatabaseError as error:
        return [_("SQLite cannot read the file: {detail}.").format(detail=error)]
    try:
        found = _check(conn, "integrity_check" if thorough else "quick_check")
        if not found:
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:MAX_PROBLEMS]:
                found.append(_("Row {rowid} of {table} points at a missing row of {parent}.").format(
                    rowid=rowid, table=table, parent=parent))
        return found
    except sqlite3.DatabaseError as error:
        return [_("SQLite stopped reading the file: {detail}.").format(detail=error)]
    finally:
        conn.close()


def error_detail(error: BaseException) -> str:
    """What went wrong with a file operation, in words ("the disk is full")."""
    text = str(error).lower()
    if "full" in text or "no space" in text:
        return _("the disk is full")
    return getattr(error, "strerror", None) or str(error)


def damaged(path: Path, detail: str, keep_copy: bool = True) -> DatabaseDamaged:
    """The error for a damaged file, after its bytes have been copied aside (when ``keep_copy``)."""
    if not keep_copy:
        return DatabaseDamaged(_("“{name}” is damaged ({detail}).").format(name=path.name, detail=detail))
    return DatabaseDamaged(report_damage(path, detail))


def report_damage(path: Path, detail: str) -> str:
    """Keep a copy of the damaged file and say so: "“X” is damaged; a copy was kept at …"."""
    try:
        copy = keep_damaged_copy(path)
    except OSError as error:
        return _("“{name}” is damaged ({detail}); no copy could be kept ({reason}), so leave the "
                 "file as it is.").format(name=path.name, detail=detail, reason=error_detail(error))
    return _("“{name}” is damaged; a copy was kept at {copy} ({detail}).").format(
        name=path.name, copy=copy, detail=detail)


def _copy_folder(path: Path) -> Path:
    """Beside the damaged file when that folder is writable, else the system's temporary folder."""

    if not marked_read_only(path.parent):
        return path.parent
    folder = Path(tempfile.gettempdir()) / "factsheet-damaged"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_damaged_copy(path: Path) -> Path:
    """Copy a damaged file's bytes aside (with its write-ahead log) and return the copy.

    The original is only read. An identical copy kept earlier is reused, so opening the
    same damaged file again does not pile up copies.
    """
    import filecmp  # only for a damaged file

    folder = _copy_folder(path)
    wal = sidecar(path, "-wal")
    for earlier in sorted(folder.glob(f"{path.name}.damaged-*")):
        if earlier.name.endswith("-wal"):
            continue
        if filecmp.cmp(earlier, path, shallow=False) and (
                file_size(wal) == 0 or (sidecar(earlier, "-wal").exists()
                                    and filecmp.cmp(sidecar(earlier, "-wal"), wal, shallow=False))):
            return earlier
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.name}.damaged-{stamp}"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.name}.damaged-{stamp}-{number}"
    shutil.copyfile(path, target)
    if file_size(wal):
        shutil.copyfile(wal, sidecar(target, "-wal"))
    return target
