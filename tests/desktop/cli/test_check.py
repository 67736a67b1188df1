"""``factsheet check``: the report, and exit status 0 clean, 1 findings, 2 unusable file."""

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from desktop.app import main


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seed_reports_the_turnover_and_the_officials_and_leaves_the_file_alone(seeded_path, capsys):
    before = _digest(seeded_path)
    assert main(["check", "--db", str(seeded_path), "--as-of", "2026-11-25"]) == 1
    out = capsys.readouterr().out
    assert "The file is sound" in out
    assert "10 data-quality findings:" in out
    assert ("  • Trade turnover Abai region – Russian Federation, Jan–May 2025, is USD 128.6 million, but "
            "exports 67.8 + imports 70.4 = USD 138.2 million (source: “Abai region and Omsk region") in out
    assert "[indicators 3, 4, 5]" in out
    assert "Positions not verified for over a year (4)" in out
    assert "Planned events whose date has passed (1)" in out
    assert _digest(seeded_path) == before


def test_a_clean_file_exits_zero(db_path, capsys):
    from db.file.connection import open_database

    open_database(db_path).close()
    assert main(["check", "--db", str(db_path)]) == 0
    assert "No data-quality findings." in capsys.readouterr().out


def test_broken_references_are_findings(seeded_path, capsys):
    conn = sqlite3.connect(seeded_path)  # foreign keys off, as another tool might leave them
    conn.execute("UPDATE indicators SET counterpart_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(seeded_path), "--as-of", "2025-08-01"]) == 1
    out = capsys.readouterr().out
    assert "1 row refers to a record that does not exist" in out
    assert "Row 1 of table “indicators” refers to a record of “parties” that does not exist." in out


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x07" * 5000])
def test_a_file_that_cannot_be_opened_exits_two_with_one_sentence(tmp_path, capsys, content):
    bad = tmp_path / "bad.factsheet"
    bad.write_bytes(content)
    assert main(["check", "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factsheet: “bad.factsheet”") and err.count("\n") == 1
    assert bad.read_bytes() == content


def test_a_missing_file_exits_two(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "nowhere.factsheet")]) == 2
    assert "There is no file at" in capsys.readouterr().err
    assert not (tmp_path / "nowhere.factsheet").exists()


def test_a_file_failing_the_full_integrity_check_exits_two(seeded_path, capsys):
    conn = sqlite3.connect(seeded_path)  # an index that no longer matches its table
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'indicators(value)', 'indicators(unit)') "
                 "WHERE name = 'indicators_value'")
    conn.commit()
    conn.close()
    # Every page is sound: the quick check by default does not compare indexes with tables,
    # and says which option does.
    assert main(["check", "--db", str(seeded_path), "--as-of", "2026-11-25"]) == 1
    assert "(“--thorough” also compares every index with its table)" in capsys.readouterr().out
    assert main(["check", "--db", str(seeded_path), "--thorough"]) == 2
    captured = capsys.readouterr()
    assert "missing from index indicators_value" in captured.out
    assert captured.err == "factsheet: “seed.factsheet” is damaged: it fails SQLite's integrity check.\n"


def test_a_bad_as_of_date_is_one_sentence(seeded_path, capsys):
    assert main(["check", "--db", str(seeded_path), "--as-of", "2025-02-30"]) == 2
    assert capsys.readouterr().err == "factsheet: '2025-02-30' is not a real calendar date.\n"


