"""Data-quality checks: each one with a clean case and a failing case."""

import datetime as dt

from db import checks, store
from db.records import Indicator, Link, Party, Source

TODAY = dt.date(2026, 11, 25)


def test_seed_turnover_that_does_not_add_up_is_reported_with_both_numbers(seeded_db):
    (finding,) = checks.check_turnover_sum(seeded_db, TODAY)
    assert "USD 128.6 million" in finding.message
    assert "67.8" in finding.message and "70.4" in finding.message and "USD 138.2 million" in finding.message
    assert "Jan–May 2025" in finding.message
    assert "Abai region – Russian Federation" in finding.message
    assert "Trend" not in finding.message or "“" in finding.message
    assert {kind for kind, _id in finding.records} == {"indicator"} and len(finding.records) == 3


def test_turnover_within_rounding_is_clean(empty_db):
    a = store.save(empty_db, Party(kind="region", name_en="A"))
    b = store.save(empty_db, Party(kind="region", name_en="B"))
    source = store.save(empty_db, Source(title="S"))
    for name, value in (("exports", 67.84), ("imports", 70.41), ("turnover", 138.2)):
        store.save(empty_db, Indicator(subject_id=a, counterpart_id=b, indicator=name,
                                       period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 5, 31),
                                       value=value, unit="USD million", sources=[Link(source)]))
    assert checks.check_turnover_sum(empty_db, TODAY) == []
