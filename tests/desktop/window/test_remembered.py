"""What a window remembers for the next one: its size, splitters, columns, tab, the pair,
the fact-sheet options and the database that was open.

Each test closes one ``MainWindow`` and opens a second, as quitting and starting the app does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from db.file.connection import open_database
from db.read import queries
from db.seed import load_seed
from desktop import gui
from desktop.factsheet import preferences
from desktop.factsheet.preview import PreviewDialog
from desktop.window import files
from desktop.window.main_window import MainWindow
from tests.desktop.factsheet.test_window import print_anyway, when_modal
from tests.desktop.helpers import open_window


def _close(window: MainWindow) -> None:
    window.close()
    QApplication.processEvents()


def test_the_window_size_tab_splitters_and_columns_come_back(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)
    first.resize(760, 560)  # within the offscreen screen (800 × 600)
    trade = first.list_tabs["indicators"]
    first.tabs.setCurrentWidget(trade)
    qtbot.waitUntil(lambda: trade.panel is not None)
    trade.splitter.setSizes([600, 380])
    trade.chart_splitter.setSizes([220, 300])
    trade.table.setColumnWidth(0, 177)
    sizes, chart_sizes = trade.splitter.sizes(), trade.chart_splitter.sizes()
    _close(first)

    second = open_window(qtbot, seeded_db)
    assert (second.width(), second.height()) == (760, 560)
    again = second.list_tabs["indicators"]
    assert second.tabs.currentWidget() is again
    qtbot.waitUntil(lambda: again.panel is not None)
    assert again.splitter.sizes() == sizes
    assert again.chart_splitter.sizes() == chart_sizes
    assert again.table.columnWidth(0) == 177


def test_the_chosen_pair_comes_back(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)
    kazakhstan = queries.find_parties(seeded_db, "Kazakhstan")[0].id
    russia = queries.find_parties(seeded_db, "Russian Federation")[0].id
    first.overview.first.setCurrentIndex(first.overview.first.findData(kazakhstan))
    first.overview.second.setCurrentIndex(first.overview.second.findData(russia))
    _close(first)

    second = open_window(qtbot, seeded_db)
    assert second.overview.pair() == (kazakhstan, russia)
    assert "Kazakhstan" in second.overview.page.toPlainText()


def test_the_fact_sheet_options_come_back(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)

    def choose(dialog: PreviewDialog) -> None:
        dialog.panel.sections["officials"].click()
        dialog.panel.page_size.setCurrentText("Letter")
        qtbot.waitUntil(lambda: dialog.sheet is not None and "officials" not in dialog.sheet.sections)
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, choose, kind=PreviewDialog)
    first.factsheet_actions.preview_action.trigger()
    _close(first)

    second = open_window(qtbot, seeded_db)
    seen = {}

    def look(dialog: PreviewDialog) -> None:
        seen["officials"] = dialog.panel.sections["officials"].isChecked()
        seen["paper"] = dialog.panel.page_size.currentText()
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, look, kind=PreviewDialog)
    second.factsheet_actions.preview_action.trigger()
    assert seen == {"officials": False, "paper": "Letter"}
    assert preferences.load_options().page_size == "Letter"


def test_the_database_open_at_closing_opens_next_time(qtbot, seeded_db, tmp_path):
    other_path = tmp_path / "other.factsheet"
    other = open_database(other_path)
    load_seed(other)
    other.close()
    first = open_window(qtbot, seeded_db)
    assert files.switch_to(first, other_path)
    _close(first)
    first.db.close()

    reopened = gui.open_database_to_show(None)
    assert reopened.path == other_path.absolute()
    second = open_window(qtbot, reopened)
    assert second.windowTitle().startswith("other.factsheet")
    _close(second)
    reopened.close()
