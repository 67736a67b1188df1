"""Edit ▸ Find… (Ctrl+F): one box that finds any record by the words in it.

Names in both scripts, titles, summaries, places, quotes and sources are searched as the
person types (``db.read.search``, SQLite FTS5); results are grouped by kind with the words
they matched in bold. Up and Down move through the results from the box, Enter (or a
double-click) opens the chosen record in its tab (``window.open_record``) and the dialog
steps aside; Escape closes it. It stays a window of its own, so the next search keeps
the last words.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from db.model.formatting import format_number
from db.model.i18n import _
from db.model.records import KIND_NAMES
from db.read import search
from desktop.common.rich_text import esc, shown, tooltip_html
from desktop.help import context as context_help

SEARCH_DELAY_MS = 200
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def snippet_html(snippet: str) -> str:
    """A search snippet as escaped HTML with the matched words in bold."""
    return esc(snippet).replace(search.MATCH_START, "<b>").replace(search.MATCH_END, "</b>")


class _HtmlDelegate(QStyledItemDelegate):
    """Draws a cell's ``HTML_ROLE`` text (escaped, with bold matches) where there is one."""

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(html)
        return document

    def paint(self, painter, option, index) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, html)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        document = self._document(option, html)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class FindDialog(QDialog):
    """The Find window: a box and the records found, grouped by kind."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("Find"))
        self.setObjectName("find_dialog")
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(_("Names, titles, places, quotes… in any script"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(_("Find"))
        self.results = QTreeWidget(self)
        self.results.setAccessibleName(_("Records found"))
        self.results.setColumnCount(2)
        self.results.setHeaderLabels([_("Record"), _("Where the words are")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegateForColumn(1, _HtmlDelegate(self.results))
        self.results.setColumnWidth(0, 340)
        self.message = QLabel(self)
        self.message.setObjectName("find_message")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self.open_current)
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item, _column: self.open_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        self.resize(760, 480)
        context_help.install(self, "find")
        window.database_changed.connect(lambda _db: self.clear_results())

    # -- searching --------------------------------------------------------------------------------
    def run_search(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        self.results.clear()
        if not text:
            self.message.setText("")
            return
        results = search.search(self.window_.db, text)
        for kind, hits in results.groups:
            total = results.totals.get(kind, len(hits))
            heading = QTreeWidgetItem(self.results, [f"{KIND_NAMES[kind][1]} ({format_number(total)})"])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFirstColumnSpanned(True)
            for hit in hits:
                item = QTreeWidgetItem(heading, [shown(hit.label), ""])
                item.setData(0, RECORD_ROLE, (hit.kind, hit.id))
                item.setToolTip(0, tooltip_html(hit.label))  # a label with "<b>" in it is text, not markup
                if hit.snippet:
                    item.setData(1, HTML_ROLE, snippet_html(hit.snippet))
            heading.setExpanded(True)
        first = self._record_items()[:1]
        if first:
            self.results.setCurrentItem(first[0])
        found = sum(results.totals.values())
        self.message.setText(_("No record contains “{text}”.").format(text=text) if not found else
                             _("{n} records found. Enter opens the one chosen.").format(n=format_number(found)))

    def clear_results(self) -> None:
        self.results.clear()
        self.message.setText("")
        if self.box.text():
            self._timer.start()

    def _record_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.results.topLevelItemCount()):
            heading = self.results.topLevelItem(i)
            items.extend(heading.child(j) for j in range(heading.childCount()))
        return items

    # -- opening ------------------------------------------------------------------------------------
    def open_current(self) -> None:
        """Open the chosen record (or the first found) in its tab, and step aside."""
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem()
        target = item.data(0, RECORD_ROLE) if item is not None else None
        if target is None:
            items = self._record_items()
            target = items[0].data(0, RECORD_ROLE) if items else None
        if target is None:
            return
        self.hide()
        self.window_.open_record(*target)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the box move through the results."""
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        items = self._record_items()
        if not items:
            return
        current = self.results.currentItem()
        index = items.index(current) if current in items else -1
        self.results.setCurrentItem(items[max(0, min(len(items) - 1, index + step))])

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A search typed just before Escape is not run for a window nobody sees; it runs
        # again, on the file open then, when the window comes back.
        self._timer.stop()
        super().hideEvent(event)

    def show_and_focus(self) -> None:
        if self.box.text():
            self._timer.start()
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()
