"""Everything one sheet could say about a pair, read from the database once, before any section
is shortened (``db.sheet.compose`` shortens and numbers it).

What is read, as of the sheet's day:
- both parties' names and countries;
- every key-figure row of ``db.read.key_figures`` (the limit is applied when composing);
- the pair's agreements, current officials on each side, events and statements said by then,
  and which officials took part in the pair's events, statements or agreements (a briefing
  that cannot list every official lists those first);
- the trade chart's series: the pair's trade (subject and counterpart exactly as recorded)
  with the most figures, in the measure and from the reporter with the most periods (figures
  published in other scales of its unit converted into it, each period saying so), the kind
  of period chosen by the data (``TradeSeries.default_group``), on a time axis;
- the data-quality findings about the pair's records, indexed by record once so that each
  printed row finds its notes without asking every finding.

Only the sections asked for are read.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from db.model.names import other_form, shown
from db.model.records import TRADE_INDICATORS
from db.model.units import same_measure
from db.read import checks, pair_facts, queries
from db.read.checks.framework import Finding
from db.read.key_figures import KeyFigures, all_key_figures
from db.read.mirror import reporter_label
from db.read.queries import PairScope
from db.read.sources import SourceRef
from db.read.trade import PERIOD_GROUPS, TradePeriod, TradeSeries, trade_series
from db.sheet.options import STEPS
from db.sheet.sheet import ChartPeriod, PartyInfo, TradeChart

if TYPE_CHECKING:
    from sqlite_utils import Database

# The most chart periods any step draws; only these are read with their sources.
_CHART_PERIODS = max(limits.chart_periods for limits in STEPS)


@dataclass(frozen=True)
class ChartFacts:
    """The chart's periods (oldest first) with the sources of each period's figures."""

    chart: TradeChart  # every period of the kind drawn, no note numbers yet
    sources: tuple[tuple[SourceRef, ...], ...]  # per period, for the latest ``_CHART_PERIODS``
    figure_ids: tuple[int, ...] = ()  # per period, one of its figures (to open from a note about it)


@dataclass(frozen=True)
class PairFacts:
    a: PartyInfo
    b: PartyInfo
    as_of: dt.date
    generated: dt.date
    sections: frozenset[str]
    key_figures: KeyFigures = field(default_factory=lambda: KeyFigures(()))
    agreements: tuple[pair_facts.AgreementSummary, ...] = ()
    officials: tuple[tuple[str, tuple[pair_facts.Official, ...]], ...] = ()  # (party, officials) per side
    events: tuple[pair_facts.EventSummary, ...] = ()
    chart: ChartFacts | None = None
    statements: tuple[pair_facts.StatementSummary, ...] = ()
    prominent: frozenset[int] = frozenset()  # people in the pair's events, statements or agreements
    findings: tuple[Finding, ...] = ()
    # (kind, id) -> indexes into ``findings`` of the findings involving that record
    findings_by_record: dict[tuple[str, int], tuple[int, ...]] = field(default_factory=dict)

    def findings_about(self, kind: str, ids) -> list[int]:
        """Indexes of the findings involving any of these records, in report order."""
        found: set[int] = set()
        for record_id in ids:
            found.update(self.findings_by_record.get((kind, record_id), ()))
        return sorted(found)


def read_pair(db: Database, a: int, b: int, *, as_of: dt.date, sections: frozenset[str],
              generated: dt.date) -> PairFacts:
    """What the sheet for ``a`` and ``b`` as of ``as_of`` could show, in the sections asked for."""
    scope = queries.pair_scope(db, a, b)
    parts: dict[str, object] = {}
    if "figures" in sections:
        parts["key_figures"] = all_key_figures(db, scope, as_of)
    if "agreements" in sections:
        parts["agreements"] = tuple(pair_facts.pair_agreements(db, scope))
    if "officials" in sections:
        parts["officials"] = tuple((queries.party_name(db, party), tuple(pair_facts.officials(db, side, as_of)))
                                   for side, party in ((scope.a_down, a), (scope.b_down, b)))
        parts["prominent"] = _prominent(db, scope)
    if "events" in sections:
        parts["events"] = tuple(pair_facts.pair_events(db, scope))
    if "chart" in sections:
        parts["chart"] = _chart(db, scope, as_of)
    if "statements" in sections:
        parts["statements"] = tuple(s for s in pair_facts.pair_statements(db, scope)
                                    if s.said is None or s.said.start <= as_of)
    if "quality" in sections:
        # Narrowed to the pair's records in SQL: on a million figures, checking the whole
        # table would take seconds.
        findings = tuple(checks.pair_findings(db, scope, as_of))
        index: dict[tuple[str, int], list[int]] = {}
        for number, finding in enumerate(findings):
            for record in finding.records:
                index.setdefault(record, []).append(number)
        parts["findings"] = findings
        parts["findings_by_record"] = {record: tuple(found) for record, found in index.items()}
    return PairFacts(_party(db, a), _party(db, b), as_of, generated, sections, **parts)  # type: ignore[arg-type]


def _prominent(db: Database, scope: PairScope) -> frozenset[int]:
    """People who took part in the pair's events, spoke in its statements or signed its agreements."""
    events = [e.id for e in pair_facts.pair_events(db, scope)]
    agreements = [x.id for x in pair_facts.pair_agreements(db, scope)]
    statements = [s.person_id for s in pair_facts.pair_statements(db, scope) if s.person_id is not None]
    rows = db.execute(
        "SELECT person_id FROM event_people WHERE event_id IN (SELECT value FROM json_each(:events)) "
        "UNION SELECT person_id FROM agreement_signatories WHERE agreement_id IN (SELECT value FROM json_each(:agreements))",
        {"events": json.dumps(events), "agreements": json.dumps(agreements)}).fetchall()
    return frozenset([r[0] for r in rows] + statements)


