"""Everything one printed fact sheet says, as plain data (no Qt): the one compose step every
renderer (preview, printer, PDF, any other) lays out.

``compose(db, a, b, as_of=…)`` reads the pair once (``db.sheet.reading``) and ``build``s a
``FactSheet`` (``db.sheet.sheet``) whose text is already formatted through
``db.model.formatting``, ``db.model.dates`` and ``db.model.status``: the renderer only lays it
out. Nothing here is HTML; the renderer escapes every string it prints.

Decisions that shape the sheet:
- Everything is seen "as of" one day: figures whose period ended by then, officials in
  office that day, statuses decided for that day by ``db.model.status`` (the words the list
  tabs and the Overview use), statements said by then.
- A briefing fits two pages: each section keeps the rows the shortening rules choose
  (``db.sheet.options``, ``STEPS``) and says how many it left out; ``shorter`` takes the next
  step for a renderer whose pages are still too many. The long version keeps everything.
- Key figures follow ``db.read.key_figures``: the latest whole year and the latest part of a
  year, each beside the same span a year earlier; mirror figures from two reporters side by
  side with the gap (``db.read.mirror``). A figure's qualifier (its notes: what it counts)
  prints under it; a figure shown in another scale than its source used (a series' one unit,
  ``db.read.scales``) prints how it was published beside its value.
- Sources are numbered in order of first use, section by section in print order; every
  printed row — each official's position included — carries the numbers of its sources, and
  only sources the printed rows use are listed.
- Events are split at the as-of day: *planned* are those still ahead (``is_upcoming``); the
  others from the last ``RECENT_MONTHS`` months are *recent*, newest first, with their status
  ("date passed — not confirmed held" for a planned event whose date is over). Older events
  are counted, not listed.
- Data-quality notes are the findings of ``db.read.checks`` about the pair's records,
  grouped by check: those about printed rows first, then by ``QUALITY_WEIGHT``; the rest are
  counted. A printed row involved in a printed note names its number.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from db.model.formatting import format_change, format_quantity, format_unit
from db.model.i18n import _, ngettext, using_language
from db.model.status import is_upcoming
from db.read.checks import CHECKS
from db.read.key_figures import KINDS, KeyFigure, choose
from db.read.mirror import flow_description, gap_label, mirror_note, reporter_label
from db.read.pair_facts import Figure
from db.read.scales import shown_quantity
from db.sheet.options import ALL_SECTIONS, LONG, STEPS, Limits
from db.sheet.reading import PairFacts, read_pair
from db.sheet.sheet import (
    AgreementRow,
    ChartPeriod,
    EventRow,
    FactSheet,
    FigureRow,
    HeldPosition,
    MirrorRow,
    MirrorSide,
    OfficialRow,
    OfficialsSide,
    PartyInfo,
    QualityNote,
    StatementRow,
    TradeChart,
)
from db.sheet.source_numbers import SourceNumbers

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["ChartPeriod", "EventRow", "FactSheet", "OfficialsSide", "PartyInfo", "TradeChart", "at_step", "build",
           "compose", "shorter"]

RECENT_MONTHS = 24
QUALIFIER_LIMIT = 240  # characters of a figure's notes printed under it
CONVERTED_NAMED = 6  # periods the chart's caption names as published in another scale; more are counted
# Which findings a briefing prints first when not all fit: what misleads a reader most.
QUALITY_WEIGHT = ("turnover_sum", "conflicting_values", "unlabelled_partial", "future_figure",
                  "agreement_expired_in_force", "planned_event_passed", "unsourced", "position_not_verified",
                  "overlapping_periods", "position_no_start")
# Agreements a briefing lists first: those that bind now or soon.
AGREEMENT_WEIGHT = ("expiring", "in_force", "not_yet_in_force", "validity_not_stated", "not_yet_signed",
                    "draft", "expired", "terminated")


def compose(db: Database, a: int, b: int, *, as_of: dt.date, sections: Iterable[str] = ALL_SECTIONS,
            generated: dt.date | None = None, long: bool = False, language: str | None = None) -> FactSheet:
    """The fact sheet for parties ``a`` and ``b`` as of ``as_of``, with only ``sections``;
    shortened by the first step of the rules, or in full when ``long``; in ``language`` ("en",
    "ru" or "kk"; None: the language in use), whatever the window's is."""
    with using_language(language) as chosen:
        facts = read_pair(db, a, b, as_of=as_of, sections=frozenset(sections),
                          generated=generated or dt.date.today())
        return build(facts, LONG if long else STEPS[0], step=0, long=long, language=chosen)


