"""Bringing a deleted record back: ``capture`` reads every row a delete takes, ``restore`` puts it back."""

import pytest

from db import store
from db.errors import FactSheetError
from db.model.records import Event, Link, Statement
from db.read import queries


def _table_dump(db) -> dict[str, list[tuple]]:
    """Every row of every record table, to compare a database before and after.

    The search index and its queue of changes are derived data, and the change history
    only grows (a restore is itself an entry): they are left out."""
    tables = [t for t in db.table_names() if not t.startswith(("_", "sqlite_", "search_")) and t != "history"]
    return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _person(db, name):
    return db.execute("SELECT id FROM people WHERE name_en = ?", [name]).fetchone()[0]


def test_deleting_a_person_takes_positions_and_their_source_links_and_restore_brings_all_back(seeded_db):
    before = _table_dump(seeded_db)
    # Khotsenko is named by no agreement, event or statement, so he can be deleted.
    person = _person(seeded_db, "Vitaly Khotsenko")
    captured = store.capture(seeded_db, "person", person)
    assert captured.dependents() == {"position": 1}
    tables = [table for table, _row in captured.rows]
    assert tables[0] == "people" and {"people_sources", "positions", "positions_sources"} <= set(tables)

    store.delete(seeded_db, "person", person)
    assert seeded_db.execute("SELECT count(*) FROM positions WHERE person_id = ?", [person]).fetchone()[0] == 0
    store.restore(seeded_db, captured)
    assert _table_dump(seeded_db) == before


def test_restore_keeps_the_order_of_links(seeded_db):
    agreement = seeded_db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]
    original = store.get(seeded_db, "agreement", agreement)
    captured = store.capture(seeded_db, "agreement", agreement)
    store.delete(seeded_db, "agreement", agreement)
    store.restore(seeded_db, captured)
    assert store.get(seeded_db, "agreement", agreement) == original


def test_deleting_an_event_forgets_it_in_statements_and_restore_names_it_again(seeded_db):
    event = seeded_db.execute("SELECT id FROM events WHERE kind = 'visit'").fetchone()[0]
    # The seed's statements name the visit; people and sources are kept by RESTRICT rules.
    statements = [r[0] for r in seeded_db.execute("SELECT id FROM statements WHERE event_id = ?", [event])]
    assert statements
    captured = store.capture(seeded_db, "event", event)
    assert captured.unlinked() == {"statement": len(statements)}
    store.delete(seeded_db, "event", event)
    assert all(store.get(seeded_db, "statement", s).event_id is None for s in statements)
    store.restore(seeded_db, captured)
    assert all(store.get(seeded_db, "statement", s).event_id == event for s in statements)


def test_restore_writes_nothing_when_a_row_cannot_go_back(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    event_id = store.save(seeded_db, Event(title="Forum", kind="forum", status="planned",
                                           sources=[Link(source, "the forum")]))
    captured = store.capture(seeded_db, "event", event_id)
    store.delete(seeded_db, "event", event_id)
    # Another record takes the id meanwhile: nothing is restored, and it says why.
    seeded_db.execute("INSERT INTO events (id, kind, title, status) VALUES (?, 'forum', 'Other', 'held')",
                      [event_id])
    counts = queries.counts(seeded_db)
    with pytest.raises(FactSheetError, match="cannot be brought back"):
        store.restore(seeded_db, captured)
    assert queries.counts(seeded_db) == counts
    assert seeded_db.execute("SELECT count(*) FROM events_sources WHERE event_id = ?", [event_id]).fetchone()[0] == 0


def test_restore_is_all_or_nothing_when_a_linked_record_is_gone(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    person = _person(seeded_db, "Berik Uali")
    statement = store.save(seeded_db, Statement(person_id=person, text="Hello", sources=[Link(source)]))
    captured = store.capture(seeded_db, "statement", statement)
    store.delete(seeded_db, "statement", statement)
    # The rows refer to a person that no longer exists: SQLite refuses, and the whole restore is undone.
    seeded_db.execute("PRAGMA foreign_keys = OFF")
    seeded_db.execute("DELETE FROM people WHERE id = ?", [person])
    seeded_db.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(FactSheetError, match="breaks a rule"):
        store.restore(seeded_db, captured)
    assert seeded_db.execute("SELECT count(*) FROM statements WHERE id = ?", [statement]).fetchone()[0] == 0
    assert seeded_db.execute("SELECT count(*) FROM statements_sources WHERE statement_id = ?",
                             [statement]).fetchone()[0] == 0
