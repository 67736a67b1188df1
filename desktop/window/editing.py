"""New…, Edit…, Delete, Undo and Redo in the main window: the actions and what they do.

``install(window)`` adds the actions to the Edit menu, a main toolbar and each list's
row context menu, and connects Enter / double-click on a row to Edit…. New… on a tab
creates that tab's kind; on the Overview it asks which kind. Parties, subject areas and
statements have no tab: they are created from the Overview's New…, from a picker's
“Create new …”, and edited from their detail window (Edit…, Delete).

Every change goes through ``desktop.common.undo.History`` (one per window), so each Save and
each Delete is one undo step; after any step the views are read again and the record
it touched is selected. Delete asks first and names what goes with the record; a record
still in use is not deleted and its uses can be shown (``desktop.window.deleting``). The
day's first change is preceded by the day's backup (``desktop.safety.backup_action``). A
read-only database disables every action that would write.

The actions, the toolbar and the menu entries are made with the window; what they run —
the form engine, the undo history and ``db.store`` with its validation, the kind chooser,
Delete's dialogs — is imported when first used, and the history is made with the first
step (or the first look at it), so none of it costs the window's first paint. The
toolbar's icons, looked up in the desktop's icon theme, arrive once the first frame is out:
until then each button keeps an empty icon of the same size, so nothing moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QToolBar, QWidget

from db.errors import FactSheetError
from db.model.i18n import _
from desktop.common import qt_values

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox

    from db.model.records import Record
    from desktop.common.undo import History
    from desktop.forms.engine import RecordDialog
    from desktop.tabs.list_tab import ListTab


def install(window) -> Editing:
    """Give ``window`` its editing actions; returns the controller (also ``window.editing``)."""
    window.editing = Editing(window)
    return window.editing


class Editing(QObject):
    """The editing actions of one main window and the undo history behind them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._history: History | None = None
        self._build_actions()
        self._build_menu_and_toolbar()
        for tab in window.list_tabs.built():
            self._connect_tab(tab)
        window.pages.built.connect(self._connect_tab)
        window.tabs.currentChanged.connect(self.update_actions)
        window.first_painted.connect(self.show_icons)
        self.update_actions()

    @property
    def db(self):
        return self.window.db

    @property
    def history(self) -> History:
        """The window's undo history, made (and its module loaded) when first needed."""
        if self._history is None:
            from desktop.common.undo import History
            from desktop.window import step_messages

            history = self._history = History(self.db, self)
            history.changed.connect(self._after_change)
            history.failed.connect(self._step_failed)
            stack = history.stack
            for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                           stack.redoTextChanged):
                signal.connect(self.update_actions)
            step_messages.follow(self.window, stack)  # "Saved: …", "Undone: …" in the status bar
            history.before_write.append(self._daily_backup)
        return self._history

    def _daily_backup(self) -> None:
        """The day's first change is preceded by the day's backup (``desktop.safety.backup_action``)."""
        from desktop.safety.backup_action import daily_backup

        daily_backup(self.window)

    # -- actions -------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcuts: list[QKeySequence], tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setProperty("writes", True)  # disabled while the file is read-only
        action.setShortcuts(shortcuts)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "new", _("New…"), self.new_record, [QKeySequence(QKeySequence.StandardKey.New)],
            _("Add a record of the kind this tab lists (on the Overview: choose the kind)."))
        self.edit_action = self._action(
            "edit", _("Edit…"), self.edit_current, [QKeySequence("Return"), QKeySequence("Enter")],
            _("Change the selected record (Enter, or double-click the row)."))
        self.delete_action = self._action(
            "delete", _("Delete"), self.delete_current, [QKeySequence(QKeySequence.StandardKey.Delete)],
            _("Delete the selected record, after saying what goes with it."))
        # Enter and Del act on the selected row: they work where the rows are, never in a text box.
        for action in (self.edit_action, self.delete_action):
            qt_values.only_where_focused(action)
        self.undo_action = self._action(
            "undo", _("Undo"), self.undo, [QKeySequence(QKeySequence.StandardKey.Undo)], _("Undo the last change."))
        self.redo_action = self._action(
            "redo", _("Redo"), self.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            _("Redo the change just undone."))
        self.new_position_action = self._action(
            "new_position", _("New Position…"), self.new_position, [],
            _("Add a position held by the selected person."))

    def show_icons(self) -> None:
        """Give the actions their icons from the desktop's theme (the style's own where the
        theme has none): done once the window's first frame is out."""
        from PySide6.QtWidgets import QStyle

        style, sp = self.window.style(), QStyle.StandardPixmap
        for action, name, fallback in (
                (self.new_action, "document-new", sp.SP_FileIcon),
                (self.edit_action, "document-properties", sp.SP_FileDialogDetailedView),
                (self.delete_action, "edit-delete", sp.SP_TrashIcon),
                (self.undo_action, "edit-undo", sp.SP_ArrowBack),
                (self.redo_action, "edit-redo", sp.SP_ArrowForward),
                (self.new_position_action, "list-add", sp.SP_FileIcon)):
            action.setIcon(QIcon.fromTheme(name, style.standardIcon(fallback)))

    def _build_menu_and_toolbar(self) -> None:
        menu = self.window.edit_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.undo_action, self.redo_action, None, self.new_action, self.edit_action,
                       self.delete_action, self.new_position_action, None):
            if action is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)
        self.toolbar = QToolBar(_("Main toolbar"), self.window)
        self.toolbar.setObjectName("main_toolbar")
        qt_values.text_beside_icons(self.toolbar)
        for action in (self.new_action, self.edit_action, self.delete_action, None, self.undo_action,
                       self.redo_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.window.addToolBar(self.toolbar)  # at the top

    def _connect_tab(self, tab: ListTab) -> None:
        from PySide6.QtCore import Qt

        tab.record_activated.connect(self.edit)
        tab.table.addAction(self.edit_action)
        tab.table.addAction(self.delete_action)
        tab.table.selectionModel().currentRowChanged.connect(self.update_actions)
        tab.model.modelReset.connect(self.update_actions)
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab.table.customContextMenuRequested.connect(lambda pos, t=tab: self._show_context_menu(t, pos))

    def context_menu(self, tab: ListTab) -> QMenu:
        """The actions offered on a row (the same as the Edit menu's, for that row)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMenu

        menu = QMenu(tab.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.new_action, self.edit_action, self.delete_action])
        if tab.listing.kind == "person":
            menu.addAction(self.new_position_action)
        menu.addSeparator()
        menu.addAction(self.window.copy_action)
        return menu

    def _show_context_menu(self, tab: ListTab, pos: QPoint) -> None:
        index = tab.table.indexAt(pos)
        if index.isValid():
            tab.table.selectRow(index.row())
        self.context_menu(tab).popup(tab.table.viewport().mapToGlobal(pos))

    def update_actions(self, *_args: object) -> None:
        self._sync_database()
        writable = not getattr(self.db, "read_only", False)
        current = self.current_record()
        stack = self._history.stack if self._history is not None else None  # no history: nothing done yet
        can_undo, can_redo = stack is not None and stack.canUndo(), stack is not None and stack.canRedo()
        self.new_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and current is not None)
        self.delete_action.setEnabled(writable and current is not None)
        self.new_position_action.setEnabled(writable and current is not None and current[0] == "person")
        self.undo_action.setEnabled(writable and can_undo)
        self.redo_action.setEnabled(writable and can_redo)
        self.undo_action.setText(_("Undo {step}").format(step=stack.undoText()) if can_undo else _("Undo"))
        self.redo_action.setText(_("Redo {step}").format(step=stack.redoText()) if can_redo else _("Redo"))

    # -- what the actions do ------------------------------------------------------------------------
    def current_record(self) -> tuple[str, int] | None:
        tab = self.window.current_list_tab()
        if tab is None:
            return None
        record_id = tab.current_record_id()
        return (tab.listing.kind, record_id) if record_id is not None else None

    def _writable(self) -> bool:
        if getattr(self.db, "read_only", False):
            self.window.statusBar().showMessage(self.db.read_only_reason or _("This database is read-only."), 5000)
            return False
        self._sync_database()
        return True

    def set_database(self, db) -> None:
        """Another file is open in the window: the history starts again."""
        if self._history is not None:
            self._history.set_database(db)
        self.update_actions()

    def _sync_database(self) -> None:
        # The window may have switched files without telling: a history never outlives its file.
        if self._history is not None and self._history.db is not self.db:
            self._history.set_database(self.db)

    def open_form(self, kind: str, record: Record | None = None, *, initial: dict[str, object] | None = None,
                  parent: QWidget | None = None) -> RecordDialog | None:
        """Open the form for a new record (``record`` None) or for changing one; returns it."""
        if not self._writable():
            return None
        from desktop.forms.engine import RecordDialog  # the form engine loads with the first form

        dialog = RecordDialog(kind, self.history.session(), record=record, initial=initial,
                              parent=parent or self.window)
        dialog.open()
        return dialog

    def new_record(self) -> QDialog | None:
        tab = self.window.current_list_tab()
        if tab is not None:
            return self.open_form(tab.listing.kind)
        if not self._writable():
            return None
        from desktop.window.kind_chooser import KindChooser

        chooser = KindChooser(self.window)
        chooser.accepted.connect(lambda: self.open_form(chooser.kind()))
        chooser.open()
        return chooser

    def new_position(self) -> RecordDialog | None:
        current = self.current_record()
        if current is None or current[0] != "person":
            return None
        return self.open_form("position", initial={"person_id": current[1]})

    def edit_current(self) -> RecordDialog | None:
        current = self.current_record()
        return self.edit(*current) if current else None

    def edit(self, kind: str, record_id: int, parent: QWidget | None = None) -> RecordDialog | None:
        from db import store

        try:
            record = store.get(self.db, kind, record_id)
        except FactSheetError as error:
            self.window.statusBar().showMessage(str(error), 5000)
            return None
        return self.open_form(kind, record, parent=parent)

    def delete_current(self) -> QMessageBox | None:
        current = self.current_record()
        return self.delete(*current) if current else None

    def delete(self, kind: str, record_id: int, parent: QWidget | None = None) -> QMessageBox | None:
        """Ask, then delete; a record still in use is refused with an offer to show its uses."""
        if not self._writable():
            return None
        from desktop.window import deleting

        return deleting.ask(self, kind, record_id, parent or self.window)

    def show_uses(self, kind: str, record_id: int) -> QDialog:
        """A window listing the record with everything that uses it."""
        from desktop.tabs.record_window import RecordWindow

        window = RecordWindow(self.db, kind, record_id, self.window)
        window.show()
        return window

    def undo(self) -> None:
        if self._writable() and self._history is not None:
            self._history.stack.undo()

    def redo(self) -> None:
        if self._writable() and self._history is not None:
            self._history.stack.redo()

    # -- detail windows (records without a tab) ----------------------------------------------------
    def add_record_buttons(self, record_window, buttons: QDialogButtonBox) -> None:
        """Edit… and Delete in a record's detail window; Undo and Redo work there too."""
        from PySide6.QtWidgets import QDialogButtonBox

        edit = buttons.addButton(_("Edit…"), QDialogButtonBox.ButtonRole.ActionRole)
        delete = buttons.addButton(_("Delete"), QDialogButtonBox.ButtonRole.ActionRole)
        edit.setObjectName("edit")
        delete.setObjectName("delete")
        edit.clicked.connect(lambda: self.edit(record_window.kind, record_window.record_id, record_window))
        delete.clicked.connect(lambda: self.delete(record_window.kind, record_window.record_id, record_window))
        record_window.addActions([self.undo_action, self.redo_action])
        record_window.edit_button, record_window.delete_button = edit, delete
        self._update_record_window(record_window)

    def _update_record_window(self, record_window) -> None:
        record_window.detail.show_record(record_window.kind, record_window.record_id)
        exists = record_window.detail.current is not None
        writable = not getattr(self.db, "read_only", False)
        record_window.edit_button.setEnabled(exists and writable)
        record_window.delete_button.setEnabled(exists and writable)

    # -- after every step ------------------------------------------------------------------------------
    def _after_change(self, focus: tuple[str, int] | None) -> None:
        from db.read.queries import person_of_position
        from desktop.tabs.record_window import RecordWindow

        window = self.window
        overview = window.pages.made("overview")  # one built later reads the parties then
        if overview is not None:
            overview.reload_parties()  # its pair pickers list every party: a new or renamed one shows there
        window.refresh()
        for record_window in window.findChildren(RecordWindow):
            if hasattr(record_window, "edit_button"):
                self._update_record_window(record_window)
        tab = window.current_list_tab()
        if focus is not None and tab is not None:
            kind, record_id = focus
            if kind == "position" and tab.listing.kind == "person":
                person_id = person_of_position(self.db, record_id)
                kind, record_id = ("person", person_id) if person_id is not None else (kind, record_id)
            if tab.listing.kind == kind:
                tab.select_record(record_id)
        self.update_actions()

    def _step_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop import APP_NAME
        from desktop.common import message_box

        message_box.plain_box(QMessageBox.Icon.Warning, APP_NAME, message, self.window,
                              informative=_("Nothing was changed. The undo history was cleared, because "
                                            "the file no longer matches it."),
                              buttons=QMessageBox.StandardButton.Ok).open()


def hold_icon_places(toolbar: QToolBar) -> None:
    """Give the toolbar's actions that have no icon yet an empty one of the toolbar's icon
    size, so the buttons are as large in the first frame as once their icons arrive."""
    size = toolbar.iconSize()
    empty = QPixmap(size)
    empty.fill(QColor(0, 0, 0, 0))
    for action in toolbar.actions():
        if not action.isSeparator() and action.icon().isNull():
            action.setIcon(QIcon(empty))
