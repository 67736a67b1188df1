"""``factsheet install-desktop`` and ``uninstall-desktop``: Fact Sheet in the Linux menu, or not.

``install-desktop`` puts the launcher, the icons and the file type of ``.factsheet``
databases into the user's own data folder (no administrator rights needed), so the app
starts from the applications menu and a double-click on a database file opens it.
``uninstall-desktop`` removes exactly those files; databases and settings are not touched.
The work is done by ``desktop.platform.freedesktop``; these commands print what it did.
"""

from __future__ import annotations

import argparse

from db.errors import FactSheetError
from db.model.i18n import _
from desktop import APP_NAME


def register(subparsers) -> None:
    install = subparsers.add_parser(
        "install-desktop", help=_("add Fact Sheet to the applications menu and open .factsheet files with it"),
        description=_("Install the launcher, icons and the file type of Fact Sheet databases into your "
                      "own data folder ($XDG_DATA_HOME, usually ~/.local/share)."))
    install.set_defaults(handler=run_install)
    uninstall = subparsers.add_parser(
        "uninstall-desktop", help=_("remove Fact Sheet's launcher, icons and file type"),
        description=_("Remove the launcher, icons and file type that install-desktop put into your own "
                      "data folder. Your databases and settings stay as they are."))
    uninstall.set_defaults(handler=run_uninstall)


def run_install(args: argparse.Namespace) -> int:
    from desktop.platform import freedesktop

    if not freedesktop.supported():
        raise FactSheetError(_("The desktop launcher is for Linux desktops; on Windows and macOS, "
                               "start {name} as the README's “Starting Fact Sheet” describes.")
                             .format(name=APP_NAME))
    return _say(freedesktop.install(freedesktop.data_home(), freedesktop.installed_program()))


def run_uninstall(args: argparse.Namespace) -> int:
    from desktop.platform import freedesktop

    return _say(freedesktop.uninstall(freedesktop.data_home()))


def _say(sentences: list[str]) -> int:
    for sentence in sentences:
        print(sentence)
    return 0
