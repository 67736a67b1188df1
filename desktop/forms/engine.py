"""``RecordDialog``: the one form for every kind of record, built from its field descriptions.

Each field adds labelled rows to a ``QFormLayout`` (``rows``: the label's buddy is the
field, so a mnemonic or a screen reader reaches it); Tab follows the rows in order. As the
person types, the record is rebuilt and checked with ``db.model.validate``, and ``feedback``
shows each problem under the field it concerns; Save stays disabled while there is one,
and likely duplicates are warnings that do not block.

Save writes the record and its links through the form's ``undo.Session`` in one
transaction and closes; if the write fails, nothing is written, the sentence is shown
and the form stays open with everything typed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError, Problem, ValidationError
from db.model import validate
from db.model.duplicates import duplicates
from db.model.i18n import _
from db.model.records import KIND_NAMES, KINDS, Record
from desktop.common import message_box, plain_text
from desktop.common.undo import Session, step_text
from desktop.forms import feedback
from desktop.forms.base import FormField
from desktop.forms.kinds import FORMS, caption, prefill_field
from desktop.forms.rows import RowView, add_rows, align_text_labels, first_size, remember_size
from desktop.help import context as context_help

TITLE_LENGTH = 60


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
        self.rows: list[RowView] = []
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
        self.setWindowTitle(plain_text.title(title))

    def _build_rows(self) -> None:
        used = {"s", "c", "o"}  # Save, Cancel, OK
        line_height = QLineEdit().sizeHint().height()
        for spec in FORMS[self.kind]:
            if set(spec.names) <= set(self.fixed):
                continue
            field = spec.build(self)
            field.changed.connect(self._check)
            self.fields.append(field)
            self.rows += add_rows(self.form, self.form_host, field, used, line_height)

    def _prefill(self, text: str) -> None:
        target = prefill_field(self.kind, text)
        for field in self.fields:
            if any(target in row.names for row in field.rows()):
                field.prefill(text)
                return

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
            if problem.field in self.fixed and not self.fixed[problem.field]:
                continue  # filled in when the record is saved with the one it belongs to (or its source)
            problems.append(problem)
        return problems, duplicates(self.db, record)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._live = True
        super().showEvent(event)
        if not self._sized:  # measured once shown: only then are the fields polished and laid out
            self._sized = True
            available = self.screen().availableGeometry()
            self.resize(first_size(self.kind, self.form_host, self.form, self.buttons, available))
            align_text_labels(self.rows)

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
        unplaced = feedback.show_problems(self.rows, problems, warnings, show_all=self._show_all)
        feedback.show_summary(self.summary, self.rows, problems, unplaced, warnings, show_all=self._show_all)

    def _show_every_problem(self) -> None:
        self._show_all = True
        self._check()
        view = feedback.first_error(self.rows)
        if view is not None:
            view.row.buddy.setFocus()
            self.scroll.ensureWidgetVisible(view.row.buddy)

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
            feedback.show_failure(self.summary, str(error))
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
        remember_size(self.kind, self)
        self.done(code)
