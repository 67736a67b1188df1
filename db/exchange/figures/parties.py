"""The parties and sources a table names, matched in the database or created once each.

Parties are matched by English or local name, ignoring case (``db.read.queries.find_parties``);
a name matching no party creates one, listed in the report with the kind it was given:
"city"/"region"/"body" when the name says so (город, область, akimat, …), otherwise a
subject becomes a region and a counterpart or reporter a country (statistics tables are
about a region's trade with countries). A name matching several parties is a problem.
Sources are matched by title (ignoring case), address and publication date, or created.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from db import store
from db.errors import Problem
from db.exchange import matching
from db.exchange.report import ImportReport
from db.model import validate
from db.model.formatting import format_day
from db.model.i18n import _
from db.model.names import language_of
from db.model.records import PARTY_KINDS, Party, Source
from db.read import queries

if TYPE_CHECKING:
    from sqlite_utils import Database

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# Words in a party's name that say what kind of party it is (checked in this order).
_KIND_WORDS = (
    ("body", ("government", "administration", "akimat", "ministry", "committee", "правительство",
              "администрация", "акимат", "әкімдігі", "министерство", "комитет")),
    ("city", ("city", "город", "г.", "қаласы", "қ.")),
    ("region", ("region", "oblast", "province", "krai", "область", "облысы", "край", "республика")),
)


def guess_party_kind(name: str, role: str) -> str:
    """The kind a new party gets: from words in its name, else by the column it came from."""
    words = name.casefold()
    for kind, markers in _KIND_WORDS:
        if any(re.search(rf"(^|\W){re.escape(m)}($|\W)", words) for m in markers):
            return kind
    return "region" if role == "subject" else "country"


class Parties:
    """Party names resolved to ids, creating parties the database does not know."""

    def __init__(self, db: Database, report: ImportReport) -> None:
        self.db, self.report = db, report
        self.ids: dict[str, int | str] = {}  # folded name -> id, or the problem with that name

    def resolve(self, name: str, role: str) -> int | str:
        """The party's id, or a sentence saying why the name names no single party."""
        key = name.strip().casefold()
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = self._find_or_create(name.strip(), role)
        return found

    def _find_or_create(self, name: str, role: str) -> int | str:
        parties = queries.find_parties(self.db, name)
        if len(parties) == 1:
            assert parties[0].id is not None
            return parties[0].id
        if parties:
            return _("'{name}' names {n} parties ({names}); use a name only one of them has").format(
                name=name, n=len(parties), names="; ".join(p.name_en for p in parties))
        kind = guess_party_kind(name, role)
        local = name if _CYRILLIC.search(name) and not _LATIN.search(name) else None
        language = language_of(local)
        party_id = store.save(self.db, Party(kind=kind, name_en=name, name_ru=local if language == "ru" else None,
                                             name_kk=local if language == "kk" else None))
        self.report.new_parties.append(f"{name} ({PARTY_KINDS[kind].lower()})")
        return party_id


class Sources:
    """Sources named by rows, matched or created once each."""

    def __init__(self, db: Database, report: ImportReport) -> None:
        self.db, self.report = db, report
        self.ids: dict[tuple[str, str | None, str | None], int | list[Problem]] = {}

    def resolve(self, title: str, url: str | None, published: str | None) -> int | list[Problem]:
        """The source's id, or the problems a new source with these fields would have."""
        key = (title.strip().casefold(), url, published)
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = self._find_or_create(title.strip(), url, published)
        return found

    def _find_or_create(self, title: str, url: str | None, published: str | None) -> int | list[Problem]:
        existing = matching.find_source(self.db, title, url, published)
        if existing is not None:
            return existing
        source = Source(title=title, url=url, published=dt.date.fromisoformat(published) if published else None)
        found = validate.problems(self.db, source)
        if found:
            return found
        self.report.new_sources.append(f"{title} ({format_day(source.published)})" if source.published else title)
        return store.save(self.db, source)
