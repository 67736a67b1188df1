"""A two-page briefing from any amount of data, as the reader gets it in the PDF."""

import datetime as dt
import re

import pytest

from db.file.connection import open_database
from db.sheet.compose import compose
from desktop.factsheet.render import write_pdf
from tests.db.sheet.long_data import pair_ids
from tests.db.sheet.rich_data import RICH_AS_OF
from tests.desktop.factsheet.conftest import pdf_pages

TODAY = dt.date(2026, 12, 7)


def _pdf(path, target, day, *, long=False, page_size="A4"):
    db = open_database(path, read_only=True)
    try:
        sheet = compose(db, *pair_ids(db), as_of=day, long=long, generated=dt.date(2026, 1, 15))
    finally:
        db.close()
    write_pdf(sheet, target, page_size)
    return pdf_pages(target)


@pytest.fixture(scope="module")
def rich_pages(qapp, _rich_template, tmp_path_factory):
    return _pdf(_rich_template, tmp_path_factory.mktemp("rich") / "rich.pdf", RICH_AS_OF)


def test_a_data_rich_pair_prints_on_at_most_two_pages(rich_pages):
    assert len(rich_pages) <= 2
    assert f"Page {len(rich_pages)} of {len(rich_pages)}" in rich_pages[-1]


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("day", [RICH_AS_OF, TODAY])
def test_the_briefing_fits_two_pages_on_other_days_and_paper(qapp, _rich_template, tmp_path, page_size, day):
    assert len(_pdf(_rich_template, tmp_path / "sheet.pdf", day, page_size=page_size)) <= 2


def test_key_figures_hold_the_latest_year_and_year_to_date_with_their_comparisons(rich_pages):
    text = " ".join(rich_pages)
    figures = text[text.index("Key figures"):text.index("Mirror statistics")]
    assert re.search(r"Exports USD 183\.5 million 2024 · \+4\.\d% on 2023", figures), figures
    assert re.search(r"Exports USD 141\.7 million Jan–Sep 2025 part of a year · \+4\.\d% on Jan–Sep 2024", figures)
    # No single month, and no part of a year older than Jan–Sep 2025.
    assert not re.search(r"(?<![–\w])(?<!\d )(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b", figures)
    assert "Jan–May 2025" not in figures and "Q3 2025" not in figures


def test_both_reporters_figures_for_one_flow_stand_side_by_side_with_their_names(rich_pages):
    text = " ".join(rich_pages)
    mirror = text[text.index("Mirror statistics"):text.index("Agreements")]
    assert "Exports of Abai region to Russian Federation; as the partner counts it: Imports of Russian " \
           "Federation from Abai region" in mirror
    assert re.search(r"2024 USD 183\.5 million reported by Kazakhstan \[\d\] USD 191\.4 million reported by "
                     r"Russian Federation \[\d\] \+4\.3%", mirror), mirror
    assert "free on board (FOB)" in mirror


def test_each_shortened_section_says_how_much_it_left_out(rich_pages):
    text = " ".join(rich_pages)
    assert re.search(r"\d+ more agreements are recorded; the long version lists them\.", text)
    assert re.search(r"\d+ more officials of Abai region and \d+ more officials of Omsk region are recorded", text)
    assert re.search(r"and \d+ more — run “factsheet check” for the full list\.", text)


def test_the_long_version_prints_everything_on_more_pages(qapp, _rich_template, tmp_path):
    pages = _pdf(_rich_template, tmp_path / "long.pdf", RICH_AS_OF, long=True)
    text = " ".join(pages)
    assert len(pages) > 2
    assert text.count("on cooperation of the Abai and Omsk regions") == 30
    assert "more agreements are recorded" not in text and "run “factsheet check”" not in text


def test_the_seed_says_the_protocols_validity_is_not_stated_and_the_forums_date_passed(qapp, seeded_path, tmp_path):
    text = " ".join(_pdf(seeded_path, tmp_path / "seed.pdf", TODAY))
    assert re.search(r"Protocol on the joint use and development of the Irtysh River · Protocol Jul 2025 — signed, "
                     r"validity not stated", text), text
    assert re.search(r"Irtysh – River of Friendship and Development” · Forum Omsk date passed — not confirmed held",
                     text)
    assert "No planned events are recorded." in text
    assert "last verified 17 months ago" in text


def test_every_position_row_carries_its_source_marker(qapp, seeded_path, tmp_path):
    text = " ".join(_pdf(seeded_path, tmp_path / "seed.pdf", dt.date(2025, 7, 2)))
    officials = text[text.index("Officials"):text.index("Events")]
    assert officials.count("[1]") == 4  # one position of Uali and Khotsenko, two of Shpilenko
