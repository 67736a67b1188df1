"""The PDF as a reader gets it: read back with pypdf, page by page."""

import datetime as dt
import math
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.errors import FactSheetError
from db.file.connection import open_database
from db.seed import load_seed
from db.sheet.compose import compose
from db.sheet.options import ALL_SECTIONS
from desktop.factsheet import chart
from desktop.factsheet.render import write_pdf
from tests.db.sheet.long_data import AGREEMENTS, HTML_NAME, KAZAKH_NAMES, LONG_AS_OF, pair_ids
from tests.desktop.factsheet.conftest import (
    pdf_pages,
)

SEED_DAY = dt.date(2025, 7, 2)
# How the PDF sets the exports bars' fill colour: red, green and blue, then the operator.
EXPORTS_FILL = re.compile(rb" ".join(
    re.escape(f"{math.floor(c * 1e4) / 1e4:.4f}".encode()) + rb"\d*" for c in chart.EXPORTS.getRgbF()[:3]) + rb" scn")


def _write(db, path, *, as_of=SEED_DAY, sections=ALL_SECTIONS, page_size="A4", long=False):
    sheet = compose(db, *pair_ids(db), as_of=as_of, sections=sections, generated=dt.date(2026, 1, 15), long=long)
    write_pdf(sheet, path, page_size)
    return path


