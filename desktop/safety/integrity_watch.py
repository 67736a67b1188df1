"""The damage check a large file skipped when it was opened, run in the background.

Opening a large, cleanly closed file skips the full ``quick_check`` so the window appears
at once (``db.file.integrity`` explains the policy). This module runs that check on its own
read-only connection in a worker thread while the person reads. If it finds damage, a
copy of the file is kept, the database is marked read-only with the same sentence as a
damaged file gets on opening, and the window disables editing and shows the banner.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from db.file import integrity
from db.file.sqlite import connect_read_only
from db.model.i18n import _


class BackgroundCheck(QObject):
    """Runs ``quick_check`` for the window's database once, off the GUI thread."""

    finished = Signal(object, list)  # the database checked, its problems (empty when sound)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.thread: threading.Thread | None = None
        self._connected = False

    def start(self) -> bool:
        """Start the check if the open database still needs it; True when started."""
        db = self.window.db
        if not getattr(db, "damage_check_pending", False) or db.path is None:
            return False
        if not self._connected:  # only for a large file: naming the connection type builds Qt's enums
            from PySide6.QtCore import Qt

            self.finished.connect(self._done, Qt.ConnectionType.QueuedConnection)  # in the GUI thread
            self._connected = True
        self.thread = threading.Thread(target=self._run, args=(db,), name="damage check", daemon=True)
        self.thread.start()
        return True

    def _run(self, db) -> None:
        try:
            conn = connect_read_only(db.path)
            try:
                problems = integrity.quick_check(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        self.finished.emit(db, problems)

    def _done(self, db, problems: list) -> None:
        db.damage_check_pending = False
        if not problems or db is not self.window.db:
            return
        db.read_only_reason = integrity.report_damage(db.path, _("it fails SQLite's integrity check"))
        self.window.apply_read_only()


def install(window: QMainWindow) -> BackgroundCheck:
    window.background_check = BackgroundCheck(window)
    window.background_check.start()
    return window.background_check
