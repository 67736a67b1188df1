"""The timeline drawn on one scale: a lane per kind of fact, each item at its precision.

Time runs left to right. Each group (agreements, officials, events, statements, figures
published) has a lane; items that would overlap move to a row below within their lane.
An item spans its date's whole span — a quarter, a year, an event's days — as a bar; a
single day is a diamond. Its label follows it, cut short with "…" (the tooltip and the
list below the view have it all). Years and quarters are marked along the top, today with
a line. Clicking an item selects it (``item_selected``); a double click opens its record
(``item_activated``). Painted with QPainter: nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from db.model.i18n import _
from db.read.timeline import GROUPS, TimelineItem
from desktop.common.rich_text import shown, tooltip_html

AXIS_HEIGHT = 34
LANE_TITLE_WIDTH = 130
ROW_HEIGHT = 22
LANE_GAP = 10
LABEL_WIDTH = 220  # the most of an item's label drawn beside it
MIN_BAR = 7
GROUP_COLOURS = {"agreements": "#2f6db5", "officials": "#7a4fb0", "events": "#c0632b",
                 "statements": "#3d8a5a", "figures": "#8a7a2b"}


class TimelineView(QWidget):
    """Items on one time scale; ``pixels_per_day`` sets the zoom."""

    item_selected = Signal(int)  # index into ``items``
    item_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[TimelineItem] = []
        self.pixels_per_day = 0.6
        self.selected: int | None = None
        self.today = dt.date.today()
        self._first = self.today
        self._rects: list[QRectF] = []  # each item's bar, where it was last laid out
        self._lanes: list[tuple[str, float, float]] = []  # group, top, height
        self.setMouseTracking(True)
        self.setAccessibleName(_("Timeline"))
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().verticalPolicy())

    # -- what to show -------------------------------------------------------------------------
    def set_items(self, items: list[TimelineItem], today: dt.date | None = None) -> None:
        self.items = list(items)
        self.selected = None
        self.today = today or dt.date.today()
        self._lay_out()
        self.update()

    def set_zoom(self, pixels_per_day: float) -> None:
        self.pixels_per_day = max(0.02, min(pixels_per_day, 40.0))
        self._lay_out()
        self.update()

    def fit_width(self, width: int) -> None:
        """Zoom so the whole span fits ``width`` pixels (labels may run past the end)."""
        if not self.items:
            return
        days = max(30, (self._span()[1] - self._span()[0]).days)
        self.set_zoom((width - LANE_TITLE_WIDTH - LABEL_WIDTH - 20) / days)

    def select(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def rect_of(self, index: int) -> QRectF | None:
        """Where item ``index`` is drawn."""
        return self._rects[index] if 0 <= index < len(self._rects) else None

    # -- layout -----------------------------------------------------------------------------------
    def _span(self) -> tuple[dt.date, dt.date]:
        first = min([i.first_day for i in self.items] + [self.today])
        last = max([i.last_day for i in self.items] + [self.today])
        return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)

    def x_of(self, day: dt.date) -> float:
        return LANE_TITLE_WIDTH + (day - self._first).days * self.pixels_per_day

    def _lay_out(self) -> None:
        self._first, last = self._span()
        metrics = QFontMetrics(self.font())
        self._rects = [QRectF() for _ in self.items]
        self._lanes = []
        top = float(AXIS_HEIGHT)
        for group in GROUPS:
            rows_end: list[float] = []  # where each row of the lane is free from
            members = [n for n, item in enumerate(self.items) if item.group == group]
            if not members:
                continue
            for n in members:
                item = self.items[n]
                x = self.x_of(item.first_day)
                width = max(MIN_BAR, (item.last_day - item.first_day).days * self.pixels_per_day + self.pixels_per_day)
                label = min(LABEL_WIDTH, metrics.horizontalAdvance(self._label(item)) + 8)
                row = next((r for r, free in enumerate(rows_end) if free <= x), len(rows_end))
                if row == len(rows_end):
                    rows_end.append(0.0)
                rows_end[row] = x + width + label
                self._rects[n] = QRectF(x, top + row * ROW_HEIGHT + 4, width, ROW_HEIGHT - 8)
            height = max(1, len(rows_end)) * ROW_HEIGHT
            self._lanes.append((group, top, height))
            top += height + LANE_GAP
        self._height = int(top + 8)
        self._width = int(self.x_of(last) + LABEL_WIDTH + 20)
        self.setMinimumSize(self._width, self._height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(getattr(self, "_width", 600), getattr(self, "_height", 200))

    @staticmethod
    def _label(item: TimelineItem) -> str:
        return _("{what}: {title}").format(what=item.what, title=item.title)

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_lanes(painter, palette)
        self._paint_axis(painter, palette)
        metrics = QFontMetrics(self.font())
        for n, item in enumerate(self.items):
            self._paint_item(painter, palette, metrics, item, self._rects[n], n == self.selected)
        if not self.items:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter),
                             _("Nothing dated is recorded for this choice."))
        painter.end()

    def _paint_lanes(self, painter: QPainter, palette: QPalette) -> None:
        shade = palette.color(QPalette.ColorRole.AlternateBase)
        for number, (group, top, height) in enumerate(self._lanes):
            if number % 2:
                painter.fillRect(QRectF(0, top - LANE_GAP / 2, self.width(), height + LANE_GAP), shade)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            title = QFontMetrics(self.font()).elidedText(GROUPS[group], Qt.TextElideMode.ElideRight,
                                                         LANE_TITLE_WIDTH - 12)  # cut with "…", not mid-letter
            painter.drawText(QRectF(6, top, LANE_TITLE_WIDTH - 12, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), title)

    def _paint_axis(self, painter: QPainter, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(45)
        first, last = self._span()
        quarters = {month: _("Q{quarter}").format(quarter=(month - 1) // 3 + 1) for month in (4, 7, 10)}
        # Quarters are marked only where their names fit between the lines ("Q2", "2 кв.", "2-тоқсан").
        widest = max(QFontMetrics(self.font()).horizontalAdvance(label) for label in quarters.values())
        quarter_wide = 91 * self.pixels_per_day >= max(40, widest + 8)
        for year in range(first.year, last.year + 1):
            for month in ((1, 4, 7, 10) if quarter_wide else (1,)):
                x = self.x_of(dt.date(year, month, 1))
                painter.setPen(QPen(faint if month != 1 else text, 1))
                painter.drawLine(QPointF(x, AXIS_HEIGHT - (10 if month == 1 else 5)), QPointF(x, self.height()))
                label = str(year) if month == 1 else quarters[month]
                painter.setPen(text)
                painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 14 if month == 1 else AXIS_HEIGHT - 6), label)
        x = self.x_of(self.today)
        painter.setPen(QPen(QColor("#c0392b"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, self.height()))
        painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 2), _("today"))

    def _paint_item(self, painter: QPainter, palette: QPalette, metrics: QFontMetrics, item: TimelineItem,
                    rect: QRectF, selected: bool) -> None:
        colour = QColor(GROUP_COLOURS.get(item.group, "#555555"))
        future = item.first_day > self.today
        fill = QColor(colour)
        if future:
            fill.setAlpha(110)  # not yet: drawn lighter
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.5) if selected else QPen(colour, 1))
        painter.setBrush(fill)
        if rect.width() <= MIN_BAR and item.start.precision == "day":
            centre = rect.center()
            half = rect.height() / 2
            diamond = QPainterPath(QPointF(centre.x(), centre.y() - half))
            for point in ((centre.x() + half, centre.y()), (centre.x(), centre.y() + half),
                          (centre.x() - half, centre.y()), (centre.x(), centre.y() - half)):
                diamond.lineTo(QPointF(*point))
            painter.drawPath(diamond)
        else:
            painter.drawRoundedRect(rect, 3, 3)
        label = metrics.elidedText(self._label(item), Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(rect.right() + 5, rect.top() - 3, LABEL_WIDTH, rect.height() + 6),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown(label))

    # -- the mouse ----------------------------------------------------------------------------------
    def item_at(self, point: QPointF) -> int | None:
        for n, rect in enumerate(self._rects):
            if rect.adjusted(-3, -3, 3, 3).contains(point):
                return n
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.item_at(event.position())
        if index is not None:
            self.select(index)
            self.item_selected.emit(index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.item_at(event.position())
        if index is not None:
            self.item_activated.emit(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.item_at(event.position())
        if index is None:
            QToolTip.hideText()
            return
        item = self.items[index]
        QToolTip.showText(event.globalPosition().toPoint(),
                          tooltip_html(f"{item.date_label}\n{shown(item.what)}\n{shown(item.title, 300)}"), self)
