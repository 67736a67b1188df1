"""A second window (another process) edits the same file: this window shows the change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.safety import external_changes

ROOT = Path(__file__).resolve().parents[3]


def test_a_change_made_by_another_process_refreshes_the_views(qtbot, window):
    sources = window.list_tabs["sources"]
    assert sources.model.rowCount() == 1
    result = subprocess.run([sys.executable, "-m", "tests.db.crash_worker", "writer", str(window.db.path),
                             "other window", "2"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1 + 2 + 1, timeout=external_changes.POLL_MS * 3)
    assert "Another window or program changed this database" in window.statusBar().currentMessage()
    counts = window.counts_label.text()
    assert "4 sources" in counts


def test_the_windows_own_edits_do_not_count_as_changes_from_elsewhere(qtbot, window):
    from db import store
    from db.model.records import Source

    store.save(window.db, Source(title="Typed here"))
    assert window.change_watcher.poll() is False


def test_the_window_finishes_copying_the_log_into_the_file_when_idle(qtbot, window, tmp_path):
    """A save while a list still read an older snapshot leaves part of the log uncopied; the
    idle poll copies it, so the file alone (copied to a stick) holds the change."""
    import shutil
    import sqlite3

    from db import store
    from db.model.records import Source

    path = window.db.path
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sources").fetchone()
    store.save(window.db, Source(title="Saved in the window"))
    assert window.db.checkpoint_pending
    reader.execute("COMMIT")
    reader.close()
    window.change_watcher.poll()
    assert not window.db.checkpoint_pending
    copy = tmp_path / "stick.factsheet"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    titles = {row[0] for row in conn.execute("SELECT title FROM sources")}
    conn.close()
    assert "Saved in the window" in titles
