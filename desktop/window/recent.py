"""The database files a person worked on: Recent Files, and the one to open on the next start.

Kept in the settings file, so they need no database and cost the start-up nothing: the
window opens the file that was open when it last closed (``last_database``) unless a file
is named on the command line. File ▸ Open… and the other file actions (``files``) keep the
list up to date.
"""

from __future__ import annotations

from pathlib import Path

from desktop.common import settings

RECENT_KEY = "files/recent"
LAST_KEY = "files/last"
MAX_RECENT = 8


def recent_files() -> list[Path]:
    """Databases opened lately, the latest first."""
    value = settings.settings().value(RECENT_KEY)
    items = value if isinstance(value, list) else [value] if isinstance(value, str) and value else []
    return [Path(item) for item in items if isinstance(item, str) and item]


def remember(path: Path | None) -> None:
    """Put a database first in Recent Files and open it again on the next start."""
    if path is None:
        return
    path = Path(path).absolute()
    known = recent_files()
    if known[:1] == [path] and settings.load_str(LAST_KEY) == str(path):
        return  # as it was (the same file as last time): the settings file is not written
    recent = [path] + [p for p in known if p != path]
    settings.save_value(RECENT_KEY, [str(p) for p in recent[:MAX_RECENT]])
    settings.save_value(LAST_KEY, str(path))


def forget(path: Path) -> None:
    """Drop a file from Recent Files (it was moved or deleted)."""
    settings.save_value(RECENT_KEY, [str(p) for p in recent_files() if p != Path(path)])


def forget_all() -> None:
    """Empty Recent Files (the file to open next time stays)."""
    settings.save_value(RECENT_KEY, [])


def last_database() -> Path | None:
    """The database open when the window last closed, if it still exists."""
    value = settings.load_str(LAST_KEY)
    path = Path(value) if value else None
    return path if path is not None and path.is_file() else None
