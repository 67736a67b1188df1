"""Where a fact comes from, as shown beside it: the sources linked to a record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database


class SourceRef(NamedTuple):
    """A source as a fact cites it: title, publisher, address and date of publication."""

    id: int
    title: str
    publisher: str | None
    url: str | None
    published: str | None


def sources_of(db: Database, table: str, own: str, record_id: int) -> tuple[SourceRef, ...]:
    """The sources linked to one record of ``table`` (its link table's column is ``own``), by id."""
    return sources_by_record(db, table, own, [record_id]).get(record_id, ())


def sources_by_record(db: Database, table: str, own: str, ids: Iterable[int]) -> dict[int, tuple[SourceRef, ...]]:
    """The sources linked to each of some records of ``table``, by id, read in one statement
    (a list of facts costs one query, not one per fact); records without any are left out."""
    rows = db.execute(
        f"SELECT l.{own}, s.id, s.title, s.publisher, s.url, s.published FROM {table}_sources l "
        f"JOIN sources s ON s.id = l.source_id WHERE l.{own} IN (SELECT value FROM json_each(?)) "
        f"ORDER BY l.{own}, s.id", [json.dumps(sorted(set(ids)))]).fetchall()
    found: dict[int, list[SourceRef]] = {}
    for record_id, *source in rows:
        found.setdefault(record_id, []).append(SourceRef(*source))
    return {record_id: tuple(sources) for record_id, sources in found.items()}
