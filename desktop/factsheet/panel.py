"""The small options panel beside the print preview: which pair, as of which day, on which
paper, which sections, and whether to print the long version (every section in full, on as
many pages as it takes) instead of the two-page briefing. Every change is remembered at once
and announced with ``changed`` so the preview can be redrawn.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import LANGUAGES, _
from db.sheet.options import PAGE_SIZES, SECTIONS, SheetOptions
from desktop.common.party_combo import PartyCombo
from desktop.factsheet import preferences


class OptionsPanel(QWidget):
    """Pair, as-of day, page size and sections for the sheet about to be printed."""

    changed = Signal()

    def __init__(self, db, pair: tuple[int, int] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        options = preferences.load_options()
        self.first = PartyCombo(db, self)
        self.second = PartyCombo(db, self)
        self.first.setAccessibleName(_("First party"))
        self.second.setAccessibleName(_("Second party"))
        if pair is not None:
            self.first.set_party(pair[0])
            self.second.set_party(pair[1])

        self.today = QCheckBox(_("&Today"), self)
        self.today.setToolTip(_("Describe the day the sheet is printed, whenever that is."))
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName(_("As of"))
        day = options.as_of or dt.date.today()
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.today.setChecked(options.as_of is None)
        self.as_of.setEnabled(options.as_of is not None)

        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(options.page_size)

        self.language = QComboBox(self)
        self.language.addItem(_("Same as the window"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(options.language)))
        self.language.setToolTip(_("The language the sheet is printed in: headings, dates, numbers "
                                   "and the names of parties and people."))

        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox(_("Sections"), self)
        box_layout = QVBoxLayout(box)
        for name, label in SECTIONS.items():
            check = QCheckBox(label, box)
            check.setChecked(name in options.sections)
            self.sections[name] = check
            box_layout.addWidget(check)
        always = QLabel(_("Sources are always printed."), box)
        always.setEnabled(False)
        box_layout.addWidget(always)
        self.long = QCheckBox(_("&Long version (every section in full)"), self)
        self.long.setToolTip(_("Print every agreement, official, event and data-quality note instead of "
                               "a two-page briefing."))
        self.long.setChecked(options.long)

        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.as_of, 1)
        as_of_row.addWidget(self.today)
        form = QFormLayout()
        form.addRow(_("&Party:"), self.first)
        form.addRow(_("&and:"), self.second)
        as_of_label = QLabel(_("&As of:"), self)
        as_of_label.setBuddy(self.as_of)
        form.addRow(as_of_label, as_of_row)
        form.addRow(_("Pa&ge size:"), self.page_size)
        form.addRow(_("&Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.long)
        layout.addStretch()

        for combo in (self.first, self.second, self.page_size, self.language):
            combo.currentIndexChanged.connect(self._edited)
        self.as_of.dateChanged.connect(self._edited)
        self.today.toggled.connect(self._today_toggled)
        for check in self.sections.values():
            check.toggled.connect(self._edited)
        self.long.toggled.connect(self._edited)

    def pair(self) -> tuple[int, int] | None:
        a, b = self.first.party_id(), self.second.party_id()
        return (a, b) if a is not None and b is not None else None

    def options(self) -> SheetOptions:
        day = self.as_of.date()
        return SheetOptions(
            sections=frozenset(name for name, check in self.sections.items() if check.isChecked()),
            page_size=self.page_size.currentText(),
            as_of=None if self.today.isChecked() else dt.date(day.year(), day.month(), day.day()),
            language=self.language.currentData(), long=self.long.isChecked())

    def _today_toggled(self, checked: bool) -> None:
        self.as_of.setEnabled(not checked)
        if checked:
            today = dt.date.today()
            self.as_of.blockSignals(True)
            self.as_of.setDate(QDate(today.year, today.month, today.day))
            self.as_of.blockSignals(False)
        self._edited()

    def _edited(self) -> None:
        preferences.save_options(self.options())
        self.changed.emit()
