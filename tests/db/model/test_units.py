"""Units with their scale in three languages: one stored spelling, conversion only to compare."""

import pytest

from db.model.units import (
    Unit,
    amount,
    canonical_unit,
    convert,
    display_unit,
    measure_of,
    parse_unit,
    rescale,
    same_measure,
)


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


@pytest.mark.parametrize(("value", "unit", "to", "exactly"), [
    (67.8, "USD million", "USD thousand", 67800.0),
    (128600.0, "USD thousand", "USD million", 128.6),
    (0.1, "USD billion", "USD thousand", 100000.0),
    (1.15, "KZT trillion", "KZT billion", 1150.0),
    (2.5, "thousand tonnes", "tonnes", 2500.0),
    (507.0, "USD million", "USD million", 507.0),
])
def test_a_value_is_rewritten_in_another_scale_exactly_as_its_digits_read(value, unit, to, exactly):
    assert rescale(value, unit, to) == exactly  # never 67800.00000000001


def test_a_value_is_never_rewritten_in_another_measure():
    with pytest.raises(ValueError):
        rescale(1.0, "USD million", "KZT million")


def test_equal_amounts_are_equal_numbers_whatever_their_scale():
    assert amount(128.6, "USD million") == amount(128600, "USD thousand") == 128_600_000
    assert amount(128.6, "USD million") != amount(130000, "USD thousand")
    assert amount(178, "enterprises") == 178 and amount(3, "parrots") == 3


def test_scales_of_one_measure_compare_and_other_measures_never():
    assert measure_of("USD thousand") == measure_of("USD million") == "USD"
    assert same_measure("USD thousand", "USD billion")
    assert not same_measure("USD million", "KZT million")
    assert not same_measure("USD million", "thousand tonnes")
    # A unit Fact Sheet does not know is compared only with itself.
    assert same_measure("parrots", "parrots") and not same_measure("parrots", "USD")


@pytest.mark.parametrize(("counts", "shown"), [
    ({"USD thousand": 15, "USD million": 8}, "USD thousand"),
    ({"USD thousand": 1, "USD million": 2}, "USD million"),
    ({"USD thousand": 2, "USD million": 2}, "USD million"),  # a tie: the larger scale
    ({"USD billion": 1, "USD": 1, "USD thousand": 1}, "USD billion"),
])
def test_a_series_is_shown_in_the_unit_most_of_its_figures_use(counts, shown):
    assert display_unit(counts) == shown