@pytest.mark.slow
def test_check_runs_headless_without_qt_and_exits_with_its_status(seeded_path):
    code = ("import sys\nfrom desktop.app import main\n"
            f"status = main(['check', '--db', {str(seeded_path)!r}])\n"
            "print(status, 'PySide6' in sys.modules, 'pyqtgraph' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "1 False False", result.stderr
    command = subprocess.run([sys.executable, "-m", "desktop", "check", "--db", str(seeded_path)],
                             capture_output=True, text=True, timeout=60)
    assert command.returncode == 1 and "USD 138.2 million" in command.stdout and command.stderr == ""


def test_a_file_from_an_earlier_version_is_not_upgraded_and_exits_two(seeded_path, capsys, monkeypatch):
    from tests.db.odd_files import with_a_search_migration

    with_a_search_migration(monkeypatch)  # this app is one version ahead of the file
    before, backups = _digest(seeded_path), list(seeded_path.parent.glob("*.bak-*"))
    assert main(["check", "--db", str(seeded_path)]) == 2
    assert capsys.readouterr().err == (
        "factsheet: “seed.factsheet” was saved by an earlier version of Fact Sheet. Open it in Fact Sheet "
        "once (it is upgraded, keeping a copy of the old file), then run this again.\n")
    assert _digest(seeded_path) == before and list(seeded_path.parent.glob("*.bak-*")) == backups == []


@pytest.mark.parametrize("change", ["newer version", "a stranger's trigger"])
def test_a_newer_or_foreign_file_is_checked_as_it_is_and_the_report_says_why_it_is_not_changed(
        seeded_path, capsys, change):
    from db.file.migrations import SCHEMA_VERSION
    from tests.db.odd_files import WIPE_TRIGGER, add_foreign_objects

    if change == "newer version":
        add_foreign_objects(seeded_path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        why = "“seed.factsheet” was written by a newer version of Fact Sheet"
    else:
        add_foreign_objects(seeded_path, WIPE_TRIGGER)
        why = "“seed.factsheet” contains a database object that Fact Sheet did not create (trigger “wipe_statements”)"
    before = _digest(seeded_path)
    assert main(["check", "--db", str(seeded_path), "--as-of", "2026-11-25"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Checking ") and lines[1].startswith(why)
    assert "10 data-quality findings:" in lines
    assert _digest(seeded_path) == before


def _disagreeing(path, groups: int) -> None:
    """``groups`` figures recorded twice with different values (sources that disagree)."""
    conn = sqlite3.connect(path)
    subject = conn.execute("SELECT id FROM parties WHERE name_en = 'Abai region'").fetchone()[0]
    for n in range(groups):
        for value in (1.0, 2.0):
            conn.execute("INSERT INTO indicators (subject_id, indicator, period_start, period_end, value, unit) "
                         "VALUES (?, 'exports', ?, ?, ?, 'USD million')",
                         [subject, f"{1900 + n}-01-01", f"{1900 + n}-12-31", value])
    conn.commit()
    conn.close()


def test_each_heading_lists_its_first_findings_and_counts_the_rest(seeded_path, capsys):
    _disagreeing(seeded_path, 25)
    assert main(["check", "--db", str(seeded_path), "--as-of", "2026-11-25"]) == 1
    out = capsys.readouterr().out.splitlines()
    heading = out.index("Sources that disagree (25)")
    assert [line[:4] for line in out[heading + 1:heading + 11]] == ["  • "] * 10
    assert out[heading + 11] == "  … and 15 more (“--all” lists every one)"


def test_all_lists_every_finding(seeded_path, capsys):
    _disagreeing(seeded_path, 25)
    assert main(["check", "--db", str(seeded_path), "--as-of", "2026-11-25", "--all"]) == 1
    out = capsys.readouterr().out.splitlines()
    heading = out.index("Sources that disagree (25)")
    assert [line[:4] for line in out[heading + 1:heading + 26]] == ["  • "] * 25
    assert not any("more (“--all”" in line for line in out)


def test_before_print_lists_only_the_check_before_printing(seeded_path, capsys):
    before = _digest(seeded_path)
    assert main(["check", "--db", str(seeded_path), "--before-print", "--parties", "abai region", "Омская область",
                 "--as-of", "2026-12-07"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Before printing, check 8 things that would make this sheet misleading:\n")
    assert "Planned events whose date has passed" in out and "[event 2]" in out
    assert "integrity" not in out and "data-quality findings" not in out
    assert _digest(seeded_path) == before


def test_before_print_with_nothing_to_check_exits_zero(seeded_path, capsys):
    assert main(["check", "--db", str(seeded_path), "--before-print", "--parties", "Abai region", "Omsk region",
                 "--as-of", "2025-05-30"]) == 0
    assert capsys.readouterr().out.startswith("Nothing to check before printing")


@pytest.mark.parametrize("args", [["--before-print"], ["--parties", "Abai region", "Omsk region"]])
def test_before_print_and_parties_go_together(seeded_path, capsys, args):
    assert main(["check", "--db", str(seeded_path), *args]) == 2
    assert capsys.readouterr().err == ("factsheet: --before-print and --parties go together: name the two parties "
                                       "of the sheet to check.\n")


def test_before_print_with_an_unknown_party_is_one_sentence(seeded_path, capsys):
    assert main(["check", "--db", str(seeded_path), "--before-print", "--parties", "Abai region", "Tomsk"]) == 1
    assert capsys.readouterr().err == "factsheet: No party called “Tomsk” is in the database.\n"
