"""Make the user guide's pictures from the app itself, on the sample data.

    python -m resources.help.screenshots [--language en] [--out FOLDER]

Each picture is a window of Fact Sheet shown offscreen at a fixed size over a fresh sample
database, taken with ``QWidget.grab()`` and scaled smoothly to the width the guide shows it
at: the Overview, the Trade tab, the Timeline tab, an agreement's form, Import… reading a
statistics office's table (a title row, years across, a source typed once for every row),
Print Preview, the check before printing, a record's History with an earlier version
chosen, and Restore from Backup. The last two change the sample as a person would (an
agreement's status edited through the window, then an import), so they are taken last. It runs with
settings and data folders of its own in a temporary folder, so your database, backups and
preferences are not touched, and with ``--language`` it shows the window in that language,
Qt's own buttons included (its catalogue must exist), and writes to that language's
``images`` folder.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PICTURES = ("overview.png", "trade.png", "timeline.png", "form.png", "import.png", "print-preview.png",
            "before-printing.png", "history.png", "restore-backup.png")
# The table Import… is shown reading, as a statistics office writes it in each language: a
# title row, the years across, and no subject or source column (the mapping step asks for
# them, and they are typed once for every row: FOR_EVERY_ROW).
SAMPLE_FIGURES = {
    "en": "Foreign trade of the Abai region with the Russian Federation, USD million\n"
          "Indicator,Partner country,2022,2023,2024\n"
          "Exports,Russian Federation,140.3,148.9,151.2\n"
          "Imports,Russian Federation,158.0,160.2,164.9\n",
    "ru": "Регион;Страна-партнёр;Показатель;Период;Значение;Единица измерения;Источник;Дата публикации\n"
          "Абайская область;Российская Федерация;Экспорт;2024;151,2;млн долл. США;"
          "Внешняя торговля Абайской области за 2024 год;14.02.2025\n"
          "Абайская область;Российская Федерация;Импорт;2024;164,9;млн долл. США;"
          "Внешняя торговля Абайской области за 2024 год;14.02.2025\n",
    "kk": "Өңір;Серіктес ел;Көрсеткіш;Кезең;Мәні;Өлшем бірлігі;Дереккөз;Жарияланған күні\n"
          "Абай облысы;Ресей Федерациясы;Экспорт;2024;151,2;млн АҚШ доллары;"
          "Абай облысының 2024 жылғы сыртқы саудасы;14.02.2025\n"
          "Абай облысы;Ресей Федерациясы;Импорт;2024;164,9;млн АҚШ доллары;"
          "Абай облысының 2024 жылғы сыртқы саудасы;14.02.2025\n",
}
FOR_EVERY_ROW = {"en": {"subject": "Abai region", "source_title": "Foreign trade of the Abai region 2022–2024"}}
# Who the change history names (Edit ▸ Name in the History…).
AUTHOR = {"en": "Aigerim Sarsenova", "ru": "Айгерим Сарсенова", "kk": "Айгерім Сәрсенова"}


def _sandbox(language: str) -> Path:
    """A temporary home, settings and data folder, set before Qt or the app's strings load."""
    root = Path(tempfile.mkdtemp(prefix="factsheet-help-"))
    for name in ("HOME", "APPDATA", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(root / name.lower())
        (root / name.lower()).mkdir()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["LANGUAGE"] = language
    return root


def _settle(app, seconds: float = 0.4) -> None:
    """Let the window finish its work (worker threads, deferred layout) before it is taken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _wait(app, done, limit: float = 20.0) -> None:
    end = time.monotonic() + limit
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _save(widget, path: Path, width: int) -> None:
    """Save the widget as drawn, smoothly scaled to the width the guide shows it at."""
    from PySide6.QtCore import Qt

    picture = widget.grab()
    if picture.width() > width:
        picture = picture.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    if not picture.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(path)


def _tabs(app, window, out: Path) -> None:
    """The Overview, the Trade tab and the Timeline tab, as they open on the sample."""
    _save(window, out / "overview.png", 620)
    window.tabs.setCurrentWidget(window.list_tabs["indicators"])
    _settle(app, 1.0)  # the chart library loads with the tab
    _save(window, out / "trade.png", 620)
    window.tabs.setCurrentWidget(window.timeline)
    _settle(app, 0.8)
    _save(window, out / "timeline.png", 620)
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])


def _form(app, window, out: Path) -> None:
    form = window.editing.edit("agreement", 1)
    form.resize(760, 620)
    _settle(app)
    _save(form, out / "form.png", 520)
    form.done(0)


def _import(app, window, root: Path, out: Path, language: str) -> Path:
    """Import… over a statistics office's table, the fields no column holds typed once; the file."""
    from desktop.dialogs.import_dialog import ImportDialog

    figures = root / "abai-trade.csv"
    figures.write_text(SAMPLE_FIGURES.get(language, SAMPLE_FIGURES["en"]), encoding="utf-8")
    dialog = ImportDialog(window, figures)
    dialog.resize(860, 560)
    dialog.show()
    _wait(app, lambda: not dialog.working())
    for name, value in FOR_EVERY_ROW.get(language, {}).items():
        box = dialog.step.value_boxes[name]
        box.setText(value)
        box.editingFinished.emit()  # as leaving the box does
        _settle(app, 0.1)
        _wait(app, lambda: not dialog.working())
    _settle(app)
    _save(dialog, out / "import.png", 560)
    dialog.reject()
    return figures


def _printing(app, window, out: Path) -> None:
    """Print Preview, and the check before printing that Print…, the preview and Export PDF… run first."""
    from db.sheet.preprint import before_print
    from desktop.factsheet.preprint_dialog import PrePrintDialog
    from desktop.factsheet.preview import PreviewDialog

    preview = PreviewDialog(window.factsheet_actions, window)
    preview.resize(1100, 720)
    preview.show()
    _settle(app, 1.5)
    _save(preview, out / "print-preview.png", 620)
    items = before_print(preview.sheet)
    preview.reject()
    check = PrePrintDialog(items, window)
    check.resize(700, 460)
    check.show()
    _settle(app)
    _save(check, out / "before-printing.png", 520)
    check.reject()


def _history(app, window, out: Path) -> None:
    """The protocol recorded as in force through the window, then its History with the version before chosen."""
    from db import store
    from db.read.queries import record_label
    from desktop.common.undo import step_text

    record = store.get(window.db, "agreement", 1)
    revised = dataclasses.replace(record, status="in_force")
    text = step_text("edit", "agreement", record_label(window.db, "agreement", 1))
    window.editing.history.session().run(text, lambda recorder: recorder.save(revised))
    _settle(app)
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    tab.select_record(1)
    _settle(app)
    tab.history.list.setCurrentRow(1)
    _settle(app)
    _save(window, out / "history.png", 620)


def _restore(app, window, figures: Path, out: Path, language: str) -> None:
    """The sample's table imported (a backup is made first), then Restore from Backup…."""
    from db.exchange.imports import import_file
    from db.exchange.tables.header import Mapping
    from db.exchange.tables.opening import ReadOptions
    from desktop.safety.restore_dialog import RestoreDialog

    values = FOR_EVERY_ROW.get(language, {})
    import_file(window.db, figures, options=ReadOptions(mapping=Mapping(values=dict(values))))
    window.refresh()
    dialog = RestoreDialog(window)
    dialog.resize(820, 520)
    dialog.show()
    _settle(app)
    _save(dialog, out / "restore-backup.png", 560)
    dialog.reject()


def make(out: Path, root: Path, language: str = "en") -> list[Path]:
    from desktop.common import language as window_language
    from desktop.common import settings
    from desktop.gui import create_application

    app = create_application()
    window_language.apply(app)  # before the window's modules load, and Qt's own words to match
    app.setStyle("Fusion")  # the same look on every machine that makes the pictures

    from db.file.connection import open_database
    from db.seed import load_seed
    from desktop.window.history_actions import AUTHOR_KEY
    from desktop.window.main_window import MainWindow

    author = AUTHOR.get(language, AUTHOR["en"])
    settings.save_value(AUTHOR_KEY, author)  # as Edit ▸ Name in the History… sets it
    db = open_database(root / "facts.factsheet")
    db.author = author
    load_seed(db)
    window = MainWindow(db)
    window.resize(1100, 700)
    window.path_label.setText(db.path.name)  # the sandbox's temporary folder means nothing to a reader
    window.show()
    _settle(app)
    out.mkdir(parents=True, exist_ok=True)

    _tabs(app, window, out)
    _form(app, window, out)
    figures = _import(app, window, root, out, language)
    _printing(app, window, out)
    _history(app, window, out)
    _restore(app, window, figures, out, language)

    window.close()
    db.close()
    return [out / name for name in PICTURES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m resources.help.screenshots",
                                     description="Make the user guide's pictures from the app itself.")
    parser.add_argument("--language", default="en", help="the window's language and the guide's folder")
    parser.add_argument("--out", type=Path, help="where to write the pictures (default: the guide's images)")
    args = parser.parse_args(argv)
    root = _sandbox(args.language)
    make(args.out or HERE / args.language / "images", root, args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
