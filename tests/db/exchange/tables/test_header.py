"""The header row: found below title rows, its names recognised in three languages, and mapped by hand."""

import pytest

from db.exchange.tables.header import Mapping, column_letter, field_of, find_header, layout_key


@pytest.mark.parametrize(("name", "field"), [
    ("Показатель", "indicator"), ("Көрсеткіш", "indicator"), ("Период", "period"), ("Кезең", "period"),
    ("Значение", "value"), ("Мәні", "value"), ("Единица измерения", "unit"), ("Страна-партнёр", "counterpart"),
    ("Регион", "subject"), ("Источник", "source_title"), ("Source Title", "source_title"),
    ("period_end", "period_end"), ("Значение, млн долл. США", "value"), ("Comment", None),
])
def test_header_names_in_three_languages(name, field):
    assert field_of(name) == field


def test_the_header_is_found_below_title_rows_and_a_group_heading():
    rows = [["Экспорт Абайской области", "", ""], [], ["Страна", "Период", "Период"], ["Страна", "2023", "2024"],
            ["Китай", "1", "2"]]
    assert find_header(rows, Mapping()) == 3


def test_no_header_is_found_in_rows_of_figures():
    assert find_header([["Abai region", "exports", "2024-01-01", "1"]], Mapping()) is None


def test_a_mapping_names_columns_by_header_letter_or_number_and_values_for_every_row():
    mapping = Mapping.parse(["Млн=value", "C=indicator", "4=ignore"], ["source_title=Бюллетень"])
    assert mapping.field_for(0, "Млн") == "value"
    assert mapping.field_for(2, "anything") == "indicator"
    assert mapping.field_for(3, "x") == "ignore"
    assert mapping.values == {"source_title": "Бюллетень"}
    with pytest.raises(ValueError, match="is not a field"):
        Mapping.parse(["A=colour"], [])


def test_column_letters_and_layout_keys():
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
    assert layout_key(["Регион", "Значение"]) == layout_key([" регион ", "ЗНАЧЕНИЕ"])
    assert layout_key(["Регион", "Значение"]) != layout_key(["Регион", "Млн"])
