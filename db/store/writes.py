"""Saving, deleting and bringing back whole records, each change with its history entry.

Every change to a record and its links goes through ``save``, ``delete`` or ``restore``
here, inside ``db.atomic()``, after ``db.model.validate`` has passed, and writes one entry to
the change history (``db.store.journal``) in the same transaction. A new record gets its
``uuid`` here; every write stamps ``updated_at`` (``db.model.identity``), unless the caller
brings the identity with the record (an import keeps a bundle's, undo its own). An imported
figure's identity may be its batch's (``db.store.identities``); a deleted one takes it along.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from db.errors import FactSheetError, RecordInUse, RecordNotFound
from db.model import identity, validate
from db.model.i18n import _
from db.model.records import KIND_NAMES, KINDS, Link, Record
from db.store import identities, journal
from db.store.graph import Captured, capture, describe_references, references, with_new_id
from db.store.rows import ensure_writable, from_row, sqlite_errors_as_sentences, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def _gone(kind: str) -> RecordNotFound:
    return RecordNotFound(_("That {kind} no longer exists; it may have been deleted.").format(
        kind=KIND_NAMES[kind][0].lower()))


def get(db: Database, kind: str, record_id: int) -> Record:
    """The whole record with its links, or ``RecordNotFound``."""
    cls = KINDS[kind]
    cursor = db.execute(f"SELECT * FROM {cls.TABLE} WHERE id = ?", [record_id])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    if row is None:
        raise _gone(kind)
    record = from_row(cls, dict(zip(names, row, strict=True)))
    for attr, spec in cls.LINKS.items():
        rows = db.execute(f"SELECT linked_id, note FROM ({spec.of(':id')}) ORDER BY place",
                          {"id": record_id}).fetchall()
        setattr(record, attr, [Link(other, text) for other, text in rows])
    return record


def identity_of(db: Database, kind: str, record_id: int) -> tuple[str | None, str | None]:
    """(uuid, updated_at) of a record (an imported figure's from its batch), or ``RecordNotFound``."""
    found = identities.identity_of(db, kind, record_id)
    if found is None:
        raise _gone(kind)
    return found


def save(db: Database, record: Record, *, keep_id: bool = False, uuid: str | None = None,
         updated_at: str | None = None) -> int:
    """Validate and write ``record`` and its links in one transaction; return its id.

    A record without an id is inserted; one with an id is updated, unless ``keep_id``
    asks to insert it under that id (how undo brings a deleted record back). A new record
    gets ``uuid`` (else a new one); the version written is stamped ``updated_at`` (else now).
    """
    ensure_writable(db)
    validate.check(db, record)
    cls = type(record)
    row = to_row(record)
    stamp = updated_at or identity.now()
    with sqlite_errors_as_sentences(), db.atomic():
        if record.id is None or keep_id:
            before, record_uuid = None, uuid or identity.new_uuid()
            names = (["id"] if keep_id else []) + list(row) + ["uuid", "updated_at"]
            values = ([record.id] if keep_id else []) + list(row.values()) + [record_uuid, stamp]
            marks = ", ".join("?" for _ in names)
            cursor = db.execute(f"INSERT INTO {cls.TABLE} ({', '.join(names)}) VALUES ({marks})", values)
            record.id = cursor.lastrowid
        else:
            record_uuid, was_stamped = identity_of(db, cls.KIND, record.id)
            before = journal.snapshot(get(db, cls.KIND, record.id), record_uuid, was_stamped)
            assignments = ", ".join(f"{c} = ?" for c in row)
            db.execute(f"UPDATE {cls.TABLE} SET {assignments}, updated_at = ? WHERE id = ?",
                       [*row.values(), stamp, record.id])
        _write_links(db, record)
        journal.add_entry(db, "edit" if before else "add", cls.KIND, record.id, record_uuid, before=before,
                          after=journal.snapshot(_with_unique_links(record), record_uuid, stamp))
    assert record.id is not None
    return record.id


def _write_links(db: Database, record: Record) -> None:
    for attr, spec in type(record).LINKS.items():
        db.execute(f"DELETE FROM {spec.table} WHERE {spec.own_column} = ?", [record.id])
        links: list[Link] = _unique(getattr(record, attr))
        if spec.owner is not None:  # the first link is kept in the record's own row
            first = links[0] if links else Link(None, None)  # type: ignore[arg-type]
            db.execute(f"UPDATE {spec.owner} SET {spec.row_columns[0]} = ?, {spec.row_columns[1]} = ? WHERE id = ?",
                       [first.id, first.note, record.id])
            links = links[1:]
        if not links:
            continue
        if spec.note_column:
            sql = (f"INSERT INTO {spec.table} ({spec.own_column}, {spec.other_column}, {spec.note_column}) "
                   "VALUES (?, ?, ?)")
            params = [(record.id, link.id, link.note) for link in links]
        else:
            sql = f"INSERT INTO {spec.table} ({spec.own_column}, {spec.other_column}) VALUES (?, ?)"
            params = [(record.id, link.id) for link in links]
        db.conn.executemany(sql, params)


def _unique(links: list[Link]) -> list[Link]:
    seen: set[int] = set()
    result = []
    for link in links:
        if link.id not in seen:
            seen.add(link.id)
            result.append(link)
    return result


def _with_unique_links(record: Record) -> Record:
    """The record as stored: each linked record once (the note of its first mention)."""
    stored = copy.copy(record)
    for attr in record.LINKS:
        setattr(stored, attr, _unique(getattr(record, attr)))
    return stored


def delete(db: Database, kind: str, record_id: int) -> Captured:
    """Delete a record and its own links; refuse with a sentence while others use it.

    Returns every row the delete removed or changed (``db.store.graph.Captured``), which the
    history keeps too, so the record can be brought back later (Edit ▸ Deleted records…).
    """
    ensure_writable(db)
    blocking = [r for r in references(db, kind, record_id) if not r.cascade]
    if blocking:
        raise RecordInUse(_("This {kind} is still used by {uses}; change or delete those first.").format(
            kind=KIND_NAMES[kind][0].lower(), uses=describe_references(blocking)))
    with sqlite_errors_as_sentences(), db.atomic():
        captured = capture(db, kind, record_id)
        record_uuid, stamp = identity_of(db, kind, record_id)
        before = {**journal.snapshot(get(db, kind, record_id), record_uuid, stamp), "rows": captured.to_json()}
        db.execute(f"DELETE FROM {KINDS[kind].TABLE} WHERE id = ?", [record_id])
        journal.add_entry(db, "delete", kind, record_id, record_uuid, before=before)
    return captured


def restore(db: Database, captured: Captured, *, new_id_if_taken: bool = False) -> int:
    """Put back everything ``capture`` read, with the same ids, in one transaction; return
    the record's id.

    Rows go back exactly as they were (they passed validation when first written);
    SQLite still checks every foreign key, so a record that something else replaced in
    the meantime is refused with a sentence and nothing is written. When another record
    has taken its id since, it is refused too, unless ``new_id_if_taken`` lets it come back
    under a new id (bringing back a record deleted long ago).
    """
    ensure_writable(db)
    table = KINDS[captured.kind].TABLE
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [captured.id]).fetchone():
        if not new_id_if_taken:
            raise FactSheetError(_("That {kind} cannot be brought back: another record now has its "
                                   "place.").format(kind=KIND_NAMES[captured.kind][0].lower()))
        captured = with_new_id(captured, db.execute(f"SELECT max(id) + 1 FROM {table}").fetchone()[0])
    with sqlite_errors_as_sentences(), db.atomic():
        for name, row in captured.rows:
            columns = list(row)
            marks = ", ".join("?" for _ in columns)
            db.execute(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                       [row[c] for c in columns])
        for name, column, rowid, value in captured.nulled:
            db.execute(f"UPDATE {name} SET {column} = ? WHERE rowid = ? AND {column} IS NULL", [value, rowid])
        record_uuid, stamp = identity_of(db, captured.kind, captured.id)
        journal.add_entry(db, "restore", captured.kind, captured.id, record_uuid,
                          after=journal.snapshot(get(db, captured.kind, captured.id), record_uuid, stamp))
    return captured.id
