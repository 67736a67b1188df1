"""Filling in record forms as a person would: typing (in any script), picking from lists, pressing buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from desktop.forms.engine import RecordDialog
from desktop.forms.pickers import RecordPicker


def modal(qtbot) -> QWidget:
    """The dialog in front (a form, a question), once it is the active window as for a person."""
    widget = QApplication.activeModalWidget()
    assert widget is not None, "no dialog is open"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def form(qtbot) -> RecordDialog:
    dialog = modal(qtbot)
    assert isinstance(dialog, RecordDialog), f"{dialog!r} is not a record form"
    return dialog


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; letters outside ASCII (Cyrillic) arrive as a keyboard sends them."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         char))


def field(dialog: RecordDialog, name: str):
    """The field editing attribute ``name``."""
    for view in dialog.rows:
        if name in view.row.names:
            return view.field
    raise AssertionError(f"no field for {name}")


def box(dialog: RecordDialog, name: str) -> QWidget:
    """The box the label of ``name`` points at (what Tab or the mnemonic reaches)."""
    for view in dialog.rows:
        if name in view.row.names:
            return view.row.parts.get(name, view.row.buddy)
    raise AssertionError(f"no row for {name}")


def fill(qtbot, dialog: RecordDialog, name: str, text: str) -> None:
    """Replace the text of the box for ``name`` and leave it (Tab), as a person does."""
    widget = box(dialog, name)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def message(dialog: RecordDialog, name: str) -> str:
    """The sentence shown under the row of ``name`` ("" when there is none)."""
    for view in dialog.rows:
        if name in view.row.names:
            return view.message.text() if view.message.isVisible() else ""
    raise AssertionError(f"no row for {name}")


def press(qtbot, key: Qt.Key, *, through_window: bool = False) -> None:
    """Press ``key`` as a person does: on the widget that has the focus, or (``through_window``)
    into the window that has it, so that Qt routes it as a keyboard's key (to an open list first)."""
    if through_window:
        window = QApplication.focusWindow()
        assert window is not None, "no window has the focus"
        QTest.keyClick(window, key)
    else:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the focus"
        qtbot.keyClick(widget, key)


def listed(picker: RecordPicker) -> list[str]:
    """The entries a picker's open list shows, in order."""
    model = picker.completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def highlighted(picker: RecordPicker) -> str | None:
    """The entry the picker's open list highlights."""
    index = picker.completer.popup().currentIndex()
    return index.data() if index.isValid() else None


def pick(qtbot, picker: RecordPicker, typed: str, choice: str) -> None:
    """Type into a picker and choose the listed entry starting with ``choice`` with the keyboard:
    Down until it is highlighted, then Enter, each on the focused widget."""
    type_text(qtbot, picker.edit, typed)
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    texts = listed(picker)
    row = next((i for i, text in enumerate(texts) if text.startswith(choice)), None)
    assert row is not None, f"{choice!r} not among {texts}"
    while highlighted(picker) != texts[row]:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot, text: str) -> None:
    """Press the button reading ``text`` in the question box in front."""
    question = modal(qtbot)
    assert isinstance(question, QMessageBox), f"{question!r} is not a question"
    button = next(b for b in question.buttons() if b.text().replace("&", "") == text)
    click(qtbot, button)


def save(qtbot, dialog: RecordDialog) -> None:
    click(qtbot, dialog.save_button)


def back_to(qtbot, window: QWidget) -> None:
    """The window is in front again once a dialog closes (a window manager's job; offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

