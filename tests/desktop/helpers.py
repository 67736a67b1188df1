"""Driving widgets as a person would: clicking a link where it is drawn, not calling slots."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def link_position(browser: QTextBrowser, text: str) -> QPoint:
    """Where the link showing ``text`` is drawn in the browser's viewport (scrolled into view)."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor() and text in fragment.text():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + min(2, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link showing {text!r}")


def click_link(qtbot, browser: QTextBrowser, text: str) -> None:
    position = link_position(browser, text)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=position)


def open_window(qtbot, db, *, size: tuple[int, int] | None = None):
    """A main window over ``db`` (of ``size``, if given), shown and exposed, closed with the test."""
    from desktop.gui import create_application
    from desktop.window.main_window import MainWindow

    create_application()
    window = MainWindow(db)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_trade(qtbot, window):
    """The window's Trade tab, shown, once its chart has bars."""
    tab = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.panel is not None and bool(tab.panel.chart.bars), timeout=10_000)
    return tab
