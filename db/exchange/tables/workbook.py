"""Spreadsheet workbooks: the rows of one sheet of an ``.xlsx`` or ``.ods`` file.

Both are read with python-calamine (Python's binding of calamine, a maintained reader of
Excel and OpenDocument files written in Rust), loaded only when such a file is opened: a
sheet of 100,000 rows of ten cells takes 0.8 s, where openpyxl in read-only mode took 9.7 s
on the same machine. A sheet is read whole into memory before its rows are handed on (about
32 bytes a cell: a third of a GB for a million rows of ten cells). The file is read by its content, whatever
its name ends with. Cells become the text a CSV would hold: numbers in full with a decimal
point, dates as ISO days.

Merged cells are read as if each cell of the merged range held the range's value, so a
header "Страна" merged over two rows, or a group heading merged over four columns, names
every column under it. Title rows above the header are left to ``header.find_header``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from db.exchange.tables import extent
from db.model.i18n import N_, _

SUFFIXES = (".xlsx", ".xlsm", ".ods")
_DAMAGED = N_("it cannot be read as a spreadsheet workbook (it may be damaged, or an old .xls file); open it "
              "in a spreadsheet program and save it again as .xlsx or CSV")


class NotAWorkbook(ValueError):
    """The file cannot be read as a workbook; the message says why."""


def is_workbook(path: Path) -> bool:
    """True for a spreadsheet workbook, by its suffix or by its first bytes (a zip)."""
    if path.suffix.lower() in SUFFIXES:
        return True
    with path.open("rb") as handle:
        return handle.read(4) in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# The last sheet read, by its file's path, size and time of change and its name: the import
# dialog opens a file again for each change to its mapping, then imports it.
_KEPT: dict[tuple[str, int, int, str], object] = {}


def release() -> None:
    """Let go of the sheet kept for the next opening (the import dialog closed)."""
    _KEPT.clear()


class Workbook:
    """An open workbook: its sheet names and the rows of a chosen sheet."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ods = path.suffix.lower() == ".ods"
        self._read: dict[str, object] = {}
        try:
            from python_calamine import CalamineWorkbook

            self._file = path.open("rb")  # by its content, whatever its name ends with
            if self._file.read(4) != b"PK\x03\x04":  # .xlsx and .ods are zips; an old .xls is not read
                raise NotAWorkbook
            self._file.seek(0)
            self.book = CalamineWorkbook.from_filelike(self._file)
            self.sheets = list(self.book.sheet_names)
        except Exception:  # each reader raises its own kinds for a damaged file
            self.close()
            raise NotAWorkbook(_(_DAMAGED)) from None
        if not self.sheets:
            raise NotAWorkbook(_("the workbook has no sheets"))

    def sheet(self, name: str | None) -> str:
        """The sheet to read: the one named (any case), else the first."""
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.casefold() == name.strip().casefold():
                return sheet
        raise NotAWorkbook(_("the workbook has no sheet “{name}” (its sheets: {sheets})").format(
            name=name, sheets=", ".join(self.sheets)))

    def rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells as text) of every row of the sheet, merged ranges filled."""
        merged = self._merged(sheet)
        values = self._values(sheet)
        pending: dict[int, list[tuple[int, int, int, str]]] = {}  # row -> (first col, last col, last row, text)
        for index, row in enumerate(values):
            cells = [cell_text(v) for v in row]
            for r1, c1, r2, c2 in merged.get(index, ()):
                text = cells[c1] if c1 < len(cells) else ""
                for r in range(r1, r2 + 1):
                    pending.setdefault(r, []).append((c1, c2, r2, text))
            for c1, c2, _r2, text in pending.pop(index, ()):
                if len(cells) <= c2:
                    cells.extend([""] * (c2 + 1 - len(cells)))
                for c in range(c1, c2 + 1):
                    cells[c] = text
            yield index + 1, cells

    def _values(self, sheet: str) -> Iterator[list]:
        """The sheet's rows from A1, as Python values, one row at a time (the whole sheet as
        Python objects at once would take ten times the memory of its cells)."""
        read = self._sheet(sheet)
        skip = read.start[1] if read.start else 0  # rows come from the first row, not the first column
        for row in read.iter_rows():
            yield [""] * skip + row if skip else row

    def _sheet(self, name: str):
        """The sheet's cells, read once (each reading parses the sheet's whole XML), and kept
        for the next opening of the same unchanged file (``release`` lets go of them)."""
        found = self._read.get(name)
        if found is not None:
            return found
        stat = self.path.stat()
        key = (str(self.path.resolve()), stat.st_size, stat.st_mtime_ns, name)
        found = _KEPT.get(key)
        if found is None:
            try:
                extent.check(self.path, name)  # a sheet too large is refused before it is laid out
            except extent.SheetTooLarge as error:
                raise NotAWorkbook(str(error)) from None
            except extent.SheetUnreadable:
                raise NotAWorkbook(_(_DAMAGED)) from None
            try:
                found = self.book.get_sheet_by_name(name)
            except Exception:  # the reader's own kinds, for a sheet it cannot read
                raise NotAWorkbook(_(_DAMAGED)) from None
            release()
            _KEPT[key] = found
        self._read[name] = found
        return found

    def height(self, sheet: str) -> int:
        """How many rows the sheet has, from its first to its last with a value."""
        end = self._sheet(sheet).end  # (row, column) of the last cell, counted from 0; None when empty
        return end[0] + 1 if end else 0

    def _merged(self, sheet: str) -> dict[int, list[tuple[int, int, int, int]]]:
        """Merged ranges by their first row."""
        try:
            ranges = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in
                      self._sheet(sheet).merged_cell_ranges or []]
        except (TypeError, ValueError, AttributeError):  # a sheet whose file keeps no merged ranges
            ranges = []
        by_row: dict[int, list[tuple[int, int, int, int]]] = {}
        for r1, c1, r2, c2 in ranges:
            by_row.setdefault(r1, []).append((r1, c1, r2, c2))
        return by_row

    def close(self) -> None:
        """Let go of the workbook and its file; closing again does nothing."""
        self._read = {}
        book, self.book = getattr(self, "book", None), None
        if book is not None:
            book.close()
        handle, self._file = getattr(self, "_file", None), None
        if handle is not None:
            handle.close()
