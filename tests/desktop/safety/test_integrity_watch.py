"""A large file opens without the full damage check; the window runs it in the background."""

from __future__ import annotations

from db.file import integrity
from db.file.connection import open_database
from desktop.window.main_window import MainWindow
from tests.db.odd_files import garble_record_contents, make_file_with_rows
from tests.desktop.safety.test_read_only_window import _writing_action


def _window_on_large_file(qtbot, tmp_path, monkeypatch, *, garbled: bool):
    path = make_file_with_rows(tmp_path / "large.factsheet", rows=6000)
    if garbled:
        # Generated figures at the end of the table: rows no first screen reads.
        garble_record_contents(path, nth=-2, table="indicators")
    monkeypatch.setattr(integrity, "FULL_CHECK_LIMIT", 1024)  # "large": skip the check on open
    db = open_database(path)
    assert db.damage_check_pending and not db.read_only
    window = MainWindow(db)
    qtbot.addWidget(window)
    return window


def test_damage_found_after_opening_turns_the_window_read_only_and_keeps_a_copy(qtbot, tmp_path, monkeypatch):
    window = _window_on_large_file(qtbot, tmp_path, monkeypatch, garbled=True)
    new = _writing_action(window)
    window.apply_read_only()
    qtbot.waitUntil(lambda: window.db.read_only, timeout=10_000)
    text = window.read_only_banner.label.text()
    assert "“large.factsheet” is damaged; a copy was kept at" in text
    assert window.read_only_banner.isVisibleTo(window)
    assert not new.isEnabled()
    assert list(tmp_path.glob("large.factsheet.damaged-*"))
    window.db.close()


def test_a_sound_large_file_stays_writable_after_the_background_check(qtbot, tmp_path, monkeypatch):
    window = _window_on_large_file(qtbot, tmp_path, monkeypatch, garbled=False)
    qtbot.waitUntil(lambda: not window.db.damage_check_pending, timeout=10_000)
    assert not window.db.read_only
    window.db.close()
