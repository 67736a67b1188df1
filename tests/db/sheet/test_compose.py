"""Composing the sheet: what it says about a pair as of a day, with numbered sources (no Qt)."""

import datetime as dt
import subprocess
import sys

from db import store
from db.model.dates import FuzzyDate
from db.model.records import Event, Link
from db.sheet.compose import compose
from db.sheet.options import ALL_SECTIONS
from tests.db.sheet.long_data import LONG_AS_OF, pair_ids
from tests.db.sheet.rich_data import RICH_AS_OF

SEED_DAY = dt.date(2025, 7, 2)


def _seed_sheet(db, **kwargs):
    return compose(db, *pair_ids(db), as_of=kwargs.pop("as_of", SEED_DAY), **kwargs)


def test_composing_needs_no_qt(seeded_path):
    script = (
        "import datetime, sys\n"
        "from db.file.connection import open_database\n"
        "from db.sheet.compose import compose\n"
        f"db = open_database({str(seeded_path)!r}, create=False)\n"
        "sheet = compose(db, 3, 4, as_of=datetime.date(2025, 7, 2))\n"
        "assert sheet.a.name == 'Abai region', sheet.a\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_key_figures_carry_value_unit_period_and_the_exact_counterpart(seeded_db):
    sheet = _seed_sheet(seeded_db)
    rows = {(f.indicator, f.value, f.period, f.between) for f in sheet.figures}
    assert rows == {
        ("Trade turnover", "USD 128.6 million", "Jan–May 2025", "Abai region – Russian Federation"),
        ("Exports", "USD 67.8 million", "Jan–May 2025", "Abai region – Russian Federation"),
        ("Imports", "USD 70.4 million", "Jan–May 2025", "Abai region – Russian Federation"),
        ("Investment inflow", "USD 507 million", "2024", "Abai region – Russian Federation"),
        ("Enterprises", "178 enterprises", "as of 2 Jul 2025", "Abai region – Russian Federation"),
    }
    assert [f.indicator for f in sheet.figures][:3] == ["Trade turnover", "Exports", "Imports"]
    assert all(f.partial == (f.period == "Jan–May 2025") for f in sheet.figures)


def test_figures_the_turnover_check_is_about_name_its_note(seeded_db):
    sheet = _seed_sheet(seeded_db)
    (note,) = [n for n in sheet.quality_notes if "128.6" in n.message]
    assert "138.2" in note.message
    flagged = {f.indicator for f in sheet.figures if note.number in f.quality}
    assert flagged == {"Trade turnover", "Exports", "Imports"}


def test_without_the_quality_section_no_figure_points_at_a_missing_note(seeded_db):
    sheet = _seed_sheet(seeded_db, sections=ALL_SECTIONS - {"quality"})
    assert sheet.quality_notes == () and all(f.quality == () for f in sheet.figures)


def test_sources_are_numbered_in_order_of_first_use(long_db):
    sheet = compose(long_db, *pair_ids(long_db), as_of=LONG_AS_OF)
    assert [s.number for s in sheet.sources] == [1, 2]
    # The first figure printed (the latest turnover) comes from the statistics bulletin.
    assert sheet.figures[0].notes == (1,)
    assert sheet.sources[0].title == "Regional statistics bulletin"
    assert sheet.sources[0].published == "15 Apr 2026"
    assert sheet.sources[1].publisher == "Trend News Agency"


def test_switched_off_sections_are_neither_read_nor_numbered(seeded_db):
    sheet = _seed_sheet(seeded_db, sections={"statements"})
    assert sheet.figures == () and sheet.agreements == () and sheet.chart is None
    assert len(sheet.statements) == 2 and [s.number for s in sheet.sources] == [1]
    assert compose(seeded_db, *pair_ids(seeded_db), as_of=SEED_DAY, sections=()).sources == ()


def test_agreement_status_is_computed_as_of_the_sheets_day(seeded_db):
    def plan_status(day):
        sheet = _seed_sheet(seeded_db, as_of=day)
        return next(a.status for a in sheet.agreements if a.title.startswith("Interaction Plan"))

    assert plan_status(SEED_DAY) == "in force"
    assert plan_status(dt.date(2029, 1, 1)) == "expired"
    assert plan_status(dt.date(2025, 6, 1)) == "not yet signed"


def test_events_split_into_recent_and_planned_at_the_as_of_day(seeded_db):
    sheet = _seed_sheet(seeded_db)
    assert [(e.date, e.place) for e in sheet.planned_events] == [("Q4 2025", "Omsk")]
    assert [e.date for e in sheet.recent_events] == ["Jul 2025"]
    later = _seed_sheet(seeded_db, as_of=dt.date(2026, 3, 1))
    assert later.planned_events == () and len(later.recent_events) == 2


def test_events_older_than_the_recent_window_are_counted_not_listed(seeded_db):
    abai = pair_ids(seeded_db)[0]
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    store.save(seeded_db, Event(kind="meeting", title="An old meeting", start_date=FuzzyDate(dt.date(2015, 5, 1)),
                                status="held", parties=[Link(abai)], sources=[Link(source)]))
    sheet = _seed_sheet(seeded_db)
    assert "An old meeting" not in {e.title for e in sheet.recent_events}
    assert sheet.earlier_events == 1


def test_officials_are_grouped_by_person_with_every_current_position(seeded_db):
    abai_side, omsk_side = _seed_sheet(seeded_db).officials
    assert abai_side.party == "Abai region"
    assert [(o.name, o.other_name) for o in abai_side.officials] == [("Berik Uali", "Берик Уали")]
    shpilenko = next(o for o in omsk_side.officials if o.name == "Andrei Shpilenko")
    assert len(shpilenko.positions) == 2 and all(p.since == "unknown" for p in shpilenko.positions)


def test_the_chart_is_the_pairs_trade_with_the_exact_counterpart(seeded_db):
    chart = _seed_sheet(seeded_db).chart
    assert (chart.subject, chart.counterpart, chart.unit) == ("Abai region", "Russian Federation", "USD million")
    (period,) = chart.periods
    assert (period.label, period.partial, period.exports, period.imports, period.turnover) == (
        "Jan–May 2025", True, 67.8, 70.4, 128.6)
    assert _seed_sheet(seeded_db, as_of=dt.date(2025, 5, 30)).chart is None


def test_the_chart_keeps_the_latest_periods_of_one_kind_and_counts_the_rest(long_db):
    chart = compose(long_db, *pair_ids(long_db), as_of=LONG_AS_OF).chart
    # Thirteen quarters and the seed's Jan–May 2025: quarters are drawn, never mixed with a year.
    assert chart.group == "quarters" and chart.other_groups == ("Years",)
    assert len(chart.periods) == 12 and chart.earlier_periods == 1
    assert chart.periods[-1].label == "Q1 2026"
    assert "Jan–May 2025" not in {p.label for p in chart.periods}


# -- honest statuses, provenance and qualifiers -------------------------------------------------------

TODAY = dt.date(2026, 12, 7)


def test_the_protocol_says_its_validity_is_not_stated_and_the_forum_that_its_date_passed(seeded_db):
    sheet = _seed_sheet(seeded_db, as_of=TODAY)
    statuses = {a.title.split(" ")[0]: (a.status, a.status_key) for a in sheet.agreements}
    assert statuses["Protocol"] == ("signed, validity not stated", "validity_not_stated")
    assert statuses["Interaction"] == ("in force", "in_force")
    assert sheet.planned_events == ()
    forum = next(e for e in sheet.recent_events if e.date == "Q4 2025")
    assert (forum.status, forum.status_key) == ("date passed — not confirmed held", "date_passed")


def test_every_position_carries_its_own_sources_and_an_old_check_says_so(seeded_db):
    _abai, omsk = _seed_sheet(seeded_db, as_of=TODAY).officials
    shpilenko = next(o for o in omsk.officials if o.name == "Andrei Shpilenko")
    assert [p.notes for p in shpilenko.positions] == [(1,), (1,)]
    assert {p.verified for p in shpilenko.positions} == {"last verified 17 months ago"}
    recent = _seed_sheet(seeded_db).officials[0].officials[0].positions[0]
    assert recent.verified is None  # checked on the day of the article


def test_a_figures_qualifier_prints_under_it_once_per_series(seeded_db):
    enterprises = next(f for f in _seed_sheet(seeded_db).figures if f.indicator == "Enterprises")
    assert enterprises.qualifier.startswith("Large enterprises with Russian capital participation")
    assert enterprises.reporter == "reported by Administration (akimat) of the Abai region"


# -- a briefing from any amount of data ------------------------------------------------------------------

def test_a_data_rich_pair_is_shortened_by_the_rules_and_says_what_it_left_out(rich_db):
    sheet = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF)
    assert len(sheet.agreements) == 5 and sheet.agreements_left_out == 27
    assert [a.status_key for a in sheet.agreements][:1] == ["expiring"]  # what binds now comes first
    assert len(sheet.quality_notes) == 8 and sheet.quality_left_out > 20
    assert all(side.left_out > 0 for side in sheet.officials) and sheet.shortened
    # Officials who took part in the pair's events come first.
    assert sheet.officials[0].officials[0].name == "Berik Uali"
    # A figure names only notes the sheet prints.
    printed = {n.number for n in sheet.quality_notes}
    assert all(set(f.quality) <= printed for f in sheet.figures)


