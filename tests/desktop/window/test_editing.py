"""Editing as a person does it: New…, Edit…, Delete, Undo and Redo through the real dialogs."""

from PySide6.QtCore import Qt

from db.read import queries
from desktop.forms.engine import RecordDialog
from desktop.forms.links import LinksField
from tests.desktop.form_helpers import (
    answer,
    back_to,
    box,
    field,
    fill,
    form,
    message,
    modal,
    pick,
    save,
    type_text,
)

TITLE = "Agreement on cross-border tourism routes"


def _tab(window, kind):
    return next(t for t in window.list_tabs.values() if t.listing.kind == kind)


def _show_tab(qtbot, window, kind):
    back_to(qtbot, window)
    tab = _tab(window, kind)
    window.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    return tab


def _agreement(db, title):
    row = db.execute("SELECT id FROM agreements WHERE title = ?", [title]).fetchone()
    return row[0] if row else None


def _add_agreement_with_a_new_source(qtbot, window):
    """Ctrl+N on the Agreements tab; two parties (one typed in Cyrillic), a signatory, a new source."""
    _show_tab(qtbot, window, "agreement")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = form(qtbot)
    assert dialog.windowTitle() == "New Agreement"
    assert not dialog.save_button.isEnabled()
    fill(qtbot, dialog, "title", TITLE)
    qtbot.keyClicks(box(dialog, "kind"), "Mem")
    fill(qtbot, dialog, "signed_date", "2025-07-02")
    parties: LinksField = field(dialog, "parties")
    pick(qtbot, parties.picker, "abai", "Abai region")
    pick(qtbot, parties.picker, "Омская", "Omsk region")
    type_text(qtbot, parties.items[1].note, "host")
    pick(qtbot, field(dialog, "signatories").picker, "uali", "Berik Uali")

    sources: LinksField = field(dialog, "sources")
    pick(qtbot, sources.picker, "Kazinform report", "Create new source")
    nested = form(qtbot)
    assert nested is not dialog and nested.windowTitle() == "New Source"
    assert box(nested, "title").text() == "Kazinform report"  # what was typed comes along
    fill(qtbot, nested, "url", "https://www.inform.kz/en/tourism-routes")
    fill(qtbot, nested, "published", "2025-07-03")
    save(qtbot, nested)
    assert form(qtbot) is dialog
    type_text(qtbot, sources.items[0].note, "agreed to open tourist routes")
    assert message(dialog, "sources") == ""
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_to(qtbot, window)


def test_add_an_agreement_with_parties_a_signatory_and_a_new_source(qtbot, window, seeded_db):
    before = queries.counts(seeded_db)
    _add_agreement_with_a_new_source(qtbot, window)

    after = queries.counts(seeded_db)
    assert after["agreement"] == before["agreement"] + 1 and after["source"] == before["source"] + 1
    from db import store

    agreement = store.get(seeded_db, "agreement", _agreement(seeded_db, TITLE))
    assert agreement.kind == "memorandum" and agreement.signed_date.label() == "2 Jul 2025"
    names = [queries.record_label(seeded_db, "party", link.id) for link in agreement.parties]
    assert names == ["Abai region / Абайская область", "Omsk region / Омская область"]
    assert [link.note for link in agreement.parties] == [None, "host"]
    assert [queries.record_label(seeded_db, "person", link.id) for link in agreement.signatories] == [
        "Berik Uali / Берик Уали"]
    (source,) = agreement.sources
    assert queries.record_label(seeded_db, "source", source.id) == "Kazinform report"
    assert source.note == "agreed to open tourist routes"
    # The new row is selected and shown; one step undoes both records.
    tab = _tab(window, "agreement")
    assert tab.current_record_id() == agreement.id
    assert TITLE in tab.detail.toPlainText()
    assert window.editing.undo_action.text() == f"Undo Add Agreement “{TITLE}”"


