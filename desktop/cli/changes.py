"""``factsheet changes``: what changed for a pair since a briefing, on the command line.

    factsheet changes --db FILE --parties A B --since last|YYYY-MM-DD [--as-of YYYY-MM-DD]

Prints the same lines as the sheet's "Changes since the briefing of …" section (from
``db.sheet.changes``), grouped as agreements, officials, events and figures, each with its
sources; or says that nothing changed. ``--since last`` compares with the last briefing of
the pair; a date, with the first one made that day, else the last one before it. The
database is only read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from db.model.formatting import format_day
from db.model.i18n import _

NAME = "changes"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        NAME, help=_("say what changed for two parties since a briefing"),
        description=_("Say what changed for two parties since a fact sheet about them was printed or saved: "
                      "new and changed agreements, officials who took or left office, events held or newly "
                      "planned, new or revised figures, each with its sources. The database is only read."))
    parser.add_argument("--db", required=True, metavar="FILE", help=_("the database to read"))
    parser.add_argument("--parties", required=True, nargs=2, metavar=("A", "B"),
                        help=_("the two parties, by English or local name"))
    parser.add_argument("--since", required=True, metavar="last|YYYY-MM-DD",
                        help=_("the briefing to compare with: the last one, or the last one made by a day"))
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help=_("the day to describe now (default: today)"))
    parser.set_defaults(handler=run)


def lines_of(section) -> list[str]:
    """The changes as printed: a heading, then each group and its lines with their sources."""
    from db.sheet.changes import CATEGORIES

    out = [section.title + ":"]
    if not section.lines:
        return [_("Nothing changed since the briefing of {day}.").format(day=format_day(section.since))]
    for category, label in CATEGORIES.items():
        chosen = [line for line in section.lines if line.category == category]
        if chosen:
            out.append(f"  {label}")
            for line in chosen:
                cited = f" [{'; '.join(line.sources)}]" if line.sources else ""
                out.append(f"    – {line.text}{cited}")
    return out


def run(args: argparse.Namespace) -> int:
    from db.sheet.briefings import briefing_since
    from db.sheet.changes import compose_changes
    from desktop.cli.pdf import _as_of, resolve_party
    from desktop.cli.reading import open_to_read

    as_of = _as_of(args.as_of)
    db = open_to_read(Path(args.db))
    try:
        a, b = (resolve_party(db, name) for name in args.parties)
        since = briefing_since(db, a, b, args.since)
        section = compose_changes(db, a, b, since=since, as_of=as_of)
    finally:
        db.close()
    print("\n".join(lines_of(section)))
    return 0
