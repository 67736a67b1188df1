"""The pieces the Trade chart is drawn with in pyqtgraph: its colours, its two axes and the
legend's samples.

Colours are Okabe–Ito, chosen to stay distinct for colour-blind readers, with lighter
variants on dark palettes; text, axes and background follow the application palette. The
period axis thins its labels so that they never overlap, always keeping the latest period.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication

from db.model.formatting import format_number

MARKER_SIZE = 11


@dataclass(frozen=True)
class ChartColours:
    exports: QColor
    imports: QColor
    turnover: QColor
    surplus: QColor
    deficit: QColor
    text: QColor
    muted: QColor
    background: QColor


def chart_colours(palette: QPalette) -> ChartColours:
    """Okabe–Ito colours readable on this palette (lighter blue on dark backgrounds)."""
    background = palette.color(QPalette.ColorRole.Base)
    dark = background.lightness() < 128
    text = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text)
    muted.setAlpha(90)
    return ChartColours(
        exports=QColor("#56B4E9" if dark else "#0072B2"),  # sky blue / blue
        imports=QColor("#E69F00"),  # orange
        turnover=QColor(text),  # the strongest contrast; shape sets it apart
        surplus=QColor("#009E73"),  # bluish green
        deficit=QColor("#D55E00"),  # vermillion
        text=text, muted=muted, background=background)


class PeriodAxis(pg.AxisItem):
    """The period axis: one label per slot, thinned so that labels never overlap."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.labels: list[str] = []
        self.setStyle(tickFont=QApplication.font())

    def set_labels(self, labels: list[str]) -> None:
        self.labels = labels
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803 (pyqtgraph's names)
        first, last = max(0, math.ceil(minVal)), min(len(self.labels) - 1, math.floor(maxVal))
        if last < first or size <= 0:
            return []
        metrics = QFontMetricsF(self.style["tickFont"] or QApplication.font())
        widest = max(metrics.horizontalAdvance(label) for label in self.labels[first:last + 1]) + 14
        per_slot = size / max(maxVal - minVal, 1e-9)
        step = max(1, math.ceil(widest / per_slot))
        return [(float(step), sorted(range(last, first - 1, -step)))]  # the latest period always labelled

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return [self.labels[int(round(v))] if 0 <= round(v) < len(self.labels) else "" for v in values]


class ValueAxis(pg.AxisItem):
    """The value axis, its numbers formatted like every other number in the app."""

    def __init__(self) -> None:
        super().__init__("left")
        self.enableAutoSIPrefix(False)
        self.setStyle(tickFont=QApplication.font())

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        decimals = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 0
        return [format_number(round(v, decimals) + 0.0) for v in values]


class Swatch(pg.ItemSample):
    """A legend sample drawn from a brush and pen (bars) or a marker, not from a plot item."""

    def __init__(self, brush: QBrush, pen: QPen | None = None, symbol: str | None = None,
                 line: QPen | None = None) -> None:
        pg.GraphicsWidget.__init__(self)
        self.item = None
        self.setFixedWidth(22)
        self.setFixedHeight(20)
        self._brush, self._pen, self._symbol, self._line = brush, pen, symbol, line

    def paint(self, painter, *args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._line is not None:
            painter.setPen(self._line)
            painter.drawLine(QPointF(1, 10), QPointF(21, 10))
        painter.setPen(self._pen or Qt.PenStyle.NoPen)
        painter.setBrush(self._brush)
        if self._symbol is None:
            painter.drawRect(QRectF(3, 3, 16, 14))
        else:
            painter.translate(11, 10)
            pg.graphicsItems.ScatterPlotItem.drawSymbol(painter, self._symbol, MARKER_SIZE, self._pen, self._brush)

    def mouseClickEvent(self, event) -> None:  # noqa: N802 (pyqtgraph's name)
        event.ignore()  # clicking a sample must not hide a series
