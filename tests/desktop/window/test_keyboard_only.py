"""The app works with the keyboard alone: every menu opens from it, and a whole task — a new
source, a figure resting on it, and the fact sheet saved as a PDF — is done with keys only.

Keys go where a keyboard's would: to an open popup (a menu, a picker's list), else to the
widget with the focus. Nothing here clicks or sets the focus itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from tests.desktop.factsheet.conftest import pdf_pages
from tests.desktop.form_helpers import back_to, box, form, modal
from tests.desktop.modal import answer

CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)
SOURCE = "Customs statistics of the Abai region, Q1 2026"


def _target():
    return QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_target(), key, modifiers)


def typed(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(_target(), char)


def _mnemonic(label: str) -> Qt.Key:
    letter = label[label.index("&") + 1].upper()
    return getattr(Qt.Key, f"Key_{letter}")


def go_to(qtbot, dialog, name: str) -> None:
    """Alt and the underlined letter of the row's label: the focus moves to its field."""
    view = next(v for v in dialog.rows if name in v.row.names)
    press(qtbot, _mnemonic(view.label.text()), ALT)
    assert QApplication.focusWidget() is view.row.buddy or view.row.buddy.isAncestorOf(QApplication.focusWidget())


def choose(qtbot, words: str, entry: str) -> None:
    """In a picker with the focus: type, go down the list to ``entry``, Enter."""
    typed(qtbot, words)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    model = popup.model()
    texts = [model.index(row, 0).data() for row in range(model.rowCount())]
    row = next(i for i, text in enumerate(texts) if text.startswith(entry))
    for _step in range(row + 1 if popup.currentIndex().row() < 0 else row - popup.currentIndex().row()):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)


def test_every_menu_opens_with_alt_and_its_letter(qtbot, window):
    back_to(qtbot, window)
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        press(qtbot, _mnemonic(menu.title()), ALT)
        qtbot.waitUntil(lambda m=menu: QApplication.activePopupWidget() is m)
        assert all(a.isVisible() for a in menu.actions() if not a.isSeparator())
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_a_source_a_figure_and_the_pdf_with_the_keyboard_alone(qtbot, window, seeded_db, tmp_path):
    back_to(qtbot, window)

    # A new source, on the Sources tab: Ctrl+6, Ctrl+N, its title, Enter.
    press(qtbot, Qt.Key.Key_6, CTRL)
    assert window.tabs.currentWidget() is window.list_tabs["sources"]
    press(qtbot, Qt.Key.Key_N, CTRL)
    source_form = form(qtbot)
    assert QApplication.focusWidget() is next(v.row.buddy for v in source_form.rows if "title" in v.row.names)
    typed(qtbot, SOURCE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not source_form.isVisible())
    back_to(qtbot, window)
    assert seeded_db.execute("SELECT count(*) FROM sources WHERE title = ?", [SOURCE]).fetchone()[0] == 1

    # A figure resting on it, on the Trade tab: every field reached by its label's letter.
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert window.tabs.currentWidget() is window.list_tabs["indicators"]
    press(qtbot, Qt.Key.Key_N, CTRL)
    figure_form = form(qtbot)
    typed(qtbot, "Exports")  # the first field has the focus
    go_to(qtbot, figure_form, "subject_id")
    choose(qtbot, "abai", "Abai region")
    go_to(qtbot, figure_form, "counterpart_id")
    choose(qtbot, "russian", "Russian Federation")
    go_to(qtbot, figure_form, "period_start")
    typed(qtbot, "Q1 2026")
    go_to(qtbot, figure_form, "value")
    typed(qtbot, "41,5")
    press(qtbot, Qt.Key.Key_Tab)  # on to the unit
    typed(qtbot, "USD million")
    go_to(qtbot, figure_form, "notes")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the notes for the sources (their label has no free letter)
    choose(qtbot, "customs statistics", SOURCE)
    go_to(qtbot, figure_form, "value")
    assert figure_form.save_button.isEnabled(), figure_form.summary.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not figure_form.isVisible())
    back_to(qtbot, window)
    row = seeded_db.execute(
        "SELECT i.value, i.period_start, i.period_end, s.title FROM indicators i JOIN indicators_sources l "
        "ON l.indicator_id = i.id JOIN sources s ON s.id = l.source_id ORDER BY i.id DESC").fetchone()
    assert tuple(row) == (41.5, "2026-01-01", "2026-03-31", SOURCE)

    # File ▸ Export PDF… from the menu by its letters; the file name typed; Enter.
    target = tmp_path / "briefing.pdf"
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)

    def save_as(dialog) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))  # the name box
        press(qtbot, Qt.Key.Key_A, CTRL)
        typed(qtbot, str(target))
        press(qtbot, Qt.Key.Key_Return)

    answer(_print_anyway_by_keys(qtbot))  # the check before printing lists what to fix first
    answer(save_as)
    press(qtbot, _mnemonic(window.factsheet_actions.export_action.text()))  # “Export P&DF…”
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = " ".join(pdf_pages(target))
    assert "Jan–Mar 2026" in text or "Q1 2026" in text
    assert "Customs statistics of the Abai region" in text


