"""Remembered preferences (window size, splitters, chosen pair), stored with QSettings.

An INI file in the user's configuration folder (``~/.config/factsheet/factsheet.ini`` on
Linux) so that it is readable and easy to reset by deleting it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_ID


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID)


def load_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_value(key: str, value: object) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def load_int_list(key: str) -> list[int]:
    """A list of integers (splitter sizes, a pair of ids); empty when absent or garbled."""
    value = settings().value(key)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    try:
        return [int(v) for v in items]
    except (TypeError, ValueError):
        return []


def load_str(key: str, default: str = "") -> str:
    value = settings().value(key, default)
    return value if isinstance(value, str) else default
