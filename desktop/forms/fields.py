"""Field widgets for typed values: text, names in both scripts, choices, numbers with units.

Each field reads what a person types with the data layer's own parsers — numbers with
``db.model.validate.parse_number`` (decimal comma, "1 234,5") — so the form accepts exactly
what an import accepts. Dates are in ``desktop.forms.dates``.

Text is shown as typed (single lines without their outer spaces); a field counts as
touched once its box is left, so its problems are then shown in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from db.errors import Problem
from db.model.formatting import format_editable
from db.model.i18n import _
from db.model.records import Record, indicator_label
from db.model.validate import NumberError, parse_number
from db.model.validate import label as field_label
from db.read import queries
from desktop.forms.base import FieldSpec, FormContext, FormField, Row

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Lists of values already used (units, indicator names) come from the latest rows only, so a
# form opens as fast on a million figures as on ten; any other value can still be typed.
RECENT = 5000


def hint_label(parent: QWidget) -> QLabel:
    """A quiet label beside a box saying how its text was read."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def row_box(parent: QWidget, *widgets: QWidget, stretch: int = -1) -> QWidget:
    """Widgets side by side in one form row; ``stretch`` is the index that takes spare width."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if number == stretch else 0)
    return box


def line_value(edit: QLineEdit, loaded: str | None) -> str | None:
    """What a one-line box gives the record: exactly the value it was loaded with until the
    person changes it (showing a value never alters it: its outer spaces, or a text longer
    than the box can hold), then the text typed without its outer spaces."""
    if not edit.isModified():
        return loaded
    return edit.text().strip() or None


def line_edit(parent: QWidget, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def set_short_width(*edits: QLineEdit) -> None:
    """Give boxes for a date or a number one fixed width, room for twice "0000-00-00"."""
    for edit in edits:
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") * 2)


# -- text ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text(FieldSpec):
    """One line of text (a title, a publisher, a web address)."""

    placeholder: str = ""

    def build(self, ctx: FormContext) -> FormField:
        return TextField(self, ctx)


class TextField(FormField):
    def __init__(self, spec: Text, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.edit = line_edit(ctx.form_widget(), spec.text, spec.placeholder)
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.edit.editingFinished.connect(self._finished)
        self.loaded: str | None = None

    def _finished(self) -> None:
        if self.edit.isModified():
            self.edited()

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.edit, self.edit, self.spec.names)]

    def load(self, record: Record) -> None:
        self.loaded = getattr(record, self.spec.name)
        self.edit.setText(self.loaded or "")

    def store(self, record: Record) -> list[Problem]:
        setattr(record, self.spec.name, line_value(self.edit, self.loaded))
        return []

    def prefill(self, text: str) -> None:
        self.edit.setText(text)
        self.edit.setModified(True)


@dataclass(frozen=True)
class LongText(FieldSpec):
    """Several lines (a summary, notes, a quote, an article's text); Tab moves on."""

    lines: int = 3
    placeholder: str = ""

    def build(self, ctx: FormContext) -> FormField:
        return LongTextField(self, ctx)


class LongTextField(FormField):
    def __init__(self, spec: LongText, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.edit = QPlainTextEdit(ctx.form_widget())
        self.edit.setAccessibleName(spec.text)
        self.edit.setTabChangesFocus(True)
        if spec.placeholder:
            self.edit.setPlaceholderText(spec.placeholder)
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line * spec.lines + 2 * self.edit.frameWidth() + 10)
        self.edit.textChanged.connect(self.edited)
        self.loaded: str | None = None

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.edit, self.edit, self.spec.names)]

    def load(self, record: Record) -> None:
        self.loaded = getattr(record, self.spec.name)
        self.edit.blockSignals(True)
        self.edit.setPlainText(self.loaded or "")
        self.edit.blockSignals(False)

    def store(self, record: Record) -> list[Problem]:
        # Until the person types, the text stays as loaded: the box itself turns "\r\n" and
        # Unicode line separators into plain line breaks.
        if not self.edit.document().isModified():
            setattr(record, self.spec.name, self.loaded)
            return []
        text = self.edit.toPlainText()
        setattr(record, self.spec.name, text if text.strip() else None)
        return []

    def prefill(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.edit.document().setModified(True)


# -- choices ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice(FieldSpec):
    """One of a closed list (kind, status): stored as its code, shown as its label."""

    choices: dict[str, str] = field(default_factory=dict)

    def build(self, ctx: FormContext) -> FormField:
        return ChoiceField(self, ctx)


class ChoiceField(FormField):
    def __init__(self, spec: Choice, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.combo = QComboBox(ctx.form_widget())
        self.combo.setAccessibleName(spec.text)
        for code, text in spec.choices.items():
            self.combo.addItem(text, code)
        self.combo.currentIndexChanged.connect(self.edited)

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.combo, self.combo, self.spec.names)]

    def load(self, record: Record) -> None:
        value = getattr(record, self.spec.name)
        index = self.combo.findData(value)
        if index < 0 and value:
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def store(self, record: Record) -> list[Problem]:
        setattr(record, self.spec.name, self.combo.currentData())
        return []


