"""The rules shared by the editor and imports: blocking problems, and warnings about likely duplicates."""

import datetime as dt

from db import store
from db.model import validate
from db.model.dates import FuzzyDate
from db.model.duplicates import duplicates
from db.model.records import Agreement, Indicator, Link, Party, Person, Position, Source, Subject


def _fields(found) -> set[str]:
    return {p.field for p in found}


def test_an_end_that_begins_before_a_precise_start_is_refused_with_a_sentence(empty_db):
    person = store.save(empty_db, Person(name_en="A"))
    source = store.save(empty_db, Source(title="S"))
    position = Position(person_id=person, title="Akim", start_date=FuzzyDate(dt.date(2025, 7, 15)),
                        end_date=FuzzyDate.parse("2025-07"), sources=[Link(source)])
    (problem,) = validate.problems(empty_db, position)
    assert problem.field == "end_date" and "cannot begin before" in problem.message
    position.end_date = FuzzyDate.parse("2025-08")
    assert validate.problems(empty_db, position) == []


def test_a_quarter_may_start_an_agreement_that_runs_for_years(empty_db):
    source = store.save(empty_db, Source(title="S"))
    plan = Agreement(title="Plan", valid_from=FuzzyDate.parse("Q4 2025"), valid_until=FuzzyDate.parse("2028"),
                     sources=[Link(source)])
    assert validate.problems(empty_db, plan) == []
    plan.valid_until = FuzzyDate.parse("2024")
    assert _fields(validate.problems(empty_db, plan)) == {"valid_until"}


def test_a_second_subject_area_with_the_same_name_is_a_problem_not_a_database_error(empty_db):
    store.save(empty_db, Subject(name_en="Economy"))
    found = validate.problems(empty_db, Subject(name_en="Economy"))
    assert _fields(found) == {"name_en"} and "already exists" in found[0].message


def test_a_person_with_the_same_name_in_the_other_script_is_a_warning(seeded_db):
    warnings = duplicates(seeded_db, Person(name_en="Someone", name_kk="берік уәли"))
    assert _fields(warnings) == {"name_kk"}
    assert "Berik Uali / Берик Уали" in warnings[0].message
    # Not a problem: two people may share a name.
    assert validate.problems(seeded_db, Person(name_en="Berik Uali")) == []
    # The record itself is not its own duplicate.
    existing = store.get(seeded_db, "person", seeded_db.execute(
        "SELECT id FROM people WHERE name_en = 'Berik Uali'").fetchone()[0])
    assert duplicates(seeded_db, existing) == []


def test_a_party_named_like_another_ones_local_name_is_a_warning(seeded_db):
    warnings = duplicates(seeded_db, Party(kind="region", name_en="  ОМСКАЯ ОБЛАСТЬ "))
    assert _fields(warnings) == {"name_en"} and "Omsk region" in warnings[0].message
    assert duplicates(seeded_db, Party(kind="region", name_en="Pavlodar region")) == []


def test_the_same_figure_from_the_same_source_is_a_warning(seeded_db):
    exports = store.get(seeded_db, "indicator", seeded_db.execute(
        "SELECT id FROM indicators WHERE indicator = 'exports'").fetchone()[0])
    again = Indicator(subject_id=exports.subject_id, counterpart_id=exports.counterpart_id, indicator="exports",
                      period_start=exports.period_start, period_end=exports.period_end, value=67.9,
                      unit="USD million", sources=list(exports.sources))
    (warning,) = duplicates(seeded_db, again)
    assert warning.field == "indicator" and "USD 67.8 million" in warning.message
    other = store.save(seeded_db, Source(title="Statistics bureau"))
    again.sources = [Link(other)]
    assert duplicates(seeded_db, again) == []  # another source's figure is not a duplicate


def test_a_source_with_a_known_address_is_a_warning(empty_db):
    store.save(empty_db, Source(title="Bulletin", url="https://stat.gov.kz/a"))
    warnings = duplicates(empty_db, Source(title="Other", url=" https://STAT.gov.kz/a "))
    assert _fields(warnings) == {"url"} and "Bulletin" in warnings[0].message
