"""The fact sheet as a Word document: the PDF's facts in the PDF's order, real headings, tables
whose header rows repeat, the chart as a picture, page numbers, paper and language."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Inches, Mm

from db.errors import FactSheetError
from desktop.factsheet.render import printed_sheet, write_pdf
from desktop.factsheet.word.document import docx_bytes, write_docx
from tests.db.sheet.long_data import LONG_AS_OF as LONG_DAY
from tests.desktop.factsheet.word.conftest import (
    body_lines,
    header_rows,
    pdf_body,
    sheet_of,
    squeeze,
)


def _both(sheet, tmp_path, page_size="A4"):
    pdf, word = tmp_path / "sheet.pdf", tmp_path / "sheet.docx"
    write_pdf(sheet, pdf, page_size)
    write_docx(sheet, word, page_size)
    return pdf, word


def test_the_word_document_holds_every_fact_the_pdf_holds_in_the_same_order(qapp, seeded_db, tmp_path):
    sheet = sheet_of(seeded_db)
    pdf, word = _both(sheet, tmp_path)
    text = squeeze("".join(body_lines(word)))
    assert text == pdf_body(pdf, sheet, header_rows(word))
    for fact in ("USD 128.6 million", "Jan–May 2025", "Interaction Plan on international and foreign economic "
                 "relations for 2025–2028", "Berik Uali Берик Уали", "Q4 2025", "International cross-border forum",
                 "exports 67.8 + imports 70.4 = USD 138.2 million", "Trend News Agency"):
        assert squeeze(fact) in text


def test_a_briefing_the_pdf_shortens_to_fit_two_pages_is_shortened_alike(qapp, long_db, tmp_path):
    sheet = sheet_of(long_db, as_of=LONG_DAY)
    assert printed_sheet(sheet).step > sheet.step  # the rows of step 0 need more than two PDF pages
    pdf, word = _both(sheet, tmp_path)
    assert squeeze("".join(body_lines(word))) == pdf_body(pdf, sheet, header_rows(word))


def test_the_long_version_holds_every_row_the_long_pdf_holds(qapp, long_db, tmp_path):
    sheet = sheet_of(long_db, as_of=LONG_DAY, long=True)
    pdf, word = _both(sheet, tmp_path)
    text = squeeze("".join(body_lines(word)))
    assert text == pdf_body(pdf, sheet, header_rows(word))
    assert all(f"begin{n:02d}" in text for n in range(1, 41) if n != 7)
    assert squeeze("Memorandum <b>x</b> on cultural exchange") in text  # written as it reads, never as markup


def test_sections_are_word_headings_and_the_title_is_the_title(qapp, seeded_db, tmp_path):
    path = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db), path)
    styled = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.style.name != "Normal"]
    assert styled == [
        ("Title", "Abai region – Omsk region"), ("Subtitle", "Cooperation fact sheet as of 2 Jul 2025"),
        ("Heading 1", "Key figures"), ("Heading 1", "Agreements"), ("Heading 1", "Officials"),
        ("Heading 1", "Events"), ("Heading 2", "Recent events"), ("Heading 2", "Planned events"),
        ("Heading 1", "Trade: Abai region – Russian Federation"), ("Heading 1", "Key statements"),
        ("Heading 1", "Data-quality notes"), ("Heading 2", "Turnover that does not add up"),
        ("Heading 2", "Current positions without a start date"), ("Heading 1", "Sources")]


def test_tables_repeat_their_header_row_on_every_page_and_never_split_a_row(qapp, seeded_db, tmp_path):
    path = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db), path)
    document = docx.Document(str(path))
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables
               if t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert headers == [["Figure", "Value", "Period and change", "Sources"],
                       ["Agreement", "Signed", "Valid", "Status on 2 Jul 2025", "Sources"],
                       ["Abai region", "Omsk region"],
                       ["Date", "Event", "Place", "Status", "Sources"],
                       ["Date", "Event", "Place", "Status", "Sources"]]
    for table in document.tables:
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    figures = document.tables[1]  # after the parties side by side
    note = figures.rows[2]  # the note under the first figure: one cell across the table, kept with it
    assert len({id(c._tc) for c in note.cells}) == 1 and note.cells[0].text.startswith("Abai region – Russian")
    assert all(p.paragraph_format.keep_with_next for c in figures.rows[1].cells for p in c.paragraphs)


def test_the_trade_chart_is_a_picture_at_print_resolution(qapp, seeded_db, tmp_path):
    from PySide6.QtGui import QImage

    path = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db), path)
    document = docx.Document(str(path))
    (shape,) = document.inline_shapes
    section = document.sections[0]
    assert shape.width == section.page_width - section.left_margin - section.right_margin
    image = QImage.fromData(_picture_bytes(path))
    assert not image.isNull()
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert image.width() >= 2000 and image.width() / image.height() == pytest.approx(shape.width / shape.height,
                                                                                     rel=0.01)
    assert shape._inline.docPr.get("descr") == "Trade: Abai region – Russian Federation"


def _picture_bytes(path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        (name,) = [n for n in archive.namelist() if n.startswith("word/media/")]
        return archive.read(name)


def test_every_page_numbers_itself_in_the_footer_with_the_frame_of_the_pdf(qapp, seeded_db, tmp_path):
    path = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db), path)
    section = docx.Document(str(path)).sections[0]
    assert section.header.paragraphs[0].text == "Fact sheet: Abai region – Omsk region\tAs of 2 Jul 2025"
    footer = section.footer.paragraphs[0]
    fields = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Generated ") and footer.text.endswith("\tPage 1 of 1")


def test_a_kazakh_sheet_says_its_language_and_numbers_its_pages_in_kazakh_order(qapp, seeded_db, tmp_path):
    path = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db, language="kk"), path)
    document = docx.Document(str(path))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "kk-KZ"
    assert document.core_properties.language == "kk-KZ"
    fonts = defaults.find(f".//{qn('w:rFonts')}")
    assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Arial"}
    assert "Абай облысы – Омбы облысы" in body_lines(path)
    footer = document.sections[0].footer.paragraphs[0]
    fields = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert fields == ["NUMPAGES", "PAGE"]  # “{count} беттің {number}-беті”


@pytest.mark.parametrize(("page_size", "width", "height"), [("A4", Mm(210), Mm(297)),
                                                            ("Letter", Inches(8.5), Inches(11))])
def test_the_paper_is_the_one_chosen(qapp, seeded_db, page_size, width, height):
    document = docx.Document(io.BytesIO(docx_bytes(sheet_of(seeded_db), page_size)))
    section = document.sections[0]
    assert abs(section.page_width - width) < Mm(0.1) and abs(section.page_height - height) < Mm(0.1)
    assert abs(section.left_margin - Mm(16)) < Mm(0.1)


def test_the_document_carries_no_trace_of_the_template_it_was_made_from(qapp, seeded_db):
    data = docx_bytes(sheet_of(seeded_db))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode()
    assert not any("thumbnail" in n or n == "docProps/app.xml" for n in names)
    assert "python-docx" not in core and "Fact sheet: Abai region – Omsk region" in core


def test_a_file_marked_read_only_is_refused_and_left_as_it_was(qapp, seeded_db, tmp_path):
    target = tmp_path / "kept.docx"
    target.write_bytes(b"earlier")
    target.chmod(0o444)
    with pytest.raises(FactSheetError, match="kept.docx"):
        write_docx(sheet_of(seeded_db), target)
    assert target.read_bytes() == b"earlier"


def test_an_earlier_file_keeps_its_permissions_when_replaced(qapp, seeded_db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "shared.docx"
    target.write_bytes(b"earlier")
    target.chmod(0o640)
    write_docx(sheet_of(seeded_db), target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert docx.Document(str(target)).paragraphs[0].text == "Abai region – Omsk region"
    assert [p.name for p in folder.iterdir()] == ["shared.docx"]  # no temporary file left
