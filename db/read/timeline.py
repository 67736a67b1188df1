"""One timeline of everything dated: agreements, officials, events, statements, figures.

Each item sits at its date *at the precision recorded*: a "Q4 2025" forum spans its quarter,
an agreement valid from "2025" starts a year, an exact day is a day. Items come from:

- agreements: signed, in force from, valid until (three items when all are known);
- positions: an official taking office and leaving it;
- events: from their start to their end (or over their start's span);
- statements: when said;
- figures: when their source was published, one item per source (a bulletin of a
  thousand figures is one item, opening the source).

``timeline(db, pair=…, groups=…)`` narrows them to a pair (the same facts the Overview and
the sheet show for it) and to some groups, sorted by first day. Statuses (an agreement
"in force", an event "planned" or "date passed — not confirmed held") are said on the day
given by the functions of ``db.model.status``, the same as the lists, the Overview and the sheet.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.model.dates import FuzzyDate, Precision
from db.model.i18n import N_, Labels, _, ngettext
from db.model.kinds import LINKS
from db.model.records import AGREEMENT_KINDS, EVENT_KINDS
from db.model.status import agreement_status, event_status
from db.read import pair_facts, queries

if TYPE_CHECKING:
    from sqlite_utils import Database

GROUPS = Labels({"agreements": N_("Agreements"), "officials": N_("Officials"), "events": N_("Events"),
                 "statements": N_("Statements"), "figures": N_("Figures published")})
ALL_GROUPS = frozenset(GROUPS)


@dataclass(frozen=True)
class TimelineItem:
    """One dated thing: when (at its precision, possibly a span), what, and its record."""

    group: str  # a key of GROUPS
    start: FuzzyDate
    end: FuzzyDate | None  # the last date of a span (an event over several days)
    what: str  # "Signed", "Took office", "Forum (planned)"
    title: str
    record: tuple[str, int]

    @property
    def first_day(self) -> dt.date:
        return self.start.start

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).end

    @property
    def date_label(self) -> str:
        if self.end is None or self.end == self.start:
            return self.start.label()
        return _("{start} – {end}").format(start=self.start.label(), end=self.end.label())


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(set(values)))


def timeline(db: Database, *, pair: tuple[int, int] | None = None, groups: Iterable[str] = ALL_GROUPS,
             today: dt.date | None = None) -> list[TimelineItem]:
    """Every dated item (of a pair, when given), in date order."""
    wanted = set(groups)
    scope = queries.pair_scope(db, *pair) if pair else None
    today = today or dt.date.today()
    items: list[TimelineItem] = []
    if "agreements" in wanted:
        items += _agreements(db, scope, today)
    if "officials" in wanted:
        items += _officials(db, scope)
    if "events" in wanted:
        items += _events(db, scope, today)
    if "statements" in wanted:
        items += _statements(db, scope)
    if "figures" in wanted:
        items += _figures(db, scope)
    order = {name: n for n, name in enumerate(GROUPS)}
    return sorted(items, key=lambda i: (i.first_day, i.last_day, order[i.group], i.title))


def _only(ids: Iterable[int] | None, column: str = "id") -> tuple[str, list[str]]:
    if ids is None:
        return "", []
    return f" WHERE {column} IN (SELECT value FROM json_each(?))", [_ids(ids)]


def _agreements(db: Database, scope: queries.PairScope | None, today: dt.date) -> list[TimelineItem]:
    where, params = _only(None if scope is None else [x.id for x in pair_facts.pair_agreements(db, scope)])
    items = []
    for rid, title, kind, status, *dates in db.execute(
            "SELECT id, shown_name(title, title_ru, title_kk), kind, status, signed_date, signed_date_precision, valid_from, valid_from_precision, "
            f"valid_until, valid_until_precision FROM agreements{where}", params):
        signed, valid_from, valid_until = (FuzzyDate.from_db(dates[i], dates[i + 1]) for i in (0, 2, 4))
        now = agreement_status(status, signed, valid_from, valid_until, today)
        kind_label = AGREEMENT_KINDS.get(kind, kind)
        for when, what in ((signed, _("{kind} signed ({status} today)")),
                           (valid_from, _("{kind} in force from ({status} today)")),
                           (valid_until, _("{kind} valid until ({status} today)"))):
            if when is not None:
                label = what.format(kind=kind_label, status=now)
                items.append(TimelineItem("agreements", when, None, label, title, ("agreement", rid)))
    return items


def _officials(db: Database, scope: queries.PairScope | None) -> list[TimelineItem]:
    where, params = _only(None if scope is None else scope.a_down | scope.b_down, "p.body_id")
    items = []
    for rid, title, name, start, start_p, end, end_p in db.execute(
            "SELECT p.id, shown_name(p.title, p.title_ru, p.title_kk), shown_name(pe.name_en, pe.name_ru, pe.name_kk), p.start_date, p.start_date_precision, p.end_date, "
            f"p.end_date_precision FROM positions p JOIN people pe ON pe.id = p.person_id{where}", params):
        for when, what in ((FuzzyDate.from_db(start, start_p), _("Took office")),
                           (FuzzyDate.from_db(end, end_p), _("Left office"))):
            if when is not None:
                items.append(TimelineItem("officials", when, None, what,
                                          _("{name}, {title}").format(name=name, title=title), ("position", rid)))
    return items


def _events(db: Database, scope: queries.PairScope | None, today: dt.date) -> list[TimelineItem]:
    where, params = _only(None if scope is None else [e.id for e in pair_facts.pair_events(db, scope)])
    items = []
    for rid, title, kind, status, start, start_p, end, end_p in db.execute(
            "SELECT id, shown_name(title, title_ru, title_kk), kind, status, start_date, start_date_precision, "
            "end_date, end_date_precision "
            f"FROM events{where}", params):
        first = FuzzyDate.from_db(start, start_p)
        if first is None:
            continue
        last = FuzzyDate.from_db(end, end_p)
        what = _("{kind} ({status})").format(kind=EVENT_KINDS.get(kind, kind),
                                              status=event_status(status, first, last, today).label)
        items.append(TimelineItem("events", first, last, what, title, ("event", rid)))
    return items


def _statements(db: Database, scope: queries.PairScope | None) -> list[TimelineItem]:
    where, params = _only(None if scope is None else [s.id for s in pair_facts.pair_statements(db, scope)], "s.id")
    items = []
    for rid, text, said, said_p, speaker in db.execute(
            "SELECT s.id, s.text, s.said_date, s.said_date_precision, shown_name(p.name_en, p.name_ru, p.name_kk) "
            "FROM statements s "
            f"LEFT JOIN people p ON p.id = s.person_id{where}", params):
        when = FuzzyDate.from_db(said, said_p)
        if when is not None:
            what = _("Statement by {speaker}").format(speaker=speaker) if speaker else _("Statement")
            items.append(TimelineItem("statements", when, None, what, " ".join(text.split())[:120],
                                      ("statement", rid)))
    return items


def _figures(db: Database, scope: queries.PairScope | None) -> list[TimelineItem]:
    links = LINKS["indicator"]["sources"]
    if scope is None:  # each source's figures counted on the indexes by source
        rows = db.execute(f"SELECT id, title, published, n FROM (SELECT s.id, s.title, s.published, "
                          f"{links.count_of('s.id')} AS n FROM sources s WHERE s.published IS NOT NULL) "
                          "WHERE n > 0 ORDER BY id")
    else:
        rows = db.execute(f"SELECT s.id, s.title, s.published, count(*) FROM "
                          f"({links.among('SELECT value FROM json_each(:ids)')}) l "
                          "CROSS JOIN sources s ON s.id = l.linked_id WHERE s.published IS NOT NULL GROUP BY s.id",
                          {"ids": _ids(pair_facts.pair_figure_ids(db, scope))})
    return [TimelineItem("figures", FuzzyDate(dt.date.fromisoformat(published), Precision.DAY), None,
                         ngettext("{n} figure published", "{n} figures published", n).format(n=n), title,
                         ("source", rid))
            for rid, title, published, n in rows]
