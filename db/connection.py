"""Opening a Fact Sheet database file: defensively, checked, and migrated safely.

A file may come from a colleague, a download or a full disk, so opening it:
- reads the header first and never writes to a file that is not ours;
- turns off extension loading and sets ``trusted_schema=OFF`` so that functions in a
  stranger's triggers or views cannot run with side effects;
- runs ``PRAGMA quick_check`` and refuses a damaged file with a sentence;
- copies a file that holds data aside (``<name>.bak-<version>``) before migrating it;
- opens a file from a newer version of the app, or one we may not write, read-only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from db.dates import fuzzy_label, period_label
from db.errors import DatabaseDamaged, DatabaseReadOnly, NotAFactSheetDatabase
from db.i18n import _
from db.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class FactSheetDatabase(Database):
    """A sqlite-utils ``Database`` that knows its file and whether it may be written."""

    path: Path | None = None
    read_only_reason: str | None = None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def ensure_writable(self) -> None:
        """Raise a sentence instead of letting SQLite fail deep inside a write."""
        if self.read_only_reason:
            raise DatabaseReadOnly(self.read_only_reason)


def _connect(path: Path | None, mode: str) -> sqlite3.Connection:
    if path is None:
        conn = sqlite3.connect(":memory:")
    else:
        uri = f"file:{quote(str(path))}?mode={mode}"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _wrap(conn: sqlite3.Connection, path: Path | None) -> FactSheetDatabase:
    db = FactSheetDatabase(conn, execute_plugins=False)
    db.path = path
    # Labels computed per fetched row; deterministic so SQLite may cache them.
    db.register_function(period_label, deterministic=True)
    db.register_function(fuzzy_label, deterministic=True)
    db.register_function(_casefold, deterministic=True, name="casefold")
    return db


def _casefold(text: str | None) -> str | None:
    """Unicode-aware lower case (SQLite's own lower() only folds ASCII, not Cyrillic)."""
    return text.casefold() if text is not None else None


def _read_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(100)


def _version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _application_id(db: Database) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def _user_tables(db: Database) -> list[str]:
    return [t for t in db.table_names() if not t.startswith("sqlite_")]


def backup_to(db: Database, target: Path) -> Path:
    """Copy the open database to ``target`` with SQLite's backup API (safe while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(tmp))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def open_again(db: FactSheetDatabase) -> FactSheetDatabase:
    """A second connection to the file ``db`` has open, for work on another thread.

    The file was checked and migrated when ``db`` was opened, so this skips both and only
    applies the same defensive settings; it is read-only when ``db`` is. SQLite connections
    belong to the thread that made them: call this on the worker thread itself.
    """
    if db.path is None:
        raise DatabaseReadOnly(_("A database kept in memory cannot be opened a second time."))
    again = _wrap(_connect(db.path, "ro" if db.read_only else "rw"), db.path)
    again.read_only_reason = db.read_only_reason
    return again


def open_database(
    path: str | os.PathLike[str] | None,
    *,
    create: bool = True,
    read_only: bool = False,
) -> FactSheetDatabase:
    """Open (or create) a Fact Sheet database and bring its schema up to date.

    ``path=None`` gives an in-memory database (tests, previews). Raises a
    ``FactSheetError`` subclass whose message is a sentence for the user.
    """
    if path is None:
        db = _wrap(_connect(None, "memory"), None)
        MIGRATIONS.apply(db)
        return db

    path = Path(path).expanduser().absolute()
    name = path.name
    if path.is_dir():
        raise NotAFactSheetDatabase(_("“{name}” is a folder, not a Fact Sheet database.").format(name=name))
    exists = path.exists()
    if not exists and (read_only or not create):
        raise NotAFactSheetDatabase(_("There is no file at {path}.").format(path=path))

    if exists:
        try:
            header = _read_header(path)
        except OSError as error:
            raise NotAFactSheetDatabase(
                _("“{name}” cannot be read: {reason}.").format(name=name, reason=error.strerror)
            ) from None
        if header and not header.startswith(SQLITE_HEADER):
            raise NotAFactSheetDatabase(
                _("“{name}” is not a Fact Sheet database (it is not an SQLite file).").format(name=name)
            )
        if header and len(header) < 100:
            raise DatabaseDamaged(_("“{name}” is damaged: the file is cut short.").format(name=name))

    reason: str | None = None
    if read_only:
        reason = _("This database was opened read-only.")
    elif exists and not os.access(path, os.W_OK):
        reason = _("This file is read-only, so it can be viewed but not changed.")
    elif not exists:
        path.parent.mkdir(parents=True, exist_ok=True)

    try:
        db = _wrap(_connect(path, "ro" if reason else "rwc"), path)
        db = _check_and_migrate(db, path, reason)
    except sqlite3.DatabaseError as error:
        raise DatabaseDamaged(
            _("“{name}” is damaged and cannot be opened ({detail}).").format(name=name, detail=error)
        ) from None
    return db


def _check_and_migrate(db: FactSheetDatabase, path: Path, reason: str | None) -> FactSheetDatabase:
    """Refuse damaged or foreign files; migrate ours; return the database to use."""
    name = path.name
    result = db.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in result] != [("ok",)]:
        db.close()
        raise DatabaseDamaged(_("“{name}” is damaged: it fails SQLite's integrity check.").format(name=name))

    app_id, version, tables = _application_id(db), _version(db), _user_tables(db)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        db.close()
        raise NotAFactSheetDatabase(
            _("“{name}” is not a Fact Sheet database (it belongs to another program).").format(name=name)
        )

    if version > SCHEMA_VERSION:
        if reason is None:
            db.close()
            db = _wrap(_connect(path, "ro"), path)
        db.read_only_reason = _(
            "“{name}” was written by a newer version of Fact Sheet; it is shown read-only "
            "and left unchanged."
        ).format(name=name)
        return db

    db.read_only_reason = reason
    if version == SCHEMA_VERSION:
        return db
    if reason is not None:
        db.close()
        raise DatabaseReadOnly(
            _("“{name}” needs upgrading to this version of Fact Sheet, but it is read-only. "
              "Copy it to a folder you can write to and open the copy.").format(name=name)
        )
    if tables:
        backup_to(db, path.with_name(f"{path.name}.bak-{version}"))
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS.apply(db)
    return db
