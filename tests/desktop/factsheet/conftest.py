"""Fact-sheet helpers: reading PDFs back."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, with runs of white space as single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
