"""Undo and redo of every change made in the window: one ``QUndoStack`` per main window.

A person's action (Save in a form, Delete) is one *step*: a ``StepCommand`` whose
children are one command per change it made — ``AddCommand``, ``EditCommand`` or
``DeleteCommand``, generic over the kinds of record, each holding the whole record
before and after (a delete holds every row it removed, from ``db.store.capture``).
A step is applied and reverted in one transaction, through ``db.store`` only.

Changes are written first and pushed afterwards as steps already done: a failed write
never reaches the stack, and the form that made it stays open with its sentence. An
import is one step too (``import_changes`` turns what it wrote into changes; the figures it
added are one ``FiguresCommand``, however many), and so are Restore this version, bringing
back a deleted record (``RestoreCommand``) and restoring a backup (pushed with ``push_command``).
Undo and redo write through ``db.store`` like any change, so each leaves its history entry.

Forms write through a ``Session``. A form opened inside another one (“Create new…” in a
picker) saves at once, because the outer form needs the new record's id; its changes
wait in the outermost session and become part of that form's step when it is saved, or
steps of their own when it is cancelled — so nothing saved is ever outside the history.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db import store
from db.errors import FactSheetError
from db.model.i18n import _
from db.model.records import KIND_NAMES, Record

T = TypeVar("T")

# Longest record label shown inside a step's name ("Undo Edit Agreement “Protocol on …”").
LABEL_LENGTH = 40


def step_text(action: str, kind: str, label: str) -> str:
    """"Edit Agreement “Protocol on the joint use…”" — the name of a step in the Edit menu."""
    verbs = {"add": _("Add"), "edit": _("Edit"), "delete": _("Delete"), "restore": _("Bring Back"),
             "figures": _("Import")}
    label = " ".join(label.split())
    if len(label) > LABEL_LENGTH:
        label = label[:LABEL_LENGTH - 1].rstrip() + "…"
    return _("{verb} {kind} “{label}”").format(verb=verbs[action], kind=KIND_NAMES[kind][0], label=label)


@dataclass
class Change:
    """One record added, edited, deleted or brought back — or the figures an import added:
    everything needed to do it again or undo it."""

    action: str  # "add", "edit", "delete", "restore" or "figures"
    kind: str
    record_id: int
    before: Record | store.Captured | list[tuple[int, int]] | None = None  # figures: their id ranges
    after: Record | None = None
    uuid: str | None = None  # an added record's, kept when redo adds it again
    # updated_at before and after, so undo and redo write back the very versions they return to
    stamps: tuple[str | None, str | None] = (None, None)


class Recorder:
    """Writes records (inside the caller's transaction) and notes each change for undo."""

    def __init__(self, db) -> None:
        self.db = db
        self.changes: list[Change] = []

    def save(self, record: Record) -> int:
        """Add or update ``record``; an update that changes nothing writes nothing."""
        before = store.get(self.db, record.KIND, record.id) if record.id is not None else None
        if before is not None and before == record:
            return before.id  # type: ignore[return-value]
        was = store.identity_of(self.db, record.KIND, record.id)[1] if before is not None else None
        record_id = store.save(self.db, copy.deepcopy(record))
        after = store.get(self.db, record.KIND, record_id)
        uuid, stamp = store.identity_of(self.db, record.KIND, record_id)
        self.changes.append(Change("edit" if before else "add", record.KIND, record_id, before, after, uuid,
                                   (was, stamp)))
        return record_id

    def delete(self, kind: str, record_id: int) -> None:
        captured = store.delete(self.db, kind, record_id)
        self.changes.append(Change("delete", kind, record_id, before=captured))

    def restore(self, captured: store.Captured) -> int:
        """Bring a deleted record back with every row it took (under a new id if its own was taken)."""
        record_id = store.restore(self.db, captured, new_id_if_taken=True)
        if record_id != captured.id:
            captured = store.capture(self.db, captured.kind, record_id)
        self.changes.append(Change("restore", captured.kind, record_id, before=captured))
        return record_id


class ChangeCommand(QUndoCommand):
    """Base of the three change commands: knows its database and its change.

    A change command belongs to its ``StepCommand`` in Python only (no Qt parent), so that
    exactly one side deletes it when the stack drops the step.
    """

    def __init__(self, db, change: Change) -> None:
        super().__init__(step_text(change.action, change.kind, str(change.record_id)))
        self.db = db
        self.change = change


class AddCommand(ChangeCommand):
    """A record was added: undo deletes it, redo brings it back under the same id."""

    def redo(self) -> None:
        store.save(self.db, copy.deepcopy(self.change.after), keep_id=True, uuid=self.change.uuid,
                   updated_at=self.change.stamps[1])

    def undo(self) -> None:
        store.delete(self.db, self.change.kind, self.change.record_id)


class EditCommand(ChangeCommand):
    """A record was changed: undo writes the record as it was, redo as it became."""

    def redo(self) -> None:
        store.save(self.db, copy.deepcopy(self.change.after), updated_at=self.change.stamps[1])

    def undo(self) -> None:
        store.save(self.db, copy.deepcopy(self.change.before), updated_at=self.change.stamps[0])


class DeleteCommand(ChangeCommand):
    """A record was deleted: undo restores it and every row that went with it."""

    def redo(self) -> None:
        store.delete(self.db, self.change.kind, self.change.record_id)

    def undo(self) -> None:
        store.restore(self.db, self.change.before)  # type: ignore[arg-type]


class RestoreCommand(ChangeCommand):
    """A deleted record was brought back: undo deletes it again, redo brings it back again."""

    def redo(self) -> None:
        store.restore(self.db, self.change.before)  # type: ignore[arg-type]

    def undo(self) -> None:
        store.delete(self.db, self.change.kind, self.change.record_id)


class FiguresCommand(ChangeCommand):
    """The figures an import added: undo sets them aside in one go, redo puts them back."""

    kept: str | None = None

    def redo(self) -> None:
        if self.kept is not None:
            store.put_back_figures(self.db, self.kept)
            self.kept = None

    def undo(self) -> None:
        self.kept = store.remove_figures(self.db, self.change.before)  # type: ignore[arg-type]


COMMANDS: dict[str, type[ChangeCommand]] = {"add": AddCommand, "edit": EditCommand, "delete": DeleteCommand,
                                            "restore": RestoreCommand, "figures": FiguresCommand}


def import_changes(written: store.journal.Written | None) -> list[Change]:
    """The changes an import wrote, to undo as one step: its records one by one, then its figures."""
    if not written:
        return []
    changes = []
    for item in written.records:
        after = store.journal.record_of(item.kind, item.after, item.id) if item.after else None
        stamps = ((item.before or {}).get("updated_at"), (item.after or {}).get("updated_at"))
        if item.before is None:
            changes.append(Change("add", item.kind, item.id, None, after, item.uuid, stamps))  # type: ignore[arg-type]
        else:
            before = store.journal.record_of(item.kind, item.before, item.id)
            changes.append(Change("edit", item.kind, item.id, before, after, item.uuid, stamps))  # type: ignore[arg-type]
    if written.figures:
        changes.append(Change("figures", "indicator", written.figures[0][0], before=written.figures))
    return changes


class StepCommand(QUndoCommand):
    """One user action: its changes redone in order and undone in reverse, in one transaction."""

    def __init__(self, history: History, text: str, changes: list[Change]) -> None:
        super().__init__(text)
        self.history = history
        self.db = history.db
        self.changes = changes
        self.children = [COMMANDS[c.action](self.db, c) for c in changes]
        self._already_done = True

    def focus(self, undone: bool) -> tuple[str, int] | None:
        """The record to show after this step ran (or was undone), if it still exists."""
        main = self.changes[-1]
        if main.action == "figures":
            return None
        gone = (main.action in ("add", "restore") and undone) or (main.action == "delete" and not undone)
        return None if gone else (main.kind, main.record_id)

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False  # pushed after it was written: nothing to do now
            return
        self._run(lambda: [child.redo() for child in self.children], undone=False)

    def undo(self) -> None:
        self._run(lambda: [child.undo() for child in reversed(self.children)], undone=True)

    def _run(self, work: Callable[[], object], *, undone: bool) -> None:
        note = (_("Undo: {step}") if undone else _("Redo: {step}")).format(step=self.text())
        try:
            self.history.about_to_write()
            with store.writing(self.db, note=note), store.sqlite_errors_as_sentences(), self.db.atomic():
                work()
        except FactSheetError as error:
            self.history.step_failed(str(error))
            return
        self.history.step_done(self, undone)


class History(QObject):
    """The undo stack of one window and the sessions its forms write through."""

    changed = Signal(object)  # (kind, id) to show after a step, or None
    failed = Signal(str)  # a step could not be undone or redone; the sentence says why

    def __init__(self, db, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.stack = QUndoStack(self)
        # Called before anything is written (the day's backup is made there).
        self.before_write: list[Callable[[], object]] = []

    def about_to_write(self) -> None:
        for hook in self.before_write:
            hook()

    def set_database(self, db) -> None:
        """Another file is open: its history starts empty."""
        self.db = db
        self.stack.clear()

    def session(self) -> Session:
        return Session(self)

    def push(self, text: str, changes: list[Change]) -> None:
        """Record a step that has already been written."""
        if not changes:
            return
        command = StepCommand(self, text, changes)
        self.stack.push(command)
        self.changed.emit(command.focus(undone=False))

    def push_command(self, command: QUndoCommand) -> None:
        """Record a step of another kind (a backup restored) that has already been done."""
        self.stack.push(command)
        self.changed.emit(None)

    def step_done(self, command: StepCommand, undone: bool) -> None:
        self.changed.emit(command.focus(undone))

    def step_failed(self, message: str) -> None:
        """The file no longer matches the history (changed elsewhere, read-only, full disk).

        The transaction wrote nothing; the history is cleared (once the stack has finished
        the current step) so that no later step runs against a file it does not describe.
        """
        QTimer.singleShot(0, self.stack.clear)
        self.failed.emit(message)
        self.changed.emit(None)


class Session:
    """How one form writes: each ``run`` is one transaction and (at the outermost form) one step."""

    def __init__(self, history: History, outer: Session | None = None) -> None:
        self.history = history
        self.outer = outer
        self.waiting: list[tuple[str, list[Change]]] = []  # nested forms' saved steps

    @property
    def db(self):
        return self.history.db

    def nested(self) -> Session:
        """The session for a form opened from this one."""
        return Session(self.history, self._outermost())

    def _outermost(self) -> Session:
        return self.outer._outermost() if self.outer else self

    def run(self, text: str, work: Callable[[Recorder], T]) -> T:
        """Run ``work`` in one transaction; raise ``FactSheetError`` having written nothing."""
        recorder = Recorder(self.db)
        self.history.about_to_write()
        with store.sqlite_errors_as_sentences(), self.db.atomic():
            result = work(recorder)
        if not recorder.changes:
            return result
        if self.outer is not None:
            self.outer.waiting.append((text, recorder.changes))
        else:
            earlier = [change for _text, changes in self.waiting for change in changes]
            self.waiting.clear()
            self.history.push(text, earlier + recorder.changes)
        return result

    def close(self) -> None:
        """The outermost form was cancelled: what its nested forms saved become steps of their own."""
        waiting, self.waiting = self.waiting, []
        for text, changes in waiting:
            self.history.push(text, changes)

