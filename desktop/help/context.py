"""Opening the guide: Help ▸ Fact Sheet Help (F1) in the main window, and context help —
F1 or the Help button in a form or dialog opens the guide at the section about it.

In the main window, F1 opens the section about the tab shown when the tab names one
(``help_topic``: the lists, Trade, Timeline); on the Overview it opens the guide where it
was left, or at its start. A dialog whose section depends on what it shows (Import…: a
bundle, or a table whose mapping step asks for something) gives a function for its topic.

One help window serves the whole application and stays beside the main window (closing
the main window still quits). A dialog that blocks every other window while it is open
(an application-modal one, such as Export…) gets a help window of its own, in front of
it, so its help can be read and scrolled while the dialog waits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from db.model.i18n import _
from desktop import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialogButtonBox

_shared = None  # the application's help window, once opened


def show_help(topic: str | None = None, asker: QWidget | None = None):
    """Show the guide at ``topic`` (None: where it was left, else its start); return the help window."""
    from PySide6.QtCore import Qt

    from desktop.help.window import HelpWindow  # the guide is read when help is first asked for

    global _shared
    owner = QWidget.window(asker) if asker is not None else None  # a dialog may name its own attribute `window`
    if owner is not None and owner.windowModality() == Qt.WindowModality.ApplicationModal:
        help_window = owner.findChild(HelpWindow) or HelpWindow(owner)
    else:
        if _shared is None or not isValid(_shared):
            _shared = HelpWindow()
        help_window = _shared
    first_look = not help_window.isVisible()
    if help_window.isMinimized():
        help_window.showNormal()
    help_window.show()  # laid out at its size first, so the section lands at the top
    help_window.raise_()
    help_window.activateWindow()
    if topic is not None or first_look:
        help_window.show_topic(topic)
    return help_window


def install(dialog: QWidget, topic: str | Callable[[], str], buttons: QDialogButtonBox | None = None) -> None:
    """F1 in ``dialog``, and a Help button in its ``buttons`` when given, open the guide at
    ``topic`` (or at the topic a function gives at that moment)."""
    def ask() -> None:
        show_help(topic() if callable(topic) else topic, dialog)

    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
    shortcut.activated.connect(ask)
    if buttons is not None:
        from PySide6.QtWidgets import QDialogButtonBox

        button = buttons.addButton(QDialogButtonBox.StandardButton.Help)
        button.setAutoDefault(False)
        button.setToolTip(_("Open the guide at the section about this window (F1)."))
        buttons.helpRequested.connect(ask)


def tab_topic(window) -> str | None:
    """The guide's section about the main window's tab shown; None on a tab without one."""
    tabs = getattr(window, "tabs", None)
    return getattr(tabs.currentWidget(), "help_topic", None) if tabs is not None else None


def install_menu(window) -> QAction:
    """Help ▸ Fact Sheet Help (F1), first in the main window's Help menu."""
    action = QAction(_("{app} &Help").format(app=APP_NAME), window)
    action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents) or [QKeySequence("F1")])
    tip = _("Open the user guide: getting started, the tabs, editing, importing, printing and more.")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(lambda: show_help(tab_topic(window), window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, action)
    if first is not None:
        window.help_menu.insertSeparator(first)
    window.help_action = action
    return action
