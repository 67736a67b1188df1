"""Two windows on one file: another process saves through the editor's undo history (or runs
``factsheet import``) while this window saves through its forms. Both succeed, no "database
is locked" reaches the person, and this window shows the other's changes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from db.file.sqlite import BUSY_TIMEOUT_MS
from desktop.safety import external_changes
from tests.bench.bench_import import write_figures_csv
from tests.desktop.form_helpers import back_to, fill, form, save

ROOT = Path(__file__).resolve().parents[3]


def _new_source_through_the_form(qtbot, window, title: str):
    """Ctrl+N on the Sources tab, type a title, Save: what a person does."""
    back_to(qtbot, window)
    tab = window.list_tabs["sources"]
    window.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = form(qtbot)
    fill(qtbot, dialog, "title", title)
    save(qtbot, dialog)
    return dialog


def _saved(qtbot, dialog) -> None:
    """The form closed after its Save: it shows no sentence (it stays open with one on failure)."""
    try:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=BUSY_TIMEOUT_MS + 5000)
    except qtbot.TimeoutError:
        raise AssertionError(f"the form stayed open: {dialog.summary.text()!r}") from None


def _titles(db) -> set[str]:
    return {row[0] for row in db.execute("SELECT title FROM sources")}


def _lock_is_held(path: Path) -> bool:
    """True while another connection holds the file's write lock (an import's transaction)."""
    probe = sqlite3.connect(path, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return True
    finally:
        probe.close()


def test_this_window_and_another_process_editing_through_the_editor_both_succeed(qtbot, window, tmp_path):
    path = window.db.path
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    log = (tmp_path / "other-window.log").open("w")
    other = subprocess.Popen([sys.executable, "-m", "tests.db.crash_worker", "undo", str(path), "0", "20"],
                             cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        qtbot.waitUntil(lambda: (tmp_path / "other-window.log").read_text().count("saved") >= 3, timeout=30_000)
        typed = [f"Saved here while the other window saves {n}" for n in range(5)]
        for title in typed:
            _saved(qtbot, _new_source_through_the_form(qtbot, window, title))
    finally:
        os.kill(other.pid, signal.SIGKILL)
        other.wait()
        log.close()
    written = (tmp_path / "other-window.log").read_text()
    assert "ERROR" not in written and "locked" not in written
    assert written.count("saved") >= 3
    assert set(typed) <= _titles(window.db)
    # This window shows what the other one saved, and says why its views changed.
    agreements = window.list_tabs["agreements"]
    qtbot.waitUntil(lambda: any(
        (agreements.model.data(agreements.model.index(row, 0)) or "").startswith("Agreement edit ")
        for row in range(agreements.model.rowCount())), timeout=external_changes.POLL_MS * 3)
    qtbot.waitUntil(lambda: any("Another window or program changed this database" in m for m in said),
                    timeout=external_changes.POLL_MS * 3)


def test_an_import_in_another_process_waits_for_an_edit_here_and_this_window_then_shows_it(
        qtbot, window, tmp_path):
    path = window.db.path
    before = window.db.execute("SELECT count(*) FROM indicators").fetchone()[0]
    figures = write_figures_csv(tmp_path / "figures.csv", 30_000)
    importing = subprocess.Popen([sys.executable, "-m", "desktop", "import", "--db", str(path), str(figures)],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not _lock_is_held(path):  # the import's transaction has begun
        assert importing.poll() is None and time.monotonic() < deadline, importing.communicate()
        time.sleep(0.01)
    # Meanwhile the window reads on, and a Save waits its turn instead of failing.
    window.refresh()
    dialog = _new_source_through_the_form(qtbot, window, "Saved here during an import elsewhere")
    _saved(qtbot, dialog)
    out, err = importing.communicate(timeout=60)
    assert importing.returncode == 0 and err == "", err
    assert out.startswith("Imported figures.csv: 30,000 new, 0 already present.")
    assert "Saved here during an import elsewhere" in _titles(window.db)
    qtbot.waitUntil(lambda: f"{30_000 + before:,} indicators" in window.counts_label.text(),
                    timeout=external_changes.POLL_MS * 3)


def test_a_save_that_cannot_get_its_turn_says_so_and_keeps_what_was_typed(qtbot, window):
    """Another program holds the file longer than the wait (a huge import): a sentence, not
    "database is locked", and the form stays open with the text, to be saved again."""
    window.db.execute("PRAGMA busy_timeout = 200")  # wait briefly, not the full five seconds
    other = sqlite3.connect(window.db.path)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog = _new_source_through_the_form(qtbot, window, "Typed while the file was busy")
        qtbot.waitUntil(dialog.summary.isVisible)
        assert dialog.isVisible() and "locked" not in dialog.summary.text().lower()
        assert dialog.summary.text() == ("Another window or program is writing to this database; the change "
                                         "was not saved. Try again in a moment.")
    finally:
        other.rollback()
        other.close()
    save(qtbot, dialog)  # the same form, the same text: saved now
    _saved(qtbot, dialog)
    assert "Typed while the file was busy" in _titles(window.db)
