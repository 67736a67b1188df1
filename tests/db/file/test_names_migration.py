"""A database made by release 0.1.0 (one "local" and one "other local" name per record) opens,
is upgraded to names in English, Russian and Kazakh, and keeps every character it had."""

import shutil
import sqlite3
from pathlib import Path

import sqlite_utils

from db.exchange.bundle_write import export_bundle
from db.file.connection import open_database
from db.file.migrations import SCHEMA_VERSION
from db.read import search

OLD_FILE = Path(__file__).parent / "old_files" / "release-0.1.0.factsheet"


def _old_names(path: Path) -> dict[tuple[str, int], list[str]]:
    raw = sqlite3.connect(path)
    found = {}
    for table, columns in (("parties", "name_local, name_alt"), ("people", "name_local"),
                           ("subjects", "name_local")):
        for record_id, *values in raw.execute(f"SELECT id, {columns} FROM {table}"):
            found[(table, record_id)] = sorted(v for v in values if v is not None)
    raw.close()
    return found


def _opened(tmp_path):
    path = tmp_path / "old.factsheet"
    shutil.copy(OLD_FILE, path)
    return path, open_database(path)


def test_an_old_file_is_upgraded_and_keeps_every_name_character_for_character(tmp_path):
    before = _old_names(OLD_FILE)
    path, db = _opened(tmp_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert path.with_name("old.factsheet.bak-2").exists()
    for (table, record_id), old in before.items():
        ru, kk, alt = db.execute(f"SELECT name_ru, name_kk, name_alt FROM {table} WHERE id = ?",
                                 [record_id]).fetchone()
        assert sorted(v for v in (ru, kk, alt) if v is not None) == old, (table, record_id)
    db.close()


def test_each_old_name_lands_in_the_form_its_script_says(tmp_path):
    _path, db = _opened(tmp_path)
    forms = {r[0]: r[1:] for r in db.execute("SELECT name_en, name_ru, name_kk, name_alt FROM parties")}
    assert forms["Kazakhstan"] == ("Казахстан", "Қазақстан", None)
    assert forms["Omsk region"] == ("Омская область", "Омбы облысы", None)
    assert forms["Oskemen"] == ("Усть-Каменогорск", "Өскемен", None)
    assert forms["Irtysh basin council"] == (" Совет бассейна Иртыша ", None, "Irtysh Basin Council (IBC)")
    people = {r[0]: r[1:] for r in db.execute("SELECT name_en, name_ru, name_kk FROM people")}
    assert people["Berik Uali"] == (None, "Берік Уәли")
    assert people["Nurlan Ermekov"] == ("Нурлан Ермеков", None)
    db.close()


def test_the_upgraded_file_is_searched_across_spellings_and_read_by_other_tools(tmp_path):
    path, db = _opened(tmp_path)
    assert any(hit.kind == "party" for hit in search.search(db, "оскемен").hits())
    assert any(hit.kind == "person" for hit in search.search(db, "Уали").hits())
    bundle = export_bundle(db)
    assert {"name_en": "Kazakhstan", "name_ru": "Казахстан", "name_kk": "Қазақстан"}.items() <= \
        next(p for p in bundle["records"]["parties"] if p["name_en"] == "Kazakhstan").items()
    db.close()
    rows = list(sqlite_utils.Database(path)["parties"].rows_where("name_en = ?", ["Oskemen"]))
    assert rows[0]["name_kk"] == "Өскемен"
