"""Choosing one party from a drop-down list, as the Overview, the Trade tab and the sheet's
options do: every party with both name forms."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from db.read import queries
from desktop.common.rich_text import shown


def all_parties(db) -> list[tuple[int, str]]:
    """Every party as (id, label), as the party pickers list them."""
    return queries.choices(db, "party", limit=10_000)


class PartyCombo(QComboBox):
    """Chooses one party; lists every party with both name forms."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_database(db)

    def set_database(self, db) -> None:
        self.set_parties(all_parties(db))

    def set_parties(self, parties: list[tuple[int, str]]) -> None:
        """List ``parties`` (from ``all_parties``), keeping the chosen one, without signalling a
        choice; a list that is already shown is left as it is."""
        entries = [(party_id, shown(label, 200)) for party_id, label in parties]  # a name may be huge
        if entries == [(self.itemData(i), self.itemText(i)) for i in range(self.count())]:
            return
        current = self.party_id()
        self.blockSignals(True)
        self.clear()
        for party_id, label in entries:
            self.addItem(label, party_id)
        if current is not None:
            self.set_party(current)
        self.blockSignals(False)

    def party_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def set_party(self, party_id: int) -> None:
        index = self.findData(party_id)
        if index >= 0:
            self.setCurrentIndex(index)
