"""Render the app icon's PNG sizes, and its Windows and macOS icon files, from the SVG.

The SVG (``resources/icons/factsheet.svg``) is the one drawing; everything else is made
from it by ``make icons`` and committed, so a packager or a test needs no SVG renderer.
The PNGs are laid out as a freedesktop ``hicolor`` theme, which ``factsheet
install-desktop`` copies as it is. The ``.ico`` and ``.icns`` files hold the same PNGs,
as both formats allow, so ``make bundle`` gives the program its icon on every platform.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from resources import resource_path

# The sizes of the freedesktop hicolor theme that desktops actually ask for.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can be
# macOS icon types holding PNG data, by pixel size (the @2x variants share sizes).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))

SVG = resource_path("icons", "factsheet.svg")
# The smallest sizes are drawn on their own pixel grids: scaled down, the full drawing blurs.
# The 24-pixel icon is the 22-pixel drawing with a transparent pixel around it, as usual.
SMALL_DRAWINGS = {16: resource_path("icons", "factsheet-16.svg"),
                  22: resource_path("icons", "factsheet-22.svg"),
                  24: resource_path("icons", "factsheet-22.svg")}
HICOLOR = resource_path("icons", "hicolor")
ICO = resource_path("icons", "factsheet.ico")
ICNS = resource_path("icons", "factsheet.icns")


def png_path(size: int) -> Path:
    """Where the PNG of one size lives, as in an installed hicolor theme."""
    return HICOLOR / f"{size}x{size}" / "apps" / "factsheet.png"


def render(size: int) -> QImage:
    """The icon drawn on a transparent square of ``size`` pixels."""
    svg = SMALL_DRAWINGS.get(size, SVG)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    # A drawing made for a grid is drawn at its own size, centred; the large one fills the square.
    side = renderer.defaultSize().width() if svg != SVG else size
    margin = (size - side) / 2
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(margin, margin, side, side))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose entries are PNG images."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # drawing needs no screen
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: png_bytes(render(size)) for size in sorted({*SIZES, *ICO_SIZES})}
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
    ICO.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    ICNS.write_bytes(icns_bytes(pngs))
    print(f"Rendered {SVG.name} at {', '.join(map(str, SIZES))} px, {ICO.name} and {ICNS.name}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
