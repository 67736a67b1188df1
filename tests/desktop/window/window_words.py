"""Every word the window shows a person, gathered in one process: ``python -m
tests.desktop.window.window_words DB`` prints them as JSON, one entry per place.

Walks the menus and every action (text, tip, status tip), the tabs and their tables'
headers, labels, buttons, boxes' placeholders and tips, window titles, and the form of every
kind of record with the Import… (a file of figures, and a file that needs its columns
mapped and names answered), Export…, Find…, About, Print Preview and Capture dialogs, the
help window with its contents, the check before printing, Briefings, Deleted Records and
Restore from Backup (with what each says when it has nothing to list). Run in a process of its own so the language is chosen from
the environment before any window module is imported, as when Fact Sheet starts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _texts(widget) -> list[tuple[str, str]]:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QTabWidget,
        QWidget,
    )

    found: list[tuple[str, str]] = []

    def add(where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            found.append((where, text))

    add("title", widget.windowTitle())
    for child in [widget, *widget.findChildren(QWidget)]:
        name = type(child).__name__
        if isinstance(child, QLabel):
            add(name, child.text())
        if isinstance(child, QAbstractButton):
            add(name, child.text())
        if isinstance(child, QGroupBox):
            add(name, child.title())
        if isinstance(child, QLineEdit | QPlainTextEdit) and child.property("language") != "en":
            add(name + " placeholder", child.placeholderText())
        if isinstance(child, QMenu):
            add("menu", child.title())
        if isinstance(child, QTabWidget):
            for index in range(child.count()):
                add("tab", child.tabText(index))
        if isinstance(child, QComboBox) and not child.isEditable() and child.count() < 20 \
                and type(child).__name__ != "PartyCombo":  # parties are data, not labels
            for index in range(child.count()):
                add("choice", child.itemText(index))
        header = getattr(child, "horizontalHeader", None) or getattr(child, "header", None)
        if isinstance(child, QAbstractItemView) and header is not None and child.model() is not None:
            from PySide6.QtCore import Qt

            for column in range(header().count()):
                add("header", child.model().headerData(column, Qt.Orientation.Horizontal))
        add(name + " tip", child.toolTip())
        add(name + " accessible", child.accessibleName())
    for action in widget.findChildren(QAction):
        add("action", action.text())
        add("action tip", action.statusTip())
    return found


# A statistics office's file as the mapping step meets it: Russian headers, no source column
# (asked for every row), an indicator and a unit Fact Sheet does not know (asked about).
MAPPED_FIGURES = ("Регион;Показатель;Период;Значение;Единица измерения\n"
                  "Абайская область;Ввоз товаров;2024;1,5;млн попугаев\n")
# An article as Capture reads it: proposals of several kinds, some with a question left open.
ARTICLE = ("Аким Абайской области Берик Уали провёл встречу с делегацией Омской области.\n\n"
           "Товарооборот Абайской области с Россией за январь–май 2025 года составил 128,6 млн долларов США.\n")


def _settle(app, done=lambda: True, rounds: int = 400) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        if done():
            return
        time.sleep(0.05)


def _new_windows(app, window, words: dict, folder: Path) -> None:
    """The dialogs and windows that came with later features: Capture, the help window and the
    Import… mapping step with its questions."""
    from desktop.capture.dialog import CaptureDialog
    from desktop.dialogs.import_dialog import ImportDialog
    from desktop.help.window import HelpWindow

    capture = CaptureDialog(window, ARTICLE)
    capture.show()
    _settle(app, rounds=20)
    tree = capture.tree
    words["capture"] = _texts(capture) + [("group", tree.topLevelItem(n).text(1))
                                          for n in range(tree.topLevelItemCount())]
    capture.done(0)
    help_window = HelpWindow(window)
    help_window.show()
    _settle(app, rounds=20)
    words["help"] = _texts(help_window) + [("contents", item.text(0)) for item in help_window._items()]
    help_window.close()
    mapped = folder / "abai2024.csv"
    mapped.write_text(MAPPED_FIGURES, encoding="utf-8")
    dialog = ImportDialog(window, mapped, parent=window)
    dialog.show()
    _settle(app, lambda: dialog.step is not None and "source_title" in dialog.step.value_boxes)
    asked = _texts(dialog)  # "Say which column holds Source, or type it for every row."
    source = dialog.step.value_boxes["source_title"]
    source.setText("Бюллетень №1")
    source.editingFinished.emit()
    _settle(app, lambda: dialog.step.questions.isVisible() and not dialog.working())
    words["import mapping"] = asked + _texts(dialog)
    dialog.done(0)


def _history_windows(app, window, words: dict, sheet) -> None:
    """The check before printing the sample's sheet, and the windows of what was printed,
    deleted and backed up, each as a fresh sample shows it: with nothing to list yet."""
    from db.sheet.preprint import before_print
    from desktop.dialogs.briefings_dialog import BriefingsDialog
    from desktop.dialogs.deleted_records import DeletedRecordsDialog
    from desktop.factsheet.preprint_dialog import PrePrintDialog
    from desktop.safety.restore_dialog import RestoreDialog

    for name, dialog, browser in (
            ("before printing", PrePrintDialog(before_print(sheet), window), None),
            ("briefings", briefings := BriefingsDialog(window.db, window), lambda: briefings.changes),
            ("deleted records", deleted := DeletedRecordsDialog(window.db, lambda _d: False, window),
             lambda: deleted.fields),
            ("restore", restore := RestoreDialog(window), lambda: restore.differences)):
        dialog.show()
        _settle(app, rounds=10)
        words[name] = _texts(dialog) + ([("browser", browser().toPlainText())] if browser else [])
        dialog.done(0)


def main(path: str) -> int:
    from db.file.connection import open_database
    from db.seed import load_seed
    from desktop.common import language
    from desktop.gui import create_application

    app = create_application()
    language.apply(app)
    from PySide6.QtWidgets import QDialog

    from desktop.dialogs.about import AboutDialog
    from desktop.dialogs.export_dialog import ExportDialog
    from desktop.dialogs.find_dialog import FindDialog
    from desktop.dialogs.import_dialog import ImportDialog
    from desktop.factsheet.preview import PreviewDialog
    from desktop.forms.engine import RecordDialog
    from desktop.forms.kinds import FORMS
    from desktop.window.main_window import MainWindow
    from desktop.window.pages import TABS

    db = open_database(Path(path))
    load_seed(db)
    window = MainWindow(db)
    window.show()
    app.processEvents()
    for name, _title, _module in TABS:  # tabs are built when first needed: every one, to walk them all
        window.pages.get(name)
    app.processEvents()
    words = {"window": _texts(window)}
    for kind in FORMS:
        dialog = RecordDialog(kind, window.editing.history.session(), parent=window)
        dialog.show()
        app.processEvents()
        words[f"form {kind}"] = _texts(dialog)
        dialog.done(0)
    csv = Path(path).with_name("figures.csv")
    csv.write_text("subject,counterpart,indicator,period_start,period_end,value,unit,source_title\n"
                   "Abai region,Russian Federation,exports,2024-01-01,2024-12-31,1.5,USD million,Release\n",
                   encoding="utf-8")
    sheet = None
    for name, make in (("import", lambda: ImportDialog(window, csv, parent=window)),
                       ("export", lambda: ExportDialog(window)), ("find", lambda: FindDialog(window)),
                       ("about", lambda: AboutDialog(Path(path), window)),
                       ("preview", lambda: PreviewDialog(window.factsheet_actions, window))):
        dialog: QDialog = make()
        dialog.show()
        for _ in range(20):
            app.processEvents()
        words[name] = _texts(dialog)
        sheet = getattr(dialog, "sheet", sheet)  # the preview's: the check before printing reads it
        dialog.done(0)
    _new_windows(app, window, words, Path(path).parent)
    _history_windows(app, window, words, sheet)
    print(json.dumps(words, ensure_ascii=False))
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
