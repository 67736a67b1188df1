"""``RecordDialog``: the one form for every kind of record, built from its field descriptions.

Each field adds labelled rows to a ``QFormLayout`` (the label's buddy is the field, so
a mnemonic or a screen reader reaches it); Tab follows the rows in order. As the person
types, the record is rebuilt and checked with ``db.model.validate``: each problem is a sentence
under the field it concerns, Save stays disabled while there is one, and likely
duplicates are shown as warnings that do not block. A field's problems are shown quietly
until it has been left once (or Save was attempted), so a half-typed date is not called
wrong while it is being typed.

Save writes the record and its links through the form's ``undo.Session`` in one
transaction and closes; if the write fails, nothing is written, the sentence is shown
and the form stays open with everything typed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError, Problem, ValidationError
from db.model import validate
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES, KINDS, Record
from desktop.common import message_box, settings
from desktop.common.theme import alert_style
from desktop.common.undo import Session, step_text
from desktop.forms.base import FormField, Row
from desktop.forms.kinds import FORMS, caption, prefill_field
from desktop.help import context as context_help

TITLE_LENGTH = 60


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with an ``&`` before its first letter no other label in the form uses."""
    for position, char in enumerate(text):
        if char.isalpha() and char.casefold() not in used:
            used.add(char.casefold())
            return text[:position] + "&" + text[position:]
    return text


