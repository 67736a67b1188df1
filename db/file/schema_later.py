"""How the schema grew after the first release: names and titles in three languages, a
narrower figure index, stable record identities, the change history and briefings, and
figures that are cheaper to write by the million (their first source in their own row, an
imported batch's identity kept once).

Migration steps ``0003`` to ``0009`` (``db.file.migrations`` applies them in order after
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


# 0008: the figures' table built again, for imports of a million rows. Each figure's first
# source (and its passage) moves into the figure's own row; ``indicators_sources`` keeps only
# further ones, in the order they were linked (``db.model.links`` reads both). The rules are
# the same, in forms SQLite checks faster for every row written: a name holds a character
# other than a space (``GLOB '*[^ ]*'`` rather than trimming a copy of it), a value stored in
# a REAL column is a number exactly when its type is 'real', and a NOT NULL date needs no
# test for NULL.
FIGURE_ROWS_SCHEMA = """
CREATE TABLE indicators_rebuilt (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE RESTRICT,
  counterpart_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  reporter_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  indicator TEXT NOT NULL CHECK (indicator GLOB '*[^ ]*'),
  period_start TEXT NOT NULL CHECK (date(period_start, '+0 days') IS period_start),
  period_end TEXT NOT NULL CHECK (date(period_end, '+0 days') IS period_end),
  value REAL NOT NULL CHECK (typeof(value) = 'real'),
  unit TEXT NOT NULL CHECK (unit GLOB '*[^ ]*'),
  notes TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
  source_passage TEXT,
  uuid TEXT,
  updated_at TEXT,
  CHECK (period_end >= period_start)
);
CREATE TEMP TABLE first_links AS
  SELECT min(rowid) AS link FROM indicators_sources GROUP BY indicator_id;
INSERT INTO indicators_rebuilt (id, subject_id, counterpart_id, reporter_id, indicator, period_start, period_end,
                                value, unit, notes, source_id, source_passage, uuid, updated_at)
  SELECT i.id, i.subject_id, i.counterpart_id, i.reporter_id, i.indicator, i.period_start, i.period_end,
         i.value, i.unit, i.notes, l.source_id, l.passage, i.uuid, i.updated_at
  FROM indicators i
  LEFT JOIN indicators_sources l ON l.rowid IN (SELECT link FROM temp.first_links) AND l.indicator_id = i.id
  ORDER BY i.id;
CREATE TEMP TABLE further_links AS
  SELECT rowid AS place, indicator_id, source_id, passage FROM indicators_sources
  WHERE rowid NOT IN (SELECT link FROM temp.first_links);
DELETE FROM indicators_sources;
DROP TABLE indicators;
ALTER TABLE indicators_rebuilt RENAME TO indicators;
INSERT INTO indicators_sources (rowid, indicator_id, source_id, passage)
  SELECT place, indicator_id, source_id, passage FROM temp.further_links ORDER BY place;
DROP TABLE temp.first_links;
DROP TABLE temp.further_links;
CREATE INDEX indicators_pair ON indicators(subject_id, counterpart_id, indicator, period_start);
CREATE INDEX indicators_counterpart ON indicators(counterpart_id);
CREATE INDEX indicators_indicator ON indicators(indicator);
CREATE INDEX indicators_period ON indicators(period_start, period_end);
CREATE INDEX indicators_value ON indicators(value);
CREATE INDEX indicators_unit ON indicators(unit);
CREATE INDEX indicators_source ON indicators(source_id);
CREATE TRIGGER indicators_sources_once BEFORE INSERT ON indicators_sources
WHEN new.source_id IS (SELECT source_id FROM indicators WHERE id = new.indicator_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: indicators_sources.indicator_id, indicators_sources.source_id'); END;
CREATE TRIGGER indicators_sources_once_changed BEFORE UPDATE OF indicator_id, source_id ON indicators_sources
WHEN new.source_id IS (SELECT source_id FROM indicators WHERE id = new.indicator_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: indicators_sources.indicator_id, indicators_sources.source_id'); END;
CREATE TRIGGER indicators_source_once BEFORE UPDATE OF source_id ON indicators
WHEN EXISTS (SELECT 1 FROM indicators_sources WHERE indicator_id = new.id AND source_id = new.source_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: indicators_sources.indicator_id, indicators_sources.source_id'); END;
"""


def first_source_in_figure_row(db: Database) -> None:
    """A figure's first source and its passage in the figure's own row; the same rules in
    cheaper forms (see ``FIGURE_ROWS_SCHEMA``). Every figure keeps its id, values, identity
    and sources in the same order; the link table keeps only further sources, and the
    triggers keep a source from being linked twice to one figure across the two places, as
    the link table's primary key did within it. The figures are copied once, in id order,
    and each index is built once after the copy.

    Measured on a million-row CSV import, alternately with the code before (7 Dec 2026, 2
    cores under load): against a bare table (``csv`` + ``executemany``) the import cost
    4.73× before and 4.51–4.54× with this step alone; with ``0009`` as well, 3.27–3.84×
    (median 3.56×, 13.0 s down to 10.0 s)."""
    run_script(db, FIGURE_ROWS_SCHEMA)


# 0009: the identity of the figures an import writes, kept once for the whole batch.
FIGURE_BATCHES_SCHEMA = """
CREATE TABLE figure_batches (
  first_id INTEGER PRIMARY KEY,
  last_id INTEGER NOT NULL,
  uuid_prefix TEXT NOT NULL CHECK (length(uuid_prefix) = 24),
  updated_at TEXT NOT NULL,
  CHECK (last_id >= first_id)
);
"""


def figure_batches(db: Database) -> None:
    """The figures an import writes (``first_id``–``last_id``) leave ``uuid`` and ``updated_at``
    empty in their rows: a figure's UUID is its batch's ``uuid_prefix`` and its number in the
    batch, its stamp the batch's until it is edited (``db.store.identities``). Ranges never
    overlap: a batch starts after every figure the table holds, and a later one takes over
    ids an earlier one left behind (``db.store.identities.record_batch``).

    Measured on a million-row CSV import (7 Dec 2026, 2 cores under load), after ``0008``:
    against the same figures inserted unchecked into the same tables, 1.55–1.61× with a UUID
    and stamp in every row, 1.21–1.29× with them kept per batch; against a bare table,
    4.51–4.54× and 3.27–3.84×. A million imported figures take 219 MB instead of 312 MB."""
    run_script(db, FIGURE_BATCHES_SCHEMA)
