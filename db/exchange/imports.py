"""Bringing a file into a database: which reader a file needs.

Two kinds of file come in: tables of figures as statistics offices publish them — CSV files
and spreadsheet workbooks (``db.exchange.figures``, read by ``db.exchange.tables``) — and
the JSON bundle Fact Sheet exports (``db.exchange.bundle``). Both are read all or nothing
(``db.exchange.report``), and records already in the database are recognised
(``db.exchange.matching``) and not added again, so importing the same file twice adds nothing
the second time. A bundle's records this database shares by UUID are updated when the
bundle's version is newer (``db.exchange.bundle_sync``). Every import is preceded by a backup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db import store
from db.errors import FactSheetError
from db.exchange import bundle
from db.exchange.figures.importing import import_figures
from db.exchange.report import ImportRejected, ImportReport, Steps
from db.exchange.tables.opening import ReadOptions
from db.file import backups
from db.model.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

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


def _holds_records(db: Database) -> bool:
    """Whether there is anything to back up (every fact rests on a source or names a party)."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM parties)").fetchone()[0] == 1


def import_file(db: Database, path: Path, *, steps: Steps | None = None, dry_run: bool = False,
                options: ReadOptions | None = None, names: dict[str, dict[str, str]] | None = None,
                take_theirs: frozenset[str] = frozenset()) -> ImportReport:
    """Import a table of figures or a JSON bundle, all or nothing; return what it added.

    ``options`` (encoding, sheet, column mapping) and ``names`` (what unknown indicator and
    unit names mean) apply to tables of figures. A database kept in a file is backed up first
    (``db.file.backups``); when no backup can be made, nothing is imported. ``take_theirs``
    names the bundle records whose version the person chose over a conflicting one here.
    """
    path = Path(path)
    if not path.is_file():
        raise FactSheetError(_("There is no file at {path}.").format(path=path))
    store.ensure_writable(db)  # before a large file is read: a read-only database refuses at once
    if not dry_run and getattr(db, "path", None) is not None and _holds_records(db):
        try:
            backups.make_backup(db, reason="before-import")
        except FactSheetError as error:
            raise FactSheetError(_("“{name}” was not imported, because no backup could be made first: "
                                   "{reason}").format(name=path.name, reason=error)) from None
    if is_bundle(path):
        return bundle.import_bundle_file(db, path, steps=steps, dry_run=dry_run, take_theirs=take_theirs)
    return import_figures(db, path, options=options, names=names, steps=steps, dry_run=dry_run)
