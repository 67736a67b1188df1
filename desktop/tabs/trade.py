"""The Trade tab: every figure (trade flows, investment, counts) with period, unit and source."""

from __future__ import annotations

from db.i18n import _
from db.listings import INDICATORS
from desktop.tabs.list_tab import ListTab

TITLE = _("Trade")


def create(db) -> ListTab:
    return ListTab(db, INDICATORS, filter_placeholder=_("Filter figures by party (any script), indicator or unit…"))