def shorter(sheet: FactSheet) -> FactSheet | None:
    """The same sheet shortened by the next step of the rules; None when no step is left."""
    return at_step(sheet, sheet.step + 1)


def at_step(sheet: FactSheet, step: int) -> FactSheet | None:
    """The same sheet shortened by step ``step`` of the rules (``db.sheet.options.STEPS``); None for
    the long version or past the last step."""
    if sheet.long or not isinstance(sheet.facts, PairFacts) or not 0 <= step < len(STEPS):
        return None
    if step == sheet.step:
        return sheet
    shorter_sheet = build(sheet.facts, STEPS[step], step=step, language=sheet.language)
    return replace(shorter_sheet, changes=sheet.changes, timeline=sheet.timeline)


class _Builder:
    """One pass over the facts: rows chosen, sources and quality notes numbered in print order."""

    def __init__(self, facts: PairFacts, limits: Limits) -> None:
        self.facts, self.limits = facts, limits
        self.notes = SourceNumbers()
        self.quality: dict[int, int] = {}  # finding index -> printed note number

    def marks(self, kind: str, ids: Iterable[int]) -> tuple[int, ...]:
        """Numbers of the printed notes about these records."""
        return tuple(sorted({self.quality[i] for i in self.facts.findings_about(kind, ids) if i in self.quality}))


def build(facts: PairFacts, limits: Limits, *, step: int = 0, long: bool = False,
          language: str | None = None) -> FactSheet:
    """The sheet the facts make under ``limits`` (a pure function of plain data), its words in
    ``language`` (None: the language in use)."""
    with using_language(language) as chosen:
        return _build(facts, limits, step=step, long=long, language=chosen)


def _build(facts: PairFacts, limits: Limits, *, step: int, long: bool, language: str) -> FactSheet:
    builder = _Builder(facts, limits)
    wanted = facts.sections
    figures = choose(facts.key_figures, limits.figures)
    agreements = _chosen_agreements(facts, limits)
    events = _events(facts, limits)
    officials = [(party, _chosen_people(found, facts.prominent, limits)) for party, found in facts.officials]
    statements = _cut(sorted(facts.statements, key=lambda s: (s.said is not None, s.said), reverse=True),
                      limits.statements)
    printed = {("indicator", f.id) for row in figures.rows for f in row.records()}
    printed |= {("agreement", x.id) for x in agreements[0]}
    printed |= {("event", e.id) for part in ("recent", "planned") for e in events[part][0]}
    printed |= {("position", o.position_id) for _party, (people, _more) in officials for held in people for o in held}
    printed |= {("statement", s.id) for s in statements[0]}
    parts: dict[str, object] = {}
    if "quality" in wanted:
        parts["quality_notes"], parts["quality_left_out"] = _quality(builder, printed)
    if "figures" in wanted:
        parts["figures"] = _once(tuple(_figure_row(builder, row) for row in figures.rows))
        parts["figures_left_out"] = figures.left_out
        # Whole years first (settled figures), then the parts of a year; shown flow by flow.
        mirrored = _cut(sorted(figures.mirrored, key=lambda r: (KINDS.index(r.kind), r.rank)), limits.mirrors)[0]
        mirrored = sorted(mirrored, key=lambda r: (r.rank, KINDS.index(r.kind)))
        parts["mirrors"] = tuple(_mirror_row(builder, row) for row in mirrored)
        parts["mirror_note"] = mirror_note() if mirrored else ""
    if "agreements" in wanted:
        parts["agreements"] = rows = tuple(_agreement_row(builder, x) for x in agreements[0])
        parts["agreements_left_out"] = agreements[1]
        shared = Counter(row.parties for row in rows).most_common(1)
        if shared and shared[0][1] >= 2:
            parts["agreement_parties"] = shared[0][0]
    if "officials" in wanted:
        parts["officials"] = tuple(OfficialsSide(party, tuple(_official_row(builder, held) for held in people), more)
                                   for party, (people, more) in officials)
    if "events" in wanted:
        parts["recent_events"] = tuple(_event_row(builder, e) for e in events["recent"][0])
        parts["planned_events"] = tuple(_event_row(builder, e) for e in events["planned"][0])
        parts["recent_left_out"], parts["planned_left_out"] = events["recent"][1], events["planned"][1]
        parts["earlier_events"] = events["earlier"]
    if "chart" in wanted and facts.chart is not None:
        parts["chart"] = _chart(builder)
    if "statements" in wanted:
        parts["statements"] = tuple(_statement_row(builder, s)
                                    for s in sorted(statements[0], key=lambda s: (s.said is None, s.said)))
        parts["statements_left_out"] = statements[1]
    return FactSheet(facts.a, facts.b, facts.as_of, facts.generated, wanted, sources=builder.notes.notes(),
                     long=long, step=step, facts=facts, language=language, **parts)  # type: ignore[arg-type]


