"""The main window as a user meets it: tabs, rows, the detail pane and links between records."""

import subprocess
import sys

from PySide6.QtCore import Qt

from desktop.tabs.list_tab import ListTab
from tests.desktop.helpers import click_link

TAB_TITLES = ["Overview", "Agreements", "Officials", "Events", "Trade", "Sources", "Timeline"]


def _tab(window, title) -> ListTab:
    """The tab with ``title``, visited as a person would (a tab is built when first shown)."""
    for i in range(window.tabs.count()):
        if window.tabs.tabText(i) == title:
            window.tabs.setCurrentIndex(i)
            return window.tabs.widget(i)
    raise AssertionError(title)


def _cells(tab: ListTab, column: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_tabs_and_menus_carry_the_product_labels(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Help"]
    assert window.windowTitle() == "seed.factsheet — Fact Sheet"


def test_each_list_tab_shows_the_seed_rows(window):
    assert len(_cells(_tab(window, "Agreements"), 0)) == 2
    assert sorted(_cells(_tab(window, "Officials"), 0)) == ["Andrei Shpilenko", "Berik Uali", "Vitaly Khotsenko"]
    assert "Q4 2025" in _cells(_tab(window, "Events"), 2)
    trade = _tab(window, "Trade")
    assert sorted(_cells(trade, 4)) == sorted(["178", "507", "128.6", "67.8", "70.4"])
    assert set(_cells(trade, 3)) == {"as of 2 Jul 2025", "2024", "Jan–May 2025"}
    assert len(_cells(_tab(window, "Sources"), 0)) == 1


def test_overview_shows_the_pair_and_key_figures_with_period_and_unit(window):
    text = window.overview.page.toPlainText()
    assert "Abai region" in text and "Омская область" in text
    assert "USD 128.6 million" in text and "Jan–May 2025" in text
    assert "Abai region – Russian Federation" in text
    assert "Protocol on the joint use and development of the Irtysh River" in text


def test_selecting_a_row_fills_the_detail_pane(qtbot, window):
    tab = _tab(window, "Agreements")
    window.tabs.setCurrentWidget(tab)
    row = _cells(tab, 0).index("Protocol on the joint use and development of the Irtysh River")
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = tab.detail.toPlainText()
    assert "Protocol on the joint use and development of the Irtysh River" in text
    assert "Government of the Omsk region / Правительство Омской области" in text
    assert "Trend News Agency" not in text  # the source is listed by title, with its passage
    assert "A protocol on the joint use and development of the Irtysh River" in text


def test_keyboard_moves_through_rows_and_updates_the_pane(qtbot, window):
    tab = _tab(window, "Officials")
    window.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    first = tab.detail.toPlainText()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.detail.toPlainText() != first
    assert tab.detail.current[0] == "person"


def test_following_a_link_switches_to_the_records_tab(qtbot, window):
    tab = _tab(window, "Events")
    window.tabs.setCurrentWidget(tab)
    row = [i for i, t in enumerate(_cells(tab, 0)) if t.startswith("Working visit")][0]
    tab.select_record(tab.model.record_id(row))
    click_link(qtbot, tab.detail, "Andrei Shpilenko")
    officials = _tab(window, "Officials")
    assert window.tabs.currentWidget() is officials
    assert "Андрей Шпиленко" in officials.detail.toPlainText()


def test_overview_links_open_records(qtbot, window):
    click_link(qtbot, window.overview.page, "Interaction Plan on international")
    agreements = _tab(window, "Agreements")
    assert window.tabs.currentWidget() is agreements
    assert "2025 – 2028" in _cells(agreements, 3)
    assert "Interaction Plan" in agreements.detail.toPlainText()


def test_filter_box_narrows_rows_in_sql(qtbot, window):
    tab = _tab(window, "Trade")
    window.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.filter_box, "enterprises")
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
    assert _cells(tab, 4) == ["178"]


def test_sorting_by_a_column_header(qtbot, window):
    tab = _tab(window, "Trade")
    window.tabs.setCurrentWidget(tab)  # columns are laid out when their tab is first shown
    header = tab.table.horizontalHeader()
    value_column = [c.key for c in tab.listing.columns].index("value")
    x = header.sectionViewportPosition(value_column) + header.sectionSize(value_column) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    values = [float(v) for v in _cells(tab, 4)]
    assert values in (sorted(values), sorted(values, reverse=True))
    assert len(set(values)) == 5


def test_starting_the_window_does_not_import_pyqtgraph(seeded_path, tmp_path):
    code = (
        "import sys\n"
        "from desktop.gui import create_application, open_user_database\n"
        "from desktop.window.main_window import MainWindow\n"
        "app = create_application()\n"
        f"w = MainWindow(open_user_database(__import__('pathlib').Path({str(seeded_path)!r})))\n"
        "w.show(); app.processEvents()\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_window_size_is_remembered(qtbot, seeded_db):
    from desktop.gui import create_application
    from desktop.window.main_window import MainWindow

    create_application()
    first = MainWindow(seeded_db)
    qtbot.addWidget(first)
    first.resize(700, 520)
    first.show()
    first.close()
    second = MainWindow(seeded_db)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
