"""The Timeline tab: one scale for everything dated, narrowed by pair and kind, each item
opening its record."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.model.dates import Precision


def _show(qtbot, window):
    tab = window.timeline
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.list.topLevelItemCount() > 0, timeout=3000)
    return tab


def _rows(tab):
    return [tuple(tab.list.topLevelItem(r).text(c) for c in range(3)) for r in range(tab.list.topLevelItemCount())]


def test_items_sit_at_their_precision_on_one_scale(qtbot, window):
    tab = _show(qtbot, window)
    rows = _rows(tab)
    assert ("Q4 2025", "Forum (date passed — not confirmed held)", "International cross-border forum “Irtysh – River of Friendship and "
            "Development”") in rows
    assert [r[0] for r in rows if r[1].startswith("Plan")] == ["2025", "Jul 2025", "2028"]
    forum = next(n for n, item in enumerate(tab.items) if item.start.precision == Precision.QUARTER)
    year = next(n for n, item in enumerate(tab.items) if item.date_label == "2028")
    quarter_rect, year_rect = tab.view.rect_of(forum), tab.view.rect_of(year)
    assert abs(year_rect.width() / quarter_rect.width() - 365 / 92) < 0.2  # a year is four quarters wide


def test_kinds_narrow_it_and_enter_opens_the_record(qtbot, window):
    tab = _show(qtbot, window)
    tab.groups["agreements"].click()
    tab.groups["statements"].click()
    tab.groups["figures"].click()
    assert {r[1].split(" (")[0] for r in _rows(tab)} == {"Visit", "Forum"}
    tab.list.setFocus()
    forum_row = next(r for r, row in enumerate(_rows(tab)) if row[0] == "Q4 2025")
    tab.list.setCurrentItem(tab.list.topLevelItem(forum_row))
    assert tab.view.selected == forum_row
    qtbot.keyClick(tab.list, Qt.Key.Key_Return)
    events = window.list_tabs["events"]
    assert window.tabs.currentWidget() is events
    assert events.current_record_id() == tab.items[forum_row].record[1]


def test_all_pairs_shows_what_no_pair_has(qtbot, window, seeded_db):
    from db import store
    from db.model.dates import FuzzyDate
    from db.model.records import Event, Link

    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    store.save(seeded_db, Event(title="Astana International Forum", kind="forum", status="held",
                                start_date=FuzzyDate.parse("2025-05-29"), sources=[Link(source)]))
    tab = _show(qtbot, window)
    tab.reload()
    assert not any("Astana" in r[2] for r in _rows(tab))
    tab.all_pairs.click()
    assert any(r[:2] == ("29 May 2025", "Forum (held)") for r in _rows(tab))
    assert not tab.first.isEnabled()
