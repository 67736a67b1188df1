"""Files under ``resources/`` are found at run time and shipped by the package."""

from desktop.factsheet.fonts import FAMILY, FILES, sheet_family
from resources import resource_path


def test_the_bundled_fonts_and_their_licence_are_found(qapp):
    for name in (*FILES, "LICENSE"):
        assert resource_path("fonts", name).is_file(), name
    assert "Bitstream Vera" in resource_path("fonts", "LICENSE").read_text(encoding="utf-8")
    assert sheet_family() == FAMILY


def test_the_sheet_stylesheet_is_found():
    assert resource_path("factsheet", "sheet.css").is_file()
