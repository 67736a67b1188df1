"""The Events tab: visits, meetings and forums, held and planned, with dates at their precision."""

from __future__ import annotations

from db.model.i18n import _
from db.read.record_lists import EVENTS
from desktop.tabs.list_tab import ListTab


def create(db) -> ListTab:
    return ListTab(db, EVENTS, filter_placeholder=_("Filter events by title, place or participant…"))
