"""What Print Preview…, Print…, Export PDF… and Export Word Document… in the main window's
File menu do.

The window makes the four actions (``desktop.window.menus``) and, when one is first used,
the ``FactSheetActions`` that serves them (``window.factsheet_actions``). All of them compose
the sheet for the pair shown on the Overview with the remembered options (``preferences``) and hand it to the one
renderer, so the preview shows exactly what Print… sends and Export PDF… saves. The
preview carries the options panel; Print… opens the system print dialog on a printer the
window keeps for the session; Export PDF… asks where to save, suggesting a name made of
the parties and the day, in the folder last used. Export Word Document… saves the same sheet
— the rows the PDF prints — as an editable Word document (``desktop.factsheet.word``, which
loads python-docx when first used).

Reading the records runs on a worker thread and painting reports each page: a sheet that
takes longer than a moment (the long version of a pair with thousands of figures) shows a
progress bar with Cancel.

Before anything is printed, previewed or saved, the check before printing
(``db.sheet.preprint``) runs on the composed sheet; when it finds something, the window lists
it (``preprint_dialog``): *Print anyway* goes on, *Fix…* stops and opens the first record's form,
a link stops and shows that record. A sheet once let through is not asked about again (the
preview's own Print… and Export PDF… print what was previewed).

Every sheet printed or saved as a PDF is remembered as a briefing (``db.sheet.briefings``), and the
next sheet of the same pair can say what changed since the last one ("Changes since the
briefing of …", a section of the options panel). A Word document is not: it is a draft to
be edited, so what its reader finally gets is not known.

The sheet's modules and Qt's print support are imported only when one of the actions is
first used, so they cost the window's start-up nothing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from db.errors import Cancelled, FactSheetError
from db.model.i18n import _, current_language
from db.sheet.options import SheetOptions
from desktop import APP_NAME, __version__
from desktop.common import message_box, settings
from desktop.common.progress import busy
from desktop.factsheet import preferences

if TYPE_CHECKING:
    from db.sheet.compose import FactSheet

# Characters no file system accepts in a name (Windows is the strictest).
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def suggested_file_name(sheet: FactSheet, suffix: str = "pdf") -> str:
    """"Abai region – Omsk region 2025-07-02.pdf", safe on every file system."""
    name = f"{sheet.a.name} – {sheet.b.name} {sheet.as_of.isoformat()}"
    return _UNSAFE_IN_NAMES.sub("-", name).strip(" .") + "." + suffix


SHOW_PROGRESS_AFTER_MS = 500


@contextlib.contextmanager
def page_progress(parent: QWidget, label: str, *, pages: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A ``render`` progress callback: a bar with Cancel once painting takes over half a
    second; Cancel makes the callback raise ``Cancelled``. The label counts the pages unless
    ``pages`` is False (the parts of a Word document are no pages)."""
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def report(done: int, total: int) -> None:
        if dialog.wasCanceled():
            raise Cancelled(_("Stopped."))
        dialog.setMaximum(total)
        if pages:
            dialog.setLabelText(_("{label} Page {page} of {total}.").format(
                label=label, page=min(done + 1, total), total=total))
        dialog.setValue(done)  # lets the dialog appear, repaint and take the click on Cancel

    try:
        with busy():
            yield report
    finally:
        dialog.close()
        dialog.deleteLater()


def _compose(db, a: int, b: int, as_of, sections, language: str | None, long: bool = False) -> FactSheet:
    """The sheet in ``language``, with what changed since the pair's last briefing when that
    section is chosen."""
    from db.sheet.briefing_sections import compose_sheet
    from db.sheet.briefings import briefings

    earlier = briefings(db, pair=(a, b))[:1] if "changes" in sections else []
    return compose_sheet(db, a, b, as_of=as_of, sections=sections, since=earlier[0] if earlier else None,
                         language=language, long=long)


