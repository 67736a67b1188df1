"""Finding records by the words in them: one SQLite FTS5 index over every kind of record.

What is searched: names in both scripts (parties, people, subject areas), titles
(sources, agreements, events, positions), summaries, places, quotes and notes, and a
source's publisher and kept text. Indicators are found through their parties in the
Trade tab's filter instead; they hold no words of their own.

How the index stays in step: triggers (migration ``0002_search``) note every insert,
update and delete of a searched table in ``search_changes``. They cannot write to the
FTS5 table directly, because with ``trusted_schema=OFF`` SQLite refuses virtual tables
inside triggers. ``catch_up`` re-indexes the noted records in one transaction and runs
before every search, so a search always sees every committed write, however it was made
(the window, an import, or another program such as ``sqlite-utils``).

Words match at their start in any case and script ("омск" finds "Омская область",
"irty" finds "Irtysh"); "ё" and "е" are treated alike, as Russian text mixes them.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from db.queries import record_label
from db.records import KINDS

# Each indexed record's rowid is ``id * KIND_SLOTS + code``, so one index holds every kind
# and a record's entry is found by rowid alone (FTS5 has no index on other columns).
KIND_SLOTS = 16
KIND_CODES = {"source": 1, "party": 2, "person": 3, "position": 4, "subject": 5,
              "agreement": 6, "event": 7, "statement": 8}
CODE_KINDS = {code: kind for kind, code in KIND_CODES.items()}
# The order results are listed in: the kinds people look for most first.
RESULT_ORDER = ("agreement", "event", "person", "party", "statement", "position", "subject", "source")


def _text(*columns: str) -> str:
    """SQL joining columns (NULLs skipped) into one text, with ё folded into е."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"replace(replace({joined}, 'ё', 'е'), 'Ё', 'Е')"


# kind -> (SQL of the title column, SQL of the body column); the table is aliased ``r``.
INDEXED_TEXT: dict[str, tuple[str, str]] = {
    "source": (_text("r.title"), _text("r.publisher", "r.url", "r.notes", "r.text")),
    "party": (_text("r.name_en", "r.name_local", "r.name_alt"), _text("r.notes")),
    "person": (_text("r.name_en", "r.name_local"), _text("r.notes")),
    "position": (_text("r.title"), _text("r.notes")),
    "subject": (_text("r.name_en", "r.name_local"), "''"),
    "agreement": (_text("r.title"), _text("r.summary", "r.notes")),
    "event": (_text("r.title"), _text("r.place", "r.summary", "r.notes")),
    "statement": (_text("r.text"), _text("r.notes")),
}

# Marks around matched words in a snippet; the window turns them into bold text.
MATCH_START, MATCH_END = "\x02", "\x03"
# Title words weigh more than words in a summary or an article.
_WEIGHTS = "10.0, 1.0"


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


def catch_up(db: Database) -> int:
    """Re-index every record changed since the last call; return how many were noted.

    Runs in one transaction: the index and the queue change together or not at all.
    """
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_changes'").fetchone():
        return 0  # a schema from before search existed (being migrated)
    last = db.execute("SELECT max(rowid) FROM search_changes").fetchone()[0]
    if last is None:
        return 0
    with db.atomic():
        pending = db.execute("SELECT DISTINCT kind, record_id FROM search_changes WHERE rowid <= ?",
                             [last]).fetchall()
        by_kind: dict[str, list[int]] = {}
        for kind, record_id in pending:
            if kind in KIND_CODES:
                by_kind.setdefault(kind, []).append(record_id)
        for kind, ids in by_kind.items():
            _reindex(db, kind, ids)
        db.execute("DELETE FROM search_changes WHERE rowid <= ?", [last])
    return len(pending)


def _reindex(db: Database, kind: str, ids: list[int]) -> None:
    code, table = KIND_CODES[kind], KINDS[kind].TABLE
    title, body = INDEXED_TEXT[kind]
    ids_json = json.dumps(ids)
    db.execute(f"DELETE FROM search_index WHERE rowid IN (SELECT value * {KIND_SLOTS} + {code} "
               "FROM json_each(?))", [ids_json])
    db.execute(f"INSERT INTO search_index (rowid, title, body) SELECT r.id * {KIND_SLOTS} + {code}, "
               f"{title}, {body} FROM {table} r WHERE r.id IN (SELECT value FROM json_each(?))", [ids_json])


def rebuild(db: Database) -> None:
    """Index every record again from scratch (after restoring a file, or to repair it)."""
    with db.atomic():
        db.execute("DELETE FROM search_index")
        db.execute("DELETE FROM search_changes")
        for kind in KIND_CODES:
            ids = [r[0] for r in db.execute(f"SELECT id FROM {KINDS[kind].TABLE}")]
            _reindex(db, kind, ids)


_WORD = re.compile(r"\w+", re.UNICODE)


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
    query = match_expression(text)
    if query is None:
        return Results([], {})
    _try_catch_up(db)
    totals = {CODE_KINDS[code]: n for code, n in db.execute(
        f"SELECT rowid % {KIND_SLOTS}, count(*) FROM search_index WHERE search_index MATCH ? GROUP BY 1",
        [query]) if code in CODE_KINDS}
    rows = db.execute(
        f"SELECT rowid, snippet(search_index, 1, '{MATCH_START}', '{MATCH_END}', '…', 12) "
        f"FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, {_WEIGHTS}) LIMIT ?",
        [query, limit]).fetchall()
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
