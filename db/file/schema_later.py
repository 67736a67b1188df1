"""How the schema grew after the first release: names and titles in three languages, a
narrower figure index, stable record identities, the change history and briefings.

Migration steps ``0003`` to ``0007`` (``db.file.migrations`` applies them in order after
``db.file.schema_initial``'s). A file made by an earlier release gains each in turn.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from db.file.schema_initial import SEARCHED_TABLES, run_script
from db.model import identity

if TYPE_CHECKING:
    from sqlite_utils import Database


# Tables whose names or titles gain a Russian and a Kazakh form in 0003.
NAMED_TABLES = ("parties", "people", "subjects")
TITLED_TABLES = ("positions", "agreements", "events")


def names_in_three_languages(db: Database) -> None:
    """English, Russian and Kazakh forms of every name and title, plus alternative spellings.

    A former "local" and "other local" name moves whole, character for character, into the
    Russian or Kazakh column its script says (``db.model.names.sort_local_names``); what
    fits neither stays in ``name_alt``. The search index gains a column of spelling keys
    (``db.model.names.key``) and is built again.
    """
    from db.model.names import sort_local_names

    for table in NAMED_TABLES:
        columns = {c[1] for c in db.execute(f"PRAGMA table_info({table})").fetchall()}
        db.execute(f"ALTER TABLE {table} ADD COLUMN name_ru TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN name_kk TEXT")
        if "name_alt" not in columns:
            db.execute(f"ALTER TABLE {table} ADD COLUMN name_alt TEXT")
        rows = db.execute(f"SELECT id, name_local, name_alt FROM {table} "
                          "WHERE name_local IS NOT NULL OR name_alt IS NOT NULL").fetchall()
        for record_id, local, alt in rows:
            ru, kk, rest = sort_local_names(local, alt)
            db.execute(f"UPDATE {table} SET name_ru = ?, name_kk = ?, name_alt = ? WHERE id = ?",
                       [ru, kk, rest, record_id])
        db.execute(f"ALTER TABLE {table} DROP COLUMN name_local")
    for table in TITLED_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN title_ru TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN title_kk TEXT")
    db.execute("DROP TABLE search_index")
    db.execute("CREATE VIRTUAL TABLE search_index USING fts5(title, body, keys, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("DELETE FROM search_changes")
    for table, kind in SEARCHED_TABLES.items():
        db.execute(f"INSERT INTO search_changes (kind, record_id) SELECT '{kind}', id FROM {table}")
    from db.file import search_index

    with contextlib.suppress(sqlite3.OperationalError):
        search_index.catch_up(db)


# The figures' sort by indicator walks an index of the name alone: the list breaks ties by id,
# and nothing else looks figures up by indicator and period without their pair (the pair's
# index, which the data-quality checks and the chart use, keeps both). A million-row import
# builds it once, over half the key it had.
FIGURE_INDEXES_SCHEMA = """
DROP INDEX indicators_indicator;
CREATE INDEX indicators_indicator ON indicators(indicator);
"""


def narrower_figure_indexes(db: Database) -> None:
    """Cheaper figures to write: a narrower index that still serves the sort and filter by indicator."""
    run_script(db, FIGURE_INDEXES_SCHEMA)


# Every kind of record, by table: the tables that get a stable identity and a change history.
RECORD_TABLES = ("sources", "parties", "people", "positions", "subjects", "agreements", "events",
                 "indicators", "statements")


def record_identities(db: Database) -> None:
    """A ``uuid`` kept across exports, imports and copies, and when the record last changed
    (``updated_at``, UTC; empty for records older than the history). No index: a million
    figures would pay for it on every import, and loading a bundle joins on its own list."""
    queued = db.execute("SELECT coalesce(max(rowid), 0) FROM search_changes").fetchone()[0]
    for table in RECORD_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN updated_at TEXT")
        db.execute(f"UPDATE {table} SET uuid = ? || printf('%012x', id)", [identity.uuid_prefix()])
    # The search triggers noted every row just given its UUID; what they index did not change.
    db.execute("DELETE FROM search_changes WHERE rowid > ?", [queued])


HISTORY_SCHEMA = """
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  author TEXT,
  session TEXT,
  action TEXT NOT NULL CHECK (action IN ('add','edit','delete','import','restore','capture')),
  kind TEXT,
  record_id INTEGER,
  record_uuid TEXT,
  first_id INTEGER,
  last_id INTEGER,
  before TEXT,
  after TEXT,
  note TEXT
);
CREATE INDEX history_record ON history(record_uuid);
CREATE INDEX history_batches ON history(kind, first_id) WHERE first_id IS NOT NULL;
"""


def change_history(db: Database) -> None:
    """A row per change to a record: when, who, what, the record before and after as JSON
    (``db.store.journal``); figures written at once (an imported table) are one row naming
    their ids (``first_id``–``last_id``). ``session`` tells one program's writes from another's."""
    run_script(db, HISTORY_SCHEMA)


BRIEFINGS_SCHEMA = """
CREATE TABLE briefings (
  id INTEGER PRIMARY KEY,
  made_at TEXT NOT NULL,
  author TEXT,
  how TEXT NOT NULL CHECK (how IN ('printed','pdf')),
  party_a INTEGER NOT NULL,
  party_b INTEGER NOT NULL,
  pair TEXT NOT NULL,
  as_of TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
  language TEXT NOT NULL,
  options TEXT NOT NULL,
  facts TEXT NOT NULL
);
CREATE INDEX briefings_pair ON briefings(party_a, party_b, made_at);
"""


def briefings(db: Database) -> None:
    """Each sheet printed or saved: pair, as-of day, language, options, when, who, and the
    facts shown (JSON), so a later sheet can say what changed (``db.sheet.briefings``).
    Parties are kept by id without a foreign key: a briefing never stops a delete."""
    run_script(db, BRIEFINGS_SCHEMA)
