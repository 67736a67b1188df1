"""The trade chart as a picture for the Word document, painted at print resolution.

The chart is the PDF's own: the ``Drawing`` block ``desktop.factsheet.content`` makes, which
paints ``desktop.factsheet.chart`` with QPainter. Here it paints onto an image of ``DPI`` dots
per inch, as wide as the text between the margins and as tall as the PDF draws it, on white
paper, saved as PNG with its resolution so that Word and LibreOffice show it at its size.
``typesetter`` gives ``content`` the measures of that resolution, so the chart's lines and
letters have the PDF's sizes in points.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from db.errors import FactSheetError
from db.model.i18n import _
from desktop.factsheet.blocks import Drawing
from desktop.factsheet.fonts import sheet_family
from desktop.factsheet.render import stylesheet
from desktop.factsheet.typesetter import Typesetter

DPI = 300
_DOTS_PER_METRE = round(DPI / 0.0254)


def _image(width: int, height: int) -> QImage:
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(_DOTS_PER_METRE)
    image.setDotsPerMeterY(_DOTS_PER_METRE)
    image.fill(QColor("white"))
    return image


def typesetter() -> Typesetter:
    """Measures at ``DPI`` for the blocks of a Word document (only the chart uses them)."""
    return Typesetter(_image(1, 1), sheet_family(), stylesheet())  # type: ignore[arg-type]


def png(drawing: Drawing, width_points: float) -> bytes:
    """``drawing`` painted ``width_points`` wide, at its full height, as PNG bytes at ``DPI``."""
    scale = DPI / 72.0
    image = _image(round(width_points * scale), round(drawing.height_points * scale))
    painter = QPainter()
    if not painter.begin(image):
        raise FactSheetError(_("The trade chart could not be drawn for the Word document."))
    try:
        drawing.draw(painter, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise FactSheetError(_("The trade chart could not be drawn for the Word document."))
    return bytes(buffer.data())
