"""Files the system asks the running app to open: a double-click on macOS.

macOS does not start a program with the file as an argument: it sends a ``QFileOpenEvent``
to the application (also when the app is already running). ``install(app)`` catches those
events (``desktop.gui`` installs it on macOS only: elsewhere no such event comes, and a
filter on the whole application would see every event of every widget); once the main window exists (``attach``), each file opens in it through the window's
``open_database_file``, the same file-switching code as File ▸ Open…, which says in a sentence
why a file cannot be opened. A file announced before the window exists opens as soon as
it does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class FileOpenEvents(QObject):
    """The application's listener for files to open."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.window = None
        self.pending: list[Path] = []
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.open(Path(event.file()))
            return True
        return False

    def attach(self, window) -> None:
        """Open files in ``window`` from now on, starting with any announced before it existed."""
        self.window = window
        window.destroyed.connect(self._window_gone)
        pending, self.pending = self.pending, []
        for path in pending:
            self.open(path)

    def _window_gone(self) -> None:
        self.window = None

    def open(self, path: Path) -> None:
        if self.window is None:
            self.pending.append(path)
            return
        if self.window.open_database_file(path):
            if self.window.isMinimized():
                self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()


def install(app: QApplication) -> FileOpenEvents:
    """Listen for files to open (once per application)."""
    existing = app.findChild(FileOpenEvents)
    return existing if existing is not None else FileOpenEvents(app)
