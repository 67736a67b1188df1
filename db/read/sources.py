"""Where a fact comes from, as shown beside it: the sources linked to a record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from db.model.records import KINDS


@dataclass(frozen=True)
class SourceRef:
    """A source as a fact cites it: title, publisher, address and date of publication."""

    id: int
    title: str
    publisher: str | None
    url: str | None
    published: str | None


def sources_of(db: Database, kind: str, record_id: int) -> tuple[SourceRef, ...]:
    """The sources linked to one record of ``kind``, by id."""
    linked = KINDS[kind].LINKS["sources"].of(":id")
    rows = db.execute(
        f"SELECT s.id, s.title, s.publisher, s.url, s.published FROM ({linked}) l "
        "CROSS JOIN sources s ON s.id = l.linked_id ORDER BY s.id", {"id": record_id}).fetchall()
    return tuple(SourceRef(*r) for r in rows)
