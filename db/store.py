"""The one place records are written: save, delete and read back whole records.

Every change to a record and its links goes through ``save`` or ``delete`` here, inside
``db.atomic()``, after ``db.model.validate`` has passed. Keeping every write in this module is
what lets a change history be added later in a single spot.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.errors import (
    DatabaseDamaged,
    DatabaseReadOnly,
    FactSheetError,
    RecordInUse,
    RecordNotFound,
    sqlite_failure,
)
from db.model import validate
from db.model.dates import FuzzyDate
from db.model.i18n import _
from db.model.records import KIND_NAMES, KINDS, Link, Record, format_count

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def sqlite_errors_as_sentences() -> Iterator[None]:
    """Turn SQLite's messages into sentences a person can act on."""
    try:
        yield
    except sqlite3.Error as error:
        failure = sqlite_failure(error)
        if failure == "full":
            raise FactSheetError(_("The disk is full, so the change was not saved. Free some "
                                   "space and try again; everything saved before is intact.")) from None
        if failure == "busy":
            raise FactSheetError(_("Another window or program is writing to this database; "
                                   "the change was not saved. Try again in a moment.")) from None
        if failure == "read-only":
            raise DatabaseReadOnly(_("This database is read-only, so the change was not saved.")) from None
        if failure == "io":
            raise FactSheetError(_("The disk reported an error, so the change was not saved; everything "
                                   "saved before is intact. Check the disk or USB stick and try again.")) from None
        if failure == "rule":
            raise FactSheetError(_("The change was not saved because it breaks a rule of the "
                                   "database ({detail}).").format(detail=error)) from None
        if failure == "damaged":  # SQLITE_CORRUPT / SQLITE_NOTADB met while writing
            raise DatabaseDamaged(_("The database file is damaged, so the change was not saved. Close it "
                                    "and open a backup; “factsheet check” lists what is wrong.")) from None
        if isinstance(error, sqlite3.OperationalError):
            raise FactSheetError(_("The change was not saved: {detail}.").format(detail=error)) from None
        raise


def ensure_writable(db: Database) -> None:
    """Refuse with a sentence, before any work, a write to a database opened read-only."""
    ensure = getattr(db, "ensure_writable", None)
    if ensure is not None:
        ensure()


def to_row(record: Record) -> dict[str, object]:
    """The column values of ``record`` (without id and links)."""
    row: dict[str, object] = {}
    for name, kind in record.column_fields():
        value = getattr(record, name)
        if kind is FuzzyDate:
            row[name], row[f"{name}_precision"] = value.to_db() if value else (None, None)
        elif kind is dt.date:
            row[name] = value.isoformat() if value else None
        elif kind is str and value == "":
            row[name] = None if name not in validate.REQUIRED.get(type(record), ()) else value
        else:
            row[name] = value
    return row


def from_row(cls: type[Record], row: dict[str, object]) -> Record:
    """Build a record (without links) from a table row."""
    values: dict[str, object] = {"id": row["id"]}
    for name, kind in cls.column_fields():
        if kind is FuzzyDate:
            values[name] = FuzzyDate.from_db(row[name], row[f"{name}_precision"])  # type: ignore[arg-type]
        elif kind is dt.date:
            values[name] = dt.date.fromisoformat(row[name]) if row[name] else None  # type: ignore[arg-type]
        else:
            values[name] = row[name]
    return cls(**values)


def get(db: Database, kind: str, record_id: int) -> Record:
    """The whole record with its links, or ``RecordNotFound``."""
    cls = KINDS[kind]
    cursor = db.execute(f"SELECT * FROM {cls.TABLE} WHERE id = ?", [record_id])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    if row is None:
        raise RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
            kind=KIND_NAMES[kind][0].lower()))
    record = from_row(cls, dict(zip(names, row, strict=True)))
    for attr, spec in cls.LINKS.items():
        note = spec.note_column or "NULL"
        rows = db.execute(
            f"SELECT {spec.other_column}, {note} FROM {spec.table} WHERE {spec.own_column} = ? ORDER BY rowid",
            [record_id],
        ).fetchall()
        setattr(record, attr, [Link(other, text) for other, text in rows])
    return record


