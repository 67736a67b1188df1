"""The app icon: every size present, drawn from the committed SVGs, and shown by the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QImageReader

from resources import resource_path
from resources.icons import render as render_icons


@pytest.fixture(scope="module")
def gui():
    from desktop.gui import create_application

    return create_application()


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_each_png_has_its_size_and_a_transparent_margin(size):
    image = QImage(str(render_icons.png_path(size)))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, size - 1).alpha() == 0  # a corner of the square stays see-through
    assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the sheet itself is opaque


def _rgba(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return bytes(image.constBits())[:image.sizeInBytes()]


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_committed_pngs_match_the_svg_drawings(gui, size):
    """Whoever edits an SVG must run ``make icons``; this notices when they did not."""
    committed, fresh = _rgba(QImage(str(render_icons.png_path(size)))), _rgba(render_icons.render(size))
    assert len(committed) == len(fresh) == size * size * 4
    assert max(abs(a - b) for a, b in zip(committed, fresh, strict=True)) <= 8  # antialiasing may vary


@pytest.mark.parametrize(("name", "sizes"), [
    ("factsheet.ico", list(render_icons.ICO_SIZES)),
    ("factsheet.icns", [size for _kind, size in render_icons.ICNS_TYPES]),
])
def test_windows_and_macos_icon_files_hold_every_size(gui, name, sizes):
    reader = QImageReader(str(resource_path("icons", name)))
    found = []
    for number in range(reader.imageCount()):
        reader.jumpToImage(number)
        found.append(reader.read().width())
    assert found == sizes


def test_the_application_shows_the_icon_in_each_size(gui):
    icon = gui.windowIcon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(render_icons.SIZES)

