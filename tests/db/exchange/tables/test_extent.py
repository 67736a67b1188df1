"""A workbook sheet is measured before it is read: a few kilobytes naming a far cell are
refused with a sentence instead of asking the reader for billions of cells."""

import subprocess
import sys

import pytest

from db.exchange.tables import extent
from db.exchange.tables.workbook import NotAWorkbook, Workbook
from tests.db.exchange import statistics_files as files

_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Регион</t></is></c></row>'


def _cell(ref: str, value: str = "1") -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


@pytest.fixture
def book(tmp_path):
    return files.workbook(tmp_path)  # its first sheet is "Титул"


def test_a_far_cell_is_refused_with_the_place_it_reaches(tmp_path, book):
    far = files.with_sheet_xml(book, tmp_path / "far.xlsx", _HEADER + f'<row r="1048576">{_cell("XFD1048576")}</row>')
    with pytest.raises(extent.SheetTooLarge, match="reaches row 1,048,576 and column 16,384"):
        extent.check(far, "Титул")
    opened = Workbook(far)
    try:
        with pytest.raises(NotAWorkbook, match="save the table as CSV"):
            list(opened.rows("Титул"))
    finally:
        opened.close()


def test_cells_placed_by_their_order_alone_are_counted_too(tmp_path, book):
    row = '<row r="1048576"><c r="XFC1048576"><v>1</v></c><c><v>2</v></c></row>'  # the second is XFD
    far = files.with_sheet_xml(book, tmp_path / "order.xlsx", _HEADER + row)
    with pytest.raises(extent.SheetTooLarge, match="column 16,384"):
        extent.check(far, "Титул")
    styled_first = '<row r="1048576"><c s="1" r="XFD1048576"><v>1</v></c></row>'  # its place not first
    with pytest.raises(extent.SheetTooLarge, match="column 16,384"):
        extent.check(files.with_sheet_xml(book, tmp_path / "styled.xlsx", _HEADER + styled_first), "Титул")
    unplaced = "".join(f"<row>{'<c><v>1</v></c>' * 3}</row>" for _ in range(4))
    near = files.with_sheet_xml(book, tmp_path / "near.xlsx", unplaced)
    extent.check(near, "Титул")
    assert extent._xlsx_extent(__import__("zipfile").ZipFile(near), "Титул") == (4, 3)


def test_a_large_table_within_the_limit_is_read(tmp_path, book):
    rows = "".join(f'<row r="{n}">{_cell(f"A{n}")}{_cell(f"J{n}")}</row>' for n in range(1, 20_001))
    wide = files.with_sheet_xml(book, tmp_path / "wide.xlsx", rows)
    extent.check(wide, "Титул")  # 20,000 rows of ten columns
    opened = Workbook(wide)
    try:
        assert opened.height("Титул") == 20_000
    finally:
        opened.close()


def test_repeated_cells_of_an_opendocument_sheet_are_counted_as_laid_out(tmp_path):
    filled = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
              'table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>')
    with pytest.raises(extent.SheetTooLarge, match="reaches row 1,048,576 and column 16,384"):
        extent.check(files.ods(tmp_path, "repeated.ods", filled), "Лист1")
    # LibreOffice ends every sheet with empty rows and cells repeated to the edge: nothing to lay out.
    tail = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Регион</text:p>'
            '</table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    path = files.ods(tmp_path, "tail.ods", tail)
    assert extent._ods_extent(__import__("zipfile").ZipFile(path), "Лист1") == (1, 1)
    opened = Workbook(path)
    try:
        assert list(opened.rows("Лист1"))[0] == (1, ["Регион"])
    finally:
        opened.close()


def test_a_sheet_whose_cells_cannot_be_found_is_refused_unread(tmp_path, book):
    import zipfile

    broken = tmp_path / "no-sheet.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as copy:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                copy.writestr(item, source.read(item))
    with pytest.raises(extent.SheetUnreadable):
        extent.check(broken, "Титул")


def test_the_command_line_refuses_a_far_cell_with_a_sentence_and_changes_nothing(tmp_path, book, seeded_path):
    far = files.with_sheet_xml(book, tmp_path / "far.xlsx", _HEADER + f'<row r="1048576">{_cell("XFD1048576")}</row>')
    before = seeded_path.read_bytes()
    done = subprocess.run([sys.executable, "-c", "import sys; from desktop.app import main; sys.exit(main())", "import",
                           "--db", str(seeded_path), str(far)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "reaches row 1,048,576 and column 16,384" in done.stderr
    assert "Traceback" not in done.stderr
    assert seeded_path.read_bytes() == before


def test_a_workbook_whose_texts_would_fill_the_memory_is_refused(tmp_path, book, monkeypatch):
    monkeypatch.setattr(extent, "_MAX_STRINGS", 10)
    import zipfile

    texts = tmp_path / "texts.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(texts, "w") as copy:
        for item in source.infolist():
            copy.writestr(item, source.read(item))
        copy.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 10 + "</sst>")
    with pytest.raises(extent.SheetTooLarge, match="texts take more than"):
        extent.check(texts, "Титул")


def test_an_opendocument_part_added_to_a_workbook_hides_nothing(tmp_path, book):
    import zipfile

    far = files.with_sheet_xml(book, tmp_path / "far.xlsx", _HEADER + f'<row r="1048576">{_cell("XFD1048576")}</row>')
    decoy = files.ods(tmp_path, "decoy.ods")
    with zipfile.ZipFile(decoy) as source, zipfile.ZipFile(far, "a") as target:
        target.writestr("content.xml", source.read("content.xml"))
    with pytest.raises((extent.SheetTooLarge, extent.SheetUnreadable)):
        extent.check(far, "Титул")
    with pytest.raises(extent.SheetUnreadable):  # an OpenDocument file without the table asked for
        extent.check(files.ods(tmp_path, "plain.ods"), "Лист2")
