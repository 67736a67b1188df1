"""Indicator names in three languages mapped to the known indicators; anything else is None."""

import pytest

from db.model.indicator_names import known_indicator, split_unit
from db.model.units import Unit


@pytest.mark.parametrize(("text", "key"), [
    ("Экспорт", "exports"), ("экспорт товаров", "exports"), ("Exports", "exports"), ("Экспорт, всего", "exports"),
    ("Импорт", "imports"), ("Импорт товаров", "imports"),
    ("Товарооборот", "turnover"), ("Внешнеторговый оборот", "turnover"), ("Trade turnover", "turnover"),
    ("Товарооборот (экспорт + импорт)", "turnover"), ("Сыртқы сауда айналымы", "turnover"),
    ("Прямые иностранные инвестиции", "investment_inflow"), ("FDI inflow", "investment_inflow"),
    ("Тікелей шетелдік инвестициялар", "investment_inflow"), ("investment_inflow", "investment_inflow"),
    ("Количество предприятий", "enterprise_count"),
])
def test_names_in_three_languages_find_the_known_indicator(text, key):
    assert known_indicator(text) == key


@pytest.mark.parametrize("text", ["", "Экспорт услуг", "Retail sales", "Ёлки"])
def test_other_names_are_not_guessed(text):
    assert known_indicator(text) is None


def test_a_unit_written_into_the_name_is_split_off():
    assert split_unit("Экспорт, млн долл. США") == ("Экспорт", Unit("USD", 10**6))
    assert split_unit("Exports (USD thousand)") == ("Exports", Unit("USD", 10**3))
    assert split_unit("Товарооборот, всего") == ("Товарооборот, всего", None)
