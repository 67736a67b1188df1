"""Text tables (CSV): rows of cells read from a file in the encoding chosen for it.

Comma, semicolon or tab between cells: whichever splits the first rows into the most known
header names, else into the most cells alike. A line longer than ``MAX_LINE`` is refused
before it is read whole (a file that is not a table could hold a line of gigabytes); a cell
may be as long as a line (past the csv module's default limit), and a quoted cell spread
over more is refused too. Rows are numbered as a spreadsheet shows them: the first line is
row 1.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import TextIO

from db.exchange.tables.header import field_of
from db.model.i18n import N_, Labels, _

MAX_LINE = 1 << 20  # characters; a longer line is not a row of figures
MAX_LINE_LABEL = "1 MB"
BLOCK = 1 << 20  # characters read at a time
_LINE_ENDS = re.compile(r"(?<=\n)")  # split after each line break, keeping it (csv needs it in quoted cells)
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = Labels({",": N_("comma-separated"), ";": N_("semicolon-separated"), "\t": N_("tab-separated")})


class LineTooLong(ValueError):
    """A line longer than ``MAX_LINE``; the message names its row."""


class TextRows:
    """The rows of a text table as lists of cells, with their spreadsheet row numbers."""

    def __init__(self, path: Path, codec: str, *, bad_bytes: bool = False, delimiter: str | None = None) -> None:
        self.path = path
        self.handle: TextIO = path.open("r", encoding=codec, newline="",
                                        errors="surrogateescape" if bad_bytes else "strict")
        self.delimiter = delimiter

    def _blocks(self) -> Iterator[list[str]]:
        """The file's lines a block at a time: handing csv whole lists of lines keeps Python out
        of the loop over a million lines. A line is never read whole past ``MAX_LINE``."""
        carry = ""
        lines_before = 0
        while True:
            block = self.handle.read(BLOCK)
            if not block:
                if carry:
                    yield [carry]
                return
            lines = _LINE_ENDS.split(carry + block)
            carry = lines.pop()  # the start of a line the next block ends ("" after a line break)
            if len(carry) > MAX_LINE or max(map(len, lines), default=0) > MAX_LINE:
                long = next((i for i, line in enumerate(lines) if len(line) > MAX_LINE), len(lines))
                raise LineTooLong(_("row {row} is longer than {size}, so the file is not a table of "
                                    "figures").format(row=lines_before + long + 1, size=MAX_LINE_LABEL))
            lines_before += len(lines)
            yield lines

    def first_lines(self, count: int) -> list[str]:
        """The first ``count`` lines, to choose the delimiter (read again by ``rows``); a line
        longer than ``MAX_LINE`` ends them (reading the rows names it)."""
        lines: list[str] = []
        while len(lines) < count:
            line = self.handle.readline(MAX_LINE + 1)
            if not line or len(line) > MAX_LINE:
                break
            lines.append(line)
        self.handle.seek(0)
        return lines

    def rows(self, *, scanned: bool = False) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) of every row; the row number counts rows, not lines.

        ``scanned`` says ``scan`` found no line too long, so the file is read line by line at
        full speed; otherwise in blocks, refusing a long line before it is read whole."""
        if self.delimiter is None:
            self.delimiter = guess_delimiter(self.first_lines(30))
        lines = self.handle if scanned else chain.from_iterable(self._blocks())
        # Python's csv refuses a cell over 128 KB by default; a cell may be as long as a line.
        if csv.field_size_limit() < MAX_LINE:
            csv.field_size_limit(MAX_LINE)
        return enumerate(csv.reader(lines, delimiter=self.delimiter), start=1)

    def position(self) -> int:
        """Bytes read so far (for progress)."""
        return self.handle.buffer.tell()

    def close(self) -> None:
        self.handle.close()


def csv_problem(row: int, error: Exception) -> str:
    """Why row ``row`` cannot be read: a quoted cell longer than a line may be, or the csv
    module's own words."""
    if "field limit" in str(error):
        return _("row {row} has a cell longer than {size}, so the file is not a table of figures").format(
            row=row, size=MAX_LINE_LABEL)
    return _("row {row} cannot be read as CSV ({detail})").format(row=row, detail=error)


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


def scan(path: Path, codec: str, *, bad_bytes: bool = False) -> int:
    """How many lines the file has; raises ``LineTooLong`` for a line longer than ``MAX_LINE``.

    In an encoding that writes a line break as the byte 10 (UTF-8 and the one-byte code
    pages) the bytes are counted without decoding them, a few times faster; a line of more
    than ``MAX_LINE`` bytes is then measured again in characters. The text is decoded, and
    checked, as its rows are read."""
    if _breaks_are_bytes(codec):
        count = _scan_bytes(path)
        if count is not None:
            return count
    count = 0
    carry = 0  # characters of the line the previous block ended in
    with path.open("r", encoding=codec, newline="", errors="surrogateescape" if bad_bytes else "strict") as handle:
        while block := handle.read(BLOCK):
            parts = block.split("\n")
            longest = max(carry + len(parts[0]), max(map(len, parts[1:-1]), default=0),
                          len(parts[-1]) if len(parts) > 1 else 0)
            if longest > MAX_LINE:
                lengths = [carry + len(parts[0]), *map(len, parts[1:])]
                at = next(i for i, n in enumerate(lengths) if n > MAX_LINE)
                raise LineTooLong(_("row {row} is longer than {size}, so the file is not a table of "
                                    "figures").format(row=count + at + 1, size=MAX_LINE_LABEL))
            count += len(parts) - 1
            carry = (carry + len(parts[0])) if len(parts) == 1 else len(parts[-1])
    return count + (1 if carry else 0)


def _breaks_are_bytes(codec: str) -> bool:
    """True when every byte 10 of the file is a line break and nothing else is (a byte-order
    mark of UTF-8 aside)."""
    try:
        return "a\nb".encode(codec).removeprefix(codecs.BOM_UTF8) == b"a\nb"
    except (LookupError, UnicodeError):
        return False


def _scan_bytes(path: Path) -> int | None:
    """The number of lines, or None when a line may be longer than ``MAX_LINE``. A block is
    no longer than ``MAX_LINE``, so only a line running across blocks can be."""
    count = 0
    since = 0  # bytes since the last line break
    with path.open("rb") as handle:
        if handle.read(3) != codecs.BOM_UTF8:  # a byte-order mark is not a line's text
            handle.seek(0)
        while block := handle.read(BLOCK):
            first = block.find(b"\n")
            if first < 0:
                since += len(block)
                if since > MAX_LINE:
                    return None
                continue
            if since + first > MAX_LINE:
                return None
            count += block.count(b"\n")
            since = len(block) - block.rfind(b"\n") - 1
    return count + (1 if since else 0)
