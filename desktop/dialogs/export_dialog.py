"""File ▸ Export… and "Export table as CSV…" on each list tab.

File ▸ Export… writes either every record as a JSON bundle (it imports into any Fact Sheet
database) or one kind of record as CSV, the same files ``factsheet export`` writes. A
tab's "Export table as CSV…" button writes that list as it is shown: its columns, with the
filter and the sort order applied. Both run on a worker thread with a progress dialog and
replace the chosen file only when the export is complete.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from db.errors import FactSheetError
from db.model.formatting import format_number
from db.model.i18n import _
from db.model.records import KIND_NAMES, KINDS
from desktop.common import message_box
from desktop.common.file_choice import ask_path, start_folder
from desktop.common.progress import run_with_progress
from desktop.help import context as context_help

JSON_FILTER = _("Fact Sheet bundles (*.json)")
CSV_FILTER = _("CSV files (*.csv)")


class ExportDialog(QDialog):
    """Choose what File ▸ Export… writes: everything as JSON, or one table as CSV."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export"))
        self.setObjectName("export_dialog")
        self.everything = QRadioButton(_("&Everything, as a Fact Sheet bundle (JSON) that imports into any "
                                         "database"), self)
        self.one_table = QRadioButton(_("&One table, as CSV for a spreadsheet:"), self)
        self.table = QComboBox(self)
        self.table.setAccessibleName(_("Table"))
        for kind, cls in KINDS.items():
            self.table.addItem(KIND_NAMES[kind][1], cls.TABLE)
        self.table.setCurrentIndex(self.table.findData("indicators"))
        group = QButtonGroup(self)
        group.addButton(self.everything)
        group.addButton(self.one_table)
        self.everything.setChecked(True)
        self.table.setEnabled(False)
        self.one_table.toggled.connect(self.table.setEnabled)
        note = QLabel(_("Figures are written in the format the import reads, so an exported file can be "
                        "imported again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        context_help.install(self, "exporting", buttons)
        layout = QVBoxLayout(self)
        for widget in (self.everything, self.one_table, self.table, note, buttons):
            layout.addWidget(widget)

    def choice(self) -> tuple[str, str | None]:
        """("json", None) or ("csv", table name)."""
        return ("json", None) if self.everything.isChecked() else ("csv", self.table.currentData())


def _suggested(window, suffix: str, table: str = "") -> Path:
    """Beside the open database, named after it (and the table): "Kazakhstan indicators.csv"."""
    stem = window.db.path.stem if window.db.path else "factsheet"
    name = f"{stem} {table}" if table else stem
    return start_folder(window) / f"{name}{suffix}"


def _run(window, path: Path, work, what: str) -> None:
    try:
        written = run_with_progress(window, window.db, work, label=_("Exporting {what}…").format(what=what))
    except (FactSheetError, OSError) as error:
        message_box.warn(window, _("Nothing was exported: {reason}").format(
            reason=getattr(error, "strerror", None) or error))
        return
    if written is not None:
        window.statusBar().showMessage(_("Exported {n} rows to {path}.").format(
            n=format_number(written), path=path), 10000)


def export(window) -> None:
    """File ▸ Export…: choose what, then where."""
    dialog = ExportDialog(window)
    if not dialog.exec():
        return
    format, table = dialog.choice()
    if format == "json":
        path = ask_path(window, _("Export Everything"), save=True, start=_suggested(window, ".json"),
                        filters=(JSON_FILTER,), suffix="json")
    else:
        path = ask_path(window, _("Export Table as CSV"), save=True, start=_suggested(window, ".csv", table),
                        filters=(CSV_FILTER,), suffix="csv")
    if path is None:
        return
    from db.exchange import export as exporting  # loaded with the first export, not with the window

    _run(window, path, lambda db, job: exporting.export_to_file(db, path, format=format, table=table, steps=job),
         path.name)


def export_tab(window, tab) -> None:
    """A tab's "Export table as CSV…": the list as shown (columns, filter and order)."""
    path = ask_path(window, _("Export Table as CSV"), save=True, start=_suggested(window, ".csv", tab.listing.name),
                    filters=(CSV_FILTER,), suffix="csv")
    if path is None:
        return
    model = tab.model
    options = {"filter_text": model.filter_text, "sort": model.sort_key, "descending": model.descending,
               "narrow": model.narrow}

    from db.exchange import export as exporting

    def work(db, job) -> int:
        with exporting.csv_output(path) as out:
            return exporting.write_listing(db, tab.listing, out, steps=job, **options)

    _run(window, path, work, path.name)
