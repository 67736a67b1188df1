"""Backups of a database: made with SQLite's backup API, kept by a rule, listed, restored.

Where: the app's data folder (``data_folder``: ``~/.local/share/factsheet`` on Linux,
``%APPDATA%\\factsheet`` on Windows, ``~/Library/Application Support/factsheet`` on macOS), in
``backups/<name> <8 characters of the file's path>/``, so a database on a USB stick or a
share is backed up on this computer, and two files of the same name never mix. Names
carry the time and why the copy was made, and sort by age:
``facts 2026-03-12 14-30-05 before-import.factsheet``.

When: before every import, once a day the file is changed (``daily_backup``), whenever a
person asks (File ▸ Back Up Now) and before a restore. The copy made before a schema
upgrade stays beside the database as ``<name>.bak-<version>`` (``db.file.connection``) and
is listed with the others.

Kept by the rule (``kept_by_rule``): every backup of the last 7 days, one a week (the
newest of each calendar week) for 2 months, one a month (the newest of each calendar
month) before that; the newest backup always.

How: ``db.file.snapshot.backup_to`` — a consistent copy even while another window
writes, written under a temporary name and renamed into place, so a full disk never leaves
a half-written backup. Never a copy of the file itself, which could miss what its ``-wal``
holds. Restoring (``restore_backup``) checks the backup as any file being opened, keeps
the current state as a backup first, and copies the backup's pages into the open database
with the same API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.errors import DatabaseReadOnly, FactSheetError
from db.file.connection import open_database
from db.file.database import FactSheetDatabase
from db.file.integrity import error_detail, keep_damaged_copy
from db.file.snapshot import backup_to
from db.file.sqlite import connect_read_only
from db.model.i18n import N_, Labels, _

FOLDER_NAME = "backups"
APP_FOLDER = "factsheet"
REASONS = Labels({
    "manual": N_("made with Back Up Now"), "daily": N_("the day's first change"),
    "before-import": N_("before an import"), "before-upgrade": N_("before an upgrade"),
    "before-restore": N_("before a restore"),
})
KEEP_ALL_DAYS = 7
KEEP_WEEKLY_DAYS = 61  # about two months


def data_folder() -> Path:
    """The app's own data folder, where Qt's ``AppDataLocation`` puts it (no Qt needed)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_FOLDER


def backup_folder(db_path: Path) -> Path:
    """Where backups of the database at ``db_path`` are kept."""
    path = Path(db_path).absolute()
    tag = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return data_folder() / FOLDER_NAME / f"{path.stem} {tag}"


@dataclass(frozen=True)
class Backup:
    """One backup: its file, when it was made (local time) and why."""

    path: Path
    made: dt.datetime
    reason: str

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r" (\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2})(?:-(\d+))?"
                      r"(?: ([a-z-]+))?" + re.escape(db_path.suffix))


def list_backups(db_path: Path, folder: Path | None = None) -> list[Backup]:
    """Every backup of the database, newest first: those in its folder, and the copies made
    before schema upgrades beside it."""
    db_path = Path(db_path).absolute()
    folder = folder or backup_folder(db_path)
    found: list[tuple[tuple, Backup]] = []
    if folder.is_dir():
        pattern = _pattern(db_path)
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match:
                made = dt.datetime.strptime(match.group(1), "%Y-%m-%d %H-%M-%S")
                order = (made, int(match.group(2) or 1), path.stat().st_mtime_ns)
                found.append((order, Backup(path, made, match.group(3) or "manual")))
    for path in db_path.parent.glob(f"{glob_escape(db_path.name)}.bak-*"):
        if path.name.rsplit("-", 1)[-1].isdigit():
            made = dt.datetime.fromtimestamp(path.stat().st_mtime)
            found.append(((made, 0, 0), Backup(path, made.replace(microsecond=0), "before-upgrade")))
    return [backup for _key, backup in sorted(found, key=lambda item: item[0], reverse=True)]


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def existing_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The backup files in the database's folder, oldest first."""
    folder = folder or backup_folder(db_path)
    return [b.path for b in reversed(list_backups(db_path, folder)) if b.path.parent == folder]


