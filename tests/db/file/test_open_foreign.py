"""Files from someone else: triggers, views and tables we did not create are never run on our data."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from db import store
from db.errors import DatabaseReadOnly, FactSheetError
from db.file.clean_copy import save_clean_copy
from db.file.connection import open_database
from db.file.known_schema import normalise
from db.model.records import Indicator, Link
from tests.db.odd_files import (
    WIPE_TRIGGER,
    add_foreign_objects,
    fingerprint,
    with_a_search_migration,
)


def _count(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _figure(db) -> Indicator:
    subject = db.execute("SELECT id FROM parties ORDER BY id LIMIT 1").fetchone()[0]
    source = db.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    return Indicator(subject_id=subject, indicator="exports", period_start=dt.date(2023, 1, 1),
                     period_end=dt.date(2023, 12, 31), value=12.5, unit="USD million",
                     sources=[Link(source)])


# Another program rebuilds our subjects table without its rules.
RULES_REMOVED = ("PRAGMA foreign_keys = OFF",
                 "CREATE TABLE subjects_new (id INTEGER PRIMARY KEY, name_en TEXT, name_ru TEXT, name_kk TEXT, name_alt TEXT)",
                 "INSERT INTO subjects_new SELECT id, name_en, name_ru, name_kk, name_alt FROM subjects",
                 "DROP TABLE subjects",
                 "ALTER TABLE subjects_new RENAME TO subjects")


def _reason_after(path, *statements: str) -> str:
    """Alter a file as another program would, open it, and return why it is read-only."""
    add_foreign_objects(path, *statements)
    db = open_database(path)
    try:
        assert db.read_only
        return db.read_only_reason
    finally:
        db.close()


def test_the_wiping_trigger_is_real_when_a_file_is_written_naively(seeded_path):
    """Without Fact Sheet's guard, trusted_schema=OFF alone lets the trigger wipe the statements."""
    add_foreign_objects(seeded_path, WIPE_TRIGGER)
    raw = sqlite3.connect(seeded_path)
    raw.execute("PRAGMA trusted_schema = OFF")
    raw.execute("INSERT INTO indicators (subject_id, indicator, period_start, period_end, value, unit) "
                "VALUES (1, 'exports', '2023-01-01', '2023-12-31', 1, 'USD million')")
    assert raw.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
    raw.rollback()
    raw.close()


def test_a_file_with_a_foreign_trigger_opens_read_only_and_the_trigger_never_fires(seeded_path):
    add_foreign_objects(seeded_path, WIPE_TRIGGER)
    statements = _count(seeded_path, "statements")
    assert statements > 0
    before = fingerprint(seeded_path)
    db = open_database(seeded_path)
    assert db.read_only
    assert "trigger “wipe_statements”" in db.read_only_reason
    assert "did not create" in db.read_only_reason
    with pytest.raises(DatabaseReadOnly):
        store.save(db, _figure(db))
    # Even a write that bypasses the store cannot reach the file.
    with pytest.raises(sqlite3.OperationalError):
        db.execute("INSERT INTO indicators (subject_id, indicator, period_start, period_end, value, unit) "
                    "VALUES (1, 'exports', '2023-01-01', '2023-12-31', 1, 'USD million')")
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == statements
    db.close()
    assert _count(seeded_path, "statements") == statements
    assert fingerprint(seeded_path) == before


def test_foreign_views_and_tables_are_named_and_left_alone(seeded_path):
    reason = _reason_after(seeded_path, "CREATE TABLE notes_of_mine (id INTEGER PRIMARY KEY, text TEXT)",
                           "CREATE VIEW big_figures AS SELECT * FROM indicators WHERE value > 100")
    assert "view “big_figures”" in reason and "table “notes_of_mine”" in reason
    assert {"notes_of_mine", "big_figures"} <= {
        r[0] for r in sqlite3.connect(seeded_path).execute("SELECT name FROM sqlite_master")}


