"""Everything one printed fact sheet says, read from the database as plain data (no Qt).

``compose(db, a, b, as_of=…)`` asks ``db.read.queries`` about the pair, ``db.read.trade`` for the
chart and ``db.read.checks`` for data-quality notes, and returns a ``FactSheet`` whose text is
already formatted through ``db.model.formatting`` and ``db.model.dates``: the renderer only lays it
out. Nothing here is HTML; the renderer escapes every string it prints.

Decisions that shape the sheet:
- Everything is seen "as of" one day: figures whose period ended by then, officials in
  office that day, agreement status computed from the dates as of that day, statements
  said by then.
- Sources are numbered in order of first use, section by section in print order; every
  fact carries the numbers of its sources, and only sources the printed sections use are
  listed.
- Events are split at the as-of day: *planned* are those that have not yet happened (they
  start later, or are recorded as planned or postponed and their date has not passed);
  *recent* are the others from the last ``RECENT_MONTHS`` months (newest first, events
  with an unknown date last). Older events are counted, not listed.
- The chart shows the pair's trade with the most figures (subject and counterpart exactly
  as recorded: the seed's is the Abai region with the Russian Federation, not with the
  Omsk region), in the unit with the most periods, the latest ``CHART_PERIODS`` periods.
- Data-quality notes are the findings of ``db.read.checks`` that involve any record of the pair,
  numbered; a key figure involved in one names its note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlite_utils import Database

from db.model.dates import FuzzyDate
from db.model.formatting import format_day, format_quantity
from db.model.i18n import _, using_language
from db.model.names import other_form, shown
from db.model.records import EVENT_STATUSES, TRADE_INDICATORS
from db.read import checks, pair_facts, queries
from db.read.checks.framework import Finding
from db.read.queries import PairScope
from db.read.sources import SourceRef
from db.read.trade import TradeSeries, trade_series
from db.sheet.options import ALL_SECTIONS

RECENT_MONTHS = 24
CHART_PERIODS = 12
# Trade flows first, in the order people read them, then every other figure.
FIGURE_ORDER = {"turnover": 0, "exports": 1, "imports": 2}
_NOT_YET_HAPPENED = ("planned", "postponed")


@dataclass(frozen=True)
class PartyInfo:
    name: str
    local_names: tuple[str, ...]  # its other forms, e.g. Абайская область, Абай облысы
    country: str | None  # the country it belongs to; None for a country itself
    country_local: str | None


@dataclass(frozen=True)
class SourceNote:
    number: int
    title: str
    publisher: str | None
    published: str | None  # "2 Jul 2025"
    url: str | None


@dataclass(frozen=True)
class FigureRow:
    indicator: str  # "Trade turnover"
    value: str  # "USD 128.6 million"
    period: str  # "Jan–May 2025"
    partial: bool  # part of a year: never to be read as a whole year
    between: str  # "Abai region – Russian Federation", the counterpart exactly as recorded
    notes: tuple[int, ...]  # source note numbers
    quality: tuple[int, ...] = ()  # data-quality note numbers about this figure


@dataclass(frozen=True)
class AgreementRow:
    title: str
    kind: str
    parties: tuple[str, ...]
    signed: str
    validity: str  # "2025 – 2028", "from 2025", or "" when not recorded
    status: str  # computed as of the sheet's day
    notes: tuple[int, ...]


@dataclass(frozen=True)
class HeldPosition:
    title: str
    since: str  # "Mar 2024", or "unknown"


@dataclass(frozen=True)
class OfficialRow:
    name: str
    name_local: str | None
    positions: tuple[HeldPosition, ...]
    notes: tuple[int, ...]


@dataclass(frozen=True)
class OfficialsSide:
    party: str
    officials: tuple[OfficialRow, ...]


@dataclass(frozen=True)
class EventRow:
    date: str  # at its precision: "Q4 2025"
    title: str
    kind: str
    place: str | None
    status: str
    notes: tuple[int, ...]


@dataclass(frozen=True)
class StatementRow:
    text: str
    speaker: str | None
    speaker_local: str | None
    date: str | None
    event: str | None
    notes: tuple[int, ...]


@dataclass(frozen=True)
class ChartPeriod:
    label: str  # "Jan–May 2025"
    partial: bool
    exports: float | None
    imports: float | None
    turnover: float | None
    disputed: tuple[str, ...] = ()  # flows whose sources give different values


@dataclass(frozen=True)
class TradeChart:
    subject: str
    counterpart: str
    unit: str
    periods: tuple[ChartPeriod, ...]
    notes: tuple[int, ...]
    earlier_periods: int = 0  # older periods not drawn
    other_units: tuple[str, ...] = ()  # trade also recorded in these units, not drawn


@dataclass(frozen=True)
class QualityNote:
    number: int
    message: str


@dataclass(frozen=True)
class FactSheet:
    a: PartyInfo
    b: PartyInfo
    as_of: dt.date
    generated: dt.date
    sections: frozenset[str]
    figures: tuple[FigureRow, ...] = ()
    agreements: tuple[AgreementRow, ...] = ()
    officials: tuple[OfficialsSide, ...] = ()
    recent_events: tuple[EventRow, ...] = ()
    planned_events: tuple[EventRow, ...] = ()
    earlier_events: int = 0
    chart: TradeChart | None = None
    statements: tuple[StatementRow, ...] = ()
    quality_notes: tuple[QualityNote, ...] = ()
    sources: tuple[SourceNote, ...] = ()
    language: str = "en"  # the language every text above is in; the renderer prints in it too

    @property
    def title(self) -> str:
        with using_language(self.language):
            return _("{a} – {b}").format(a=self.a.name, b=self.b.name)

    @property
    def as_of_label(self) -> str:
        with using_language(self.language):
            return format_day(self.as_of)

    @property
    def generated_label(self) -> str:
        with using_language(self.language):
            return format_day(self.generated)

    def shows(self, section: str) -> bool:
        return section in self.sections


class SourceNumbers:
    """Numbers sources in order of first use; ``notes()`` lists them in that order."""

    def __init__(self) -> None:
        self._refs: dict[int, SourceRef] = {}
        self._numbers: dict[int, int] = {}

    def number(self, sources: Iterable[SourceRef]) -> tuple[int, ...]:
        for source in sources:
            if source.id not in self._numbers:
                self._refs[source.id] = source
                self._numbers[source.id] = len(self._numbers) + 1
        return tuple(sorted({self._numbers[s.id] for s in sources}))

    def notes(self) -> tuple[SourceNote, ...]:
        return tuple(SourceNote(n, ref.title, ref.publisher, _published(ref.published), ref.url)
                     for n, ref in enumerate(self._refs.values(), start=1))


def _published(iso: str | None) -> str | None:
    return format_day(dt.date.fromisoformat(iso)) if iso else None


def compose(db: Database, a: int, b: int, *, as_of: dt.date, sections: Iterable[str] = ALL_SECTIONS,
            generated: dt.date | None = None, language: str | None = None) -> FactSheet:
    """The fact sheet for parties ``a`` and ``b`` as of ``as_of``, with only ``sections``, in
    ``language`` ("en", "ru" or "kk"; None: the language in use), whatever the window's is."""
    with using_language(language) as chosen:
        return _compose(db, a, b, as_of=as_of, sections=sections, generated=generated, language=chosen)