def save(db: Database, record: Record, *, keep_id: bool = False) -> int:
    """Validate and write ``record`` and its links in one transaction; return its id.

    A record without an id is inserted; one with an id is updated, unless ``keep_id``
    asks to insert it under that id (how undo brings a deleted record back).
    """
    ensure_writable(db)
    validate.check(db, record)
    cls = type(record)
    row = to_row(record)
    columns = list(row)
    with sqlite_errors_as_sentences(), db.atomic():
        if record.id is None or keep_id:
            names = (["id"] if keep_id else []) + columns
            values = ([record.id] if keep_id else []) + [row[c] for c in columns]
            marks = ", ".join("?" for _ in names)
            cursor = db.execute(f"INSERT INTO {cls.TABLE} ({', '.join(names)}) VALUES ({marks})", values)
            record.id = cursor.lastrowid
        else:
            assignments = ", ".join(f"{c} = ?" for c in columns)
            cursor = db.execute(f"UPDATE {cls.TABLE} SET {assignments} WHERE id = ?",
                                [row[c] for c in columns] + [record.id])
            if cursor.rowcount == 0:
                raise RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
                    kind=KIND_NAMES[cls.KIND][0].lower()))
        _write_links(db, record)
    assert record.id is not None
    return record.id


def _write_links(db: Database, record: Record) -> None:
    for attr, spec in type(record).LINKS.items():
        db.execute(f"DELETE FROM {spec.table} WHERE {spec.own_column} = ?", [record.id])
        links: list[Link] = getattr(record, attr)
        if not links:
            continue
        if spec.note_column:
            sql = (f"INSERT INTO {spec.table} ({spec.own_column}, {spec.other_column}, {spec.note_column}) "
                   "VALUES (?, ?, ?)")
            params = [(record.id, link.id, link.note) for link in _unique(links)]
        else:
            sql = f"INSERT INTO {spec.table} ({spec.own_column}, {spec.other_column}) VALUES (?, ?)"
            params = [(record.id, link.id) for link in _unique(links)]
        db.conn.executemany(sql, params)


def _unique(links: list[Link]) -> list[Link]:
    seen: set[int] = set()
    result = []
    for link in links:
        if link.id not in seen:
            seen.add(link.id)
            result.append(link)
    return result


@dataclass(frozen=True)
class Reference:
    """A record that points at another one, and what deleting the target does to it."""

    kind: str
    id: int
    cascade: bool  # True: deleted with the target; False: blocks the delete


