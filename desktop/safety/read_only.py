"""Read-only databases in the window: a banner saying why, and every writing action disabled.

An action that changes the database says so with the Qt property ``writes`` set to True
(``action.setProperty("writes", True)``). ``apply(window)`` disables every such action
while ``window.db.read_only`` and shows the banner with ``window.db.read_only_reason``;
when a writable database is shown again it re-enables exactly the actions it disabled.
An action whose own logic re-enables it (a selection changed, an undo stack moved) is
switched off again at once while the database is read-only. ``db.store`` refuses writes
to a read-only database as well, so a forgotten property cannot lose or corrupt data —
it only leaves a button that answers with the reason.

When the reason is a schema Fact Sheet did not create, the banner offers "Save a Clean
Copy…" (``db.file.clean_copy``): the data in a new file with only our schema, which can be
edited.

The banner is made the first time it is needed (``banner``): a writable file, the common
case, opens without it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import FactSheetError
from db.model.i18n import _

WRITES = "writes"  # the Qt property naming actions that change the database
_DISABLED_HERE = "_disabled_read_only"


class ReadOnlyBanner(QFrame):
    """A strip across the top of the window: why the database cannot be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle

        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#readOnlyBanner { background: palette(tool-tip-base); }"
                           "#readOnlyBanner QLabel { color: palette(tool-tip-text); }")
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the reason names the file; show it as it is
        self.label.setWordWrap(True)
        self.label.setAccessibleName(_("Read-only"))
        self.clean_copy_button = QPushButton(_("Save a Clean Copy…"), self)
        self.clean_copy_button.setToolTip(_("Copy the data into a new file without the objects "
                                            "Fact Sheet did not create, and edit that file."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clean_copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_reason(self, reason: str | None, *, offer_clean_copy: bool) -> None:
        self.label.setText(_("Read-only: {reason}").format(reason=reason) if reason else "")
        self.clean_copy_button.setVisible(offer_clean_copy)
        self.setVisible(bool(reason))


def install(window: QMainWindow) -> None:
    """Make room for the banner above the window's tabs and apply the database's state."""
    central = window.takeCentralWidget()
    holder = QWidget(window)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(central, 1)
    window.setCentralWidget(holder)
    window.read_only_place = layout  # where the banner goes when one is needed
    apply(window)


def banner(window: QMainWindow) -> ReadOnlyBanner:
    """The window's banner (made now if it was not yet; hidden while the file is writable)."""
    made = _made_banner(window)
    if made is not None:
        return made
    made = ReadOnlyBanner(window)
    window.read_only_place.insertWidget(0, made)
    made.clean_copy_button.clicked.connect(lambda: save_clean_copy(window))
    return made


def _made_banner(window: QMainWindow) -> ReadOnlyBanner | None:
    """The banner if it was made: the first widget above the tabs."""
    place = getattr(window, "read_only_place", None)
    first = place.itemAt(0).widget() if place is not None and place.count() > 1 else None
    return first if isinstance(first, ReadOnlyBanner) else None


def writing_actions(window: QWidget) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if a.property(WRITES) is True]


def apply(window: QMainWindow) -> None:
    """Show or hide the banner and disable or restore writing actions for ``window.db``."""
    db = window.db
    reason = getattr(db, "read_only_reason", None)
    shown = _made_banner(window) if not reason else banner(window)
    if shown is not None:
        shown.show_reason(reason, offer_clean_copy=bool(getattr(db, "foreign_schema", False)) and db.path is not None)
    if not reason and not getattr(window, "read_only_actions_off", False):
        return  # writable, and no action was switched off here: none needs looking at
    window.read_only_actions_off = bool(reason)
    for action in writing_actions(window):
        _watch(window, action)
        if reason and action.isEnabled():
            action.setProperty(_DISABLED_HERE, True)
            action.setEnabled(False)
        elif not reason and action.property(_DISABLED_HERE):
            action.setProperty(_DISABLED_HERE, False)
            action.setEnabled(True)


def _watch(window: QMainWindow, action: QAction) -> None:
    """Keep a writing action off while read-only even if its own logic turns it on."""
    if action.property("_read_only_watched"):
        return
    action.setProperty("_read_only_watched", True)

    def changed() -> None:
        if getattr(window.db, "read_only", False) and action.isEnabled():
            action.setProperty(_DISABLED_HERE, True)
            action.setEnabled(False)

    action.changed.connect(changed)


def save_clean_copy(window: QMainWindow) -> Path | None:
    """Ask where, write the clean copy, and say where it is."""
    from db.file.clean_copy import save_clean_copy as write_copy

    source = window.db.path
    suggested = source.with_name(f"{source.stem} (clean){source.suffix}")
    chosen, _filter = QFileDialog.getSaveFileName(
        window, _("Save a Clean Copy"), str(suggested), _("Fact Sheet databases (*.factsheet);;All files (*)"))
    if not chosen:
        return None
    try:
        copy = write_copy(source, Path(chosen))
    except FactSheetError as error:
        from desktop.common import message_box

        message_box.warn(window, str(error))
        return None
    window.statusBar().showMessage(_("A clean copy was saved at {path}; open it to edit the data.").format(
        path=copy), 15000)
    return copy
