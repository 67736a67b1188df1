"""Reading a file leaves nothing beside it: the empty ``-wal`` and ``-shm`` a reader made go again.

Fact Sheet's files use SQLite's write-ahead log. Even a connection that only reads such a
file makes an empty ``-wal`` file and a ``-shm`` index beside it, and, unable to take the
lock a writer takes, leaves them when it closes. ``factsheet check``, ``export`` and ``pdf``
promise to leave nothing behind, so every connection Fact Sheet makes is counted here
(``Connection``), and when the last one to a file closes, the sidecars a reader made are
removed — only when it is safe, in SQLite's own way:

- only files that were not there when the reader opened the database, and only while the
  log is empty (it never held a change, so nothing is lost);
- only while no other program has the database open: the exclusive lock SQLite itself
  takes before it removes them is taken first (not waited for) on the database file,
  which keeps any other program from opening it until they are gone.

Where that lock cannot be taken (the file may not be changed, another program uses it, a
system without POSIX locks) the files stay, as SQLite would leave them; the next program
that closes the file last removes them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking there is not POSIX; the files stay
    fcntl = None  # type: ignore[assignment]

# Where SQLite's unix locking keeps its shared-lock bytes (os_unix.c): holding all of them
# for writing is SQLite's EXCLUSIVE lock.
_PENDING_BYTE = 0x40000000
_SHARED_FIRST = _PENDING_BYTE + 2
_SHARED_SIZE = 510

_open: dict[str, int] = {}  # file -> connections of this process open on it
_guard = threading.Lock()


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


class Connection(sqlite3.Connection):
    """An SQLite connection that counts itself, and clears up after a reader on close.

    Made by ``db.file.sqlite.connect_file`` through ``sqlite3.connect(factory=…)``;
    ``watch`` is called once the file it opened is known.
    """

    _file: str | None = None
    _made_by_reader: tuple[Path, ...] = ()

    def watch(self, path: Path, *, reader: bool) -> None:
        """Count this connection on ``path``; a ``reader`` removes on close the sidecars it made."""
        key = os.path.abspath(path)
        with _guard:
            first = _open.get(key, 0) == 0
            _open[key] = _open.get(key, 0) + 1
        self._file = key
        if reader and first:
            self._made_by_reader = tuple(p for p in _sidecars(Path(key)) if not p.exists())

    def close(self) -> None:
        super().close()
        key, self._file = self._file, None
        if key is None:
            return
        with _guard:
            _open[key] -= 1
            last = _open[key] == 0
            if last:
                del _open[key]
        if last and self._made_by_reader:
            remove_empty_sidecars(Path(key), self._made_by_reader)


def remove_empty_sidecars(path: Path, made: tuple[Path, ...]) -> bool:
    """Remove the sidecars in ``made`` while no program has ``path`` open and the log is
    empty; True when they are gone (see the module docstring)."""
    wal, _shm = _sidecars(path)
    if fcntl is None or not any(p.exists() for p in made):
        return not any(p.exists() for p in made)
    try:
        fd = os.open(path, os.O_RDWR)  # a write lock needs a descriptor open for writing; nothing is written
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST)
        except OSError:
            return False  # another program has the file open: it clears up when it closes
        if wal in made and wal.exists() and wal.stat().st_size:
            return False  # the log holds changes: never removed here
        for sidecar in (wal, _sidecars(path)[1]):  # the log before its index, as SQLite does
            if sidecar in made:
                with contextlib.suppress(FileNotFoundError):
                    sidecar.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # releases the lock
