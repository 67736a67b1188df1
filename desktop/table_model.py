"""The one table model every list uses: rows paged from SQL, never a whole table in memory.

``ListingModel`` shows a ``db.listings.Listing``. It reports the true row count (one
``count(*)``), fetches a page of rows only when the view asks for a row in it, and keeps
a bounded number of pages cached, so a million-row table scrolls like a small one.
Sorting and filtering are re-run in SQL; the view is configured, not subclassed.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Collection

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db import listings
from db.formatting import format_number
from db.listings import Listing

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2  # the first cell of a row with notes: their text

_Index = QModelIndex | QPersistentModelIndex
# Notes about some rows (data-quality findings): (db, kind, ids of one page) -> {id: text}.
NotesProvider = Callable[[object, str, Collection[int]], dict[int, str]]


class ListingModel(QAbstractTableModel):
    """Rows of one listing, fetched from SQL a page at a time."""

    def __init__(self, db, listing: Listing, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.listing = listing
        self.filter_text = ""
        self.narrow = True
        self.sort_key: str | None = None
        self.descending = False
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._count = listings.count(db, listing)
        self._notes_provider: NotesProvider | None = None
        self._notes_icon = None
        self._notes: dict[int, dict[int, str]] = {}  # page number -> {record id: note}

    # -- what the view asks --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.listing.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.listing.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = self.listing.columns[index.column()]
        value = row[index.column() + 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(value, column.numeric)
        if index.column() == 0 and role in (Qt.ItemDataRole.DecorationRole, NOTE_ROLE):
            note = self.note(index.row())
            if note is not None:
                return self._notes_icon if role == Qt.ItemDataRole.DecorationRole else note
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(value, column.numeric)
            # Tooltips render anything that looks like markup: escape it so it shows as typed.
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row[0]
        return None

    @staticmethod
    def _display(value: object, numeric: bool) -> str:
        if value is None:
            return ""
        if numeric and isinstance(value, int | float):
            return format_number(value)
        text = str(value)
        # A table cell shows one line; the detail pane shows the whole text.
        return text if len(text) <= 300 and "\n" not in text else text[:300].replace("\n", " ") + "…"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.listing.columns[column].key if column >= 0 else None
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- paging ----------------------------------------------------------------------
    def row(self, number: int) -> tuple | None:
        """The row at ``number`` as ``(id, values…)``, fetching its page if needed."""
        if not 0 <= number < self._count:
            return None
        page_number = number // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = listings.page(self._db, self.listing, filter_text=self.filter_text, sort=self.sort_key,
                                 descending=self.descending, offset=page_number * PAGE_SIZE,
                                 limit=PAGE_SIZE, narrow=self.narrow)
            self._pages[page_number] = page
            if self._notes_provider is not None:
                self._notes[page_number] = self._notes_provider(self._db, self.listing.kind, {r[0] for r in page})
            while len(self._pages) > MAX_CACHED_PAGES:
                dropped, _rows = self._pages.popitem(last=False)
                self._notes.pop(dropped, None)
        else:
            self._pages.move_to_end(page_number)
        offset = number - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def record_id(self, number: int) -> int | None:
        row = self.row(number)
        return row[0] if row else None

    def row_of(self, record_id: int) -> int | None:
        """Where a record is in the current order and filter, or None when it is not shown."""
        for page_number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row[0] == record_id:
                    return page_number * PAGE_SIZE + offset
        return listings.position_of(self._db, self.listing, record_id, filter_text=self.filter_text,
                                    sort=self.sort_key, descending=self.descending, narrow=self.narrow)

    def note(self, number: int) -> str | None:
        """The note about the row at ``number`` (its data-quality findings), if any."""
        row = self.row(number)
        if row is None:
            return None
        return self._notes.get(number // PAGE_SIZE, {}).get(row[0])

    def set_notes(self, provider: NotesProvider | None, icon=None) -> None:
        """Mark rows that have notes with ``icon`` on their first cell, which also gives the
        note under ``NOTE_ROLE`` (a delegate shows it as a tooltip).

        ``provider`` is asked once per fetched page, with that page's ids only.
        """
        self._notes_provider, self._notes_icon = provider, icon
        self.beginResetModel()
        self._pages.clear()
        self._notes.clear()
        self.endResetModel()

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- changes -----------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.reload()

    def set_narrow(self, narrow: bool) -> None:
        if narrow != self.narrow:
            self.narrow = narrow
            self.reload()

    def set_database(self, db) -> None:
        self._db = db
        self.reload()

    def reload(self) -> None:
        """Re-read the count and drop cached pages (after any change to the data)."""
        self.beginResetModel()
        self._pages.clear()
        self._notes.clear()
        self._count = listings.count(self._db, self.listing, filter_text=self.filter_text,
                                     narrow=self.narrow)
        self.endResetModel()
