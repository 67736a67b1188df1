"""Trade series: grouped per period and unit in SQL, disagreements flagged, same spans compared."""

import datetime as dt

import pytest

from db import store
from db.model.dates import Period
from db.model.records import Indicator, Link, Party, Source
from db.read import queries
from db.read.scales import Published
from db.read.trade import (
    period_group,
    trade_pairs,
    trade_series,
    trade_sources,
)


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


def test_scales_of_one_measure_are_one_series_and_other_currencies_stay_apart(empty_db):
    a = store.save(empty_db, Party(kind="region", name_en="A"))
    b = store.save(empty_db, Party(kind="region", name_en="B"))
    source = store.save(empty_db, Source(title="S"))
    for unit, year, value in (("USD million", 2023, 1.5), ("USD million", 2024, 1.0), ("USD thousand", 2024, 1.0),
                              ("KZT billion", 2024, 480.0)):
        store.save(empty_db, Indicator(subject_id=a, counterpart_id=b, indicator="exports",
                                       period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
                                       value=value, unit=unit, sources=[Link(source)]))
    dollars, tenge = trade_series(empty_db, a, b)
    assert [(s.unit, s.units, len(s.periods)) for s in (dollars, tenge)] == [
        ("USD million", ("USD million", "USD thousand"), 2), ("KZT billion", ("KZT billion",), 1)]
    exports = dollars.periods[-1].exports  # USD 1 million and USD 1 thousand for 2024 disagree
    assert (exports.value, exports.disputed, exports.low, exports.high, exports.records) == (1.0, True, 0.001, 1.0, 2)
    assert trade_pairs(empty_db) == [(a, b, 4)]


def _save(db, a, b, source, name, start, end, value, unit="USD million"):
    return store.save(db, Indicator(subject_id=a, counterpart_id=b, indicator=name, period_start=start,
                                    period_end=end, value=value, unit=unit, sources=[Link(source)]))


@pytest.mark.parametrize(("start", "end", "group"), [
    (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "years"),
    (dt.date(2025, 1, 1), dt.date(2025, 5, 31), "years"),
    (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "years"),
    (dt.date(2025, 1, 1), dt.date(2025, 3, 31), "quarters"),
    (dt.date(2025, 4, 1), dt.date(2025, 6, 30), "quarters"),
    (dt.date(2025, 1, 1), dt.date(2025, 1, 31), "months"),
    (dt.date(2025, 5, 1), dt.date(2025, 5, 31), "months"),
    (dt.date(2023, 1, 1), dt.date(2024, 12, 31), "other"),
    (dt.date(2025, 7, 1), dt.date(2025, 12, 31), "other"),
    (dt.date(2025, 1, 15), dt.date(2025, 3, 10), "other"),
])
def test_periods_are_grouped_so_a_quarter_never_stands_beside_a_year(start, end, group):
    assert period_group(Period(start, end)) == group


def test_year_on_year_change_only_against_the_same_span_a_year_earlier(empty_db):
    a = store.save(empty_db, Party(kind="region", name_en="A"))
    b = store.save(empty_db, Party(kind="region", name_en="B"))
    source = store.save(empty_db, Source(title="S"))
    for start, end, value in ((dt.date(2023, 1, 1), dt.date(2023, 12, 31), 200.0),
                              (dt.date(2024, 1, 1), dt.date(2024, 12, 31), 250.0),
                              (dt.date(2024, 1, 1), dt.date(2024, 5, 31), 100.0),
                              (dt.date(2025, 1, 1), dt.date(2025, 5, 31), 120.0),
                              (dt.date(2025, 4, 1), dt.date(2025, 6, 30), 80.0)):
        _save(empty_db, a, b, source, "turnover", start, end, value)
    (series,) = trade_series(empty_db, a, b)
    assert series.groups() == ["years", "quarters"]
    years = series.only("years")
    # Whole years, and of the spans from January only the latest, past the last whole year: the
    # chart never sets Jan–May 2024 between 2023 and 2024.
    assert [p.label for p in years.periods] == ["2023", "2024", "Jan–May 2025"]
    by_label = {p.label: p for p in years.periods}
    change = years.change(by_label["Jan–May 2025"], "turnover")  # against a span not drawn
    assert (change.earlier.label, change.label) == ("Jan–May 2024", "+20.0%")
    assert change.describe() == "+20.0% on Jan–May 2024"
    assert years.change(by_label["2024"], "turnover").label == "+25.0%"
    jan_may_2024 = next(p for p in series.periods if p.label == "Jan–May 2024")
    assert series.change(jan_may_2024, "turnover") is None  # never against the year 2023
    assert years.change(by_label["2023"], "turnover") is None
    assert years.change(by_label["2024"], "exports") is None
    assert [p.label for p in series.only("quarters").periods] == ["Q2 2025"]


def test_trade_sources_and_the_busiest_pair(seeded_db):
    abai, russia = _ids(seeded_db)
    (title, count), = trade_sources(seeded_db, abai, russia, "USD million")
    assert title.startswith("Abai region and Omsk region") and count == 3
    assert trade_pairs(seeded_db, limit=1) == [(abai, russia, 3)]


def test_a_table_in_usd_thousand_and_a_news_item_in_usd_million_are_one_series_drawn_in_one_unit(scales_db):
    abai, russia = _ids(scales_db)
    dollars, tenge = trade_series(scales_db, abai, russia)
    # 15 figures of the Bureau's table in USD thousand, 8 of the news item and the seed in USD million.
    assert (dollars.unit, dollars.units, dollars.published_in()) == (
        "USD thousand", ("USD thousand", "USD million"), ("USD million",))
    assert [p.label for p in dollars.only("years").periods] == [
        "2019", "2020", "2021", "2022", "2023", "2024", "Jan–May 2025"]
    by_label = {p.label: p for p in dollars.periods}
    exports = by_label["2024"].exports
    assert (exports.value, exports.published) == (66500.0, Published(66.5, "USD million"))
    assert by_label["2023"].exports.published is None  # shown as the Bureau published it
    assert dollars.change(by_label["2024"], "exports").label == "+7.3%"  # 66.5 million on 62 000 thousand
    # 2022 exports given by both (60 200 thousand, 60.2 million) agree; 2023 turnover does not.
    agreeing = by_label["2022"].exports
    assert (agreeing.records, agreeing.disputed, agreeing.value) == (2, False, 60200.0)
    turnover = by_label["2023"].turnover
    assert (turnover.disputed, turnover.low, turnover.high, turnover.value) == (True, 128600.0, 130000.0, 130000.0)
    # Tenge are never converted into dollars: a series of their own.
    assert (tenge.unit, [p.label for p in tenge.periods]) == ("KZT billion", ["2023"])
    titles = {title for title, _count in trade_sources(scales_db, abai, russia, dollars.units)}
    assert {"Bureau of National Statistics: foreign trade of the Abai region, 2019–2023",
            "Trade of the Abai region with Russia grew in 2024"} <= titles
    assert [title for title, _n in trade_sources(scales_db, abai, russia, "USD thousand")] == [
        "Bureau of National Statistics: foreign trade of the Abai region, 2019–2023"]
