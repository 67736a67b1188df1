"""A pair whose figures were published in different scales, built the way a user would: the
seed, then a statistics table and a JSON bundle brought in with Import….

- ``stat.csv``, the Bureau of National Statistics' table in "тыс. долл. США" (stored as USD
  thousand): the Abai region's exports to, imports from and turnover with the Russian
  Federation for 2019–2023 (no reporter named, like the seed's article), its turnover for
  2023 in "млрд тенге" too, and investment from Russia for 2023 and 2024 as the akimat
  reports it (the seed gives 2024 as USD 507 million);
- ``news.json``, a news item and a customs release in USD million: the Abai region's trade
  for 2024, its turnover for 2023 (128.6, against the Bureau's 130 000 thousand: the records
  disagree) and its exports for 2022 (60.2, the Bureau's 60 200 thousand: they agree); and
  the Russian Federation's imports from the Abai region for 2023 and 2024 as Russia reports
  them (the mirror of the Abai region's exports).

    python -m tests.db.scales_data FILE   builds it at FILE
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path

from db.exchange.imports import import_file
from db.file.connection import open_database
from db.seed import load_seed

HEADER = ("subject", "counterpart", "reporter", "indicator", "period_start", "period_end", "value", "unit",
          "source_title", "source_url", "source_published")
BUREAU = ("Bureau of National Statistics: foreign trade of the Abai region, 2019–2023",
          "https://stat.gov.kz/ru/industries/economy/foreign-market/", "2024-03-15")
AKIMAT = "Administration (akimat) of the Abai region"
# Exports, imports and turnover of the Abai region with Russia, in USD thousand.
BUREAU_YEARS = {2019: (52300, 61200, 113500), 2020: (48100, 57900, 106000), 2021: (55400, 60800, 116200),
                2022: (60200, 65100, 125300), 2023: (62000, 68000, 130000)}


def _year(year: int) -> tuple[str, str]:
    return f"{year}-01-01", f"{year}-12-31"


def stat_rows() -> list[tuple]:
    rows = []
    for year, values in BUREAU_YEARS.items():
        for name, value in zip(("exports", "imports", "turnover"), values, strict=True):
            rows.append(("Abai region", "Russian Federation", "", name, *_year(year), value, "тыс. долл. США", *BUREAU))
    rows.append(("Abai region", "Russian Federation", "", "turnover", *_year(2023), 59.8, "млрд тенге", *BUREAU))
    for year, value in ((2023, 412300), (2024, 507000)):
        rows.append(("Abai region", "Russian Federation", AKIMAT, "investment_inflow", *_year(year), value,
                     "тыс. долл. США", *BUREAU))
    return rows


def write_stat_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(stat_rows())
    return path


def _figure(ref: str, subject: str, counterpart: str, name: str, year: int, value: float, source: str,
            reporter: str | None = None) -> dict:
    start, end = _year(year)
    record = {"ref": ref, "subject_id": subject, "counterpart_id": counterpart, "indicator": name,
              "period_start": start, "period_end": end, "value": value, "unit": "USD million",
              "sources": [{"ref": source}]}
    if reporter:
        record["reporter_id"] = reporter
    return record


def news_bundle() -> dict:
    figures = [_figure(f"abai-{name}-2024", "abai", "ru", name, 2024, value, "news")
               for name, value in (("exports", 66.5), ("imports", 71.2), ("turnover", 137.7))]
    figures += [_figure("abai-turnover-2023", "abai", "ru", "turnover", 2023, 128.6, "news"),
                _figure("abai-exports-2022", "abai", "ru", "exports", 2022, 60.2, "news"),
                _figure("ru-imports-2023", "ru", "abai", "imports", 2023, 64.9, "customs", "ru"),
                _figure("ru-imports-2024", "ru", "abai", "imports", 2024, 69.3, "customs", "ru")]
    return {"format": "factsheet-bundle", "version": 2, "records": {
        "sources": [{"ref": "news", "title": "Trade of the Abai region with Russia grew in 2024",
                     "publisher": "Kazinform", "published": "2025-02-10"},
                    {"ref": "customs", "title": "Federal Customs Service: trade with the regions of Kazakhstan",
                     "publisher": "Federal Customs Service", "published": "2025-03-01"}],
        "parties": [{"ref": "kz", "kind": "country", "name_en": "Kazakhstan"},
                    {"ref": "ru", "kind": "country", "name_en": "Russian Federation"},
                    {"ref": "abai", "kind": "region", "name_en": "Abai region", "parent_id": "kz"}],
        "indicators": figures}}


def import_mixed_scales(db, folder: Path) -> None:
    """Import the statistics table and the bundle into ``db`` (which holds the seed)."""
    import_file(db, write_stat_csv(folder / "stat.csv"))
    bundle = folder / "news.json"
    bundle.write_text(json.dumps(news_bundle(), ensure_ascii=False), encoding="utf-8")
    import_file(db, bundle)


def build_scales_database(path: Path) -> Path:
    """The seed and both imports in a new database file at ``path`` (closed)."""
    db = open_database(path)
    try:
        load_seed(db)
        with tempfile.TemporaryDirectory() as folder:
            import_mixed_scales(db, Path(folder))
    finally:
        db.close()
    return path


if __name__ == "__main__":
    print(build_scales_database(Path(sys.argv[1])))
