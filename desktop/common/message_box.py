"""Message boxes whose text is always plain: the one way a sentence is put in a box.

Sentences often quote what a person typed or named (a file called ``<b>x</b>.factsheet``,
a party's name); Qt's static ``QMessageBox`` helpers guess whether text is rich text, so
such a sentence could be rendered as markup. These helpers never guess, and show control
characters as escapes (``db.model.visible``) instead of passing them on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.model.visible import visible
from desktop import APP_NAME


def plain_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None, *, informative: str = "",
              buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A box whose ``text`` is shown exactly as given, for callers that add their own buttons
    or open it window-modal; it deletes itself once closed."""
    box = QMessageBox(icon, visible(title, one_line=True), visible(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(visible(informative))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _show(icon: QMessageBox.Icon, parent: QWidget | None, text: str, title: str) -> None:
    plain_box(icon, title, text, parent, buttons=QMessageBox.StandardButton.Ok).exec()


def warn(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    """A warning the user acknowledges; ``text`` is shown exactly as given."""
    _show(QMessageBox.Icon.Warning, parent, text, title)


def inform(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    _show(QMessageBox.Icon.Information, parent, text, title)


def critical(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    _show(QMessageBox.Icon.Critical, parent, text, title)