class FactSheetActions(QObject):
    """What the window's printing actions do, and the printer they share."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._printer = None
        self._let_through: FactSheet | None = None  # the sheet the user chose to print anyway
        self.stopped_to_fix = False  # the last check stopped so that a record could be opened

    # -- the window's actions this serves -----------------------------------------------------
    @property
    def preview_action(self) -> QAction:
        return self.window.print_preview_action

    @property
    def print_action(self) -> QAction:
        return self.window.print_action

    @property
    def export_action(self) -> QAction:
        return self.window.export_pdf_action

    @property
    def export_word_action(self) -> QAction:
        return self.window.export_word_action

    # -- what to print ----------------------------------------------------------------------
    def pair(self) -> tuple[int, int] | None:
        return self.window.overview.pair()

    def compose(self, pair: tuple[int, int] | None, options: SheetOptions) -> FactSheet:
        """The sheet for ``pair``; a sentence when there is no pair to print."""
        if pair is None:
            raise FactSheetError(_("Choose two parties on the Overview tab first."))
        if pair[0] == pair[1]:
            raise FactSheetError(_("Choose two different parties for the fact sheet."))
        from desktop.common.progress import run_with_progress

        a, b = pair
        as_of, sections, long = options.as_of_day(), options.sections, options.long
        language = options.language or current_language()  # the worker thread has its own context
        sheet = run_with_progress(self.window, self.window.db,
                                  lambda db, _job: _compose(db, a, b, as_of, sections, language, long),
                                  label=_("Reading the records for the fact sheet…"))
        if sheet is None:
            raise Cancelled(_("Stopped."))
        return sheet

    def printer(self, page_size: str):
        """The window's printer (kept for the session), set to the sheet's page layout."""
        from PySide6.QtPrintSupport import QPrinter

        from desktop.factsheet.render import page_layout

        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setCreator(f"{APP_NAME} {__version__}")
        self._printer.setPageLayout(page_layout(page_size))
        return self._printer

    def confirm(self, sheet: FactSheet, parent: QWidget | None = None) -> bool:
        """Run the check before printing on ``sheet``; True when it may be printed."""
        from db.sheet.preprint import before_print
        from desktop.factsheet.preprint_dialog import FIX, PRINT, PrePrintDialog

        self.stopped_to_fix = False
        if sheet is self._let_through:
            return True
        items = before_print(sheet)
        if items:
            dialog = PrePrintDialog(items, parent or self.window)
            dialog.exec()
            choice, record = dialog.choice, dialog.record
            dialog.deleteLater()
            if choice != PRINT:
                if record is not None:
                    self.stopped_to_fix = True
                    self._open(record, edit=choice == FIX)
                return False
        self._let_through = sheet
        return True

    def _open(self, record: tuple[str, int], *, edit: bool) -> None:
        """Show a record the check is about, and open its form when asked to fix it."""
        kind, record_id = record
        self.window.open_record(kind, record_id)
        if edit:
            self.window.editing.edit(kind, record_id)

    def _complain(self, parent: QWidget | None, error: FactSheetError) -> None:
        message_box.warn(parent or self.window, str(error))

    def _sheet(self, sheet: FactSheet | None, options: SheetOptions, parent: QWidget | None) -> FactSheet | None:
        """The sheet given, or the Overview pair's; None (after saying why) when there is none."""
        try:
            return sheet or self.compose(self.pair(), options)
        except Cancelled:
            return None
        except FactSheetError as error:
            self._complain(parent, error)
            return None

    # -- the three actions -----------------------------------------------------------------
    def preview(self) -> None:
        from desktop.factsheet.preview import PreviewDialog

        dialog = PreviewDialog(self, self.window)
        if dialog.sheet is not None and not self.confirm(dialog.sheet):
            dialog.deleteLater()
            return
        dialog.exec()

    def print_sheet(self, *, sheet: FactSheet | None = None, options: SheetOptions | None = None,
                    parent: QWidget | None = None) -> bool:
        """Show the system print dialog and print; True when something was printed."""
        from PySide6.QtPrintSupport import QPrintDialog

        from desktop.factsheet.render import fit, render

        options = options or preferences.load_options()
        sheet = self._sheet(sheet, options, parent)
        if sheet is None or not self.confirm(sheet, parent):
            return False
        printer = self.printer(options.page_size)
        printer.setDocName(sheet.title)
        dialog = QPrintDialog(printer, parent or self.window)
        dialog.setWindowTitle(_("Print Fact Sheet"))
        dialog.setMinMax(1, len(fit(sheet, printer)[2]))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        try:
            with page_progress(parent or self.window, _("Printing the fact sheet.")) as progress:
                pages = render(sheet, printer, progress)
        except Cancelled:
            printer.abort()
            self.window.statusBar().showMessage(_("Printing stopped."), 8000)
            return False
        except FactSheetError as error:
            self._complain(parent, error)
            return False
        self.window.statusBar().showMessage(
            _("Sent the fact sheet ({pages} pages) to {printer}.").format(
                pages=pages, printer=printer.printerName() or printer.outputFileName()), 8000)
        self.remember(sheet, "printed", options)
        return True

    def export_pdf(self, *, sheet: FactSheet | None = None, options: SheetOptions | None = None,
                   parent: QWidget | None = None) -> Path | None:
        """Ask where to save and write the PDF; the path written, or None."""
        from desktop.factsheet.render import write_pdf

        options = options or preferences.load_options()
        sheet = self._sheet(sheet, options, parent)
        if sheet is None or not self.confirm(sheet, parent):
            return None
        path = self._ask_path(sheet, parent)
        if path is None:
            return None
        try:
            with page_progress(parent or self.window, _("Saving the fact sheet as a PDF.")) as progress:
                pages = write_pdf(sheet, path, options.page_size, progress)
        except Cancelled:
            self.window.statusBar().showMessage(_("The PDF was not saved."), 8000)
            return None
        except FactSheetError as error:
            self._complain(parent, error)
            return None
        settings.save_value(preferences.EXPORT_FOLDER_KEY, str(path.parent))
        self.window.statusBar().showMessage(
            _("Saved the fact sheet ({pages} pages) to {path}.").format(pages=pages, path=path), 8000)
        self.remember(sheet, "pdf", options)
        return path

    def export_word(self, *, sheet: FactSheet | None = None, options: SheetOptions | None = None,
                    parent: QWidget | None = None) -> Path | None:
        """Ask where to save and write the Word document; the path written, or None."""
        options = options or preferences.load_options()
        sheet = self._sheet(sheet, options, parent)
        if sheet is None or not self.confirm(sheet, parent):
            return None
        path = self._ask_path(sheet, parent, word=True)
        if path is None:
            return None
        try:
            with page_progress(parent or self.window, _("Saving the fact sheet as a Word document."),
                               pages=False) as progress:
                from desktop.factsheet.word.document import write_docx

                write_docx(sheet, path, options.page_size, progress)
        except Cancelled:
            self.window.statusBar().showMessage(_("The Word document was not saved."), 8000)
            return None
        except FactSheetError as error:
            self._complain(parent, error)
            return None
        settings.save_value(preferences.EXPORT_FOLDER_KEY, str(path.parent))
        self.window.statusBar().showMessage(_("Saved the fact sheet as a Word document to {path}.").format(
            path=path), 8000)
        return path

    def remember(self, sheet: FactSheet, how: str, options: SheetOptions) -> None:
        """Keep the sheet just handed over as a briefing of the Overview's pair (a database
        that cannot be changed keeps nothing; the sheet was made all the same)."""
        from db.sheet.briefings import remember

        pair = self.pair()
        if pair is None or getattr(self.window.db, "read_only", False):
            return
        try:
            remember(self.window.db, *pair, as_of=sheet.as_of, how=how, pair=sheet.title, language=sheet.language,
                     options={"sections": sorted(sheet.sections), "page_size": options.page_size})
        except FactSheetError as error:
            self.window.statusBar().showMessage(_("The briefing was not remembered: {reason}").format(
                reason=error), 8000)

    def _ask_path(self, sheet: FactSheet, parent: QWidget | None, *, word: bool = False) -> Path | None:
        folder = settings.load_str(preferences.EXPORT_FOLDER_KEY) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suffix = "docx" if word else "pdf"
        dialog = QFileDialog(parent or self.window, _("Export Word Document") if word else _("Export PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(_("Word documents (*.docx)") if word else _("PDF files (*.pdf)"))
        dialog.setDefaultSuffix(suffix)
        dialog.setDirectory(folder)
        dialog.selectFile(suggested_file_name(sheet, suffix))
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
