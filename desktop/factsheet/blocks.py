"""The blocks a printed sheet is made of, as ``content`` builds them and ``layout`` places them.

A ``Heading``, a ``Table`` (rows of HTML cells, never split across pages, its header
repeated where it continues), a ``Drawing`` painted straight onto the page, or a ``Gap``;
a paragraph is a one-cell table without rules. The HTML given to a block must already be
escaped (``desktop.common.rich_text.esc``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter


@dataclass(frozen=True)
class Row:
    """One table row: one HTML fragment per column; ``joined`` keeps it with the row before;
    a ``span`` row has one fragment laid across the whole width (a note under a row)."""

    cells: tuple[str, ...]
    joined: bool = False
    span: bool = False


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
    """A picture drawn straight onto the page: ``draw(painter, rect)`` in device pixels. When
    ``min_points`` is given it may be drawn shorter, down to that, to finish a page rather than
    leave the rest of it empty."""

    height_points: float
    draw: Callable[[QPainter, QRectF], None]
    min_points: float | None = None


@dataclass(frozen=True)
class Gap:
    points: float


Block = Table | Heading | Drawing | Gap


def paragraph(html: str) -> Table:
    """A block of text: a one-cell table without rules, so it never splits between lines
    unless it is taller than a page."""
    return Table((1.0,), (Row((html,)),), rules=False)
