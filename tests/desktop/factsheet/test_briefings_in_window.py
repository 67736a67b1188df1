"""Briefings remembered in the window: a saved sheet is kept, the next one says what changed,
File ▸ Briefings… lists them, and the timeline can be printed."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from db.sheet import briefings
from desktop.dialogs.briefings_dialog import BriefingsDialog
from tests.db.sheet.test_changes import change_three_things
from tests.desktop.factsheet.conftest import pdf_pages
from tests.desktop.factsheet.test_window import choose_file, print_anyway, when_modal
from tests.desktop.form_helpers import back_to, modal


def _export(qtbot, window, target):
    print_anyway(qtbot)  # the seed, as of today, has things the check before printing names
    when_modal(qtbot, lambda dialog: choose_file(dialog, target), kind=QFileDialog)
    window.factsheet_actions.export_action.trigger()
    back_to(qtbot, window)
    return " ".join(pdf_pages(target))


def test_the_next_sheet_says_what_changed_since_the_last_and_briefings_lists_them(qtbot, window, tmp_path):
    first = _export(qtbot, window, tmp_path / "first.pdf")
    assert "Changes since" not in first
    [made] = briefings.briefings(window.db)
    assert (made.how, made.pair) == ("pdf", "Abai region – Omsk region")

    change_three_things(window.db, tmp_path)
    second = _export(qtbot, window, tmp_path / "second.pdf")
    assert f"Changes since the briefing of {made.day_label}" in second
    assert "Yelena Mishchenko took office" in second and "New figure: Trade turnover" in second

    window.briefings_action.trigger()
    dialog = modal(qtbot)
    assert isinstance(dialog, BriefingsDialog) and dialog.table.rowCount() == 2
    dialog.table.selectRow(1)  # the first: what changed since it
    shown = dialog.changes.toPlainText()
    assert "Held: International cross-border forum" in shown and "Trend News Agency, 2 Jul 2025" in shown
    dialog.reject()


def test_the_timeline_section_prints_when_chosen(qtbot, window, tmp_path):
    from desktop.factsheet import preferences

    options = preferences.load_options()
    assert "timeline" not in options.sections  # printed only when chosen
    preferences.save_options(type(options)(sections=options.sections | {"timeline"}, page_size="A4"))
    text = _export(qtbot, window, tmp_path / "timeline.pdf")
    assert "Timeline" in text and "Plan signed" in text and "Q4 2025" in text
