"""A bundle sent back and forth between two databases: newer versions update, records changed on
both sides are listed as conflicts and never decided silently."""

from __future__ import annotations

import io
import json

from db import store
from db.exchange import bundle, bundle_write
from db.file.connection import open_database


def _export(db) -> dict:
    out = io.StringIO()
    bundle_write.write_bundle(db, out)
    return json.loads(out.getvalue())


def _by_title(db, table, title_like):
    return db.execute(f"SELECT id FROM {table} WHERE title LIKE ?", [title_like]).fetchone()[0]


def _colleague(seeded_db, tmp_path):
    """Database B: a colleague's, loaded from A's bundle."""
    other = open_database(tmp_path / "colleague.factsheet")
    report = bundle.import_bundle(other, _export(seeded_db), name="from A.json")
    assert report.total_added > 0
    return other


def _edit(db, kind, record_id, **changes):
    record = store.get(db, kind, record_id)
    for name, value in changes.items():
        setattr(record, name, value)
    store.save(db, record)


def test_records_keep_their_identity_across_export_and_import(seeded_db, tmp_path):
    b = _colleague(seeded_db, tmp_path)
    ours = seeded_db.execute("SELECT uuid, updated_at FROM events ORDER BY uuid").fetchall()
    theirs = b.execute("SELECT uuid, updated_at FROM events ORDER BY uuid").fetchall()
    assert ours == theirs and all(u for u, _stamp in ours)
    again = bundle.import_bundle(b, _export(seeded_db))
    assert (again.total_added, again.total_updated, again.conflicts) == (0, 0, [])
    b.close()


def test_a_bundle_sent_back_updates_what_changed_there_and_lists_what_changed_on_both_sides(seeded_db, tmp_path):
    b = _colleague(seeded_db, tmp_path)
    forum_b = _by_title(b, "events", "%Irtysh%")
    plan_a, plan_b = _by_title(seeded_db, "agreements", "Interaction Plan%"), _by_title(b, "agreements", "Interaction Plan%")
    _edit(b, "event", forum_b, status="held")  # changed in B only
    _edit(b, "agreement", plan_b, summary="B: extended to tourism.")  # changed in both
    _edit(seeded_db, "agreement", plan_a, summary="A: extended to culture.")

    sent_back = _export(b)
    report = bundle.import_bundle(seeded_db, sent_back, name="from B.json")
    forum_a = _by_title(seeded_db, "events", "%Irtysh%")
    assert store.get(seeded_db, "event", forum_a).status == "held"
    assert report.updated == {"event": 1}
    assert [(c.kind, c.id) for c in report.conflicts] == [("agreement", plan_a)]
    difference = report.conflicts[0].differences
    assert [(d.field, d.old, d.new) for d in difference] == [
        ("summary", "A: extended to culture.", "B: extended to tourism.")]
    assert store.get(seeded_db, "agreement", plan_a).summary == "A: extended to culture."  # kept until chosen
    assert "1 updated" in report.summary() and "1 conflict" in report.summary()

    chosen = bundle.import_bundle(seeded_db, sent_back, take_theirs=frozenset({report.conflicts[0].uuid}))
    assert store.get(seeded_db, "agreement", plan_a).summary == "B: extended to tourism."
    assert chosen.updated == {"agreement": 1}
    # The version taken is now one both sides share: sending it again changes nothing.
    settled = bundle.import_bundle(seeded_db, sent_back)
    assert (settled.total_updated, settled.conflicts) == (0, [])
    b.close()


def test_an_older_version_in_a_bundle_does_not_replace_a_newer_one_here(seeded_db, tmp_path):
    b = _colleague(seeded_db, tmp_path)
    plan_a = _by_title(seeded_db, "agreements", "Interaction Plan%")
    _edit(seeded_db, "agreement", plan_a, status="in_force")
    report = bundle.import_bundle(seeded_db, _export(b))
    assert (report.total_updated, report.conflicts) == (0, [])
    assert store.get(seeded_db, "agreement", plan_a).status == "in_force"
    # …and B takes A's newer version.
    report = bundle.import_bundle(b, _export(seeded_db))
    assert report.updated == {"agreement": 1}
    assert store.get(b, "agreement", _by_title(b, "agreements", "Interaction Plan%")).status == "in_force"
    b.close()
