"""File ▸ Back Up Now: a consistent copy in the database's backups folder, and where."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3

from db.file import backups
from db.file.connection import open_database
from desktop.platform import paths
from desktop.window.main_window import MainWindow
from tests.small_fs import fill, small_filesystem


def _menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.file_menu.actions() if not a.isSeparator()]


def test_back_up_now_copies_the_database_and_says_where(qtbot, window):
    assert "Back Up Now" in _menu_texts(window)
    window.back_up_action.trigger()
    made = backups.existing_backups(window.db.path)
    assert len(made) == 1 and made[0].parent == backups.backup_folder(window.db.path)
    assert str(made[0]) in window.statusBar().currentMessage()
    assert "Restore from Backup… lists every backup" in window.statusBar().currentMessage()
    copy = sqlite3.connect(made[0])
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
    copy.close()


def test_backups_of_the_same_day_are_all_kept_and_one_second_gets_two_names(seeded_db):
    start = dt.datetime(2025, 7, 2, 9, 0, 0)
    made = [backups.make_backup(seeded_db, now=start + dt.timedelta(minutes=n)) for n in range(7)]
    assert backups.existing_backups(seeded_db.path) == made
    same_second = backups.make_backup(seeded_db, now=start + dt.timedelta(minutes=6))
    assert same_second.name.endswith("-2 manual.factsheet")
    assert backups.existing_backups(seeded_db.path)[-1] == same_second


def test_a_read_only_folder_backs_up_into_the_data_folder(qtbot, seeded_path):
    os.chmod(seeded_path.parent, 0o555)
    try:
        db = open_database(seeded_path)
        window = MainWindow(db)
        qtbot.addWidget(window)
        assert db.read_only
        window.back_up_action.trigger()
        made = backups.existing_backups(seeded_path)
        assert made and str(made[-1]) in window.statusBar().currentMessage()
        assert made[-1].is_relative_to(paths.data_dir())
        for path in made:
            path.unlink()
        db.close()
    finally:
        os.chmod(seeded_path.parent, 0o755)


def _warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr("desktop.safety.backup_action.message_box.warn", lambda _parent, text: shown.append(text))
    return shown


def test_a_backup_with_nowhere_to_go_says_why(qtbot, window, monkeypatch):
    shown = _warnings(monkeypatch)
    blocker = backups.backup_folder(window.db.path)
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder would go")
    window.back_up_action.trigger()
    assert shown and "No backup could be made" in shown[0]
    assert blocker.read_text() == "a file where the folder would go"


def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing_half_made(qtbot, tmp_path, seeded_path, monkeypatch):
    with small_filesystem(tmp_path / "disk", 2048) as disk:
        path = disk / "facts.factsheet"
        shutil.copyfile(seeded_path, path)
        db = open_database(path)
        window = MainWindow(db)
        qtbot.addWidget(window)
        monkeypatch.setenv("XDG_DATA_HOME", str(disk / "data"))  # backups go to the data folder: on this disk
        fill(disk)
        shown = _warnings(monkeypatch)
        window.back_up_action.trigger()
        assert shown and "the disk is full" in shown[0]
        assert not list(backups.backup_folder(path).glob("*"))
        assert db.execute("SELECT count(*) FROM indicators").fetchone()[0] == 5
        db.close()
