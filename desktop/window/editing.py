"""New…, Edit…, Delete, Undo and Redo in the main window: the actions and what they do.

``install(window)`` adds the actions to the Edit menu, a main toolbar and each list's
row context menu, and connects Enter / double-click on a row to Edit…. New… on a tab
creates that tab's kind; on the Overview it asks which kind. Parties, subject areas and
statements have no tab: they are created from the Overview's New…, from a picker's
“Create new …”, and edited from their detail window (Edit…, Delete).

Every change goes through ``desktop.common.undo.History`` (one per window), so each Save and
each Delete is one undo step; after any step the views are read again and the record
it touched is selected. Delete asks first and names what goes with the record; a record
still in use is not deleted and its uses can be shown. A read-only database disables
every action that would write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db import store
from db.errors import FactSheetError
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES, Record, format_count
from db.read.queries import person_of_position, record_label
from desktop import APP_NAME
from desktop.common import message_box
from desktop.common.undo import History, step_text
from desktop.tabs.list_tab import ListTab
from desktop.tabs.record_window import RecordWindow

if TYPE_CHECKING:
    from desktop.forms.engine import RecordDialog

# The kinds New… offers on the Overview, in the order a news item is usually recorded.
NEW_KINDS = ("agreement", "event", "indicator", "statement", "person", "position", "party", "subject", "source")


def install(window) -> Editing:
    """Give ``window`` its editing actions; returns the controller (also ``window.editing``)."""
    window.editing = Editing(window)
    return window.editing


class KindChooser(QDialog):
    """Which kind of record New… should create (asked on the Overview)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Kind of record"))
        for kind in NEW_KINDS:
            item = QListWidgetItem(KIND_NAMES[kind][0])
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        label = QLabel(_("&What do you want to add?"), self)
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def kind(self) -> str:
        return self.list.currentItem().data(Qt.ItemDataRole.UserRole)


