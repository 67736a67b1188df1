"""Backup copies made on demand (File ▸ Back Up Now), the last few kept.

Where: a ``backups`` folder beside the database — where a person looks for it, and it
travels with the file when a folder is copied or synced. When that folder cannot be
written (a read-only share, a locked USB stick) the caller's fallback folder is used (the
window passes its data folder). Names carry the database's name and the time, so they sort
by age and several databases can share one folder:
``backups/facts 2025-07-02 14-30-05.factsheet``.

How: SQLite's backup API (``backup_to``, also used for Save a Copy… and for the copy kept
before a schema upgrade), a consistent copy even while
another window writes, written under a temporary name and renamed into place, so a
full disk never leaves a half-written backup behind. Only the newest ``KEEP`` backups of
the same database in that folder are kept; older ones are deleted after a new one exists.
(The copies made before a schema upgrade, ``<name>.bak-<version>``, are separate and never
pruned.)
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from db.errors import FactSheetError
from db.file.database import FactSheetDatabase
from db.file.integrity import error_detail
from db.file.sqlite import marked_read_only
from db.model.i18n import _

KEEP = 5
FOLDER_NAME = "backups"
BACKUP_STEP_PAGES = 2048  # copied between progress reports (8 MB at the usual page size)


def backup_to(db: FactSheetDatabase, target: Path,
              progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy the open database to ``target`` with SQLite's backup API (safe while in use).

    The copy is written beside the target and renamed into place, so a full disk or a
    crash never leaves a half-written file under the target's name. ``progress(done,
    total)`` is called (with pages) as the copy proceeds, when given.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            if progress is None:
                db.conn.backup(dest)
            else:
                db.conn.backup(dest, pages=BACKUP_STEP_PAGES,
                               progress=lambda _status, remaining, total: progress(total - remaining, total))
        finally:
            dest.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as error:
        tmp.unlink(missing_ok=True)
        raise FactSheetError(_("No copy could be written to {path} ({detail}).").format(
            path=target, detail=error_detail(error))) from None
    return target


def backup_folder(db_path: Path, fallback: Path | None = None) -> Path:
    """Where backups of ``db_path`` go: ``backups`` beside it, or ``fallback`` if that cannot be written."""
    beside = db_path.parent / FOLDER_NAME
    usable = beside.is_dir() if beside.exists() else beside.parent.is_dir()
    if fallback is None or (usable and not marked_read_only(beside if beside.exists() else db_path.parent)):
        return beside
    return fallback


def existing_backups(db_path: Path, folder: Path) -> list[Path]:
    """Backups of ``db_path`` in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(db_path.stem) + r" (\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2})(?:-(\d+))?"
                         + re.escape(db_path.suffix))
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            found.append(((match.group(1), int(match.group(2) or 1)), path))
    return [path for _key, path in sorted(found)]


def make_backup(db: FactSheetDatabase, *, fallback: Path | None = None, keep: int = KEEP,
                now: dt.datetime | None = None, progress: Callable[[int, int], None] | None = None) -> Path:
    """Back up the open database now; return the new file. Keeps the newest ``keep``.

    Raises ``FactSheetError`` with a sentence when no copy could be written.
    """
    if db.path is None:
        raise FactSheetError(_("This database is not kept in a file, so there is nothing to back up."))
    folder = backup_folder(db.path, fallback)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H-%M-%S")
    target = folder / f"{db.path.stem} {stamp}{db.path.suffix}"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{db.path.stem} {stamp}-{number}{db.path.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FactSheetError(_("No backup could be made in {folder}: {reason}.").format(
            folder=folder, reason=error_detail(error))) from None
    backup_to(db, target, progress)
    for old in existing_backups(db.path, folder)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
