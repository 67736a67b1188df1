"""The first release's schema: every table, constraint and index, and full-text search.

Migration steps ``0001_initial`` and ``0002_search`` (``db.file.migrations`` applies them in
order). The SQL lives here because the schema is also built in memory to describe our own
objects (``db.file.known_schema``, which tells them from anyone else's), so running it must
stay quick.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def run_script(db: Database, script: str) -> None:
    """Run every statement of ``script`` inside the migration's transaction.

    Like sqlite-utils' ``executescript`` in a transaction, but in linear time: that one
    re-joins the text for every character to find where statements end, which made
    building the schema in memory (``db.file.known_schema``) take tens of milliseconds.
    """
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # False inside a string, comment or trigger body
            if pending.strip(" \t\r\n;"):
                db.execute(pending)
            pending = ""
    if pending.strip(" \t\r\n;"):
        db.execute(pending)


def _iso_date(column: str) -> str:
    """CHECK that a column is empty or a real ISO date (only a modifier makes date() normalise 2025-02-30)."""
    return f"CHECK ({column} IS NULL OR date({column}, '+0 days') IS {column})"


def _fuzzy(column: str, *, required: bool = False) -> str:
    """A date known to a precision: the first day of its span and the precision."""
    null = " NOT NULL" if required else ""
    return (
        f"{column} TEXT{null} {_iso_date(column)},\n"
        f"  {column}_precision TEXT CHECK ({column}_precision IN ('day','month','quarter','year'))"
        f" CHECK (({column} IS NULL) = ({column}_precision IS NULL))"
    )


def _nonblank(column: str) -> str:
    return f"{column} TEXT NOT NULL CHECK (length(trim({column})) > 0)"


# Every kind of fact points at the sources it rests on, with the passage quoted.
SOURCED_TABLES = ("parties", "people", "positions", "agreements", "events", "indicators", "statements")


def _source_link_table(table: str) -> str:
    own = f"{table[:-1] if table != 'people' else 'person'}_id"
    if table == "parties":
        own = "party_id"
    return f"""
CREATE TABLE {table}_sources (
  {own} INTEGER NOT NULL REFERENCES {table}(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
  passage TEXT,
  PRIMARY KEY ({own}, source_id)
);
CREATE INDEX {table}_sources_source ON {table}_sources(source_id);
"""


INITIAL_SCHEMA = f"""
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  {_nonblank('title')},
  publisher TEXT,
  url TEXT,
  published TEXT {_iso_date('published')},
  accessed TEXT {_iso_date('accessed')},
  notes TEXT,
  text TEXT
);
CREATE INDEX sources_title ON sources(title);
CREATE INDEX sources_published ON sources(published);

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('country','region','city','body','organisation')),
  {_nonblank('name_en')},
  name_local TEXT,
  name_alt TEXT,
  parent_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  notes TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX parties_parent ON parties(parent_id);
CREATE INDEX parties_name_en ON parties(name_en);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  {_nonblank('name_en')},
  name_local TEXT,
  notes TEXT
);
CREATE INDEX people_name_en ON people(name_en);

CREATE TABLE positions (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  {_nonblank('title')},
  body_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  {_fuzzy('start_date')},
  {_fuzzy('end_date')},
  verified_on TEXT {_iso_date('verified_on')},
  notes TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX positions_person ON positions(person_id);
CREATE INDEX positions_body ON positions(body_id);

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  {_nonblank('name_en')},
  name_local TEXT
);
CREATE UNIQUE INDEX subjects_name_en ON subjects(name_en);

