"""The app's files that are not code: icons, the desktop launcher, the MIME type, and more.

Shipped as package data, so ``resource_path`` finds them the same way in a source
checkout, an editable install, an installed wheel and a PyInstaller bundle (which
places them beside this module's compiled form).
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a file under ``resources/``: ``resource_path("icons", "factsheet.svg")``."""
    return _ROOT.joinpath(*parts)
