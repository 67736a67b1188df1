"""Data-quality findings where people look: row markers, the detail pane and the Overview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QIcon
from PySide6.QtWidgets import QApplication, QToolTip

from db import store
from db.model.dates import FuzzyDate
from db.model.records import Agreement, Link
from desktop.common.quality import NOTE_ROLE
from desktop.gui import create_application
from desktop.tabs.table_model import NOTES_BLOCK, PAGE_SIZE, ListingModel
from desktop.window.main_window import MainWindow
from tests.bench.bigdata import make_big_database
from tests.desktop.helpers import click_link


def _row(tab, column: int, text: str) -> int:
    model = tab.model
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, column)) == text)


def _marker(tab, row: int) -> tuple[object, str | None]:
    """The icon on a row's first cell, and the tooltip shown when the mouse rests on it."""
    index = tab.model.index(row, 0)
    tab.table.scrollTo(index)
    QToolTip.showText(QPoint(0, 0), "")  # hides any earlier tooltip at once
    position = tab.table.visualRect(index).center()
    QApplication.sendEvent(tab.table.viewport(), QHelpEvent(QEvent.Type.ToolTip, position,
                                                            tab.table.viewport().mapToGlobal(position)))
    tip = QToolTip.text() if QToolTip.isVisible() else None
    return tab.model.data(index, Qt.ItemDataRole.DecorationRole), tip


def test_figures_in_a_finding_carry_a_warning_icon_and_the_sentence(window):
    trade = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(trade)
    icon, tip = _marker(trade, _row(trade, 4, "128.6"))
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert "exports 67.8 + imports 70.4 = USD 138.2 million" in tip
    assert _marker(trade, _row(trade, 4, "67.8"))[0] is not None
    unmarked = trade.model.index(_row(trade, 4, "178"), 0)
    assert trade.model.data(unmarked, Qt.ItemDataRole.DecorationRole) is None
    assert trade.model.data(unmarked, NOTE_ROLE) is None
    index = trade.model.index(_row(trade, 4, "128.6"), 0)
    assert trade.model.data(index, Qt.ItemDataRole.ToolTipRole) is None  # the cell's own tooltip is unchanged
    assert "USD 138.2 million" in trade.model.data(index, NOTE_ROLE)


def test_officials_and_events_are_marked_and_agreements_are_clean(window):
    officials = window.list_tabs["officials"]
    window.tabs.setCurrentWidget(officials)
    icon, tip = _marker(officials, _row(officials, 0, "Berik Uali"))
    assert icon is not None
    assert "no start date recorded" in tip and "over a year ago" in tip
    events = window.list_tabs["events"]
    window.tabs.setCurrentWidget(events)
    forum = next(r for r in range(events.model.rowCount())
                 if events.model.data(events.model.index(r, 0)).startswith("International cross-border forum"))
    assert "is still marked planned" in _marker(events, forum)[1]
    agreements = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(agreements)
    assert all(agreements.model.data(agreements.model.index(r, 0), Qt.ItemDataRole.DecorationRole) is None
               for r in range(agreements.model.rowCount()))


def test_detail_pane_lists_the_records_findings(qtbot, window):
    trade = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(trade)
    rect = trade.table.visualRect(trade.model.index(_row(trade, 4, "70.4"), 1))
    qtbot.mouseClick(trade.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = trade.detail.toPlainText()
    assert "Data quality" in text
    assert "Trade turnover Abai region – Russian Federation, Jan–May 2025, is USD 128.6 million" in text
    rect = trade.table.visualRect(trade.model.index(_row(trade, 4, "507"), 1))
    qtbot.mouseClick(trade.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Data quality" not in trade.detail.toPlainText()


def test_overview_has_a_data_quality_section_announced_at_its_top(qtbot, window):
    page = window.overview.page
    text = page.toPlainText()
    assert text.index("10 data-quality findings about this pair are listed under Data quality below.") \
        < text.index("Key figures")
    section = text[text.index("Data quality"):]
    assert "Turnover that does not add up" in section
    assert "exports 67.8 + imports 70.4 = USD 138.2 million" in section
    assert "Positions not verified for over a year" in section
    assert "Planned events whose date has passed" in section
    click_link(qtbot, page, "Abai region – Russian Federation, Jan–May 2025")  # the turnover record
    assert window.tabs.currentWidget() is window.list_tabs["indicators"]


def test_overview_findings_link_to_the_records_and_escape_their_text(qtbot, seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    omsk_government = seeded_db.execute("SELECT id FROM parties WHERE name_en LIKE 'Government of the Omsk%'"
                                        ).fetchone()[0]
    akimat = seeded_db.execute("SELECT id FROM parties WHERE name_en LIKE 'Administration%'").fetchone()[0]
    store.save(seeded_db, Agreement(title="<b>Old</b> roadmap", kind="roadmap", status="in_force",
                                    valid_until=FuzzyDate.parse("2020"), parties=[Link(omsk_government), Link(akimat)],
                                    sources=[Link(source)]))
    create_application()
    main = MainWindow(seeded_db)
    qtbot.addWidget(main)
    main.show()
    page = main.overview.page
    assert "“<b>Old</b> roadmap” is marked in force" in page.toPlainText()
    assert "<b>Old</b>" not in page.toHtml().replace("&lt;b&gt;Old&lt;/b&gt;", "")
    click_link(qtbot, page, "Old</b> roadmap")
    assert main.tabs.currentWidget() is main.list_tabs["agreements"]


def test_markers_are_asked_for_a_block_of_ids_when_a_row_of_it_is_drawn(qtbot, tmp_path):
    db = make_big_database(tmp_path / "big.factsheet", rows=3 * PAGE_SIZE)
    asked: list[int] = []
    from db.read.record_lists import INDICATORS
    from desktop.common import quality

    def provider(database, kind, ids):
        asked.append(len(ids))
        return quality.record_notes(database, kind, ids)

    model = ListingModel(db, INDICATORS)
    model.set_notes(provider, QIcon())
    qtbot.waitUntil(lambda: model.counted)  # the count of rows arrives from a worker thread
    assert model.rowCount() > 3 * PAGE_SIZE
    model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    model.data(model.index(1, 0), NOTE_ROLE)
    model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.ToolTipRole)  # a row, not its note
    assert asked == [NOTES_BLOCK]
    model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.DecorationRole)
    assert asked == [NOTES_BLOCK, model.rowCount() % NOTES_BLOCK or NOTES_BLOCK]
    db.close()
