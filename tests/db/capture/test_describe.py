"""Proposals in words, in the language in use: names in that language's form first, figures
and statuses as the window writes them, and the questions the text leaves open."""

import datetime as dt

from db.capture.describe import action, label
from db.capture.extract import capture
from db.model.i18n import using_language

FORUM_HELD = ('OMSK, December 12. The international cross-border forum "Irtysh – River of Friendship and '
              'Development" was held in Omsk on 12 December 2025, with a delegation of the Abai region.')
TURNOVER = ("Товарооборот Абайской области с Россией за январь–май 2025 года составил 128,6 млн долларов США.")


def _one(result, kind):
    return next(p for p in result.proposals if p.kind == kind)


def test_an_update_names_the_field_and_both_values_in_each_language(seeded_db):
    result = capture(seeded_db, FORUM_HELD)
    forum = next(p for p in result.proposals if p.kind == "event" and p.record["kind"] == "forum")
    assert action(forum) == "update: status planned → held, start Q4 2025 → 12 Dec 2025"
    with using_language("ru"):
        assert action(forum) == ("обновление: статус: запланировано → состоялось, "
                                 "начало: 4 кв. 2025 → 12 дек. 2025\u202fг.")
    with using_language("kk"):
        assert action(forum).startswith("жаңарту: мәртебесі: жоспарланған → өтті")


def test_a_figure_reads_with_its_unit_and_names_in_the_language_in_use(seeded_db):
    result = capture(seeded_db, TURNOVER, published=dt.date(2025, 7, 2))
    figure = _one(result, "indicator")
    assert label(result, figure) == ("Trade turnover: USD 128.6 million, Jan–May 2025 "
                                     "(Abai region → Russian Federation)")
    with using_language("ru"):
        assert label(result, figure) == ("Товарооборот: 128,6 млн долл. США, янв.–май 2025 "
                                         "(Абайская область → Российская Федерация)")
        assert label(result, _one(result, "party")) == "Абайская область / Abai region (регион)"


def test_the_questions_the_text_leaves_open_are_asked_in_the_language_in_use(seeded_db):
    with using_language("ru"):
        result = capture(seeded_db, "Аким Абайской области Берик Уали провёл встречу с делегацией.")
    position = _one(result, "position")
    assert position.flags["start_date"] == "В тексте не сказано, с какого времени."
    assert result.source_flags["published"] == "В тексте не сказано, когда он опубликован."
