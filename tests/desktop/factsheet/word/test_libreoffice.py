"""The Word document as LibreOffice opens it: converted to PDF by ``soffice``, every fact is on
its pages in order, the pages number themselves, the chart is there and Kazakh letters print.

Skipped where LibreOffice is not installed (``make test`` installs it as root, with apt-get,
where it can); the document is then checked only by reading it back with python-docx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.factsheet.word.document import write_docx
from tests.desktop.factsheet.conftest import pdf_pages
from tests.desktop.factsheet.word.conftest import body_lines, sheet_of, squeeze

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")]


def _converted(document: Path, tmp_path: Path) -> Path:
    """``document`` converted to PDF by LibreOffice, with a profile of its own."""
    out = tmp_path / "converted"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), str(document)],
                            capture_output=True, text=True, timeout=180)
    pdf = out / (document.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


def test_libreoffice_prints_every_fact_in_order_with_numbered_pages_and_the_chart(qapp, seeded_db, tmp_path):
    document = tmp_path / "sheet.docx"
    write_docx(sheet_of(seeded_db), document)
    pdf = _converted(document, tmp_path)
    pages = pdf_pages(pdf)
    text = squeeze(" ".join(pages))
    position = 0
    for line in filter(None, map(squeeze, body_lines(document))):
        found = text.find(line, position)
        assert found >= 0, f"{line!r} is not on the pages after {text[position - 80:position]!r}"
        position = found + len(line)
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert all(page.startswith("Fact sheet: Abai region – Omsk region") for page in pages)
    assert any(page.images for page in PdfReader(pdf).pages)


def test_libreoffice_prints_a_kazakh_sheet_in_kazakh_letters(qapp, seeded_db, tmp_path):
    document = tmp_path / "kk.docx"
    write_docx(sheet_of(seeded_db, language="kk"), document)
    text = " ".join(pdf_pages(_converted(document, tmp_path)))
    assert "Абай облысы – Омбы облысы" in text and "Ертіс" in text
    assert "2 беттің 1-беті" in text
