"""Capture on the corpus of news items: a table per kind (proposed, right, missed, wrong).

    python -m tests.bench.bench_capture

Runs capture on every article of ``tests/db/capture/articles`` against an empty database,
scores it against the hand-written keys, and prints the table with the time it took
(natasha's first load included). Nothing is asserted here; ``tests/db/capture`` holds the
floors.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def measure() -> tuple[str, float, int]:
    """(the table, seconds for the whole corpus, number of articles)."""
    from db.file.connection import open_database
    from tests.db.capture.corpus import articles, score, table

    with tempfile.TemporaryDirectory(prefix="factsheet-capture-") as folder:
        db = open_database(Path(folder) / "empty.factsheet")
        started = time.perf_counter()
        tallies, _results = score(db)
        took = time.perf_counter() - started
        db.close()
    return table(tallies), took, len(articles())


def main() -> None:
    text, took, count = measure()
    print(f"Capture on {count} news items ({took:.1f} s, natasha's first load included):\n")
    print(text)


if __name__ == "__main__":
    main()