@dataclass(frozen=True)
class OpenChoice(FieldSpec):
    """A list to choose from that also takes any other value typed (an indicator, a language).

    The list holds ``choices`` and every value already stored in ``table.column``; typing a
    listed label stores its code, anything else is stored as typed.
    """

    choices: dict[str, str] = field(default_factory=dict)
    table: str = ""
    placeholder: str = ""

    def build(self, ctx: FormContext) -> FormField:
        return OpenChoiceField(self, ctx)


class OpenChoiceField(FormField):
    def __init__(self, spec: OpenChoice, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.combo = QComboBox(ctx.form_widget())
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setAccessibleName(spec.text)
        self.combo.lineEdit().setPlaceholderText(spec.placeholder)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        labels = dict(spec.choices)
        if spec.table:
            for value in queries.recent_values(self.db, spec.table, spec.name, RECENT):
                labels.setdefault(value, indicator_label(value) if spec.name == "indicator" else value)
        for code, text in labels.items():
            self.combo.addItem(text, code)
        self.combo.setCurrentIndex(-1)
        self.combo.lineEdit().textEdited.connect(lambda _t: self.changed.emit())
        self.combo.lineEdit().editingFinished.connect(self.edited)
        self.combo.activated.connect(self.edited)

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.combo, self.combo, self.spec.names)]

    def load(self, record: Record) -> None:
        value = getattr(record, self.spec.name)
        index = self.combo.findData(value) if value else -1
        self.combo.setCurrentIndex(index)
        if index < 0:
            self.combo.setEditText(value or "")

    def store(self, record: Record) -> list[Problem]:
        text = self.combo.currentText().strip()
        code = next((self.combo.itemData(i) for i in range(self.combo.count())
                     if self.combo.itemText(i).casefold() == text.casefold()), None)
        setattr(record, self.spec.name, code or text or None)
        return []


# -- numbers -------------------------------------------------------------------------------
COMMON_UNITS = ("USD million", "USD thousand", "USD billion", "KZT million", "RUB million", "tonnes",
                "enterprises", "people", "%")


@dataclass(frozen=True)
class Number(FieldSpec):
    """A value with its unit ("128.6" and "USD million"); decimal comma and spaces accepted."""

    name: str = "value"
    unit: str = "unit"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.unit)

    def build(self, ctx: FormContext) -> FormField:
        return NumberField(self, ctx)


class NumberField(FormField):
    def __init__(self, spec: Number, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.value = line_edit(parent, field_label(spec.name), _("e.g. 128.6"))
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setToolTip(_("A decimal point or comma; spaces between thousands are fine (1 234,5)."))
        set_short_width(self.value)
        self.unit = QComboBox(parent)
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setAccessibleName(field_label(spec.unit))
        self.unit.lineEdit().setPlaceholderText(_("e.g. USD million"))
        for unit in dict.fromkeys(queries.frequent_units(self.db, RECENT) + list(COMMON_UNITS)):
            self.unit.addItem(unit)
        self.unit.setCurrentIndex(-1)
        self.unit_label = QLabel(_("Unit:"), parent)
        self.unit_label.setBuddy(self.unit)
        self.box = row_box(parent, self.value, self.unit_label, self.unit, stretch=2)
        self.value.textEdited.connect(lambda _t: self.changed.emit())
        self.value.editingFinished.connect(lambda: self.value.isModified() and self.edited())
        self.unit.lineEdit().textEdited.connect(lambda _t: self.changed.emit())
        self.unit.activated.connect(self.edited)

    def build_rows(self) -> list[Row]:
        return [Row(field_label(self.spec.name), self.box, self.value, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        return [self.value, self.unit]

    def load(self, record: Record) -> None:
        self.value.setText(format_editable(getattr(record, self.spec.name)))
        self.unit.setEditText(getattr(record, self.spec.unit) or "")

    def store(self, record: Record) -> list[Problem]:
        problems = []
        text = self.value.text()
        value: float | None = None
        if text.strip():
            try:
                value = parse_number(text)
            except NumberError as error:
                problems.append(Problem(self.spec.name, str(error)))
        setattr(record, self.spec.name, value)
        setattr(record, self.spec.unit, self.unit.currentText().strip() or None)
        return problems