def _party(db: Database, party_id: int) -> PartyInfo:
    en, ru, kk, _alt = queries.party_forms(db, party_id)
    name = shown(en, ru, kk)
    country = queries.country_of(db, party_id)
    country_name = country_local = None
    if country is not None and country != party_id:
        c_en, c_ru, c_kk, _c_alt = queries.party_forms(db, country)
        country_name, country_local = shown(c_en, c_ru, c_kk), other_form(c_en, c_ru, c_kk)
    others = tuple(dict.fromkeys(n for n in (ru, kk, en) if n and n != name))
    return PartyInfo(name, others, country_name, country_local)


def _chart_pair(db: Database, scope: PairScope, as_of: dt.date) -> tuple[int, int] | None:
    """The (subject, counterpart) with the most trade figures among the pair's figures."""
    tally = {pair: n for pair, n in pair_facts.pair_figure_counts(db, scope, indicators=TRADE_INDICATORS,
                                                                    as_of=as_of).items() if pair[1] is not None}
    if not tally:
        return None
    return max(tally, key=lambda pair: (tally[pair], -pair[0], -pair[1]))  # type: ignore[operator]


def _until(series: TradeSeries, as_of: dt.date) -> TradeSeries:
    return replace(series, periods=tuple(p for p in series.periods if p.period.end <= as_of))


def _chart(db: Database, scope: PairScope, as_of: dt.date) -> ChartFacts | None:
    pair = _chart_pair(db, scope, as_of)
    if pair is None:
        return None
    known = [s for s in (_until(series, as_of) for series in trade_series(db, *pair)) if s.periods]
    if not known:
        return None
    series = known[0]  # the most periods (``trade_series`` order)
    group = series.default_group() or "other"
    drawn = series.only(group)
    periods = tuple(_chart_period(p, drawn) for p in drawn.periods)
    latest = drawn.periods[-_CHART_PERIODS:]
    ids = [flow.indicator_id for p in latest for flow in (p.exports, p.imports, p.turnover) if flow is not None]
    figures = pair_facts.figures_by_id(db, ids)
    sources = tuple(tuple(s for flow in (p.exports, p.imports, p.turnover) if flow is not None
                          for s in figures[flow.indicator_id].sources) for p in latest)
    subject, counterpart = (queries.party_name(db, pid) for pid in pair)
    reporter = queries.party_name(db, series.reporter_id) if series.reporter_id is not None else None
    other_units = tuple(dict.fromkeys(s.unit for s in known[1:] if not same_measure(s.unit, series.unit)))
    other_groups = tuple(PERIOD_GROUPS[g] for g in series.groups() if g != group)
    chart = TradeChart(subject, counterpart, series.unit, periods, (), 0, other_units, group,
                       reporter_label(reporter) if reporter else None, other_groups)
    first_ids = tuple(next(f.indicator_id for f in (p.exports, p.imports, p.turnover) if f is not None)
                      for p in drawn.periods)
    return ChartFacts(chart, sources, first_ids)


def _chart_period(period: TradePeriod, series: TradeSeries) -> ChartPeriod:
    flows = {name: period.flow(name) for name in TRADE_INDICATORS}
    return ChartPeriod(period.label, series.is_partial(period), *(f.value if f else None for f in flows.values()),
                       disputed=tuple(n for n, f in flows.items() if f and f.disputed),
                       start=period.period.start, end=period.period.end,
                       published_in=tuple(dict.fromkeys(f.published.unit for f in flows.values()
                                                        if f and f.published)))

