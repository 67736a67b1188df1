"""Spreadsheet workbooks: the rows of one sheet of an ``.xlsx`` (openpyxl) or ``.ods`` file.

``.xlsx`` is read with openpyxl in read-only mode, streaming, so 100,000 rows take seconds
and little memory; ``.ods`` with python-calamine (a small, maintained reader of OpenDocument
spreadsheets). Both are loaded only when such a file is opened. Cells become the text a
CSV would hold: numbers in full with a decimal point, dates as ISO days.

Merged cells are read as if each cell of the merged range held the range's value, so a
header "Страна" merged over two rows, or a group heading merged over four columns, names
every column under it. Title rows above the header are left to ``header.find_header``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from db.model.i18n import _

SUFFIXES = (".xlsx", ".xlsm", ".ods")


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


def _range(ref: str) -> tuple[int, int, int, int]:
    """"B2:E3" as (first row, first column, last row, last column), 0-based."""
    def point(text: str) -> tuple[int, int]:
        match = re.fullmatch(r"([A-Z]+)(\d+)", text)
        assert match is not None
        column = 0
        for letter in match.group(1):
            column = column * 26 + ord(letter) - 64
        return int(match.group(2)) - 1, column - 1

    first, _colon, last = ref.partition(":")
    (r1, c1), (r2, c2) = point(first), point(last or first)
    return r1, c1, r2, c2


class Workbook:
    """An open workbook: its sheet names and the rows of a chosen sheet."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ods = path.suffix.lower() == ".ods"
        try:
            if self.ods:
                from python_calamine import CalamineWorkbook

                self.book = CalamineWorkbook.from_path(str(path))
                self.sheets = list(self.book.sheet_names)
            else:
                import openpyxl

                self._file = path.open("rb")  # by its content, whatever its name ends with
                self.book = openpyxl.load_workbook(self._file, read_only=True, data_only=True)
                self.sheets = list(self.book.sheetnames)
        except Exception:  # each reader raises its own kinds for a damaged file
            self.close()
            raise NotAWorkbook(_("it cannot be read as a spreadsheet workbook (it may be damaged, or an old "
                                 ".xls file); open it in a spreadsheet program and save it again as .xlsx "
                                 "or CSV")) from None
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
        if self.ods:
            values: Iterator[list] = iter(self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False))
        else:
            values = (list(r) for r in self.book[sheet].iter_rows(values_only=True))
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

    def _merged(self, sheet: str) -> dict[int, list[tuple[int, int, int, int]]]:
        """Merged ranges by their first row."""
        ranges: list[tuple[int, int, int, int]] = []
        if self.ods:
            try:
                for (r1, c1), (r2, c2) in self.book.get_sheet_by_name(sheet).merged_cell_ranges or []:
                    ranges.append((r1, c1, r2, c2))
            except (TypeError, ValueError, AttributeError):  # a reader without merged ranges for .ods
                ranges = []
        else:
            ranges = [_range(ref) for ref in self._xlsx_merged_refs(sheet)]
        by_row: dict[int, list[tuple[int, int, int, int]]] = {}
        for r1, c1, r2, c2 in ranges:
            by_row.setdefault(r1, []).append((r1, c1, r2, c2))
        return by_row

    def _xlsx_merged_refs(self, sheet: str) -> list[str]:
        """The merged ranges of a sheet, read from its XML (read-only mode does not give them)."""
        part = getattr(self.book[sheet], "_worksheet_path", None)
        if not part:
            return []
        refs: list[str] = []
        tail = b""
        pattern = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
        with zipfile.ZipFile(self.path) as archive, archive.open(part) as stream:
            while chunk := stream.read(1 << 20):
                text = tail + chunk
                refs.extend(m.decode() for m in pattern.findall(text))
                tail = text[-200:]  # a range cut between two chunks is found in the next
        return list(dict.fromkeys(refs))

    def close(self) -> None:
        close = getattr(getattr(self, "book", None), "close", None)
        if close is not None:
            close()
        handle = getattr(self, "_file", None)
        if handle is not None:
            handle.close()
