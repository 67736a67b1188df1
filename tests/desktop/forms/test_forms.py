"""The form engine: every kind's form opens, checks what is typed, saves, and reads back what it saved."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db import store
from db.read import queries
from desktop.forms.kinds import FORMS
from tests.desktop.form_helpers import (
    answer,
    back_to,
    box,
    click,
    field,
    fill,
    form,
    message,
    pick,
    save,
    type_text,
)

# A seed record of each kind, and a field each test edits in it.
EXAMPLES = {
    "source": ("SELECT id FROM sources", "notes"),
    "party": ("SELECT id FROM parties WHERE name_en = 'Omsk region'", "notes"),
    "person": ("SELECT id FROM people WHERE name_en = 'Andrei Shpilenko'", "notes"),
    "position": ("SELECT id FROM positions ORDER BY id LIMIT 1", "notes"),
    "subject": ("SELECT id FROM subjects WHERE name_en = 'Economy'", "name_ru"),
    "agreement": ("SELECT id FROM agreements WHERE kind = 'plan'", "notes"),
    "event": ("SELECT id FROM events WHERE kind = 'forum'", "notes"),
    "indicator": ("SELECT id FROM indicators WHERE indicator = 'turnover'", "notes"),
    "statement": ("SELECT id FROM statements ORDER BY id LIMIT 1", "notes"),
}


def _seed_id(db, kind):
    return db.execute(EXAMPLES[kind][0]).fetchone()[0]


def test_every_kind_has_a_form():
    assert set(FORMS) == set(EXAMPLES)


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_each_form_opens_on_a_seed_record_and_saves_a_change(qtbot, window, seeded_db, kind):
    record_id = _seed_id(seeded_db, kind)
    original = store.get(seeded_db, kind, record_id)
    window.editing.edit(kind, record_id)
    dialog = form(qtbot)
    assert dialog.save_button.isEnabled(), dialog.summary.text()
    name = EXAMPLES[kind][1]
    text = "Экономика и торговля" if kind == "subject" else "Checked against the release.\nSecond line."
    widget = box(dialog, name)
    if hasattr(widget, "setPlainText"):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, widget, text.replace("\n", " "))
    else:
        fill(qtbot, dialog, name, text)
    save(qtbot, dialog)
    back_to(qtbot, window)
    changed = store.get(seeded_db, kind, record_id)
    assert getattr(changed, name) == text.replace("\n", " ")
    # Nothing else moved: every other field and link reads back as it was.
    setattr(changed, name, getattr(original, name))
    assert changed == original
    window.editing.undo_action.trigger()
    assert store.get(seeded_db, kind, record_id) == original


def _minimal(qtbot, dialog, kind):
    """Fill in what each kind needs, the way a person would."""
    if kind in ("party", "person", "subject"):
        fill(qtbot, dialog, "name_en", f"New {kind}")
    if kind in ("source", "position", "agreement", "event"):
        fill(qtbot, dialog, "title", f"New {kind}")
    if kind == "position":
        pick(qtbot, field(dialog, "person_id").picker, "Khotsenko", "Vitaly Khotsenko")
    if kind == "indicator":
        type_text(qtbot, box(dialog, "indicator"), "Exports")
        pick(qtbot, field(dialog, "subject_id").picker, "Абай", "Abai region")
        fill(qtbot, dialog, "period_start", "Q1 2026")
        fill(qtbot, dialog, "value", "12,5")
        type_text(qtbot, field(dialog, "unit").unit.lineEdit(), "USD million")
    if kind == "statement":
        type_text(qtbot, box(dialog, "text"), "We will meet again.")
    if "sources" in [n for view in dialog.rows for n in view.row.names] and kind not in ("party", "person"):
        pick(qtbot, field(dialog, "sources").picker, "Irtysh", "Abai region and Omsk region sign")


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_each_kind_can_be_added_from_the_overviews_new(qtbot, window, seeded_db, kind):
    before = queries.counts(seeded_db)
    window.tabs.setCurrentWidget(window.overview)
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    from tests.desktop.form_helpers import modal

    chooser = modal(qtbot)
    names = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    chooser.list.setCurrentRow(names.index({"subject": "Subject area"}.get(kind, kind.capitalize())))
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    dialog = form(qtbot)
    _minimal(qtbot, dialog, kind)
    assert dialog.save_button.isEnabled(), dialog.summary.text()
    save(qtbot, dialog)
    after = queries.counts(seeded_db)
    assert after[kind] == before[kind] + 1
    assert {k: v for k, v in after.items() if k != kind} == {k: v for k, v in before.items() if k != kind}
    if kind == "indicator":
        new = seeded_db.execute("SELECT period_start, period_end, value FROM indicators ORDER BY id DESC").fetchone()
        assert tuple(new) == ("2026-01-01", "2026-03-31", 12.5)


@pytest.mark.parametrize("kind", list(EXAMPLES))
def test_every_row_has_a_label_tied_to_its_field_and_tab_follows_the_rows(qtbot, window, seeded_db, kind):
    window.editing.edit(kind, _seed_id(seeded_db, kind))
    dialog = form(qtbot)
    buddies = []
    for view in dialog.rows:
        assert isinstance(view.label, QLabel) and view.label.text().replace("&", "")
        assert view.label.buddy() is view.row.buddy
        assert view.row.buddy.accessibleName()
        buddies.append(view.row.buddy)
    # Walk the Tab chain from the first field: every row's field comes, in the rows' order.
    seen, widget = [], buddies[0]
    for _step in range(200):
        seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is buddies[0]:
            break
    positions = [seen.index(b) for b in buddies]
    assert positions == sorted(positions)
    assert seen.index(dialog.save_button) > positions[-1]


def test_a_date_can_be_a_quarter_and_the_precision_list_rewrites_it(qtbot, window, seeded_db):
    window.tabs.setCurrentWidget(window.list_tabs["events"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    date = field(dialog, "start_date")
    fill(qtbot, dialog, "start_date", "q4 2025")
    assert date.precision.currentText() == "Quarter"
    assert date.reading.text() == "1 Oct 2025 to 31 Dec 2025"
    date.precision.setCurrentIndex(date.precision.findText("Year"))
    date.precision.activated.emit(date.precision.currentIndex())
    assert date.edit.text() == "2025"
    fill(qtbot, dialog, "start_date", "2025-02-30")
    assert message(dialog, "start_date") == "'2025-02-30' is not a real calendar date."
    fill(qtbot, dialog, "start_date", "Q4 2025")
    fill(qtbot, dialog, "title", "Irtysh forum")
    pick(qtbot, field(dialog, "sources").picker, "trend", "Abai region and Omsk")
    save(qtbot, dialog)
    event = seeded_db.execute("SELECT start_date, start_date_precision FROM events WHERE title = 'Irtysh forum'")
    assert tuple(event.fetchone()) == ("2025-10-01", "quarter")


def test_a_period_reads_back_as_people_say_it(qtbot, window):
    window.tabs.setCurrentWidget(window.list_tabs["indicators"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    period = field(dialog, "period_start")
    fill(qtbot, dialog, "period_start", "2024")
    assert period.end.text() == "2024-12-31" and period.reading.text() == "2024"
    fill(qtbot, dialog, "period_start", "2025-01")
    fill(qtbot, dialog, "period_end", "2025-05")
    assert (period.start.text(), period.end.text()) == ("2025-01-01", "2025-05-31")
    assert period.reading.text() == "Jan–May 2025, part of the year"


def test_a_likely_duplicate_is_a_warning_that_does_not_block_saving(qtbot, window, seeded_db):
    window.tabs.setCurrentWidget(window.list_tabs["officials"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    fill(qtbot, dialog, "name_en", "B. Uali")
    fill(qtbot, dialog, "name_kk", "Берік Уәли")
    assert message(dialog, "name_kk").startswith("⚠ A person named “Berik Uali / Берик Уали” is already recorded")
    assert dialog.save_button.isEnabled()
    save(qtbot, dialog)
    assert seeded_db.execute("SELECT count(*) FROM people WHERE name_kk = 'Берік Уәли'").fetchone()[0] == 2


def test_creating_a_party_from_a_cyrillic_search_fills_its_local_name(qtbot, window, seeded_db):
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    parties = field(dialog, "parties")
    pick(qtbot, parties.picker, "Павлодарская область", "Create new party")
    nested = form(qtbot)
    assert box(nested, "name_ru").text() == "Павлодарская область" and box(nested, "name_en").text() == ""
    assert not nested.save_button.isEnabled()
    fill(qtbot, nested, "name_en", "Pavlodar region")
    pick(qtbot, field(nested, "parent_id").picker, "kazakh", "Kazakhstan")
    save(qtbot, nested)
    assert form(qtbot) is dialog
    assert [item.label.text() for item in parties.items] == ["Pavlodar region / Павлодарская область"]
    # The party exists already (the agreement needs its id); cancelling the agreement keeps it,
    # as an undo step of its own.
    dialog.reject()
    answer(qtbot, "Discard")
    assert queries.find_parties(seeded_db, "Pavlodar region")
    assert window.editing.undo_action.text() == "Undo Add Party “Pavlodar region”"
    window.editing.undo_action.trigger()
    assert not queries.find_parties(seeded_db, "Pavlodar region")


def test_enter_in_a_picker_takes_the_exact_match_and_does_not_save(qtbot, window, seeded_db):
    window.tabs.setCurrentWidget(window.list_tabs["indicators"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    picker = field(dialog, "counterpart_id").picker
    type_text(qtbot, picker.edit, "omsk")
    picker.completer.popup().hide()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.record_id() == queries.find_parties(seeded_db, "Omsk")[0].id
    assert dialog.isVisible()
    type_text(qtbot, picker.edit, " nowhere")
    picker.completer.popup().hide()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Tab)
    assert picker.record_id() is None
    assert message(dialog, "counterpart_id").startswith("“Omsk / Омск nowhere” is not chosen yet")


def test_a_person_and_a_new_position_are_saved_together_and_undone_together(qtbot, window, seeded_db):
    khotsenko = seeded_db.execute("SELECT id FROM people WHERE name_en = 'Vitaly Khotsenko'").fetchone()[0]
    positions = seeded_db.execute("SELECT count(*) FROM positions").fetchone()[0]
    window.editing.edit("person", khotsenko)
    dialog = form(qtbot)
    listed = field(dialog, "positions")
    assert listed.list.count() == 1
    click(qtbot, listed.new_button)
    position = form(qtbot)
    assert position.windowTitle() == "New Position"
    assert not any("person_id" in view.row.names for view in position.rows)  # it is this person's
    fill(qtbot, position, "title", "Governor of the Omsk region")
    pick(qtbot, field(position, "body_id").picker, "omsk region", "Omsk region")
    fill(qtbot, position, "start_date", "2023-09")
    pick(qtbot, field(position, "sources").picker, "trend", "Abai region and Omsk")
    save(qtbot, position)
    assert form(qtbot) is dialog
    assert listed.list.item(1).text() == "Governor of the Omsk region — Omsk region, since Sep 2023"
    assert seeded_db.execute("SELECT count(*) FROM positions").fetchone()[0] == positions  # not yet saved
    save(qtbot, dialog)
    assert seeded_db.execute("SELECT count(*) FROM positions WHERE person_id = ?", [khotsenko]).fetchone()[0] == 2
    assert window.editing.undo_action.text() == "Undo Edit Person “Vitaly Khotsenko”"
    window.editing.undo_action.trigger()
    assert seeded_db.execute("SELECT count(*) FROM positions").fetchone()[0] == positions


def test_a_save_that_fails_keeps_the_form_open_and_says_why(qtbot, window, seeded_db, seeded_path):
    from db.file.connection import open_database

    plan = seeded_db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]
    window.editing.edit("agreement", plan)
    dialog = form(qtbot)
    fill(qtbot, dialog, "title", "Interaction Plan (revised)")
    other = open_database(seeded_path)  # someone else deletes it meanwhile
    store.delete(other, "agreement", plan)
    other.close()
    counts = queries.counts(seeded_db)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.summary.text() == "That agreement no longer exists; it may have been deleted."
    assert box(dialog, "title").text() == "Interaction Plan (revised)"
    assert queries.counts(seeded_db) == counts
    assert not window.editing.undo_action.isEnabled()


def test_names_that_look_like_markup_are_shown_as_typed(qtbot, window, seeded_db):
    from db.model.records import Party

    odd = "<b>Bold</b> & <i>Co</i>"
    party = store.save(seeded_db, Party(kind="organisation", name_en=odd))
    window.tabs.setCurrentWidget(window.list_tabs["agreements"])
    window.editing.new_action.trigger()
    dialog = form(qtbot)
    parties = field(dialog, "parties")
    pick(qtbot, parties.picker, "bold", odd)
    label = parties.items[0].label
    assert label.text() == odd and label.textFormat() == Qt.TextFormat.PlainText
    fill(qtbot, dialog, "signed_date", "<script>")
    view = next(v for v in dialog.rows if "signed_date" in v.row.names)
    assert view.message.text() == "'<script>' is not a date in the form YYYY-MM-DD."
    assert view.message.textFormat() == Qt.TextFormat.PlainText
    dialog.done(0)
    box_ = window.editing.delete("party", party)
    assert odd in box_.text() and box_.textFormat() == Qt.TextFormat.PlainText


def test_tab_leaves_a_text_box_for_the_next_field(qtbot, window, seeded_db):
    window.editing.edit("statement", _seed_id(seeded_db, "statement"))
    dialog = form(qtbot)
    quote = box(dialog, "text")
    quote.setFocus()
    qtbot.keyClick(quote, Qt.Key.Key_Tab)
    assert "\t" not in quote.toPlainText()
    assert dialog.focusWidget() is box(dialog, "person_id")
