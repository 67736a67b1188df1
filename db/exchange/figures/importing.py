"""Importing the figures of a table — a CSV file or a workbook sheet — all or nothing.

``preview`` opens the file as a table (``db.exchange.tables``) without the database: how it
is written, its layout and first rows. ``import_figures`` checks every row by the editor's
rules (``cells``), matches or creates parties and sources (``parties``) and writes the good
figures (``writer``) in one transaction; a single problem anywhere refuses the whole file
with the problems listed (the first 20 and a count) and the database is left as it was.

Before a row is read, the file itself must be sound: a file whose encoding cannot be told
for sure is refused until the person names it, and a UTF-8 file with a few bytes that are
not UTF-8 is refused with the row and column of each such byte (it is never read again in
another encoding, which would turn its letters into nonsense).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from db.exchange.figures import writer as figure_writer
from db.exchange.figures.cells import Cells, problem_text
from db.exchange.figures.writer import STAGE, Writer
from db.exchange.report import ImportRejected, ImportReport, NoSteps, Steps, in_transaction
from db.exchange.tables import encodings, wide
from db.exchange.tables.opening import ReadOptions, Table, TableError, open_table
from db.exchange.tables.text import LineTooLong, csv_problem
from db.model.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

_CHECK_EVERY = 5_000
_SCAN_CHUNK = 1 << 20


def preview(path: Path, options: ReadOptions | None = None, *, require: bool = True) -> Table:
    """The file opened as a table, with its layout and first rows; refuses a file that is not
    one with ``ImportRejected``. ``require=False`` returns a table lacking a needed column too
    (its ``layout.missing()`` names them) so that the person can map one. Close it after use."""
    path = Path(path)
    try:
        return open_table(path, options, require=require)
    except TableError as error:
        raise ImportRejected.file(path.name, str(error)) from None


def import_figures(db: Database, path: Path, *, options: ReadOptions | None = None,
                   names: dict[str, dict[str, str]] | None = None, steps: Steps | None = None,
                   dry_run: bool = False) -> ImportReport:
    """Import every figure of a table file, all or nothing; return the report.

    ``names`` holds the person's answers about names the file uses: ``{"indicator": {"Ёлки":
    "exports"}, "unit": {…}}``. Raises ``ImportRejected`` with the problems found and leaves
    the database unchanged; ``dry_run`` checks and counts everything, then rolls back.
    """
    path = Path(path)
    options = options or ReadOptions()
    steps = steps or NoSteps()
    table = preview(path, options)
    try:
        _file_sound(table, options)
        report = ImportReport(dry_run=dry_run)

        def work() -> ImportReport:
            db.execute("DROP TABLE IF EXISTS temp.import_rows")
            db.execute("DROP TABLE IF EXISTS temp.import_skip")
            db.executescript(STAGE)
            cache = db.execute("PRAGMA cache_size").fetchone()[0]
            # Indexes of a large table grow at once: with SQLite's small default cache their
            # pages are written out and read back over and over (four times slower).
            db.execute(f"PRAGMA cache_size = {figure_writer.IMPORT_CACHE_KIB}")
            try:
                writer = Writer(db, _size_hint(table), path.name)  # checks every line's length too
                _read_rows(db, table, report, steps, writer, names)
                report.added["indicator"] = writer.finish(steps)
                report.present["indicator"] = writer.rows - report.added["indicator"]
            finally:
                db.execute("DROP TABLE IF EXISTS temp.import_rows")
                db.execute("DROP TABLE IF EXISTS temp.import_skip")
                db.execute(f"PRAGMA cache_size = {int(cache)}")
            steps.report(1000, 1000)
            return report

        return in_transaction(db, work, dry_run=dry_run, note=path.name)
    finally:
        table.close()


def _file_sound(table: Table, options: ReadOptions) -> None:
    """Refuse a file whose encoding is uncertain or that has bytes its encoding cannot read."""
    encoding = table.encoding
    if encoding is None:
        return
    if not encoding.certain and not options.encoding:
        others = ", ".join(encodings.ENCODING_NAMES.get(c, c) for c in encoding.others)
        raise ImportRejected.file(table.path.name, _(
            "its encoding cannot be told for sure: it reads as {encoding}, but also as {others}; "
            "choose the encoding (on the command line: --encoding {codec})").format(
            encoding=encoding.name, others=others, codec=encoding.codec))
    if encoding.bad_bytes:
        _refuse_bad_bytes(table)


def _refuse_bad_bytes(table: Table) -> None:
    """List every cell holding a byte that is not UTF-8, with its row and column."""
    layout = table.layout
    problems: list[str] = []
    places: list[tuple[int, str]] = []
    rows = [(layout.header_row, layout.header)]
    count = 0
    for number, cells in _with_header(rows, table):
        for column, cell in enumerate(cells):
            found = encodings.bad_bytes_in(cell)
            if not found:
                continue
            count += 1
            name = layout.header[column].strip() if column < len(layout.header) else str(column + 1)
            name = encodings.printable(name) or str(column + 1)
            message = _("the byte {bytes} is not UTF-8, though the rest of the file is; correct it in the "
                        "file (it was not read in another encoding)").format(bytes=", ".join(found))
            if len(problems) < 200:
                problems.append(problem_text(number, name, message))
                places.append((number, name))
    table.close_reader()
    raise ImportRejected(table.path.name, problems, count, places=places)


def _with_header(first, table: Table):
    yield from first
    yield from table.rows()


def _size_hint(table: Table) -> int:
    """About how many figures the file holds (to choose how indexes are kept up)."""
    return table.scan() * max(1, len(table.layout.periods))


def _read_rows(db: Database, table: Table, report: ImportReport, steps: Steps, writer: Writer,
               names: dict[str, dict[str, str]] | None) -> None:
    """Check every row and hand the good figures to ``writer``; raise ``ImportRejected`` if any
    is bad (the transaction is then rolled back, so nothing written stays)."""
    layout = table.layout
    cells_of = Cells(db, layout, report, writer, names)
    size = max(1, table.path.stat().st_size)
    total_rows = table.scan() if table.book is not None else 0
    periods = layout.periods
    headers = {c: layout.header[c].strip() for c in periods}
    number = 0
    try:
        for number, cells in table.rows(scanned=True):
            if not (cells and cells[0].strip()) and not any(c.strip() for c in cells):
                continue  # an empty row, as spreadsheets leave at the end
            if periods:
                for column, start, end, text in wide.figure_cells(cells, periods):
                    cells_of.read_cell(number, cells, start, end, text, headers[column])
            else:
                cells_of.read(number, cells)
            if number % _CHECK_EVERY == 0:
                steps.check_cancelled()
                done = (800 * table.position() // size if table.book is None
                        else 800 * number // max(total_rows, number + 1))
                steps.report(done, 1000)
    except UnicodeDecodeError:
        assert table.encoding is not None
        raise ImportRejected.file(table.path.name, _("it is not text in {encoding}").format(
            encoding=table.encoding.name)) from None
    except (TableError, LineTooLong) as error:
        raise ImportRejected.file(table.path.name, str(error)) from None
    except csv.Error as error:
        raise ImportRejected.file(table.path.name, csv_problem(number + 1, error)) from None
    finally:
        table.close_reader()
    if cells_of.problem_count:
        raise ImportRejected(table.path.name, cells_of.problems, cells_of.problem_count, places=cells_of.places)
    if writer.rows == 0:
        raise ImportRejected.file(table.path.name, _("the file has a header row but no figures"))
