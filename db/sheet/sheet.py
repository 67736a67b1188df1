"""The composed fact sheet as plain data: what every renderer lays out.

``db.sheet.compose`` fills these types; the preview, the printer and the PDF
(``desktop.factsheet``) — and any other renderer — only lay them out. Every string is already
formatted for people (numbers, dates, statuses, "and 12 more …"), sections are lists of rows,
source notes are numbers into ``FactSheet.sources`` and data-quality marks are numbers into
``FactSheet.quality_notes``. Nothing here is HTML: a renderer escapes what it prints.

A shortened section says what it left out in a ``left_out`` count (the renderer words it);
``FactSheet.long`` is True when nothing was left out on purpose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.model.formatting import format_day
from db.model.i18n import _, using_language

if TYPE_CHECKING:
    from db.sheet.changes import ChangesSection
    from db.sheet.timeline import TimelineSection


@dataclass(frozen=True)
class PartyInfo:
    name: str
    local_names: tuple[str, ...]  # local and other local forms, e.g. Абайская область, Абай облысы
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
    """A key figure: one series' figure for one period, and its comparison."""

    indicator: str  # "Trade turnover"
    value: str  # "USD 128.6 million" (every value, " / "-separated, when records disagree)
    period: str  # "Jan–May 2025"
    partial: bool  # part of a year: never to be read as a whole year
    between: str  # "Abai region – Russian Federation", the counterpart exactly as recorded
    notes: tuple[int, ...]  # source note numbers
    quality: tuple[int, ...] = ()  # data-quality note numbers about this figure
    kind: str = "latest"  # "year", "to_date" or "latest" (``db.read.key_figures``)
    change: str | None = None  # "−3.1% on Jan–Sep 2024"
    no_comparison: str | None = None  # why there is no change: "no figure for Jan–May 2024"
    reporter: str | None = None  # "reported by Kazakhstan" (None: not recorded)
    qualifier: str | None = None  # what the figure counts, from its notes, for small type under it
    published: str = ""  # for a value converted from another scale: "published as USD 128,600 thousand"


@dataclass(frozen=True)
class MirrorSide:
    description: str  # "Imports of Russian Federation from Abai region"
    reporter: str  # "reported by Russian Federation"
    value: str  # "USD 180.1 million"
    notes: tuple[int, ...]
    published: str = ""  # for a value converted from another scale: "published as USD 180,100 thousand"


@dataclass(frozen=True)
class MirrorRow:
    """One flow and period as two reporters give it, side by side."""

    period: str
    first: MirrorSide
    second: MirrorSide
    gap: str  # "+4.5%": the second against the first


@dataclass(frozen=True)
class AgreementRow:
    title: str
    kind: str
    parties: tuple[str, ...]
    signed: str
    validity: str  # "2025 – 2028", "from 2025", or "" when not recorded
    status: str  # decided as of the sheet's day (``db.model.status``)
    notes: tuple[int, ...]
    status_key: str = ""


@dataclass(frozen=True)
class HeldPosition:
    title: str
    since: str  # "Mar 2024", or "unknown"
    notes: tuple[int, ...] = ()  # the position's own sources
    verified: str | None = None  # "last verified 17 months ago" when the check is old
    since_known: bool = True  # False: the start is not recorded (the sheet says "since unknown" whole)


@dataclass(frozen=True)
class OfficialRow:
    name: str
    other_name: str | None  # the name in a second language, beside it
    positions: tuple[HeldPosition, ...]
    notes: tuple[int, ...]  # every source of the positions shown


@dataclass(frozen=True)
class OfficialsSide:
    party: str
    officials: tuple[OfficialRow, ...]
    left_out: int = 0  # officials not listed


@dataclass(frozen=True)
class EventRow:
    date: str  # at its precision: "Q4 2025"
    title: str
    kind: str
    place: str | None
    status: str  # decided as of the sheet's day: "date passed — not confirmed held"
    notes: tuple[int, ...]
    status_key: str = ""


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
    start: dt.date | None = None  # where the period lies on the time axis
    end: dt.date | None = None
    published_in: tuple[str, ...] = ()  # units its values were published in, when not the chart's own


@dataclass(frozen=True)
class TradeChart:
    subject: str
    counterpart: str
    unit: str
    periods: tuple[ChartPeriod, ...]
    notes: tuple[int, ...]
    earlier_periods: int = 0  # older periods of the same kind not drawn
    other_units: tuple[str, ...] = ()  # trade also recorded in these units (other measures), not drawn
    group: str = "other"  # the kind of period drawn: "years", "quarters", "months" or "other"
    reporter: str | None = None  # "reported by Kazakhstan" when the series says
    other_groups: tuple[str, ...] = ()  # kinds of period recorded but not drawn ("Quarters", …)
    published_note: str = ""  # which drawn values were published in another scale: "Figures for 2024 were …"


@dataclass(frozen=True)
class QualityNote:
    number: int
    message: str
    check: str = ""  # the check's name
    title: str = ""  # the check's heading, which groups the notes


@dataclass(frozen=True)
class QualityGroup:
    title: str
    notes: tuple[QualityNote, ...]


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
    mirrors: tuple[MirrorRow, ...] = ()
    mirror_note: str = ""
    figures_left_out: int = 0  # key figures beyond the briefing's rows (the Trade tab has them)
    agreements_left_out: int = 0
    agreement_parties: tuple[str, ...] = ()  # the parties most listed agreements share (named once)
    recent_left_out: int = 0
    planned_left_out: int = 0
    statements_left_out: int = 0
    quality_left_out: int = 0  # findings not printed ("run factsheet check")
    long: bool = False  # the long version: no section shortened
    step: int = 0  # how far the shortening rules went (``db.sheet.options.STEPS``)
    # What was read from the database, kept so the sheet can be shortened further without
    # reading it again; renderers never look at it.
    facts: object = field(default=None, compare=False, repr=False)
    language: str = "en"  # the language every text above is in; the renderer prints in it too
    # Added by ``db.sheet.briefing_sections``: what changed since a briefing, and the timeline.
    changes: ChangesSection | None = None
    timeline: TimelineSection | None = None

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

    @property
    def quality_groups(self) -> tuple[QualityGroup, ...]:
        """The printed notes grouped by check, in print order."""
        groups: list[QualityGroup] = []
        for note in self.quality_notes:
            if groups and groups[-1].title == note.title:
                groups[-1] = QualityGroup(note.title, groups[-1].notes + (note,))
            else:
                groups.append(QualityGroup(note.title, (note,)))
        return tuple(groups)

    @property
    def shortened(self) -> bool:
        """True when any section left something out."""
        return bool(self.figures_left_out or self.agreements_left_out or self.recent_left_out
                    or self.planned_left_out or self.statements_left_out or self.quality_left_out
                    or any(side.left_out for side in self.officials))
