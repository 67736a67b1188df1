"""Edit ▸ Deleted Records…: a record deleted in the window is found there and brought back
exactly, links and dependent records included, as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import store
from desktop.dialogs.deleted_records import DeletedRecordsDialog
from tests.desktop.form_helpers import answer, back_to, modal


def _khotsenko(db):
    return db.execute("SELECT id FROM people WHERE name_en = 'Vitaly Khotsenko'").fetchone()[0]


def _rows(db, person):
    return (db.execute("SELECT * FROM people WHERE id = ?", [person]).fetchall(),
            db.execute("SELECT * FROM positions WHERE person_id = ?", [person]).fetchall(),
            db.execute("SELECT * FROM people_sources WHERE person_id = ?", [person]).fetchall())


def test_a_person_deleted_in_the_window_comes_back_with_positions_and_links(qtbot, window, seeded_db):
    person = _khotsenko(seeded_db)
    before = _rows(seeded_db, person)
    tab = window.list_tabs["officials"]
    window.tabs.setCurrentWidget(tab)
    tab.select_record(person)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    answer(qtbot, "Delete")
    back_to(qtbot, window)
    assert _rows(seeded_db, person) == ([], [], [])

    window.deleted_records_action.trigger()
    dialog = modal(qtbot)
    assert isinstance(dialog, DeletedRecordsDialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "Vitaly Khotsenko"
    assert "Виталий Хоценко" in dialog.fields.toPlainText()  # the record as it was
    qtbot.mouseClick(dialog.bring_back_button, Qt.MouseButton.LeftButton)
    assert _rows(seeded_db, person) == before
    assert dialog.table.rowCount() == 0
    dialog.reject()
    back_to(qtbot, window)
    assert window.editing.undo_action.text().startswith("Undo Bring Back Person “Vitaly Khotsenko")
    assert tab.current_record_id() == person  # opened where it lives

    window.editing.undo_action.trigger()
    assert _rows(seeded_db, person) == ([], [], [])
    window.editing.redo_action.trigger()
    assert _rows(seeded_db, person) == before
    assert store.get(seeded_db, "person", person).name_en == "Vitaly Khotsenko"
