"""Trade between two parties, period by period, aggregated in SQL over the whole table.

The Trade tab's chart and the fact sheet's chart both draw from ``trade_series``: exports,
imports and turnover per period for one subject and one counterpart, exactly those two
parties (the seed's trade is with the Russian Federation, so it is not shown as trade
with the Omsk region). Values are grouped by unit so that a chart never mixes USD
million with USD thousand on one axis, and never averages: when sources disagree for the
same period the first value is drawn and the disagreement is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.dates import Period
from db.records import TRADE_INDICATORS


@dataclass(frozen=True)
class Flow:
    """One flow (exports, imports or turnover) in one period."""

    value: float  # the value of the first record (lowest id)
    indicator_id: int  # that record, so a chart click can select it
    records: int  # how many records give a value for this flow and period
    disputed: bool  # records disagree: a data-quality finding explains which
    low: float
    high: float


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
    """Every period of trade between two parties in one unit, oldest first."""

    subject_id: int
    counterpart_id: int
    unit: str
    periods: tuple[TradePeriod, ...]

    def same_span_before(self, period: TradePeriod) -> TradePeriod | None:
        """The latest earlier period covering the same calendar span (for a change on a year).

        Jan–May 2025 is compared with Jan–May 2024, never with the whole of 2024.
        """
        earlier = [p for p in self.periods
                   if p.period.start < period.period.start and p.period.same_span_as(period.period)]
        return earlier[-1] if earlier else None


_SQL = f"""
SELECT g.unit, g.period_start, g.period_end, g.indicator, g.low, g.high, g.records, first.value, g.first_id
FROM (SELECT unit, period_start, period_end, indicator, min(value) AS low, max(value) AS high,
             count(*) AS records, min(id) AS first_id
      FROM indicators
      WHERE subject_id = :subject AND counterpart_id = :counterpart
        AND indicator IN ({", ".join(f"'{name}'" for name in TRADE_INDICATORS)})
      GROUP BY unit, period_start, period_end, indicator) AS g
JOIN indicators AS first ON first.id = g.first_id
"""


def trade_series(db: Database, subject_id: int, counterpart_id: int) -> list[TradeSeries]:
    """Trade of ``subject_id`` with ``counterpart_id``: one series per unit, most data first."""
    by_unit: dict[str, dict[tuple[str, str], dict[str, Flow]]] = {}
    for unit, start, end, indicator, low, high, records, first, first_id in db.execute(
            _SQL, {"subject": subject_id, "counterpart": counterpart_id}).fetchall():
        flows = by_unit.setdefault(unit, {}).setdefault((start, end), {})
        flows[indicator] = Flow(first, first_id, records, low != high, low, high)
    series = []
    for unit, periods in by_unit.items():
        rows = tuple(TradePeriod(Period.from_db(start, end), **flows)
                     for (start, end), flows in sorted(periods.items()))
        series.append(TradeSeries(subject_id, counterpart_id, unit, rows))
    series.sort(key=lambda s: (-len(s.periods), s.unit))
    return series


def trade_pairs(db: Database) -> list[tuple[int, int, int]]:
    """(subject, counterpart, number of trade records) for every pair with trade figures."""
    rows = db.execute(
        f"SELECT subject_id, counterpart_id, count(*) FROM indicators WHERE counterpart_id IS NOT NULL "
        f"AND indicator IN ({', '.join(repr(n) for n in TRADE_INDICATORS)}) "
        "GROUP BY subject_id, counterpart_id ORDER BY count(*) DESC").fetchall()
    return [tuple(r) for r in rows]
