"""The History list under the detail pane: versions, their differences, Restore this version."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import store
from tests.desktop.form_helpers import back_to, fill, form, save


def _plan(db):
    return db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]


def _show_plan(qtbot, window):
    back_to(qtbot, window)
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    tab.select_record(_plan(window.db))
    tab.table.setFocus()
    return tab


def test_an_edit_appears_in_history_and_restore_this_version_brings_back_the_fields_and_links(qtbot, window,
                                                                                              seeded_db):
    original = store.get(seeded_db, "agreement", _plan(seeded_db))
    tab = _show_plan(qtbot, window)
    assert tab.history.list.count() == 1 and "Imported" in tab.history.list.item(0).text()  # the seed's entry
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = form(qtbot)
    fill(qtbot, dialog, "summary", "Extended to tourism.")
    save(qtbot, dialog)
    back_to(qtbot, window)
    changed = store.get(seeded_db, "agreement", original.id)
    changed.parties = changed.parties[:1]  # a second change, made elsewhere in the program
    store.save(seeded_db, changed)
    window.refresh()

    history = tab.history
    assert history.list.count() == 3
    assert "Changed" in history.list.item(0).text() and "shown above" in history.list.item(0).text()
    assert not history.restore_button.isEnabled()
    history.list.setCurrentRow(2)  # the version the seed brought
    shown = history.diff.toPlainText()
    assert "Summary" in shown and "Extended to tourism." in shown and "Parties" in shown
    assert "Government of the Omsk region" in shown
    assert history.restore_button.isEnabled()

    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    assert store.get(seeded_db, "agreement", original.id) == original
    assert window.editing.undo_action.text().startswith("Undo Restore Agreement “Interaction Plan")
    assert "Restored" in tab.history.list.item(0).text()
    window.editing.undo_action.trigger()
    assert store.get(seeded_db, "agreement", original.id) == changed
