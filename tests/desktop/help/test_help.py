"""The guide opens with F1 or Help ▸ Fact Sheet Help, at the section about the form or dialog
asking, and its search keeps the sections that have the words typed."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from db.model import i18n
from db.model.records import KINDS
from db.seed import SEED_FILE
from db.sheet.preprint import Item
from desktop.capture.dialog import CaptureDialog
from desktop.dialogs.briefings_dialog import BriefingsDialog
from desktop.dialogs.deleted_records import DeletedRecordsDialog
from desktop.dialogs.export_dialog import ExportDialog
from desktop.dialogs.import_dialog import ImportDialog
from desktop.factsheet.preprint_dialog import PrePrintDialog
from desktop.help import context, guide
from desktop.help.window import HelpWindow
from desktop.safety.restore_dialog import RestoreDialog
from tests.db.exchange import statistics_files
from tests.db.exchange.test_indicator_csv import GOOD, HEADER
from tests.desktop.form_helpers import form, type_text


def help_windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()]


@pytest.fixture(autouse=True)
def _close_help():
    yield
    for window in help_windows():
        window.close()


def shown_help(qtbot) -> HelpWindow:
    qtbot.waitUntil(lambda: bool(help_windows()))
    return help_windows()[-1]


def test_f1_in_the_main_window_opens_the_guide_at_its_start(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    help_window = shown_help(qtbot)
    assert help_window.windowTitle() == "Fact Sheet Help"
    assert help_window.current_topic() == "getting-started"
    assert help_window.browser.verticalScrollBar().value() == 0
    assert help_window.parent() is None  # beside the window, and closing the window still quits
    assert not help_window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)


@pytest.mark.parametrize(("keys", "topic"), [(Qt.Key.Key_7, "timeline"), (Qt.Key.Key_5, "trade"),
                                             (Qt.Key.Key_2, "lists")])
def test_f1_on_a_tab_opens_the_section_about_that_tab(qtbot, window, keys, topic):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, keys, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    help_window = shown_help(qtbot)
    assert help_window.current_topic() == topic
    assert help_window._by_topic[topic].level == 3  # a section of its own, not the guide's start


def test_the_help_menu_offers_the_guide_before_about(window):
    actions = [a for a in window.help_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["Fact Sheet &Help", "&About Fact Sheet"]
    assert actions[0].shortcut().toString() == "F1"


@pytest.mark.parametrize("kind", ["agreement", "indicator"])
def test_f1_in_a_form_opens_the_section_about_that_kind_of_record(qtbot, window, kind):
    tab = next(t for t in window.list_tabs.values() if t.listing.kind == kind)
    window.tabs.setCurrentWidget(tab)
    window.editing.new_record()
    dialog = form(qtbot)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F1)
    help_window = shown_help(qtbot)
    assert help_window.current_topic() == f"editing-{kind}"
    top = help_window.browser.cursorForPosition(help_window.browser.viewport().rect().topLeft()).block()
    assert help_window._by_topic[f"editing-{kind}"].title in {top.text(), top.previous().text()}
    assert help_window.parent() is None  # the form blocks its window, not the guide
    assert dialog.isVisible()  # the form waits, with what was typed


def test_every_kind_of_record_has_its_own_place_in_the_guide(qtbot):
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    for kind in KINDS:
        assert f"editing-{kind}" in help_window.topics, kind


def test_the_help_button_of_import_opens_the_section_on_importing(qtbot, window, tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
    dialog = ImportDialog(window, figures)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.working())
    help_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Help)
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert shown_help(qtbot).current_topic() == "importing"
    dialog.reject()


def _mapping_step_file(tmp_path):
    return statistics_files.write(tmp_path, "wide.csv", statistics_files.WIDE_CSV, "cp1251")


@pytest.mark.parametrize(("make", "topic"), [(_mapping_step_file, "import-mapping"), (lambda _path: SEED_FILE, "bundles")],
                         ids=["a table whose mapping step asks", "a bundle"])
def test_the_help_button_of_import_follows_what_the_dialog_shows(qtbot, window, tmp_path, make, topic):
    dialog = ImportDialog(window, make(tmp_path))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.working(), timeout=20_000)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Help), Qt.MouseButton.LeftButton)
    assert shown_help(qtbot).current_topic() == topic
    dialog.reject()


DIALOGS = {
    "restoring": lambda window: RestoreDialog(window),
    "briefings": lambda window: BriefingsDialog(window.db, window),
    "deleted-records": lambda window: DeletedRecordsDialog(window.db, lambda _deleted: False, window),
    "before-printing": lambda window: PrePrintDialog([Item("date_passed", "A planned event's date has passed.",
                                                           ("event", 2))], window),
    "capture": lambda window: CaptureDialog(window),
}


@pytest.mark.parametrize("topic", sorted(DIALOGS))
def test_the_help_button_of_each_dialog_opens_its_own_section(qtbot, window, topic):
    dialog = DIALOGS[topic](window)
    qtbot.addWidget(dialog)
    dialog.show()
    help_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Help)
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert shown_help(qtbot).current_topic() == topic
    dialog.reject()


def test_a_dialog_that_blocks_every_window_gets_its_help_in_front_of_it(qtbot, window):
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() shows it
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
    help_window = shown_help(qtbot)
    assert help_window.current_topic() == "exporting"
    assert help_window.parent() is dialog and help_window.isWindow()
    dialog.reject()


def test_f1_in_find_opens_the_section_on_finding(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not window)
    finder = QApplication.activeWindow()
    assert finder.objectName() == "find_dialog"
    qtbot.keyClick(finder.focusWidget(), Qt.Key.Key_F1)
    assert shown_help(qtbot).current_topic() == "find"
    finder.close()


def test_searching_keeps_the_sections_that_have_every_word(qtbot):
    help_window = context.show_help()
    qtbot.waitExposed(help_window)
    qtbot.keyClicks(help_window.search, "backups rule")  # each word alone is in other sections too
    shown = [item.text(0) for item in help_window._items() if not item.isHidden()]
    assert "Backups and copies" in shown and "Dates" not in shown
    assert "Going back to a backup" not in shown and "Editing records" not in shown
    assert help_window.found.text() == "1 section has “backups rule”."
    assert help_window.browser.extraSelections()  # the words are marked in the guide
    help_window.search.clear()
    type_text(qtbot, help_window.search, "Омская")
    assert help_window.found.text() == "2 sections have “Омская”."  # Finding any record; The command line
    qtbot.keyClick(help_window.search, Qt.Key.Key_Return)
    assert help_window.current_topic() == "find"
    help_window.search.clear()
    qtbot.keyClicks(help_window.search, "zebra")
    assert help_window.found.text() == "Nothing in the guide has “zebra”."
    assert all(item.isHidden() for item in help_window._items())


def test_the_guide_follows_the_window_language_and_falls_back_to_english(tmp_path, monkeypatch):
    (tmp_path / "help" / "en").mkdir(parents=True)
    (tmp_path / "help" / "en" / "index.html").write_text("<h2 id='a'>A</h2>")
    (tmp_path / "help" / "kk").mkdir()
    (tmp_path / "help" / "kk" / "index.html").write_text("<h2 id='a'>А</h2>")
    monkeypatch.setattr(guide, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert guide.guide_path("kk_KZ") == tmp_path / "help" / "kk" / "index.html"
    assert guide.guide_path("ru") == tmp_path / "help" / "en" / "index.html"
    assert guide.ui_language() == "en"  # the tests run in English
    with i18n.using_language("kk"):  # as View ▸ Language sets it, whatever the system's locale
        assert guide.guide_path() == tmp_path / "help" / "kk" / "index.html"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_each_translated_guide_has_every_section_the_english_one_has(language):
    english = QTextDocument()
    english.setHtml(guide.guide_path("en").read_text(encoding="utf-8"))
    translated = QTextDocument()
    translated.setHtml(guide.guide_path(language).read_text(encoding="utf-8"))
    assert guide.guide_path(language).parent.name == language
    assert guide.anchors(translated) == guide.anchors(english)
    assert [s.topic for s in guide.sections(translated)] == [s.topic for s in guide.sections(english)]
    images = set(re.findall(r'src="(images/[^"]+)"', guide.guide_path(language).read_text(encoding="utf-8")))
    assert images and all((guide.guide_path(language).parent / image).is_file() for image in images)
