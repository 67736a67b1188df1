"""The program's entry: headless commands go to ``desktop.cli``, everything else opens the window.

Kept free of Qt imports so ``factsheet import``/``export``/``check`` start instantly and
need no display; the window's modules are imported only when a window is wanted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``factsheet`` with ``argv`` (default: the process arguments); return the exit status."""
    _give_streams_somewhere()
    from desktop import cli
    from desktop.cli.terminal import safe_streams

    args = list(sys.argv[1:] if argv is None else argv)
    with safe_streams():  # nothing printed from data drives the terminal
        try:
            if cli.is_command(args):
                return cli.run(args)
            database = cli.parse_window_args(args)
        except SystemExit as exit_:  # argparse answered --help or refused the arguments
            return exit_.code if isinstance(exit_.code, int) else 1
        if database is cli.EXIT_EARLY:
            return 0
        from desktop.gui import run_window

        return run_window(database)


def _give_streams_somewhere() -> None:
    """Started without a console (a double-click on Windows: pythonw or a windowed bundle),
    Python has no stdout or stderr; the first sentence written would crash the program before
    its message box could appear, so such writes go nowhere instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the program)
