"""Trade between two parties, period by period, aggregated in SQL over the whole table.

The Trade tab's chart and the fact sheet's chart both draw from ``trade_series``: exports,
imports and turnover per period for one subject and one counterpart, exactly those two
parties (the seed's trade is with the Russian Federation, so it is not shown as trade
with the Omsk region). Values are grouped by what they measure: a statistics office's
years in USD thousand and a news item's year in USD million are one series, drawn in one
unit (``db.read.scales``: the unit most of its figures use), each converted value keeping
its value as published (``Flow.published``) — dollars and tenge are two series, never
converted. They are grouped by reporter too, so that two statistics offices' figures for
one flow are two series (mirror statistics, ``db.read.mirror``), never a disagreement. A
chart never averages: when one reporter's sources disagree for the same period the first
value is drawn and the disagreement is flagged. The SQL groups by unit, so the grouping by
measure costs only a pass over its few rows.

A chart draws one kind of period at a time (``period_group``), on a time axis. Which kind
it opens on is chosen by the data (``default_group``): whole years when at least
``MIN_PERIODS`` are recorded, else quarters, else months, else the kind with the most periods.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from db.model.dates import Period, last_day_of_month
from db.model.formatting import format_change
from db.model.i18n import N_, Labels, _
from db.model.kinds import LINKS
from db.model.records import TRADE_INDICATORS
from db.model.units import measure_of
from db.read.scales import Published, display_units
from db.read.sources import titles_sql

if TYPE_CHECKING:
    from sqlite_utils import Database

# The trade flows as an SQL list, for ``indicator IN (…)``.
TRADE_NAMES = ", ".join(f"'{name}'" for name in TRADE_INDICATORS)


def source_titles(figure_id: str) -> str:
    """SQL for the titles of a figure's sources, "; "-separated in source order ('' for none)."""
    return f"coalesce({titles_sql('indicator', figure_id)}, '')"

# Periods are charted one kind at a time, so a quarter never stands beside a year. "years"
# holds whole calendar years and year-to-date spans (Jan–May), the partial ones hatched.
PERIOD_GROUPS = Labels({
    "years": N_("Years"), "quarters": N_("Quarters"), "months": N_("Months"), "other": N_("Other periods"),
})
# A chart opens on years when at least this many are recorded (else quarters, else months).
MIN_PERIODS = 3


def period_group(period: Period) -> str:
    """Which kind of period this is: "years", "quarters", "months" or "other".

    Q1 is a quarter and January a month (not year-to-date spans); a span of several whole
    years, a half-year from July or any span not on month boundaries is "other".
    """
    months = period.months
    if period.is_quarter:
        return "quarters"
    if months == 1:
        return "months"
    if (months is not None and period.start.month == 1 and period.start.year == period.end.year):
        return "years"
    return "other"


@dataclass(frozen=True)
class Flow:
    """One flow (exports, imports or turnover) in one period."""

    value: float  # the value of the first record (lowest id)
    indicator_id: int  # that record, so a chart click can select it
    records: int  # how many records give a value for this flow and period
    disputed: bool  # records disagree: a data-quality finding explains which
    low: float
    high: float
    sources: str = ""  # titles of the first record's sources, "; "-separated
    published: Published | None = None  # the first record as published, when ``value`` is converted


@dataclass(frozen=True)
class TradePeriod:
    period: Period
    exports: Flow | None = None
    imports: Flow | None = None
    turnover: Flow | None = None

    @property
    def label(self) -> str:
        return self.period.label()

    @property
    def partial(self) -> bool:
        return self.period.is_partial

    @property
    def balance(self) -> float | None:
        """Exports minus imports, when both are known for this period."""
        if self.exports is None or self.imports is None:
            return None
        return round(self.exports.value - self.imports.value, 10)

    def flow(self, indicator: str) -> Flow | None:
        return getattr(self, indicator)


