"""Briefings remembered: every sheet printed or saved, and the facts it showed.

When a sheet is printed, or saved as a PDF (in the window or by ``factsheet pdf``),
``remember`` keeps the pair, the as-of day, the language, the options, when and by whom,
and a snapshot of the pair's facts as of that day (``facts_of``): every agreement with
its status, every official in office, every event with its status and date, and every
figure with its value — each under its record's UUID, so a later sheet can say what is
new or different since (``db.sheet.changes``). Values are kept as recorded (statuses as
codes, dates as typed), not as printed, so a sheet in another language compares alike. A
briefing is remembered whatever sections were printed: what changed is about the pair,
not about one page layout.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db import store
from db.errors import FactSheetError
from db.model import identity
from db.model.formatting import format_day
from db.model.i18n import N_, Labels, _, using_language
from db.read import pair_facts, queries
from db.read.history import when_label
from db.store.identities import identities

if TYPE_CHECKING:
    from sqlite_utils import Database

HOW_LABELS = Labels({"printed": N_("printed"), "pdf": N_("saved as PDF")})


@dataclass(frozen=True)
class Briefing:
    """A sheet that was handed over."""

    id: int
    made_at: str
    author: str | None
    how: str
    party_a: int
    party_b: int
    pair: str
    as_of: dt.date
    language: str
    options: dict[str, Any]
    facts: dict[str, Any]

    @property
    def when(self) -> str:
        return when_label(self.made_at)

    @property
    def day(self) -> dt.date:
        """The day it was made, in the computer's time zone."""
        return identity.parse_stamp(self.made_at).astimezone().date()

    @property
    def day_label(self) -> str:
        return format_day(self.day)

    @property
    def how_label(self) -> str:
        return HOW_LABELS.get(self.how, self.how)


def uuids_of(db: Database, kind: str, ids: list[int]) -> dict[int, str]:
    """id -> the UUID of the record of ``kind`` (or "#id" for a record another program wrote
    without one)."""
    return {record_id: uuid or f"#{record_id}" for record_id, (uuid, _stamp) in identities(db, kind, ids).items()}


def series_key(subject: int, counterpart: int | None, indicator: str, start: dt.date, end: dt.date) -> str:
    """One series and period: the same figure as published again (or revised) shares it."""
    return f"{subject}:{counterpart or ''}:{indicator}:{start.isoformat()}:{end.isoformat()}"


def facts_of(db: Database, a: int, b: int, as_of: dt.date) -> dict[str, Any]:
    """The pair's facts as of a day, by record UUID, as a briefing keeps them (names and
    titles in their English form, whatever the language of the sheet)."""
    with using_language("en"):
        return _facts_of(db, a, b, as_of)


def _facts_of(db: Database, a: int, b: int, as_of: dt.date) -> dict[str, Any]:
    scope = queries.pair_scope(db, a, b)
    agreements = pair_facts.pair_agreements(db, scope)
    officials = [o for side in (scope.a_down, scope.b_down) for o in pair_facts.officials(db, side, as_of)]
    events = pair_facts.pair_events(db, scope)
    figures = pair_facts.pair_figures(db, scope, as_of=as_of)
    ids = {"agreements": uuids_of(db, "agreement", [x.id for x in agreements]),
           "positions": uuids_of(db, "position", [o.position_id for o in officials]),
           "events": uuids_of(db, "event", [e.id for e in events]),
           "indicators": uuids_of(db, "indicator", [f.id for f in figures])}
    return {
        "agreements": {ids["agreements"][x.id]: {"title": x.title, "status": x.status, "signed": _text(x.signed),
                                                 "valid_from": _text(x.valid_from),
                                                 "valid_until": _text(x.valid_until)} for x in agreements},
        "officials": {ids["positions"][o.position_id]: {"name": str(o.name), "title": o.title} for o in officials},
        "events": {ids["events"][e.id]: {"title": e.title, "status": e.status, "start": _text(e.start),
                                         "end": _text(e.end)} for e in events},
        "figures": {ids["indicators"][f.id]: {"value": f.value, "unit": f.unit, "series": series_key(
            f.subject_id, f.counterpart_id, f.indicator, f.period.start, f.period.end)} for f in figures},
    }


def _text(date: object) -> str | None:
    return None if date is None else date.to_text()  # type: ignore[attr-defined]


def remember(db: Database, a: int, b: int, *, as_of: dt.date, how: str, pair: str, language: str = "en",
             options: dict[str, Any] | None = None) -> int:
    """Keep a briefing of the pair as of ``as_of``; return its id."""
    return store.add_briefing(db, {
        "made_at": identity.now(), "how": how, "party_a": a, "party_b": b, "pair": pair,
        "as_of": as_of.isoformat(), "language": language, "options": options or {},
        "facts": facts_of(db, a, b, as_of)})


_COLUMNS = "id, made_at, author, how, party_a, party_b, pair, as_of, language, options, facts"


def _briefing(row: tuple) -> Briefing:
    return Briefing(row[0], row[1], row[2], row[3], row[4], row[5], row[6], dt.date.fromisoformat(row[7]),
                    row[8], json.loads(row[9]), json.loads(row[10]))


def briefings(db: Database, *, pair: tuple[int, int] | None = None) -> list[Briefing]:
    """Briefings remembered, newest first (of one pair, in either order, when given)."""
    if pair is None:
        rows = db.execute(f"SELECT {_COLUMNS} FROM briefings ORDER BY made_at DESC, id DESC")
    else:
        rows = db.execute(f"SELECT {_COLUMNS} FROM briefings WHERE (party_a = ? AND party_b = ?) OR "
                          "(party_a = ? AND party_b = ?) ORDER BY made_at DESC, id DESC",
                          [pair[0], pair[1], pair[1], pair[0]])
    return [_briefing(r) for r in rows.fetchall()]


def briefing_since(db: Database, a: int, b: int, since: str) -> Briefing:
    """The briefing ``since`` names for a pair: ``last``, or ``YYYY-MM-DD`` — the first one made
    that day (changes since that day), else the last one before it; a sentence when there is none."""
    from db.model.dates import DateError, parse_iso_day

    made = briefings(db, pair=(a, b))
    if since.strip().casefold() != "last":
        try:
            day = parse_iso_day(since)
        except DateError as error:
            raise FactSheetError(_("The --since date {problem} Use “last” or a date such as 2026-03-12.").format(
                problem=error)) from None
        that_day = [x for x in made if x.day == day]
        made = that_day[-1:] or [x for x in made if x.day < day]
        if not made:
            raise FactSheetError(_("No briefing about this pair was made on {day} or before it.").format(
                day=format_day(day)))
    if not made:
        raise FactSheetError(_("No briefing about this pair has been printed or saved yet, so there is "
                               "nothing to compare with."))
    return made[0]
