"""File ▸ Back Up Now: a backup copy of the open database, kept with the others, and where.

The copy is made by ``db.file.backups.make_backup`` (SQLite's backup API, into the database's
backups folder in the app's data folder, where the automatic backups are too, all kept by
one rule). A progress dialog appears if the copy takes more than a moment; the status bar
then says where the copy is. Backing up only reads the database, so it is available for
read-only files too. File ▸ Restore from Backup… (``desktop.safety.restore_dialog``) lists them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog

from db.errors import FactSheetError
from db.file import backups
from db.model.i18n import _
from desktop import APP_NAME
from desktop.common import message_box
from desktop.common.progress import busy

STATUS_MS = 20_000


def daily_backup(window: QMainWindow) -> Path | None:
    """The day's backup, before the window's first change of the day (once a day)."""
    db = window.db
    if db.path is None or db.read_only:
        return None
    try:
        return backups.daily_backup(db)
    except FactSheetError as error:  # the change itself can still be made; say why there is no backup
        window.statusBar().showMessage(_("Today's backup could not be made: {reason}").format(reason=error),
                                       STATUS_MS)
        return None


def back_up_now(window: QMainWindow) -> Path | None:
    """Make the backup, with progress for a large file; say where it went, or why not."""
    db = window.db
    if db.path is None:
        window.statusBar().showMessage(_("This database is not kept in a file, so there is nothing to "
                                         "back up."), STATUS_MS)
        return None
    dialog = QProgressDialog(_("Backing up “{name}”…").format(name=db.path.name), "", 0, 100, window)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)  # a half-made backup is never kept anyway; let it finish
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)

    def progress(done: int, total: int) -> None:
        dialog.setValue(int(100 * done / max(total, 1)))
        QApplication.processEvents()

    failure = None
    try:
        with busy():
            target = backups.make_backup(db, progress=progress)
    except FactSheetError as error:
        failure = str(error)
    finally:
        dialog.close()
    if failure is not None:
        message_box.warn(window, failure)
        return None
    window.statusBar().showMessage(_("Backed up to {path}. File ▸ Restore from Backup… lists every backup.").format(
        path=target), STATUS_MS)
    return target
