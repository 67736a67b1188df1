"""Simple cells are set as styled runs without a document each; anything richer falls back."""

import time

import pytest
from PySide6.QtGui import QPdfWriter

from desktop.common.rich_text import esc
from desktop.factsheet.fonts import sheet_family
from desktop.factsheet.plain_text import Style, parse_styles, runs
from desktop.factsheet.render import page_layout, stylesheet
from desktop.factsheet.typesetter import DocumentText, Typesetter

STYLES = parse_styles(stylesheet())


def test_the_stylesheet_gives_sizes_weights_and_colours():
    assert STYLES[".title"] == Style(16.0, True, "#1f3a5f")
    assert STYLES[".small"].points == 7.0 and STYLES[".value"].bold and STYLES["h2"].points == 11.0


def test_the_sheets_own_markup_reads_as_paragraphs_of_styled_runs():
    html = (f"<span class='value'>{esc('USD 128.6 million')}</span><br>"
            f"<span class='warn small'>{esc('see data-quality note 1')}</span> <b>{esc('<b>x</b> & co')}</b>")
    paragraphs = runs(html, STYLES)
    assert [[text for text, _style in p] for p in paragraphs] == [
        ["USD 128.6 million"], ["see data-quality note 1", " ", "<b>x</b> & co"]]
    value, = paragraphs[0]
    assert value[1].bold
    note = paragraphs[1][0][1]
    assert (note.points, note.colour) == (7.0, "#9b1c1c")
    assert paragraphs[1][2][1].bold


@pytest.mark.parametrize("html", [
    "<table><tr><td>x</td></tr></table>", "<a href='x'>link</a>", "<span style='color:red'>x</span>",
    "<b>unclosed", "a & b", "<span class='x'>x</b>",
])
def test_anything_else_is_left_to_a_document(html):
    assert runs(html, STYLES) is None


@pytest.fixture
def setter(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(page_layout("A4"))
    yield Typesetter(writer, sheet_family(), stylesheet())
    del writer


def test_plain_and_document_text_take_about_the_same_room(setter):
    html = f"<b>{esc('Protocol on the joint use and development of the Irtysh River')}</b><br>" \
           f"<span class='muted'>{esc('Protocol · Administration (akimat) of the Abai region')}</span>"
    plain = setter.text(html, 2000)
    document = DocumentText(setter.document(html, 2000))
    assert len(plain.line_spans(0)) == len(document.line_spans(0))
    assert plain.height == pytest.approx(document.height, rel=0.15)


def test_hundreds_of_plain_cells_take_a_fraction_of_the_time_of_documents(setter):
    cells = [f"<span class='value'>USD {n}.5 million</span><br><span class='small muted'>row {n}</span>"
             for n in range(300)]
    started = time.perf_counter()
    for html in cells:
        setter.text(html, 1500)
    plain = time.perf_counter() - started
    started = time.perf_counter()
    for html in cells:
        setter.document(html, 1500)
    documents = time.perf_counter() - started
    print(f"300 cells: plain {plain * 1000:.0f} ms, documents {documents * 1000:.0f} ms")  # measured, not asserted
    assert plain < documents
