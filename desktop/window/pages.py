"""The window's seven tabs, each built the first time it is needed.

Building every tab (and importing every tab's modules) before the window appears would
double the time to the first paint for pages nobody is looking at. So the tab bar starts
with all seven titles over empty placeholders, and a tab is built:

- before the first paint, for the tab in front (the Overview, or the tab open last time);
- when it is shown (``currentChanged``, before any other listener of that signal runs);
- when the window asks for it: ``window.list_tabs[name]``, ``window.overview`` and
  ``window.timeline`` build the tab they return;
- otherwise once the window has been painted, one tab per turn of the event loop while
  it is idle (``build_the_rest``), so that switching tabs is instant later.

A built tab takes its placeholder's place at the same index, so from then on
``window.tabs.widget(i)`` is the tab itself. ``built`` is emitted for each list tab as it is
made, for the parts of the window that add to every list (editing actions, Export table
as CSV…). Views that re-read the database (``refresh``, another file opened) act on built
tabs only: a tab built later reads the window's current database then.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from db.model.i18n import _

if TYPE_CHECKING:
    from desktop.tabs.list_tab import ListTab

OVERVIEW = "overview"
TIMELINE = "timeline"
# (name, title, module building it with ``create(db)``), in the tab bar's order. A list
# tab's name is its listing's name.
TABS = (
    (OVERVIEW, _("Overview"), "desktop.tabs.overview"),
    ("agreements", _("Agreements"), "desktop.tabs.agreements"),
    ("officials", _("Officials"), "desktop.tabs.officials"),
    ("events", _("Events"), "desktop.tabs.events"),
    ("indicators", _("Trade"), "desktop.tabs.trade"),
    ("sources", _("Sources"), "desktop.tabs.sources"),
    (TIMELINE, _("Timeline"), "desktop.tabs.timeline"),  # every dated fact on one scale
)
LIST_TAB_NAMES = tuple(name for name, _title, _module in TABS if name not in (OVERVIEW, TIMELINE))


class TabPages(QObject):
    """Builds the window's tabs when they are first needed and puts them in place."""

    built = Signal(object)  # a list tab, just built and in its place

    def __init__(self, window, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self._names = [name for name, _title, _module in TABS]
        self._made: dict[str, QWidget] = {}
        for _name, title, _module in TABS:
            tabs.addTab(QWidget(tabs), title)
        tabs.currentChanged.connect(self._shown)

    # -- asking for tabs ------------------------------------------------------------------------
    def get(self, name: str) -> QWidget:
        """The tab ``name``, built now if it was not yet."""
        if name not in self._made:
            if name not in self._names:
                raise KeyError(name)
            self._build(name)
        return self._made[name]

    def made(self, name: str) -> QWidget | None:
        """The tab ``name`` if it is built, else None."""
        return self._made.get(name)

    def built_list_tabs(self) -> list[ListTab]:
        """The list tabs built so far, in the tab bar's order."""
        return [self._made[name] for name in LIST_TAB_NAMES if name in self._made]

    def current_name(self) -> str:
        index = self.tabs.currentIndex()
        return self._names[index] if 0 <= index < len(self._names) else ""

    def build_current(self) -> None:
        """Build the tab in front (before the window is first shown)."""
        self._shown(self.tabs.currentIndex())

    def build_the_rest(self) -> None:
        """Build the remaining tabs one per turn of the event loop, while the window is idle
        (and still shown, over a file still open)."""
        if not self.window.isVisible() or not _is_open(self.window.db):
            return
        for name in self._names:
            if name not in self._made:
                self._build(name)
                QTimer.singleShot(0, self, self.build_the_rest)
                return

    # -- internals -----------------------------------------------------------------------------------
    def _shown(self, index: int) -> None:
        if 0 <= index < len(self._names) and self._names[index] not in self._made:
            self._build(self._names[index])

    def _build(self, name: str) -> None:
        index = self._names.index(name)
        module = importlib.import_module(TABS[index][2])
        window = self.window
        tab = module.create(window.db)
        tab.setParent(window)
        tab.link_activated.connect(window.open_record)
        if name == OVERVIEW:  # its line counting the key figures not shown opens the Trade tab
            tab.trade_requested.connect(lambda: self.tabs.setCurrentWidget(self.get("indicators")))
        self._made[name] = tab
        self._put_in_place(index, tab)
        if name in LIST_TAB_NAMES:
            self.built.emit(tab)

    def _put_in_place(self, index: int, tab: QWidget) -> None:
        """Swap the built tab in for its placeholder, keeping which tab is current; the tab
        widget's own signals stay quiet, as nothing changed for those who listen."""
        tabs = self.tabs
        placeholder = tabs.widget(index)
        in_front = tabs.currentWidget() is placeholder
        blocked = tabs.blockSignals(True)
        try:
            tabs.insertTab(index, tab, tabs.tabText(index))  # the current tab stays current
            if in_front:
                tabs.setCurrentIndex(index)
            tabs.removeTab(index + 1)  # the placeholder, no longer in front
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()


def _is_open(db) -> bool:
    try:
        db.conn.total_changes  # noqa: B018 (raises once the connection is closed)
    except sqlite3.ProgrammingError:
        return False
    return True


class ListTabs(Mapping):
    """The window's five list tabs by listing name ("agreements" … "sources"); looking one
    up builds it if it was not built yet (``built()`` lists those that are)."""

    def __init__(self, pages: TabPages) -> None:
        self._pages = pages

    def __getitem__(self, name: str) -> ListTab:
        if name not in LIST_TAB_NAMES:
            raise KeyError(name)
        return self._pages.get(name)

    def __contains__(self, name: object) -> bool:  # a question about names builds nothing
        return name in LIST_TAB_NAMES

    def __iter__(self) -> Iterator[str]:
        return iter(LIST_TAB_NAMES)

    def __len__(self) -> int:
        return len(LIST_TAB_NAMES)

    def built(self) -> list[ListTab]:
        return self._pages.built_list_tabs()
