"""Noticing changes another window or program made to the open file, and showing them.

Two windows (two processes) may edit one file. SQLite's ``PRAGMA data_version`` changes
whenever another connection commits to the file; polling it every ``POLL_MS`` costs a
few microseconds. When it changes, the window re-reads its views (``window.refresh()``)
and the status bar says why the view changed. The window's own edits never trigger it:
they are refreshed by the code that made them.

The same poll finishes copying the write-ahead log into the file when a commit could not
copy all of it (a list was still reading an older snapshot) or another connection wrote:
while the window is idle the database file alone holds every saved change.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from db.model.i18n import _

POLL_MS = 1500


class ChangeWatcher(QObject):
    """Polls the window's database for commits made elsewhere."""

    def __init__(self, window: QMainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self._db = None
        self._version: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.poll()
        self.timer.start()

    def poll(self) -> bool:
        """Refresh the window if another connection committed; True when it did."""
        db = self.window.db
        try:
            if db is not self._db:  # a different file is shown now: start watching it
                self._db, self._version = db, db.data_version()
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
        self.window.refresh()
        self.window.statusBar().showMessage(
            _("Another window or program changed this database; the views now show its changes."), 10_000)
        return True


def install(window: QMainWindow) -> ChangeWatcher:
    window.change_watcher = ChangeWatcher(window)
    return window.change_watcher
