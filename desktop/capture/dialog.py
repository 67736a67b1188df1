"""Capture…: the article on one side, what it states on the other, accepted in one step.

The person pastes or opens an article and gives its address, publisher and date (filled
in when the text states them); *Read* proposes its records. Each can be accepted,
rejected or edited in the normal form (which writes nothing); *Accept All* writes every
proposal not rejected — records, links and the source — in one transaction and one undo
step, through the forms' rules. A proposal still missing a value (a figure without its
scale) must be edited or rejected first. Nothing is written before that.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.capture.apply import apply, problems
from db.capture.extract import capture
from db.capture.proposals import Capture, Proposal
from db.errors import FactSheetError
from db.model.dates import DateError, parse_iso_day
from db.model.i18n import _, ngettext
from db.model.validate import url_problem
from desktop.capture.forms import form_record, take_back
from desktop.capture.review import (
    ACCEPTED,
    REJECTED,
    UNDECIDED,
    ArticlePane,
    ProposalTree,
    details_text,
)
from desktop.common import message_box, settings
from desktop.common.progress import busy
from desktop.common.theme import alert_style
from desktop.help import context as context_help


class CaptureDialog(QDialog):
    """Review what an article states and write the accepted records in one step."""

    def __init__(self, window, text: str = "", path: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.result_capture: Capture | None = None
        self.setObjectName("capture-dialog")
        self.setWindowTitle(_("Capture from an Article — {name}").format(name=path.name) if path
                            else _("Capture from an Article"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.article = ArticlePane(self)
        self.article.setPlainText(text)
        self.url, self.publisher, self.published = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.published.setPlaceholderText(_("YYYY-MM-DD"))
        self.source_title = QLineEdit(self)
        fields = QFormLayout()
        for label, box, name in ((_("&Title:"), self.source_title, "title"), (_("&Address:"), self.url, "url"),
                                 (_("Pu&blisher:"), self.publisher, "publisher"),
                                 (_("Publis&hed:"), self.published, "published")):
            box.setObjectName(name)
            fields.addRow(label, box)
        self.read_button = QPushButton(_("&Read"), self)
        self.read_button.setObjectName("read")
        self.read_button.clicked.connect(self.read)

        self.tree = ProposalTree(self)
        self.tree.chosen.connect(self._show)
        self.details = QLabel(self)
        self.details.setObjectName("details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # passages are the article's own text
        self.details.setWordWrap(True)
        self.accept_button = self._button(_("&Accept"), "accept", lambda: self._mark(ACCEPTED))
        self.reject_button = self._button(_("Re&ject"), "reject", lambda: self._mark(REJECTED))
        self.edit_button = self._button(_("&Edit…"), "edit", self.edit_current)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.accept_all = self.buttons.addButton(_("Accept A&ll"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_all.setObjectName("accept_all")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept_everything)
        self.buttons.rejected.connect(self.reject)
        context_help.install(self, "capture", self.buttons)
        self._lay_out(fields)
        self._update_buttons()
        if text.strip():
            self.read()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _lay_out(self, fields: QFormLayout) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(fields)
        left_layout.addWidget(self.article, 1)
        left_layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignRight)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tree, 1)
        right_layout.addWidget(self.details)
        row = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.edit_button):
            row.addWidget(button)
        row.addStretch(1)
        right_layout.addLayout(row)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        size = settings.load_int_list("capture/size")
        self.resize(*(size if len(size) == 2 else [1180, 720]))

    # -- reading -------------------------------------------------------------------------------
    def read(self) -> Capture | None:
        """Propose the records of the text as it stands (with the address, publisher and date given)."""
        text = self.article.toPlainText()
        if not text.strip():
            self._say(_("Paste the article's text first."), error=True)
            return None
        try:
            published = parse_iso_day(self.published.text()) if self.published.text().strip() else None
        except DateError as error:
            self._say(str(error), error=True)
            return None
        url = self.url.text().strip() or None
        if url and url_problem(url):
            self._say(url_problem(url), error=True)
            return None
        with busy():
            result = capture(self.window.db, text, url=url, published=published,
                             publisher=self.publisher.text().strip() or None,
                             title=self.source_title.text().strip() or None)
        self.result_capture = result
        source = result.source
        self.source_title.setText(source["title"] or "")
        self.publisher.setText(source["publisher"] or "")
        self.published.setText(source["published"] or "")
        for box in (self.source_title, self.publisher, self.url):
            box.setCursorPosition(0)  # a long title shows its beginning
        self.article.setReadOnly(True)
        self.tree.show_capture(result)
        self._update_buttons()
        self._say(ngettext("{n} record proposed.", "{n} records proposed.", len(result.proposals)).format(
            n=len(result.proposals)) if result.proposals else _("Nothing to propose was found in this text."))
        return result

    # -- deciding ------------------------------------------------------------------------------
    def _show(self, proposal: Proposal | None) -> None:
        self._update_buttons()
        if proposal is None:
            self.details.clear()
            return
        self.article.highlight(proposal.start, proposal.end)
        text, style = details_text(self.result_capture, proposal)  # type: ignore[arg-type]
        self.details.setText(text)
        self.details.setStyleSheet(style)

    def _mark(self, state: str) -> None:
        proposal = self.tree.current()
        if proposal is None:
            return
        if state == ACCEPTED and problems(proposal):
            self._say(_("This proposal misses a value the record needs; edit it first."), error=True)
            return
        self.tree.set_state(proposal, state)
        self._show(proposal)

    def edit_current(self):
        """Open the normal form on the current proposal; what is typed there comes back to it."""
        proposal = self.tree.current()
        if proposal is None or proposal.action == "same" or self.result_capture is None:
            return None
        from desktop.forms.engine import RecordDialog

        record, fixed = form_record(self.result_capture, proposal)
        session = self.window.editing.history.session()
        form = RecordDialog(proposal.kind, session, record=record, fixed=fixed, unsaved=True, parent=self)
        form.accepted.connect(lambda: self._edited(proposal, form.result_record, fixed))
        form.open()
        return form

    def _edited(self, proposal: Proposal, record, fixed) -> None:
        take_back(self.result_capture, proposal, record, fixed)  # type: ignore[arg-type]
        self.tree.set_state(proposal, ACCEPTED if not problems(proposal) else UNDECIDED)
        self._show(proposal)

    def _update_buttons(self) -> None:
        current = self.tree.current()
        self.accept_button.setEnabled(current is not None)
        self.reject_button.setEnabled(current is not None)
        self.edit_button.setEnabled(current is not None and current.action != "same")
        self.accept_all.setEnabled(self.result_capture is not None)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(alert_style("error") if error else "")

    # -- writing -------------------------------------------------------------------------------
    def accept_everything(self) -> None:
        """Write every proposal not rejected, with the source, in one transaction and one undo step."""
        result = self.result_capture
        if result is None:
            return
        wanted = [p for p in result.proposals if self.tree.states[p.ref] != REJECTED]
        open_ = [p for p in wanted if problems(p)]
        if open_:
            self.tree.setCurrentItem(self.tree.item_of(open_[0].ref))
            self._say(ngettext("{n} proposal still misses a value; edit or reject it first.",
                               "{n} proposals still miss a value; edit or reject them first.", len(open_)).format(
                n=len(open_)), error=True)
            return
        for proposal in wanted:
            self.tree.set_state(proposal, ACCEPTED)
        title = result.source["title"] or ""
        step = _("Capture “{title}”").format(title=title if len(title) <= 40 else title[:39] + "…")
        try:
            applied = self.window.editing.history.session().run(
                step, lambda recorder: apply(self.window.db, result, [p.ref for p in wanted], save=recorder.save))
        except FactSheetError as error:
            message_box.warn(self, title=_("Capture"), text=str(error))
            return
        self.window.statusBar().showMessage(ngettext(
            "Captured {n} record from the article.", "Captured {n} records from the article.",
            applied.written()).format(n=applied.written()), 5000)
        self._finish(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        self._finish(QDialog.DialogCode.Rejected)

    def _finish(self, code: QDialog.DialogCode) -> None:
        settings.save_value("capture/size", [self.width(), self.height()])
        self.done(code)
