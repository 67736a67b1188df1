"""Hostile text where people meet it beyond the lists: record forms and their pickers, Find,
the Trade tab's cards and tooltips, and the import preview.

Markup, Qt rich-text tags, ``javascript:`` links, control characters, emoji, Cyrillic and
Kazakh letters and very long text are shown as the characters typed (never as markup, never
cut where the stored value is concerned), and opening a form and saving it stores exactly
what was there. The printed sheet's escaping is tested in ``tests/desktop/factsheet``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from db import store
from db.model.records import KINDS, Source
from desktop.common.rich_text import INLINE_LIMIT
from desktop.dialogs.find_dialog import HTML_ROLE
from desktop.trade.cards import SOURCE_LIMIT
from tests.db.sample_records import HOSTILE, meaning, record_of
from tests.desktop.form_helpers import fill, form, save
from tests.desktop.modal import answer, choose_file
from tests.desktop.test_hostile_display import anchors_and_images

MARKUP = "<b>bold</b> <a href='javascript:alert(1)'>click</a> <img src=x onerror=alert(1)> <qt><h1>Qt</h1></qt>"
LETTERS = "Абай облысы Қазақстан Өскемен Үржар 😀 👨‍👩‍👧 \u202eright-to-left\u202c"
ONE_LINE = f"  {MARKUP} {LETTERS} \x01\x07\x1b[31mred\x7f  "  # outer spaces and control characters kept
LONG_LINE = "Долгое название <i>не курсив</i> 😀 " * 1_500  # 48,000 characters: more than a line box holds


def _plain(rich: str) -> str:
    """Rich text as a person reads it (how Qt renders a tooltip or a Find snippet)."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def _has_no_link_or_image(rich: str) -> bool:
    document = QTextDocument()
    document.setHtml(rich)
    return anchors_and_images(document) == ([], 0)


def _saved_unchanged(qtbot, window, kind: str, record_id: int) -> None:
    window.editing.edit(kind, record_id)
    dialog = form(qtbot)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


# -- forms and pickers -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(KINDS))
def test_opening_a_form_and_saving_it_stores_every_text_exactly_as_it_was(qtbot, window, seeded_db, kind):
    everything = "".join(HOSTILE)  # line breaks, CRLF, tabs, padding, markup, emoji, Kazakh
    record = record_of(seeded_db, kind, lambda name: f"{everything} {name}")
    record_id = store.save(seeded_db, record)
    _saved_unchanged(qtbot, window, kind, record_id)
    assert meaning(store.get(seeded_db, kind, record_id)) == meaning(record)


def test_a_form_shows_one_line_texts_as_typed_and_keeps_a_text_longer_than_its_box(qtbot, window, seeded_db):
    source_id = store.save(seeded_db, Source(title=LONG_LINE, publisher=ONE_LINE, notes=MARKUP + "\r\n" + LETTERS))
    window.editing.edit("source", source_id)
    dialog = form(qtbot)
    boxes = {box.accessibleName(): box for box in dialog.findChildren(QLineEdit)}
    assert boxes["Publisher"].text() == ONE_LINE  # not trimmed, not rendered
    shown = boxes["Title"].text()  # as much as a line box holds (32,767 UTF-16 units)
    assert LONG_LINE.startswith(shown) and len(shown) > 30_000
    fill(qtbot, dialog, "publisher", "Бюро <b>национальной</b> статистики")  # one field changed
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = store.get(seeded_db, "source", source_id)
    assert saved.publisher == "Бюро <b>национальной</b> статистики"
    assert saved.title == LONG_LINE  # the other fields exactly as stored, all 48,000 characters
    assert saved.notes == MARKUP + "\r\n" + LETTERS