@dataclass(frozen=True)
class TradeSeries:
    """Every period of trade between two parties in one measure, oldest first, in one unit."""

    subject_id: int
    counterpart_id: int
    unit: str  # the unit every value is shown in
    periods: tuple[TradePeriod, ...]
    group: str | None = None  # the kind of period kept by ``only``; None: every kind
    reporter_id: int | None = None  # who reported these figures (None: not recorded)
    everything: tuple[TradePeriod, ...] = ()  # every period, kept by ``only`` for comparisons
    units: tuple[str, ...] = ()  # the units its figures were published in, ``unit`` first

    def published_in(self) -> tuple[str, ...]:
        """The units of the figures drawn that were published in another unit than ``unit``."""
        found = {flow.published.unit for p in self.periods for flow in (p.exports, p.imports, p.turnover)
                 if flow is not None and flow.published is not None}
        return tuple(u for u in self.units if u in found)

    def is_partial(self, period: TradePeriod) -> bool:
        """Whether a chart shows this period as partial (hatched).

        Among years, a year-to-date span is part of a year; among quarters or months each
        period is whole in its own right.
        """
        return period.partial and self.group not in ("quarters", "months")

    def groups(self) -> list[str]:
        """The kinds of period present (keys of ``PERIOD_GROUPS``), in chart order."""
        present = {period_group(p.period) for p in self.periods}
        return [g for g in PERIOD_GROUPS if g in present]

    def default_group(self) -> str | None:
        """The kind of period a chart of this series opens on (see the module's rule)."""
        counts = {g: 0 for g in PERIOD_GROUPS}
        for p in self.periods:
            counts[period_group(p.period)] += 1
        for group in ("years", "quarters", "months"):
            if counts[group] >= MIN_PERIODS:
                return group
        present = [g for g in PERIOD_GROUPS if counts[g]]
        return max(present, key=lambda g: counts[g]) if present else None

    def only(self, group: str) -> TradeSeries:
        """The same series with only one kind of period (see ``period_group``). Among years, of
        the spans from January to a month only the latest is kept, and only when it runs past
        the last whole year: Jan–Sep 2025 beside 2019–2024, never eleven overlapping spans."""
        periods = [p for p in self.periods if period_group(p.period) == group]
        if group == "years":
            whole = [p for p in periods if p.period.is_full_year]
            after = max((p.period.end for p in whole), default=dt.date.min)
            parts = [p for p in periods if not p.period.is_full_year and p.period.end > after]
            latest = max(parts, key=lambda p: (p.period.end, p.period.start), default=None)
            periods = sorted(whole + ([latest] if latest else []), key=lambda p: (p.period.start, p.period.end))
        return replace(self, periods=tuple(periods), group=group, everything=self.everything or self.periods)

    def year_before(self, period: TradePeriod) -> TradePeriod | None:
        """The same span exactly one year earlier (Jan–May 2024 for Jan–May 2025), if recorded
        (looked for among every kind of period, whichever kind is drawn)."""
        wanted = period.period.shifted_years(-1)
        return next((p for p in self.everything or self.periods if p.period == wanted), None)

    def change(self, period: TradePeriod, indicator: str) -> Change | None:
        """Year-on-year change of one flow against the same span a year earlier.

        None when that span or either value is missing, or the earlier value is zero: a
        partial year is never compared with a full one.
        """
        earlier = self.year_before(period)
        now = period.flow(indicator)
        then = earlier.flow(indicator) if earlier else None
        if earlier is None or now is None or then is None or then.value == 0:
            return None
        return Change(earlier, (now.value - then.value) / then.value)

    def same_span_before(self, period: TradePeriod) -> TradePeriod | None:
        """The latest earlier period covering the same calendar span (for a change on a year).

        Jan–May 2025 is compared with Jan–May 2024, never with the whole of 2024.
        """
        earlier = [p for p in self.periods
                   if p.period.start < period.period.start and p.period.same_span_as(period.period)]
        return earlier[-1] if earlier else None


@dataclass(frozen=True)
class Change:
    """A change on the same span a year earlier: +12.3% on Jan–May 2024."""

    earlier: TradePeriod
    ratio: float

    @property
    def label(self) -> str:
        return format_change(self.ratio)

    def describe(self) -> str:
        return _("{change} on {period}").format(change=self.label, period=self.earlier.label)


_SQL = f"""
SELECT g.unit, g.reporter_id, g.period_start, g.period_end, g.indicator, g.low, g.high, g.records, first.value,
       g.first_id, {source_titles("g.first_id")}
FROM (SELECT unit, reporter_id, period_start, period_end, indicator, min(value) AS low, max(value) AS high,
             count(*) AS records, min(id) AS first_id
      FROM indicators
      WHERE subject_id = :subject AND counterpart_id = :counterpart
        AND indicator IN ({TRADE_NAMES})
      GROUP BY unit, reporter_id, period_start, period_end, indicator) AS g
JOIN indicators AS first ON first.id = g.first_id
"""


def trade_series(db: Database, subject_id: int, counterpart_id: int) -> list[TradeSeries]:
    """Trade of ``subject_id`` with ``counterpart_id``: one series per measure and reporter, most data first."""
    rows = db.execute(_SQL, {"subject": subject_id, "counterpart": counterpart_id}).fetchall()
    shown = display_units((row[1], row[0], row[7]) for row in rows)  # records per reporter and unit
    by_series: dict[tuple[str, int | None], dict[tuple[str, str], dict[str, Flow]]] = {}
    units: dict[tuple[str, int | None], set[str]] = {}
    for unit, reporter, start, end, indicator, low, high, records, first, first_id, sources in sorted(
            rows, key=lambda row: row[9]):  # the first record of a period and flow comes first
        key = (shown[(reporter, measure_of(unit))], reporter)
        units.setdefault(key, set()).add(unit)
        flows = by_series.setdefault(key, {}).setdefault((start, end), {})
        flow = _flow(Published(first, unit), key[0], first_id, records, low, high, sources)
        flows[indicator] = _merged(flows[indicator], flow) if indicator in flows else flow
    series = []
    for (unit, reporter), periods in by_series.items():
        drawn = tuple(TradePeriod(Period.from_db(start, end), **flows)
                      for (start, end), flows in sorted(periods.items()))
        others = sorted(units[(unit, reporter)] - {unit})
        series.append(TradeSeries(subject_id, counterpart_id, unit, drawn, reporter_id=reporter,
                                  units=(unit, *others)))
    series.sort(key=lambda s: (-len(s.periods), s.unit, s.reporter_id is None, s.reporter_id or 0))
    return series


