"""Where the files under the top-level ``resources/`` folder are found at run time.

In a source checkout and in the editable install that ``make run`` and ``make test``
make, ``resources/`` sits beside the ``db`` and ``desktop`` packages. A wheel installs
the same files as data under ``<prefix>/share/factsheet/resources/`` (``data-files``
in ``pyproject.toml``), where ``<prefix>`` is the environment's or the user's base.
The first folder that holds the wanted file wins, so a checkout always uses its own.
"""

from __future__ import annotations

import site
import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def _bases() -> list[Path]:
    return [_CHECKOUT,
            Path(sys.prefix) / "share" / "factsheet" / "resources",
            Path(site.getuserbase()) / "share" / "factsheet" / "resources"]


def resource_path(*parts: str) -> Path:
    """The installed file ``resources/<parts…>``; the checkout's path when none exists."""
    for base in _bases():
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _CHECKOUT.joinpath(*parts)
