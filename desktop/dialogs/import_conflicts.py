"""The records a bundle changed where this database changed them too: one line each, to choose.

Shown in Import… under the check's result when a bundle brings conflicts
(``db.exchange.bundle_sync``). Each conflict is a checkable line naming the record and
what differs (here → in the bundle); a ticked line takes the bundle's version, an unticked
one keeps the version here. Nothing is chosen for the person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES

SHOWN_DIFFERENCES = 3


def conflict_text(conflict) -> str:
    """"Agreement “Interaction Plan…”: Summary: “A: …” here, “B: …” in the bundle"."""
    parts = [_("{field}: “{ours}” here, “{theirs}” in the bundle").format(
        field=d.label, ours=_short(d.old), theirs=_short(d.new)) for d in conflict.differences[:SHOWN_DIFFERENCES]]
    more = len(conflict.differences) - SHOWN_DIFFERENCES
    if more > 0:
        parts.append(ngettext("and {n} more field", "and {n} more fields", more).format(n=more))
    return _("{kind} “{label}”: {differences}").format(
        kind=KIND_NAMES[conflict.kind][0], label=_short(conflict.label), differences="; ".join(parts))


def _short(text: str, length: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[:length - 1] + "…"


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
            item = QListWidgetItem(conflict_text(conflict), self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, conflict.uuid)
        self.setVisible(bool(conflicts))

    def take_theirs(self) -> frozenset[str]:
        """The UUIDs of the records whose bundle version was chosen."""
        return frozenset(self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())
                         if self.item(row).checkState() == Qt.CheckState.Checked)
