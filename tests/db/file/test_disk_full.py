"""A full disk: the failed write says so in a sentence and nothing saved before is lost.

Two ways to fill the disk: a real size-limited filesystem (a small tmpfs, when the tests
may mount one) and SQLite's own ``PRAGMA max_page_count``, which makes the file "full"
at a set size and fails the write with the same SQLITE_FULL error a full disk gives.
"""

from __future__ import annotations

import sqlite3

import pytest

from db import store
from db.errors import FactSheetError
from db.exchange.bundle import load_bundle
from db.file.connection import open_database
from db.model.records import Source
from tests.small_fs import fill, small_filesystem

DISK_FULL = "The disk is full, so the change was not saved"


def _save_until_full(db, text_size: int = 20_000) -> list[int]:
    saved = []
    with pytest.raises(FactSheetError, match=DISK_FULL):
        for number in range(10_000):
            saved.append(store.save(db, Source(title=f"Bulletin {number}", text="x" * text_size)))
    return saved


def _titles(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM sources")}
    finally:
        conn.close()


def test_a_file_that_reaches_its_size_limit_says_disk_full_and_keeps_every_earlier_edit(seeded_db):
    pages = seeded_db.execute("PRAGMA page_count").fetchone()[0]
    seeded_db.execute(f"PRAGMA max_page_count = {pages + 40}")
    saved = _save_until_full(seeded_db)
    assert len(saved) >= 2
    assert not seeded_db.conn.in_transaction
    assert seeded_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in seeded_db.execute("SELECT id FROM sources")}
    assert set(saved) <= stored
    # A small edit that fits still works afterwards.
    store.save(seeded_db, Source(id=saved[0], title="Bulletin 0, corrected"))
    assert store.get(seeded_db, "source", saved[0]).title == "Bulletin 0, corrected"


def test_a_load_that_runs_out_of_space_leaves_nothing_behind(seeded_db):
    before = seeded_db.execute("SELECT count(*) FROM sources").fetchone()[0]
    pages = seeded_db.execute("PRAGMA page_count").fetchone()[0]
    seeded_db.execute(f"PRAGMA max_page_count = {pages + 40}")
    bundle = {"format": "factsheet-bundle", "version": 1, "records": {
        "sources": [{"ref": f"s{n}", "title": f"Bulletin {n}", "text": "y" * 20_000} for n in range(200)]}}
    with pytest.raises(FactSheetError, match=DISK_FULL):
        load_bundle(seeded_db, bundle)
    assert seeded_db.execute("SELECT count(*) FROM sources").fetchone()[0] == before


def test_a_real_full_disk_says_disk_full_loses_nothing_and_reopens_read_only(tmp_path):
    with small_filesystem(tmp_path / "disk", 4096) as disk:
        path = disk / "facts.factsheet"
        db = open_database(path)
        first = store.save(db, Source(title="Saved before the disk filled up"))
        filler = fill(disk, leave_bytes=64 * 1024)
        saved = _save_until_full(db, text_size=8_000)
        db.close()
        assert {"Saved before the disk filled up"} | {f"Bulletin {n}" for n in range(len(saved))} == _titles(path)

        full = open_database(path)
        assert full.read_only and "is full" in full.read_only_reason
        assert full.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        full.close()

        filler.unlink()
        again = open_database(path)
        assert not again.read_only
        assert store.get(again, "source", first).title == "Saved before the disk filled up"
        store.save(again, Source(title="Saved after space was freed"))
        again.close()
        assert "Saved after space was freed" in _titles(path)
