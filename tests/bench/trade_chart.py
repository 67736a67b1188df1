"""How fast the Trade tab draws a busy pair's chart on a large database.

    python -m tests.bench.trade_chart BIG.factsheet

Opens the file read-only (make one with ``python -m tests.bench.bigdata``), finds the pair
with the most trade figures, and times, each as the best of a few runs: choosing that pair
(SQL over the whole table), reading its series and cards (SQL aggregates), drawing the
chart for each kind of period (pyqtgraph, rendered to an image as the screen would be), the
whole panel from "show this pair" to painted, and the data-quality markers of one page of
the figures list. The baseline is the same panel for the seed pair's five figures, drawn
in the same run, so ratios hold on any machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.bench.timing import best

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from db.file.connection import open_database
    from db.read import queries
    from db.read.listings import page
    from db.read.other_figures import latest_other_figures
    from db.read.record_lists import INDICATORS
    from db.read.trade import trade_pairs, trade_series
    from desktop.common import quality

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(Path(sys.argv[1]), read_only=True)
    rows = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
    from desktop.trade.panel import TradePanel  # imports pyqtgraph: not part of the timings

    panel = TradePanel(db)
    panel.resize(1000, 420)
    panel.show()

    def draw_pair(pair: tuple[int, int]) -> None:
        panel.show_pair(*pair)
        app.processEvents()
        panel.chart.view.grab()

    seed_pair = (queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Russian Federation")[0].id)
    baseline = best(lambda: draw_pair(seed_pair))
    choose = best(lambda: trade_pairs(db, limit=1))
    subject, counterpart, count = trade_pairs(db, limit=1)[0]
    busy = (subject, counterpart)
    read = best(lambda: (trade_series(db, *busy), latest_other_figures(db, *busy)))
    whole = best(lambda: draw_pair(busy))
    print(f"{rows:,} indicator rows; busiest pair has {count} trade figures")
    print(f"baseline: seed pair drawn in {baseline * 1000:.0f} ms")
    print(f"choosing the busiest pair (first visit only): {choose * 1000:.0f} ms ({choose / baseline:.1f}x)")
    print(f"reading its series and cards in SQL: {read * 1000:.1f} ms ({read / baseline:.2f}x)")
    print(f"panel from 'show pair' to painted (years): {whole * 1000:.0f} ms ({whole / baseline:.1f}x)")
    series = panel.all_series[0]
    for group in series.groups():
        only = series.only(group)

        def draw(only=only) -> None:
            panel.chart.show_series(only, title="bench", note="")
            app.processEvents()
            panel.chart.view.grab()

        took = best(draw)
        print(f"  chart of {len(only.periods):4d} {group:8s}: {took * 1000:.0f} ms ({took / baseline:.1f}x)")
    ids = {r[0] for r in page(db, INDICATORS, offset=0, limit=200)}
    markers = best(lambda: quality.record_notes(db, "indicator", ids))
    print(f"data-quality markers for one page of 200 figures: {markers * 1000:.1f} ms ({markers / baseline:.2f}x)")
    db.close()


if __name__ == "__main__":
    main()
