"""The window's safety net, installed with one call from ``MainWindow``.

- ``read_only``: the banner saying why a database cannot be changed, and every action
  with the ``writes`` property disabled while it cannot;
- ``backup_action``: what File ▸ Back Up Now does, and the day's backup before the first
  change of a day (the action is in the File menu from the start; this module is imported
  when it is first used);
- ``restore_dialog``: what File ▸ Restore from Backup… does (imported likewise);
- ``external_changes``: re-reading the views when another window or program commits;
- ``integrity_watch``: the damage check a large file skipped on opening, in the background.

Unhandled exceptions are reported by ``desktop.safety.crash_report``, installed for the whole
application in ``desktop.gui``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from desktop.safety import external_changes, integrity_watch, read_only


def database_changed(window: QMainWindow) -> None:
    """Call after ``window.db`` is replaced by another file: banner, actions, damage check.

    (Changes from elsewhere follow ``window.db`` by themselves.)
    """
    window.apply_read_only()
    window.background_check.start()


def install(window: QMainWindow) -> None:
    read_only.install(window)
    external_changes.install(window)
    integrity_watch.install(window)
    # Writing actions added later in the window's construction are disabled once it is built.
    QTimer.singleShot(0, window, window.apply_read_only)
