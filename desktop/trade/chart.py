"""The Trade tab's chart, drawn with pyqtgraph: exports and imports as grouped bars per period,
turnover as markers on a line, or the balance (exports − imports) as bars about zero.

This module imports pyqtgraph, which takes a noticeable moment to load, so it is itself
imported only when the Trade tab is first shown. Everything it draws comes from a
``db.read.trade.TradeSeries`` aggregated in SQL; the chart keeps no rows of its own.

How the chart reads:

- One slot per period on the horizontal axis, labelled as people read it ("2024", "Q1 2025",
  "Jan–May 2025"). When labels would collide, only every n-th is shown (always the latest);
  zooming in brings the others back. The vertical axis is titled with the unit.
- A partial period (part of a year) is drawn lighter and hatched, its turnover marker
  hollow, and the legend says what hatching means.
- Above a group, turnover's change on the same span one year earlier ("+12.3%"): only
  between periods of the same span, never a partial year against a whole one; shown
  where there is room for it.
- Where records disagree, a thin range bar spans the lowest to the highest value; the bar
  shows the first record's value and the data-quality finding explains the rest.
- Colours are Okabe–Ito, chosen to stay distinct for colour-blind readers, with lighter
  variants on dark palettes; text, axes and background follow the application palette.
- Hovering a bar or marker shows value, unit, period and source; clicking it emits
  ``indicator_clicked`` with the record's id. The mouse pans (drag) and zooms (wheel);
  ``reset_view`` shows everything again.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QVBoxLayout, QWidget

from db.model.formatting import format_number, format_quantity
from db.model.i18n import _
from db.model.records import indicator_label
from db.read.trade import Flow, TradePeriod, TradeSeries
from desktop.common.rich_text import esc, shown, tooltip_html

BAR_WIDTH = 0.38  # two bars side by side fill 0.78 of a period's slot
PARTIAL_ALPHA = 110  # of 255: how light a partial period's bars are
MIN_HIT_PIXELS = 6  # a bar shorter than this is still easy to point at
MARKER_SIZE = 11
MIN_SLOTS = 4  # fewer periods than this are drawn at this many periods' width


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


@dataclass
class Annotation:
    """A number written on the chart: a bar's value, or a change above a period's group.

    Its text item is made only once it first fits on screen: a chart of two hundred months
    shows none of them until zoomed in, and should not pay for them.
    """

    text: str
    x: float
    width: float  # in periods: shown only when the text fits in this much room
    value: float  # the bar's or marker's value; for a change, the tallest bar of its group
    kind: str = "number"  # "number" above a bar, "turnover" beside its marker, "change" above a group
    marker: float = 0.0  # for a change: the turnover marker it sits above
    numbers: tuple[str, ...] = ()  # for a change: the numbers written over its group's bars
    item: pg.TextItem | None = None

    @property
    def change(self) -> bool:
        return self.kind == "change"


@dataclass(frozen=True)
class Bar:
    """One drawn bar or marker: what it shows and where, for hover, click and tests."""

    flow: str  # "exports", "imports", "turnover" or "balance"
    period: TradePeriod
    x0: float
    x1: float
    value: float
    indicator_id: int | None
    tooltip: str
    partial: bool  # drawn hatched

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


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


def _light(colour: QColor) -> QColor:
    light = QColor(colour)
    light.setAlpha(PARTIAL_ALPHA)
    return light


def _flow_label(flow: str) -> str:
    return _("Balance") if flow == "balance" else indicator_label(flow)


class TradeChart(QWidget):
    """One pair's trade in one unit and one kind of period (see ``show_series``)."""

    indicator_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False  # palette changes arrive while the widgets are being made
        self.series: TradeSeries | None = None
        self.mode = "flows"
        self.bars: list[Bar] = []
        self.hover_text = ""
        self._title = self._note = ""
        self._labels: list[Annotation] = []
        self._ranges: list[tuple[float, float, float]] = []  # (x, low, high) where records disagree
        self._colours = chart_colours(self.palette())
        # Data-quality sentences about a record, for tooltips (set by the owner; asked on hover).
        self.finding_notes: Callable[[int], list[str]] | None = None
        self._notes: dict[int, list[str]] = {}

        # Title and notes are Qt labels, which wrap to the width available; inside the
        # graphics scene they would set the chart's minimum width and push it off screen.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # party names are user text
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.note_label = QLabel(self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)  # source titles are user text
        self.note_label.setWordWrap(True)
        font = self.note_label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.note_label.setFont(font)
        for label in (self.title_label, self.note_label):
            label.setForegroundRole(QPalette.ColorRole.Text)
            label.setContentsMargins(8, 4, 8, 4)

        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setAccessibleName(_("Trade chart"))
        self.view.ci.setContentsMargins(6, 0, 12, 0)
        self.legend = pg.LegendItem(colCount=6, frame=False, labelTextSize=f"{QApplication.font().pointSizeF():g}pt")
        self.view.addItem(self.legend, row=0, col=0)
        self.axis_x, self.axis_y = PeriodAxis(), ValueAxis()
        self.plot = self.view.addPlot(row=1, col=0, axisItems={"bottom": self.axis_x, "left": self.axis_y})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.18)
        box = self.plot.getViewBox()
        self._automatic_range = True  # until the user zooms or pans, the range follows the size
        box.sigRangeChanged.connect(lambda *_args: self._place_labels())
        box.sigResized.connect(lambda *_args: self._fit_range() if self._automatic_range else self._place_labels())
        box.sigRangeChangedManually.connect(lambda *_args: setattr(self, "_automatic_range", False))

        scene = self.view.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note_label)
        self._built = True

    # -- what is shown ------------------------------------------------------------------------
    def show_series(self, series: TradeSeries, *, title: str = "", note: str = "") -> None:
        """Draw ``series`` (one unit, one kind of period) and show all of it."""
        self.series, self._title, self._note = series, title, note
        self._draw()
        self.reset_view()

    def set_mode(self, mode: str) -> None:
        """"flows" (exports, imports, turnover) or "balance" (exports − imports)."""
        if mode != self.mode:
            self.mode = mode
            self._draw()
            self.reset_view()

    def reset_view(self) -> None:
        """Show every period and the whole range of values, as first drawn."""
        self._automatic_range = True
        self._fit_range()

    def _fit_range(self) -> None:
        """Every period and value, with room in pixels for the first and last period labels and
        for the numbers written above the bars; kept as the chart is resized until the user
        zooms or pans."""
        box = self.plot.getViewBox()
        periods = len(self.series.periods) if self.series else 1
        metrics = QFontMetricsF(QApplication.font())
        labels = self.axis_x.labels or [""]
        half_first = metrics.horizontalAdvance(labels[0]) / 2 + 6
        half_last = metrics.horizontalAdvance(labels[-1]) / 2 + 6
        width, height = box.width(), box.height()
        per_unit = width / (max(periods, MIN_SLOTS) + 0.2) if width > 0 else 80.0
        left, right = max(0.6, half_first / per_unit), max(0.6, half_last / per_unit)
        spare = max(0.0, (MIN_SLOTS - periods) / 2)  # a lone period is not drawn a third of a metre wide
        left, right = left + spare, right + spare
        low, high = self._value_range()
        span = (high - low) or 1.0
        above = 2 * metrics.height() + MARKER_SIZE + 8 if self.mode == "flows" else metrics.height() + 8
        below = metrics.height() + 8 if low < 0 else metrics.height() / 2 + 2  # room for a number, or "0"
        usable = height - above - below
        if usable > 20:
            per_pixel = span / usable
            top, bottom = high + above * per_pixel, low - below * per_pixel
        else:
            top, bottom = high + span * 0.25, low - span * 0.05
        box.setRange(xRange=(-left, periods - 1 + right), yRange=(bottom, top), padding=0)
        self._place_labels()

    def image(self, scale: float = 2.0) -> QImage:
        """The chart as a picture (title, legend and source note included) at ``scale``× size."""
        image = QImage(int(self.width() * scale), int(self.height() * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self._colours.background)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QPoint(0, 0))
        painter.end()
        return image

    def bar_at_scene(self, position: QPointF) -> Bar | None:
        """The bar or marker drawn at a scene position, if any."""
        box = self.plot.getViewBox()
        if not box.sceneBoundingRect().contains(position):
            return None
        point = box.mapSceneToView(position)
        pixel = box.viewPixelSize()  # data units per pixel (x, y)
        for bar in self.bars:
            if bar.flow == "turnover":
                centre = box.mapViewToScene(QPointF(bar.centre, bar.value))
                if (centre - position).manhattanLength() <= MARKER_SIZE:
                    return bar
        for bar in self.bars:
            if bar.flow == "turnover" or not bar.x0 <= point.x() <= bar.x1:
                continue
            low, high = sorted((0.0, bar.value))
            slack = MIN_HIT_PIXELS * pixel[1]
            if low - slack <= point.y() <= max(high, low + slack):
                return bar
        return None

    def scene_point(self, bar: Bar) -> QPointF:
        """Where a bar's middle (a marker's centre) is drawn, in scene coordinates."""
        y = bar.value if bar.flow == "turnover" else bar.value / 2
        return self.plot.getViewBox().mapViewToScene(QPointF(bar.centre, y))

    # -- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        colours = self._colours = chart_colours(self.palette())
        self._apply_colours(colours)
        self.plot.clear()
        self.legend.clear()
        self.bars, self._labels, self._ranges, self._notes = [], [], [], {}
        series = self.series
        if series is None:
            self.axis_x.set_labels([])
            return
        self.axis_x.set_labels([p.label for p in series.periods])
        self.axis_y.setLabel(esc(series.unit))
        self.title_label.setText(shown(self._title))
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(colours.muted, width=1)))
        if self.mode == "flows":
            self._draw_flows(series, colours)
            self._draw_ranges(colours)
        else:
            self._draw_balance(series, colours)
        notes = [self._note] if self._note else []
        if any(label.change for label in self._labels):
            notes.insert(0, _("Percentages: change in turnover on the same span one year earlier "
                              "(Jan–May against Jan–May)."))
        self.note_label.setText(shown("\n".join(notes)))
        self.note_label.setVisible(bool(notes))
        self._fit_legend()
        if any(series.is_partial(p) for p in series.periods):
            self.legend.addItem(Swatch(QBrush(colours.text, Qt.BrushStyle.BDiagPattern), QPen(colours.text, 1)),
                                _("Part of a year (hatched)"))

    def _fit_legend(self) -> None:
        """As many legend entries side by side as the width allows, so it never widens the chart."""
        entries = [sample.width() + label.boundingRect().width() + 24 for sample, label in self.legend.items]
        if not entries:
            return
        room = max(self.view.width() - 40, 100)
        columns = len(entries)
        while columns > 1 and sum(sorted(entries, reverse=True)[:columns]) > room:
            columns -= 1
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_legend()

    def _apply_colours(self, colours: ChartColours) -> None:
        self.view.setBackground(colours.background)
        for axis in (self.axis_x, self.axis_y):
            axis.setPen(colours.muted)
            axis.setTextPen(colours.text)
        self.legend.setLabelTextColor(colours.text)

    def _bars(self, xs: list[float], values: list[float], partial: list[bool], colours: list[QColor],
              width: float = BAR_WIDTH) -> None:
        """Bars centred on ``xs``: solid for whole periods, lighter and hatched for partial ones."""
        if not xs:
            return
        brushes = [QBrush(_light(c) if p else c) for c, p in zip(colours, partial, strict=True)]
        pens = [pg.mkPen(c, width=1.2) if p else pg.mkPen(None) for c, p in zip(colours, partial, strict=True)]
        self.plot.addItem(pg.BarGraphItem(x=xs, height=values, width=width, brushes=brushes, pens=pens))
        hatched = [i for i, p in enumerate(partial) if p]
        if hatched:
            self.plot.addItem(pg.BarGraphItem(
                x=[xs[i] for i in hatched], height=[values[i] for i in hatched], width=width,
                brushes=[QBrush(colours[i], Qt.BrushStyle.BDiagPattern) for i in hatched],
                pens=[pg.mkPen(None)] * len(hatched)))

    def _draw_flows(self, series: TradeSeries, colours: ChartColours) -> None:
        for flow, offset, colour in (("exports", -0.2, colours.exports), ("imports", 0.2, colours.imports)):
            xs, values, partial = [], [], []
            for index, period in enumerate(series.periods):
                found = period.flow(flow)
                if found is None:
                    continue
                xs.append(index + offset)
                values.append(found.value)
                partial.append(series.is_partial(period))
                self.bars.append(Bar(flow, period, index + offset - BAR_WIDTH / 2, index + offset + BAR_WIDTH / 2,
                                     found.value, found.indicator_id, self._tooltip(series, period, flow, found),
                                     series.is_partial(period)))
                self._label(format_number(found.value), index + offset, BAR_WIDTH, found.value)
                self._range_bar(index + offset, found)
            self._bars(xs, values, partial, [colour] * len(xs))
            if xs:
                self.legend.addItem(Swatch(QBrush(colour)), indicator_label(flow))
        self._draw_turnover(series, colours)

    def _draw_turnover(self, series: TradeSeries, colours: ChartColours) -> None:
        xs, values, brushes = [], [], []
        for index, period in enumerate(series.periods):
            turnover = period.turnover
            if turnover is None:
                continue
            xs.append(float(index))
            values.append(turnover.value)
            brushes.append(QBrush(colours.background if series.is_partial(period) else colours.turnover))
            self.bars.append(Bar("turnover", period, index - 0.1, index + 0.1, turnover.value, turnover.indicator_id,
                                 self._tooltip(series, period, "turnover", turnover), series.is_partial(period)))
            self._range_bar(float(index), turnover)
            # Beside its marker, only where a period is wide enough to leave the line readable.
            self._label(format_number(turnover.value), float(index), 0.3, turnover.value, "turnover")
            change = series.change(period, "turnover")
            if change is not None:
                self._change_label(change.label, index, turnover.value)
        if not xs:
            return
        line = pg.mkPen(colours.turnover, width=1.6, style=Qt.PenStyle.DashLine)
        pen = pg.mkPen(colours.turnover, width=1.6)
        # The line joins whole periods only: a partial period's marker stands alone.
        whole = [(x, v) for x, v in zip(xs, values, strict=True)
                 if not series.is_partial(series.periods[int(x)])]
        if len(whole) > 1:
            self.plot.addItem(pg.PlotDataItem([x for x, _v in whole], [v for _x, v in whole], pen=line))
        self.plot.addItem(pg.ScatterPlotItem(xs, values, symbol="d", size=MARKER_SIZE, pen=pen, brush=brushes))
        self.legend.addItem(Swatch(QBrush(colours.turnover), pen, "d", line), indicator_label("turnover"))

    def _draw_balance(self, series: TradeSeries, colours: ChartColours) -> None:
        xs, values, partial, each = [], [], [], []
        for index, period in enumerate(series.periods):
            balance = period.balance
            if balance is None:
                continue
            xs.append(float(index))
            values.append(balance)
            partial.append(series.is_partial(period))
            each.append(colours.surplus if balance >= 0 else colours.deficit)
            self.bars.append(Bar("balance", period, index - 0.3, index + 0.3, balance, None,
                                 self._balance_tooltip(series, period, balance), series.is_partial(period)))
            self._label(format_number(balance), float(index), 0.6, balance)
        self._bars(xs, values, partial, each, width=0.6)
        if any(v >= 0 for v in values):
            self.legend.addItem(Swatch(QBrush(colours.surplus)), _("Surplus (exports above imports)"))
        if any(v < 0 for v in values):
            self.legend.addItem(Swatch(QBrush(colours.deficit)), _("Deficit (imports above exports)"))

    def _range_bar(self, x: float, flow: Flow) -> None:
        if flow.disputed:
            self._ranges.append((x, flow.low, flow.high))

    def _draw_ranges(self, colours: ChartColours) -> None:
        """One item for every range where records disagree (lowest to highest value)."""
        if self._ranges:
            x, low, high = (np.array(values, dtype=float) for values in zip(*self._ranges, strict=True))
            self.plot.addItem(pg.ErrorBarItem(x=x, y=low, top=high - low, bottom=np.zeros(len(x)), beam=0.12,
                                              pen=pg.mkPen(colours.text, width=1.5)))
            self.legend.addItem(Swatch(QBrush(Qt.BrushStyle.NoBrush), line=pg.mkPen(colours.text, width=1.5)),
                                _("Sources disagree (range)"))

    def _value_range(self) -> tuple[float, float]:
        values = [0.0]
        for bar in self.bars:
            values.append(bar.value)
        if self.series is not None and self.mode == "flows":
            for period in self.series.periods:
                values.extend(f.high for f in (period.exports, period.imports, period.turnover) if f)
        return min(values), max(values)

    def _label(self, text: str, x: float, width: float, value: float, kind: str = "number") -> None:
        """A number to write above a bar (below a negative one) or beside a marker, when there is room."""
        self._labels.append(Annotation(text, x, width, value, kind))

    def _change_label(self, text: str, index: int, marker: float) -> None:
        """A change to write above a period's group, over its numbers and turnover marker."""
        group = [b for b in self.bars if b.flow != "turnover" and abs(b.centre - index) < 0.5]
        self._labels.append(Annotation(text, float(index), 1.0, max([b.value for b in group] + [0.0]), "change",
                                       marker, tuple(format_number(b.value) for b in group)))

    def _place_labels(self) -> None:
        """Place numbers over bars and changes over groups, each shown only where it fits."""
        if not self._labels or self.series is None:
            return
        box = self.plot.getViewBox()
        (x_low, x_high), _y = box.viewRange()
        per_unit = box.width() / max(x_high - x_low, 1e-9)
        pixel_y = box.viewPixelSize()[1]
        metrics = QFontMetricsF(QApplication.font())
        widths: dict[str, float] = {}

        def fits(text: str, room: float) -> bool:
            if text not in widths:
                widths[text] = metrics.horizontalAdvance(text) + 4
            return widths[text] <= room * per_unit

        # Numbers are shown on every bar or on none, and so are changes: a few numbers here and
        # there would read as if the others were missing.
        showing = {kind: all(fits(label.text, label.width) for label in self._labels if label.kind == kind)
                   for kind in ("number", "turnover", "change")}
        for label in self._labels:
            if not showing[label.kind]:
                if label.item is not None and label.item.isVisible():
                    label.item.setVisible(False)
                continue
            if label.item is None:
                label.item = pg.TextItem(label.text, color=self._colours.text, anchor=(0.5, 1.0))
                if label.kind == "change":
                    font = label.item.textItem.font()
                    font.setBold(True)
                    label.item.setFont(font)
                self.plot.addItem(label.item)
            elif not label.item.isVisible():
                label.item.setVisible(True)
            if label.change:
                numbers_shown = bool(label.numbers) and showing["number"]
                bars_top = max(label.value, 0.0) + (metrics.height() * pixel_y if numbers_shown else 0.0)
                marker_top = label.marker + (MARKER_SIZE / 2 + 2) * pixel_y
                label.item.setPos(label.x, max(bars_top, marker_top) + 2 * pixel_y)
            elif label.kind == "turnover":
                label.item.setAnchor((0.0, 0.5))
                label.item.setPos(label.x + (MARKER_SIZE / 2 + 3) / per_unit, label.value)
            else:
                label.item.setAnchor((0.5, 1.0) if label.value >= 0 else (0.5, 0.0))
                label.item.setPos(label.x, label.value)

    # -- words ------------------------------------------------------------------------------------
    def _tooltip(self, series: TradeSeries, period: TradePeriod, flow: str, found: Flow) -> str:
        lines = [f"{_flow_label(flow)} · {self._period_text(period)}",
                 format_quantity(found.value, series.unit)]
        if found.disputed:
            lines.append(_("Sources disagree: {low} to {high} in {n} records (see Data quality).").format(
                low=format_number(found.low), high=format_number(found.high), n=found.records))
        change = series.change(period, flow)
        if change is not None:
            lines.append(change.describe())
        lines.append(_("Source: {sources}").format(sources=found.sources or _("none recorded")))
        lines.append(_("Click to select it in the table."))
        return "\n".join(lines)

    def _balance_tooltip(self, series: TradeSeries, period: TradePeriod, balance: float) -> str:
        assert period.exports is not None and period.imports is not None
        return "\n".join([
            f"{_flow_label('balance')} · {self._period_text(period)}",
            format_quantity(balance, series.unit),
            _("Exports {exports} − imports {imports}").format(
                exports=format_number(period.exports.value), imports=format_number(period.imports.value)),
            _("Source: {sources}").format(sources=period.exports.sources or _("none recorded"))])

    def _period_text(self, period: TradePeriod) -> str:
        if self.series is not None and self.series.is_partial(period):
            return _("{period} (part of the year)").format(period=period.label)
        return period.label

    # -- the mouse ----------------------------------------------------------------------------------
    def _hover(self, position: QPointF) -> None:
        bar = self.bar_at_scene(position)
        text = self._hover_text(bar) if bar else ""
        if text == self.hover_text:
            return
        self.hover_text = text
        if bar is None:
            self.view.unsetCursor()
            QToolTip.hideText()
            return
        self.view.setCursor(Qt.CursorShape.PointingHandCursor if bar.indicator_id else Qt.CursorShape.ArrowCursor)
        global_pos = self.view.mapToGlobal(self.view.mapFromScene(position))
        QToolTip.showText(global_pos, tooltip_html(text), self.view)

    def _hover_text(self, bar: Bar) -> str:
        """The bar's tooltip, with the data-quality findings about its record (asked once per drawing)."""
        if bar.indicator_id is None or self.finding_notes is None:
            return bar.tooltip
        if bar.indicator_id not in self._notes:
            self._notes[bar.indicator_id] = self.finding_notes(bar.indicator_id)
        lines = bar.tooltip.split("\n")
        return "\n".join(lines[:-1] + [f"⚠ {note}" for note in self._notes[bar.indicator_id]] + lines[-1:])

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        bar = self.bar_at_scene(event.scenePos())
        if bar is not None and bar.indicator_id is not None:
            self.indicator_clicked.emit(bar.indicator_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self._built:
            self._draw()
            self._place_labels()
        super().changeEvent(event)
