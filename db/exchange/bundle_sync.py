"""Records a bundle shares with the database: newer versions taken, conflicts listed.

A bundle carries each record's ``uuid``, the stamp of its version (``updated_at``) and the
stamps of the versions before it (``previous``), taken from the change history of the
database that wrote it. A record of the bundle whose UUID this database holds is compared
with the version here:

- the same content: nothing to do;
- this database's version is one the bundle's came from (its stamp is among the
  bundle's ``previous``, or it predates the history): the bundle's is newer and **updates**
  the record here;
- the bundle's version is one this database's came from (its stamp is in this record's
  own history): the version here is newer and stays;
- neither: both were changed since the version they share — a **conflict**. It is listed,
  with what differs, and the version here stays unless the person chose the bundle's
  (``take_theirs``). Nothing is decided silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES, Record
from db.read.history import Difference, differences
from db.read.queries import record_label
from db.store import identities

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Conflict:
    """A record changed both here and in the bundle since the version they share."""

    kind: str
    id: int  # here
    uuid: str
    label: str
    differences: tuple[Difference, ...]
    ours: str | None  # the stamps of the two versions
    theirs: str | None

    def describe(self, shown: int = 3, length: int = 60) -> str:
        """"Agreement “Interaction Plan…”: Summary: “A: …” here, “B: …” in the bundle"."""
        parts = [_("{field}: “{ours}” here, “{theirs}” in the bundle").format(
            field=d.label, ours=_short(d.old, length), theirs=_short(d.new, length)) for d in self.differences[:shown]]
        more = len(self.differences) - shown
        if more > 0:
            parts.append(ngettext("and {n} more field", "and {n} more fields", more).format(n=more))
        return _("{kind} “{label}”: {differences}").format(
            kind=KIND_NAMES[self.kind][0], label=_short(self.label, length), differences="; ".join(parts))


def _short(text: str, length: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[:length - 1] + "…"


def known_identities(db: Database, kind: str, uuids: Iterable[str]) -> dict[str, tuple[int, str | None]]:
    """uuid -> (id, updated_at) of the records of a kind this database holds among ``uuids``
    (one pass over the table: there is no index on UUIDs)."""
    return identities.holding(db, kind, uuids)


def own_versions(db: Database, uuid: str) -> set[str]:
    """The stamps of every version the record had in this database (from its history)."""
    stamps: set[str] = set()
    for before, after in db.execute("SELECT json_extract(before, '$.updated_at'), json_extract(after, "
                                    "'$.updated_at') FROM history WHERE record_uuid = ?", [uuid]):
        stamps.update(s for s in (before, after) if s)
    return stamps


def previous_versions(db: Database, kind: str) -> dict[str, list[str]]:
    """uuid -> the stamps of the earlier versions of each record of a kind that has any."""
    found: dict[str, set[str]] = {}
    for uuid, before in db.execute("SELECT record_uuid, json_extract(before, '$.updated_at') FROM history "
                                   "WHERE kind = ? AND record_uuid IS NOT NULL AND before IS NOT NULL", [kind]):
        if before:
            found.setdefault(uuid, set()).add(before)
    return {uuid: sorted(stamps) for uuid, stamps in found.items()}


def decide(db: Database, uuid: str, ours_stamp: str | None, theirs_stamp: str | None,
           previous: Iterable[str]) -> str:
    """"theirs" (the bundle's version is newer), "ours" (the one here is, or they are the
    same version) or "conflict" (both changed since the version they share)."""
    if ours_stamp == theirs_stamp:
        return "ours"
    if ours_stamp is None or ours_stamp in set(previous):
        return "theirs"
    if theirs_stamp is None or theirs_stamp in own_versions(db, uuid):
        return "ours"
    return "conflict"


def conflict(db: Database, ours: Record, theirs: Record, uuid: str, ours_stamp: str | None,
             theirs_stamp: str | None) -> Conflict:
    assert ours.id is not None
    return Conflict(ours.KIND, ours.id, uuid, record_label(db, ours.KIND, ours.id),
                    tuple(differences(db, ours, theirs)), ours_stamp, theirs_stamp)


def identity_problems(item: dict[str, Any]) -> list[str]:
    """What is wrong with a bundle record's identity fields, if anything (as "field: …")."""
    problems = []
    for name in ("uuid", "updated_at"):
        if item.get(name) is not None and not isinstance(item[name], str):
            problems.append(f"{name}: " + _("'{value}' is not text.").format(value=item[name]))
    previous = item.get("previous")
    if previous is not None and (not isinstance(previous, list) or not all(isinstance(p, str) for p in previous)):
        problems.append("previous: " + _("this is not a list of versions."))
    return problems
