"""The Trade tab as a user meets it: pickers, the chart's bars, hover, click, views, export."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QToolTip

from db.model import i18n
from db.model.dates import Period
from db.read import queries
from db.read.trade import time_span
from desktop.tabs.trade import TradeTab
from tests.desktop.helpers import click_link, open_trade, open_window
from tests.desktop.modal import answer, read_message
from tests.desktop.trade_data import add_multi_year


@pytest.fixture
def trade(qtbot, window) -> TradeTab:
    return open_trade(qtbot, window)


@pytest.fixture
def multi_year(qtbot, seeded_db) -> TradeTab:
    add_multi_year(seeded_db)
    return open_trade(qtbot, open_window(qtbot, seeded_db, size=(1200, 800)))


def _bars(tab: TradeTab) -> list[tuple[str, str, float, bool]]:
    return [(b.flow, b.period.label, b.value, b.partial) for b in tab.panel.chart.bars]


def _drawn_heights(tab: TradeTab) -> list[float]:
    """The heights pyqtgraph was given for solid bars (not the hatching laid over partial ones)."""
    heights = []
    for item in tab.panel.chart.plot.items:
        if isinstance(item, pg.BarGraphItem) and any(b.style() == Qt.BrushStyle.SolidPattern
                                                     for b in item.opts["brushes"]):
            heights.extend(float(h) for h in item.opts["height"])
    return sorted(heights)


def _viewport_point(tab: TradeTab, bar) -> QPoint:
    chart = tab.panel.chart
    return chart.view.mapFromScene(chart.scene_point(bar))


def _bar(tab: TradeTab, flow: str, period: str):
    return next(b for b in tab.panel.chart.bars if b.flow == flow and b.period.label == period)


def _ids(db):
    return queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Russian Federation")[0].id


def test_trade_tab_opens_on_the_pair_with_most_trade_data(trade, seeded_db):
    assert trade.pair() == _ids(seeded_db)
    assert trade.subject_box.currentText() == "Abai region / Абайская область"
    assert trade.counterpart_box.currentText() == "Russian Federation / Российская Федерация"
    assert trade.panel.chart.title_label.text() == "Trade of Abai region with Russian Federation, USD million"


def test_the_chart_names_its_unit_as_the_language_in_use_does(trade):
    with i18n.using_language("ru"):
        assert trade.panel.chart_title().endswith(", млн долл. США")
        trade.panel.chart.show_series(trade.panel.current_series(), title=trade.panel.chart_title())
        assert trade.panel.chart.axis_y.labelText == "млн долл. США"
    with i18n.using_language("kk"):
        assert trade.panel.chart_title().endswith(", млн АҚШ доллары")


def test_seed_chart_has_the_two_partial_bars_and_the_turnover_marker(trade):
    assert _bars(trade) == [("exports", "Jan–May 2025", 67.8, True), ("imports", "Jan–May 2025", 70.4, True),
                            ("turnover", "Jan–May 2025", 128.6, True)]
    assert _drawn_heights(trade) == [67.8, 70.4]
    chart = trade.panel.chart
    assert chart.axis_x.labels == ["Jan–May 2025"]
    assert chart.axis_y.labelText == "USD million"
    assert "Part of a year (hatched)" in [label.text for _sample, label in chart.legend.items]
    assert [label.text for _sample, label in chart.legend.items][:3] == ["Exports", "Imports", "Trade turnover"]
    assert [c.figure.label for c in trade.panel.cards.cards] == ["Investment inflow", "Enterprises"]


def _centre(start, end) -> float:
    return sum(time_span(Period(start, end), "years")) / 2


def test_multi_year_chart_draws_years_on_a_time_axis_and_same_span_changes_only(multi_year):
    tab = multi_year
    chart = tab.panel.chart
    # Whole years and the latest part of a year after them; Jan–May 2024 is not set between years.
    assert chart.axis_x.labels == ["2019", "2020", "2021", "2022", "2023", "2024", "Jan–May 2025"]
    assert chart.axis_x.positions[:2] == [2019.5, 2020.5]
    assert chart.axis_x.positions[-1] == pytest.approx(_centre(dt.date(2025, 1, 1), dt.date(2025, 5, 31)))
    exports = [(b.period.label, b.value, b.partial) for b in chart.bars if b.flow == "exports"]
    assert exports[0] == ("2019", 141.2, False) and exports[-1] == ("Jan–May 2025", 67.8, True)
    assert len(_drawn_heights(tab)) == 14
    changes = {label.text: label.x for label in chart._labels if label.change}
    shown = [label.item.toPlainText() for label in chart._labels if label.item is not None and label.item.isVisible()]
    assert "−1.3%" in shown and "141.2" in shown  # the chart is wide enough for every number
    # Jan–May 2025 against Jan–May 2024 (recorded, not drawn), 2024 against 2023.
    assert changes["−1.3%"] == pytest.approx(_centre(dt.date(2025, 1, 1), dt.date(2025, 5, 31)))
    assert changes["−1.0%"] == 2024.5
    assert "Percentages: change in turnover on the same span" in chart.note_label.text()


def test_a_missing_year_is_an_empty_slot_under_its_own_name(qtbot, multi_year, seeded_db):
    seeded_db.execute("DELETE FROM indicators WHERE period_start = '2021-01-01' AND period_end = '2021-12-31'")
    multi_year.reload()
    axis = multi_year.panel.chart.axis_x
    assert "2021" not in axis.labels and 2021.5 not in axis.positions
    assert (2021.5, "2021") in axis.ticks(2018, 2026)  # the gap keeps its place on the axis
    assert axis.positions[2] == 2022.5  # 2022 is not moved up beside 2020


def test_the_periods_box_opens_on_the_kind_the_data_suggests_and_keeps_the_users_choice(qtbot, multi_year):
    panel = multi_year.panel
    assert panel.period_box.currentData() == "years"  # six whole years are recorded
    panel.period_box.setCurrentIndex(1)
    assert panel.period_box.currentData() == "quarters"
    multi_year.reload()
    assert panel.period_box.currentData() == "quarters"


def test_quarters_are_charted_apart_from_years_and_not_hatched(qtbot, multi_year):
    panel = multi_year.panel
    assert [panel.period_box.itemText(i) for i in range(panel.period_box.count())] == ["Years", "Quarters"]
    panel.period_box.setCurrentIndex(1)
    chart = panel.chart
    assert chart.axis_x.labels == ["Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025"]
    assert {b.partial for b in chart.bars} == {False}
    assert "Part of a year (hatched)" not in [label.text for _s, label in chart.legend.items]


def test_period_labels_thin_out_instead_of_overlapping(multi_year):
    axis = multi_year.panel.chart.axis_x
    ((step, values),) = axis.tickValues(2018.9, 2025.8, 200)  # seven periods in 200 pixels
    assert step > 1 and values[-1] == axis.positions[-1]  # the latest period keeps its label
    ((step, values),) = axis.tickValues(2018.9, 2025.8, 2000)
    assert step == 1 and values == axis.positions


def test_hovering_a_bar_shows_value_unit_period_and_source(qtbot, trade):
    chart = trade.panel.chart
    viewport = chart.view.viewport()
    qtbot.mouseMove(viewport, _viewport_point(trade, _bar(trade, "exports", "Jan–May 2025")))
    qtbot.waitUntil(lambda: chart.hover_text != "")
    lines = chart.hover_text.splitlines()
    assert lines[0] == "Exports · Jan–May 2025 (part of the year)"
    assert lines[1] == "USD 67.8 million"
    assert lines[2].startswith("Source: Abai region and Omsk region sign protocol")
    assert "USD 67.8 million" in QToolTip.text()
    qtbot.wait(30)  # pyqtgraph drops moves closer together than its rate limit
    qtbot.mouseMove(viewport, _viewport_point(trade, _bar(trade, "turnover", "Jan–May 2025")))
    qtbot.waitUntil(lambda: chart.hover_text.startswith("Trade turnover"))
    assert "USD 128.6 million" in chart.hover_text
    assert "⚠ Trade turnover Abai region – Russian Federation, Jan–May 2025, is USD 128.6 million, but exports " \
        "67.8 + imports 70.4 = USD 138.2 million" in chart.hover_text
    qtbot.wait(30)
    qtbot.mouseMove(viewport, QPoint(5, 5))
    qtbot.waitUntil(lambda: chart.hover_text == "")


def test_clicking_a_bar_selects_that_figure_in_the_table(qtbot, trade):
    imports = _bar(trade, "imports", "Jan–May 2025")
    qtbot.mouseClick(trade.panel.chart.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_viewport_point(trade, imports))
    assert trade.current_record_id() == imports.indicator_id
    assert "USD 70.4 million" in trade.detail.toPlainText()


def test_clicking_a_key_figure_card_selects_it(qtbot, trade):
    card = trade.panel.cards.cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert trade.current_record_id() == card.figure.values[0].indicator_id
    assert "USD 507 million" in trade.detail.toPlainText()


def test_balance_view_shows_exports_minus_imports(qtbot, trade):
    qtbot.mouseClick(trade.panel.balance_button, Qt.MouseButton.LeftButton)
    assert _bars(trade) == [("balance", "Jan–May 2025", -2.6, True)]
    assert "Deficit (imports above exports)" in [label.text for _s, label in trade.panel.chart.legend.items]
    qtbot.mouseClick(trade.panel.flows_button, Qt.MouseButton.LeftButton)
    assert [b.flow for b in trade.panel.chart.bars] == ["exports", "imports", "turnover"]


def test_dragging_pans_and_reset_view_shows_everything_again(qtbot, multi_year):
    chart = multi_year.panel.chart
    box = chart.plot.getViewBox()
    before = box.viewRange()[0]
    selected = multi_year.current_record_id()
    box.scaleBy(x=0.3)  # as the mouse wheel does
    zoomed = box.viewRange()[0]
    assert zoomed[1] - zoomed[0] < (before[1] - before[0]) / 2
    viewport = chart.view.viewport()
    start = chart.view.mapFromScene(box.mapViewToScene(QPointF(2022, 100)))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(step * 30, 0))
        qtbot.wait(20)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(150, 0))
    panned = box.viewRange()[0]
    assert panned[0] < zoomed[0] - 0.3  # dragging right brings earlier periods into view
    assert multi_year.current_record_id() == selected  # a drag is not a click
    multi_year.panel.reset_action.trigger()
    assert box.viewRange()[0] == pytest.approx(before)


def test_export_png_and_copy_chart(qtbot, trade, tmp_path):
    target = tmp_path / "chart"
    assert trade.panel.export_png(str(target))
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() >= trade.panel.chart.view.width()
    trade.panel.copy_action.trigger()
    assert not QApplication.clipboard().image().isNull()


def test_a_failed_export_says_so_in_a_sentence(qtbot, trade, tmp_path):
    shown: list[str] = []
    answer(read_message(shown))
    assert not trade.panel.export_png(str(tmp_path / "missing" / "chart.png"))
    assert shown == [f"The folder {tmp_path / 'missing'} does not exist, so “chart.png” cannot be written there."]


def test_choosing_a_pair_without_trade_offers_pairs_that_have_it(qtbot, trade, seeded_db):
    omsk = queries.find_parties(seeded_db, "Omsk region")[0].id
    trade.counterpart_box.set_party(omsk)
    panel = trade.panel
    assert panel.stack.currentWidget() is panel.empty
    assert "No trade figures" in panel.empty.text() and "pair:" in panel.empty.text()
    assert not panel.export_action.isEnabled()
    panel.empty.linkActivated.emit(panel.empty.text().split("href='")[1].split("'")[0])
    assert trade.pair() == _ids(seeded_db)
    assert panel.stack.currentWidget() is panel.chart


def test_the_pair_is_remembered_and_swap_turns_it_round(qtbot, trade, seeded_db):
    abai, russia = _ids(seeded_db)
    qtbot.mouseClick(trade.swap_button, Qt.MouseButton.LeftButton)
    assert trade.pair() == (russia, abai)
    assert trade.panel.stack.currentWidget() is trade.panel.empty
    again = TradeTab(seeded_db)
    qtbot.addWidget(again)
    again.ensure_panel()
    assert again.pair() == (russia, abai)


def test_other_figures_never_share_the_trade_axis(trade):
    drawn = {b.flow for b in trade.panel.chart.bars}
    assert drawn == {"exports", "imports", "turnover"}
    cards = trade.panel.cards.cards
    assert [(c.figure.unit, c.figure.period.label()) for c in cards] == [("USD million", "2024"),
                                                                        ("enterprises", "as of 2 Jul 2025")]


def test_party_names_in_the_chart_are_shown_as_text_not_markup(qtbot, trade, seeded_db):
    seeded_db.execute("UPDATE parties SET name_en = '<b>Abai</b> & co' WHERE name_en = 'Abai region'")
    trade.reload()
    title = trade.panel.chart.title_label
    assert title.text().startswith("Trade of <b>Abai</b> & co with") and title.textFormat() == Qt.TextFormat.PlainText


def test_the_qt_binding_keeps_none_alive():
    """PySide6 6.12.0 drops a reference to None on every QGraphicsItem.setPos/setVisible: on
    Python 3.11 the chart then crashes the app after a few thousand moves (see pyproject.toml)."""
    import sys

    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 1, 1)
    scene.addItem(item)
    before = sys.getrefcount(None)
    for step in range(200):
        item.setPos(step, 0)
        item.setVisible(step % 2 == 0)
    assert sys.getrefcount(None) >= before - 20


def test_overview_figure_links_open_the_trade_tab_on_that_row(qtbot, window):
    click_link(qtbot, window.overview.page, "Trade turnover")
    trade = window.list_tabs["indicators"]
    assert window.tabs.currentWidget() is trade
    assert "USD 128.6 million" in trade.detail.toPlainText()
    qtbot.waitUntil(lambda: trade.panel is not None)


def test_refresh_after_a_change_redraws_the_chart(qtbot, window, seeded_db):
    trade = open_trade(qtbot, window)
    add_multi_year(seeded_db)
    window.refresh()
    assert len(trade.panel.chart.axis_x.labels) == 7
    assert trade.model.rowCount() == 36


def test_switching_the_database_rereads_pickers_chart_and_table(qtbot, trade, seeded_db, tmp_path):
    from db.file.connection import open_database
    from db.seed import load_seed

    other = open_database(tmp_path / "other.factsheet")
    load_seed(other)
    add_multi_year(other)
    trade.set_database(other)
    assert len(trade.panel.chart.axis_x.labels) == 7
    assert trade.model.rowCount() == 36
    assert trade.pair() == _ids(other)
    trade.set_database(seeded_db)
    assert trade.model.rowCount() == 5
    other.close()


def test_colours_follow_the_palette_and_keep_the_colour_blind_safe_set():
    from PySide6.QtGui import QColor, QPalette

    from desktop.trade.plot_items import chart_colours

    def palette(base: str, text: str) -> QPalette:
        result = QPalette()
        result.setColor(QPalette.ColorRole.Base, QColor(base))
        result.setColor(QPalette.ColorRole.Text, QColor(text))
        return result

    light, dark = chart_colours(palette("#ffffff", "#000000")), chart_colours(palette("#1e1e1e", "#e6e6e6"))
    assert (light.exports.name(), light.imports.name()) == ("#0072b2", "#e69f00")  # Okabe–Ito blue, orange
    assert dark.exports.name() == "#56b4e9"  # sky blue reads on a dark background
    assert (light.text.name(), dark.text.name()) == ("#000000", "#e6e6e6")
    assert (light.background.name(), dark.background.name()) == ("#ffffff", "#1e1e1e")