def _flow(first: Published, unit: str, first_id: int, records: int, low: float, high: float,
          sources: str) -> Flow:
    """One unit's records of a flow and period, written in the series' ``unit``."""
    value, published = first.converted(unit)
    low, high = (Published(x, first.unit).converted(unit)[0] for x in (low, high))
    return Flow(value, first_id, records, low != high, low, high, sources, published)


def _merged(earlier: Flow, later: Flow) -> Flow:
    """A flow and period given in two scales: the first record's value, every record's range."""
    low, high = min(earlier.low, later.low), max(earlier.high, later.high)
    return replace(earlier, records=earlier.records + later.records, disputed=low != high, low=low, high=high)


def trade_pairs(db: Database, *, limit: int = -1) -> list[tuple[int, int, int]]:
    """(subject, counterpart, number of trade records) for every pair with trade figures,
    most data first (``limit``: only that many pairs)."""
    rows = db.execute(
        f"SELECT subject_id, counterpart_id, count(*) FROM indicators WHERE counterpart_id IS NOT NULL "
        f"AND indicator IN ({TRADE_NAMES}) "
        "GROUP BY subject_id, counterpart_id ORDER BY count(*) DESC, subject_id, counterpart_id LIMIT ?",
        [limit]).fetchall()
    return [tuple(r) for r in rows]


def trade_sources(db: Database, subject_id: int, counterpart_id: int,
                  units: str | Iterable[str]) -> list[tuple[str, int]]:
    """(title, number of figures) of every source of the pair's trade figures in these units (a
    series' ``units``), most used first: the note under a chart."""
    wanted = [units] if isinstance(units, str) else list(units)
    pair = ("i.subject_id = :subject AND i.counterpart_id = :counterpart "
            f"AND i.unit IN (SELECT value FROM json_each(:units)) AND i.indicator IN ({TRADE_NAMES})")
    linked = LINKS["indicator"]["sources"].among(f"SELECT i.id FROM indicators i WHERE {pair}")
    rows = db.execute(
        f"""SELECT s.title, count(*) FROM ({linked}) l JOIN sources s ON s.id = l.linked_id
            GROUP BY s.id ORDER BY count(*) DESC, s.title""",
        {"subject": subject_id, "counterpart": counterpart_id, "units": json.dumps(wanted)}).fetchall()
    return [(r[0], r[1]) for r in rows]


# -- the time axis -----------------------------------------------------------------------------------
# Both charts (the Trade tab's and the printed one) place periods on a time axis measured in
# *slots* of the kind drawn: one year, quarter or month is one slot (other spans: years), so
# a missing period leaves an empty slot and a part of a year is as wide as the months it covers.

def time_position(day: dt.date, group: str | None) -> float:
    """Where the start of ``day`` lies on the time axis of a chart of ``group`` periods, in slots."""
    if group == "quarters":
        first = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        length = (last_day_of_month(first.year, first.month + 2) - first).days + 1
        return day.year * 4 + (day.month - 1) // 3 + (day - first).days / length
    if group == "months":
        length = last_day_of_month(day.year, day.month).day
        return day.year * 12 + day.month - 1 + (day.day - 1) / length
    first = dt.date(day.year, 1, 1)
    return day.year + (day - first).days / ((dt.date(day.year + 1, 1, 1) - first).days)


def time_span(period: Period, group: str | None) -> tuple[float, float]:
    """(start, end) of a period on the time axis: from its first day to the end of its last."""
    return time_position(period.start, group), time_position(period.end + dt.timedelta(days=1), group)


def slot_label(slot: int, group: str | None) -> str:
    """The label of a whole slot: "2021", "Q3 2024", "Mar 2025"."""
    if group == "quarters":
        return Period(dt.date(slot // 4, slot % 4 * 3 + 1, 1), last_day_of_month(slot // 4, slot % 4 * 3 + 3)).label()
    if group == "months":
        year, month = divmod(slot, 12)
        return Period(dt.date(year, month + 1, 1), last_day_of_month(year, month + 1)).label()
    return str(slot)
