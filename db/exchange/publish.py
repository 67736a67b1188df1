"""A read-only copy for the office (``factsheet publish``): a snapshot and its Datasette metadata.

One curator keeps the master file; a nightly ``publish`` writes into a folder that
Datasette serves (``datasette FOLDER/facts.db -m FOLDER/metadata.json``):

- ``facts.db``, a consistent snapshot made with SQLite's backup API (safe while the window
  writes) — or, for a file holding views, triggers or tables another program added, a clean
  copy of Fact Sheet's own tables (``db.file.clean_copy``), so none of those is served —,
  switched to a rollback journal so it can be served from a read-only folder, with
  a full-text index per table (``<table>_fts``) for Datasette's search box, and every
  imported figure's identity written out in its row (``db.model.identity``);
- ``metadata.json``, what the copy is and what its tables hold (``publish_metadata``);
- ``publish.json``, when and from which file, which also marks the folder as a publish.

A later publish replaces those three files and leaves anything else in the folder (a
Datasette settings file, templates). A folder that is not empty and holds no
``publish.json`` is refused: it belongs to something else. Every file is written under a
temporary name first and put in place only when all three are ready (``db.file.output``:
a link is followed, a read-only file refused, permissions kept), so a failure leaves the
previous publish as it was, and the master file is only read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.errors import FactSheetError
from db.exchange import publish_metadata
from db.file import output
from db.file.clean_copy import save_clean_copy
from db.file.database import FactSheetDatabase, load_sqlite_utils
from db.file.integrity import error_detail
from db.file.snapshot import backup_to
from db.model import identity
from db.model.i18n import _

SNAPSHOT = "facts.db"
METADATA = "metadata.json"
MARKER = "publish.json"
DATABASE_NAME = Path(SNAPSHOT).stem  # Datasette names a database after its file: /facts/…
# Temporary names earlier versions used; a publish they stopped midway may have left them.
_OLD_LEFTOVERS = {name + ".new" for name in (SNAPSHOT, METADATA, MARKER)} | {SNAPSHOT + ".new.part"}


@dataclass(frozen=True)
class Published:
    """What a publish wrote: the folder, its files and how many records of each table."""

    folder: Path
    snapshot: Path
    metadata: Path
    counts: dict[str, int]

    @property
    def records(self) -> int:
        return sum(n for table, n in self.counts.items() if table in publish_metadata.LABEL_COLUMNS
                   or table == "indicators")


def check_folder(folder: Path) -> None:
    """Raise ``FactSheetError`` unless ``folder`` is missing, empty or an earlier publish."""
    if folder.exists() and not folder.is_dir():
        raise FactSheetError(_("“{path}” is a file, not a folder; name a new or empty folder to publish "
                               "into.").format(path=folder))
    if not folder.exists():
        return
    try:
        # What a publish stopped midway (a crash, a power cut) may leave; the next one replaces it.
        entries = [p for p in folder.iterdir() if not _leftover(p)]
    except OSError as error:
        raise FactSheetError(_("The folder {path} cannot be read: {reason}.").format(
            path=folder, reason=error_detail(error))) from None
    if entries and not _is_publish(folder / MARKER):
        raise FactSheetError(_("The folder {path} already holds other files and is not an earlier publish, "
                               "so nothing was written; name a new or empty folder.").format(path=folder))


def _leftover(path: Path) -> bool:
    """A file a stopped publish left (replaced or removed by the next one)."""
    return output.is_part(path.name) or path.name in _OLD_LEFTOVERS


def _is_publish(marker: Path) -> bool:
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("published_by") == "factsheet"
    except (OSError, ValueError, AttributeError):
        return False


def publish(db: FactSheetDatabase, folder: Path, *, title: str | None = None, licence: str | None = None,
            licence_url: str | None = None, now: dt.datetime | None = None) -> Published:
    """Write the snapshot and its metadata of the open database ``db`` into ``folder``."""
    folder = Path(folder)
    check_folder(folder)
    now = now or dt.datetime.now().astimezone()
    name = db.path.name if db.path is not None else _("(in memory)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FactSheetError(_("The folder {path} cannot be made: {reason}.").format(
            path=folder, reason=error_detail(error))) from None
    snapshot, metadata, marker = folder / SNAPSHOT, folder / METADATA, folder / MARKER
    for old in _OLD_LEFTOVERS:
        (folder / old).unlink(missing_ok=True)
    pending: list[output.Pending] = []
    try:
        pending.extend(output.Pending(p) for p in (snapshot, metadata, marker))
        parts = [p.part for p in pending]
        if db.foreign_objects and db.path is not None:  # objects another program added are not published
            save_clean_copy(db.path, parts[0])
        else:
            backup_to(db, parts[0])
        tables, columns, counts, searched = _prepare(parts[0])
        stem = db.path.stem if db.path is not None else DATABASE_NAME
        meta = publish_metadata.build(
            database=DATABASE_NAME, tables=tables, columns=columns, searched=searched,
            title=title or _("Cooperation facts: {name}").format(name=stem),
            description=_("A read-only copy of {name}, published {when}. Corrections go to the curator, "
                          "best as a Fact Sheet bundle (File ▸ Export… in Fact Sheet).").format(
                name=name, when=now.strftime("%Y-%m-%d %H:%M")),
            licence=licence or _("For use within the office; every fact names its source"),
            licence_url=licence_url,
            source=_("{name}, kept with Fact Sheet").format(name=name))
        _write_json(parts[1], meta)
        _write_json(parts[2], {"published_by": "factsheet", "published": now.isoformat(timespec="seconds"),
                               "database": str(db.path) if db.path is not None else None, "counts": counts})
        for file in pending:
            file.finish()
    except (OSError, sqlite3.Error) as error:
        raise FactSheetError(_("Nothing was published to {path}: {reason}.").format(
            path=folder, reason=error_detail(error))) from None
    except output.OutputError as error:
        raise FactSheetError(_("Nothing was published to {path}: {reason}").format(
            path=folder, reason=error)) from None
    finally:
        for file in pending:
            file.discard()
    return Published(folder, snapshot, metadata, counts)


def _prepare(path: Path) -> tuple[list[str], dict[str, list[str]], dict[str, int], list[str]]:
    """Make the snapshot servable: a rollback journal, full-text indexes, statistics.

    Returns its tables, their columns, their row counts and the tables made searchable.
    """
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # no -wal or -shm beside a served file
        copy = load_sqlite_utils().Database(conn)
        tables = copy.table_names()
        if identity.BATCHES_TABLE in tables:  # readers of the copy have no batches to compute them from
            uuid, stamp = identity.identity_sql(identity.BATCHED_TABLE, identity.BATCHED_TABLE)
            conn.execute(f"UPDATE {identity.BATCHED_TABLE} SET uuid = {uuid}, updated_at = {stamp} "
                         "WHERE uuid IS NULL OR updated_at IS NULL")
        searched = []
        for table, wanted in publish_metadata.SEARCHED_COLUMNS.items():
            if table not in tables:
                continue
            present = set(copy[table].columns_dict)
            searchable = [c for c in wanted if c in present]
            if searchable:
                copy[table].enable_fts(searchable, tokenize="unicode61 remove_diacritics 2", replace=True)
                searched.append(table)
        conn.execute("ANALYZE")
        conn.commit()
        shown = [t for t in copy.table_names() if not t.endswith("_fts") and "_fts_" not in t]
        columns = {t: list(copy[t].columns_dict) for t in shown if not t.startswith("search_index")}
        counts = {t: copy[t].count for t in columns if t not in publish_metadata.HIDDEN}
    finally:
        conn.close()
    return [t for t in shown if not t.startswith("search_index_") and t != "sqlite_stat1"], columns, counts, searched


def _write_json(path: Path, value: dict) -> None:
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, indent=2)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
