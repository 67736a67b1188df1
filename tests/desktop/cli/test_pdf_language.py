"""``factsheet pdf --language en|ru|kk``: the sheet in the language asked for, whatever the
system's, with its headings, numbers, periods and the names in that language."""

import pytest

from db import store
from db.model.records import Party
from db.sheet.compose import compose
from desktop.app import main
from tests.desktop.factsheet.conftest import pdf_pages


def _sheet_text(capsys, seeded_path, tmp_path, *extra) -> str:
    out_pdf = tmp_path / "sheet.pdf"
    status = main(["pdf", "--db", str(seeded_path), "--parties", "Abai region", "Omsk region", "-o", str(out_pdf),
                   "--as-of", "2025-07-02", *extra])
    _out, err = capsys.readouterr()
    assert status == 0, err
    # A line may break after a dash ("қаңтар–" / "мамыр"); read such a break as no space.
    return " ".join(pdf_pages(out_pdf)).replace("– ", "–")


@pytest.mark.slow
@pytest.mark.parametrize(("language", "expected"), [
    ("ru", ("Справка о сотрудничестве", "Ключевые показатели", "128,6 млн долл. США", "янв.–май 2025",
            "Абайская область – Омская область", "Берик Уали", "Аким Абайской области", "Должностные лица",
            "Торговля: Абайская область – Российская Федерация", "Экспорт", "Источники")),
    ("kk", ("ынтымақтастық туралы анықтама", "Негізгі көрсеткіштер", "128,6 млн АҚШ доллары",
            "2025 ж. қаңтар–мамыр", "Абай облысы – Омбы облысы", "Берік Уәли", "Абай облысының әкімі",
            "Лауазымды тұлғалар", "Экспорт", "Дереккөздер")),
])
def test_the_sheet_speaks_the_language_asked_for(qapp, capsys, seeded_path, tmp_path, language, expected):
    text = _sheet_text(capsys, seeded_path, tmp_path, "--language", language)
    for words in expected:
        assert words.replace("– ", "–") in text, words
    for english in ("Key figures", "Officials", "USD 128.6", "Jan–May"):
        assert english not in text, text[max(0, text.find(english) - 200):text.find(english) + 50]


@pytest.mark.slow
def test_the_sheet_follows_the_system_language_when_none_is_asked_for(qapp, capsys, seeded_path, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setenv("LANGUAGE", "ru")
    assert "Ключевые показатели" in _sheet_text(capsys, seeded_path, tmp_path)


def test_an_unknown_language_is_one_sentence(capsys, seeded_path, tmp_path):
    status = main(["pdf", "--db", str(seeded_path), "--parties", "Abai region", "Omsk region",
                   "-o", str(tmp_path / "x.pdf"), "--language", "de"])
    _out, err = capsys.readouterr()
    assert status == 1 and err.strip().count("\n") == 0 and "de" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_name_missing_in_the_sheets_language_is_another_form_marked_never_blank(seeded_db):
    import datetime as dt

    a = store.save(seeded_db, Party(kind="region", name_en="Pavlodar region", name_kk="Павлодар облысы"))
    b = seeded_db.execute("SELECT id FROM parties WHERE name_en = 'Omsk region'").fetchone()[0]
    sheet = compose(seeded_db, a, b, as_of=dt.date(2025, 7, 2), language="ru")
    assert (sheet.a.name, sheet.a.name.borrowed) == ("Павлодар облысы", True)
    assert (sheet.b.name, sheet.b.name.borrowed) == ("Омская область", False)
    english = compose(seeded_db, a, b, as_of=dt.date(2025, 7, 2), language="en")
    assert english.a.name == "Pavlodar region" and not english.a.name.borrowed


@pytest.mark.slow
@pytest.mark.parametrize(("language", "expected"), [
    ("ru", ("Товарооборот, который не сходится", "Аким Абайской области · дата начала неизвестна",
            "опубликовано 2 июл. 2025 г.")),
    ("kk", ("Сәйкес келмейтін тауар айналымы", "Абай облысының әкімі · басталған күні белгісіз")),
])
def test_check_headings_and_unknown_starts_follow_the_sheets_language(qapp, capsys, seeded_path, tmp_path,
                                                                      language, expected):
    text = _sheet_text(capsys, seeded_path, tmp_path, "--language", language)
    for words in expected:
        assert words in text, words
    for wrong in ("Turnover that does not add up", "unknown", "неизвестно", "белгісіз бастап", "г.."):
        assert wrong not in text, wrong
