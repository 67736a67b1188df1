"""The capture review driven as a person would: open it, accept, reject, edit, accept all, undo."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidgetItem

from tests.db.content import content
from tests.desktop.helpers import open_window

ARTICLE = (
    "Akmola and Kurgan sign a protocol\n\n"
    "KOKSHETAU, 9 November 2017. Akim (governor) of Akmola region Malik Murzalin and Governor of the Kurgan "
    "region Alexey Kokorin signed the Protocol on Implementing the Agreement on Cultural Cooperation.\n\n"
    "Foreign trade turnover between Akmola region and Kurgan region reached $75 217.7 in the first half of 2017."
)


def _active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _open(qtbot, window, text=ARTICLE):
    _active(qtbot, window)
    QGuiApplication.clipboard().setText(text)
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.list_tabs["agreements"].table.setFocus()
    qtbot.keyClick(window.list_tabs["agreements"].table, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "capture-dialog"
    qtbot.waitUntil(lambda: dialog.result_capture is not None)
    return dialog


def _choose(qtbot, dialog, kind, text):
    proposal = next(p for p in dialog.result_capture.proposals if p.kind == kind and text in p.evidence + str(p.record))
    item: QTreeWidgetItem = dialog.tree.item_of(proposal.ref)
    dialog.tree.scrollToItem(item)
    rect = dialog.tree.visualItemRect(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.tree.current() is proposal
    return proposal


def _count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_chosen_proposal_s_passage_is_highlighted_in_the_article(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    dialog = _open(qtbot, window)
    proposal = _choose(qtbot, dialog, "position", "Murzalin")
    assert dialog.article.highlighted() == proposal.evidence == "Akim (governor) of Akmola region Malik Murzalin"
    assert "Akim (governor) of Akmola region Malik Murzalin" in dialog.details.text()
    dialog.reject()


def test_cancel_writes_nothing(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    before = content(seeded_db)
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert content(seeded_db) == before


def test_a_figure_without_its_scale_must_be_edited_or_rejected_before_accept_all(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    before = content(seeded_db)
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
    assert "misses a value" in dialog.summary.text()
    assert dialog.tree.current().kind == "indicator"
    assert content(seeded_db) == before
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.states[dialog.tree.current().ref] == "undecided"


def test_reject_then_accept_all_writes_the_rest_in_one_step_that_undo_takes_back(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    before = content(seeded_db)
    dialog = _open(qtbot, window)
    _choose(qtbot, dialog, "indicator", "turnover")
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    kokorin = _choose(qtbot, dialog, "person", "Kokorin")
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.states[kokorin.ref] == "rejected"
    people = _count(seeded_db, "people")
    qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _count(seeded_db, "people") == people + 1  # Murzalin, not the rejected Kokorin
    assert seeded_db.execute("SELECT count(*) FROM positions WHERE title LIKE '%Kurgan%'").fetchone()[0] == 0
    assert seeded_db.execute("SELECT count(*) FROM agreements WHERE kind = 'protocol'").fetchone()[0] == 2
    source = seeded_db.execute("SELECT id, text FROM sources ORDER BY id DESC LIMIT 1").fetchone()
    assert source[1] == ARTICLE
    assert window.editing.undo_action.text().startswith("Undo Capture “Akmola and Kurgan sign a protocol”")
    _active(qtbot, window)
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.list_tabs["agreements"].table.setFocus()
    qtbot.keyClick(window.list_tabs["agreements"].table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert content(seeded_db) == before
    qtbot.keyClick(window.list_tabs["agreements"].table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _count(seeded_db, "people") == people + 1


def test_edit_opens_the_normal_form_and_what_is_typed_there_is_written(qtbot, seeded_db):
    from tests.desktop import modal

    window = open_window(qtbot, seeded_db)
    dialog = _open(qtbot, window)
    _choose(qtbot, dialog, "indicator", "turnover")
    seen = []

    def fill_in(form):
        units = [box for box in form.findChildren(QLineEdit) if box.objectName() == "unit" or
                 box.placeholderText().startswith("e.g. USD")]
        box = units[0] if units else None
        assert box is not None, [b.objectName() for b in form.findChildren(QLineEdit)]
        box.setFocus()
        qtbot.keyClicks(box, "USD thousand")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    modal.answer(fill_in, seen=seen)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    figure = dialog.tree.current()
    qtbot.waitUntil(lambda: figure.record["unit"] != "")
    assert figure.record["unit"] == "USD thousand"
    assert dialog.tree.states[figure.ref] == "accepted"
    qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
    assert seeded_db.execute("SELECT unit FROM indicators WHERE value = 75217.7").fetchone() == ("USD thousand",)


def test_ctrl_v_in_a_text_box_pastes_there_and_does_not_open_capture(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    _active(qtbot, window)
    QGuiApplication.clipboard().setText("pasted words")
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    tab.filter_box.setFocus()
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.filter_box.text() == "pasted words"
    assert QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: tab.model.filter_text == "pasted words")  # the list filtered while the file is open
