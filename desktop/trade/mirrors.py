"""Mirror statistics under the Trade tab's chart: one flow as two reporters give it, side by side.

Shown only when the pair has figures from another reporter for the same flows
(``db.read.mirror.mirror_rows``): for the kind of period charted, the latest periods, each
with both figures, who reported each, and the gap; then the one-line note on why partners'
figures differ. Clicking a figure selects its record in the table below.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.model.formatting import format_quantity
from db.model.i18n import _, ngettext
from db.read.mirror import MIRROR_NOTE, MirrorRow, MirrorSide, gap_label, reporter_label
from db.read.trade import period_group
from desktop.common.rich_text import esc, parse_record_href, record_link

SHOWN_ROWS = 6


class MirrorTable(QWidget):
    """A small table of mirror figures, hidden when there are none."""

    figure_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MirrorRow] = []
        self.group: str | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.linkActivated.connect(self._follow)
        self.label.setAccessibleName(_("Mirror statistics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.setVisible(False)

    def show_rows(self, rows: list[MirrorRow]) -> None:
        self.rows = rows
        self._fill()

    def show_group(self, group: str | None) -> None:
        """Show the rows of the kind of period the chart draws."""
        self.group = group
        self._fill()

    def shown_rows(self) -> list[MirrorRow]:
        rows = [r for r in self.rows if self.group is None or period_group(r.period) == self.group]
        return rows[:SHOWN_ROWS]

    def _fill(self) -> None:
        rows = [r for r in self.rows if self.group is None or period_group(r.period) == self.group]
        self.setVisible(bool(rows))
        if not rows:
            self.label.clear()
            return
        head = "".join(f"<th align='left'>{esc(h)}</th>" for h in (
            _("Period"), _("As reported"), _("As its partner reports it"), _("Gap")))
        body = "".join(
            f"<tr><td>{esc(r.period.label())}</td><td>{self._side(r.first)}</td><td>{self._side(r.second)}</td>"
            f"<td align='right'>{esc(gap_label(r.gap))}</td></tr>" for r in rows[:SHOWN_ROWS])
        more = ""
        if len(rows) > SHOWN_ROWS:
            count = len(rows) - SHOWN_ROWS
            more = "<br>" + esc(ngettext("{n} earlier period has mirror figures too.",
                                         "{n} earlier periods have mirror figures too.", count).format(n=count))
        self.label.setText(f"<b>{esc(_('Mirror statistics'))}</b>"
                           f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
                           f"<small>{esc(MIRROR_NOTE)}{more}</small>")

    @staticmethod
    def _side(side: MirrorSide) -> str:
        return (f"{record_link('indicator', side.indicator_id, format_quantity(side.value, side.unit))} "
                f"<small>{esc(side.description)}, {esc(reporter_label(side.reporter))}</small>")

    def _follow(self, href: str) -> None:
        target = parse_record_href(href)
        if target is not None and target[0] == "indicator":
            self.figure_activated.emit(target[1])
