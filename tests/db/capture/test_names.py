"""Kazakh place names that are not transliterations ("Омбы" is Omsk) match the recorded places."""

import datetime as dt

from db.capture.extract import capture
from db.capture.names import kazakh_place, same_place


def test_kazakh_names_of_places_match_their_english_and_russian_names():
    assert same_place("Омбы облысы", "Omsk region")
    assert same_place("Омбы облысының", "Омская область")
    assert same_place("Омбыға", "Omsk")
    assert same_place("Мәскеу", "Москва")
    assert same_place("Орал", "Уральск")
    assert same_place("Солтүстік Қазақстан облысы", "North Kazakhstan region")
    assert not same_place("Омбы облысы", "Tomsk region")
    assert kazakh_place("Павлодар облысы") is None


def test_a_kazakh_article_links_omby_to_the_recorded_omsk_region_city_and_government(seeded_db):
    text = ("Абай облысының делегациясы Омбы қаласында өткен Ертіс жағалауы өңірлерінің форумына қатысты. Кездесуде Омбы облысы "
            "үкіметінің өкілдері өңірлер арасындағы жүк тасымалын талқылады.")
    result = capture(seeded_db, text, published=dt.date(2025, 10, 3))
    parties = {p.evidence: (p.action, p.existing, p.record["name_en"]) for p in result.proposals if p.kind == "party"}
    assert parties["Омбы облысы үкіметінің"] == ("same", "party-6", "Government of the Omsk region")
    assert parties["Омбы"] == ("same", "party-7", "Omsk")


def test_a_new_kazakh_region_is_named_in_english_as_english_writes_it(empty_db):
    text = "Омбы облысының губернаторы Виталий Хоценко Батыс Қазақстан облысына келді."
    result = capture(empty_db, text)
    names = {p.record["name_en"] for p in result.proposals if p.kind == "party"}
    assert {"Omsk region", "West Kazakhstan region"} <= names
