"""Date fields: a day, a date known to a precision ("Q4 2025"), and an indicator's period.

Every box reads what a person types with ``db.model.dates.FuzzyDate.parse`` ("2025-07-02",
"2025-07", "Q4 2025", "2025"), the same parser imports use, and says beside it what it
read: "1 Oct 2025 to 31 Dec 2025", or for a period "Jan–May 2025, part of the year".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from db.errors import Problem
from db.model.dates import DateError, FuzzyDate, Period, Precision
from db.model.formatting import format_day
from db.model.i18n import _
from db.model.records import Record
from db.model.validate import label as field_label
from desktop.forms.base import FieldSpec, FormContext, FormField, Row
from desktop.forms.fields import hint_label, line_edit, row_box, set_short_width


def _parse(edit: QLineEdit) -> tuple[FuzzyDate | None, str | None]:
    """The date typed in ``edit`` (None when empty), or the sentence saying why it cannot be read."""
    try:
        return FuzzyDate.parse(edit.text()), None
    except DateError as error:
        return None, str(error)


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
        self.edit = line_edit(parent, spec.text, _("YYYY-MM-DD"))
        set_short_width(self.edit)
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
        date, message = _parse(self.edit)
        if message:
            self.reading.clear()
            return None, message
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
PLACEHOLDERS = {"day": _("YYYY-MM-DD"), "month": _("YYYY-MM"), "quarter": _("e.g. Q4 2025"), "year": _("YYYY"),
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
        set_short_width(self.edit)
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
        date, message = _parse(self.edit)
        if message:
            self.reading.clear()
            return None, message
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
        self.start = line_edit(parent, field_label(spec.name), _("YYYY-MM-DD"))
        self.end = line_edit(parent, field_label(spec.end), _("YYYY-MM-DD"))
        set_short_width(self.start, self.end)
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

    def _days(self) -> tuple[dt.date | None, dt.date | None, list[Problem]]:
        problems = []
        start, message = _parse(self.start)
        if message:
            problems.append(Problem(self.spec.name, message))
        end, message = _parse(self.end)
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
        start, _message = _parse(self.start)
        if start is not None:
            self.start.setText(start.start.isoformat())
            if not self.end.text().strip() and start.precision is not Precision.DAY:
                self.end.setText(start.end.isoformat())
        self._show_reading()
        if self.start.isModified():
            self.edited()

    def _end_finished(self) -> None:
        end, _message = _parse(self.end)
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
