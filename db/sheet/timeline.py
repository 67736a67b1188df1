"""The sheet's timeline: the pair's dated facts around the as-of day, at their precision.

From the one timeline (``db.read.timeline``): what happened in the two years before the
as-of day and what is dated in the year after it — agreements signed, in force and ending,
officials taking and leaving office, events, statements. Figures keep their own sections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.read.timeline import timeline

if TYPE_CHECKING:
    from sqlite_utils import Database

YEARS_BEFORE = 2
YEARS_AFTER = 1
TIMELINE_GROUPS = ("agreements", "officials", "events", "statements")


@dataclass(frozen=True)
class TimelineRow:
    date: str  # at its precision: "Q4 2025", "2025 – 2028"
    what: str
    title: str
    ahead: bool  # after the as-of day


@dataclass(frozen=True)
class TimelineSection:
    rows: tuple[TimelineRow, ...]
    earlier: int  # dated items before the window, not listed


def compose_timeline(db: Database, a: int, b: int, as_of: dt.date) -> TimelineSection:
    """The pair's dated facts from two years before ``as_of`` to a year after, in order."""
    start = as_of.replace(year=as_of.year - YEARS_BEFORE, day=min(as_of.day, 28))
    end = as_of.replace(year=as_of.year + YEARS_AFTER, day=min(as_of.day, 28))
    items = timeline(db, pair=(a, b), groups=TIMELINE_GROUPS, today=as_of)
    shown = [i for i in items if i.last_day >= start and i.first_day <= end]
    return TimelineSection(tuple(TimelineRow(i.date_label, i.what, i.title, i.first_day > as_of) for i in shown),
                           sum(1 for i in items if i.last_day < start))
