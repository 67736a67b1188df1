"""Units with their scale in three languages: one stored spelling, conversion only to compare."""

import pytest

from db.model.units import Unit, canonical_unit, convert, parse_unit


@pytest.mark.parametrize(("text", "name"), [
    ("USD million", "USD million"),
    ("млн долл. США", "USD million"),
    ("млн. долл. США", "USD million"),
    ("тыс. долл. США", "USD thousand"),
    ("млн долларов", "USD million"),
    ("миллионов долларов США", "USD million"),
    ("mln U.S. dollars", "USD million"),
    ("US$ million", "USD million"),
    ("$ bn", "USD billion"),
    ("thousand US dollars", "USD thousand"),
    ("USD, thousands", "USD thousand"),
    ("мың АҚШ доллары", "USD thousand"),
    ("млн АҚШ долл.", "USD million"),
    ("млрд тенге", "KZT billion"),
    ("млн руб.", "RUB million"),
    ("тыс. тонн", "thousand tonnes"),
    ("тыс.т", "thousand tonnes"),
    ("%", "%"),
    ("enterprises", "enterprises"),
    ("USD", "USD"),
])
def test_units_are_read_with_their_scale_into_one_spelling(text, name):
    assert canonical_unit(text) == name


@pytest.mark.parametrize("text", ["", "kg", "млн долл. США и евро", "млн млрд долларов", "parrots"])
def test_text_that_is_not_a_known_unit_gives_none_so_the_caller_asks(text):
    assert parse_unit(text) is None


def test_the_stored_name_reads_back_as_the_same_unit():
    for unit in (Unit("USD", 10**3), Unit("KZT", 10**9), Unit("tonnes", 10**3), Unit("%"), Unit("RUB")):
        assert parse_unit(unit.name) == unit


def test_values_convert_between_scales_of_one_measure_only():
    assert convert(1500, "тыс. долл. США", "USD million") == pytest.approx(1.5)
    assert convert(2, "млрд тенге", "млн тенге") == pytest.approx(2000)
    assert convert(1, "USD million", "млрд тенге") is None  # never across currencies
    assert convert(1, "USD million", "parrots") is None
