"""Generate a large database (default 1,000,000 indicator rows) in a few seconds.

Used by the benchmarks and by tests that prove views page through SQL. The rows are plain
SQL inserts in one transaction on top of the seed data set: many parties, monthly,
quarterly and yearly periods, the three trade flows and a few other indicators.

    python -m tests.bench.bigdata OUT.factsheet [--rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from db.file.connection import open_database
from db.file.database import FactSheetDatabase
from db.model.dates import last_day_of_month
from db.seed import load_seed

REGIONS = 40
INDICATORS = ("exports", "imports", "turnover", "investment_inflow", "enterprise_count", "tourist_arrivals")


def _periods() -> list[tuple[str, str]]:
    periods = []
    for year in range(1995, 2026):
        periods.append((dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()))
        for quarter in range(4):
            start = dt.date(year, quarter * 3 + 1, 1)
            periods.append((start.isoformat(), last_day_of_month(year, quarter * 3 + 3).isoformat()))
        for month in range(1, 13):
            periods.append((dt.date(year, month, 1).isoformat(), last_day_of_month(year, month).isoformat()))
    return periods


def make_big_database(path: Path, rows: int = 1_000_000, *, seed: int = 7) -> FactSheetDatabase:
    """Create ``path`` with the seed data plus ``rows`` generated indicator rows."""
    db = open_database(path)
    load_seed(db)
    rng = random.Random(seed)
    source = db.execute("SELECT id FROM sources").fetchone()[0]
    countries = [r[0] for r in db.execute("SELECT id FROM parties WHERE kind = 'country'")]
    # Indexes are rebuilt once after the insert: far faster than maintaining them row by row.
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         "AND tbl_name IN ('indicators', 'indicators_sources')").fetchall()
    db.execute("PRAGMA synchronous = OFF")
    with db.atomic():
        for name, _sql in indexes:
            db.execute(f"DROP INDEX {name}")
        cursor = db.conn.cursor()
        regions = []
        for n in range(REGIONS):
            cursor.execute("INSERT INTO parties (kind, name_en, name_ru, parent_id) VALUES ('region', ?, ?, ?)",
                           [f"Region {n:02d}", f"Область {n:02d}", countries[n % len(countries)]])
            regions.append(cursor.lastrowid)
        parties = regions + countries
        periods = _periods()

        def generate():
            for _ in range(rows):
                subject = rng.choice(regions)
                counterpart = rng.choice(parties)
                start, end = rng.choice(periods)
                name = rng.choice(INDICATORS)
                unit = "enterprises" if name == "enterprise_count" else "USD million"
                yield (subject, counterpart, name, start, end, round(rng.uniform(0, 5000), 1), unit, source)

        cursor.executemany(
            "INSERT INTO indicators (subject_id, counterpart_id, indicator, period_start, period_end, value, unit, "
            "source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", generate())
        for _name, sql in indexes:
            db.execute(sql)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("ANALYZE")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    make_big_database(args.out, args.rows).close()
    print(args.out)


if __name__ == "__main__":
    main()
