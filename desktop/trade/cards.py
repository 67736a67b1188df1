"""Key-figure cards: the latest figure of each indicator that is not a trade flow.

Investment inflows, enterprise counts and any other indicator have units of their own, so
they are never drawn on the trade chart's axis; each gets a card beside it with value,
unit, period and source (a value published in another scale of the unit says how). When sources disagree every value is shown. Clicking a card (or
pressing Enter or Space on it) selects its record in the table below.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from db.model.i18n import _
from db.read.other_figures import LatestFigure
from db.read.scales import shown_quantity
from desktop.common.rich_text import shown, tooltip_html

CARD_WIDTH = 210
SOURCE_LIMIT = 300  # characters of the source line: a dozen lines at the card's width


class FigureCard(QFrame):
    """One indicator's latest figure."""

    activated = Signal(int)  # the record's id

    def __init__(self, figure: LatestFigure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        values = " / ".join(shown_quantity(v.value, figure.unit, v.published) for v in figure.values)
        period = figure.period.label()
        if figure.period.is_partial:
            period = _("{period} (part of the year)").format(period=period)
        sources = "; ".join(dict.fromkeys(t for v in figure.values for t in v.sources.split("; ") if t))
        name = QLabel(shown(figure.label), self)
        name.setStyleSheet("font-weight: bold")
        value = QLabel(values, self)
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        value.setFont(font)
        value.setWordWrap(True)
        when = QLabel(period, self)
        source = QLabel(shown(_("Source: {sources}").format(sources=sources or _("none recorded")), SOURCE_LIMIT),
                        self)
        source.setWordWrap(True)
        small = source.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        source.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for label in (name, value, when, source):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are user text
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        if figure.disputed:
            warning = QLabel(_("Sources disagree; see Data quality."), self)
            warning.setWordWrap(True)
            warning.setFont(small)
            layout.addWidget(warning)
        tip = _("{name}: {values}, {period}. Click to select it in the table.").format(
            name=figure.label, values=values, period=period)
        self.setToolTip(tooltip_html(tip))
        self.setAccessibleName(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.figure.values[0].indicator_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.figure.values[0].indicator_id)
            return
        super().keyPressEvent(event)


class FigureCards(QScrollArea):
    """A column of cards beside the chart; hidden when the pair has no other figures."""

    figure_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(CARD_WIDTH + 18)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.cards: list[FigureCard] = []
        self._content = QWidget(self)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self.heading = QLabel(_("Other figures"), self._content)
        self.heading.setStyleSheet("font-weight: bold")
        self._layout.addWidget(self.heading)
        self._layout.addStretch(1)
        self.setWidget(self._content)

    def show_figures(self, figures: list[LatestFigure]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for figure in figures:
            card = FigureCard(figure, self._content)
            card.setFixedWidth(CARD_WIDTH)
            card.activated.connect(self.figure_activated)
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
        self.setVisible(bool(figures))
