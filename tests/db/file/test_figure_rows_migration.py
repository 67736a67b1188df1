"""A file made before figures kept their first source in their own row (schema 7, and the
first release's) is upgraded keeping every figure, every source in the order it was linked
with its passage, every UUID and stamp and every history entry; and a source is never
linked twice to one figure, in its row and in the link table."""

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db import store
from db.file.connection import open_database
from db.file.known_schema import build_schema
from db.file.migrations import SCHEMA_VERSION
from db.model.records import Link
from tests.db.file.test_names_migration import OLD_FILE

FIGURE_COLUMNS = ("id", "subject_id", "counterpart_id", "reporter_id", "indicator", "period_start", "period_end",
                  "value", "unit", "notes")

# Figures of the file made before the change, each with the sources linked to it in order:
# none, one, one with a passage, three (not in id order, two with passages), two.
LINKED = {
    1: [],
    2: [(2, None)],
    3: [(1, "“exports grew by a fifth”")],
    4: [(3, "first"), (1, None), (2, "third")],
    5: [(2, None), (1, "second")],
}


def _file_of_schema_7(path: Path) -> Path:
    """A file as the previous version left it: figures, links with passages, identities, history."""
    db = sqlite_utils.Database(path)
    build_schema(db, 7)
    db.execute("INSERT INTO parties (id, kind, name_en) VALUES (1, 'region', 'Abai region'), "
               "(2, 'country', 'Russian Federation')")
    for n in (1, 2, 3):
        db.execute("INSERT INTO sources (id, title, published) VALUES (?, ?, '2025-03-01')", [n, f"Bulletin {n}"])
    for n in LINKED:
        db.execute("INSERT INTO indicators (id, subject_id, counterpart_id, indicator, period_start, period_end, "
                   "value, unit, notes, uuid, updated_at) VALUES (?, 1, 2, 'exports', ?, ?, ?, 'USD million', ?, ?, ?)",
                   [n, f"{2019 + n}-01-01", f"{2019 + n}-12-31", 10.5 * n, "note" if n == 4 else None,
                    f"0000000{n}-0000-4000-8000-000000000000", f"2026-01-0{n}T10:00:00.000000Z"])
    # Links are written in a different order from the figures' ids, so rowids interleave.
    for figure, links in sorted(LINKED.items(), reverse=True):
        for source, passage in links:
            db.execute("INSERT INTO indicators_sources (indicator_id, source_id, passage) VALUES (?, ?, ?)",
                       [figure, source, passage])
    db.execute("INSERT INTO history (at, action, kind, record_id, record_uuid, after) VALUES "
               "('2026-01-01T10:00:00.000000Z', 'add', 'indicator', 4, '00000004-0000-4000-8000-000000000000', '{}')")
    db.execute("INSERT INTO history (at, action, kind, record_uuid, first_id, last_id, after, note) VALUES "
               "('2026-01-02T10:00:00.000000Z', 'import', 'indicator', 'abcdef01-2345-4678-9abc-', 1, 5, "
               "'{\"count\": 5}', 'figures.csv')")
    db.conn.commit()
    db.close()
    return path


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _sources_in_order(db, figure: int) -> list[tuple[int, str | None]]:
    return [(link.id, link.note) for link in store.get(db, "indicator", figure).sources]


def test_a_file_of_the_previous_version_keeps_every_figure_source_identity_and_history_entry(tmp_path):
    path = _file_of_schema_7(tmp_path / "previous.factsheet")
    figures = _rows(path, f"SELECT {', '.join(FIGURE_COLUMNS)}, uuid, updated_at FROM indicators ORDER BY id")
    history = _rows(path, "SELECT * FROM history ORDER BY id")
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert path.with_name("previous.factsheet.bak-7").exists()
    assert db.execute(f"SELECT {', '.join(FIGURE_COLUMNS)}, uuid, updated_at FROM indicators "
                      "ORDER BY id").fetchall() == figures
    assert db.execute("SELECT * FROM history ORDER BY id").fetchall() == history
    for figure, links in LINKED.items():
        assert _sources_in_order(db, figure) == links, figure
    # The first source is in the figure's row; the link table keeps the others, in order.
    assert db.execute("SELECT id, source_id, source_passage FROM indicators ORDER BY id").fetchall() == [
        (n, *(links[0] if links else (None, None))) for n, links in LINKED.items()]
    assert db.execute("SELECT indicator_id, source_id, passage FROM indicators_sources ORDER BY rowid").fetchall() \
        == [(5, 1, "second"), (4, 1, None), (4, 2, "third")]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_the_first_release_file_keeps_its_figures_and_each_source_with_its_passage(tmp_path):
    before = _rows(OLD_FILE, f"SELECT {', '.join(FIGURE_COLUMNS)} FROM indicators ORDER BY id")
    links = _rows(OLD_FILE, "SELECT indicator_id, source_id, passage FROM indicators_sources ORDER BY rowid")
    path = tmp_path / "old.factsheet"
    shutil.copy(OLD_FILE, path)
    db = open_database(path)
    assert db.execute(f"SELECT {', '.join(FIGURE_COLUMNS)} FROM indicators ORDER BY id").fetchall() == before
    for figure, *_rest in before:
        assert _sources_in_order(db, figure) == [(s, p) for f, s, p in links if f == figure]
    uuids = [r[0] for r in db.execute("SELECT uuid FROM indicators")]
    assert len(set(uuids)) == len(before) and None not in uuids
    db.close()


def test_the_upgraded_file_still_reads_and_edits_every_source_of_a_figure(tmp_path):
    db = open_database(_file_of_schema_7(tmp_path / "previous.factsheet"))
    figure = store.get(db, "indicator", 4)
    figure.sources = [Link(2, "now first"), Link(3, None)]
    store.save(db, figure)
    assert _sources_in_order(db, 4) == [(2, "now first"), (3, None)]
    figure.sources = [Link(1, None)]
    store.save(db, figure)
    assert _sources_in_order(db, 4) == [(1, None)]
    assert db.execute("SELECT count(*) FROM indicators_sources WHERE indicator_id = 4").fetchone()[0] == 0
    db.close()


@pytest.mark.parametrize("statement", [
    "INSERT INTO indicators_sources (indicator_id, source_id) VALUES (2, 2)",
    "UPDATE indicators_sources SET source_id = 3 WHERE indicator_id = 4 AND source_id = 1",
    "UPDATE indicators SET source_id = 2 WHERE id = 4",
], ids=["a link row repeating the row's source", "a link row changed to it", "the row's source changed to a linked one"])
def test_a_source_is_linked_once_to_a_figure_whoever_writes_it(tmp_path, statement):
    path = _file_of_schema_7(tmp_path / "previous.factsheet")
    open_database(path).close()
    conn = sqlite3.connect(path)  # another program, without Fact Sheet's checks
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed"):
        conn.execute(statement)
    conn.close()


def test_saving_a_figure_that_names_one_source_twice_keeps_it_once(tmp_path):
    db = open_database(_file_of_schema_7(tmp_path / "previous.factsheet"))
    figure = store.get(db, "indicator", 2)
    figure.sources = [Link(3, "quoted"), Link(1, None), Link(3, "again")]
    store.save(db, figure)
    assert _sources_in_order(db, 2) == [(3, "quoted"), (1, None)]
    db.close()
