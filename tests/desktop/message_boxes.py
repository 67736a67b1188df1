"""Answering message boxes in tests as a person would: read the sentence, close the box."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def close_next_message() -> list[str]:
    """Close the next modal message box as soon as it shows; its text goes into the list returned."""
    shown: list[str] = []

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close_message)
            return
        shown.append(box.text())
        box.close()

    QTimer.singleShot(20, close_message)
    return shown
