"""Data-quality findings where people look: markers on list rows, the detail pane, the Overview.

The findings come from ``db.read.checks``, always narrowed to the records on screen: a list asks
about the rows of the page it has just fetched (never the whole table), the detail pane
about its one record, the Overview about its pair. Dates are judged as of today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QStyledItemDelegate

from db.model.i18n import _, ngettext
from db.read import queries
from db.read.checks import CHECKS, findings_for, pair_findings
from db.read.checks.framework import Finding
from desktop.common.qt_values import USER_ROLE
from desktop.common.rich_text import esc, record_link, tooltip_html

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

OVERVIEW_LIMIT = 30  # findings listed on the Overview; the rest are counted

NOTE_ROLE = USER_ROLE + 2  # the first cell of a row with notes: their text


def record_notes(db, kind: str, ids: Collection[int]) -> dict[int, str]:
    """For a list's model: each record's findings as text, for the records that have any."""
    notes: dict[int, list[str]] = {}
    for finding in findings_for(db, kind, ids, dt.date.today()):
        for found_kind, record_id in finding.records:
            if found_kind == kind and record_id in ids:
                notes.setdefault(record_id, []).append(finding.message)
    return {record_id: "\n\n".join(messages) for record_id, messages in notes.items()}


def record_findings(db, kind: str, record_id: int) -> list[str]:
    """The sentences about one record, for its detail pane."""
    return [f.message for f in findings_for(db, kind, [record_id], dt.date.today())]


def warning_icon() -> QIcon:
    """The standard warning icon of the platform's style, for marked rows."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class NoteDelegate(QStyledItemDelegate):
    """For a list's first column: on a marked row the tooltip adds the findings.

    The model's own tooltip stays the cell's text; the sentences come from ``NOTE_ROLE``.
    """

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolTip

        note = index.data(NOTE_ROLE) if index.isValid() else None
        if event.type() != QEvent.Type.ToolTip or not note:
            return super().helpEvent(event, view, option, index)
        cell = index.data(Qt.ItemDataRole.DisplayRole) if index.data(Qt.ItemDataRole.ToolTipRole) else None
        findings = "\n\n".join(f"⚠ {sentence}" for sentence in note.split("\n\n"))
        QToolTip.showText(event.globalPos(), tooltip_html("\n\n".join(filter(None, [cell, findings]))), view)
        return True


def summary_html(findings: list[Finding]) -> str:
    """One line near the top of the Overview pointing down to the section."""
    if not findings:
        return ""
    text = ngettext("{n} data-quality finding about this pair is listed under Data quality below.",
                    "{n} data-quality findings about this pair are listed under Data quality below.",
                    len(findings)).format(n=len(findings))
    return f"<p>⚠ {esc(text)}</p>"


def findings_html(db, findings: list[Finding]) -> str:
    """The Overview's "Data quality" section: findings grouped by check, each with links to
    the records involved; every sentence escaped."""
    parts = ["<h3>" + esc(_("Data quality")) + "</h3>"]
    if not findings:
        parts.append("<p>" + esc(_("No problems found in the records about this pair.")) + "</p>")
        return "\n".join(parts)
    shown = findings[:OVERVIEW_LIMIT]
    for name, check in CHECKS.items():
        group = [f for f in shown if f.check == name]
        if not group:
            continue
        parts.append(f"<p><b>{esc(check.title)}</b></p><ul>")
        for finding in group:
            links = ", ".join(record_link(kind, rid, queries.record_label(db, kind, rid))
                              for kind, rid in finding.records if kind != "position")
            parts.append(f"<li>{esc(finding.message)}<br><small>" + esc(_("Records:")) + f" {links}</small></li>")
        parts.append("</ul>")
    if len(findings) > len(shown):
        more = len(findings) - len(shown)
        note = ngettext("{n} more finding is not listed here; “factsheet check” lists all.",
                        "{n} more findings are not listed here; “factsheet check” lists all.", more)
        parts.append("<p>" + esc(note.format(n=more)) + "</p>")
    return "\n".join(parts)


def overview_findings(db, scope, today: dt.date) -> list[Finding]:
    """The findings about what the Overview shows for a pair."""
    return pair_findings(db, scope, today)
