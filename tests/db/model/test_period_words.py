"""Periods as tables publish them, in three languages, read into exact days and a precision."""

import datetime as dt

import pytest

from db.model.dates import DateError, Precision
from db.model.period_words import parse_day, parse_period

D = dt.date


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("январь–май 2025", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("в январе–мае 2025 года", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("янв.-май 2025", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("қаңтар–мамыр 2025", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("2025 жылғы қаңтар-мамыр", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("Jan-May 2025", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("январь-декабрь 2024", D(2024, 1, 1), D(2024, 12, 31), Precision.MONTH),
    ("5 месяцев 2025 г.", D(2025, 1, 1), D(2025, 5, 31), Precision.MONTH),
    ("май 2025", D(2025, 5, 1), D(2025, 5, 31), Precision.MONTH),
    ("September 2025", D(2025, 9, 1), D(2025, 9, 30), Precision.MONTH),
    ("12/2024", D(2024, 12, 1), D(2024, 12, 31), Precision.MONTH),
    ("02.2024", D(2024, 2, 1), D(2024, 2, 29), Precision.MONTH),
    ("2024 год", D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR),
    ("2024г.", D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR),
    ("2024 жыл", D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR),
    ("2024", D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR),
    ("2023–2024", D(2023, 1, 1), D(2024, 12, 31), Precision.YEAR),
    ("I квартал 2025", D(2025, 1, 1), D(2025, 3, 31), Precision.QUARTER),
    ("II кв. 2025", D(2025, 4, 1), D(2025, 6, 30), Precision.QUARTER),
    ("1-й квартал 2025 г.", D(2025, 1, 1), D(2025, 3, 31), Precision.QUARTER),
    ("2025 жылғы I тоқсан", D(2025, 1, 1), D(2025, 3, 31), Precision.QUARTER),
    ("Q3 2025", D(2025, 7, 1), D(2025, 9, 30), Precision.QUARTER),
    ("4th quarter 2024", D(2024, 10, 1), D(2024, 12, 31), Precision.QUARTER),
    ("1-е полугодие 2025", D(2025, 1, 1), D(2025, 6, 30), Precision.MONTH),
    ("I жартыжылдық 2025", D(2025, 1, 1), D(2025, 6, 30), Precision.MONTH),
    ("first half of 2025", D(2025, 1, 1), D(2025, 6, 30), Precision.MONTH),
    ("H2 2024", D(2024, 7, 1), D(2024, 12, 31), Precision.MONTH),
    ("31.12.2024", D(2024, 12, 31), D(2024, 12, 31), Precision.DAY),
    ("2024-12-31", D(2024, 12, 31), D(2024, 12, 31), Precision.DAY),
    ("01.01.2025–31.05.2025", D(2025, 1, 1), D(2025, 5, 31), Precision.DAY),
])
def test_periods_are_read_as_tables_write_them(text, start, end, precision):
    found = parse_period(text)
    assert (found.start, found.end, found.precision) == (start, end, precision)
    assert found.iso == (start.isoformat(), end.isoformat())


@pytest.mark.parametrize("text", ["", "hello", "2025-13", "май-январь 2025", "32.01.2025", "Q5 2025",
                                  "2024 2025 2026", "31.05.2025–01.01.2025"])
def test_text_that_names_no_period_is_refused_with_a_sentence_naming_it(text):
    with pytest.raises(DateError) as error:
        parse_period(text)
    assert text.strip() in str(error.value)


def test_a_day_is_read_day_first_or_iso():
    assert parse_day("31.12.2024") == parse_day("2024-12-31") == D(2024, 12, 31)
    with pytest.raises(DateError):
        parse_day("12/2024")
