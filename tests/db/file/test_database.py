"""The open database: SQL run the way sqlite-utils runs it, and sqlite-utils itself loaded only when needed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.file.connection import open_database

ROOT = Path(__file__).resolve().parents[3]


def _modules_after(script: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``script``."""
    code = textwrap.dedent(script) + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(done.stdout.split())


@pytest.mark.slow
def test_opening_and_reading_a_current_file_needs_no_sqlite_utils(seeded_path):
    modules = _modules_after(f"""
        from db.file.connection import open_database
        from db.read import queries
        db = open_database({str(seeded_path)!r})
        assert queries.suggest_pair(db)
        assert queries.counts(db)["indicator"] == 5
        db.close()
    """)
    assert "db.read.queries" in modules
    assert "sqlite_utils" not in modules


@pytest.mark.slow
def test_creating_a_file_loads_the_migrations_and_sqlite_utils(tmp_path):
    modules = _modules_after(f"""
        from db.file.connection import open_database
        open_database({str(tmp_path / "new.factsheet")!r}).close()
    """)
    assert "sqlite_utils" in modules
    assert "numpy" not in modules  # hidden from sqlite-utils: the chart loads it when first drawn


def test_a_write_outside_a_transaction_is_committed_at_once(seeded_path):
    db = open_database(seeded_path)
    db.execute("INSERT INTO subjects (name_en) VALUES ('Tourism')")
    assert not db.conn.in_transaction
    other = sqlite3.connect(seeded_path)
    assert other.execute("SELECT count(*) FROM subjects WHERE name_en = 'Tourism'").fetchone()[0] == 1
    other.close()
    db.close()


def test_a_failed_statement_leaves_no_transaction_open(empty_db):
    with pytest.raises(sqlite3.IntegrityError):
        empty_db.execute("INSERT INTO subjects (name_en) VALUES (NULL)")
    assert not empty_db.conn.in_transaction


def test_query_gives_rows_as_dictionaries_and_refuses_statements_without_rows(empty_db):
    empty_db.execute("INSERT INTO subjects (name_en, name_ru) VALUES ('Energy', 'Энергетика')")
    assert list(empty_db.query("SELECT name_en, name_ru AS name_en FROM subjects")) == [
        {"name_en": "Energy", "name_en_2": "Энергетика"}]
    with pytest.raises(ValueError, match="returns rows"):
        empty_db.query("UPDATE subjects SET name_en = 'Power'")
    assert empty_db.execute("SELECT name_en FROM subjects").fetchone()[0] == "Energy"  # undone


def test_an_inner_atomic_block_that_fails_undoes_only_its_own_writes(empty_db):
    with empty_db.atomic():
        empty_db.execute("INSERT INTO subjects (name_en) VALUES ('Water')")
        with pytest.raises(RuntimeError), empty_db.atomic():
            empty_db.execute("INSERT INTO subjects (name_en) VALUES ('Transport')")
            raise RuntimeError("stop")
    assert [r[0] for r in empty_db.execute("SELECT name_en FROM subjects")] == ["Water"]


def test_atomic_takes_the_write_lock_at_once(seeded_path):
    db = open_database(seeded_path)
    other = sqlite3.connect(seeded_path, timeout=0)
    with db.atomic(), pytest.raises(sqlite3.OperationalError, match="locked"):
        other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again once the block is over
    other.rollback()
    other.close()
    db.close()


def test_the_table_api_is_sqlite_utils_on_the_same_connection_and_transactions(empty_db):
    with pytest.raises(RuntimeError), empty_db.atomic():
        empty_db["subjects"].insert({"name_en": "Culture"})
        assert empty_db.execute("SELECT count(*) FROM subjects").fetchone()[0] == 1
        raise RuntimeError("stop")
    assert empty_db["subjects"].count == 0
    assert "subjects" in empty_db.table_names() and "subjects" in empty_db.table_api.table_names()
    assert empty_db.table("subjects").columns_dict["name_en"] is str
