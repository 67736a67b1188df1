"""The History list under a record's detail pane: its versions, what changed, and going back.

Each entry of the record's change history is a line — when, what was done, by whom, and
the note (the file imported, "Undo …") — the newest first; the top line is the version
shown above. Selecting an earlier one shows how it differs from the record now (field,
then, now) and enables *Restore this version*, which asks the window to write that version
back as one undoable step (``restore_requested``). The panel only reads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import store
from db.errors import FactSheetError
from db.model.i18n import _
from db.read import history
from desktop.common.rich_text import esc, multiline
from desktop.common.theme import secondary_text


def entry_text(version: history.Version, current: bool) -> str:
    """"12 Mar 2026, 10:15 — Changed by Aigerim (Undo: …)"."""
    text = _("{when} — {action}").format(when=version.when, action=version.action_label)
    if version.author:
        text = _("{text} by {author}").format(text=text, author=version.author)
    if version.note:
        text = _("{text} ({note})").format(text=text, note=version.note)
    return _("{text} — shown above").format(text=text) if current else text


def differences_html(differences: list[history.Difference]) -> str:
    """Field, then, now: the fields in which a version differs from the record now."""
    if not differences:
        return f"<p style='color:{secondary_text()}'>{esc(_('This version is the same as the record now.'))}</p>"
    rows = [f"<tr><td valign='top'><b>{esc(d.label)}</b></td><td valign='top'>{multiline(d.old) or '—'}</td>"
            f"<td valign='top'>{multiline(d.new) or '—'}</td></tr>" for d in differences]
    head = (f"<tr><th align='left'>{esc(_('Field'))}</th><th align='left'>{esc(_('That version'))}</th>"
            f"<th align='left'>{esc(_('Now'))}</th></tr>")
    return "<table cellspacing='0' cellpadding='3'>" + head + "".join(rows) + "</table>"


class HistoryPanel(QWidget):
    """The versions of one record, their differences from now, and Restore this version."""

    restore_requested = Signal(str, int, int)  # kind, record id, history entry of the version

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.current: tuple[str, int] | None = None
        self.versions: list[history.Version] = []
        self.title = QLabel(_("History"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("History"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._version_chosen)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(_("Differences from now"))
        self.diff.setOpenLinks(False)
        # The differences take room only once an earlier version is chosen, so that the
        # record's details above keep most of the height of a small window.
        lines = self.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(3 * lines)
        self.diff.setMinimumHeight(3 * lines)
        self.diff.setVisible(False)
        self.restore_button = QPushButton(_("&Restore This Version"), self)
        self.restore_button.setToolTip(_("Write this version back as the record's current one; Edit ▸ Undo takes "
                                         "it back."))
        self.restore_button.setProperty("writes", True)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.diff, 3)
        layout.addLayout(buttons)
        self.show_nothing()

    def set_database(self, db) -> None:
        self._db = db
        self.show_nothing()

    def show_nothing(self) -> None:
        self.current, self.versions = None, []
        self.list.clear()
        self._show_differences("")
        self.restore_button.setEnabled(False)

    def show_record(self, kind: str, record_id: int) -> None:
        try:
            self.versions = history.record_history(self._db, kind, record_id)
        except Exception:  # noqa: BLE001 - a file without a history (read-only, older): nothing to list
            self.versions = []
        self.current = (kind, record_id)
        self.list.blockSignals(True)
        self.list.clear()
        for number, version in enumerate(self.versions):
            item = QListWidgetItem(entry_text(version, current=number == 0), self.list)
            item.setData(Qt.ItemDataRole.UserRole, version.entry_id)
        if not self.versions:
            item = QListWidgetItem(_("No change has been recorded since this record was written."), self.list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.blockSignals(False)
        self._show_differences("")
        self.restore_button.setEnabled(False)

    def refresh(self) -> None:
        if self.current:
            self.show_record(*self.current)

    def _version_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.versions) or self.current is None:
            self._show_differences("")
            self.restore_button.setEnabled(False)
            return
        version = self.versions[row]
        then = version.record()
        if then is None:
            self._show_differences(f"<p>{esc(_('The record was deleted here.'))}</p>")
            self.restore_button.setEnabled(False)
            return
        try:
            now = store.get(self._db, *self.current)
        except FactSheetError as error:
            self._show_differences(f"<p>{esc(str(error))}</p>")
            return
        self._show_differences(differences_html(history.differences(self._db, then, now)))
        writable = not getattr(self._db, "read_only", False)
        self.restore_button.setEnabled(writable and row > 0 and then != now)

    def _show_differences(self, html: str) -> None:
        """The differences of the chosen version from now; hidden while there are none to show."""
        if html:
            self.diff.setHtml(html)
        else:
            self.diff.clear()
        self.diff.setVisible(bool(html))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if self.current is not None and 0 < row < len(self.versions):
            self.restore_requested.emit(*self.current, self.versions[row].entry_id)
