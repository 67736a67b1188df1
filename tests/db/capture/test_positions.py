"""Positions: a title that names its place before its head, and a clause that is not a title."""

import datetime as dt

from db.capture.extract import capture


def _positions(db, text):
    result = capture(db, text, published=dt.date(2023, 9, 1))
    return {result.by_ref(p.record["person_id"]).record["name_en"]: p.record["title"]
            for p in result.proposals if p.kind == "position"}


def test_a_title_with_its_region_before_the_head_word_keeps_the_region(empty_db):
    text = "KOSTANAY. The Kurgan Region Governor Vadim Shumkov arrived for the forum on Monday."
    assert _positions(empty_db, text) == {"Vadim Shumkov": "Kurgan Region Governor"}


def test_words_that_no_title_holds_between_the_head_and_a_name_are_not_a_title(empty_db):
    text = ("The President described the Omsk region as a close neighbour and thanked "
            "Alexander Burkov for his help.")
    assert _positions(empty_db, text) == {}
