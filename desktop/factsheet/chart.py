"""The printed trade chart, drawn with QPainter straight onto the page (vector, sharp at any
resolution, and fast: no plotting library is loaded for the sheet).

Per period, exports and imports are two bars side by side and turnover is a diamond with
a line across the group, each with its value; the unit is written above the axis and
every period is labelled as recorded ("Jan–May 2025"). A period that covers only part of
a year is hatched and labelled "part of a year", so it is never read as a whole year.
A value whose sources disagree carries an asterisk (the caption explains it).

All sizes are given in points and converted with the device's resolution, so the chart
looks the same on the printer, in the preview and in a PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from db.model.formatting import format_number, format_unit
from db.model.i18n import _
from db.sheet.compose import ChartPeriod, TradeChart
from desktop.factsheet.fonts import printing_font
from desktop.factsheet.glyphs import printable

EXPORTS = QColor("#2f6f9f")
IMPORTS = QColor("#e0892b")
TURNOVER = QColor("#1a1a1a")
GRID = QColor("#d5dbe1")
AXIS = QColor("#6b7b8c")
TEXT = QColor("#1a1a1a")
MUTED = QColor("#555555")

LABEL_POINTS = 7.0
VALUE_POINTS = 6.5
MAX_BAR_POINTS = 30.0
MIN_GROUP_FOR_BAR_VALUES = 56.0  # points; narrower groups drop the bars' value labels
MIN_GROUP_FOR_TURNOVER_VALUE = 26.0  # points; narrower groups drop the turnover's too


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` intervals over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def axis_range(values: list[float]) -> tuple[float, float, float]:
    """(low, high, step): from zero (or below, for negative values) to a round top."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 1.0
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


class _Pen:
    """Fonts and lengths for one device resolution."""

    def __init__(self, painter: QPainter, family: str, px: Callable[[float], float]) -> None:
        self.painter = painter
        self.family = family
        self.px = px

    def font(self, points: float, bold: bool = False) -> QFont:
        return printing_font(self.family, points, bold=bold)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def text(self, rect: QRectF, flags: Qt.AlignmentFlag, text: str, font: QFont, colour: QColor = TEXT) -> None:
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(rect, int(flags), printable(text, font.family()))


def draw_trade_chart(painter: QPainter, rect: QRectF, chart: TradeChart, *, family: str,
                     px: Callable[[float], float]) -> None:
    """Draw ``chart`` inside ``rect`` (device pixels); ``px`` converts points to pixels."""
    pen = _Pen(painter, family, px)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    label_font, value_font = pen.font(LABEL_POINTS), pen.font(VALUE_POINTS)
    line = pen.metrics(label_font).height()
    partial = any(p.partial for p in chart.periods)

    top_band = QRectF(rect.left(), rect.top(), rect.width(), line * 1.4)
    pen.text(top_band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, format_unit(chart.unit),
             pen.font(LABEL_POINTS, bold=True))
    _legend(pen, top_band, partial)

    values = [v for p in chart.periods for v in (p.exports, p.imports, p.turnover) if v is not None]
    low, high, step = axis_range(values)
    ticks = [low + i * step for i in range(round((high - low) / step) + 1)]
    tick_width = max(pen.metrics(label_font).horizontalAdvance(format_number(t)) for t in ticks)
    bottom_band = line * (2.3 if partial else 1.3)
    plot = QRectF(rect.left() + tick_width + px(5), top_band.bottom() + px(6),
                  rect.width() - tick_width - px(5), 0)
    plot.setBottom(rect.bottom() - bottom_band - px(3))

    def y_of(value: float) -> float:
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    for tick in ticks:
        y = y_of(tick)
        painter.setPen(QPen(AXIS if tick == 0 else GRID, px(0.6 if tick == 0 else 0.4)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        pen.text(QRectF(rect.left(), y - line / 2, tick_width, line),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_number(tick), label_font, MUTED)
    painter.setPen(QPen(AXIS, px(0.6)))
    painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))

    count = max(len(chart.periods), 1)
    group = plot.width() / count
    for index, period in enumerate(chart.periods):
        centre = plot.left() + group * (index + 0.5)
        _period(pen, period, centre, group, y_of, value_font)
        _period_label(pen, period, QRectF(centre - group / 2, plot.bottom() + px(2), group, line * 2), label_font)
    painter.restore()


