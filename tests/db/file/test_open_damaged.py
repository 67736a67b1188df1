"""Damaged files: cut short or garbled in place, refused with one sentence, a copy kept, never changed."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import DatabaseDamaged, DatabaseReadOnly
from db.file import integrity, sqlite
from db.file.connection import open_database
from tests.db.odd_files import (
    cut,
    fingerprint,
    garble_cell_pointers,
    garble_record_contents,
    make_file_with_rows,
)


@pytest.fixture
def rows_path(tmp_path: Path) -> Path:
    return make_file_with_rows(tmp_path / "figures.factsheet")


def _kept_copy(error: DatabaseDamaged) -> Path:
    match = re.search(r"a copy was kept at (.+?) \(", str(error))
    assert match, str(error)
    return Path(match.group(1))


def _refused(path: Path, **options) -> DatabaseDamaged:
    before = fingerprint(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path, **options)
    assert fingerprint(path) == before  # the file's bytes are exactly as they were
    copy = _kept_copy(caught.value)
    assert fingerprint(copy) == before  # the copy is the untouched original
    assert str(caught.value).startswith(f"“{path.name}” is damaged; a copy was kept at ")
    return caught.value


def test_a_file_cut_inside_its_header_is_damaged_and_kept(rows_path):
    cut(rows_path, 60)
    error = _refused(rows_path)
    assert "cut short" in str(error)


def test_a_file_cut_in_the_middle_of_a_page_is_damaged(rows_path):
    cut(rows_path, rows_path.stat().st_size // 2 + 123)
    assert "middle of a page" in str(_refused(rows_path))


def test_a_file_cut_on_a_page_boundary_is_damaged(rows_path):
    cut(rows_path, 4096 * 20)
    assert "shorter than its header says" in str(_refused(rows_path))


def test_a_file_cut_short_is_refused_even_without_the_full_check(rows_path):
    cut(rows_path, 4096 * 20)
    _refused(rows_path, full_check=False)


def test_garbled_records_that_only_a_full_check_finds_are_refused(rows_path):
    garble_record_contents(rows_path)
    # The header, the schema and a row count all still read fine…
    conn = sqlite3.connect(f"file:{rows_path}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] > 3000
    conn.close()
    skipped = open_database(rows_path, full_check=False)
    assert skipped.damage_check_pending
    skipped.close()
    # …but the full check on open finds the damage.
    error = _refused(rows_path)
    assert "integrity check" in str(error)


def test_garbled_cell_pointers_are_refused(rows_path):
    garble_cell_pointers(rows_path)
    _refused(rows_path)


def test_a_garbled_first_page_is_refused(rows_path):
    data = bytearray(rows_path.read_bytes())
    data[100:400] = b"\x5a" * 300  # sqlite_master's page, right after the file header
    rows_path.write_bytes(bytes(data))
    _refused(rows_path, full_check=False)


def test_opening_the_same_damaged_file_again_reuses_its_copy(rows_path):
    garble_record_contents(rows_path)
    first = _kept_copy(_refused(rows_path))
    second = _kept_copy(_refused(rows_path))
    assert first == second
    assert len(list(rows_path.parent.glob("figures.factsheet.damaged-*"))) == 1


def test_check_file_reports_damage_the_quick_open_skipped(rows_path):
    assert integrity.check_file(rows_path) == []
    garble_record_contents(rows_path)
    before = fingerprint(rows_path)
    assert integrity.check_file(rows_path, thorough=False)
    assert integrity.check_file(rows_path)
    assert fingerprint(rows_path) == before


def test_check_file_lists_rows_that_point_at_missing_records(seeded_path):
    raw = sqlite3.connect(seeded_path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("DELETE FROM sources")
    raw.commit()
    raw.close()
    problems = integrity.check_file(seeded_path)
    assert any("points at a missing row of sources" in p for p in problems)


def test_a_large_cleanly_closed_file_skips_the_full_check_and_a_crashed_one_does_not(rows_path, monkeypatch):
    monkeypatch.setattr(integrity, "FULL_CHECK_LIMIT", 1024)
    assert integrity.full_check_due(rows_path) is False
    sqlite.sidecar(rows_path, "-wal").write_bytes(b"\0" * 32)  # a log left behind by a crash
    assert integrity.full_check_due(rows_path) is True


def _stop_in_the_middle_of_a_write(path: Path) -> None:
    """Another SQLite tool (rollback-journal mode) killed halfway through a big change."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    script = ("import sqlite3, sys, time\n"
              "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA cache_size = 5'); c.execute('BEGIN')\n"
              "c.execute(\"UPDATE indicators SET unit = unit || ' (changing)'\")\n"
              "print('half-written', flush=True); time.sleep(60)\n")
    worker = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
    assert worker.stdout.readline().strip() == "half-written"
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    assert sqlite.has_rollback_journal(path)


@pytest.mark.slow
def test_a_write_another_tool_left_unfinished_is_undone_not_called_damage(rows_path):
    _stop_in_the_middle_of_a_write(rows_path)
    db = open_database(rows_path)
    assert not db.read_only
    assert db.execute("SELECT count(*) FROM indicators WHERE unit LIKE '%(changing)'").fetchone()[0] == 0
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
    assert not list(rows_path.parent.glob("*.damaged-*"))


@pytest.mark.slow
def test_an_unfinished_write_in_a_file_that_cannot_be_changed_says_what_to_do(rows_path):
    _stop_in_the_middle_of_a_write(rows_path)
    os.chmod(rows_path, 0o444)
    try:
        with pytest.raises(DatabaseReadOnly, match="left half-changed by a program that stopped"):
            open_database(rows_path)
    finally:
        os.chmod(rows_path, 0o644)
