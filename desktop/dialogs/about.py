"""Help ▸ About Fact Sheet: what is running, on which file, and under which licences.

Shows the app's version, the open database's path, the versions of Python, Qt, PySide6,
pyqtgraph, sqlite-utils and SQLite, and each component's licence. "Copy Details" puts the
same facts on the clipboard as plain text, for a message to whoever supports the app.
Versions of libraries are read from their installed metadata, so opening this dialog
does not import pyqtgraph.
"""

from __future__ import annotations

import platform
import sqlite3
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.model.i18n import _
from desktop import APP_NAME, __version__
from desktop.common.rich_text import esc, web_link

LGPL3 = "https://www.gnu.org/licenses/lgpl-3.0.html"
MIT = "https://opensource.org/license/mit"
APACHE2 = "https://www.apache.org/licenses/LICENSE-2.0"
PSF = "https://docs.python.org/3/license.html"
SQLITE_PD = "https://www.sqlite.org/copyright.html"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    licence_url: str


def _installed_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return _("unknown")


def components() -> list[Component]:
    """The app and what it is built on, each with its version and licence."""
    return [
        Component(APP_NAME, __version__, _("MIT License"), MIT),
        Component("Qt", qVersion(), _("GNU LGPL version 3"), LGPL3),
        Component("PySide6", PySide6.__version__, _("GNU LGPL version 3"), LGPL3),
        Component("pyqtgraph", _installed_version("pyqtgraph"), _("MIT License"), MIT),
        Component("sqlite-utils", _installed_version("sqlite-utils"), _("Apache License 2.0"), APACHE2),
        Component("SQLite", sqlite3.sqlite_version, _("public domain"), SQLITE_PD),
        Component("Python", platform.python_version(), _("PSF License"), PSF),
    ]


def details_text(database: Path | None) -> str:
    """The facts of the dialog as plain text, one per line."""
    lines = [f"{APP_NAME} {__version__}",
             _("Database: {path}").format(path=database if database else _("in memory"))]
    lines += [f"{part.name} {part.version} ({part.licence})" for part in components()[1:]]
    lines.append(_("System: {system}").format(system=platform.platform()))
    return "\n".join(lines)


def about_html(database: Path | None) -> str:
    """The dialog's text; the database path is the user's and is escaped like all user text."""
    rows = "".join(
        f"<tr><td>{esc(part.name)}</td><td>{esc(part.version)}</td>"
        f"<td>{web_link(part.licence_url, part.licence)}</td></tr>"
        for part in components())
    summary = _("Keep, chart and print what is known about cooperation between two regions or countries.")
    lgpl = _("Qt and PySide6 are used under the GNU LGPL version 3: you may replace them with versions "
             "of your own. Each licence's text is on its linked page.")
    path = database if database else _("in memory")
    return (
        f"<h2>{esc(APP_NAME)} {esc(__version__)}</h2><p>{esc(summary)}</p>"
        f"<p><b>" + esc(_("Database:")) + f"</b> {esc(path)}</p>"
        "<table cellspacing='0' cellpadding='3'>"
        f"<tr><th align='left'>" + esc(_("Component")) + "</th><th align='left'>" + esc(_("Version")) + "</th>"
        "<th align='left'>" + esc(_("Licence")) + f"</th></tr>{rows}</table>"
        f"<p>{esc(lgpl)}</p>")


class AboutDialog(QDialog):
    """The About box: the app's icon, its facts, Copy Details and Close."""

    def __init__(self, database: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(_("About {name}").format(name=APP_NAME))
        icon = QLabel(self)
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(about_html(database), self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setMinimumWidth(460)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(_("&Copy Details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(_("Copy the versions and the database path, to paste into a message."))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(12)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self.database))
        self.copy_button.setText(_("Copied"))
