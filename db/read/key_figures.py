"""Key figures: which of a pair's figures a briefing shows, compared like with like.

One rule, used by the Overview, the fact sheet and the check before printing
(``factsheet check --before-print``). The figures known on the day are grouped into
*series*: one subject, counterpart, reporter, indicator and measure (``db.read.mirror.SeriesKey``).
A series' figures published in different scales of one measure — a statistics office's
2023 in USD thousand, a news item's 2024 in USD million — are read in one unit, the one most
of them use (``db.read.scales``), so that 2024 is compared with 2023; a converted figure keeps
its value as published (``Figure.published``) for the note beside it. Dollars and tenge are
never one series. From each series at most three rows are drawn, each with the figure it is
compared with:

``year``
    the latest whole calendar year, beside the year before it;
``to_date``
    the latest part of a year counted from January (Jan–Sep 2025) that ends after that year,
    beside the same span a year earlier (Jan–Sep 2024) — never beside a whole year;
``latest``
    the latest figure of any other span (a month, a quarter, a count "as of" a day) when it
    ends after both of those (or the series has neither), beside the same span a year earlier.

So a month older than the latest year-to-date figure is never a key figure; every month and
quarter stays one click away in the Trade tab.

Mirror figures (``db.read.mirror``) are set side by side: when another reporter's series
mirrors a series and gives a row of the same kind for the same period, that row is shown as
the first row's ``mirror`` rather than on its own (the first being the series whose subject is
on the pair's first side), written in that row's unit. Of one flow (subject, counterpart,
indicator, measure) given by several reporters, a row older than another reporter's row of
the same kind is left out: a newer release supersedes it (the seed's Jan–May 2025 beside a
statistics office's Jan–Sep).

At most ``LIMIT`` rows are chosen, in this order: first the newest row of every series, then
the others; series in the order trade flows (turnover, exports, imports), investment, counts,
other indicators by name; within an indicator the series whose subject is on the pair's
first side first. The chosen rows are shown in that order, each series' rows oldest kind
first (year, year to date, latest). ``left_out`` counts the rows the limit left out.

When records for one period disagree, every value is kept (``figures``, one per distinct
value) and no change is computed from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from db.model.dates import Period
from db.model.kinds import indicator_label
from db.model.units import measure_of, rescale
from db.read import pair_facts
from db.read.mirror import SeriesKey, gap, pair_mirrors
from db.read.pair_facts import Figure
from db.read.queries import PairScope
from db.read.scales import display_units

if TYPE_CHECKING:
    from sqlite_utils import Database

LIMIT = 12
KINDS = ("year", "to_date", "latest")
# Trade flows first, in the order people read them, then investment, then counts.
INDICATOR_ORDER = {"turnover": 0, "exports": 1, "imports": 2, "investment_inflow": 3, "enterprise_count": 4}


class Mirror(NamedTuple):
    """Another reporter's figures for the same flow and period, beside a key figure."""

    figures: tuple[Figure, ...]

    @property
    def figure(self) -> Figure:
        return self.figures[0]


@dataclass(frozen=True)
class KeyFigure:
    """One row: a series' figure for one period, and what it is compared with."""

    kind: str  # one of KINDS
    series: SeriesKey
    figures: tuple[Figure, ...]  # one per distinct value recorded for the period, the first recorded first
    earlier: tuple[Figure, ...] = ()  # the year before, or the same span a year earlier
    mirror: Mirror | None = None
    rank: tuple = field(default=(), compare=False, repr=False)  # its series' place in the rule's order

    @property
    def figure(self) -> Figure:
        return self.figures[0]

    @property
    def period(self) -> Period:
        return self.figure.period

    @property
    def indicator_label(self) -> str:
        return indicator_label(self.series.indicator)

    @property
    def disputed(self) -> bool:
        return len(self.figures) > 1

    @property
    def change(self) -> float | None:
        """The change on the compared period; None without one, against zero, or when either is disputed."""
        if self.disputed or len(self.earlier) != 1 or not self.earlier[0].value:
            return None
        return (self.figure.value - self.earlier[0].value) / self.earlier[0].value

    @property
    def gap(self) -> float | None:
        """The mirror figure against this one, as a ratio."""
        if self.mirror is None or self.disputed or len(self.mirror.figures) != 1:
            return None
        return gap(self.figure.value, self.mirror.figure.value)

    def records(self) -> tuple[Figure, ...]:
        """Every figure the row prints."""
        return self.figures + self.earlier + (self.mirror.figures if self.mirror else ())


