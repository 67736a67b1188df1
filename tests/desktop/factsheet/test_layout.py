"""The page layout's guarantees, checked on the placed pieces themselves."""

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter

from desktop.factsheet.blocks import Heading, Row, Table, paragraph
from desktop.factsheet.fonts import sheet_family
from desktop.factsheet.layout import paginate
from desktop.factsheet.render import page_layout, stylesheet
from desktop.factsheet.typesetter import Typesetter

BODY = QSizeF(2000, 3000)  # device pixels at 300 dpi: about 17 × 25 cm


@pytest.fixture
def setter(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout("A4"))
    yield Typesetter(writer, sheet_family(), stylesheet())
    del writer


def _table(rows: int, *, joined_every: int = 0) -> Table:
    return Table((1, 3), tuple(
        Row((f"row {n}", f"Text of row {n} " * (1 + n % 7)), joined=bool(joined_every and n % joined_every))
        for n in range(rows)), header=("<b>No.</b>", "<b>Text</b>"), continued="Table (continued)")


def test_a_long_table_continues_with_its_header_and_never_cuts_a_row(setter):
    table = _table(120)
    pages = paginate([Heading("<h2>Table</h2>"), table], setter, BODY)
    assert len(pages) >= 3
    header_unit = pages[0][1].unit
    for number, placed in enumerate(pages):
        assert all(p.offset == 0 and p.visible == pytest.approx(p.unit.height) for p in placed), number
        assert placed[-1].top + placed[-1].visible <= BODY.height() + 0.01
        if number:
            assert [p.unit.role for p in placed[:3]] == ["continued", "header", "row"]
            assert placed[1].unit is header_unit
    assert sum(len(p) for p in pages) == 2 + 120 + 2 * (len(pages) - 1)


def test_joined_rows_move_to_the_next_page_together(setter):
    table = _table(150, joined_every=3)
    pages = paginate([table], setter, BODY)
    assert len(pages) >= 2
    # Rows 0-2, 3-5, … are groups: each is placed as one piece, never cut.
    assert sum(len(p) for p in pages) == 1 + 50 + 2 * (len(pages) - 1)
    for placed in pages:
        assert all(p.offset == 0 and p.visible == pytest.approx(p.unit.height) for p in placed)


@pytest.mark.parametrize("headings", [1, 2])
def test_headings_stay_with_the_start_of_their_section(setter, headings):
    section = [Heading("<h2>Section</h2>"), Heading("<h3>Part</h3>")][:headings] + [_table(5)]
    page_counts = set()
    for lines in range(40, 76, 2):
        pages = paginate([paragraph("A line<br>" * lines), *section], setter, BODY)
        page_counts.add(len(pages))
        for placed in pages:
            roles = [p.unit.role for p in placed]
            assert roles[-1] != "heading"
            if "heading" in roles:
                first = roles.index("heading")
                assert roles[first:first + headings + 2] == ["heading"] * headings + ["header", "row"]
    assert page_counts == {1, 2}  # the section sometimes fits below the text, sometimes moves on


def test_a_row_taller_than_a_page_is_cut_between_lines(setter):
    tall = Table((1.0,), (Row(("Line of a very long quote. " * 900,)),))
    pages = paginate([tall], setter, BODY)
    assert len(pages) >= 2
    pieces = [p for placed in pages for p in placed]
    assert sum(p.visible for p in pieces) == pytest.approx(pieces[0].unit.height)
    cuts = pieces[0].unit.cuts()
    for piece in pieces[1:]:
        assert any(abs(piece.offset - c) < 0.01 for c in cuts)


def test_sheet_text_is_black_on_its_paper_even_under_a_dark_desktop_palette(qapp, setter):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette

    from desktop.factsheet.typesetter import Measurer as _Measurer

    dark = QPalette(qapp.palette())
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    before = qapp.palette()
    qapp.setPalette(dark)
    try:
        (unit,) = _Measurer(setter, 1200).table(Table((1,), (Row(("plain words, no colour of their own",)),)))[2]
        image = QImage(1200, int(unit.height) + 10, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        unit.paint(painter, 0, 0, unit.height)
        painter.end()
    finally:
        qapp.setPalette(before)
    darkest = min(QColor(image.pixel(x, y)).lightness() for x in range(0, 1200, 2) for y in range(image.height()))
    assert darkest < 60  # the words are drawn in black, not in the palette's light text
