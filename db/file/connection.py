"""Opening a Fact Sheet database file: defensively, checked, and migrated safely.

Files come from colleagues, downloads, USB sticks and full disks, so ``open_database``
decides everything on a read-only connection before anything could be written:

1. **Without SQLite**, from the first 100 bytes: a folder, a missing file, a file that is
   not SQLite ("… is not a Fact Sheet database"), and a header or length showing the file
   was cut short (``db.file.integrity.header_damage``). An empty file is a new database.
2. **Whether it may be written**: the caller asked for read-only; the file's permissions
   forbid writing (its mode bits are honoured even for an administrator, who could write
   anyway); the folder cannot hold SQLite's journal; or the disk has less than
   ``LOW_SPACE_BYTES`` free. Each gives the ``read_only_reason`` the window's banner shows.
3. **Inspection on a read-only connection** (``mode=ro``, ``query_only``, no extension
   loading, ``trusted_schema=OFF``): the schema is read, the damage check runs when it is
   due (``db.file.integrity`` explains when the full ``quick_check`` runs and why), and every
   schema object is compared with what our own migrations create (``db.file.known_schema``,
   from a description generated per schema version).

   - damaged: the bytes are copied aside first, then ``DatabaseDamaged``: "“X” is
     damaged; a copy was kept at …". The file itself is never modified.
   - another program's tables, also under Fact Sheet's application id or with a view in
     one of our tables' places: ``NotAFactSheetDatabase`` ("… not a Fact Sheet database of
     any version").
   - a newer schema version: opened read-only, never migrated "down".
   - triggers, views or tables Fact Sheet did not create: opened read-only with a
     sentence naming them. Triggers fire only on writes, and a read-only connection
     never writes, so they cannot act on our tables; ``db.file.clean_copy`` copies the data
     into a file with only our schema.
4. **Writable**: a read-write connection in WAL mode with ``synchronous=FULL`` (a
   committed edit survives a crash or power cut); on a network drive (``db.file.
   filesystems``) the rollback journal instead, or read-only with a sentence when another
   program holds the file in WAL mode there. A file that holds data is copied with
   SQLite's backup API (``<name>.bak-<version>``) before its schema is upgraded.

Every write transaction starts with ``BEGIN IMMEDIATE`` and waits up to
``BUSY_TIMEOUT_MS`` for another window's short transaction to finish, so two processes
editing one file both succeed instead of one meeting "database is locked". After each
commit the write-ahead log is copied into the file (``checkpoint``), so the file alone
holds every saved change even while the window keeps it open.

The open file is a ``db.file.database.FactSheetDatabase``. Opening a file that is already
at our schema version imports no sqlite-utils: its migrations are loaded only when a file is
created or upgraded (``db.file.migrations``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.errors import (
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    FactSheetError,
    NotAFactSheetDatabase,
)
from db.file import filesystems, integrity, known_schema, migrations
from db.file.database import FactSheetDatabase
from db.file.integrity import SQLITE_HEADER
from db.file.sqlite import (
    connect_file,
    connect_read_only,
    has_rollback_journal,
    marked_read_only,
    read_only_reason,
)
from db.model.i18n import _

__all__ = ["open_again", "open_database"]

# Below this much free space a file opens read-only: an edit could not be saved anyway.
LOW_SPACE_BYTES = 1024 * 1024


def _version(db: FactSheetDatabase) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _application_id(db: FactSheetDatabase) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def open_again(db: FactSheetDatabase) -> FactSheetDatabase:
    """A second connection to the file ``db`` has open, for work on another thread.

    The file was checked and migrated when ``db`` was opened, so this skips both and only
    applies the same defensive settings; it is read-only when ``db`` is. SQLite connections
    belong to the thread that made them: call this on the worker thread itself.
    """
    if db.path is None:
        raise DatabaseReadOnly(_("A database kept in memory cannot be opened a second time."))
    if db.read_only:
        conn = connect_read_only(db.path)
    else:
        conn = connect_file(db.path, "rw")
        conn.execute("PRAGMA synchronous = FULL")
    again = FactSheetDatabase(conn, db.path)
    again.read_only_reason = db.read_only_reason
    again.author, again.session = db.author, db.session  # its writes are the window's own
    return again


def open_database(
    path: str | os.PathLike[str] | None,
    *,
    create: bool = True,
    read_only: bool = False,
    full_check: bool | None = None,
    keep_copy: bool = True,
) -> FactSheetDatabase:
    """Open (or create) a Fact Sheet database and bring its schema up to date.

    ``path=None`` gives an in-memory database (tests, previews). ``full_check`` forces
    (True) or skips (False) the full damage check on open; by default it runs when due
    (``db.file.integrity.full_check_due``). A damaged file's bytes are copied aside before it is
    reported unless ``keep_copy`` is False (``factsheet check`` only reports). Raises a
    ``FactSheetError`` subclass whose message is a sentence for the user.
    """
    if path is None:
        db = FactSheetDatabase(connect_file(None, "memory"))
        migrations.MIGRATIONS.apply(db)
        return db

    path = Path(path).expanduser().absolute()
    name = path.name
    if path.is_dir():
        raise NotAFactSheetDatabase(_("“{name}” is a folder, not a Fact Sheet database.").format(name=name))
    if not path.exists():
        if read_only or not create:
            raise NotAFactSheetDatabase(_("There is no file at {path}.").format(path=path))
        return _create(path)

    try:
        with path.open("rb") as handle:
            header = handle.read(integrity.HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise NotAFactSheetDatabase(
            _("“{name}” cannot be read: {reason}.").format(name=name, reason=error.strerror)
        ) from None
    if header and not header.startswith(SQLITE_HEADER):
        raise NotAFactSheetDatabase(
            _("“{name}” is not a Fact Sheet database (it is not an SQLite file).").format(name=name)
        )
    if header:
        problem = integrity.header_damage(path, header, size)
        if problem:
            raise integrity.damaged(path, problem, keep_copy)

    reason = read_only_reason(path, read_only, low_space=LOW_SPACE_BYTES)
    if full_check is None:
        full_check = integrity.full_check_due(path)
    interrupted = has_rollback_journal(path)
    try:
        if interrupted and reason is None:
            _finish_interrupted_write(path)
        db = FactSheetDatabase(connect_read_only(path), path)
    except sqlite3.DatabaseError as error:
        if interrupted and reason is not None:
            raise DatabaseReadOnly(_(
                "“{name}” was left half-changed by a program that stopped, and it cannot be changed "
                "here to undo that. Open it once in a folder you can write to.").format(name=name)) from None
        raise integrity.damaged(path, str(error), keep_copy) from None
    try:
        return _inspect_and_open(db, path, reason, full_check, keep_copy)
    except sqlite3.DatabaseError as error:
        db.close()
        raise integrity.damaged(path, str(error), keep_copy) from None


def _finish_interrupted_write(path: Path) -> None:
    """Let SQLite undo a write that a stopped program left in a rollback journal.

    Files in Fact Sheet's own WAL mode never need this; files made by other tools in
    SQLite's older journal mode do, and a read-only connection cannot do it. Rolling the
    journal back is what every SQLite reader must do first: it returns the file to its
    last committed state.
    """
    conn = connect_file(path, "rw")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _create(path: Path) -> FactSheetDatabase:
    """A new, empty database file with the current schema."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseReadOnly(_("“{name}” cannot be created in {folder}: {reason}.").format(
            name=path.name, folder=folder, reason=error.strerror)) from None
    if marked_read_only(folder):
        raise DatabaseReadOnly(_("“{name}” cannot be created because the folder {folder} is "
                                 "read-only.").format(name=path.name, folder=folder))
    try:
        db = FactSheetDatabase(connect_file(path, "rwc"), path)
        _make_writable(db, 0)
        return db
    except sqlite3.Error as error:
        path.unlink(missing_ok=True)
        raise FactSheetError(_("“{name}” could not be created ({detail}).").format(
            name=path.name, detail=integrity.error_detail(error))) from None


