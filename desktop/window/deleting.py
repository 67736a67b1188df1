"""Delete, as the window asks it: first name what goes with the record, never delete one in use.

Delete asks before it acts, naming the records deleted with the one chosen (a person's
positions) and those that will no longer refer to it, and says it can be undone. A record
still used elsewhere (a party an agreement names) is not deleted: the box says by what,
and **Show Uses** lists them. The delete itself is one step of the window's undo history
(``desktop.common.undo``), applied through ``db.store`` in one transaction.

Imported when Delete is first used (``desktop.window.editing``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from db import store
from db.errors import FactSheetError
from db.model.i18n import _, ngettext
from db.model.records import KIND_NAMES, format_count
from db.read.queries import record_label
from desktop.common import message_box
from desktop.common.undo import step_text


def ask(editing, kind: str, record_id: int, parent: QWidget) -> QMessageBox | None:
    """Ask, then delete; a record still in use is refused with an offer to show its uses."""
    db = editing.db
    label = record_label(db, kind, record_id)
    name = KIND_NAMES[kind][0].lower()
    blocking = [r for r in store.references(db, kind, record_id) if not r.cascade]
    if blocking:
        return _refuse(editing, kind, record_id, label, blocking, parent)
    try:
        captured = store.capture(db, kind, record_id)
    except FactSheetError as error:
        editing.window.statusBar().showMessage(str(error), 5000)
        return None
    box = message_box.plain_box(QMessageBox.Icon.Question, _("Delete"),
                                _("Delete the {kind} “{label}”?").format(kind=name, label=label), parent,
                                informative=" ".join(consequences(captured)))
    delete = box.addButton(_("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def answered() -> None:
        if box.clickedButton() is delete:
            _delete_now(editing, kind, record_id, label, parent)

    box.finished.connect(answered)
    box.open()
    return box


def consequences(captured: store.Captured) -> list[str]:
    """What else a delete removes or unlinks, and that it can be undone, as sentences."""
    parts = []
    for kind, n in captured.dependents().items():
        parts.append(ngettext("Its {records} is deleted with it.", "Its {records} are deleted with it.", n)
                     .format(records=format_count(n, kind)))
    for kind, n in captured.unlinked().items():
        parts.append(ngettext("{records} will no longer refer to it.", "{records} will no longer refer to it.",
                              n).format(records=format_count(n, kind)))
    parts.append(_("You can undo this with Edit ▸ Undo (Ctrl+Z)."))
    return parts


def _refuse(editing, kind: str, record_id: int, label: str, blocking, parent: QWidget) -> QMessageBox:
    box = message_box.plain_box(
        QMessageBox.Icon.Warning, _("Delete"),
        _("“{label}” is still used by {uses}, so it was not deleted.").format(
            label=label, uses=store.describe_references(blocking)), parent,
        informative=_("Change or delete those first; Show Uses lists them."))
    show = box.addButton(_("Show Uses"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(show)
    box.setEscapeButton(close)
    box.finished.connect(lambda _code: box.clickedButton() is show and editing.show_uses(kind, record_id))
    box.open()
    return box


def _delete_now(editing, kind: str, record_id: int, label: str, parent: QWidget) -> None:
    try:
        editing.history.session().run(step_text("delete", kind, label),
                                      lambda recorder: recorder.delete(kind, record_id))
    except FactSheetError as error:
        message_box.warn(parent, title=_("Delete"), text=str(error))
