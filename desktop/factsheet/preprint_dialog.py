"""The check before printing, in the window: what would make the sheet misleading, before
Print…, Print Preview… or Export PDF… goes ahead.

The items of ``db.sheet.preprint.before_print``, grouped under their headings, each with a
link that opens its record. **Fix…** stops and opens the first (most urgent) record's form;
a link stops and shows that record in its tab; **Print anyway** goes on; Cancel (Esc) stops.
The dialog only reports the choice (``choice`` and ``record``): the window acts on it.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES
from db.sheet.preprint import Item
from desktop.common.rich_text import esc, parse_record_href, record_href
from desktop.help import context as context_help

PRINT, FIX, OPEN = "print", "fix", "open"


class PrePrintDialog(QDialog):
    """The list, *Fix…* and *Print anyway*."""

    def __init__(self, items: list[Item], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.choice: str | None = None  # PRINT, FIX, OPEN, or None when cancelled
        self.record: tuple[str, int] | None = None
        self.setWindowTitle(_("Before Printing"))
        heading = QLabel(esc(ngettext(
            "{n} thing would make this fact sheet misleading. Fix it first, or print anyway.",
            "{n} things would make this fact sheet misleading. Fix them first, or print anyway.",
            len(items)).format(n=len(items))), self)
        heading.setWordWrap(True)
        self.list = QTextBrowser(self)
        self.list.setOpenLinks(False)
        self.list.setAccessibleName(_("What to check before printing"))
        self.list.setHtml(self._html())
        self.list.anchorClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.fix_button = QPushButton(_("&Fix…"), self)
        self.fix_button.setToolTip(_("Stop, and open the first record listed to change it"))
        self.print_button = QPushButton(_("&Print anyway"), self)
        buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.fix_button.clicked.connect(self._fix)
        self.print_button.clicked.connect(self._print)
        self.fix_button.setDefault(True)
        context_help.install(self, "before-printing", buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _html(self) -> str:
        parts, title = [], None
        for item in self.items:
            if item.title != title:
                if title is not None:
                    parts.append("</ul>")
                title = item.title
                parts.append(f"<p><b>{esc(title)}</b></p><ul>")
            kind = KIND_NAMES[item.record[0]][0].lower()
            link = _("Open the {kind}").format(kind=kind)
            parts.append(f"<li>{esc(item.message)} <a href='{record_href(*item.record)}'>{esc(link)}</a></li>")
        return "".join(parts) + "</ul>"

    def _fix(self) -> None:
        self.choice, self.record = FIX, self.items[0].record
        self.reject()

    def _print(self) -> None:
        self.choice = PRINT
        self.accept()

    def _open(self, url: QUrl) -> None:
        target = parse_record_href(url.toString())
        if target is not None:
            self.choice, self.record = OPEN, target
            self.reject()
