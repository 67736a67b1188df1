"""File ▸ Briefings…: every fact sheet printed or saved, and what changed since each.

Lists the briefings remembered (``db.sheet.briefings``), the latest first: when, the pair,
the as-of day, how it was handed over, by whom. Selecting one shows what changed for its
pair since then (``db.sheet.changes``, as of today) — the same lines a sheet's "Changes
since the briefing of …" section prints, each with its sources. The dialog only reads.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError
from db.model.formatting import format_day
from db.model.i18n import _
from db.sheet import briefings
from db.sheet.changes import CATEGORIES, ChangesSection, compose_changes
from desktop.common.rich_text import esc, shown
from desktop.common.theme import secondary_text
from desktop.help import context as context_help


def changes_html(section: ChangesSection) -> str:
    """The changes as the sheet lists them: grouped, each line with its sources."""
    parts = [f"<h3>{esc(section.title)}</h3>"]
    if not section.lines:
        return parts[0] + f"<p>{esc(_('Nothing has changed since then.'))}</p>"
    for category, label in CATEGORIES.items():
        lines = [line for line in section.lines if line.category == category]
        if lines:
            parts.append(f"<p><b>{esc(label)}</b></p><ul>")
            for line in lines:
                cited = f"<br><span style='color:{secondary_text()}'>{esc('; '.join(line.sources))}</span>" \
                    if line.sources else ""
                parts.append(f"<li>{esc(line.text)}{cited}</li>")
            parts.append("</ul>")
    return "".join(parts)


class BriefingsDialog(QDialog):
    """The briefings remembered, and what changed since the one selected."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Briefings"))
        self.setObjectName("briefings")
        self._db = db
        self.briefings = briefings.briefings(db)
        self.table = QTableWidget(len(self.briefings), 5, self)
        self.table.setHorizontalHeaderLabels([_("Made"), _("Pair"), _("As of"), _("How"), _("By")])
        self.table.setAccessibleName(_("Briefings"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, item in enumerate(self.briefings):
            for column, text in enumerate((item.when, item.pair, format_day(item.as_of), item.how_label,
                                           item.author or "")):
                self.table.setItem(row, column, QTableWidgetItem(shown(text)))
        self.table.resizeColumnToContents(0)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.changes = QTextBrowser(self)
        self.changes.setAccessibleName(_("What changed since"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.setSizes([560, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        context_help.install(self, "briefings", buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        if self.briefings:
            self.table.selectRow(0)
        else:
            self.changes.setHtml(f"<p>{esc(_('No fact sheet has been printed or saved from this database yet.'))}"
                                 "</p>")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.briefings):
            return
        item = self.briefings[row]
        try:
            section = compose_changes(self._db, item.party_a, item.party_b, since=item, as_of=dt.date.today())
        except FactSheetError as error:
            self.changes.setHtml(f"<p>{esc(str(error))}</p>")
            return
        self.changes.setHtml(changes_html(section))
