"""The change history in the window: Restore this version, Deleted Records…, Briefings…, and
the name the history gives this person's changes.

``install(window)`` adds *Edit ▸ Deleted Records…* and *Edit ▸ Name in the History…* and
*File ▸ Briefings…*, and connects each list tab's History panel as the tab is built. What
they do — the history, ``db.store``, the dialogs — is imported when first used, so
installing costs the window's first paint nothing. Restoring a version and
bringing back a deleted record are each one step of the window's undo history, written
through ``db.store`` like every change, so the history records them too (as ``restore``).
The name set here (stored in the settings) is given to the database connection; without
one, the history names the operating-system user.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from db.errors import FactSheetError
from db.model.i18n import _
from desktop.common import settings

if TYPE_CHECKING:
    from db.read import history

AUTHOR_KEY = "history/author"


def install(window) -> None:
    window.deleted_records_action = window._action(
        _("Deleted &Records…"), lambda: show_deleted_records(window),
        tip=_("List the records deleted and not brought back, and bring one back."))
    window.author_action = window._action(
        _("Name in the &History…"), lambda: ask_author(window),
        tip=_("Choose the name the change history gives your changes."))
    window.edit_menu.insertSeparator(window.find_action)  # after Copy, above Find…
    window.edit_menu.insertActions(window.find_action, [window.deleted_records_action, window.author_action])
    window.briefings_action = window._action(
        _("Briefin&gs…"), lambda: show_briefings(window),
        tip=_("List the fact sheets printed or saved, and what changed since each."))
    window.file_menu.insertAction(window.print_preview_action, window.briefings_action)  # first of printing
    for tab in window.list_tabs.built():
        _connect_tab(window, tab)
    window.pages.built.connect(lambda tab: _connect_tab(window, tab))
    window.database_changed.connect(lambda db: _name_writer(db))
    _name_writer(window.db)


def _connect_tab(window, tab) -> None:
    """A list tab's History panel asks the window to restore the version chosen."""
    tab.history.restore_requested.connect(lambda kind, rid, entry: restore_version(window, kind, rid, entry))


def _name_writer(db) -> None:
    """Give the connection the name its writes carry, and this window's session (which tells
    its own writes from another program's, ``desktop.safety.external_changes``)."""
    db.author = settings.load_str(AUTHOR_KEY) or None
    if getattr(db, "session", "") is None:
        db.session = os.urandom(16).hex()  # as random as a UUID, without importing uuid


def ask_author(window) -> None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from db.store import journal

    name, ok = QInputDialog.getText(
        window, _("Name in the History"),
        _("The name the change history gives your changes (leave it empty for your user name, “{user}”):").format(
            user=journal.default_author() or ""), QLineEdit.EchoMode.Normal, settings.load_str(AUTHOR_KEY))
    if ok:
        settings.save_value(AUTHOR_KEY, " ".join(name.split()))
        _name_writer(window.db)


def restore_version(window, kind: str, record_id: int, entry_id: int) -> bool:
    """Write an earlier version of a record back, as one undoable step; False (said) if it cannot be."""
    from db import store
    from db.model.records import KIND_NAMES
    from db.read import history
    from db.read.queries import record_label
    from desktop.common import message_box

    db = window.db
    version = next((v for v in history.record_history(db, kind, record_id) if v.entry_id == entry_id), None)
    record = version.record() if version else None
    if record is None:
        window.statusBar().showMessage(_("That version is no longer in the history."), 5000)
        return False
    text = _("Restore {kind} “{label}” to {when}").format(
        kind=KIND_NAMES[kind][0], label=record_label(db, kind, record_id), when=version.when)
    try:
        with store.writing(db, action="restore", note=_("the version of {when}").format(when=version.when)):
            window.editing.history.session().run(text, lambda recorder: recorder.save(record))
    except FactSheetError as error:
        message_box.warn(window, str(error))
        return False
    window.statusBar().showMessage(_("Restored the version of {when}; Edit ▸ Undo takes it back.").format(
        when=version.when), 8000)
    return True


def bring_back(window, deleted: history.DeletedRecord) -> bool:
    """Bring a deleted record back with everything its delete took, as one undoable step."""
    from db import store
    from db.model.records import KIND_NAMES
    from desktop.common import message_box
    from desktop.common.undo import step_text

    db = window.db
    try:
        with store.writing(db, note=_("brought back from Deleted Records")):
            record_id = window.editing.history.session().run(
                step_text("restore", deleted.kind, deleted.label),
                lambda recorder: recorder.restore(deleted.captured()))
    except FactSheetError as error:
        message_box.warn(window, str(error))
        return False
    window.open_record(deleted.kind, record_id)
    window.statusBar().showMessage(_("Brought back {kind} “{label}”.").format(
        kind=KIND_NAMES[deleted.kind][0].lower(), label=deleted.label), 8000)
    return True


def show_deleted_records(window):
    from PySide6.QtCore import Qt

    from desktop.dialogs.deleted_records import DeletedRecordsDialog

    dialog = DeletedRecordsDialog(window.db, lambda deleted: bring_back(window, deleted), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_briefings(window):
    from PySide6.QtCore import Qt

    from desktop.dialogs.briefings_dialog import BriefingsDialog

    dialog = BriefingsDialog(window.db, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
