"""A multi-year trade data set for the Trade tab: Abai region – Russian Federation, 2019–2025.

Whole years 2019–2024, Jan–May 2024 (to compare with the seed's Jan–May 2025) and the
quarters of 2024 and Q1 2025, from a statistics release; added on top of the seed.

    python -m tests.desktop.trade_data FILE   adds them to a copy of the seed at FILE
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from db import store
from db.model.dates import last_day_of_month
from db.model.records import Indicator, Link, Source
from db.read import queries

YEARS = {  # year: (exports, imports); turnover is their sum
    2019: (141.2, 162.5), 2020: (118.7, 139.0), 2021: (150.3, 171.8), 2022: (176.9, 190.4),
    2023: (168.1, 183.7), 2024: (172.4, 176.0),
}
JAN_MAY_2024 = (64.0, 66.3, 130.3)
QUARTERS = {  # (year, quarter): (exports, imports)
    (2024, 1): (38.2, 40.1), (2024, 2): (44.0, 45.5), (2024, 3): (45.1, 44.9), (2024, 4): (45.1, 45.5),
    (2025, 1): (39.6, 41.2),
}


def add_multi_year(db) -> dict[str, int]:
    """Add the figures; return the new source's id and how many figures were added."""
    abai = queries.find_parties(db, "Abai region")[0].id
    russia = queries.find_parties(db, "Russian Federation")[0].id
    source = store.save(db, Source(title="Bureau of National Statistics: foreign trade of the Abai region",
                                   publisher="Bureau of National Statistics", published=dt.date(2025, 7, 15)))
    added = 0

    def figure(name: str, start: dt.date, end: dt.date, value: float) -> None:
        nonlocal added
        store.save(db, Indicator(subject_id=abai, counterpart_id=russia, indicator=name, period_start=start,
                                 period_end=end, value=value, unit="USD million", sources=[Link(source)]))
        added += 1

    for year, (exports, imports) in YEARS.items():
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        figure("exports", start, end, exports)
        figure("imports", start, end, imports)
        figure("turnover", start, end, round(exports + imports, 1))
    for name, value in zip(("exports", "imports", "turnover"), JAN_MAY_2024, strict=True):
        figure(name, dt.date(2024, 1, 1), dt.date(2024, 5, 31), value)
    for (year, quarter), (exports, imports) in QUARTERS.items():
        start = dt.date(year, quarter * 3 - 2, 1)
        end = last_day_of_month(year, quarter * 3)
        figure("exports", start, end, exports)
        figure("imports", start, end, imports)
    return {"source": source, "figures": added}


if __name__ == "__main__":
    from db.file.connection import open_database
    from db.seed import load_seed

    path = Path(sys.argv[1])
    database = open_database(path)
    if not database.execute("SELECT count(*) FROM parties").fetchone()[0]:
        load_seed(database)
    print(add_multi_year(database))
    database.close()
