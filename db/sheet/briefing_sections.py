"""The sheet with the sections a remembered briefing adds: "Changes since…" and the timeline.

``compose_sheet`` composes the sheet as ``db.sheet.compose`` does, then adds, when chosen,
what changed since an earlier briefing of the pair (``db.sheet.changes``) and the pair's
timeline around the as-of day (``db.sheet.timeline``). Both are plain data like the rest
of the sheet; the renderer lays them out and escapes their text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from db.model.i18n import using_language
from db.sheet.briefings import Briefing
from db.sheet.changes import compose_changes
from db.sheet.compose import FactSheet, compose
from db.sheet.options import ALL_SECTIONS
from db.sheet.timeline import compose_timeline

if TYPE_CHECKING:
    from sqlite_utils import Database


def compose_sheet(db: Database, a: int, b: int, *, as_of: dt.date, sections: Iterable[str] = ALL_SECTIONS,
                  since: Briefing | None = None, generated: dt.date | None = None,
                  language: str | None = None, long: bool = False) -> FactSheet:
    """The fact sheet with the sections chosen, "Changes since…" included when ``since`` is
    an earlier briefing to compare with, every section in ``language`` (None: the one in use)."""
    wanted = frozenset(sections)
    with using_language(language) as chosen:
        sheet = compose(db, a, b, as_of=as_of, sections=wanted, generated=generated, language=chosen, long=long)
        changes = (compose_changes(db, a, b, since=since, as_of=as_of)
                   if since is not None and "changes" in wanted else None)
        line = compose_timeline(db, a, b, as_of) if "timeline" in wanted else None
    return replace(sheet, changes=changes, timeline=line)