def _foreign_keys(db: Database) -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, on_delete) for every foreign key in our schema."""
    result = []
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")):
            continue
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            result.append((table, fk[3], fk[2], fk[6]))
    return result


# Which kind owns the rows of each table (link tables belong to the record they hang off).
def _owner(table: str) -> tuple[str, str] | None:
    for cls in KINDS.values():
        if table == cls.TABLE:
            return cls.KIND, "id"
        for spec in cls.LINKS.values():
            if spec.table == table:
                return cls.KIND, spec.own_column
    return None


def references(db: Database, kind: str, record_id: int, *, limit: int | None = None) -> list[Reference]:
    """Every other record that points at this one (links included).

    ``limit`` caps how many are read from each table that points here (a source may carry
    a million figures; the detail pane shows a few).
    """
    target = KINDS[kind].TABLE
    found: list[Reference] = []
    for table, column, parent, on_delete in _foreign_keys(db):
        owner = _owner(table)
        if parent != target or owner is None:
            continue
        owner_kind, owner_column = owner
        if owner_kind == kind and owner_column == column:
            continue  # the record's own link rows
        rows = db.execute(f"SELECT DISTINCT {owner_column} FROM {table} WHERE {column} = ? LIMIT ?",
                          [record_id, -1 if limit is None else limit]).fetchall()
        cascade = on_delete in ("CASCADE", "SET NULL")
        found.extend(Reference(owner_kind, r[0], cascade) for r in rows)
    return found


def describe_references(refs: list[Reference]) -> str:
    """"3 indicators and 1 agreement" for a delete confirmation."""
    counts: dict[str, int] = {}
    for ref in refs:
        counts[ref.kind] = counts.get(ref.kind, 0) + 1
    parts = [format_count(n, k) for k, n in counts.items()]
    if len(parts) <= 1:
        return "".join(parts)
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def delete(db: Database, kind: str, record_id: int) -> None:
    """Delete a record and its own links; refuse with a sentence while others use it."""
    ensure_writable(db)
    blocking = [r for r in references(db, kind, record_id) if not r.cascade]
    if blocking:
        raise RecordInUse(_("This {kind} is still used by {uses}; change or delete those first.").format(
            kind=KIND_NAMES[kind][0].lower(), uses=describe_references(blocking)))
    with sqlite_errors_as_sentences(), db.atomic():
        cursor = db.execute(f"DELETE FROM {KINDS[kind].TABLE} WHERE id = ?", [record_id])
        if cursor.rowcount == 0:
            raise RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
                kind=KIND_NAMES[kind][0].lower()))


@dataclass(frozen=True)
class Captured:
    """Every row a delete removes or changes, so that undo can put them all back.

    ``rows`` holds the record's own row, its link rows and every row that ``ON DELETE
    CASCADE`` takes with it (a person's positions and their source links), parents
    before children. ``nulled`` holds the references ``ON DELETE SET NULL`` clears (a
    statement made at a deleted event) as ``(table, column, rowid, value)``.
    """

    kind: str
    id: int
    rows: tuple[tuple[str, dict[str, object]], ...]
    nulled: tuple[tuple[str, str, int, object], ...] = ()

    def dependents(self) -> dict[str, int]:
        """How many records of each other kind go with it (not counting link rows)."""
        return _records_by_kind(table for table, _row in self.rows[1:])

    def unlinked(self) -> dict[str, int]:
        """How many records of each kind lose their reference to it (and keep the rest)."""
        return _records_by_kind(table for table, _column, _rowid, _value in self.nulled)


def _records_by_kind(tables: Iterable[str]) -> dict[str, int]:
    """How many of these rows are records, by kind (rows of link tables are not counted)."""
    kinds = {cls.TABLE: cls.KIND for cls in KINDS.values()}
    counts: dict[str, int] = {}
    for table in tables:
        kind = kinds.get(table)
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def capture(db: Database, kind: str, record_id: int) -> Captured:
    """Read every row deleting this record would remove or change (see ``Captured``)."""
    keys = _foreign_keys(db)
    rows: list[tuple[str, dict[str, object]]] = []
    nulled: list[tuple[str, str, int, object]] = []
    seen: set[tuple[str, int]] = set()

    def visit(table: str, column: str, value: object) -> None:
        cursor = db.execute(f"SELECT rowid AS _rowid_, * FROM {table} WHERE {column} = ? ORDER BY rowid", [value])
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            rowid = row.pop("_rowid_")
            if (table, rowid) in seen:
                continue
            seen.add((table, rowid))
            rows.append((table, row))
            if "id" not in row:
                continue  # a link row: nothing refers to it
            for child, child_column, parent, on_delete in keys:
                if parent != table:
                    continue
                if on_delete == "CASCADE":
                    visit(child, child_column, row["id"])
                elif on_delete == "SET NULL":
                    for (child_rowid,) in db.execute(
                            f"SELECT rowid FROM {child} WHERE {child_column} = ?", [row["id"]]).fetchall():
                        nulled.append((child, child_column, child_rowid, row["id"]))

    visit(KINDS[kind].TABLE, "id", record_id)
    if not rows:
        raise RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
            kind=KIND_NAMES[kind][0].lower()))
    return Captured(kind, record_id, tuple(rows), tuple(nulled))


def restore(db: Database, captured: Captured) -> None:
    """Put back everything ``capture`` read, with the same ids, in one transaction.

    Rows go back exactly as they were (they passed validation when first written);
    SQLite still checks every foreign key, so a record that something else replaced in
    the meantime is refused with a sentence and nothing is written.
    """
    ensure_writable(db)
    table = KINDS[captured.kind].TABLE
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [captured.id]).fetchone():
        raise FactSheetError(_("That {kind} cannot be brought back: another record now has its "
                               "place.").format(kind=KIND_NAMES[captured.kind][0].lower()))
    with sqlite_errors_as_sentences(), db.atomic():
        for name, row in captured.rows:
            columns = list(row)
            marks = ", ".join("?" for _ in columns)
            db.execute(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                       [row[c] for c in columns])
        for name, column, rowid, value in captured.nulled:
            db.execute(f"UPDATE {name} SET {column} = ? WHERE rowid = ? AND {column} IS NULL", [value, rowid])
