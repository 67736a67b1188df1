"""The Sources tab: articles and releases every fact rests on, with how many facts each holds."""

from __future__ import annotations

from db.model.i18n import _
from db.read.record_lists import SOURCES
from desktop.tabs.list_tab import ListTab


def create(db) -> ListTab:
    return ListTab(db, SOURCES, filter_placeholder=_("Filter sources by title, publisher or address…"))