def _inspect_and_open(db: FactSheetDatabase, path: Path, reason: str | None,
                      full_check: bool, keep_copy: bool = True) -> FactSheetDatabase:
    """Decide on the read-only connection ``db``; return it, or a writable one, to use."""
    name = path.name
    objects = known_schema.schema_objects(db.conn)  # reading the schema finds a garbled first page
    if full_check:
        problems = integrity.quick_check(db.conn)
        if problems:
            db.close()
            raise integrity.damaged(path, _("it fails SQLite's integrity check"), keep_copy)
    db.damage_check_pending = not full_check

    app_id, version = _application_id(db), _version(db)
    has_tables = any(kind == "table" for kind, _name in objects)
    if app_id not in (0, migrations.APPLICATION_ID) or (app_id == 0 and has_tables):
        db.close()
        raise NotAFactSheetDatabase(
            _("“{name}” is not a Fact Sheet database (it belongs to another program).").format(name=name)
        )
    not_ours = known_schema.not_ours(name, objects, version, migrations.SCHEMA_VERSION)
    if not_ours:  # our application id, someone else's tables: nothing in it can be read as ours
        db.close()
        raise NotAFactSheetDatabase(not_ours)

    if version > migrations.SCHEMA_VERSION:
        db.newer_schema = True
        db.read_only_reason = _(
            "“{name}” was written by a newer version of Fact Sheet; it is shown read-only "
            "and left unchanged."
        ).format(name=name)
        return db

    if version > 0:
        foreign = known_schema.differences(db.conn, version, found=objects)
        if foreign:
            reason = foreign.sentence(name)
            db.foreign_schema, db.foreign_objects = True, foreign

    if reason is not None:
        db.read_only_reason = reason
        if version == migrations.SCHEMA_VERSION:
            return db
        db.close()
        if version == 0:
            raise DatabaseReadOnly(_("“{name}” is an empty file and cannot be changed, so it cannot "
                                     "become a Fact Sheet database.").format(name=name))
        raise DatabaseNeedsUpgrade(
            _("“{name}” needs upgrading to this version of Fact Sheet, but it cannot be changed: "
              "{reason} Copy it to a folder you can write to and open the copy.").format(name=name, reason=reason)
        )

    pending = db.damage_check_pending
    db.close()
    db = FactSheetDatabase(connect_file(path, "rwc"), path)
    db.damage_check_pending = pending
    backup = None
    try:
        if version < migrations.SCHEMA_VERSION and has_tables:
            from db.file.snapshot import backup_to  # only before an upgrade

            backup = backup_to(db, path.with_name(f"{path.name}.bak-{version}"))
        _make_writable(db, version)
    except _JournalRefused as refused:  # a WAL file on a network drive that another program holds
        db.close()
        db = FactSheetDatabase(connect_read_only(path), path)
        db.damage_check_pending = pending
        db.read_only_reason = filesystems.shared_wal_reason(name, str(refused))
    except FactSheetError:
        db.close()
        raise
    except sqlite3.Error as error:
        db.close()
        detail = integrity.error_detail(error)
        if backup is None:
            raise FactSheetError(_("“{name}” could not be prepared for use ({detail}).").format(
                name=name, detail=detail)) from None
        raise FactSheetError(_("“{name}” could not be upgraded ({detail}); the copy made before the "
                               "upgrade is at {backup}.").format(name=name, detail=detail, backup=backup)) from None
    return db


class _JournalRefused(Exception):
    """The file is on a network drive in WAL mode and another program holds it so."""


def _make_writable(db: FactSheetDatabase, version: int) -> None:
    """The journal the file's disk allows (``db.file.filesystems``: WAL, or the rollback journal
    on a network drive), durable commits, the log copied into the file, the schema up to date.

    A file at our schema version with every step recorded needs no migration, so
    sqlite-utils (which applies them) is not loaded for it.
    """
    wanted, network = filesystems.journal_for(db.path)
    with db.ensure_autocommit_on():
        if db.execute("PRAGMA journal_mode").fetchone()[0] != wanted:
            try:
                switched = db.execute(f"PRAGMA journal_mode = {wanted.upper()}").fetchone()[0]
            except sqlite3.OperationalError:
                switched = None
            if switched != wanted:
                raise _JournalRefused(network)
        db.execute("PRAGMA synchronous = FULL")
    db.network_filesystem = network
    if version != migrations.SCHEMA_VERSION or migrations.pending_steps(db.conn):
        migrations.MIGRATIONS.apply(db)
    db.checkpoint()
