"""How numbers are written: the decimal separator told by the first rows, and odd values refused."""

from db.exchange.tables.values import Numbers, clean, guess_decimal


def test_the_decimal_separator_is_told_by_the_values():
    assert guess_decimal(["1 234,5", "7"], ";") == (",", True)
    assert guess_decimal(["1,234.5"], ",") == (".", True)
    assert guess_decimal(["12"], ";") == (",", False)


def test_numbers_read_fast_and_refuse_what_is_not_one():
    comma = Numbers(",")
    assert comma.read("67,8") == 67.8 and comma.read("1 067,8") == 1067.8 and comma.read("-0") == 0.0
    point = Numbers(".")
    assert point.read("67.8") == 67.8
    assert "decimal comma" in point.read("67,8")
    assert point.read("nan") == "'nan' is not a number."
    assert isinstance(point.read("1_000"), str)
    assert "ambiguous" in Numbers(".", decimal_known=False).read("1,001")


def test_a_formula_guard_is_removed():
    assert clean(" '=SUM ") == "=SUM" and clean("'plain") == "'plain"
