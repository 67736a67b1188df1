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
