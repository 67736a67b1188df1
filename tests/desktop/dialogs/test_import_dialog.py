"""File ▸ Import…: the preview and the check come before anything is written; Cancel rolls back."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.exchange import bundle_write
from db.read import queries
from desktop.dialogs.import_dialog import ImportDialog
from tests.bench.bench_import import write_figures_csv
from tests.db.content import content
from tests.db.exchange.test_indicator_csv import GOOD, HEADER
from tests.desktop.modal import answer, choose_file


def _open(qtbot, window, path) -> ImportDialog:
    """File ▸ Import…, choose the file, and hand back the dialog that appears."""
    answer(choose_file(path))
    window.import_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    return dialog


def _plain(tooltip: str) -> str:
    """A tooltip as the person reads it (Qt renders it as rich text)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def _close(qtbot, dialog):
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)


def _cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount()) if table.item(row, c)]


def test_the_preview_shows_rows_and_what_would_be_added_before_anything_is_written(qtbot, window, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER.replace(",", ";") + "\n" + GOOD.replace(",", ";").replace("67.8", "67,8") + "\n"
                    + GOOD.replace(",", ";").replace("Russian Federation", "Mongolia").replace("67.8", "1,5") + "\n",
                    encoding="utf-8")
    before = content(window.db)
    dialog = _open(qtbot, window, path)
    assert "semicolon-separated, decimal comma" in dialog.about.text()
    assert _cells(dialog.preview, 0)[:3] == ["Abai region", "Russian Federation", "exports"]
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.status.text() == "Ready to import: 2 new, 0 already present."
    assert "New parties: Mongolia (country)" in dialog.details.toPlainText()
    assert content(window.db) == before  # the check wrote nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10_000)
    assert dialog.status.text() == "Imported: 2 new, 0 already present."
    trade = window.list_tabs["indicators"]
    assert trade.model.rowCount() == 7  # the window shows the new figures
    assert "Imported figures.csv" in window.statusBar().currentMessage()
    _close(qtbot, dialog)


def test_problems_are_shown_and_import_stays_off(qtbot, window, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\n" + GOOD.replace("67.8", "abc") + "\n" + GOOD.replace("2024-12-31", "2023-12-31")
                    + "\n", encoding="utf-8")
    before = content(window.db)
    dialog = _open(qtbot, window, path)
    qtbot.waitUntil(lambda: "not imported" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == ("<b>“figures.csv” was not imported: 2 problems were found, so nothing was "
                                    "changed.</b>")
    assert dialog.details.toPlainText().splitlines() == [
        "row 2, column value: 'abc' is not a number",
        "row 3, column period_end: period end cannot be before period start"]
    assert not dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    marked = dialog.preview.item(0, 5)  # row 2, column value
    assert marked.text() == "abc" and _plain(marked.toolTip()) == "row 2, column value: 'abc' is not a number"
    assert marked.background().color().red() == 255
    assert _plain(dialog.preview.item(1, 4).toolTip()).startswith("row 3, column period_end")
    assert content(window.db) == before
    _close(qtbot, dialog)


def test_a_file_that_cannot_be_read_says_why(qtbot, window, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_bytes(b"\x00\x01binary\x00")
    dialog = _open(qtbot, window, path)
    assert dialog.status.text() == ("<b>“figures.csv” was not imported: it is not a text file (it holds binary "
                                    "data); nothing was changed.</b>")
    assert not dialog.import_button.isEnabled()
    _close(qtbot, dialog)


def test_nothing_new_to_import_says_so(qtbot, window, tmp_path):
    path = tmp_path / "all.json"
    path.write_text(json.dumps(bundle_write.export_bundle(window.db)), encoding="utf-8")
    dialog = _open(qtbot, window, path)
    assert "Fact Sheet bundle" in dialog.about.text()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Nothing to import"), timeout=10_000)
    assert not dialog.import_button.isEnabled()
    _close(qtbot, dialog)


@pytest.fixture(scope="module")
def large_csv(tmp_path_factory):
    return write_figures_csv(tmp_path_factory.mktemp("large") / "large.csv", 60_000)


def test_cancelling_a_large_import_leaves_the_database_unchanged(qtbot, window, large_csv):
    before = content(window.db)
    dialog = _open(qtbot, window, large_csv)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60_000)
    assert dialog.status.text() == "Ready to import: 60,000 new, 0 already present."
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.working() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working(), timeout=60_000)
    assert dialog.status.text() == "Stopped; nothing was changed."
    assert content(window.db) == before
    assert queries.counts(window.db)["indicator"] == 5
    _close(qtbot, dialog)