def _print_anyway_by_keys(qtbot):
    """A handler for the check before printing: Alt+P, “&Print anyway”."""

    def handler(dialog) -> None:
        assert type(dialog).__name__ == "PrePrintDialog", dialog
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        press(qtbot, Qt.Key.Key_P, ALT)

    return handler


def test_no_two_entries_of_a_menu_share_an_underlined_letter(window):
    """Alt+F then D must run one command, not stop on the first of two entries with D."""
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        letters = [a.text()[a.text().index("&") + 1].lower() for a in menu.actions() if "&" in a.text()]
        assert len(letters) == len(set(letters)), f"{menu.title()}: {letters}"


def test_tabs_change_with_ctrl_tab_and_numbers_and_the_focus_lands_in_the_page(qtbot, window):
    back_to(qtbot, window)
    overview = window.tabs.indexOf(window.overview)
    window.tabs.setCurrentIndex(overview)
    press(qtbot, Qt.Key.Key_2, CTRL)
    agreements = window.list_tabs["agreements"]
    assert window.tabs.currentWidget() is agreements
    assert QApplication.focusWidget() is agreements.filter_box  # typing filters at once
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentWidget() is window.list_tabs["officials"]
    press(qtbot, Qt.Key.Key_Tab, CTRL | SHIFT)
    assert window.tabs.currentWidget() is agreements
    press(qtbot, Qt.Key.Key_4, ALT)
    assert window.tabs.currentWidget() is window.list_tabs["events"]
    assert QApplication.focusWidget() is window.list_tabs["events"].filter_box
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert window.tabs.currentWidget() is window.overview
    assert window.overview.isAncestorOf(QApplication.focusWidget())


def test_from_the_filter_to_a_row_and_its_form_and_out_again(qtbot, window, seeded_db):
    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_2, CTRL)
    tab = window.list_tabs["agreements"]
    typed(qtbot, "plan")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Down)  # from the filter box into the rows it found
    assert QApplication.focusWidget() is tab.table
    title = seeded_db.execute("SELECT title FROM agreements WHERE id = ?", [tab.current_record_id()]).fetchone()[0]
    assert "Plan" in title

    press(qtbot, Qt.Key.Key_Return)  # Enter opens the row's form
    agreement_form = form(qtbot)
    assert agreement_form.isAncestorOf(QApplication.focusWidget())
    typed(qtbot, " (draft)")
    press(qtbot, Qt.Key.Key_Escape)  # Esc leaves; a changed form asks first
    assert isinstance(modal(qtbot), QMessageBox)
    press(qtbot, Qt.Key.Key_Escape)  # Esc in the question: Keep Editing, nothing lost
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is agreement_form)
    back_to(qtbot, agreement_form)
    assert " (draft)" in box(agreement_form, "title").text()
    press(qtbot, Qt.Key.Key_Escape)
    assert isinstance(modal(qtbot), QMessageBox)
    with qtbot.waitSignal(agreement_form.finished):
        press(qtbot, Qt.Key.Key_D)  # the underlined letter of “Discard”
    back_to(qtbot, window)
    assert seeded_db.execute("SELECT title FROM agreements WHERE id = ?",
                             [tab.current_record_id()]).fetchone()[0] == title

    # Tab leaves the table (arrows move between rows) for the detail pane, and Ctrl+Tab the tab.
    tab.table.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.detail
    tab.table.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentWidget() is window.list_tabs["officials"]


def test_preview_find_and_about_open_from_keys_and_close_with_escape(qtbot, window):
    back_to(qtbot, window)
    seen: list = []

    def look_and_leave(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        press(qtbot, Qt.Key.Key_Escape)

    answer(_print_anyway_by_keys(qtbot))
    answer(look_and_leave, seen=seen)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)  # Print Preview… runs until Esc closes it
    assert type(seen[0]).__name__ == "PreviewDialog" and not seen[0].isVisible()

    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    find = QApplication.focusWidget().window()
    typed(qtbot, "irtysh")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not find.isVisible())

    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.help_menu)
    press(qtbot, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    about = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: about.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not about.isVisible())


def _drawn(widget) -> QImage:
    return widget.grab().toImage()


def test_the_widget_with_the_focus_shows_it(qtbot, window):
    """Each stop of a list tab's Tab chain looks different while it holds the focus."""
    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_2, CTRL)
    tab = window.list_tabs["agreements"]
    stops = [tab.filter_box, tab.table, tab.detail]
    focused = []
    for stop in stops:
        assert QApplication.focusWidget() is stop
        focused.append(_drawn(stop))
        press(qtbot, Qt.Key.Key_Tab)
    for stop, image in zip(stops, focused, strict=True):
        assert _drawn(stop) != image, f"{stop.accessibleName() or type(stop).__name__} shows no focus"


def test_the_field_with_the_focus_when_the_window_opens_shows_it(qtbot, window):
    back_to(qtbot, window)
    field = QApplication.focusWidget()
    assert window.tabs.currentWidget().isAncestorOf(field)  # inside the page, not on the tab bar
    qtbot.waitUntil(lambda: _drawn(field) != _without_focus(qtbot, window, field))


def _without_focus(qtbot, window, field) -> QImage:
    """How ``field`` looks once the focus has gone elsewhere (it comes back after)."""
    window.tabs.tabBar().setFocus()
    image = _drawn(field)
    field.setFocus()
    return image
