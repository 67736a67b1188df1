"""Key figures compare like with like: the latest whole year and the latest part of a year,
each beside the same span a year earlier, by one rule for the Overview, the sheet and the check."""

import datetime as dt

from db import store
from db.model.records import Indicator, Link, Party, Source
from db.read import queries
from db.read.key_figures import LIMIT, choose, key_figures
from db.read.scales import Published
from tests.db.sheet.long_data import pair_ids
from tests.db.sheet.rich_data import RICH_AS_OF

D = dt.date


def _rows(db, day=RICH_AS_OF, **options):
    return key_figures(db, queries.pair_scope(db, *pair_ids(db)), day, **options)


def test_the_latest_whole_year_and_year_to_date_each_beside_the_same_span_a_year_earlier(rich_db):
    found = _rows(rich_db)
    exports = [r for r in found.rows if r.indicator_label == "Exports"]
    assert [(r.kind, r.period.label(), [e.period.label() for e in r.earlier]) for r in exports] == [
        ("year", "2024", ["2023"]), ("to_date", "Jan–Sep 2025", ["Jan–Sep 2024"])]
    assert exports[0].change == (exports[0].figure.value - exports[0].earlier[0].value) / exports[0].earlier[0].value
    assert all(r.figure.reporter == "Kazakhstan" for r in exports)


def test_no_month_or_quarter_older_than_the_latest_year_to_date_is_a_key_figure(rich_db):
    found = _rows(rich_db)
    latest_to_date = max(r.period.end for r in found.rows if r.kind == "to_date")
    for row in found.rows:
        if row.period.months in (1, 3) or row.kind == "to_date":
            assert row.period.end >= latest_to_date, row.period.label()
    # The seed's Jan–May 2025 figures (no reporter) are superseded by the statistics office's Jan–Sep.
    assert "Jan–May 2025" not in {r.period.label() for r in found.rows}
    assert len(found.rows) <= LIMIT


def test_a_partial_period_is_never_set_beside_a_whole_year(seeded_db):
    rows = _rows(seeded_db, D(2025, 7, 2)).rows
    turnover = next(r for r in rows if r.indicator_label == "Trade turnover")
    assert (turnover.kind, turnover.period.label(), turnover.earlier, turnover.change) == (
        "to_date", "Jan–May 2025", (), None)
    investment = next(r for r in rows if r.indicator_label == "Investment inflow")
    assert (investment.kind, investment.period.label()) == ("year", "2024")


def test_mirror_figures_of_another_reporter_stand_beside_the_first(rich_db):
    found = _rows(rich_db)
    pairs = {(r.indicator_label, r.period.label()): r.mirror for r in found.mirrored}
    exports_2024 = pairs[("Exports", "2024")]
    assert exports_2024.figure.reporter == "Russian Federation"
    assert exports_2024.figure.indicator == "imports"  # Russia counts the Abai region's exports as imports
    assert (exports_2024.figure.subject, exports_2024.figure.counterpart) == ("Russian Federation", "Abai region")
    row = next(r for r in found.mirrored if (r.indicator_label, r.period.label()) == ("Exports", "2024"))
    assert row.gap == (row.mirror.figure.value - row.figure.value) / row.figure.value
    # A mirrored series is not listed again on its own.
    assert not [r for r in found.rows if r.figure.reporter == "Russian Federation"]


def test_the_limit_keeps_every_series_newest_row_first_and_counts_the_rest(rich_db):
    everything = _rows(rich_db, limit=None)
    short = choose(everything, 5)
    assert len(short.rows) == 5 and short.left_out == len(everything.rows) - 5
    kinds = {(r.indicator_label, r.kind) for r in short.rows}
    # Trade flows first, each its newest row (the year to date); then investment; counts last.
    assert kinds == {("Trade turnover", "to_date"), ("Exports", "to_date"), ("Imports", "to_date"),
                     ("Investment inflow", "year"), ("Enterprises", "latest")}


def test_records_that_disagree_keep_every_value_and_no_change(empty_db):
    a = store.save(empty_db, Party(kind="region", name_en="A"))
    b = store.save(empty_db, Party(kind="country", name_en="B"))
    one, two = (store.save(empty_db, Source(title=t)) for t in ("One", "Two"))
    for value, source, year in ((100.0, one, 2023), (110.0, one, 2024), (120.0, two, 2024)):
        store.save(empty_db, Indicator(subject_id=a, counterpart_id=b, indicator="exports",
                                       period_start=D(year, 1, 1), period_end=D(year, 12, 31), value=value,
                                       unit="USD million", sources=[Link(source)]))
    (row,) = key_figures(empty_db, queries.pair_scope(empty_db, a, b), D(2025, 1, 1)).rows
    assert [f.value for f in row.figures] == [110.0, 120.0] and row.disputed and row.change is None


def test_a_year_published_in_usd_million_is_compared_with_the_year_before_in_usd_thousand(scales_db):
    rows = _rows(scales_db, D(2025, 12, 1), limit=None).rows
    by_kind = {(r.indicator_label, r.series.unit, r.kind): r for r in rows}
    exports = by_kind[("Exports", "USD thousand", "year")]
    assert (exports.period.label(), exports.figure.value, exports.figure.published) == (
        "2024", 66500.0, Published(66.5, "USD million"))
    assert [(e.value, e.unit, e.published) for e in exports.earlier] == [(62000.0, "USD thousand", None)]
    assert round(exports.change, 4) == 0.0726
    # Russia's imports, published in USD million, stand beside it in the same unit, with the gap.
    mirror = exports.mirror.figure
    assert (mirror.reporter, mirror.value, mirror.unit, mirror.published) == (
        "Russian Federation", 69300.0, "USD thousand", Published(69.3, "USD million"))
    assert round(exports.gap, 4) == 0.0421
    # 2023 turnover: 130 000 thousand and 128.6 million disagree, so no change is worked out.
    turnover = by_kind[("Trade turnover", "USD thousand", "year")]
    assert [e.value for e in turnover.earlier] == [130000.0, 128600.0] and turnover.change is None
    # Investment: the seed's USD 507 million and the akimat's 507 000 thousand are one value.
    investment = by_kind[("Investment inflow", "USD thousand", "year")]
    assert [f.value for f in investment.figures] == [507000.0] and not investment.disputed
    assert round(investment.change, 4) == 0.2297
    # Tenge are a series of their own, never converted into dollars.
    assert by_kind[("Trade turnover", "KZT billion", "year")].figure.value == 59.8
    assert not [r for r in rows if r.series.unit == "USD million"]
