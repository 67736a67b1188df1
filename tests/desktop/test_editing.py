"""Editing as a person does it: New…, Edit…, Delete, Undo and Redo through the real dialogs."""

from PySide6.QtCore import Qt

from db import queries
from desktop.forms.pickers import LinksField
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
        "Berik Uali / Берік Уәли"]
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
