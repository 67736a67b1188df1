"""Opening a table of figures: its kind, encoding, sheet, header row and which column is which.

``open_table`` reads the start of a CSV file or a workbook sheet and returns a ``Table``:
how it is written (``describe``), its ``Layout`` (the header row found below any title rows,
each field's column, the periods across a wide table, values for every row), the first rows
for a preview, and ``rows()`` to read every row after the header. A file that cannot be
read as a table raises ``TableError``; a header that lacks a field the import needs raises
``MissingFields``, which still carries the table, so the window can ask for a mapping.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from db.errors import FactSheetError
from db.exchange.tables import encodings, header, text, wide, workbook
from db.exchange.tables.values import guess_decimal
from db.model.i18n import _
from db.model.indicator_names import split_unit
from db.model.period_words import PeriodWords
from db.model.units import parse_unit

SAMPLE_ROWS = 20
DECIMAL_SAMPLE_ROWS = 1000


class TableError(FactSheetError):
    """The file cannot be read as a table of figures; the message is the one problem."""


class MissingFields(TableError):
    """The header names no column for a field the import needs; ``table`` is what was read."""

    def __init__(self, message: str, table: Table) -> None:
        super().__init__(message)
        self.table = table


@dataclass
class ReadOptions:
    """What the person chose: the encoding, the sheet and the mapping of columns."""

    encoding: str | None = None  # a codec of ``encodings.ENCODING_NAMES``, else detected
    sheet: str | None = None
    mapping: header.Mapping = field(default_factory=header.Mapping)


@dataclass
class Layout:
    """Which column holds which field, read from the header row and the person's mapping."""

    header_row: int  # its row number, as a spreadsheet shows it
    header: list[str]
    fields: dict[str, int] = field(default_factory=dict)  # field -> column
    periods: dict[int, PeriodWords] = field(default_factory=dict)  # wide tables: column -> period
    values: dict[str, str] = field(default_factory=dict)  # field -> value for every row
    ignored: list[str] = field(default_factory=list)  # header names no field uses
    decimal: str = "."
    decimal_known: bool = True
    title: list[str] = field(default_factory=list)  # text of the rows above the header

    @property
    def wide(self) -> bool:
        return bool(self.periods)

    def column_name(self, name: str) -> str:
        """How a problem names the column of a field: its header as written, else the field."""
        column = self.fields.get(name)
        if column is not None and column < len(self.header) and self.header[column].strip():
            return self.header[column].strip()
        return name

    def field_of_column(self, column: int) -> str | None:
        """The field a column fills ("period" for one filling both ends), or None."""
        names = [f for f, c in self.fields.items() if c == column]
        if "period_start" in names and "period_end" in names:
            return "period"
        return names[0] if names else None

    def missing(self) -> list[str]:
        """Required fields neither a column nor a value for every row gives."""
        given = set(self.fields) | set(self.values)
        if "period" in self.values:
            given |= {"period_start", "period_end"}
        if self.wide:
            given |= {"period_start", "period_end", "value"}
        return [f for f in header.REQUIRED if f not in given]


