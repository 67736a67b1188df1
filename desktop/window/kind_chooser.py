"""New… on the Overview, which lists no one kind of record: which kind to add.

Imported when New… is first used on the Overview (``desktop.window.editing``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _
from db.model.records import KIND_NAMES

# The kinds New… offers on the Overview, in the order a news item is usually recorded.
NEW_KINDS = ("agreement", "event", "indicator", "statement", "person", "position", "party", "subject", "source")


class KindChooser(QDialog):
    """Which kind of record New… should create."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Kind of record"))
        for kind in NEW_KINDS:
            item = QListWidgetItem(KIND_NAMES[kind][0])
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        label = QLabel(_("&What do you want to add?"), self)
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def kind(self) -> str:
        return self.list.currentItem().data(Qt.ItemDataRole.UserRole)
