"""Files and text dropped on the main window.

- A database (``.factsheet``, or any SQLite file) opens in the window through its
  ``open_database_file``, like File ▸ Open…; a form holding changes not yet saved asks first.
- Figures or a bundle (``.csv``, ``.tsv``, ``.xlsx``, ``.json``) start Import… with the file.
- An article (``.txt``) or text dragged from another program starts Capture (the window's
  ``capture_text(text, path)``).
- Anything else, or several files at once: the status bar says why nothing happened.

While a drag is over the window the status bar says what dropping would do. The drop is
acted on just after it completes, so the program it was dragged from is never held
waiting by a question or a dialog. What a drop starts (Import…, Capture, a question) is
imported when something is first dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent

from db.file.integrity import SQLITE_HEADER
from db.model.i18n import _, ngettext
from desktop import APP_NAME
from desktop.platform.paths import DATABASE_SUFFIX

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

IMPORT_SUFFIXES = (".csv", ".tsv", ".xlsx", ".json")
ARTICLE_SUFFIXES = (".txt",)
MAX_ARTICLE_BYTES = 5_000_000
MESSAGE_MS = 10000


class Drop(NamedTuple):
    """What a drop asks for: ``open``, ``import``, ``capture`` or ``refuse`` (with ``reason``)."""

    action: str
    path: Path | None = None
    text: str = ""
    reason: str = ""

    def describe(self) -> str:
        """What dropping would do, for the status bar while the drag is over the window."""
        name = self.path.name if self.path is not None else ""
        if self.action == "open":
            return _("Drop to open the database {name}.").format(name=name)
        if self.action == "import":
            return _("Drop to import {name}.").format(name=name)
        if self.action == "capture":
            return (_("Drop to capture facts from {name}.").format(name=name) if name
                    else _("Drop to capture facts from this text."))
        return self.reason


def read_drop(mime: QMimeData) -> Drop:
    """What the dragged data asks for."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) > 1:
        return Drop("refuse", reason=ngettext("Drop one file at a time; {n} file was dropped.",
                                              "Drop one file at a time; {n} files were dropped.",
                                              len(urls)).format(n=len(urls)))
    if urls:
        url = urls[0]
        if not url.isLocalFile():
            return Drop("refuse", reason=_("Only files on this computer can be dropped; save {address} "
                                           "first, then drop the saved file.").format(address=url.toDisplayString()))
        return _for_path(Path(url.toLocalFile()))
    if mime.hasText() and mime.text().strip():
        return Drop("capture", text=mime.text())
    return Drop("refuse", reason=_("Only files and text can be dropped on {app}.").format(app=APP_NAME))


def _for_path(path: Path) -> Drop:
    suffix = path.suffix.lower()
    if path.is_dir():
        return Drop("refuse", path, reason=_("“{name}” is a folder; drop one of the files in it.").format(
            name=path.name))
    if suffix == DATABASE_SUFFIX or _is_sqlite(path):
        return Drop("open", path)
    if suffix in IMPORT_SUFFIXES:
        return Drop("import", path)
    if suffix in ARTICLE_SUFFIXES:
        return Drop("capture", path)
    return Drop("refuse", path, reason=_(
        "{app} cannot use “{name}”: drop a database ({database}), figures or a bundle to import "
        "({imports}), or an article ({articles}).").format(
        app=APP_NAME, name=path.name, database=DATABASE_SUFFIX, imports=", ".join(IMPORT_SUFFIXES),
        articles=", ".join(ARTICLE_SUFFIXES)))


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


