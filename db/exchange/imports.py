"""Bringing a file into a database: which reader a file needs.

Two kinds of file come in: tables of figures as statistics offices publish them — CSV files
and spreadsheet workbooks (``db.exchange.figures``, read by ``db.exchange.tables``) — and
the JSON bundle Fact Sheet exports (``db.exchange.bundle``). Both are read all or nothing
(``db.exchange.report``), and records already in the database are recognised
(``db.exchange.matching``) and not added again, so importing the same file twice adds nothing
the second time.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from db import store
from db.errors import FactSheetError
from db.exchange import bundle
from db.exchange.figures.importing import import_figures
from db.exchange.report import ImportRejected, ImportReport, Steps
from db.exchange.tables.opening import ReadOptions
from db.model.i18n import _

__all__ = ["ImportRejected", "ImportReport", "ReadOptions", "import_file", "is_bundle"]


def is_bundle(path: Path) -> bool:
    """True for a JSON bundle, False for a table: by suffix, else by the first character."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return True
    if suffix in (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods"):
        return False
    with path.open("rb") as handle:
        start = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{")


def import_file(db: Database, path: Path, *, steps: Steps | None = None, dry_run: bool = False,
                options: ReadOptions | None = None, names: dict[str, dict[str, str]] | None = None) -> ImportReport:
    """Import a table of figures or a JSON bundle, all or nothing; return what it added.

    ``options`` (encoding, sheet, column mapping) and ``names`` (what unknown indicator and
    unit names mean) apply to tables of figures."""
    path = Path(path)
    if not path.is_file():
        raise FactSheetError(_("There is no file at {path}.").format(path=path))
    store.ensure_writable(db)  # before a large file is read: a read-only database refuses at once
    if is_bundle(path):
        return bundle.import_bundle_file(db, path, steps=steps, dry_run=dry_run)
    return import_figures(db, path, options=options, names=names, steps=steps, dry_run=dry_run)
