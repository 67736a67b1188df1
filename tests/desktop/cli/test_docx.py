"""``factsheet docx``: the fact sheet as a Word document from the command line, with no display."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

import docx
import pytest

from desktop.app import main
from tests.desktop.factsheet.word.conftest import body_lines


def _run(capsys, *args) -> tuple[int, str, str]:
    status = main(["docx", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def _one_sentence(err: str) -> str:
    line = err.strip()
    assert line.count("\n") == 0 and "Traceback" not in line
    assert line.startswith("factsheet: ")
    return line.removeprefix("factsheet: ")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_writes_the_sheet_prints_the_path_and_leaves_the_database_as_it_was(qapp, capsys, seeded_path, tmp_path):
    before = _digest(seeded_path)
    target = tmp_path / "out" / "sheet.docx"
    target.parent.mkdir()
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                            "-o", target, "--as-of", "2025-07-02")
    assert (status, out.strip()) == (0, str(target))
    assert err.startswith("factsheet: Before printing, check 3 things that would make this sheet misleading:\n")
    lines = body_lines(target)
    assert lines[:2] == ["Abai region – Omsk region", "Cooperation fact sheet as of 2 Jul 2025"]
    assert "USD 128.6 million" in lines and len(docx.Document(str(target)).inline_shapes) == 1
    assert _digest(seeded_path) == before  # read only: no briefing remembered, nothing upgraded
    assert sorted(p.name for p in target.parent.iterdir()) == ["sheet.docx"]


def test_language_page_size_and_the_long_version_are_pdfs_options(qapp, capsys, seeded_path, tmp_path):
    target = tmp_path / "ru.docx"
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "АБАЙ ОБЛЫСЫ", "омская область",
                             "-o", target, "--as-of", "2025-07-02", "--language", "ru", "--page-size", "letter",
                             "--long")
    assert status == 0, err
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "Абайская область – Омская область"
    assert document.core_properties.language == "ru-RU"
    assert round(document.sections[0].page_width.inches, 2) == 8.5


@pytest.mark.parametrize(("args", "sentence"), [
    (("--parties", "Abai region", "Tomsk region"), "No party called “Tomsk region” is in the database."),
    (("--parties", "Abai region", "abai region"), "“Abai region” and “abai region” are the same party; name two "
                                                  "different ones."),
    (("--parties", "Abai region", "Omsk region", "--as-of", "2025-02-30"),
     "The --as-of date '2025-02-30' is not a real calendar date."),
    (("--parties", "Abai region", "Omsk region", "--page-size", "A5"), "“A5” is not a page size; use A4 or Letter."),
    (("--parties", "Abai region", "Omsk region", "--language", "de"),
     "“de” is not a language of the sheet; use en, ru, kk."),
])
def test_a_bad_value_is_one_sentence_and_no_file(capsys, seeded_path, tmp_path, args, sentence):
    status, out, err = _run(capsys, "--db", seeded_path, "-o", tmp_path / "sheet.docx", *args)
    assert status == 1 and out == ""
    assert _one_sentence(err) == sentence
    assert list(tmp_path.glob("*.docx")) == []


def test_a_folder_or_a_missing_folder_is_one_sentence(capsys, seeded_path, tmp_path):
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region", "-o", tmp_path)
    assert status == 1
    assert _one_sentence(err) == f"{tmp_path} is a folder; give a file name for the Word document."
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", tmp_path / "no such folder" / "sheet.docx")
    assert status == 1 and "sheet.docx" in _one_sentence(err)


def test_strict_refuses_with_exit_status_one_and_writes_nothing(qapp, capsys, seeded_path, tmp_path):
    target = tmp_path / "sheet.docx"
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                            "-o", target, "--as-of", "2026-12-07", "--strict")
    assert status == 1 and out == "" and not target.exists()
    assert err.splitlines()[-1] == ("factsheet: The Word document was not written: 8 things to check before "
                                    "printing are listed above; run without --strict to write it anyway.")


def test_hostile_and_very_long_text_is_written_as_typed_and_shortened(qapp, capsys, seeded_path, tmp_path):
    markup = "<b>bold</b> <a href='javascript:alert(1)'>click</a> Қазақстан 😀 \x1b[31mred\x07"
    raw = sqlite3.connect(seeded_path)
    raw.execute("UPDATE agreements SET title = title || ' ' || ?", [markup])
    raw.execute("UPDATE agreements SET title = ? WHERE id = (SELECT max(id) FROM agreements)",
                ["Абай облысы — Омская область. " * 100_000])
    raw.commit()
    raw.close()
    target = tmp_path / "sheet.docx"
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", target, "--as-of", "2025-07-02")
    assert status == 0, err
    text = "\n".join(body_lines(target))
    assert "<b>bold</b> <a href='javascript:alert(1)'>click</a> Қазақстан 😀 ␛[31mred␇" in text
    assert "shortened; 3,000,000 characters in all]" in text
    assert target.stat().st_size < 400_000


@pytest.mark.slow
def test_runs_without_a_display(seeded_path, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "headless.docx"
    result = subprocess.run([sys.executable, "-m", "desktop", "docx", "--db", str(seeded_path), "--parties",
                             "Abai region", "Omsk region", "-o", str(target)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target) and "Traceback" not in result.stderr
    assert body_lines(target)[0] == "Abai region – Omsk region"
