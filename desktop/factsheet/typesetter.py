"""Setting the sheet's text on the device, and measuring each block into units to place.

All text is laid out on the device itself (``Typesetter``), so font sizes in points come out
the same on a 1200 dpi printer, a 300 dpi PDF and the preview. A cell in the simple markup
``content`` writes is set as plain styled runs (``plain_text``, one ``QTextLayout`` per
paragraph); anything richer as a ``QTextDocument``. Both answer the same questions
(height, lines, drawing), so the layout does not care which it got;
every length in this module is in the device's pixels, converted from points by ``px``.
``Measurer`` turns a block into ``Unit``s: a heading, a drawing, a table's header row,
its "continued" line and its rows (rows marked ``joined`` stacked with the row before
them), each knowing its height, how to paint any part of itself, and where it may be cut
without cutting a line of text in two. Text without a colour of its own is black on the
paper, whatever the screen's theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
    QTextOption,
)

from desktop.factsheet.blocks import Drawing, Heading, Table
from desktop.factsheet.fonts import printing_font
from desktop.factsheet.glyphs import printable
from desktop.factsheet.plain_text import Text, parse_styles, runs

# Spacing, in points.
CELL_PAD_X = 3.0
CELL_PAD_Y = 1.7
HEADING_SPACE_BEFORE = 9.0
HEADING_SPACE_AFTER = 3.0
RULE_WIDTH = 0.4
BODY_POINT_SIZE = 8.5

HEADER_FILL = QColor("#e8edf3")
# Text without a colour of its own is black: the sheet is paper, whatever the screen's theme
# (with a dark desktop palette, Qt would otherwise draw it in that palette's light text).
PAPER_TEXT = QColor("#000000")
RULE_COLOUR = QColor("#b9c2cc")
HEADER_RULE_COLOUR = QColor("#6b7b8c")

Painter = Callable[[QPainter, float, float, float], None]  # (painter, top, offset, visible height)


class Typesetter:
    """Makes rich-text documents measured and drawn at the device's own resolution."""

    def __init__(self, device: QPagedPaintDevice, family: str, stylesheet: str) -> None:
        self.device = device
        self.dpi = device.logicalDpiY()
        self.family = family
        self.stylesheet = stylesheet
        self.font = self.points_font(BODY_POINT_SIZE)
        self.styles = parse_styles(stylesheet)
        self._option = QTextOption()
        self._option.setUseDesignMetrics(True)
        # Long words and web addresses wrap anywhere rather than run past the column.
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def px(self, points: float) -> float:
        """Device pixels for a length in points."""
        return points * self.dpi / 72.0

    def points_font(self, points: float, *, bold: bool = False) -> QFont:
        return printing_font(self.family, points, bold=bold)

    def text(self, html: str, width: float) -> Text | DocumentText:
        """``html`` laid out to ``width``: as plain runs when it is the simple markup, else as a
        document; either way with the emoji the font lacks written as words (``glyphs``)."""
        html = printable(html, self.family)
        paragraphs = runs(html, self.styles)
        if paragraphs is not None:
            return Text(paragraphs, width, self.device, self.family, BODY_POINT_SIZE, self._option)
        return DocumentText(self.document(html, width))

    def document(self, html: str, width: float) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(self.font)
        document.setDefaultStyleSheet(self.stylesheet)
        document.setDefaultTextOption(self._option)
        document.setDocumentMargin(0)
        document.setUseDesignMetrics(True)
        document.setHtml(printable(html, self.family))  # emoji the font lacks as words (glyphs)
        document.setTextWidth(max(width, 1.0))
        return document


@dataclass
class Unit:
    """Something measured that is placed as a whole: a row, a group of rows, a heading."""

    height: float
    paint: Painter
    cuts: Callable[[], list[float]] = field(default=lambda: [])  # where a too-tall unit may be cut
    role: str = "row"  # "heading", "header", "row" or "drawing": what it is, for checks


