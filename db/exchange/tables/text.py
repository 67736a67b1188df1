"""Text tables (CSV): rows of cells read from a file in the encoding chosen for it.

Comma, semicolon or tab between cells: whichever splits the first rows into the most known
header names, else into the most cells alike. A line longer than ``MAX_LINE`` is refused
before it is read whole (a file that is not a table could hold a line of gigabytes). Rows
are numbered as a spreadsheet shows them: the first line is row 1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from db.exchange.tables.header import field_of
from db.model.i18n import _

MAX_LINE = 1 << 20  # characters; a longer line is not a row of figures
MAX_LINE_LABEL = "1 MB"
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": _("comma-separated"), ";": _("semicolon-separated"), "\t": _("tab-separated")}


class LineTooLong(ValueError):
    """A line longer than ``MAX_LINE``; the message names its row."""


class TextRows:
    """The rows of a text table as lists of cells, with their spreadsheet row numbers."""

    def __init__(self, path: Path, codec: str, *, bad_bytes: bool = False, delimiter: str | None = None) -> None:
        self.path = path
        self.handle: TextIO = path.open("r", encoding=codec, newline="",
                                        errors="surrogateescape" if bad_bytes else "strict")
        self.row_number = 0  # rows read so far (the one being read is the next)
        self.delimiter = delimiter

    def _lines(self) -> Iterator[str]:
        while True:
            line = self.handle.readline(MAX_LINE + 1)
            if not line:
                return
            if len(line) > MAX_LINE:
                raise LineTooLong(_("row {row} is longer than {size}, so the file is not a table of "
                                    "figures").format(row=self.row_number + 1, size=MAX_LINE_LABEL))
            yield line

    def first_lines(self, count: int) -> list[str]:
        """The first ``count`` lines, to choose the delimiter (read again by ``rows``)."""
        lines: list[str] = []
        try:
            for line in self._lines():
                lines.append(line)
                if len(lines) >= count:
                    break
        except LineTooLong:
            pass  # reading the rows names its row
        self.handle.seek(0)
        return lines

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        if self.delimiter is None:
            self.delimiter = guess_delimiter(self.first_lines(30))
        for cells in csv.reader(self._lines(), delimiter=self.delimiter):
            self.row_number += 1
            yield self.row_number, cells

    def position(self) -> int:
        """Bytes read so far (for progress)."""
        return self.handle.buffer.tell()

    def close(self) -> None:
        self.handle.close()


def guess_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most known names, else into the
    most rows of the same (more than one) number of cells."""
    def score(delimiter: str) -> tuple[int, int, int]:
        rows = list(csv.reader(lines, delimiter=delimiter)) if lines else []
        known = max((sum(field_of(c) is not None for c in row) for row in rows), default=0)
        widths = [len(r) for r in rows if len(r) > 1]
        alike = max((widths.count(w) for w in set(widths)), default=0)
        return known, alike, sum(line.count(delimiter) for line in lines)

    try:
        return max(DELIMITERS, key=score)
    except csv.Error:
        return ","
