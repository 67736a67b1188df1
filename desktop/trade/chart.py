"""The Trade tab's chart, drawn with pyqtgraph: exports and imports as grouped bars per period,
turnover as markers on a line, or the balance (exports − imports) as bars about zero.

This module imports pyqtgraph, which takes a noticeable moment to load, so it is itself
imported only when the Trade tab is first shown. Everything it draws comes from a
``db.read.trade.TradeSeries`` aggregated in SQL; the chart keeps no rows of its own.
``TradeChart`` is the widget and what a person does with it; what a series puts on the
plot is drawn by ``marks``, with the axes, colours and legend samples of ``plot_items``.

How the chart reads:

- A time axis of the one kind of period drawn (years, quarters or months): each period at its
  own place, labelled as people read it ("2024", "Q1 2025", "Jan–May 2025"), and a year,
  quarter or month with no figure left as an empty slot under its own name. When labels would
  collide, only every n-th is shown (always the latest); zooming in brings the others back.
  The vertical axis is titled with the unit.
- Numbers over bars never touch the turnover marker: a number that would is written above
  the marker and turnover's own number instead.
- A partial period (part of a year) is drawn lighter and hatched, its turnover marker
  hollow, and the legend says what hatching means.
- Above a group, turnover's change on the same span one year earlier ("+12.3%"): only
  between periods of the same span, never a partial year against a whole one; shown
  where there is room for it.
- Where records disagree, a thin range bar spans the lowest to the highest value; the bar
  shows the first record's value and the data-quality finding explains the rest.
- Hovering a bar or marker shows value, unit, period and source; clicking it emits
  ``indicator_clicked`` with the record's id. The mouse pans (drag) and zooms (wheel);
  ``reset_view`` shows everything again; ``image`` gives the picture to copy or export.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QVBoxLayout, QWidget

from db.model.formatting import format_unit
from db.model.i18n import _
from db.read.trade import TradeSeries
from desktop.common.rich_text import esc, shown, tooltip_html
from desktop.trade.marks import Annotation, Bar, SeriesMarks, place_labels, value_range
from desktop.trade.plot_items import (
    MARKER_SIZE,
    ChartColours,
    PeriodAxis,
    Swatch,
    ValueAxis,
    chart_colours,
)

MIN_HIT_PIXELS = 6  # a bar shorter than this is still easy to point at
MIN_SLOTS = 4  # fewer periods than this are drawn at this many periods' width


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
        positions = self.axis_x.positions or [0.0]
        first, last = positions[0], positions[-1]
        periods = last - first + 1  # slots from the first period to the last, gaps included
        metrics = QFontMetricsF(QApplication.font())
        labels = self.axis_x.labels or [""]
        half_first = metrics.horizontalAdvance(labels[0]) / 2 + 6
        half_last = metrics.horizontalAdvance(labels[-1]) / 2 + 6
        width, height = box.width(), box.height()
        per_unit = width / (max(periods, MIN_SLOTS) + 0.2) if width > 0 else 80.0
        left, right = max(0.6, half_first / per_unit), max(0.6, half_last / per_unit)
        spare = max(0.0, (MIN_SLOTS - periods) / 2)  # a lone period is not drawn a third of a metre wide
        left, right = left + spare, right + spare
        low, high = value_range(self.bars, self.series, self.mode)
        span = (high - low) or 1.0
        above = 2 * metrics.height() + MARKER_SIZE + 8 if self.mode == "flows" else metrics.height() + 8
        below = metrics.height() + 8 if low < 0 else metrics.height() / 2 + 2  # room for a number, or "0"
        usable = height - above - below
        if usable > 20:
            per_pixel = span / usable
            top, bottom = high + above * per_pixel, low - below * per_pixel
        else:
            top, bottom = high + span * 0.25, low - span * 0.05
        box.setRange(xRange=(first - left, last + right), yRange=(bottom, top), padding=0)
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
        self.bars, self._labels, self._notes = [], [], {}
        series = self.series
        if series is None:
            self.axis_x.set_labels([])
            return
        marks = SeriesMarks(self.plot, self.legend, series, colours)
        self.bars, self._labels = marks.bars, marks.labels  # filled as they are drawn
        self.axis_x.set_labels([p.label for p in series.periods], marks.centres, series.group)
        self.axis_y.setLabel(esc(format_unit(series.unit)))
        self.title_label.setText(shown(self._title))
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(colours.muted, width=1)))
        marks.draw(self.mode)
        notes = [self._note] if self._note else []
        published_in = series.published_in()
        if published_in:
            notes.insert(0, _("Some figures were published in {units}; they are drawn in {unit}, and each one's "
                              "tooltip gives it as published.").format(
                units=", ".join(format_unit(u) for u in published_in), unit=format_unit(series.unit)))
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

    def _place_labels(self) -> None:
        """Numbers over bars and changes over groups, where they fit at the present zoom."""
        if self.series is not None:
            place_labels(self.plot, self._labels, self._colours.text)

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
