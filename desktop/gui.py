"""Starting the window: the QApplication, the database to open, and the main window.

With no file named, the user's own database is opened; on first run it is created and
filled with the seed data set. A file that cannot be opened gives a sentence in a message
box (and on stderr), never a traceback. Any unhandled exception afterwards is logged and
shown in a dialog while the window keeps running (``desktop.safety.crash_report``).

What is imported here is what the first paint needs; the rest (message boxes, the seed,
the files the system asks to open on macOS) is imported where it is used.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import FactSheetError
from db.file.connection import open_database
from db.model.i18n import _
from desktop import APP_ID, APP_NAME, __version__
from desktop.platform import system_check
from resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from db.file.database import FactSheetDatabase


def open_user_database(path: Path | None) -> FactSheetDatabase:
    """Open the named file, or the user's own database (created and seeded on first run)."""
    from desktop.platform import paths

    if path is not None:
        return open_database(path)
    path = paths.default_database()
    first_run = not path.exists()
    db = open_database(path)
    if first_run:
        from db.seed import load_seed  # the bundle reader is needed only this once

        try:
            load_seed(db)
        except Exception:
            db.close()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
    return db


def open_database_to_show(path: Path | None) -> FactSheetDatabase:
    """The file named on the command line; else the one open when the window last closed;
    else the user's own. A remembered file that no longer opens gives way to the user's own
    database, with the reason said in a message box."""
    if path is not None:
        return open_user_database(path)
    from desktop.window import recent

    remembered = recent.last_database()
    if remembered is not None:
        try:
            return open_user_database(remembered)
        except FactSheetError as error:
            from desktop.common import message_box

            recent.forget(remembered)
            message_box.warn(None, _("{reason} Your own database opens instead.").format(reason=error))
    return open_user_database(None)


def create_application():
    """The QApplication with the names Qt uses for settings and data folders."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """The app icon in every rendered size, so each place Qt shows it gets sharp pixels."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in resource_path("icons", "hicolor").glob(f"*/apps/{APP_ID}.png"):
        icon.addFile(str(png))
    return icon


def run_window(path: Path | None) -> int:
    """Open the main window on ``path`` (None: the user's own database); return the exit code."""
    missing = system_check.missing_packages()
    if missing:
        sys.stderr.write(_("{app} needs these system libraries to open its window: {names}. "
                           "Install them with: {command}\n").format(
            app=APP_NAME, names=", ".join(missing), command=system_check.install_command(missing)))
        return 1
    # What the Overview reads with uses no Qt: imported ahead of it, these modules are spared
    # the read of its source that PySide makes of every module imported after Qt (looking
    # for its own ``__feature__`` switches), some 4 ms of the first paint.
    from db.read import checks, key_figures, mirror, pair_facts  # noqa: F401

    app = create_application()
    from desktop.common import language

    language.apply(app)  # before the window's modules are imported: their labels follow it

    from desktop.safety import crash_report
    from desktop.window.main_window import MainWindow

    reporter = crash_report.install(app)
    opening = None
    if sys.platform == "darwin":  # a database double-clicked arrives as an event, only there
        from desktop.platform import file_open_events

        opening = file_open_events.install(app)

    try:
        db = open_database_to_show(path)
    except FactSheetError as error:
        from desktop.common import message_box

        sys.stderr.write(f"{APP_ID}: {error}\n")
        message_box.critical(None, str(error))
        return 1
    try:
        window = MainWindow(db)
    except Exception as error:  # reported like any unhandled error, then there is no window to run
        reporter.handle(type(error), error, error.__traceback__)
        app.processEvents()  # delivers the report: the dialog opens
        if reporter.dialog is not None:
            reporter.dialog.exec()
        return 1
    window.show()
    if opening is not None:
        opening.attach(window)
    return app.exec()
