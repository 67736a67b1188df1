"""Dropping files and text on the main window, as the system delivers them to its native window."""

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from db.file.connection import open_database
from desktop.dialogs.import_dialog import ImportDialog
from desktop.forms.engine import RecordDialog
from tests.db.exchange.test_indicator_csv import GOOD, HEADER
from tests.desktop import modal
from tests.desktop.form_helpers import answer, fill, form
from tests.desktop.helpers import open_window

BUTTONS = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction


def files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def text(words: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(words)
    return mime


def overview_point(window) -> QPoint:
    """The middle of the Overview's page: a read-only view that takes no drop of its own."""
    page = window.overview.page
    return page.mapTo(window, page.rect().center())


def drop(qtbot, window, mime: QMimeData, at: QPoint | None = None) -> bool:
    """Drag ``mime`` over the window at ``at`` and drop it there; True when the window took it."""
    at = at if at is not None else overview_point(window)
    native = window.windowHandle()
    enter = QDragEnterEvent(at, ACTIONS, mime, BUTTONS, NO_KEYS)
    QApplication.sendEvent(native, enter)
    move = QDragMoveEvent(at, ACTIONS, mime, BUTTONS, NO_KEYS)
    QApplication.sendEvent(native, move)
    dropped = QDropEvent(QPointF(at), ACTIONS, mime, BUTTONS, NO_KEYS)
    QApplication.sendEvent(native, dropped)
    qtbot.wait(10)  # the drop is acted on just after it completes
    return enter.isAccepted() and dropped.isAccepted()


def status(window) -> str:
    return window.statusBar().currentMessage()


@pytest.fixture
def other_database(seeded_path, tmp_path):
    """A second database file, told apart by an agreement of its own."""
    path = tmp_path / "other.factsheet"
    shutil.copyfile(seeded_path, path)
    db = open_database(path)
    db.execute("UPDATE agreements SET title = 'Only in the other file' WHERE id = 1")
    db.close()
    return path


def test_a_dropped_database_opens_in_the_window(qtbot, window, other_database):
    assert drop(qtbot, window, files(other_database))
    qtbot.waitUntil(lambda: window.db.path == other_database)
    assert window.windowTitle().startswith("other.factsheet")
    assert status(window) == "Opened other.factsheet."


def test_the_status_bar_says_what_a_drop_would_do_while_dragging(qtbot, window, other_database):
    mime = files(other_database)
    QApplication.sendEvent(window.windowHandle(), QDragEnterEvent(overview_point(window), ACTIONS, mime, BUTTONS,
                                                                  NO_KEYS))
    assert status(window) == "Drop to open the database other.factsheet."


def test_a_form_with_unsaved_changes_asks_before_a_dropped_database_replaces_it(qtbot, window, other_database):
    first = window.db.path
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.editing.new_record()
    dialog = form(qtbot)
    fill(qtbot, dialog, "title", "A memorandum being typed")

    assert drop(qtbot, window, files(other_database))
    answer(qtbot, "Keep Editing")
    qtbot.waitUntil(lambda: "stays open" in status(window))
    assert window.db.path == first and dialog.isVisible()

    assert drop(qtbot, window, files(other_database))
    answer(qtbot, "Discard and Open")
    qtbot.waitUntil(lambda: window.db.path == other_database)
    assert not [f for f in window.findChildren(RecordDialog) if f.isVisible()]


def test_a_form_without_changes_closes_quietly_when_a_database_is_dropped(qtbot, window, other_database):
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.editing.new_record()
    form(qtbot)
    assert drop(qtbot, window, files(other_database))
    qtbot.waitUntil(lambda: window.db.path == other_database)
    assert not [f for f in window.findChildren(RecordDialog) if f.isVisible()]


def test_a_dropped_file_that_is_not_a_database_says_why_and_keeps_the_open_one(qtbot, window, tmp_path):
    fake = tmp_path / "notes.factsheet"
    fake.write_text("shopping list")
    seen: list[str] = []
    modal.answer(modal.read_message(seen))
    first = window.db.path
    assert drop(qtbot, window, files(fake))
    qtbot.waitUntil(lambda: bool(seen))
    assert "is not a Fact Sheet database" in seen[0]
    assert window.db.path == first


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx"])
def test_dropped_figures_or_a_bundle_start_import_with_that_file(qtbot, window, tmp_path, suffix):
    path = tmp_path / f"figures{suffix}"
    if suffix == ".csv":
        path.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
    elif suffix == ".json":
        path.write_text('{"format": "factsheet-bundle", "version": 1, "records": {}}', encoding="utf-8")
    else:
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    assert drop(qtbot, window, files(path))
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ImportDialog)))
    dialog = next(d for d in window.findChildren(ImportDialog) if d.isVisible())
    assert dialog.path == path
    qtbot.waitUntil(lambda: not dialog.working())
    dialog.reject()


def test_figures_dropped_on_a_read_only_database_are_refused_in_the_status_bar(qtbot, seeded_path, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
    db = open_database(seeded_path, read_only=True)
    main = open_window(qtbot, db)
    assert drop(qtbot, main, files(path))
    assert status(main).startswith("figures.csv was not imported: This database was opened read-only.")
    assert not main.findChildren(ImportDialog)
    main.close()
    db.close()


def test_a_dropped_article_or_text_goes_to_capture(qtbot, window, tmp_path):
    captured = []
    window.capture_text = lambda words, path: captured.append((words, path))
    article = tmp_path / "статья.txt"
    article.write_bytes("Аким встретил делегацию.".encode("cp1251"))
    assert drop(qtbot, window, files(article))
    assert drop(qtbot, window, text("Omsk and Abai signed a protocol."))
    assert captured == [("Аким встретил делегацию.", article), ("Omsk and Abai signed a protocol.", None)]


def test_a_file_of_another_kind_says_why_it_was_not_used(qtbot, window, tmp_path):
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.7")
    assert drop(qtbot, window, files(report))
    assert status(window) == ("Fact Sheet cannot use “report.pdf”: drop a database (.factsheet), figures or a "
                              "bundle to import (.csv, .tsv, .xlsx, .json), or an article (.txt).")
    assert drop(qtbot, window, files(tmp_path))
    assert status(window) == f"“{tmp_path.name}” is a folder; drop one of the files in it."


def test_several_files_at_once_are_refused_with_a_sentence(qtbot, window, tmp_path, other_database):
    first = window.db.path
    assert drop(qtbot, window, files(other_database, tmp_path / "b.csv"))
    assert status(window) == "Drop one file at a time; 2 files were dropped."
    assert window.db.path == first


def test_text_dragged_onto_a_filter_box_is_typed_there_not_captured(qtbot, window):
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    qtbot.wait(10)
    box = tab.filter_box
    at = box.mapTo(window, box.rect().center())
    mime = text("irtysh")
    enter = QDragEnterEvent(at, ACTIONS, mime, BUTTONS, NO_KEYS)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert status(window) == ""  # the window did not take the drag: the box does

