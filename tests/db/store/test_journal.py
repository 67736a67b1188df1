"""Every write through the store leaves one history entry in its transaction: who, when, what,
and the record before and after."""

from __future__ import annotations

import json

import pytest

from db import store
from db.errors import FactSheetError
from db.exchange import bundle, bundle_write
from db.exchange.figures.importing import import_figures
from db.model.records import Agreement, Event, Link, Source
from db.store import journal
from tests.db.exchange.test_indicator_csv import HEADER, _write


def _entries(db, **where):
    clause = " AND ".join(f"{k} = ?" for k in where) or "1"
    cursor = db.execute(f"SELECT * FROM history WHERE {clause} ORDER BY id", list(where.values()))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _forum(db):
    return db.execute("SELECT id FROM events WHERE kind = 'forum'").fetchone()[0]


def test_an_edit_records_the_record_before_and_after_with_who_and_when(seeded_db):
    seeded_db.author = "Aigerim"
    forum = store.get(seeded_db, "event", _forum(seeded_db))
    uuid, stamp = store.identity_of(seeded_db, "event", forum.id)
    forum.status = "held"
    store.save(seeded_db, forum)

    entry = _entries(seeded_db, record_uuid=uuid)[-1]
    assert (entry["action"], entry["kind"], entry["record_id"], entry["author"]) == ("edit", "event", forum.id, "Aigerim")
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    assert before["fields"]["status"] == "planned" and after["fields"]["status"] == "held"
    assert before["updated_at"] == stamp and after["updated_at"] == store.identity_of(seeded_db, "event", forum.id)[1]
    assert after["links"]["sources"] == [[link.id, link.note] for link in forum.sources]
    assert entry["at"].endswith("Z")
    assert store.identity_of(seeded_db, "event", forum.id)[0] == uuid  # the identity stays


def test_the_author_is_the_system_user_unless_a_name_is_set(empty_db, monkeypatch):
    monkeypatch.setattr(journal.getpass, "getuser", lambda: "analyst")
    store.save(empty_db, Source(title="Bulletin"))
    assert _entries(empty_db)[-1]["author"] == "analyst"


def test_a_delete_keeps_every_row_it_took_and_a_failed_write_leaves_no_entry(seeded_db):
    agreement = seeded_db.execute("SELECT id FROM agreements WHERE kind = 'plan'").fetchone()[0]
    store.delete(seeded_db, "agreement", agreement)
    entry = _entries(seeded_db, action="delete")[-1]
    rows = json.loads(entry["before"])["rows"]["rows"]
    assert {table for table, _row in rows} >= {"agreements", "agreement_parties", "agreements_sources"}
    assert entry["after"] is None

    count = len(_entries(seeded_db))
    with pytest.raises(FactSheetError):
        store.save(seeded_db, Event(title="", kind="forum", status="held"))
    assert len(_entries(seeded_db)) == count


def test_writes_say_what_they_were_for(seeded_db):
    source = seeded_db.execute("SELECT id FROM sources").fetchone()[0]
    with store.writing(seeded_db, action="capture", note="kazinform.kz"):
        store.save(seeded_db, Agreement(title="Roadmap", kind="roadmap", status="signed",
                                        sources=[Link(source, "a roadmap was signed")]))
    entry = _entries(seeded_db)[-1]
    assert (entry["action"], entry["note"]) == ("capture", "kazinform.kz")


def test_a_bundle_import_records_each_new_record_as_imported(empty_db):
    data = bundle_write.export_bundle(_seeded_copy(empty_db))
    report = bundle.import_bundle(empty_db, data, name="colleague.json")
    imported = _entries(empty_db, action="import")
    assert len(imported) == report.total_added
    assert {e["note"] for e in imported} == {"colleague.json"}
    assert all(e["before"] is None and e["after"] for e in imported)


def _seeded_copy(_db):
    from db.file.connection import open_database
    from db.seed import load_seed

    other = open_database(None)
    load_seed(other)
    return other


def test_a_table_of_figures_is_one_history_entry_naming_its_ids(seeded_db, tmp_path):
    rows = "\n".join(f"Abai region,Russian Federation,exports,{y}-01-01,{y}-12-31,{y - 1900},USD million,"
                     "Customs bulletin,," for y in range(2000, 2020))
    before = len(_entries(seeded_db))
    import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + rows + "\n", name="customs.csv"))
    new = _entries(seeded_db)[before:]
    batch = [e for e in new if e["first_id"] is not None]
    assert len(batch) == 1 and batch[0]["action"] == "import" and batch[0]["note"] == "customs.csv"
    ids = [r[0] for r in seeded_db.execute("SELECT id FROM indicators WHERE id BETWEEN ? AND ?",
                                           [batch[0]["first_id"], batch[0]["last_id"]])]
    assert len(ids) == 20 == json.loads(batch[0]["after"])["count"]
    uuids = [r[0] for r in seeded_db.execute("SELECT uuid FROM indicators WHERE id >= ?", [ids[0]])]
    assert len(set(uuids)) == 20 and all(u.startswith(batch[0]["record_uuid"]) for u in uuids)
    # The source it created is an entry of its own, as imported.
    assert [e["kind"] for e in new if e["first_id"] is None] == ["source"]
