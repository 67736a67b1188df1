"""The printed trade chart, drawn with QPainter straight onto the page (vector, sharp at any
resolution, and fast: no plotting library is loaded for the sheet).

Periods lie on a time axis (``db.read.trade.time_span``) of the one kind the chart draws —
years, quarters or months — so a period with no figure is an empty slot, labelled in grey,
never closed up. Per period, exports and imports are two bars side by side and turnover is
a diamond with a line across the group, each with its value placed by ``chart_marks`` so that
no number touches a marker or a bar; the unit is written above the axis and every period is
labelled as recorded ("Jan–May 2025"). A period that covers only part of a year is hatched
and labelled "part of a year", so it is never read as a whole year. A value whose sources
disagree carries an asterisk (the caption explains it).

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

from db.model.dates import Period
from db.model.formatting import format_number, format_unit
from db.model.i18n import _
from db.read.trade import slot_label, time_span
from db.sheet.sheet import ChartPeriod, TradeChart
from desktop.factsheet import chart_marks
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
    # Room above the tallest bar for its number lifted over the turnover marker and number.
    headroom = pen.metrics(pen.font(VALUE_POINTS)).height() * 2 + px(4)
    plot = QRectF(rect.left() + tick_width + px(5), top_band.bottom() + px(6) + headroom,
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

    axis = _TimeAxis(chart, plot)
    value_height = pen.metrics(value_font).height()
    bold_value = pen.font(VALUE_POINTS, bold=True)

    def width(text: str, bold: bool) -> float:
        return pen.metrics(bold_value if bold else value_font).horizontalAdvance(text)

    slot = axis.slot_width
    for index, period in enumerate(chart.periods):
        left, right = axis.span(index)
        marks = chart_marks.plan(period, (left + right) / 2, slot, y_of, px, value_height, width,
                                 show_values=slot >= px(MIN_GROUP_FOR_BAR_VALUES),
                                 show_turnover_value=slot >= px(MIN_GROUP_FOR_TURNOVER_VALUE))
        _draw_marks(pen, period, marks, value_font, bold_value)
    _axis_labels(pen, axis, QRectF(plot.left(), plot.bottom() + px(2), plot.width(), line * 2), label_font)
    painter.restore()


class _TimeAxis:
    """Maps the time axis (slots of the chart's kind of period) onto the plot's width."""

    def __init__(self, chart: TradeChart, plot: QRectF) -> None:
        self.chart, self.plot = chart, plot
        self.timed = all(p.start is not None and p.end is not None for p in chart.periods) and bool(chart.periods)
        if self.timed:
            spans = [time_span(Period(p.start, p.end), chart.group) for p in chart.periods]  # type: ignore[arg-type]
            self.first = math.floor(min(a for a, _b in spans) + 1e-9)
            self.last = max(self.first + 1, math.ceil(max(b for _a, b in spans) - 1e-9))
            self.spans = spans
        else:  # periods without dates: one slot each, in order
            self.first, self.last = 0, max(len(chart.periods), 1)
            self.spans = [(i, i + 1) for i in range(len(chart.periods))]
        self.slot_width = plot.width() / (self.last - self.first)

    def x(self, position: float) -> float:
        return self.plot.left() + (position - self.first) * self.slot_width

    def span(self, index: int) -> tuple[float, float]:
        """Left and right of the ``index``-th period, in pixels."""
        start, end = self.spans[index]
        return self.x(start), self.x(end)

    def labels(self) -> list[tuple[float, float, str, bool, bool]]:
        """(left, right, text, present, partial) under each slot: a period's own label where one
        starts, the slot's name in grey where none was recorded."""
        present: dict[int, ChartPeriod] = {}
        for period, (start, _end) in zip(self.chart.periods, self.spans, strict=True):
            present.setdefault(math.floor(start + 1e-9), period)
        result = []
        for slot in range(self.first, self.last):
            period = present.get(slot)
            if period is not None:
                result.append((self.x(slot), self.x(slot + 1), period.label, True, period.partial))
            elif self.timed and self.chart.group in ("years", "quarters", "months"):
                result.append((self.x(slot), self.x(slot + 1), slot_label(slot, self.chart.group), False, False))
        return result


def _axis_labels(pen: _Pen, axis: _TimeAxis, band: QRectF, font: QFont) -> None:
    """Slot labels under the axis, every n-th when they would collide (always the latest)."""
    labels = axis.labels()
    if not labels:
        return
    metrics = pen.metrics(font)
    widest = max(metrics.horizontalAdvance(text) for _l, _r, text, _p, _q in labels) + pen.px(4)
    step = max(1, math.ceil(widest / max(axis.slot_width, 1e-9)))
    shown = set(range(len(labels) - 1, -1, -step))
    for index, (left, right, text, present, partial) in enumerate(labels):
        if index not in shown:
            continue
        box = QRectF(left - (step - 1) * axis.slot_width / 2, band.top(), right - left + (step - 1) * axis.slot_width,
                     band.height())
        _period_label(pen, text, partial, box, font, TEXT if present else MUTED)


def _period_label(pen: _Pen, label: str, partial: bool, box: QRectF, font: QFont, colour: QColor) -> None:
    """"Jan–May 2025" under its slot, on two lines when narrow; "part of a year" below it
    when there is room (the hatching and the legend say it otherwise)."""
    metrics = pen.metrics(font)
    lines = [label]
    if metrics.horizontalAdvance(label) > box.width() * 0.95 and " " in label:
        lines = label.rsplit(" ", 1)
    note = _("part of a year")
    if partial and len(lines) == 1 and metrics.horizontalAdvance(note) <= box.width() * 0.95:
        lines.append(note)
    top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    for number, text in enumerate(lines):
        row = QRectF(box.left(), box.top() + number * metrics.height(), box.width(), metrics.height())
        pen.text(row, top, text, font, MUTED if text == note and number else colour)


def _draw_marks(pen: _Pen, period: ChartPeriod, marks: chart_marks.PeriodMarks, value_font: QFont,
                bold_value: QFont) -> None:
    px = pen.px
    for flow, shape in marks.bars:
        _bar(pen, shape, EXPORTS if flow == "exports" else IMPORTS, period.partial)
    if marks.diamond is not None and marks.line is not None:
        left, right, y = marks.line
        pen.painter.setPen(QPen(TURNOVER, px(0.9)))
        pen.painter.drawLine(QPointF(left, y), QPointF(right, y))
        pen.painter.setBrush(TURNOVER)
        pen.painter.drawPolygon(_diamond(marks.diamond, marks.diamond_size))
        pen.painter.setBrush(Qt.BrushStyle.NoBrush)
    centred = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    for label in marks.labels:
        colour = QColor("#ffffff") if label.inside and not period.partial else TEXT
        pen.text(label.rect, centred, label.text, bold_value if label.bold else value_font, colour)


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
