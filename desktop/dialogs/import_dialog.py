"""File ▸ Import…: a preview and a check before anything is written, then the import.

The dialog shows the file as read (how it is written and its first rows) under the mapping
step (``import_mapping``: the encoding, the sheet, which column holds which field, values
for every row, and questions about names Fact Sheet does not know); every change there
reads the file again at once. It then checks the whole file against the database on a
worker thread (a dry run of the real import, rolled back) and shows either what would be
added ("1,234 new, 0 already present", the parties and sources it would create) or the
problems that keep it out (the first 20 and a count). A bundle's records changed both here
and in the bundle are listed to choose from (``import_conflicts``). Only then may the
person press Import; the import runs on the worker thread too, with a progress bar and
Cancel, in one transaction, so cancelling leaves the database exactly as it was. A finished
import is one step of Edit ▸ Undo.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError
from db.exchange.tables import workbook
from db.model.i18n import _
from desktop.common import message_box, plain_text
from desktop.common.background import Job
from desktop.common.file_choice import ask_path, start_folder
from desktop.common.progress import busy
from desktop.common.rich_text import esc, shown, tooltip_html
from desktop.common.undo import import_changes
from desktop.dialogs.import_conflicts import ConflictList
from desktop.help import context as context_help

if TYPE_CHECKING:
    from db.exchange.imports import ImportRejected, ImportReport
    from db.exchange.tables.opening import Table
    from desktop.dialogs.import_mapping import MappingStep

IMPORT_FILTERS = (_("Figures and bundles (*.csv *.tsv *.txt *.xlsx *.ods *.json)"), _("All files (*)"))
PREVIEW_ROWS = 20
PROBLEM_TINT = QColor(255, 205, 205)  # a cell with a problem (drawn with black text in any theme)


def _printable(text: str) -> str:
    """A cell with bytes its encoding could not read shown as "\\xff" (the readers load with
    the first import, not with the window)."""
    from db.exchange.tables.encodings import printable

    return printable(text)


class ImportDialog(QDialog):
    """Preview, check and import one file into the window's database."""

    def __init__(self, window, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.path = Path(path)
        self.report: ImportReport | None = None
        self.imported = False
        self._job: Job | None = None
        self.setWindowTitle(plain_text.title(_("Import {name}").format(name=self.path.name)))
        self.setObjectName("import_dialog")

        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QTableWidget(self)
        self.preview.setAccessibleName(_("First rows of the file"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().hide()  # the mapping step above names the columns
        self.step: MappingStep | None = None
        self.table: Table | None = None
        self._layout_key: str | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("import_status")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Problems and details"))
        self.details.setMaximumHeight(160)
        self.conflicts = ConflictList(self)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(_("&Import"), self)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        context_help.install(self, lambda: "bundles" if self.step is None else self.step.help_topic(), self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        self._step_at = layout.count()
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.buttons)
        self.resize(960, 640)
        self._show_preview()

    # -- what the person sees first ------------------------------------------------------------
    def _show_preview(self) -> None:
        from db.exchange.imports import is_bundle

        self.details.hide()
        if is_bundle(self.path):
            self.about.setText(_("<b>{name}</b> — a Fact Sheet bundle (JSON).").format(name=esc(self.path.name)))
            self.preview.hide()
            self._run(dry_run=True)
            return
        from desktop.dialogs.import_mapping import MappingStep, key_of, remembered

        self.step = MappingStep(self)
        self.layout().insertWidget(self._step_at, self.step)
        self.step.changed.connect(self._read_again)
        self.preview.horizontalScrollBar().valueChanged.connect(self.step.columns.horizontalScrollBar().setValue)
        self.preview.horizontalHeader().sectionResized.connect(
            lambda column, _old, new: self.step.columns.setColumnWidth(column, new))
        if not self._open_table():
            return
        assert self.table is not None
        self._layout_key = key_of(self.table)
        saved = remembered(self._layout_key)
        if saved is not None and not self.step.mapping.columns and not self.step.mapping.values:
            self.step.mapping = saved
            if not self._open_table():
                return
        self._check_or_ask()

    def _open_table(self) -> bool:
        """Read the file again with what the mapping step says; False when it cannot be read."""
        from db.exchange.figures.importing import preview
        from db.exchange.tables.opening import ReadOptions

        assert self.step is not None
        options = ReadOptions(encoding=self._encoding(), sheet=self.step.chosen_sheet(), mapping=self.step.mapping)
        if self.table is not None:
            self.table.close()
            self.table = None
        try:
            with busy():  # a workbook's sheet is read whole the first time (a second for 100,000 rows)
                self.table = preview(self.path, options, require=False)
        except FactSheetError as error:
            self._refused(error)
            return False
        self.table.close()  # everything shown is read; the import opens it again
        text = _("<b>{name}</b> — {dialect}.").format(name=esc(self.path.name), dialect=esc(self.table.describe()))
        if self.table.layout.ignored:
            text += " " + _("Columns not used: {names}.").format(names=esc(", ".join(self.table.layout.ignored)))
        self.about.setText(text)
        self.step.show_table(self.table)
        self._fill_preview(self.table)
        return True

    def _encoding(self) -> str | None:
        """The encoding the person chose in the box, else None (detected)."""
        assert self.step is not None
        return self.step.chosen_encoding() if self.step.encoding_chosen else None

    def _read_again(self) -> None:
        """The mapping step changed: read the file again and check it again."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
            self._job = None
        self.cancel_button.setText(_("Cancel"))
        if self._open_table():
            self._check_or_ask()

    def _check_or_ask(self) -> None:
        """Check the whole file, unless a question must be answered first."""
        assert self.table is not None
        encoding = self.table.encoding
        missing = self.table.layout.missing()
        if encoding is not None and not encoding.certain and not self.step.encoding_chosen:
            from db.exchange.tables.encodings import ENCODING_NAMES

            self.status.setText(_("The encoding cannot be told for sure: it reads as {encoding}, but also as "
                                  "{others}. Choose the encoding that shows the names right.").format(
                encoding=esc(encoding.name), others=esc(", ".join(
                    ENCODING_NAMES.get(c, c) for c in encoding.others))))
            self.import_button.setEnabled(False)
            self.step.encoding.setFocus()
            return
        if missing:
            from db.exchange.tables.header import FIELD_LABELS

            self.status.setText(_("Say which column holds {fields}, or type it for every row.").format(
                fields=esc(", ".join(FIELD_LABELS[f] for f in missing))))
            self.import_button.setEnabled(False)
            return
        self._run(dry_run=True)

    def _fill_preview(self, table: Table) -> None:
        rows = table.sample
        width = max([len(table.layout.header)] + [len(r) for _n, r in rows])
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.layout.header + [""] * (width - len(table.layout.header)))
        for r, (_number, row) in enumerate(rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(shown(_printable(cell))))
        self.preview.setVerticalHeaderLabels([str(n) for n, _row in rows])
        self.preview.resizeColumnsToContents()
        if self.step is not None:  # the boxes above stand over the columns they name
            for c in range(width):
                wanted = max(self.preview.columnWidth(c), self.step.width_of(c))
                self.preview.setColumnWidth(c, wanted)
                self.step.columns.setColumnWidth(c, wanted)
            numbers = max(self.preview.verticalHeader().sizeHint().width(),
                          self.step.columns.verticalHeader().sizeHint().width())
            self.preview.verticalHeader().setFixedWidth(numbers)
            self.step.columns.verticalHeader().setFixedWidth(numbers)

    # -- the worker ----------------------------------------------------------------------------------
    def _run(self, *, dry_run: bool) -> None:
        from db.exchange.imports import import_file

        path = self.path
        take_theirs = self.conflicts.take_theirs()
        self._dry_run = dry_run
        self.status.setText(_("Checking every row…") if dry_run else _("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)
        options, names = self._options()
        self._job = Job(self.window_.db, lambda db, job: import_file(db, path, steps=job, dry_run=dry_run,
                                                                    options=options, names=names,
                                                                    take_theirs=take_theirs))
        self._job.progress.connect(self._progress)
        self._job.finished.connect(self._finished)
        self._job.failed.connect(self._failed)
        self._job.cancelled_.connect(self._stopped)
        self._job.start()

    def _options(self):
        """What the mapping step says, for the import (nothing for a bundle)."""
        if self.step is None:
            return None, None
        from db.exchange.tables.opening import ReadOptions

        options = ReadOptions(encoding=self._encoding(), sheet=self.step.chosen_sheet(), mapping=self.step.mapping)
        return options, {kind: dict(names) for kind, names in self.step.names.items()}

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finished(self, report: ImportReport) -> None:
        self._job = None
        self.progress.hide()
        self.report = report
        self._show_details(report.details())
        if self.step is not None and self._dry_run and not any(self.step.names.values()):
            self.step.ask(report.new_indicators, report.new_units)
        if self._dry_run:
            self.conflicts.show_conflicts(report.conflicts)
            if report.total_added or report.total_updated or report.conflicts:
                self.status.setText(_("Ready to import: {summary}.").format(summary=report.summary()))
                self.import_button.setEnabled(True)
                self.import_button.setFocus()
            else:
                self.status.setText(_("Nothing to import: {summary}.").format(summary=report.summary()))
            return
        self.imported = True
        if self.step is not None and self._layout_key and (self.step.mapping.columns or self.step.mapping.values):
            from desktop.dialogs.import_mapping import remember

            remember(self._layout_key, self.step.mapping)
        self.status.setText(_("Imported: {summary}.").format(summary=report.summary()))
        self.import_button.hide()
        self.cancel_button.setText(_("Close"))
        self.conflicts.setEnabled(False)
        editing = getattr(self.window_, "editing", None)
        changes = import_changes(report.written)
        if editing is not None and changes:  # one step of Edit ▸ Undo, which refreshes the window
            editing.history.push(_("Import {name}").format(name=self.path.name), changes)
        else:
            self.window_.refresh()
        self.window_.statusBar().showMessage(_("Imported {name}: {summary}.").format(
            name=self.path.name, summary=report.summary()), 10000)

    def _failed(self, error: FactSheetError) -> None:
        self._job = None
        self._refused(error)

    def _refused(self, error: FactSheetError) -> None:
        from db.exchange.imports import ImportRejected

        self.progress.hide()
        self.status.setText(f"<b>{esc(str(error))}</b>")
        if isinstance(error, ImportRejected):
            self._show_details(error.lines())
            self._mark_problems(error)
        self.cancel_button.setText(_("Close"))

    def _mark_problems(self, rejected: ImportRejected) -> None:
        """Tint the previewed cells that have a problem, with the problem as their tooltip."""
        if self.table is None:
            return
        header = self.table.layout.header
        columns = {_printable(name).strip(): c for c, name in enumerate(header) if name.strip()}
        rows = {number: r for r, (number, _cells) in enumerate(self.table.sample)}
        for (row, column), problem in rejected.places:
            r, c = rows.get(row), columns.get(column)
            if c is None or r is None:
                continue
            item = self.preview.item(r, c) or QTableWidgetItem("")
            item.setBackground(PROBLEM_TINT)
            item.setForeground(QColor(Qt.GlobalColor.black))
            item.setToolTip(tooltip_html(problem))  # the sentence quotes the cell, which may look like markup
            self.preview.setItem(r, c, item)

    def _stopped(self) -> None:
        self._job = None
        self.progress.hide()
        self.status.setText(_("Stopped; nothing was changed."))
        if not self._dry_run and self.report is not None:
            self.import_button.setEnabled(True)

    def _show_details(self, lines: list[str]) -> None:
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))

    # -- buttons ---------------------------------------------------------------------------------------
    def _import(self) -> None:
        if self.report is not None and not self.imported and self._job is None:
            self._run(dry_run=False)

    def _cancel_or_close(self) -> None:
        if self._job is not None:
            self._job.cancel()
            return
        self.done(QDialog.DialogCode.Accepted if self.imported else QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape or the window's close button: stop the work first, never leave it running."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
            self._job = None
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        workbook.release()  # a workbook's sheet, kept between readings of the file, is let go

    def working(self) -> bool:
        return self._job is not None


def ask_and_import(window) -> ImportDialog | None:
    """File ▸ Import…: choose a file, then preview, check and import it (the dialog stays
    open beside the window, modal to it, while the check runs)."""
    if window.db.read_only:
        message_box.inform(window, window.db.read_only_reason)
        return None
    path = ask_path(window, _("Import"), save=False, start=start_folder(window), filters=IMPORT_FILTERS)
    return import_path(window, path) if path is not None else None


def import_path(window, path: Path) -> ImportDialog | None:
    """Preview, check and import the file at ``path`` (a file chosen, or dropped on the window)."""
    if window.db.read_only:
        message_box.inform(window, window.db.read_only_reason)
        return None
    dialog = ImportDialog(window, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
