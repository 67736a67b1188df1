"""Files with Fact Sheet's application id and someone else's tables, and files whose own schema
carries foreign objects, given to every command and to the window.

A file that lacks the tables records are kept in (or has a view in a table's place) is not a
Fact Sheet database of any version: one sentence everywhere, nothing written, nothing read
from the stranger's tables or views. A file of ours with foreign objects added is read, and
every command names those objects; ``check`` calls it neither damaged nor clean. No command
that only reads leaves a ``-wal`` or ``-shm`` file beside the database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.file.migrations import APPLICATION_ID, SCHEMA_VERSION
from desktop.app import main
from tests.db.odd_files import fingerprint
from tests.desktop.modal import answer, read_message

NOT_OURS = "is not a Fact Sheet database of any version"


def _strangers_tables(path: Path, version: int) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('HOSTILE')")
    conn.commit()
    conn.close()


def _view_in_a_tables_place(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE agreement_parties")
    conn.execute("CREATE VIEW agreement_parties AS SELECT id AS agreement_id, 1 AS party_id, 'HOSTILE' AS role "
                 "FROM agreements")
    conn.commit()
    conn.close()


STRANGERS = {
    "someone else's tables": (lambda p: _strangers_tables(p, SCHEMA_VERSION),
                              "it holds another program's tables"),
    "someone else's tables, version 0": (lambda p: _strangers_tables(p, 0), "it holds another program's tables"),
    "a view in a table's place": (_view_in_a_tables_place,
                                  "another program put something else where its table “agreement_parties” belongs"),
}


def _commands(path: Path, folder: Path) -> dict[str, list[str]]:
    csv = folder / "figures.csv"
    csv.write_text("subject,indicator,period_start,period_end,value,unit,source_title\n"
                   "Abai region,exports,2024-01-01,2024-12-31,67.8,USD million,Customs bulletin\n")
    return {
        "check": ["check", "--db", str(path)],
        "pdf": ["pdf", "--db", str(path), "--parties", "Abai region", "Omsk region", "-o", str(folder / "s.pdf")],
        "import": ["import", "--db", str(path), str(csv)],
        "export": ["export", "--db", str(path), "--format", "json", "-o", str(folder / "all.json")],
    }


@pytest.mark.parametrize("command", ["check", "pdf", "import", "export"])
@pytest.mark.parametrize("kind", STRANGERS)
def test_a_strangers_file_with_our_id_is_one_sentence_everywhere_and_left_alone(seeded_path, tmp_path, capsys,
                                                                               command, kind):
    spoil, why = STRANGERS[kind]
    spoil(seeded_path)
    folder = seeded_path.parent
    args = _commands(seeded_path, folder)[command]
    before, files_before = fingerprint(seeded_path), set(folder.iterdir())
    status = main(args)
    out, err = capsys.readouterr()
    assert status == (2 if command == "check" else 1)
    assert err == f"factsheet: “seed.factsheet” {NOT_OURS}: {why}.\n"
    assert "HOSTILE" not in out
    assert fingerprint(seeded_path) == before
    assert set(folder.iterdir()) == files_before


@pytest.mark.parametrize("kind", STRANGERS)
def test_the_window_says_the_same_sentence_and_shows_no_traceback(qtbot, seeded_path, capsys, kind):
    from desktop.gui import create_application

    spoil, why = STRANGERS[kind]
    spoil(seeded_path)
    before = fingerprint(seeded_path)
    create_application()
    shown: list[str] = []
    answer(read_message(shown))
    assert main(["--db", str(seeded_path)]) == 1
    assert shown == [f"“seed.factsheet” {NOT_OURS}: {why}."]
    assert fingerprint(seeded_path) == before


# -- our file, with foreign objects added ---------------------------------------------------------
def _index_on_a_missing_function(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.create_function("hostile", 1, lambda value: value, deterministic=True)
    conn.execute("CREATE INDEX by_hostile ON indicators (hostile(value))")
    conn.commit()
    conn.close()


def _view_over_a_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW sources_everywhere AS SELECT id, 'HOSTILE' AS title FROM sources")
    conn.commit()
    conn.close()


FOREIGN = {"index on a missing function": (_index_on_a_missing_function, "index “by_hostile”"),
           "view over a table": (_view_over_a_table, "view “sources_everywhere”")}


@pytest.mark.parametrize("kind", FOREIGN)
def test_check_names_foreign_objects_instead_of_calling_the_file_damaged(seeded_path, capsys, kind):
    spoil, named = FOREIGN[kind]
    spoil(seeded_path)
    before, files_before = fingerprint(seeded_path), set(seeded_path.parent.iterdir())
    status = main(["check", "--db", str(seeded_path), "--as-of", "2025-07-02"])
    out, err = capsys.readouterr()
    assert status == 1, err
    assert "damaged" not in out + err
    assert f"Fact Sheet did not create ({named})" in out
    assert fingerprint(seeded_path) == before
    assert set(seeded_path.parent.iterdir()) == files_before


@pytest.mark.parametrize("command", ["pdf", "export"])
@pytest.mark.parametrize("kind", FOREIGN)
def test_pdf_and_export_name_foreign_objects_and_read_only_our_tables(seeded_path, tmp_path, capsys, command,
                                                                     kind):
    spoil, named = FOREIGN[kind]
    spoil(seeded_path)
    folder = seeded_path.parent
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    commands = _commands(seeded_path, out_folder)
    files_before = set(folder.iterdir())
    status = main(commands[command])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert f"Fact Sheet did not create ({named})" in err
    written = out_folder / ("all.json" if command == "export" else "s.pdf")
    assert b"HOSTILE" not in written.read_bytes()
    assert set(folder.iterdir()) == files_before


@pytest.mark.parametrize("command", ["check", "pdf", "export"])
def test_reading_commands_leave_nothing_beside_a_sound_database(seeded_path, tmp_path, capsys, command):
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    commands = _commands(seeded_path, out_folder)
    folder = seeded_path.parent
    files_before = set(folder.iterdir())
    assert main(commands[command]) in (0, 1)  # check: 1 for the sample data's findings
    capsys.readouterr()
    assert set(folder.iterdir()) == files_before


def test_a_clean_copy_never_copies_rows_from_a_view(seeded_path, tmp_path):
    from db.file.clean_copy import save_clean_copy

    _view_in_a_tables_place(seeded_path)
    copy = save_clean_copy(seeded_path, tmp_path / "clean.factsheet")
    conn = sqlite3.connect(copy)
    try:
        roles = [row[0] for row in conn.execute("SELECT role FROM agreement_parties")]
        titles = [row[0] for row in conn.execute("SELECT title FROM agreements")]
    finally:
        conn.close()
    assert titles and "HOSTILE" not in roles


@pytest.mark.parametrize("kind", FOREIGN)
def test_publish_names_foreign_objects_and_never_serves_them(seeded_path, tmp_path, capsys, kind):
    spoil, named = FOREIGN[kind]
    spoil(seeded_path)
    site = tmp_path / "site"
    assert main(["publish", "--db", str(seeded_path), "-o", str(site)]) == 0
    assert f"Fact Sheet did not create ({named})" in capsys.readouterr().err
    conn = sqlite3.connect(site / "facts.db")
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        titles = {row[0] for row in conn.execute("SELECT title FROM sources")}
    finally:
        conn.close()
    assert "sources_everywhere" not in names and "by_hostile" not in names
    assert titles and "HOSTILE" not in titles


def test_the_thorough_check_names_an_index_it_cannot_compare_instead_of_calling_the_file_damaged(seeded_path,
                                                                                                 capsys):
    _index_on_a_missing_function(seeded_path)
    status = main(["check", "--db", str(seeded_path), "--as-of", "2025-07-02", "--thorough"])
    out, err = capsys.readouterr()
    assert status == 1, err
    assert "damaged" not in out + err
    assert "The thorough check could not compare index “by_hostile” with their tables" in out
