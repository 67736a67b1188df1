"""Data-quality checks: each one with a clean case and a failing case, narrowed and whole."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import store
from db.model.dates import FuzzyDate, Period
from db.model.records import Agreement, Event, Indicator, Link, Party, Person, Position, Source
from db.read import checks, queries
from db.read.checks import CHECKS, findings_for, pair_findings, periods, run_checks

TODAY = dt.date(2026, 11, 25)
D = dt.date


@pytest.fixture
def pair(empty_db):
    """Two regions and two sources in an empty database: (db, a, b, source, other source)."""
    a = store.save(empty_db, Party(kind="region", name_en="Abai region"))
    b = store.save(empty_db, Party(kind="country", name_en="Russian Federation"))
    source = store.save(empty_db, Source(title="Trend", published=D(2025, 7, 2)))
    other = store.save(empty_db, Source(title="Bureau of National Statistics"))
    return empty_db, a, b, source, other


def _figure(db, a, b, source, name, start, end, value, *, unit="USD million", notes=None, passage=None):
    return store.save(db, Indicator(subject_id=a, counterpart_id=b, indicator=name, period_start=start,
                                    period_end=end, value=value, unit=unit, notes=notes,
                                    sources=[Link(source, passage)]))


def _messages(found):
    return [f.message for f in found]


# -- turnover -------------------------------------------------------------------------------------

def test_seed_turnover_that_does_not_add_up_is_reported_with_both_numbers(seeded_db):
    (finding,) = checks.check_turnover_sum(seeded_db, TODAY)
    assert "USD 128.6 million" in finding.message
    assert "67.8" in finding.message and "70.4" in finding.message and "USD 138.2 million" in finding.message
    assert "Jan–May 2025" in finding.message
    assert "Abai region – Russian Federation" in finding.message
    assert "(source: “Abai region and Omsk region sign protocol" in finding.message
    assert {kind for kind, _id in finding.records} == {"indicator"} and len(finding.records) == 3


def test_turnover_within_rounding_is_clean(pair):
    db, a, b, source, _other = pair
    for name, value in (("exports", 67.84), ("imports", 70.41), ("turnover", 138.2)):
        _figure(db, a, b, source, name, D(2025, 1, 1), D(2025, 5, 31), value)
    assert checks.check_turnover_sum(db, TODAY) == []


# -- conflicting values ----------------------------------------------------------------------------

def test_two_sources_giving_different_values_are_both_named_never_averaged(pair):
    db, a, b, source, other = pair
    first = _figure(db, a, b, source, "exports", D(2024, 1, 1), D(2024, 12, 31), 150.0)
    second = _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 162.5)
    (finding,) = checks.check_conflicting_values(db, TODAY)
    assert finding.message.startswith("Exports Abai region – Russian Federation, 2024: the records disagree")
    assert "USD 150 million according to “Trend”" in finding.message
    assert "USD 162.5 million according to “Bureau of National Statistics”" in finding.message
    assert "156.25" not in finding.message
    assert set(finding.records) == {("indicator", first), ("indicator", second)}


def test_same_value_twice_or_different_periods_or_units_is_not_a_conflict(pair):
    db, a, b, source, other = pair
    _figure(db, a, b, source, "exports", D(2024, 1, 1), D(2024, 12, 31), 150.0)
    _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 150.0)
    _figure(db, a, b, other, "exports", D(2023, 1, 1), D(2023, 12, 31), 140.0)
    _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 150_000.0, unit="USD thousand")
    _figure(db, a, b, other, "imports", D(2024, 1, 1), D(2024, 12, 31), 99.0)
    assert checks.check_conflicting_values(db, TODAY) == []


def _scale_findings(db, name, **kwargs):
    return [f for f in CHECKS[name](db, TODAY, **kwargs) if "2025" not in f.message]  # the seed's own


def test_figures_in_usd_million_and_usd_thousand_that_disagree_are_named_in_one_unit(scales_db):
    (finding,) = _scale_findings(scales_db, "conflicting_values")
    assert finding.message == (
        "Trade turnover Abai region – Russian Federation, 2023: the records disagree — USD 128.6 million "
        "according to “Trade of the Abai region with Russia grew in 2024”; USD 130 million (published as USD "
        "130,000 thousand) according to “Bureau of National Statistics: foreign trade of the Abai region, "
        "2019–2023”. All are kept; none is averaged or preferred.")
    ids = {r[0] for r in scales_db.execute("SELECT id FROM indicators WHERE indicator = 'turnover' AND "
                                           "period_start = '2023-01-01' AND unit LIKE 'USD%'").fetchall()}
    assert set(finding.records) == {("indicator", i) for i in ids}
    # 60.2 million against 60 200 thousand, and 507 million against 507 000 thousand, agree; tenge are
    # never set against dollars. The same finding when the check is narrowed to one of the records, and
    # in the count of the quick report.
    assert CHECKS["conflicting_values"](scales_db, TODAY, {"indicator": {min(ids)}}) == [finding]
    assert CHECKS["conflicting_values"].first(scales_db, TODAY, 1)[1] == 1


def test_turnover_is_added_up_across_scales_within_rounding_of_the_coarsest(scales_db):
    (finding,) = _scale_findings(scales_db, "turnover_sum")
    assert finding.message.startswith(
        "Trade turnover Abai region – Russian Federation, 2023, is USD 128.6 million, but exports USD 62,000 "
        "thousand + imports USD 68,000 thousand = USD 130 million (source: ")
    # 2022: 125 300 thousand against 60.2 million + 65 100 thousand adds up; so do 2019–2024 in one unit.
    assert all("2022" not in f.message for f in checks.check_turnover_sum(scales_db, TODAY))


def test_a_sum_in_a_coarser_scale_is_held_only_to_its_rounding(pair):
    db, a, b, source, _other = pair
    year = (D(2024, 1, 1), D(2024, 12, 31))
    _figure(db, a, b, source, "turnover", *year, 138230.0, unit="USD thousand")
    _figure(db, a, b, source, "exports", *year, 67.8)
    _figure(db, a, b, source, "imports", *year, 70.4)  # 138.2 million: 30 thousand off, within 0.15 million
    _figure(db, a, b, source, "turnover", *year, 139.0)  # 0.8 million off
    _figure(db, a, b, source, "turnover", *year, 56.9, unit="KZT billion")  # never compared with dollars
    (finding,) = checks.check_turnover_sum(db, TODAY)
    assert "is USD 139 million, but exports 67.8 + imports 70.4 = USD 138.2 million" in finding.message


def test_periods_overlapping_in_two_scales_of_one_currency_are_reported_and_in_two_currencies_not(pair):
    db, a, b, source, _other = pair
    h1 = _figure(db, a, b, source, "imports", D(2024, 1, 1), D(2024, 6, 30), 60000.0, unit="USD thousand")
    rest = _figure(db, a, b, source, "imports", D(2024, 6, 1), D(2024, 12, 31), 70.0)
    _figure(db, a, b, source, "exports", D(2024, 1, 1), D(2024, 6, 30), 60000.0, unit="USD thousand")
    _figure(db, a, b, source, "exports", D(2024, 6, 1), D(2024, 12, 31), 30.0, unit="KZT billion")
    (finding,) = checks.check_overlapping_periods(db, TODAY)
    assert set(finding.records) == {("indicator", h1), ("indicator", rest)}


# -- overlapping periods ---------------------------------------------------------------------------

def test_overlapping_non_standard_periods_are_reported(pair):
    db, a, b, source, _other = pair
    h1 = _figure(db, a, b, source, "imports", D(2024, 1, 1), D(2024, 6, 30), 60.0)
    rest = _figure(db, a, b, source, "imports", D(2024, 6, 1), D(2024, 12, 31), 70.0)
    (finding,) = checks.check_overlapping_periods(db, TODAY)
    assert "Imports Abai region – Russian Federation is recorded for Jan–Jun 2024 and for Jun–Dec 2024" \
        in finding.message
    assert "Jun–Dec 2024 is not a whole year" in finding.message
    assert set(finding.records) == {("indicator", h1), ("indicator", rest)}


def test_standard_periods_may_overlap_and_other_series_do_not_count(pair):
    db, a, b, source, _other = pair
    for start, end in ((D(2024, 1, 1), D(2024, 12, 31)), (D(2024, 1, 1), D(2024, 5, 31)),
                       (D(2024, 4, 1), D(2024, 6, 30)), (D(2024, 5, 1), D(2024, 5, 31)),
                       (D(2024, 7, 1), D(2024, 12, 31))):
        _figure(db, a, b, source, "exports", start, end, 10.0)
    # An odd period, but in another series (imports) than the exports it overlaps.
    _figure(db, a, b, source, "imports", D(2024, 3, 15), D(2024, 8, 15), 10.0)
    assert checks.check_overlapping_periods(db, TODAY) == []


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)), st.integers(0, 800))
def test_sql_and_python_agree_on_standard_periods(start, length):
    db = _memory_db()
    end = start + dt.timedelta(days=length)
    for candidate in (Period(start, end), Period(start.replace(day=1), end)):
        sql = periods._standard_period("p")
        row = db.execute(f"SELECT {sql} FROM (SELECT ? AS period_start, ? AS period_end) p",
                         [candidate.start.isoformat(), candidate.end.isoformat()]).fetchone()
        assert bool(row[0]) is candidate.is_standard, candidate


_MEMORY = []


def _memory_db():
    if not _MEMORY:
        from db.file.connection import open_database
        _MEMORY.append(open_database(None))
    return _MEMORY[0]


@pytest.mark.parametrize(("start", "end", "standard"), [
    (D(2024, 1, 1), D(2024, 12, 31), True), (D(2023, 1, 1), D(2024, 12, 31), True),
    (D(2025, 1, 1), D(2025, 5, 31), True), (D(2025, 4, 1), D(2025, 6, 30), True),
    (D(2025, 7, 1), D(2025, 12, 31), True), (D(2025, 2, 1), D(2025, 2, 28), True),
    (D(2025, 7, 2), D(2025, 7, 2), True), (D(2025, 2, 1), D(2025, 4, 30), False),
    (D(2025, 6, 1), D(2025, 12, 31), False), (D(2024, 7, 1), D(2025, 6, 30), False),
    (D(2025, 1, 15), D(2025, 3, 10), False),
])
def test_standard_periods_are_what_statistics_offices_publish(start, end, standard):
    assert Period(start, end).is_standard is standard


# -- partial periods recorded as whole -----------------------------------------------------------------

def test_figure_for_a_period_its_source_could_not_cover_is_reported(pair):
    db, a, b, source, _other = pair  # "Trend" was published on 2 Jul 2025
    rid = _figure(db, a, b, source, "turnover", D(2025, 1, 1), D(2025, 12, 31), 128.6)
    (finding,) = checks.check_unlabelled_partial(db, TODAY)
    assert "recorded for 2025, but its source “Trend” was published on 2 Jul 2025" in finding.message
    assert finding.records == (("indicator", rid),)


def test_full_year_whose_passage_speaks_of_five_months_is_reported(pair):
    db, a, b, _source, other = pair
    rid = _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 67.8,
                  passage="In the first five months of 2024, exports totaled $67.8 million.")
    _figure(db, a, b, other, "imports", D(2024, 1, 1), D(2024, 12, 31), 70.4,
            notes="За январь–май 2024 года")
    found = checks.check_unlabelled_partial(db, TODAY)
    assert [f.records for f in found] == [(("indicator", rid),), (("indicator", rid + 1),)]
    assert "(“first five months”)" in found[0].message
    assert "(“январь–май”)" in found[1].message


def test_partial_periods_labelled_as_such_and_seed_figures_are_clean(pair, seeded_db):
    db, a, b, source, other = pair
    _figure(db, a, b, source, "turnover", D(2025, 1, 1), D(2025, 5, 31), 128.6,
            passage="In the first five months of 2025, the trade turnover ... amounted to $128.6 million.")
    _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 150.0, passage="In 2024, exports ...")
    assert checks.check_unlabelled_partial(db, TODAY) == []
    assert checks.check_unlabelled_partial(seeded_db, TODAY) == []


# -- future --------------------------------------------------------------------------------------------

def test_figure_dated_in_the_future_is_reported_but_a_target_is_not(pair):
    db, a, b, _source, other = pair
    rid = _figure(db, a, b, other, "turnover", D(2027, 1, 1), D(2027, 12, 31), 300.0)
    _figure(db, a, b, other, "turnover_target", D(2028, 1, 1), D(2028, 12, 31), 500.0)
    (finding,) = checks.check_future_figure(db, TODAY)
    assert "Trade turnover Abai region – Russian Federation, 2027, is USD 300 million" in finding.message
    assert "ends on 31 Dec 2027, after today (25 Nov 2026)" in finding.message
    assert finding.records == (("indicator", rid),)


def test_figures_ending_today_or_before_are_not_in_the_future(pair):
    db, a, b, _source, other = pair
    _figure(db, a, b, other, "turnover", D(2026, 11, 1), D(2026, 11, 25), 30.0)
    assert checks.check_future_figure(db, TODAY) == []


# -- agreements ------------------------------------------------------------------------------------------

def _agreement(db, source, status, until):
    return store.save(db, Agreement(title="Roadmap for 2021–2024", kind="roadmap", status=status,
                                    valid_from=FuzzyDate.parse("2021"), valid_until=FuzzyDate.parse(until),
                                    sources=[Link(source)]))


def test_agreement_past_its_validity_still_in_force_is_reported(pair):
    db, _a, _b, source, _other = pair
    rid = _agreement(db, source, "in_force", "2024")
    (finding,) = checks.check_agreement_expired_in_force(db, TODAY)
    assert finding.message.startswith("“Roadmap for 2021–2024” is marked in force, but it was valid until 2024")
    assert finding.records == (("agreement", rid),)


def test_agreement_valid_through_this_quarter_or_already_expired_is_clean(pair, seeded_db):
    db, _a, _b, source, _other = pair
    _agreement(db, source, "in_force", "Q4 2026")  # valid until 31 Dec 2026
    _agreement(db, source, "expired", "2024")
    assert checks.check_agreement_expired_in_force(db, TODAY) == []
    assert checks.check_agreement_expired_in_force(seeded_db, TODAY) == []


# -- officials -------------------------------------------------------------------------------------------

def _position(db, source, *, start=None, end=None, verified=None, name="Berik Uali"):
    person = store.save(db, Person(name_en=name))
    rid = store.save(db, Position(person_id=person, title="Akim of the Abai region", start_date=start,
                                  end_date=end, verified_on=verified, sources=[Link(source)]))
    return person, rid


def test_seed_officials_have_no_start_date_and_stale_verification(seeded_db):
    no_start = checks.check_position_no_start(seeded_db, TODAY)
    stale = checks.check_position_not_verified(seeded_db, TODAY)
    assert len(no_start) == len(stale) == 4
    assert any(m.startswith("Berik Uali holds the position “Akim (governor) of the Abai region” with no start "
                            "date") for m in _messages(no_start))
    assert any("was last verified on 2 Jul 2025, over a year ago" in m for m in _messages(stale))
    assert all(f.records[0][0] == "person" and f.records[1][0] == "position" for f in no_start + stale)


def test_position_with_start_and_recent_check_or_that_ended_is_clean(pair):
    db, _a, _b, source, _other = pair
    _position(db, source, start=FuzzyDate.parse("2023-12"), verified=D(2026, 6, 1))
    _position(db, source, end=FuzzyDate.parse("2022"), verified=D(2020, 1, 1), name="Former akim")
    assert checks.check_position_no_start(db, TODAY) == []
    assert checks.check_position_not_verified(db, TODAY) == []


def test_position_never_verified_is_reported(pair):
    db, _a, _b, source, _other = pair
    person, rid = _position(db, source, start=FuzzyDate.parse("2023"))
    (finding,) = checks.check_position_not_verified(db, TODAY)
    assert "has never been verified" in finding.message
    assert finding.records == (("person", person), ("position", rid))


# -- events ----------------------------------------------------------------------------------------------

def test_seed_forum_planned_for_q4_2025_is_reported_as_passed(seeded_db):
    (finding,) = checks.check_planned_event_passed(seeded_db, TODAY)
    assert finding.message.startswith("International cross-border forum “Irtysh – River of Friendship and "
                                      "Development” (Q4 2025) is still marked planned")


def test_planned_event_still_ahead_or_held_is_clean(pair, seeded_db):
    db, _a, _b, source, _other = pair
    store.save(db, Event(kind="forum", title="Forum", status="planned", start_date=FuzzyDate.parse("Q4 2026"),
                         sources=[Link(source)]))
    store.save(db, Event(kind="visit", title="Visit", status="held", start_date=FuzzyDate.parse("2025-07"),
                         sources=[Link(source)]))
    assert checks.check_planned_event_passed(db, TODAY) == []
    assert checks.check_planned_event_passed(seeded_db, D(2025, 12, 31)) == []


# -- sources ---------------------------------------------------------------------------------------------

def test_fact_without_a_source_is_reported(pair):
    db, a, b, source, _other = pair
    rid = _figure(db, a, b, source, "exports", D(2024, 1, 1), D(2024, 12, 31), 1.0)
    db.execute("UPDATE indicators SET source_id = NULL WHERE id = ?", [rid])  # as an outside tool might
    (finding,) = checks.check_unsourced(db, TODAY)
    assert finding.message.startswith("Indicator “")
    assert "Abai region – Russian Federation, 2024” has no source" in finding.message
    assert finding.records == (("indicator", rid),)


def test_a_fact_without_a_source_is_found_when_a_stray_link_names_a_figure_that_is_gone(pair):
    """The quick look for figures without a source is not fooled by a link row another tool
    left pointing at a deleted figure."""
    db, a, b, source, _other = pair
    rid = _figure(db, a, b, source, "exports", D(2024, 1, 1), D(2024, 12, 31), 1.0)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE indicators SET source_id = NULL WHERE id = ?", [rid])
    db.execute("INSERT INTO indicators_sources (indicator_id, source_id) VALUES (9999, ?)", [source])
    db.execute("PRAGMA foreign_keys = ON")
    (finding,) = checks.check_unsourced(db, TODAY)
    assert finding.records == (("indicator", rid),)


def test_seed_facts_all_have_sources(seeded_db):
    assert checks.check_unsourced(seeded_db, TODAY) == []


# -- running -----------------------------------------------------------------------------------------------

def test_every_check_is_registered_with_a_title():
    assert list(CHECKS) == [
        "turnover_sum", "conflicting_values", "overlapping_periods", "unlabelled_partial", "future_figure",
        "agreement_expired_in_force", "position_no_start", "position_not_verified", "planned_event_passed",
        "unsourced"]
    assert all(check.title and check.kinds for check in CHECKS.values())


def test_seed_findings_as_of_today(seeded_db):
    found = run_checks(seeded_db, TODAY)
    assert [f.check for f in found] == (["turnover_sum"] + ["position_no_start"] * 4
                                        + ["position_not_verified"] * 4 + ["planned_event_passed"])


def test_narrowed_runs_find_exactly_the_findings_about_those_records(pair):
    db, a, b, source, other = pair
    for name, value in (("exports", 10.0), ("imports", 10.0), ("turnover", 30.0)):
        _figure(db, a, b, source, name, D(2024, 1, 1), D(2024, 12, 31), value)
    _figure(db, a, b, other, "exports", D(2024, 1, 1), D(2024, 12, 31), 11.0)
    _figure(db, a, b, other, "exports", D(2024, 6, 1), D(2024, 12, 31), 6.0)
    _figure(db, a, b, other, "exports", D(2027, 1, 1), D(2027, 12, 31), 6.0)
    _figure(db, a, b, source, "exports", D(2023, 1, 1), D(2023, 12, 31), 9.0)
    person, position = _position(db, source)
    everything = run_checks(db, TODAY)
    assert len({f.check for f in everything}) == 6
    for rid in [r[0] for r in db.execute("SELECT id FROM indicators")]:
        expected = [f for f in everything if f.involves("indicator", rid)]
        assert sorted(findings_for(db, "indicator", [rid], TODAY), key=repr) == sorted(expected, key=repr)
    assert findings_for(db, "person", [person], TODAY) == [f for f in everything if f.involves("person", person)]
    assert findings_for(db, "position", [position], TODAY) == findings_for(db, "person", [person], TODAY)
    assert findings_for(db, "indicator", [], TODAY) == []


def test_pair_findings_cover_the_pairs_figures_officials_and_events(seeded_db):
    abai, omsk = queries.find_parties(seeded_db, "Abai region")[0].id, queries.find_parties(seeded_db, "Omsk region")[0].id
    scope = queries.pair_scope(seeded_db, abai, omsk)
    assert pair_findings(seeded_db, scope, TODAY) == run_checks(seeded_db, TODAY)