def _compose(db: Database, a: int, b: int, *, as_of: dt.date, sections: Iterable[str],
             generated: dt.date | None, language: str) -> FactSheet:
    wanted = frozenset(sections)
    scope = queries.pair_scope(db, a, b)
    notes = SourceNumbers()
    # Numbered only when printed, so that a figure never names a note that is not there. The
    # checks are narrowed to the pair's records in SQL: on a million figures, checking the
    # whole table would take seconds for a page.
    findings = list(enumerate(checks.pair_findings(db, scope, as_of), start=1)) if "quality" in wanted else []
    parts: dict[str, object] = {}
    if "figures" in wanted:
        parts["figures"] = _figures(db, scope, as_of, notes, findings)
    if "agreements" in wanted:
        parts["agreements"] = _agreements(db, scope, as_of, notes)
    if "officials" in wanted:
        parts["officials"] = tuple(_officials(db, side, party, as_of, notes)
                                   for side, party in ((scope.a_down, a), (scope.b_down, b)))
    if "events" in wanted:
        parts.update(_events(db, scope, as_of, notes))
    if "chart" in wanted:
        parts["chart"] = _chart(db, scope, as_of, notes)
    if "statements" in wanted:
        parts["statements"] = _statements(db, scope, as_of, notes)
    if "quality" in wanted:
        parts["quality_notes"] = tuple(QualityNote(n, f.message) for n, f in findings)
    return FactSheet(_party(db, a), _party(db, b), as_of, generated or dt.date.today(), wanted,
                     sources=notes.notes(), language=language, **parts)  # type: ignore[arg-type]


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


def _figures(db: Database, scope: PairScope, as_of: dt.date, notes: SourceNumbers,
             findings: list[tuple[int, Finding]]) -> tuple[FigureRow, ...]:
    figures = sorted(pair_facts.key_figures(db, scope, as_of),
                     key=lambda f: (FIGURE_ORDER.get(f.indicator, 9), f.indicator, f.period, f.id))
    rows = []
    for f in figures:
        between = f.subject if f.counterpart is None else _("{a} – {b}").format(a=f.subject, b=f.counterpart)
        about = tuple(n for n, finding in findings if finding.involves("indicator", f.id))
        rows.append(FigureRow(f.indicator_label, format_quantity(f.value, f.unit), f.period.label(),
                              f.period.is_partial, between, notes.number(f.sources), about))
    return tuple(rows)