CREATE TABLE agreements (
  id INTEGER PRIMARY KEY,
  {_nonblank('title')},
  kind TEXT NOT NULL CHECK (kind IN ('agreement','protocol','plan','memorandum','roadmap','treaty','programme','other')),
  {_fuzzy('signed_date')},
  {_fuzzy('valid_from')},
  {_fuzzy('valid_until')},
  status TEXT NOT NULL CHECK (status IN ('draft','signed','in_force','expired','terminated')),
  summary TEXT,
  notes TEXT,
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX agreements_signed ON agreements(signed_date);
CREATE INDEX agreements_title ON agreements(title);

CREATE TABLE agreement_parties (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE RESTRICT,
  role TEXT,
  PRIMARY KEY (agreement_id, party_id)
);
CREATE INDEX agreement_parties_party ON agreement_parties(party_id);

CREATE TABLE agreement_signatories (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  role TEXT,
  PRIMARY KEY (agreement_id, person_id)
);
CREATE INDEX agreement_signatories_person ON agreement_signatories(person_id);

CREATE TABLE agreement_subjects (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
  PRIMARY KEY (agreement_id, subject_id)
);
CREATE INDEX agreement_subjects_subject ON agreement_subjects(subject_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('visit','meeting','forum','conference','exhibition','other')),
  {_nonblank('title')},
  place TEXT,
  {_fuzzy('start_date')},
  {_fuzzy('end_date')},
  status TEXT NOT NULL CHECK (status IN ('planned','held','postponed','cancelled')),
  summary TEXT,
  notes TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX events_start ON events(start_date);

CREATE TABLE event_parties (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE RESTRICT,
  role TEXT,
  PRIMARY KEY (event_id, party_id)
);
CREATE INDEX event_parties_party ON event_parties(party_id);

CREATE TABLE event_people (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  role TEXT,
  PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_people_person ON event_people(person_id);

CREATE TABLE event_subjects (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE RESTRICT,
  PRIMARY KEY (event_id, subject_id)
);
CREATE INDEX event_subjects_subject ON event_subjects(subject_id);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE RESTRICT,
  counterpart_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  reporter_id INTEGER REFERENCES parties(id) ON DELETE RESTRICT,
  {_nonblank('indicator')},
  period_start TEXT NOT NULL {_iso_date('period_start')},
  period_end TEXT NOT NULL {_iso_date('period_end')},
  value REAL NOT NULL CHECK (typeof(value) IN ('real','integer')),
  {_nonblank('unit')},
  notes TEXT,
  CHECK (period_end >= period_start)
);
CREATE INDEX indicators_pair ON indicators(subject_id, counterpart_id, indicator, period_start);
CREATE INDEX indicators_counterpart ON indicators(counterpart_id);
CREATE INDEX indicators_indicator ON indicators(indicator, period_start);
CREATE INDEX indicators_period ON indicators(period_start, period_end);
CREATE INDEX indicators_value ON indicators(value);

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
  {_nonblank('text')},
  {_fuzzy('said_date')},
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  language TEXT,
  notes TEXT
);
CREATE INDEX statements_person ON statements(person_id);
CREATE INDEX statements_event ON statements(event_id);
""" + "".join(_source_link_table(t) for t in SOURCED_TABLES)


def initial(db: Database) -> None:
    run_script(db, INITIAL_SCHEMA)


# Tables whose records the Find box searches, and the kind recorded for each.
SEARCHED_TABLES = {
    "sources": "source", "parties": "party", "people": "person", "positions": "position",
    "subjects": "subject", "agreements": "agreement", "events": "event", "statements": "statement",
}


def _search_triggers(table: str, kind: str) -> str:
    """Triggers noting every change to a searched record in ``search_changes``.

    They write to a plain table, not to the FTS5 index itself: with ``trusted_schema=OFF``
    SQLite refuses virtual tables inside triggers (FTS5 is not marked innocuous), and the
    index catches up from this queue before every search (``db.file.search_index.catch_up``).
    """
    return f"""
CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table}
BEGIN INSERT INTO search_changes (kind, record_id) VALUES ('{kind}', new.id); END;
CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table}
BEGIN INSERT INTO search_changes (kind, record_id) VALUES ('{kind}', old.id), ('{kind}', new.id); END;
CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table}
BEGIN INSERT INTO search_changes (kind, record_id) VALUES ('{kind}', old.id); END;
INSERT INTO search_changes (kind, record_id) SELECT '{kind}', id FROM {table};
"""


SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_changes (kind TEXT NOT NULL, record_id INTEGER NOT NULL);
""" + "".join(_search_triggers(t, k) for t, k in SEARCHED_TABLES.items()) + """
-- Lists of a million figures: sorting by unit and finding the distinct units use this index.
CREATE INDEX indicators_unit ON indicators(unit);
"""


def search(db: Database) -> None:
    """Full-text search over every kind of record, and an index for large figure lists.

    Records already in the file are queued and indexed straight away, so a file made by an
    earlier version finds its records on the first search.
    """
    run_script(db, SEARCH_SCHEMA)
    from db.file import search_index  # the index's contents are defined beside its upkeep

    # Should a later schema differ from what the indexing SQL expects, the queue is kept
    # and the index catches up on the first search after the last migration.
    with contextlib.suppress(sqlite3.OperationalError):
        search_index.catch_up(db)
