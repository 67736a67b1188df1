"""The briefing sections on the sheet escape what people typed and cut what is too long."""

from __future__ import annotations

import datetime as dt

from db.sheet.changes import ChangeLine, ChangesSection
from db.sheet.compose import FactSheet, PartyInfo
from db.sheet.timeline import TimelineRow, TimelineSection
from desktop.factsheet import briefing_blocks, content

HOSTILE = "<b>bold</b> & <script>alert(1)</script>"


def _sheet(**parts) -> FactSheet:
    party = PartyInfo("A", (), None, None)
    return FactSheet(party, party, dt.date(2026, 3, 12), dt.date(2026, 3, 12), frozenset({"changes", "timeline"}),
                     **parts)


def _html(blocks) -> str:
    out = []
    for block in blocks:
        out.append(getattr(block, "html", ""))
        for row in getattr(block, "rows", ()):
            out.extend(row.cells)
    return " ".join(out)


def test_changes_and_timeline_escape_text_and_shorten_a_huge_title():
    changes = ChangesSection(dt.date(2026, 3, 1), dt.date(2026, 3, 1), (
        ChangeLine("agreement", "New agreement: " + HOSTILE, (HOSTILE,), ("agreement", 1)),
        ChangeLine("figure", "New figure: " + "x" * 5000, (), ("indicator", 2))))
    timeline = TimelineSection((TimelineRow("Q4 2025", "Forum (held)", HOSTILE, False),), earlier=2)
    html = _html(briefing_blocks.changes(_sheet(changes=changes), content.esc)
                 + briefing_blocks.timeline(_sheet(timeline=timeline), content.esc))
    assert "<b>bold</b>" not in html and "<script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "shortened; 5,012 characters in all" in html
    assert "2 earlier dated items are not listed." in html
    assert "Changes since the briefing of 1 Mar 2026" in html


def test_no_section_without_an_earlier_briefing_or_a_chosen_timeline():
    assert briefing_blocks.changes(_sheet(), content.esc) == []
    assert briefing_blocks.timeline(_sheet(), content.esc) == []
