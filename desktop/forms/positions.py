"""A person's positions, edited from the person's form and saved with the person.

Each position is a record of its own; the list shows one caption per position ("Akim of
the Abai region — Administration (akimat) of the Abai region, since Q1 2024"), and New…
and Edit… open a nested form whose record is handed back, not written. Additions, changes
and removals are written with the person, in the same transaction and the same undo step.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import store
from db.errors import Problem
from db.model.i18n import _
from db.model.records import Position, Record
from db.read import queries
from desktop.forms.base import FieldSpec, FormContext, FormField, Row


def position_caption(db, position: Position) -> str:
    """"Akim of the Abai region — Administration (akimat) of the Abai region, since Q1 2024"."""
    text = position.title or _("(no title)")
    if position.body_id is not None:
        text += " — " + queries.party_name(db, position.body_id)
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
