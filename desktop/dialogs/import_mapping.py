"""The Import… dialog's mapping step: how the file is read and which column holds which field.

Above the preview of the first rows, a row of boxes says what each column is (a field, or
*not used*), with the file's own header names above them; boxes for the encoding of a text
file and the sheet of a workbook; a value for every row of a field no column holds
("Same for every row"); and the questions about names the file uses that Fact Sheet does
not know (an indicator: a new one, or one of the known; a unit: kept as written, or one of
the usual). Every change is reported with ``changed`` so the dialog reads the file again.

A mapping is remembered per file layout (the header's names) in the settings, and offered
again the next time a file with the same layout is opened.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from db.exchange.tables import encodings
from db.exchange.tables.header import (
    FIELD_LABELS,
    FIELDS,
    IGNORE,
    Mapping,
    column_letter,
    layout_key,
    normal_name,
)
from db.exchange.tables.opening import Table
from db.model.formatting import format_unit
from db.model.i18n import _
from db.model.records import KNOWN_INDICATORS
from desktop.common import settings

SETTINGS_GROUP = "import/mappings"
USUAL_UNITS = ("USD million", "USD thousand", "USD", "KZT million", "KZT billion", "RUB million", "EUR million",
               "thousand tonnes", "tonnes", "enterprises", "people", "%")


def remembered(key: str) -> Mapping | None:
    """The mapping saved for a file layout, if any."""
    text = settings.load_str(f"{SETTINGS_GROUP}/{key}")
    try:
        data = json.loads(text) if text else None
        return Mapping(dict(data["columns"]), dict(data["values"])) if data else None
    except (ValueError, KeyError, TypeError):
        return None


def remember(key: str, mapping: Mapping) -> None:
    settings.save_value(f"{SETTINGS_GROUP}/{key}", json.dumps(
        {"columns": mapping.columns, "values": mapping.values}, ensure_ascii=False))


class MappingStep(QWidget):
    """The boxes of the mapping step, filled from an open ``Table``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping = Mapping()
        self.names: dict[str, dict[str, str]] = {"indicator": {}, "unit": {}}
        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName(_("Encoding"))
        for codec, name in encodings.ENCODING_NAMES.items():
            self.encoding.addItem(name, codec)
        self.encoding_label = QLabel(_("&Encoding:"), self)
        self.encoding_label.setBuddy(self.encoding)
        self.sheet = QComboBox(self)
        self.sheet.setAccessibleName(_("Sheet"))
        self.sheet_label = QLabel(_("&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet)
        self.columns = QTableWidget(1, 0, self)
        self.columns.setAccessibleName(_("What each column holds"))
        self.columns.setVerticalHeaderLabels([_("Field")])
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the preview's scrolls both
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fixed = QGroupBox(_("Same for every row"), self)
        self.fixed_form = QFormLayout(self.fixed)
        self.questions = QGroupBox(_("Names Fact Sheet does not know"), self)
        self.questions_form = QFormLayout(self.questions)
        self.value_boxes: dict[str, QLineEdit] = {}
        self.widths: list[int] = []  # what each column's box needs to show the field it names
        top = QHBoxLayout()
        top.addWidget(self.encoding_label)
        top.addWidget(self.encoding)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        top.addStretch(1)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(top)
        layout.addRow(self.columns)
        layout.addRow(self.fixed)
        layout.addRow(self.questions)
        self.encoding_chosen = False  # True once the person has chosen an encoding (else it is detected)
        self.sheet_chosen = False
        self.encoding.activated.connect(lambda _i: self._chose("encoding_chosen"))
        self.sheet.activated.connect(lambda _i: self._chose("sheet_chosen"))
        self.fixed.hide()  # shown once a field no column holds asks for a value
        self.questions.hide()

    # -- filling from a table ------------------------------------------------------------------------
    def show_table(self, table: Table) -> None:
        """Set every box from the table as read."""
        csv_file = table.encoding is not None
        for widget in (self.encoding, self.encoding_label):
            widget.setVisible(csv_file)
        for widget in (self.sheet, self.sheet_label):
            widget.setVisible(len(table.sheets) > 1)
        if table.encoding is not None:
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(table.encoding.codec)))
        self.sheet.clear()
        self.sheet.addItems(table.sheets)
        if table.sheet:
            self.sheet.setCurrentText(table.sheet)
        self._fill_columns(table)
        self._fill_values(table)

    def _fill_columns(self, table: Table) -> None:
        layout = table.layout
        header = layout.header
        self.columns.setColumnCount(len(header))
        self.columns.setHorizontalHeaderLabels([encodings.printable(h) or "" for h in header])
        for column, name in enumerate(header):
            box = QComboBox(self.columns)
            box.setAccessibleName(_("Field of column {name}").format(name=name or column + 1))
            box.addItem(_("(not used)"), IGNORE)
            for name_ in FIELDS:
                box.addItem(FIELD_LABELS[name_], name_)
            period = layout.periods.get(column)
            if period is not None:
                box.addItem(_("Figures for {period}").format(period=period.period.label()), "")
            chosen = layout.field_of_column(column)
            box.setCurrentIndex(box.findData(chosen) if chosen else box.findData("" if period else IGNORE))
            box.activated.connect(lambda _i, c=column, b=box: self._column_chosen(c, b))
            self.columns.setCellWidget(0, column, box)
        self.columns.resizeColumnsToContents()
        boxes = [self.columns.cellWidget(0, c) for c in range(len(header))]
        for column, box in enumerate(boxes):
            shown = box.fontMetrics().horizontalAdvance(box.currentText()) + 48  # the text and the arrow
            self.columns.setColumnWidth(column, max(self.columns.columnWidth(column), shown))
        self.widths = [self.columns.columnWidth(column) for column in range(len(header))]
        height = max([b.sizeHint().height() for b in boxes], default=24) + 8
        self.columns.setRowHeight(0, height)
        frame = 2 * self.columns.frameWidth()
        self.columns.setFixedHeight(self.columns.horizontalHeader().sizeHint().height() + height + frame + 2)

    def _fill_values(self, table: Table) -> None:
        layout = table.layout
        columns = set(layout.fields) | ({"period"} if {"period_start", "period_end"} <= set(layout.fields) else set())
        asked = (set(layout.missing()) | set(layout.values) | set(self.value_boxes)) - (columns - set(layout.values))
        wanted = [f for f in FIELDS if f in asked]
        if wanted == list(self.value_boxes):  # the same boxes: keep them, and the focus in them
            for name, box in self.value_boxes.items():
                if not box.hasFocus():
                    box.setText(layout.values.get(name, ""))
            return
        while self.fixed_form.rowCount():
            self.fixed_form.removeRow(0)
        self.value_boxes = {}
        for name in wanted:
            box = QLineEdit(layout.values.get(name, ""), self.fixed)
            box.setAccessibleName(FIELD_LABELS[name])
            box.setPlaceholderText(_("no column holds it: type it for every row"))
            box.editingFinished.connect(lambda n=name, b=box: self._value_typed(n, b))
            self.fixed_form.addRow(_("{field}:").format(field=FIELD_LABELS[name]), box)
            self.value_boxes[name] = box
        self.fixed.setVisible(bool(self.value_boxes))

    def ask(self, indicators: list[str], units: list[str]) -> None:
        """Put the questions about unknown indicator and unit names."""
        while self.questions_form.rowCount():
            self.questions_form.removeRow(0)
        for kind, texts in (("indicator", indicators), ("unit", units)):
            for text in texts:
                box = QComboBox(self.questions)
                keep = (_("A new indicator “{name}”") if kind == "indicator" else _("Keep “{name}” as written")
                        ).format(name=text)
                box.addItem(keep, "")
                choices = KNOWN_INDICATORS.items() if kind == "indicator" else ((u, format_unit(u)) for u in USUAL_UNITS)
                for value, label in choices:
                    box.addItem(label, value)
                box.setAccessibleName(text)
                box.activated.connect(lambda _i, k=kind, t=text, b=box: self._named(k, t, b))
                label = _("Indicator “{name}”:") if kind == "indicator" else _("Unit “{name}”:")
                self.questions_form.addRow(label.format(name=text), box)
        self.questions.setVisible(bool(indicators or units))

    # -- what the person changes -----------------------------------------------------------------------
    def _chose(self, flag: str) -> None:
        setattr(self, flag, True)
        self._changed()

    def _changed(self) -> None:
        """Say so once the signal that brought the change has returned: reading the file again
        rebuilds boxes, perhaps the one that emitted it."""
        QTimer.singleShot(0, self.changed.emit)

    def _column_chosen(self, column: int, box: QComboBox) -> None:
        header = self.columns.horizontalHeaderItem(column)
        name = header.text() if header is not None else ""
        key = normal_name(name) if name.strip() else column_letter(column)
        chosen = box.currentData()
        if chosen == "":  # the period the header names
            self.mapping.columns.pop(key, None)
        else:
            self.mapping.columns[key] = chosen
        self._changed()

    def _value_typed(self, name: str, box: QLineEdit) -> None:
        text = box.text().strip()
        if text == self.mapping.values.get(name, ""):
            return
        if text:
            self.mapping.values[name] = text
        else:
            self.mapping.values.pop(name, None)
        self._changed()

    def _named(self, kind: str, text: str, box: QComboBox) -> None:
        value = box.currentData()
        if value:
            self.names[kind][text] = value
        else:
            self.names[kind].pop(text, None)
        self._changed()

    def help_topic(self) -> str:
        """The guide's section for the dialog: the mapping step's while it asks for a value for
        every row or about a name, else importing's."""
        return "import-mapping" if self.value_boxes or not self.questions.isHidden() else "importing"

    def width_of(self, column: int) -> int:
        """The width the box over ``column`` needs (0 beyond the header): the column itself follows
        the preview's, which fitting the preview to its cells may have narrowed."""
        return self.widths[column] if column < len(self.widths) else 0

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData() if self.encoding_chosen else None

    def chosen_sheet(self) -> str | None:
        return (self.sheet.currentText() or None) if self.sheet_chosen else None


def key_of(table: Table) -> str:
    """The settings key of a table's layout."""
    return layout_key(table.layout.header)
