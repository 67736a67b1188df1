"""The check before printing in the window: the list, Fix…, a record's link and Print anyway."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from db.sheet.options import SheetOptions
from desktop.factsheet import preferences
from desktop.factsheet.preprint_dialog import PrePrintDialog
from desktop.factsheet.preview import PreviewDialog
from desktop.forms.engine import RecordDialog
from tests.desktop.factsheet.test_window import choose_file, when_modal
from tests.desktop.helpers import click_link


def _open_forms(window) -> list[RecordDialog]:
    return [d for d in window.findChildren(RecordDialog) if d.isVisible()]


def test_fix_stops_printing_and_opens_the_first_records_form(qtbot, window, tmp_path):
    seen: dict = {}

    def fix(dialog: PrePrintDialog) -> None:
        seen["text"] = dialog.list.toPlainText()
        qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fix, kind=PrePrintDialog)
    assert window.factsheet_actions.export_pdf() is None
    text = seen["text"]
    assert text.index("Planned events whose date has passed") < text.index("Officials not verified for over a year")
    assert "“Irtysh – River of Friendship and Development” (Q4 2025) is still recorded as planned" in text
    assert "Berik Uali, Akim (governor) of the Abai region: last verified" in text
    events = window.list_tabs["events"]
    assert window.tabs.currentWidget() is events and events.current_record_id() == 2
    (form,) = _open_forms(window)
    assert (form.kind, form.record_id) == ("event", 2)  # the forum's form, to record whether it was held
    assert not list(tmp_path.glob("*.pdf"))
    form.reject()


def test_a_link_in_the_list_shows_its_record(qtbot, window):
    def follow(dialog: PrePrintDialog) -> None:
        click_link(qtbot, dialog.list, "Open the position")

    when_modal(qtbot, follow, kind=PrePrintDialog)
    assert window.factsheet_actions.print_sheet() is False
    officials = window.list_tabs["officials"]
    assert window.tabs.currentWidget() is officials
    assert "Berik Uali" in officials.detail.toPlainText()
    assert _open_forms(window) == []  # a link shows the record; only Fix… opens its form


def test_print_anyway_goes_on_to_save_the_pdf(qtbot, window, tmp_path):
    target = tmp_path / "sheet.pdf"
    when_modal(qtbot, lambda dialog: qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton),
               kind=PrePrintDialog)
    when_modal(qtbot, lambda dialog: choose_file(dialog, target), kind=QFileDialog)
    assert window.factsheet_actions.export_pdf() == target and target.stat().st_size > 0


def test_print_preview_asks_first_and_cancel_opens_nothing(qtbot, window):
    seen: list = []
    when_modal(qtbot, lambda dialog: (seen.append(dialog), dialog.reject()), kind=PrePrintDialog)
    window.factsheet_actions.preview_action.trigger()
    assert seen and not [d for d in window.findChildren(PreviewDialog) if d.isVisible()]
    assert QApplication.activeModalWidget() is None


def test_a_sheet_with_nothing_to_check_goes_straight_on(qtbot, window, tmp_path):
    preferences.save_options(SheetOptions(sections=frozenset({"statements"}), as_of=dt.date(2025, 7, 2)))
    target = tmp_path / "statements.pdf"
    asked: list = []
    when_modal(qtbot, lambda dialog: asked.append(dialog), kind=PrePrintDialog)
    when_modal(qtbot, lambda dialog: choose_file(dialog, target), kind=QFileDialog)
    assert window.factsheet_actions.export_pdf() == target
    assert asked == []
