"""The indicator CSV: every dialect statistics offices use, every kind of bad row refused with
its sentence and nothing written, and re-importing the same file adding nothing."""

import codecs

import pytest

from db.errors import Cancelled
from db.exchange.figures import importing
from db.exchange.figures import writer as figure_writer
from db.exchange.imports import ImportRejected, import_file
from db.read import queries
from tests.db.content import content

HEADER = "subject,counterpart,indicator,period_start,period_end,value,unit,source_title,source_url,source_published"
GOOD = ("Abai region,Russian Federation,exports,2024-01-01,2024-12-31,67.8,USD million,"
        "Customs bulletin,https://stat.example/b,2025-02-01")


def _write(tmp_path, text, *, name="figures.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _figures(db):
    return db.execute(
        "SELECT s.name_en, c.name_en, i.indicator, i.period_start, i.period_end, i.value, i.unit, src.title "
        "FROM indicators i JOIN parties s ON s.id = i.subject_id LEFT JOIN parties c ON c.id = i.counterpart_id "
        "JOIN indicators_sources l ON l.indicator_id = i.id JOIN sources src ON src.id = l.source_id "
        "WHERE src.title <> (SELECT title FROM sources ORDER BY id LIMIT 1) ORDER BY i.id").fetchall()


# -- dialects ----------------------------------------------------------------------------------
DIALECTS = {
    "comma, UTF-8, decimal point": (HEADER + "\n" + GOOD + "\n", "utf-8"),
    "comma, UTF-8 with BOM": ("\ufeff" + HEADER + "\r\n" + GOOD + "\r\n", "utf-8"),
    "semicolon, Windows-1251, decimal comma": (
        HEADER.replace(",", ";") + "\r\n" + GOOD.replace(",", ";").replace("67.8", "67,8") + "\r\n", "cp1251"),
    "semicolon, UTF-8, grouped decimal comma": (
        HEADER.replace(",", ";") + "\n" + GOOD.replace(",", ";").replace("67.8", "67,80") + "\n", "utf-8"),
    "tab, UTF-16 (Excel's Unicode text)": (
        "\ufeff" + HEADER.replace(",", "\t") + "\r\n" + GOOD.replace(",", "\t") + "\r\n", "utf-16-le"),
    "comma with a quoted decimal comma": (HEADER + "\n" + GOOD.replace("67.8", '"67,8"') + "\n", "utf-8"),
}


def test_a_comma_after_a_leading_zero_is_a_decimal_comma_not_a_thousands_group(seeded_db, tmp_path):
    """"0,001" is never a thousand; with no other value to tell, it is one thousandth."""
    path = _write(tmp_path, HEADER + "\n" + GOOD.replace("67.8", '"0,001"') + "\n")
    importing.import_figures(seeded_db, path)
    assert _figures(seeded_db)[0][5] == 0.001


@pytest.mark.parametrize(("separator", "written"), [(",", '"1,001"'), (";", "1.001")])
def test_a_lone_group_with_nothing_to_tell_the_decimal_is_refused_not_guessed(seeded_db, tmp_path, separator,
                                                                              written):
    """"1,001" may be a thousand and one or a little over one: without another value that
    shows the file's decimal separator, the import refuses it and writes nothing."""
    row = GOOD.replace(",", separator).replace("67.8", written)
    path = _write(tmp_path, HEADER.replace(",", separator) + "\n" + row + "\n")
    assert "(assumed)" in importing.preview(path).describe()
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as refused:
        importing.import_figures(seeded_db, path)
    assert f"'{written.strip(chr(34))}' is ambiguous" in str(refused.value.problems[0])
    assert content(seeded_db) == before


def test_another_value_tells_the_decimal_so_a_lone_group_is_read_exactly(seeded_db, tmp_path):
    second = GOOD.replace("exports", "imports").replace("67.8", "12.5")
    path = _write(tmp_path, HEADER + "\n" + GOOD.replace("67.8", '"1,001"') + "\n" + second + "\n")
    importing.import_figures(seeded_db, path)
    assert [f[5] for f in _figures(seeded_db)] == [1001.0, 12.5]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_each_dialect_reads_the_same_figure(seeded_db, tmp_path, dialect):
    text, encoding = DIALECTS[dialect]
    path = _write(tmp_path, text, encoding=encoding)
    report = importing.import_figures(seeded_db, path)
    assert report.summary() == "1 new, 0 already present"
    assert _figures(seeded_db) == [("Abai region", "Russian Federation", "exports", "2024-01-01", "2024-12-31",
                                    67.8, "USD million", "Customs bulletin")]


def test_the_detected_dialect_is_described(tmp_path):
    text, encoding = DIALECTS["semicolon, Windows-1251, decimal comma"]
    text = text.replace("Russian Federation", "Российская Федерация")
    preview = importing.preview(_write(tmp_path, text, encoding=encoding))
    assert preview.describe() == "Windows-1251, semicolon-separated, decimal comma"
    assert preview.layout.header[0] == "subject" and preview.sample[0][1][5] == "67,8"
    assert preview.sample[0][1][1] == "Российская Федерация"
    plain = importing.preview(_write(tmp_path, HEADER + "\n" + GOOD + "\n", name="plain.csv"))
    assert plain.describe() == "UTF-8, comma-separated, decimal point"


def test_cyrillic_in_windows_1251_and_thousands_groups_with_the_known_indicator_and_unit(seeded_db, tmp_path):
    text = ("indicator;subject;counterpart;period_start;period_end;value;unit;source_title\r\n"
            "Товарооборот;Абайская область;Российская Федерация;2024-01-01;2024-12-31;1 234,5;млн долл. США;"
            "Бюро национальной статистики\r\n")
    importing.import_figures(seeded_db, _write(tmp_path, text, encoding="cp1251"))
    assert _figures(seeded_db) == [("Abai region", "Russian Federation", "turnover", "2024-01-01",
                                    "2024-12-31", 1234.5, "USD million", "Бюро национальной статистики")]


def test_headers_in_any_order_and_any_case_with_extra_columns_ignored(seeded_db, tmp_path):
    text = ("Value,Unit,Source Title,Period_End,period_start,Indicator,Subject,Comment\n"
            "12.5,USD million,Bulletin,2024-03-31,2024-01-01,Imports,abai region,anything\n")
    path = _write(tmp_path, text)
    assert importing.preview(path).layout.ignored == ["Comment"]
    importing.import_figures(seeded_db, path)
    assert _figures(seeded_db) == [("Abai region", None, "imports", "2024-01-01", "2024-03-31", 12.5,
                                    "USD million", "Bulletin")]


def test_cells_guarded_against_formulas_are_read_without_the_apostrophe(seeded_db, tmp_path):
    text = HEADER + "\n" + GOOD.replace("Customs bulletin", "'=Customs bulletin") + "\n"
    importing.import_figures(seeded_db, _write(tmp_path, text))
    assert _figures(seeded_db)[0][-1] == "=Customs bulletin"


def test_empty_rows_are_skipped(seeded_db, tmp_path):
    text = HEADER + "\n,,,,,,,,,\n" + GOOD + "\n\n, ,\n"
    assert importing.import_figures(seeded_db, _write(tmp_path, text)).summary() == "1 new, 0 already present"


# -- parties and sources -------------------------------------------------------------------------
def test_parties_match_by_either_name_in_any_case_and_unknown_ones_are_created(seeded_db, tmp_path):
    rows = [
        "ОМСКАЯ ОБЛАСТЬ,kazakhstan,exports,2024-01-01,2024-12-31,1,USD million,B,,",
        "Pavlodar region,China,exports,2024-01-01,2024-12-31,2,USD million,B,,",
        "Город Семей,Китай,exports,2024-01-01,2024-12-31,3,USD million,B,,",
    ]
    report = importing.import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n"))
    assert report.new_parties == ["Pavlodar region (region)", "China (country)", "Город Семей (city)",
                                  "Китай (country)"]
    assert report.new_sources == ["B"]
    (semey,) = queries.find_parties(seeded_db, "город семей")
    assert (semey.name_en, semey.name_ru) == ("Город Семей", "Город Семей")
    assert [f[:2] for f in _figures(seeded_db)] == [("Omsk region", "Kazakhstan"), ("Pavlodar region", "China"),
                                                    ("Город Семей", "Китай")]


def test_a_known_source_is_reused(seeded_db, tmp_path):
    title = seeded_db.execute("SELECT title, published FROM sources").fetchone()
    text = (HEADER + "\n" + f'Abai region,,turnover,2023-01-01,2023-12-31,100,USD million,"{title[0].upper()}",,'
            f"{title[1]}\n")
    report = importing.import_figures(seeded_db, _write(tmp_path, text))
    assert report.new_sources == []
    assert queries.counts(seeded_db)["source"] == 1


def test_an_unknown_indicator_is_kept_as_written(seeded_db, tmp_path):
    text = HEADER + "\n" + GOOD.replace("exports", "tourist_arrivals") + "\n"
    importing.import_figures(seeded_db, _write(tmp_path, text))
    assert _figures(seeded_db)[0][2] == "tourist_arrivals"


def test_known_indicators_are_recognised_by_their_label(seeded_db, tmp_path):
    text = HEADER + "\n" + GOOD.replace("exports", "Trade Turnover") + "\n"
    importing.import_figures(seeded_db, _write(tmp_path, text))
    assert _figures(seeded_db)[0][2] == "turnover"


# -- importing again -----------------------------------------------------------------------------
def test_importing_the_same_file_twice_adds_nothing(seeded_db, tmp_path):
    rows = [GOOD, GOOD.replace("67.8", "70.4").replace("exports", "imports"), GOOD]  # the third repeats the first
    path = _write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    first = importing.import_figures(seeded_db, path)
    assert first.summary() == "2 new, 1 already present"
    before = content(seeded_db)
    again = importing.import_figures(seeded_db, path)
    assert again.summary() == "0 new, 3 already present"
    assert again.new_parties == [] and again.new_sources == []
    assert content(seeded_db) == before


def test_the_same_figure_from_another_source_is_new(seeded_db, tmp_path):
    importing.import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + GOOD + "\n"))
    other = _write(tmp_path, HEADER + "\n" + GOOD.replace("Customs bulletin", "Other") + "\n", name="o.csv")
    assert importing.import_figures(seeded_db, other).summary() == "1 new, 0 already present"


