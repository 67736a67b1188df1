"""A fact sheet that takes a while shows a progress bar with Cancel; Cancel leaves no PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from desktop.factsheet import render as render_module
from desktop.factsheet import window as factsheet_window
from tests.desktop.factsheet.test_window import choose_file, print_anyway, when_modal


def test_saving_a_pdf_shows_each_page_and_cancel_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(factsheet_window, "SHOW_PROGRESS_AFTER_MS", 0)
    real_render = render_module.render
    seen: list[str] = []

    def render_and_press_cancel(sheet, device, progress=None):
        def report(done: int, total: int) -> None:
            progress(done, total)
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QProgressDialog) and not seen:
                seen.append(dialog.labelText())
                qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel

        return real_render(sheet, device, report)

    monkeypatch.setattr(render_module, "render", render_and_press_cancel)
    target = tmp_path / "sheet.pdf"
    print_anyway(qtbot)
    when_modal(qtbot, lambda dialog: choose_file(dialog, target), kind=QFileDialog)
    assert window.factsheet_actions.export_pdf() is None
    assert seen and seen[0].startswith("Saving the fact sheet as a PDF. Page ")
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == []  # nor a part of one
    assert window.statusBar().currentMessage() == "The PDF was not saved."


def test_the_pdf_is_written_when_nobody_cancels(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(factsheet_window, "SHOW_PROGRESS_AFTER_MS", 0)
    target = tmp_path / "sheet.pdf"
    print_anyway(qtbot)
    when_modal(qtbot, lambda dialog: choose_file(dialog, target), kind=QFileDialog)
    assert window.factsheet_actions.export_pdf() == target
    assert target.stat().st_size > 0
    assert QApplication.activeModalWidget() is None  # the progress bar is gone
