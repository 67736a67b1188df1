"""Make the user guide's pictures from the app itself, on the sample data.

    python -m resources.help.screenshots [--language en] [--out FOLDER]

Each picture is a window of Fact Sheet shown offscreen at a fixed size over a fresh sample
database, taken with ``QWidget.grab()`` and scaled smoothly to the width the guide shows it at: the Overview, the Trade tab, an agreement's
form, Import… checking a file of figures (in Russian and Kazakh, a statistics office's table
in that language), and Print Preview. It runs with settings and data folders of its own in a
temporary folder, so your database and preferences are not touched, and with ``--language``
it shows the window in that language, Qt's own buttons included (its catalogue must exist),
and writes to that language's ``images`` folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The file Import… is shown checking: in English, Fact Sheet's own CSV; in Russian and Kazakh,
# a table as a statistics office writes it in that language.
SAMPLE_FIGURES = {
    "en": "subject,counterpart,indicator,period_start,period_end,value,unit,source_title,source_url,"
          "source_published\n"
          "Abai region,Russian Federation,exports,2024-01-01,2024-12-31,151.2,USD million,"
          "Foreign trade of the Abai region 2024,https://stat.gov.kz/,2025-02-14\n"
          "Abai region,Russian Federation,imports,2024-01-01,2024-12-31,164.9,USD million,"
          "Foreign trade of the Abai region 2024,https://stat.gov.kz/,2025-02-14\n",
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


def make(out: Path, root: Path, language: str = "en") -> list[Path]:
    from desktop.common import language as window_language
    from desktop.gui import create_application

    app = create_application()
    window_language.apply(app)  # before the window's modules load, and Qt's own words to match
    app.setStyle("Fusion")  # the same look on every machine that makes the pictures

    from db.file.connection import open_database
    from db.seed import load_seed
    from desktop.dialogs.import_dialog import ImportDialog
    from desktop.factsheet.preview import PreviewDialog
    from desktop.window.main_window import MainWindow

    db = open_database(root / "facts.factsheet")
    load_seed(db)
    window = MainWindow(db)
    window.resize(1100, 700)
    window.path_label.setText(db.path.name)  # the sandbox's temporary folder means nothing to a reader
    window.show()
    _settle(app)
    out.mkdir(parents=True, exist_ok=True)
    made = [out / name for name in ("overview.png", "trade.png", "form.png", "import.png", "print-preview.png")]

    _save(window, made[0], 620)
    window.tabs.setCurrentWidget(window.list_tabs["indicators"])
    _settle(app, 1.0)  # the chart library loads with the tab
    _save(window, made[1], 620)
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])

    form = window.editing.edit("agreement", 1)
    form.resize(760, 620)
    _settle(app)
    _save(form, made[2], 520)
    form.done(0)

    figures = root / "abai-trade-2024.csv"
    figures.write_text(SAMPLE_FIGURES.get(language, SAMPLE_FIGURES["en"]), encoding="utf-8")
    dialog = ImportDialog(window, figures)
    dialog.resize(860, 460)
    dialog.show()
    _wait(app, lambda: not dialog.working())
    _settle(app)
    _save(dialog, made[3], 560)
    dialog.reject()

    preview = PreviewDialog(window.factsheet_actions, window)
    preview.resize(1100, 720)
    preview.show()
    _settle(app, 1.5)
    _save(preview, made[4], 620)
    preview.reject()

    window.close()
    db.close()
    return made


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
