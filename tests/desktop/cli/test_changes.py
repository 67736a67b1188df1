"""Briefings remembered from the command line: the second sheet says what changed since the
first, and ``factsheet changes`` prints the same."""

from __future__ import annotations

import re

from db.file.connection import open_database
from db.sheet import briefings
from desktop.app import main
from tests.db.sheet.test_changes import change_three_things
from tests.desktop.factsheet.conftest import pdf_pages

THREE = [
    "Yelena Mishchenko took office as Minister of Economy of the Omsk region (since Feb 2026).",
    "Held: International cross-border forum “Irtysh – River of Friendship and Development”, Q4 2025.",
    "New figure: Trade turnover, Abai region – Russian Federation, 2025: USD 301.2 million.",
]
OTHER_CHANGES = ("New agreement", "Agreement changed", "left office", "Newly planned", "Revised figure",
                 "New event", "moved to", "now ")


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf(capsys, seeded_path, out, *extra) -> None:
    status = main(["pdf", "--db", str(seeded_path), "--parties", "Abai region", "Omsk region", "-o", str(out),
                   *extra])
    _out, err = capsys.readouterr()
    # Only the check before printing speaks on stderr; the briefing was remembered.
    assert status == 0 and (err == "" or err.startswith("factsheet: Before printing, check")), err
    assert "not remembered" not in err


def test_the_second_sheet_lists_exactly_the_three_changes_and_so_does_changes(qapp, capsys, seeded_path, tmp_path):
    _pdf(capsys, seeded_path, tmp_path / "first.pdf")
    db = open_database(seeded_path)
    [first] = briefings.briefings(db)
    assert (first.how, first.pair, first.language) == ("pdf", "Abai region – Omsk region", "en")
    change_three_things(db, tmp_path)
    db.close()

    _pdf(capsys, seeded_path, tmp_path / "second.pdf", "--since", "last")
    text = _words(" ".join(pdf_pages(tmp_path / "second.pdf")))
    section = text[text.index(f"Changes since the briefing of {first.day_label}"):text.index("Key figures")]
    for line in THREE:
        assert _words(line) in section, (line, section)
    assert not [words for words in OTHER_CHANGES if words in section], section
    assert "Trend News Agency, 2 Jul 2025" in section  # each line with its source

    status = main(["changes", "--db", str(seeded_path), "--parties", "Omsk region", "Abai region", "--since",
                   first.day.isoformat()])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    printed = out.splitlines()
    assert printed[0] == f"Changes since the briefing of {first.day_label}:"
    assert [line.strip()[2:].split(" [")[0] for line in printed if line.strip().startswith("– ")] == THREE
    db = open_database(seeded_path)
    assert len(briefings.briefings(db)) == 2  # the second sheet is remembered too
    db.close()


def test_changes_without_a_briefing_is_one_sentence(capsys, seeded_path):
    status = main(["changes", "--db", str(seeded_path), "--parties", "Abai region", "Omsk region", "--since", "last"])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.startswith("factsheet: No briefing about this pair has been printed or saved yet")
    assert err.count("\n") == 1