class KeyFigures(NamedTuple):
    rows: tuple[KeyFigure, ...]
    left_out: int = 0  # rows the limit left out

    @property
    def mirrored(self) -> tuple[KeyFigure, ...]:
        return tuple(row for row in self.rows if row.mirror is not None)


# -- choosing --------------------------------------------------------------------------------------

Slots = dict[Period, list[tuple[int, float]]]  # period -> (id, value) of each record, by id


class _Row(NamedTuple):
    kind: str
    series: SeriesKey
    period: Period
    earlier: Period | None
    mirror: SeriesKey | None = None


def _is_to_date(period: Period) -> bool:
    return (period.start == dt.date(period.end.year, 1, 1) and period.months is not None
            and period.end.month < 12)


def _series_rows(key: SeriesKey, slots: Slots) -> list[_Row]:
    periods = sorted(slots, key=lambda p: (p.end, -p.start.toordinal()))
    years = [p for p in periods if p.is_full_year]
    year = years[-1] if years else None
    after = year.end if year else dt.date.min
    to_dates = [p for p in periods if _is_to_date(p) and p.end > after]
    to_date = to_dates[-1] if to_dates else None
    after = max(after, to_date.end if to_date else dt.date.min)
    others = [p for p in periods if p.end > after and p not in (year, to_date)]
    latest = others[-1] if others else None
    rows = []
    for kind, period in (("year", year), ("to_date", to_date), ("latest", latest)):
        if period is not None:
            earlier = period.shifted_years(-1)
            rows.append(_Row(kind, key, period, earlier if earlier in slots else None))
    return rows


def _series_order(scope: PairScope) -> Callable[[SeriesKey], tuple]:
    def order(key: SeriesKey) -> tuple:
        return (INDICATOR_ORDER.get(key.indicator, len(INDICATOR_ORDER)), key.indicator,
                key.subject_id not in scope.a_down, key.reporter_id is None, key.reporter_id or 0,
                key.subject_id, key.counterpart_id or 0, key.unit)
    return order


def _pairing_order(scope: PairScope) -> Callable[[SeriesKey], tuple]:
    """Which of two mirrors comes first: the one whose subject is on the pair's first side."""
    order = _series_order(scope)
    return lambda key: (key.subject_id not in scope.a_down, *order(key))


def _supersede(rows: list[_Row]) -> list[_Row]:
    """Of one flow from several reporters, only the newest row of each kind."""
    def flow(row: _Row) -> tuple:
        key = row.series
        return (key.subject_id, key.counterpart_id, key.indicator, measure_of(key.unit), row.kind)

    newest: dict[tuple, dt.date] = {}
    for row in rows:
        newest[flow(row)] = max(newest.get(flow(row), dt.date.min), row.period.end)
    return [row for row in rows if row.period.end >= newest[flow(row)]]


def _fold_mirrors(rows: list[_Row], series: dict[SeriesKey, Slots], scope: PairScope) -> list[_Row]:
    """Rows of a mirroring series for the same kind and period become the first row's mirror."""
    order = _pairing_order(scope)
    by_slot = {(r.series, r.kind): r for r in rows}
    folded: set[tuple[SeriesKey, str]] = set()
    result = []
    pairs = pair_mirrors(series, order)
    for row in rows:
        if (row.series, row.kind) in folded:
            continue
        second = pairs.get(row.series)
        partner = by_slot.get((second, row.kind)) if second else None
        if partner is not None and partner.period == row.period:
            folded.add((partner.series, partner.kind))
            row = row._replace(mirror=partner.series)
        result.append(row)
    return [r for r in result if (r.series, r.kind) not in folded]


