"""The window's keyboard shortcuts, found in one place, and shown where people look for them.

Every action carries its shortcuts (``QAction.shortcuts``); ``window_shortcuts`` gathers
them from the whole window so a test can prove no two actions claim the same keys, and
``name_shortcuts_in_tooltips`` adds each toolbar action's first shortcut to its tooltip
("Undo the last change. (Ctrl+Z)"), as menus show it beside the text.

The standard ones (PRODUCT.md): New… Ctrl+N, Undo Ctrl+Z, Redo Ctrl+Shift+Z or Ctrl+Y,
Find… Ctrl+F, Print… Ctrl+P, Open… Ctrl+O; also Print Preview… Ctrl+Shift+P, Copy Ctrl+C,
Refresh F5, Quit Ctrl+Q, the tabs Ctrl+1…Ctrl+6, Edit… Enter and Delete Del on a list row,
and the Trade chart's Ctrl+0, Ctrl+Shift+C and Ctrl+Shift+E.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of the window: its own, its menus', its toolbars' and its widgets'."""
    found: dict[int, QAction] = {}
    for action in window.findChildren(QAction):
        found[id(action)] = action
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            found[id(action)] = action
    return list(found.values())


def window_shortcuts(window: QWidget) -> dict[str, list[QAction]]:
    """Each key sequence (as text) and the distinct actions that claim it."""
    claimed: dict[str, list[QAction]] = {}
    for action in window_actions(window):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                claimed.setdefault(sequence.toString(QKeySequence.SequenceFormat.PortableText), []).append(action)
    return claimed


def shortcut_text(action: QAction) -> str:
    """The action's first shortcut as the platform writes it ("Ctrl+Z", "⌘Z"), or ""."""
    shortcuts = [s for s in action.shortcuts() if not s.isEmpty()]
    return shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""


def name_shortcuts_in_tooltips(*toolbars: QToolBar) -> None:
    """Add each toolbar action's shortcut to its tooltip (once)."""
    for toolbar in toolbars:
        for action in toolbar.actions():
            keys = shortcut_text(action)
            tip = action.toolTip() or action.text().replace("&", "")
            if keys and keys not in tip:
                action.setToolTip(f"{tip} ({keys})")