def test_a_view_cannot_call_functions_from_a_strangers_schema(seeded_path):
    add_foreign_objects(seeded_path, "CREATE VIEW folded AS SELECT casefold(title) AS t FROM sources")
    db = open_database(seeded_path)
    with pytest.raises(sqlite3.OperationalError, match="unsafe use"):
        db.execute("SELECT * FROM folded").fetchall()
    db.close()


def test_extensions_cannot_be_loaded(seeded_db):
    with pytest.raises(sqlite3.OperationalError, match="not authorized"):
        seeded_db.execute("SELECT load_extension('libevil')").fetchall()


def test_a_table_of_ours_with_its_rules_removed_is_read_only(seeded_path):
    reason = _reason_after(seeded_path, *RULES_REMOVED,
                           "CREATE UNIQUE INDEX subjects_name_en ON subjects(name_en)")
    assert "was changed by another program" in reason and "table “subjects”" in reason


def test_a_trigger_smuggled_in_under_an_sqlite_name_is_caught(seeded_path):
    reason = _reason_after(seeded_path, "PRAGMA writable_schema = ON",
                           "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', "
                           "'sqlite_wipe', 'indicators', 0, 'CREATE TRIGGER sqlite_wipe AFTER INSERT ON indicators "
                           "BEGIN DELETE FROM statements; END')")
    assert "sqlite_wipe" in reason


def test_statistics_and_quoting_differences_are_not_foreign(seeded_path):
    add_foreign_objects(seeded_path, "ANALYZE")
    db = open_database(seeded_path)
    assert not db.read_only
    db.close()
    assert normalise('CREATE TABLE [a] ("b" TEXT,  c  INT)') == normalise("create table a (b text, c int)")
    assert normalise("CHECK (kind IN ('x'))") != normalise("CHECK (kind IN ('X'))")


def test_objects_our_own_migrations_create_are_known_as_ours(seeded_path, monkeypatch):
    with_a_search_migration(monkeypatch)
    db = open_database(seeded_path)  # migrates: FTS5 table, its shadow tables and a trigger
    assert not db.read_only
    db.close()
    reopened = open_database(seeded_path)
    assert not reopened.read_only
    reopened.close()
    add_foreign_objects(seeded_path, WIPE_TRIGGER)
    again = open_database(seeded_path)
    assert again.read_only and "wipe_statements" in again.read_only_reason
    assert "sources_fts" not in again.read_only_reason
    again.close()


def test_an_older_file_with_foreign_objects_is_not_upgraded(seeded_path, monkeypatch):
    add_foreign_objects(seeded_path, WIPE_TRIGGER)
    with_a_search_migration(monkeypatch)
    before = fingerprint(seeded_path)
    with pytest.raises(DatabaseReadOnly, match="needs upgrading"):
        open_database(seeded_path)
    assert fingerprint(seeded_path) == before
    assert not list(seeded_path.parent.glob("*.bak-*"))


def test_a_clean_copy_keeps_the_data_and_drops_what_we_did_not_create(seeded_path, tmp_path):
    add_foreign_objects(seeded_path, WIPE_TRIGGER,
                        "CREATE VIEW big_figures AS SELECT * FROM indicators WHERE value > 100")
    before = fingerprint(seeded_path)
    copy = save_clean_copy(seeded_path, tmp_path / "clean.factsheet")
    assert fingerprint(seeded_path) == before
    db = open_database(copy)
    assert not db.read_only
    statements = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    assert statements == _count(seeded_path, "statements")
    for table in ("sources", "parties", "indicators_sources", "agreement_parties", "positions"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == _count(seeded_path, table)
    store.save(db, _figure(db))
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == statements
    db.close()


def test_a_clean_copy_refuses_rows_that_break_our_rules(seeded_path, tmp_path):
    add_foreign_objects(seeded_path, *RULES_REMOVED, "INSERT INTO subjects (name_en) VALUES ('   ')")
    with pytest.raises(FactSheetError, match="break Fact Sheet's rules"):
        save_clean_copy(seeded_path, tmp_path / "clean.factsheet")
    assert not (tmp_path / "clean.factsheet").exists()
    assert not (tmp_path / "clean.factsheet.part").exists()
