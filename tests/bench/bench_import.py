"""Benchmark: importing an indicator CSV against two plain ways of putting the same file in a database.

Prints times and the ratios measured in the same run (never asserted; machines differ):

    python -m tests.bench.bench_import [--rows 1000000] [--dir /tmp/bench]

Two baselines, each reading the same file with ``csv.reader`` in one transaction of a
database opened the same way:
- *bare*: its cells inserted as they are into a table of ten text columns, no checks, no
  indexes (``baseline``);
- *same schema*: the figures inserted into Fact Sheet's own tables with no validation at all
  — party and source names looked up in a dictionary (created on first sight), the value
  through ``float`` — the way a quick script would do it, with the indexes dropped and
  built again afterwards as the import does for a large file (``same_schema``).
The import parses, checks every row by the editor's rules, matches parties and sources,
skips figures already present and writes figures with their source links and indexes;
its ratio to the same-schema insert is what validation costs, its ratio to the bare table
what the schema costs besides. A second import of the same file is timed too.
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


def same_schema(path: Path, db_path: Path) -> float:
    """Seconds for csv.reader + executemany of the figures into Fact Sheet's own tables, unchecked."""
    db = open_database(_fresh(db_path))
    load_seed(db)
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle, db.atomic():
        db.execute("PRAGMA cache_size = -262144")
        indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicators' "
                             "AND sql IS NOT NULL").fetchall()
        for name, _sql in indexes:
            db.execute(f'DROP INDEX "{name}"')
        reader = csv.reader(handle)
        at = {name: i for i, name in enumerate(next(reader))}
        parties: dict[str, int] = {}
        sources: dict[tuple, int] = {}

        def party(name: str) -> int:
            found = parties.get(name)
            if found is None:
                found = parties[name] = db.execute(
                    "INSERT INTO parties (kind, name_en) VALUES ('region', ?)", [name]).lastrowid
            return found

        def source(key: tuple) -> int:
            found = sources.get(key)
            if found is None:
                found = sources[key] = db.execute("INSERT INTO sources (title, url, published) VALUES (?, ?, ?)",
                                                  list(key)).lastrowid
            return found

        base = db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
        s, c, i, ps, pe, v, u = (at[n] for n in ("subject", "counterpart", "indicator", "period_start",
                                                 "period_end", "value", "unit"))
        t, w, p = at["source_title"], at["source_url"], at["source_published"]
        figures, links = [], []
        for n, row in enumerate(reader, start=1):
            figures.append((base + n, party(row[s]), party(row[c]), row[i], row[ps], row[pe], float(row[v]), row[u]))
            links.append((base + n, source((row[t], row[w], row[p]))))
            if len(figures) >= 20_000:
                db.conn.executemany(_PLAIN_FIGURE, figures)
                db.conn.executemany("INSERT INTO indicators_sources (indicator_id, source_id) VALUES (?, ?)", links)
                figures.clear()
                links.clear()
        db.conn.executemany(_PLAIN_FIGURE, figures)
        db.conn.executemany("INSERT INTO indicators_sources (indicator_id, source_id) VALUES (?, ?)", links)
        for _name, sql in indexes:
            db.execute(sql)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


_PLAIN_FIGURE = ("INSERT INTO indicators (id, subject_id, counterpart_id, indicator, period_start, period_end, "
                 "value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


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
    print(f"csv + executemany, bare table   {base:7.2f} s")
    plain = same_schema(csv_path, folder / "plain.factsheet")
    print(f"csv + executemany, same schema  {plain:7.2f} s   {plain / base:.2f}× the bare table")
    first, second, summary = timed_import(csv_path, folder / "import.factsheet")
    print(f"factsheet import                {first:7.2f} s   {first / plain:.2f}× the same-schema insert, "
          f"{first / base:.2f}× the bare table")
    print(f"same file again (all present)   {second:7.2f} s   {second / plain:.2f}× the same-schema insert")
    print(summary)


if __name__ == "__main__":
    main()
