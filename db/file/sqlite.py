"""SQLite connections with the safe settings, and what a file's sidecars and mode say.

The lowest floor of opening a file: a connection that loads no extensions, distrusts the
schema (``trusted_schema=OFF``) and waits its turn for the write lock; a read-only one that
cannot change the file or its journal; and the facts read from the file system alone —
whether the last program closed the file cleanly, whether a stopped write left a journal,
and whether the permissions allow changes. ``db.file.connection`` and ``db.file.integrity``
build on these. Every connection is counted by ``db.file.traces``, so a file that was only
read is left without the ``-wal`` and ``-shm`` files reading it made.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from db.file import traces
from db.model.i18n import _

BUSY_TIMEOUT_MS = 5000


def sidecar(path: Path, suffix: str) -> Path:
    """``facts.factsheet-wal`` and friends: the files SQLite keeps beside a database."""
    return path.with_name(path.name + suffix)


def file_size(path: Path) -> int:
    """The size of a file in bytes, or 0 when it is missing or unreadable."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def closed_cleanly(path: Path) -> bool:
    """False when the last program using the file stopped without closing it.

    A clean close of the last connection checkpoints and removes the write-ahead log; a
    log that still holds frames, or a leftover rollback journal, means a crash or a power
    cut (or another window that still has the file open, where checking is cheap insurance).
    """
    return file_size(sidecar(path, "-wal")) == 0 and file_size(sidecar(path, "-journal")) == 0


def has_rollback_journal(path: Path) -> bool:
    """True when a rollback journal with content lies beside the file (a stopped write, in
    the journal mode other SQLite tools use; Fact Sheet's own files use a write-ahead log)."""
    return file_size(sidecar(path, "-journal")) > 0


def connect_file(path: Path | None, mode: str, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection with the safe settings: no extensions, untrusted schema, foreign keys on.

    ``mode`` is SQLite's URI mode: ``ro`` (also ``query_only``), ``rw`` or ``rwc``.
    """
    if path is None:
        conn = sqlite3.connect(":memory:")
    else:
        uri = f"file:{quote(str(path))}?mode={mode}" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, factory=traces.Connection)
        conn.watch(path, reader=mode == "ro")  # a reader leaves nothing beside the file (db.file.traces)
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Notice a garbled page when it is read, at a cost of a few per cent.
    conn.execute("PRAGMA cell_size_check = ON")
    if mode == "ro":
        conn.execute("PRAGMA query_only = ON")
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor its journal) in any way.

    In a folder where SQLite cannot create its shared-memory file, a file whose
    write-ahead log is empty is read as immutable instead.
    """
    conn = connect_file(path, "ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if closed_cleanly(path) and not os.access(path.parent, os.W_OK):
            return connect_file(path, "ro", immutable=True)
        raise
    return conn


def marked_read_only(path: Path) -> bool:
    """True when the file's or folder's permissions say it may not be changed.

    ``os.access`` answers for the current user; the mode bits are checked as well so that
    a file someone marked read-only stays read-only even for an administrator.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    access = os.W_OK | (os.X_OK if path.is_dir() else 0)
    return not os.access(path, access) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _low_on_space(folder: Path, low_space: int) -> bool:
    try:
        return shutil.disk_usage(folder).free < low_space
    except OSError:
        return False


def read_only_reason(path: Path, requested: bool, *, low_space: int) -> str | None:
    """Why ``path`` must be opened read-only (None: it may be written): asked for, its
    permissions or its folder's, or a disk with less than ``low_space`` bytes free."""
    name = path.name
    if requested:
        return _("This database was opened read-only.")
    if marked_read_only(path):
        return _("“{name}” is read-only (its file permissions do not allow changes), so it can be "
                 "viewed but not changed.").format(name=name)
    if marked_read_only(path.parent):
        return _("The folder holding “{name}” is read-only, so the file can be viewed but not "
                 "changed. Copy it to a folder you can write to and open the copy.").format(name=name)
    if _low_on_space(path.parent, low_space):
        return _("The disk holding “{name}” is full, so it is opened read-only. Free some space "
                 "and open it again to make changes.").format(name=name)
    return None
