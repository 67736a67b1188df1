"""Database work off the window's thread, each job on a connection of its own.

Counting a million filtered rows, importing a file or copying a database must not freeze
the window. A ``Job`` runs a function on a ``QThread`` with a second connection to the
same file (``db.file.connection.open_again``; SQLite connections stay on the thread that made
them) and reports back through queued signals. ``cancel`` sets a flag the work checks and
interrupts the SQL statement running at that moment; work that writes does so in one
transaction, so a cancelled job leaves the database as it was.

A database kept in memory (tests, previews) cannot be opened twice: ``Job.run_here`` then
does the work on the caller's thread and connection.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from db.errors import Cancelled, FactSheetError
from db.file.connection import open_again
from db.file.database import FactSheetDatabase
from db.model.i18n import _

# Work receives its own connection and the job (to call ``report`` and ``check_cancelled``).
Work = Callable[[FactSheetDatabase, "Job"], Any]

_running: set[Job] = set()  # jobs whose thread is alive; keeps their Python objects alive too


class _Thread(QThread):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run_on_worker()


class Job(QObject):
    """One piece of work on a worker thread. Connect to the signals, then ``start``."""

    progress = Signal(int, int)  # done, total (any unit; total 0 when unknown)
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # a FactSheetError: its message is the sentence for the user
    cancelled_ = Signal()  # stopped on request; nothing was changed
    ended = Signal()  # after any of the three above
    # A fault in the program itself (not in the data): sent to the window's error report
    # (``sys.excepthook``) on the window's thread, after ``failed`` has said it in a sentence.
    crashed = Signal(object)

    def __init__(self, db: FactSheetDatabase, work: Work) -> None:
        # No Qt parent: the job must outlive whoever started it until its thread has ended
        # (``_running`` keeps it); receivers that go away are disconnected by Qt.
        super().__init__()
        _install_quit_hook()
        self._db = db
        self._work = work
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.crashed.connect(_report_fault)
        self._thread: _Thread | None = None

    # -- for the caller ------------------------------------------------------------------
    @staticmethod
    def can_run_apart(db: FactSheetDatabase) -> bool:
        """True when the database is a file a worker can open a second connection to."""
        return db.path is not None

    def start(self) -> None:
        if not self.can_run_apart(self._db):
            self.run_here()
            return
        _running.add(self)
        self._thread = _Thread(self)
        self._thread.finished.connect(self._thread_done)
        self._thread.start()

    def run_here(self) -> None:
        """Do the work now on this thread and connection (a database kept in memory)."""
        self._deliver(lambda: self._work(self._db, self))

    def cancel(self) -> None:
        """Ask the work to stop: a flag it checks, and an interrupt of its running statement."""
        self._cancel.set()
        with self._lock:
            if self._conn is not None:
                self._conn.interrupt()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker thread has ended (for shutting down); True when it did."""
        return self._thread is None or self._thread.wait(milliseconds)

    # -- for the work ----------------------------------------------------------------------
    def check_cancelled(self) -> None:
        """Raise ``Cancelled`` if the person asked to stop (call it between steps)."""
        if self._cancel.is_set():
            raise Cancelled(_("Stopped; nothing was changed."))

    def report(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    # -- internals ---------------------------------------------------------------------------
    def _run_on_worker(self) -> None:
        def work() -> Any:
            db = open_again(self._db)
            with self._lock:
                self._conn = db.conn
            try:
                self.check_cancelled()  # cancelled before the thread got going
                return self._work(db, self)
            finally:
                with self._lock:
                    self._conn = None
                db.close()

        self._deliver(work)

    def _deliver(self, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Cancelled:
            self.cancelled_.emit()
        except sqlite3.OperationalError as error:
            if self._cancel.is_set() and "interrupt" in str(error).lower():
                self.cancelled_.emit()
            else:
                self.failed.emit(FactSheetError(_("The database could not be used: {detail}.").format(detail=error)))
        except FactSheetError as error:
            self.failed.emit(error)
        except OSError as error:
            self.failed.emit(FactSheetError(_("{file}: {reason}.").format(file=error.filename or "",
                                                                         reason=error.strerror or error)))
        except Exception as error:  # whoever waits for ``ended`` must never wait for ever
            self.failed.emit(FactSheetError(_("An unexpected error stopped this work; nothing was "
                                              "changed, and the details are in the error report.")))
            self.crashed.emit(error)
        else:
            self.finished.emit(result)
        self.ended.emit()

    def _thread_done(self) -> None:
        _running.discard(self)
        if self._thread is not None:
            self._thread.deleteLater()
            self._thread = None


def stop_all(milliseconds: int = 10_000) -> None:
    """Cancel every running job and wait for its thread (when the application quits)."""
    for job in list(_running):
        job.cancel()
    for job in list(_running):
        job.wait(milliseconds)


_hooked: list[QCoreApplication] = []  # the application whose quit stops the jobs


def _install_quit_hook() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _hooked:
        app.aboutToQuit.connect(stop_all)
        _hooked.append(app)


def _report_fault(error: BaseException) -> None:
    """Hand a worker's unexpected exception to the window's error report."""
    sys.excepthook(type(error), error, error.__traceback__)