def test_edit_then_undo_and_redo_both_steps(qtbot, window, seeded_db):
    before = queries.counts(seeded_db)
    _add_agreement_with_a_new_source(qtbot, window)
    agreement_id = _agreement(seeded_db, TITLE)
    tab = _tab(window, "agreement")

    # Enter on the selected row opens it for editing.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = form(qtbot)
    assert dialog.windowTitle().startswith("Edit Agreement — Agreement on cross-border")
    fill(qtbot, dialog, "title", "Memorandum on tourism routes")
    qtbot.keyClicks(box(dialog, "status"), "In force")
    save(qtbot, dialog)
    back_to(qtbot, window)
    assert _agreement(seeded_db, "Memorandum on tourism routes") == agreement_id
    assert tab.current_record_id() == agreement_id  # the same row stays selected
    assert window.editing.undo_action.text() == "Undo Edit Agreement “Memorandum on tourism routes”"

    undo, redo = window.editing.undo_action, window.editing.redo_action
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _agreement(seeded_db, TITLE) == agreement_id
    assert tab.current_record_id() == agreement_id and TITLE in tab.detail.toPlainText()
    assert redo.text() == "Redo Edit Agreement “Memorandum on tourism routes”"
    undo.trigger()
    assert queries.counts(seeded_db) == before  # the agreement and the source typed inline are gone
    assert undo.text() == "Undo" and not undo.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _agreement(seeded_db, TITLE) == agreement_id  # back under the same id, links and all
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _agreement(seeded_db, "Memorandum on tourism routes") == agreement_id
    assert seeded_db.execute("SELECT count(*) FROM agreement_parties WHERE agreement_id = ?",
                             [agreement_id]).fetchone()[0] == 2
    assert not redo.isEnabled() and redo.text() == "Redo"
    assert tab.current_record_id() == agreement_id


