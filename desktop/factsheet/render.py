"""The one renderer: a ``FactSheet`` on any paged device — the printer, the print preview
or a PDF file — so that what the preview shows is exactly what prints and what is saved.

``render(sheet, device)`` measures everything on the device itself, at its resolution,
within the page's paint rect (the page minus its margins), so a 300 dpi PDF and a 1200 dpi
printer give the same pages. Each page carries a header (the sheet's title and its "as
of" day) and a footer (the generation date and "Page X of Y"). ``write_pdf`` saves a
sheet to a file through ``db.file.output``, so it never leaves half a PDF behind nor
replaces anything that is not a regular file. ``printed_sheet`` says which rows the PDF
prints, for the Word document to print the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from db.errors import FactSheetError
from db.file import output
from db.model.i18n import _, using_language
from db.sheet.compose import FactSheet, at_step
from db.sheet.options import MAX_PAGES, STEPS
from desktop import APP_NAME, __version__
from desktop.factsheet import content
from desktop.factsheet.fonts import sheet_family
from desktop.factsheet.glyphs import printable
from desktop.factsheet.layout import Placed, paginate
from desktop.factsheet.typesetter import Typesetter
from resources import resource_path

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(16, 12, 16, 12)
PDF_RESOLUTION = 1200  # dots per inch; the PDF is vector, this only sets the grid text snaps to
FRAME_POINTS = 7.0  # header and footer text
FRAME_GAP_POINTS = 10.0  # between the header or footer and the body
FRAME_COLOUR = QColor("#555555")


def page_layout(page_size: str) -> QPageLayout:
    """A portrait page of ``page_size`` ("A4" or "Letter") with the sheet's margins."""
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


@cache
def stylesheet() -> str:
    return resource_path("factsheet", "sheet.css").read_text(encoding="utf-8")


class _Frame:
    """The header and footer every page carries."""

    def __init__(self, sheet: FactSheet, setter: Typesetter, width: float, height: float) -> None:
        self.sheet, self.setter, self.width, self.height = sheet, setter, width, height
        self.font = setter.points_font(FRAME_POINTS)
        self.line = setter.px(FRAME_POINTS * 1.5)
        self.body_top = self.line + setter.px(FRAME_GAP_POINTS)
        self.body_height = height - 2 * self.body_top

    def paint(self, painter: QPainter, number: int, count: int) -> None:
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        top = QRectF(0, 0, self.width, self.line)
        bottom = QRectF(0, self.height - self.line, self.width, self.line)
        painter.setFont(self.font)
        painter.setPen(FRAME_COLOUR)
        painter.drawText(top, int(left), printable(_("Fact sheet: {title}").format(title=self.sheet.title),
                                                   self.setter.family))
        painter.drawText(top, int(right), _("As of {day}").format(day=self.sheet.as_of_label))
        painter.drawText(bottom, int(left), _("Generated {day} with {app}").format(
            day=self.sheet.generated_label, app=APP_NAME))
        painter.drawText(bottom, int(right), _("Page {number} of {count}").format(number=number, count=count))
        painter.setPen(QPen(FRAME_COLOUR, self.setter.px(0.5)))
        painter.drawLine(QPointF(0, top.bottom()), QPointF(self.width, top.bottom()))
        painter.drawLine(QPointF(0, bottom.top()), QPointF(self.width, bottom.top()))


def layout_pages(sheet: FactSheet, device: QPagedPaintDevice) -> tuple[_Frame, list[list[Placed]]]:
    """The sheet laid out for ``device``'s current page: the frame and each page's content."""
    setter = Typesetter(device, sheet_family(), stylesheet())
    paint_rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    frame = _Frame(sheet, setter, paint_rect.width(), paint_rect.height())
    pages = paginate(content.blocks(sheet, setter), setter, QSizeF(frame.width, frame.body_height))
    return frame, pages


# (sheet, (device, page size, dpi), result) of the last fit: the preview repaints the same sheet on
# the window's printer often. Forgotten when a PDF writer that laid it out goes away.
_last_fit: list = []


