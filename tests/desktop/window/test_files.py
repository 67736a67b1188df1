"""File ▸ New Database…, Open…, Save a Copy…, Recent Files, and switching files in the window."""

from PySide6.QtCore import Qt

from db import store
from db.file.connection import open_database
from db.model.records import Agreement, Link, Source
from desktop.gui import open_database_to_show
from desktop.window import files
from tests.db.content import content
from tests.desktop.modal import answer, cancel_file_dialog, choose_file, read_message


def _menu_texts(menu):
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def _other_database(path):
    db = open_database(path)
    source = store.save(db, Source(title="Ministry note"))
    store.save(db, Agreement(title="Memorandum on grain transit", kind="memorandum",
                             sources=[Link(source)]))
    db.close()
    return path


def _agreement_titles(window):
    model = window.list_tabs["agreements"].model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_the_file_menu_offers_the_file_actions_in_order(window):
    texts = _menu_texts(window.file_menu)
    assert texts[:4] == ["New Database…", "Open…", "Recent Files", "Save a Copy…"]
    assert texts.index("Import…") < texts.index("Export…") < texts.index("Quit")
    assert window.open_action.shortcut().toString() == "Ctrl+O"


def test_open_switches_every_tab_the_title_and_the_status_bar(qtbot, window, tmp_path):
    other = _other_database(tmp_path / "grain.factsheet")
    seen = []
    window.database_changed.connect(seen.append)
    old = window.db
    answer(choose_file(other))
    window.open_action.trigger()
    assert window.db is not old and window.db.path == other
    assert seen == [window.db]
    assert window.windowTitle() == "grain.factsheet — Fact Sheet"
    assert window.path_label.text() == str(other)
    assert window.counts_label.text().startswith("1 agreement · 0 people")
    assert _agreement_titles(window) == ["Memorandum on grain transit"]
    assert window.list_tabs["indicators"].model.rowCount() == 0
    assert "Add at least two parties" in window.overview.page.toPlainText()
    assert files.recent_files()[0] == other


def test_ctrl_o_asks_for_a_file_and_cancelling_keeps_the_database(qtbot, window):
    old = window.db
    window.activateWindow()
    answer(cancel_file_dialog)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.db is old


def test_a_file_that_is_not_a_database_is_refused_with_a_sentence(qtbot, window, tmp_path):
    notes = tmp_path / "notes.factsheet"
    notes.write_text("my notes")
    old = window.db
    messages = []
    answer(choose_file(notes))
    answer(read_message(messages))
    window.open_action.trigger()
    assert messages == ["“notes.factsheet” is not a Fact Sheet database (it is not an SQLite file)."]
    assert window.db is old
    assert notes.read_text() == "my notes"


def test_new_database_is_empty_with_the_schema(qtbot, window, tmp_path):
    target = tmp_path / "topic"
    answer(choose_file(target))
    window.new_database_action.trigger()
    created = tmp_path / "topic.factsheet"
    assert window.db.path == created and created.exists()
    assert all(n == 0 for n in __import__("db.read.queries", fromlist=["counts"]).counts(window.db).values())
    assert window.db.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert window.windowTitle() == "topic.factsheet — Fact Sheet"


def test_new_database_never_replaces_an_existing_file(qtbot, window, tmp_path):
    existing = _other_database(tmp_path / "grain.factsheet")
    before = existing.read_bytes()
    old, messages = window.db, []
    answer(choose_file(existing))  # no "replace it?" first: a database is never replaced
    answer(read_message(messages))
    window.new_database_action.trigger()
    assert window.db is old
    assert messages and messages[0].startswith("“grain.factsheet” already exists.")
    assert existing.read_bytes() == before


def test_save_a_copy_writes_the_same_content_while_the_file_stays_open(qtbot, window, tmp_path):
    target = tmp_path / "copy.factsheet"
    answer(choose_file(target))
    window.save_copy_action.trigger()
    assert target.exists()
    copy = open_database(target)
    assert content(copy) == content(window.db)
    copy.close()
    assert window.db.path != target  # the window stays on its own file
    assert "Saved a copy" in window.statusBar().currentMessage()


def test_recent_files_reopen_a_database(qtbot, window, tmp_path):
    first = window.db.path
    other = _other_database(tmp_path / "grain.factsheet")
    answer(choose_file(other))
    window.open_action.trigger()
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text() and "Clear" not in a.text()]
    assert [a.text() for a in entries] == [f"&1 {first.name}"]
    entries[0].trigger()
    assert window.db.path == first
    assert _agreement_titles(window)[0].startswith(("Protocol", "Interaction"))


def test_the_last_file_opens_again_on_start_and_a_named_file_wins(seeded_path, tmp_path):
    other = _other_database(tmp_path / "grain.factsheet")
    files.remember(other)
    db = open_database_to_show(None)
    assert db.path == other
    db.close()
    db = open_database_to_show(seeded_path)
    assert db.path == seeded_path
    db.close()


def test_a_remembered_file_that_is_gone_gives_way_to_the_users_own_database(qtbot, tmp_path):
    from desktop.gui import create_application
    from desktop.platform import paths

    create_application()
    gone = tmp_path / "gone.factsheet"
    files.remember(gone)  # then deleted: last_database ignores missing files
    db = open_database_to_show(None)
    assert db.path == paths.default_database()
    db.close()


def test_a_database_named_on_the_command_line_opens(seeded_path):
    from desktop import cli

    assert cli.parse_window_args([str(seeded_path)]) == seeded_path
    db = open_database_to_show(cli.parse_window_args([str(seeded_path)]))
    assert db.path == seeded_path
    db.close()
