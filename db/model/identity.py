"""A record's stable identity and the time of its versions: UUIDs and change stamps.

Every record carries a ``uuid`` that stays with it across exports, imports and copies, and
``updated_at``, the moment its current version was written. Two databases that exchange
bundles tell "the same record" by the UUID and "which version" by the stamp.

Stamps are ISO 8601 in UTC with microseconds (``2026-03-12T10:15:30.123456Z``), so they
sort as text and two versions written one after the other never share one. ``clock`` is
the one place the time is read, so that tests can set it.
"""

from __future__ import annotations

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
