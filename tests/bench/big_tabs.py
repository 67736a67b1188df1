"""The Trade tab on a million figures, as a person meets it, against the bare SQL for the same rows.

    python -m tests.bench.big_tabs BIG.factsheet      (make it with tests.bench.bigdata)

Four things a person does there, each timed from the action to its first paint (the
list's first page with its data-quality markers and detail pane, or the chart), each the
median of a few runs, and each also as a multiple of the obvious SQL query a programmer
would write for the same rows, measured in the same run:

- the Trade table's first page (the tab's list built and shown);
- sorting it by value (a click on the header);
- filtering it by a party (“Region 05”, typed and Enter);
- drawing the trade chart of the pair with the most trade figures.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FILTER_TEXT = "Region 05"
BARE_FIRST_PAGE = "SELECT * FROM indicators ORDER BY period_start DESC, period_end DESC, id DESC LIMIT 200"
BARE_BY_VALUE = "SELECT * FROM indicators ORDER BY value LIMIT 200"
_NAMED = "(SELECT id FROM parties WHERE name_en LIKE :w OR name_ru LIKE :w OR name_kk LIKE :w)"
BARE_FILTER = (f"SELECT * FROM indicators WHERE subject_id IN {_NAMED} OR counterpart_id IN {_NAMED} "
               "ORDER BY period_start DESC LIMIT 200")
BARE_CHART = ("SELECT indicator, period_start, period_end, unit, value FROM indicators WHERE subject_id = ? "
              "AND counterpart_id = ? AND indicator IN ('exports', 'imports', 'turnover') ORDER BY period_start")


@dataclass(frozen=True)
class Timing:
    """What a person waits for (median seconds) and the bare query for the same rows."""

    name: str
    seconds: float
    bare: float
    target: float


def median_of(runs: int, action: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    """The median time of ``action`` over ``runs`` runs (``before`` runs untimed ahead of each)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def until_painted(app, widget) -> None:
    """Process events until ``widget`` has been painted (after a show or a change to it)."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        painted = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watcher = Watcher()
    widget.installEventFilter(watcher)
    widget.update()
    deadline = time.perf_counter() + 5
    while not watcher.painted and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(watcher)


def measure(path: Path, runs: int = 7) -> list[Timing]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from db.file.connection import open_database
    from db.read.record_lists import INDICATORS
    from db.read.trade import trade_pairs
    from desktop.tabs.list_tab import ListTab

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(path, read_only=True)
    bare = db.conn

    def query(sql: str, params=()) -> Callable[[], object]:
        return lambda: bare.execute(sql, params).fetchall()

    tabs: list[ListTab] = []

    def first_page() -> None:
        tab = ListTab(db, INDICATORS, filter_placeholder="")
        tab.resize(1200, 700)
        tab.show()
        until_painted(app, tab.table.viewport())
        tabs.append(tab)

    def dispose() -> None:
        while tabs:
            tabs.pop().deleteLater()
        app.processEvents()

    results = [Timing("Trade table: first page", median_of(runs, first_page, dispose),
                      median_of(runs, query(BARE_FIRST_PAGE)), 0.1)]
    dispose()
    first_page()
    tab = tabs[0]
    value_column = [c.key for c in INDICATORS.columns].index("value")

    def unsorted() -> None:
        tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        app.processEvents()

    def sort_by_value() -> None:
        tab.table.sortByColumn(value_column, Qt.SortOrder.AscendingOrder)
        until_painted(app, tab.table.viewport())

    results.append(Timing("Trade table: sort by value", median_of(runs, sort_by_value, unsorted),
                          median_of(runs, query(BARE_BY_VALUE)), 0.2))
    unsorted()

    def no_filter() -> None:
        tab.filter_box.clear()
        QTest.keyClick(tab.filter_box, Qt.Key.Key_Return)
        app.processEvents()

    def filter_by_party() -> None:
        tab.filter_box.setText(FILTER_TEXT)
        QTest.keyClick(tab.filter_box, Qt.Key.Key_Return)
        until_painted(app, tab.table.viewport())

    results.append(Timing(f"Trade table: filter by party (“{FILTER_TEXT}”)",
                          median_of(runs, filter_by_party, no_filter),
                          median_of(runs, query(BARE_FILTER, {"w": f"%{FILTER_TEXT}%"})), 0.2))
    dispose()

    from desktop.trade.panel import TradePanel  # loads pyqtgraph: not part of the timings

    subject, counterpart, _count = trade_pairs(db, limit=1)[0]
    other = trade_pairs(db, limit=2)[1]
    panel = TradePanel(db)
    panel.resize(1000, 420)
    panel.show()

    def draw(pair: tuple[int, int]) -> None:
        panel.show_pair(*pair)
        until_painted(app, panel.chart.view.viewport())

    results.append(Timing("Trade chart: busiest pair", median_of(
        runs, lambda: draw((subject, counterpart)), lambda: draw(other[:2])),
        median_of(runs, query(BARE_CHART, (subject, counterpart))), 0.3))
    panel.deleteLater()
    app.processEvents()
    db.close()
    return results


def main() -> None:
    for timing in measure(Path(sys.argv[1])):
        print(f"{timing.name:45s} {timing.seconds * 1000:8.1f} ms   {timing.seconds / timing.bare:7.1f}× "
              f"the bare SQL ({timing.bare * 1000:.1f} ms)   target ≤ {timing.target * 1000:.0f} ms")


if __name__ == "__main__":
    main()