def test_delete_asks_first_and_undo_brings_everything_back(qtbot, window, seeded_db):
    from db import store

    protocol_id = seeded_db.execute("SELECT id FROM agreements WHERE kind = 'protocol'").fetchone()[0]
    original = store.get(seeded_db, "agreement", protocol_id)
    tab = _show_tab(qtbot, window, "agreement")
    tab.select_record(protocol_id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    question = modal(qtbot)
    assert "Delete the agreement “Protocol on the joint use" in question.text()
    assert "undo" in question.informativeText()
    answer(qtbot, "Cancel")
    back_to(qtbot, window)
    assert _agreement(seeded_db, original.title) == protocol_id

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    answer(qtbot, "Delete")
    assert _agreement(seeded_db, original.title) is None
    assert window.editing.undo_action.text().startswith("Undo Delete Agreement “Protocol on the joint use")
    window.editing.undo_action.trigger()
    assert store.get(seeded_db, "agreement", protocol_id) == original
    assert tab.current_record_id() == protocol_id


def test_an_invalid_form_says_what_is_wrong_and_writes_nothing(qtbot, window, seeded_db):
    before = queries.counts(seeded_db)
    _show_tab(qtbot, window, "indicator")
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    type_text(qtbot, box(dialog, "indicator"), "exports")
    pick(qtbot, field(dialog, "subject_id").picker, "abai", "Abai region")
    fill(qtbot, dialog, "period_start", "2025-05-31")
    fill(qtbot, dialog, "period_end", "2025-01-01")
    fill(qtbot, dialog, "value", "a lot")
    type_text(qtbot, field(dialog, "unit").unit.lineEdit(), "USD million")

    assert message(dialog, "value") == "'a lot' is not a number."
    assert message(dialog, "period_end") == "Period end cannot be before period start."
    assert not dialog.save_button.isEnabled()
    # Enter on the form shows every problem, including the field not yet touched.
    qtbot.keyClick(box(dialog, "value"), Qt.Key.Key_Return)
    assert message(dialog, "sources") == "Every fact needs at least one source."
    assert "Fix 3 problems before saving (Period end, Value, Sources)" in dialog.summary.text()
    assert queries.counts(seeded_db) == before

    fill(qtbot, dialog, "value", "1 234,5")
    assert message(dialog, "value") == ""
    dialog.reject()  # Escape: what was typed is not thrown away without asking
    answer(qtbot, "Keep Editing")
    assert dialog.isVisible()
    dialog.reject()
    answer(qtbot, "Discard")
    assert not dialog.isVisible()
    assert queries.counts(seeded_db) == before
    assert not window.editing.undo_action.isEnabled()


def test_the_edit_menu_toolbar_and_shortcuts(window):
    editing = window.editing
    actions = {a.objectName(): a for a in window.edit_menu.actions() if a.objectName()}
    assert [actions[n].text() for n in ("new", "edit", "delete", "undo", "redo")] == [
        "New…", "Edit…", "Delete", "Undo", "Redo"]
    assert editing.new_action.shortcut().toString() == "Ctrl+N"
    assert [s.toString() for s in editing.redo_action.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert editing.undo_action.shortcut().toString() == "Ctrl+Z"
    assert editing.delete_action.shortcut().toString() == "Del"
    assert editing.edit_action.shortcut().toString() == "Return"
    toolbar = window.findChild(type(editing.toolbar), "main_toolbar")
    assert toolbar is editing.toolbar
    assert [a.objectName() for a in toolbar.actions() if a.objectName()] == ["new", "edit", "delete", "undo", "redo",
                                                                             "capture"]
    assert all(a.toolTip() for a in toolbar.actions() if a.objectName())
    # Nothing to undo yet, no row chosen on the Overview.
    assert not editing.undo_action.isEnabled() and not editing.edit_action.isEnabled()


def test_a_rows_context_menu_offers_the_same_actions(qtbot, window, seeded_db):
    tab = _show_tab(qtbot, window, "person")
    rect = tab.table.visualRect(tab.model.index(0, 0))
    tab.table.customContextMenuRequested.emit(rect.center())
    from PySide6.QtWidgets import QApplication

    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions() if a.text()] == ["New…", "Edit…", "Delete", "New Position…", "&Copy"]
    assert tab.current_record_id() == tab.model.record_id(0)  # the row clicked is the one acted on
    new_position = next(a for a in menu.actions() if a.objectName() == "new_position")
    menu.close()
    new_position.trigger()
    dialog = form(qtbot)
    assert dialog.windowTitle() == "New Position"
    assert field(dialog, "person_id").picker.record_id() == tab.model.record_id(0)


def test_double_click_on_a_row_opens_it_for_editing(qtbot, window):
    tab = _show_tab(qtbot, window, "event")
    rect = tab.table.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = form(qtbot)
    assert dialog.windowTitle().startswith("Edit Event")
    assert dialog.original.id == tab.model.record_id(0)


def test_a_source_in_use_is_not_deleted_and_its_uses_can_be_shown(qtbot, window, seeded_db):
    tab = _show_tab(qtbot, window, "source")
    tab.select_record(tab.model.record_id(0))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    box_ = modal(qtbot)
    assert "is still used by" in box_.text() and "so it was not deleted" in box_.text()
    assert "5 indicators" in box_.text()
    answer(qtbot, "Show Uses")
    from desktop.tabs.record_window import RecordWindow

    (uses,) = window.findChildren(RecordWindow)
    assert "Used by: indicators" in uses.detail.toPlainText()
    assert queries.counts(seeded_db)["source"] == 1


def test_deleting_a_person_names_the_positions_that_go_with_it(qtbot, window, seeded_db):
    khotsenko = seeded_db.execute("SELECT id FROM people WHERE name_en = 'Vitaly Khotsenko'").fetchone()[0]
    tab = _show_tab(qtbot, window, "person")
    tab.select_record(khotsenko)
    window.editing.delete_action.trigger()
    question = modal(qtbot)
    assert "Its 1 position is deleted with it." in question.informativeText()
    answer(qtbot, "Delete")
    assert seeded_db.execute("SELECT count(*) FROM positions WHERE person_id = ?", [khotsenko]).fetchone()[0] == 0
    window.editing.undo_action.trigger()
    assert seeded_db.execute("SELECT count(*) FROM positions WHERE person_id = ?", [khotsenko]).fetchone()[0] == 1
    assert tab.current_record_id() == khotsenko


def test_a_read_only_database_disables_every_editing_action(qtbot, seeded_path):
    from db.file.connection import open_database
    from desktop.gui import create_application
    from desktop.window.main_window import MainWindow

    create_application()
    db = open_database(seeded_path, read_only=True)
    main = MainWindow(db)
    qtbot.addWidget(main)
    tab = main.list_tabs["agreements"]
    main.tabs.setCurrentWidget(tab)
    tab.select_record(tab.model.record_id(0))
    editing = main.editing
    assert not any(a.isEnabled() for a in (editing.new_action, editing.edit_action, editing.delete_action,
                                            editing.undo_action, editing.redo_action))
    rect = tab.table.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not main.findChildren(RecordDialog)  # a double-click opens no form
    assert "read-only" in main.statusBar().currentMessage()
    main.close()
    db.close()


def test_delete_in_the_filter_box_edits_the_text_not_the_records(qtbot, window, seeded_db):
    tab = _show_tab(qtbot, window, "agreement")
    tab.select_record(tab.model.record_id(0))
    type_text(qtbot, tab.filter_box, "plan")
    tab.filter_box.setCursorPosition(0)
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Delete)
    assert tab.filter_box.text() == "lan"
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
    from PySide6.QtWidgets import QApplication

    assert QApplication.activeModalWidget() is None
    assert queries.counts(seeded_db)["agreement"] == 2


