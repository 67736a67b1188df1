"""How a form's fields become labelled rows, and the size a form opens at.

Each field adds rows to a ``QFormLayout``: a label whose mnemonic (the ``&`` letter) and
buddy reach the field, level with the field's first line rather than its middle, and under
the field a sentence, hidden until there is a problem to show (see ``feedback``). A form
opens at the size it was last left at, or with room for every row.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.common import settings
from desktop.forms.base import FormField, Row


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with an ``&`` before its first letter no other label in the form uses."""
    for position, char in enumerate(text):
        if char.isalpha() and char.casefold() not in used:
            used.add(char.casefold())
            return text[:position] + "&" + text[position:]
    return text


def label_offset(label: QLabel, buddy: QWidget, line_height: int) -> int:
    """How far down a label sits so it is level with the first line of its field.

    Labels are at the top of tall rows (a list of parties, a summary), not in their middle.
    A text box's first line is only known once it is laid out (see ``align_text_labels``).
    """
    if isinstance(buddy, QPlainTextEdit) and buddy.isVisible():
        line = buddy.cursorRect(QTextCursor(buddy.document()))
        center = buddy.viewport().mapTo(buddy, line.center()).y()
        return max(0, center - label.sizeHint().height() // 2)
    height = buddy.sizeHint().height() if isinstance(buddy, QComboBox) else line_height
    return max(0, (height - label.sizeHint().height()) // 2)


@dataclass
class RowView:
    """One row as laid out: its label, and the sentence under it for problems and warnings."""

    row: Row
    field: FormField
    label: QLabel
    message: QLabel


def add_rows(form: QFormLayout, host: QWidget, field: FormField, used: set[str],
             line_height: int) -> list[RowView]:
    """Lay out ``field``'s rows at the end of ``form``; ``used`` holds the mnemonics taken."""
    views = []
    for row in field.rows():
        label = QLabel(with_mnemonic(row.label, used), host)
        label.setBuddy(row.buddy)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, label_offset(label, row.buddy, line_height), 0, 0)
        message = QLabel(host)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        message.hide()
        holder = QWidget(host)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        row.widget.setParent(holder)
        box.addWidget(row.widget)
        box.addWidget(message)
        form.addRow(label, holder)
        views.append(RowView(row, field, label, message))
    return views


def align_text_labels(rows: list[RowView]) -> None:
    """Level each text box's label with its first line, known once the form is laid out."""
    for view in rows:
        if isinstance(view.row.buddy, QPlainTextEdit):
            view.label.setContentsMargins(0, 0, 0, 0)
            view.label.setContentsMargins(0, label_offset(view.label, view.row.buddy, 0), 0, 0)


def first_size(kind: str, host: QWidget, form: QFormLayout, buttons: QWidget, available: QRect) -> QSize:
    """The size a form of ``kind`` opens at: as it was last left, or room for every row;
    never more than most of the ``available`` screen."""
    remembered = settings.load_int_list(f"forms/{kind}/size")
    host.ensurePolished()
    form.activate()
    hint = host.sizeHint()
    width, height = max(720, hint.width() + 60), hint.height() + buttons.sizeHint().height() + 50
    if len(remembered) == 2:
        width, height = remembered
    return QSize(min(width, int(available.width() * 0.9)), min(height, int(available.height() * 0.85)))


def remember_size(kind: str, form: QWidget) -> None:
    """Keep the size a form of ``kind`` was left at, for the next one."""
    settings.save_value(f"forms/{kind}/size", [form.width(), form.height()])
