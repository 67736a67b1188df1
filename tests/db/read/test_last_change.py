"""Where the change history stands, as the window's watch for changes elsewhere reads it."""

from __future__ import annotations

from db import store
from db.model.records import Source
from db.read.last_change import last_change, sessions_since


def test_the_entries_after_a_mark_name_the_program_runs_that_wrote_them(seeded_db):
    mark = last_change(seeded_db)
    assert mark > 0  # the seed came in as an import, with its entry
    assert sessions_since(seeded_db, mark) == set()
    seeded_db.session = "this window"
    store.save(seeded_db, Source(title="Written here"))
    seeded_db.session = "another window"
    store.save(seeded_db, Source(title="Written elsewhere"))
    assert last_change(seeded_db) == mark + 2
    assert sessions_since(seeded_db, mark) == {"this window", "another window"}
    assert sessions_since(seeded_db, mark + 1) == {"another window"}


def test_a_file_without_history_entries_stands_at_zero(empty_db):
    assert last_change(empty_db) == 0
    assert sessions_since(empty_db, 0) == set()
