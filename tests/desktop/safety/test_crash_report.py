"""An unhandled exception in the window: a dialog with the message and "Copy details",
the traceback in the log file, and the app running on with nothing saved lost."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import store
from db.errors import FactSheetError
from db.model.records import Source
from desktop.platform import paths
from desktop.safety import crash_report

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hook must see the exception


@pytest.fixture
def reporter(qtbot, window):
    hook = crash_report.ExceptionReporter(paths.log_dir)
    hook.install()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()


def _raise_in_a_slot(window, error: Exception) -> None:
    def slot(_checked=False):
        raise error
    window.refresh_action.triggered.connect(slot)
    window.refresh_action.trigger()
    window.refresh_action.triggered.disconnect(slot)


def test_an_error_in_a_slot_shows_a_dialog_logs_it_and_the_window_runs_on(qtbot, window, reporter):
    saved = store.save(window.db, Source(title="Saved before the error"))
    _raise_in_a_slot(window, RuntimeError("the chart could not be drawn"))
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog.message_label.text() == "Something went wrong: the chart could not be drawn"
    assert "everything you saved is safe" in dialog.reassurance.text()
    log = paths.log_dir() / crash_report.LOG_NAME
    assert str(log) in dialog.reassurance.text()
    logged = log.read_text(encoding="utf-8")
    assert "RuntimeError: the chart could not be drawn" in logged and "Traceback" in logged

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "RuntimeError: the chart could not be drawn" in QApplication.clipboard().text()

    # The window carries on, and what was saved is in the file.
    window.tabs.setCurrentIndex(5)
    window.refresh()
    assert window.list_tabs["sources"].model.rowCount() == 2
    conn = sqlite3.connect(window.db.path)
    assert conn.execute("SELECT title FROM sources WHERE id = ?", [saved]).fetchone() == ("Saved before the error",)
    conn.close()


def test_a_transaction_left_open_by_the_failed_slot_is_rolled_back(qtbot, window, reporter):
    store.save(window.db, Source(title="Saved before the error"))
    window.db.begin()  # a slot that began a transaction and never reached its commit
    window.db.execute("INSERT INTO subjects (name_en) VALUES ('written halfway')")
    assert window.db.conn.in_transaction
    _raise_in_a_slot(window, ValueError("interrupted"))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert not window.db.conn.in_transaction
    names = {r[0] for r in window.db.execute("SELECT name_en FROM subjects")}
    assert "written halfway" not in names
    store.save(window.db, Source(title="Saved after the error"))  # the write lock is free again
    titles = {r[0] for r in window.db.execute("SELECT title FROM sources")}
    assert {"Saved before the error", "Saved after the error"} <= titles


def test_errors_in_a_row_are_gathered_in_one_dialog(qtbot, window, reporter):
    _raise_in_a_slot(window, RuntimeError("first"))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    first_dialog = reporter.dialog
    _raise_in_a_slot(window, RuntimeError("second"))
    qtbot.waitUntil(lambda: first_dialog.count == 2)
    assert reporter.dialog is first_dialog
    assert "happened 2 times" in first_dialog.reassurance.text()
    assert "RuntimeError: first" in first_dialog.details.toPlainText()
    assert "RuntimeError: second" in first_dialog.details.toPlainText()


def test_a_sentence_that_escapes_a_slot_is_shown_as_it_is(qtbot, window, reporter):
    _raise_in_a_slot(window, FactSheetError("The disk is full, so the change was not saved."))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert reporter.dialog.message_label.text() == "The disk is full, so the change was not saved."


def test_an_error_in_a_worker_thread_is_shown_by_the_window(qtbot, window, reporter):
    def work():
        raise OSError("the network folder went away")
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "the network folder went away" in reporter.dialog.message_label.text()


def test_markup_in_an_error_message_is_shown_as_plain_text(qtbot, window, reporter):
    _raise_in_a_slot(window, RuntimeError("<b>bold</b> <a href='javascript:x'>link</a>"))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    label = reporter.dialog.message_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in label.text()


def test_damage_met_while_reading_makes_the_window_read_only_and_keeps_a_copy(qtbot, window, reporter):
    _raise_in_a_slot(window, sqlite3.DatabaseError("database disk image is malformed"))
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    message = reporter.dialog.message_label.text()
    assert message.startswith("“seed.factsheet” is damaged; a copy was kept at ")
    assert window.db.read_only
    assert window.read_only_banner.isVisible()
    assert list(window.db.path.parent.glob("seed.factsheet.damaged-*"))


def test_the_window_entry_installs_the_reporter(qtbot, seeded_path, monkeypatch):
    from desktop import gui
    from desktop.platform import system_check

    monkeypatch.setattr(system_check, "missing_packages", lambda: [])
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))
    previous = sys.excepthook
    try:
        assert gui.run_window(seeded_path) == 0
        installed = getattr(sys.excepthook, "__self__", None)
        assert isinstance(installed, crash_report.ExceptionReporter)
        installed.uninstall()
    finally:
        sys.excepthook = previous
        for widget in QApplication.topLevelWidgets():
            widget.close()
