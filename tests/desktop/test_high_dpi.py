"""Sharp on high-DPI screens: the window draws at the screen's scale and the icon has the pixels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from desktop.gui import application_icon, create_application

ROOT = Path(__file__).resolve().parents[2]

_DRAW_AT_TWICE = """
import sys
from desktop.gui import create_application
from db.file.connection import open_database
app = create_application()
from desktop.window.main_window import MainWindow
window = MainWindow(open_database(sys.argv[1]))
window.resize(900, 600)
window.show()
app.processEvents()
shot = window.grab()
trade = window.list_tabs["indicators"]
window.tabs.setCurrentWidget(trade)
app.processEvents()
chart = trade.panel.chart.view.grab()
print(shot.devicePixelRatio(), shot.width(), window.width(), chart.devicePixelRatio())
"""


def test_the_icon_gives_a_window_on_a_double_density_screen_twice_the_pixels(qapp):
    create_application()
    for logical in (16, 24, 32, 64, 128, 256):
        pixmap = application_icon().pixmap(QSize(logical, logical), 2.0)
        assert pixmap.width() == 2 * logical  # drawn from the larger PNG, not scaled up


@pytest.mark.slow
def test_with_a_scale_factor_of_two_the_window_and_chart_draw_at_twice_the_pixels(seeded_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-c", _DRAW_AT_TWICE, str(seeded_path)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ratio, pixels, logical, chart_ratio = result.stdout.split()
    assert float(ratio) == 2.0 and int(pixels) == 2 * int(logical)
    assert float(chart_ratio) >= 2.0
