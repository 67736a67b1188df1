"""The fact sheet of the densest pair in a million-figure file: the command and Print Preview.

    python -m tests.bench.dense_sheet BIG.factsheet      (make it with tests.bench.bigdata)

The densest pair is the two regions whose sheet reads the most figures (each with every
other region and country in the file, a few thousand of them). ``factsheet pdf`` for it is
timed as a separate process (what a person waits for on the command line, Python and Qt
starting included); Print Preview as the window opens it: the sheet composed, fitted to its
two pages and every page painted, on the window's printer.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHEET_DAY = dt.date(2025, 7, 2)


def dense_pair(path: Path) -> tuple[str, str, int]:
    """(first region, second region, figures its sheet reads) for the densest pair of regions."""
    from db.file.connection import open_database
    from db.read import pair_facts, queries

    db = open_database(path, read_only=True)
    try:
        (a, b), = db.execute(
            "SELECT subject_id, counterpart_id FROM indicators WHERE subject_id IN (SELECT id FROM parties WHERE "
            "kind = 'region' AND name_en LIKE 'Region %') AND counterpart_id IN (SELECT id FROM parties WHERE "
            "kind = 'region' AND name_en LIKE 'Region %') GROUP BY subject_id, counterpart_id "
            "ORDER BY count(*) DESC LIMIT 1").fetchall()
        count = len(pair_facts.pair_entries(db, queries.pair_scope(db, a, b), dt.date.max))
        return queries.party_name(db, a), queries.party_name(db, b), count
    finally:
        db.close()


def preview_seconds(path: Path, runs: int = 3) -> float:
    """The best time to open Print Preview on the densest pair, from the action to every page painted."""
    from PySide6.QtWidgets import QApplication

    from db.file.connection import open_database
    from db.read import queries
    from desktop.factsheet.preview import PreviewDialog
    from desktop.gui import create_application
    from desktop.window.main_window import MainWindow

    first, second, _count = dense_pair(path)
    create_application()
    db = open_database(path, read_only=True)
    window = MainWindow(db)
    try:
        a, b = (queries.find_parties(db, name)[0].id for name in (first, second))
        window.overview.set_pair(a, b)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            dialog = PreviewDialog(window.factsheet_actions, window)
            QApplication.processEvents()
            times.append(time.perf_counter() - started)
            assert dialog.view.pageCount() >= 1
            dialog.deleteLater()
        return min(times)
    finally:
        window.close()
        window.deleteLater()
        db.close()


def main() -> None:
    path = Path(sys.argv[1])
    first, second, count = dense_pair(path)
    print(f"densest pair: {first} – {second}, {count:,} figures")
    print(f"Print Preview opens in {preview_seconds(path):.2f} s")


if __name__ == "__main__":
    main()
