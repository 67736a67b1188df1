"""Print Preview…, Print… and Export PDF… as a user meets them in the main window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from desktop.factsheet.preprint_dialog import PrePrintDialog
from desktop.factsheet.preview import PreviewDialog
from tests.desktop.factsheet.conftest import pdf_pages


def _menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.file_menu.actions() if not a.isSeparator()]


def when_modal(qtbot, handle, *, kind=None) -> list:
    """Run ``handle(dialog)`` on the next modal dialog (of ``kind``) that opens; return a log."""
    log: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            QTimer.singleShot(30, look)
            return
        log.append(dialog)
        handle(dialog)

    QTimer.singleShot(30, look)
    return log


def print_anyway(qtbot) -> list:
    """Answer the next check before printing with Print anyway (the seed, as of today, has a
    forum whose date has passed and officials not verified for a year)."""
    return when_modal(qtbot, lambda dialog: dialog.print_button.click(), kind=PrePrintDialog)


def choose_file(dialog: QFileDialog, path) -> None:
    """Go to the file's folder, type its name and press Save."""
    dialog.setDirectory(str(path.parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(path.name)
    dialog.accept()


def test_file_menu_offers_preview_print_and_export_above_quit(window):
    texts = _menu_texts(window)
    assert texts[-5:] == ["Print Preview…", "Print…", "Export PDF…", "Export Word Document…", "Quit"]
    actions = window.factsheet_actions
    assert actions.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions.print_action.shortcut().toString() == "Ctrl+P"


def test_export_pdf_suggests_a_name_from_the_parties_and_the_day(qtbot, window, tmp_path):
    target = tmp_path / "meeting.pdf"
    seen = []

    def save(dialog: QFileDialog) -> None:
        seen.append(dialog.selectedFiles()[0])
        choose_file(dialog, target)

    print_anyway(qtbot)
    when_modal(qtbot, save, kind=QFileDialog)
    window.factsheet_actions.export_action.trigger()
    today = dt.date.today().isoformat()
    assert seen and seen[0].endswith(f"Abai region – Omsk region {today}.pdf")
    pages = pdf_pages(target)
    assert "Page 1 of" in pages[0] and "USD 128.6 million" in " ".join(pages)
    assert str(target) in window.statusBar().currentMessage()


def test_preview_shows_the_pages_and_switching_a_section_off_is_remembered(qtbot, window, tmp_path):
    results = {}

    def inspect(dialog: PreviewDialog) -> None:
        results["pages"] = dialog.view.pageCount()
        results["status"] = dialog.status.text()
        dialog.panel.sections["chart"].click()
        qtbot.waitUntil(lambda: dialog.sheet is not None and "chart" not in dialog.sheet.sections, timeout=3000)
        results["without_chart"] = dialog.sheet.chart
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, inspect, kind=PreviewDialog)
    window.factsheet_actions.preview_action.trigger()
    assert 1 <= results["pages"] <= 2 and f"{results['pages']} page" in results["status"]
    assert results["without_chart"] is None

    again = {}

    def reopen(dialog: PreviewDialog) -> None:
        again["chart"] = dialog.panel.sections["chart"].isChecked()
        again["sections"] = dialog.sheet.sections
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, reopen, kind=PreviewDialog)
    window.factsheet_actions.preview_action.trigger()
    assert again["chart"] is False and "chart" not in again["sections"]


def test_preview_as_of_day_and_letter_paper_reach_the_saved_pdf(qtbot, window, tmp_path):
    target = tmp_path / "letter.pdf"

    def save(dialog: QFileDialog) -> None:
        choose_file(dialog, target)

    def choose(dialog: PreviewDialog) -> None:
        dialog.panel.today.click()
        dialog.panel.as_of.setDate(QDate(2025, 7, 2))
        dialog.panel.page_size.setCurrentText("Letter")
        qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.sheet.as_of == dt.date(2025, 7, 2), timeout=3000)
        qtbot.waitUntil(lambda: "Letter" in dialog.status.text(), timeout=3000)
        shown["pages"] = dialog.view.pageCount()
        print_anyway(qtbot)  # a new sheet (another day): checked again
        when_modal(qtbot, save, kind=QFileDialog)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    shown = {}

    print_anyway(qtbot)
    when_modal(qtbot, choose, kind=PreviewDialog)
    window.factsheet_actions.preview_action.trigger()
    from pypdf import PdfReader

    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert len(reader.pages) == shown["pages"]  # the preview showed what was saved
    assert "As of 2 Jul 2025" in pdf_pages(target)[0]


