"""``factsheet import`` on statistics files as offices publish them: Russian and Kazakh headers,
periods across, workbooks with title rows and merged headers, Cyrillic encodings, and a bad
byte refused with its row and column. Every value lands as the right indicator, period, unit."""

import pytest

from db.file.connection import open_database
from desktop.app import main
from tests.db.content import content
from tests.db.exchange import statistics_files as files


def _figures(path, since):
    db = open_database(path)
    try:
        return db.execute(
            "SELECT i.indicator, i.period_start, i.period_end, i.value, i.unit, s.name_en, c.name_en, src.title "
            "FROM indicators i JOIN parties s ON s.id = i.subject_id LEFT JOIN parties c ON c.id = i.counterpart_id "
            "JOIN indicators_sources l ON l.indicator_id = i.id JOIN sources src ON src.id = l.source_id "
            "WHERE i.id > ? ORDER BY i.id", [since]).fetchall()
    finally:
        db.close()


def _last_id(path):
    db = open_database(path)
    try:
        return db.execute("SELECT coalesce(max(id), 0) FROM indicators").fetchone()[0]
    finally:
        db.close()


def _import(seeded_path, path, *options):
    since = _last_id(seeded_path)
    assert main(["import", "--db", str(seeded_path), str(path), *options]) == 0
    return _figures(seeded_path, since)


def _values(figures):
    return [f[:5] for f in figures]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_r", "cp866", "utf-16-le"])
def test_a_russian_header_csv_lands_as_the_known_indicators_periods_and_units(seeded_path, tmp_path, capsys,
                                                                             encoding):
    path = files.russian_csv(tmp_path, encoding)
    figures = _import(seeded_path, path)
    assert _values(figures) == files.RUSSIAN_EXPECTED
    # The seed's parties are found by their local names: no mojibake copy of the Abai region.
    assert {(f[5], f[6], f[7]) for f in figures} == {("Abai region", "Russian Federation", files.SOURCE)}
    assert "New parties" not in capsys.readouterr().out


def test_utf16_without_a_byte_order_mark_is_read(seeded_path, tmp_path):
    assert _values(_import(seeded_path, files.utf16_without_bom(tmp_path))) == files.RUSSIAN_EXPECTED


def test_kazakh_headers_and_written_periods(seeded_path, tmp_path):
    path = files.write(tmp_path, "kk.csv", files.KAZAKH_CSV)
    assert _values(_import(seeded_path, path)) == files.KAZAKH_EXPECTED


def test_a_wide_table_with_years_across_is_one_figure_per_cell(seeded_path, tmp_path):
    path = files.write(tmp_path, "wide.csv", files.WIDE_CSV, "cp1251")
    settings = [f"--set={k}={v}" for k, v in files.WIDE_SETTINGS.items()]
    figures = _import(seeded_path, path, *settings)
    assert _values(figures) == files.WIDE_EXPECTED
    assert [f[6] for f in figures] == ["Russian Federation"] * 3 + ["Китай"] * 2


def test_a_workbook_with_a_title_row_and_merged_header_cells(seeded_path, tmp_path):
    path = files.workbook(tmp_path)
    settings = [f"--set={k}={v}" for k, v in files.WIDE_SETTINGS.items()]
    figures = _import(seeded_path, path, "--sheet", "Экспорт", *settings)
    assert _values(figures) == files.WIDE_EXPECTED


def test_a_sheet_that_does_not_exist_is_one_sentence(seeded_path, tmp_path, capsys):
    before = seeded_path.read_bytes()
    assert main(["import", "--db", str(seeded_path), str(files.workbook(tmp_path)), "--sheet", "Импорт"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == ("factsheet: “export.xlsx” was not imported: the workbook has no sheet "
                                   "“Импорт” (its sheets: Титул, Экспорт); nothing was changed.")
    assert seeded_path.read_bytes() == before


def test_columns_are_mapped_by_hand(seeded_path, tmp_path):
    text = files.RUSSIAN_CSV.replace("Показатель", "Поток").replace("Значение", "Млн")
    text = text.replace("Поток", "Что")
    path = files.write(tmp_path, "mapped.csv", text)
    figures = _import(seeded_path, path, "--map", "Что=indicator", "--map", "F=value")
    assert _values(figures) == files.RUSSIAN_EXPECTED


def test_an_unrecognised_header_asks_for_a_mapping(seeded_path, tmp_path, capsys):
    path = files.write(tmp_path, "mapped.csv", files.RUSSIAN_CSV.replace("Значение", "Млн"))
    assert main(["import", "--db", str(seeded_path), str(path)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "factsheet: “mapped.csv” was not imported: the header row has no column “value”; nothing was changed.")


def test_a_utf8_file_with_one_bad_byte_is_refused_with_its_row_and_column(seeded_path, tmp_path, capsys):
    path = files.bad_byte_csv(tmp_path)
    before = _last_id(seeded_path), content_of(seeded_path)
    assert main(["import", "--db", str(seeded_path), str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "factsheet: “bad-byte.csv” was not imported: 1 problem was found, so nothing was changed."
    assert err[1] == ("  row 3, column Страна-партнёр: the byte 0xFF is not UTF-8, though the rest of the file is; "
                      "correct it in the file (it was not read in another encoding)")
    assert (_last_id(seeded_path), content_of(seeded_path)) == before


def test_an_unknown_indicator_and_unit_are_named_not_silently_new(seeded_path, tmp_path, capsys):
    text = files.RUSSIAN_CSV.replace("Импорт", "Реэкспорт").replace("70,4;млн долл. США", "70,4;млн попугаев")
    figures = _import(seeded_path, files.write(tmp_path, "odd.csv", text))
    assert figures[1][:1] + figures[1][4:5] == ("Реэкспорт", "млн попугаев")
    out = capsys.readouterr().out
    assert "Indicators Fact Sheet does not know, kept as written: Реэкспорт" in out
    assert "Units Fact Sheet does not recognise, kept as written: млн попугаев" in out


def test_a_bad_mapping_is_one_sentence(seeded_path, tmp_path, capsys):
    path = files.russian_csv(tmp_path)
    assert main(["import", "--db", str(seeded_path), str(path), "--map", "A=colour"]) == 1
    assert capsys.readouterr().err.startswith("factsheet: “ru.csv” was not imported: “colour” is not a field")


def content_of(path):
    db = open_database(path)
    try:
        return content(db)
    finally:
        db.close()


def test_an_opendocument_spreadsheet_is_read(seeded_path, tmp_path):
    assert _values(_import(seeded_path, files.ods(tmp_path))) == files.RUSSIAN_EXPECTED