def test_quality_notes_are_grouped_by_check_and_numbered_in_print_order(rich_db):
    sheet = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF)
    groups = sheet.quality_groups
    assert [n.number for g in groups for n in g.notes] == list(range(1, len(sheet.quality_notes) + 1))
    assert len({g.title for g in groups}) == len(groups)


def test_the_long_version_leaves_nothing_out(rich_db):
    sheet = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF, long=True)
    assert sheet.long and not sheet.shortened
    assert len(sheet.agreements) == 32 and sheet.quality_left_out == 0 and sheet.figures_left_out == 0


def test_each_step_of_the_rules_shortens_more(rich_db):
    from db.sheet.compose import at_step, shorter
    from db.sheet.options import STEPS

    sheet = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF)
    sizes = []
    while sheet is not None:
        sizes.append(len(sheet.agreements) + len(sheet.quality_notes) + sum(len(s.officials) for s in sheet.officials)
                     + len(sheet.statements) + len(sheet.recent_events) + len(sheet.mirrors))
        sheet = shorter(sheet)
    assert len(sizes) == len(STEPS) and sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    long = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF, long=True)
    assert at_step(long, 1) is None  # the long version is never shortened


def test_mirror_rows_name_both_reporters_side_by_side(rich_db):
    sheet = compose(rich_db, *pair_ids(rich_db), as_of=RICH_AS_OF)
    first = sheet.mirrors[0]
    assert first.period == "2024"
    assert (first.first.description, first.first.reporter) == (
        "Exports of Abai region to Russian Federation", "reported by Kazakhstan")
    assert (first.second.description, first.second.reporter) == (
        "Imports of Russian Federation from Abai region", "reported by Russian Federation")
    assert first.gap == "+4.3%" and "FOB" in sheet.mirror_note


