"""The Overview tab: the chosen pair of parties and what is known about them at a glance.

The pair pickers above a read-only page (``overview_page``): both parties with their names
in both scripts, the key figures (each with period, unit, comparison and source) and mirror
figures, agreements with their status as of today, officials on both sides, events and
statements. Every record is a link that opens it in its tab; the line counting the key
figures not shown opens the Trade tab.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from db.model.i18n import _
from db.read import queries
from desktop.common import settings
from desktop.common.party_combo import PartyCombo, all_parties
from desktop.common.rich_text import esc, parse_record_href
from desktop.tabs.overview_page import TRADE_HREF, overview_html

PAIR_KEY = "overview/pair"


class OverviewTab(QWidget):
    """The pair pickers above a read-only page about the pair."""

    link_activated = Signal(str, int)
    pair_changed = Signal(int, int)
    trade_requested = Signal()  # the link to the key figures not shown

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        parties = all_parties(db)
        self.first = PartyCombo(db, self, parties=parties)
        self.second = PartyCombo(db, self, parties=parties)
        self.first.setAccessibleName(_("First party"))
        self.second.setAccessibleName(_("Second party"))
        pair_label = QLabel(_("&Pair:"), self)
        pair_label.setBuddy(self.first)
        self.setFocusProxy(self.first)  # the focus comes to the Overview at its first party
        bar = QHBoxLayout()
        bar.addWidget(pair_label)
        bar.addWidget(self.first, 1)
        bar.addWidget(QLabel(_("and"), self))
        bar.addWidget(self.second, 1)
        bar.addStretch()
        self.page = QTextBrowser(self)
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.page, 1)
        self._choose_initial_pair()
        self.first.currentIndexChanged.connect(self._pair_edited)
        self.second.currentIndexChanged.connect(self._pair_edited)
        self.refresh()

    def pair(self) -> tuple[int, int] | None:
        a, b = self.first.party_id(), self.second.party_id()
        return (a, b) if a is not None and b is not None else None

    def set_pair(self, a: int, b: int) -> None:
        self.first.set_party(a)
        self.second.set_party(b)

    def set_database(self, db) -> None:
        self._db = db
        self.reload_parties()
        self._choose_initial_pair()
        self.refresh()

    def reload_parties(self) -> None:
        """Read the parties again into both pickers (a party was added, renamed or deleted)."""
        parties = all_parties(self._db)
        for combo in (self.first, self.second):
            combo.set_parties(parties)

    def refresh(self) -> None:
        """Re-read everything shown (after any change to the data)."""
        pair = self.pair()
        if pair is None:
            self.page.setHtml("<p>" + esc(_("Add at least two parties to see an overview of their cooperation.")) + "</p>")
            return
        scroll = self.page.verticalScrollBar().value()
        scope = queries.pair_scope(self._db, *pair)
        self.page.setHtml(overview_html(self._db, scope, dt.date.today()))
        self.page.verticalScrollBar().setValue(scroll)

    def _choose_initial_pair(self) -> None:
        remembered = settings.load_int_list(PAIR_KEY)
        valid = len(remembered) == 2 and all(self.first.findData(p) >= 0 for p in remembered)
        pair = tuple(remembered) if valid else queries.suggest_pair(self._db)
        if pair:
            for combo, party in zip((self.first, self.second), pair, strict=True):
                combo.blockSignals(True)
                combo.set_party(party)
                combo.blockSignals(False)

    def _pair_edited(self) -> None:
        pair = self.pair()
        if pair:
            settings.save_value(PAIR_KEY, list(pair))
            self.pair_changed.emit(*pair)
        self.refresh()

    def _follow(self, url: QUrl) -> None:
        if url.toString() == TRADE_HREF:
            self.trade_requested.emit()
            return
        target = parse_record_href(url.toString())
        if target:
            self.link_activated.emit(*target)


def create(db) -> OverviewTab:
    return OverviewTab(db)
