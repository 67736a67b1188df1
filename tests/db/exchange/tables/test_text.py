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


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "cp866", "utf-16-le", "utf-16", "utf-32"])
@pytest.mark.parametrize("text", ["a,b\n1,2\n3,4", "a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n", "", "\n\n\n", "одна строка"])
def test_counting_lines_by_their_bytes_agrees_with_counting_them_as_text(tmp_path, codec, text):
    path = tmp_path / "x.csv"
    path.write_text(text, encoding=codec, newline="")
    assert scan(path, codec) == text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def test_a_line_of_more_bytes_than_the_limit_but_fewer_letters_is_a_row(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n" + "я" * 600_000 + ",1\n2,3\n", encoding="utf-8")  # 1.2 MB, 600,002 letters
    assert scan(path, "utf-8") == 3
    path.write_text("a,b\n" + "я" * ((1 << 20) + 1) + "\n", encoding="utf-8")
    with pytest.raises(LineTooLong, match="row 2 is longer than 1 MB"):
        scan(path, "utf-8")
