"""A data-rich pair, built the way a user would: the seed, then files brought in with Import….

On top of the seed, two statistics releases as indicator CSV files and one JSON bundle, each
imported with ``db.exchange.imports.import_file`` (what File ▸ Import… and ``factsheet import``
run):

- the Abai region's trade with the Russian Federation as Kazakhstan reports it: exports,
  imports and turnover for every month from January 2019 to September 2025, every quarter,
  every whole year 2019–2024, and the year-to-date spans of 2024 and 2025 (Jan–Feb … Jan–Nov);
- the same trade as Russia reports it: the Russian Federation's exports to and imports from
  the Abai region (the mirror flows, valued a few per cent apart), months, quarters, years and
  year-to-date spans alike;
- 30 agreements (in force, expiring, expired, not yet in force, without stated validity,
  drafts), 40 positions of 30 officials on both sides, and 12 events.

    python -m tests.db.sheet.rich_data FILE   builds it at FILE
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from db.exchange.imports import import_file
from db.file.connection import open_database
from db.model.dates import last_day_of_month
from db.seed import load_seed

RICH_AS_OF = dt.date(2025, 12, 15)
LAST_MONTH = dt.date(2025, 9, 1)  # the releases run to September 2025
KZ_SOURCE = ("Bureau of National Statistics: foreign trade of the Abai region, January–September 2025",
             "https://stat.gov.kz/ru/industries/economy/foreign-market/", "2025-11-14")
RU_SOURCE = ("Federal Customs Service: trade of the Russian Federation with the regions of Kazakhstan",
             "https://customs.gov.ru/statistic", "2025-11-20")
AGREEMENTS, POSITIONS, PEOPLE = 30, 40, 30
HEADER = ("subject", "counterpart", "reporter", "indicator", "period_start", "period_end", "value", "unit",
          "source_title", "source_url", "source_published", "notes")


def _months() -> list[dt.date]:
    months, day = [], dt.date(2019, 1, 1)
    while day <= LAST_MONTH:
        months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def monthly_values() -> dict[dt.date, tuple[float, float]]:
    """Exports and imports of the Abai region with Russia each month, as Kazakhstan reports them."""
    values = {}
    for n, month in enumerate(_months()):
        season = (month.month % 6) * 0.4
        values[month] = (round(11.0 + n * 0.05 + season, 1), round(12.5 + n * 0.04 + (month.month % 4) * 0.5, 1))
    return values


def _spans() -> list[tuple[dt.date, dt.date, list[dt.date]]]:
    """Every period released: months, quarters, whole years and year-to-date spans, with their months."""
    months = _months()
    spans = [(m, last_day_of_month(m.year, m.month), [m]) for m in months]
    for year in range(2019, 2026):
        for quarter in range(4):
            inside = [m for m in months if m.year == year and (m.month - 1) // 3 == quarter]
            if len(inside) == 3:
                spans.append((inside[0], last_day_of_month(year, inside[-1].month), inside))
        inside = [m for m in months if m.year == year]
        if len(inside) == 12:
            spans.append((dt.date(year, 1, 1), dt.date(year, 12, 31), inside))
        if year in (2024, 2025):
            for last in range(2, 12):  # Jan–Mar is the first quarter, already released
                part = [m for m in inside if m.month <= last]
                if len(part) == last and last != 3:
                    spans.append((dt.date(year, 1, 1), last_day_of_month(year, last), part))
    return spans


def trade_rows() -> list[tuple]:
    values = monthly_values()
    rows = []
    for start, end, months in _spans():
        exports = round(sum(values[m][0] for m in months), 1)
        imports = round(sum(values[m][1] for m in months), 1)
        kz = KZ_SOURCE
        rows += [("Abai region", "Russian Federation", "Kazakhstan", "exports", start, end, exports, "USD million", *kz,
                  "Goods exported from the Abai region to the Russian Federation (FOB)."),
                 ("Abai region", "Russian Federation", "Kazakhstan", "imports", start, end, imports, "USD million", *kz,
                  "Goods imported into the Abai region from the Russian Federation (CIF)."),
                 ("Abai region", "Russian Federation", "Kazakhstan", "turnover", start, end,
                  round(exports + imports, 1), "USD million", *kz, "")]
        ru = RU_SOURCE
        rows += [("Russian Federation", "Abai region", "Russian Federation", "imports", start, end,
                  round(exports * 1.043, 1), "USD million", *ru, "Russia's imports from the Abai region (CIF)."),
                 ("Russian Federation", "Abai region", "Russian Federation", "exports", start, end,
                  round(imports * 0.968, 1), "USD million", *ru, "Russia's exports to the Abai region (FOB).")]
    return rows


def write_trade_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for subject, counterpart, reporter, indicator, start, end, value, unit, title, url, published, notes in \
                trade_rows():
            writer.writerow((subject, counterpart, reporter, indicator, start.isoformat(), end.isoformat(), value,
                             unit, title, url, published, notes))
    return path


def _agreement(n: int) -> dict:
    year = 2016 + n % 10
    kind = ("agreement", "memorandum", "roadmap", "programme", "protocol")[n % 5]
    record = {"ref": f"agreement-{n}", "title": f"{kind.capitalize()} {n} on cooperation of the Abai and Omsk regions "
                                                f"in {('agriculture', 'transport', 'education', 'health', 'water use', 'tourism')[n % 6]}",
              "kind": kind, "signed_date": f"{year}-{1 + n % 12:02d}", "status": "signed",
              "parties": [{"ref": "akimat"}, {"ref": "government"}], "sources": [{"ref": "bundle-source"}]}
    if n % 6 == 0:  # no validity stated
        pass
    elif n % 6 == 1:  # ends within 180 days of the as-of day
        record.update(valid_from=str(year), valid_until="2026-03")
    elif n % 6 == 2:
        record.update(valid_from=str(year), valid_until=str(year + 3), status="expired" if n % 4 else "signed")
    elif n % 6 == 3:
        record.update(valid_from="2026-06", valid_until="2030")
    elif n % 6 == 4:
        record.update(valid_from=str(year), valid_until="2029", status="in_force")
    else:
        record.update(status="draft")
    return record


def bundle() -> dict:
    people = [{"ref": f"person-{n}", "name_en": f"Official {n:02d}", "name_ru": f"Должностное лицо {n:02d}",
               "sources": [{"ref": "bundle-source"}]} for n in range(PEOPLE)]
    positions = []
    for n in range(POSITIONS):
        person = n if n < PEOPLE else n - PEOPLE
        start = f"{2018 + n % 7}-{1 + n % 12:02d}" if n % 5 else None
        positions.append({"ref": f"position-{n}", "person_id": f"person-{person}",
                          "title": f"{('Deputy head', 'Head', 'Adviser')[n % 3]} of department {n + 1}",
                          "body_id": "akimat" if n % 2 == 0 else "government", "start_date": start,
                          "verified_on": "2025-11-01" if n % 3 else "2024-05-20",
                          "sources": [{"ref": "bundle-source"}]})
    events = [{"ref": f"event-{n}", "kind": ("meeting", "visit", "forum")[n % 3],
               "title": f"Working group meeting {n + 1} on trade and logistics",
               "place": "Semey" if n % 2 else "Omsk", "start_date": f"{2024 + n // 6}-{1 + (n * 2) % 12:02d}",
               "status": "held" if n < 8 else "planned",
               "parties": [{"ref": "akimat"}, {"ref": "government"}], "sources": [{"ref": "bundle-source"}]}
              for n in range(12)]
    return {"format": "factsheet-bundle", "version": 2, "records": {
        "sources": [{"ref": "bundle-source", "title": "Register of agreements and officials of the Abai region",
                     "publisher": "Administration of the Abai region", "published": "2025-11-05"}],
        "parties": [{"ref": "kz", "kind": "country", "name_en": "Kazakhstan"},
                    {"ref": "ru", "kind": "country", "name_en": "Russian Federation"},
                    {"ref": "abai", "kind": "region", "name_en": "Abai region", "parent_id": "kz"},
                    {"ref": "omsk", "kind": "region", "name_en": "Omsk region", "parent_id": "ru"},
                    {"ref": "akimat", "kind": "body", "name_en": "Administration (akimat) of the Abai region",
                     "parent_id": "abai"},
                    {"ref": "government", "kind": "body", "name_en": "Government of the Omsk region",
                     "parent_id": "omsk"}],
        "people": people, "positions": positions, "events": events,
        "agreements": [_agreement(n) for n in range(AGREEMENTS)]}}


def build_rich_database(path: Path) -> Path:
    """The seed and the three imports in a new database file at ``path`` (closed)."""
    db = open_database(path)
    try:
        load_seed(db)
        with tempfile.TemporaryDirectory() as folder:
            trade = write_trade_csv(Path(folder) / "abai-russia-trade.csv")
            records = Path(folder) / "register.json"
            records.write_text(json.dumps(bundle(), ensure_ascii=False), encoding="utf-8")
            import_file(db, trade)
            import_file(db, records)
    finally:
        db.close()
    return path


if __name__ == "__main__":
    print(build_rich_database(Path(sys.argv[1])))
