"""File ▸ Back Up Now: a backup copy of the open database, the last few kept, and where.

The copy is made by ``db.file.backups.make_backup`` (SQLite's backup API, into a ``backups``
folder beside the database, or the app's data folder when that one cannot be written).
A progress dialog appears if the copy takes more than a moment; the status bar then says
where the copy is and how many are kept. Backing up only reads the database, so it is
available for read-only files too.
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


def _fallback_folder() -> Path:
    from desktop.platform import paths

    return paths.data_dir() / backups.FOLDER_NAME


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
            target = backups.make_backup(db, fallback=_fallback_folder(), progress=progress)
    except FactSheetError as error:
        failure = str(error)
    finally:
        dialog.close()
    if failure is not None:
        message_box.warn(window, failure)
        return None
    window.statusBar().showMessage(_("Backed up to {path}. The last {n} backups are kept in that folder.").format(
        path=target, n=backups.KEEP), STATUS_MS)
    return target
