"""Fields that link a record to others: one linked record, or several each with a note.

``RecordLink`` picks one record (a position's body, an indicator's subject); ``RecordLinks``
lists several, one per line with an optional note and Remove, and a picker below to add
another; ``Sources`` is the list of sources a fact rests on, each with the passage it quotes.
Text typed in a picker that names no chosen record is a problem under the field, so nothing
typed is silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from db.errors import Problem
from db.model.i18n import _
from db.model.records import KIND_NAMES, Link, Record
from db.read import queries
from desktop.forms.base import FieldSpec, FormContext, FormField, Row
from desktop.forms.fields import line_value
from desktop.forms.pickers import RecordPicker


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
