"""The window's menus — File, Edit, View, Help — with every action in them from the start.

An action is cheap to make; the code it runs is not. So every action is made here with its
text, keys and tip, and what it does is imported when it is first triggered: the file
dialogs (``desktop.window.files``), Back Up Now and Restore from Backup…
(``desktop.safety``), Import… and Export… (``desktop.dialogs``), Find…, the fact sheet's
printing (``desktop.factsheet.window``) and About. The menus and their shortcuts work from
the first paint, and none of those modules is loaded before it. Others make their own
actions as cheaply: New…, Edit…, Delete, Undo and Redo (``desktop.window.editing``),
Deleted Records…, Name in the History… and Briefings… (``desktop.window.history_actions``),
Capture… (``desktop.capture.action``), View ▸ Language (``desktop.window.language_menu``)
and Help ▸ Fact Sheet Help (``desktop.help.context``).

The File menu has sections in a fixed order whatever order features add to them
(``MainWindow.add_file_actions``): database files, data in and out, printing; Quit last.
Each list tab also gets its Export table as CSV… button here, when the tab is built.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from db.model.i18n import _
from desktop.help import context as help_context
from desktop.window import language_menu
from desktop.window.pages import TABS

FILE_SECTIONS = ("files", "data", "print")
WRITES = "writes"  # the Qt property of actions that change the database (desktop.safety.read_only)


def build(window) -> None:
    """Give ``window`` its menu bar and the actions in it."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu(_("&File"))
    # Sections in a fixed order whatever order features install in; empty ones collapse.
    window.file_sections = {name: window.file_menu.addSeparator() for name in FILE_SECTIONS}
    # Ctrl+Q where the platform names no Quit key of its own (Windows has Alt+F4 besides).
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    window.quit_action = window._action(_("&Quit"), window.close, quit_keys,
                                        _("Close Fact Sheet; everything is already saved."))
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.file_menu.addAction(window.quit_action)
    _file_actions(window)
    _data_actions(window)
    _print_actions(window)

    window.edit_menu = bar.addMenu(_("&Edit"))
    window.copy_action = window._action(_("&Copy"), window.copy_selection, QKeySequence.StandardKey.Copy,
                                        _("Copy the selected row as text."))
    window.edit_menu.addAction(window.copy_action)
    window.find_dialog = None
    window.find_action = window._action(_("&Find…"), lambda: find(window), QKeySequence.StandardKey.Find,
                                        _("Find any record by the words in it."))
    window.edit_menu.addAction(window.find_action)

    window.view_menu = bar.addMenu(_("&View"))
    for number, (_name, title, _module) in enumerate(TABS):
        action = window._action(title, lambda _checked=False, n=number: window.tabs.setCurrentIndex(n),
                                QKeySequence(f"Ctrl+{number + 1}"), _("Show the {tab} tab.").format(tab=title))
        window.view_menu.addAction(action)
    window.view_menu.addSeparator()
    window.refresh_action = window._action(_("&Refresh"), window.refresh, QKeySequence.StandardKey.Refresh,
                                           _("Read everything again from the database file."))
    window.view_menu.addAction(window.refresh_action)
    window.view_menu.addSeparator()
    window.language_menu = language_menu.install(window, window.view_menu)

    window.help_menu = bar.addMenu(_("&Help"))
    window.about_action = window._action(_("&About Fact Sheet"), lambda: show_about(window), tip=_(
        "Show the version, the open database's path and the licences."))
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.help_menu.addAction(window.about_action)
    help_context.install_menu(window)  # Help ▸ Fact Sheet Help (F1), above About

    window.pages.built.connect(lambda tab: add_export_button(window, tab))