def _cut(items, limit: int | None) -> tuple[tuple, int]:
    """The first ``limit`` items (all when None) and how many were left out."""
    items = tuple(items)
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


# -- key figures ------------------------------------------------------------------------------------

def _value(figures: tuple[Figure, ...]) -> tuple[str, str]:
    """Every value of the row, and, for one converted from another scale, how it was published
    (said beside each value when records disagree)."""
    if len(figures) == 1 and figures[0].published is not None:
        return format_quantity(figures[0].value, figures[0].unit), figures[0].published.note
    return " / ".join(shown_quantity(f.value, f.unit, f.published) for f in figures), ""


def _figure_row(builder: _Builder, row: KeyFigure) -> FigureRow:
    f = row.figure
    between = f.subject if f.counterpart is None else _("{a} – {b}").format(a=f.subject, b=f.counterpart)
    earlier = row.period.shifted_years(-1).label()
    change = no_comparison = None
    if row.change is not None:
        change = _("{change} on {period}").format(change=format_change(row.change), period=earlier)
    elif row.disputed or len(row.earlier) > 1:
        no_comparison = _("records disagree, so no change is worked out")
    elif not row.earlier and row.period.is_partial:
        # Said for part of a year only: the one figure a reader might compare with a whole year.
        no_comparison = _("nothing recorded for {period} to compare with").format(period=earlier)
    qualifier = (f.notes or "").strip() or None
    if qualifier and len(qualifier) > QUALIFIER_LIMIT:
        qualifier = qualifier[:QUALIFIER_LIMIT].rstrip() + "…"
    ids = [x.id for x in row.figures + row.earlier]
    value, published = _value(row.figures)
    return FigureRow(row.indicator_label, value, row.period.label(), row.period.is_partial, between,
                     builder.notes.number(s for x in row.figures + row.earlier for s in x.sources),
                     builder.marks("indicator", ids), row.kind, change, no_comparison,
                     reporter_label(f.reporter) if f.reporter_id is not None else None, qualifier, published)


def _once(rows: tuple[FigureRow, ...]) -> tuple[FigureRow, ...]:
    """A qualifier is printed once for the rows of one series (the first of them)."""
    printed: set[tuple] = set()
    result = []
    for row in rows:
        key = (row.indicator, row.between, row.reporter, row.qualifier)
        if row.qualifier and key in printed:
            row = replace(row, qualifier=None)
        printed.add(key)
        result.append(row)
    return tuple(result)


def _mirror_row(builder: _Builder, row: KeyFigure) -> MirrorRow:
    assert row.mirror is not None

    def side(figures: tuple[Figure, ...]) -> MirrorSide:
        f = figures[0]
        value, published = _value(figures)
        return MirrorSide(flow_description(f.indicator, f.subject, f.counterpart), reporter_label(f.reporter),
                          value, builder.notes.number(s for x in figures for s in x.sources), published)

    return MirrorRow(row.period.label(), side(row.figures), side(row.mirror.figures), gap_label(row.gap))


# -- agreements, officials, events, statements ---------------------------------------------------------

def _chosen_agreements(facts: PairFacts, limits: Limits) -> tuple[tuple, int]:
    def weight(x) -> tuple:
        signed = -(x.signed.start.toordinal()) if x.signed else 0
        return (AGREEMENT_WEIGHT.index(x.status_as_of(facts.as_of).key), signed, -x.id)

    ordered = list(facts.agreements) if limits.agreements is None else sorted(facts.agreements, key=weight)
    return _cut(ordered, limits.agreements)


def _span(start, end) -> str:
    if start and end:
        return _("{start} – {end}").format(start=start.label(), end=end.label())
    if start:
        return _("from {start}").format(start=start.label())
    if end:
        return _("until {end}").format(end=end.label())
    return ""


def _agreement_row(builder: _Builder, x) -> AgreementRow:
    status = x.status_as_of(builder.facts.as_of)
    return AgreementRow(x.title, x.kind_label, x.parties, x.signed.label() if x.signed else _("unknown"),
                        _span(x.valid_from, x.valid_until), status.label, builder.notes.number(x.sources), status.key)


