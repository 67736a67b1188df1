"""Wide tables: one figure per cell under a period header; the first column's names tell what they are."""

from db.exchange.tables.header import header_period
from db.exchange.tables.wide import figure_cells, label_field


def test_each_filled_cell_under_a_period_is_a_figure():
    periods = {1: header_period("2023"), 2: header_period("2024 год"), 3: header_period("I кв. 2025")}
    assert figure_cells(["Китай", "10", "-", "3,5"], periods) == [
        (1, "2023-01-01", "2023-12-31", "10"), (3, "2025-01-01", "2025-03-31", "3,5")]


def test_a_day_is_not_a_period_heading():
    assert header_period("31.12.2024") is None and header_period("Страна") is None


def test_names_down_the_first_column_are_indicators_or_partners():
    assert label_field([["Экспорт"], ["Импорт, млн долл. США"], ["Товарооборот"]], 0) == "indicator"
    assert label_field([["Китай"], ["Российская Федерация"]], 0) == "counterpart"