class DropHandler(QObject):
    """Takes the drags that reach the main window.

    It watches the window's native window, where every drag arrives before Qt hands it to
    the widget under the cursor: otherwise a drop on a read-only view (the Overview, a
    detail pane, the chart) would be refused by that view. Text dragged onto a box that can
    be typed in is left to that box.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._owned = False
        window.setAcceptDrops(True)  # registers the window as a drop site with the system
        if window.windowHandle() is not None:
            window.windowHandle().installEventFilter(self)
        else:  # the native window exists once the window is first shown
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange) and self.window.windowHandle() is not None:
                self.window.removeEventFilter(self)
                self.window.windowHandle().installEventFilter(self)
            return False
        if kind == QEvent.Type.DragEnter and isinstance(event, QDropEvent):
            self._owned = self._takes(event)
            if self._owned:
                self._accept(event)
                self.window.statusBar().showMessage(read_drop(event.mimeData()).describe())
            return self._owned
        if kind == QEvent.Type.DragMove and isinstance(event, QDropEvent) and self._owned:
            self._accept(event)
            return True
        if kind == QEvent.Type.DragLeave and self._owned:
            self._owned = False
            self.window.statusBar().clearMessage()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent) and self._owned:
            self._owned = False
            drop = read_drop(event.mimeData())
            self._accept(event)
            self.window.statusBar().clearMessage()
            QTimer.singleShot(0, lambda: self.act(drop))
            return True
        return False

    def _takes(self, event: QDropEvent) -> bool:
        mime = event.mimeData()
        if mime.hasUrls():
            return True
        if not mime.hasText():
            return False
        target = self.window.childAt(event.position().toPoint())
        while target is not None and target is not self.window and not target.acceptDrops():
            target = target.parentWidget()
        return not _editable(target)

    @staticmethod
    def _accept(event: QDropEvent) -> None:
        from PySide6.QtCore import Qt

        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    # -- what each drop does ---------------------------------------------------------------------------
    def act(self, drop: Drop) -> None:
        if drop.action == "open":
            self._open(drop.path)
        elif drop.action == "import":
            self._import(drop.path)
        elif drop.action == "capture":
            self._capture(drop)
        else:
            self.say(drop.reason)

    def say(self, sentence: str) -> None:
        self.window.statusBar().showMessage(sentence, MESSAGE_MS)

    def _open(self, path: Path) -> None:
        """Open the dropped database in place of this one; the forms open on this one close first,
        after asking when one holds changes not yet saved."""
        forms = self._open_forms()
        if not any(form.has_changes() for form in forms):
            self._switch(path)
            return
        from PySide6.QtWidgets import QMessageBox

        from desktop.common import message_box

        box = message_box.plain_box(QMessageBox.Icon.Question, APP_NAME, _(
            "A form has changes that are not saved yet. Discard them and open {name}?").format(name=path.name),
            max(forms, key=_depth))  # in front of the form, which it keeps from changing meanwhile
        discard = box.addButton(_("&Discard and Open"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                self._switch(path)
            else:
                self.say(_("Your form stays open; {name} was not opened.").format(name=path.name))

        box.finished.connect(answered)
        box.open()

    def _open_forms(self) -> list:
        from desktop.forms.engine import RecordDialog  # loaded with the first form, not at start-up

        return [form for form in self.window.findChildren(RecordDialog) if form.isVisible()]

    def _switch(self, path: Path) -> None:
        from PySide6.QtWidgets import QDialog

        for form in sorted(self._open_forms(), key=_depth, reverse=True):  # a nested form closes first
            form.session.close()
            form.done(QDialog.DialogCode.Rejected)
        self.window.open_database_file(path)

    def _import(self, path: Path) -> None:
        if self.window.db.read_only:
            self.say(_("{name} was not imported: {reason}").format(name=path.name,
                                                                   reason=self.window.db.read_only_reason))
            return
        from desktop.dialogs import import_dialog

        import_dialog.import_path(self.window, path)

    def _capture(self, drop: Drop) -> None:
        text = drop.text
        if drop.path is not None:
            text, problem = read_article(drop.path)
            if problem:
                self.say(problem)
                return
        self.window.capture_text(text, drop.path)


def read_article(path: Path) -> tuple[str, str]:
    """The text of a dropped article and "" — or "" and the sentence saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            return "", _("{name} is too long to be an article; drop a text of at most 5 MB.").format(name=path.name)
        data = path.read_bytes()
    except OSError as error:
        return "", _("{name} could not be read: {reason}.").format(name=path.name, reason=error.strerror or error)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ""
    if b"\x00" in data:
        return "", _("{name} is not a text file.").format(name=path.name)
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), ""


def _editable(widget) -> bool:
    """True for a box a person can type in (or its viewport): dropped text goes into it."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    if widget is not None and widget.objectName() == "qt_scrollarea_viewport":
        widget = widget.parentWidget()
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) and not widget.isReadOnly()


def _depth(widget) -> int:
    depth = 0
    while widget is not None:
        widget, depth = widget.parentWidget(), depth + 1
    return depth


def install(window) -> DropHandler:
    """Let the window take dropped files and text."""
    return DropHandler(window)
