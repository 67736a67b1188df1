"""The sheet's blocks as the Word document's body: headings, paragraphs, tables and the chart.

Each block ``desktop.factsheet.content`` makes for the printed sheet becomes its Word
counterpart, in the same order, with the same words:

- a ``Heading`` (``<h2>``, ``<h3>``) is a paragraph in Word's Heading 1 or Heading 2 style, so
  the navigation pane and a table of contents find the sections;
- a ``Table`` is a Word table with the PDF's column widths and rules: its header row shaded
  and repeated at the top of every page the table runs onto (``w:tblHeader``), no row split
  between pages (``w:cantSplit``), rows that belong to the row before them (a figure's note)
  kept on its page with no rule between, and a note laid across the whole width merged into
  one cell. The printed sheet's "(continued)" line is left out: Word repeats the header row
  itself wherever its own pages break;
- a one-column table without rules (a line of text, the notes under a section) is plain
  paragraphs, and a ``Gap`` the space before the next of them;
- a ``Drawing`` (the trade chart) is a picture painted at print resolution (``picture``), kept
  on the page of its caption, with the section's title as its description for screen readers.
"""

from __future__ import annotations

import io

from docx.document import Document
from docx.shared import Emu, Pt
from docx.table import Table as WordTable
from docx.table import _Cell, _Row

from desktop.factsheet.blocks import Block, Drawing, Gap, Heading, Row, Table
from desktop.factsheet.plain_text import Style
from desktop.factsheet.typesetter import (
    CELL_PAD_X,
    CELL_PAD_Y,
    HEADER_FILL,
    HEADER_RULE_COLOUR,
    RULE_COLOUR,
)
from desktop.factsheet.word import picture, xml
from desktop.factsheet.word.markup import Paragraph, add_runs, paragraphs

_RULE = xml.line(4, RULE_COLOUR.name()[1:].upper())
_HEADER_RULE = xml.line(4, HEADER_RULE_COLOUR.name()[1:].upper())
_FILL = HEADER_FILL.name()[1:].upper()
TWIPS_PER_EMU = 1 / 635


class Body:
    """Adds blocks, one after the other, to the end of a python-docx document."""

    def __init__(self, document: Document, width: int, styles: dict[str, Style]) -> None:
        self.document = document
        self.width = width  # of the text between the margins, in EMU
        self.styles = styles
        self.gap = 0.0  # points of space before the next paragraph
        self.title = ""  # the last heading's text: the description of a picture under it
        self.after_table = False

    def add(self, block: Block) -> None:
        if isinstance(block, Gap):
            self.gap += block.points
        elif isinstance(block, Heading):
            found = paragraphs(block.html, self.styles)
            self.title = " ".join(p.text for p in found)
            for paragraph in found:
                self._paragraph(paragraph)
        elif isinstance(block, Table) and len(block.widths) == 1 and not block.rules and not block.header:
            for row in block.rows:
                for paragraph in paragraphs(row.cells[0], self.styles):
                    self._paragraph(paragraph)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Drawing):
            self._picture(block)

    # -- paragraphs -----------------------------------------------------------------------
    def _paragraph(self, found: Paragraph) -> None:
        paragraph = self.document.add_paragraph(style=found.style)
        add_runs(paragraph, found.runs)
        if self.gap:
            paragraph.paragraph_format.space_before = Pt(self.gap)
            self.gap = 0.0
        self.after_table = False

    def _picture(self, drawing: Drawing) -> None:
        png = picture.png(drawing, self.width / 12700)
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True  # the caption under it
        if self.gap:
            paragraph.paragraph_format.space_before = Pt(self.gap)
            self.gap = 0.0
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Emu(self.width))
        shape._inline.docPr.set("descr", self.title)  # type: ignore[attr-defined]
        self.after_table = False

    # -- tables ---------------------------------------------------------------------------
    def _table(self, block: Table) -> None:
        if self.after_table:  # two tables in a row would become one in Word
            self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        total = sum(block.widths)
        widths = [int(self.width * weight / total) for weight in block.widths]
        table = self.document.add_table(rows=0, cols=len(widths))
        table.autofit = False
        properties = table._tbl.tblPr
        xml.put(properties, "w:tblW", w=str(round(sum(widths) * TWIPS_PER_EMU)), type="dxa")
        rule = _RULE if block.rules else xml.NONE
        xml.borders(properties, "w:tblBorders", {"top": xml.NONE, "left": xml.NONE, "bottom": rule,
                                                 "right": xml.NONE, "insideH": rule, "insideV": xml.NONE})
        xml.cell_margins(properties, side_twips=round(CELL_PAD_X * 20) if len(widths) > 1 or block.rules else 0,
                         top_twips=round(CELL_PAD_Y * 20))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
        if block.header:
            self._header(table, block.header, widths)
        before: _Row | None = None
        for row in block.rows:
            added = self._row(table, row, widths)
            if row.joined and before is not None:
                _keep_together(before, added)
            before = added
        self.gap = 0.0
        self.after_table = True

    def _cells(self, table: WordTable, texts: tuple[str, ...], widths: list[int], *, span: bool) -> _Row:
        row = table.add_row()
        xml.row_flag(row._tr, "w:cantSplit")
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Emu(width)
        if span and len(cells) > 1:
            cells = [cells[0].merge(cells[-1])]
        for cell, html in zip(cells, texts, strict=False):
            self._fill(cell, html)
        return row

    def _header(self, table: WordTable, texts: tuple[str, ...], widths: list[int]) -> None:
        row = self._cells(table, texts, widths, span=False)
        xml.row_flag(row._tr, "w:tblHeader")
        for cell in row.cells:
            properties = cell._tc.get_or_add_tcPr()
            xml.borders(properties, "w:tcBorders", {"bottom": _HEADER_RULE})
            xml.shade(properties, _FILL)

    def _row(self, table: WordTable, row: Row, widths: list[int]) -> _Row:
        return self._cells(table, row.cells, widths, span=row.span)

    def _fill(self, cell: _Cell, html: str) -> None:
        for index, found in enumerate(paragraphs(html, self.styles)):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            if found.style:
                paragraph.style = self.document.styles[found.style]
            add_runs(paragraph, found.runs)


def _keep_together(before: _Row, row: _Row) -> None:
    """``row`` belongs to the row before it: on the same page, with no rule between them."""
    for cell in before.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
        xml.borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", {"bottom": xml.NONE})
    for cell in row.cells:
        xml.borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", {"top": xml.NONE})
