"""Asking for a file: the platform's file dialog, and the folder it starts in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from db.model.i18n import _
from desktop.platform import paths

DATABASE_FILTER = _("Fact Sheet databases (*{suffix})").format(suffix=paths.DATABASE_SUFFIX)
ALL_FILES = _("All files (*)")


def ask_path(parent: QWidget, title: str, *, save: bool, start: Path | None = None,
             filters: tuple[str, ...] = (DATABASE_FILTER, ALL_FILES), suffix: str = "factsheet",
             confirm_overwrite: bool = True) -> Path | None:
    """A file chosen in the platform's file dialog, or None when the person cancelled."""
    dialog = QFileDialog(parent, title, str(start) if start else "")
    dialog.setObjectName("file_dialog")
    dialog.setNameFilters(list(filters))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def start_folder(window) -> Path:
    """Where a file dialog starts: beside the open database (home for one kept in memory)."""
    path = window.db.path
    return path.parent if path is not None else Path.home()
