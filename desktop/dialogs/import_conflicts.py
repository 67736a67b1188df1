"""The records a bundle changed where this database changed them too: one line each, to choose.

Shown in Import… under the check's result when a bundle brings conflicts
(``db.exchange.bundle_sync``). Each conflict is a checkable line naming the record and
what differs (here → in the bundle); a ticked line takes the bundle's version, an unticked
one keeps the version here. Nothing is chosen for the person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from db.model.i18n import _


class ConflictList(QListWidget):
    """The conflicts of one bundle; ticked lines take the bundle's version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Records changed both here and in the bundle"))
        self.setToolTip(_("Tick a record to take the bundle's version; unticked records keep the version here."))
        self.setWordWrap(True)
        self.setMaximumHeight(140)
        self.hide()

    def show_conflicts(self, conflicts: list) -> None:
        self.clear()
        for conflict in conflicts:
            item = QListWidgetItem(conflict.describe(), self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, conflict.uuid)
        self.setVisible(bool(conflicts))

    def take_theirs(self) -> frozenset[str]:
        """The UUIDs of the records whose bundle version was chosen."""
        return frozenset(self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())
                         if self.item(row).checkState() == Qt.CheckState.Checked)
