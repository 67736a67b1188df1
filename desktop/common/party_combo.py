"""Choosing one party from a drop-down list, as the Overview, the Trade tab and the sheet's
options do: every party with both name forms.

The list is a model over the rows read from the database (``PartyList``): Qt asks it for
the few rows it draws, so filling a picker costs one query and no call per party, however
many parties a file holds. A tab's two pickers are given the rows read once.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QComboBox, QWidget

from db.read import queries
from desktop.common.qt_values import DISPLAY_ROLE, EDIT_ROLE, USER_ROLE
from desktop.common.rich_text import shown

Index = QModelIndex | QPersistentModelIndex


def all_parties(db) -> list[tuple[int, str]]:
    """Every party as (id, label), as the party pickers list them."""
    return queries.choices(db, "party", limit=10_000)


class PartyList(QAbstractListModel):
    """Parties as (id, label) rows: the label shown, the id as the item's data."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, str]] = []
        self._row_of: dict[int, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name and default)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        party_id, label = self.rows[index.row()]
        if role in (DISPLAY_ROLE, EDIT_ROLE):
            return label
        if role == USER_ROLE:
            return party_id
        return None

    def set_rows(self, rows: list[tuple[int, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._row_of = {party_id: row for row, (party_id, _label) in enumerate(rows)}
        self.endResetModel()

    def row_of(self, party_id: int) -> int:
        return self._row_of.get(party_id, -1)


class PartyCombo(QComboBox):
    """Chooses one party; lists every party with both name forms.

    ``parties`` are the rows of ``all_parties(db)`` when the caller has read them already
    (for two pickers side by side); otherwise the picker reads them from ``db``.
    """

    def __init__(self, db, parent: QWidget | None = None, *,
                 parties: list[tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parties = PartyList(self)
        self.setModel(self.parties)
        self.set_parties(parties if parties is not None else all_parties(db))

    def set_database(self, db) -> None:
        self.set_parties(all_parties(db))

    def set_parties(self, parties: list[tuple[int, str]]) -> None:
        """List ``parties`` (from ``all_parties``), keeping the chosen one, without signalling a
        choice; a list that is already shown is left as it is."""
        entries = [(party_id, shown(label, 200)) for party_id, label in parties]  # a name may be huge
        if entries == self.parties.rows:
            return
        current = self.party_id()
        blocked = self.blockSignals(True)
        self.parties.set_rows(entries)
        if entries:
            self.setCurrentIndex(0)
        if current is not None:
            self.set_party(current)
        self.blockSignals(blocked)

    def party_id(self) -> int | None:
        row = self.currentIndex()
        return self.parties.rows[row][0] if 0 <= row < len(self.parties.rows) else None

    def set_party(self, party_id: int) -> None:
        row = self.parties.row_of(party_id)
        if row >= 0:
            self.setCurrentIndex(row)
