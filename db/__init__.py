"""The Fact Sheet data layer: everything about the database file, and nothing about Qt.

The desktop application and the command line both call into this package; it never
calls back. Importing it must stay cheap and must never import Qt or pyqtgraph.
"""

import sys as _sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils while hiding numpy and pandas from it.

    sqlite-utils imports both when present only to map their scalar types to column
    types; Fact Sheet never stores such values, and numpy alone costs about 0.2 s of every
    start-up (it is installed for the charts, which load it when first drawn). The modules
    are hidden for this one import and are importable normally afterwards.
    """
    if "sqlite_utils" in _sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in _sys.modules]
    for name in hidden:
        _sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del _sys.modules[name]


_import_sqlite_utils_without_numpy()
