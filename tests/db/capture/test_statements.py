"""Statements: the quote and its speaker, named by office or away from the quote, with or
without its opening quotation mark."""

import datetime as dt

from db.capture.extract import capture


def _statements(db, text):
    result = capture(db, text, published=dt.date(2024, 5, 14))
    return [(result.by_ref(p.record["person_id"]).record["name_en"] if p.record["person_id"] else None,
             p.record["text"], p.evidence) for p in result.proposals if p.kind == "statement"], result


def test_the_head_of_the_region_is_the_akim_the_article_names_first(empty_db):
    text = ("OSKEMEN. Akim of East Kazakhstan region Yermek Kosherbayev met with Governor of Altai Territory "
            "Viktor Tomenko.\n\n"
            "Ivan Petrov, an adviser to the governor, told reporters the talks had gone well.\n\n"
            "\"Our border regions have traded with each other for centuries, and the new bridge will double "
            "that,\" the head of the region said.")
    [(speaker, quote, evidence)], _result = _statements(empty_db, text)
    assert speaker == "Yermek Kosherbayev"
    assert quote.startswith("Our border regions have traded")
    assert evidence.endswith("the head of the region said.")


def test_a_russian_attribution_by_office_finds_the_governor(empty_db):
    text = ("Аким Павлодарской области Асаин Байханов встретился с губернатором Омской области "
            "Виталием Хоценко.\n\n«Мы рассчитываем довести взаимную торговлю до миллиарда долларов "
            "в ближайшие годы», — подчеркнул губернатор.")
    [(speaker, _quote, _evidence)], _result = _statements(empty_db, text)
    assert speaker == "Vitaliy Khotsenko"


def test_a_quote_whose_opening_mark_is_missing_runs_from_its_paragraph_start(empty_db):
    text = ("President Kassym-Jomart Tokayev received Governor Alexander Burkov in Astana.\n"
            "Omsk region remains one of our closest partners and trade keeps growing every year,\" "
            "the head of state said.\n"
            "Alexander Burkov thanked the President for the warm welcome.")
    [(speaker, quote, evidence)], _result = _statements(empty_db, text)
    assert speaker == "Kassym-Jomart Tokayev"
    assert quote == "Omsk region remains one of our closest partners and trade keeps growing every year."
    assert evidence.startswith("Omsk region remains") and evidence.endswith("the head of state said.")


def test_he_said_is_still_the_subject_of_the_sentence_before(empty_db):
    text = ("Governor of the Omsk region Vitaly Khotsenko met with Akim of Abai region Berik Uali.\n\n"
            "\"We will open two more border crossings before the end of the year,\" he said.")
    [(speaker, _quote, _evidence)], _result = _statements(empty_db, text)
    assert speaker == "Vitaly Khotsenko"


def test_a_closing_mark_without_a_verb_of_saying_is_not_a_statement(empty_db):
    text = "The forum's motto this year reads: border regions grow together\" and it is printed everywhere."
    statements, _result = _statements(empty_db, text)
    assert statements == []
