"""Opening database files: new, existing, migrated, foreign, damaged and too new."""

import sqlite3

import pytest
from sqlite_utils.migrations import Migrations

from db.errors import DatabaseDamaged, NotAFactSheetDatabase
from db.file import migrations
from db.file.connection import open_database
from db.file.migrations import APPLICATION_ID, SCHEMA_VERSION


def test_new_file_gets_the_schema_and_safe_pragmas(db_path):
    db = open_database(db_path)
    assert db_path.exists()
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert {"sources", "parties", "people", "positions", "agreements", "events", "indicators",
            "statements", "indicators_sources", "_sqlite_migrations"} <= set(db.table_names())
    assert not db.read_only


def test_reopening_a_current_file_changes_nothing_and_makes_no_backup(seeded_path):
    before = seeded_path.read_bytes()
    db = open_database(seeded_path)
    db.close()
    assert not list(seeded_path.parent.glob("*.bak-*"))
    assert sqlite3.connect(seeded_path).execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
    assert len(before) > 0


def test_a_file_with_data_is_copied_aside_before_a_migration(seeded_path, monkeypatch):
    newer = Migrations("factsheet")
    for step in migrations.MIGRATIONS._migrations:
        newer(name=step.name)(step.fn)

    @newer(name="0002_test_column")
    def add_column(db):
        db.execute("ALTER TABLE sources ADD COLUMN language TEXT")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = open_database(seeded_path)
    assert "language" in db["sources"].columns_dict
    backup = seeded_path.with_name(f"{seeded_path.name}.bak-{SCHEMA_VERSION}")
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert "language" not in [row[1] for row in old.execute("PRAGMA table_info(sources)")]
    assert old.execute("SELECT count(*) FROM indicators").fetchone()[0] == 5


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.factsheet"
    path.write_bytes(b"These are my notes, not a database.\n" * 10)
    before = path.read_bytes()
    with pytest.raises(NotAFactSheetDatabase, match="is not a Fact Sheet database"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(NotAFactSheetDatabase, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_truncated_file_is_reported_as_damaged(seeded_path, tmp_path):
    cut = tmp_path / "cut.factsheet"
    cut.write_bytes(seeded_path.read_bytes()[:60])
    with pytest.raises(DatabaseDamaged, match="damaged"):
        open_database(cut)


def test_a_file_from_a_newer_version_opens_read_only_and_unchanged(seeded_path):
    raw = sqlite3.connect(seeded_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = seeded_path.read_bytes()
    db = open_database(seeded_path)
    assert db.read_only
    assert "newer version" in db.read_only_reason
    assert db.execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
    db.close()
    assert seeded_path.read_bytes() == before


def test_a_missing_file_is_created_only_when_asked(tmp_path):
    with pytest.raises(NotAFactSheetDatabase, match="There is no file"):
        open_database(tmp_path / "absent.factsheet", create=False)
    assert not (tmp_path / "absent.factsheet").exists()