def _period_label(pen: _Pen, period: ChartPeriod, box: QRectF, font: QFont) -> None:
    """"Jan–May 2025" under its group, on two lines when narrow; "part of a year" below it
    when there is room (the hatching and the legend say it otherwise)."""
    metrics = pen.metrics(font)
    lines = [period.label]
    if metrics.horizontalAdvance(period.label) > box.width() * 0.95 and " " in period.label:
        lines = period.label.rsplit(" ", 1)
    note = _("part of a year")
    if period.partial and len(lines) == 1 and metrics.horizontalAdvance(note) <= box.width() * 0.95:
        lines.append(note)
    top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    for number, text in enumerate(lines):
        row = QRectF(box.left(), box.top() + number * metrics.height(), box.width(), metrics.height())
        pen.text(row, top, text, font, MUTED if text == note and number else TEXT)


def _period(pen: _Pen, period: ChartPeriod, centre: float, group: float, y_of: Callable[[float], float],
            value_font: QFont) -> None:
    px = pen.px
    bar = min(group * 0.3, px(MAX_BAR_POINTS))
    gap = min(px(2), group * 0.04)
    show_values = group >= px(MIN_GROUP_FOR_BAR_VALUES)
    zero = y_of(0.0)
    for flow, colour, x in (("exports", EXPORTS, centre - gap / 2 - bar), ("imports", IMPORTS, centre + gap / 2)):
        value = getattr(period, flow)
        if value is None:
            continue
        y = y_of(value)
        shape = QRectF(x, min(y, zero), bar, abs(zero - y))
        _bar(pen, shape, colour, period.partial)
        if show_values:
            text = format_number(value) + ("*" if flow in period.disputed else "")
            height = pen.metrics(value_font).height()
            where = QRectF(x - bar, shape.top() - height - px(1), bar * 3, height)
            pen.text(where, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text, value_font)
    if period.turnover is not None:
        y = y_of(period.turnover)
        half = bar + gap / 2 + px(2)
        pen.painter.setPen(QPen(TURNOVER, px(0.9)))
        pen.painter.drawLine(QPointF(centre - half, y), QPointF(centre + half, y))
        pen.painter.setBrush(TURNOVER)
        pen.painter.drawPolygon(_diamond(QPointF(centre, y), px(3.2)))
        pen.painter.setBrush(Qt.BrushStyle.NoBrush)
        if group >= px(MIN_GROUP_FOR_TURNOVER_VALUE):
            text = format_number(period.turnover) + ("*" if "turnover" in period.disputed else "")
            height = pen.metrics(value_font).height()
            pen.text(QRectF(centre - group / 2, y - px(4) - height, group, height),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text,
                     pen.font(VALUE_POINTS, bold=True))


def _diamond(centre: QPointF, size: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF([QPointF(x, y - size), QPointF(x + size, y), QPointF(x, y + size), QPointF(x - size, y)])


def _bar(pen: _Pen, shape: QRectF, colour: QColor, partial: bool) -> None:
    """A filled bar; a part-of-year bar is paler, hatched and outlined with a dashed line."""
    painter, px = pen.painter, pen.px
    painter.setPen(Qt.PenStyle.NoPen)
    if not partial:
        painter.fillRect(shape, colour)
        return
    pale = QColor(colour)
    pale.setAlphaF(0.35)
    painter.fillRect(shape, pale)
    painter.save()
    painter.setClipRect(shape, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(colour, px(0.8)))
    spacing = px(3)
    path = QPainterPath()
    start = shape.left() - shape.height()
    while start < shape.right():
        path.moveTo(start, shape.bottom())
        path.lineTo(start + shape.height(), shape.top())
        start += spacing
    painter.drawPath(path)
    painter.restore()
    outline = QPen(colour, px(0.8))
    outline.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(outline)
    painter.setBrush(QBrush())
    painter.drawRect(shape)


def _legend(pen: _Pen, band: QRectF, partial: bool) -> None:
    """Exports, imports, turnover (and the hatching, when a period is partial), right-aligned."""
    px = pen.px
    font = pen.font(LABEL_POINTS)
    metrics = pen.metrics(font)
    items = [(_("Exports"), "exports"), (_("Imports"), "imports"), (_("Turnover"), "turnover")]
    if partial:
        items.append((_("part of a year"), "partial"))
    swatch, space = px(7), px(3)
    widths = [swatch + space + metrics.horizontalAdvance(text) for text, _kind in items]
    x = band.right() - sum(widths) - px(9) * (len(items) - 1)
    centre_y = band.center().y()
    for (text, kind), width in zip(items, widths, strict=True):
        box = QRectF(x, centre_y - swatch / 2, swatch, swatch)
        if kind == "turnover":
            pen.painter.setPen(Qt.PenStyle.NoPen)
            pen.painter.setBrush(TURNOVER)
            pen.painter.drawPolygon(_diamond(box.center(), swatch / 2))
            pen.painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            _bar(pen, box, {"exports": EXPORTS, "imports": IMPORTS}.get(kind, AXIS), kind == "partial")
        pen.text(QRectF(box.right() + space, band.top(), width, band.height()),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text, font)
        x += width + px(9)
