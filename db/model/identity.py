"""A record's stable identity and the time of its versions: UUIDs and change stamps.

Every record carries a ``uuid`` that stays with it across exports, imports and copies, and
``updated_at``, the moment its current version was written. Two databases that exchange
bundles tell "the same record" by the UUID and "which version" by the stamp.

Stamps are ISO 8601 in UTC with microseconds (``2026-03-12T10:15:30.123456Z``), so they
sort as text and two versions written one after the other never share one. ``clock`` is
the one place the time is read, so that tests can set it.

The figures an import writes keep neither in their rows: their batch (``figure_batches``)
holds the UUIDs' prefix and the stamp once, and a figure's identity is computed from it
(``identity_sql`` in SQL, ``Batches`` in Python; ``db.store.identities`` reads and writes
them). A million figures are then 63 bytes a row lighter to write, with the same UUIDs.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)  # noqa: E731 (tests replace it)
_last_stamp = ""


def new_uuid() -> str:
    """A random UUID for one new record."""
    import uuid  # with the first record written: it costs the window's start-up otherwise

    return str(uuid.uuid4())


def uuid_prefix() -> str:
    """The first 24 characters of a random UUID (``xxxxxxxx-xxxx-4xxx-yxxx-``), for a batch.

    Each record of a batch (the rows of an imported table) gets the batch's prefix followed
    by twelve hexadecimal digits of its own number: unique like random UUIDs, cheap to make
    for a million rows, and written in order.
    """
    import uuid

    return str(uuid.uuid4())[:24]


def batch_uuid(prefix: str, number: int) -> str:
    """The UUID of record ``number`` of a batch (see ``uuid_prefix``)."""
    return f"{prefix}{number:012x}"


# The table whose records an import writes in batches, and where the batches are kept.
BATCHED_TABLE = "indicators"
BATCHES_TABLE = "figure_batches"


def identity_sql(table: str, alias: str, schema: str = "") -> tuple[str, str]:
    """SQL for the ``uuid`` and ``updated_at`` of record ``alias`` of ``table``: its own columns,
    or for a figure whose row has none, its batch's (the batch whose ids start at or before
    the figure's and reach it; one seek on the batches' primary key). ``schema`` names an
    attached database (``"b."``)."""
    uuid, stamp = f"{alias}.uuid", f"{alias}.updated_at"
    if table != BATCHED_TABLE:
        return uuid, stamp

    def batch(value: str) -> str:
        return (f"(SELECT CASE WHEN fb.last_id >= {alias}.id THEN {value} END FROM {schema}{BATCHES_TABLE} fb "
                f"WHERE fb.first_id <= {alias}.id ORDER BY fb.first_id DESC LIMIT 1)")

    number = f"fb.uuid_prefix || printf('%012x', {alias}.id - fb.first_id + 1)"
    return f"coalesce({uuid}, {batch(number)})", f"coalesce({stamp}, {batch('fb.updated_at')})"


class Batches:
    """The batches of a file (``(first_id, last_id, uuid_prefix, updated_at)`` rows), to give
    many figures their identity in Python as ``identity_sql`` does in SQL."""

    def __init__(self, rows: list[tuple[int, int, str, str]]) -> None:
        self.rows = sorted(rows)
        self.starts = [row[0] for row in self.rows]
        self.by_prefix = {row[2]: row for row in self.rows}

    def identity(self, record_id: int, uuid: str | None, stamp: str | None) -> tuple[str | None, str | None]:
        """(uuid, updated_at) of a figure whose row holds ``uuid`` and ``stamp`` (None when empty)."""
        if uuid is not None and stamp is not None:
            return uuid, stamp
        at = bisect.bisect_right(self.starts, record_id) - 1
        if at < 0 or self.rows[at][1] < record_id:
            return uuid, stamp
        first, _last, prefix, batch_stamp = self.rows[at]
        return uuid or batch_uuid(prefix, record_id - first + 1), stamp or batch_stamp

    def record_id(self, uuid: str) -> int | None:
        """The id a figure with ``uuid`` has if it belongs to a batch (its row then holds no UUID)."""
        row = self.by_prefix.get(uuid[:24])
        if row is None or len(uuid) != 36:
            return None
        try:
            record_id = row[0] - 1 + int(uuid[24:], 16)
        except ValueError:
            return None
        return record_id if row[0] <= record_id <= row[1] else None


def stamp(moment: dt.datetime) -> str:
    """The stamp of a moment: ISO 8601 in UTC, to the microsecond."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now() -> str:
    """The stamp of this moment; two calls within the same microsecond still get two stamps."""
    global _last_stamp
    moment = clock()
    if _last_stamp:
        last = parse_stamp(_last_stamp)
        if dt.timedelta(0) <= last - moment < dt.timedelta(seconds=1):
            moment = last + dt.timedelta(microseconds=1)
    _last_stamp = stamp(moment)
    return _last_stamp


def parse_stamp(text: str) -> dt.datetime:
    """The moment a stamp names (aware, in UTC)."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
