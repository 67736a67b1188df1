"""The dialog shown when something unexpected goes wrong in the window.

It says what happened in a sentence, that the app keeps running and what was saved is
safe, where the details were written, and offers them with a "Copy details" button for a
bug report. It is not modal: the window stays usable behind it. If more errors arrive
while it is open they are added to it rather than stacking up dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _, ngettext
from desktop import APP_NAME


class ErrorDialog(QDialog):
    """One unexpected error (or several in a row): the sentence, the log file, the details."""

    def __init__(self, message: str, details: str, log_path: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("{app} — Something Went Wrong").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.count = 1

        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32, 32))
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # the message may hold anything
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setText(message)
        self.reassurance = QLabel(self)
        self.reassurance.setTextFormat(Qt.TextFormat.PlainText)
        self.reassurance.setWordWrap(True)
        self._log_path = log_path
        self._show_reassurance()

        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setPlainText(details)
        self.details.setMinimumHeight(140)
        self.details.setAccessibleName(_("Details"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)

        font = self.message_label.font()
        font.setBold(True)
        self.message_label.setFont(font)
        words = QVBoxLayout()
        words.addWidget(self.message_label)
        words.addWidget(self.reassurance)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def _show_reassurance(self) -> None:
        text = _("Fact Sheet keeps running, and everything you saved is safe.")
        if self._log_path:
            text += " " + _("The details were written to {path}.").format(path=self._log_path)
        if self.count > 1:
            text += " " + ngettext("This happened {n} time.", "This happened {n} times.", self.count).format(
                n=self.count)
        self.reassurance.setText(text)

    def add(self, message: str, details: str) -> None:
        """Another error while this dialog is open: count it and append its details."""
        self.count += 1
        self.message_label.setText(message)
        self.details.appendPlainText("―" * 40 + "\n" + details)
        self._show_reassurance()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(_("Copied"))
