"""Long work with a progress dialog: copying a database, exporting a million rows.

``run_with_progress`` runs the work as a ``background.Job`` (its own connection, on a
worker thread) and shows a progress dialog with Cancel if it takes longer than a moment;
the window keeps repainting meanwhile. It returns the work's result, ``None`` when the
person cancelled, and raises ``FactSheetError`` with the work's sentence when it failed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from db.errors import FactSheetError
from db.model.i18n import _
from desktop.common.background import Job, Work

SHOW_AFTER_MS = 400


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while work runs in the window's own thread; back to normal however it ends."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class _Outcome:
    def __init__(self) -> None:
        self.result: Any = None
        self.error: FactSheetError | None = None
        self.cancelled = False
        self.ended = False

    def end(self) -> None:
        self.ended = True

    def finished(self, result: Any) -> None:
        self.result = result

    def failed(self, error: FactSheetError) -> None:
        self.error = error

    def stopped(self) -> None:
        self.cancelled = True


def run_with_progress(parent: QWidget, db, work: Work, *, label: str) -> Any:
    """Run ``work(db_connection, job)`` apart from the window, showing progress; see the module notes."""
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(parent.window().windowTitle() if parent else "")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    outcome = _Outcome()
    loop = QEventLoop()
    job = Job(db, work)
    job.progress.connect(lambda done, total: (dialog.setMaximum(max(total, 0)), dialog.setValue(min(done, total))))
    job.finished.connect(outcome.finished)
    job.failed.connect(outcome.failed)
    job.cancelled_.connect(outcome.stopped)
    job.ended.connect(outcome.end)
    job.ended.connect(loop.quit)
    dialog.canceled.connect(job.cancel)
    job.start()
    if not outcome.ended:  # a job in memory ran right here; a worker's end arrives in the loop
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if outcome.error is not None:
        raise outcome.error
    return None if outcome.cancelled else outcome.result
