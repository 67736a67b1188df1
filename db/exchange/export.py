"""Writing data out: the whole database as a JSON bundle, or one kind of record as CSV.

Files are written through ``db.file.output``: in place only when complete, so a failed or
stopped export never leaves half a file where a good one was, and a device, a pipe or a
link is written through instead of being replaced by a file.

CSV files are UTF-8 with a byte-order mark (so spreadsheet programs on Windows show
Cyrillic correctly), comma-separated, with a decimal point and numbers written in full
("1234.5"). Figures (``indicators``) are written in the import format of PRODUCT.md plus
``reporter`` and ``notes``, one row per figure with its first source, so an exported file
imports again; other kinds are written with their fields, references as the referenced
record's name and links as names separated by "; ".

Cells that a spreadsheet would run as a formula are made safe (``db.exchange.formula_guard``):
a text cell starting with ``=``, ``+``, ``-`` or ``@`` — also after spaces or line breaks —,
a tab, a carriage return or an apostrophe gets a leading apostrophe, which spreadsheets
show as text and the importer removes again. Numbers are written as numbers, so a
negative figure stays a number; only text is ever guarded.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from db.errors import FactSheetError
from db.exchange import bundle_write
from db.exchange.formula_guard import guard
from db.exchange.report import NoSteps, Steps
from db.exchange.tables.header import COLUMNS, EXTRA_COLUMNS
from db.file import output
from db.model.dates import FuzzyDate
from db.model.formatting import plain_number
from db.model.i18n import _
from db.model.records import KINDS, REFERENCE_KINDS, Record
from db.read import listings
from db.read.queries import LABEL_SQL

if TYPE_CHECKING:
    from sqlite_utils import Database

# Names ``--table`` accepts: each kind's table name, and the kind's own name.
TABLES = {**{cls.TABLE: kind for kind, cls in KINDS.items()}, **{kind: kind for kind in KINDS}}


def kind_of_table(name: str) -> str:
    """The kind a ``--table`` name means, or a sentence listing the names there are."""
    kind = TABLES.get(name.strip().casefold())
    if kind is None:
        raise FactSheetError(_("There is no table “{name}”; choose one of: {names}.").format(
            name=name, names=", ".join(cls.TABLE for cls in KINDS.values())))
    return kind


def safe_cell(value: object) -> object:
    """A value as a CSV cell: numbers as numbers, text guarded against running as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return plain_number(value)
    return guard(str(value))


def csv_output(path: Path) -> AbstractContextManager[IO[str]]:
    """A CSV file (UTF-8 with a byte-order mark) being written to ``path`` through
    ``db.file.output``: in place only once complete, never replacing what is not a file."""
    return output.open_output(path, text=True, encoding="utf-8-sig", newline="")


def write_rows(out: IO[str], header: Iterable[str], rows: Iterable[Iterable[object]],
               steps: Steps | None = None, total: int = 0) -> int:
    """Write a header and rows as safe CSV cells; return how many rows were written."""
    steps = steps or NoSteps()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    written = 0
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        written += 1
        if written % 5000 == 0:
            steps.check_cancelled()
            steps.report(written, total)
    return written


# A figure's first source is in its own row (``db.model.links``); a file another program
# wrote may instead have linked one in the link table alone.
_FIGURES_SQL = """
SELECT s.name_en, c.name_en, i.indicator, i.period_start, i.period_end, i.value, i.unit,
       src.title, src.url, src.published, rp.name_en, i.notes
FROM indicators i
JOIN parties s ON s.id = i.subject_id
LEFT JOIN parties c ON c.id = i.counterpart_id
LEFT JOIN parties rp ON rp.id = i.reporter_id
LEFT JOIN sources src ON src.id = coalesce(i.source_id, (SELECT source_id FROM indicators_sources l
                                                        WHERE l.indicator_id = i.id ORDER BY l.rowid LIMIT 1))
ORDER BY i.id
"""


def write_table(db: Database, name: str, out: IO[str], *, steps: Steps | None = None) -> int:
    """Write every record of one kind as CSV; return how many rows were written."""
    kind = kind_of_table(name)
    total = db.execute(f"SELECT count(*) FROM {KINDS[kind].TABLE}").fetchone()[0]
    if kind == "indicator":
        return write_rows(out, COLUMNS + EXTRA_COLUMNS, db.execute(_FIGURES_SQL), steps, total)
    cls = KINDS[kind]
    fields = [name for name, _type in cls.column_fields()]
    header = ["id", *fields, *cls.LINKS]
    labels = _Labels(db)

    def rows() -> Iterator[list[object]]:
        for record in bundle_write.records(db, kind):
            yield [record.id, *(_field(labels, record, f) for f in fields),
                   *("; ".join(labels.of(spec.other_kind, link.id) for link in getattr(record, attr))
                     for attr, spec in cls.LINKS.items())]

    return write_rows(out, header, rows(), steps, total)


def _field(labels: _Labels, record: Record, name: str) -> object:
    value = getattr(record, name)
    if value is None:
        return None
    if name in REFERENCE_KINDS:
        return labels.of(REFERENCE_KINDS[name], value)
    if isinstance(value, FuzzyDate):
        return value.to_text()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class _Labels:
    """Record labels looked up once each (a few parties are named by thousands of rows)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.seen: dict[tuple[str, int], str] = {}

    def of(self, kind: str, record_id: int) -> str:
        key = (kind, record_id)
        if key not in self.seen:
            row = self.db.execute(f"SELECT {LABEL_SQL[kind]} FROM {KINDS[kind].TABLE} r WHERE r.id = ?",
                                  [record_id]).fetchone()
            self.seen[key] = row[0] if row else ""
        return self.seen[key]


def write_listing(db: Database, listing: listings.Listing, out: IO[str], *, filter_text: str = "",
                  sort: str | None = None, descending: bool = False, narrow: bool = True,
                  steps: Steps | None = None) -> int:
    """Write a list as a tab shows it (its columns, filter and order) as CSV."""
    rows = (row[1:] for row in listings.rows(db, listing, filter_text=filter_text, sort=sort,
                                             descending=descending, narrow=narrow))
    return write_rows(out, [c.title for c in listing.columns], rows, steps)


def check_request(format: str, table: str | None) -> None:
    """Refuse, with a sentence, an export that cannot be made (before anything is opened)."""
    if format not in ("json", "csv"):
        raise FactSheetError(_("The format must be json or csv, not “{format}”.").format(format=format))
    if format == "json" and table is not None:
        raise FactSheetError(_("A JSON export holds every record; --table is for CSV."))
    if table is not None:
        kind_of_table(table)


def write(db: Database, out: IO[str], *, format: str, table: str | None = None,
          steps: Steps | None = None) -> int:
    """Write a JSON bundle of everything, or one table as CSV, to a text stream."""
    check_request(format, table)
    if format == "json":
        return bundle_write.write_bundle(db, out, steps=steps)
    return write_table(db, table or "indicators", out, steps=steps)


def export_to_file(db: Database, path: Path, *, format: str, table: str | None = None,
                   steps: Steps | None = None) -> int:
    """Write a JSON bundle of everything, or one table as CSV, to ``path``; return the count."""
    check_request(format, table)
    opened = csv_output(path) if format == "csv" else output.open_output(path, text=True, encoding="utf-8")
    with opened as out:
        return write(db, out, format=format, table=table, steps=steps)