def test_cancelling_the_check_stops_it(qtbot, window, large_csv):
    dialog = _open(qtbot, window, large_csv)
    assert dialog.working()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working(), timeout=60_000)
    assert dialog.status.text() == "Stopped; nothing was changed."
    assert not dialog.import_button.isEnabled()
    _close(qtbot, dialog)


def test_escape_while_checking_stops_the_work_and_closes(qtbot, window, large_csv):
    dialog = _open(qtbot, window, large_csv)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    assert not dialog.working()


def test_a_read_only_database_disables_import_and_says_why_if_asked_anyway(qtbot, seeded_path):
    from db.file.connection import open_database
    from desktop.dialogs.import_dialog import ask_and_import
    from desktop.window.main_window import MainWindow
    from tests.desktop.modal import read_message

    db = open_database(seeded_path, read_only=True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.import_action.isEnabled())  # with the read-only banner
    messages = []
    answer(read_message(messages))
    ask_and_import(window)  # reached some other way (a file dropped on the window, a later menu)
    assert messages == ["This database was opened read-only."]
    assert QApplication.activeModalWidget() is None


def test_a_file_whose_permissions_forbid_changes_turns_import_off_and_says_why(qtbot, seeded_path):
    from db.file.connection import open_database
    from desktop.dialogs.import_dialog import ask_and_import
    from desktop.window.main_window import MainWindow
    from tests.db.odd_files import fingerprint
    from tests.desktop.modal import read_message

    seeded_path.chmod(0o444)
    try:
        before = fingerprint(seeded_path)
        db = open_database(seeded_path)
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.read_only_banner.isVisible())
        assert not window.import_action.isEnabled()
        messages = []
        answer(read_message(messages))
        ask_and_import(window)
        assert messages == ["“seed.factsheet” is read-only (its file permissions do not allow changes), "
                            "so it can be viewed but not changed."]
        assert QApplication.activeModalWidget() is None
        db.close()
        assert fingerprint(seeded_path) == before
    finally:
        seeded_path.chmod(0o644)


def _import(qtbot, window, path) -> ImportDialog:
    dialog = _open(qtbot, window, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10_000)
    return dialog


def test_an_import_is_one_undoable_step_and_not_a_change_from_elsewhere(qtbot, window, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\n" + GOOD + "\n" + GOOD.replace("Russian Federation", "Mongolia") + "\n",
                    encoding="utf-8")
    before = content(window.db)
    dialog = _import(qtbot, window, path)
    _close(qtbot, dialog)
    after = content(window.db)
    assert after != before
    # The import ran on a worker connection: the window knows it for its own.
    assert window.change_watcher.poll() is False
    assert "Another window" not in window.statusBar().currentMessage()

    assert window.editing.undo_action.text() == "Undo Import figures.csv"
    window.editing.undo_action.trigger()
    assert content(window.db) == before  # the figures, the new party and the new source: all gone
    window.editing.redo_action.trigger()
    assert content(window.db) == after


def test_a_bundle_with_a_conflict_lets_the_person_take_its_version(qtbot, window, tmp_path):
    plan = window.db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]
    data = bundle_write.export_bundle(window.db)
    item = next(i for i in data["records"]["agreements"] if i["ref"] == f"agreement-{plan}")
    item["previous"] = [item["updated_at"] or "2026-01-01T00:00:00.000000Z"]
    item["updated_at"], item["summary"] = "2026-03-01T09:00:00.000000Z", "Their summary."
    from db import store

    mine = store.get(window.db, "agreement", plan)
    mine.summary = "My summary."
    store.save(window.db, mine)
    path = tmp_path / "colleague.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    dialog = _open(qtbot, window, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.conflicts.isVisible() and dialog.conflicts.count() == 1
    line = dialog.conflicts.item(0)
    assert "“My summary.” here, “Their summary.” in the bundle" in line.text()
    line.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10_000)
    assert store.get(window.db, "agreement", plan).summary == "Their summary."
    _close(qtbot, dialog)
    window.editing.undo_action.trigger()
    assert store.get(window.db, "agreement", plan).summary == "My summary."
