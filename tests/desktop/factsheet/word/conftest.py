"""Word-document helpers: composing a sheet, writing it as PDF and Word, reading both back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.table import Table

from db.read import queries
from db.sheet.briefing_sections import compose_sheet
from db.sheet.options import ALL_SECTIONS
from tests.desktop.factsheet.conftest import pdf_pages

SEED_DAY = dt.date(2025, 7, 2)


def sheet_of(db, *, as_of=SEED_DAY, language="en", long=False, sections=ALL_SECTIONS):
    a, b = (queries.find_parties(db, name)[0].id for name in ("Abai region", "Omsk region"))
    return compose_sheet(db, a, b, as_of=as_of, sections=sections, language=language, long=long)


def body_lines(path: Path) -> list[str]:
    """The text of the document's body in reading order: each paragraph, and each table row by
    row, cell by cell (a merged cell once), paragraph by paragraph."""
    lines: list[str] = []
    for item in docx.Document(str(path)).iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen: list = []
                for cell in row.cells:
                    if not any(cell._tc is other for other in seen):
                        seen.append(cell._tc)
                        lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(item.text)
    return lines


def squeeze(text: str) -> str:
    """Text without white space: line breaks fall in other places in a PDF than in Word."""
    return "".join(text.split())


def pdf_body(path: Path, sheet, headers: list[str]) -> str:
    """The PDF's text, squeezed, without what Word puts elsewhere or draws as a picture: each
    page's header and footer, the "(continued)" line and header row repeated where a table runs
    onto a page, and the words the chart paints."""
    pages = pdf_pages(path)
    frame = [squeeze(f"Fact sheet: {sheet.title}"), squeeze(f"As of {sheet.as_of_label}"),
             squeeze(f"Generated {sheet.generated_label} with Fact Sheet")]
    text = ""
    for number, page in enumerate(pages, start=1):
        page = squeeze(page)
        for part in [*frame, squeeze(f"Page {number} of {len(pages)}")]:
            assert page.startswith(part), (part, page[:200])
            page = page[len(part):]
        head, continued, rest = page.partition("(continued)")
        if continued and len(head) < 80:
            page = rest
            for header in headers:
                if page.startswith(header):
                    page = page[len(header):]
                    break
        text += page
    if sheet.chart is not None:
        title = squeeze(f"Trade: {sheet.chart.subject} – {sheet.chart.counterpart}")
        caption = squeeze(f"Trade of {sheet.chart.subject} with {sheet.chart.counterpart}")
        start = text.index(title) + len(title)
        text = text[:start] + text[text.index(caption, start):]
    return text


def header_rows(path: Path) -> list[str]:
    """Each table's repeated header row, squeezed."""
    document = docx.Document(str(path))
    return [squeeze("".join(cell.text for cell in table.rows[0].cells)) for table in document.tables
            if table.rows and table.rows[0]._tr.trPr is not None
            and table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None]
