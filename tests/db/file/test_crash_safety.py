"""Killed mid-write and written by two processes at once: real processes, real SIGKILL.

A worker process (``tests.db.crash_worker``) writes through ``db.store`` or in one big
transaction and prints each step after it is committed; the test kills it with SIGKILL
at a random moment and then checks the file as the next start of the app would.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from db.file import integrity
from db.file.connection import open_database

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


def _start(*args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.db.crash_worker", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _read_until(process: subprocess.Popen, wanted, timeout: float = 120) -> list[str]:
    """Lines the worker printed, up to the first one ``wanted`` accepts."""
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    lines = []
    try:
        for line in process.stdout:
            lines.append(line.strip())
            assert not line.startswith("ERROR"), line
            if wanted(line.strip()):
                return lines
    finally:
        watchdog.cancel()
    raise AssertionError(f"the worker stopped: {lines[-3:]} {process.stderr.read()[-2000:]}")


def _kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def _assert_sound(path: Path) -> sqlite3.Connection:
    """The file passes the thorough integrity and foreign-key checks and opens for writing."""
    assert integrity.check_file(path) == []
    db = open_database(path)
    assert not db.read_only
    db.close()
    return sqlite3.connect(path)


def _edit_number(text: str) -> int:
    return int(text.rsplit(" ", 1)[1])


def _assert_edits_whole(conn: sqlite3.Connection) -> tuple[set[int], int | None]:
    """Every edit the workers make left whole: each statement with its one source link, the
    first agreement's title, roles and passage all from one and the same edit. Returns the
    statements' edit numbers and the agreement's (None while it has none)."""
    statements = conn.execute(
        "SELECT s.text, group_concat(ss.passage, '|'), count(ss.source_id) FROM statements s "
        "LEFT JOIN statements_sources ss ON ss.statement_id = s.id "
        "WHERE s.text LIKE 'edit %' GROUP BY s.id").fetchall()
    for text, passages, links in statements:
        assert (passages, links) == (text, 1), "a statement without its source link"
    title, = conn.execute("SELECT title FROM agreements ORDER BY id LIMIT 1").fetchone()
    if not title.startswith("Agreement edit "):
        return {_edit_number(text) for text, _p, _n in statements}, None
    number = _edit_number(title)
    first = "(SELECT min(id) FROM agreements)"
    roles = [r[0] for r in conn.execute(f"SELECT role FROM agreement_parties WHERE agreement_id = {first}")]
    passages = [r[0] for r in conn.execute(f"SELECT passage FROM agreements_sources WHERE agreement_id = {first}")]
    assert roles == [f"edit {number}"] * (number % 3 + 1), "an agreement edited only in part"
    assert passages == [f"edit {number}"]
    return {_edit_number(text) for text, _p, _n in statements}, number


def test_edits_killed_mid_save_are_each_whole_or_absent(seeded_path):
    rng = random.Random(20250702)
    for round_ in range(4):
        first = round_ * 100_000
        worker = _start("edits", seeded_path, first)
        stop_after = first + rng.randint(5, 60)
        lines = _read_until(worker, lambda line, stop=stop_after: int(line) >= stop)
        time.sleep(rng.random() * 0.03)  # land the kill anywhere in the following edits
        _kill(worker)
        committed = int(lines[-1])

        conn = _assert_sound(seeded_path)
        numbers, number = _assert_edits_whole(conn)
        assert set(range(first, committed + 1)) <= numbers  # every committed edit survived
        assert number is not None and number >= committed
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sources", "parties", "indicators", "indicators_sources")}
    finally:
        conn.close()


def test_a_large_load_killed_halfway_leaves_nothing_behind(seeded_path):
    before = _counts(seeded_path)
    worker = _start("load", seeded_path, 20_000)
    _read_until(worker, lambda line: line == "progress 3000")
    _kill(worker)
    _assert_sound(seeded_path).close()
    assert _counts(seeded_path) == before


def test_a_bulk_insert_killed_inside_its_transaction_leaves_nothing_behind(seeded_path):
    before = _counts(seeded_path)
    worker = _start("bulk", seeded_path, 1_000_000)
    _read_until(worker, lambda line: line == "inserting")
    time.sleep(0.3)
    _kill(worker)
    _assert_sound(seeded_path).close()
    assert _counts(seeded_path) == before


def test_two_processes_editing_one_file_both_succeed(seeded_path):
    before = _counts(seeded_path)["sources"]
    workers = [_start("writer", seeded_path, name, 150) for name in ("first", "second")]
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, out + err
        assert "locked" not in out + err and out.strip().endswith("done")
    conn = _assert_sound(seeded_path)
    titles = {r[0] for r in conn.execute("SELECT title FROM sources")}
    conn.close()
    assert {f"{name} {n}" for name in ("first", "second") for n in range(150)} <= titles
    assert _counts(seeded_path)["sources"] == before + 300 + 2 * 15


def test_a_transaction_that_reads_first_waits_its_turn_instead_of_failing(seeded_path):
    """Another window commits between this transaction's first read and its first write:
    a deferred transaction would fail at once with "database is locked"."""
    from db import store
    from db.model.records import Source

    here = open_database(seeded_path)
    other_done = threading.Event()

    def other_window():
        there = open_database(seeded_path)
        store.save(there, Source(title="Saved in the other window"))
        there.close()
        other_done.set()

    with here.atomic():
        here.execute("SELECT count(*) FROM sources").fetchone()
        thread = threading.Thread(target=other_window)
        thread.start()
        other_done.wait(0.5)  # with BEGIN IMMEDIATE the other window waits for us instead
        store.save(here, Source(title="Saved in this window"))
    thread.join(10)
    assert other_done.is_set()
    titles = {r[0] for r in here.execute("SELECT title FROM sources")}
    here.close()
    assert {"Saved in this window", "Saved in the other window"} <= titles