def test_a_dry_run_reports_everything_and_writes_nothing(seeded_db, tmp_path):
    before = content(seeded_db)
    text = HEADER + "\n" + GOOD.replace("Russian Federation", "Mongolia") + "\n"
    report = importing.import_figures(seeded_db, _write(tmp_path, text), dry_run=True)
    assert report.summary() == "1 new, 0 already present"
    assert report.new_parties == ["Mongolia (country)"]
    assert content(seeded_db) == before


def test_stopping_rolls_everything_back(seeded_db, tmp_path):
    path = _write(tmp_path, HEADER + "\n" + "\n".join(
        GOOD.replace("67.8", str(n)) for n in range(12_000)) + "\n")
    before = content(seeded_db)

    class StopLater:
        def report(self, done, total):
            pass

        def check_cancelled(self):
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        importing.import_figures(seeded_db, path, steps=StopLater())
    assert content(seeded_db) == before


# -- bad files and rows ---------------------------------------------------------------------------
BAD_ROWS = {
    "bad number": (GOOD.replace("67.8", "abc"), "row 2, column value: 'abc' is not a number"),
    "bad date": (GOOD.replace("2024-12-31", "2024-02-30"),
                 "row 2, column period_end: '2024-02-30' is not a real calendar date"),
    "not a date": (GOOD.replace("2024-01-01", "early 2024"),
                   "row 2, column period_start: 'early 2024' is not a date (write it as 2024-12-31, 31.12.2024 "
                   "or 12/2024)"),
    "end before start": (GOOD.replace("2024-12-31", "2023-12-31"),
                         "row 2, column period_end: period end cannot be before period start"),
    "missing cell": (GOOD.rsplit(",", 3)[0], "row 2, column source_title: the cell is missing "
                     "(the row has 7 cells, the header 10)"),
    "extra cell": (GOOD + ",surplus", "row 2, column 11: the row has 11 cells, the header only 10"),
    "negative value": (GOOD.replace("67.8", "-5"), "row 2, column value: value cannot be negative "
                       "(only a balance can)"),
    "no unit": (GOOD.replace("USD million", ""), "row 2, column unit: unit is required"),
    "no source": (GOOD.replace("Customs bulletin", ""), "row 2, column source_title: every fact needs at "
                  "least one source"),
    "bad address": (GOOD.replace("https://stat.example/b", "stat.example"),
                    "row 2, column source_url: 'stat.example' is not a web address (it should start with "
                    "http:// or https://)"),
    "decimal comma in a decimal-point file": (GOOD.replace("67.8", '"67,8"'),
                                              "row 3, column value: '67,8' has a decimal comma, but this "
                                              "file writes numbers with a decimal point"),
    "not a number": (GOOD.replace("67.8", "NaN"), "row 2, column value: 'NaN' is not a number"),
}


