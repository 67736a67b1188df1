"""What changed since a briefing: exactly the facts that changed, each with its sources."""

from __future__ import annotations

import datetime as dt

import pytest

from db import store
from db.errors import FactSheetError
from db.exchange.figures.importing import import_figures
from db.model.dates import FuzzyDate
from db.model.records import Link, Person, Position
from db.read import queries
from db.sheet import briefings
from db.sheet.changes import compose_changes
from tests.db.exchange.test_indicator_csv import HEADER, _write

AS_OF = dt.date(2026, 3, 12)


def _pair(db):
    return queries.find_parties(db, "Abai region")[0].id, queries.find_parties(db, "Omsk region")[0].id


def _first_briefing(db):
    a, b = _pair(db)
    briefings.remember(db, a, b, as_of=AS_OF, how="pdf", pair="Abai region – Omsk region")
    return briefings.briefing_since(db, a, b, "last")


def change_three_things(db, tmp_path) -> None:
    """A new official, the forum held, and a 2025 trade figure imported."""
    source = db.execute("SELECT id FROM sources").fetchone()[0]
    body = queries.find_parties(db, "Government of the Omsk region")[0].id
    person = store.save(db, Person(name_en="Yelena Mishchenko", sources=[Link(source)]))
    store.save(db, Position(person_id=person, title="Minister of Economy of the Omsk region", body_id=body,
                            start_date=FuzzyDate.parse("2026-02"), sources=[Link(source, "appointed")]))
    forum = store.get(db, "event", db.execute("SELECT id FROM events WHERE kind = 'forum'").fetchone()[0])
    forum.status = "held"
    store.save(db, forum)
    row = ("Abai region,Russian Federation,turnover,2025-01-01,2025-12-31,301.2,USD million,"
           "Foreign trade of the Abai region 2025,https://stat.example/abai-2025,2026-02-15")
    import_figures(db, _write(tmp_path, HEADER + "\n" + row + "\n", name="abai-2025.csv"))


def test_nothing_changed_means_no_lines(seeded_db):
    since = _first_briefing(seeded_db)
    assert compose_changes(seeded_db, *_pair(seeded_db), since=since, as_of=AS_OF).lines == ()


def test_three_changes_give_exactly_three_lines_with_their_sources(seeded_db, tmp_path):
    since = _first_briefing(seeded_db)
    change_three_things(seeded_db, tmp_path)
    section = compose_changes(seeded_db, *_pair(seeded_db), since=since, as_of=AS_OF)
    assert section.title == f"Changes since the briefing of {since.day_label}"
    assert [(line.category, line.text) for line in section.lines] == [
        ("official", "Yelena Mishchenko took office as Minister of Economy of the Omsk region (since Feb 2026)."),
        ("event", "Held: International cross-border forum “Irtysh – River of Friendship and Development”, Q4 2025."),
        ("figure", "New figure: Trade turnover, Abai region – Russian Federation, 2025: USD 301.2 million."),
    ]
    assert section.lines[0].sources == ("Trend News Agency, 2 Jul 2025",)
    assert section.lines[2].sources == ("Foreign trade of the Abai region 2025, 15 Feb 2026",)


def test_a_revised_figure_and_an_official_who_left_are_named_as_such(seeded_db):
    since = _first_briefing(seeded_db)
    turnover = store.get(seeded_db, "indicator",
                         seeded_db.execute("SELECT id FROM indicators WHERE indicator = 'turnover'").fetchone()[0])
    turnover.value = 129.1
    store.save(seeded_db, turnover)
    chairman = store.get(seeded_db, "position", seeded_db.execute(
        "SELECT id FROM positions WHERE title LIKE 'Chairman%'").fetchone()[0])
    chairman.end_date = FuzzyDate.parse("2026-01")
    store.save(seeded_db, chairman)
    texts = [line.text for line in compose_changes(seeded_db, *_pair(seeded_db), since=since, as_of=AS_OF).lines]
    assert texts == ["Vitaly Khotsenko left office as Chairman of the Government of the Omsk region (Jan 2026).",
                     "Revised figure: Trade turnover, Abai region – Russian Federation, Jan–May 2025: "
                     "USD 129.1 million (was USD 128.6 million)."]


def test_since_names_the_last_briefing_or_one_by_its_day(seeded_db):
    a, b = _pair(seeded_db)
    with pytest.raises(FactSheetError, match="No briefing about this pair has been printed or saved yet"):
        briefings.briefing_since(seeded_db, a, b, "last")
    made = _first_briefing(seeded_db)
    assert briefings.briefing_since(seeded_db, b, a, made.day.isoformat()).id == made.id  # either order
    with pytest.raises(FactSheetError, match="on 1 Jan 2020 or before it"):
        briefings.briefing_since(seeded_db, a, b, "2020-01-01")
    with pytest.raises(FactSheetError, match="--since date"):
        briefings.briefing_since(seeded_db, a, b, "yesterday")


def test_the_groups_of_changes_are_named_in_the_language_the_sheet_is_printed_in():
    from db.model.i18n import using_language
    from db.sheet.changes import CATEGORIES

    with using_language("kk"):
        kazakh = dict(CATEGORIES)
    with using_language("ru"):
        assert dict(CATEGORIES) == {"agreement": "Соглашения", "official": "Должностные лица",
                                    "event": "Мероприятия", "figure": "Показатели"}
    assert kazakh["agreement"] == "Келісімдер" and CATEGORIES["figure"] == "Figures"