def test_figures_published_in_two_scales_print_in_one_unit_saying_how_each_was_published(scales_db):
    sheet = compose(scales_db, *pair_ids(scales_db), as_of=dt.date(2025, 12, 1))
    exports = next(f for f in sheet.figures if f.indicator == "Exports" and f.kind == "year")
    assert (exports.value, exports.published, exports.period, exports.change) == (
        "USD 66,500 thousand", "published as USD 66.5 million", "2024", "+7.3% on 2023")
    to_date = next(f for f in sheet.figures if f.indicator == "Exports" and f.kind == "to_date")
    assert (to_date.value, to_date.published) == ("USD 67,800 thousand", "published as USD 67.8 million")
    mirror = next(m for m in sheet.mirrors if m.period == "2024")
    assert [(side.value, side.published) for side in (mirror.first, mirror.second)] == [
        ("USD 66,500 thousand", "published as USD 66.5 million"),
        ("USD 69,300 thousand", "published as USD 69.3 million")]
    assert mirror.gap == "+4.2%"
    chart = sheet.chart
    # One series in one unit: the Bureau's years, the news item's 2024 and the seed's Jan–May 2025.
    assert (chart.unit, chart.other_units) == ("USD thousand", ("KZT billion",))
    assert [(p.label, p.exports, p.published_in) for p in chart.periods[-3:]] == [
        ("2023", 62000.0, ()), ("2024", 66500.0, ("USD million",)), ("Jan–May 2025", 67800.0, ("USD million",))]
    assert chart.published_note == ("Figures for 2024, Jan–May 2025 were published in USD million and are drawn "
                                    "in USD thousand.")
    assert any("USD 130 million (published as USD 130,000 thousand)" in q.message for q in sheet.quality_notes)
