"""How an indicator CSV is written: new rows as they are read, possible repeats compared at the end.

Whatever path a row takes (straight into the table, or staged because its subject already
had figures from its source, or because an earlier row had the same figure), every figure
ends up in the database exactly once, in the file's order, with the indexes intact — in a
small import and in a large one that rebuilds the indexes.
"""

from __future__ import annotations

import pytest

from db.exchange.figures import importing
from db.exchange.figures import writer as figure_writer
from tests.db.exchange.test_indicator_csv import HEADER, _figures, _write

ROW = "{subject},Russian Federation,exports,{year}-01-01,{year}-12-31,{value},USD million,Customs bulletin,,2025-02-01"


def _row(subject: str, value: int, year: int = 2024) -> str:
    return ROW.format(subject=subject, value=value, year=year)


def _indexes(db):
    return sorted(db.execute("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' "
                             "AND tbl_name IN ('indicators', 'indicators_sources')").fetchall())


@pytest.mark.parametrize("rebuild_at", [10, 10**9], ids=["large import", "small import"])
def test_new_present_and_repeated_rows_each_end_up_once_in_file_order(seeded_db, tmp_path, monkeypatch,
                                                                      rebuild_at):
    monkeypatch.setattr(figure_writer, "REBUILD_INDEXES_AT", rebuild_at)
    first = [_row("Abai region", v) for v in range(10)]
    importing.import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + "\n".join(first) + "\n", name="first.csv"))
    indexes = _indexes(seeded_db)

    present = first[:5]  # the same figures from the same source: not added again
    staged_new = [_row("Abai region", v) for v in range(100, 110)]  # subject and source known, figures new
    direct_new = [_row("Pavlodar region", v) for v in range(40)]  # a subject the source never gave
    rows = (direct_new[:20] + present + staged_new[:5] + [direct_new[3]] + direct_new[20:]
            + [staged_new[2], present[1]] + staged_new[5:] + [direct_new[3], staged_new[2]])
    second = _write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n", name="second.csv")

    report = importing.import_figures(seeded_db, second)
    assert report.summary() == f"50 new, {len(rows) - 50} already present"
    values = [f[5] for f in _figures(seeded_db)]
    assert values == [float(v) for v in [*range(10), *range(20), *range(100, 105), *range(20, 40),
                                         *range(105, 110)]]
    assert _indexes(seeded_db) == indexes
    assert seeded_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert seeded_db.execute("PRAGMA foreign_key_check").fetchall() == []

    assert importing.import_figures(seeded_db, second).summary() == f"0 new, {len(rows)} already present"
    assert [f[5] for f in _figures(seeded_db)] == values


def test_a_dry_run_of_a_large_import_leaves_the_table_and_its_indexes_as_they_were(seeded_db, tmp_path,
                                                                                   monkeypatch):
    monkeypatch.setattr(figure_writer, "REBUILD_INDEXES_AT", 10)
    before, count = _indexes(seeded_db), seeded_db.execute("SELECT count(*) FROM indicators").fetchone()[0]
    path = _write(tmp_path, HEADER + "\n" + "\n".join(_row("Abai region", v) for v in range(30)) + "\n")
    assert importing.import_figures(seeded_db, path, dry_run=True).summary() == "30 new, 0 already present"
    assert _indexes(seeded_db) == before
    assert seeded_db.execute("SELECT count(*) FROM indicators").fetchone()[0] == count
