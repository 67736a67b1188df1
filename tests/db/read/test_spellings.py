"""Find…, the pickers, the list filters and ``--parties`` bridge scripts and spellings: the
examples people really type, each asserted."""

import pytest

from db import store
from db.model.records import Party, Person
from db.read import queries, search
from db.read.listings import count, rows
from db.read.record_lists import LISTINGS


@pytest.fixture
def oskemen(seeded_db):
    kz = queries.find_parties(seeded_db, "Kazakhstan")[0].id
    return store.save(seeded_db, Party(kind="city", name_en="Oskemen", name_kk="Өскемен",
                                       name_ru="Усть-Каменогорск", parent_id=kz))


def _found(db, text, kind):
    return [hit.label for hit in search.search(db, text).hits() if hit.kind == kind]


@pytest.mark.parametrize("typed", ["Уали", "Уәли", "uali", "UALI"])
def test_find_and_the_person_picker_find_berik_uali(seeded_db, typed):
    assert _found(seeded_db, typed, "person") == ["Berik Uali / Берик Уали"]
    assert [label for _id, label in queries.choices(seeded_db, "person", typed)] == ["Berik Uali / Берик Уали"]


@pytest.mark.parametrize("typed", ["abay", "абай", "Абай облысы", "Abai"])
def test_find_and_the_party_picker_find_the_abai_region(seeded_db, typed):
    assert "Abai region / Абайская область" in _found(seeded_db, typed, "party")
    assert queries.choices(seeded_db, "party", typed)[0][1] == "Abai region / Абайская область"


def test_find_and_the_picker_find_oskemen_typed_without_kazakh_letters(seeded_db, oskemen):
    assert _found(seeded_db, "оскемен", "party") == ["Oskemen / Усть-Каменогорск"]
    assert queries.choices(seeded_db, "party", "оскемен") == [(oskemen, "Oskemen / Усть-Каменогорск")]


def test_omsk_in_cyrillic_finds_what_omsk_in_latin_finds(seeded_db):
    latin = search.search(seeded_db, "Omsk").totals
    cyrillic = search.search(seeded_db, "омск").totals
    assert cyrillic == latin and sum(latin.values()) >= 10


def test_records_matching_the_words_as_typed_come_first(seeded_db):
    store.save(seeded_db, Person(name_en="Berik Ualiev"))
    assert _found(seeded_db, "Уәли", "person") == ["Berik Uali / Берик Уали", "Berik Ualiev"]
    assert _found(seeded_db, "ualiev", "person") == ["Berik Ualiev"]


def test_list_filters_bridge_spellings(seeded_db):
    officials = rows(seeded_db, LISTINGS["officials"], filter_text="уали", narrow=False)
    assert [row[1] for row in officials] == ["Berik Uali"]
    assert count(seeded_db, LISTINGS["indicators"], filter_text="abay") == 5
    assert count(seeded_db, LISTINGS["agreements"], filter_text="ертіс") == 1  # a Kazakh title


def test_command_line_names_match_across_spellings_but_two_matches_stay_a_question(seeded_db):
    assert [p.name_en for p in queries.find_parties(seeded_db, "abay region")] == ["Abai region"]
    assert [p.name_en for p in queries.find_parties(seeded_db, "Абай облысы")] == ["Abai region"]
    assert [p.name_en for p in queries.find_parties(seeded_db, "Abai-region")] == ["Abai region"]
    store.save(seeded_db, Party(kind="organisation", name_en="Abaj Region"))
    assert len(queries.find_parties(seeded_db, "Abai-region")) == 2  # only alike: a question, not a guess
    assert [p.name_en for p in queries.find_parties(seeded_db, "Abai region")] == ["Abai region"]  # exact first
