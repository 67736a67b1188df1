"""Mirror statistics: one flow of trade as two reporters give it, set side by side.

Statistics offices on both sides of a border count the same goods: the Abai region's exports
to Russia as Kazakhstan reports them are Russia's imports from the Abai region as Russia
reports them. A figure keeps who reported it (``indicators.reporter_id``), and two series
(subject, counterpart, reporter, indicator, unit) are *mirrors* (``mirror_kind``) when they
measure the same thing — Kazakhstan's figure in USD thousand mirrors Russia's in USD
million; dollars never mirror tenge — and

- they give the same indicator for the same subject and counterpart from two different named
  reporters (``"reporters"``: two statistics offices), or
- one gives a flow and the other the partner's opposite flow — the subject's exports to the
  counterpart against the counterpart's imports from the subject, turnover against the
  partner's turnover (``"partner"``) — unless one named reporter gave both.

Mirror figures for the same period are never a conflict (``db.read.checks`` does not flag
them): partners value trade differently (``mirror_note``) and record it at different times.
They are shown side by side, each with its reporter, and the *gap*: the second figure
against the first, in per cent, worked out with both in the first one's unit. The first is
the series whose subject is the side read first (the Overview's first party, the Trade tab's
subject).

``db.read.key_figures`` pairs the key figures this way for the Overview and the sheet;
``mirror_rows`` gives the Trade tab every matched period of one pair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from db.model.dates import Period
from db.model.formatting import format_change
from db.model.i18n import _
from db.model.kinds import TRADE_INDICATORS, indicator_label
from db.model.units import measure_of, same_measure
from db.read.queries import party_name
from db.read.scales import Published, display_units

if TYPE_CHECKING:
    from sqlite_utils import Database

# Each trade flow's counterpart as the partner reports it.
MIRROR_FLOWS = {"exports": "imports", "imports": "exports", "turnover": "turnover"}


def mirror_note() -> str:
    """Why mirror figures rarely match, said under every table of them."""
    return _("Partners value trade differently — exports free on board (FOB), imports with cost, "
             "insurance and freight (CIF) — and record it at different times, so mirror figures "
             "rarely match; neither is corrected.")


class SeriesKey(NamedTuple):
    """What makes figures one series: who trades with whom, who says so, what, and the unit it is
    shown in (its figures may have been published in other scales of that unit's measure)."""

    subject_id: int
    counterpart_id: int | None
    reporter_id: int | None
    indicator: str
    unit: str


def mirror_kind(first: SeriesKey, second: SeriesKey) -> str | None:
    """"reporters", "partner" or None: whether (and how) two series mirror each other."""
    if not same_measure(first.unit, second.unit):
        return None
    if (first.subject_id, first.counterpart_id, first.indicator) == (
            second.subject_id, second.counterpart_id, second.indicator):
        named = first.reporter_id is not None and second.reporter_id is not None
        return "reporters" if named and first.reporter_id != second.reporter_id else None
    if (first.counterpart_id is not None and second.subject_id == first.counterpart_id
            and second.counterpart_id == first.subject_id and MIRROR_FLOWS.get(first.indicator) == second.indicator):
        same_reporter = first.reporter_id is not None and first.reporter_id == second.reporter_id
        return None if same_reporter else "partner"
    return None


def pair_mirrors(keys: Iterable[SeriesKey], order: Callable[[SeriesKey], tuple]) -> dict[SeriesKey, SeriesKey]:
    """Each series that has a mirror, paired once: {first: second}, the first earlier in ``order``."""
    ordered = sorted(keys, key=order)
    taken: set[SeriesKey] = set()
    pairs: dict[SeriesKey, SeriesKey] = {}
    for index, first in enumerate(ordered):
        if first in taken:
            continue
        for second in ordered[index + 1:]:
            if second not in taken and mirror_kind(first, second):
                pairs[first] = second
                taken.update((first, second))
                break
    return pairs


def gap(first: float, second: float) -> float | None:
    """The second figure against the first, as a ratio (0.045 is 4.5 % higher); None against zero."""
    return (second - first) / first if first else None


def gap_label(ratio: float | None) -> str:
    return format_change(ratio) if ratio is not None else "—"


def flow_description(indicator: str, subject: str, counterpart: str | None) -> str:
    """"Exports of the Abai region to …": a flow named the way its reporter counts it."""
    if counterpart is None:
        return {"exports": _("Exports of {subject}"), "imports": _("Imports of {subject}"),
                "turnover": _("Trade turnover of {subject}")}.get(indicator, "{subject}").format(subject=subject)
    texts = {"exports": _("Exports of {subject} to {counterpart}"),
             "imports": _("Imports of {subject} from {counterpart}"),
             "turnover": _("Trade turnover of {subject} with {counterpart}")}
    if indicator not in texts:
        return _("{indicator}: {subject} – {counterpart}").format(
            indicator=indicator_label(indicator), subject=subject, counterpart=counterpart)
    return texts[indicator].format(subject=subject, counterpart=counterpart)


def reporter_label(reporter: str | None) -> str:
    """"reported by Kazakhstan", or that the record does not say."""
    return _("reported by {reporter}").format(reporter=reporter) if reporter else _("reporter not stated")


# -- the Trade tab: every matched period of one pair ---------------------------------------------

class MirrorSide(NamedTuple):
    """One reporter's figure in a mirror row."""

    indicator_id: int
    indicator: str
    description: str  # "Imports of Russian Federation from Abai region"
    reporter: str | None
    value: float
    unit: str
    published: Published | None = None  # the record as published, when ``value`` is converted


class MirrorRow(NamedTuple):
    period: Period
    first: MirrorSide
    second: MirrorSide

    @property
    def gap(self) -> float | None:
        return gap(self.first.value, self.second.value)


_TRADE = ", ".join(f"'{name}'" for name in TRADE_INDICATORS)


def mirror_rows(db: Database, subject_id: int, counterpart_id: int) -> list[MirrorRow]:
    """Every period for which the trade of ``subject_id`` with ``counterpart_id`` has a mirror figure,
    the subject's own series first; newest period first. Where one reporter gives several values
    for a period, the first recorded is shown (the data-quality check names the others). Each
    series is read in the unit most of its periods use, and the second figure of a row in the
    first one's unit."""
    rows = db.execute(
        "SELECT min(id), subject_id, counterpart_id, reporter_id, indicator, unit, period_start, period_end, "
        "value FROM indicators WHERE ((subject_id = :s AND counterpart_id = :c) OR "
        f"(subject_id = :c AND counterpart_id = :s)) AND indicator IN ({_TRADE}) "
        "GROUP BY subject_id, counterpart_id, reporter_id, indicator, unit, period_start, period_end",
        {"s": subject_id, "c": counterpart_id}).fetchall()
    shown = display_units((tuple(row[1:5]), row[5], 1) for row in rows)
    series: dict[SeriesKey, dict[Period, tuple[int, Published]]] = {}
    for rid, subject, counterpart, reporter, indicator, unit, start, end, value in sorted(rows):
        unit_shown = shown[((subject, counterpart, reporter, indicator), measure_of(unit))]
        slots = series.setdefault(SeriesKey(subject, counterpart, reporter, indicator, unit_shown), {})
        slots.setdefault(Period.from_db(start, end), (rid, Published(value, unit)))  # the first recorded
    names: dict[int | None, str | None] = {None: None}

    def name(party_id: int | None) -> str | None:
        if party_id not in names:
            names[party_id] = party_name(db, party_id)
        return names[party_id]

    def order(key: SeriesKey) -> tuple:
        return (key.subject_id != subject_id, TRADE_INDICATORS.index(key.indicator),
                name(key.reporter_id) or "\uffff", key.reporter_id or 0)

    def side(key: SeriesKey, found: tuple[int, Published], unit: str) -> MirrorSide:
        value, published = found[1].converted(unit)
        return MirrorSide(found[0], key.indicator, flow_description(key.indicator, name(key.subject_id) or "",
                                                     name(key.counterpart_id)),
                          name(key.reporter_id), value, unit, published)

    result = []
    for first, second in pair_mirrors(series, order).items():
        for period in series[first].keys() & series[second].keys():
            result.append(MirrorRow(period, side(first, series[first][period], first.unit),
                                    side(second, series[second][period], first.unit)))
    result.sort(key=lambda r: (-r.period.end.toordinal(), r.period.start, TRADE_INDICATORS.index(r.first.indicator)))
    return result