def test_choosing_another_pair_in_the_preview_changes_the_overviews_pair(qtbot, window):
    kazakhstan = window.overview.first.findText("Kazakhstan / Казахстан")
    assert kazakhstan >= 0

    def choose(dialog: PreviewDialog) -> None:
        dialog.panel.first.setCurrentIndex(kazakhstan)
        qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.sheet.a.name == "Kazakhstan", timeout=3000)
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, choose, kind=PreviewDialog)
    window.factsheet_actions.preview_action.trigger()
    assert window.overview.first.currentText() == "Kazakhstan / Казахстан"


def test_print_goes_through_the_print_dialog_to_the_printer(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"
    printer = window.factsheet_actions.printer("A4")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    print_anyway(qtbot)
    when_modal(qtbot, lambda dialog: dialog.accept(), kind=QPrintDialog)
    window.factsheet_actions.print_action.trigger()
    text = " ".join(pdf_pages(target))
    assert "Fact sheet: Abai region – Omsk region" in text and "Page 1 of" in text


def test_printing_without_a_pair_says_what_to_do(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    window.overview.first.setCurrentIndex(-1)
    said = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.close()

    when_modal(qtbot, read, kind=QMessageBox)
    window.factsheet_actions.export_action.trigger()
    assert said == ["Choose two parties on the Overview tab first."]


# -- Export Word Document… -----------------------------------------------------------------------------

def test_export_word_document_saves_the_sheet_the_pdf_prints(qtbot, window, tmp_path):
    from db.sheet import briefings
    from tests.desktop.factsheet.word.conftest import body_lines

    target = tmp_path / "meeting.docx"
    seen = []

    def save(dialog: QFileDialog) -> None:
        seen.append((dialog.selectedFiles()[0], dialog.nameFilters()))
        choose_file(dialog, target)

    checked = print_anyway(qtbot)  # the check before printing runs as for Export PDF…
    when_modal(qtbot, save, kind=QFileDialog)
    window.factsheet_actions.export_word_action.trigger()
    today = dt.date.today().isoformat()
    assert checked and seen[0][0].endswith(f"Abai region – Omsk region {today}.docx")
    assert seen[0][1] == ["Word documents (*.docx)"]
    lines = body_lines(target)
    assert lines[0] == "Abai region – Omsk region" and "USD 128.6 million" in lines
    assert window.statusBar().currentMessage() == f"Saved the fact sheet as a Word document to {target}."
    assert briefings.briefings(window.db) == []  # a draft to edit, not a briefing handed over


def test_the_preview_saves_its_sheet_as_a_word_document_on_its_paper(qtbot, window, tmp_path):
    import docx

    target = tmp_path / "letter.docx"

    def choose(dialog: PreviewDialog) -> None:
        dialog.panel.page_size.setCurrentText("Letter")
        qtbot.waitUntil(lambda: "Letter" in dialog.status.text(), timeout=3000)
        print_anyway(qtbot)  # a new sheet (another paper): checked again
        when_modal(qtbot, lambda files: choose_file(files, target), kind=QFileDialog)
        qtbot.mouseClick(dialog.word_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    print_anyway(qtbot)
    when_modal(qtbot, choose, kind=PreviewDialog)
    window.factsheet_actions.preview_action.trigger()
    assert round(docx.Document(str(target)).sections[0].page_width.inches, 2) == 8.5


def test_the_window_starts_without_loading_python_docx(seeded_path):
    import subprocess
    import sys

    code = ("import sys\n"
            "from desktop.gui import create_application, open_user_database\n"
            "from desktop.window.main_window import MainWindow\n"
            "app = create_application()\n"
            f"w = MainWindow(open_user_database(__import__('pathlib').Path({str(seeded_path)!r})))\n"
            "w.show(); app.processEvents()\n"
            "print('docx' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
