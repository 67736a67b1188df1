"""The printed trade chart: round axes, and part-of-year periods that look different."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from db.sheet.compose import ChartPeriod, TradeChart
from desktop.factsheet import chart
from desktop.factsheet.fonts import sheet_family


@pytest.mark.parametrize(("values", "expected"), [
    ([67.8, 70.4, 128.6], (0, 150, 50)),
    ([0.4, 0.9], (0, 1, 0.25)),
    ([1234, 5678], (0, 6000, 2000)),
    ([], (0, 1, 0.25)),
    ([-20, 35], (-20, 40, 20)),
])
def test_axis_runs_from_zero_to_a_round_top(values, expected):
    assert chart.axis_range(values) == pytest.approx(expected)


def _solid_exports_pixels(periods) -> int:
    image = QImage(1600, 700, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    sheet_chart = TradeChart("A", "B", "USD million", tuple(periods), (1,))
    chart.draw_trade_chart(painter, QRectF(0, 0, 1600, 700), sheet_chart, family=sheet_family(),
                           px=lambda points: points * 2)
    painter.end()
    target = chart.EXPORTS.rgb()
    return sum(1 for y in range(0, 700, 2) for x in range(0, 1600, 2) if image.pixel(x, y) == target)


def test_part_of_year_periods_are_hatched_not_solid(qapp):
    whole = [ChartPeriod("2023", False, 80, 60, 140), ChartPeriod("2024", False, 90, 70, 160)]
    part = [ChartPeriod("Jan–May 2024", True, 80, 60, 140), ChartPeriod("Jan–May 2025", True, 90, 70, 160)]
    solid_whole, solid_part = _solid_exports_pixels(whole), _solid_exports_pixels(part)
    assert solid_whole > 2000
    assert solid_part < solid_whole / 4


# -- a real time axis, and numbers that never touch a marker ------------------------------------------

def _year(year: int, exports, imports, turnover, *, partial_to: int | None = None) -> ChartPeriod:
    import datetime as dt

    end = dt.date(year, partial_to, 28) if partial_to else dt.date(year, 12, 31)
    label = f"Jan–{end.strftime('%b')} {year}" if partial_to else str(year)
    return ChartPeriod(label, bool(partial_to), exports, imports, turnover, start=dt.date(year, 1, 1), end=end)


def test_a_missing_year_keeps_its_slot_on_the_time_axis():
    periods = (_year(2019, 80, 60, 140), _year(2020, 85, 62, 147), _year(2022, 90, 70, 160))
    axis = chart._TimeAxis(TradeChart("A", "B", "USD million", periods, (), group="years"), QRectF(0, 0, 400, 100))
    assert (axis.first, axis.last) == (2019, 2023) and axis.slot_width == 100
    assert [axis.span(i) for i in range(3)] == [(0, 100), (100, 200), (300, 400)]
    assert [(text, present) for _l, _r, text, present, _p in axis.labels()] == [
        ("2019", True), ("2020", True), ("2021", False), ("2022", True)]


def test_a_part_of_a_year_is_as_wide_as_the_months_it_covers():
    periods = (_year(2024, 80, 60, 140), _year(2025, 40, 30, 70, partial_to=6))
    axis = chart._TimeAxis(TradeChart("A", "B", "USD million", periods, (), group="years"), QRectF(0, 0, 730, 100))
    left, right = axis.span(1)
    assert left == 365 and 175 < right - left < 185


def _plan(exports, imports, turnover, slot=300.0):
    from PySide6.QtGui import QFontMetricsF

    from desktop.factsheet import chart_marks
    from desktop.factsheet.fonts import printing_font

    metrics = QFontMetricsF(printing_font(sheet_family(), 13))
    period = ChartPeriod("2024", False, exports, imports, turnover)
    return chart_marks.plan(period, 500.0, slot, lambda v: 600 - v * 4, lambda points: points * 2,
                            metrics.height(), lambda text, _bold: metrics.horizontalAdvance(text),
                            show_values=True, show_turnover_value=True)


@pytest.mark.parametrize(("exports", "imports", "turnover"), [
    (67.8, 70.4, 128.6),  # the seed: the marker far above the bars
    (67.8, 70.4, 72.0),  # turnover just above the bars: their numbers would be struck through
    (67.8, 70.4, 70.0),  # the marker inside the imports bar's number
    (120.0, 30.0, 110.0),  # the marker beside a tall bar, its number over that bar
    (120.0, 30.0, 123.0),  # the marker just above a tall bar
])
def test_no_number_touches_the_turnover_marker_a_bar_or_another_number(qapp, exports, imports, turnover):
    marks = _plan(exports, imports, turnover)
    zone = marks.marker_zone()
    bars = [shape for _flow, shape in marks.bars]
    numbers = [label.rect for label in marks.labels]
    assert len(numbers) == 3
    for index, label in enumerate(marks.labels):
        assert not label.rect.intersects(zone), (label.text, label.rect, zone)
        assert not any(label.rect.intersects(other) for other in numbers[:index] + numbers[index + 1:]), label.text
        if not label.inside:
            assert not any(label.rect.intersects(bar) for bar in bars), label.text


def test_a_number_is_written_inside_a_tall_bar_rather_than_over_the_marker(qapp):
    marks = _plan(120.0, 30.0, 123.0)
    exports = next(label for label in marks.labels if label.text == "120")
    assert exports.inside and marks.bars[0][1].contains(exports.rect)
