"""What a user chooses before printing — which sections, the paper, the "as of" day, the
language, the long version — and the rules that keep a briefing to two pages.

Plain data with no Qt, shared by the window's options panel, the command line and
``compose``. The sources section cannot be switched off: every fact on the sheet carries
a note number, and the notes must say where the facts come from.

**Shortening rules.** A sheet is a briefing: with the default options it fits two pages
whatever the amount of data. ``compose`` applies the limits of ``STEPS[0]``; a renderer that
finds the pages still too many takes the first later step that fits (``db.sheet.compose.at_step``),
or the last. Each limit keeps the rows that matter most and says how many it left out:

- key figures: the rule of ``db.read.key_figures`` (trade flows, then investment, then
  counts; every series' newest row first); the rest are in the Trade tab;
- mirror figures: of the key figures that have one, whole years first, then parts of a year;
- agreements: those in force, expiring or about to start first, then those whose validity is
  not stated, then the rest (expired, drafts); newest signed first within each;
- officials: per side, those who took part in the pair's events, statements or agreements
  first, then the others in the list's order (longest in office first);
- events: the newest recent ones and the soonest planned ones;
- statements: the newest;
- data-quality notes: grouped by check; notes about what the sheet prints first, then by the
  check's weight for a briefing (figures that do not add up before officials to verify),
  then "and N more — run “factsheet check”";
- the chart: the latest periods of the kind chosen.

The long version (``SheetOptions.long``, ``factsheet pdf --long``) applies no limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.model.i18n import N_, Labels, _

# Sections that can be switched off, in the order they are printed, with their labels.
SECTIONS = Labels({
    "changes": N_("Changes since the last briefing"),
    "figures": N_("Key figures"),
    "agreements": N_("Agreements"),
    "officials": N_("Officials"),
    "events": N_("Events"),
    "timeline": N_("Timeline"),
    "chart": N_("Trade chart"),
    "statements": N_("Key statements"),
    "quality": N_("Data-quality notes"),
})
# Printed only when chosen (every other section is printed unless switched off). "changes"
# is printed when there is an earlier briefing of the pair to compare with.
CHOSEN_ONLY = frozenset({"timeline"})
ALL_SECTIONS = frozenset(SECTIONS) - CHOSEN_ONLY

@dataclass(frozen=True)
class Limits:
    """How many rows each section of a briefing keeps (None: all of them)."""

    figures: int | None = 12
    mirrors: int | None = 4
    agreements: int | None = 5
    officials: int | None = 4  # people on each side
    recent_events: int | None = 3
    planned_events: int | None = 3
    statements: int | None = 2
    quality_notes: int | None = 8
    chart_periods: int = 12


# The default limits, then step by step tighter ones for a sheet that still needs more than
# two pages: the fewer rows of the less telling sections go first.
STEPS = (
    Limits(),
    Limits(mirrors=2, statements=1, quality_notes=6),
    Limits(mirrors=2, agreements=4, officials=3, recent_events=2, planned_events=2, statements=1, quality_notes=6),
    Limits(figures=10, mirrors=2, agreements=3, officials=3, recent_events=2, planned_events=2, statements=1,
           quality_notes=5),
    Limits(figures=8, mirrors=2, agreements=2, officials=2, recent_events=2, planned_events=1, statements=1,
           quality_notes=3, chart_periods=8),
    Limits(figures=6, mirrors=1, agreements=2, officials=2, recent_events=2, planned_events=1, statements=0,
           quality_notes=3, chart_periods=6),
)
LONG = Limits(figures=None, mirrors=None, agreements=None, officials=None, recent_events=None,
              planned_events=None, statements=None, quality_notes=None)
MAX_PAGES = 2  # a briefing's pages with the default options

PAGE_SIZES = ("A4", "Letter")
DEFAULT_PAGE_SIZE = "A4"


def page_size_named(text: str) -> str:
    """The page size called ``text`` in any case ("a4" → "A4"); ValueError for others."""
    for name in PAGE_SIZES:
        if name.casefold() == text.strip().casefold():
            return name
    raise ValueError(_("“{text}” is not a page size; use {sizes}.").format(text=text, sizes=one_of(PAGE_SIZES)))


def one_of(choices: Iterable[str]) -> str:
    """Choices offered in a sentence: "A4 or Letter", "“A”, “B” or “C”"."""
    items = list(choices)
    if len(items) < 2:
        return "".join(items)
    return _("{first} or {last}").format(first=", ".join(items[:-1]), last=items[-1])


@dataclass(frozen=True)
class SheetOptions:
    """The choices for one printed sheet; ``as_of=None`` means "today" whenever it is printed."""

    sections: frozenset[str] = field(default=ALL_SECTIONS)
    page_size: str = DEFAULT_PAGE_SIZE
    as_of: dt.date | None = None
    language: str | None = None  # "en", "ru" or "kk"; None: the window's language
    long: bool = False  # the long version: every section in full, on as many pages as it takes

    def as_of_day(self) -> dt.date:
        return self.as_of or dt.date.today()
