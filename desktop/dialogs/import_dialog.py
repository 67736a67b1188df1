"""File ▸ Import…: a preview and a check before anything is written, then the import.

The dialog shows the file as read (its dialect and first rows), then checks the whole file
against the database on a worker thread (a dry run of the real import, rolled back) and
shows either what would be added ("1,234 new, 0 already present", the parties and sources
it would create) or the problems that keep it out (the first 20 and a count). Only then
may the person press Import; the import runs on the worker thread too, with a progress bar
and Cancel, in one transaction, so cancelling leaves the database exactly as it was.
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
from db.model.i18n import _
from desktop.common import message_box
from desktop.common.background import Job
from desktop.common.file_choice import ask_path, start_folder
from desktop.common.rich_text import esc, shown, tooltip_html

if TYPE_CHECKING:
    from db.exchange import indicator_csv as io_csv
    from db.exchange.imports import ImportRejected, ImportReport

IMPORT_FILTERS = (_("Figures and bundles (*.csv *.tsv *.txt *.json)"), _("All files (*)"))
PREVIEW_ROWS = 20
PROBLEM_TINT = QColor(255, 205, 205)  # a cell with a problem (drawn with black text in any theme)


class ImportDialog(QDialog):
    """Preview, check and import one file into the window's database."""

    def __init__(self, window, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.path = Path(path)
        self.report: ImportReport | None = None
        self.imported = False
        self._job: Job | None = None
        self.setWindowTitle(_("Import {name}").format(name=self.path.name))
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
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("import_status")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Problems and details"))
        self.details.setMaximumHeight(160)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(_("&Import"), self)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self._show_preview()

    # -- what the person sees first ------------------------------------------------------------
    def _show_preview(self) -> None:
        # The readers load with the first import, not with the window.
        from db.exchange import indicator_csv as io_csv
        from db.exchange.imports import is_bundle

        self.details.hide()
        if is_bundle(self.path):
            self.about.setText(_("<b>{name}</b> — a Fact Sheet bundle (JSON).").format(name=esc(self.path.name)))
            self.preview.hide()
        else:
            try:
                preview = io_csv.preview(self.path, rows=PREVIEW_ROWS)
            except FactSheetError as error:
                self._refused(error)
                return
            text = _("<b>{name}</b> — {dialect}.").format(name=esc(self.path.name),
                                                          dialect=esc(preview.dialect.describe()))
            if preview.ignored:
                text += " " + _("Columns not used: {names}.").format(names=esc(", ".join(preview.ignored)))
            self.about.setText(text)
            self._fill_preview(preview)
        self._run(dry_run=True)

    def _fill_preview(self, preview: io_csv.Preview) -> None:
        width = max([len(preview.header)] + [len(r) for r in preview.rows])
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(preview.rows))
        self.preview.setHorizontalHeaderLabels(preview.header + [""] * (width - len(preview.header)))
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(shown(cell)))
        self.preview.setVerticalHeaderLabels([str(n) for n in range(2, len(preview.rows) + 2)])
        self.preview.resizeColumnsToContents()

    # -- the worker ----------------------------------------------------------------------------------
    def _run(self, *, dry_run: bool) -> None:
        from db.exchange.imports import import_file

        path = self.path
        self._dry_run = dry_run
        self.status.setText(_("Checking every row…") if dry_run else _("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)
        self._job = Job(self.window_.db, lambda db, job: import_file(db, path, steps=job, dry_run=dry_run))
        self._job.progress.connect(self._progress)
        self._job.finished.connect(self._finished)
        self._job.failed.connect(self._failed)
        self._job.cancelled_.connect(self._stopped)
        self._job.start()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finished(self, report: ImportReport) -> None:
        self._job = None
        self.progress.hide()
        self.report = report
        self._show_details(report.details())
        if self._dry_run:
            if report.total_added:
                self.status.setText(_("Ready to import: {summary}.").format(summary=report.summary()))
                self.import_button.setEnabled(True)
                self.import_button.setFocus()
            else:
                self.status.setText(_("Nothing to import: {summary}.").format(summary=report.summary()))
            return
        self.imported = True
        self.status.setText(_("Imported: {summary}.").format(summary=report.summary()))
        self.import_button.hide()
        self.cancel_button.setText(_("Close"))
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
        from db.exchange import indicator_csv as io_csv

        columns = {io_csv.normal_name(self.preview.horizontalHeaderItem(c).text()): c
                   for c in range(self.preview.columnCount()) if self.preview.horizontalHeaderItem(c)}
        for (row, column), problem in rejected.places:
            r, c = row - 2, columns.get(column)
            if c is None or not 0 <= r < self.preview.rowCount():
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

    def working(self) -> bool:
        return self._job is not None


def ask_and_import(window) -> ImportDialog | None:
    """File ▸ Import…: choose a file, then preview, check and import it (the dialog stays
    open beside the window, modal to it, while the check runs)."""
    if window.db.read_only:
        message_box.inform(window, window.db.read_only_reason)
        return None
    path = ask_path(window, _("Import"), save=False, start=start_folder(window), filters=IMPORT_FILTERS)
    if path is None:
        return None
    dialog = ImportDialog(window, path)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
