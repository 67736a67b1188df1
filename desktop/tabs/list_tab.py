"""A list tab: a filter box, a sortable table paged from SQL, the detail pane and its History.

Every list tab (Agreements, Officials, Events, Trade, Sources) is this widget configured
with a ``db.read.listings.Listing``; tabs with more to show add widgets around it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _
from db.model.records import KIND_NAMES, format_count
from db.read.listings import Listing
from desktop.common import quality, settings
from desktop.tabs.detail_view import DetailView
from desktop.tabs.history_panel import HistoryPanel
from desktop.tabs.table_model import ListingModel

FILTER_DELAY_MS = 250
MAX_COLUMN_WIDTH = 240
FIT_COLUMNS_ROWS = 40  # no more than table_model.NOTES_BLOCK: sizing reads the rows' markers too


class ListTab(QWidget):
    """Filter, table and detail pane for one kind of record."""

    help_topic = "lists"  # the guide's section F1 opens while the tab is shown
    record_selected = Signal(str, int)  # kind, id of the row that became current
    record_activated = Signal(str, int)  # a row was double-clicked or Enter was pressed
    link_activated = Signal(str, int)  # a linked record was clicked in the detail pane

    def __init__(self, db, listing: Listing, *, filter_placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.listing = listing
        self.model = ListingModel(db, listing, self)
        self.model.set_notes(quality.record_notes, quality.warning_icon())  # data-quality markers

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(filter_placeholder)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName(_("Filter"))
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_box.returnPressed.connect(self._apply_filter)

        self.narrow_box: QCheckBox | None = None
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        if listing.narrow_label:
            self.narrow_box = QCheckBox(listing.narrow_label, self)
            self.narrow_box.setChecked(True)
            self.narrow_box.toggled.connect(self.model.set_narrow)
            top.addWidget(self.narrow_box)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(_("Rows shown"))
        top.addWidget(self.count_label)
        self.top_bar = top  # other parts of the window add their buttons here
        self.model.count_changed.connect(self._show_count)
        self.model.sort_refused.connect(lambda _column: self._after_reset())
        self._show_count(self.model.rowCount(), self.model.counted)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(0, quality.NoteDelegate(self.table))  # findings as tooltip
        # Start in the listing's own order (newest first…) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrows move between rows; Tab leaves the table for the detail pane and Ctrl+Tab for
        # the next tab, so someone using the keyboard alone is never caught in the cells.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setAccessibleName(KIND_NAMES[listing.kind][1])
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._row_changed(current.row()))
        self.model.modelReset.connect(self._after_reset)

        self.detail = DetailView(db, self)
        self.detail.record_activated.connect(self.link_activated)
        self.history = HistoryPanel(db, self)  # the record's versions, under its details
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.addWidget(self.detail)
        self.detail_splitter.addWidget(self.history)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 1)
        self.detail_splitter.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        # Columns are sized to their contents when the tab is first shown, not while the
        # window is built: a hidden tab's sizing would only delay the window's first paint.
        self._columns_laid_out = False
        self._restore_layout()

    # -- public -------------------------------------------------------------------------
    def current_record_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: int) -> bool:
        """Make a record the current row (clearing a filter that hides it); False if absent."""
        row = self.model.row_of(record_id)
        if row is None and (self.filter_box.text() or (self.narrow_box and self.narrow_box.isChecked())):
            self.filter_box.clear()
            self._apply_filter()
            if self.narrow_box:
                self.narrow_box.setChecked(False)
            row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def reload(self) -> None:
        """Re-read rows after a change, keeping the same record selected."""
        keep = self.current_record_id()
        self.model.reload()
        if keep is not None and not self.select_record(keep):
            self.detail.show_nothing()
            self.history.show_nothing()
        self.detail.refresh()
        self.history.refresh()

    def set_database(self, db) -> None:
        self.detail.set_database(db)
        self.history.set_database(db)
        self.model.set_database(db)

    def save_layout(self) -> None:
        settings.save_value(f"tabs/{self.listing.name}/splitter", self.splitter.sizes())
        if self._columns_laid_out:  # a tab never shown keeps the column layout remembered before
            settings.save_value(f"tabs/{self.listing.name}/header", self.table.horizontalHeader().saveState())

    # -- internals ----------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            index = self.table.currentIndex()
            if index.isValid():
                self._activate(index.row())
                return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.filter_box.hasFocus():
            # From the filter box down into the rows it found, as in a search field's results.
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter_box.text().strip())

    def _activate(self, row: int) -> None:
        record_id = self.model.record_id(row)
        if record_id is not None:
            self.record_activated.emit(self.listing.kind, record_id)

    def _row_changed(self, row: int) -> None:
        record_id = self.model.record_id(row) if row >= 0 else None
        if record_id is None:
            self.detail.show_nothing()
            self.history.show_nothing()
            return
        self.detail.show_record(self.listing.kind, record_id)
        self.history.show_record(self.listing.kind, record_id)
        self.record_selected.emit(self.listing.kind, record_id)

    def _after_reset(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # only show the model's order; do not sort again
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder
                                if self.model.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.setSortIndicatorShown(self.model.sort_key is not None)
        header.viewport().update()
        self.detail.show_nothing()
        self.history.show_nothing()

    def _show_count(self, rows: int, final: bool) -> None:
        if final:
            self.count_label.setText(format_count(rows, self.listing.kind))
        else:
            self.count_label.setText(_("counting…"))

    def _fit_columns(self) -> None:
        """Size columns to their first page of contents, capped so every column stays in view;
        the tooltip and the detail pane show what a narrow column cuts off."""
        # Measure the rows a person sees first, not a thousand (each costs a model call).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_COLUMNS_ROWS)
        self.table.verticalHeader().setResizeContentsPrecision(FIT_COLUMNS_ROWS)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, max(70, min(width + 12, MAX_COLUMN_WIDTH)))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Lay out the columns when the tab first appears, and show the first record so the
        detail pane is never idle."""
        super().showEvent(event)
        if not self._columns_laid_out:
            self._lay_out_columns()
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _restore_layout(self) -> None:
        sizes = settings.load_int_list(f"tabs/{self.listing.name}/splitter")
        if len(sizes) == 2 and all(s > 0 for s in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([760, 420])

    def _lay_out_columns(self) -> None:
        """Columns fitted to their first rows, then the widths and order remembered from last time."""
        self._columns_laid_out = True
        self._fit_columns()
        state = settings.load_bytes(f"tabs/{self.listing.name}/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
