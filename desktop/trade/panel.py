"""The upper half of the Trade tab: chart controls, the pyqtgraph chart, key-figure cards and
mirror statistics.

Built only when the Trade tab is first shown (it imports ``desktop.trade.chart`` and so
pyqtgraph). It reads one pair through ``db.read.trade`` — the series per measure and reporter
(figures published in USD thousand and in USD million drawn as one, in the unit most of them
use) and the latest other figures, all aggregated in SQL — and offers what a person does with
a chart: switch between flows and balance, choose the kind of period and the series (unit and
reporter), reset the view, copy the chart or export it as a PNG. The kind of period opens on
the one the data suggests (``TradeSeries.default_group``) until the user picks one in
**Periods**, which is then kept. Below the chart, when another reporter gives the same flows
(``db.read.mirror``), both figures stand side by side with the gap.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError
from db.file import output
from db.model.formatting import format_unit
from db.model.i18n import _, ngettext
from db.read import queries
from db.read.mirror import mirror_rows, reporter_label
from db.read.other_figures import latest_other_figures
from db.read.trade import (
    PERIOD_GROUPS,
    TradeSeries,
    trade_pairs,
    trade_series,
    trade_sources,
)
from desktop.common import message_box, quality
from desktop.common.rich_text import esc
from desktop.trade.cards import FigureCards
from desktop.trade.chart import TradeChart
from desktop.trade.mirrors import MirrorTable

NOTE_SOURCES = 3  # sources named under the chart; more are counted


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "chart"


class TradePanel(QWidget):
    """Chart and cards for one pair (subject, counterpart)."""

    indicator_activated = Signal(int)  # a bar, marker or card was clicked: select that record
    pair_requested = Signal(int, int)  # a pair with trade figures was chosen from the empty page

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.pair: tuple[int, int] | None = None
        self.all_series: list[TradeSeries] = []

        self.flows_button = self._toggle(_("Exports and imports"),
                                         _("Exports and imports as bars, turnover as markers"))
        self.balance_button = self._toggle(_("Balance"), _("Exports minus imports per period"))
        self.flows_button.setChecked(True)
        self.view_group = QButtonGroup(self)
        for button in (self.flows_button, self.balance_button):
            self.view_group.addButton(button)
        self.view_group.buttonToggled.connect(self._mode_changed)
        self.period_box = QComboBox(self)
        self.period_box.setAccessibleName(_("Periods"))
        self.period_box.setToolTip(_("Which periods to chart: whole years (with the latest part of a year), "
                                     "quarters, months or other spans. Different spans are never mixed."))
        self.period_box.currentIndexChanged.connect(self._period_chosen)
        self._chosen_group: str | None = None  # the kind of period the user picked, kept from then on
        self.unit_box = QComboBox(self)
        self.unit_box.setAccessibleName(_("Unit"))
        self.unit_box.setToolTip(_("Which series to chart: its unit, and who reported it when several "
                                   "statistics offices give the same flows."))
        self.unit_box.currentIndexChanged.connect(lambda _i: self._fill_periods())
        self.unit_label = QLabel(_("&Unit:"), self)
        self.unit_label.setBuddy(self.unit_box)
        period_label = QLabel(_("&Periods:"), self)
        period_label.setBuddy(self.period_box)

        self.reset_action = self._command(_("Reset view"), self.reset_view, "Ctrl+0",
                                          _("Show every period again after zooming or panning"))
        self.copy_action = self._command(_("Copy chart"), self.copy_chart, "Ctrl+Shift+C",
                                         _("Copy the chart to the clipboard as a picture"))
        self.export_action = self._command(_("Export chart as PNG…"), self.export_png, "Ctrl+Shift+E",
                                           _("Save the chart as a PNG picture"))
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.flows_button)
        controls.addWidget(self.balance_button)
        controls.addSpacing(12)
        controls.addWidget(period_label)
        controls.addWidget(self.period_box)
        controls.addWidget(self.unit_label)
        controls.addWidget(self.unit_box)
        controls.addStretch(1)
        for action in (self.reset_action, self.copy_action, self.export_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            controls.addWidget(button)

        self.chart = TradeChart(self)
        self.chart.setMinimumHeight(220)  # never squeezed flat by what stands below it
        self.chart.indicator_clicked.connect(self.indicator_activated)
        self.chart.finding_notes = lambda record_id: quality.record_findings(self._db, "indicator", record_id)
        self.chart.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.chart.view.addActions([self.reset_action, self.copy_action, self.export_action])
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.linkActivated.connect(self._pair_link)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.empty)
        self.cards = FigureCards(self)
        self.cards.figure_activated.connect(self.indicator_activated)
        self.mirrors = MirrorTable(self)
        self.mirrors.figure_activated.connect(self.indicator_activated)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.stack, 1)
        left.addWidget(self.mirrors)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 1)
        body.addWidget(self.cards)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(body, 1)

    # -- public --------------------------------------------------------------------------------
    def show_pair(self, subject: int, counterpart: int) -> None:
        """Read and draw the trade of ``subject`` with ``counterpart``."""
        self.pair = (subject, counterpart)
        self.reload()

    def reload(self) -> None:
        """Read the pair again (after a change to the data), keeping the chosen view."""
        if self.pair is None:
            return
        self.all_series = trade_series(self._db, *self.pair)
        self.cards.show_figures(latest_other_figures(self._db, *self.pair))
        self.mirrors.show_rows(mirror_rows(self._db, *self.pair))
        chosen = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        for series in self.all_series:  # "млн долл. США", kept as "USD million"; a reporter's series apart
            self.unit_box.addItem(self._series_label(series), (series.unit, series.reporter_id))
        if self.unit_box.findData(chosen) >= 0:
            self.unit_box.setCurrentIndex(self.unit_box.findData(chosen))
        self.unit_box.blockSignals(False)
        several = len(self.all_series) > 1
        self.unit_box.setVisible(several)
        self.unit_label.setVisible(several)
        self._fill_periods()

    def set_database(self, db) -> None:
        """Read from another database; nothing is shown until ``show_pair``."""
        self._db = db
        self.pair = None

    def current_series(self) -> TradeSeries | None:
        """The series drawn: the chosen unit, only the chosen kind of period."""
        series = self._unit_series()
        group = self.period_box.currentData()
        return series.only(group) if series is not None and group else series

    def reset_view(self) -> None:
        self.chart.reset_view()

    def copy_chart(self) -> None:
        QApplication.clipboard().setImage(self.chart.image())
        self._status(_("Chart copied to the clipboard."))

    def export_png(self, path: str | None = None) -> bool:
        """Save the chart as a PNG (asking where, unless ``path`` is given); True when saved."""
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
            suggested = str(Path(folder) / f"{_slug(self.chart_title())}.png")
            path, _filter = QFileDialog.getSaveFileName(self, _("Export chart as PNG"), suggested,
                                                        _("PNG pictures (*.png)"))
            if not path:
                return False
        if not path.lower().endswith(".png"):
            path += ".png"
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            if not self.chart.image().save(buffer, "PNG"):
                raise FactSheetError(_("The chart could not be made into a PNG picture."))
            output.write_bytes(path, bytes(buffer.data()))
        except FactSheetError as error:
            message_box.warn(self, title=_("Export chart as PNG"), text=str(error))
            return False
        self._status(_("Chart saved as {path}.").format(path=path))
        return True

    def chart_title(self) -> str:
        if self.pair is None:
            return ""
        series = self.current_series()
        unit = self._series_label(series) if series else ""
        return _("Trade of {subject} with {counterpart}, {unit}").format(
            subject=queries.party_name(self._db, self.pair[0]),
            counterpart=queries.party_name(self._db, self.pair[1]), unit=unit)

    # -- internals --------------------------------------------------------------------------------
    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(False)
        return button

    def _command(self, text: str, slot, shortcut: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _unit_series(self) -> TradeSeries | None:
        """The series in the chosen unit, every kind of period."""
        return self.all_series[max(0, self.unit_box.currentIndex())] if self.all_series else None

    def _series_label(self, series: TradeSeries) -> str:
        """"USD million", or "USD million, reported by Kazakhstan" when the series says who."""
        if series.reporter_id is None:
            return format_unit(series.unit)
        return _("{unit}, {reporter}").format(
            unit=format_unit(series.unit), reporter=reporter_label(queries.party_name(self._db, series.reporter_id)))

    def _fill_periods(self) -> None:
        series = self._unit_series()
        groups = series.groups() if series else []
        wanted = self._chosen_group if self._chosen_group in groups else (series.default_group() if series else None)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for group in groups:
            self.period_box.addItem(PERIOD_GROUPS[group], group)
        if wanted in groups:
            self.period_box.setCurrentIndex(groups.index(wanted))
        self.period_box.blockSignals(False)
        self.period_box.setEnabled(len(groups) > 1)
        self._draw()

    def _period_chosen(self, _index: int) -> None:
        self._chosen_group = self.period_box.currentData()
        self._draw()

    def _draw(self) -> None:
        series = self.current_series()
        has_chart = series is not None and bool(series.periods)
        for action in (self.reset_action, self.copy_action, self.export_action):
            action.setEnabled(has_chart)
        if not has_chart:
            self._show_empty()
            return
        assert series is not None and self.pair is not None
        self.stack.setCurrentWidget(self.chart)
        self.chart.show_series(series, title=self.chart_title(), note=self._source_note(series))
        self.mirrors.show_drawn(p.period for p in series.periods)

    def _source_note(self, series: TradeSeries) -> str:
        assert self.pair is not None
        sources = trade_sources(self._db, *self.pair, series.units or series.unit)
        titles = [title for title, _count in sources[:NOTE_SOURCES]]
        text = "; ".join(titles)
        if len(sources) > NOTE_SOURCES:
            more = len(sources) - NOTE_SOURCES
            text += " " + ngettext("and {n} more source", "and {n} more sources", more).format(n=more)
        return ngettext("Source: {titles}", "Sources: {titles}", len(sources)).format(titles=text)

    def _show_empty(self) -> None:
        self.stack.setCurrentWidget(self.empty)
        if self.pair is None:
            self.empty.setText(esc(_("Choose two parties to see their trade.")))
            return
        subject, counterpart = (queries.party_name(self._db, p) for p in self.pair)
        parts = [esc(_("No trade figures (exports, imports or turnover) are recorded for {subject} with "
                       "{counterpart}.").format(subject=subject, counterpart=counterpart))]
        others = trade_pairs(self._db, limit=5)
        if others:
            links = ", ".join(
                f"<a href='pair:{s}/{c}'>{esc(queries.party_name(self._db, s))} – "
                f"{esc(queries.party_name(self._db, c))}</a>" for s, c, _n in others)
            parts.append(esc(_("Trade figures are recorded for:")) + " " + links)
        self.empty.setText("<p>" + "</p><p>".join(parts) + "</p>")

    def _pair_link(self, href: str) -> None:
        subject, _sep, counterpart = href.removeprefix("pair:").partition("/")
        if subject.isdigit() and counterpart.isdigit():
            self.pair_requested.emit(int(subject), int(counterpart))

    def _mode_changed(self, button, checked: bool) -> None:
        if checked:
            self.chart.set_mode("balance" if button is self.balance_button else "flows")

    def _status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 4000)
