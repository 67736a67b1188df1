"""Edit ▸ Deleted Records…: every record deleted and not brought back, and bringing one back.

Lists the deletes the change history keeps (``db.read.history.deleted_records``), the latest
first: when, the kind, the record, who deleted it. Selecting one shows its fields as they
were; *Bring Back* restores it with every row its delete took (a person's positions, the
links, the references other records had to it) as one undoable step, through the callback
the window gives (it may come back under a new id when its own was taken since).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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

from db.model.i18n import _
from db.model.records import KIND_NAMES
from db.model.validate import label as field_label
from db.read import history
from desktop.common.rich_text import esc, multiline, shown
from desktop.help import context as context_help


def fields_html(db, deleted: history.DeletedRecord) -> str:
    """The deleted record's fields and links as they were."""
    record = deleted.record()
    names = [name for name, _type in type(record).column_fields()] + list(record.LINKS)
    rows = []
    for name in names:
        text = history.value_text(db, record, name)
        if text:
            rows.append(f"<tr><td valign='top'><b>{esc(field_label(name))}</b></td>"
                        f"<td>{multiline(text)}</td></tr>")
    return (f"<h3>{esc(KIND_NAMES[deleted.kind][0])}: {esc(deleted.label)}</h3>"
            f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>")


class DeletedRecordsDialog(QDialog):
    """The records deleted and not brought back; Bring Back restores the one selected."""

    def __init__(self, db, bring_back: Callable[[history.DeletedRecord], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Deleted Records"))
        self.setObjectName("deleted_records")
        self._db, self._bring_back = db, bring_back
        self.deleted: list[history.DeletedRecord] = []
        self.about = QLabel(_("Records deleted and not brought back since, the latest first. Bringing one back "
                              "restores everything its delete took; Edit ▸ Undo takes it away again."), self)
        self.about.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Deleted"), _("Kind"), _("Record"), _("By")])
        self.table.setAccessibleName(_("Deleted records"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.bring_back())
        self.fields = QTextBrowser(self)
        self.fields.setAccessibleName(_("The record as it was"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.fields)
        splitter.setSizes([520, 360])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.bring_back_button = self.buttons.addButton(_("&Bring Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.bring_back_button.setProperty("writes", True)
        self.bring_back_button.clicked.connect(self.bring_back)
        self.buttons.rejected.connect(self.reject)
        context_help.install(self, "deleted-records", self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.reload()

    def reload(self) -> None:
        self.deleted = history.deleted_records(self._db)
        self.table.setRowCount(len(self.deleted))
        for row, item in enumerate(self.deleted):
            for column, text in enumerate((item.when, KIND_NAMES[item.kind][0], item.label, item.author or "")):
                self.table.setItem(row, column, QTableWidgetItem(shown(text)))
        self.table.resizeColumnToContents(0)
        if self.deleted:
            self.table.selectRow(0)
        else:
            self.fields.setHtml(f"<p>{esc(_('No deleted records: everything deleted has been brought back.'))}</p>")
        self._update_button()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.deleted):
            self.fields.setHtml(fields_html(self._db, self.deleted[row]))
        self._update_button()

    def _update_button(self) -> None:
        writable = not getattr(self._db, "read_only", False)
        self.bring_back_button.setEnabled(writable and 0 <= self.table.currentRow() < len(self.deleted))

    def bring_back(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.deleted) and self._bring_back(self.deleted[row]):
            self.reload()
