"""A record's history as people read it: its versions, what changed, and records deleted.

The history table (written by ``db.store.journal``) holds an entry per change with the
record before and after. ``record_history`` lists a record's entries newest first — its
own, and the entry of the import that brought it in when it came with a whole table of
figures (one entry per import, matched by the ids it covers). ``differences`` compares two
versions field by field in the words of the detail pane; ``deleted_records`` finds every
record deleted and not brought back, with the rows needed to bring it back. Where the
history stands (its newest entry, who wrote since) is ``db.read.last_change``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.model.formatting import format_day, format_quantity
from db.model.i18n import N_, Labels, _
from db.model.identity import parse_stamp
from db.model.records import KIND_NAMES, KINDS, REFERENCE_KINDS, Indicator, Record
from db.model.validate import label as field_label
from db.read.details import _format
from db.read.queries import record_label
from db.store import journal
from db.store.graph import Captured

if TYPE_CHECKING:
    from sqlite_utils import Database

ACTION_LABELS = Labels({
    "add": N_("Added"), "edit": N_("Changed"), "delete": N_("Deleted"), "import": N_("Imported"),
    "restore": N_("Restored"), "capture": N_("Captured from an article"),
})


def when_label(stamp: str) -> str:
    """"12 Mar 2026, 10:15", in the computer's time zone."""
    moment = parse_stamp(stamp).astimezone()
    return _("{day}, {time}").format(day=format_day(moment.date()), time=moment.strftime("%H:%M"))


@dataclass(frozen=True)
class Version:
    """One entry of a record's history: the change, and the record as it was after it."""

    entry_id: int
    at: str
    author: str | None
    action: str
    note: str | None
    kind: str
    record_id: int
    before: dict | None
    after: dict | None  # None for a delete
    batch: bool = False  # the entry of a whole imported table

    @property
    def when(self) -> str:
        return when_label(self.at)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def record(self) -> Record | None:
        """The record as this change left it (None when it was deleted)."""
        return journal.record_of(self.kind, self.after, self.record_id) if self.after else None


_ENTRY = "SELECT id, at, author, action, note, before, after, first_id FROM history"


def record_history(db: Database, kind: str, record_id: int) -> list[Version]:
    """Every entry about a record, newest first (empty for a record older than the history)."""
    row = db.execute(f"SELECT uuid FROM {KINDS[kind].TABLE} WHERE id = ?", [record_id]).fetchone()
    if row is None:
        return []
    own = [_version(kind, record_id, r) for r in db.execute(
        f"{_ENTRY} WHERE record_uuid = ? AND first_id IS NULL ORDER BY id", [row[0]])]
    if not any(v.before is None and v.action != "delete" for v in own):
        own = _batch_origin(db, kind, record_id, own) + own
    return list(reversed(own))


def _version(kind: str, record_id: int, row: tuple) -> Version:
    entry_id, at, author, action, note, before, after, first_id = row
    return Version(entry_id, at, author, action, note, kind, record_id,
                   json.loads(before) if before else None, json.loads(after) if after else None,
                   batch=first_id is not None)


def _batch_origin(db: Database, kind: str, record_id: int, own: list[Version]) -> list[Version]:
    """The batch entries (import, its undo and redo) covering a record that has no entry of
    its own making; the version each left is the one before the record's first own change."""
    rows = db.execute(f"{_ENTRY} WHERE kind = ? AND first_id IS NOT NULL AND first_id <= ? AND last_id >= ? "
                      "ORDER BY id", [kind, record_id, record_id]).fetchall()
    if not rows:
        return []
    first_own = own[0].before if own else None
    if first_own is None:
        first_own = _current_snapshot(db, kind, record_id)
    found = []
    for row in rows[-3:]:  # the import, and its latest undo and redo at most
        version = _version(kind, record_id, row)
        after = None if version.action == "delete" else first_own
        found.append(Version(version.entry_id, version.at, version.author, version.action, version.note,
                             kind, record_id, None, after, batch=True))
    return found


def _current_snapshot(db: Database, kind: str, record_id: int) -> dict:
    from db import store

    uuid, updated_at = store.identity_of(db, kind, record_id)
    return journal.snapshot(store.get(db, kind, record_id), uuid, updated_at)


