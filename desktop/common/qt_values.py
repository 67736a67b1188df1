"""The few Qt enum values the window's first frame sets, without loading PySide6's ``Qt``.

Naming any member of ``PySide6.QtCore.Qt`` makes PySide build that whole namespace — some
120 Python enums, about 15 ms, a tenth of the window's start-up — and ``QStyle`` costs
another 5 ms. What the first paint needs of them is set here through Qt's property system,
which takes an enum's number, or given as the number itself where Qt hands it to Python as
one (item data roles). Everything that runs after the first paint names ``Qt`` as usual;
``tests/desktop/window/test_pages.py`` checks that the first paint builds neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QToolBar

# Qt.ItemDataRole, as the numbers Qt passes to a model's ``data``.
DISPLAY_ROLE = 0
EDIT_ROLE = 2
USER_ROLE = 256


def show_as_plain_text(label: QLabel) -> None:
    """Show the label's text as it is, never as markup (Qt.TextFormat.PlainText): a file
    name or a record's text may look like markup."""
    label.setProperty("textFormat", 0)


def text_beside_icons(toolbar: QToolBar) -> None:
    """Name each of the toolbar's buttons beside its icon (Qt.ToolButtonStyle.ToolButtonTextBesideIcon)."""
    toolbar.setProperty("toolButtonStyle", 2)


def only_where_focused(action: QAction) -> None:
    """Let the action's keys act only in a widget it was added to, when that has the focus
    (Qt.ShortcutContext.WidgetShortcut): Enter and Del on a list's rows, never in a text box."""
    action.setProperty("shortcutContext", 0)
