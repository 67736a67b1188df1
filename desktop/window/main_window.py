"""The main window: seven tabs over one database, the menus, and the status bar.

Tabs: Overview, Agreements, Officials, Events, Trade, Sources, Timeline. Any record can be opened
from anywhere through ``open_record``: it switches to the record's tab and selects it, or
shows records that have no tab of their own (parties, subject areas, statements) in a
small detail window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from db.model.i18n import _
from db.model.records import format_count
from db.read import queries
from desktop import APP_NAME
from desktop.capture import action as capture_action
from desktop.common import plain_text, settings, theme
from desktop.dialogs import export_dialog, find_dialog, import_dialog
from desktop.factsheet import window as factsheet_window
from desktop.help import context as help_context
from desktop.safety import net as safety
from desktop.safety import read_only
from desktop.tabs import agreements, events, officials, sources, timeline, trade
from desktop.tabs.list_tab import ListTab
from desktop.tabs.overview import OverviewTab
from desktop.tabs.record_window import RecordWindow
from desktop.window import (
    drops,
    editing,
    files,
    history_actions,
    keyboard,
    language_menu,
    shortcuts,
    step_messages,
)

# The File menu's sections, top to bottom: database files (new, open, copies, backups),
# data in and out, then printing; Quit comes last.
FILE_SECTIONS = ("files", "data", "print")

# Which list tab shows each kind of record.
KIND_TABS = {"agreement": "agreements", "person": "officials", "event": "events",
             "indicator": "indicators", "source": "sources"}


class MainWindow(QMainWindow):
    """Fact Sheet's window over one open database."""

    # Another database file is shown (File ▸ Open…): anything holding records of the old one
    # (an undo history, an open dialog) lets go of them.
    database_changed = Signal(object)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)

        self.overview = OverviewTab(db, self)
        self.overview.link_activated.connect(self.open_record)
        self.overview.trade_requested.connect(lambda: self.tabs.setCurrentWidget(self.list_tabs["indicators"]))
        self.tabs.addTab(self.overview, _("Overview"))
        self.list_tabs: dict[str, ListTab] = {}
        for module in (agreements, officials, events, trade, sources):
            tab = module.create(db)
            tab.setParent(self)
            tab.link_activated.connect(self.open_record)
            self.list_tabs[tab.listing.name] = tab
            self.tabs.addTab(tab, module.TITLE)
        self.timeline = timeline.create(db)  # every dated fact on one scale
        self.timeline.setParent(self)
        self.timeline.link_activated.connect(self.open_record)
        self.tabs.addTab(self.timeline, timeline.TITLE)

        self.setStatusBar(plain_text.StatusBar(self))  # messages quoting data show controls, never pass them on
        self.path_label = QLabel(self)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name may look like markup
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self.editing = editing.install(self)
        step_messages.install(self)  # "Saved: …", "Deleted: …", "Undone: …" in the status bar
        history_actions.install(self)  # Restore this version, Deleted Records…, Briefings…
        for module in (files, import_dialog, export_dialog, find_dialog):  # File and Edit menu actions
            module.install(self)
        factsheet_window.install(self)  # File ▸ Print Preview…, Print…, Export PDF…
        help_context.install_menu(self)  # Help ▸ Fact Sheet Help (F1)
        capture_action.install(self)  # File ▸ Capture…, Ctrl+Shift+V, text pasted on the window
        self._show_database_info()
        self._restore_geometry()
        safety.install(self)  # read-only banner, Back Up Now, changes from elsewhere, damage check
        shortcuts.name_shortcuts_in_tooltips(self)
        keyboard.install(self)  # Alt+number for tabs; the focus starts inside the page
        drops.install(self)  # a database, figures or an article dropped on the window
        theme.follow(self)  # light ⇄ dark while running: the rich-text views pick their colours again

    # -- opening records ------------------------------------------------------------------
    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record: select it in its tab, or open it in a detail window."""
        if kind == "position":
            person_id = queries.person_of_position(self.db, record_id)
            if person_id is None:
                return
            kind, record_id = "person", person_id
        tab_name = KIND_TABS.get(kind)
        if tab_name is None:
            RecordWindow(self.db, kind, record_id, self).show()
            return
        tab = self.list_tabs[tab_name]
        self.tabs.setCurrentWidget(tab)
        if not tab.select_record(record_id):
            self.statusBar().showMessage(_("That record no longer exists."), 5000)
            return
        tab.table.setFocus()

    def open_database_file(self, path: Path) -> bool:
        """Show the database at ``path`` (File ▸ Open…, a double-click, a drop); False, with a
        sentence said, when it cannot be opened."""
        return files.switch_to(self, path)

    def capture_text(self, text: str, path: Path | None = None) -> None:
        """Open Capture on an article's text (pasted, dropped, or read from ``path``)."""
        capture_action.capture_text(self, text, path)

    def current_list_tab(self) -> ListTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ListTab) else None

    def set_database(self, db) -> None:
        """Show another database in this window: every tab and view, the title and the status bar."""
        for record_window in self.findChildren(RecordWindow):
            record_window.close()
        self.db = db
        self.overview.set_database(db)
        for tab in self.list_tabs.values():
            tab.set_database(db)
        self.timeline.set_database(db)
        self.editing.set_database(db)
        self._show_database_info()
        safety.database_changed(self)
        self.database_changed.emit(db)

    def refresh(self) -> None:
        """Re-read every view from the database (after a change made anywhere)."""
        self.overview.refresh()
        for tab in self.list_tabs.values():
            tab.reload()
        self.timeline.reload()
        self._show_database_info()

    def apply_read_only(self) -> None:
        """Show why the database cannot be changed, and disable every action that writes.

        Actions that change the database carry the Qt property ``writes`` = True; call this
        again after switching databases or adding such actions.
        """
        read_only.apply(self)

    # -- menus -----------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        # Sections in a fixed order whatever order features install in; empty ones collapse.
        self._file_sections = {name: self.file_menu.addSeparator() for name in FILE_SECTIONS}
        # Ctrl+Q where the platform names no Quit key of its own (Windows has Alt+F4 besides).
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        self.quit_action = self._action(_("&Quit"), self.close, quit_keys,
                                        _("Close Fact Sheet; everything is already saved."))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(_("&Edit"))
        self.copy_action = self._action(_("&Copy"), self.copy_selection, QKeySequence.StandardKey.Copy,
                                        _("Copy the selected row as text."))
        self.edit_menu.addAction(self.copy_action)

        self.view_menu = bar.addMenu(_("&View"))
        for number in range(self.tabs.count()):
            title = self.tabs.tabText(number)
            action = self._action(title, lambda _checked=False, n=number: self.tabs.setCurrentIndex(n),
                                  QKeySequence(f"Ctrl+{number + 1}"), _("Show the {tab} tab.").format(tab=title))
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.refresh_action = self._action(_("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh,
                                           _("Read everything again from the database file."))
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        self.language_menu = language_menu.install(self, self.view_menu)

        self.help_menu = bar.addMenu(_("&Help"))
        self.about_action = self._action(_("&About Fact Sheet"), self.show_about, tip=_(
            "Show the version, the open database's path and the licences."))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu.addAction(self.about_action)

    def add_file_actions(self, section: str, actions: list[QAction]) -> None:
        """Put actions at the end of a File menu section (see ``FILE_SECTIONS``)."""
        self.file_menu.insertActions(self._file_sections[section], actions)

    def copy_selection(self) -> None:
        tab = self.current_list_tab()
        if tab is None:
            self.overview.page.copy()
            return
        index = tab.table.currentIndex()
        if not index.isValid():
            return
        model = tab.model
        cells = [model.data(model.index(index.row(), c)) or "" for c in range(model.columnCount())]
        QApplication.clipboard().setText("\t".join(cells))
        self.statusBar().showMessage(_("Row copied."), 3000)

    def show_about(self) -> None:
        from desktop.dialogs.about import AboutDialog

        dialog = AboutDialog(self.db.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- window state ------------------------------------------------------------------------
    def _show_database_info(self) -> None:
        path = self.db.path
        name = path.name if path else _("(in memory)")
        self.setWindowTitle(plain_text.title(f"{name} — {APP_NAME}"))
        self.path_label.setText(str(path) if path else name)
        counts = queries.counts(self.db)
        self.counts_label.setText(" · ".join(
            format_count(counts[kind], kind) for kind in ("agreement", "person", "event", "indicator", "source")))

    def _restore_geometry(self) -> None:
        geometry = settings.load_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        state = settings.load_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        tab = settings.load_int_list("window/tab")
        if tab and 0 <= tab[0] < self.tabs.count():
            self.tabs.setCurrentIndex(tab[0])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        settings.save_value("window/geometry", self.saveGeometry())
        settings.save_value("window/state", self.saveState())
        settings.save_value("window/tab", self.tabs.currentIndex())
        for tab in self.list_tabs.values():
            tab.save_layout()
        super().closeEvent(event)