@pytest.fixture(scope="module")
def seed_pdf(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-pdf")
    db = open_database(folder / "seed.factsheet")
    load_seed(db)
    try:
        return _write(db, folder / "seed.pdf")
    finally:
        db.close()


@pytest.fixture(scope="module")
def seed_text(seed_pdf):
    return " ".join(pdf_pages(seed_pdf))


def test_seed_sheet_has_every_key_figure_with_unit_and_period(seed_text):
    text = seed_text
    for figure, period in (("USD 128.6 million", "Jan–May 2025"), ("USD 67.8 million", "Jan–May 2025"),
                           ("USD 70.4 million", "Jan–May 2025"), ("USD 507 million", "2024"),
                           ("178 enterprises", "as of 2 Jul 2025")):
        assert re.search(re.escape(figure) + r"( see data-quality note 1)? " + re.escape(period), text), figure
    assert text.count("Abai region – Russian Federation") >= 5
    assert "part of a year" in text


def test_text_reads_back_as_letters_not_ligatures(seed_text):
    text = seed_text
    assert "Key figures" in text and "Officials" in text and "confident" in text
    assert not set(text) & {"\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04"}


def test_seed_sheet_fits_two_pages_with_header_and_footer_on_each(seed_pdf):
    pages = pdf_pages(seed_pdf)
    assert 1 <= len(pages) <= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Fact sheet: Abai region – Omsk region" in text
        assert "As of 2 Jul 2025" in text and "Generated 15 Jan 2026" in text


def test_seed_sheet_notes_that_the_january_may_trade_does_not_add_up(seed_text):
    text = seed_text
    note = text[text.index("Data-quality notes"):]
    assert "Jan–May 2025" in note and "128.6" in note and "138.2" in note
    assert text.count("see data-quality note 1") == 3


def test_seed_sheet_numbers_its_sources(seed_text):
    text = seed_text
    sources = text[text.rindex("Sources"):]
    assert sources.startswith("Sources 1. Trend News Agency. Abai region and Omsk region sign protocol")
    assert "published 2 Jul 2025" in sources
    assert text.count("[1]") >= 10


def test_seed_sheet_shows_both_parties_in_both_scripts_and_every_section(seed_text):
    text = seed_text
    for expected in ("Абайская область · Абай облысы", "Омская область · Омбы облысы", "Kazakhstan · Казахстан",
                     "Berik Uali Берик Уали", "Andrei Shpilenko Андрей Шпиленко",
                     "Interaction Plan on international and foreign economic relations for 2025–2028",
                     "2025 – 2028", "in force", "Q4 2025", "Omsk", "Trade: Abai region – Russian Federation",
                     "Key statements", "I am confident that this visit will mark the beginning"):
        assert expected in text, expected


def test_fonts_are_embedded(seed_pdf):
    reader = PdfReader(seed_pdf)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert any("DejaVuSans" in name for name in fonts)


def test_the_chart_is_drawn_as_vectors_on_the_page(qapp, seeded_db, tmp_path):
    def page_content(sections):
        reader = PdfReader(_write(seeded_db, tmp_path / f"{len(sections)}.pdf", sections=sections))
        return b"".join(page.get_contents().get_data() for page in reader.pages)

    with_chart, without = page_content(ALL_SECTIONS), page_content(ALL_SECTIONS - {"chart"})
    assert EXPORTS_FILL.search(with_chart) and not EXPORTS_FILL.search(without)
    assert b"/Image" not in with_chart  # vector paths, not a picture
    assert with_chart.count(b" re\n") + with_chart.count(b" l\n") > without.count(b" re\n") + without.count(b" l\n")


def test_letter_paper_gives_letter_pages(qapp, seeded_db, tmp_path):
    box = PdfReader(_write(seeded_db, tmp_path / "letter.pdf", page_size="Letter")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    box = PdfReader(_write(seeded_db, tmp_path / "a4.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.fixture(scope="module")
def long_pages(qapp, long_path, tmp_path_factory):
    """The long version of a sheet with much to say: every section in full."""
    db = open_database(long_path)
    try:
        return pdf_pages(_write(db, tmp_path_factory.mktemp("long-pdf") / "long.pdf", as_of=LONG_AS_OF, long=True))
    finally:
        db.close()


def test_a_long_sheet_runs_over_three_pages_with_page_numbers(long_pages):
    assert len(long_pages) >= 3
    for number, text in enumerate(long_pages, start=1):
        assert f"Page {number} of {len(long_pages)}" in text


def test_a_long_table_repeats_its_header_on_each_page_it_continues_on(long_pages):
    continued = [text for text in long_pages if "Agreements (continued)" in text]
    assert len(continued) >= 2
    for text in continued:
        after = text[text.index("Agreements (continued)"):]
        assert after.startswith("Agreements (continued) Agreement Signed Valid Status on 30 Jun 2026 Sources")


def test_no_agreement_row_is_split_across_pages(long_pages):
    for n in range(1, AGREEMENTS + 1):
        if n == 7:
            continue
        begin = [i for i, text in enumerate(long_pages) if f"begin{n:02d}" in text]
        end = [i for i, text in enumerate(long_pages) if f"end{n:02d}" in text]
        assert len(begin) == 1 and begin == end, n


def test_names_typed_as_html_print_as_those_characters(long_pages):
    text = " ".join(long_pages)
    assert f"Memorandum {HTML_NAME} on cultural exchange" in text
    assert text.count(HTML_NAME) >= 3  # the agreement, the official's two names, the statement


def test_kazakh_and_cyrillic_letters_can_be_read_back(long_pages):
    text = " ".join(long_pages)
    for name in KAZAKH_NAMES:
        assert name in text
    assert set("әғқңөұүһі") <= set(text.casefold())
    assert "Бюро национальной статистики" in text and "Өскемен" in text


def test_an_unwritable_path_gives_a_sentence_and_leaves_nothing(qapp, seeded_db, tmp_path):
    sheet = compose(seeded_db, *pair_ids(seeded_db), as_of=SEED_DAY)
    with pytest.raises(FactSheetError, match="does not exist"):
        write_pdf(sheet, tmp_path / "missing" / "sheet.pdf")
    with pytest.raises(FactSheetError, match="is a folder"):
        write_pdf(sheet, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # Permissions do not stop the superuser; /proc refuses new files even to them.
        folder = Path("/proc") if os.geteuid() == 0 else locked
        with pytest.raises(FactSheetError, match=f"You may not write to {folder}, so “sheet.pdf” was not saved."):
            write_pdf(sheet, folder / "sheet.pdf")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_a_failed_write_keeps_the_earlier_pdf(qapp, seeded_db, tmp_path, monkeypatch):
    from desktop.factsheet import render

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "sheet.pdf"
    target.write_bytes(b"%PDF earlier")

    def broken(*args):
        raise FactSheetError("The printer is on fire.")

    monkeypatch.setattr(render, "render", broken)
    sheet = compose(seeded_db, *pair_ids(seeded_db), as_of=SEED_DAY)
    with pytest.raises(FactSheetError):
        write_pdf(sheet, target)
    assert target.read_bytes() == b"%PDF earlier"
    assert [p.name for p in target.parent.iterdir()] == ["sheet.pdf"]
