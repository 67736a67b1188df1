"""The Trade tab: a pair's trade charted above every figure (trade flows, investment, counts).

Above: the subject and counterpart pickers, then the chart and key-figure cards
(``desktop.trade.panel``). Below, in a vertical splitter: the figures table with its
filter and detail pane, the same list every tab uses (``ListTab`` over
``db.read.record_lists.INDICATORS``), so the window finds figures here with ``open_record``.
Clicking a bar, marker or card selects that figure's row.

The chart's module imports pyqtgraph, which is slow to load, so it is imported only when
this tab is first shown; until then the tab costs no more than a list.

The pair defaults to the one remembered from last time, else the pair with the most
trade figures (for the seed, the Abai region with the Russian Federation). Trade is
directional: the subject's exports go to the counterpart; the swap button turns it round.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from db.model.i18n import _
from db.read import queries
from db.read.record_lists import INDICATORS
from db.read.trade import trade_pairs
from desktop.common import settings
from desktop.common.party_combo import PartyCombo, all_parties
from desktop.tabs.list_tab import ListTab

PAIR_KEY = "trade/pair"
SPLITTER_KEY = "tabs/indicators/chart_splitter"


class TradeTab(ListTab):
    """Pickers, chart and cards above the figures list."""

    help_topic = "trade"
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(db, INDICATORS, parent=parent,
                         filter_placeholder=_("Filter figures by party (any script), indicator or unit…"))
        self._db = db
        self.panel = None  # a desktop.trade.panel.TradePanel once the tab has been shown
        self._pair_chosen = False

        parties = all_parties(db)
        self.subject_box = PartyCombo(db, self, parties=parties)
        self.subject_box.setAccessibleName(_("Subject"))
        self.subject_box.setToolTip(_("The party whose exports and imports are shown"))
        self.counterpart_box = PartyCombo(db, self, parties=parties)
        self.counterpart_box.setAccessibleName(_("Counterpart"))
        self.counterpart_box.setToolTip(_("The party it trades with"))
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(_("Swap subject and counterpart"))
        self.swap_button.setAccessibleName(_("Swap subject and counterpart"))
        self.swap_button.clicked.connect(self.swap)
        subject_label = QLabel(_("T&rade of"), self)
        subject_label.setBuddy(self.subject_box)
        with_label = QLabel(_("&with"), self)
        with_label.setBuddy(self.counterpart_box)
        pickers = QHBoxLayout()
        pickers.addWidget(subject_label)
        pickers.addWidget(self.subject_box, 1)
        pickers.addWidget(with_label)
        pickers.addWidget(self.counterpart_box, 1)
        pickers.addWidget(self.swap_button)
        pickers.addStretch(1)
        for box in (self.subject_box, self.counterpart_box):
            box.currentIndexChanged.connect(self._pair_edited)

        self.chart_area = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_area)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(_("Drawing the chart…"), self.chart_area)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_layout.addWidget(self.placeholder)

        self.chart_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.chart_splitter.setChildrenCollapsible(False)
        self.chart_splitter.addWidget(self.chart_area)
        self.chart_splitter.addWidget(self._take_list_into_widget())
        self.chart_splitter.setStretchFactor(0, 3)
        self.chart_splitter.setStretchFactor(1, 2)
        sizes = settings.load_int_list(SPLITTER_KEY)
        self.chart_splitter.setSizes(sizes if len(sizes) == 2 and all(s > 0 for s in sizes) else [420, 300])
        layout = self.layout()
        layout.addLayout(pickers)
        layout.addWidget(self.chart_splitter, 1)

    # -- the pair -------------------------------------------------------------------------------
    def pair(self) -> tuple[int, int] | None:
        subject, counterpart = self.subject_box.party_id(), self.counterpart_box.party_id()
        return (subject, counterpart) if subject is not None and counterpart is not None else None

    def set_pair(self, subject: int, counterpart: int) -> None:
        """Show the trade of ``subject`` with ``counterpart`` (and remember the pair)."""
        self._pair_chosen = True
        self._set_pickers(subject, counterpart)
        self._pair_edited()

    def swap(self) -> None:
        pair = self.pair()
        if pair:
            self.set_pair(pair[1], pair[0])

    # -- the chart ------------------------------------------------------------------------------
    def ensure_panel(self):
        """Build the chart (importing pyqtgraph) if it is not built yet; return the panel."""
        if self.panel is None:
            from desktop.trade.panel import TradePanel

            self._choose_initial_pair()
            self.panel = TradePanel(self._db, self.chart_area)
            self.panel.indicator_activated.connect(self._select_figure)
            self.panel.pair_requested.connect(self.set_pair)
            self.chart_layout.removeWidget(self.placeholder)
            self.placeholder.deleteLater()
            self.chart_layout.addWidget(self.panel)
            pair = self.pair()
            if pair:
                self.panel.show_pair(*pair)
        return self.panel

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.panel is None:
            QTimer.singleShot(0, self.ensure_panel)  # let the tab paint first

    # -- what every list tab does --------------------------------------------------------------------
    def reload(self) -> None:
        super().reload()
        self._list_parties()
        if self.panel is not None:
            self.panel.reload()

    def set_database(self, db) -> None:
        super().set_database(db)
        self._db = db
        self._list_parties()
        self._pair_chosen = False
        if self.panel is not None:
            self.panel.set_database(db)
            self._choose_initial_pair()
            pair = self.pair()
            if pair:
                self.panel.show_pair(*pair)

    def save_layout(self) -> None:
        super().save_layout()
        settings.save_value(SPLITTER_KEY, self.chart_splitter.sizes())

    # -- internals ------------------------------------------------------------------------------------
    def _take_list_into_widget(self) -> QWidget:
        """Move the list's filter, table and detail pane (laid out by ``ListTab``) into one
        widget, so that it can sit below the chart in a splitter."""
        layout = self.layout()
        area = QWidget(self)
        inner = QVBoxLayout(area)
        inner.setContentsMargins(0, 0, 0, 0)
        while layout.count():
            stretch = layout.stretch(0)
            item = layout.takeAt(0)
            if item.widget() is not None:
                inner.addWidget(item.widget(), stretch)
            elif item.layout() is not None:
                child = item.layout()
                child.setParent(None)
                inner.addLayout(child, stretch)
            else:
                inner.addItem(item)
        return area

    def _choose_initial_pair(self) -> None:
        """The remembered pair if both parties still exist, else the one with most trade data."""
        if self._pair_chosen:
            return
        self._pair_chosen = True
        remembered = settings.load_int_list(PAIR_KEY)
        if len(remembered) == 2 and all(self.subject_box.findData(p) >= 0 for p in remembered):
            pair = tuple(remembered)
        else:
            busiest = trade_pairs(self._db, limit=1)
            pair = busiest[0][:2] if busiest else queries.suggest_pair(self._db)
        if pair:
            self._set_pickers(*pair)

    def _set_pickers(self, subject: int, counterpart: int) -> None:
        """Show a pair in the pickers without reacting to it as to an edit."""
        for box, party in ((self.subject_box, subject), (self.counterpart_box, counterpart)):
            box.blockSignals(True)
            box.set_party(party)
            box.blockSignals(False)

    def _list_parties(self) -> None:
        """Read the parties again into both pickers, keeping the chosen ones."""
        parties = all_parties(self._db)
        for box in (self.subject_box, self.counterpart_box):
            box.set_parties(parties)

    def _pair_edited(self) -> None:
        pair = self.pair()
        if pair is None:
            return
        self._pair_chosen = True
        settings.save_value(PAIR_KEY, list(pair))
        if self.panel is not None:
            self.panel.show_pair(*pair)

    def _select_figure(self, indicator_id: int) -> None:
        if self.select_record(indicator_id):
            self.table.setFocus(Qt.FocusReason.MouseFocusReason)


def create(db) -> TradeTab:
    return TradeTab(db)
