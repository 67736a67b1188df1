"""Names and titles in English, Russian and Kazakh: three boxes side by side in one row.

A party, person or subject area has a name in each language and other spellings (one row
each); a position, agreement or event has a title in each. The English form is the one a
record must have; a form left empty is shown as the best other one (``db.model.names``).
Text typed in a picker before “Create new …” lands in the box its script suggests.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from db.errors import Problem
from db.model.i18n import LANGUAGES, _
from db.model.names import language_of
from db.model.records import Record
from db.model.validate import label as field_label
from desktop.forms.base import FieldSpec, FormContext, FormField, Row
from desktop.forms.fields import line_edit, line_value


@dataclass(frozen=True)
class Names(FieldSpec):
    """A name in three languages (``forms``: English, Russian, Kazakh attributes) and, when
    ``alt`` is set, a row of other spellings."""

    name: str = "name_en"
    forms: tuple[str, str, str] = ("name_en", "name_ru", "name_kk")
    alt: str | None = "name_alt"
    row_label: str = ""
    example: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.forms, self.alt) if self.alt else self.forms

    def build(self, ctx: FormContext) -> FormField:
        return NamesField(self, ctx)


def Titles(placeholder: str = "") -> Names:  # noqa: N802 (reads like the other field descriptions)
    """A title in English, Russian and Kazakh."""
    return Names(name="title", forms=("title", "title_ru", "title_kk"), alt=None,
                 row_label=_("Title"), example=placeholder)


class NamesField(FormField):
    def __init__(self, spec: Names, ctx: FormContext) -> None:
        super().__init__(ctx)
        self.spec = spec
        parent = ctx.form_widget()
        self.row_widget = QWidget(parent)
        layout = QHBoxLayout(self.row_widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for code, attribute in zip(("en", "ru", "kk"), spec.forms, strict=True):
            edit = line_edit(self.row_widget, field_label(attribute),
                             spec.example if code == "en" and spec.example else LANGUAGES[code])
            edit.setToolTip(field_label(attribute))
            edit.setProperty("language", code)  # its example is in that language
            tag = QLabel(_language_tag(code), self.row_widget)
            tag.setBuddy(edit)
            layout.addWidget(tag)
            layout.addWidget(edit, 1)
            self.edits[attribute] = edit
        self.alt_edit: QLineEdit | None = None
        if spec.alt:
            self.alt_edit = line_edit(parent, field_label(spec.alt),
                                      _("Other spellings and transliterations, separated by “;”: Abay; Абай"))
            self.edits[spec.alt] = self.alt_edit
        for edit in self.edits.values():
            edit.textEdited.connect(lambda _t: self.changed.emit())
            edit.editingFinished.connect(lambda e=edit: e.isModified() and self.edited())
        self.loaded: dict[str, str | None] = {}

    def build_rows(self) -> list[Row]:
        first = self.edits[self.spec.forms[0]]
        label = self.spec.row_label or field_label("name")
        rows = [Row(label, self.row_widget, first, self.spec.forms,
                    {name: self.edits[name] for name in self.spec.forms})]
        if self.alt_edit is not None and self.spec.alt:
            rows.append(Row(field_label(self.spec.alt), self.alt_edit, self.alt_edit, (self.spec.alt,)))
        return rows

    def load(self, record: Record) -> None:
        for name, edit in self.edits.items():
            self.loaded[name] = getattr(record, name)
            edit.setText(self.loaded[name] or "")

    def store(self, record: Record) -> list[Problem]:
        for name, edit in self.edits.items():
            setattr(record, name, line_value(edit, self.loaded.get(name)))
        return []

    def prefill(self, text: str) -> None:
        edit = self.edits[prefill_form(self.spec.forms, text)]
        edit.setText(text)
        edit.setModified(True)


def prefill_form(forms: tuple[str, str, str], text: str) -> str:
    """Which of the three forms text typed in a picker belongs to (by its script)."""
    language = language_of(text)
    return forms[1] if language == "ru" else forms[2] if language == "kk" else forms[0]


def _language_tag(code: str) -> str:
    """The short mark before each box: the language named in the window's language."""
    return {"en": _("Eng."), "ru": _("Rus."), "kk": _("Kaz.")}[code]
