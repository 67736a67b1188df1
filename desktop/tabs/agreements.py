"""The Agreements tab: protocols, plans and memoranda with their parties and validity."""

from __future__ import annotations

from db.model.i18n import _
from db.read.record_lists import AGREEMENTS
from desktop.tabs.list_tab import ListTab


def create(db) -> ListTab:
    return ListTab(db, AGREEMENTS, filter_placeholder=_("Filter agreements by title, summary or party…"))
