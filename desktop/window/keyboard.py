"""The window worked with the keyboard alone: where the focus lands, and the keys between tabs.

Someone who never touches the mouse switches tabs with Ctrl+1…Ctrl+6 (also Alt+1…Alt+6,
as in browsers, except on macOS where Option and a digit type a character), Ctrl+Tab and
Ctrl+Shift+Tab. After such a switch, and when the window opens, the focus is inside the
page — a list's filter box, the Overview's first party — so typing acts at once, and the
focus frame is drawn there (a style draws it only once a key has moved the focus; before,
a tab bar holding the focus showed nothing). A page may name that field as its focus proxy
(the Overview's first party): the focus goes there without a look at each widget's focus
policy, which takes Qt's enums that the first paint does without (``desktop.common.qt_values``).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def first_field(page: QWidget) -> QWidget | None:
    """The first widget inside ``page`` that Tab would reach (a list's filter box)."""
    from PySide6.QtCore import Qt

    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (page.isAncestorOf(widget) and widget.isEnabled() and not widget.isHidden()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_page(window) -> None:
    """Put the focus on the current tab's first field."""
    page = window.tabs.currentWidget()
    if page.focusProxy() is not None:  # the page names its first field
        page.setFocus()
        return
    from PySide6.QtCore import Qt

    target = first_field(page)
    if target is not None:
        target.setFocus(Qt.FocusReason.TabFocusReason)


class _FocusFrameOnOpening(QObject):
    """Marks the window, once it is first active, as if a key had moved the focus: the style
    then draws the focus frame on the field that has it (activating a window clears that mark)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowActivate:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: _mark(watched))  # after activation has run its course
        return False


def _mark(window: QWidget) -> None:
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.update()


def _opened(window) -> None:
    """Once the first frame is out, the focus frame is drawn as soon as the window is active
    (it may have become active before it was painted)."""
    if window.isActiveWindow():
        QTimer.singleShot(0, lambda: _mark(window))
    else:
        window.installEventFilter(_FocusFrameOnOpening(window))


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
    window.first_painted.connect(lambda: _opened(window))
