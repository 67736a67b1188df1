"""What just happened, in the status bar: after every save, delete, undo and redo.

Every change to a record is a step on the window's undo stack (``desktop.common.undo``), so the
stack says what happened: a step pushed was saved (or, for a delete, done — and can be
undone), a step undone or redone is named as such. The sentence stays a few seconds;
longer work (imports, exports, backups, the PDF) says what it did in its own words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6

from db.model.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

SHOWN_MS = 6000


class StepMessages:
    """Follows one undo stack and tells the window's status bar what each step did."""

    def __init__(self, window, stack: QUndoStack) -> None:
        self.window, self.stack = window, stack
        self.index = stack.index()
        stack.indexChanged.connect(self._moved)

    def _moved(self, index: int) -> None:
        if not shiboken6.isValid(self.stack) or not shiboken6.isValid(self.window):
            return  # the window is closing: the stack empties itself as it goes
        stack, before = self.stack, self.index
        self.index = index
        message = None
        if index > before:
            command = stack.command(index - 1)
            if getattr(command, "announced", False):  # met before: it is being redone
                message = _("Redone: {step}.").format(step=command.text())
            else:
                command.announced = True
                message = self._done(command)
        elif index < before and index < stack.count():
            message = _("Undone: {step}.").format(step=stack.text(index))
        if message:
            self.window.statusBar().showMessage(message, SHOWN_MS)

    @staticmethod
    def _done(command) -> str:
        changes = getattr(command, "changes", None) or []
        deleted = bool(changes) and changes[-1].action == "delete"
        if deleted:
            return _("Deleted: {step}. Edit ▸ Undo (Ctrl+Z) brings it back.").format(step=command.text())
        return _("Saved: {step}.").format(step=command.text())


def follow(window, stack: QUndoStack) -> StepMessages:
    """Tell ``window``'s status bar what each step of ``stack`` (its undo history) did."""
    window.step_messages = StepMessages(window, stack)
    return window.step_messages