def _display(row: KeyFigure) -> tuple:
    return (row.rank, KINDS.index(row.kind))


def choose(figures: KeyFigures, limit: int | None) -> KeyFigures:
    """The rows the rule keeps within ``limit`` (every series' newest row first, in the rule's
    order, then the others), shown in the rule's order; ``left_out`` counts the rest."""
    rows = sorted(figures.rows, key=_display)
    if limit is None or len(rows) <= limit:
        return KeyFigures(tuple(rows), figures.left_out)
    newest: dict[SeriesKey, KeyFigure] = {}
    for row in rows:
        if row.series not in newest or row.period.end > newest[row.series].period.end:
            newest[row.series] = row
    first = sorted(newest.values(), key=lambda row: row.rank)
    queue = first + [row for row in rows if newest[row.series] is not row]
    chosen = queue[:limit]
    return KeyFigures(tuple(sorted(chosen, key=_display)), figures.left_out + len(rows) - len(chosen))


def key_figures(db: Database, scope: PairScope, as_of: dt.date, *, limit: int | None = LIMIT) -> KeyFigures:
    """The pair's key figures as of ``as_of`` (see the module's rule); ``limit=None`` keeps every row."""
    return choose(all_key_figures(db, scope, as_of), limit)


def all_key_figures(db: Database, scope: PairScope, as_of: dt.date) -> KeyFigures:
    """Every row the rule draws from the pair's series, before any limit, in the rule's order."""
    entries = pair_facts.pair_entries(db, scope, as_of)
    shown = display_units((tuple(entry[1:5]), entry[5], 1) for entry in entries)
    series: dict[SeriesKey, Slots] = {}
    for rid, subject, counterpart, reporter, indicator, unit, start, end, value in entries:
        unit_shown = shown[((subject, counterpart, reporter, indicator), measure_of(unit))]
        key = SeriesKey(subject, counterpart, reporter, indicator, unit_shown)
        value = rescale(value, unit, unit_shown)  # exact: the same amount is the same value in any scale
        series.setdefault(key, {}).setdefault(Period.from_db(start, end), []).append((rid, value))
    rows = [row for key, slots in series.items() for row in _series_rows(key, slots)]
    order = _series_order(scope)
    rows = _supersede(_fold_mirrors(rows, series, scope))
    figures = pair_facts.figures_by_id(db, {rid for row in rows for rid in _ids(series, row)})

    def read(key: SeriesKey | None, period: Period | None, unit: str) -> tuple[Figure, ...]:
        if key is None or period is None:
            return ()
        return tuple(figures[rid].in_unit(unit) for rid in _distinct(series[key][period]))

    found = [KeyFigure(row.kind, row.series, read(row.series, row.period, row.series.unit),
                       read(row.series, row.earlier, row.series.unit),
                       Mirror(read(row.mirror, row.period, row.series.unit)) if row.mirror else None,
                       order(row.series))
             for row in rows]
    return KeyFigures(tuple(sorted(found, key=_display)))


def _distinct(records: Iterable[tuple[int, float]]) -> list[int]:
    """The first record of each distinct value, in the order recorded."""
    seen: dict[float, int] = {}
    for rid, value in sorted(records):
        seen.setdefault(value, rid)
    return list(seen.values())


def _ids(series: dict[SeriesKey, Slots], row: _Row) -> list[int]:
    ids = _distinct(series[row.series][row.period])
    if row.earlier is not None:
        ids += _distinct(series[row.series][row.earlier])
    if row.mirror is not None:
        ids += _distinct(series[row.mirror][row.period])
    return ids
