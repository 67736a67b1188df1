"""The change history's writing side: an entry for every change, in the writer's transaction.

Each save, delete and restore in ``db.store`` adds one row to ``history``: when (a stamp
from ``db.model.identity``), who (the database's ``author`` — a name set in the settings —
or else the operating-system user), which program run (``session``), the action, the
record's kind, id and UUID, and the record before and after as JSON snapshots
(``snapshot``). The writer's transaction holds the entry, so a change and its entry are
kept or lost together.

What a write is *for* is told by the caller with ``writing(db, action=…, note=…)``: an
import records its new and changed records as ``import``, Restore this version as
``restore``, capture from an article as ``capture``; a delete is always ``delete``. The
note says more (the file imported, "Undo …").

Figures written by the thousand (an imported table) are one entry for the whole batch,
naming the ids it covers (``add_batch``): a row of history per figure would cost a million
rows, and the figures themselves say what they hold until one is edited (then the edit's
entry keeps the version before it).
"""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.model.records import KINDS, Link, Record
from db.store.rows import from_row, to_row

if TYPE_CHECKING:
    from sqlite_utils import Database

ACTIONS = ("add", "edit", "delete", "import", "restore", "capture")


def default_author() -> str | None:
    """The operating-system user's name, when the system tells it."""
    try:
        return getpass.getuser() or None
    except Exception:  # noqa: BLE001 - no user name in the environment: the entry names nobody
        return None


def author(db: Database) -> str | None:
    """Who is writing: the name set for this database connection, else the system user."""
    return getattr(db, "author", None) or default_author()


@dataclass(frozen=True)
class _Purpose:
    action: str | None
    note: str | None


@contextlib.contextmanager
def writing(db: Database, *, action: str | None = None, note: str | None = None) -> Iterator[None]:
    """Record the writes made inside as ``action`` (for adds and edits) with ``note``.

    Nested blocks keep what an outer block said unless they say otherwise.
    """
    if action is not None and action not in ACTIONS:
        raise ValueError(action)
    stack: list[_Purpose] = db.__dict__.setdefault("_journal_purposes", [])
    outer = stack[-1] if stack else _Purpose(None, None)
    stack.append(_Purpose(action or outer.action, note if note is not None else outer.note))
    try:
        yield
    finally:
        stack.pop()


def _purpose(db: Database) -> _Purpose:
    stack = db.__dict__.get("_journal_purposes")
    return stack[-1] if stack else _Purpose(None, None)


def snapshot(record: Record, uuid: str | None, updated_at: str | None) -> dict[str, object]:
    """A record as the history keeps it: its columns, its links, its identity."""
    return {"fields": to_row(record),
            "links": {attr: [[link.id, link.note] for link in getattr(record, attr)] for attr in record.LINKS},
            "uuid": uuid, "updated_at": updated_at}


def record_of(kind: str, snap: dict[str, object], record_id: int | None) -> Record:
    """The record a snapshot describes (with ``record_id`` as its id)."""
    cls = KINDS[kind]
    fields = dict(snap.get("fields") or {})  # type: ignore[call-overload]
    row = {name: fields.get(name) for name in _column_names(cls)}
    record = from_row(cls, {**row, "id": record_id})
    links = snap.get("links") or {}
    for attr in cls.LINKS:
        setattr(record, attr, [Link(int(other), note) for other, note in links.get(attr, [])])  # type: ignore[union-attr]
    return record


def _column_names(cls: type[Record]) -> list[str]:
    names = []
    for name, _kind in cls.column_fields():
        names.append(name)
        names.append(f"{name}_precision")
    return names


def add_entry(db: Database, action: str, kind: str | None, record_id: int | None, record_uuid: str | None,
              *, before: dict[str, object] | None = None, after: dict[str, object] | None = None) -> None:
    """Write one history entry (inside the caller's transaction)."""
    from db.model.identity import now

    purpose = _purpose(db)
    if purpose.action is not None and action in ("add", "edit"):
        action = purpose.action
    db.execute(
        "INSERT INTO history (at, author, session, action, kind, record_id, record_uuid, before, after, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [now(), author(db), getattr(db, "session", None), action, kind, record_id, record_uuid,
         _json(before), _json(after), purpose.note])


def add_batch(db: Database, action: str, kind: str, first_id: int, last_id: int, count: int,
              *, uuid_prefix: str | None = None, note: str | None = None) -> None:
    """One entry for ``count`` records of a kind written at once, ids ``first_id``–``last_id``.

    ``uuid_prefix`` is the batch's (``db.model.identity.uuid_prefix``) when its records got
    their UUIDs from it.
    """
    from db.model.identity import now

    purpose = _purpose(db)
    db.execute(
        "INSERT INTO history (at, author, session, action, kind, record_uuid, first_id, last_id, after, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [now(), author(db), getattr(db, "session", None), action, kind, uuid_prefix, first_id, last_id,
         json.dumps({"count": count}), note if note is not None else purpose.note])


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def mark(db: Database) -> int:
    """The last history entry so far (``written_since`` reads what came after)."""
    return db.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]


@dataclass(frozen=True)
class WrittenRecord:
    """A record one piece of work added or changed: its snapshots before (None: new) and after."""

    kind: str
    id: int
    uuid: str | None
    before: dict[str, object] | None
    after: dict[str, object] | None


@dataclass
class Written:
    """What one piece of work wrote, to undo it as one step: records one by one, and the
    ids of the figures it added (as ranges, since they may be a million)."""

    records: list[WrittenRecord] = field(default_factory=list)
    figures: list[tuple[int, int]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.records or self.figures)


def written_since(db: Database, since: int) -> Written:
    """The records added or changed, and the figures added, by entries after ``since``."""
    found = Written()
    new_figures: list[int] = []
    for kind, record_id, uuid, before, after, first, last in db.execute(
            "SELECT kind, record_id, record_uuid, before, after, first_id, last_id FROM history "
            "WHERE id > ? AND action <> 'delete' ORDER BY id", [since]):
        if first is not None:
            found.figures.append((first, last))
        elif kind == "indicator" and before is None:
            new_figures.append(record_id)
        elif record_id is not None:
            found.records.append(WrittenRecord(kind, record_id, uuid, json.loads(before) if before else None,
                                               json.loads(after) if after else None))
    found.figures.extend(id_ranges(new_figures))
    return found


def id_ranges(ids: list[int]) -> list[tuple[int, int]]:
    """Ids as runs of consecutive numbers: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    ranges: list[tuple[int, int]] = []
    for number in sorted(ids):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], number)
        else:
            ranges.append((number, number))
    return ranges