class Editing(QObject):
    """The editing actions of one main window and the undo history behind them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.history = History(window.db, self)
        self.history.changed.connect(self._after_change)
        self.history.failed.connect(self._step_failed)
        self._build_actions()
        self._build_menu_and_toolbar()
        for tab in window.list_tabs.values():
            self._connect_tab(tab)
        window.tabs.currentChanged.connect(self.update_actions)
        stack = self.history.stack
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self.update_actions)
        self.update_actions()

    @property
    def db(self):
        return self.window.db

    # -- actions -------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcuts: list[QKeySequence], tip: str,
                icon: str, fallback: QStyle.StandardPixmap) -> QAction:
        action = QAction(QIcon.fromTheme(icon, self.window.style().standardIcon(fallback)), text, self.window)
        action.setObjectName(name)
        action.setProperty("writes", True)  # disabled while the file is read-only
        action.setShortcuts(shortcuts)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            "new", _("New…"), self.new_record, [QKeySequence(QKeySequence.StandardKey.New)],
            _("Add a record of the kind this tab lists (on the Overview: choose the kind)."),
            "document-new", sp.SP_FileIcon)
        self.edit_action = self._action(
            "edit", _("Edit…"), self.edit_current, [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
            _("Change the selected record (Enter, or double-click the row)."),
            "document-properties", sp.SP_FileDialogDetailedView)
        self.delete_action = self._action(
            "delete", _("Delete"), self.delete_current, [QKeySequence(QKeySequence.StandardKey.Delete)],
            _("Delete the selected record, after saying what goes with it."), "edit-delete", sp.SP_TrashIcon)
        # Enter and Del act on the selected row: they work where the rows are, never in a text box.
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.undo_action = self._action(
            "undo", _("Undo"), self.undo, [QKeySequence(QKeySequence.StandardKey.Undo)],
            _("Undo the last change."), "edit-undo", sp.SP_ArrowBack)
        self.redo_action = self._action(
            "redo", _("Redo"), self.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            _("Redo the change just undone."), "edit-redo", sp.SP_ArrowForward)
        self.new_position_action = self._action(
            "new_position", _("New Position…"), self.new_position, [],
            _("Add a position held by the selected person."), "list-add", sp.SP_FileIcon)

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
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.delete_action, None, self.undo_action,
                       self.redo_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _connect_tab(self, tab: ListTab) -> None:
        tab.record_activated.connect(self.edit)
        tab.table.addAction(self.edit_action)
        tab.table.addAction(self.delete_action)
        tab.table.selectionModel().currentRowChanged.connect(self.update_actions)
        tab.model.modelReset.connect(self.update_actions)
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab.table.customContextMenuRequested.connect(lambda pos, t=tab: self._show_context_menu(t, pos))

    def context_menu(self, tab: ListTab) -> QMenu:
        """The actions offered on a row (the same as the Edit menu's, for that row)."""
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
        stack = self.history.stack
        self.new_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and current is not None)
        self.delete_action.setEnabled(writable and current is not None)
        self.new_position_action.setEnabled(writable and current is not None and current[0] == "person")
        self.undo_action.setEnabled(writable and stack.canUndo())
        self.redo_action.setEnabled(writable and stack.canRedo())
        self.undo_action.setText(_("Undo {step}").format(step=stack.undoText()) if stack.canUndo() else _("Undo"))
        self.redo_action.setText(_("Redo {step}").format(step=stack.redoText()) if stack.canRedo() else _("Redo"))

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
        self.history.set_database(db)
        self.update_actions()

    def _sync_database(self) -> None:
        # The window may have switched files without telling: a history never outlives its file.
        if self.history.db is not self.db:
            self.history.set_database(self.db)

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
        parent = parent or self.window
        label = record_label(self.db, kind, record_id)
        name = KIND_NAMES[kind][0].lower()
        blocking = [r for r in store.references(self.db, kind, record_id) if not r.cascade]
        if blocking:
            return self._refuse_delete(kind, record_id, label, blocking, parent)
        try:
            captured = store.capture(self.db, kind, record_id)
        except FactSheetError as error:
            self.window.statusBar().showMessage(str(error), 5000)
            return None
        box = message_box.plain_box(QMessageBox.Icon.Question, _("Delete"),
                                    _("Delete the {kind} “{label}”?").format(kind=name, label=label), parent,
                                    informative=" ".join(self._consequences(captured)))
        delete = box.addButton(_("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered() -> None:
            if box.clickedButton() is delete:
                self._delete_now(kind, record_id, label, parent)

        box.finished.connect(answered)
        box.open()
        return box

    @staticmethod
    def _consequences(captured: store.Captured) -> list[str]:
        parts = []
        for kind, n in captured.dependents().items():
            parts.append(ngettext("Its {records} is deleted with it.", "Its {records} are deleted with it.", n)
                         .format(records=format_count(n, kind)))
        for kind, n in captured.unlinked().items():
            parts.append(ngettext("{records} will no longer refer to it.", "{records} will no longer refer to it.",
                                  n).format(records=format_count(n, kind)))
        parts.append(_("You can undo this with Edit ▸ Undo (Ctrl+Z)."))
        return parts

    def _refuse_delete(self, kind: str, record_id: int, label: str, blocking, parent: QWidget) -> QMessageBox:
        box = message_box.plain_box(
            QMessageBox.Icon.Warning, _("Delete"),
            _("“{label}” is still used by {uses}, so it was not deleted.").format(
                label=label, uses=store.describe_references(blocking)), parent,
            informative=_("Change or delete those first; Show Uses lists them."))
        show = box.addButton(_("Show Uses"), QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(show)
        box.setEscapeButton(close)
        box.finished.connect(lambda _code: box.clickedButton() is show and self.show_uses(kind, record_id))
        box.open()
        return box

    def _delete_now(self, kind: str, record_id: int, label: str, parent: QWidget) -> None:
        try:
            self.history.session().run(step_text("delete", kind, label),
                                       lambda recorder: recorder.delete(kind, record_id))
        except FactSheetError as error:
            message_box.warn(parent, title=_("Delete"), text=str(error))

    def show_uses(self, kind: str, record_id: int) -> QDialog:
        """A window listing the record with everything that uses it."""
        window = RecordWindow(self.db, kind, record_id, self.window)
        window.show()
        return window

    def undo(self) -> None:
        if self._writable():
            self.history.stack.undo()

    def redo(self) -> None:
        if self._writable():
            self.history.stack.redo()

    # -- detail windows (records without a tab) ----------------------------------------------------
    def add_record_buttons(self, record_window, buttons: QDialogButtonBox) -> None:
        """Edit… and Delete in a record's detail window; Undo and Redo work there too."""
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
        window = self.window
        window.overview.reload_parties()  # its pair pickers list every party: a new or renamed one shows there
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
        message_box.plain_box(QMessageBox.Icon.Warning, APP_NAME, message, self.window,
                              informative=_("Nothing was changed. The undo history was cleared, because "
                                            "the file no longer matches it."),
                              buttons=QMessageBox.StandardButton.Ok).open()

