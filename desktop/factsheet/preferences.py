"""The fact-sheet options the window remembers between sessions (QSettings).

Stored: the sections switched off (so a section added in a later version starts on), the
page size, the language (empty: the window's), whether to print the long version, and the
"as of" day — empty meaning "today whenever it is printed", so a sheet printed next week is
not silently dated last week. The pair is the Overview's pair,
which the Overview already remembers.
"""

from __future__ import annotations

import datetime as dt

from db.model.i18n import LANGUAGES
from db.sheet.options import ALL_SECTIONS, CHOSEN_ONLY, DEFAULT_PAGE_SIZE, PAGE_SIZES, SheetOptions
from desktop.common import settings

HIDDEN_KEY = "factsheet/hidden_sections"
CHOSEN_KEY = "factsheet/chosen_sections"  # sections printed only when chosen (the timeline)
PAGE_SIZE_KEY = "factsheet/page_size"
AS_OF_KEY = "factsheet/as_of"
LONG_KEY = "factsheet/long"
EXPORT_FOLDER_KEY = "factsheet/export_folder"
LANGUAGE_KEY = "factsheet/language"


def load_options() -> SheetOptions:
    """The remembered options; defaults for anything absent or garbled."""
    hidden = settings.settings().value(HIDDEN_KEY, [])
    hidden = {hidden} if isinstance(hidden, str) else set(hidden or [])
    chosen = settings.settings().value(CHOSEN_KEY, [])
    chosen = {chosen} if isinstance(chosen, str) else set(chosen or [])
    page_size = settings.load_str(PAGE_SIZE_KEY, DEFAULT_PAGE_SIZE)
    try:
        as_of = dt.date.fromisoformat(settings.load_str(AS_OF_KEY)) if settings.load_str(AS_OF_KEY) else None
    except ValueError:
        as_of = None
    language = settings.load_str(LANGUAGE_KEY)
    return SheetOptions(sections=frozenset(ALL_SECTIONS - hidden) | (CHOSEN_ONLY & chosen),
                        page_size=page_size if page_size in PAGE_SIZES else DEFAULT_PAGE_SIZE, as_of=as_of,
                        language=language if language in LANGUAGES else None,
                        long=settings.load_str(LONG_KEY) == "true")


def save_options(options: SheetOptions) -> None:
    store = settings.settings()
    store.setValue(HIDDEN_KEY, sorted(ALL_SECTIONS - options.sections))
    store.setValue(CHOSEN_KEY, sorted(CHOSEN_ONLY & options.sections))
    store.setValue(PAGE_SIZE_KEY, options.page_size)
    store.setValue(AS_OF_KEY, options.as_of.isoformat() if options.as_of else "")
    store.setValue(LANGUAGE_KEY, options.language or "")
    store.setValue(LONG_KEY, "true" if options.long else "false")
    store.sync()
