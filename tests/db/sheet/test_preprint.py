"""The check before printing: what would make a sheet misleading, each item naming its record."""

import datetime as dt

from db import store
from db.model.dates import FuzzyDate
from db.model.records import Agreement, Link
from db.sheet.compose import compose
from db.sheet.preprint import KINDS, before_print
from tests.db.sheet.long_data import pair_ids
from tests.db.sheet.rich_data import RICH_AS_OF

TODAY = dt.date(2026, 12, 7)


def _items(db, day, **options):
    return before_print(compose(db, *pair_ids(db), as_of=day, **options))


def test_the_seed_as_of_today_lists_the_forum_the_officials_and_the_lonely_part_of_a_year(seeded_db):
    items = _items(seeded_db, TODAY)
    assert [i.kind for i in items] == ["date_passed"] + ["stale_official"] * 4 + ["no_comparison"] * 3
    forum = items[0]
    assert forum.record == ("event", 2) and forum.title == "Planned events whose date has passed"
    assert forum.message.startswith("International cross-border forum “Irtysh – River of Friendship and "
                                    "Development” (Q4 2025) is still recorded as planned")
    assert items[1].message == ("Berik Uali, Akim (governor) of the Abai region: last verified 17 months ago. "
                                "Check that the position is still held and record the date checked.")
    assert items[1].record[0] == "position"
    assert "nothing is recorded for Jan–May 2024 to compare it with" in items[-1].message
    assert [i.kind for i in items] == sorted((i.kind for i in items), key=list(KINDS).index)


def test_on_the_day_of_the_article_only_the_comparison_is_missing(seeded_db):
    assert {i.kind for i in _items(seeded_db, dt.date(2025, 7, 2))} == {"no_comparison"}


def test_an_agreement_expiring_soon_and_a_fact_without_a_source(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    akimat, government = (seeded_db.execute("SELECT id FROM parties WHERE name_en = ?", [n]).fetchone()[0]
                          for n in ("Administration (akimat) of the Abai region", "Government of the Omsk region"))
    expiring = store.save(seeded_db, Agreement(
        title="Roadmap on river ports", kind="roadmap", signed_date=FuzzyDate.parse("2024"),
        valid_from=FuzzyDate.parse("2024"), valid_until=FuzzyDate.parse("2026-03"),
        parties=[Link(akimat), Link(government)], sources=[Link(source)]))
    seeded_db.execute("DELETE FROM agreements_sources WHERE agreement_id = 1")  # as another tool might
    items = {i.kind: i for i in _items(seeded_db, dt.date(2026, 1, 15))}
    assert items["expiring"].record == ("agreement", expiring)
    assert "is expiring 31 Mar 2026" in items["expiring"].message
    assert items["unsourced"].record == ("agreement", 1)
    assert items["unsourced"].message.startswith("“Protocol on the joint use and development of the Irtysh River” "
                                                 "has no source")


def test_a_missing_year_between_two_charted_ones_is_a_gap(rich_db):
    assert "gap" not in {i.kind for i in _items(rich_db, RICH_AS_OF)}
    rich_db.execute("DELETE FROM indicators WHERE period_start = '2021-01-01' AND period_end = '2021-12-31'")
    (gap,) = [i for i in _items(rich_db, RICH_AS_OF) if i.kind == "gap"]
    assert gap.message.startswith("The trade of Abai region with Russian Federation has no figures for 2021, "
                                  "between 2020 and 2022")
    figure = rich_db.execute("SELECT period_start FROM indicators WHERE id = ?", [gap.record[1]]).fetchone()[0]
    assert gap.record[0] == "indicator" and figure == "2022-01-01"


def test_the_long_version_is_checked_the_same_way(seeded_db):
    assert _items(seeded_db, TODAY, long=True) == _items(seeded_db, TODAY)
