"""What one drawing of a trade series puts on the chart: bars, markers, range bars, the
numbers written on them, and the words shown on hover.

Everything is taken from a ``db.read.trade.TradeSeries`` aggregated in SQL. Periods lie on a
time axis measured in slots of the kind drawn (``db.read.trade.time_span``: a year, a quarter
or a month is one unit), each drawn at its own centre, so a missing period leaves a gap.
Exports and imports are grouped bars per period, turnover markers on a line that joins whole
periods only, the balance bars about zero. A partial period (part of a year) is drawn lighter and
hatched. Each drawn bar or marker is kept as a ``Bar`` (where it is, what it shows) for the
chart's hover and click; each number as an ``Annotation``, placed by ``place_labels`` only
where it fits at the current zoom: on every bar of its kind or on none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from db.model.formatting import format_number, format_quantity
from db.model.i18n import _
from db.model.records import indicator_label
from db.read.scales import shown_quantity
from db.read.trade import Flow, TradePeriod, TradeSeries, time_span
from desktop.trade.plot_items import MARKER_SIZE, ChartColours, Swatch

BAR_WIDTH = 0.38  # two bars side by side fill 0.78 of a period's slot
PARTIAL_ALPHA = 110  # of 255: how light a partial period's bars are


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
    beside: float | None = None  # for a bar's number: its period's turnover marker, which it must not touch
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


def _light(colour: QColor) -> QColor:
    light = QColor(colour)
    light.setAlpha(PARTIAL_ALPHA)
    return light


def _flow_label(flow: str) -> str:
    return _("Balance") if flow == "balance" else indicator_label(flow)


def centres(series: TradeSeries) -> list[float]:
    """Where each period of the series is centred on the time axis."""
    return [sum(time_span(p.period, series.group)) / 2 for p in series.periods]


class SeriesMarks:
    """The bars, markers and numbers of one drawing of ``series``, added to ``plot`` and ``legend``.

    ``bars`` and ``labels`` fill as the series is drawn; the chart keeps them for hover, click
    and placing the numbers as the view changes.
    """

    def __init__(self, plot, legend, series: TradeSeries, colours: ChartColours) -> None:
        self.plot, self.legend, self.series, self.colours = plot, legend, series, colours
        self.bars: list[Bar] = []
        self.labels: list[Annotation] = []
        self._ranges: list[tuple[float, float, float]] = []  # (x, low, high) where records disagree
        self.centres = centres(series)

    def draw(self, mode: str) -> None:
        """"flows": exports and imports as bars, turnover as markers; "balance": bars about zero."""
        if mode == "flows":
            self._draw_flows(self.series, self.colours)
            self._draw_ranges(self.colours)
        else:
            self._draw_balance(self.series, self.colours)

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
            for centre, period in zip(self.centres, series.periods, strict=True):
                found = period.flow(flow)
                if found is None:
                    continue
                xs.append(centre + offset)
                values.append(found.value)
                partial.append(series.is_partial(period))
                self.bars.append(Bar(flow, period, centre + offset - BAR_WIDTH / 2, centre + offset + BAR_WIDTH / 2,
                                     found.value, found.indicator_id, self._tooltip(series, period, flow, found),
                                     series.is_partial(period)))
                self._label(format_number(found.value), centre + offset, BAR_WIDTH, found.value,
                            beside=period.turnover.value if period.turnover else None)
                self._range_bar(centre + offset, found)
            self._bars(xs, values, partial, [colour] * len(xs))
            if xs:
                self.legend.addItem(Swatch(QBrush(colour)), indicator_label(flow))
        self._draw_turnover(series, colours)

    def _draw_turnover(self, series: TradeSeries, colours: ChartColours) -> None:
        xs, values, brushes, whole = [], [], [], []
        for centre, period in zip(self.centres, series.periods, strict=True):
            turnover = period.turnover
            if turnover is None:
                continue
            xs.append(centre)
            if not series.is_partial(period):
                whole.append((centre, turnover.value))
            values.append(turnover.value)
            brushes.append(QBrush(colours.background if series.is_partial(period) else colours.turnover))
            self.bars.append(Bar("turnover", period, centre - 0.1, centre + 0.1, turnover.value, turnover.indicator_id,
                                 self._tooltip(series, period, "turnover", turnover), series.is_partial(period)))
            self._range_bar(centre, turnover)
            # Beside its marker, only where a period is wide enough to leave the line readable.
            self._label(format_number(turnover.value), centre, 0.3, turnover.value, "turnover")
            change = series.change(period, "turnover")
            if change is not None:
                self._change_label(change.label, centre, turnover.value)
        if not xs:
            return
        line = pg.mkPen(colours.turnover, width=1.6, style=Qt.PenStyle.DashLine)
        pen = pg.mkPen(colours.turnover, width=1.6)
        # The line joins whole periods only: a partial period's marker stands alone.
        if len(whole) > 1:
            self.plot.addItem(pg.PlotDataItem([x for x, _v in whole], [v for _x, v in whole], pen=line))
        self.plot.addItem(pg.ScatterPlotItem(xs, values, symbol="d", size=MARKER_SIZE, pen=pen, brush=brushes))
        self.legend.addItem(Swatch(QBrush(colours.turnover), pen, "d", line), indicator_label("turnover"))

    def _draw_balance(self, series: TradeSeries, colours: ChartColours) -> None:
        xs, values, partial, each = [], [], [], []
        for centre, period in zip(self.centres, series.periods, strict=True):
            balance = period.balance
            if balance is None:
                continue
            xs.append(centre)
            values.append(balance)
            partial.append(series.is_partial(period))
            each.append(colours.surplus if balance >= 0 else colours.deficit)
            self.bars.append(Bar("balance", period, centre - 0.3, centre + 0.3, balance, None,
                                 self._balance_tooltip(series, period, balance), series.is_partial(period)))
            self._label(format_number(balance), centre, 0.6, balance)
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

    def _label(self, text: str, x: float, width: float, value: float, kind: str = "number", *,
               beside: float | None = None) -> None:
        """A number to write above a bar (below a negative one) or beside a marker, when there is room."""
        self.labels.append(Annotation(text, x, width, value, kind, beside=beside))

    def _change_label(self, text: str, centre: float, marker: float) -> None:
        """A change to write above a period's group, over its numbers and turnover marker."""
        group = [b for b in self.bars if b.flow != "turnover" and abs(b.centre - centre) < 0.5]
        self.labels.append(Annotation(text, centre, 1.0, max([b.value for b in group] + [0.0]), "change",
                                      marker=marker, numbers=tuple(format_number(b.value) for b in group)))

    # -- words ------------------------------------------------------------------------------------
    def _tooltip(self, series: TradeSeries, period: TradePeriod, flow: str, found: Flow) -> str:
        lines = [f"{_flow_label(flow)} · {self._period_text(period)}", shown_quantity(found.value, series.unit, found.published)]
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
            *(_("{flow}: {note}").format(flow=_flow_label(name), note=flow.published.note)
              for name, flow in (("exports", period.exports), ("imports", period.imports))
              if flow.published is not None),
            _("Source: {sources}").format(sources=period.exports.sources or _("none recorded"))])

    def _period_text(self, period: TradePeriod) -> str:
        if self.series is not None and self.series.is_partial(period):
            return _("{period} (part of the year)").format(period=period.label)
        return period.label


