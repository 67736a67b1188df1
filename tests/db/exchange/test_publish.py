"""Publishing a read-only copy: a consistent snapshot, metadata Datasette reads, and a folder
that is never someone else's."""

import hashlib
import json
import sqlite3

import pytest

from db.errors import FactSheetError
from db.exchange import publish as publishing
from db.exchange.figures.importing import import_figures
from db.exchange.publish_metadata import canned_queries
from db.file.connection import open_database
from db.store import identities
from tests.db.exchange.test_indicator_csv import HEADER, _write


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def master(seeded_path):
    db = open_database(seeded_path, read_only=True)
    yield db
    db.close()


def _rows(path, sql):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # no app functions, as Datasette has none
    try:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_the_snapshot_holds_every_record_in_a_file_that_serves_from_a_read_only_folder(master, seeded_path,
                                                                                       tmp_path):
    before = _digest(seeded_path)
    done = publishing.publish(master, tmp_path / "site")
    assert sorted(p.name for p in done.folder.iterdir()) == ["facts.db", "metadata.json", "publish.json"]
    for table in ("parties", "people", "agreements", "events", "indicators", "sources", "statements"):
        assert _rows(done.snapshot, f"SELECT count(*) AS n FROM {table}")[0]["n"] == \
            master.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert _rows(done.snapshot, "PRAGMA journal_mode")[0]["journal_mode"] == "delete"
    assert _digest(seeded_path) == before  # the master file is only read
    assert done.counts["agreements"] == 2


def test_every_table_of_text_is_searchable_in_the_copy(master, tmp_path):
    done = publishing.publish(master, tmp_path / "site")
    found = _rows(done.snapshot, "SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH 'irtysh'")
    assert [r["rowid"] for r in found] == [1]
    found = _rows(done.snapshot, "SELECT rowid FROM parties_fts WHERE parties_fts MATCH 'омская'")
    assert found


def test_the_metadata_names_records_describes_tables_and_hides_the_apps_own(master, tmp_path):
    done = publishing.publish(master, tmp_path / "site", title="Abai and Omsk", licence="CC BY 4.0",
                              licence_url="https://creativecommons.org/licenses/by/4.0/")
    meta = json.loads(done.metadata.read_text(encoding="utf-8"))
    assert (meta["title"], meta["license"]) == ("Abai and Omsk", "CC BY 4.0")
    assert meta["license_url"].startswith("https://") and "seed.factsheet" in meta["source"]
    tables = meta["databases"]["facts"]["tables"]
    assert tables["parties"]["label_column"] == "name_en"
    assert tables["people"]["label_column"] == "name_en"
    assert tables["sources"]["label_column"] == "title"
    assert tables["indicators"]["columns"]["period_end"]
    assert tables["agreements"]["fts_table"] == "agreements_fts"
    for table in ("parties", "positions", "agreements", "events", "indicators", "statements", "sources",
                  "agreement_parties", "indicators_sources"):
        assert tables[table]["description"], table
    assert tables["search_index"] == {"hidden": True}
    assert set(meta["databases"]["facts"]["queries"]) == {"officials_in_office", "agreements_in_force",
                                                          "latest_figures"}


def test_the_canned_queries_answer_on_the_seed_in_plain_sqlite(master, tmp_path):
    done = publishing.publish(master, tmp_path / "site")
    queries = canned_queries()
    officials = _rows(done.snapshot, queries["officials_in_office"]["sql"])
    assert {r["person"] for r in officials} == {"Berik Uali", "Andrei Shpilenko", "Vitaly Khotsenko"}
    in_force = _rows(done.snapshot, queries["agreements_in_force"]["sql"])
    assert any(r["title"].startswith("Interaction Plan") for r in in_force)
    latest = {(r["counterpart"], r["indicator"]): r for r in _rows(done.snapshot, queries["latest_figures"]["sql"])}
    turnover = latest[("Russian Federation", "turnover")]
    assert (turnover["value"], turnover["unit"], turnover["period_start"], turnover["period_end"]) == \
        (128.6, "USD million", "2025-01-01", "2025-05-31")
    assert turnover["source"]