def make_backup(db: FactSheetDatabase, *, reason: str = "manual", now: dt.datetime | None = None,
                progress: Callable[[int, int], None] | None = None, folder: Path | None = None) -> Path:
    """Back up the open database now; return the new file. Older backups are then kept by
    the rule (``kept_by_rule``). Raises ``FactSheetError`` with a sentence when no copy
    could be written."""
    if db.path is None:
        raise FactSheetError(_("This database is not kept in a file, so there is nothing to back up."))
    now = now or dt.datetime.now()
    folder = folder or backup_folder(db.path)
    stamp = now.strftime("%Y-%m-%d %H-%M-%S")
    target = folder / f"{db.path.stem} {stamp} {reason}{db.path.suffix}"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{db.path.stem} {stamp}-{number} {reason}{db.path.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FactSheetError(_("No backup could be made in {folder}: {reason}.").format(
            folder=folder, reason=error_detail(error))) from None
    backup_to(db, target, progress)
    prune(db.path, now, folder)
    return target


def daily_backup(db: FactSheetDatabase, *, now: dt.datetime | None = None) -> Path | None:
    """The day's backup, made before the file's first change of the day; None when the
    day has one already (or the database is kept in memory)."""
    if db.path is None:
        return None
    now = now or dt.datetime.now()
    if any(b.made.date() == now.date() for b in list_backups(db.path) if b.reason != "before-upgrade"):
        return None
    return make_backup(db, reason="daily", now=now)


def kept_by_rule(made: list[dt.datetime], now: dt.datetime) -> set[int]:
    """Which of these backup times the rule keeps (their positions in ``made``): every one of
    the last 7 days; the newest of each week for 2 months; the newest of each month before."""
    keep: set[int] = set()
    newest_in: dict[tuple, tuple[dt.datetime, int]] = {}
    for index, moment in enumerate(made):
        age = now - moment
        if age <= dt.timedelta(days=KEEP_ALL_DAYS):
            keep.add(index)
            continue
        # Calendar weeks and months, not spans counted back from now: a backup kept as its
        # week's newest stays kept as time passes, instead of being displaced every day.
        bucket = (("week", *moment.isocalendar()[:2]) if age <= dt.timedelta(days=KEEP_WEEKLY_DAYS)
                  else ("month", moment.year, moment.month))
        if bucket not in newest_in or moment > newest_in[bucket][0]:
            newest_in[bucket] = (moment, index)
    keep |= {index for _moment, index in newest_in.values()}
    if made:
        keep.add(max(range(len(made)), key=lambda i: made[i]))
    return keep


def prune(db_path: Path, now: dt.datetime, folder: Path | None = None) -> list[Path]:
    """Delete the backups in the database's folder that the rule does not keep; return them."""
    backups = [b for b in list_backups(db_path, folder) if b.reason != "before-upgrade"]
    keep = kept_by_rule([b.made for b in backups], now)
    removed = [b.path for i, b in enumerate(backups) if i not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _staged(path: Path, stage: Path) -> FactSheetDatabase:
    """The backup at ``path`` copied (with the backup API) to ``stage`` and opened there as any
    file is: checked for damage, told from another program's file, and brought up to date
    when an earlier version made it. A sentence when it cannot serve."""
    stage.unlink(missing_ok=True)
    try:
        source = connect_read_only(path)
        try:
            backup_to(_Plain(source), stage)
        finally:
            source.close()
        staged = open_database(stage, full_check=True, keep_copy=False)
    except (FactSheetError, sqlite3.Error) as error:
        _remove(stage)
        reason = error if isinstance(error, FactSheetError) else error_detail(error)
        raise FactSheetError(_("The backup cannot be used: {reason}").format(reason=reason)) from None
    if staged.read_only:
        reason = staged.read_only_reason
        staged.close()
        _remove(stage)
        raise FactSheetError(_("The backup cannot be used: {reason}").format(reason=reason))
    return staged


class _Plain:
    """A bare connection where ``backup_to`` expects a database (it only needs ``conn``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn


def _remove(stage: Path) -> None:
    for leftover in (stage, *(stage.with_name(stage.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    for copy in stage.parent.glob(glob_escape(stage.name) + ".bak-*"):
        copy.unlink(missing_ok=True)


def restore_backup(db: FactSheetDatabase, path: Path, *, keep_current: bool = True,
                   now: dt.datetime | None = None) -> Path | None:
    """Replace the open database's content with the backup at ``path``.

    The backup is first checked as any file being opened (and a backup made by an earlier
    version brought up to date, on a copy); the current state is backed up
    (``keep_current``; that backup is returned); then the backup's pages are copied in with
    SQLite's backup API, in one step. On any failure the database is as it was.
    """
    if db.path is None:
        raise FactSheetError(_("This database is not kept in a file, so it has no backups."))
    db.ensure_writable()
    if db.conn.in_transaction:
        raise DatabaseReadOnly(_("The database is busy with a change; try again in a moment."))
    folder = backup_folder(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    stage = folder / f"{db.path.stem} restoring{db.path.suffix}"
    staged = _staged(Path(path), stage)
    try:
        kept = make_backup(db, reason="before-restore", now=now) if keep_current else None
        staged.conn.backup(db.conn)
    except (OSError, sqlite3.Error) as error:
        raise FactSheetError(_("The backup could not be restored: {reason}.").format(
            reason=error_detail(error))) from None
    finally:
        staged.close()
        _remove(stage)
    return kept


def replace_damaged(path: Path, backup: Path) -> Path:
    """Put a backup in place of a database file that is too damaged to open; return the
    copy of the damaged file kept aside first (its bytes are never lost)."""
    path = Path(path).absolute()
    kept = keep_damaged_copy(path)
    stage = backup_folder(path) / f"{path.stem} restoring{path.suffix}"
    stage.parent.mkdir(parents=True, exist_ok=True)
    staged = _staged(Path(backup), stage)
    try:
        backup_to(staged, path.with_name(path.name + ".restored"))
    finally:
        staged.close()
        _remove(stage)
    for sidecar in ("-wal", "-shm", "-journal"):  # they belong to the damaged file
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
    os.replace(path.with_name(path.name + ".restored"), path)
    return kept