def fit(sheet: FactSheet, device: QPagedPaintDevice) -> tuple[FactSheet, _Frame, list[list[Placed]]]:
    """The sheet as it prints on ``device``: shortened by the sheet's own rules
    (``db.sheet.compose.at_step``) to the first step that fits ``MAX_PAGES`` pages, or the last
    step; the long version as it is. Steps are tried by halving (each step shortens more), so
    a sheet is laid out at most a few times. Returns the sheet printed, its frame and its pages."""
    key = (id(device), device.pageLayout().pageSize().id(), device.logicalDpiX())
    if _last_fit and _last_fit[0][0] is sheet and _last_fit[0][1] == key:
        return _last_fit[0][2]
    result = (sheet, *layout_pages(sheet, device))
    if not sheet.long and len(result[2]) > MAX_PAGES:
        low, high = sheet.step + 1, len(STEPS) - 1
        best = None
        while low <= high:
            middle = (low + high) // 2
            shortened = at_step(sheet, middle)
            if shortened is None:
                break
            found = (shortened, *layout_pages(shortened, device))
            if len(found[2]) <= MAX_PAGES or best is None and middle == len(STEPS) - 1:
                best = found
            if len(found[2]) <= MAX_PAGES:
                high = middle - 1
            else:
                low = middle + 1
        if best is None:  # no step fits: the shortest there is
            last = at_step(sheet, len(STEPS) - 1)
            best = (last, *layout_pages(last, device)) if last is not None else result
        result = best
    _last_fit[:] = [(sheet, key, result)]
    return result


def _wanted_pages(device: QPagedPaintDevice, count: int) -> list[int]:
    """Page numbers to print: those the user chose in the print dialog, else every page."""
    ranges = device.pageRanges()
    chosen = getattr(device, "printRange", None)  # a QPrinter says whether a range was chosen
    if ranges.isEmpty() or (chosen is not None and chosen().name != "PageRange"):
        return list(range(1, count + 1))
    return [n for n in range(1, count + 1) if ranges.contains(n)]


def render(sheet: FactSheet, device: QPagedPaintDevice,
           progress: Callable[[int, int], None] | None = None) -> int:
    """Lay ``sheet`` out (fitted to the page count, see ``fit``) and paint it on ``device``;
    return the number of pages it has.

    ``progress(done, total)`` is called before each page is painted and after the last; it
    may raise ``Cancelled`` to stop (a printer then gets the pages painted so far).
    """
    with using_language(sheet.language):
        _printed, frame, pages = fit(sheet, device)
    painter = QPainter()
    if not painter.begin(device):
        raise FactSheetError(_("The fact sheet could not be started on this printer or file."))
    try:
        with using_language(sheet.language):  # the sheet's words, whatever the window's language
            _paint_pages(painter, device, frame, pages, progress)
    finally:
        painter.end()
    return len(pages)


def _paint_pages(painter: QPainter, device: QPagedPaintDevice, frame: _Frame, pages: list[list[Placed]],
                 progress: Callable[[int, int], None] | None) -> None:
    wanted = _wanted_pages(device, len(pages))
    for index, number in enumerate(wanted):
        if progress is not None:
            progress(index, len(wanted))
        if index:
            device.newPage()
        frame.paint(painter, number, len(pages))
        painter.save()
        painter.translate(0, frame.body_top)
        for item in pages[number - 1]:
            item.paint(painter)
        painter.restore()
    if progress is not None:
        progress(len(wanted), len(wanted))


def printed_sheet(sheet: FactSheet, page_size: str = "A4") -> FactSheet:
    """The sheet as a PDF of ``page_size`` prints it: shortened to the step of the rules its
    pages end at (``fit``), laid out once on a PDF writer that is never painted; the long
    version as it is. Another renderer (the Word document) writes the same rows from it."""
    if sheet.long:
        return sheet
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size))
    try:
        with using_language(sheet.language):
            return fit(sheet, writer)[0]
    finally:
        _last_fit.clear()  # laid out on this writer, which goes now
        del writer


def write_pdf(sheet: FactSheet, path: str | os.PathLike[str], page_size: str = "A4",
              progress: Callable[[int, int], None] | None = None) -> int:
    """Save ``sheet`` as a PDF at ``path``; return its page count.

    The PDF is made in memory and written by ``db.file.output``: a name that cannot be
    written is refused before the sheet is laid out, a regular file is replaced only once
    the new one is complete (keeping its permissions), a link writes the file it points
    at, and a device or pipe is written through.
    """
    output.ready(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size))
    with using_language(sheet.language):
        writer.setTitle(_("Fact sheet: {title}").format(title=sheet.title))
    writer.setCreator(f"{APP_NAME} {__version__}")
    try:
        pages = render(sheet, writer, progress)
    finally:
        _last_fit.clear()  # its pages were laid out on this writer
        del writer  # the PDF is complete (or given up) once the writer is gone
    data = bytes(buffer.data())
    if not data:
        raise FactSheetError(_("The fact sheet could not be made into a PDF."))
    output.write_bytes(path, data)
    return pages
