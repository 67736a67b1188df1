"""Laying headings, tables and drawings out on pages, with the guarantees a printed sheet needs.

The content arrives as *blocks* (``Heading``, ``Table``, ``Drawing``, ``Gap``); a
paragraph is a one-cell table without rules. ``paginate`` measures every block on the
target device and places it on pages of the body's size:

- a table row is never split across pages: it moves whole to the next page (only a row
  taller than a whole page is cut, and then between lines of text);
- rows marked ``joined`` belong to the row before them (one person's positions) and move
  with it;
- when a table continues on a new page, its "continued" line and header row are repeated;
- a heading stays with the start of what follows it.

All text is a ``QTextDocument`` laid out on the device itself (``Typesetter``), so font
sizes in points come out the same on a 1200 dpi printer, a 300 dpi PDF and the preview;
every length in this module is in the device's pixels, converted from points by ``px``.
The HTML given to a block must already be escaped (``desktop.common.rich_text.esc``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF
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

from desktop.factsheet.fonts import printing_font

# Spacing, in points.
CELL_PAD_X = 3.0
CELL_PAD_Y = 2.2
HEADING_SPACE_BEFORE = 11.0
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
        self._option = QTextOption()
        # Long words and web addresses wrap anywhere rather than run past the column.
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def px(self, points: float) -> float:
        """Device pixels for a length in points."""
        return points * self.dpi / 72.0

    def points_font(self, points: float, *, bold: bool = False) -> QFont:
        return printing_font(self.family, points, bold=bold)

    def document(self, html: str, width: float) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(self.font)
        document.setDefaultStyleSheet(self.stylesheet)
        document.setDefaultTextOption(self._option)
        document.setDocumentMargin(0)
        document.setUseDesignMetrics(True)
        document.setHtml(html)
        document.setTextWidth(max(width, 1.0))
        return document


# -- blocks ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One table row: one HTML fragment per column; ``joined`` keeps it with the row before."""

    cells: tuple[str, ...]
    joined: bool = False


@dataclass(frozen=True)
class Table:
    """Columns as relative widths; rows never split; ``header`` repeated on every page."""

    widths: tuple[float, ...]
    rows: tuple[Row, ...]
    header: tuple[str, ...] | None = None
    continued: str | None = None  # HTML line shown above the repeated header
    rules: bool = True


@dataclass(frozen=True)
class Heading:
    html: str


@dataclass(frozen=True)
class Drawing:
    """A picture drawn straight onto the page: ``draw(painter, rect)`` in device pixels."""

    height_points: float
    draw: Callable[[QPainter, QRectF], None]


@dataclass(frozen=True)
class Gap:
    points: float


Block = Table | Heading | Drawing | Gap


def paragraph(html: str) -> Table:
    """A block of text: a one-cell table without rules, so it never splits between lines
    unless it is taller than a page."""
    return Table((1.0,), (Row((html,)),), rules=False)


# -- measured units ----------------------------------------------------------------------------

@dataclass
class Unit:
    """Something measured that is placed as a whole: a row, a group of rows, a heading."""

    height: float
    paint: Painter
    cuts: Callable[[], list[float]] = field(default=lambda: [])  # where a too-tall unit may be cut
    role: str = "row"  # "heading", "header", "row" or "drawing": what it is, for checks


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


class _Measurer:
    """Turns blocks into units for a body of a given width."""

    def __init__(self, setter: Typesetter, width: float) -> None:
        self.setter = setter
        self.width = width
        self.pad_x = setter.px(CELL_PAD_X)
        self.pad_y = setter.px(CELL_PAD_Y)

    def heading(self, heading: Heading) -> Unit:
        document = self.setter.document(heading.html, self.width)
        height = document.size().height() + self.setter.px(HEADING_SPACE_AFTER)

        def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
            _draw_document(painter, document, 0, top - offset, offset, visible)

        return Unit(height, paint, role="heading")

    def drawing(self, drawing: Drawing) -> Unit:
        height = self.setter.px(drawing.height_points)

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

    def row(self, table: Table, cells: Sequence[str], *, header: bool = False, rule: bool = True) -> Unit:
        columns = self.columns(table)
        pad_x = self.pad_x if len(columns) > 1 or table.rules else 0.0
        pad_y = self.pad_y if table.rules or header else self.pad_y / 2
        documents = [self.setter.document(html, width - 2 * pad_x)
                     for html, (_x, width) in zip(cells, columns, strict=True)]
        height = max(d.size().height() for d in documents) + 2 * pad_y
        rule_px = self.setter.px(RULE_WIDTH)

        def paint(painter: QPainter, top: float, offset: float, visible: float) -> None:
            if header:
                painter.fillRect(QRectF(0, top, self.width, visible), HEADER_FILL)
            for document, (x, _width) in zip(documents, columns, strict=True):
                _draw_document(painter, document, x + pad_x, top - offset + pad_y, offset - pad_y, visible)
            if rule and table.rules and offset + visible >= height - 0.5:
                colour = HEADER_RULE_COLOUR if header else RULE_COLOUR
                painter.setPen(QPen(colour, rule_px))
                y = top + visible - rule_px / 2
                painter.drawLine(QPointF(0, y), QPointF(self.width, y))

        def cuts() -> list[float]:
            spans = [s for d in documents for s in _line_spans(d, pad_y)]
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
            unit = self.row(table, row.cells, rule=last_of_group)
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


