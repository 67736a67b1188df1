"""The sheet's sections that come from remembered briefings: "Changes since…" and the timeline.

Built as the rest of the sheet is (``desktop.factsheet.content``): headings and tables of
HTML, every piece of text escaped — and shortened past the sheet's limit — by the ``esc``
the content module hands over. Each change names its sources beside it, since they are
not always among the sheet's numbered notes.
"""

from __future__ import annotations

from collections.abc import Callable

from db.model.i18n import _, ngettext
from db.sheet.changes import CATEGORIES
from db.sheet.compose import FactSheet
from desktop.factsheet.blocks import Block, Heading, Row, Table, paragraph

Escape = Callable[[object], str]


def _header(esc: Escape, *labels: str) -> tuple[str, ...]:
    return tuple(f"<span class='th'>{esc(label)}</span>" for label in labels)


def _continued(esc: Escape, title: str) -> str:
    return f"<div class='continued'>{esc(_('{section} (continued)').format(section=title))}</div>"


def changes(sheet: FactSheet, esc: Escape) -> list[Block]:
    """What changed since the briefing compared with; nothing when none was."""
    section = sheet.changes
    if section is None:
        return []
    heading = Heading(f"<h2>{esc(section.title)}</h2>")
    if not section.lines:
        return [heading, paragraph(f"<span class='muted'>{esc(_('Nothing has changed since then.'))}</span>")]
    rows = []
    for category, label in CATEGORIES.items():
        for index, line in enumerate(line for line in section.lines if line.category == category):
            cited = "; ".join(line.sources)
            rows.append(Row((esc(label) if index == 0 else "", esc(line.text),
                             f"<span class='small muted'>{esc(cited)}</span>" if cited else ""),
                            joined=index > 0))
    return [heading, Table((14, 62, 24), tuple(rows), header=_header(esc, _("About"), _("Change"), _("Sources")),
                           continued=_continued(esc, section.title))]


def timeline(sheet: FactSheet, esc: Escape) -> list[Block]:
    """The pair's dated facts around the as-of day."""
    section = sheet.timeline
    if section is None:
        return []
    title = _("Timeline")
    heading = Heading(f"<h2>{esc(title)}</h2>")
    if not section.rows:
        return [heading, paragraph(f"<span class='muted'>{esc(_('Nothing dated is recorded for this pair.'))}</span>")]
    rows = tuple(Row((esc(r.date), f"<span class='muted'>{esc(r.what)}</span>" if r.ahead else esc(r.what),
                      esc(r.title))) for r in section.rows)
    blocks: list[Block] = [heading, Table((16, 34, 50), rows, header=_header(esc, _("When"), _("What"), _("About")),
                                          continued=_continued(esc, title))]
    if section.earlier:
        blocks.append(paragraph("<span class='muted'>" + esc(ngettext(
            "{n} earlier dated item is not listed.", "{n} earlier dated items are not listed.",
            section.earlier).format(n=section.earlier)) + "</span>"))
    return blocks
