"""How far a workbook sheet's cells reach, read from the file before the sheet itself is.

A spreadsheet file keeps only the cells that hold something, each with its place; the reader
(calamine) lays a sheet out as a grid from its first to its last cell. A file of a few
kilobytes naming one cell at XFD1048576 would ask for 17 billion cells, and the process would
abort rather than fail. So the sheet's extent is read first — its XML streamed from the zip,
never kept whole — and a sheet of more than ``MAX_CELLS`` cells is refused with a sentence
before the reader sees it.

``.xlsx``: every writer in common use gives each cell its place first (``<c r="B7">``), so
the cells are counted and their places found with one regular expression over the XML, in
about half the time the reader takes; when some cell is placed only by its order, or written
another way, the counts differ and the sheet is walked with expat instead. ``.ods``: rows and
cells repeated (``number-rows-repeated``, ``number-columns-repeated``) are counted as the
reader lays them out, up to the last that holds something.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import unescape
from pathlib import Path
from xml.parsers import expat

from db.model.formatting import format_number
from db.model.i18n import _

MAX_CELLS = 1_048_576 * 16  # every row a sheet can have, sixteen cells wide (about half a GB laid out)
MAX_PART = 2 << 30  # bytes of a sheet's XML, as the zip declares them
_MAX_STRINGS = 512 << 20  # bytes of the workbook's shared texts
_SMALL_PART = 16 << 20  # the workbook's own parts (its sheet list and their files)
_CHUNK = 1 << 20

# A cell's start tag as writers write it (not <col>, <cfRule> …); a cell written otherwise is
# not counted here, so the counts differ and the sheet is walked with expat instead.
_CELL_TAGS = (b"<c ", b"<c>", b"<c/>")
_PLACED = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')  # its place given first, as writers give it
_SHEET = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?sheet\s([^>]*)>")
_ATTRIBUTE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_RELATIONSHIP = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?Relationship\s([^>]*)>")

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class SheetTooLarge(ValueError):
    """The sheet reaches further than ``MAX_CELLS`` allows, or its parts are too large to read."""


class SheetUnreadable(ValueError):
    """The sheet's cells cannot be found where the file's own lists say they are."""


def check(path: Path, sheet: str) -> None:
    """Raise ``SheetTooLarge`` with a sentence if the sheet ``sheet`` is too large to read, and
    ``SheetUnreadable`` if its cells cannot be found (the reader is then never asked)."""
    try:
        with zipfile.ZipFile(path) as archive:  # by content, whatever the file's name
            names = archive.namelist()
            extents = [_ods_extent(archive, sheet)] if "content.xml" in names else []
            if not extents or any(n.endswith("workbook.xml") for n in names):  # both kinds: the larger
                extents.append(_xlsx_extent(archive, sheet))
            rows, columns = max(r for r, _c in extents), max(c for _r, c in extents)
    except SheetTooLarge:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, StopIteration, expat.ExpatError,
            RuntimeError, NotImplementedError) as error:  # a damaged zip, a part missing, bad XML
        raise SheetUnreadable(str(error)) from None
    if rows * columns > MAX_CELLS:
        raise SheetTooLarge(_("the sheet “{sheet}” reaches row {rows} and column {columns}: more than "
                              "{limit} cells, which Fact Sheet does not read from a workbook; save the "
                              "table as CSV and import that").format(
            sheet=sheet, rows=format_number(rows), columns=format_number(columns), limit=format_number(MAX_CELLS)))


def _attributes(text: str) -> dict[str, str]:
    return {name: unescape(double if double or not single else single)
            for name, double, single in _ATTRIBUTE.findall(text)}


def _small(archive: zipfile.ZipFile, name: str) -> str:
    info = archive.getinfo(name)
    if info.file_size > _SMALL_PART:
        raise SheetTooLarge(_("the workbook's part {name} is too large to be a list of sheets").format(name=name))
    return archive.read(info).decode("utf-8", "replace")


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str:
    """The name, inside the zip, of the XML holding the cells of ``sheet``."""
    names = set(archive.namelist())
    book = "xl/workbook.xml" if "xl/workbook.xml" in names else next(n for n in names if n.endswith("workbook.xml"))
    relation = None
    for found in _SHEET.finditer(_small(archive, book)):
        attributes = _attributes(found.group(1))
        if attributes.get("name") == sheet:
            relation = next((v for k, v in attributes.items() if k.endswith(":id")), None)
            break
    folder, base = posixpath.split(book)
    links = _small(archive, posixpath.join(folder, "_rels", base + ".rels"))
    for found in _RELATIONSHIP.finditer(links):
        attributes = _attributes(found.group(1))
        if attributes.get("Id") == relation:
            target = attributes.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
    raise KeyError(sheet)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _xlsx_extent(archive: zipfile.ZipFile, sheet: str) -> tuple[int, int]:
    for part in archive.infolist():  # the reader holds the texts of all cells in memory at once
        if part.filename.endswith("sharedStrings.xml") and part.file_size > _MAX_STRINGS:
            raise SheetTooLarge(_("the workbook's texts take more than {size}; save the table as CSV and "
                                  "import that").format(size="512 MB"))
    info = archive.getinfo(_sheet_part(archive, sheet))
    if info.file_size > MAX_PART:
        raise SheetTooLarge(_("the sheet “{sheet}” holds more than {size} of XML; save the table as CSV and "
                              "import that").format(sheet=sheet, size="2 GB"))
    cells = placed = 0
    rows: set[bytes] = set()
    columns: set[bytes] = set()
    with archive.open(info) as stream:
        carry = b""
        while chunk := stream.read(_CHUNK):
            data = carry + chunk
            cut = data.rfind(b"<")  # a tag cut at the chunk's end is read whole with the next
            data, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            cells += sum(map(data.count, _CELL_TAGS))
            found = _PLACED.findall(data)
            placed += len(found)
            rows |= {row for _column, row in found}
            columns |= {column for column, _row in found}
        cells += sum(map(carry.count, _CELL_TAGS))
    if cells != placed:  # some cells are placed by their order alone
        return _xlsx_walk(archive, info)
    widest = max(columns, key=lambda c: (len(c), c), default=b"")
    return max(map(int, rows), default=0), _column_number(widest.decode()) if widest else 0


def _xlsx_walk(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """The extent of a sheet whose cells or rows are placed by their order: an expat walk."""
    place = {"row": 0, "column": 0, "rows": 0, "columns": 0}
    reference = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})")

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "row":
            place["row"] = int(attributes["r"]) if attributes.get("r", "").isdigit() else place["row"] + 1
            place["column"] = 0
        elif local == "c":
            matched = reference.fullmatch(attributes.get("r", ""))
            if matched:
                place["column"], place["row"] = _column_number(matched.group(1)), int(matched.group(2))
            else:
                place["column"] += 1
            place["rows"] = max(place["rows"], place["row"])
            place["columns"] = max(place["columns"], place["column"])

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with archive.open(info) as stream:
        parser.ParseFile(stream)
    return place["rows"], place["columns"]


def _ods_extent(archive: zipfile.ZipFile, sheet: str) -> tuple[int, int]:
    """Rows and columns of the table ``sheet`` as laid out: repeated rows and cells counted,
    up to the last that holds something."""
    info = archive.getinfo("content.xml")
    if info.file_size > MAX_PART:
        raise SheetTooLarge(_("the sheet “{sheet}” holds more than {size} of XML; save the table as CSV and "
                              "import that").format(sheet=sheet, size="2 GB"))
    table, row_, cell_, covered = f"{_TABLE} table", f"{_TABLE} table-row", f"{_TABLE} table-cell", \
        f"{_TABLE} covered-table-cell"
    repeat_rows, repeat_columns = f"{_TABLE} number-rows-repeated", f"{_TABLE} number-columns-repeated"
    state = {"in": False, "done": False, "row": 0, "repeat": 1, "column": 0, "cell": None, "depth": 0,
             "row_has": False, "rows": 0, "columns": 0}

    def count(value: str | None) -> int:
        return int(value) if value and value.isdigit() else 1

    def start(name: str, attributes: dict[str, str]) -> None:
        if state["done"]:
            return
        if name == table and not state["in"]:
            state["in"] = attributes.get(f"{_TABLE} name") == sheet
            return
        if not state["in"]:
            return
        if state["cell"] is not None:  # anything inside a cell (a paragraph …) is content
            state["cell"][2] = True
            state["depth"] += 1
        elif name == row_:
            state["repeat"], state["column"], state["row_has"] = count(attributes.get(repeat_rows)), 0, False
        elif name in (cell_, covered):
            filled = any(k.endswith(" value-type") and k.startswith(_OFFICE) for k in attributes)
            state["cell"] = [state["column"], count(attributes.get(repeat_columns)), filled]

    def end(name: str) -> None:
        if not state["in"] or state["done"]:
            return
        if state["cell"] is not None and state["depth"]:
            state["depth"] -= 1
        elif name in (cell_, covered) and state["cell"] is not None:
            first, repeat, filled = state["cell"]
            if filled:
                state["columns"] = max(state["columns"], first + repeat)
                state["row_has"] = True
            state["column"], state["cell"] = first + repeat, None
        elif name == row_:
            if state["row_has"]:
                state["rows"] = state["row"] + state["repeat"]
            state["row"] += state["repeat"]
        elif name == table:
            state["in"], state["done"] = False, True

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler = start, end
    with archive.open(info) as stream:
        parser.ParseFile(stream)
    if not state["done"]:
        raise KeyError(sheet)  # no such table: nothing the reader could be asked for is measured
    return state["rows"], state["columns"]
