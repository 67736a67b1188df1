"""Placing measured blocks on pages, with the guarantees a printed sheet needs.

``paginate`` measures every block on the target device (``typesetter``) and places it on
pages of the body's size:

- a table row is never split across pages: it moves whole to the next page (only a row
  taller than a whole page is cut, and then between lines of text);
- rows marked ``joined`` belong to the row before them (one person's positions) and move
  with it;
- when a table continues on a new page, its "continued" line and header row are repeated;
- a heading stays with the start of what follows it;
- a flexible drawing (the chart) is drawn shorter, down to its least height, to use the rest of
  a page instead of moving on and leaving a gap.

Every length is in the device's pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPainter

from desktop.factsheet.blocks import Block, Drawing, Gap, Heading, Table
from desktop.factsheet.typesetter import HEADING_SPACE_BEFORE, Measurer, Typesetter, Unit


@dataclass
class Placed:
    """A unit's part on a page: ``visible`` pixels of it from ``offset`` down, drawn at ``top``."""

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
    measure = Measurer(setter, body.width())
    pages = _Paginator(body.height())
    measured = [_measure(measure, block) for block in blocks]
    for index, (block, units) in enumerate(zip(blocks, measured, strict=True)):
        if isinstance(block, Drawing) and block.min_points is not None and not pages.fresh:
            (unit,) = units[2]
            if setter.px(block.min_points) <= pages.room < unit.height:
                units = (None, None, [measure.drawing(block, pages.room)])
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


def _measure(measure: Measurer, block: Block) -> Measured:
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
        if isinstance(block, Drawing) and block.min_points is not None:
            lead += min(units[0].height, setter.px(block.min_points))
        elif units:
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
