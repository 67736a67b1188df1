"""The window follows the desktop's light or dark palette: colours it picks itself stay readable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.common import theme

LIGHT = {"Base": "#ffffff", "Text": "#1a1a1a", "Window": "#efefef", "WindowText": "#1a1a1a"}
DARK = {"Base": "#1e1e1e", "Text": "#e6e6e6", "Window": "#2b2b2b", "WindowText": "#e6e6e6"}


def _palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def _contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    def luminance(name: str) -> float:
        channels = []
        for value in QColor(name).getRgbF()[:3]:
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_muted_text_and_alerts_keep_their_contrast_on_either_palette(qapp, colours):
    palette = _palette(colours)
    assert theme.is_dark(palette) == (colours is DARK)
    base = colours["Base"]
    assert _contrast(theme.secondary_text(palette), base) >= 3  # quieter than the text, still readable
    assert _contrast(theme.secondary_text(palette), base) < _contrast(colours["Text"], base)
    for kind in ("error", "warning"):
        assert _contrast(theme.alert(kind, palette), base) >= 4.5


@pytest.fixture
def dark_desktop(qapp):
    before = qapp.palette()
    yield lambda: qapp.setPalette(_palette(DARK))
    qapp.setPalette(before)


def test_switching_to_a_dark_desktop_redraws_the_overview_and_details_in_its_colours(qtbot, window, dark_desktop):
    light_muted = theme.secondary_text()
    assert light_muted in window.overview.page.toHtml()
    dark_desktop()
    qtbot.waitUntil(lambda: theme.secondary_text() in window.overview.page.toHtml())
    tab = window.list_tabs["agreements"]
    window.tabs.setCurrentWidget(tab)
    assert theme.secondary_text() in tab.detail.toHtml()
    assert light_muted not in window.overview.page.toHtml()