def _label_offset(label: QLabel, buddy: QWidget, line_height: int) -> int:
    """How far down a label sits so it is level with the first line of its field.

    Labels are at the top of tall rows (a list of parties, a summary), not in their middle.
    A text box's first line is only known once it is laid out (see ``_align_text_labels``).
    """
    if isinstance(buddy, QPlainTextEdit) and buddy.isVisible():
        line = buddy.cursorRect(QTextCursor(buddy.document()))
        center = buddy.viewport().mapTo(buddy, line.center()).y()
        return max(0, center - label.sizeHint().height() // 2)
    height = buddy.sizeHint().height() if isinstance(buddy, QComboBox) else line_height
    return max(0, (height - label.sizeHint().height()) // 2)


@dataclass
class _RowView:
    row: Row
    field: FormField
    label: QLabel
    message: QLabel


class RecordDialog(QDialog):
    """Add or edit one record; ``saved`` carries its id once it is written."""

    saved = Signal(int)

    def __init__(self, kind: str, session: Session, *, record: Record | None = None,
                 initial: dict[str, object] | None = None, fixed: dict[str, object] | None = None,
                 prefill: str = "", unsaved: bool = False, parent: QWidget | None = None) -> None:
        """``initial`` values start a new record (the person of a new position); ``fixed``
        attributes are set and not shown (a position's person when edited from the person);
        ``unsaved`` forms hand their record back in ``result_record`` instead of writing it
        (the person's form saves its positions with the person)."""
        super().__init__(parent)
        self.kind = kind
        self.session = session
        self.db = session.db
        self.fixed = dict(fixed or {})
        self.unsaved = unsaved
        self.is_new = record is None
        self.original: Record = copy.deepcopy(record) if record is not None else KINDS[kind](**(initial or {}))
        for name, value in self.fixed.items():
            setattr(self.original, name, value)
        self.result_record: Record | None = None
        self.record_id = self.original.id
        self._built = False
        self._live = True
        self._show_all = not self.is_new
        self._discard_confirmed = False
        self.setObjectName(f"form-{kind}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._set_title()

        self.form_host = QWidget(self)
        self.form = QFormLayout()
        host_layout = QVBoxLayout(self.form_host)
        host_layout.addLayout(self.form)
        host_layout.addStretch(1)  # spare height goes below the rows, never into them
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.fields: list[FormField] = []
        self.rows: list[_RowView] = []
        self._build_rows()

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self.form_host)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # sentences quote what was typed
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        save_kind = QDialogButtonBox.StandardButton.Ok if unsaved else QDialogButtonBox.StandardButton.Save
        self.save_button = self.buttons.addButton(save_kind)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        context_help.install(self, f"editing-{kind}", self.buttons)  # F1 and Help: the guide on this kind
        for button in self.form_host.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a box saves; it does not press "Today"
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        for field in self.fields:
            field.load(self.original)
            field.touched = False
        if prefill:
            self._prefill(prefill)
        self.baseline, _problems = self._collect()
        self._built = True
        self.layout_changed()
        self._check()
        self._sized = False
        first = next((w for f in self.fields for w in f.focus_chain()), None)
        if first is not None:
            first.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _set_title(self, text: str = "") -> None:
        name = KIND_NAMES[self.kind][0]
        title = _("New {kind}").format(kind=name) if self.is_new else _("Edit {kind}").format(kind=name)
        text = text or (caption(self.original) if not self.is_new else "")
        if text:
            text = text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1].rstrip() + "…"
            title = f"{title} — {text}"
        self.setWindowTitle(title)

    def _build_rows(self) -> None:
        used = {"s", "c", "o"}  # Save, Cancel, OK
        line_height = QLineEdit().sizeHint().height()
        for spec in FORMS[self.kind]:
            if set(spec.names) <= set(self.fixed):
                continue
            field = spec.build(self)
            field.changed.connect(self._check)
            self.fields.append(field)
            for row in field.rows():
                label = QLabel(with_mnemonic(row.label, used), self.form_host)
                label.setBuddy(row.buddy)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, _label_offset(label, row.buddy, line_height), 0, 0)
                message = QLabel(self.form_host)
                message.setTextFormat(Qt.TextFormat.PlainText)
                message.setWordWrap(True)
                message.hide()
                holder = QWidget(self.form_host)
                box = QVBoxLayout(holder)
                box.setContentsMargins(0, 0, 0, 0)
                box.setSpacing(2)
                row.widget.setParent(holder)
                box.addWidget(row.widget)
                box.addWidget(message)
                self.form.addRow(label, holder)
                self.rows.append(_RowView(row, field, label, message))

    def _prefill(self, text: str) -> None:
        target = prefill_field(self.kind, text)
        for field in self.fields:
            if any(target in row.names for row in field.rows()):
                field.prefill(text)
                return

    def _align_text_labels(self) -> None:
        for view in self.rows:
            if isinstance(view.row.buddy, QPlainTextEdit):
                view.label.setContentsMargins(0, 0, 0, 0)
                view.label.setContentsMargins(0, _label_offset(view.label, view.row.buddy, 0), 0, 0)

    def _size(self) -> None:
        remembered = settings.load_int_list(f"forms/{self.kind}/size")
        self.form_host.ensurePolished()
        self.form.activate()
        hint = self.form_host.sizeHint()
        available = self.screen().availableGeometry()
        width, height = max(720, hint.width() + 60), hint.height() + self.buttons.sizeHint().height() + 50
        if len(remembered) == 2:
            width, height = remembered
        self.resize(QSize(min(width, int(available.width() * 0.9)), min(height, int(available.height() * 0.85))))

    # -- the form context fields call ------------------------------------------------------------
    def form_widget(self) -> QWidget:
        return self.form_host

    def create_record(self, kind: str, text: str, done: Callable[[int], None]) -> None:
        dialog = RecordDialog(kind, self.session.nested(), prefill=text, parent=self)
        dialog.saved.connect(done)
        self._open_nested(dialog)

    def edit_unsaved(self, kind: str, record: Record | None, fixed: dict[str, object],
                     done: Callable[[Record], None]) -> None:
        dialog = RecordDialog(kind, self.session.nested(), record=record, fixed=fixed, unsaved=True, parent=self)
        dialog.accepted.connect(lambda: done(dialog.result_record))
        self._open_nested(dialog)

    def _open_nested(self, dialog: RecordDialog) -> None:
        focus = self.focusWidget()

        def back() -> None:  # this form is in front again, with the focus where the person left it
            self.activateWindow()
            if focus is not None and self.focusWidget() is None:
                focus.setFocus()

        dialog.finished.connect(back)
        dialog.open()

    def layout_changed(self) -> None:
        """Tab goes through the fields in the order they are laid out, then Save and Cancel."""
        if not self._built:
            return
        chain = [w for field in self.fields for w in field.focus_chain()] + [self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- checking ----------------------------------------------------------------------------
    def _collect(self) -> tuple[Record, list[Problem]]:
        """The record as typed, and what could not be read."""
        record = copy.deepcopy(self.original)
        problems: list[Problem] = []
        for field in self.fields:
            problems += field.store(record)
        for name, value in self.fixed.items():
            setattr(record, name, value)
        return record, problems

    def problems(self) -> tuple[list[Problem], list[Problem]]:
        """(problems that block saving, warnings) for what is typed now."""
        record, problems = self._collect()
        unreadable = {p.field for p in problems}
        for problem in validate.problems(self.db, record):
            if problem.field in unreadable:
                continue
            if problem.field in self.fixed and self.fixed[problem.field] is None:
                continue  # filled in when the record is saved with the one it belongs to
            problems.append(problem)
        return problems, validate.duplicates(self.db, record)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._live = True
        super().showEvent(event)
        if not self._sized:  # measured once shown: only then are the fields polished and laid out
            self._sized = True
            self._size()
            self._align_text_labels()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._live = False  # closed (or its window was): nothing to check any more
        super().hideEvent(event)

    def _check(self) -> bool:
        if not self._live:
            return False
        problems, warnings = self.problems()
        self._show(problems, warnings)
        self.save_button.setEnabled(not problems)
        return not problems

    def _show(self, problems: list[Problem], warnings: list[Problem]) -> None:
        placed: set[int] = set()
        for view in self.rows:
            names = set(view.row.names)
            errors = [p for p in problems if p.field in names]
            notes = [p for p in warnings if p.field in names]
            placed.update(id(p) for p in errors)
            if errors:
                loud = self._show_all or view.field.touched
                view.message.setText(" ".join(dict.fromkeys(p.message for p in errors)))
                view.message.setStyleSheet(alert_style("error") if loud else "")
                view.message.setEnabled(loud)  # a quiet (greyed) sentence until the field is left
            elif notes:
                view.message.setText("⚠ " + " ".join(p.message for p in notes))
                view.message.setStyleSheet(alert_style("warning"))
                view.message.setEnabled(True)
            view.message.setVisible(bool(errors or notes))
            view.row.buddy.setAccessibleDescription(view.message.text() if errors or notes else "")
        self._show_summary(problems, [p for p in problems if id(p) not in placed], warnings)

    def _show_summary(self, problems: list[Problem], unplaced: list[Problem], warnings: list[Problem]) -> None:
        if problems:
            order = [name for view in self.rows for name in view.row.names]
            fields = sorted(dict.fromkeys(p.field for p in problems),
                            key=lambda name: order.index(name) if name in order else len(order))
            labels = ", ".join(validate.label(name) for name in fields)
            text = ngettext("Fix {n} problem before saving ({fields}).", "Fix {n} problems before saving ({fields}).",
                            len(problems)).format(n=len(problems), fields=labels)
            text = " ".join([text] + [p.message for p in unplaced])
            self.summary.setStyleSheet(alert_style("error") if self._show_all else "")
        elif warnings:
            text = _("This can be saved; check the warnings above.")
            self.summary.setStyleSheet(alert_style("warning"))
        else:
            text = ""
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def _show_every_problem(self) -> None:
        self._show_all = True
        self._check()
        for view in self.rows:
            if view.message.isVisible() and view.message.styleSheet() == alert_style("error"):
                view.row.buddy.setFocus()
                self.scroll.ensureWidgetVisible(view.row.buddy)
                return

    # -- saving and closing ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self.save_button.isEnabled() and not isinstance(self.focusWidget(), QPushButton):
            self._show_every_problem()  # Enter on a form that cannot be saved yet says why
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self._check():
            self._show_every_problem()
            return
        record, _problems = self._collect()
        if self.unsaved:
            self.result_record = record
            self._finish(QDialog.DialogCode.Accepted)
            return
        text = step_text("add" if record.id is None else "edit", self.kind, caption(record))
        try:
            record_id = self.session.run(text, lambda recorder: self._write(recorder, record))
        except ValidationError as error:
            self._show_all = True
            self._show(error.problems, [])
            self.save_button.setEnabled(False)
            return
        except FactSheetError as error:
            self.summary.setText(str(error))
            self.summary.setStyleSheet(alert_style("error"))
            self.summary.show()
            return
        self.record_id = record_id
        self.saved.emit(record_id)
        self._finish(QDialog.DialogCode.Accepted)

    def _write(self, recorder, record: Record) -> int:
        record_id = recorder.save(record)
        for field in self.fields:
            field.save_related(recorder, record_id)
        return record_id

    def has_changes(self) -> bool:
        record, problems = self._collect()
        return record != self.baseline or bool(problems) or any(f.related_changed() for f in self.fields)

    def reject(self) -> None:
        if self.has_changes() and not self._discard_confirmed:
            self._ask_to_discard()
            return
        self.session.close()
        self._finish(QDialog.DialogCode.Rejected)

    def _ask_to_discard(self) -> None:
        name = KIND_NAMES[self.kind][0].lower()
        box = message_box.plain_box(QMessageBox.Icon.Question, self.windowTitle(),
                                    _("Discard what you typed in this {kind}?").format(kind=name), self)
        discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                self._discard_confirmed = True
                self.reject()

        box.finished.connect(answered)
        box.open()

    def _finish(self, code: QDialog.DialogCode) -> None:
        settings.save_value(f"forms/{self.kind}/size", [self.width(), self.height()])
        self.done(code)
