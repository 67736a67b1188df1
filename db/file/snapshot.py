"""Copying an open database into another file with SQLite's backup API.

Safe while the database is in use (another window may be writing), and written through
``db.file.output``: beside the target and renamed into place (keeping a replaced file's
permissions), so a full disk or a crash never leaves a half-written file under the
target's name, and a link writes the file it points at. Save a Copy…, Back Up Now, the
copy kept before a schema upgrade and ``factsheet publish`` all copy this way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import FactSheetError
from db.file import integrity, output
from db.model.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

BACKUP_STEP_PAGES = 2048  # copied between progress reports (8 MB at the usual page size)


def backup_to(db: Database, target: Path,
              progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy the open database to ``target`` with SQLite's backup API (safe while in use).

    The copy is written through ``db.file.output``: beside the target and renamed into
    place (keeping a replaced file's permissions), so a full disk or a crash never leaves a
    half-written file under the target's name; a link writes the file it points at.
    ``progress(done, total)`` is called (with pages) as the copy proceeds, when given.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with output.output_path(target) as part:
            dest = sqlite3.connect(str(part))
            try:
                if progress is None:
                    db.conn.backup(dest)
                else:
                    db.conn.backup(dest, pages=BACKUP_STEP_PAGES,
                                   progress=lambda _status, remaining, total: progress(total - remaining, total))
            finally:
                dest.close()
    except (sqlite3.Error, OSError) as error:  # the sentences of db.file.output pass as they are
        raise FactSheetError(_("No copy could be written to {path} ({detail}).").format(
            path=target, detail=integrity.error_detail(error))) from None
    return target
