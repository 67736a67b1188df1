"""Finding records by the words in them: one SQLite FTS5 index over every kind of record.

What is searched: names in both scripts (parties, people, subject areas), titles
(sources, agreements, events, positions), summaries, places, quotes and notes, and a
source's publisher and kept text. Indicators are found through their parties in the
Trade tab's filter instead; they hold no words of their own.

The index catches up with every committed write before each search
(``db.file.search_index``), however the write was made.

Words match at their start in any case ("омск" finds "Омская область", "irty" finds
"Irtysh"), and across scripts and spellings through a third indexed column of spelling keys
(``db.model.names.key``): "uali", "Уали" and "Уәли" all find Berik Uali, "abay" the Abai
region, "оскемен" Өскемен, "омск" what says Omsk. Records matching the words as typed are
listed before those found only through their spelling. "ё" and "е" are treated alike.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.file.search_index import CODE_KINDS, KIND_SLOTS, catch_up
from db.model.names import key
from db.read.queries import record_label

if TYPE_CHECKING:
    from sqlite_utils import Database

# The order results are listed in: the kinds people look for most first.
RESULT_ORDER = ("agreement", "event", "person", "party", "statement", "position", "subject", "source")

# Marks around matched words in a snippet; the window turns them into bold text.
MATCH_START, MATCH_END = "\x02", "\x03"
# Title words weigh more than words in a summary or an article.
_WEIGHTS = "10.0, 1.0, 0.5"


@dataclass(frozen=True)
class Hit:
    """One record found: its kind, id, one-line label and where the words matched."""

    kind: str
    id: int
    label: str
    snippet: str  # body text around the match with MATCH_START/END marks, or "" if only the title matched


@dataclass(frozen=True)
class Results:
    """Hits grouped by kind (in ``RESULT_ORDER``), and how many each kind has in all."""

    groups: list[tuple[str, list[Hit]]]
    totals: dict[str, int]

    def __bool__(self) -> bool:
        return bool(self.groups)

    def hits(self) -> list[Hit]:
        return [hit for _kind, hits in self.groups for hit in hits]


_WORD = re.compile(r"\w+", re.UNICODE)


def loose_expression(text: str) -> str | None:
    """The FTS5 query finding every word as typed or by its spelling key, at a word's start."""
    words = _WORD.findall(text.replace("ё", "е").replace("Ё", "Е"))
    if not words:
        return None
    parts = []
    for word in words:
        spelt = key(word)
        if len(spelt) > 1 and " " not in spelt:  # a lone letter would find nearly everything
            parts.append(f'({{title body}} : "{word}"* OR keys : "{spelt}"*)')
        else:
            parts.append(f'{{title body}} : "{word}"*')
    return " AND ".join(parts)


def match_expression(text: str) -> str | None:
    """The FTS5 query for what a person typed: every word, each matched at a word's start.

    Punctuation and FTS5 operators in the text are not interpreted ("AND", quotes, "*"
    are plain words or ignored), so any typed text is a valid query. None when the text
    holds no word.
    """
    words = _WORD.findall(text.replace("ё", "е").replace("Ё", "Е"))
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def _try_catch_up(db: Database) -> None:
    """Bring the index up to date when this connection may write; otherwise search it as is."""
    if getattr(db, "read_only", False):
        return
    with contextlib.suppress(sqlite3.OperationalError):  # another program is writing: the queue waits
        catch_up(db)


def search(db: Database, text: str, *, per_kind: int = 20, limit: int = 1000) -> Results:
    """Records matching every word of ``text``, best first within each kind.

    At most ``per_kind`` hits of each kind are returned; ``Results.totals`` says how many
    matched in all.
    """
    query, exact = loose_expression(text), match_expression(text)
    if query is None or exact is None:
        return Results([], {})
    _try_catch_up(db)
    totals = {CODE_KINDS[code]: n for code, n in db.execute(
        f"SELECT rowid % {KIND_SLOTS}, count(*) FROM search_index WHERE search_index MATCH ? GROUP BY 1",
        [query]) if code in CODE_KINDS}
    rows = db.execute(
        f"SELECT rowid, snippet(search_index, 1, '{MATCH_START}', '{MATCH_END}', '…', 12) "
        "FROM search_index WHERE search_index MATCH ? ORDER BY rowid NOT IN "
        "(SELECT rowid FROM search_index WHERE search_index MATCH ?), "
        f"bm25(search_index, {_WEIGHTS}) LIMIT ?", [query, exact, limit]).fetchall()
    found: dict[str, list[Hit]] = {}
    for rowid, snippet in rows:
        kind = CODE_KINDS.get(rowid % KIND_SLOTS)
        if kind is None or len(found.setdefault(kind, [])) >= per_kind:
            continue
        record_id = rowid // KIND_SLOTS
        found[kind].append(Hit(kind, record_id, record_label(db, kind, record_id),
                               snippet if MATCH_START in (snippet or "") else ""))
    groups = [(kind, found[kind]) for kind in RESULT_ORDER if found.get(kind)]
    return Results(groups, totals)
