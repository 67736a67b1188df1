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


def test_a_key_figure_shown_in_another_scale_than_published_says_how_it_was_published(qtbot, scales_db):
    create_application()
    main = MainWindow(scales_db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.overview.set_pair(3, 4)
    text = main.overview.page.toPlainText()
    figures = text[text.index("Key figures"):text.index("Mirror statistics")]
    assert "USD 66,500 thousand\npublished as USD 66.5 million" in figures  # 2024 exports, on 2023's 62,000
    assert "+7.3% on 2023" in figures
    # 2024 turnover is not compared: 2023's USD 130,000 thousand and USD 128.6 million disagree.
    assert "USD 137,700 thousand\npublished as USD 137.7 million\n2024\nrecords disagree\n" in figures
    mirror = text[text.index("Mirror statistics"):text.index("Agreements")]
    assert "USD 69,300 thousand\npublished as USD 69.3 million" in mirror and "+4.2%" in mirror
