"""The Officials tab: people holding a position now (and, on request, everyone else)."""

from __future__ import annotations

from db.model.i18n import _
from db.read.record_lists import OFFICIALS
from desktop.tabs.list_tab import ListTab


def create(db) -> ListTab:
    return ListTab(db, OFFICIALS, filter_placeholder=_("Filter people by name (any script), position or body…"))
