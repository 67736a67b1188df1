"""``factsheet pdf``: the fact sheet from the command line, with no display."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from db import store
from db.file.connection import open_database
from db.model.records import Party
from desktop.app import main
from tests.desktop.factsheet.conftest import pdf_pages


def _run(capsys, *args) -> tuple[int, str, str]:
    status = main(["pdf", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def _one_sentence(err: str) -> str:
    line = err.strip()
    assert line.count("\n") == 0 and "Traceback" not in line
    assert line.startswith("factsheet: ")
    return line.removeprefix("factsheet: ")


def test_writes_the_sheet_and_prints_the_path(qapp, capsys, seeded_path, tmp_path):
    out_pdf = tmp_path / "sheet.pdf"
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                            "-o", out_pdf, "--as-of", "2025-07-02")
    assert (status, out.strip()) == (0, str(out_pdf))
    # The seed's Jan–May 2025 has no Jan–May 2024 to compare with: said before printing, on stderr.
    assert err.startswith("factsheet: Before printing, check 3 things that would make this sheet misleading:\n")
    text = " ".join(pdf_pages(out_pdf))
    assert "As of 2 Jul 2025" in text and "USD 128.6 million" in text


def test_figures_published_in_two_scales_print_in_one_unit_saying_how_each_was_published(
        qapp, capsys, scales_path, tmp_path):
    out_pdf = tmp_path / "scales.pdf"
    status, _out, err = _run(capsys, "--db", scales_path, "--parties", "Abai region", "Omsk region",
                             "-o", out_pdf, "--as-of", "2025-12-01")
    assert status == 0, err
    pages = pdf_pages(out_pdf)
    assert len(pages) <= 2
    text = " ".join(pages)
    # The akimat's USD 507,000 thousand and the article's USD 507 million: one figure, in the unit most use.
    assert "Investment inflow USD 507,000 thousand published as USD 507 million 2024 · +23.0% on 2023" in text
    assert "USD 128,600 thousand published as USD 128.6 million" in text
    assert "Figures for 2024, Jan–May 2025 were published in USD million and are drawn in USD thousand." in text
    assert "Also recorded in KZT billion; not drawn." in text


def test_party_names_match_english_or_local_names_in_any_case(qapp, capsys, seeded_path, tmp_path):
    out_pdf = tmp_path / "local.pdf"
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "АБАЙ ОБЛЫСЫ", "омская область",
                             "-o", out_pdf, "--page-size", "letter")
    assert status == 0, err
    assert pdf_pages(out_pdf)[0].startswith("Fact sheet: Abai region – Omsk region")


@pytest.mark.parametrize(("parties", "sentence"), [
    (("Abai region", "Tomsk region"), "No party called “Tomsk region” is in the database."),
    (("Abai", "Omsk region"), "No party called “Abai” is in the database. Did you mean “Abai region / "
                              "Абайская область” or “Administration (akimat) of the Abai region / "
                              "Акимат Абайской области”?"),
    (("Abai region", "abai region"), "“Abai region” and “abai region” are the same party; name two different "
                                     "ones."),
])
def test_an_unknown_party_is_one_sentence_and_no_file(capsys, seeded_path, tmp_path, parties, sentence):
    out_pdf = tmp_path / "sheet.pdf"
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", *parties, "-o", out_pdf)
    assert status == 1 and out == ""
    assert _one_sentence(err) == sentence
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_ambiguous_party_is_refused(capsys, seeded_path, tmp_path):
    db = open_database(seeded_path)
    store.save(db, Party(kind="organisation", name_en="Omsk", name_ru="Омск"))
    db.close()
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "omsk",
                             "-o", tmp_path / "x.pdf")
    assert status == 1
    assert _one_sentence(err) == ("“omsk” could mean 2 parties (Omsk (city); Omsk (organisation)); use a name "
                                  "only one of them has.")


@pytest.mark.parametrize(("as_of", "sentence"), [
    ("2025-02-30", "The --as-of date '2025-02-30' is not a real calendar date."),
    ("July 2025", "The --as-of date 'July 2025' is not a date in the form YYYY-MM-DD."),
])
def test_a_bad_date_is_one_sentence(capsys, seeded_path, tmp_path, as_of, sentence):
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", tmp_path / "x.pdf", "--as-of", as_of)
    assert status == 1 and _one_sentence(err) == sentence


def test_an_unreadable_database_is_one_sentence_and_left_alone(capsys, tmp_path):
    bad = tmp_path / "notes.factsheet"
    bad.write_text("not a database")
    status, _out, err = _run(capsys, "--db", bad, "--parties", "A", "B", "-o", tmp_path / "x.pdf")
    assert status == 1
    assert _one_sentence(err) == "“notes.factsheet” is not a Fact Sheet database (it is not an SQLite file)."
    assert bad.read_text() == "not a database"
    status, _out, err = _run(capsys, "--db", tmp_path / "missing.factsheet", "--parties", "A", "B",
                             "-o", tmp_path / "x.pdf")
    assert status == 1 and _one_sentence(err).startswith("There is no file at ")
    assert not (tmp_path / "missing.factsheet").exists()


def test_an_unwritable_path_is_one_sentence(qapp, capsys, seeded_path, tmp_path):
    target = tmp_path / "no-such-folder" / "sheet.pdf"
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region", "-o", target)
    assert status == 1
    assert _one_sentence(err) == (f"The folder {target.parent} does not exist, so “sheet.pdf” cannot be "
                                  "written there.")
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", tmp_path)
    assert status == 1 and _one_sentence(err) == f"{tmp_path} is a folder; give a file name for the PDF."


def test_a_bad_page_size_is_one_sentence(capsys, seeded_path, tmp_path):
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", tmp_path / "x.pdf", "--page-size", "A5")
    assert status == 1 and _one_sentence(err) == "“A5” is not a page size; use A4 or Letter."


@pytest.mark.slow
def test_runs_without_a_display_and_reports_its_time(seeded_path, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out_pdf = tmp_path / "headless.pdf"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "desktop", "pdf", "--db", str(seeded_path), "--parties",
                             "Abai region", "Omsk region", "-o", str(out_pdf)],
                            capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out_pdf)
    assert result.stderr.startswith("factsheet: Before printing, check") and "Traceback" not in result.stderr
    assert len(pdf_pages(out_pdf)) in (1, 2)
    print(f"factsheet pdf for the seed took {elapsed:.2f} s")  # measured, never asserted


def test_hostile_and_very_long_text_prints_as_typed_and_shortened(qapp, capsys, seeded_path, tmp_path):
    """Markup prints as its characters (no bold, no link); a title of megabytes prints its
    start and how long it is, and the sheet stays a few pages."""
    import sqlite3

    from pypdf import PdfReader

    markup = "<b>bold</b> <a href='javascript:alert(1)'>click</a> Қазақстан 😀"
    raw = sqlite3.connect(seeded_path)
    raw.execute("UPDATE agreements SET title = title || ' ' || ?", [markup])
    raw.execute("UPDATE agreements SET title = ? WHERE id = (SELECT max(id) FROM agreements)",
                ["Абай облысы — Омская область. " * 100_000])
    raw.commit()
    raw.close()
    out_pdf = tmp_path / "sheet.pdf"
    status, _out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                             "-o", out_pdf, "--as-of", "2025-07-02")
    assert status == 0, err
    pages = pdf_pages(out_pdf)
    text = " ".join(pages)
    assert "<b>bold</b> <a href='javascript:alert(1)'>click</a> Қазақстан" in text
    assert "shortened; 3,000,000 characters in all]" in text
    assert len(pages) <= 4
    links = [a.get_object().get("/A", {}).get("/URI", "") for page in PdfReader(out_pdf).pages
             for a in page.get("/Annots", [])]
    assert not any("javascript" in str(uri) for uri in links)  # no link made of the markup


# -- the check before printing, the long version -------------------------------------------------------

def test_what_to_check_before_printing_is_listed_on_stderr_and_the_pdf_written(qapp, capsys, seeded_path, tmp_path):
    out_pdf = tmp_path / "sheet.pdf"
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                            "-o", out_pdf, "--as-of", "2026-12-07")
    assert (status, out.strip()) == (0, str(out_pdf)) and out_pdf.exists()
    lines = err.splitlines()
    assert lines[0] == "factsheet: Before printing, check 8 things that would make this sheet misleading:"
    assert lines[1] == "Planned events whose date has passed"
    assert lines[2].startswith("  • International cross-border forum “Irtysh – River of Friendship and Development” "
                               "(Q4 2025) is still recorded as planned") and lines[2].endswith("[event 2]")
    assert "Officials not verified for over a year" in lines and "Traceback" not in err


def test_strict_refuses_with_exit_status_one_and_writes_nothing(qapp, capsys, seeded_path, tmp_path):
    out_pdf = tmp_path / "sheet.pdf"
    status, out, err = _run(capsys, "--db", seeded_path, "--parties", "Abai region", "Omsk region",
                            "-o", out_pdf, "--as-of", "2026-12-07", "--strict")
    assert status == 1 and out == "" and not out_pdf.exists() and list(tmp_path.glob("*.pdf")) == []
    assert err.splitlines()[-1] == ("factsheet: The PDF was not written: 8 things to check before printing are "
                                    "listed above; run without --strict to write it anyway.")


def test_strict_writes_a_sheet_with_nothing_to_check(qapp, capsys, rich_path, tmp_path):
    from db.file.connection import open_database

    db = open_database(rich_path)  # every check done: events held, officials verified, validity extended
    db.execute("UPDATE events SET status = 'held' WHERE status = 'planned'")
    db.execute("UPDATE positions SET verified_on = '2025-12-01'")
    db.execute("UPDATE agreements SET valid_until = '2030-01-01', valid_until_precision = 'year'")
    db.close()
    out_pdf = tmp_path / "rich.pdf"
    status, _out, err = _run(capsys, "--db", rich_path, "--parties", "Abai region", "Omsk region",
                             "-o", out_pdf, "--as-of", "2025-12-15", "--strict")
    assert (status, err) == (0, "")
    assert len(pdf_pages(out_pdf)) <= 2


def test_long_writes_every_section_in_full(qapp, capsys, rich_path, tmp_path):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    for target, extra in ((short, ()), (long, ("--long",))):
        status, _out, _err = _run(capsys, "--db", rich_path, "--parties", "Abai region", "Omsk region",
                                  "-o", target, "--as-of", "2025-12-15", *extra)
        assert status == 0
    assert len(pdf_pages(short)) <= 2 < len(pdf_pages(long))
    assert "more agreements are recorded" in " ".join(pdf_pages(short))
    assert "more agreements are recorded" not in " ".join(pdf_pages(long))
