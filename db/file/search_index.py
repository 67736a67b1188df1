"""The search index's upkeep: what each kind of record is indexed by, and catching up.

Triggers (migration ``0002_search``) note every insert, update and delete of a searched
table in ``search_changes``. They cannot write to the FTS5 table directly, because with
``trusted_schema=OFF`` SQLite refuses virtual tables inside triggers. ``catch_up``
re-indexes the noted records in one transaction; it runs before every search, after every
import and when a file is closed, so a search always sees every committed write, however
it was made (the window, an import, or another program such as ``sqlite-utils``).
Searching the index is ``db.read.search``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from db.model.names import key
from db.model.records import KINDS

if TYPE_CHECKING:
    from sqlite_utils import Database

# Each indexed record's rowid is ``id * KIND_SLOTS + code``, so one index holds every kind
# and a record's entry is found by rowid alone (FTS5 has no index on other columns).
KIND_SLOTS = 16
KIND_CODES = {"source": 1, "party": 2, "person": 3, "position": 4, "subject": 5,
              "agreement": 6, "event": 7, "statement": 8}
CODE_KINDS = {code: kind for kind, code in KIND_CODES.items()}

def _text(*columns: str) -> str:
    """SQL joining columns (NULLs skipped) into one text, with ё folded into е."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"replace(replace({joined}, 'ё', 'е'), 'Ё', 'Е')"


_NAMES = ("r.name_en", "r.name_ru", "r.name_kk", "r.name_alt")
_TITLES = ("r.title", "r.title_ru", "r.title_kk")

# kind -> (SQL of the title column, SQL of the body column); the table is aliased ``r``.
# The third column, ``keys``, holds ``db.model.names.key`` of both: the words as spelt
# loosely, so "uali" finds "Берік Уәли" and "омск" finds "Omsk".
INDEXED_TEXT: dict[str, tuple[str, str]] = {
    "source": (_text("r.title"), _text("r.publisher", "r.url", "r.notes", "r.text")),
    "party": (_text(*_NAMES), _text("r.notes")),
    "person": (_text(*_NAMES), _text("r.notes")),
    "position": (_text(*_TITLES), _text("r.notes")),
    "subject": (_text(*_NAMES), "''"),
    "agreement": (_text(*_TITLES), _text("r.summary", "r.notes")),
    "event": (_text(*_TITLES), _text("r.place", "r.summary", "r.notes")),
    "statement": (_text("r.text"), _text("r.notes")),
}


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
    rows = db.execute(f"SELECT r.id * {KIND_SLOTS} + {code}, {title}, {body} FROM {table} r "
                      "WHERE r.id IN (SELECT value FROM json_each(?))", [ids_json]).fetchall()
    db.conn.executemany("INSERT INTO search_index (rowid, title, body, keys) VALUES (?, ?, ?, ?)",
                        [(rowid, t, b, key(f"{t} {b}")) for rowid, t, b in rows])


def rebuild(db: Database) -> None:
    """Index every record again from scratch (after restoring a file, or to repair it)."""
    with db.atomic():
        db.execute("DELETE FROM search_index")
        db.execute("DELETE FROM search_changes")
        for kind in KIND_CODES:
            ids = [r[0] for r in db.execute(f"SELECT id FROM {KINDS[kind].TABLE}")]
            _reindex(db, kind, ids)
