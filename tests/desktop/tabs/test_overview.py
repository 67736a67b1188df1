"""The Overview: key figures by the sheet's rule, mirror statistics, and the status words the
list tabs use."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db.model.status import verification_status
from desktop.gui import create_application
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import click_link

TODAY = dt.date.today()


def _column(tab, title: str) -> list[str]:
    model = tab.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == title)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_overview_and_the_list_tabs_use_the_same_status_words(window):
    text = window.overview.page.toPlainText()
    assert "signed, validity not stated" in text
    assert "(date passed — not confirmed held)" in text
    agreements = _column(window.list_tabs["agreements"], "Status")
    events = _column(window.list_tabs["events"], "Status")
    assert "signed, validity not stated" in agreements and "in force" in agreements
    assert "date passed — not confirmed held" in events and "held" in events
    stale = verification_status(dt.date(2025, 7, 2), TODAY).label  # the seed's officials were checked then
    assert set(_column(window.list_tabs["officials"], "Verified")) == {stale}
    assert stale in text


@pytest.fixture
def rich_window(qtbot, rich_db):
    create_application()
    main = MainWindow(rich_db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.overview.set_pair(3, 4)
    return main


def test_key_figures_compare_like_with_like_and_mirror_figures_stand_side_by_side(rich_window):
    text = rich_window.overview.page.toPlainText()
    figures = text[text.index("Key figures"):text.index("Mirror statistics")]
    assert "Jan–Sep 2025 (part of the year)" in figures and "on Jan–Sep 2024" in figures
    assert "2024" in figures and "on 2023" in figures
    assert "Jan–May 2025" not in figures  # superseded by the statistics office's Jan–Sep
    mirror = text[text.index("Mirror statistics"):text.index("Agreements")]
    assert "Exports of Abai region to Russian Federation" in mirror and "reported by Kazakhstan" in mirror
    assert "Imports of Russian Federation from Abai region" in mirror and "reported by Russian Federation" in mirror
    assert "+4.3%" in mirror and "(FOB)" in mirror


def test_the_key_figures_not_shown_are_one_click_away_in_the_trade_tab(qtbot, rich_window, rich_db):
    rich_db.execute("INSERT INTO indicators (subject_id, counterpart_id, indicator, period_start, period_end, value, "
                    "unit) SELECT 3, 2, 'tourist_arrivals', '2024-01-01', '2024-12-31', 1000 + id, 'visitors ' || id "
                    "FROM parties")  # seven more series (one per unit): beyond the twelve rows
    rich_window.overview.refresh()
    assert "more figures are in the Trade tab." in rich_window.overview.page.toPlainText()
    click_link(qtbot, rich_window.overview.page, "more figures are in the Trade tab")
    assert rich_window.tabs.currentWidget() is rich_window.list_tabs["indicators"]
