"""A small window showing one record that has no tab of its own (a party, a subject area,
a statement), or any record opened from a link where its tab cannot show it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from db.model.records import KIND_NAMES
from desktop.tabs.detail_view import DetailView


class RecordWindow(QDialog):
    """A small window showing one record that has no tab of its own."""

    def __init__(self, db, kind: str, record_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(KIND_NAMES[kind][0])
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail = DetailView(db, self)
        self.detail.show_record(kind, record_id)
        self.detail.record_activated.connect(parent.open_record)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.kind, self.record_id = kind, record_id
        if getattr(parent, "editing", None) is not None:
            parent.editing.add_record_buttons(self, buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(560, 480)
