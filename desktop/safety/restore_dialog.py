"""File ▸ Restore from Backup…: the database's backups, what each would change, one click back.

Lists every backup of the open database (``db.file.backups``), the newest first: when, why
it was made, and its record counts. Selecting one shows what restoring it would change,
kind by kind, with a few records named (``db.read.backup_compare``). *Restore* keeps the
current state as a backup, copies the chosen backup in (SQLite's backup API, in one step),
notes it in the change history, and is one step of Edit ▸ Undo: undo restores the state kept
just before, redo the chosen backup again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import store
from db.errors import FactSheetError
from db.file import backups
from db.model.i18n import _
from db.model.records import format_count
from db.read import backup_compare
from desktop.common import message_box
from desktop.common.progress import busy
from desktop.common.rich_text import esc
from desktop.help import context as context_help


def counts_text(counts: dict[str, int]) -> str:
    shown = [format_count(n, kind) for kind, n in counts.items() if n]
    return ", ".join(shown) or _("no records")


def differences_html(differences: list[backup_compare.KindDifference]) -> str:
    """What restoring would do, kind by kind."""
    if not differences:
        return f"<p>{esc(_('The backup holds the same records as the file now.'))}</p>"
    parts = [f"<p><b>{esc(_('Restoring this backup would:'))}</b></p><ul>"]
    for d in differences:
        for count, sentence, examples in (
                (d.only_backup, _("bring back {records}"), d.examples_backup),
                (d.only_now, _("remove {records} added since"), d.examples_now),
                (d.changed, _("take {records} back to an earlier version"), d.examples_changed)):
            if count:
                named = "; ".join(f"“{e}”" for e in examples)
                parts.append(f"<li>{esc(sentence.format(records=format_count(count, d.kind)))}"
                             + (f": {esc(named)}" if named else "") + "</li>")
    parts.append("</ul>")
    return "".join(parts)


class RestoreStep(QUndoCommand):
    """A backup restored: undo restores the state kept just before, redo the backup again."""

    def __init__(self, window, chosen: backups.Backup, kept: Path) -> None:
        super().__init__(_("Restore from Backup of {when}").format(when=f"{chosen.made:%Y-%m-%d %H:%M}"))
        self.window, self.chosen, self.kept = window, chosen.path, kept
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False  # pushed after it was done
            return
        self._restore(self.chosen)

    def undo(self) -> None:
        self._restore(self.kept)

    def _restore(self, path: Path) -> None:
        history = self.window.editing.history
        try:
            with busy():
                backups.restore_backup(self.window.db, path, keep_current=False)
                store.note_restored_file(self.window.db, _("Restored from the backup {name}").format(name=path.name))
        except FactSheetError as error:
            history.step_failed(str(error))
            return
        history.changed.emit(None)


class RestoreDialog(QDialog):
    """The backups of the window's database; Restore goes back to the one selected."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(_("Restore from Backup"))
        self.setObjectName("restore_backup")
        self.backups = backups.list_backups(window.db.path) if window.db.path else []
        about = QLabel(_("Backups are made before every import, once a day the file is changed, and with Back "
                         "Up Now. Restoring one keeps the file as it is now as another backup first; Edit ▸ Undo "
                         "takes the restore back."), self)
        about.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setHorizontalHeaderLabels([_("Made"), _("Why"), _("Records")])
        self.table.setAccessibleName(_("Backups"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            try:
                counts = counts_text(backup_compare.record_counts(backup.path))
            except Exception as error:  # noqa: BLE001 - one unreadable backup is said, not fatal
                counts = _("cannot be read ({detail})").format(detail=error)
            for column, text in enumerate((f"{backup.made:%Y-%m-%d %H:%M}", backup.reason_label, counts)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(backup.path))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.differences = QTextBrowser(self)
        self.differences.setAccessibleName(_("What restoring would change"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.differences)
        splitter.setSizes([260, 220])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setProperty("writes", True)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        context_help.install(self, "restoring", self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self.restore_button.setEnabled(False)
        if self.backups:
            self.table.selectRow(0)
        else:
            self.differences.setHtml(f"<p>{esc(_('This database has no backups yet.'))}</p>")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.backups):
            return
        try:
            with busy():
                found = backup_compare.compare(self.window_.db.path, self.backups[row].path)
            self.differences.setHtml(differences_html(found))
        except Exception as error:  # noqa: BLE001 - a backup that cannot be read is said in the pane
            self.differences.setHtml(f"<p>{esc(_('The backup cannot be read: {detail}').format(detail=error))}</p>")
        self.restore_button.setEnabled(not self.window_.db.read_only)

    def restore(self) -> Path | None:
        """Restore the backup selected (after keeping the current state); the backup kept, or None."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return None
        chosen = self.backups[row]
        db = self.window_.db
        try:
            with busy():
                kept = backups.restore_backup(db, chosen.path)
                store.note_restored_file(db, _("Restored from the backup {name}").format(name=chosen.path.name))
        except FactSheetError as error:
            message_box.warn(self, str(error))
            return None
        assert kept is not None
        self.window_.editing.history.push_command(RestoreStep(self.window_, chosen, kept))
        self.window_.statusBar().showMessage(_("Restored the backup of {when}; Edit ▸ Undo takes it back.").format(
            when=f"{chosen.made:%Y-%m-%d %H:%M}"), 10_000)
        self.accept()
        return kept


def ask_and_restore(window) -> RestoreDialog | None:
    if window.db.path is None:
        message_box.inform(window, _("This database is kept in memory, so it has no backups."))
        return None
    dialog = RestoreDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