# -- pages -------------------------------------------------------------------------------------

@dataclass
class Placed:
    top: float
    unit: Unit
    offset: float = 0.0
    visible: float = 0.0

    def paint(self, painter: QPainter) -> None:
        self.unit.paint(painter, self.top, self.offset, self.visible)


class _Paginator:
    def __init__(self, height: float) -> None:
        self.height = height
        self.pages: list[list[Placed]] = [[]]
        self.y = 0.0
        self.repeat: list[Unit] = []  # placed at the top of each new page while a table continues
        self.fresh = True  # nothing but repeated lines on this page yet

    @property
    def room(self) -> float:
        return self.height - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0
        for unit in self.repeat:
            self._put(unit, 0.0, unit.height)
        self.fresh = True

    def gap(self, amount: float) -> None:
        if not self.fresh:
            self.y = min(self.y + amount, self.height)

    def make_room(self, needed: float) -> None:
        if not self.fresh and needed > self.room:
            self.new_page()

    def place(self, unit: Unit, *, here: bool = False) -> None:
        """Place a unit whole, on the next page if it does not fit on this one; a unit taller
        than a page (or one that must start ``here``) is cut between lines of text."""
        if not here:
            self.make_room(unit.height)
        offset = 0.0
        while unit.height - offset > self.room + 0.01:
            allowed = [c for c in unit.cuts() if offset < c <= offset + self.room]
            cut = max(allowed) if allowed else offset + self.room
            self._put(unit, offset, cut - offset)
            offset = cut
            self.new_page()
        self._put(unit, offset, unit.height - offset)
        self.fresh = False

    def _put(self, unit: Unit, offset: float, visible: float) -> None:
        self.pages[-1].append(Placed(self.y, unit, offset, visible))
        self.y += visible


def paginate(blocks: Sequence[Block], setter: Typesetter, body: QSizeF) -> list[list[Placed]]:
    """Place ``blocks`` on pages of the body's size; a list of placed units per page."""
    measure = _Measurer(setter, body.width())
    pages = _Paginator(body.height())
    measured = [_measure(measure, block) for block in blocks]
    for index, (block, units) in enumerate(zip(blocks, measured, strict=True)):
        if isinstance(block, Gap):
            pages.gap(setter.px(block.points))
        elif isinstance(block, Heading):
            (unit,) = units[2]
            pages.gap(setter.px(HEADING_SPACE_BEFORE))
            pages.make_room(unit.height + _lead(blocks[index + 1:], measured[index + 1:], setter, pages.height))
            pages.place(unit)
        elif isinstance(block, Table):
            _place_table(pages, *units)
        else:
            (unit,) = units[2]
            pages.place(unit)
    return pages.pages


Measured = tuple[Unit | None, Unit | None, list[Unit]]


def _measure(measure: _Measurer, block: Block) -> Measured:
    if isinstance(block, Table):
        return measure.table(block)
    if isinstance(block, Heading):
        return None, None, [measure.heading(block)]
    if isinstance(block, Drawing):
        return None, None, [measure.drawing(block)]
    return None, None, []


def _lead(blocks: Sequence[Block], measured: Sequence[Measured], setter: Typesetter, page_height: float) -> float:
    """How much must fit below a heading for it to stay on this page: any headings right
    after it (a section's first sub-heading) and the start of the first block that is not one."""
    lead = 0.0
    for block, (header, _continued, units) in zip(blocks, measured, strict=True):
        if isinstance(block, Gap):
            continue
        if isinstance(block, Heading):
            lead += setter.px(HEADING_SPACE_BEFORE) + units[0].height
            continue
        if units:
            lead += (header.height if header else 0.0) + units[0].height
        break
    return min(lead, page_height / 3)


def _place_table(pages: _Paginator, header: Unit | None, continued: Unit | None, groups: list[Unit]) -> None:
    head = header.height if header else 0.0
    for index, group in enumerate(groups):
        if index == 0:
            pages.make_room(head + min(group.height, pages.height - head))
            if header:
                pages.place(header)
            pages.repeat = [u for u in (continued, header) if u is not None]
            pages.place(group, here=header is not None)
        else:
            pages.place(group)
    pages.repeat = []
