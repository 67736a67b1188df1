"""Field widgets for typed values: text, names in both scripts, choices, dates, periods, numbers.

Each field reads what a person types with the data layer's own parsers — numbers with
``db.validate.parse_number`` (decimal comma, "1 234,5"), dates with
``db.dates.FuzzyDate.parse`` ("2025-07-02", "2025-07", "Q4 2025", "2025") — so the
form accepts exactly what an import accepts, and says what it read beside the box
("1 Oct 2025 to 31 Dec 2025", "Jan–May 2025, part of the year").

Text is shown as typed; problems appear only once a box is left (``finished``), so a
half-typed date is not called wrong while it is being typed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from db.dates import DateError, FuzzyDate, Period, Precision
from db.errors import Problem
from db.formatting import format_day, format_editable
from db.i18n import _
from db.records import Record
from db.validate import NumberError, parse_number
from db.validate import label as field_label
from desktop.forms.base import FieldSpec, FormContext, FormField, Row

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def hint_label(parent: QWidget) -> QLabel:
    """A quiet label beside a box saying how its text was read."""
    label = QLabel(parent)
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


def line_edit(parent: QWidget, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


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

    def _finished(self) -> None:
        if self.edit.isModified():
            self.edited()

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.edit, self.edit, self.spec.names)]

    def load(self, record: Record) -> None:
        self.edit.setText(getattr(record, self.spec.name) or "")

    def store(self, record: Record) -> list[Problem]:
        text = self.edit.text().strip()
        setattr(record, self.spec.name, text or None)
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

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.edit, self.edit, self.spec.names)]

    def load(self, record: Record) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(getattr(record, self.spec.name) or "")
        self.edit.blockSignals(False)

    def store(self, record: Record) -> list[Problem]:
        text = self.edit.toPlainText()
        setattr(record, self.spec.name, text if text.strip() else None)
        return []

    def prefill(self, text: str) -> None:
        self.edit.setPlainText(text)


# -- names in two scripts -------------------------------------------------------------------
@dataclass(frozen=True)
class Names(FieldSpec):
    """A name in English and in the local script (and, for parties, a second local form)."""

    name: str = "name_en"
    local: str = "name_local"
    alt: str | None = None
    example: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.local, self.alt) if n)

    def build(self, ctx: FormContext) -> FormField:
        return NamesField(self, ctx)


class NamesField(FormField):
    def __init__(self, spec: Names, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        local_hint = _("In Cyrillic, e.g. {example}").format(example=spec.example) if spec.example else ""
        self.edits = {
            spec.name: line_edit(parent, field_label(spec.name), _("As English sources write it")),
            spec.local: line_edit(parent, field_label(spec.local), local_hint),
        }
        if spec.alt:
            self.edits[spec.alt] = line_edit(parent, field_label(spec.alt), _("Another local form, e.g. in Kazakh"))
        for edit in self.edits.values():
            edit.textEdited.connect(lambda _t: self.changed.emit())
            edit.editingFinished.connect(lambda e=edit: e.isModified() and self.edited())

    def build_rows(self) -> list[Row]:
        return [Row(field_label(name), edit, edit, (name,)) for name, edit in self.edits.items()]

    def load(self, record: Record) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(record, name) or "")

    def store(self, record: Record) -> list[Problem]:
        for name, edit in self.edits.items():
            setattr(record, name, edit.text().strip() or None)
        return []

    def prefill(self, text: str) -> None:
        edit = self.edits[self.spec.local if CYRILLIC.search(text) else self.spec.name]
        edit.setText(text)
        edit.setModified(True)


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
            from db.records import indicator_label

            for (value,) in self.db.execute(
                    f"SELECT DISTINCT {spec.name} FROM {spec.table} WHERE {spec.name} IS NOT NULL "
                    f"ORDER BY 1 LIMIT 200").fetchall():
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


# -- dates ---------------------------------------------------------------------------------
def _span_text(date: FuzzyDate) -> str:
    if date.precision is Precision.DAY:
        return format_day(date.start)
    return _("{first} to {last}").format(first=format_day(date.start), last=format_day(date.end))


@dataclass(frozen=True)
class Day(FieldSpec):
    """A calendar day (published, accessed, last verified); optionally a Today button."""

    today_button: bool = False

    def build(self, ctx: FormContext) -> FormField:
        return DayField(self, ctx)


class DayField(FormField):
    def __init__(self, spec: Day, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.edit = line_edit(parent, spec.text, "YYYY-MM-DD")
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        self.reading = hint_label(parent)
        widgets: list[QWidget] = [self.edit]
        self.today: QPushButton | None = None
        if spec.today_button:
            self.today = QPushButton(_("Today"), parent)
            self.today.setAccessibleName(_("{field}: today").format(field=spec.text))
            self.today.clicked.connect(self._set_today)
            widgets.append(self.today)
        widgets.append(self.reading)
        self.box = row_box(parent, *widgets, stretch=len(widgets) - 1)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(lambda: self.edit.isModified() and self.edited())

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.box, self.edit, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        return [self.edit] + ([self.today] if self.today else [])

    def _set_today(self) -> None:
        self.edit.setText(dt.date.today().isoformat())
        self._typed()
        self.edited()

    def _typed(self, *_args: object) -> None:
        self._read()
        self.changed.emit()

    def _read(self) -> tuple[dt.date | None, str | None]:
        try:
            date = FuzzyDate.parse(self.edit.text())
        except DateError as error:
            self.reading.clear()
            return None, str(error)
        if date is not None and date.precision is not Precision.DAY:
            self.reading.clear()
            return None, _("{field} needs a whole day, as YYYY-MM-DD.").format(field=self.spec.text)
        self.reading.setText(format_day(date.start) if date else "")
        return (date.start if date else None), None

    def load(self, record: Record) -> None:
        value = getattr(record, self.spec.name)
        self.edit.setText(value.isoformat() if value else "")
        self._read()

    def store(self, record: Record) -> list[Problem]:
        value, message = self._read()
        setattr(record, self.spec.name, value)
        return [Problem(self.spec.name, message)] if message else []


PRECISIONS = (("day", _("Day")), ("month", _("Month")), ("quarter", _("Quarter")), ("year", _("Year")),
              ("", _("Unknown")))
PLACEHOLDERS = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "quarter": _("e.g. Q4 2025"), "year": "YYYY",
                "": _("unknown")}
DATE_HINT = _("type 2025-07-02, 2025-07, Q4 2025 or 2025")


@dataclass(frozen=True)
class Date(FieldSpec):
    """A date known to a precision: a day, a month, a quarter ("Q4 2025"), a year, or unknown."""

    def build(self, ctx: FormContext) -> FormField:
        return DateField(self, ctx)


class DateField(FormField):
    """Type the date in any of its forms, or pick the precision and type to match.

    Typing sets the precision ("Q4 2025" → Quarter); choosing a precision rewrites a date
    already typed to it ("2025-07-02" → Quarter → "Q3 2025"); Unknown empties the box.
    """

    def __init__(self, spec: Date, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.edit = line_edit(parent, spec.text)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        self.precision = QComboBox(parent)
        self.precision.setAccessibleName(_("{field}: precision").format(field=spec.text))
        for code, text in PRECISIONS:
            self.precision.addItem(text, code)
        self.reading = hint_label(parent)
        self.box = row_box(parent, self.edit, self.precision, self.reading, stretch=2)
        self._show_precision("")
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(lambda: self.edit.isModified() and self.edited())
        self.precision.activated.connect(self._precision_chosen)

    def build_rows(self) -> list[Row]:
        return [Row(self.spec.text, self.box, self.edit, self.spec.names)]

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.precision]

    def _show_precision(self, code: str) -> None:
        self.precision.setCurrentIndex(self.precision.findData(code))
        self.edit.setPlaceholderText(PLACEHOLDERS[code])

    def _read(self) -> tuple[FuzzyDate | None, str | None]:
        try:
            date = FuzzyDate.parse(self.edit.text())
        except DateError as error:
            self.reading.clear()
            return None, str(error)
        self.reading.setText(_span_text(date) if date else DATE_HINT)
        return date, None

    def _typed(self, *_args: object) -> None:
        date, _message = self._read()
        if date is not None:
            self._show_precision(date.precision.value)
        elif not self.edit.text().strip():
            self.edit.setPlaceholderText(PLACEHOLDERS[self.precision.currentData()])
        self.changed.emit()

    def _precision_chosen(self, *_args: object) -> None:
        code = self.precision.currentData()
        date, _message = self._read()
        if not code:
            self.edit.clear()
        elif date is not None:
            self.edit.setText(FuzzyDate(date.start, Precision(code)).to_text())
        self._show_precision(code)
        self._read()
        self.edited()

    def load(self, record: Record) -> None:
        value: FuzzyDate | None = getattr(record, self.spec.name)
        self.edit.setText(value.to_text() if value else "")
        self._show_precision(value.precision.value if value else "")
        self._read()

    def store(self, record: Record) -> list[Problem]:
        date, message = self._read()
        setattr(record, self.spec.name, date)
        return [Problem(self.spec.name, message)] if message else []


@dataclass(frozen=True)
class PeriodSpan(FieldSpec):
    """An indicator's exact period: first and last day, read back as "Jan–May 2025".

    Either box also takes a month, quarter or year: the start takes its first day and the
    end its last, so "2024" in Start (with End empty) is the whole of 2024.
    """

    name: str = "period_start"
    end: str = "period_end"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.end)

    def build(self, ctx: FormContext) -> FormField:
        return PeriodField(self, ctx)


class PeriodField(FormField):
    def __init__(self, spec: PeriodSpan, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.start = line_edit(parent, field_label(spec.name), "YYYY-MM-DD")
        self.end = line_edit(parent, field_label(spec.end), "YYYY-MM-DD")
        width = self.start.fontMetrics().horizontalAdvance("0000-00-00") * 2
        for edit in (self.start, self.end):
            edit.setFixedWidth(width)
        self.start_hint = hint_label(parent)
        self.start_hint.setText(_("a month (2025-01), quarter (Q1 2025) or year (2025) also works"))
        self.reading = hint_label(parent)
        self.reading.setAccessibleName(_("Period"))
        self.start_box = row_box(parent, self.start, self.start_hint, stretch=1)
        self.end_box = row_box(parent, self.end, self.reading, stretch=1)
        for edit in (self.start, self.end):
            edit.textEdited.connect(self._typed)
        self.start.editingFinished.connect(self._start_finished)
        self.end.editingFinished.connect(self._end_finished)

    def build_rows(self) -> list[Row]:
        return [Row(field_label(self.spec.name), self.start_box, self.start, (self.spec.name,)),
                Row(field_label(self.spec.end), self.end_box, self.end, (self.spec.end,))]

    def focus_chain(self) -> list[QWidget]:
        return [self.start, self.end]

    @staticmethod
    def _parse(edit: QLineEdit) -> tuple[FuzzyDate | None, str | None]:
        try:
            return FuzzyDate.parse(edit.text()), None
        except DateError as error:
            return None, str(error)

    def _days(self) -> tuple[dt.date | None, dt.date | None, list[Problem]]:
        problems = []
        start, message = self._parse(self.start)
        if message:
            problems.append(Problem(self.spec.name, message))
        end, message = self._parse(self.end)
        if message:
            problems.append(Problem(self.spec.end, message))
        return (start.start if start else None), (end.end if end else None), problems

    def _typed(self, *_args: object) -> None:
        self._show_reading()
        self.changed.emit()

    def _show_reading(self) -> None:
        start, end, problems = self._days()
        if start is None or end is None or problems or end < start:
            self.reading.clear()
            return
        period = Period(start, end)
        text = period.label()
        if period.is_partial:
            text = _("{period}, part of the year").format(period=text)
        self.reading.setText(text)

    def _start_finished(self) -> None:
        start, _message = self._parse(self.start)
        if start is not None:
            self.start.setText(start.start.isoformat())
            if not self.end.text().strip() and start.precision is not Precision.DAY:
                self.end.setText(start.end.isoformat())
        self._show_reading()
        if self.start.isModified():
            self.edited()

    def _end_finished(self) -> None:
        end, _message = self._parse(self.end)
        if end is not None:
            self.end.setText(end.end.isoformat())
        self._show_reading()
        if self.end.isModified():
            self.edited()

    def load(self, record: Record) -> None:
        for edit, name in ((self.start, self.spec.name), (self.end, self.spec.end)):
            value = getattr(record, name)
            edit.setText(value.isoformat() if value else "")
        self._show_reading()

    def store(self, record: Record) -> list[Problem]:
        start, end, problems = self._days()
        setattr(record, self.spec.name, start)
        setattr(record, self.spec.end, end)
        return problems


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
        self.value.setFixedWidth(self.value.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        self.unit = QComboBox(parent)
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setAccessibleName(field_label(spec.unit))
        self.unit.lineEdit().setPlaceholderText(_("e.g. USD million"))
        stored = [r[0] for r in self.db.execute(
            "SELECT unit FROM indicators GROUP BY unit ORDER BY count(*) DESC LIMIT 50").fetchall()]
        for unit in dict.fromkeys(stored + list(COMMON_UNITS)):
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
