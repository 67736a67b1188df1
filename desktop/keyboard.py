"""The window worked with the keyboard alone: where the focus lands, and the keys between tabs.

Someone who never touches the mouse switches tabs with Ctrl+1…Ctrl+6 (also Alt+1…Alt+6,
as in browsers, except on macOS where Option and a digit type a character), Ctrl+Tab and
Ctrl+Shift+Tab. After such a switch, and when the window opens, the focus is inside the
page — a list's filter box, the Overview's first party — so typing acts at once and the
focus frame shows where: a tab bar holding the focus after the window opens draws no frame
until a key has moved the focus, so nothing would show where keys go.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget


def first_field(page: QWidget) -> QWidget | None:
    """The first widget inside ``page`` that Tab would reach (a list's filter box)."""
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (page.isAncestorOf(widget) and widget.isEnabled() and not widget.isHidden()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_page(window) -> None:
    """Put the focus on the current tab's first field."""
    target = first_field(window.tabs.currentWidget())
    if target is not None:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def install(window) -> None:
    """Alt+number beside Ctrl+number for the View menu's tabs; the focus into the page on
    each such switch and when the window opens."""
    tab_titles = {window.tabs.tabText(n) for n in range(window.tabs.count())}
    number = 0
    for action in window.view_menu.actions():
        if action.text() not in tab_titles:
            continue
        number += 1
        if sys.platform != "darwin":
            action.setShortcuts([*action.shortcuts(), QKeySequence(f"Alt+{number}")])
        action.triggered.connect(lambda _checked=False: focus_page(window))
    focus_page(window)
