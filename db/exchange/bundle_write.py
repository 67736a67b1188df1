"""Writing the JSON bundle: every record of every kind with all its fields, links and identity.

Loading that file into an empty database gives the same content (``db.exchange.bundle``).
The export is written as it is read, one record at a time, so a database of a million
figures is exported without holding it in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from itertools import groupby
from typing import IO, TYPE_CHECKING, Any

from db import store
from db.exchange import bundle_sync
from db.exchange.bundle_shape import FORMAT, ORDER, VERSION, records_key
from db.exchange.report import NoSteps, Steps
from db.model.dates import FuzzyDate
from db.model.identity import BATCHED_TABLE
from db.model.records import KINDS, REFERENCE_KINDS, Link, Record
from db.store import identities

if TYPE_CHECKING:
    from sqlite_utils import Database


def _value_to_json(typ: type, value: Any) -> Any:
    if value is None:
        return None
    if typ is FuzzyDate:
        return value.to_text()
    if typ is dt.date:
        return value.isoformat()
    return value


def export_bundle(db: Database) -> dict[str, Any]:
    """Every record and link as a bundle; refs are ``<kind>-<id>``."""
    return {"format": FORMAT, "version": VERSION,
            "records": {records_key(kind): list(_items(db, kind)) for kind in ORDER}}


def write_bundle(db: Database, out: IO[str], *, steps: Steps | None = None) -> int:
    """Write every record and link as a bundle to a text stream, one record at a time.

    Returns how many records were written. The file is indented like ``json.dump`` with one
    record per line, so it reads well and compares well line by line.
    """
    steps = steps or NoSteps()
    total = sum(db.execute(f"SELECT count(*) FROM {records_key(k)}").fetchone()[0] for k in ORDER)
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION},\n "records": {{')
    done = 0
    for number, kind in enumerate(ORDER):
        out.write(f'{"," if number else ""}\n  "{records_key(kind)}": [')
        for count, item in enumerate(_items(db, kind)):
            out.write(("," if count else "") + "\n    " + json.dumps(item, ensure_ascii=False))
            done += 1
            if done % 1000 == 0:
                steps.check_cancelled()
                steps.report(done, total)
        out.write("\n  ]")
    out.write("\n }\n}\n")
    steps.report(done, total)
    return done


def _items(db: Database, kind: str) -> Iterator[dict[str, Any]]:
    """Every record of a kind as a bundle item, with its identity and earlier versions."""
    previous = bundle_sync.previous_versions(db, kind)
    for record, uuid, stamp in records_with_identity(db, kind):
        item = _record_to_json(record)
        item["uuid"], item["updated_at"] = uuid, stamp
        if uuid in previous:
            item["previous"] = previous[uuid]
        yield item


def records(db: Database, kind: str) -> Iterator[Record]:
    """Every record of a kind with its links, by id, in two ordered passes (no query per record)."""
    for record, _uuid, _stamp in records_with_identity(db, kind):
        yield record


def records_with_identity(db: Database, kind: str) -> Iterator[tuple[Record, str | None, str | None]]:
    """(record, uuid, updated_at) of every record of a kind, by id, links included."""
    cls = KINDS[kind]
    cursor = db.execute(f"SELECT * FROM {cls.TABLE} ORDER BY id")
    names = [d[0] for d in cursor.description]
    links = {attr: _links(db, spec.table, spec.own_column, spec.other_column, spec.note_column)
             for attr, spec in cls.LINKS.items()}
    pending: dict[str, tuple[int, list[Link]] | None] = {attr: next(group, None) for attr, group in links.items()}
    batches = identities.batches(db) if cls.TABLE == BATCHED_TABLE else None  # imported figures' identities
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        record = store.from_row(cls, values)
        for attr, group in links.items():
            spec = cls.LINKS[attr]
            # The first link of a kind whose row holds it (``db.model.links``), then the link rows.
            first = values[spec.row_columns[0]] if spec.owner is not None else None
            linked = [Link(first, values[spec.row_columns[1]])] if first is not None else []
            # Link rows come ordered by owner; skip owners that no longer exist.
            while pending[attr] is not None and pending[attr][0] < record.id:  # type: ignore[index]
                pending[attr] = next(group, None)
            current = pending[attr]
            if current is not None and current[0] == record.id:
                linked += current[1]
                pending[attr] = next(group, None)
            setattr(record, attr, linked)
        uuid, stamp = values.get("uuid"), values.get("updated_at")
        if batches is not None:
            uuid, stamp = batches.identity(values["id"], uuid, stamp)
        yield record, uuid, stamp


def _links(db: Database, table: str, own: str, other: str, note: str | None) -> Iterator[tuple[int, list[Link]]]:
    rows = db.execute(f"SELECT {own}, {other}, {note or 'NULL'} FROM {table} ORDER BY {own}, rowid")
    for owner, group in groupby(rows, key=lambda r: r[0]):
        yield owner, [Link(target, text) for _owner, target, text in group]


def _record_to_json(record: Record) -> dict[str, Any]:
    cls = type(record)
    item: dict[str, Any] = {"ref": f"{cls.KIND}-{record.id}"}
    for name, typ in cls.column_fields():
        value = getattr(record, name)
        if name in REFERENCE_KINDS and value is not None:
            item[name] = f"{REFERENCE_KINDS[name]}-{value}"
        else:
            item[name] = _value_to_json(typ, value)
    for attr, spec in cls.LINKS.items():
        entries = []
        for link in getattr(record, attr):
            entry: dict[str, Any] = {"ref": f"{spec.other_kind}-{link.id}"}
            if spec.note_column and link.note is not None:
                entry[spec.note_column] = link.note
            entries.append(entry)
        item[attr] = entries
    return item
