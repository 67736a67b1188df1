"""Importing figures from the indicator CSV that statistics offices publish.

The format (PRODUCT.md): one row per figure, a header row naming the columns, in any order:

    subject,counterpart,indicator,period_start,period_end,value,unit,source_title,source_url,source_published

``counterpart``, ``source_url`` and ``source_published`` may be left out or empty; the
optional ``reporter`` and ``notes`` columns are read too (Fact Sheet's own CSV export writes
them, so an exported file imports again unchanged). Other columns are ignored and named in
the preview.

What is accepted, as spreadsheet programs in Kazakhstan and Russia save files:
- UTF-8 with or without a byte-order mark, Windows-1251, or UTF-16 with a byte-order mark
  (the whole file is checked before a row is read, so a file is never half-decoded);
- comma, semicolon or tab between cells (whichever splits the header into known names);
- a decimal point or a decimal comma (from the values in the first rows; ";"-separated
  files without telling decimals use the comma, as their locales do). Every value is read
  with ``db.model.validate.parse_number`` given that separator, and a value that uses the other
  one as a decimal ("128,6" in a decimal-point file) is refused rather than misread;
- dates as strict ISO ``YYYY-MM-DD`` (``db.model.dates.parse_iso_day``);
- a text cell saved with a leading apostrophe against spreadsheet formulas ("'=x") is read
  without it, as the CSV export writes such cells (``db.exchange.formula_guard``);
- a cell may be as long as a line (``MAX_LINE``), beyond Python's default field limit.

Rules, the same as the editor's: every row becomes an ``Indicator`` record checked by
``db.model.validate.problems``; a cell that cannot be read is reported as
"row 17, column value: 'abc' is not a number". Rows are numbered as a spreadsheet shows
them: the header is row 1. Entirely empty rows are skipped; a row with fewer cells than
the header, or with extra non-empty cells, is a problem.

Parties are matched by English or local name, ignoring case (``db.read.queries.find_parties``);
a name matching no party creates one, listed in the report with the kind it was given:
"city"/"region"/"body" when the name says so (город, область, akimat, …), otherwise a
subject becomes a region and a counterpart or reporter a country (statistics tables are
about a region's trade with countries). A name matching several parties is a problem.
Sources are matched by title (ignoring case), URL and publication date, or created.

A figure is already present when the database holds one with the same subject,
counterpart, reporter, indicator, period, value and unit, linked to the same source; a row
repeating an earlier row of the file counts as already present too.

Speed: rows are read and checked in Python (the editor's rules in their fast form,
``db.model.validate.FigureRules``) and written as they are read, inside the one transaction. Only
a row that may repeat a figure — its subject already had figures from its source, or an
earlier row of the file had the same figure — waits in a temporary table and is compared
with set-based SQL at the end. A large import builds the table's indexes once afterwards
instead of growing them row by row.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from db import store
from db.errors import Problem
from db.exchange import matching
from db.exchange.formula_guard import unguard
from db.exchange.report import ImportRejected, ImportReport, NoSteps, Steps, in_transaction
from db.model import validate
from db.model.dates import DateError, parse_iso_day
from db.model.formatting import format_day
from db.model.i18n import _
from db.model.records import KNOWN_INDICATORS, PARTY_KINDS, Indicator, Link, Party, Source
from db.model.validate import NUMBER_SPACES, NumberError, parse_number
from db.read import queries

COLUMNS = ("subject", "counterpart", "indicator", "period_start", "period_end", "value", "unit",
           "source_title", "source_url", "source_published")
EXTRA_COLUMNS = ("reporter", "notes")
REQUIRED_COLUMNS = ("subject", "indicator", "period_start", "period_end", "value", "unit", "source_title")
KNOWN_COLUMNS = COLUMNS + EXTRA_COLUMNS

MAX_LINE = 1 << 20  # characters; a longer line is not a row of figures
MAX_LINE_LABEL = "1 MB"
_SCAN_CHUNK = 1 << 20
_DECIMAL_SAMPLE_ROWS = 1000
_BATCH = 20_000
IMPORT_CACHE_KIB = -256 * 1024  # SQLite's page cache while importing (negative: KiB), taken as needed
_CHECK_EVERY = 5_000

# Which record field each column fills, to name the column in a problem.
_FIELD_COLUMNS = {"subject_id": "subject", "counterpart_id": "counterpart", "reporter_id": "reporter",
                  "indicator": "indicator", "period_start": "period_start", "period_end": "period_end",
                  "value": "value", "unit": "unit", "notes": "notes", "sources": "source_title"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# Words in a party's name that say what kind of party it is (checked in this order).
_KIND_WORDS = (
    ("body", ("government", "administration", "akimat", "ministry", "committee", "правительство",
              "администрация", "акимат", "әкімдігі", "министерство", "комитет")),
    ("city", ("city", "город", "г.", "қаласы", "қ.")),
    ("region", ("region", "oblast", "province", "krai", "область", "облысы", "край", "республика")),
)
_INDICATOR_NAMES = {**{k.casefold(): k for k in KNOWN_INDICATORS},
                    **{label.casefold(): k for k, label in KNOWN_INDICATORS.items()}}


ENCODING_NAMES = {"utf-8": _("UTF-8"), "utf-8-sig": _("UTF-8 with byte-order mark"),
                  "cp1251": _("Windows-1251"), "utf-16": _("UTF-16")}


@dataclass(frozen=True)
class Dialect:
    """How a file is written: its encoding, cell separator and decimal separator."""

    encoding: str  # a Python codec: "utf-8", "utf-8-sig", "cp1251", "utf-16"
    delimiter: str
    decimal: str  # "." or ","
    # False when no value in the first rows tells the decimal separator: it is then only the
    # usual one for the cell separator, and a value such as "1,001" is refused as ambiguous.
    decimal_known: bool = True

    def describe(self) -> str:
        """"UTF-8 with byte-order mark, semicolon-separated, decimal comma"."""
        encoding = ENCODING_NAMES[self.encoding]
        separated = {",": _("comma-separated"), ";": _("semicolon-separated"), "\t": _("tab-separated")}
        decimal = _("decimal comma") if self.decimal == "," else _("decimal point")
        if not self.decimal_known:
            decimal = _("{decimal} (assumed)").format(decimal=decimal)
        return f"{encoding}, {separated[self.delimiter]}, {decimal}"


@dataclass
class Preview:
    """The start of a file as read, before anything is checked against the database."""

    dialect: Dialect
    header: list[str]
    rows: list[list[str]]  # the first rows, cells as written
    ignored: list[str] = field(default_factory=list)  # header names no column of ours has


def _rejected(path: Path, problem: str) -> ImportRejected:
    return ImportRejected.file(path.name, problem)


# -- reading the file ------------------------------------------------------------------------
def detect_encoding(path: Path) -> str:
    """The file's encoding, checked over the whole file; refuses empty and binary files."""
    with path.open("rb") as handle:
        head = handle.read(_SCAN_CHUNK)
        if not head.strip(b"\xef\xbb\xbf \t\r\n"):
            raise _rejected(path, _("the file is empty"))
        if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            raise _rejected(path, _("it is a spreadsheet workbook, not a CSV file; save it as CSV "
                                    "(comma or semicolon separated) and import that"))
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        else:
            encoding = "utf-8"
        utf8 = codecs.getincrementaldecoder("utf-8")()
        is_utf8, is_cp1251 = True, True
        chunk = head
        while chunk:
            if b"\x00" in chunk:
                raise _rejected(path, _("it is not a text file (it holds binary data)"))
            if is_utf8:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
            is_cp1251 = is_cp1251 and b"\x98" not in chunk  # the one byte Windows-1251 leaves undefined
            chunk = handle.read(_SCAN_CHUNK)
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError:
                pass
        if is_cp1251:
            return "cp1251"
    raise _rejected(path, _("it is not text in UTF-8 or Windows-1251"))


