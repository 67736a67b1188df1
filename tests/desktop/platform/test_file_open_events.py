"""A database double-clicked on macOS arrives as a QFileOpenEvent and opens in the window."""

from __future__ import annotations

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.file.connection import open_database
from db.seed import load_seed
from desktop.platform import file_open_events
from tests.desktop.modal import answer


def _other_database(tmp_path):
    path = tmp_path / "Irtysh talks.factsheet"
    db = open_database(path)
    load_seed(db)
    db.close()
    return path


def test_a_file_open_event_opens_the_file_in_the_window(qtbot, window, tmp_path):
    app = QApplication.instance()
    events = file_open_events.install(app)
    assert file_open_events.install(app) is events  # one listener per application
    events.attach(window)
    path = _other_database(tmp_path)
    QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    assert window.db.path == path
    assert window.windowTitle().startswith("Irtysh talks.factsheet")
    assert window.statusBar().currentMessage() == "Opened Irtysh talks.factsheet."


def test_a_file_announced_before_the_window_exists_opens_once_it_does(qtbot, window, tmp_path):
    events = file_open_events.install(QApplication.instance())
    events.window = None  # as when the application has just started
    path = _other_database(tmp_path)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
    assert events.pending == [path] and window.db.path != path
    events.attach(window)
    assert window.db.path == path and events.pending == []


def test_a_file_that_is_not_a_database_is_refused_with_a_sentence(qtbot, window, tmp_path):
    events = file_open_events.install(QApplication.instance())
    events.attach(window)
    before = window.db.path
    text = tmp_path / "notes.factsheet"
    text.write_text("not a database")
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    answer(read_and_close)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(text)))
    assert said and "not a Fact Sheet database" in said[0]
    assert window.db.path == before
