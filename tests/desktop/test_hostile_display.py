"""What people typed is shown as typed: plain text in tables, escaped in the detail pane and
the Overview, no link or image made from it, and a 10 MB text does not stall the window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from db.file.connection import open_database
from desktop.common.rich_text import LONG_TEXT_LIMIT
from desktop.tabs.table_model import ID_ROLE
from tests.db.sample_records import HOSTILE, append_to_every_text
from tests.desktop.helpers import open_window

MARKUP = "<b>bold</b> <a href='javascript:alert(1)'>click</a> <img src=x onerror=alert(1)> <qt><h1>Qt</h1></qt>"
LETTERS = "Абай облысы Қазақстан Өскемен Үржар 😀 👨‍👩‍👧"
TEN_MB = ("Абай облысы — Омская область. <b>not bold</b> 😀\n" * 250_000)[:10 * 1024 * 1024]


def anchors_and_images(shown: QTextBrowser | QTextDocument) -> tuple[list[str], int]:
    """The link targets and the number of images in a browser's page or a rich-text document."""
    hrefs, images = [], 0
    block = (shown.document() if isinstance(shown, QTextBrowser) else shown).begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isAnchor():
                hrefs.append(fmt.anchorHref())
            if fmt.isImageFormat():
                images += 1
            iterator += 1
        block = block.next()
    return hrefs, images


def _assert_shown_as_typed(browser: QTextBrowser) -> None:
    text = browser.toPlainText()
    assert "<b>bold</b>" in text and "javascript:alert(1)" in text and "<img src=x" in text
    assert LETTERS in text
    hrefs, images = anchors_and_images(browser)
    assert images == 0
    assert hrefs and all(h.startswith("record:") for h in hrefs)


@pytest.fixture
def hostile_window(qtbot, seeded_path):
    raw = sqlite3.connect(seeded_path)
    append_to_every_text(raw, f" {MARKUP} {LETTERS} {''.join(HOSTILE[8:11])}")
    # A link someone else's tool stored, bypassing validation.
    raw.execute("UPDATE sources SET url = 'javascript:alert(document.cookie)'")
    raw.commit()
    raw.close()
    db = open_database(seeded_path)
    yield open_window(qtbot, db)
    db.close()


def _select_first_row(qtbot, window, tab_name: str):
    tab = window.list_tabs[tab_name]
    window.tabs.setCurrentWidget(tab)
    rect = tab.table.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return tab


@pytest.mark.parametrize("tab_name", ["agreements", "officials", "events", "indicators", "sources"])
def test_table_cells_hold_the_text_itself_and_tooltips_show_it_escaped(qtbot, hostile_window, tab_name):
    tab = hostile_window.list_tabs[tab_name]
    model = tab.model
    cells = [model.data(model.index(row, column)) or "" for row in range(model.rowCount())
             for column in range(model.columnCount())]
    assert any("<b>bold</b>" in cell for cell in cells)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if tip:
                rendered = QTextDocument()
                rendered.setHtml(tip)
                shown = model.data(model.index(row, column))
                assert rendered.toPlainText().replace("\u2028", "\n") == shown.replace("\n", " ")


@pytest.mark.parametrize("tab_name", ["agreements", "officials", "events", "indicators", "sources"])
def test_the_detail_pane_shows_markup_as_text_and_makes_no_link_of_it(qtbot, hostile_window, tab_name):
    tab = _select_first_row(qtbot, hostile_window, tab_name)
    _assert_shown_as_typed(tab.detail)


def test_a_javascript_address_is_shown_but_never_a_link(qtbot, hostile_window):
    tab = _select_first_row(qtbot, hostile_window, "sources")
    assert "javascript:alert(document.cookie)" in tab.detail.toPlainText()
    hrefs, _images = anchors_and_images(tab.detail)
    assert not any("javascript" in h for h in hrefs)


def test_the_overview_shows_markup_as_text(qtbot, hostile_window):
    _assert_shown_as_typed(hostile_window.overview.page)
    assert "Qt" in hostile_window.overview.page.toPlainText()


def test_a_file_name_that_looks_like_markup_is_shown_as_it_is(qtbot, tmp_path, seeded_path):
    odd = tmp_path / "<i>minutes & <b>notes.factsheet"
    odd.write_bytes(seeded_path.read_bytes())
    db = open_database(odd)
    window = open_window(qtbot, db)
    assert window.path_label.textFormat() == Qt.TextFormat.PlainText
    assert window.path_label.text() == str(odd)
    assert window.windowTitle().startswith("<i>minutes & <b>notes.factsheet")
    db.close()


def test_ten_megabytes_of_text_are_shown_in_part_and_the_window_stays_usable(qtbot, seeded_path):
    raw = sqlite3.connect(seeded_path)
    raw.execute("UPDATE sources SET text = ?, notes = ?", [TEN_MB, TEN_MB])
    raw.execute("UPDATE statements SET text = ?", [TEN_MB])
    raw.execute("UPDATE parties SET name_ru = ? WHERE id = (SELECT min(id) FROM parties)", [TEN_MB])
    raw.commit()
    raw.close()
    db = open_database(seeded_path)
    window = open_window(qtbot, db)
    tab = _select_first_row(qtbot, window, "sources")
    shown = tab.detail.toPlainText()
    assert "The text is 10,485,760 characters long; the first 20,000 are shown." in shown
    assert len(shown) < 3 * LONG_TEXT_LIMIT + 5_000
    assert TEN_MB[:LONG_TEXT_LIMIT // 2].replace("\n", "") in shown.replace("\n", "")
    overview = window.overview.page.toPlainText()
    assert len(overview) < 50_000
    row = tab.model.data(tab.model.index(0, 0), ID_ROLE)
    assert db.execute("SELECT length(text) FROM sources WHERE id = ?", [row]).fetchone()[0] == len(TEN_MB)
    # Still usable: the other tabs switch and show their rows.
    window.tabs.setCurrentIndex(1)
    assert window.list_tabs["agreements"].model.rowCount() == 2
    db.close()


@pytest.mark.parametrize("kind", ["party", "subject", "statement"])
def test_records_without_a_tab_show_markup_as_text_in_their_window(qtbot, hostile_window, kind):
    from desktop.tabs.record_window import RecordWindow

    table = {"party": "parties", "subject": "subjects", "statement": "statements"}[kind]
    record_id = hostile_window.db.execute(f"SELECT min(id) FROM {table}").fetchone()[0]
    hostile_window.open_record(kind, record_id)
    shown = [w for w in hostile_window.findChildren(RecordWindow) if w.isVisible()]
    assert shown
    detail = shown[-1].detail
    assert "<b>bold</b>" in detail.toPlainText() and LETTERS in detail.toPlainText()
    hrefs, images = anchors_and_images(detail)
    assert images == 0 and all(h.startswith("record:") for h in hrefs)