@pytest.mark.parametrize("case", BAD_ROWS)
def test_a_bad_row_rejects_the_whole_file_with_its_sentence(seeded_db, tmp_path, case):
    row, sentence = BAD_ROWS[case]
    lines = [HEADER, GOOD.replace("exports", "imports"), row]
    if case != "decimal comma in a decimal-point file":
        lines = [HEADER, row, GOOD.replace("exports", "imports")]
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as caught:
        import_file(seeded_db, _write(tmp_path, "\n".join(lines) + "\n"))
    assert caught.value.problems == [sentence]
    assert str(caught.value) == "“figures.csv” was not imported: 1 problem was found, so nothing was changed."
    assert content(seeded_db) == before


def test_a_party_name_that_names_several_parties_is_a_problem(seeded_db, tmp_path):
    seeded_db.execute("INSERT INTO parties (kind, name_en) VALUES ('city', 'Omsk region')")
    with pytest.raises(ImportRejected) as caught:
        importing.import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + GOOD.replace("Abai region", "omsk region")))
    assert caught.value.problems == ["row 2, column subject: 'omsk region' names 2 parties (Omsk region; "
                                     "Omsk region); use a name only one of them has"]


def test_the_first_twenty_problems_and_a_count_are_given(seeded_db, tmp_path):
    rows = [GOOD.replace("67.8", f"x{n}") for n in range(30)] + [GOOD.replace("2024-01-01", "soon")] * 5
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as caught:
        importing.import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n"))
    rejected = caught.value
    assert rejected.total == 35
    assert len(rejected.problems) == 20
    assert rejected.problems[0] == "row 2, column value: 'x0' is not a number"
    assert rejected.lines()[-1] == "… and 15 more"
    assert "35 problems were found" in str(rejected)
    assert content(seeded_db) == before


