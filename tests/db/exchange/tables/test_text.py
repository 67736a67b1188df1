"""Text tables: the delimiter from the header's names, and a line too long refused before it is read."""

import pytest

from db.exchange.tables.text import LineTooLong, guess_delimiter, scan


def test_the_delimiter_splits_the_header_into_known_names():
    assert guess_delimiter(["Регион;Значение,Единица;Источник\n"]) == ";"
    assert guess_delimiter(["subject\tvalue\tunit\n", "A\t1\tUSD\n"]) == "\t"


def test_scanning_counts_lines_and_refuses_a_long_one_with_its_row(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n" + "9" * (2 << 20) + "\n", encoding="utf-8")
    with pytest.raises(LineTooLong, match="row 3 is longer than 1 MB"):
        scan(path, "utf-8")
    path.write_text("a,b\n1,2\n3,4", encoding="utf-8")
    assert scan(path, "utf-8") == 3
