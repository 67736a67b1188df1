"""The window's plain-text places show control characters instead of passing them on.

A status-bar message, a window title or a message box often quotes a file name or a
record's text, which may hold escape sequences, a bell or a right-to-left override. The
same rule as the command line's (``db.model.visible``) applies: each such character is
shown as its escape (``\\x1b``), so a title reads the same in the window, the task bar and
the window manager, and nothing in it acts. ``StatusBar`` is the main window's status bar;
``title`` is for window titles that quote data; ``desktop.common.message_box`` applies
the rule to every message box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStatusBar, QWidget

from db.model.visible import visible


def title(text: str) -> str:
    """A window title (one line) with control characters made visible."""
    return visible(text, one_line=True)


class StatusBar(QStatusBar):
    """A status bar whose messages show control characters as escapes, on one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # As QMainWindow sizes its own status bar: a long message never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def showMessage(self, message: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        super().showMessage(visible(message, one_line=True), timeout)