@dataclass(frozen=True)
class Difference:
    """One field that differs between two versions, as the detail pane words it."""

    field: str
    label: str
    old: str
    new: str


def value_text(db: Database, record: Record, name: str) -> str:
    """A field's value as the detail pane shows it; links as their labels, one per line."""
    if name in record.LINKS:
        spec = record.LINKS[name]
        lines = []
        for link in getattr(record, name):
            text = record_label(db, spec.other_kind, link.id)
            lines.append(f"{text} — {link.note}" if link.note else text)
        return "\n".join(lines)
    value = getattr(record, name)
    if name in REFERENCE_KINDS and value is not None:
        return record_label(db, REFERENCE_KINDS[name], value)
    return _format(record.KIND, name, value)


def differences(db: Database, old: Record, new: Record) -> list[Difference]:
    """The fields and links in which ``new`` differs from ``old`` (same kind)."""
    names = [name for name, _type in type(old).column_fields()] + list(old.LINKS)
    found = []
    for name in names:
        if getattr(old, name) != getattr(new, name):
            found.append(Difference(name, field_label(name), value_text(db, old, name), value_text(db, new, name)))
    return found


def label_of(record: Record) -> str:
    """A record's one-line label from its own fields (for records no longer in the database)."""
    if isinstance(record, Indicator):
        return f"{record.indicator}: {format_quantity(record.value, record.unit)}"
    for name in ("title", "name_en", "text"):
        value = getattr(record, name, None)
        if value:
            return " ".join(str(value).split())[:80]
    return KIND_NAMES[record.KIND][0]


@dataclass(frozen=True)
class DeletedRecord:
    """A record deleted and not brought back: when, by whom, and every row to bring back."""

    entry_id: int
    kind: str
    record_id: int
    uuid: str | None
    at: str
    author: str | None
    before: dict

    @property
    def when(self) -> str:
        return when_label(self.at)

    def record(self) -> Record:
        return journal.record_of(self.kind, self.before, self.record_id)

    @property
    def label(self) -> str:
        return label_of(self.record())

    def captured(self) -> Captured:
        return Captured.from_json(self.kind, self.record_id, self.before.get("rows") or {})


def deleted_records(db: Database, *, limit: int = 1000) -> list[DeletedRecord]:
    """Records deleted and not brought back since, the latest delete first."""
    found: list[DeletedRecord] = []
    seen: set[str] = set()
    rows = db.execute("SELECT id, kind, record_id, record_uuid, at, author, before FROM history "
                      "WHERE action = 'delete' AND first_id IS NULL AND record_id IS NOT NULL "
                      "AND before IS NOT NULL ORDER BY id DESC").fetchall()
    for entry_id, kind, record_id, uuid, at, author, before in rows:
        if kind not in KINDS or (uuid is not None and uuid in seen):
            continue
        if uuid is not None:
            seen.add(uuid)
        table = KINDS[kind].TABLE
        if db.execute(f"SELECT 1 FROM {table} WHERE id = ? AND uuid IS ?", [record_id, uuid]).fetchone():
            continue
        found.append(DeletedRecord(entry_id, kind, record_id, uuid, at, author, json.loads(before)))
    back = _brought_back_elsewhere(db, found)
    return [d for d in found if d.uuid not in back][:limit]


def _brought_back_elsewhere(db: Database, deleted: list[DeletedRecord]) -> set[str]:
    """The UUIDs among ``deleted`` that a record holds again under another id (its own was
    taken when it was brought back): one pass over each table concerned."""
    by_kind: dict[str, list[str]] = {}
    for item in deleted:
        if item.uuid is not None:
            by_kind.setdefault(item.kind, []).append(item.uuid)
    back: set[str] = set()
    for kind, uuids in by_kind.items():
        back |= {r[0] for r in db.execute(f"SELECT uuid FROM {KINDS[kind].TABLE} WHERE uuid IN "
                                          "(SELECT value FROM json_each(?))", [json.dumps(uuids)])}
    return back


def day_of(stamp: str) -> dt.date:
    return parse_stamp(stamp).astimezone().date()
