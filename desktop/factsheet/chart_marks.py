"""Where one period's bars, turnover marker and numbers go on the printed chart, so that no
number is ever struck through by a marker or printed over a bar or another number.

``plan`` works in device pixels and draws nothing (``chart`` paints what it returns), so the
rule can be tested on its own. Exports and imports are two bars side by side about the
period's centre; turnover is a diamond on a short line across them. Numbers go:

1. turnover's above its diamond (bold), or above the bars when a bar reaches higher;
2. each bar's just above its bar — unless that would touch the marker, a neighbouring bar or
   a number already placed: then inside the top of the bar in white when the bar is tall
   enough, else above whatever it would touch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from db.model.formatting import format_number
from db.sheet.sheet import ChartPeriod

MAX_BAR_POINTS = 30.0
DIAMOND_POINTS = 3.2


@dataclass
class Label:
    text: str
    rect: QRectF
    bold: bool = False
    inside: bool = False  # written in white inside its bar


@dataclass
class PeriodMarks:
    bars: list[tuple[str, QRectF]] = field(default_factory=list)  # (flow, shape)
    diamond: QPointF | None = None
    diamond_size: float = 0.0
    line: tuple[float, float, float] | None = None  # (left, right, y) of turnover's line
    labels: list[Label] = field(default_factory=list)

    def marker_zone(self) -> QRectF | None:
        """The turnover marker and its line, as the room no number may touch."""
        if self.diamond is None or self.line is None:
            return None
        left, right, y = self.line
        return QRectF(left, y - self.diamond_size, right - left, 2 * self.diamond_size)


def plan(period: ChartPeriod, centre: float, slot: float, y_of: Callable[[float], float],
         px: Callable[[float], float], text_height: float, text_width: Callable[[str, bool], float], *,
         show_values: bool, show_turnover_value: bool) -> PeriodMarks:
    """The marks of one period centred at ``centre`` in a slot ``slot`` pixels wide."""
    marks = PeriodMarks()
    bar = min(slot * 0.3, px(MAX_BAR_POINTS))
    gap = min(px(2), slot * 0.04)
    zero = y_of(0.0)
    for flow, x in (("exports", centre - gap / 2 - bar), ("imports", centre + gap / 2)):
        value = getattr(period, flow)
        if value is not None:
            y = y_of(value)
            marks.bars.append((flow, QRectF(x, min(y, zero), bar, abs(zero - y))))
    taken: list[QRectF] = []
    if period.turnover is not None:
        y = y_of(period.turnover)
        half = bar + gap / 2 + px(2)
        marks.diamond, marks.diamond_size = QPointF(centre, y), px(DIAMOND_POINTS)
        marks.line = (centre - half, centre + half, y)
        if show_turnover_value:
            text = format_number(period.turnover) + ("*" if "turnover" in period.disputed else "")
            width = text_width(text, True) + px(1)
            rect = QRectF(centre - width / 2, y - marks.diamond_size - px(1) - text_height, width, text_height)
            rect = _lift(rect, [shape for _flow, shape in marks.bars], px(1))
            marks.labels.append(Label(text, rect, bold=True))
            taken.append(rect)
    if not show_values:
        return marks
    zone = marks.marker_zone()
    obstacles = ([zone] if zone is not None else [])
    for flow, shape in marks.bars:
        value = getattr(period, flow)
        text = format_number(value) + ("*" if flow in period.disputed else "")
        width = text_width(text, False) + px(1)
        rect = QRectF(shape.center().x() - width / 2, shape.top() - px(1) - text_height, width, text_height)
        others = [s for f, s in marks.bars if f != flow]
        if _touches(rect, obstacles + others + taken):
            if shape.height() >= text_height + px(3) and width <= shape.width() + px(1):
                inside = QRectF(rect.left(), shape.top() + px(1), width, text_height)
                if not _touches(inside, obstacles + taken):
                    marks.labels.append(Label(text, inside, inside=True))
                    continue
            rect = _lift(rect, obstacles + others + taken, px(1))
        marks.labels.append(Label(text, rect))
        taken.append(rect)
    return marks


def _touches(rect: QRectF, others: list[QRectF]) -> bool:
    return any(rect.intersects(other) for other in others)


def _lift(rect: QRectF, others: list[QRectF], space: float) -> QRectF:
    """``rect`` moved up until it touches none of ``others``."""
    moved = QRectF(rect)
    for _attempt in range(len(others) + 1):
        hit = [o for o in others if moved.intersects(o)]
        if not hit:
            break
        moved.moveBottom(min(o.top() for o in hit) - space)
    return moved
