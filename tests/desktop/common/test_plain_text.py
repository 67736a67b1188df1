"""The window's plain-text places show control characters from data as escapes: the status
bar, the window title and message boxes."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.file.connection import open_database
from desktop.app import main
from desktop.gui import create_application
from desktop.window import files
from tests.desktop.helpers import open_window

NAME = "evil\x1b]0;pwned\x07\x1b[2J\x7f.factsheet"
SHOWN = "evil\\x1b]0;pwned\\x07\\x1b[2J\\x7f.factsheet"


def _raw(text: str) -> bool:
    return any(c in text for c in "\x1b\x07\x7f")


def test_a_file_named_with_escape_sequences_is_shown_escaped_in_the_title_and_status_bar(qtbot, seeded_path,
                                                                                         tmp_path):
    hostile = tmp_path / NAME
    shutil.copyfile(seeded_path, hostile)
    window = open_window(qtbot, open_database(seeded_path))
    assert files.switch_to(window, hostile)
    assert window.windowTitle() == f"{SHOWN} — Fact Sheet"
    assert window.statusBar().currentMessage() == f"Opened {SHOWN}."
    window.close()
    window.db.close()


def test_a_message_box_shows_escape_sequences_from_a_file_name(qtbot, tmp_path, capsys):
    bad = tmp_path / NAME
    bad.write_text("not a database")
    create_application()
    shown: list[tuple[str, str]] = []

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, look)
            return
        shown.append((box.text(), box.windowTitle()))
        box.close()

    QTimer.singleShot(50, look)
    assert main(["--db", str(bad)]) == 1
    ((text, title),) = shown
    assert f"“{SHOWN}” is not a Fact Sheet database" in text
    assert not _raw(text) and not _raw(title)
    assert not _raw(capsys.readouterr().err)
