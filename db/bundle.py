"""The JSON bundle: every record and link in a file that another database can load.

A bundle names records by ``ref`` (any string unique within its kind) instead of row ids,
so it can be written by hand (the seed data set is one) and loaded into any database.
Loading happens in one transaction through ``db.store``: all of it or none of it.

    {"format": "factsheet-bundle", "version": 1,
     "records": {"sources": [{"ref": "trend", "title": "…"}],
                 "parties": [{"ref": "kz", "kind": "country", "name_en": "Kazakhstan"}],
                 "positions": [{"ref": "…", "person_id": "uali", "body_id": "akimat",
                                "start_date": "Q4 2025", "sources": [{"ref": "trend", "passage": "…"}]}]}}

Dates with a precision are written as people type them ("2025-07-02", "2025-07", "Q4 2025",
"2025"); links are lists of ``{"ref": …}`` with the link's note (``role`` or ``passage``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from db import store, validate
from db.dates import DateError, FuzzyDate
from db.errors import FactSheetError, Problem, ValidationError
from db.i18n import _
from db.records import KINDS, Link, Record

FORMAT = "factsheet-bundle"
VERSION = 1

# Loading order: every kind comes after the kinds it refers to.
ORDER = ("source", "party", "subject", "person", "position", "event", "agreement", "indicator", "statement")
_REFERENCE_KINDS = {
    "parent_id": "party", "body_id": "party", "subject_id": "party", "counterpart_id": "party",
    "reporter_id": "party", "person_id": "person", "event_id": "event",
}


def _key(kind: str) -> str:
    return KINDS[kind].TABLE


def _value_from_json(kind: str, name: str, typ: type, value: Any) -> Any:
    if value is None:
        return None
    if typ is FuzzyDate:
        return FuzzyDate.parse(str(value))
    if typ is dt.date:
        return dt.date.fromisoformat(str(value))
    if typ is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(_("'{value}' is not a number.").format(value=value))
        return float(value)
    if typ is str and not isinstance(value, str):
        raise ValueError(_("'{value}' is not text.").format(value=value))
    return value


def _value_to_json(typ: type, value: Any) -> Any:
    if value is None:
        return None
    if typ is FuzzyDate:
        return value.to_text()
    if typ is dt.date:
        return value.isoformat()
    return value


def load_bundle(db: Database, data: dict[str, Any],
                progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Add every record of a bundle in one transaction; return how many of each kind.

    Raises ``ValidationError`` naming the record and field of every problem found, and
    leaves the database unchanged.
    """
    problem = _shape_problem(data)
    if problem:
        raise FactSheetError(problem)
    records = data.get("records") or {}
    total = sum(len(records.get(_key(k)) or []) for k in ORDER)
    ids: dict[tuple[str, str], int] = {}
    added: dict[str, int] = {}
    done = 0
    with db.atomic():
        for kind in ORDER:
            for position, item in enumerate(records.get(_key(kind)) or [], start=1):
                record = _record_from_json(kind, item, ids, position)
                new_id = store.save(db, record)
                ids[(kind, str(item.get("ref", f"#{position}")))] = new_id
                added[kind] = added.get(kind, 0) + 1
                done += 1
                if progress:
                    progress(done, total)
    return added


def _shape_problem(data: Any) -> str | None:
    """A sentence when ``data`` is not laid out as a bundle (whatever JSON a file holds)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return _("This file is not a Fact Sheet bundle.")
    version = data.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int):
        return _("This bundle does not say which version of the format it uses.")
    if version > VERSION:
        return _("This bundle was written by a newer version of Fact Sheet.")
    records = data.get("records") or {}
    if not isinstance(records, dict):
        return _("This bundle's records are not laid out as a Fact Sheet bundle.")
    known = {_key(kind): kind for kind in ORDER}
    for key, items in records.items():
        if key not in known:
            return _("This bundle holds records of an unknown kind, “{key}”.").format(key=key)
        if items is not None and not isinstance(items, list):
            return _("The {key} in this bundle are not a list of records.").format(key=key)
        for position, item in enumerate(items or [], start=1):
            if not isinstance(item, dict):
                return _("Record {n} of the {key} in this bundle is not a record.").format(n=position, key=key)
            for attr in KINDS[known[key]].LINKS:
                if item.get(attr) is not None and not isinstance(item[attr], list):
                    return _("The {attr} of record {n} of the {key} are not a list.").format(
                        attr=attr, n=position, key=key)
    return None


def _record_from_json(kind: str, item: dict[str, Any], ids: dict[tuple[str, str], int],
                      position: int) -> Record:
    cls = KINDS[kind]
    where = _("{kind} “{ref}”").format(kind=_key(kind), ref=item.get("ref", f"#{position}"))
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def resolve(target: str, ref: Any, field: str) -> int | None:
        if (target, str(ref)) not in ids:
            problems.append(Problem(field, _("{where}: {field} refers to unknown {target} “{ref}”.").format(
                where=where, field=field, target=target, ref=ref)))
            return None
        return ids[(target, str(ref))]

    for name, typ in cls.column_fields():
        raw = item.get(name)
        if name in _REFERENCE_KINDS and raw is not None:
            values[name] = resolve(_REFERENCE_KINDS[name], raw, name)
            continue
        try:
            values[name] = _value_from_json(kind, name, typ, raw)
        except (ValueError, DateError, OverflowError) as error:
            problems.append(Problem(name, f"{where}: {name}: {error}"))
    for attr, spec in cls.LINKS.items():
        links = []
        for entry in item.get(attr) or []:
            ref = entry.get("ref") if isinstance(entry, dict) else entry
            note = entry.get(spec.note_column) if isinstance(entry, dict) and spec.note_column else None
            if note is not None and not isinstance(note, str):
                problems.append(Problem(attr, f"{where}: {attr}: " + _("'{value}' is not text.").format(value=note)))
                note = None
            target_id = resolve(spec.other_kind, ref, attr)
            if target_id is not None:
                links.append(Link(target_id, note))
        values[attr] = links
    if problems:
        raise ValidationError(problems)
    record = cls(**values)
    found = validate.problems(None, record)
    if found:
        raise ValidationError([Problem(p.field, f"{where}: {p.message}") for p in found])
    return record


def export_bundle(db: Database) -> dict[str, Any]:
    """Every record and link as a bundle; refs are ``<kind>-<id>``."""
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in ORDER:
        cls = KINDS[kind]
        items = []
        for (record_id,) in db.execute(f"SELECT id FROM {cls.TABLE} ORDER BY id").fetchall():
            record = store.get(db, kind, record_id)
            items.append(_record_to_json(record))
        records[_key(kind)] = items
    return {"format": FORMAT, "version": VERSION, "records": records}


def _record_to_json(record: Record) -> dict[str, Any]:
    cls = type(record)
    item: dict[str, Any] = {"ref": f"{cls.KIND}-{record.id}"}
    for name, typ in cls.column_fields():
        value = getattr(record, name)
        if name in _REFERENCE_KINDS and value is not None:
            item[name] = f"{_REFERENCE_KINDS[name]}-{value}"
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
