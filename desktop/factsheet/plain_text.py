"""Setting the sheet's simple cells as plain text runs, without a ``QTextDocument`` each.

Nearly every cell ``content`` makes is a few words with a style or two: ``<span class='…'>``,
``<b>``, ``<br>``, a ``<div>`` or a heading, with the text escaped. Parsing such a cell as HTML
into a ``QTextDocument`` costs about a millisecond; a sheet of hundreds of cells spent most of
its time there. ``runs`` reads that small subset into paragraphs of styled runs, and ``Text``
lays each paragraph out with one ``QTextLayout`` at the device's resolution. A fragment using
anything else returns None from ``runs`` and is set as a document (``typesetter``).

Styles come from the sheet's stylesheet (``resources/factsheet/sheet.css``): for each class or
tag, its font size in points, bold, and colour, so the plain path and the document path print
the same. Both draw text without a colour of its own in the paper's black.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from desktop.factsheet.fonts import printing_font


@dataclass(frozen=True)
class Style:
    points: float | None = None
    bold: bool = False
    colour: str | None = None

    def merged(self, other: Style) -> Style:
        return Style(other.points or self.points, self.bold or other.bold, other.colour or self.colour)


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


@cache
def parse_styles(css: str) -> dict[str, Style]:
    """``{".title": Style(16, True, "#1f3a5f"), "h2": …}`` from the simple rules of the stylesheet."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    styles: dict[str, Style] = {}
    for selectors, body in _RULE.findall(css):
        props = dict((k.strip(), v.strip()) for k, _sep, v in
                     (item.partition(":") for item in body.split(";") if ":" in item))
        size = props.get("font-size", "")
        style = Style(float(size[:-2]) if size.endswith("pt") else None, props.get("font-weight") == "bold",
                      props.get("color"))
        for selector in selectors.split(","):
            selector = selector.strip()
            styles[selector] = styles.get(selector, Style()).merged(style)
    return styles


_TOKEN = re.compile(r"<(/?)([a-z0-9]+)((?:\s+class='[^'<>]*')?)\s*/?>|([^<]+)")
_BLOCKS = {"div", "h2", "h3", "p"}
_INLINE = {"span", "b"}
_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|#x27|#39|#\d+);)")

Run = tuple[str, Style]


def runs(fragment: str, styles: dict[str, Style]) -> list[list[Run]] | None:
    """Paragraphs of (text, style) runs, or None when the fragment is not the simple subset."""
    paragraphs: list[list[Run]] = [[]]
    stack: list[tuple[str, Style]] = []
    position = 0
    for match in _TOKEN.finditer(fragment):
        if match.start() != position:
            return None
        position = match.end()
        closing, tag, classes, text = match.groups()
        if text is not None:
            if _ENTITY.search(text):
                return None
            style = stack[-1][1] if stack else Style()
            paragraphs[-1].append((html.unescape(text), style))
            continue
        if tag == "br":
            paragraphs.append([])
            continue
        if tag not in _BLOCKS and tag not in _INLINE:
            return None
        if closing:
            if not stack or stack[-1][0] != tag:
                return None
            stack.pop()
            if tag in _BLOCKS:
                paragraphs.append([])
            continue
        style = stack[-1][1] if stack else Style()
        style = style.merged(styles.get(tag, Style()))
        if tag == "b":
            style = style.merged(Style(bold=True))
        for name in classes.partition("'")[2].rstrip("'").split():
            style = style.merged(styles.get("." + name, Style()))
        if tag in _BLOCKS and paragraphs[-1]:
            paragraphs.append([])
        stack.append((tag, style))
    if position != len(fragment) or stack:
        return None
    while len(paragraphs) > 1 and not paragraphs[-1]:
        paragraphs.pop()
    return paragraphs


class Text:
    """Paragraphs of styled runs laid out to a width on a device: height, lines, drawing."""

    def __init__(self, paragraphs: Sequence[Sequence[Run]], width: float, device: QPagedPaintDevice,
                 family: str, base_points: float, option: QTextOption) -> None:
        self.layouts: list[QTextLayout] = []
        self.width = width
        y = 0.0
        for paragraph in paragraphs:
            text = "".join(t for t, _style in paragraph)
            layout = QTextLayout(text, _font(family, base_points, False), device)
            layout.setTextOption(option)
            formats, start = [], 0
            for part, style in paragraph:
                fmt = QTextCharFormat()
                fmt.setFont(_font(family, style.points or base_points, style.bold))
                if style.colour:
                    fmt.setForeground(QColor(style.colour))
                range_ = QTextLayout.FormatRange()
                range_.start, range_.length, range_.format = start, len(part), fmt
                formats.append(range_)
                start += len(part)
            layout.setFormats(formats)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                line.setPosition(QPointF(0, y))
                y += line.height()
            layout.endLayout()  # an empty paragraph still takes a line, as in a document
            self.layouts.append(layout)
        self.height = y

    def line_spans(self, top: float) -> list[tuple[float, float]]:
        return [(top + line.y(), top + line.y() + line.height()) for layout in self.layouts for line in _lines(layout)]

    def draw(self, painter: QPainter, x: float, y: float, offset: float, visible: float, ink: QColor) -> None:
        """Draw the part from ``offset`` down for ``visible`` pixels at (x, y) (``y`` is the top of the whole)."""
        painter.save()
        first = max(offset, 0.0)
        painter.setClipRect(QRectF(x, y + first, self.width + 1, offset + visible - first))
        painter.setPen(ink)
        for layout in self.layouts:
            layout.draw(painter, QPointF(x, y))
        painter.restore()


@cache
def _font(family: str, points: float, bold: bool) -> QFont:
    return printing_font(family, points, bold=bold)


def _lines(layout: QTextLayout):
    return (layout.lineAt(i) for i in range(layout.lineCount()))
