"""The Timeline tab: every dated fact on one scale — of one pair, or of everything.

Above: the pair (the two parties, or *All pairs*) and the kinds of fact shown. In the
middle: the timeline drawn to scale (``timeline_view``), each item at its date's precision,
with zoom buttons. Below: the same items as a list, in date order, for reading and for the
keyboard. Selecting an item in either selects it in the other; a double click, or Enter in
the list, opens its record (``link_activated``, handled by the window like any link).
The items come from ``db.read.timeline``; the tab only reads.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _
from db.read import queries
from db.read.timeline import GROUPS, TimelineItem, timeline
from desktop.common import settings
from desktop.common.party_combo import PartyCombo, all_parties
from desktop.common.rich_text import shown
from desktop.tabs.timeline_view import TimelineView

PAIR_KEY = "timeline/pair"
ALL_KEY = "timeline/all_pairs"
HIDDEN_KEY = "timeline/hidden_groups"


class _List(QTreeWidget):
    """The items as rows; Enter opens the current one."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.activated_row.emit(self.indexOfTopLevelItem(self.currentItem()))
            return
        super().keyPressEvent(event)


class TimelineTab(QWidget):
    """The pair and kinds chosen, the timeline to scale, and its items as a list."""

    help_topic = "timeline"  # the guide's section F1 opens while the tab is shown
    link_activated = Signal(str, int)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.items: list[TimelineItem] = []
        self._stale = True
        parties = all_parties(db)  # read once for both pickers
        self.first = PartyCombo(db, self, parties=parties)
        self.second = PartyCombo(db, self, parties=parties)
        self.first.setAccessibleName(_("First party"))
        self.second.setAccessibleName(_("Second party"))
        self.all_pairs = QCheckBox(_("&All pairs"), self)
        self.all_pairs.setToolTip(_("Show every dated fact, whichever parties it concerns."))
        hidden = set(_strings(settings.settings().value(HIDDEN_KEY, [])))
        self.groups: dict[str, QCheckBox] = {}
        pair_label = QLabel(_("P&air:"), self)
        pair_label.setBuddy(self.first)
        top = QHBoxLayout()
        top.addWidget(pair_label)
        top.addWidget(self.first, 1)
        top.addWidget(QLabel(_("and"), self))
        top.addWidget(self.second, 1)
        top.addWidget(self.all_pairs)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(_("Show:"), self))
        for group, label in GROUPS.items():
            box = QCheckBox(label, self)
            box.setChecked(group not in hidden)
            box.toggled.connect(self._choice_changed)
            self.groups[group] = box
            kinds.addWidget(box)
        kinds.addStretch(1)
        for text, tip, factor in (("−", _("Zoom out"), 0.5), ("+", _("Zoom in"), 2.0)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _checked=False, f=factor: self.view.set_zoom(self.view.pixels_per_day * f))
            kinds.addWidget(button)
        fit = QToolButton(self)
        fit.setText(_("Fit"))
        fit.setToolTip(_("Fit the whole timeline to the width of the window"))
        fit.clicked.connect(self._fit)
        kinds.addWidget(fit)

        self.view = TimelineView(self)
        self.view.item_selected.connect(self._select_row)
        self.view.item_activated.connect(self._open)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.view)
        self.scroll.setWidgetResizable(False)
        self.list = _List(self)
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([_("When"), _("What"), _("About")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Timeline items"))
        self.list.currentItemChanged.connect(lambda item, _old: self._row_changed(item))
        self.list.itemDoubleClicked.connect(lambda item, _column: self._open(self.list.indexOfTopLevelItem(item)))
        self.list.activated_row.connect(self._open)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.list)
        splitter.setSizes([420, 240])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(kinds)
        layout.addWidget(splitter, 1)

        self._choose_pair()
        for combo in (self.first, self.second):
            combo.currentIndexChanged.connect(self._choice_changed)
        self.all_pairs.toggled.connect(self._choice_changed)

    # -- the choice -----------------------------------------------------------------------------
    def _choose_pair(self) -> None:
        remembered = settings.load_int_list(PAIR_KEY)
        pair = tuple(remembered) if len(remembered) == 2 else queries.suggest_pair(self._db)
        if pair:
            self.first.set_party(pair[0])
            self.second.set_party(pair[1])
        self.all_pairs.setChecked(settings.load_str(ALL_KEY) == "1")

    def pair(self) -> tuple[int, int] | None:
        if self.all_pairs.isChecked():
            return None
        a, b = self.first.party_id(), self.second.party_id()
        return (a, b) if a is not None and b is not None and a != b else None

    def chosen_groups(self) -> set[str]:
        return {group for group, box in self.groups.items() if box.isChecked()}

    def _choice_changed(self, *_args) -> None:
        pair = self.pair()
        if pair:
            settings.save_value(PAIR_KEY, list(pair))
        settings.save_value(ALL_KEY, "1" if self.all_pairs.isChecked() else "0")
        settings.save_value(HIDDEN_KEY, sorted(set(GROUPS) - self.chosen_groups()))
        for combo in (self.first, self.second):
            combo.setEnabled(not self.all_pairs.isChecked())
        self.reload()

    # -- what every tab does ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the items again (now if the tab is shown, else when it is next shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        keep = self.items[self.view.selected].record if self.view.selected is not None else None
        self.items = timeline(self._db, pair=self.pair(), groups=self.chosen_groups())
        today = dt.date.today()
        self.view.set_items(self.items, today)
        self.list.clear()
        for item in self.items:
            row = QTreeWidgetItem([item.date_label, shown(item.what), shown(item.title)])
            row.setToolTip(2, shown(item.title))
            self.list.addTopLevelItem(row)
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
        if keep is not None:
            found = next((n for n, item in enumerate(self.items) if item.record == keep), None)
            if found is not None:
                self._select_row(found)

    def set_database(self, db) -> None:
        self._db = db
        parties = all_parties(db)
        for combo in (self.first, self.second):
            combo.blockSignals(True)
            combo.set_parties(parties)
            combo.blockSignals(False)
        self._choose_pair()
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._first_show)

    def _first_show(self) -> None:
        self.reload()
        self._fit()

    def _fit(self) -> None:
        self.view.fit_width(self.scroll.viewport().width())

    # -- selecting and opening -------------------------------------------------------------------------
    def _select_row(self, index: int) -> None:
        row = self.list.topLevelItem(index)
        if row is not None and self.list.currentItem() is not row:
            self.list.setCurrentItem(row)
        self.view.select(index)
        rect = self.view.rect_of(index)
        if rect is not None:
            self.scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()), 120, 40)

    def _row_changed(self, row: QTreeWidgetItem | None) -> None:
        if row is not None:
            index = self.list.indexOfTopLevelItem(row)
            if index != self.view.selected:
                self._select_row(index)

    def _open(self, index: int) -> None:
        if 0 <= index < len(self.items):
            self.link_activated.emit(*self.items[index].record)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    return [v for v in value or [] if isinstance(v, str)]


def create(db) -> TimelineTab:
    return TimelineTab(db)
