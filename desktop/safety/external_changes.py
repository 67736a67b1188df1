"""Noticing changes another window or program made to the open file, and showing them.

Two windows (two processes) may edit one file. SQLite's ``PRAGMA data_version`` changes
whenever another connection commits to the file; polling it every ``POLL_MS`` costs a
few microseconds. When it changes, the window re-reads its views (``window.refresh()``).
Whose change it was is read from the change history: every write through ``db.store``
names the program run that made it (``session``), and this window gives its connection —
and the worker connections of its imports, which copy it — a session of its own. When
every entry since the last look is this window's, the views are refreshed quietly; when
any is another's, or the change left no entry (a program that keeps no history), the
status bar says another window or program changed the database.

The same poll finishes copying the write-ahead log into the file when a commit could not
copy all of it (a list was still reading an older snapshot) or another connection wrote:
while the window is idle the database file alone holds every saved change.
"""

from __future__ import annotations

import os
import sqlite3

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from db.model.i18n import _
from db.read import last_change

POLL_MS = 1500


class ChangeWatcher(QObject):
    """Polls the window's database for commits made elsewhere."""

    def __init__(self, window: QMainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self._db = None
        self._version: int | None = None
        self._entry = 0  # the last history entry seen
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.poll()
        self.timer.start()

    def poll(self) -> bool:
        """Refresh the window if another connection committed; True when another window or
        program did (the window's own work on a worker connection refreshes it quietly)."""
        db = self.window.db
        try:
            if db is not self._db:  # a different file is shown now: start watching it
                if getattr(db, "session", "") is None:
                    db.session = os.urandom(16).hex()  # as random as a UUID, without importing uuid
                self._db, self._version, self._entry = db, db.data_version(), _last_entry(db)
                return False
            if db.conn.in_transaction:
                return False
            version = db.data_version()
            if db.checkpoint_pending or version != self._version:
                db.checkpoint()
        except (sqlite3.Error, AttributeError):  # closed or not a Fact Sheet database object
            return False
        if version == self._version:
            return False
        self._version = version
        elsewhere = self._changed_elsewhere(db)
        self.window.refresh()
        if elsewhere:
            self.window.statusBar().showMessage(
                _("Another window or program changed this database; the views now show its changes."), 10_000)
        return elsewhere

    def _changed_elsewhere(self, db) -> bool:
        last = _last_entry(db)
        if last < self._entry:  # the file was replaced (a backup restored): look at it afresh
            self._entry = 0
        try:
            sessions = last_change.sessions_since(db, self._entry) if last > self._entry else set()
        except sqlite3.Error:
            sessions = set()
        self._entry = last
        return not sessions or sessions != {db.session}


def _last_entry(db) -> int:
    try:
        return last_change.last_change(db)
    except sqlite3.Error:  # a file without a history (read-only, from an older version)
        return 0


def install(window: QMainWindow) -> ChangeWatcher:
    window.change_watcher = ChangeWatcher(window)
    return window.change_watcher
