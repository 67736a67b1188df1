"""Where the app keeps its files: the user's own database, logs and backups.

Qt decides the platform's folder (``~/.local/share/factsheet`` on Linux,
``%APPDATA%/factsheet`` on Windows, ``~/Library/Application Support/factsheet`` on macOS).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

DATABASE_SUFFIX = ".factsheet"
DEFAULT_DATABASE_NAME = "facts" + DATABASE_SUFFIX


def data_dir() -> Path:
    """The app's own data folder, created on demand."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    """The user's own database, used when no file is named."""
    return data_dir() / DEFAULT_DATABASE_NAME


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
