"""Numbers, money, dates, periods and changes as each language writes them (CLDR via Babel);
English stays exactly as it was."""

import datetime as dt

import pytest

from db.model.dates import FuzzyDate, Period
from db.model.formatting import (
    format_change,
    format_day,
    format_number,
    format_quantity,
    format_unit,
)
from db.model.i18n import using_language

JAN_MAY = Period(dt.date(2025, 1, 1), dt.date(2025, 5, 31))


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ("128.6", "1,234,567", "USD 128.6 million", "178 enterprises", "Jan–May 2025", "2 Jul 2025",
            "Q4 2025", "+12.3%")),
    ("ru", ("128,6", "1\xa0234\xa0567", "128,6 млн долл. США", "178 предприятий", "янв.–май 2025",
            "2 июл. 2025\u202fг.", "4 кв. 2025", "+12,3\xa0%")),
    ("kk", ("128,6", "1\xa0234\xa0567", "128,6 млн АҚШ доллары", "178 кәсіпорын", "2025 ж. қаңтар–мамыр",
            "2025\u202fж. 2 шілде", "2025 ж. 4-тоқсан", "+12,3%")),
])
def test_each_language_writes_figures_and_dates_its_own_way(language, expected):
    with using_language(language):
        assert (format_number(128.6), format_number(1234567), format_quantity(128.6, "USD million"),
                format_quantity(178, "enterprises"), JAN_MAY.label(), format_day(dt.date(2025, 7, 2)),
                FuzzyDate.parse("Q4 2025").label(), format_change(0.123)) == expected


def test_a_figure_is_never_rounded_in_any_language():
    with using_language("ru"):
        assert format_number(0.1234567) == "0,1234567"
        assert format_number(507.0) == "507"


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ("USD million", "USD", "thousand tonnes", "KZT billion")),
    ("ru", ("млн долл. США", "долл. США", "тыс. т", "млрд тенге")),
    ("kk", ("млн АҚШ доллары", "АҚШ доллары", "мың тонна", "млрд теңге")),
])
def test_a_unit_on_its_own_is_named_as_each_language_names_it(language, expected):
    with using_language(language):
        assert tuple(format_unit(u) for u in ("USD million", "USD", "thousand tonnes", "KZT billion")) == expected
