"""The Print Preview window: the sheet's pages exactly as they will print, beside the options.

The pages are painted by the same renderer, on the same printer, that Print… uses, so
what is seen is what prints; Export PDF… and Export Word Document… from here save the same
sheet. Changing an
option recomposes the sheet and redraws the pages (changes in quick succession are
gathered into one redraw).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError
from db.model.i18n import _, ngettext
from db.sheet.compose import FactSheet
from desktop.common import settings
from desktop.common.rich_text import esc
from desktop.common.theme import alert
from desktop.factsheet.panel import OptionsPanel
from desktop.factsheet.render import fit, render
from desktop.help import context as context_help

GEOMETRY_KEY = "factsheet/preview_geometry"
REDRAW_DELAY_MS = 150


class PreviewDialog(QDialog):
    """The sheet's pages with the options panel, and buttons to print or save them."""

    def __init__(self, actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.setWindowTitle(_("Print Preview — Fact Sheet"))
        self.sheet: FactSheet | None = None
        self._composing = False  # the records are being read; an option change then waits
        self.panel = OptionsPanel(actions.window.db, actions.pair(), self)
        self.printer: QPrinter = actions.printer(self.panel.options().page_size)
        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.paintRequested.connect(self._paint)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        tools = QToolBar(self)
        for text, slot, keys in (
                (_("Fit &Width"), self.view.fitToWidth, None),
                (_("Whole &Page"), self.view.fitInView, None),
                (_("Zoom &In"), lambda: self.view.zoomIn(), QKeySequence.StandardKey.ZoomIn),
                (_("Zoom &Out"), lambda: self.view.zoomOut(), QKeySequence.StandardKey.ZoomOut)):
            action = tools.addAction(text)
            action.triggered.connect(slot)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(_("&Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.export_button = QPushButton(_("Export P&DF…"), self)
        self.word_button = QPushButton(_("Export &Word Document…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.word_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        context_help.install(self, "printing", buttons)
        self.print_button.clicked.connect(self._print)
        self.export_button.clicked.connect(self._export)
        self.word_button.clicked.connect(self._export_word)
        self.print_button.setDefault(True)

        pages = QWidget(self)
        pages_layout = QVBoxLayout(pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(tools)
        pages_layout.addWidget(self.view, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.panel)
        splitter.addWidget(pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(self.refresh)
        self.panel.changed.connect(self._redraw_timer.start)
        self._restore_geometry()
        self.refresh()

    def refresh(self) -> None:
        """Compose the sheet from the current options and redraw the pages."""
        if self._composing:  # an option changed while the records are read
            self._redraw_timer.start()
            return
        self._composing = True
        try:
            self._compose_and_draw()
        finally:
            self._composing = False

    def _compose_and_draw(self) -> None:
        options = self.panel.options()
        pair = self.panel.pair()
        if pair is not None and pair != self.actions.pair():
            self.actions.window.overview.set_pair(*pair)  # one pair for the Overview and the sheet
        self.actions.printer(options.page_size)
        try:
            self.sheet = self.actions.compose(pair, options)
        except FactSheetError as error:
            self.sheet = None
            self._say_error(error)
        self.print_button.setEnabled(self.sheet is not None)
        self.export_button.setEnabled(self.sheet is not None)
        self.word_button.setEnabled(self.sheet is not None)
        self.view.updatePreview()
        if self.sheet is not None:
            count = self.view.pageCount()
            text = ngettext("{n} page, {size}, as of {day}.", "{n} pages, {size}, as of {day}.", count).format(
                n=count, size=options.page_size, day=self.sheet.as_of_label)
            if fit(self.sheet, self.printer)[0].shortened:
                text += " " + _("Sections are shortened to fit two pages, each saying what it left out; the "
                                "long version prints everything.")
            self.status.setText(esc(text))

    def _paint(self, printer: QPrinter) -> None:
        if self.sheet is None:
            return
        try:
            render(self.sheet, printer)
        except FactSheetError as error:  # a slot must not raise: say it where the count goes
            self._say_error(error)

    def _say_error(self, error: FactSheetError) -> None:
        self.status.setText(f"<span style='color:{alert('error')}'>{esc(error)}</span>")

    def _print(self) -> None:
        if self.sheet is not None and self.actions.print_sheet(
                sheet=self.sheet, options=self.panel.options(), parent=self):
            self.accept()
        elif self.actions.stopped_to_fix:  # a record is open to be fixed: the preview makes way
            self.reject()

    def _export(self) -> None:
        if self.sheet is not None:
            self.actions.export_pdf(sheet=self.sheet, options=self.panel.options(), parent=self)
            if self.actions.stopped_to_fix:
                self.reject()

    def _export_word(self) -> None:
        if self.sheet is not None:
            self.actions.export_word(sheet=self.sheet, options=self.panel.options(), parent=self)
            if self.actions.stopped_to_fix:
                self.reject()

    def _restore_geometry(self) -> None:
        geometry = settings.load_bytes(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 800)

    def done(self, result: int) -> None:
        settings.save_value(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)