class DocumentText:
    """A ``QTextDocument`` answering what ``plain_text.Text`` answers."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.height = document.size().height()

    def line_spans(self, top: float) -> list[tuple[float, float]]:
        return _line_spans(self.document, top)

    def draw(self, painter: QPainter, x: float, y: float, offset: float, visible: float, ink: QColor) -> None:
        _draw_document(painter, self.document, x, y, offset, visible)


def _line_spans(document: QTextDocument, top: float) -> list[tuple[float, float]]:
    spans = []
    block = document.begin()
    layout = document.documentLayout()
    while block.isValid():
        origin = layout.blockBoundingRect(block).top() + top
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            rect = text_layout.lineAt(i).rect()
            spans.append((origin + rect.top(), origin + rect.bottom()))
        block = block.next()
    return spans


def _safe_cuts(spans: list[tuple[float, float]], height: float) -> list[float]:
    """Heights at which no line of text is cut in two."""
    candidates = sorted({bottom for _top, bottom in spans} | {height})
    return [y for y in candidates if not any(top < y < bottom for top, bottom in spans)]


class Measurer:
    """Turns blocks into units for a body of a given width."""

    def __init__(self, setter: Typesetter, width: float) -> None:
        self.setter = setter
        self.width = width
        self.pad_x = setter.px(CELL_PAD_X)
        self.pad_y = setter.px(CELL_PAD_Y)

    def heading(self, heading: Heading) -> Unit:
        text = self.setter.text(heading.html, self.width)
        height = text.height + self.setter.px(HEADING_SPACE_AFTER)

        def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
            text.draw(painter, 0, top - offset, offset, visible, PAPER_TEXT)

        return Unit(height, paint, role="heading")

    def drawing(self, drawing: Drawing, height: float | None = None) -> Unit:
        """A drawing's unit, ``height`` pixels tall if given (a flexible drawing fitted to a page)."""
        height = self.setter.px(drawing.height_points) if height is None else height

        def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
            painter.save()
            painter.setClipRect(QRectF(0, top, self.width, visible))
            drawing.draw(painter, QRectF(0, top - offset, self.width, height))
            painter.restore()

        return Unit(height, paint, role="drawing")

    def columns(self, table: Table) -> list[tuple[float, float]]:
        """(x, width) of each column."""
        total = sum(table.widths)
        result, x = [], 0.0
        for weight in table.widths:
            width = self.width * weight / total
            result.append((x, width))
            x += width
        return result

    def row(self, table: Table, cells: Sequence[str], *, header: bool = False, rule: bool = True,
            span: bool = False) -> Unit:
        columns = [(0.0, self.width)] if span else self.columns(table)
        pad_x = self.pad_x if len(self.columns(table)) > 1 or table.rules else 0.0
        pad_y = self.pad_y if table.rules or header else self.pad_y / 2
        if span:
            pad_y /= 2  # a note under the row before: close to it
        documents = [self.setter.text(html, width - 2 * pad_x)
                     for html, (_x, width) in zip(cells, columns, strict=True)]
        height = max(d.height for d in documents) + 2 * pad_y
        rule_px = self.setter.px(RULE_WIDTH)

        def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
            if header:
                painter.fillRect(QRectF(0, top, self.width, visible), HEADER_FILL)
            for document, (x, _width) in zip(documents, columns, strict=True):
                document.draw(painter, x + pad_x, top - offset + pad_y, offset - pad_y, visible, PAPER_TEXT)
            if rule and table.rules and offset + visible >= height - 0.5:
                colour = HEADER_RULE_COLOUR if header else RULE_COLOUR
                painter.setPen(QPen(colour, rule_px))
                y = top + visible - rule_px / 2
                painter.drawLine(QPointF(0, y), QPointF(self.width, y))

        def cuts() -> list[float]:
            spans = [s for d in documents for s in d.line_spans(pad_y)]
            return _safe_cuts(spans, height)

        return Unit(height, paint, cuts, "header" if header else "row")

    def table(self, table: Table) -> tuple[Unit | None, Unit | None, list[Unit]]:
        """(header row, "continued" line, row groups) of a table."""
        header = self.row(table, table.header, header=True) if table.header else None
        continued = self.heading(Heading(table.continued)) if table.continued else None
        if continued is not None:
            continued.role = "continued"
        groups: list[list[Unit]] = []
        for index, row in enumerate(table.rows):
            last_of_group = index + 1 == len(table.rows) or not table.rows[index + 1].joined
            unit = self.row(table, row.cells, rule=last_of_group, span=row.span)
            if row.joined and groups:
                groups[-1].append(unit)
            else:
                groups.append([unit])
        return header, continued, [_stack(g) for g in groups]


def _draw_document(painter: QPainter, document: QTextDocument, x: float, y: float,
                   offset: float, visible: float) -> None:
    """Draw the part of ``document`` from ``offset`` down for ``visible`` pixels, at (x, y)."""
    painter.save()
    painter.translate(x, y)
    first = max(offset, 0.0)
    clip = QRectF(0, first, document.size().width() + 1, offset + visible - first)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, PAPER_TEXT)
    context.palette = palette
    document.documentLayout().draw(painter, context)
    painter.restore()


def _stack(units: list[Unit]) -> Unit:
    """Units one below the other, placed (and, if ever needed, cut) as one."""
    if len(units) == 1:
        return units[0]
    starts, y = [], 0.0
    for unit in units:
        starts.append(y)
        y += unit.height
    total = y

    def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
        end = offset + visible
        for start, unit in zip(starts, units, strict=True):
            lo, hi = max(start, offset), min(start + unit.height, end)
            if hi > lo:
                unit.paint(painter, top + lo - offset, lo - start, hi - lo)

    def cuts() -> list[float]:
        return [start + c for start, unit in zip(starts, units, strict=True) for c in unit.cuts()] + [
            start for start in starts]

    return Unit(total, paint, cuts)
