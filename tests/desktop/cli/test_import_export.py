"""``factsheet import`` and ``factsheet export``: one sentence on failure, the database untouched."""

import csv
import datetime as dt
import io
import json
import sqlite3

import pytest

from db.file.connection import open_database
from desktop.app import main
from tests.db.content import content
from tests.db.exchange.test_indicator_csv import GOOD, HEADER


def _content(path):
    db = open_database(path)
    try:
        return content(db)
    finally:
        db.close()


def _one_sentence(err: str) -> str:
    first = err.splitlines()[0]
    assert "Traceback" not in err
    assert first.startswith("factsheet: ")
    return first


def test_importing_a_csv_reports_what_was_added_and_again_adds_nothing(seeded_path, tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
    assert main(["import", "--db", str(seeded_path), str(figures)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported figures.csv: 1 new, 0 already present.")
    assert "New sources: Customs bulletin" in out
    assert main(["import", "--db", str(seeded_path), str(figures)]) == 0
    assert capsys.readouterr().out.startswith("Imported figures.csv: 0 new, 1 already present.")


def test_a_bad_csv_is_one_sentence_with_its_problems_and_changes_nothing(seeded_path, tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD.replace("67.8", "abc") + "\n", encoding="utf-8")
    before = seeded_path.read_bytes()
    assert main(["import", "--db", str(seeded_path), str(figures)]) == 1
    err = capsys.readouterr().err
    assert _one_sentence(err) == ("factsheet: “figures.csv” was not imported: 1 problem was found, "
                                  "so nothing was changed.")
    assert err.splitlines()[1] == "  row 2, column value: 'abc' is not a number"
    assert seeded_path.read_bytes() == before


def test_check_says_what_would_be_added_and_writes_nothing(seeded_path, tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD + "\n", encoding="utf-8")
    before = _content(seeded_path)
    assert main(["import", "--check", "--db", str(seeded_path), str(figures)]) == 0
    assert capsys.readouterr().out.startswith("Would import figures.csv: 1 new, 0 already present.")
    assert _content(seeded_path) == before


def test_a_failed_import_into_a_new_database_leaves_no_file(tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_bytes(b"")
    target = tmp_path / "new.factsheet"
    assert main(["import", "--db", str(target), str(figures)]) == 1
    assert _one_sentence(capsys.readouterr().err) == ("factsheet: “figures.csv” was not imported: the file is "
                                                      "empty; nothing was changed.")
    assert not target.exists()


@pytest.mark.parametrize("args, sentence", [
    (["--db", "{db}", "{missing}"], "factsheet: There is no file at {missing}."),
    (["--db", "{notdb}", "{csv}"], "factsheet: “notes.factsheet” is not a Fact Sheet database (it is not an "
                                   "SQLite file)."),
])
def test_import_failures_are_one_sentence(seeded_path, tmp_path, capsys, args, sentence):
    names = {"db": str(seeded_path), "missing": str(tmp_path / "missing.csv"),
             "notdb": str(tmp_path / "notes.factsheet"), "csv": str(tmp_path / "f.csv")}
    (tmp_path / "notes.factsheet").write_text("my notes")
    (tmp_path / "f.csv").write_text(HEADER + "\n" + GOOD + "\n")
    before = seeded_path.read_bytes()
    assert main(["import", *(a.format(**names) for a in args)]) == 1
    assert _one_sentence(capsys.readouterr().err) == sentence.format(**names)
    assert seeded_path.read_bytes() == before
    assert (tmp_path / "notes.factsheet").read_text() == "my notes"


def test_json_export_imports_into_an_empty_database_with_the_same_content(seeded_path, tmp_path, capsys):
    out = tmp_path / "everything.json"
    assert main(["export", "--db", str(seeded_path), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "factsheet-bundle"
    copy = tmp_path / "copy.factsheet"
    assert main(["import", "--db", str(copy), str(out)]) == 0
    assert _content(copy) == _content(seeded_path)


def test_csv_export_of_figures_reimports_as_already_present(seeded_path, tmp_path, capsys):
    out = tmp_path / "figures.csv"
    assert main(["export", "--db", str(seeded_path), "--format", "csv", "--table", "indicators",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER.split(",") + ["reporter", "notes"]
    turnover = ["Abai region", "Russian Federation", "turnover", "2025-01-01", "2025-05-31", "128.6", "USD million"]
    assert turnover in [row[:7] for row in rows]
    capsys.readouterr()
    assert main(["import", "--db", str(seeded_path), str(out)]) == 0
    assert capsys.readouterr().out.startswith("Imported figures.csv: 0 new, 5 already present.")


@pytest.mark.parametrize("table", ["agreements", "parties", "people", "positions", "events", "statements",
                                   "sources", "subjects", "agreement"])
def test_every_table_exports_as_csv(seeded_path, tmp_path, table):
    out = tmp_path / "t.csv"
    assert main(["export", "--db", str(seeded_path), "--format", "csv", "--table", table, "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "id" and len(rows) > 1


def test_agreements_csv_names_parties_and_sources(seeded_path, tmp_path):
    out = tmp_path / "a.csv"
    main(["export", "--db", str(seeded_path), "--format", "csv", "--table", "agreements", "-o", str(out)])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    plan = next(r for r in rows if r["title"].startswith("Interaction Plan"))
    assert plan["valid_from"] == "2025" and plan["valid_until"] == "2028"
    assert "Government of the Omsk region" in plan["parties"]


def test_cells_that_would_run_as_formulas_are_made_safe(seeded_path, tmp_path):
    db = sqlite3.connect(seeded_path)
    db.execute("INSERT INTO parties (kind, name_en) VALUES ('city', '=HYPERLINK(\"http://x\")')")
    db.execute("INSERT INTO parties (kind, name_en) VALUES ('city', '-1+2')")
    db.execute("INSERT INTO parties (kind, name_en) VALUES ('city', '@SUM(A1)')")
    db.commit()
    db.close()
    out = tmp_path / "p.csv"
    main(["export", "--db", str(seeded_path), "--format", "csv", "--table", "parties", "-o", str(out)])
    names = [r["name_en"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))]
    assert "'=HYPERLINK(\"http://x\")" in names and "'-1+2" in names and "'@SUM(A1)" in names
    assert not any(n[:1] in "=+-@" for n in names)


def test_negative_numbers_stay_numbers(tmp_path):
    from db.exchange.export import safe_cell

    assert safe_cell(-5.5) == "-5.5" and safe_cell(-3) == "-3" and safe_cell("-3") == "'-3"
    assert safe_cell(128.6) == "128.6" and safe_cell(507.0) == "507"


def test_export_to_standard_output(seeded_path, capfd):
    assert main(["export", "--db", str(seeded_path), "--format", "csv", "--table", "sources", "-o", "-"]) == 0
    assert "Trend News Agency" in capfd.readouterr().out


@pytest.mark.parametrize("args, sentence", [
    (["--format", "csv", "--table", "planets"], "factsheet: There is no table “planets”; choose one of: sources, "
                                               "parties, people, positions, subjects, agreements, events, "
                                               "indicators, statements."),
    (["--format", "json", "--table", "indicators"], "factsheet: A JSON export holds every record; --table is "
                                                    "for CSV."),
])
def test_export_failures_are_one_sentence_and_write_nothing(seeded_path, tmp_path, capsys, args, sentence):
    out = tmp_path / "out.csv"
    assert main(["export", "--db", str(seeded_path), *args, "-o", str(out)]) == 1
    assert _one_sentence(capsys.readouterr().err) == sentence
    assert not out.exists()


def test_exporting_from_a_missing_database_is_one_sentence(tmp_path, capsys):
    missing = tmp_path / "none.factsheet"
    assert main(["export", "--db", str(missing), "--format", "json", "-o", str(tmp_path / "o.json")]) == 1
    assert _one_sentence(capsys.readouterr().err) == f"factsheet: There is no file at {missing}."
    assert not missing.exists()


def test_an_existing_output_is_replaced_only_when_the_export_succeeds(seeded_path, tmp_path, monkeypatch):
    from db.exchange import export as exporting

    out = tmp_path / "keep.csv"
    out.write_text("my earlier export")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(out))

    monkeypatch.setattr(exporting, "write_table", broken)
    assert main(["export", "--db", str(seeded_path), "--format", "csv", "-o", str(out)]) == 1
    assert out.read_text() == "my earlier export"
    assert not list(tmp_path.glob("*.part"))


def _figure_with(db_path, **fields):
    from db import store
    from db.model.records import Indicator, Link

    db = open_database(db_path)
    try:
        subject = db.execute("SELECT id FROM parties WHERE name_en = 'Abai region'").fetchone()[0]
        source = db.execute("SELECT id FROM sources").fetchone()[0]
        values = {"subject_id": subject, "indicator": "exports", "period_start": dt.date(2019, 1, 1),
                  "period_end": dt.date(2019, 12, 31), "value": 1.5, "unit": "USD million",
                  "sources": [Link(source)], **fields}
        store.save(db, Indicator(**values))
    finally:
        db.close()


def _notes(db_path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {row[0] for row in conn.execute("SELECT notes FROM indicators WHERE notes IS NOT NULL")}
    finally:
        conn.close()


@pytest.mark.parametrize("note", [
    "x" * 300_000,  # longer than Python's default CSV field limit of 128 KB
    "'=genuinely starts with an apostrophe",
    " =1+1 after a space",
    "\n=cmd after a line break",
    "''two apostrophes",
])
def test_the_exported_figures_import_again_with_every_note_exact(seeded_path, tmp_path, empty_db, capsys, note):
    _figure_with(seeded_path, notes=note)
    out = tmp_path / "figures.csv"
    assert main(["export", "--db", str(seeded_path), "--format", "csv", "-o", str(out)]) == 0
    target = empty_db.path
    empty_db.close()
    assert main(["import", "--db", str(target), str(out)]) == 0, capsys.readouterr().err
    assert note in _notes(target)


def test_text_with_a_formula_after_spaces_is_guarded_in_the_file(seeded_path, tmp_path):
    _figure_with(seeded_path, notes=" =HYPERLINK(\"http://x\")")
    out = tmp_path / "figures.csv"
    main(["export", "--db", str(seeded_path), "--format", "csv", "-o", str(out)])
    notes = [r["notes"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))]
    assert "' =HYPERLINK(\"http://x\")" in notes


_LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_a_committed_import_is_reported_as_imported_when_another_writer_takes_the_lock_at_once(
        seeded_path, tmp_path, capsys, monkeypatch):
    """Another process takes the write lock the moment the import commits: the import still
    says what it did, and the search index catches up afterwards."""
    import subprocess
    import sys

    import db.file.connection as connection
    import db.file.sqlite as sqlite_settings
    from db.read.search import search

    monkeypatch.setattr(sqlite_settings, "BUSY_TIMEOUT_MS", 300)
    lockers: list[subprocess.Popen] = []
    real_open = connection.open_database

    def open_and_watch(*args, **kwargs):
        db = real_open(*args, **kwargs)
        committed = []

        def trace(statement: str) -> None:
            if committed and not lockers:  # the first statement after the import's commit
                locker = subprocess.Popen([sys.executable, "-c", _LOCKER, str(seeded_path), "3"],
                                          stdout=subprocess.PIPE, text=True)
                assert locker.stdout.readline().strip() == "locked"
                lockers.append(locker)
            if statement.strip().upper() == "COMMIT":
                committed.append(statement)

        db.conn.set_trace_callback(trace)
        return db

    monkeypatch.setattr(connection, "open_database", open_and_watch)
    figures = tmp_path / "figures.csv"
    figures.write_text(HEADER + "\n" + GOOD.replace("Abai region", "Zhetysu region") + "\n", encoding="utf-8")
    try:
        status = main(["import", "--db", str(seeded_path), str(figures)])
        out, err = capsys.readouterr()
    finally:
        for locker in lockers:
            locker.wait(10)
    assert (status, err) == (0, "")
    assert out.startswith("Imported figures.csv: 1 new, 0 already present.")
    monkeypatch.setattr(connection, "open_database", real_open)
    db = real_open(seeded_path)
    try:
        assert db.execute("SELECT count(*) FROM parties WHERE name_en = 'Zhetysu region'").fetchone()[0] == 1
        # The index was brought up to date by the import's own transaction: nothing waits.
        assert db.execute("SELECT count(*) FROM search_changes").fetchone()[0] == 0
        assert [hit.label for hit in search(db, "zhetysu").hits()][:1] == ["Zhetysu region"]
    finally:
        db.close()
