"""How an imported record is recognised as one the database already holds.

Importing the same file twice must add nothing, so every import asks here first. A record
is the same as an existing one when its natural key matches (case is ignored in names and
titles, and "unknown" only matches "unknown"):

- source: title, address (URL) and publication date;
- party: English name, kind and the party it belongs to;
- person: English name; subject area: English name (their Russian and Kazakh forms may be
  added later, or be missing from an older bundle, without making another person);
- position: person, title, body and start;
- agreement: title and date signed; event: title and start; statement: speaker, text, date;
- indicator (a figure): subject, counterpart, reporter, indicator, period, value, unit,
  and every one of its sources.

A record matched by its natural key is used as it is. (A bundle's record that this database
holds under the same UUID is compared version by version instead: ``db.exchange.bundle_sync``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db import store
from db.model.records import Indicator, Record

if TYPE_CHECKING:
    from sqlite_utils import Database

# kind -> (columns compared exactly, columns compared ignoring case)
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "source": (("url", "published"), ("title",)),
    "party": (("kind", "parent_id"), ("name_en",)),
    "person": ((), ("name_en",)),
    "subject": ((), ("name_en",)),
    "position": (("person_id", "body_id", "start_date", "start_date_precision"), ("title",)),
    "agreement": (("signed_date", "signed_date_precision"), ("title",)),
    "event": (("start_date", "start_date_precision"), ("title",)),
    "indicator": (("subject_id", "counterpart_id", "reporter_id", "indicator", "period_start",
                   "period_end", "value", "unit"), ()),
    "statement": (("person_id", "said_date", "said_date_precision", "text"), ()),
}
_FIGURE_SOURCES = Indicator.LINKS["sources"]


def fold(text: object) -> str | None:
    """Text as compared ignoring case and surrounding spaces (any script)."""
    return None if text is None else str(text).strip().casefold()


def existing_id(db: Database, record: Record) -> int | None:
    """The id of a record the database already holds that is the same as ``record``."""
    exact, folded = NATURAL_KEYS[record.KIND]
    row = store.to_row(record)
    clauses = [f"{column} IS ?" for column in exact]
    params: list[object] = [row[column] for column in exact]
    for column in folded:
        clauses.append(f"casefold(trim({column})) IS ?")
        params.append(fold(row[column]))
    sql = f"SELECT id FROM {record.TABLE} WHERE {' AND '.join(clauses)} ORDER BY id"
    sources = [link.id for link in getattr(record, "sources", [])] if record.KIND == "indicator" else []
    for (candidate,) in db.execute(sql, params).fetchall():
        if not sources or _has_sources(db, candidate, sources):
            return candidate
    return None


def _has_sources(db: Database, indicator_id: int, sources: list[int]) -> bool:
    linked = {r[0] for r in db.execute(f"SELECT linked_id FROM ({_FIGURE_SOURCES.of(':id')})", {"id": indicator_id})}
    return set(sources) <= linked


def find_source(db: Database, title: str, url: str | None, published: str | None) -> int | None:
    """A source with this title (ignoring case), address and publication date (ISO)."""
    row = db.execute("SELECT id FROM sources WHERE casefold(trim(title)) = ? AND url IS ? AND published IS ? "
                     "ORDER BY id LIMIT 1", [fold(title), url, published]).fetchone()
    return row[0] if row else None
