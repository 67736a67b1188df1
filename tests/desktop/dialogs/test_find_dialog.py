"""Edit ▸ Find… (Ctrl+F): type words, see records grouped by kind, Enter opens one in its tab."""

from PySide6.QtCore import Qt

from desktop.dialogs.find_dialog import FindDialog
from desktop.tabs.record_window import RecordWindow


def _find(qtbot, window, text) -> FindDialog:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    if text.isascii():
        qtbot.keyClicks(dialog.box, text)
    else:  # QTest types only Latin keys; Cyrillic arrives as from a keyboard layout's input
        dialog.box.insert(text)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    return dialog


def _groups(dialog):
    tree = dialog.results
    return [(tree.topLevelItem(i).text(0), [tree.topLevelItem(i).child(j).text(0)
                                            for j in range(tree.topLevelItem(i).childCount())])
            for i in range(tree.topLevelItemCount())]


def test_ctrl_f_finds_records_grouped_by_kind(qtbot, window):
    dialog = _find(qtbot, window, "Irtysh")
    groups = _groups(dialog)
    assert [heading for heading, _items in groups] == [
        "Agreements (1)", "Events (2)", "Statements (1)", "Subject areas (1)", "Sources (1)"]
    assert groups[0][1] == ["Protocol on the joint use and development of the Irtysh River"]
    assert dialog.message.text() == "6 records found. Enter opens the one chosen."
    assert "<b>Irtysh</b>" in dialog.results.topLevelItem(0).child(0).data(1, Qt.ItemDataRole.UserRole + 2)


def test_enter_opens_the_chosen_record_in_its_tab(qtbot, window):
    dialog = _find(qtbot, window, "Irtysh")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)  # from the agreement to the first event
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    events = window.list_tabs["events"]
    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is events
    assert events.detail.current is not None and events.detail.current[0] == "event"
    assert "Irtysh" in events.detail.toPlainText() or "Омск" in events.detail.toPlainText() or \
        "forum" in events.detail.toPlainText().lower()


def test_a_cyrillic_query_finds_parties_and_opens_one_in_its_own_window(qtbot, window):
    dialog = _find(qtbot, window, "омская")
    assert _groups(dialog) == [("Parties (1)", ["Omsk region / Омская область"])]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    opened = [w for w in window.findChildren(RecordWindow) if w.isVisible()]
    assert len(opened) == 1
    assert "Омская область" in opened[0].detail.toPlainText()


def test_a_double_click_opens_a_person(qtbot, window):
    dialog = _find(qtbot, window, "Uali")
    people = dialog.results.topLevelItem([h for h, _ in _groups(dialog)].index("People (1)"))
    item = people.child(0)
    dialog.results.scrollToItem(item)
    qtbot.wait(20)  # let the list lay out its rows
    rect = dialog.results.visualItemRect(item)
    # A double click is a press and release, then the second press (QTest sends only that).
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.list_tabs["officials"]
    assert "Berik Uali" in window.list_tabs["officials"].detail.toPlainText()


def test_no_match_says_so(qtbot, window):
    dialog = _find(qtbot, window, "qqqzzz")
    assert _groups(dialog) == []
    assert dialog.message.text() == "No record contains “qqqzzz”."
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # nothing to open: the dialog stays
    assert dialog.isVisible()


def test_switching_databases_searches_the_new_one(qtbot, window, tmp_path):
    from db.file.connection import open_database

    dialog = _find(qtbot, window, "Irtysh")
    empty = open_database(tmp_path / "empty.factsheet")
    window.set_database(empty)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("No record"), timeout=5000)
    assert _groups(dialog) == []
