"""What every form field is: rows it adds to the form, and how it reads and writes a record.

A field *description* (``FieldSpec``, listed per kind in ``kinds``) builds a
``FormField`` for one dialog. A field edits one or more attributes of the record and
contributes one or more labelled rows; the problems ``db.model.validate`` finds for an
attribute are shown under the row that edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from db.errors import Problem
from db.model.records import Record
from db.model.validate import label as field_label


class FormContext(Protocol):
    """What a field may ask of the dialog it lives in."""

    db: object

    def form_widget(self) -> QWidget: ...

    def create_record(self, kind: str, text: str, done: Callable[[int], None]) -> None:
        """Open a nested form for a new record of ``kind`` (its name prefilled from ``text``)."""

    def edit_unsaved(self, kind: str, record: Record | None, fixed: dict[str, object],
                     done: Callable[[Record], None]) -> None:
        """Open a nested form whose record is handed back, not written (a person's positions)."""

    def layout_changed(self) -> None:
        """Rows gained or lost widgets: the tab order is laid again."""


@dataclass
class Row:
    """One labelled row of the form: ``buddy`` is what the label's mnemonic focuses."""

    label: str
    widget: QWidget
    buddy: QWidget
    names: tuple[str, ...]
    parts: dict[str, QWidget] = field(default_factory=dict)  # the box of each name, when several share a row


class FormField(QObject):
    """A field of one form; ``changed`` is emitted when the person edits it."""

    changed = Signal()

    def __init__(self, ctx: FormContext) -> None:
        super().__init__(ctx.form_widget())
        self.ctx = ctx
        self.touched = False
        self._rows: list[Row] | None = None

    @property
    def db(self):
        return self.ctx.db

    def rows(self) -> list[Row]:
        if self._rows is None:
            self._rows = self.build_rows()
        return self._rows

    def build_rows(self) -> list[Row]:
        raise NotImplementedError

    def load(self, record: Record) -> None:
        """Show the record's values (without counting as an edit)."""
        raise NotImplementedError

    def store(self, record: Record) -> list[Problem]:
        """Write what is typed into ``record``; return what cannot be read (e.g. not a number)."""
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in the order they are laid out."""
        return [row.buddy for row in self.rows()]

    def prefill(self, text: str) -> None:
        """Start with ``text`` (what was typed in a picker before “Create new…”)."""

    def save_related(self, recorder, record_id: int) -> None:
        """Write records that hang off this one (a person's positions) in the same transaction."""

    def related_changed(self) -> bool:
        return False

    def edited(self, *_args: object) -> None:
        self.touched = True
        self.changed.emit()


@dataclass(frozen=True)
class FieldSpec:
    """A field description: which attribute(s), which label, and how to build the widget."""

    name: str
    label: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name,)

    @property
    def text(self) -> str:
        return self.label or field_label(self.name)

    def build(self, ctx: FormContext) -> FormField:
        raise NotImplementedError