def value_range(bars: list[Bar], series: TradeSeries | None, mode: str) -> tuple[float, float]:
    """The lowest and highest value drawn, zero included; in flows, the top of every range too."""
    values = [0.0]
    for bar in bars:
        values.append(bar.value)
    if series is not None and mode == "flows":
        for period in series.periods:
            values.extend(f.high for f in (period.exports, period.imports, period.turnover) if f)
    return min(values), max(values)


def place_labels(plot, labels: list[Annotation], text_colour: QColor) -> None:
    """Place numbers over bars and changes over groups, each shown only where it fits."""
    if not labels:
        return
    box = plot.getViewBox()
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
    showing = {kind: all(fits(label.text, label.width) for label in labels if label.kind == kind)
               for kind in ("number", "turnover", "change")}
    for label in labels:
        if not showing[label.kind]:
            if label.item is not None and label.item.isVisible():
                label.item.setVisible(False)
            continue
        if label.item is None:
            label.item = pg.TextItem(label.text, color=text_colour, anchor=(0.5, 1.0))
            if label.kind == "change":
                font = label.item.textItem.font()
                font.setBold(True)
                label.item.setFont(font)
            plot.addItem(label.item)
        elif not label.item.isVisible():
            label.item.setVisible(True)
        if label.change:
            numbers_shown = bool(label.numbers) and showing["number"]
            bars_top = max(label.value, 0.0) + (metrics.height() * pixel_y if numbers_shown else 0.0)
            if numbers_shown and _touches_marker(label.value, label.marker, metrics.height(), pixel_y):
                bars_top = _above_marker(label.marker, metrics.height(), pixel_y) + metrics.height() * pixel_y
            marker_top = label.marker + (MARKER_SIZE / 2 + 2) * pixel_y
            label.item.setPos(label.x, max(bars_top, marker_top) + 2 * pixel_y)
        elif label.kind == "turnover":
            label.item.setAnchor((0.0, 0.5))
            label.item.setPos(label.x + (MARKER_SIZE / 2 + 3) / per_unit, label.value)
        elif label.beside is not None and label.value >= 0 and _touches_marker(
                label.value, label.beside, metrics.height(), pixel_y):
            # Written above its bar it would be struck through by the turnover marker (or run into
            # the turnover's number beside it): it goes above them instead.
            label.item.setAnchor((0.5, 1.0))
            label.item.setPos(label.x, _above_marker(label.beside, metrics.height(), pixel_y))
        else:
            label.item.setAnchor((0.5, 1.0) if label.value >= 0 else (0.5, 0.0))
            label.item.setPos(label.x, label.value)


def _touches_marker(top: float, marker: float, text_height: float, pixel_y: float) -> bool:
    """Whether a number written above a bar reaching ``top`` would touch the marker at ``marker``
    or the turnover's number written beside it (both centred on the marker)."""
    reach = (max(MARKER_SIZE, text_height) / 2 + 1) * pixel_y
    return top - reach <= marker <= top + text_height * pixel_y + reach


def _above_marker(marker: float, text_height: float, pixel_y: float) -> float:
    """The lowest value a number may start at above a marker and the number beside it."""
    return marker + (max(MARKER_SIZE, text_height) / 2 + 2) * pixel_y
