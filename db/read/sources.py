"""Where a fact comes from, as shown beside it: the sources linked to a record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class SourceRef:
    """A source as a fact cites it: title, publisher, address and date of publication."""

    id: int
    title: str
    publisher: str | None
    url: str | None
    published: str | None


def sources_of(db: Database, table: str, own: str, record_id: int) -> tuple[SourceRef, ...]:
    """The sources linked to one record of ``table`` (its link table's column is ``own``), by id."""
    rows = db.execute(
        f"SELECT s.id, s.title, s.publisher, s.url, s.published FROM {table}_sources l "
        f"JOIN sources s ON s.id = l.source_id WHERE l.{own} = ? ORDER BY s.id", [record_id]).fetchall()
    return tuple(SourceRef(*r) for r in rows)
