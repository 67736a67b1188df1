"""The status bar says what just happened: saved, deleted, undone, redone, copied."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.form_helpers import answer, back_to, fill, form, save


def _agreements(qtbot, window):
    back_to(qtbot, window)
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    tab.table.selectRow(0)
    return tab


def test_saving_deleting_undoing_and_redoing_each_say_so(qtbot, window):
    status = window.statusBar()
    tab = _agreements(qtbot, window)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = form(qtbot)
    fill(qtbot, dialog, "title", "Protocol, renamed")
    save(qtbot, dialog)
    back_to(qtbot, window)
    assert status.currentMessage() == "Saved: Edit Agreement “Protocol, renamed”."

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    answer(qtbot, "Delete")
    back_to(qtbot, window)
    assert status.currentMessage().startswith("Deleted: Delete Agreement “")
    assert "Ctrl+Z" in status.currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage().startswith("Undone: Delete Agreement “")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == "Undone: Edit Agreement “Protocol, renamed”."
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == "Redone: Edit Agreement “Protocol, renamed”."


def test_copying_a_row_says_so_and_puts_its_cells_on_the_clipboard(qtbot, window):
    tab = _agreements(qtbot, window)
    qtbot.keyClick(tab.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Row copied."
    assert "\t" in QApplication.clipboard().text()