FILE_PROBLEMS = {
    "empty file": (b"", "the file is empty"),
    "only a byte-order mark": (codecs.BOM_UTF8 + b"\r\n", "the file is empty"),
    "header only": ((HEADER + "\n").encode(), "the file has a header row but no figures"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                    "it is not a text file (it holds binary data)"),
    "damaged spreadsheet workbook": (b"PK\x03\x04" + b"\x14" * 40, "it cannot be read as a spreadsheet workbook "
                                     "(it may be damaged, or an old .xls file); open it in a spreadsheet program "
                                     "and save it again as .xlsx or CSV"),
    "missing column": ((HEADER.replace(",value", "") + "\n" + GOOD.replace(",67.8", "") + "\n").encode(),
                       "the header row has no column “value”"),
    "no header": ((GOOD + "\n" + GOOD + "\n").encode(),
                  "the first row is not a header naming the columns (subject, counterpart, indicator, "
                  "period_start, period_end, value, unit, source_title, source_url, source_published)"),
    "too few letters to tell the encoding": (HEADER.encode() + b"\n\x98\x98\n", "its encoding cannot be told for "
                                             "sure: it reads as CP866 (DOS Cyrillic), but also as Windows-1251, KOI8-R, "
                                             "ISO-8859-5, Windows-1252; choose the encoding (on the command line: "
                                             "--encoding cp866)"),
    "a column twice": ((HEADER + ",value\n" + GOOD + ",1\n").encode(), "the column “value” appears twice in the "
                       "header row"),
}


