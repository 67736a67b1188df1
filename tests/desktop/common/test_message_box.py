"""Sentences in message boxes are plain text: a file named like markup shows as named."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import main
from desktop.gui import create_application


def test_a_bad_file_named_like_markup_is_named_literally(qtbot, tmp_path, capsys):
    bad = tmp_path / "<h1>x.factsheet"
    bad.write_text("not a database")
    create_application()
    shown: list[tuple[str, Qt.TextFormat]] = []

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, look)
            return
        shown.append((box.text(), box.textFormat()))
        box.close()

    QTimer.singleShot(50, look)
    assert main(["--db", str(bad)]) == 1
    ((text, text_format),) = shown
    assert "“<h1>x.factsheet” is not a Fact Sheet database" in text
    assert text_format == Qt.TextFormat.PlainText
