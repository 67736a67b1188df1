"""The help window: the guide beside its contents, with a search box above them.

Typing in the search box keeps only the sections whose text has every word typed (words
match at their start, in any case, ё as е) and marks the words in the guide; Enter or Down
goes to the first section found. Choosing a section in the contents shows it; links
inside the guide move between its sections, links to the web open in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.model.i18n import _, ngettext
from desktop import APP_NAME
from desktop.common import settings
from desktop.help import guide

TOPIC_ROLE = Qt.ItemDataRole.UserRole
GEOMETRY_KEY = "help/geometry"


class HelpWindow(QWidget):
    """The user guide, with its contents and a search."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle(_("{app} Help").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window still quits

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search the guide"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search the guide"))
        self.found = QLabel(self)
        self.found.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.found.setWordWrap(True)
        self.found.hide()
        self.contents = QTreeWidget(self)
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(_("Contents"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(_("Guide"))

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.search)
        side_layout.addWidget(self.found)
        side_layout.addWidget(self.contents, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(self.apply_search)
        self.search.returnPressed.connect(self._go_to_first_found)
        self.search.installEventFilter(self)
        self.contents.currentItemChanged.connect(self._item_chosen)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        geometry = settings.load_bytes(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 680)
        self.sections: list[guide.Section] = []
        self.load(path or guide.guide_path())

    # -- the guide -------------------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        self.path = path
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.sections = guide.sections(self.browser.document())
        self._by_topic = {section.topic: section for section in self.sections}
        self.topics = guide.anchors(self.browser.document())
        self.contents.clear()
        parent = None
        for section in self.sections:
            item = QTreeWidgetItem([section.title])
            item.setData(0, TOPIC_ROLE, section.topic)
            if section.level <= 2 or parent is None:
                self.contents.addTopLevelItem(item)
                parent = item
            else:
                parent.addChild(item)
        self.contents.expandAll()

    def show_topic(self, topic: str | None) -> str:
        """Show the section about ``topic`` ("editing-agreement", else "editing", else the start)."""
        while topic and topic not in self.topics:
            topic = topic.rpartition("-")[0]
        if not topic:  # the guide from its beginning
            self.browser.verticalScrollBar().setValue(0)
            QTimer.singleShot(0, lambda: self.browser.verticalScrollBar().setValue(0))
            topic = self.sections[0].topic if self.sections else ""
            self._select_item_for(topic)
            return topic
        self.browser.scrollToAnchor(topic)
        QTimer.singleShot(0, lambda: self.browser.scrollToAnchor(topic))  # again once laid out
        self._select_item_for(topic)
        return topic

    def current_topic(self) -> str:
        item = self.contents.currentItem()
        return item.data(0, TOPIC_ROLE) if item is not None else ""

    def _select_item_for(self, topic: str) -> None:
        position = self._anchor_position(topic)
        best = None
        for item in self._items():
            section = self._section(item)
            if section.position <= position:
                best = item
        if best is not None:
            self.contents.blockSignals(True)
            self.contents.setCurrentItem(best)
            self.contents.blockSignals(False)

    def _anchor_position(self, topic: str) -> int:
        block = self.browser.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                if topic in iterator.fragment().charFormat().anchorNames():
                    return block.position()
                iterator += 1
            block = block.next()
        return 0

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for number in range(self.contents.topLevelItemCount()):
            top = self.contents.topLevelItem(number)
            items.append(top)
            items.extend(top.child(n) for n in range(top.childCount()))
        return items

    def _section(self, item: QTreeWidgetItem) -> guide.Section:
        return self._by_topic[item.data(0, TOPIC_ROLE)]

    def _item_chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.browser.scrollToAnchor(item.data(0, TOPIC_ROLE))

    # -- searching ---------------------------------------------------------------------------------------
    def apply_search(self, text: str) -> None:
        words = guide.query_words(text)
        shown = 0
        for item in self._items():
            section = self._section(item)
            hit = not words or section.matches(words)
            item.setHidden(not hit)
            shown += bool(words and hit)
        for number in range(self.contents.topLevelItemCount()):  # a parent stays while a child is found
            top = self.contents.topLevelItem(number)
            if any(not top.child(n).isHidden() for n in range(top.childCount())):
                top.setHidden(False)
        self._mark(words)
        if not words:
            self.found.hide()
            return
        self.found.setText(ngettext("{n} section has “{words}”.", "{n} sections have “{words}”.", shown).format(
            n=shown, words=text.strip()) if shown else _("Nothing in the guide has “{words}”.").format(
            words=text.strip()))
        self.found.show()

    def _mark(self, words: list[str]) -> None:
        marks = []
        if words:
            document = self.browser.document()
            pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
            look = QTextCharFormat()
            colour = QColor(self.palette().highlight().color())
            colour.setAlpha(90)
            look.setBackground(colour)
            block = document.begin()
            while block.isValid():
                for match in pattern.finditer(guide.fold(block.text())):
                    cursor = QTextCursor(document)
                    cursor.setPosition(block.position() + match.start())
                    cursor.setPosition(block.position() + match.end(), QTextCursor.MoveMode.KeepAnchor)
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor, selection.format = cursor, look
                    marks.append(selection)
                block = block.next()
        self.browser.setExtraSelections(marks)

    def _go_to_first_found(self) -> None:
        visible = [item for item in self._items() if not item.isHidden()]
        words = guide.query_words(self.search.text())
        first = next((item for item in visible if self._section(item).matches(words)), None)
        if first is None:
            return
        self.contents.setCurrentItem(first)
        self.contents.setFocus()
        if words:
            start = self.browser.document().find(words[0], self._anchor_position(first.data(0, TOPIC_ROLE)),
                                                 QTextDocument.FindFlag(0))
            if not start.isNull():
                self.browser.setTextCursor(start)
                self.browser.ensureCursorVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.contents.setFocus()
            if self.contents.currentItem() is None or self.contents.currentItem().isHidden():
                visible = [item for item in self._items() if not item.isHidden()]
                if visible:
                    self.contents.setCurrentItem(visible[0])
            return True
        return False

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        settings.save_value(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
