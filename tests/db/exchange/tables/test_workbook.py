"""Workbooks: a chosen sheet's rows as text, merged ranges filled, damaged files refused."""

import pytest

from db.exchange.tables.workbook import NotAWorkbook, Workbook, cell_text
from tests.db.exchange import statistics_files as files


def test_merged_header_cells_name_every_column_under_them(tmp_path):
    book = Workbook(files.workbook(tmp_path))
    try:
        assert book.sheets == ["Титул", "Экспорт"]
        rows = dict(book.rows(book.sheet("экспорт")))
        assert rows[1] == ["Экспорт Абайской области по странам, млн долл. США"] * 4
        assert rows[2] == ["Страна", "Период", "Период", "Период"]
        assert rows[3] == ["Страна", "2022", "2023", "2024 год"]
        assert rows[5] == ["Китай", "10", "-", "3.25"]
    finally:
        book.close()


def test_a_missing_sheet_and_a_damaged_file_are_sentences(tmp_path):
    book = Workbook(files.workbook(tmp_path))
    with pytest.raises(NotAWorkbook, match="has no sheet “Импорт”"):
        book.sheet("Импорт")
    book.close()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(NotAWorkbook, match="cannot be read as a spreadsheet workbook"):
        Workbook(broken)


def test_an_opendocument_sheet_is_read(tmp_path):
    book = Workbook(files.ods(tmp_path))
    try:
        rows = dict(book.rows(book.sheet(None)))
        assert rows[1][0] == "Регион" and rows[2][5] == "1 067,8"
    finally:
        book.close()


def test_cells_are_written_as_a_csv_would_hold_them():
    import datetime as dt

    assert [cell_text(v) for v in (None, 2024.0, 67.8, 3, dt.datetime(2024, 12, 31), True)] == [
        "", "2024", "67.8", "3", "2024-12-31", "TRUE"]
