"""The command line: ``factsheet [--db FILE]`` and the headless commands.

Each command lives in its own module with ``register(subparsers)`` and ``run(args)``.
Every failure is one sentence on stderr and a non-zero exit status, never a traceback;
a failed command leaves the database exactly as it was.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from db.errors import FactSheetError, sqlite_failure
from db.model.i18n import _
from desktop import APP_ID, __version__
from desktop.cli import argparse_words, commands

argparse_words.install()

EXIT_EARLY = object()  # --help or --version was answered; nothing to open


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence, not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(_("{prog}: {message}. Run “{prog} --help” for the usage.\n").format(
            prog=self.prog, message=message[:1].upper() + message[1:]))
        raise SystemExit(2)


def is_command(args: Sequence[str]) -> bool:
    """True when the first word is a headless command rather than the window's options."""
    return bool(args) and args[0] in commands.names()


def build_window_parser() -> argparse.ArgumentParser:
    """``factsheet [--db FILE] [FILE]``: open the window."""
    epilog = _("Commands (run “{prog} COMMAND --help” for each): {names}.").format(
        prog=APP_ID, names=", ".join(commands.names()))
    parser = _Parser(prog=APP_ID, epilog=epilog, description=_(
        "Keep, chart and print what is known about cooperation between two regions or countries."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar=_("FILE"), help=_(
        "the database to open (default: your own, created with the sample data on first run)"))
    parser.add_argument("database", nargs="?", metavar=_("FILE"), help=_("a database file to open (like --db)"))
    return parser


def build_command_parser() -> argparse.ArgumentParser:
    """``factsheet COMMAND …``: the headless commands."""
    parser = _Parser(prog=APP_ID)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True,
                                       parser_class=_Parser)
    for module in commands.modules():
        module.register(subparsers)
    return parser


def parse_window_args(args: Sequence[str]) -> Path | None | object:
    """The database the window should open (None: the user's own), or EXIT_EARLY."""
    parser = build_window_parser()
    try:
        namespace = parser.parse_args(list(args))
    except SystemExit as exit_:
        if exit_.code == 0:
            return EXIT_EARLY
        raise
    if namespace.db and namespace.database:
        parser.error(_("give the database either with --db or as a file name, not both"))
    chosen = namespace.db or namespace.database
    return Path(chosen) if chosen else None


def run(args: Sequence[str]) -> int:
    """Run a headless command; return its exit status."""
    namespace = build_command_parser().parse_args(list(args))
    try:
        return int(namespace.handler(namespace) or 0)
    except FactSheetError as error:
        sys.stderr.write(f"{APP_ID}: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(_("{prog}: stopped; nothing was changed.\n").format(prog=APP_ID))
        return 130
    except OSError as error:
        reason = error.strerror or str(error)
        if error.filename:
            sys.stderr.write(_("{prog}: {file}: {reason}.\n").format(prog=APP_ID, file=error.filename, reason=reason))
        else:
            sys.stderr.write(_("{prog}: {reason}.\n").format(prog=APP_ID, reason=reason))
        return 1
    except sqlite3.Error as error:
        sys.stderr.write(f"{APP_ID}: {_sqlite_sentence(error)}\n")
        return 1


def _sqlite_sentence(error: sqlite3.Error) -> str:
    """What SQLite's message means for someone running a command; the database is unchanged
    (a command writes in one transaction, which SQLite rolls back when it fails)."""
    failure = sqlite_failure(error)
    if failure == "busy":
        return _("Another window or program was writing to the database for too long; nothing was "
                 "changed. Try again when it has finished.")
    if failure == "full":
        return _("The disk is full; nothing was changed. Free some space and try again.")
    if failure == "damaged":
        return _("The database file is damaged; nothing was changed. Open it in Fact Sheet, which keeps a "
                 "copy aside, or run “factsheet check” to see what is wrong.")
    return _("SQLite could not finish ({detail}); nothing was changed.").format(detail=error)
