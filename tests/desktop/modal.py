"""Answering the dialogs a person would answer: file choosers, message boxes, modal windows.

``answer(handler)`` waits (in the event loop) for the next modal window and hands it to
``handler``, which fills it in and closes it the way a person would.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

_pending: deque[tuple[Callable[[QWidget], None], list | None]] = deque()
_polling = False
_failed = False


def answer(handler: Callable[[QWidget], None], *, seen: list | None = None) -> None:
    """Hand the next modal window that appears to ``handler`` (once).

    Handlers answer windows in the order they were given: the first modal window goes to the
    first handler, the next to the second, whatever the timers' order under load. A progress
    dialog is not a question: it closes by itself, and no handler is spent on it (it shows
    only when the work takes a while, which depends on the machine's load). A handler that
    fails closes its window, and every window after it, so a test that meets a window it did
    not expect fails instead of waiting for it for ever."""
    global _polling
    _pending.append((handler, seen))
    if not _polling:
        _polling = True
        QTimer.singleShot(20, _next)


def forget_answers() -> None:
    """Drop the handlers a test left unused, so none answers a later test's windows."""
    global _failed
    _pending.clear()
    _failed = False


def _next() -> None:
    global _polling, _failed
    if not _pending and not _failed:
        _polling = False
        return
    widget = QApplication.activeModalWidget()
    if widget is None or getattr(widget, "_answered", False) or isinstance(widget, QProgressDialog):
        QTimer.singleShot(20, _next)
        return
    if _failed:
        widget.close()
        QTimer.singleShot(20, _next)
        return
    handler, seen = _pending.popleft()
    widget._answered = True  # type: ignore[attr-defined]
    if seen is not None:
        seen.append(widget)
    QTimer.singleShot(20, _next)
    try:
        handler(widget)
    except BaseException:
        _failed = True
        widget.close()
        raise


def choose_file(path: Path) -> Callable[[QWidget], None]:
    """A handler typing ``path`` into a file dialog and confirming it."""

    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")  # where a person types the name
        name_box.setText(str(path))
        dialog.accept()

    return handler


def cancel_file_dialog(dialog: QWidget) -> None:
    assert isinstance(dialog, QFileDialog), dialog
    dialog.reject()


def read_message(into: list[str]) -> Callable[[QWidget], None]:
    """A handler noting a message box's text and pressing its default button."""

    def handler(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        into.append(box.text())
        box.accept()

    return handler
