"""The sheet's typeface: DejaVu Sans, bundled under ``resources/fonts/`` and embedded in
every PDF, so Cyrillic and Kazakh letters (ә ғ қ ң ө ұ ү һ і) print on any machine.

The fonts are registered with Qt once per process; a QGuiApplication must exist. If the
files are missing (a damaged installation) the sheet falls back to the system's font
and says so in the log rather than refusing to print.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from resources import resource_path

FAMILY = "DejaVu Sans"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

_log = logging.getLogger(__name__)
_family: str | None = None


def sheet_family() -> str:
    """The font family every part of the sheet is set in (registering it on first use)."""
    global _family
    if _family is None:
        registered: set[str] = set()
        for name in FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            if font_id >= 0:
                registered.update(QFontDatabase.applicationFontFamilies(font_id))
        if FAMILY in registered:
            _family = FAMILY
        else:
            _family = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
            _log.warning("The bundled font %s was not found under %s; printing with %s.",
                         FAMILY, resource_path("fonts"), _family)
    return _family


def printing_font(family: str, points: float, *, bold: bool = False) -> QFont:
    """A font for the sheet, without ligatures: in the PDF "ﬁgures" would otherwise be
    copied, searched and read aloud as a different word than "figures"."""
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    # Unhinted outlines measure the same on every platform and resolution, so the preview,
    # the printer and a PDF written without a display break lines in the same places.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if hasattr(font, "setFeature"):  # Qt 6.7 and later: turn off only the ligatures
        font.setFeature(QFont.Tag("liga"), 0)
    else:
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
