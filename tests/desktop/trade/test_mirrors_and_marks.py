"""The Trade tab on a data-rich pair: series per reporter, mirror figures side by side under the
chart, and numbers that never touch the turnover marker or one another."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from desktop.trade.plot_items import MARKER_SIZE
from tests.desktop.helpers import open_trade, open_window
from tests.desktop.trade_data import add_multi_year


@pytest.fixture
def rich_trade(qtbot, rich_db):
    tab = open_trade(qtbot, open_window(qtbot, rich_db, size=(1200, 800)))
    tab.set_pair(3, 2)  # the Abai region's trade with the Russian Federation
    return tab


def test_series_of_each_reporter_are_offered_and_years_come_first(rich_trade):
    panel = rich_trade.panel
    units = [panel.unit_box.itemText(i) for i in range(panel.unit_box.count())]
    assert units == ["USD million, reported by Kazakhstan", "USD million"]  # the seed's Jan–May has no reporter
    assert panel.period_box.currentData() == "years"
    assert panel.chart.axis_x.labels == ["2019", "2020", "2021", "2022", "2023", "2024", "Jan–Sep 2025"]
    assert panel.chart.title_label.text().endswith("USD million, reported by Kazakhstan")
    assert not any(b.partial for b in panel.chart.bars if b.period.label != "Jan–Sep 2025")


def test_mirror_figures_stand_under_the_chart_with_both_reporters(qtbot, rich_trade):
    mirrors = rich_trade.panel.mirrors
    assert mirrors.isVisible()
    text = mirrors.label.text()
    assert "USD 141.7 million</a> <small>reported by Kazakhstan</small>" in text
    assert "USD 147.8 million</a> <small>reported by Russian Federation, as imports</small>" in text
    assert "title='Exports of Abai region to Russian Federation'>Exports<" in text
    assert "+4.3%" in text and "FOB" in text
    # Of the periods the chart draws, the latest: Jan–Sep 2025 and 2024, exports and imports each.
    assert [r.period.label() for r in mirrors.shown_rows()] == ["Jan–Sep 2025"] * 2 + ["2024"] * 2
    rich_trade.panel.period_box.setCurrentIndex(rich_trade.panel.period_box.findData("quarters"))
    assert {r.period.label() for r in mirrors.shown_rows()} >= {"Q3 2025", "Q2 2025"}
    first = mirrors.shown_rows()[0].first.indicator_id
    mirrors.label.linkActivated.emit(f"record:indicator/{first}")
    assert rich_trade.current_record_id() == first


def _inner(annotation) -> QRectF:
    text = annotation.item.textItem
    return text.mapRectToScene(text.boundingRect()).adjusted(4, 4, -4, -4)  # less the text's own margin


def test_no_number_over_a_bar_touches_the_turnover_marker(qtbot, rich_trade, rich_db):
    # Turnover just above the taller bar: written above the bars, their numbers would be struck through.
    rich_db.execute("UPDATE indicators SET value = (SELECT max(e.value) FROM indicators e WHERE e.subject_id = "
                    "indicators.subject_id AND e.counterpart_id = indicators.counterpart_id AND e.reporter_id IS "
                    "indicators.reporter_id AND e.period_start = indicators.period_start AND e.period_end = "
                    "indicators.period_end AND e.indicator IN ('exports', 'imports')) + 1 WHERE indicator = 'turnover'")
    rich_trade.reload()
    chart = rich_trade.panel.chart
    numbers = [a for a in chart._labels if a.kind == "number" and a.item is not None and a.item.isVisible()]
    assert len(numbers) == 14  # the chart is wide enough for every number
    half = MARKER_SIZE / 2
    markers = [QRectF(p.x() - half, p.y() - half, MARKER_SIZE, MARKER_SIZE)
               for p in (chart.scene_point(b) for b in chart.bars if b.flow == "turnover")]
    for number in numbers:
        assert not any(_inner(number).intersects(marker) for marker in markers), number.text


def test_no_change_over_a_group_is_written_over_its_numbers(qtbot, seeded_db):
    # Jan–May 2025: turnover (128.6) just above its bars (67.8, 70.4), so their numbers go above
    # the marker, and the change on Jan–May 2024 must go above those numbers, not onto them.
    add_multi_year(seeded_db)
    tab = open_trade(qtbot, open_window(qtbot, seeded_db, size=(1200, 780)))

    def visible() -> list:
        return [a for a in tab.panel.chart._labels if a.item is not None and a.item.isVisible()]

    qtbot.waitUntil(lambda: {"number", "change"} <= {a.kind for a in visible()}, timeout=5_000)
    shown = visible()
    assert "−1.3%" in {a.text for a in shown}
    touching = [(a.text, b.text) for i, a in enumerate(shown) for b in shown[i + 1:]
                if _inner(a).intersects(_inner(b))]
    assert not touching
