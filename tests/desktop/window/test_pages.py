"""The tabs are built when first needed: only the one in front before the window is first painted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.gui import create_application
from desktop.tabs.list_tab import ListTab
from desktop.tabs.overview import OverviewTab
from desktop.tabs.timeline import TimelineTab
from desktop.window.main_window import MainWindow
from desktop.window.pages import LIST_TAB_NAMES
from tests.bench import run_all
from tests.desktop.helpers import open_window

ROOT = Path(__file__).resolve().parents[3]


def _built(window: MainWindow) -> list[str]:
    return [name for name in ("overview", *LIST_TAB_NAMES, "timeline") if window.pages.made(name) is not None]


def test_only_the_tab_in_front_is_built_with_the_window(qtbot, seeded_db):
    create_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    assert _built(window) == ["overview"]
    assert window.tabs.currentWidget() is window.overview
    assert "Abai region" in window.overview.page.toPlainText()  # with its data, not an empty frame
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Overview", "Agreements", "Officials", "Events", "Trade", "Sources", "Timeline"]


def test_a_tab_is_built_when_first_shown_and_takes_its_placeholders_place(qtbot, seeded_db):
    create_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    shown = []
    window.tabs.currentChanged.connect(lambda index: shown.append(window.tabs.widget(index)))
    window.tabs.setCurrentIndex(2)
    officials = window.tabs.currentWidget()
    assert isinstance(officials, ListTab) and officials.listing.name == "officials"
    assert shown == [officials]  # those listening see the tab itself, never the placeholder
    assert window.list_tabs["officials"] is officials and window.tabs.indexOf(officials) == 2
    assert officials.model.rowCount() == 3
    assert window.tabs.count() == 7 and _built(window) == ["overview", "officials"]


def test_asking_for_a_list_tab_builds_it_in_place_without_showing_it(qtbot, seeded_db):
    create_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    sources = window.list_tabs["sources"]
    assert window.tabs.widget(5) is sources and window.tabs.currentIndex() == 0
    assert window.list_tabs.built() == [sources]
    assert sources.export_button.text() == "Export table as CSV…"  # what every list gets, once built


def test_the_other_tabs_are_built_once_the_window_is_painted(qtbot, seeded_db):
    window = open_window(qtbot, seeded_db)
    qtbot.waitUntil(lambda: len(_built(window)) == 7)
    assert all(isinstance(window.tabs.widget(i), OverviewTab | ListTab | TimelineTab) for i in range(7))
    assert window.tabs.currentIndex() == 0


def test_the_tab_open_last_time_is_the_one_built_first(qtbot, seeded_db):
    first = open_window(qtbot, seeded_db)
    first.tabs.setCurrentIndex(3)
    first.close()
    QApplication.processEvents()
    second = MainWindow(seeded_db)
    qtbot.addWidget(second)
    assert _built(second) == ["events"] and second.tabs.currentWidget() is second.list_tabs["events"]


def test_a_change_refreshes_the_built_tabs_and_a_tab_built_later_reads_it(qtbot, seeded_db):
    create_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    seeded_db.execute("DELETE FROM agreements WHERE id = (SELECT min(id) FROM agreements)")
    window.refresh()
    assert _built(window) == ["overview"]
    assert window.list_tabs["agreements"].model.rowCount() == 1


def _loaded_by_the_first_paint(seeded_path: Path, tmp_path: Path) -> set[str]:
    """The real start (desktop.app.main), in a process of its own, up to the painted window:
    the modules imported and the PySide6 classes made by then."""
    modules_file = tmp_path / "modules.txt"
    args = [sys.executable, "-m", "tests.bench.first_paint", "app", "--db", str(seeded_path),
            "--modules", str(modules_file)]
    result = subprocess.run(args, env=run_all._child_env(tmp_path / "home"), cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "painted", result.stderr
    return set(modules_file.read_text(encoding="utf-8").split())


@pytest.mark.slow
def test_the_first_paint_needs_no_sqlite_utils_dialogs_forms_printing_history_or_capture(seeded_path, tmp_path):
    modules = _loaded_by_the_first_paint(seeded_path, tmp_path)
    assert {"desktop.tabs.overview", "db.read.queries"} <= modules  # the Overview was built from the file
    late = ("sqlite_utils", "desktop.dialogs", "desktop.forms", "desktop.factsheet", "desktop.common.undo",
            "db.store", "desktop.tabs.list_tab", "desktop.window.files", "pyqtgraph", "numpy",
            "desktop.tabs.timeline", "db.read.timeline", "db.read.history", "desktop.window.deleting",
            "desktop.safety.backup_action", "desktop.safety.restore_dialog", "desktop.capture.dialog",
            "db.capture", "natasha", "desktop.help.window", "openpyxl", "python_calamine", "babel", "uuid")
    assert sorted(m for m in modules if m.split(".")[0] in late or m.startswith(late)) == []


@pytest.mark.slow
def test_the_first_paint_builds_neither_qts_enums_nor_the_style_nor_the_record_classes(seeded_path, tmp_path):
    """PySide makes ``Qt`` (some 120 enums) and ``QStyle`` when first named: 20 ms of a start."""
    loaded = _loaded_by_the_first_paint(seeded_path, tmp_path)
    assert "PySide6.QtCore.QAbstractListModel" in loaded  # the Overview's pickers: the list is what it seems
    assert {"PySide6.QtCore.Qt", "PySide6.QtWidgets.QStyle", "db.model.records", "db.read.listings"} & loaded == set()


def test_asking_which_list_tabs_there_are_builds_none(qtbot, seeded_db):
    create_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    assert "events" in window.list_tabs and "overview" not in window.list_tabs
    assert list(window.list_tabs) == ["agreements", "officials", "events", "indicators", "sources"]
    assert window.list_tabs.built() == []
