"""The latest figure of each indicator that is not a trade flow, for the Trade tab's cards.

Investment inflows, enterprise counts and any other indicator have units of their own, so
they are never drawn on the trade chart's axis. For one subject and one counterpart,
``latest_other_figures`` gives each indicator's latest figure per measure: investment
published in USD thousand one year and in USD million the next is one indicator, its latest
figure shown in the unit most of its figures use (``db.read.scales``) with its value as
published kept beside a converted one; investment in tenge stays apart. When records for
that period disagree, every value is shown, never an average.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from db.model.dates import Period
from db.model.records import KNOWN_INDICATORS, indicator_label
from db.model.units import measure_of
from db.read.scales import Published, display_units
from db.read.trade import TRADE_NAMES, source_titles

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class FigureValue:
    """One value of a figure, the first record giving it, and that value's sources."""

    value: float
    indicator_id: int
    sources: str
    published: Published | None = None  # the record as published, when ``value`` is converted


@dataclass(frozen=True)
class LatestFigure:
    """The latest figure of an indicator that is not a trade flow (investment, counts …).

    ``values`` holds every distinct value recorded for that period, in ``unit``: when sources
    disagree all are shown, never an average.
    """

    indicator: str
    unit: str
    period: Period
    values: tuple[FigureValue, ...]

    @property
    def label(self) -> str:
        return indicator_label(self.indicator)

    @property
    def disputed(self) -> bool:
        return len(self.values) > 1


# Per indicator and unit, the records of its latest period, with how many figures use the unit.
_LATEST_SQL = f"""
WITH latest AS (
  SELECT indicator, unit, max(period_end) AS last_end, count(*) AS figures FROM indicators
  WHERE subject_id = :subject AND counterpart_id = :counterpart
    AND indicator NOT IN ({TRADE_NAMES})
  GROUP BY indicator, unit),
spans AS (
  SELECT l.indicator, l.unit, l.last_end, l.figures, min(i.period_start) AS first_start FROM latest l
  JOIN indicators i ON i.subject_id = :subject AND i.counterpart_id = :counterpart
       AND i.indicator = l.indicator AND i.unit = l.unit AND i.period_end = l.last_end
  GROUP BY l.indicator, l.unit)
SELECT i.indicator, i.unit, i.period_start, i.period_end, i.value, i.id, {source_titles("i.id")}, p.figures
FROM spans p JOIN indicators i ON i.subject_id = :subject AND i.counterpart_id = :counterpart
     AND i.indicator = p.indicator AND i.unit = p.unit AND i.period_end = p.last_end
     AND i.period_start = p.first_start
ORDER BY i.indicator, i.unit, i.value, i.id
"""


def latest_other_figures(db: Database, subject_id: int, counterpart_id: int) -> list[LatestFigure]:
    """For each indicator other than the trade flows (and each measure), its latest figure.

    "Latest" is the period ending last; of periods ending the same day the longest (the
    year 2024 rather than Q4 2024). Known indicators come first, then others by name.
    """
    rows = db.execute(_LATEST_SQL, {"subject": subject_id, "counterpart": counterpart_id}).fetchall()
    counts = {(row[0], row[1]): row[7] for row in rows}  # figures per indicator and unit
    shown = display_units((indicator, unit, n) for (indicator, unit), n in counts.items())
    latest: dict[tuple[str, str], Period] = {}  # (indicator, measure) -> its latest period
    for indicator, unit, start, end, *_rest in rows:
        key, period = (indicator, measure_of(unit)), Period.from_db(start, end)
        if key not in latest or (period.end, -period.start.toordinal()) > (
                latest[key].end, -latest[key].start.toordinal()):
            latest[key] = period
    grouped: dict[tuple[str, str], dict[float, FigureValue]] = {}
    for indicator, unit, start, end, value, record_id, sources, _figures in sorted(rows, key=lambda r: r[5]):
        key = (indicator, measure_of(unit))
        if latest[key] != Period.from_db(start, end):
            continue
        converted, published = Published(value, unit).converted(shown[key])
        values = grouped.setdefault(key, {})
        if converted in values:
            known = values[converted]
            extra = [t for t in sources.split("; ") if t and t not in known.sources.split("; ")]
            values[converted] = replace(known, sources="; ".join(filter(None, [known.sources, *extra])))
        else:
            values[converted] = FigureValue(converted, record_id, sources, published)
    figures = [LatestFigure(indicator, shown[(indicator, measure)], latest[(indicator, measure)],
                            tuple(sorted(values.values(), key=lambda v: (v.value, v.indicator_id))))
               for (indicator, measure), values in grouped.items()]
    order = list(KNOWN_INDICATORS)
    figures.sort(key=lambda f: (order.index(f.indicator) if f.indicator in order else len(order),
                                f.label.casefold(), f.unit))
    return figures

