"""The single-file promise while the database is open: after each save the file alone holds
every change, so a copy of it taken then (to a USB stick) is complete."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from db import store
from db.file.connection import open_database
from db.model.records import Source

ROOT = Path(__file__).resolve().parents[3]

# A second program that keeps the database open after saving, as the window does.
_EDITOR = """
import sys
from db import store
from db.file.connection import open_database
from db.model.records import Source

db = open_database(sys.argv[1])
store.save(db, Source(title="Saved while the window stays open"))
print("saved", flush=True)
sys.stdin.readline()
db.close()
"""


def _titles_in_the_file_alone(path: Path, tmp_path: Path) -> set[str]:
    """The titles a copy of just the database file holds (no -wal beside it), as on a stick."""
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    copy = stick / path.name
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM sources")}
    finally:
        conn.close()


def test_a_copy_of_the_file_taken_while_another_program_keeps_it_open_holds_the_saved_change(
        seeded_path, tmp_path):
    editor = subprocess.Popen([sys.executable, "-c", _EDITOR, str(seeded_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout.readline().strip() == "saved"
        assert seeded_path.with_name(seeded_path.name + "-wal").exists()  # still open, in WAL mode
        assert "Saved while the window stays open" in _titles_in_the_file_alone(seeded_path, tmp_path)
    finally:
        editor.communicate("\n", timeout=30)


def test_a_change_an_old_reader_kept_in_the_log_reaches_the_file_when_it_is_done(seeded_path, tmp_path):
    db = open_database(seeded_path)
    reader = sqlite3.connect(seeded_path)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sources").fetchone()  # holds an older snapshot
        store.save(db, Source(title="Saved during a long read"))
        assert db.checkpoint_pending
        reader.execute("COMMIT")
        assert db.checkpoint() and not db.checkpoint_pending
        assert "Saved during a long read" in _titles_in_the_file_alone(seeded_path, tmp_path)
    finally:
        reader.close()
        db.close()