class Table:
    """An open table: a CSV file or one sheet of a workbook, with its layout."""

    def __init__(self, path: Path, options: ReadOptions) -> None:
        self.path = path
        self.options = options
        self.encoding: encodings.Encoding | None = None
        self.delimiter: str | None = None
        self.book: workbook.Workbook | None = None
        self.sheets: list[str] = []
        self.sheet: str | None = None
        self.sample: list[tuple[int, list[str]]] = []  # the first data rows, for a preview
        self._reader: text.TextRows | None = None
        if workbook.is_workbook(path):
            try:
                self.book = workbook.Workbook(path)
                self.sheets = self.book.sheets
                self.sheet = self.book.sheet(options.sheet)
            except workbook.NotAWorkbook as error:
                raise TableError(str(error)) from None
        else:
            self.encoding = self._encoding(path, options.encoding)

    @staticmethod
    def _encoding(path: Path, chosen: str | None) -> encodings.Encoding:
        if chosen:
            if chosen not in encodings.ENCODING_NAMES:
                raise TableError(_("“{name}” is not an encoding Fact Sheet reads ({names})").format(
                    name=chosen, names=", ".join(encodings.ENCODING_NAMES)))
            return encodings.Encoding(chosen)
        try:
            return encodings.detect(path)
        except encodings.NotText as error:
            raise TableError(str(error)) from None

    @property
    def kind(self) -> str:
        return "csv" if self.book is None else ("ods" if self.book.ods else "xlsx")

    def describe(self) -> str:
        """"UTF-8, semicolon-separated, decimal comma" or "Excel workbook, sheet “Лист1”"."""
        layout = self.layout
        decimal = _("decimal comma") if layout.decimal == "," else _("decimal point")
        if not layout.decimal_known:
            decimal = _("{decimal} (assumed)").format(decimal=decimal)
        if self.book is not None:
            kind = _("OpenDocument spreadsheet") if self.book.ods else _("Excel workbook")
            return _("{kind}, sheet “{sheet}”").format(kind=kind, sheet=self.sheet)
        assert self.encoding is not None and self.delimiter is not None
        return _("{encoding}, {separator}, {decimal}").format(
            encoding=self.encoding.name, separator=text.DELIMITER_NAMES[self.delimiter], decimal=decimal)

    def _raw_rows(self, *, scanned: bool = False) -> Iterator[tuple[int, list[str]]]:
        if self.book is not None:
            return self._sheet_rows()
        assert self.encoding is not None
        self.close_reader()
        reader = self._reader = text.TextRows(self.path, self.encoding.codec, bad_bytes=self.encoding.bad_bytes,
                                              delimiter=self.delimiter)
        if self.delimiter is None:
            self.delimiter = reader.delimiter = text.guess_delimiter(reader.first_lines(30))
        return reader.rows(scanned=scanned)

    def _sheet_rows(self) -> Iterator[tuple[int, list[str]]]:
        assert self.book is not None and self.sheet is not None
        try:
            yield from self.book.rows(self.sheet)
        except workbook.NotAWorkbook as error:  # a sheet too large, or one its reader cannot read
            raise TableError(str(error)) from None

    def rows(self, *, scanned: bool = False) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) of every row after the header, as written; ``scanned`` once
        ``scan`` has checked every line of a text file."""
        return islice(self._raw_rows(scanned=scanned), self.layout.header_row, None)

    def scan(self) -> int:
        """About how many rows the table has, checking every line of a text file first."""
        if self.book is None:
            assert self.encoding is not None
            try:
                return text.scan(self.path, self.encoding.codec, bad_bytes=self.encoding.bad_bytes)
            except text.LineTooLong as error:
                raise TableError(str(error)) from None
            except UnicodeDecodeError:
                raise TableError(_("it is not text in {encoding}").format(encoding=self.encoding.name)) from None
        assert self.sheet is not None
        try:
            return self.book.height(self.sheet)
        except workbook.NotAWorkbook as error:
            raise TableError(str(error)) from None

    def position(self) -> int:
        """How far reading has gone, in bytes of a text file (0 for a workbook)."""
        return self._reader.position() if self._reader is not None else 0

    def close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def close(self) -> None:
        self.close_reader()
        if self.book is not None:
            self.book.close()

    # -- the header and the layout ---------------------------------------------------------------
    def read_layout(self, *, lenient: bool = False) -> None:
        """Find the header, map the columns and take the first rows; sets ``layout`` and ``sample``.

        ``lenient`` takes the first row with text as the header when no row names a field
        (a file read in the wrong encoding, or with names only the person can map)."""
        mapping = self.options.mapping
        top: list[tuple[int, list[str]]] = []
        rows = self._raw_rows()
        try:
            for number, cells in rows:
                top.append((number, cells))
                if len(top) >= header.HEADER_SEARCH_ROWS:
                    break
            at = header.find_header([cells for _n, cells in top], mapping)
            if at is None and (mapping.columns or lenient):
                at = next((i for i, (_n, cells) in enumerate(top) if any(c.strip() for c in cells)), None)
            if at is None:
                first = next((cells for _n, cells in top if any(c.strip() for c in cells)), None)
                if first is None:
                    raise TableError(_("the first row is empty; it should name the columns") if top
                                     else _("the file is empty"))
                raise TableError(_("the first row is not a header naming the columns ({columns})").format(
                    columns=", ".join(header.COLUMNS)))
            number, names = top[at]
            self.layout = self._map(number, names, [c for _n, c in top[:at]])
            following = [(n, c) for n, c in top[at + 1:]]
            values: list[str] = []
            for number, cells in _chain(following, rows):
                if len(self.sample) < SAMPLE_ROWS and any(c.strip() for c in cells):
                    self.sample.append((number, cells))
                values.extend(self._value_texts(cells))
                if number - self.layout.header_row >= DECIMAL_SAMPLE_ROWS:
                    break
        except text.LineTooLong as error:
            raise TableError(str(error)) from None
        except csv.Error as error:
            raise TableError(text.csv_problem(len(top) + 1, error)) from None
        except UnicodeDecodeError:
            assert self.encoding is not None
            raise TableError(_("it is not text in {encoding}").format(encoding=self.encoding.name)) from None
        finally:
            self.close_reader()
        self._guess_labels()
        decimal, known = guess_decimal(values, self.delimiter or ",")
        self.layout.decimal, self.layout.decimal_known = decimal, known or self.book is not None

    def _value_texts(self, cells: list[str]) -> list[str]:
        layout = self.layout
        columns = list(layout.periods) if layout.wide else [layout.fields.get("value", -1)]
        return [cells[c] for c in columns if 0 <= c < len(cells)]

    def _map(self, number: int, names: list[str], title_rows: list[list[str]]) -> Layout:
        mapping = self.options.mapping
        layout = Layout(number, names, values=dict(mapping.values),
                        title=[c.strip() for row in title_rows for c in row if c.strip()])
        for column, name in enumerate(names):
            chosen = mapping.field_for(column, name)
            if chosen == header.IGNORE:
                if name.strip():
                    layout.ignored.append(name.strip())
                continue
            found = chosen or header.field_of(name)
            if found is None:
                period = header.header_period(name)
                if period is not None:
                    layout.periods[column] = period
                elif name.strip():
                    layout.ignored.append(name.strip())
                continue
            targets = ("period_start", "period_end") if found == "period" else (found,)
            for target in targets:
                if target in layout.fields:
                    raise TableError(_("the column “{name}” appears twice in the header row").format(
                        name=header.normal_name(name) if not chosen else target))
                layout.fields[target] = column
        if "value" in layout.fields and layout.periods:  # a value column: the period names are not periods
            layout.ignored.extend(names[c].strip() for c in layout.periods)
            layout.periods = {}
        if "unit" not in layout.fields and "unit" not in layout.values:
            unit = _unit_in(layout.title)
            if unit is not None:
                layout.values["unit"] = unit
        return layout

    def _guess_labels(self) -> None:
        """In a wide table, a first column with no field name holds indicators or partners."""
        layout = self.layout
        if not layout.wide:
            return
        first_period = min(layout.periods)
        used = set(layout.fields.values())
        for column in range(first_period):
            name = layout.header[column].strip() if column < len(layout.header) else ""
            if column in used or self.options.mapping.field_for(column, name) == header.IGNORE:
                continue
            guess = wide.label_field([cells for _n, cells in self.sample], column)
            if guess not in layout.fields and guess not in layout.values:
                layout.fields[guess] = column
                if name in layout.ignored:
                    layout.ignored.remove(name)
                break

    def check_fields(self) -> None:
        """Raise ``MissingFields`` when a required field has no column and no value."""
        missing = self.layout.missing()
        if not missing:
            return
        if "unit" in missing and "indicator" in self.layout.fields and self._units_in_indicators():
            missing.remove("unit")
            if not missing:
                return
        if len(missing) == len(header.REQUIRED):
            raise MissingFields(_("the first row is not a header naming the columns ({columns})").format(
                columns=", ".join(header.COLUMNS)), self)
        raise MissingFields(_("the header row has no column {names}").format(
            names=", ".join(f"“{m}”" for m in missing)), self)

    def _units_in_indicators(self) -> bool:
        column = self.layout.fields["indicator"]
        names = [c[column] for _n, c in self.sample if column < len(c) and c[column].strip()]
        return bool(names) and all(split_unit(n)[1] is not None for n in names)


def _chain(first: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]):
    yield from first
    yield from rest


def _unit_in(texts: list[str]) -> str | None:
    """A unit named in a table's title ("Экспорт, млн долл. США", "(тыс. долл. США)")."""
    for line in texts:
        _name, unit = split_unit(line)
        found = unit or parse_unit(line.strip("() "))
        if found is not None:
            return found.name
    return None


def open_table(path: Path, options: ReadOptions | None = None, *, require: bool = True) -> Table:
    """Open ``path`` as a table and read its layout; ``require`` raises ``MissingFields`` when
    a needed field has no column (the window asks for a mapping instead)."""
    table = Table(Path(path), options or ReadOptions())
    try:
        table.read_layout(lenient=not require)
        if require:
            table.check_fields()
    except MissingFields:
        raise
    except BaseException:
        table.close()
        raise
    return table
