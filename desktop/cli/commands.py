"""The list of headless commands; each module adds one with ``register(subparsers)``.

A command's module sets ``handler`` on its parser and imports anything heavy (Qt for the
PDF) inside that handler, so listing the commands stays instant.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# (command name, module that registers it)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("pdf", "desktop.cli.pdf"),
    ("docx", "desktop.cli.docx"),
    ("import", "desktop.cli.import_"),
    ("export", "desktop.cli.export"),
    ("check", "desktop.cli.check"),
    ("publish", "desktop.cli.publish"),
    ("capture", "desktop.cli.capture"),
    ("changes", "desktop.cli.changes"),
    ("backups", "desktop.cli.backups"),
    ("restore", "desktop.cli.backups"),
    ("install-desktop", "desktop.cli.desktop_entry"),
    ("uninstall-desktop", "desktop.cli.desktop_entry"),
)


def names() -> list[str]:
    return [name for name, _module in COMMANDS]


def modules() -> list[ModuleType]:
    # A module may register several commands; each module is asked once.
    return [importlib.import_module(path) for path in dict.fromkeys(path for _name, path in COMMANDS)]
