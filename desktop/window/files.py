"""Working with several database files: File ▸ New Database…, Open…, Save a Copy…, Recent Files.

People keep a database per topic and share files, so the window switches between them
(``MainWindow.set_database``) and remembers the last one, which opens again on the next
start unless a file is named on the command line. A file that cannot be opened gives a
sentence and the window stays on the database it had. "New Database…" makes an empty
database with the schema (not to be confused with New…, which makes a record) and never
replaces an existing file. "Save a Copy…" uses SQLite's backup API, safe while the file is
open and being read, on a worker thread with a progress dialog.

The actions are in the File menu from the start (``desktop.window.menus``); this module is
imported when one of them is first used. The list of files itself is ``desktop.window.recent``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from db.errors import FactSheetError
from db.file import search_index
from db.file.connection import open_database
from db.file.snapshot import backup_to
from db.model.i18n import _
from desktop.common import message_box
from desktop.common.file_choice import ask_path, start_folder
from desktop.common.progress import run_with_progress
from desktop.platform import paths
from desktop.window.recent import forget, forget_all, recent_files, remember


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


# -- the actions -----------------------------------------------------------------------------------
def switch_to(window, path: Path, *, create: bool = False) -> bool:
    """Open ``path`` in the window in place of its database; False (after saying why) if it cannot be."""
    if _same_file(window.db.path, path):
        return True
    try:
        db = open_database(path, create=create)
    except FactSheetError as error:
        message_box.warn(window, str(error))
        if not path.exists():
            forget(path)
            refresh_recent_menu(window)
        return False
    old = window.db
    window.set_database(db)
    _close(old)
    remember(path)
    refresh_recent_menu(window)
    window.statusBar().showMessage(_("Opened {name}.").format(name=path.name), 5000)
    return True


def _close(db) -> None:
    """Close a database the window no longer shows, leaving its search index up to date."""
    try:
        if not db.read_only:
            search_index.catch_up(db)
    except Exception:  # noqa: BLE001 - closing must not fail over a courtesy
        pass
    db.close()


def new_database(window) -> None:
    start = start_folder(window) / (_("Untitled") + paths.DATABASE_SUFFIX)
    path = ask_path(window, _("New Database"), save=True, start=start, confirm_overwrite=False)
    if path is None:
        return
    if path.exists():
        message_box.inform(window, _(
            "“{name}” already exists. Choose another name for the new database, or open that file "
            "with Open….").format(name=path.name))
        return
    switch_to(window, path, create=True)


def open_file(window) -> None:
    path = ask_path(window, _("Open Database"), save=False, start=start_folder(window))
    if path is not None:
        switch_to(window, path)


def save_copy(window) -> None:
    current = window.db.path
    if current is None:
        message_box.inform(window, _("This database is kept in memory and has no file to copy."))
        return
    start = current.with_name(_("{name} copy").format(name=current.stem) + paths.DATABASE_SUFFIX)
    path = ask_path(window, _("Save a Copy"), save=True, start=start)
    if path is None:
        return
    if _same_file(current, path):
        message_box.inform(window, _("That is the file already open; choose another name for the copy."))
        return
    try:
        done = run_with_progress(window, window.db, lambda db, _job: backup_to(db, path),
                                 label=_("Copying {name}…").format(name=current.name))
    except (FactSheetError, OSError) as error:
        message_box.warn(window, _("The copy was not saved: {reason}").format(
            reason=getattr(error, "strerror", None) or error))
        return
    if done is not None:
        window.statusBar().showMessage(_("Saved a copy as {path}.").format(path=path), 8000)


def refresh_recent_menu(window) -> None:
    menu: QMenu = window.recent_menu
    menu.clear()
    recent = [p for p in recent_files() if not _same_file(window.db.path, p)]
    for number, path in enumerate(recent, start=1):
        action = menu.addAction(f"&{number} {path.name}" if number < 10 else path.name)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: switch_to(window, p))
    if recent:
        menu.addSeparator()
    clear = menu.addAction(_("Clear Recent Files"))
    clear.setEnabled(bool(recent))
    clear.triggered.connect(lambda: _clear_recent(window))


def _clear_recent(window) -> None:
    forget_all()
    refresh_recent_menu(window)
