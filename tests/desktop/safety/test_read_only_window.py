"""A database that cannot be changed: a banner says why and every writing action is off."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from db.file.connection import open_database
from db.file.migrations import SCHEMA_VERSION
from desktop.safety import read_only
from desktop.window.main_window import MainWindow
from tests.db.odd_files import WIPE_TRIGGER, add_foreign_objects
from tests.desktop.helpers import open_window


def _writing_action(window, text: str = "New…") -> QAction:
    """An editing action as the editor adds them: marked with the ``writes`` property."""
    action = QAction(text, window)
    action.setProperty(read_only.WRITES, True)
    window.edit_menu.addAction(action)
    return action


@pytest.fixture
def locked_path(seeded_path):
    os.chmod(seeded_path, 0o444)
    yield seeded_path
    os.chmod(seeded_path, os.stat(seeded_path).st_mode | stat.S_IWUSR)


def test_a_read_only_file_shows_why_in_a_banner_and_disables_writing_actions(qtbot, locked_path):
    db = open_database(locked_path)
    window = open_window(qtbot, db)
    new = _writing_action(window)
    harmless = QAction("Look", window)
    window.apply_read_only()
    banner = window.read_only_banner
    assert banner.isVisible()
    assert banner.label.text() == f"Read-only: {db.read_only_reason}"
    assert "file permissions do not allow changes" in banner.label.text()
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert not banner.clean_copy_button.isVisible()
    assert not new.isEnabled()
    assert harmless.isEnabled()
    assert window.back_up_action.isEnabled()  # backing up only reads
    new.setEnabled(True)  # the editor's own logic (a row was selected) tries to switch it on
    assert not new.isEnabled()
    db.close()


def test_a_writable_file_shows_no_banner_and_keeps_its_actions(qtbot, window):
    new = _writing_action(window)
    window.apply_read_only()
    assert not window.read_only_banner.isVisible()
    assert new.isEnabled()


def test_actions_come_back_when_the_database_becomes_writable(qtbot, window):
    new = _writing_action(window)
    undo = _writing_action(window, "Undo")
    undo.setEnabled(False)  # off for its own reason: nothing to undo
    window.db.read_only_reason = "This database was opened read-only."
    window.apply_read_only()
    assert not new.isEnabled() and not undo.isEnabled()
    window.db.read_only_reason = None
    window.apply_read_only()
    assert new.isEnabled()
    assert not undo.isEnabled()  # still nothing to undo
    assert not window.read_only_banner.isVisible()


def test_actions_added_while_the_window_is_built_are_disabled_once_it_is_shown(qtbot, locked_path):
    db = open_database(locked_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    late = _writing_action(window, "Delete")  # as an install() hook after safety.install would
    qtbot.waitUntil(lambda: not late.isEnabled())
    db.close()


def test_a_newer_file_says_so_in_the_banner(qtbot, seeded_path):
    raw = sqlite3.connect(seeded_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    db = open_database(seeded_path)
    window = open_window(qtbot, db)
    assert "newer version of Fact Sheet" in window.read_only_banner.label.text()
    db.close()


def test_a_file_with_a_foreign_trigger_offers_a_clean_copy_that_can_be_edited(qtbot, seeded_path, tmp_path,
                                                                               monkeypatch):
    add_foreign_objects(seeded_path, WIPE_TRIGGER)
    db = open_database(seeded_path)
    window = open_window(qtbot, db)
    banner = window.read_only_banner
    assert "trigger “wipe_statements”" in banner.label.text()
    assert banner.clean_copy_button.isVisible()
    target = tmp_path / "clean.factsheet"
    monkeypatch.setattr(read_only.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(banner.clean_copy_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert str(target) in window.statusBar().currentMessage()
    copy = open_database(target)
    assert not copy.read_only and not copy.foreign_schema
    assert copy.execute("SELECT count(*) FROM statements").fetchone()[0] == \
        db.execute("SELECT count(*) FROM statements").fetchone()[0]
    copy.close()
    db.close()


def test_switching_to_a_read_only_file_updates_the_banner_and_actions(qtbot, window, locked_path):
    from desktop.safety import net as safety

    new = _writing_action(window)
    window.apply_read_only()
    assert new.isEnabled()
    locked = open_database(locked_path)
    window.db = locked  # as File ▸ Open… does when it switches files
    safety.database_changed(window)
    assert not new.isEnabled()
    assert window.read_only_banner.isVisible()
    locked.close()
