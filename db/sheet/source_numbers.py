"""The sheet's source notes: every source numbered in order of first use, section by section
in print order, so each printed row carries the numbers of its sources and only sources the
printed rows use are listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from db.model.formatting import format_day
from db.read.sources import SourceRef
from db.sheet.sheet import SourceNote


class SourceNumbers:
    """Numbers sources in order of first use; ``notes()`` lists them in that order."""

    def __init__(self) -> None:
        self._refs: dict[int, SourceRef] = {}
        self._numbers: dict[int, int] = {}

    def number(self, sources: Iterable[SourceRef]) -> tuple[int, ...]:
        sources = list(sources)
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
