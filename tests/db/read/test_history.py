"""A record's versions, what changed between them, and records deleted: read back exactly."""

from __future__ import annotations

from db import store
from db.exchange.figures.importing import import_figures
from db.model.records import Link
from db.read import history
from tests.db.exchange.test_indicator_csv import HEADER, _write


def _plan(db):
    return db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]


def test_versions_are_listed_newest_first_and_an_earlier_one_restores_exactly_with_links(seeded_db):
    plan_id = _plan(seeded_db)
    original = store.get(seeded_db, "agreement", plan_id)
    changed = store.get(seeded_db, "agreement", plan_id)
    changed.status, changed.summary = "in_force", "Extended to culture."
    changed.parties = changed.parties[:1]
    store.save(seeded_db, changed)

    versions = history.record_history(seeded_db, "agreement", plan_id)
    assert [v.action for v in versions] == ["edit", "import"]  # the seed came in as a bundle
    assert versions[0].record() == changed and versions[1].record() == original
    found = {d.field: (d.old, d.new) for d in history.differences(seeded_db, versions[1].record(), changed)}
    assert set(found) == {"status", "summary", "parties"}
    assert found["status"] == ("Signed", "In force")
    assert "Government of the Omsk region" in found["parties"][0]

    with store.writing(seeded_db, action="restore"):
        store.save(seeded_db, versions[1].record())
    assert store.get(seeded_db, "agreement", plan_id) == original
    assert history.record_history(seeded_db, "agreement", plan_id)[0].action == "restore"


def test_a_deleted_record_is_found_and_brought_back_with_everything_it_took(seeded_db):
    person = seeded_db.execute("SELECT id FROM people WHERE name_en = 'Vitaly Khotsenko'").fetchone()[0]
    before = store.get(seeded_db, "person", person)
    positions = seeded_db.execute("SELECT * FROM positions WHERE person_id = ?", [person]).fetchall()
    store.delete(seeded_db, "person", person)

    deleted = history.deleted_records(seeded_db)
    assert [(d.kind, d.label) for d in deleted] == [("person", "Vitaly Khotsenko")]
    store.restore(seeded_db, deleted[0].captured())
    assert store.get(seeded_db, "person", person) == before
    assert seeded_db.execute("SELECT * FROM positions WHERE person_id = ?", [person]).fetchall() == positions
    assert history.deleted_records(seeded_db) == []


def test_a_deleted_record_whose_id_was_taken_comes_back_under_a_new_one(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    from db.model.records import Statement

    first = store.save(seeded_db, Statement(text="First words", sources=[Link(source, "p. 1")]))
    store.delete(seeded_db, "statement", first)
    store.save(seeded_db, Statement(text="Other words", sources=[Link(source)]))  # takes the same id
    deleted = history.deleted_records(seeded_db)[0]
    new_id = store.restore(seeded_db, deleted.captured(), new_id_if_taken=True)
    assert new_id != first
    back = store.get(seeded_db, "statement", new_id)
    assert (back.text, back.sources) == ("First words", [Link(source, "p. 1")])
    assert history.deleted_records(seeded_db) == []


def test_a_figure_from_an_imported_table_shows_the_import_then_its_own_changes(seeded_db, tmp_path):
    row = "Abai region,Russian Federation,exports,2025-01-01,2025-12-31,150.5,USD million,Customs bulletin,,"
    import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + row + "\n", name="customs.csv"))
    figure_id = seeded_db.execute("SELECT max(id) FROM indicators").fetchone()[0]
    imported = store.get(seeded_db, "indicator", figure_id)
    edited = store.get(seeded_db, "indicator", figure_id)
    edited.value = 151.0
    store.save(seeded_db, edited)

    versions = history.record_history(seeded_db, "indicator", figure_id)
    assert [(v.action, v.batch) for v in versions] == [("edit", False), ("import", True)]
    assert versions[1].note == "customs.csv"
    assert versions[1].record() == imported