def _span(start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    if start and end:
        return _("{start} – {end}").format(start=start.label(), end=end.label())
    if start:
        return _("from {start}").format(start=start.label())
    if end:
        return _("until {end}").format(end=end.label())
    return ""


def _agreements(db: Database, scope: PairScope, as_of: dt.date, notes: SourceNumbers) -> tuple[AgreementRow, ...]:
    return tuple(
        AgreementRow(x.title, x.kind_label, x.parties, x.signed.label() if x.signed else _("unknown"),
                     _span(x.valid_from, x.valid_until), x.status_on(as_of), notes.number(x.sources))
        for x in pair_facts.pair_agreements(db, scope))


def _officials(db: Database, side: Iterable[int], party: int, as_of: dt.date,
               notes: SourceNumbers) -> OfficialsSide:
    people: dict[int, list[pair_facts.Official]] = {}
    for official in pair_facts.officials(db, side, as_of):
        people.setdefault(official.person_id, []).append(official)
    rows = []
    for held in people.values():
        first = held[0]
        positions = tuple(HeldPosition(o.title, o.since.label() if o.since else _("unknown")) for o in held)
        sources = [s for o in held for s in o.sources]
        rows.append(OfficialRow(first.name, first.other_name, positions, notes.number(sources)))
    return OfficialsSide(queries.party_name(db, party), tuple(rows))


def _is_planned(event: pair_facts.EventSummary, as_of: dt.date) -> bool:
    if event.start is None:
        return event.status in _NOT_YET_HAPPENED
    if event.start.start > as_of:
        return True
    last_day = (event.end or event.start).end
    return event.status in _NOT_YET_HAPPENED and last_day >= as_of


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, 1)


def _events(db: Database, scope: PairScope, as_of: dt.date, notes: SourceNumbers) -> dict[str, object]:
    events = pair_facts.pair_events(db, scope)
    cutoff = _months_before(as_of, RECENT_MONTHS)
    planned = [e for e in events if _is_planned(e, as_of)]
    past = [e for e in events if not _is_planned(e, as_of)]
    recent = [e for e in past if e.start is None or (e.end or e.start).end >= cutoff]
    recent.sort(key=lambda e: (e.start is None, -(e.start.start.toordinal() if e.start else 0), e.id))

    def row(e: pair_facts.EventSummary) -> EventRow:
        return EventRow(e.date_label, e.title, e.kind_label, e.place,
                        EVENT_STATUSES.get(e.status, e.status), notes.number(e.sources))

    recent_rows = tuple(row(e) for e in recent)
    return {"recent_events": recent_rows, "planned_events": tuple(row(e) for e in planned),
            "earlier_events": len(past) - len(recent)}


def _chart_pair(db: Database, scope: PairScope, as_of: dt.date) -> tuple[int, int] | None:
    """The (subject, counterpart) with the most trade figures among the pair's figures."""
    tally = {pair: n for pair, n in pair_facts.pair_figure_counts(db, scope, indicators=TRADE_INDICATORS,
                                                                    as_of=as_of).items() if pair[1] is not None}
    if not tally:
        return None
    return max(tally, key=lambda pair: (tally[pair], -pair[0], -pair[1]))  # type: ignore[operator]


def _chart(db: Database, scope: PairScope, as_of: dt.date, notes: SourceNumbers) -> TradeChart | None:
    pair = _chart_pair(db, scope, as_of)
    if pair is None:
        return None
    known = [_until(series, as_of) for series in trade_series(db, *pair)]
    known = sorted((s for s in known if s.periods), key=lambda s: (-len(s.periods), s.unit))
    if not known:
        return None
    series = known[0]
    shown = series.periods[-CHART_PERIODS:]
    periods, sources = [], []
    for p in shown:
        flows = {name: p.flow(name) for name in TRADE_INDICATORS}
        periods.append(ChartPeriod(p.label, p.partial, *(f.value if f else None for f in flows.values()),
                                   disputed=tuple(n for n, f in flows.items() if f and f.disputed)))
        for flow in flows.values():
            if flow is not None:
                sources.extend(pair_facts.figure(db, flow.indicator_id).sources)
    subject, counterpart = (queries.party_name(db, pid) for pid in pair)
    return TradeChart(subject, counterpart, series.unit, tuple(periods), notes.number(sources),
                      len(series.periods) - len(shown), tuple(s.unit for s in known[1:]))


def _until(series: TradeSeries, as_of: dt.date) -> TradeSeries:
    return replace(series, periods=tuple(p for p in series.periods if p.period.end <= as_of))


def _statements(db: Database, scope: PairScope, as_of: dt.date,
                notes: SourceNumbers) -> tuple[StatementRow, ...]:
    return tuple(
        StatementRow(s.text, s.speaker, s.speaker_local, s.said.label() if s.said else None, s.event,
                     notes.number(s.sources))
        for s in pair_facts.pair_statements(db, scope) if s.said is None or s.said.start <= as_of)
