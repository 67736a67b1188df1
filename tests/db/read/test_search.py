"""Find: every kind of record by its words, in Latin and Cyrillic, kept in step with every write."""

import sqlite3

import pytest

from db import store
from db.file import connection, search_index
from db.file.connection import open_database
from db.file.database import FactSheetDatabase
from db.file.migrations import MIGRATIONS, SCHEMA_VERSION
from db.model.records import Event, Party, Person, Source, Statement
from db.read import search


def _found(db, text):
    return [(hit.kind, hit.label) for hit in search.search(db, text).hits()]


def test_a_cyrillic_query_finds_names_in_any_case(seeded_db):
    found = _found(seeded_db, "омская")
    assert ("party", "Omsk region / Омская область") in found
    assert all(kind == "party" for kind, _label in found)


def test_a_latin_query_finds_titles_summaries_quotes_and_places(seeded_db):
    results = search.search(seeded_db, "Irtysh")
    kinds = [kind for kind, _hits in results.groups]
    assert kinds == ["agreement", "event", "statement", "subject", "source"]
    assert results.totals["agreement"] == 1
    protocol = results.groups[0][1][0]
    assert protocol.label == "Protocol on the joint use and development of the Irtysh River"
    assert search.MATCH_START + "Irtysh" + search.MATCH_END in protocol.snippet


def test_words_match_at_their_start_and_every_word_must_match(seeded_db):
    assert ("person", "Berik Uali / Берик Уали") in _found(seeded_db, "ber ual")
    assert _found(seeded_db, "berik shpilenko") == [] or all(
        kind != "person" for kind, _ in _found(seeded_db, "berik shpilenko"))
    assert _found(seeded_db, "zzzz") == []


def test_places_are_found(seeded_db):
    assert any(kind == "event" for kind, _label in _found(seeded_db, "Omsk forum"))


def test_typed_operators_and_quotes_are_plain_text(seeded_db):
    for text in ['"', "AND", "NEAR(", "*", "title:x", "-omsk", "(", "^"]:
        search.search(seeded_db, text)  # never a syntax error
    assert search.match_expression("  ,;  ") is None


def test_yo_and_ye_are_the_same_letter(empty_db):
    store.save(empty_db, Party(kind="city", name_en="Semey", name_ru="Семёй"))
    assert _found(empty_db, "семей") == [("party", "Semey / Семёй")]
    assert _found(empty_db, "СЕМЁЙ") == [("party", "Semey / Семёй")]


def test_the_index_follows_inserts_updates_and_deletes(empty_db):
    party_id = store.save(empty_db, Party(kind="region", name_en="Pavlodar region",
                                          name_ru="Павлодарская область"))
    assert _found(empty_db, "павлодар") == [("party", "Pavlodar region / Павлодарская область")]
    party = store.get(empty_db, "party", party_id)
    party.name_ru, party.name_kk = None, "Павлодар облысы"
    store.save(empty_db, party)
    assert _found(empty_db, "павлодарская") == []
    assert _found(empty_db, "облысы") == [("party", "Pavlodar region / Павлодар облысы")]
    store.delete(empty_db, "party", party_id)
    assert _found(empty_db, "pavlodar") == []


def test_every_searched_kind_is_indexed(empty_db):
    source = store.save(empty_db, Source(title="Akimat press release"))
    person = store.save(empty_db, Person(name_en="Aigerim Nurlanovna", name_kk="Айгерім Нұрланқызы"))
    store.save(empty_db, Event(title="Business mission", place="Semipalatinsk", sources=[_link(source)]))
    store.save(empty_db, Statement(person_id=person, text="Қазақстан мен Ресей серіктестігі",
                                   sources=[_link(source)]))
    assert [k for k, _ in _found(empty_db, "semipalatinsk")] == ["event"]
    assert [k for k, _ in _found(empty_db, "нұрланқызы")] == ["person"]
    assert [k for k, _ in _found(empty_db, "серіктестігі")] == ["statement"]
    assert [k for k, _ in _found(empty_db, "press")] == ["source"]


def _link(source_id):
    from db.model.records import Link

    return Link(source_id)


def test_writes_by_another_program_are_found(seeded_path):
    other = sqlite3.connect(seeded_path)  # e.g. sqlite-utils, with its own settings
    other.execute("INSERT INTO parties (kind, name_en) VALUES ('city', 'Ust-Kamenogorsk')")
    other.commit()
    other.close()
    db = open_database(seeded_path)
    assert _found(db, "kamenogorsk") == [("party", "Ust-Kamenogorsk")]
    db.close()


def test_triggers_run_with_trusted_schema_off(empty_db):
    assert empty_db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    store.save(empty_db, Party(kind="city", name_en="Kurchatov"))
    assert empty_db.execute("SELECT count(*) FROM search_changes").fetchone()[0] >= 1
    search_index.catch_up(empty_db)
    assert empty_db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0


def _copy_records(source, target) -> None:
    """Every record of ``source`` into ``target``, an older schema: the columns it has (the
    search index is derived, and left to catch up)."""
    for table in target.table_names():
        if table.startswith(("_", "sqlite_", "search_")):
            continue
        columns = [c.name for c in target[table].columns]
        rows = source.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        target.conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})", rows)
    target.conn.commit()


def test_a_file_made_before_search_existed_is_indexed_when_upgraded(tmp_path, seeded_db):
    path = tmp_path / "old.factsheet"
    old = FactSheetDatabase(connection.connect_file(path, "rwc"), path)
    MIGRATIONS.apply(old, stop_before="0002_search")
    old.execute("INSERT INTO parties (kind, name_en, name_local) VALUES ('region', 'Omsk region', 'Омская область')")
    old.conn.commit()
    assert "search_index" not in old.table_names()
    old.close()

    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0  # indexed in the migration
    assert ("party", "Omsk region / Омская область") in _found(db, "Омская")
    assert path.with_name("old.factsheet.bak-1").exists()
    db.close()


def test_a_read_only_database_searches_what_is_indexed(seeded_path):
    db = open_database(seeded_path, read_only=True)
    assert ("party", "Omsk region / Омская область") in _found(db, "омск")
    db.close()


def test_rebuild_gives_the_same_results(seeded_db):
    before = _found(seeded_db, "region")
    search_index.rebuild(seeded_db)
    assert _found(seeded_db, "region") == before


@pytest.mark.parametrize("per_kind", [1, 2])
def test_results_are_capped_per_kind_and_totals_count_them_all(seeded_db, per_kind):
    results = search.search(seeded_db, "region", per_kind=per_kind)
    for kind, hits in results.groups:
        assert len(hits) <= per_kind
        assert results.totals[kind] >= len(hits)