@pytest.mark.parametrize("case", FILE_PROBLEMS)
def test_a_bad_file_is_refused_with_its_sentence(seeded_db, tmp_path, case):
    data, problem = FILE_PROBLEMS[case]
    path = tmp_path / "figures.csv"
    path.write_bytes(data)
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as caught:
        import_file(seeded_db, path)
    assert caught.value.problems == [problem]
    assert content(seeded_db) == before


def test_a_50_mb_line_is_refused_without_reading_it_whole(seeded_db, tmp_path):
    path = tmp_path / "figures.csv"
    with path.open("w") as handle:
        handle.write(HEADER + "\n" + GOOD + "\n")
        handle.write("Abai region," + "9" * (50 * 1024 * 1024) + "\n")
    before = content(seeded_db)
    with pytest.raises(ImportRejected) as caught:
        importing.import_figures(seeded_db, path)
    assert caught.value.problems == ["row 3 is longer than 1 MB, so the file is not a table of figures"]
    assert content(seeded_db) == before


def test_a_huge_quoted_cell_spread_over_lines_is_refused(seeded_db, tmp_path):
    cell = '"' + "x\n" * 600_000 + '"'  # 1.2 MB in short lines: each line passes, the cell does not
    path = _write(tmp_path, HEADER + "\n" + GOOD.replace("Customs bulletin", cell) + "\n")
    with pytest.raises(ImportRejected) as caught:
        importing.import_figures(seeded_db, path)
    assert caught.value.problems == ["row 2 has a cell longer than 1 MB, so the file is not a table of figures"]


def test_a_read_only_database_is_left_alone(seeded_path, tmp_path):
    from db.errors import DatabaseReadOnly
    from db.file.connection import open_database

    db = open_database(seeded_path, read_only=True)
    with pytest.raises(DatabaseReadOnly):
        importing.import_figures(db, _write(tmp_path, HEADER + "\n" + GOOD + "\n"))
    db.close()


def _indexes(db):
    return sorted(r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicators' AND sql IS NOT NULL"))


def _many(n):
    return HEADER + "\n" + "\n".join(GOOD.replace("67.8", str(v)) for v in range(n)) + "\n"


def test_a_large_import_rebuilds_the_figure_indexes_and_keeps_them(seeded_db, tmp_path, monkeypatch):
    monkeypatch.setattr(figure_writer, "REBUILD_INDEXES_AT", 10)
    before = _indexes(seeded_db)
    report = importing.import_figures(seeded_db, _write(tmp_path, _many(40)))
    assert report.summary() == "40 new, 0 already present"
    assert _indexes(seeded_db) == before
    assert seeded_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert seeded_db.execute("SELECT count(*) FROM indicators INDEXED BY indicators_value WHERE value >= 0"
                             ).fetchone()[0] == 45


def test_stopping_while_indexes_are_rebuilt_restores_them(seeded_db, tmp_path, monkeypatch):
    monkeypatch.setattr(figure_writer, "REBUILD_INDEXES_AT", 10)
    before, content_before = _indexes(seeded_db), content(seeded_db)

    class StopWhileWriting:
        def report(self, done, total):
            self.done = done

        def check_cancelled(self):
            if getattr(self, "done", 0) >= 900:
                raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        importing.import_figures(seeded_db, _write(tmp_path, _many(40)), steps=StopWhileWriting())
    assert _indexes(seeded_db) == before
    assert content(seeded_db) == content_before