def test_picked_records_and_their_notes_are_shown_as_text(qtbot, window, seeded_db):
    from db.model.records import Agreement, Link, Party

    party = store.save(seeded_db, Party(kind="organisation", name_en=MARKUP + " " + LETTERS))
    source = store.get(seeded_db, "source", seeded_db.execute("SELECT min(id) FROM sources").fetchone()[0])
    agreement = store.save(seeded_db, Agreement(
        title="Roadmap", kind="roadmap", status="in_force",
        parties=[Link(party, ONE_LINE)], sources=[Link(source.id, LONG_LINE)]))
    window.editing.edit("agreement", agreement)
    dialog = form(qtbot)
    labels = [label for label in dialog.findChildren(QLabel) if MARKUP in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    notes = [box.text() for box in dialog.findChildren(QLineEdit)]
    assert ONE_LINE in notes
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = store.get(seeded_db, "agreement", agreement)
    assert [link.note for link in saved.parties] == [ONE_LINE]
    assert [link.note for link in saved.sources] == [LONG_LINE]


# -- Find ------------------------------------------------------------------------------------

def test_find_lists_markup_as_text_with_a_plain_tooltip_and_no_link_in_its_snippet(qtbot, window, seeded_db):
    title = f"Zhetysu {MARKUP} {LETTERS}"
    store.save(seeded_db, Source(title=title, text=f"Zhetysu {MARKUP} " + "слово " * 200_000))
    store.save(seeded_db, Source(title="Zhetysu " + LONG_LINE))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.find_dialog
    qtbot.keyClicks(dialog.box, "Zhetysu")
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    group = dialog.results.topLevelItem(0)
    items = {group.child(n).text(0): group.child(n) for n in range(group.childCount())}
    assert title in items
    assert _plain(items[title].toolTip(0)) == title
    snippet = items[title].data(1, HTML_ROLE)
    assert "<b>bold</b>" in _plain(snippet) and _has_no_link_or_image(snippet)
    long_item = next(item for text, item in items.items() if text.startswith("Zhetysu Долгое"))
    assert len(long_item.text(0)) == INLINE_LIMIT + 1 and long_item.text(0).endswith("…")
    dialog.close()


# -- the Trade tab's cards -------------------------------------------------------------------

def test_trade_cards_show_indicator_and_source_names_as_text(qtbot, window, seeded_db):
    figure = seeded_db.execute("SELECT id FROM indicators WHERE unit = 'enterprises'").fetchone()[0]
    seeded_db.execute("UPDATE indicators SET indicator = ? WHERE id = ?", [MARKUP, figure])
    seeded_db.execute("UPDATE sources SET title = ? WHERE id IN "
                      "(SELECT source_id FROM indicators WHERE id = ?)", [LONG_LINE, figure])
    tab = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.panel is not None and bool(tab.panel.cards.cards), timeout=10_000)
    card = next(c for c in tab.panel.cards.cards if c.figure.unit == "enterprises")
    labels = card.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    texts = [label.text() for label in labels]
    assert MARKUP in texts
    source = next(text for text in texts if text.startswith("Source: "))
    assert source.startswith("Source: Долгое название <i>не курсив</i>") and len(source) == SOURCE_LIMIT + 1
    assert _plain(card.toolTip()).startswith(MARKUP + ": ")
    assert _has_no_link_or_image(card.toolTip())


# -- the import preview ----------------------------------------------------------------------

def test_the_import_preview_shows_cells_as_written_and_problems_as_text(qtbot, window, tmp_path):
    from desktop.dialogs.import_dialog import ImportDialog

    path = tmp_path / "figures.csv"
    path.write_text(
        "subject,indicator,period_start,period_end,value,unit,source_title\n"
        f"\"{MARKUP}\",exports,2024-01-01,2024-12-31,67.8,USD million,\"{LETTERS}\"\n"
        f"Abai region,exports,2024-01-01,2024-12-31,<b>12</b>,USD million,\"{LONG_LINE}\"\n", encoding="utf-8")
    answer(choose_file(path))
    window.import_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    assert dialog.preview.item(0, 0).text() == MARKUP and dialog.preview.item(0, 6).text() == LETTERS
    assert len(dialog.preview.item(1, 6).text()) == INLINE_LIMIT + 1
    qtbot.waitUntil(lambda: dialog.preview.item(1, 4).toolTip() != "", timeout=10_000)
    assert _plain(dialog.preview.item(1, 4).toolTip()) == "row 3, column value: '<b>12</b>' is not a number"
    dialog.reject()
