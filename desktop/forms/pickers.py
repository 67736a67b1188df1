"""The searchable picker every link field is built on: one record of a kind, chosen by name.

``RecordPicker`` is a box that searches as you type — English and local names, any case,
through ``db.read.queries.choices`` in SQL — and lists what matches with “Create new …” last,
which opens a nested form prefilled with what was typed. Down or the arrow button lists
everything. While the list is open, Enter takes exactly the entry it highlights, whichever
widget the key reaches (the box typed in, or the list); with the list closed, Enter takes
an exact (or the only) match.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from db.model.i18n import _
from db.model.records import KIND_NAMES
from db.read import queries

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CREATE = -1  # the id of the “Create new …” entry
SHOWN = 30  # matches listed at once; typing more narrows them
# Keys that move the highlight in the open list, also when they reach the box typed in.
_LIST_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class RecordPicker(QWidget):
    """Choose one record of a kind by typing any of its names."""

    chosen = Signal()  # the chosen record changed (to a record, or to none)
    typed = Signal()  # text was typed that is not (yet) a chosen record
    create_requested = Signal(str)  # “Create new …” was chosen; the text typed so far

    def __init__(self, db, kind: str, parent: QWidget, *, accessible: str, placeholder: str = "",
                 exclude: Callable[[], set[int]] | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self._exclude = exclude or set
        self._id: int | None = None
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible)
        self.edit.setPlaceholderText(placeholder or _("Type a name in any script…"))
        self.edit.setClearButtonEnabled(True)
        plural = KIND_NAMES[kind][1].lower()
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setAccessibleName(_("List {kinds}").format(kinds=plural))
        self.button.setToolTip(_("List {kinds}").format(kinds=plural))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(self.edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        # Filters run newest first: this one sees the list's keys before the completer does,
        # so Enter there takes the highlighted entry once, by the same path as in the box.
        self.completer.popup().installEventFilter(self)
        self.button.clicked.connect(self.show_list)

    # -- the chosen record -------------------------------------------------------------
    def record_id(self) -> int | None:
        return self._id

    def pending_text(self) -> str:
        """Text typed that names no chosen record yet ("" when there is none)."""
        return self.edit.text().strip() if self._id is None else ""

    def set_record(self, record_id: int | None) -> None:
        self._id = record_id
        self.edit.setText(queries.record_label(self.db, self.kind, record_id) if record_id is not None else "")
        if not self.edit.hasFocus():
            self.edit.setCursorPosition(0)  # a long name shows its beginning

    def choose(self, record_id: int | None) -> None:
        """Choose a record as the person did, telling the form."""
        self.set_record(record_id)
        self.chosen.emit()

    # -- searching -----------------------------------------------------------------------
    def _fill(self, text: str) -> None:
        self.model.clear()
        excluded = self._exclude()
        for record_id, label in queries.choices(self.db, self.kind, text, limit=SHOWN + len(excluded)):
            if record_id in excluded:
                continue
            item = QStandardItem(label)
            item.setData(record_id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        name = KIND_NAMES[self.kind][0].lower()
        create = (_("Create new {kind} “{text}”…").format(kind=name, text=text.strip()) if text.strip()
                  else _("Create new {kind}…").format(kind=name))
        item = QStandardItem(create)
        item.setData(CREATE, ID_ROLE)
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(font)
        item.setEditable(False)
        self.model.appendRow(item)

    def show_list(self) -> None:
        """Show what matches the text typed (everything when nothing is typed)."""
        self._fill("" if self._id is not None else self.edit.text())
        self.completer.setCompletionPrefix("")
        self.completer.complete()
        popup = self.completer.popup()
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        self.edit.setFocus()

    def _typed(self, text: str) -> None:
        if self._id is not None:
            self._id = None
            self.chosen.emit()
        self.typed.emit()
        if text.strip():
            self.show_list()
        else:
            self.completer.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id == CREATE:
            self.create_requested.emit(self.pending_text())
        elif record_id is not None:
            self.choose(int(record_id))

    def resolve(self, *, exact_only: bool) -> bool:
        """Choose the record the typed text names exactly (or, unless ``exact_only``, the only match)."""
        text = self.pending_text()
        if not text:
            return False
        excluded = self._exclude()
        found = [(i, label) for i, label in queries.choices(self.db, self.kind, text, limit=SHOWN)
                 if i not in excluded]
        wanted = text.casefold()
        exact = [i for i, label in found
                 if wanted == label.casefold() or wanted in (part.strip().casefold() for part in label.split(" / "))]
        if len(exact) == 1 or (not exact_only and len(found) == 1):
            self.choose(exact[0] if len(exact) == 1 else found[0][0])
            return True
        return False

    def take_highlighted(self) -> bool:
        """Take the entry the open list highlights (a record, or “Create new …”); False when
        the list is closed or highlights nothing."""
        popup = self.completer.popup()
        index = popup.currentIndex()
        if not popup.isVisible() or not index.isValid():
            return False
        popup.hide()
        self._activated(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        popup = self.completer.popup()
        if watched is popup:
            if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self.take_highlighted()
            return super().eventFilter(watched, event)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if popup.isVisible():
                if key in _LIST_KEYS:  # the list moves, whichever widget the key reached
                    QApplication.sendEvent(popup, QKeyEvent(event.type(), key, event.modifiers()))
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.take_highlighted():
                    return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and not popup.isVisible():
                self.show_list()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pending_text():
                if not self.resolve(exact_only=False):
                    self.show_list()
                return True  # Enter here chooses a record; it does not save the form
        elif (watched is self.edit and event.type() == QEvent.Type.FocusOut and self.isVisible()
              and not popup.isVisible()):
            self.resolve(exact_only=True)
        return super().eventFilter(watched, event)
