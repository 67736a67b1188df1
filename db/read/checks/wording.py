"""How findings name what they are about: parties, figures, sources and periods.

Shared by every family of checks, so a finding reads the same whichever check wrote it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from db.model.dates import Period
from db.model.i18n import _, current_language
from db.model.kinds import indicator_label

if TYPE_CHECKING:
    from sqlite_utils import Database


class Names:
    """Party names and source titles by id, read once each: a check may name thousands of
    figures about the same few parties and sources."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._parties: dict[int, str] = {}
        self._sources: dict[int, str] = {}

    def party(self, party_id: int | None) -> str:
        if party_id is None:
            return ""
        if party_id not in self._parties:
            row = self._db.execute("SELECT shown_name(name_en, name_ru, name_kk) FROM parties WHERE id = ?",
                                   [party_id]).fetchone()
            self._parties[party_id] = row[0] if row else _("(deleted)")
        return self._parties[party_id]

    def between(self, subject: int | None, counterpart: int | None) -> str:
        """"Abai region – Russian Federation" (just the subject when there is no counterpart)."""
        return self.party(subject) + (f" – {self.party(counterpart)}" if counterpart is not None else "")

    def figure(self, indicator: str, subject: int | None, counterpart: int | None) -> str:
        """"Exports Abai region – Russian Federation"."""
        return f"{indicator_label(indicator)} {self.between(subject, counterpart)}"

    def sources(self, *id_lists: str | None) -> list[str]:
        """Distinct titles of the sources in comma-separated id lists, in order."""
        titles: list[str] = []
        for ids in id_lists:
            for text in (ids or "").split(","):
                if not text:
                    continue
                source_id = int(text)
                if source_id not in self._sources:
                    row = self._db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
                    self._sources[source_id] = row[0] if row else _("(deleted)")
                if self._sources[source_id] not in titles:
                    titles.append(self._sources[source_id])
        return titles


def quote(title: str) -> str:
    """A title in quotation marks, unless it carries its own (a forum's name in quotes)."""
    return title if any(mark in title for mark in "“\"«") else _("“{title}”").format(title=title)


def quoted(titles: list[str]) -> str:
    return "; ".join(quote(t) for t in titles) or _("no source")


def period_label(start: str, end: str) -> str:
    """A period's label in the language in use; cached per language, as thousands of findings
    name the same few periods."""
    return _period_label(start, end, current_language())


@lru_cache(maxsize=4096)
def _period_label(start: str, end: str, _language: str) -> str:
    return Period.from_db(start, end).label()
