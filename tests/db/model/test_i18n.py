"""Which language text is looked up in: the system locale, the process's choice, and a
stretch of work in another language (a sheet in Kazakh from a Russian window)."""

import threading

import pytest

from db.model import i18n
from db.model.records import EVENT_STATUSES, KIND_NAMES, format_count


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "kk_KZ.UTF-8"}, "kk"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}, "kk"),
    ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "de:kk:ru", "LANG": "en_US.UTF-8"}, "kk"),
])
def test_the_system_language_is_read_as_gettext_reads_it(environ, expected):
    assert i18n.system_language(environ) == expected


def test_a_stretch_of_work_in_another_language_leaves_the_rest_as_it_was():
    assert i18n.current_language() == "en"
    with i18n.using_language("kk"):
        assert i18n._("Trade") == "Сауда"
        with i18n.using_language("ru"):
            assert i18n._("Trade") == "Торговля"
        seen = []
        worker = threading.Thread(target=lambda: seen.append(i18n._("Trade")))
        worker.start()
        worker.join()
        assert seen == ["Trade"]  # another thread keeps the process's language
    assert i18n._("Trade") == "Trade"


def test_tables_made_at_import_follow_the_language_in_use():
    with i18n.using_language("ru"):
        assert EVENT_STATUSES["planned"] == "Запланировано"
        assert KIND_NAMES["agreement"] == ("Соглашение", "Соглашения")
    assert EVENT_STATUSES["planned"] == "Planned"


@pytest.mark.parametrize(("n", "text"), [(1, "1 соглашение"), (3, "3 соглашения"), (5, "5 соглашений"),
                                         (21, "21 соглашение"), (1234, "1\xa0234 соглашения")])
def test_counts_of_records_agree_with_their_number_in_russian(n, text):
    with i18n.using_language("ru"):
        assert format_count(n, "agreement") == text


def test_a_context_words_a_term_differently():
    with i18n.using_language("ru"):
        assert i18n.pgettext("person", "Name") == "ФИО"
        assert i18n._("Name") == "Название"