# -- File ----------------------------------------------------------------------------------------------
def _file_actions(window) -> None:
    window.new_database_action = window._action(
        _("&New Database…"), lambda: _files(window, "new_database"), None,
        _("Make an empty database file, for another topic (New… adds a record)."))
    window.open_action = window._action(_("&Open…"), lambda: _files(window, "open_file"),
                                        QKeySequence.StandardKey.Open, _("Open another database file."))
    window.recent_menu = QMenu(_("Recent &Files"), window)
    window.recent_menu.aboutToShow.connect(lambda: _files(window, "refresh_recent_menu"))
    window.save_copy_action = window._action(
        _("Save a &Copy…"), lambda: _files(window, "save_copy"), None,
        _("Copy this database to another file; safe while it is open."))
    window.back_up_action = window._action(
        _("&Back Up Now"), lambda: back_up_now(window),
        tip=_("Copy the database into its backups folder now (backups are kept: all of "
              "the last 7 days, one a week for 2 months, one a month before)."))
    window.restore_backup_action = window._action(
        _("&Restore from Backup…"), lambda: restore_backup(window),
        tip=_("Go back to one of the database's backups; the file as it is now is kept as a backup first."))
    window.restore_backup_action.setProperty(WRITES, True)
    window.add_file_actions("files", [window.new_database_action, window.open_action,
                                      window.recent_menu.menuAction(), window.save_copy_action,
                                      window.back_up_action, window.restore_backup_action])


def _files(window, action: str) -> None:
    from desktop.window import files

    getattr(files, action)(window)


def back_up_now(window) -> None:
    from desktop.safety.backup_action import back_up_now as back_up

    back_up(window)


def restore_backup(window) -> None:
    from desktop.safety.restore_dialog import ask_and_restore

    ask_and_restore(window)


# -- data in and out ------------------------------------------------------------------------------------
def _data_actions(window) -> None:
    window.import_action = window._action(
        _("&Import…"), lambda: import_file(window), None,
        _("Add figures from a statistics CSV file, or the records of a Fact Sheet bundle."))
    window.import_action.setProperty(WRITES, True)  # off while the file is read-only
    window.export_action = window._action(_("&Export…"), lambda: export(window), None,
                                          _("Write every record as a bundle, or one table as CSV."))
    window.add_file_actions("data", [window.import_action, window.export_action])


def import_file(window) -> None:
    from desktop.dialogs.import_dialog import ask_and_import

    ask_and_import(window)


def export(window) -> None:
    from desktop.dialogs.export_dialog import export as ask_and_export

    ask_and_export(window)


def add_export_button(window, tab) -> None:
    """Every list's "Export table as CSV…", beside its filter box."""
    button = QToolButton(tab)
    button.setText(_("Export table as CSV…"))
    button.setToolTip(_("Write this list, as filtered and sorted, to a CSV file."))
    button.setAccessibleName(_("Export table as CSV…"))
    button.clicked.connect(lambda _checked=False: export_tab(window, tab))
    tab.top_bar.addWidget(button)
    tab.export_button = button


def export_tab(window, tab) -> None:
    from desktop.dialogs.export_dialog import export_tab as ask_and_export_tab

    ask_and_export_tab(window, tab)


# -- printing -------------------------------------------------------------------------------------------
def _print_actions(window) -> None:
    window.print_preview_action = window._action(
        _("Print Pre&view…"), lambda: window.factsheet_actions.preview(), QKeySequence("Ctrl+Shift+P"),
        _("See the fact sheet for the Overview's pair as it will print, and choose what it shows."))
    window.print_action = window._action(
        _("&Print…"), lambda: window.factsheet_actions.print_sheet(), QKeySequence.StandardKey.Print,
        _("Print the fact sheet for the Overview's pair."))
    window.export_pdf_action = window._action(
        _("Export P&DF…"), lambda: window.factsheet_actions.export_pdf(), None,
        _("Save the fact sheet for the Overview's pair as a PDF file."))
    window.export_word_action = window._action(
        _("Export &Word Document…"), lambda: window.factsheet_actions.export_word(), None,
        _("Save the fact sheet for the Overview's pair as a Word document to edit."))
    window.add_file_actions("print", [window.print_preview_action, window.print_action, window.export_pdf_action,
                                      window.export_word_action])


# -- Edit and Help ----------------------------------------------------------------------------------------
def find(window) -> None:
    """Edit ▸ Find…: the one Find window of this main window, made when first asked for."""
    if window.find_dialog is None:
        from desktop.dialogs.find_dialog import FindDialog

        window.find_dialog = FindDialog(window)
    window.find_dialog.show_and_focus()


def show_about(window) -> None:
    from PySide6.QtCore import Qt

    from desktop.dialogs.about import AboutDialog

    dialog = AboutDialog(window.db.path, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
