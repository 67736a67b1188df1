"""The main window: seven tabs over one database, the menus, and the status bar.

Tabs: Overview, Agreements, Officials, Events, Trade, Sources, Timeline. Any record can be opened
from anywhere through ``open_record``: it switches to the record's tab and selects it, or
shows records that have no tab of their own (parties, subject areas, statements) in a
small detail window.

The window is built for a quick first paint, with the real data of the tab in front: only
that tab is built before it (``desktop.window.pages`` builds the others when shown, asked
for, or idle after the first paint), the menus' actions import what they do when first
used (``desktop.window.menus``, ``desktop.window.editing``), and the printing controller
(``factsheet_actions``) is made on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from db.model.i18n import _
from db.model.kinds import format_count
from db.read import queries
from desktop import APP_NAME
from desktop.capture import action as capture_action
from desktop.common import plain_text, qt_values, settings, theme
from desktop.safety import net as safety
from desktop.safety import read_only
from desktop.window import drops, editing, history_actions, keyboard, menus, recent, shortcuts
from desktop.window.pages import TIMELINE, ListTabs, TabPages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.factsheet.window import FactSheetActions
    from desktop.safety.read_only import ReadOnlyBanner
    from desktop.tabs.list_tab import ListTab
    from desktop.tabs.overview import OverviewTab
    from desktop.tabs.timeline import TimelineTab

# Which list tab shows each kind of record.
KIND_TABS = {"agreement": "agreements", "person": "officials", "event": "events",
             "indicator": "indicators", "source": "sources"}


class MainWindow(QMainWindow):
    """Fact Sheet's window over one open database."""

    # Another database file is shown (File ▸ Open…): anything holding records of the old one
    # (an undo history, an open dialog) lets go of them.
    database_changed = Signal(object)
    # The first frame is on screen: what it does not show (the toolbar's icons, the tabs
    # behind the one in front) is made now.
    first_painted = Signal()

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.pages = TabPages(self, self.tabs)
        self.list_tabs = ListTabs(self.pages)
        self._factsheet_actions: FactSheetActions | None = None
        self._painted = False

        self.setStatusBar(plain_text.StatusBar(self))  # messages quoting data show controls, never pass them on
        self.path_label = QLabel(self)
        qt_values.show_as_plain_text(self.path_label)  # a file name may look like markup
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        menus.build(self)  # File, Edit, View, Help
        self.editing = editing.install(self)  # New…, Edit…, Delete, Undo, Redo: Edit menu and toolbar
        history_actions.install(self)  # Restore this version, Deleted Records…, Briefings…
        capture_action.install(self)  # File ▸ Capture…, Ctrl+Shift+V, text pasted on the window
        self._restore_geometry()  # the tab open last time comes to the front (and is built)
        self.pages.build_current()
        self._show_database_info()
        recent.remember(db.path)  # opens again on the next start; first in Recent Files
        safety.install(self)  # read-only banner, changes from elsewhere, damage check
        shortcuts.name_shortcuts_in_tooltips(self.editing.toolbar)
        editing.hold_icon_places(self.editing.toolbar)  # the icons come after the first paint
        keyboard.install(self)  # Alt+number for tabs; the focus starts inside the page
        drops.install(self)  # a database, figures or an article dropped on the window
        theme.follow(self)  # light ⇄ dark while running: the rich-text views pick their colours again

    @property
    def overview(self) -> OverviewTab:
        """The Overview tab (built now if it was not yet)."""
        return self.pages.get("overview")

    @property
    def timeline(self) -> TimelineTab:
        """The Timeline tab (built now if it was not yet)."""
        return self.pages.get(TIMELINE)

    @property
    def read_only_banner(self) -> ReadOnlyBanner:
        """The strip saying why the file cannot be changed (made when first needed)."""
        return read_only.banner(self)

    @property
    def factsheet_actions(self) -> FactSheetActions:
        """What Print Preview…, Print… and Export PDF… do (made when first used)."""
        if self._factsheet_actions is None:
            from desktop.factsheet.window import FactSheetActions

            self._factsheet_actions = FactSheetActions(self)
        return self._factsheet_actions

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
            from desktop.tabs.record_window import RecordWindow

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
        from desktop.window import files

        return files.switch_to(self, path)

    def capture_text(self, text: str, path: Path | None = None) -> None:
        """Open Capture on an article's text (pasted, dropped, or read from ``path``)."""
        capture_action.capture_text(self, text, path)

    def current_list_tab(self) -> ListTab | None:
        name = self.pages.current_name()
        return self.pages.made(name) if name in KIND_TABS.values() else None

    def set_database(self, db) -> None:
        """Show another database in this window: every tab and view, the title and the status bar.
        (A tab not built yet reads the new database when it is.)"""
        from desktop.tabs.record_window import RecordWindow

        for record_window in self.findChildren(RecordWindow):
            record_window.close()
        self.db = db
        overview = self.pages.made("overview")
        if overview is not None:
            overview.set_database(db)
        for tab in self.list_tabs.built():
            tab.set_database(db)
        timeline = self.pages.made(TIMELINE)
        if timeline is not None:
            timeline.set_database(db)
        self.editing.set_database(db)
        self._show_database_info()
        safety.database_changed(self)
        self.database_changed.emit(db)

    def refresh(self) -> None:
        """Re-read every view from the database (after a change made anywhere)."""
        overview = self.pages.made("overview")
        if overview is not None:
            overview.refresh()
        for tab in self.list_tabs.built():
            tab.reload()
        timeline = self.pages.made(TIMELINE)
        if timeline is not None:
            timeline.reload()
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
        if isinstance(shortcut, QKeySequence):
            action.setShortcuts([shortcut])  # (copying it would build Qt's enums: desktop.common.qt_values)
        elif shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def add_file_actions(self, section: str, actions: list[QAction]) -> None:
        """Put actions at the end of a File menu section (see ``desktop.window.menus``)."""
        self.file_menu.insertActions(self.file_sections[section], actions)

    def copy_selection(self) -> None:
        tab = self.current_list_tab()
        if tab is None:
            overview = self.pages.made("overview")
            if overview is not None and self.tabs.currentWidget() is overview:
                overview.page.copy()
            return
        index = tab.table.currentIndex()
        if not index.isValid():
            return
        model = tab.model
        cells = [model.data(model.index(index.row(), c)) or "" for c in range(model.columnCount())]
        QApplication.clipboard().setText("\t".join(cells))
        self.statusBar().showMessage(_("Row copied."), 3000)

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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:  # the window is on screen: the rest follows once this frame is out
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        self.pages.build_the_rest()  # the other tabs, one per turn of the event loop while idle

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        settings.save_value("window/geometry", self.saveGeometry())
        settings.save_value("window/state", self.saveState())
        settings.save_value("window/tab", self.tabs.currentIndex())
        for tab in self.list_tabs.built():  # a tab never built keeps the layout remembered before
            tab.save_layout()
        super().closeEvent(event)
