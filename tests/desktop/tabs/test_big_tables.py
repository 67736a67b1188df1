"""A million figures: every tab opens, pages come from SQL, the count never holds up the window.

The database is generated once per test run (``tests/bench/bigdata.py``) and never committed.
"Without reading all rows" is measured as SQLite's own work: the virtual-machine steps
a query takes (a million rows need tens of millions), counted with a progress handler.
"""

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QPoint, Qt

from db.read import listings, record_lists
from desktop.tabs.table_model import MAX_CACHED_PAGES, PAGE_SIZE, ListingModel
from tests.bench.bigdata import make_big_database

ROWS = 1_000_000
TOTAL = ROWS + 5  # and the seed's five figures
STEPS_PER_TICK = 1000


@pytest.fixture(scope="session")
def big_db(tmp_path_factory):
    db = make_big_database(tmp_path_factory.mktemp("big") / "big.factsheet", ROWS)
    yield db
    db.close()


@contextmanager
def sqlite_steps(db):
    """Count thousands of SQLite VM steps run on this connection inside the block."""
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return 0

    db.conn.set_progress_handler(tick, STEPS_PER_TICK)
    try:
        yield ticks
    finally:
        db.conn.set_progress_handler(None, 0)


def _all_rows_cost(db) -> int:
    with sqlite_steps(db) as ticks:
        db.execute("SELECT count(value) FROM indicators").fetchone()
    return ticks[0]


def test_the_first_page_loads_through_the_model_without_reading_all_rows(qtbot, big_db):
    reading_all = _all_rows_cost(big_db)
    with sqlite_steps(big_db) as ticks:
        model = ListingModel(big_db, record_lists.INDICATORS)
        first = [model.data(model.index(row, 0)) for row in range(50)]
    assert ticks[0] * 100 < reading_all  # a page costs well under 1% of reading every row
    assert all(first) and model.cached_pages() == 1
    assert not model.counted and model.rowCount() == PAGE_SIZE  # counted on a worker thread
    qtbot.waitUntil(lambda: model.counted, timeout=60_000)
    assert model.rowCount() == TOTAL


def test_the_last_rows_are_read_from_the_end(qtbot, big_db):
    model = ListingModel(big_db, record_lists.INDICATORS)
    qtbot.waitUntil(lambda: model.counted, timeout=60_000)
    reading_all = _all_rows_cost(big_db)
    with sqlite_steps(big_db) as ticks:
        last = model.row(TOTAL - 1)
    assert ticks[0] * 20 < reading_all
    expected = listings.page(big_db, record_lists.INDICATORS, offset=TOTAL - 1, limit=1)
    assert last == expected[0]


def test_scrolling_keeps_memory_bounded(qtbot, big_db):
    model = ListingModel(big_db, record_lists.INDICATORS)
    qtbot.waitUntil(lambda: model.counted, timeout=60_000)
    for row in range(0, TOTAL, TOTAL // 40):
        assert model.row(row) is not None
    assert model.cached_pages() <= MAX_CACHED_PAGES


def test_sorting_by_a_header_uses_an_index(qtbot, big_db):
    reading_all = _all_rows_cost(big_db)
    for key in ("subject", "counterpart", "indicator", "period", "value", "unit"):
        for descending in (False, True):
            with sqlite_steps(big_db) as ticks:
                listings.page(big_db, record_lists.INDICATORS, sort=key, descending=descending)
            assert ticks[0] * 50 < reading_all, (key, descending)


def test_filtering_by_a_party_reads_only_its_rows(qtbot, big_db):
    with sqlite_steps(big_db) as scanning:  # the same question answered by reading every row
        expected = big_db.execute(
            "SELECT count(*) FROM indicators NOT INDEXED WHERE subject_id = (SELECT id FROM parties "
            "WHERE name_en = 'Region 05') OR counterpart_id = (SELECT id FROM parties WHERE name_en = 'Region 05')"
        ).fetchone()[0]
    with sqlite_steps(big_db) as ticks:
        found = listings.count(big_db, record_lists.INDICATORS, filter_text="Region 05")
    assert found == expected
    assert ticks[0] * 5 < scanning[0]


@pytest.fixture
def seeded_db(big_db):
    """The window fixture (tests/desktop/conftest.py) shows the million figures."""
    return big_db


@pytest.fixture
def big_window(window):
    return window


def test_every_tab_opens_and_the_count_arrives_without_blocking(qtbot, big_window):
    for index in range(big_window.tabs.count()):
        big_window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    trade = big_window.list_tabs["indicators"]
    qtbot.waitUntil(lambda: trade.model.counted, timeout=60_000)
    assert trade.count_label.text() == "1,000,005 indicators"
    assert trade.detail.current is not None  # the first figure is shown at once


def test_clicking_the_subject_header_sorts_a_million_rows_by_name(qtbot, big_window):
    trade = big_window.list_tabs["indicators"]
    big_window.tabs.setCurrentWidget(trade)
    header = trade.table.horizontalHeader()
    column = [c.key for c in trade.listing.columns].index("subject")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    model = trade.model
    assert model.sort_key == "subject"
    assert model.data(model.index(0, column)) == "Abai region"
    trade.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.counted, timeout=60_000)
    trade.table.scrollToBottom()
    last = model.data(model.index(model.rowCount() - 1, column))
    assert last == "Region 39"


def test_the_source_column_cannot_be_sorted_and_says_so(qtbot, big_window):
    trade = big_window.list_tabs["indicators"]
    column = [c.key for c in trade.listing.columns].index("source")
    assert trade.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        "This column cannot be sorted."
    trade.model.sort(column)
    assert trade.model.sort_key is None


def test_the_filter_box_counts_a_party_in_the_background(qtbot, big_window):
    trade = big_window.list_tabs["indicators"]
    big_window.tabs.setCurrentWidget(trade)
    qtbot.keyClicks(trade.filter_box, "Region 05")
    qtbot.keyClick(trade.filter_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: trade.model.counted, timeout=60_000)
    expected = listings.count(big_window.db, record_lists.INDICATORS, filter_text="Region 05")
    assert trade.model.rowCount() == expected
    assert trade.count_label.text() == f"{expected:,} indicators"
