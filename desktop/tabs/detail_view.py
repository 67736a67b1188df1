"""The detail pane: every field of a record, its linked records and its sources.

Rendered from ``db.read.details.RecordDetail`` as escaped HTML. Links to other records use the
``record:kind/id`` scheme and are handed to the window, which opens them in their tab.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from db.errors import FactSheetError
from db.model.i18n import _
from db.model.records import KIND_NAMES
from db.read.details import RecordDetail, describe
from desktop.common import quality
from desktop.common.rich_text import esc, multiline, parse_record_href, record_link, web_link
from desktop.common.theme import secondary_text


def detail_html(detail: RecordDetail, findings: list[str] | None = None) -> str:
    """The detail pane's HTML; every piece of record text goes through ``esc``.

    ``findings`` are data-quality sentences about the record, shown under its title.
    """
    parts = [f"<p style='color:{secondary_text()}'>{esc(KIND_NAMES[detail.kind][0])}</p>",
             f"<h2>{esc(detail.title)}</h2>"]
    if findings:
        parts.append("<h3>⚠ " + esc(_("Data quality")) + "</h3><ul>")
        parts += [f"<li>{esc(sentence)}</li>" for sentence in findings]
        parts.append("</ul>")
    rows = [(esc(label), multiline(value)) for label, value in detail.fields]
    rows += [(esc(label), record_link(ref.kind, ref.id, ref.label)) for label, ref in detail.references]
    if detail.kind == "source":
        url = next((v for label, v in detail.fields if label == _("URL")), None)
        rows = [(k, web_link(url) if url and k == esc(_("URL")) else v) for k, v in rows]
    if rows:
        parts.append("<table cellspacing='0' cellpadding='3'>")
        parts += [f"<tr><td valign='top'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows]
        parts.append("</table>")
    if detail.body_text:
        heading = _("Quote") if detail.kind == "statement" else _("Text")
        parts.append(f"<h3>{esc(heading)}</h3><blockquote>{multiline(detail.body_text)}</blockquote>")
    for label, items in detail.links:
        parts.append(f"<h3>{esc(label)}</h3><ul>")
        for item in items:
            note = f" — <i>{esc(item.note)}</i>" if item.note else ""
            parts.append(f"<li>{record_link(item.kind, item.id, item.label)}{note}</li>")
        parts.append("</ul>")
    if detail.sources:
        parts.append("<h3>" + esc(_("Sources")) + "</h3><ol>")
        for source in detail.sources:
            passage = f"<br><i>“{esc(source.note)}”</i>" if source.note else ""
            parts.append(f"<li>{record_link('source', source.id, source.label)}{passage}</li>")
        parts.append("</ol>")
    return "\n".join(parts)


class DetailView(QTextBrowser):
    """Shows one record; emits ``record_activated`` when a linked record is clicked."""

    record_activated = Signal(str, int)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.current: tuple[str, int] | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        self.show_nothing()

    def set_database(self, db) -> None:
        self._db = db
        self.show_nothing()

    def show_nothing(self, message: str | None = None) -> None:
        self.current = None
        text = message or _("Select a row to see everything recorded about it.")
        self.setHtml(f"<p style='color:{secondary_text()}'>{esc(text)}</p>")

    def show_record(self, kind: str, record_id: int) -> None:
        try:
            detail = describe(self._db, kind, record_id)
        except FactSheetError as error:
            self.show_nothing(str(error))
            return
        self.current = (kind, record_id)
        self.setHtml(detail_html(detail, quality.record_findings(self._db, kind, record_id)))

    def refresh(self) -> None:
        if self.current:
            self.show_record(*self.current)

    def _follow(self, url: QUrl) -> None:
        target = parse_record_href(url.toString())
        if target:
            self.record_activated.emit(*target)
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
