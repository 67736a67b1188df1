"""Mirror statistics under the Trade tab's chart: one flow as two reporters give it, side by side.

Shown only when the pair has figures from another reporter for the same flows
(``db.read.mirror.mirror_rows``): of the periods the chart draws, the latest, each with both
figures (in one unit, a figure published in another scale saying how it was published), who
reported each, and the gap; then the one-line note on why partners' figures differ. Clicking a figure selects its record in the table below.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from db.model.dates import Period
from db.model.formatting import format_quantity
from db.model.i18n import _, ngettext
from db.model.records import indicator_label
from db.read.mirror import MirrorRow, MirrorSide, gap_label, mirror_note, reporter_label
from desktop.common.rich_text import esc, parse_record_href, record_link

SHOWN_ROWS = 4
MAX_HEIGHT = 150  # pixels: the chart above keeps the room it needs


class MirrorTable(QWidget):
    """A small table of mirror figures, hidden when there are none."""

    figure_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MirrorRow] = []
        self.drawn: set[Period] | None = None  # the periods the chart draws (None: every period)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.linkActivated.connect(self._follow)
        self.label.setAccessibleName(_("Mirror statistics"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(scroll)
        self.setMaximumHeight(MAX_HEIGHT)
        self.setVisible(False)

    def show_rows(self, rows: list[MirrorRow]) -> None:
        self.rows = rows
        self._fill()

    def show_drawn(self, periods: Iterable[Period]) -> None:
        """Show the rows of the periods the chart draws."""
        self.drawn = set(periods)
        self._fill()

    def _rows(self) -> list[MirrorRow]:
        return [r for r in self.rows if self.drawn is None or r.period in self.drawn]

    def shown_rows(self) -> list[MirrorRow]:
        return self._rows()[:SHOWN_ROWS]

    def _fill(self) -> None:
        rows = self._rows()
        self.setVisible(bool(rows))
        if not rows:
            self.label.clear()
            return
        head = "".join(f"<th align='left'>{esc(h)}</th>" for h in (
            _("Period"), _("Flow"), _("As reported"), _("As its partner reports it"), _("Gap")))
        body = "".join(
            f"<tr><td>{esc(r.period.label())}</td><td title='{esc(r.first.description)}'>"
            f"{esc(indicator_label(r.first.indicator))}</td><td>{self._side(r.first)}</td>"
            f"<td>{self._side(r.second, r.first)}</td><td align='right'>{esc(gap_label(r.gap))}</td></tr>"
            for r in rows[:SHOWN_ROWS])
        more = ""
        if len(rows) > SHOWN_ROWS:
            count = len(rows) - SHOWN_ROWS
            more = "<br>" + esc(ngettext("{n} earlier period has mirror figures too.",
                                         "{n} earlier periods have mirror figures too.", count).format(n=count))
        self.label.setText(f"<b>{esc(_('Mirror statistics'))}</b>"
                           f"<table cellspacing='0' cellpadding='1'><tr>{head}</tr>{body}</table>"
                           f"<small>{esc(mirror_note())}{more}</small>")

    @staticmethod
    def _side(side: MirrorSide, first: MirrorSide | None = None) -> str:
        """A figure and who reported it; for the partner's, how it counts the flow ("as imports")."""
        who = reporter_label(side.reporter)
        if first is not None and side.indicator != first.indicator:
            who = _("{reporter}, as {flow}").format(reporter=who, flow=indicator_label(side.indicator).lower())
        published = f" <small>({esc(side.published.note)})</small>" if side.published else ""
        return (f"{record_link('indicator', side.indicator_id, format_quantity(side.value, side.unit))}"
                f"{published} <small>{esc(who)}</small>")

    def _follow(self, href: str) -> None:
        target = parse_record_href(href)
        if target is not None and target[0] == "indicator":
            self.figure_activated.emit(target[1])
