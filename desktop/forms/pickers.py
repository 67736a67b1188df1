"""Choosing linked records: a searchable picker, one or many links, sources, a person's positions.

``RecordPicker`` is a box that searches as you type — English and local names, any case,
through ``db.read.queries.choices`` in SQL — and lists what matches with “Create new …” last,
which opens a nested form prefilled with what was typed. Down or the arrow button lists
everything; Enter takes an exact (or the only) match.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import store
from db.errors import Problem
from db.model.i18n import _
from db.model.records import KIND_NAMES, Link, Position, Record
from db.read import queries
from desktop.forms.base import FieldSpec, FormContext, FormField, Row
from desktop.forms.fields import line_value

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CREATE = -1  # the id of the “Create new …” entry
SHOWN = 30  # matches listed at once; typing more narrows them


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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and not self.completer.popup().isVisible():
                self.show_list()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pending_text():
                if not self.resolve(exact_only=False):
                    self.show_list()
                return True  # Enter here chooses a record; it does not save the form
        elif (watched is self.edit and event.type() == QEvent.Type.FocusOut and self.isVisible()
              and not self.completer.popup().isVisible()):
            self.resolve(exact_only=True)
        return super().eventFilter(watched, event)


def _not_chosen(kind: str, text: str) -> str:
    return _("“{text}” is not chosen yet: pick it from the list, or “Create new {kind}…”.").format(
        text=text, kind=KIND_NAMES[kind][0].lower())


# -- one linked record ------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordLink(FieldSpec):
    """A reference to one record (a position's body, an indicator's subject)."""

    kind: str = "party"
    placeholder: str = ""

    def build(self, ctx: FormContext) -> FormField:
        return RecordLinkField(self, ctx)


class RecordLinkField(FormField):
    def __init__(self, spec: RecordLink, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.picker = RecordPicker(self.db, spec.kind, ctx.form_widget(), accessible=spec.text,
                                   placeholder=spec.placeholder)
        self.picker.chosen.connect(self.edited)
        self.picker.typed.connect(self.changed)
        self.picker.create_requested.connect(
            lambda text: ctx.create_record(spec.kind, text, self.picker.choose))

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.picker, self.picker.edit, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        return [self.picker.edit, self.picker.button]

    def load(self, record: Record) -> None:
        self.picker.set_record(getattr(record, self.spec.name))

    def store(self, record: Record) -> list[Problem]:
        setattr(record, self.spec.name, self.picker.record_id())
        pending = self.picker.pending_text()
        return [Problem(self.spec.name, _not_chosen(self.spec.kind, pending))] if pending else []


# -- many linked records ----------------------------------------------------------------------
@dataclass(frozen=True)
class RecordLinks(FieldSpec):
    """Links to several records, each with an optional note (a party's role, a quoted passage)."""

    kind: str = "party"
    note: str | None = None  # what the note is, e.g. "Role"; None: links carry no note
    note_placeholder: str = ""
    placeholder: str = ""
    note_below: bool = False  # a long note (a quoted passage) gets its own line under the name

    def build(self, ctx: FormContext) -> FormField:
        return LinksField(self, ctx)


@dataclass
class _Item:
    id: int
    label: QLabel
    note: QLineEdit | None
    remove: QToolButton
    loaded_note: str | None = None  # the note as stored, kept until the person changes it


class LinksField(FormField):
    """The chosen records one per line (name, note, Remove), and a picker to add another."""

    def __init__(self, spec: RecordLinks, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.items: list[_Item] = []
        self.box = QWidget(ctx.form_widget())
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        if spec.note and not spec.note_below:
            self.grid.setColumnStretch(1, 1)
        name = KIND_NAMES[spec.kind][0].lower()
        self.picker = RecordPicker(
            self.db, spec.kind, self.box, accessible=_("Add to {field}").format(field=spec.text),
            placeholder=spec.placeholder or _("Add a {kind}: type a name in any script…").format(kind=name),
            exclude=lambda: {item.id for item in self.items})
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.picker)
        self.picker.chosen.connect(self._picked)
        self.picker.typed.connect(self.changed)
        self.picker.create_requested.connect(
            lambda text: ctx.create_record(spec.kind, text, self._take))

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.box, self.picker.edit, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for item in self.items:
            chain += ([item.note] if item.note else []) + [item.remove]
        return chain + [self.picker.edit, self.picker.button]

    def ids(self) -> list[int]:
        return [item.id for item in self.items]

    def add(self, record_id: int, note: str | None = None) -> None:
        if record_id in self.ids():
            return
        label_text = queries.record_label(self.db, self.spec.kind, record_id)
        label = QLabel(label_text, self.box)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a name is shown as typed, never as markup
        label.setWordWrap(True)
        note_edit = None
        if self.spec.note:
            note_edit = QLineEdit(note or "", self.box)
            note_edit.setPlaceholderText(self.spec.note_placeholder or self.spec.note)
            note_edit.setAccessibleName(_("{note} for {name}").format(note=self.spec.note, name=label_text))
            note_edit.setCursorPosition(0)
            note_edit.textEdited.connect(lambda _t: self.edited())
        remove = QToolButton(self.box)
        remove.setText(_("Remove"))
        remove.setAccessibleName(_("Remove {name}").format(name=label_text))
        remove.setToolTip(_("Remove {name}").format(name=label_text))
        item = _Item(record_id, label, note_edit, remove, note)
        remove.clicked.connect(lambda: self.remove(item))
        self.items.append(item)
        self._lay_out()

    def remove(self, item: _Item) -> None:
        position = self.items.index(item)
        self.items.remove(item)
        for widget in (item.label, item.note, item.remove):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._lay_out()
        following = self.items[position] if position < len(self.items) else None
        (following.remove if following else self.picker.edit).setFocus()
        self.edited()

    def _lay_out(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        below = self.spec.note_below
        for number, item in enumerate(self.items):
            row = number * 2 if below else number
            self.grid.addWidget(item.label, row, 0, 1, 2 if below else 1)
            if item.note is not None:
                if below:
                    self.grid.addWidget(item.note, row + 1, 0, 1, 3)
                else:
                    self.grid.addWidget(item.note, row, 1)
            self.grid.addWidget(item.remove, row, 2, Qt.AlignmentFlag.AlignTop)
        self.ctx.layout_changed()

    def _picked(self) -> None:
        record_id = self.picker.record_id()
        if record_id is not None:
            self._take(record_id)

    def _take(self, record_id: int) -> None:
        """A record chosen in the picker, or made with “Create new …”, joins the list."""
        self.picker.set_record(None)
        self.add(record_id)
        (self.items[-1].note or self.picker.edit).setFocus()
        self.edited()

    def load(self, record: Record) -> None:
        for item in list(self.items):
            self.remove(item)
        for link in getattr(record, self.spec.name):
            self.add(link.id, link.note)
        self.touched = False

    def store(self, record: Record) -> list[Problem]:
        links = [Link(item.id, line_value(item.note, item.loaded_note) if item.note else None) for item in self.items]
        setattr(record, self.spec.name, links)
        pending = self.picker.pending_text()
        return [Problem(self.spec.name, _not_chosen(self.spec.kind, pending))] if pending else []


def Sources() -> RecordLinks:  # noqa: N802 (reads as a field description, like the classes)
    """The sources a fact rests on, each with the passage it quotes."""
    return RecordLinks("sources", kind="source", note=_("Passage"),
                       note_placeholder=_("The words quoted from this source"),
                       placeholder=_("Add a source: type its title, publisher or address…"), note_below=True)


# -- a person's positions ---------------------------------------------------------------------
def position_caption(db, position: Position) -> str:
    """"Akim of the Abai region — Administration (akimat) of the Abai region, since Q1 2024"."""
    text = position.title or _("(no title)")
    if position.body_id is not None:
        text += " — " + queries.party_names(db, position.body_id)[0]
    start, end = position.start_date, position.end_date
    if start and end:
        text += ", " + _("{start} to {end}").format(start=start.label(), end=end.label())
    elif start:
        text += ", " + _("since {date}").format(date=start.label())
    elif end:
        text += ", " + _("until {date}").format(date=end.label())
    return text


@dataclass(frozen=True)
class Positions(FieldSpec):
    """The offices a person holds or held, each a record of its own, edited from the person."""

    name: str = "positions"

    def build(self, ctx: FormContext) -> FormField:
        return PositionsField(self, ctx)


class PositionsField(FormField):
    """Positions are saved with the person, in the same transaction and the same undo step."""

    def __init__(self, spec: Positions, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.person_id: int | None = None
        self.positions: list[Position] = []
        self.originals: dict[int, Position] = {}
        self.removed: list[int] = []
        self.box = QWidget(parent)
        self.list = QListWidget(self.box)
        self.list.setAccessibleName(spec.text)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5 + 12)
        self.new_button = QPushButton(_("New position…"), self.box)
        self.edit_button = QPushButton(_("Edit position…"), self.box)
        self.remove_button = QPushButton(_("Remove position"), self.box)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.new_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_position)
        self.edit_button.clicked.connect(self.edit_position)
        self.remove_button.clicked.connect(self.remove_position)
        self.list.itemActivated.connect(lambda _item: self.edit_position())
        self.list.currentRowChanged.connect(self._enable)
        self._enable()

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.box, self.list, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        return [self.list, self.new_button, self.edit_button, self.remove_button]

    def _enable(self, *_args: object) -> None:
        chosen = self.list.currentRow() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _show(self, select: int | None = None) -> None:
        self.list.clear()
        for position in self.positions:
            self.list.addItem(QListWidgetItem(position_caption(self.db, position)))
        if select is not None and 0 <= select < len(self.positions):
            self.list.setCurrentRow(select)
        self._enable()

    def new_position(self) -> None:
        self.ctx.edit_unsaved("position", None, {"person_id": self.person_id}, self._added)

    def _added(self, position: Record) -> None:
        self.positions.append(position)  # type: ignore[arg-type]
        self._show(len(self.positions) - 1)
        self.edited()

    def edit_position(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return

        def replace(position: Record) -> None:
            self.positions[row] = position  # type: ignore[assignment]
            self._show(row)
            self.edited()

        self.ctx.edit_unsaved("position", copy.deepcopy(self.positions[row]), {"person_id": self.person_id},
                              replace)

    def remove_position(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        position = self.positions.pop(row)
        if position.id is not None:
            self.removed.append(position.id)
        self._show(min(row, len(self.positions) - 1))
        self.edited()

    def load(self, record: Record) -> None:
        self.person_id = record.id
        self.positions, self.originals, self.removed = [], {}, []
        if record.id is not None:
            for position_id in queries.positions_of(self.db, record.id):
                position = store.get(self.db, "position", position_id)
                self.positions.append(position)  # type: ignore[arg-type]
                self.originals[position_id] = copy.deepcopy(position)  # type: ignore[assignment]
        self._show()

    def store(self, record: Record) -> list[Problem]:
        return []

    def related_changed(self) -> bool:
        return bool(self.removed) or any(p.id is None or self.originals.get(p.id) != p for p in self.positions)

    def save_related(self, recorder, record_id: int) -> None:
        for position_id in self.removed:
            recorder.delete("position", position_id)
        for position in self.positions:
            saved = copy.deepcopy(position)  # a failed transaction must leave the list as it was
            saved.person_id = record_id
            recorder.save(saved)
