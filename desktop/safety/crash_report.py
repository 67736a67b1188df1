"""Unhandled exceptions in the window: written to a log, shown in a dialog, and survived.

``install()`` replaces ``sys.excepthook`` (Qt slots and event handlers report through
it) and ``threading.excepthook``. For each unhandled exception the handler

1. writes the traceback, with the versions involved, to ``factsheet.log`` in the app's
   log folder (``desktop.platform.paths.log_dir()``; rotated at ``MAX_LOG_BYTES``);
2. rolls back a transaction a failed slot may have left open on any open window's
   database, so it cannot hold the write lock or be committed half-done later — what was
   saved before is untouched, since every edit is committed when it is made;
3. when SQLite reports a damaged page (a large file opens before its full check has
   run), keeps a copy of the file and turns the window read-only with the same sentence
   a damaged file gets on opening;
4. shows ``desktop.safety.error_dialog.ErrorDialog`` in the GUI thread, without blocking.

The window then carries on. A ``FactSheetError`` that escapes a slot is shown as the
sentence it is; anything else as "Something went wrong: …".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from db.errors import FactSheetError
from db.model.i18n import _
from desktop import __version__

LOG_NAME = "factsheet.log"
MAX_LOG_BYTES = 1_000_000


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The log entry: when, which versions, and the traceback."""
    import platform  # only when something went wrong: it is slow to import

    when = dt.datetime.now().isoformat(timespec="seconds")
    versions = (f"Fact Sheet {__version__}, Python {platform.python_version()}, "
                f"PySide6 {PySide6.__version__}, SQLite {sqlite3.sqlite_version}, {platform.platform()}")
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{when}  {versions}\n{trace}"


def write_log(folder: Path, text: str) -> Path:
    """Append ``text`` to the log in ``folder`` (the previous log kept as ``.1``)."""
    log = folder / LOG_NAME
    if log.exists() and log.stat().st_size > MAX_LOG_BYTES:
        log.replace(log.with_name(LOG_NAME + ".1"))
    with log.open("a", encoding="utf-8") as handle:
        handle.write(text.rstrip() + "\n\n")
    return log


def message_for(exc: BaseException) -> str:
    if isinstance(exc, FactSheetError):
        return str(exc)
    detail = str(exc) or type(exc).__name__
    return _("Something went wrong: {detail}").format(detail=detail.splitlines()[0][:300])


def is_damage(exc: BaseException) -> bool:
    """SQLite reports a damaged page (SQLITE_CORRUPT, SQLITE_NOTADB) as the plain DatabaseError."""
    return type(exc) is sqlite3.DatabaseError


def mark_damaged(detail: str) -> str | None:
    """A read found damage: keep a copy, make each open window read-only, and say so."""
    from db.file import integrity

    sentence = None
    for widget in QApplication.topLevelWidgets():
        db = getattr(widget, "db", None)
        if getattr(db, "path", None) is None or db.read_only:
            continue
        db.read_only_reason = sentence = integrity.report_damage(db.path, detail)
        widget.apply_read_only()
    return sentence


def roll_back_open_transactions() -> None:
    """End any transaction a failed slot left open on a window's database."""
    for widget in QApplication.topLevelWidgets():
        db = getattr(widget, "db", None)
        conn = getattr(db, "conn", None)
        try:
            if conn is not None and conn.in_transaction:
                conn.rollback()
        except Exception:  # a closed or broken connection has nothing left to roll back
            pass


class ExceptionReporter(QObject):
    """Receives unhandled exceptions from any thread and shows them in the GUI thread."""

    reported = Signal(str, str, str)  # message, details, log path ("" when none)

    def __init__(self, log_folder: Callable[[], Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_folder = log_folder
        self.dialog = None
        self.last_log: Path | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self._queued = False
        self._lock = threading.Lock()

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        details = describe(exc_type, exc, tb)
        sys.stderr.write(details)
        try:
            self.last_log = write_log(self._log_folder(), details)
        except OSError:
            self.last_log = None
        message = message_for(exc)
        if threading.current_thread() is threading.main_thread():
            roll_back_open_transactions()
            if is_damage(exc):
                message = mark_damaged(str(exc)) or message
        self._queue_reports()
        self.reported.emit(message, details, str(self.last_log or ""))

    def _queue_reports(self) -> None:
        """Reports reach the dialog through the GUI thread's event queue: one from a worker
        thread is shown by the GUI thread, one from the GUI thread once the code that failed
        has unwound. Connected with the first report rather than when installed: naming the
        connection type builds Qt's enums, which the first paint does without
        (``desktop.common.qt_values``)."""
        with self._lock:
            if not self._queued:
                from PySide6.QtCore import Qt

                self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
                self._queued = True

    def _show(self, message: str, details: str, log_path: str) -> None:
        from desktop.safety.error_dialog import ErrorDialog

        try:
            if self.dialog is not None:
                self.dialog.add(message, details)
                self.dialog.raise_()
                return
            self.dialog = ErrorDialog(message, details, log_path or None, QApplication.activeWindow())
            self.dialog.destroyed.connect(self._forget_dialog)
            self.dialog.show()
        except Exception:  # never report a failure to report: that would loop
            traceback.print_exc()

    def _forget_dialog(self) -> None:
        self.dialog = None


def install(app: QApplication) -> ExceptionReporter:
    """Report unhandled exceptions for the rest of the program's life."""
    from desktop.platform import paths

    reporter = ExceptionReporter(paths.log_dir, app)
    reporter.install()
    return reporter