def _chosen_people(found, prominent: frozenset[int], limits: Limits) -> tuple[tuple, int]:
    """Officials grouped by person (each person's positions together), cut to the limit: those
    who took part in the pair's events, statements or agreements first, then in office longest."""
    people: dict[int, list] = {}
    for official in found:
        people.setdefault(official.person_id, []).append(official)
    groups = list(people.values())
    if limits.officials is not None:
        groups.sort(key=lambda held: held[0].person_id not in prominent)  # stable: keeps the list's order
    return _cut(groups, limits.officials)


def _official_row(builder: _Builder, held) -> OfficialRow:
    day = builder.facts.as_of
    positions = []
    for o in held:
        verified = o.verification(day)
        positions.append(HeldPosition(o.title, o.since.label() if o.since else _("unknown"),
                                      builder.notes.number(o.sources),
                                      verified.label if verified.key != "verified" else None,
                                      since_known=o.since is not None))
    first = held[0]
    return OfficialRow(first.name, first.other_name, tuple(positions),
                       tuple(sorted({n for p in positions for n in p.notes})))


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, 1)


def _events(facts: PairFacts, limits: Limits) -> dict[str, object]:
    as_of = facts.as_of
    cutoff = _months_before(as_of, RECENT_MONTHS)
    planned = [e for e in facts.events if is_upcoming(e.status, e.start, e.end, as_of)]
    past = [e for e in facts.events if not is_upcoming(e.status, e.start, e.end, as_of)]
    recent = [e for e in past if e.start is None or (e.end or e.start).end >= cutoff]
    recent.sort(key=lambda e: (e.start is None, -(e.start.start.toordinal() if e.start else 0), e.id))
    return {"recent": _cut(recent, limits.recent_events), "planned": _cut(planned, limits.planned_events),
            "earlier": len(past) - len(recent)}


def _event_row(builder: _Builder, e) -> EventRow:
    status = e.status_as_of(builder.facts.as_of)
    return EventRow(e.date_label, e.title, e.kind_label, e.place, status.label, builder.notes.number(e.sources),
                    status.key)


def _statement_row(builder: _Builder, s) -> StatementRow:
    return StatementRow(s.text, s.speaker, s.speaker_local, s.said.label() if s.said else None, s.event,
                        builder.notes.number(s.sources))


# -- the chart and the notes ---------------------------------------------------------------------------

def _chart(builder: _Builder) -> TradeChart:
    facts = builder.facts.chart
    assert facts is not None
    chart, count = facts.chart, builder.limits.chart_periods
    shown = chart.periods[-count:]
    sources = facts.sources[-len(shown):] if shown else ()
    notes = builder.notes.number(s for period in sources for s in period)
    return TradeChart(chart.subject, chart.counterpart, chart.unit, shown, notes, len(chart.periods) - len(shown),
                      chart.other_units, chart.group, chart.reporter, chart.other_groups,
                      _published_note(shown, chart.unit))


def _published_note(periods: tuple[ChartPeriod, ...], unit: str) -> str:
    """Which of the periods drawn hold values converted from another scale, or ""."""
    converted = [p for p in periods if p.published_in]
    if not converted:
        return ""
    units = ", ".join(format_unit(u) for u in dict.fromkeys(u for p in converted for u in p.published_in))
    if len(converted) > CONVERTED_NAMED:
        return ngettext("Figures for {n} period were published in {units} and are drawn in {unit}.",
                        "Figures for {n} periods were published in {units} and are drawn in {unit}.",
                        len(converted)).format(n=len(converted), units=units, unit=format_unit(unit))
    return _("Figures for {periods} were published in {units} and are drawn in {unit}.").format(
        periods=", ".join(p.label for p in converted), units=units, unit=format_unit(unit))


def _quality(builder: _Builder, printed: set[tuple[str, int]]) -> tuple[tuple[QualityNote, ...], int]:
    """The notes printed (grouped by check, numbered in print order) and how many were left out."""
    findings = builder.facts.findings

    def weight(index: int) -> tuple:
        finding = findings[index]
        about_printed = any(record in printed for record in finding.records)
        check = QUALITY_WEIGHT.index(finding.check) if finding.check in QUALITY_WEIGHT else len(QUALITY_WEIGHT)
        return (not about_printed, check, index)

    chosen, left_out = _cut(sorted(range(len(findings)), key=weight), builder.limits.quality_notes)
    chosen = sorted(chosen, key=lambda i: weight(i)[1:])
    notes = []
    for number, index in enumerate(chosen, start=1):
        finding = findings[index]
        builder.quality[index] = number
        title = CHECKS[finding.check].title if finding.check in CHECKS else ""
        notes.append(QualityNote(number, finding.message, finding.check, title))
    return tuple(notes), left_out

