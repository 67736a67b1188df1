"""Agreements: one signed without a title of its own, and a title that ends before the place."""

import datetime as dt

from db.capture.extract import capture


def _agreements(db, text):
    result = capture(db, text, published=dt.date(2019, 11, 7))
    return [p for p in result.proposals if p.kind == "agreement"]


def test_an_untitled_agreement_is_proposed_when_the_sentence_names_who_signed_it(empty_db):
    text = ("Аким области Кырымбек Кушербаев и президент Республики Татарстан Рустам Минниханов "
            "подписали соглашение на форуме в Омске.")
    [agreement] = _agreements(empty_db, text)
    assert (agreement.record["title"], agreement.record["status"]) == ("Соглашение", "signed")
    assert len(agreement.record["signatories"]) == 2
    assert "title" in agreement.flags


def test_a_word_for_an_agreement_alone_is_not_an_agreement(empty_db):
    assert _agreements(empty_db, "Стороны подписали соглашение, сообщает пресс-служба.") == []


def test_a_russian_title_ends_before_the_city_it_was_signed_in(empty_db):
    text = "Омская и Павлодарская области подписали Меморандум о сотрудничестве в Уральске."
    [agreement] = _agreements(empty_db, text)
    assert agreement.record["title"] == "Меморандум о сотрудничестве"
