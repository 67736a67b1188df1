"""Benchmark: importing an indicator CSV against Python's ``csv`` + ``executemany`` of the same file.

Prints times and the ratio measured in the same run (never asserted; machines differ):

    python -m tests.bench.bench_import [--rows 1000000] [--dir /tmp/bench]

The baseline reads the same file with ``csv.reader`` and inserts its cells as they are,
in one transaction, into a table of ten text columns of a database opened the same way;
the import parses, checks every row by the editor's rules, matches parties and sources,
skips figures already present and writes figures with their source links and indexes.
A second import of the same file (everything already present) is timed too.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from db.exchange.figures.importing import import_figures as import_csv
from db.exchange.tables.header import COLUMNS
from db.file.connection import open_database
from db.seed import load_seed
from tests.bench.bigdata import INDICATORS, REGIONS, _periods

COUNTERPARTS = ("Kazakhstan", "Russian Federation", "China", "Germany", "Uzbekistan")


def write_figures_csv(path: Path, rows: int, *, delimiter: str = ",", decimal: str = ".",
                      encoding: str = "utf-8", seed: int = 11) -> Path:
    """A statistics-office CSV of ``rows`` figures about generated regions."""
    rng = random.Random(seed)
    periods = _periods()
    regions = [f"Region {n:02d}" for n in range(REGIONS)]
    with path.open("w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle, delimiter=delimiter)
        out.writerow(COLUMNS)
        for _ in range(rows):
            start, end = rng.choice(periods)
            name = rng.choice(INDICATORS)
            value = f"{rng.uniform(0, 5000):.1f}"
            out.writerow((rng.choice(regions), rng.choice(COUNTERPARTS), name, start, end,
                          value.replace(".", decimal), "enterprises" if name == "enterprise_count" else "USD million",
                          "Foreign trade bulletin", "https://stat.example/bulletin", "2025-03-01"))
    return path


def _fresh(db_path: Path) -> Path:
    for leftover in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return db_path


def baseline(path: Path, db_path: Path) -> float:
    """Seconds for csv.reader + executemany of the file's cells into a plain table."""
    db = open_database(_fresh(db_path))
    db.execute(f"CREATE TABLE raw ({', '.join(f'{c} TEXT' for c in COLUMNS)})")
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle, db.atomic():
        reader = csv.reader(handle)
        next(reader)
        db.conn.executemany(f"INSERT INTO raw VALUES ({', '.join('?' for _ in COLUMNS)})", reader)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def timed_import(path: Path, db_path: Path) -> tuple[float, float, str]:
    """Seconds for a first import into a seeded database and for importing it again."""
    db = open_database(_fresh(db_path))
    load_seed(db)
    started = time.perf_counter()
    report = import_csv(db, path)
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = import_csv(db, path)
    second = time.perf_counter() - started
    db.close()
    return first, second, f"{report.summary()}; again: {again.summary()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="factsheet-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = write_figures_csv(folder / "figures.csv", args.rows)
    size = csv_path.stat().st_size / 1e6
    print(f"{args.rows:,} rows, {size:.0f} MB: {csv_path}")
    base = baseline(csv_path, folder / "baseline.factsheet")
    print(f"csv + executemany (baseline)   {base:7.2f} s")
    first, second, summary = timed_import(csv_path, folder / "import.factsheet")
    print(f"factsheet import                {first:7.2f} s   ratio {first / base:.1f}×")
    print(f"same file again (all present)   {second:7.2f} s   ratio {second / base:.1f}×")
    print(summary)


if __name__ == "__main__":
    main()
