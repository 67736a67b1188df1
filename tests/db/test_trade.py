"""Trade series: grouped per period and unit in SQL, disagreements flagged, same spans compared."""

import datetime as dt

from db import queries, store
from db.records import Indicator, Link, Party, Source
from db.trade import trade_pairs, trade_series


def _ids(db):
    return queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Russian Federation")[0].id


def test_seed_trade_is_one_partial_period_against_the_russian_federation(seeded_db):
    abai, russia = _ids(seeded_db)
    (series,) = trade_series(seeded_db, abai, russia)
    assert series.unit == "USD million"
    (period,) = series.periods
    assert period.label == "Jan–May 2025" and period.partial
    assert (period.exports.value, period.imports.value, period.turnover.value) == (67.8, 70.4, 128.6)
    assert period.balance == -2.6
    omsk = queries.find_parties(seeded_db, "Omsk region")[0].id
    assert trade_series(seeded_db, abai, omsk) == []


def test_disagreeing_sources_are_flagged_not_averaged(seeded_db):
    abai, russia = _ids(seeded_db)
    other = store.save(seeded_db, Source(title="Bureau of National Statistics"))
    store.save(seeded_db, Indicator(subject_id=abai, counterpart_id=russia, indicator="exports",
                                    period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 5, 31),
                                    value=69.1, unit="USD million", sources=[Link(other)]))
    (series,) = trade_series(seeded_db, abai, russia)
    exports = series.periods[0].exports
    assert (exports.value, exports.disputed, exports.low, exports.high, exports.records) == (67.8, True, 67.8, 69.1, 2)


def test_same_span_comparison_skips_the_full_year(seeded_db):
    abai, russia = _ids(seeded_db)
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    for start, end, value in ((dt.date(2024, 1, 1), dt.date(2024, 12, 31), 300.0),
                              (dt.date(2024, 1, 1), dt.date(2024, 5, 31), 110.0)):
        store.save(seeded_db, Indicator(subject_id=abai, counterpart_id=russia, indicator="turnover",
                                        period_start=start, period_end=end, value=value, unit="USD million",
                                        sources=[Link(source)]))
    (series,) = trade_series(seeded_db, abai, russia)
    latest = series.periods[-1]
    assert latest.label == "Jan–May 2025"
    assert series.same_span_before(latest).label == "Jan–May 2024"
    full_year = next(p for p in series.periods if p.label == "2024")
    assert series.same_span_before(full_year) is None


def test_units_are_never_mixed_on_one_series(empty_db):
    a = store.save(empty_db, Party(kind="region", name_en="A"))
    b = store.save(empty_db, Party(kind="region", name_en="B"))
    source = store.save(empty_db, Source(title="S"))
    for unit, year in (("USD million", 2023), ("USD million", 2024), ("USD thousand", 2024)):
        store.save(empty_db, Indicator(subject_id=a, counterpart_id=b, indicator="exports",
                                       period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
                                       value=1.0, unit=unit, sources=[Link(source)]))
    series = trade_series(empty_db, a, b)
    assert [(s.unit, len(s.periods)) for s in series] == [("USD million", 2), ("USD thousand", 1)]
    assert trade_pairs(empty_db) == [(a, b, 3)]
