"""What a user chooses before printing: which sections, the paper, the "as of" day, the language.

Plain data with no Qt, shared by the window's options panel, the command line and
``compose``. The sources section cannot be switched off: every fact on the sheet carries
a note number, and the notes must say where the facts come from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.model.i18n import N_, Labels, _

# Sections that can be switched off, in the order they are printed, with their labels.
SECTIONS = Labels({
    "figures": N_("Key figures"),
    "agreements": N_("Agreements"),
    "officials": N_("Officials"),
    "events": N_("Events"),
    "chart": N_("Trade chart"),
    "statements": N_("Key statements"),
    "quality": N_("Data-quality notes"),
})
ALL_SECTIONS = frozenset(SECTIONS)

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

    def as_of_day(self) -> dt.date:
        return self.as_of or dt.date.today()
