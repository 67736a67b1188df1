"""File ▸ Capture… (Ctrl+Shift+V, and on the toolbar), and pasting text on the window.

Installing costs nothing at start-up: the dialog, the capture engine and natasha load when
the action is first used. Ctrl+V pastes into a text box as always; anywhere else in the
window, text on the clipboard opens Capture with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from db.model.i18n import _


def install(window) -> None:
    """Add Capture… to the File menu's data section and the main toolbar, and paste-to-capture."""
    action = QAction(_("Cap&ture…"), window)
    action.setObjectName("capture")
    action.setShortcuts([QKeySequence("Ctrl+Shift+V")])
    tip = _("Propose records from a news article: paste or open its text, then review what it states.")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setProperty("writes", True)  # off while the file is read-only (desktop.safety.read_only)
    action.triggered.connect(lambda _checked=False: capture_text(window, QGuiApplication.clipboard().text()))
    window.capture_action = action
    window.first_painted.connect(lambda: _show_icon(action, window))
    window.add_file_actions("data", [action])
    toolbar = getattr(getattr(window, "editing", None), "toolbar", None)
    if toolbar is not None:
        toolbar.addAction(action)
    paste = QAction(_("Paste an Article"), window)
    paste.setObjectName("paste_article")
    paste.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))  # anywhere in the window
    paste.setProperty("writes", True)
    paste.triggered.connect(lambda _checked=False: _paste(window))
    window.addAction(paste)
    window.paste_article_action = paste


def _show_icon(action: QAction, window) -> None:
    """The action's icon from the desktop's theme, once the window's first frame is out."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QStyle

    fallback = window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
    action.setIcon(QIcon.fromTheme("edit-paste", fallback))


def _paste(window) -> None:
    text = QGuiApplication.clipboard().text()
    if text.strip():
        capture_text(window, text)


def capture_text(window, text: str = "", path: Path | None = None):
    """Open the review dialog on ``text`` (from a dropped or opened file at ``path``, if any)."""
    if getattr(window.db, "read_only", False):
        window.statusBar().showMessage(window.db.read_only_reason or _("This database is read-only."), 5000)
        return None
    from desktop.capture.dialog import CaptureDialog  # the dialog and the engine load on first use

    dialog = CaptureDialog(window, text, path)
    dialog.open()
    return dialog
