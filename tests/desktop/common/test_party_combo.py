"""The party pickers: every party with both name forms, filled from one query without a call per party."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import store
from db.model.records import Party
from desktop.common.party_combo import PartyCombo, all_parties


def test_a_picker_lists_every_party_with_its_id_and_both_names(qtbot, seeded_db):
    combo = PartyCombo(seeded_db)
    qtbot.addWidget(combo)
    parties = all_parties(seeded_db)
    assert [combo.itemText(i) for i in range(combo.count())] == [label for _id, label in parties]
    omsk = next(pid for pid, label in parties if label.startswith("Omsk region"))
    assert combo.findData(omsk) >= 0 and combo.itemData(combo.findData(omsk)) == omsk
    assert "Омская область" in combo.itemText(combo.findData(omsk))
    combo.set_party(omsk)
    assert combo.party_id() == omsk and combo.currentData() == omsk


def test_a_new_list_keeps_the_chosen_party_and_signals_no_choice(qtbot, seeded_db):
    combo = PartyCombo(seeded_db)
    qtbot.addWidget(combo)
    chosen = all_parties(seeded_db)[-1][0]
    combo.set_party(chosen)
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    store.save(seeded_db, Party(kind="city", name_en="Aaa-town"))  # sorts first: every row moves down
    combo.set_database(seeded_db)
    assert combo.party_id() == chosen
    assert combo.itemText(0).startswith("Aaa-town")
    assert changes == []


def test_thousands_of_parties_fill_a_picker_as_one_list(qtbot, empty_db):
    with empty_db.atomic():
        for n in range(3000):
            store.save(empty_db, Party(kind="city", name_en=f"Town {n:04}"))
    combo = PartyCombo(empty_db)
    qtbot.addWidget(combo)
    assert combo.count() == 3000
    assert combo.model().rowCount() == 3000 and combo.currentText() == "Town 0000"
    assert combo.model().data(combo.model().index(2999, 0), Qt.ItemDataRole.DisplayRole) == "Town 2999"
