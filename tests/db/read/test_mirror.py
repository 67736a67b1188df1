"""Mirror statistics: a figure keeps who reported it, and two reporters' figures for one flow
stand side by side — never flagged as sources that disagree."""

import datetime as dt

import pytest

from db import store
from db.model.records import Indicator, Link, Party, Source
from db.read import checks
from db.read.mirror import SeriesKey, gap_label, mirror_kind, mirror_rows
from db.read.scales import Published

D = dt.date


@pytest.mark.parametrize(("first", "second", "kind"), [
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 2, "imports", "USD million"), "partner"),
    (SeriesKey(1, 2, 1, "turnover", "USD million"), SeriesKey(2, 1, 2, "turnover", "USD million"), "partner"),
    (SeriesKey(1, 2, None, "exports", "USD million"), SeriesKey(2, 1, None, "imports", "USD million"), "partner"),
    (SeriesKey(1, 2, 7, "exports", "USD million"), SeriesKey(1, 2, 8, "exports", "USD million"), "reporters"),
    (SeriesKey(1, 2, 7, "exports", "USD million"), SeriesKey(1, 2, None, "exports", "USD million"), None),
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 1, "imports", "USD million"), None),
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 2, "exports", "USD million"), None),
    # Another scale of the same currency mirrors; another currency never does.
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 2, "imports", "USD thousand"), "partner"),
    (SeriesKey(1, 2, 7, "exports", "USD thousand"), SeriesKey(1, 2, 8, "exports", "USD million"), "reporters"),
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 2, "imports", "KZT million"), None),
    (SeriesKey(1, 2, 1, "exports", "USD million"), SeriesKey(2, 1, 2, "imports", "bushels"), None),
])
def test_which_series_mirror_each_other(first, second, kind):
    assert mirror_kind(first, second) == kind


@pytest.fixture
def offices(empty_db):
    """The Abai region, Kazakhstan and Russia, and two statistics offices' releases."""
    kz = store.save(empty_db, Party(kind="country", name_en="Kazakhstan"))
    ru = store.save(empty_db, Party(kind="country", name_en="Russian Federation"))
    abai = store.save(empty_db, Party(kind="region", name_en="Abai region", parent_id=kz))
    bureau = store.save(empty_db, Source(title="Bureau of National Statistics"))
    customs = store.save(empty_db, Source(title="Federal Customs Service"))
    return empty_db, kz, ru, abai, bureau, customs


def _figure(db, subject, counterpart, reporter, name, value, source, year=2024):
    return store.save(db, Indicator(subject_id=subject, counterpart_id=counterpart, reporter_id=reporter,
                                    indicator=name, period_start=D(year, 1, 1), period_end=D(year, 12, 31),
                                    value=value, unit="USD million", sources=[Link(source)]))


def test_two_offices_giving_one_flow_are_mirrors_not_a_conflict(offices):
    db, kz, ru, abai, bureau, customs = offices
    _figure(db, abai, ru, kz, "exports", 183.5, bureau)
    _figure(db, abai, ru, ru, "exports", 191.4, customs)
    assert checks.check_conflicting_values(db, dt.date(2026, 1, 1)) == []


def test_a_figure_without_a_reporter_still_disagrees_and_the_finding_names_the_reporters(offices):
    db, kz, ru, abai, bureau, customs = offices
    first = _figure(db, abai, ru, kz, "exports", 183.5, bureau)
    second = _figure(db, abai, ru, None, "exports", 170.0, customs)
    (finding,) = checks.check_conflicting_values(db, dt.date(2026, 1, 1))
    assert "USD 183.5 million according to “Bureau of National Statistics” (reported by Kazakhstan)" in finding.message
    assert "USD 170 million according to “Federal Customs Service” (reporter not stated)" in finding.message
    assert set(finding.records) == {("indicator", first), ("indicator", second)}


def test_one_office_giving_two_values_still_disagrees(offices):
    db, kz, ru, abai, bureau, customs = offices
    _figure(db, abai, ru, kz, "exports", 183.5, bureau)
    _figure(db, abai, ru, kz, "exports", 185.0, customs)
    _figure(db, abai, ru, ru, "exports", 191.4, customs)
    (finding,) = checks.check_conflicting_values(db, dt.date(2026, 1, 1))
    assert len(finding.records) == 2 and "reported by Kazakhstan" in finding.message
    assert "191.4" not in finding.message


def test_the_trade_tab_gets_each_period_with_both_reporters_and_the_gap(offices):
    db, kz, ru, abai, bureau, customs = offices
    exports = _figure(db, abai, ru, kz, "exports", 100.0, bureau)
    imports = _figure(db, ru, abai, ru, "imports", 104.5, customs)
    _figure(db, abai, ru, kz, "exports", 90.0, bureau, year=2023)  # no mirror that year
    (row,) = mirror_rows(db, abai, ru)
    assert row.period.label() == "2024"
    assert (row.first.indicator_id, row.first.reporter, row.first.description) == (
        exports, "Kazakhstan", "Exports of Abai region to Russian Federation")
    assert (row.second.indicator_id, row.second.reporter, row.second.description) == (
        imports, "Russian Federation", "Imports of Russian Federation from Abai region")
    assert row.gap == pytest.approx(0.045)
    (swapped,) = mirror_rows(db, ru, abai)  # seen from Russia, Russia's own count comes first
    assert swapped.first.indicator_id == imports


def test_turnover_is_checked_against_the_same_reporters_flows(offices):
    db, kz, ru, abai, bureau, customs = offices
    for reporter, exports, imports, turnover in ((kz, 100.0, 120.0, 220.0), (None, 60.0, 70.0, 130.0)):
        _figure(db, abai, ru, reporter, "exports", exports, bureau)
        _figure(db, abai, ru, reporter, "imports", imports, bureau)
        _figure(db, abai, ru, reporter, "turnover", turnover, bureau)
    assert checks.check_turnover_sum(db, dt.date(2026, 1, 1)) == []


def test_a_mirror_published_in_another_scale_is_paired_and_the_gap_worked_out_in_one_unit(scales_db):
    abai, russia = 3, 2
    rows = mirror_rows(scales_db, abai, russia)
    assert [r.period.label() for r in rows] == ["2024", "2023"]
    latest, earlier = rows
    # The Abai region's exports (mostly in USD thousand) against Russia's imports, published in USD million.
    assert (latest.first.value, latest.first.unit, latest.first.published) == (
        66500.0, "USD thousand", Published(66.5, "USD million"))
    assert (latest.second.value, latest.second.unit, latest.second.published) == (
        69300.0, "USD thousand", Published(69.3, "USD million"))
    assert (earlier.first.value, earlier.first.published, earlier.second.value) == (62000.0, None, 64900.0)
    assert gap_label(latest.gap) == "+4.2%" and gap_label(earlier.gap) == "+4.7%"
    assert latest.second.reporter == "Russian Federation" and latest.first.reporter is None
    # The mirror is not a disagreement, and dollars are never set against tenge.
    assert not any(f.check == "conflicting_values" and ("indicator", latest.second.indicator_id) in f.records
                   for f in checks.run_checks(scales_db, dt.date(2026, 1, 1)))
