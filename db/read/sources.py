"""Where a fact comes from, as shown beside it: the sources linked to a record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database

from db.model.kinds import LINKS


class SourceRef(NamedTuple):
    """A source as a fact cites it: title, publisher, address and date of publication."""

    id: int
    title: str
    publisher: str | None
    url: str | None
    published: str | None


def titles_sql(kind: str, own: str) -> str:
    """SQL for the titles of the sources of record ``own`` (an SQL expression) of ``kind``,
    "; "-separated in source order, from every place the kind keeps them; NULL for none."""
    return ("(SELECT group_concat(title, '; ') FROM (SELECT s.title FROM "
            f"({LINKS[kind]['sources'].of(own)}) l CROSS JOIN sources s ON s.id = l.linked_id ORDER BY s.id))")


def sources_of(db: Database, kind: str, record_id: int) -> tuple[SourceRef, ...]:
    """The sources linked to one record of ``kind``, by id."""
    return sources_by_record(db, kind, [record_id]).get(record_id, ())


def sources_by_record(db: Database, kind: str, ids: Iterable[int]) -> dict[int, tuple[SourceRef, ...]]:
    """The sources linked to each of some records of ``kind``, by id, read in one statement
    (a list of facts costs one query, not one per fact), from every place the kind keeps
    them (``db.model.links``); records without any are left out."""
    linked = LINKS[kind]["sources"].among("SELECT value FROM json_each(:ids)")
    rows = db.execute(
        f"SELECT l.owner_id, s.id, s.title, s.publisher, s.url, s.published FROM ({linked}) l "
        "CROSS JOIN sources s ON s.id = l.linked_id ORDER BY l.owner_id, s.id",
        {"ids": json.dumps(sorted(set(ids)))}).fetchall()
    found: dict[int, list[SourceRef]] = {}
    for record_id, *source in rows:
        found.setdefault(record_id, []).append(SourceRef(*source))
    return {record_id: tuple(sources) for record_id, sources in found.items()}