def _lines(handle: TextIO, path: Path, rows_read: list[int]) -> Iterator[str]:
    """The file's lines, refusing one longer than ``MAX_LINE`` before it is read whole."""
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE:
            raise _rejected(path, _("row {row} is longer than {size}, so the file is not a table of "
                                    "figures").format(row=rows_read[0] + 1, size=MAX_LINE_LABEL))
        yield line


class _Reader:
    """Rows of an open file as lists of cells, numbered as a spreadsheet numbers them."""

    def __init__(self, path: Path, encoding: str, delimiter: str | None = None) -> None:
        self.path, self.encoding = path, encoding
        self.handle = path.open("r", encoding=encoding, newline="")
        # Python's csv module refuses a cell over 128 KB by default; a cell may fill a line.
        if csv.field_size_limit() < MAX_LINE:
            csv.field_size_limit(MAX_LINE)
        self.row_number = [0]  # rows read so far, shared with _lines to name an over-long row
        self.lines = _lines(self.handle, path, self.row_number)
        self.delimiter = delimiter

    def header(self) -> list[str]:
        first = next(self.lines, None)
        if first is None or not first.strip():
            raise _rejected(self.path, _("the first row is empty; it should name the columns"))
        if self.delimiter is None:
            self.delimiter = _guess_delimiter(first)
        cells = next(csv.reader([first], delimiter=self.delimiter), [])
        self.row_number[0] = 1
        self.rows = csv.reader(self.lines, delimiter=self.delimiter)
        return cells

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for cells in self.rows:
            self.row_number[0] += 1
            yield self.row_number[0], cells

    def position(self) -> int:
        """Bytes read so far (for progress)."""
        return self.handle.buffer.tell()

    def close(self) -> None:
        self.handle.close()


