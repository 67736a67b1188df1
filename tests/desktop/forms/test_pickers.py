"""Pickers take exactly the entry their open list highlights, whichever widget the keys reach."""

import pytest
from PySide6.QtCore import Qt

from db import store
from db.model.records import Person, Source
from db.read import queries
from tests.desktop.form_helpers import field, form, highlighted, listed, press, type_text

ROUTES = {"focused widget": False, "window": True}


def _open_form(qtbot, window, tab: str):
    window.tabs.setCurrentWidget(window.list_tabs[tab])
    window.editing.new_action.trigger()
    return form(qtbot)


@pytest.mark.parametrize("route", ROUTES)
def test_enter_adds_the_highlighted_party_not_the_one_whose_name_was_typed(qtbot, window, seeded_db, route):
    dialog = _open_form(qtbot, window, "agreements")
    parties = field(dialog, "parties")
    type_text(qtbot, parties.picker.edit, "омск")
    qtbot.waitUntil(parties.picker.completer.popup().isVisible)
    assert listed(parties.picker)[0] == "Omsk / Омск"  # the typed text is exactly the city's local name
    press(qtbot, Qt.Key.Key_Down, through_window=ROUTES[route])
    assert highlighted(parties.picker) == "Omsk region / Омская область"
    press(qtbot, Qt.Key.Key_Return, through_window=ROUTES[route])
    region = queries.find_parties(seeded_db, "Omsk region")[0].id
    assert parties.ids() == [region]
    assert [item.label.text() for item in parties.items] == ["Omsk region / Омская область"]
    assert dialog.isVisible()


# (tab, field, text typed) for every kind of picker: parties, people, subjects and sources.
PICKERS = [
    ("agreements", "parties", "omsk"),
    ("agreements", "signatories", "andrei"),
    ("agreements", "subjects", "e"),
    ("agreements", "sources", "report"),
    ("events", "people", "andrei"),
    ("indicators", "counterpart_id", "omsk"),
]


@pytest.fixture
def two_sources(seeded_db):
    """Second records of each kind, so that what is typed lists more than one of them."""
    store.save(seeded_db, Source(title="Another report on the Irtysh", publisher="Kazinform"))
    store.save(seeded_db, Source(title="A third report", publisher="TASS"))
    store.save(seeded_db, Person(name_en="Andrei Second"))


def _take_second_entry(qtbot, picker, typed: str, through_window: bool) -> str:
    """Clear the picker, type, move the highlight one down and press Enter; the entry highlighted."""
    picker.edit.setFocus()
    qtbot.keyClick(picker.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Delete)
    type_text(qtbot, picker.edit, typed)
    qtbot.waitUntil(picker.completer.popup().isVisible)
    entries = listed(picker)
    assert len(entries) >= 3, entries  # at least two records and “Create new …”
    press(qtbot, Qt.Key.Key_Down, through_window=through_window)
    wanted = highlighted(picker)
    assert wanted == entries[1]
    press(qtbot, Qt.Key.Key_Return, through_window=through_window)
    assert not picker.completer.popup().isVisible()
    return wanted


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(("tab", "name", "typed"), PICKERS)
def test_every_picker_takes_exactly_the_highlighted_entry(qtbot, window, two_sources, tab, name, typed, route):
    dialog = _open_form(qtbot, window, tab)
    chosen = field(dialog, name)
    wanted = _take_second_entry(qtbot, chosen.picker, typed, ROUTES[route])
    if hasattr(chosen, "items"):
        assert [item.label.text() for item in chosen.items] == [wanted]
    else:
        assert chosen.picker.record_id() is not None
        assert chosen.picker.edit.text() == wanted
    assert dialog.isVisible()


@pytest.mark.parametrize("route", ROUTES)
def test_a_position_s_person_and_body_take_the_highlighted_entry(qtbot, window, seeded_db, two_sources, route):
    position = seeded_db.execute("SELECT id FROM positions ORDER BY id LIMIT 1").fetchone()[0]
    window.editing.edit("position", position)
    dialog = form(qtbot)
    for name, typed in (("person_id", "andrei"), ("body_id", "omsk")):
        picker = field(dialog, name).picker
        wanted = _take_second_entry(qtbot, picker, typed, ROUTES[route])
        assert picker.edit.text() == wanted
        assert picker.record_id() is not None
