"""The one table model every list uses: rows paged from SQL, never a whole table in memory.

``ListingModel`` shows a ``db.read.listings.Listing``. It fetches a page of rows only when the
view asks for a row in it and keeps a bounded number of pages cached, so a million-row
table scrolls like a small one and memory stays that of a small one. Sorting and
filtering are re-run in SQL; the view is configured, not subclassed.

The row count never holds up the window. The first page is read at once; when it is
full, the exact count (``count(*)`` with the filter, up to a few tenths of a second on a
million rows) runs on a worker thread with its own connection while the view already
shows the first rows, and the rows appear in the scroll bar when it arrives. Scrolling
past the rows known so far reads the next page (``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Collection

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from db.model.formatting import format_number
from db.model.i18n import _
from db.read import listings
from db.read.listings import Listing
from desktop.common.background import Job
from desktop.common.quality import NOTE_ROLE

PAGE_SIZE = 200
# Rows whose notes are asked for together: about a screenful, so the first paint of a
# million-row list asks about the rows it shows rather than the whole page.
NOTES_BLOCK = 50
MAX_CACHED_PAGES = 16
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_SHOWN_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE,
                Qt.ItemDataRole.DecorationRole, NOTE_ROLE)
# Notes about some rows (data-quality findings): (db, kind, ids of one page) -> {id: text}.
NotesProvider = Callable[[object, str, Collection[int]], dict[int, str]]


class ListingModel(QAbstractTableModel):
    """Rows of one listing, fetched from SQL a page at a time."""

    # The number of rows, and whether it is final (False while it is being counted).
    count_changed = Signal(int, bool)
    sort_refused = Signal(int)  # a header was clicked whose column cannot be sorted

    def __init__(self, db, listing: Listing, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.listing = listing
        self.filter_text = ""
        self.narrow = True
        self.sort_key: str | None = None
        self.descending = False
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._count = 0
        self._counted = True  # False while the exact count is still being worked out
        self._count_job: Job | None = None
        self._generation = 0  # which reload a count belongs to
        self._notes_provider: NotesProvider | None = None
        self._notes_icon = None
        self._notes: dict[int, dict[int, str]] = {}  # block number -> {record id: note}
        self._read_first_page()

    # -- what the view asks --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.listing.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.listing.columns):
            return None
        column = self.listing.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole and not column.sortable:
            return _("This column cannot be sorted.")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Views ask for a dozen roles per cell; only fetch a row for the ones we answer.
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.isValid() and self.listing.columns[index.column()].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in _SHOWN_ROLES or not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row[0]
        if role in (Qt.ItemDataRole.DecorationRole, NOTE_ROLE):
            note = self.note(index.row()) if index.column() == 0 else None
            if note is None:
                return None
            return self._notes_icon if role == Qt.ItemDataRole.DecorationRole else note
        column = self.listing.columns[index.column()]
        text = self._display(row[index.column() + 1], column.numeric)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips render anything that looks like markup: escape it so it shows as typed.
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if len(text) > 40 else None
        return text

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
        """Sort by a column in SQL; a column no index can order keeps the current order."""
        if 0 <= column < len(self.listing.columns) and not self.listing.columns[column].sortable:
            self.sort_refused.emit(column)
            return
        key = self.listing.columns[column].key if column >= 0 else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # the view asks again when sorting is switched on: the rows are already in this order
        self.sort_key, self.descending = key, descending
        self.reload()

    def sort_column(self) -> int:
        """The column the rows are sorted by, or -1 for the listing's own order."""
        keys = [c.key for c in self.listing.columns]
        return keys.index(self.sort_key) if self.sort_key in keys else -1

    # -- paging ----------------------------------------------------------------------
    def row(self, number: int) -> tuple | None:
        """The row at ``number`` as ``(id, values…)``, fetching its page if needed."""
        if not 0 <= number < self._count:
            return None
        page_number = number // PAGE_SIZE
        page = self._page(page_number)
        offset = number - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _page(self, page_number: int) -> list[tuple]:
        page = self._pages.get(page_number)
        if page is not None:
            self._pages.move_to_end(page_number)
            return page
        page = listings.page(self._db, self.listing, filter_text=self.filter_text, sort=self.sort_key,
                             descending=self.descending, offset=page_number * PAGE_SIZE,
                             limit=PAGE_SIZE, narrow=self.narrow,
                             total=self._count if self._counted else None)
        self._pages[page_number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            dropped, _rows = self._pages.popitem(last=False)
            for block in range(dropped * PAGE_SIZE // NOTES_BLOCK, (dropped + 1) * PAGE_SIZE // NOTES_BLOCK):
                self._notes.pop(block, None)
        return page

    def record_id(self, number: int) -> int | None:
        row = self.row(number)
        return row[0] if row else None

    def row_of(self, record_id: int) -> int | None:
        """Where a record is in the current order and filter, or None when it is not shown."""
        for page_number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row[0] == record_id:
                    return page_number * PAGE_SIZE + offset
        position = listings.position_of(self._db, self.listing, record_id, filter_text=self.filter_text,
                                        sort=self.sort_key, descending=self.descending, narrow=self.narrow)
        if position is not None and position >= self._count:
            self._grow_to(position + 1)  # found beyond the rows known while counting
        return position

    def note(self, number: int) -> str | None:
        """The note about the row at ``number`` (its data-quality findings), if any."""
        row = self.row(number)
        if row is None or self._notes_provider is None:
            return None
        block = number // NOTES_BLOCK
        notes = self._notes.get(block)
        if notes is None:  # asked when a row of the block is first drawn, so a hidden list asks nothing
            first = block * NOTES_BLOCK
            page = self._pages[first // PAGE_SIZE]
            start = first % PAGE_SIZE
            ids = {r[0] for r in page[start:start + NOTES_BLOCK]}
            notes = self._notes[block] = self._notes_provider(self._db, self.listing.kind, ids)
        return notes.get(row[0])

    def set_notes(self, provider: NotesProvider | None, icon=None) -> None:
        """Mark rows that have notes with ``icon`` on their first cell, which also gives the
        note under ``NOTE_ROLE`` (a delegate shows it as a tooltip).

        ``provider`` is asked once per ``NOTES_BLOCK`` rows, with their ids only, when one of
        them is first drawn (or its note asked for).
        """
        self._notes_provider, self._notes_icon = provider, icon
        self._notes.clear()
        if self._count:
            roles = [Qt.ItemDataRole.DecorationRole, NOTE_ROLE]
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 0), roles)

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- the count ---------------------------------------------------------------------
    @property
    def counted(self) -> bool:
        """True once the row count is exact (not still being counted)."""
        return self._counted

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 (Qt's name)
        return not parent.isValid() and not self._counted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 (Qt's name)
        """The view reached the last row known while counting: read the next page."""
        if parent.isValid() or self._counted:
            return
        page = self._page(self._count // PAGE_SIZE)
        known = (self._count // PAGE_SIZE) * PAGE_SIZE + len(page)
        if len(page) < PAGE_SIZE:
            self._stop_counting()
            self._set_count(known, final=True)
        else:
            self._grow_to(known)

    def _grow_to(self, rows: int) -> None:
        if rows > self._count:
            self._set_count(rows, final=self._counted)

    def _set_count(self, rows: int, *, final: bool) -> None:
        self._counted = final
        if rows > self._count:
            self.beginInsertRows(QModelIndex(), self._count, rows - 1)
            self._count = rows
            self.endInsertRows()
        elif rows < self._count:
            self.beginRemoveRows(QModelIndex(), rows, self._count - 1)
            self._count = rows
            self.endRemoveRows()
        self.count_changed.emit(self._count, self._counted)

    def _read_first_page(self) -> None:
        """Read the first page now; count the rest apart when there is more than a page."""
        self._pages.clear()
        self._notes.clear()
        self._stop_counting()
        self._generation += 1
        self._count, self._counted = PAGE_SIZE, False  # lets the first page be read
        first = self._page(0)
        if len(first) < PAGE_SIZE:
            self._count, self._counted = len(first), True
            return
        listing, filter_text, narrow = self.listing, self.filter_text, self.narrow
        generation = self._generation
        job = Job(self._db, lambda db, _job: (generation, listings.count(
            db, listing, filter_text=filter_text, narrow=narrow)))
        job.finished.connect(self._counted_apart)  # a bound method: dropped if the model goes
        self._count_job = job
        job.start()

    def _counted_apart(self, result: tuple[int, int]) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # a count for rows shown before the last reload
        self._count_job = None
        self._set_count(rows, final=True)

    def _stop_counting(self) -> None:
        if self._count_job is not None:
            self._count_job.cancel()
            self._count_job = None

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
        """Re-read the first page and the count, dropping cached pages (after any change)."""
        self.beginResetModel()
        self._read_first_page()
        self.endResetModel()
        self.count_changed.emit(self._count, self._counted)
