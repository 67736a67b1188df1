"""File ▸ Export… and each tab's "Export table as CSV…"."""

import csv
import io

from PySide6.QtCore import Qt

from db.exchange.bundle import import_bundle_file
from db.file.connection import open_database
from desktop.dialogs.export_dialog import ExportDialog
from tests.db.content import content
from tests.desktop.modal import answer, choose_file


def _rows(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_export_everything_writes_a_bundle_that_imports_elsewhere(qtbot, window, tmp_path):
    out = tmp_path / "everything.json"
    answer(lambda dialog: (isinstance(dialog, ExportDialog) or dialog.reject(), dialog.accept()))
    answer(choose_file(out))
    window.export_action.trigger()
    assert out.exists()
    copy = open_database(tmp_path / "copy.factsheet")
    import_bundle_file(copy, out)
    assert content(copy) == content(window.db)
    assert "Exported" in window.statusBar().currentMessage()


def test_export_one_table_as_csv(qtbot, window, tmp_path):
    out = tmp_path / "agreements.csv"

    def choose_agreements(dialog):
        assert isinstance(dialog, ExportDialog)
        qtbot.mouseClick(dialog.one_table, Qt.MouseButton.LeftButton)
        dialog.table.setCurrentIndex(dialog.table.findData("agreements"))
        dialog.accept()

    answer(choose_agreements)
    answer(choose_file(out))
    window.export_action.trigger()
    rows = _rows(out)
    assert rows[0][:3] == ["id", "title", "kind"]
    assert len(rows) == 3


def test_a_tab_exports_its_rows_as_shown(qtbot, window, tmp_path):
    trade = window.list_tabs["indicators"]
    window.tabs.setCurrentWidget(trade)
    qtbot.keyClicks(trade.filter_box, "enterprises")
    qtbot.keyClick(trade.filter_box, Qt.Key.Key_Return)
    out = tmp_path / "figures.csv"
    answer(choose_file(out))
    qtbot.mouseClick(trade.export_button, Qt.MouseButton.LeftButton)
    rows = _rows(out)
    assert rows[0] == [c.title for c in trade.listing.columns]
    assert len(rows) == 2 and rows[1][4] == "178"


def test_cancelling_the_file_chooser_writes_nothing(qtbot, window, tmp_path):
    from tests.desktop.modal import cancel_file_dialog

    answer(lambda dialog: dialog.accept())
    answer(cancel_file_dialog)
    window.export_action.trigger()
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("seed.factsheet")]