def test_an_official_whose_position_ended_is_no_longer_in_office(seeded_path, tmp_path):
    db = open_database(seeded_path)
    db.execute("UPDATE positions SET end_date = '2020-01-01', end_date_precision = 'year' WHERE person_id = 3")
    done = publishing.publish(db, tmp_path / "site")
    db.close()
    officials = _rows(done.snapshot, canned_queries()["officials_in_office"]["sql"])
    assert "Vitaly Khotsenko" not in {r["person"] for r in officials}


def test_a_folder_holding_other_files_is_refused_and_left_alone(master, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "budget.xlsx").write_bytes(b"mine")
    with pytest.raises(FactSheetError, match="already holds other files and is not an earlier publish"):
        publishing.publish(master, folder)
    assert [p.name for p in folder.iterdir()] == ["budget.xlsx"]


def test_a_file_named_as_the_folder_is_refused(master, tmp_path):
    target = tmp_path / "site"
    target.write_text("x")
    with pytest.raises(FactSheetError, match="is a file, not a folder"):
        publishing.publish(master, target)


def test_publishing_again_replaces_the_earlier_copy_and_keeps_what_else_is_there(seeded_path, tmp_path):
    folder = tmp_path / "site"
    db = open_database(seeded_path)
    publishing.publish(db, folder)
    (folder / "settings.json").write_text("{}")
    db.execute("UPDATE parties SET name_en = 'Abai Region (renamed)' WHERE name_en = 'Abai region'")
    publishing.publish(db, folder)
    db.close()
    assert (folder / "settings.json").read_text() == "{}"
    names = {r["name_en"] for r in _rows(folder / "facts.db", "SELECT name_en FROM parties")}
    assert "Abai Region (renamed)" in names


def test_a_failure_leaves_the_earlier_publish_as_it_was(master, tmp_path, monkeypatch):
    folder = tmp_path / "site"
    publishing.publish(master, folder)
    before = {p.name: _digest(p) for p in folder.iterdir()}

    def full(path, value):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publishing, "_write_json", full)
    with pytest.raises(FactSheetError, match="Nothing was published .*the disk is full"):
        publishing.publish(master, folder)
    assert {p.name: _digest(p) for p in folder.iterdir()} == before


def test_what_a_publish_stopped_midway_left_does_not_make_the_folder_someone_elses(master, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "facts.db.new.part").write_bytes(b"half a copy")
    publishing.publish(master, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["facts.db", "metadata.json", "publish.json"]


def test_imported_figures_carry_their_uuid_and_stamp_in_the_published_copy(seeded_db, tmp_path):
    before = seeded_db.execute("SELECT max(id) FROM indicators").fetchone()[0]
    rows = "\n".join(f"Abai region,Russian Federation,exports,{y}-01-01,{y}-12-31,{y - 1900},USD million,"
                     "Customs bulletin,," for y in range(2000, 2005))
    import_figures(seeded_db, _write(tmp_path, HEADER + "\n" + rows + "\n"))
    ids = [r[0] for r in seeded_db.execute("SELECT id FROM indicators WHERE id > ?", [before])]
    done = publishing.publish(seeded_db, tmp_path / "site")
    # Readers of the copy (Datasette, plain SQL) have no batches to compute them from.
    published = {r["id"]: (r["uuid"], r["updated_at"]) for r in _rows(done.snapshot,
                                                                      "SELECT id, uuid, updated_at FROM indicators")}
    assert {i: published[i] for i in ids} == identities.identities(seeded_db, "indicator", ids)
    assert None not in {value for pair in published.values() for value in pair}
    tables = json.loads(done.metadata.read_text(encoding="utf-8"))["databases"]["facts"]["tables"]
    assert tables["figure_batches"] == {"hidden": True}
