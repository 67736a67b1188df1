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
from db.read.trade import slot_label

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
    """The time axis: a label under each period drawn, and the slot's name under each year,
    quarter or month with no figure (an empty slot), thinned so that labels never overlap."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.labels: list[str] = []  # the periods drawn, oldest first
        self.positions: list[float] = []  # where each is centred on the time axis
        self.group: str | None = None
        self.setStyle(tickFont=QApplication.font())

    def set_labels(self, labels: list[str], positions: list[float] | None = None, group: str | None = None) -> None:
        self.labels = labels
        self.positions = positions if positions is not None else [float(i) for i in range(len(labels))]
        self.group = group
        self.picture = None
        self.update()

    def ticks(self, low: float, high: float) -> list[tuple[float, str]]:
        """(position, label) of every period drawn, and of every empty slot, between low and high."""
        ticks = [(x, label) for x, label in zip(self.positions, self.labels, strict=True) if low <= x <= high]
        if self.group in ("years", "quarters", "months") and self.positions:
            taken = {math.floor(x) for x in self.positions}
            first, last = math.floor(min(self.positions)), math.floor(max(self.positions))
            for slot in range(max(first, math.ceil(low - 0.5)), min(last, math.floor(high - 0.5)) + 1):
                if slot not in taken:
                    ticks.append((slot + 0.5, slot_label(slot, self.group)))
        return sorted(ticks)

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803 (pyqtgraph's names)
        ticks = self.ticks(minVal, maxVal)
        if not ticks or size <= 0:
            return []
        metrics = QFontMetricsF(self.style["tickFont"] or QApplication.font())
        widest = max(metrics.horizontalAdvance(label) for _x, label in ticks) + 14
        per_unit = size / max(maxVal - minVal, 1e-9)
        gaps = [b[0] - a[0] for a, b in zip(ticks, ticks[1:], strict=False)] or [1.0]
        step = max(1, math.ceil(widest / (max(min(gaps), 1e-9) * per_unit)))
        # The latest period always keeps its label.
        return [(float(step), [x for x, _label in ticks[::-1][::step]][::-1])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        known = dict(self.ticks(min(values, default=0) - 1, max(values, default=0) + 1))
        return [known.get(v, "") for v in values]


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