def test_a_party_is_edited_from_its_detail_window(qtbot, window, seeded_db):
    omsk = queries.find_parties(seeded_db, "Omsk region")[0].id
    window.open_record("party", omsk)
    from desktop.tabs.record_window import RecordWindow

    (detail,) = window.findChildren(RecordWindow)
    click_ = detail.edit_button
    qtbot.mouseClick(click_, Qt.MouseButton.LeftButton)
    dialog = form(qtbot)
    assert dialog.windowTitle() == "Edit Party — Omsk region"
    fill(qtbot, dialog, "name_en", "Omsk Oblast")
    save(qtbot, dialog)
    assert "Omsk Oblast" in detail.detail.toPlainText()
    assert "Omsk Oblast" in window.overview.page.toPlainText()
    assert window.overview.first.findText("Omsk Oblast / Омская область") >= 0 or \
        window.overview.second.findText("Omsk Oblast / Омская область") >= 0
    # Undo works from the detail window too, and the window follows.
    detail.activateWindow()
    qtbot.waitUntil(lambda: detail.isActiveWindow())
    qtbot.keyClick(detail, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Omsk region" in detail.detail.toPlainText()


def test_an_undo_that_no_longer_fits_the_file_says_so_and_starts_the_history_again(qtbot, window, seeded_db,
                                                                                  seeded_path):
    from db import store
    from db.file.connection import open_database

    _add_agreement_with_a_new_source(qtbot, window)
    agreement_id = _agreement(seeded_db, TITLE)
    other = open_database(seeded_path)
    store.delete(other, "agreement", agreement_id)  # changed by another program meanwhile
    other.close()
    counts = queries.counts(seeded_db)
    window.editing.undo_action.trigger()
    box_ = modal(qtbot)
    assert box_.text() == "That agreement no longer exists; it may have been deleted."
    assert "undo history was cleared" in box_.informativeText()
    assert queries.counts(seeded_db) == counts  # the source added in the same step was not removed alone
    answer(qtbot, "OK")
    qtbot.waitUntil(lambda: not window.editing.history.stack.count())
    assert window.editing.undo_action.text() == "Undo" and not window.editing.undo_action.isEnabled()


def test_the_history_belongs_to_the_open_file(qtbot, window, seeded_db, tmp_path):
    from db.file.connection import open_database
    from db.seed import load_seed

    _add_agreement_with_a_new_source(qtbot, window)
    assert window.editing.undo_action.isEnabled()
    other = open_database(tmp_path / "other.factsheet")
    load_seed(other)
    window.db = other  # another file opened in the same window
    window.editing.update_actions()
    assert window.editing.undo_action.text() == "Undo" and not window.editing.undo_action.isEnabled()
    window.db = seeded_db
    other.close()
