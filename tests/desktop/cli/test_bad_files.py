"""A file that is not SQLite, is cut short, or is a garbled SQLite file, given to every command.

Each command answers with one sentence on standard error (no traceback) and a non-zero
exit status, and the file's bytes are exactly as they were. ``check`` exits with 2 and
leaves nothing beside the file; the commands that open it for work (``pdf``, ``import``,
``export``) may keep a copy of a damaged file aside, as the window does, and say where.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.app import main
from tests.db.odd_files import cut, fingerprint, garble_record_contents, make_file_with_rows
from tests.small_fs import remount_read_only, small_filesystem

NOT_SQLITE = b"Minutes of the meeting in Semey, 2 July 2025.\n" * 200


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory) -> Path:
    return make_file_with_rows(tmp_path_factory.mktemp("sound") / "figures.factsheet", 3000)


def _not_sqlite(path: Path) -> None:
    path.write_bytes(NOT_SQLITE)


def _cut_short(path: Path) -> None:
    cut(path, path.stat().st_size - 6000)  # mid-page, thousands of figures gone


BAD_FILES = {
    "not SQLite": (_not_sqlite, "is not a Fact Sheet database"),
    "cut short": (_cut_short, "is damaged"),
    "garbled inside": (garble_record_contents, "is damaged"),
}


def _commands(path: Path, folder: Path) -> dict[str, list[str]]:
    csv = folder / "figures.csv"
    csv.write_text("subject,indicator,period_start,period_end,value,unit,source_title\n"
                   "Abai region,exports,2024-01-01,2024-12-31,67.8,USD million,Customs bulletin\n")
    return {
        "check": ["check", "--db", str(path)],
        "pdf": ["pdf", "--db", str(path), "--parties", "Abai region", "Russian Federation",
                "-o", str(folder / "sheet.pdf")],
        "import": ["import", "--db", str(path), str(csv)],
        "export": ["export", "--db", str(path), "--format", "json", "-o", str(folder / "all.json")],
    }


@pytest.mark.parametrize("command", ["check", "pdf", "import", "export"])
@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_one_sentence_and_left_byte_for_byte(tmp_path, sound_file, capsys, command, kind):
    spoil, words = BAD_FILES[kind]
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "figures.factsheet"
    shutil.copyfile(sound_file, path)
    spoil(path)
    args = _commands(path, folder)[command]
    before, files_before = fingerprint(path), set(folder.iterdir())

    status = main(args)

    out, err = capsys.readouterr()
    assert status == (2 if command == "check" else 1)
    assert err.endswith("\n") and err.count("\n") == 1, err  # one sentence
    assert "Traceback" not in err + out
    assert err.startswith("factsheet: ") and words in err, err
    assert fingerprint(path) == before
    made = set(folder.iterdir()) - files_before
    if command == "check":
        assert made == set(), "check only reads: it leaves nothing beside the file"
    else:  # nothing written but, for a damaged file, a copy of it aside that the sentence names
        assert len(made) <= (0 if kind == "not SQLite" else 1), made
        for copy in made:
            assert str(copy) in err and fingerprint(copy) == before


@pytest.fixture
def unchangeable(request, seeded_path, tmp_path):
    """The seed file where it may not be changed: permission bits, or a read-only disk."""
    if request.param == "permissions":
        seeded_path.chmod(0o444)
        yield seeded_path, "its file permissions do not allow changes"
        seeded_path.chmod(0o644)
        return
    with small_filesystem(tmp_path / "disk", 4096) as disk:
        path = disk / seeded_path.name
        shutil.copyfile(seeded_path, path)
        remount_read_only(disk)
        yield path, "read-only"


@pytest.mark.parametrize("unchangeable", ["permissions", "read-only disk"], indirect=True)
@pytest.mark.parametrize("check", [False, True], ids=["import", "import --check"])
def test_importing_into_a_file_that_may_not_be_changed_is_refused_with_a_sentence(
        unchangeable, tmp_path, capsys, check):
    path, why = unchangeable
    csv = _commands(path, tmp_path)["import"][-1]
    before = fingerprint(path)
    status = main(["import", "--db", str(path), csv, *(["--check"] if check else [])])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.startswith("factsheet: “figures.csv” was not imported: “seed.factsheet” ") and why in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert fingerprint(path) == before


def test_damage_met_while_a_command_reads_is_one_sentence(tmp_path, sound_file, capsys, monkeypatch):
    """A large, cleanly closed file opens without the full check; damage found only when
    ``export`` reads the garbled rows is still one sentence, and the file is left alone."""
    from db.file import integrity

    monkeypatch.setattr(integrity, "FULL_CHECK_LIMIT", 1024)
    path = tmp_path / "figures.factsheet"
    shutil.copyfile(sound_file, path)
    garble_record_contents(path)
    assert integrity.full_check_due(path) is False
    before = fingerprint(path)
    status = main(["export", "--db", str(path), "--format", "csv", "-o", str(tmp_path / "figures.csv")])
    _out, err = capsys.readouterr()
    assert status == 1
    assert err == ("factsheet: The database file is damaged; nothing was changed. Open it in Fact Sheet, "
                   "which keeps a copy aside, or run “factsheet check” to see what is wrong.\n")
    assert fingerprint(path) == before and not (tmp_path / "figures.csv").exists()


def test_an_import_that_fills_the_disk_is_one_sentence_and_adds_nothing(seeded_path, tmp_path, capsys):
    """A real small disk: the file opens for writing, then runs out of room in the middle of
    a large import; the sentence says so and every figure already there is intact."""
    from db.file import integrity
    from db.file.connection import open_database
    from tests.bench.bench_import import write_figures_csv
    from tests.db.content import content

    figures = write_figures_csv(tmp_path / "figures.csv", 40_000)
    with small_filesystem(tmp_path / "disk", 3 * 1024) as disk:
        path = disk / seeded_path.name
        shutil.copyfile(seeded_path, path)
        db = open_database(path)
        before = content(db)
        db.close()
        status = main(["import", "--db", str(path), str(figures)])
        _out, err = capsys.readouterr()
        assert status == 1
        assert err == "factsheet: The disk is full; nothing was changed. Free some space and try again.\n"
        assert integrity.check_file(path) == []
        db = open_database(path)
        assert content(db) == before
        db.close()
