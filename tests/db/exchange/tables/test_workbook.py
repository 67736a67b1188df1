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
    old_excel = tmp_path / "old.xls"  # the compound-file header of Excel 97–2003
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(NotAWorkbook, match="an old .xls file"):
        Workbook(old_excel)


def test_a_sheet_is_read_once_however_often_it_is_asked_for(tmp_path, monkeypatch):
    book = Workbook(files.workbook(tmp_path))
    try:
        reads = []
        read = book.book.get_sheet_by_name
        monkeypatch.setattr(book, "book", type("Counted", (), {
            "get_sheet_by_name": lambda _self, name: reads.append(name) or read(name), "close": lambda _self: None})())
        assert book.height("Экспорт") == 5
        assert len(list(book.rows("Экспорт"))) == 5
        assert reads == ["Экспорт"]
    finally:
        book.close()


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


def test_a_sheet_read_is_kept_for_the_next_opening_of_the_unchanged_file(tmp_path):
    from db.exchange.tables import workbook

    path = files.workbook(tmp_path)
    first = Workbook(path)
    kept = first._sheet("Экспорт")
    first.close()
    again = Workbook(path)
    try:
        assert again._sheet("Экспорт") is kept  # the import dialog's next reading costs nothing
    finally:
        again.close()
    files.workbook(tmp_path)  # written again: a changed file is read again
    changed = Workbook(path)
    try:
        assert changed._sheet("Экспорт") is not kept
    finally:
        changed.close()
    workbook.release()
    assert not workbook._KEPT
