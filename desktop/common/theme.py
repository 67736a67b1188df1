"""Colours chosen against the system's palette, so the window reads well light or dark.

Qt hands the app the desktop's palette (light or dark). Text the window colours itself —
secondary notes, a problem under a form field, a warning — is picked here from that
palette at the moment it is shown: a muted tone blended from the palette's own text and
background, and a red or amber that keeps its contrast on either. ``follow(window)``
redraws the window's rich-text views when the desktop switches between light and dark
while the app runs. (The printed sheet is paper and keeps its own colours.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# (light background, dark background) for each kind of alert
_ALERTS = {"error": ("#b3261e", "#ff8a80"), "warning": ("#7a4f00", "#ffc266")}


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's text is lighter than its background (a dark theme)."""
    palette = _palette(palette)
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def secondary_text(palette: QPalette | None = None) -> str:
    """A muted text colour ("#rrggbb"): 60 % of the way from the background to the text."""
    palette = _palette(palette)
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mixed = QColor(*(round(b + (t - b) * 0.6) for t, b in ((text.red(), base.red()), (text.green(), base.green()),
                                                        (text.blue(), base.blue()))))
    return mixed.name()


def alert(kind: str, palette: QPalette | None = None) -> str:
    """The colour of an ``"error"`` or a ``"warning"`` readable on this palette."""
    light, dark = _ALERTS[kind]
    return dark if is_dark(palette) else light


def alert_style(kind: str) -> str:
    """A widget style sheet colouring its text as an alert of ``kind``."""
    return f"color: {alert(kind)};"


class _PaletteWatcher(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (watched is self.window and event.type() == QEvent.Type.ApplicationPaletteChange
                and self.window.isVisible()):  # a closed window's file may be closed too
            self.window.refresh()  # the Overview and detail panes pick their colours again
        return False


def follow(window) -> None:
    """Redraw ``window``'s views when the application's palette changes (light ⇄ dark)."""
    window.palette_watcher = _PaletteWatcher(window)