def normal_name(name: str) -> str:
    """A header name as matched: no spaces around, any case, spaces and dashes as "_"."""
    return name.strip().strip('"').strip("\ufeff").strip().casefold().replace(" ", "_").replace("-", "_")


def _guess_delimiter(header_line: str) -> str:
    def known(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        return sum(normal_name(c) in KNOWN_COLUMNS for c in cells), header_line.count(delimiter)

    return max((",", ";", "\t"), key=known)


def _column_indexes(path: Path, header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which cell holds each known column; refuses a header missing a required column."""
    indexes: dict[str, int] = {}
    ignored: list[str] = []
    for i, name in enumerate(header):
        normal = normal_name(name)
        if normal in indexes:
            raise _rejected(path, _("the column “{name}” appears twice in the header row").format(name=normal))
        if normal in KNOWN_COLUMNS:
            indexes[normal] = i
        elif name.strip():
            ignored.append(name.strip())
    missing = [c for c in REQUIRED_COLUMNS if c not in indexes]
    if len(missing) == len(REQUIRED_COLUMNS):
        raise _rejected(path, _("the first row is not a header naming the columns ({columns})").format(
            columns=", ".join(COLUMNS)))
    if missing:
        raise _rejected(path, _("the header row has no column {names}").format(
            names=", ".join(f"“{m}”" for m in missing)))
    return indexes, ignored


def _guess_decimal(values: list[str], delimiter: str) -> tuple[str, bool]:
    """"," or "." from how values in the first rows are written, and whether they told."""
    comma = point = 0
    for text in values:
        text = NUMBER_SPACES.sub("", text)
        if "," in text and "." in text:
            comma, point = (comma + 1, point) if text.rfind(",") > text.rfind(".") else (comma, point + 1)
        elif re.fullmatch(r"[+-]?\d*,\d+", text) and not re.fullmatch(r"[+-]?[1-9]\d{0,2}(,\d{3})+", text):
            comma += 1
        elif re.fullmatch(r"[+-]?\d*\.\d+", text) and not re.fullmatch(r"[+-]?[1-9]\d{0,2}(\.\d{3})+", text):
            point += 1
    if comma != point:
        return ("," if comma > point else "."), True
    return ("," if delimiter == ";" else "."), False


@contextmanager
def _reading(reader: _Reader) -> Iterator[None]:
    """Turn what can go wrong while reading rows into the file's one problem; close it."""
    try:
        yield
    except UnicodeDecodeError:
        raise _rejected(reader.path, _("it is not text in {encoding}").format(
            encoding=ENCODING_NAMES[reader.encoding])) from None
    except csv.Error as error:
        if "field limit" in str(error):
            raise _rejected(reader.path, _("row {row} has a cell longer than {size}, so the file is not a table "
                                           "of figures").format(row=reader.row_number[0] + 1,
                                                                size=MAX_LINE_LABEL)) from None
        raise _rejected(reader.path, _("row {row} cannot be read as CSV ({detail})").format(
            row=reader.row_number[0] + 1, detail=error)) from None
    finally:
        reader.close()


def preview(path: Path, rows: int = 20) -> Preview:
    """The file's dialect, header and first rows, read without the database."""
    path = Path(path)
    encoding = detect_encoding(path)
    reader = _Reader(path, encoding)
    with _reading(reader):
        header = reader.header()
        indexes, ignored = _column_indexes(path, header)
        shown: list[list[str]] = []
        values: list[str] = []
        for _number, cells in reader:
            if len(shown) < rows and any(c.strip() for c in cells):
                shown.append(cells)
            if indexes["value"] < len(cells):
                values.append(cells[indexes["value"]])
            if len(values) >= _DECIMAL_SAMPLE_ROWS:
                break
    assert reader.delimiter is not None
    return Preview(Dialect(encoding, reader.delimiter, *_guess_decimal(values, reader.delimiter)),
                   header, shown, ignored)


# -- checking rows -----------------------------------------------------------------------------
def _problem(row: int, column: str, message: str) -> str:
    """"row 17, column value: 'abc' is not a number"."""
    message = message.strip().rstrip(".")
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        message = message[0].lower() + message[1:]
    return _("row {row}, column {column}: {message}").format(row=row, column=column, message=message)


def guess_party_kind(name: str, role: str) -> str:
    """The kind a new party gets: from words in its name, else by the column it came from."""
    words = name.casefold()
    for kind, markers in _KIND_WORDS:
        if any(re.search(rf"(^|\W){re.escape(m)}($|\W)", words) for m in markers):
            return kind
    return "region" if role == "subject" else "country"


class _Parties:
    """Party names resolved to ids, creating parties the database does not know."""

    def __init__(self, db: Database, report: ImportReport) -> None:
        self.db, self.report = db, report
        self.ids: dict[str, int | str] = {}  # folded name -> id, or the problem with that name

    def resolve(self, name: str, role: str) -> int | str:
        """The party's id, or a sentence saying why the name names no single party."""
        key = name.strip().casefold()
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = self._find_or_create(name.strip(), role)
        return found

    def _find_or_create(self, name: str, role: str) -> int | str:
        parties = queries.find_parties(self.db, name)
        if len(parties) == 1:
            assert parties[0].id is not None
            return parties[0].id
        if parties:
            return _("'{name}' names {n} parties ({names}); use a name only one of them has").format(
                name=name, n=len(parties), names="; ".join(p.name_en for p in parties))
        kind = guess_party_kind(name, role)
        local = name if _CYRILLIC.search(name) and not _LATIN.search(name) else None
        party_id = store.save(self.db, Party(kind=kind, name_en=name, name_local=local))
        self.report.new_parties.append(f"{name} ({PARTY_KINDS[kind].lower()})")
        return party_id


class _Sources:
    """Sources named by rows, matched or created once each."""

    def __init__(self, db: Database, report: ImportReport) -> None:
        self.db, self.report = db, report
        self.ids: dict[tuple[str, str | None, str | None], int | list[Problem]] = {}

    def resolve(self, title: str, url: str | None, published: str | None) -> int | list[Problem]:
        key = (title.strip().casefold(), url, published)
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = self._find_or_create(title.strip(), url, published)
        return found

    def _find_or_create(self, title: str, url: str | None, published: str | None) -> int | list[Problem]:
        existing = matching.find_source(self.db, title, url, published)
        if existing is not None:
            return existing
        source = Source(title=title, url=url, published=parse_iso_day(published) if published else None)
        found = validate.problems(self.db, source)
        if found:
            return found
        self.report.new_sources.append(f"{title} ({format_day(source.published)})" if source.published else title)
        return store.save(self.db, source)


_BLANK = object()  # a cached "the cell is empty"


def _clean(text: str) -> str:
    """A cell's text without surrounding spaces or a formula-guarding apostrophe."""
    text = text.strip()
    return unguard(text) if text[:1] == "'" else text


class _Rows:
    """Turns the cells of each row into a checked figure, or into problems.

    Cells that repeat (party names, periods, units, sources) are resolved once and looked
    up by their text afterwards. Each row is checked by the editor's rules: first with
    ``db.model.validate.FigureRules`` (the same rules, fast), and a row it refuses then as an
    ``Indicator`` record by ``db.model.validate.problems``, which says what is wrong.
    """

    def __init__(self, db: Database, indexes: dict[str, int], width: int, decimal: str,
                 report: ImportReport, decimal_known: bool = True) -> None:
        self.indexes, self.width, self.decimal = indexes, width, decimal
        self.parties, self.sources = _Parties(db, report), _Sources(db, report)
        self.problems: list[str] = []
        self.places: list[tuple[int, str]] = []
        self.problem_count = 0
        # Where each column's cell is; an absent column reads the empty cell added after the row.
        self.at = {name: indexes.get(name, width) for name in KNOWN_COLUMNS}
        self.rules = validate.FigureRules()
        self.record = Indicator()  # a refused row is checked as this record, refilled per row
        self.links: dict[int, list[Link]] = {}  # source id -> the record's list of sources
        # cell text -> resolved value (or the sentence saying why it cannot be), per column
        self.seen: dict[str, dict[object, object]] = {name: {} for name in KNOWN_COLUMNS}
        self.party_cells = tuple((self.at[name], self.seen[name]) for name in ("subject", "counterpart", "reporter"))
        self.date_cells = tuple((self.at[name], self.seen[name]) for name in ("period_start", "period_end"))
        self.thousands = "," if decimal == "." else "."
        # A first group never starts with 0: "0,001" is not a thousand in any file.
        self.grouping = re.compile(
            rf"[+-]?[1-9]\d{{0,2}}(\{self.thousands}\d{{3}})+(\{decimal}\d*)?([eE][+-]?\d+)?")
        # With the decimal separator only assumed, "1,001" may be a thousand and one or a
        # little over one: such a value is refused rather than guessed.
        self.ambiguous = None if decimal_known else re.compile(rf"[+-]?[1-9]\d{{0,2}}\{self.thousands}\d{{3}}")

    def add(self, row: int, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < 200:
            self.problems.append(_problem(row, column, message))
            self.places.append((row, column))

    def _first(self, name: str, text: str) -> object:
        """Resolve a cell's text the first time it is seen in a column, and remember it."""
        resolve = {"subject": self._subject, "counterpart": self._counterpart, "reporter": self._reporter,
                   "period_start": _date, "period_end": _date, "indicator": _indicator_name,
                   "unit": _clean}[name]
        found = self.seen[name][text] = resolve(text)
        return found

    def read(self, row: int, cells: list[str]) -> tuple | None:
        """(subject, counterpart, reporter, indicator, start, end, value, unit, notes, source)
        for a good row; None after recording its problems.

        Written for a million rows: one dictionary look-up per repeating cell, the fast
        rules for a good row, and one ``Indicator`` record reused for each refused row.
        """
        if len(cells) != self.width and not self._width_ok(row, cells):
            return None
        cells.append("")  # the cell every absent column reads
        at, seen, failed = self.at, self.seen, []
        # Parties and dates: an id or a day, resolved once per distinct text (written out, not
        # looped over: this runs a million times).
        (subject_at, subjects), (counterpart_at, counterparts), (reporter_at, reporters) = self.party_cells
        (start_at, starts), (end_at, ends) = self.date_cells
        subject = subjects.get(cells[subject_at])
        if subject.__class__ is not int:
            subject = self._known(row, "subject", cells, failed)
        counterpart = counterparts.get(cells[counterpart_at])
        if counterpart.__class__ is not int:
            counterpart = self._known(row, "counterpart", cells, failed)
        reporter = reporters.get(cells[reporter_at])
        if reporter.__class__ is not int:
            reporter = self._known(row, "reporter", cells, failed)
        start = starts.get(cells[start_at])
        if start.__class__ is not _Day:
            start = self._known(row, "period_start", cells, failed)
        end = ends.get(cells[end_at])
        if end.__class__ is not _Day:
            end = self._known(row, "period_end", cells, failed)
        indicator = seen["indicator"].get(text := cells[at["indicator"]]) or self._first("indicator", text)
        unit = seen["unit"].get(text := cells[at["unit"]])
        if unit is None:
            unit = self._first("unit", text)
        value = self._value(row, cells[at["value"]], failed)
        source = self._source(row, cells, failed)
        notes = cells[at["notes"]]
        notes = (_clean(notes) or None) if notes else None
        sources = self.links.get(source) or [] if source is not None else []
        if not failed and self.rules.ok(subject, indicator, start, end, value, unit, notes, sources):
            return (subject, counterpart, reporter, indicator, start.iso, end.iso,  # type: ignore[union-attr]
                    value, unit, notes, source)
        record = self.record
        record.subject_id, record.counterpart_id, record.reporter_id = subject, counterpart, reporter
        record.indicator, record.period_start, record.period_end = indicator, start, end
        record.value, record.unit, record.notes = value, unit, notes
        record.sources = sources
        for found in validate.problems(None, record):
            column = _FIELD_COLUMNS.get(found.field, found.field)
            if column not in failed:
                self.add(row, column, found.message)
                failed.append(column)
        if failed:
            return None
        return (subject, counterpart, reporter, indicator, start.iso, end.iso,  # type: ignore[union-attr]
                value, unit, notes, source)

    def _known(self, row: int, name: str, cells: list[str], failed: list[str]) -> object:
        """A party's id or a day for a cell not resolved yet, empty, or with a problem (noted)."""
        text = cells[self.at[name]]
        found = self.seen[name].get(text)
        if found is None:
            found = self._first(name, text)
        if found.__class__ is int or found.__class__ is _Day:
            return found
        if found is not _BLANK:
            self.add(row, name, str(found))
            failed.append(name)
        return None

    def _subject(self, text: str) -> object:
        return self._party(text, "subject")

    def _counterpart(self, text: str) -> object:
        return self._party(text, "counterpart")

    def _reporter(self, text: str) -> object:
        return self._party(text, "reporter")

    def _width_ok(self, row: int, cells: list[str]) -> bool:
        if len(cells) < self.width:
            name = next((n for n, i in self.indexes.items() if i == len(cells)), str(len(cells) + 1))
            self.add(row, name, _("the cell is missing (the row has {n} cells, the header {width})").format(
                n=len(cells), width=self.width))
            return False
        if any(c.strip() for c in cells[self.width:]):
            self.add(row, str(self.width + 1), _("the row has {n} cells, the header only {width}").format(
                n=len(cells), width=self.width))
            return False
        return True

    def _party(self, text: str, role: str) -> object:
        text = _clean(text)
        return self.parties.resolve(text, role) if text else _BLANK

    def _value(self, row: int, text: str, failed: list[str]) -> float | None:
        text = _clean(text)
        if not text:
            return None  # "Value is required." comes from the rules
        if self.ambiguous is not None and self.ambiguous.fullmatch(NUMBER_SPACES.sub("", text)):
            self.add(row, "value", _("'{text}' is ambiguous: nothing in the file's first rows says whether "
                                     "“{separator}” is a decimal or a thousands separator; write the number "
                                     "without thousands separators").format(text=text, separator=self.thousands))
            failed.append("value")
            return None
        if self.thousands in text and not self.grouping.fullmatch(NUMBER_SPACES.sub("", text)):
            separator = _("a decimal comma") if self.thousands == "," else _("a decimal point")
            usual = _("a decimal point") if self.decimal == "." else _("a decimal comma")
            self.add(row, "value", _("'{text}' has {separator}, but this file writes numbers with {usual}").format(
                text=text, separator=separator, usual=usual))
            failed.append("value")
            return None
        try:
            return parse_number(text, decimal=self.decimal)
        except NumberError as error:
            self.add(row, "value", str(error))
            failed.append("value")
            return None

    def _source(self, row: int, cells: list[str], failed: list[str]) -> int | None:
        at = self.at
        key = (cells[at["source_title"]], cells[at["source_url"]], cells[at["source_published"]])
        found = self.seen["source_title"].get(key)
        if found is None:
            found = self.seen["source_title"][key] = self._find_source(*key)
            if isinstance(found, int):
                self.links[found] = [Link(found)]
        if isinstance(found, int):
            return found
        if found is not _BLANK:
            for column, message in found:  # type: ignore[attr-defined]
                self.add(row, column, message)
                failed.append(column)
            failed.append("source_title")  # the rules' "needs a source" would only repeat it
        return None  # no title: "Every fact needs at least one source." comes from the rules

    def _find_source(self, title: str, url: str, published: str) -> object:
        title, url, published = _clean(title), _clean(url), _clean(published)
        if not title:
            return _BLANK
        date = _date(published)
        if isinstance(date, DateError):
            return [("source_published", str(date))]
        found = self.sources.resolve(title, url or None, date.iso if isinstance(date, _Day) else None)
        if isinstance(found, list):
            columns = {"url": "source_url", "published": "source_published"}
            return [(columns.get(p.field, "source_title"), p.message) for p in found]
        return found


def _indicator_name(text: str) -> str:
    """The stored name: a known indicator by its name or label in any case; others as written."""
    text = _clean(text)
    return _INDICATOR_NAMES.get(text.casefold(), text)


class _Day(dt.date):
    """A date that keeps its ISO text (written for every row; formatted once)."""

    iso: str


def _date(text: str) -> object:
    text = _clean(text)
    if not text:
        return _BLANK
    try:
        day = parse_iso_day(text)
    except DateError as error:
        return error
    found = _Day(day.year, day.month, day.day)
    found.iso = day.isoformat()
    return found


# -- writing ------------------------------------------------------------------------------------
_STAGE = """
CREATE TEMP TABLE import_rows (
  line INTEGER PRIMARY KEY, subject_id INTEGER, counterpart_id INTEGER, reporter_id INTEGER,
  indicator TEXT, period_start TEXT, period_end TEXT, value REAL, unit TEXT, notes TEXT, source_id INTEGER,
  figure_hash INTEGER);
CREATE TEMP TABLE import_skip (line INTEGER PRIMARY KEY)
"""
_SAME_FIGURE = ("{a}.subject_id = {b}.subject_id AND {a}.counterpart_id IS {b}.counterpart_id AND "
                "{a}.reporter_id IS {b}.reporter_id AND {a}.indicator = {b}.indicator AND "
                "{a}.period_start = {b}.period_start AND {a}.period_end = {b}.period_end AND "
                "{a}.value = {b}.value AND {a}.unit = {b}.unit")
_INSERT_FIGURE = ("INSERT INTO indicators (id, subject_id, counterpart_id, reporter_id, indicator, period_start, "
                  "period_end, value, unit, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_LINK = "INSERT INTO indicators_sources (indicator_id, source_id) VALUES (?, ?)"
_INSERT_STAGED = "INSERT INTO temp.import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# Adding at least this many figures (and no fewer than the table holds) rebuilds the indexes
# of ``indicators`` afterwards instead of growing six of them row by row: a sort per index
# instead of a million scattered writes (measured: 14 s instead of 25 s for a million).
REBUILD_INDEXES_AT = 50_000


class _Writer:
    """Writes each good row as it is read, or stages it when it may repeat a figure.

    A figure is new unless the database already held a figure of its subject from its
    source, or the file had an earlier row with the same figure (its hash, taken from every
    field but the notes, came up before). Such rows wait in ``temp.import_rows`` and are
    compared in full at the end (``finish``); all others go straight into ``indicators``
    with their source. New ids follow the row numbers (base + line), so a staged row keeps
    its place in the file's order.

    A large import (at least ``REBUILD_INDEXES_AT`` rows and no fewer than the table holds)
    drops the table's indexes before its first write and builds them again at the end.
    """

    def __init__(self, db: Database, lines: int) -> None:
        self.db = db
        self.base = db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
        existing = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
        self.bulk = lines >= max(existing, REBUILD_INDEXES_AT)
        self.rows = self.written = 0
        self.hashes: set[int] = set()
        self.repeated: set[int] = set()  # hashes that came up more than once
        self.staged: list[tuple] = []
        self.figures: list[tuple] = []
        self.links: list[tuple[int, int]] = []
        self.dropped: list[tuple[str, str]] = []
        # (subject, source) -> the database held figures of that subject from that source
        self.held: dict[tuple[int, int], bool] = {}
        if self.bulk:  # one pass now instead of a query per pair after the indexes are gone
            self.held = dict.fromkeys(db.execute(
                "SELECT DISTINCT i.subject_id, l.source_id FROM indicators_sources l "
                "JOIN indicators i ON i.id = l.indicator_id").fetchall(), True)

    def add(self, line: int, figure: tuple) -> None:
        """Write or stage one checked figure (subject, …, notes, source) from row ``line``."""
        self.rows += 1
        key = hash(figure[:8] + figure[9:])
        pair = (figure[0], figure[9])
        held = self.held.get(pair)
        if held is None:
            held = self.held[pair] = not self.bulk and self._held(*pair)
        if key in self.hashes:
            self.repeated.add(key)
            self.staged.append((line, *figure, key))
        elif held:
            self.staged.append((line, *figure, key))
        else:
            figure_id = self.base + line
            self.figures.append((figure_id, *figure[:9]))
            self.links.append((figure_id, figure[9]))
        self.hashes.add(key)
        if len(self.figures) + len(self.staged) >= _BATCH:
            self.flush()

    def _held(self, subject: int, source: int) -> bool:
        return self.db.execute(
            "SELECT 1 FROM indicators i JOIN indicators_sources l ON l.indicator_id = i.id "
            "WHERE i.subject_id = ? AND l.source_id = ? LIMIT 1", [subject, source]).fetchone() is not None

    def flush(self) -> None:
        conn = self.db.conn
        if self.figures:
            if self.bulk and not self.dropped:
                self._drop_indexes()
            conn.executemany(_INSERT_FIGURE, self.figures)
            conn.executemany(_INSERT_LINK, self.links)
            self.written += len(self.figures)
            self.figures.clear()
            self.links.clear()
        if self.staged:
            conn.executemany(_INSERT_STAGED, self.staged)
            self.staged.clear()

    def _drop_indexes(self) -> None:
        self.dropped = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicators' "
            "AND sql IS NOT NULL").fetchall()
        for name, _sql in self.dropped:
            self.db.execute(f'DROP INDEX "{name}"')

    def _rebuild_indexes(self) -> None:
        for _name, sql in self.dropped:
            self.db.execute(sql)
        self.dropped = []

    def finish(self, steps: Steps) -> int:
        """Build the indexes again, add the staged rows that are new; return how many were added."""
        self.flush()
        steps.report(850, 1000)
        steps.check_cancelled()
        self._rebuild_indexes()
        steps.report(900, 1000)
        steps.check_cancelled()
        added = self.written + self._add_staged(steps)
        steps.report(950, 1000)
        steps.check_cancelled()
        return added

    def _add_staged(self, steps: Steps) -> int:
        """Skip the staged rows repeating a figure already written or an earlier staged row;
        add the others."""
        db = self.db
        staged = db.execute("SELECT count(*) FROM temp.import_rows").fetchone()[0]
        if not staged:
            return 0
        if self.repeated:  # staged rows repeating each other (a row repeating a row written is found below)
            first: dict[tuple, int] = {}
            repeats = []
            for line, *figure in db.execute(
                    "SELECT line, subject_id, counterpart_id, reporter_id, indicator, period_start, period_end, "
                    "value, unit, source_id FROM temp.import_rows WHERE figure_hash IN "
                    "(SELECT value FROM json_each(?)) ORDER BY line", [json.dumps(sorted(self.repeated))]):
                if first.setdefault(tuple(figure), line) != line:
                    repeats.append((line,))
            db.conn.executemany("INSERT INTO temp.import_skip VALUES (?)", repeats)
        db.execute("INSERT OR IGNORE INTO temp.import_skip SELECT s.line FROM temp.import_rows s WHERE EXISTS ("
                   "SELECT 1 FROM indicators i JOIN indicators_sources l ON l.indicator_id = i.id "
                   "AND l.source_id = s.source_id WHERE " + _SAME_FIGURE.format(a="i", b="s") + ")")
        adding = staged - db.execute("SELECT count(*) FROM temp.import_skip").fetchone()[0]
        existing = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
        if adding >= max(existing, REBUILD_INDEXES_AT):
            self._drop_indexes()
        new_rows = "FROM temp.import_rows s WHERE s.line NOT IN (SELECT line FROM temp.import_skip) ORDER BY s.line"
        db.execute("INSERT INTO indicators (id, subject_id, counterpart_id, reporter_id, indicator, period_start, "
                   "period_end, value, unit, notes) SELECT :base + s.line, s.subject_id, s.counterpart_id, "
                   "s.reporter_id, s.indicator, s.period_start, s.period_end, s.value, s.unit, s.notes " + new_rows,
                   {"base": self.base})
        steps.check_cancelled()
        self._rebuild_indexes()
        db.execute("INSERT INTO indicators_sources (indicator_id, source_id) SELECT :base + s.line, s.source_id "
                   + new_rows, {"base": self.base})
        return adding


def _line_count(path: Path) -> int:
    """How many lines the file has (an upper bound on its rows), counted in its bytes."""
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_SCAN_CHUNK):
            count += chunk.count(b"\n")
    return count


def import_csv(db: Database, path: Path, *, steps: Steps | None = None, dry_run: bool = False) -> ImportReport:
    """Import every figure of an indicator CSV file, all or nothing; return the report.

    Raises ``ImportRejected`` with the problems found (the first 20 and a count) and leaves
    the database unchanged; ``dry_run`` checks and counts everything, then rolls back.
    """
    path = Path(path)
    steps = steps or NoSteps()
    shown = preview(path, rows=0)
    size = max(1, path.stat().st_size)
    report = ImportReport(dry_run=dry_run)

    def work() -> ImportReport:
        db.execute("DROP TABLE IF EXISTS temp.import_rows")
        db.execute("DROP TABLE IF EXISTS temp.import_skip")
        db.executescript(_STAGE)
        cache = db.execute("PRAGMA cache_size").fetchone()[0]
        # Six indexes of a large table grow at once: with SQLite's small default cache their
        # pages are written out and read back over and over (four times slower).
        db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        try:
            writer = _Writer(db, _line_count(path))
            _read_rows(db, path, shown.dialect, size, report, steps, writer)
            report.added["indicator"] = writer.finish(steps)
            report.present["indicator"] = writer.rows - report.added["indicator"]
        finally:
            db.execute("DROP TABLE IF EXISTS temp.import_rows")
            db.execute("DROP TABLE IF EXISTS temp.import_skip")
            db.execute(f"PRAGMA cache_size = {int(cache)}")
        steps.report(1000, 1000)
        return report

    return in_transaction(db, work, dry_run=dry_run)


def _read_rows(db: Database, path: Path, dialect: Dialect, size: int, report: ImportReport,
               steps: Steps, writer: _Writer) -> None:
    """Check every row and hand the good ones to ``writer``; raise ``ImportRejected`` if any
    is bad (the transaction is then rolled back, so nothing written stays)."""
    reader = _Reader(path, dialect.encoding, dialect.delimiter)
    with _reading(reader):
        header = reader.header()
        indexes, _ignored = _column_indexes(path, header)
        rows = _Rows(db, indexes, len(header), dialect.decimal, report, dialect.decimal_known)
        for number, cells in reader:
            if not (cells and cells[0].strip()) and not any(c.strip() for c in cells):
                continue  # an empty row, as spreadsheets leave at the end
            figure = rows.read(number, cells)
            if figure is not None and not rows.problem_count:
                writer.add(number, figure)
            if number % _CHECK_EVERY == 0:
                steps.check_cancelled()
                steps.report(800 * reader.position() // size, 1000)
        if rows.problem_count:
            raise ImportRejected(path.name, rows.problems, rows.problem_count, places=rows.places)
    if writer.rows == 0:
        raise _rejected(path, _("the file has a header row but no figures"))
