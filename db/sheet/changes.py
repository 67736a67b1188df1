"""What changed for a pair since a briefing: the sheet's "Changes since the briefing of …".

``compose_changes`` compares the pair's facts now with the snapshot a briefing kept
(``db.sheet.briefings``), record by record (by UUID), and says in one line each: new and
changed agreements, officials who took or left office, events held or newly planned (and
other changes of status or date), new and revised figures — each line with its sources.
It returns plain data; the sheet's renderer and ``factsheet changes`` print it.

Statuses of agreements are computed for each side's as-of day by the one status function
(``agreement_status``), so an agreement that came into force meanwhile is a change too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db.model.dates import FuzzyDate
from db.model.formatting import format_day, format_quantity
from db.model.i18n import N_, Labels, _
from db.model.records import EVENT_STATUSES
from db.read import pair_facts, queries
from db.read.sources import SourceRef, sources_of
from db.sheet.briefings import Briefing, series_key, uuids_of

if TYPE_CHECKING:
    from sqlite_utils import Database

# The one function that says an agreement's status on a day (swappable for a shared one).
agreement_status = pair_facts.agreement_status

CATEGORIES = Labels({"agreement": N_("Agreements"), "official": N_("Officials"), "event": N_("Events"),
                     "figure": N_("Figures")})
_NOT_YET_HAPPENED = ("planned", "postponed")


@dataclass(frozen=True)
class ChangeLine:
    """One change, as a sentence, with the sources it rests on and the record it is about."""

    category: str  # a key of CATEGORIES
    text: str
    sources: tuple[str, ...]  # "Trend News Agency, 2 Jul 2025"
    record: tuple[str, int] | None


@dataclass(frozen=True)
class ChangesSection:
    """The changes since one briefing, in the order agreements, officials, events, figures."""

    since: dt.date  # the day the briefing was made
    since_as_of: dt.date
    lines: tuple[ChangeLine, ...]

    @property
    def title(self) -> str:
        return _("Changes since the briefing of {day}").format(day=format_day(self.since))


def cite(sources: Iterable[SourceRef]) -> tuple[str, ...]:
    """Each source as a line cites it: its publisher and date, or its title."""
    cited = []
    for s in sources:
        name = s.publisher or s.title
        published = format_day(dt.date.fromisoformat(s.published)) if s.published else None
        cited.append(_("{name}, {day}").format(name=name, day=published) if published else name)
    return tuple(dict.fromkeys(cited))


def _fuzzy(text: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(text) if text else None


def compose_changes(db: Database, a: int, b: int, *, since: Briefing, as_of: dt.date) -> ChangesSection:
    """What changed for the pair between the briefing ``since`` and the sheet as of ``as_of``."""
    scope = queries.pair_scope(db, a, b)
    then = since.facts
    lines = (_agreements(db, scope, then.get("agreements", {}), since.as_of, as_of)
             + _officials(db, scope, then.get("officials", {}), as_of)
             + _events(db, scope, then.get("events", {}))
             + _figures(db, scope, then.get("figures", {}), as_of))
    return ChangesSection(since.day, since.as_of, tuple(lines))


def _agreements(db: Database, scope: queries.PairScope, then: dict[str, Any], then_day: dt.date,
                as_of: dt.date) -> list[ChangeLine]:
    now = pair_facts.pair_agreements(db, scope)
    uuids = uuids_of(db, "agreement", [x.id for x in now])
    lines = []
    for x in now:
        old = then.get(uuids.get(x.id))
        status = agreement_status(x.status, x.signed, x.valid_from, x.valid_until, as_of)
        if old is None:
            signed = x.signed.label() if x.signed else _("date unknown")
            text = _("New agreement: {title} ({kind}, signed {signed}; {status}).").format(
                title=x.title, kind=x.kind_label.lower(), signed=signed, status=status)
        else:
            was = agreement_status(old["status"], _fuzzy(old["signed"]), _fuzzy(old["valid_from"]),
                                   _fuzzy(old["valid_until"]), then_day)
            changes = []
            if status != was:
                changes.append(_("now {status} (was {old})").format(status=status, old=was))
            if x.valid_until != _fuzzy(old["valid_until"]):
                until = x.valid_until.label() if x.valid_until else _("no end recorded")
                changes.append(_("valid until {until}").format(until=until))
            if not changes:
                continue
            text = _("Agreement changed: {title}: {changes}.").format(title=x.title, changes="; ".join(changes))
        lines.append(ChangeLine("agreement", text, cite(x.sources), ("agreement", x.id)))
    return lines


def _officials(db: Database, scope: queries.PairScope, then: dict[str, Any], as_of: dt.date) -> list[ChangeLine]:
    now = [o for side in (scope.a_down, scope.b_down) for o in pair_facts.officials(db, side, as_of)]
    uuids = uuids_of(db, "position", [o.position_id for o in now])
    lines = []
    for o in now:
        if uuids.get(o.position_id) in then:
            continue
        since = _(" (since {day})").format(day=o.since.label()) if o.since else ""
        lines.append(ChangeLine("official", _("{name} took office as {title}{since}.").format(
            name=o.name, title=o.title, since=since), cite(o.sources), ("position", o.position_id)))
    current = set(uuids.values())
    for uuid, old in then.items():
        if uuid in current:
            continue
        where, key = ("id = ?", int(uuid[1:])) if uuid.startswith("#") else ("uuid = ?", uuid)
        row = db.execute(f"SELECT id, end_date, end_date_precision FROM positions WHERE {where}", [key]).fetchone()
        until = FuzzyDate.from_db(row[1], row[2]) if row else None
        ended = _(" ({day})").format(day=until.label()) if until else ""
        sources = sources_of(db, "position", row[0]) if row else ()
        lines.append(ChangeLine("official", _("{name} left office as {title}{ended}.").format(
            name=old["name"], title=old["title"], ended=ended), cite(sources), ("position", row[0]) if row else None))
    return lines


def _events(db: Database, scope: queries.PairScope, then: dict[str, Any]) -> list[ChangeLine]:
    now = pair_facts.pair_events(db, scope)
    uuids = uuids_of(db, "event", [e.id for e in now])
    lines = []
    for e in now:
        old = then.get(uuids.get(e.id))
        status = EVENT_STATUSES.get(e.status, e.status)
        if old is None and e.status in _NOT_YET_HAPPENED:
            text = _("Newly planned: {title}, {date}.").format(title=e.title, date=e.date_label)
        elif e.status == "held" and (old is None or old["status"] != "held"):
            text = _("Held: {title}, {date}.").format(title=e.title, date=e.date_label)
        elif old is None:
            text = _("New event: {title}, {date} ({status}).").format(title=e.title, date=e.date_label,
                                                                       status=status.lower())
        elif old["status"] != e.status:
            text = _("{title}: now {status} (was {old}).").format(
                title=e.title, status=status.lower(), old=EVENT_STATUSES.get(old["status"], old["status"]).lower())
        elif _fuzzy(old["start"]) != e.start:
            text = _("{title}: moved to {date}.").format(title=e.title, date=e.date_label)
        else:
            continue
        lines.append(ChangeLine("event", text, cite(e.sources), ("event", e.id)))
    return lines


def _figures(db: Database, scope: queries.PairScope, then: dict[str, Any], as_of: dt.date) -> list[ChangeLine]:
    now = pair_facts.pair_figures(db, scope, as_of=as_of)
    uuids = uuids_of(db, "indicator", [f.id for f in now])
    earlier = {old["series"]: old for old in then.values()}
    lines = []
    for f in now:
        old = then.get(uuids.get(f.id))
        if old is not None and old["value"] == f.value and old["unit"] == f.unit:
            continue
        if old is None:
            old = earlier.get(series_key(f.subject_id, f.counterpart_id, f.indicator, f.period.start, f.period.end))
        between = f.subject if f.counterpart is None else _("{a} – {b}").format(a=f.subject, b=f.counterpart)
        value = format_quantity(f.value, f.unit)
        if old is None:
            text = _("New figure: {indicator}, {between}, {period}: {value}.").format(
                indicator=f.indicator_label, between=between, period=f.period.label(), value=value)
        elif old["value"] == f.value and old["unit"] == f.unit:
            continue  # the same figure again, from another source
        else:
            text = _("Revised figure: {indicator}, {between}, {period}: {value} (was {old}).").format(
                indicator=f.indicator_label, between=between, period=f.period.label(), value=value,
                old=format_quantity(old["value"], old["unit"]))
        lines.append(ChangeLine("figure", text, cite(f.sources), ("indicator", f.id)))
    return lines
