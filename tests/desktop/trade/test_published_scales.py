"""The Trade tab on a pair whose figures were published in USD thousand and in USD million: one
series in one unit, every converted value saying how it was published."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.desktop.helpers import open_trade, open_window


@pytest.fixture
def scales_trade(qtbot, scales_db):
    tab = open_trade(qtbot, open_window(qtbot, scales_db, size=(1200, 800)))
    tab.set_pair(3, 2)  # the Abai region's trade with the Russian Federation
    return tab


def _bar(tab, flow: str, period: str):
    return next(b for b in tab.panel.chart.bars if b.flow == flow and b.period.label == period)


def test_one_series_in_the_unit_most_figures_use_and_tenge_apart(scales_trade):
    panel = scales_trade.panel
    assert [panel.unit_box.itemText(i) for i in range(panel.unit_box.count())] == ["USD thousand", "KZT billion"]
    chart = panel.chart
    assert chart.axis_x.labels == ["2019", "2020", "2021", "2022", "2023", "2024", "Jan–May 2025"]
    assert chart.axis_y.labelText == "USD thousand"
    assert (_bar(scales_trade, "exports", "2024").value, _bar(scales_trade, "exports", "2023").value) == (
        66500.0, 62000.0)
    assert ("Some figures were published in USD million; they are drawn in USD thousand, and each one's tooltip "
            "gives it as published.") in chart.note_label.text().splitlines()
    assert "Trade of the Abai region with Russia grew in 2024" in chart.note_label.text()  # both units' sources


def test_hovering_a_converted_bar_gives_its_value_as_published(qtbot, scales_trade):
    chart = scales_trade.panel.chart
    viewport = chart.view.viewport()
    for period, shown in (("2024", "USD 66,500 thousand (published as USD 66.5 million)"),
                          ("2023", "USD 62,000 thousand")):
        qtbot.mouseMove(viewport, chart.view.mapFromScene(chart.scene_point(_bar(scales_trade, "exports", period))))
        qtbot.waitUntil(lambda period=period: chart.hover_text.startswith(f"Exports · {period}"))
        assert chart.hover_text.splitlines()[1] == shown
        qtbot.wait(30)  # pyqtgraph drops moves closer together than its rate limit
        qtbot.mouseMove(viewport, QPoint(5, 5))
        qtbot.waitUntil(lambda: chart.hover_text == "")
        qtbot.wait(30)


def test_mirror_figures_and_cards_in_one_unit_say_how_they_were_published(scales_trade):
    panel = scales_trade.panel
    text = panel.mirrors.label.text()
    assert "USD 69,300 thousand</a> <small>(published as USD 69.3 million)</small>" in text
    assert "USD 62,000 thousand</a> <small>reporter not stated" in text  # as the Bureau published it
    assert "+4.2%" in text and "+4.7%" in text
    investment = panel.cards.cards[0]
    assert "USD 507,000 thousand (published as USD 507 million)" in investment.accessibleName()
    assert not investment.figure.disputed
