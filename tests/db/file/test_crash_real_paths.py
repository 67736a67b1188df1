"""Killed with SIGKILL on the paths people use: saving through the editor's undo history, and
in the middle of a large ``factsheet import``.

The worker (``tests.db.crash_worker``) prints each step after it is committed; the test
kills it and then checks the file as the next start of the app would: it passes SQLite's
integrity check, opens for writing, and every edit is whole or absent; the import is absent.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from db.file import sqlite
from db.file.connection import open_database
from tests.bench.bench_import import write_figures_csv
from tests.db.file.test_crash_safety import (
    _assert_edits_whole,
    _assert_sound,
    _counts,
    _edit_number,
    _kill,
    _read_until,
    _start,
)

pytestmark = [pytest.mark.slow]
IMPORT_ROWS = 120_000


def test_edits_saved_undone_and_redone_through_the_editor_are_whole_or_absent_after_a_kill(seeded_path):
    rng = random.Random(7)
    for round_ in range(3):
        first = round_ * 100_000
        worker = _start("undo", seeded_path, first)
        stop = first + rng.randint(4, 40)
        lines = _read_until(worker, lambda line, stop=stop: line.startswith("saved")
                            and _edit_number(line) >= stop)
        time.sleep(rng.random() * 0.05)  # the kill lands anywhere in a later save, undo or redo
        _kill(worker)
        conn = _assert_sound(seeded_path)
        numbers, _agreement = _assert_edits_whole(conn)
        conn.close()
        last = _edit_number(lines[-1])
        # Every step before the last one reported stands (undone steps were redone).
        assert set(range(first, last)) <= numbers
        assert "undone" in " ".join(lines)  # the history really undid and redid steps


@pytest.fixture(scope="module")
def large_csv(tmp_path_factory) -> Path:
    return write_figures_csv(tmp_path_factory.mktemp("import") / "figures.csv", IMPORT_ROWS)


@pytest.mark.parametrize("moment", ["pause", "commit"])
def test_a_large_import_killed_before_or_while_committing_leaves_nothing(seeded_path, large_csv, moment):
    """``pause``: every row is written and the transaction's pages have spilled into the
    write-ahead log, but its COMMIT has not run. ``commit``: killed as the COMMIT starts,
    while SQLite writes tens of megabytes of log."""
    before = _counts(seeded_path)
    wal = sqlite.sidecar(seeded_path, "-wal")
    worker = _start("csv", seeded_path, large_csv, moment)
    _read_until(worker, lambda line: line == "committing", timeout=180)
    if moment == "pause":
        assert wal.stat().st_size > 1 << 20  # uncommitted pages are on disk, not only in memory
    _kill(worker)
    _assert_sound(seeded_path).close()
    after = _counts(seeded_path)
    if moment == "commit" and after["indicators"] == before["indicators"] + IMPORT_ROWS:
        pytest.skip("the COMMIT finished before the kill landed; the import is whole")
    assert after == before  # nothing of the import: no figures, links, parties or sources
    db = open_database(seeded_path)  # and the file opens normally, for writing
    assert not db.read_only and db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()
