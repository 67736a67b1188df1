"""Benchmark: a million figures in the Trade list, against the obvious SQL for the same rows.

Prints, for the first page, a deep page, each header sort and a few filters, the time the
list takes (labels, party names and source titles included) and its multiple of the bare
query a person would write for the same rows (``SELECT * … ORDER BY … LIMIT 200``, names
matched with ``LIKE`` in a subquery), measured in the same run and never asserted:

    python -m tests.bench.bench_tables [FILE.factsheet]   (made with tests.bench.bigdata if absent)

Also prints how long opening the file takes (its integrity check) and how soon the
window's model shows the first rows, and when the count it leaves to a worker arrives.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from db.file.connection import open_database
from db.read import listings, record_lists
from tests.bench.bigdata import make_big_database
from tests.bench.timing import best

L = record_lists.INDICATORS

def line(name: str, seconds: float, bare: float | None = None) -> None:
    ratio = f"   {seconds / bare:6.2f}× the bare SQL ({bare * 1000:7.1f} ms)" if bare else ""
    print(f"{name:46s} {seconds * 1000:8.1f} ms{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    args = parser.parse_args()
    path = args.file or Path(tempfile.mkdtemp(prefix="factsheet-bench-")) / "big.factsheet"
    if not path.exists():
        print(f"making {path} …")
        make_big_database(path).close()

    started = time.perf_counter()
    db = open_database(path)
    line("open the file (integrity check, migrations)", time.perf_counter() - started)
    started = time.perf_counter()
    db.execute("PRAGMA quick_check").fetchall()
    line("  of which PRAGMA quick_check", time.perf_counter() - started)
    total = listings.count(db, L)
    print(f"{total:,} figures\n")

    def bare(sql: str, params: list | None = None) -> float:
        return best(lambda: db.execute(sql, params or []).fetchall())

    line("first page", best(lambda: listings.page(db, L)),
         bare("SELECT * FROM indicators ORDER BY period_start DESC LIMIT 200"))
    line("page at row 500,000", best(lambda: listings.page(db, L, offset=500_000, total=total)),
         bare("SELECT * FROM indicators ORDER BY period_start DESC LIMIT 200 OFFSET 500000"))
    line("last page", best(lambda: listings.page(db, L, offset=total - 200, total=total)),
         bare(f"SELECT * FROM indicators ORDER BY period_start DESC LIMIT 200 OFFSET {total - 200}"))
    line("count (every row)", best(lambda: listings.count(db, L)), bare("SELECT count(*) FROM indicators"))
    print()
    obvious = {
        "subject": "SELECT i.* FROM indicators i JOIN parties p ON p.id = i.subject_id ORDER BY p.name_en",
        "counterpart": "SELECT i.* FROM indicators i LEFT JOIN parties p ON p.id = i.counterpart_id "
                       "ORDER BY p.name_en",
        "indicator": "SELECT * FROM indicators ORDER BY indicator",
        "period": "SELECT * FROM indicators ORDER BY period_start",
        "value": "SELECT * FROM indicators ORDER BY value",
        "unit": "SELECT * FROM indicators ORDER BY unit",
    }
    for column in L.columns:
        if not column.sortable:
            print(f"sort by {column.key:38s} (not sortable: a figure may have several sources)")
            continue
        for descending in (False, True):
            name = f"sort by {column.key}{' (descending)' if descending else ''}"
            line(name, best(lambda c=column.key, d=descending: listings.page(db, L, sort=c, descending=d)),
                 bare(f"{obvious[column.key]}{' DESC' if descending else ''} LIMIT 200"))
        line("  page at row 500,000", best(lambda c=column.key: listings.page(
            db, L, sort=c, offset=500_000, total=total)), bare(f"{obvious[column.key]} LIMIT 200 OFFSET 500000"))
    print()
    named = ("(SELECT id FROM parties WHERE name_en LIKE :w OR name_ru LIKE :w OR name_kk LIKE :w)")
    for text in ("Region 05", "Kazakhstan", "область", "no such words"):
        where = f"WHERE subject_id IN {named} OR counterpart_id IN {named}"
        pattern = {"w": f"%{text}%"}
        line(f"filter “{text}”: count", best(lambda t=text: listings.count(db, L, filter_text=t)),
             best(lambda w=where, p=pattern: db.execute(f"SELECT count(*) FROM indicators {w}", p).fetchall()))
        line(f"filter “{text}”: first page", best(lambda t=text: listings.page(db, L, filter_text=t)),
             best(lambda w=where, p=pattern: db.execute(
                 f"SELECT * FROM indicators {w} ORDER BY period_start DESC LIMIT 200", p).fetchall()))
    print()
    times = [best(lambda r=rid: listings.position_of(db, L, r)) for rid in (1, total // 2, total)]
    line("find a record's row (median)", statistics.median(times))
    _model(db)


def _model(db) -> None:
    """The window's model: how soon the first rows show, and the count left to a worker."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from desktop.tabs.table_model import ListingModel

    app = QCoreApplication.instance() or QCoreApplication([])
    started = time.perf_counter()
    model = ListingModel(db, L)
    model.data(model.index(0, 0))
    line("model: first rows shown", time.perf_counter() - started)
    while not model.counted:
        app.processEvents()
        time.sleep(0.005)
    line("model: count arrived from the worker", time.perf_counter() - started)


if __name__ == "__main__":
    main()
