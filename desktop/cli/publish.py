"""``factsheet publish --db FILE -o FOLDER``: a read-only copy the whole office can browse.

Writes a consistent snapshot of the database and a Datasette ``metadata.json`` into
FOLDER (``db.exchange.publish``), for ``datasette FOLDER/facts.db -m FOLDER/metadata.json``.
The database is only read. A folder holding other files is refused unless it is an earlier
publish, whose files are then replaced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.model.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "publish", help=_("write a read-only copy and its Datasette metadata for the office"),
        description=_("Write a consistent copy of a database and the metadata Datasette needs to serve it "
                      "as a browsable, searchable read-only site. The database is only read; an earlier "
                      "publish in the folder is replaced."))
    parser.add_argument("--db", metavar=_("FILE"), required=True, type=Path, help=_("the database to publish"))
    parser.add_argument("-o", "--output", metavar=_("FOLDER"), required=True, type=Path,
                        help=_("the folder to write (new, empty, or an earlier publish)"))
    parser.add_argument("--title", metavar=_("TEXT"), help=_("the site's title (default: “Cooperation facts: "
                                                          "NAME”)"))
    parser.add_argument("--licence", metavar=_("TEXT"), help=_("the licence shown on every page"))
    parser.add_argument("--licence-url", metavar="URL", help=_("where the licence can be read"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.exchange import publish as publishing
    from db.model.formatting import format_number
    from desktop.cli.reading import open_to_read

    publishing.check_folder(args.output)  # said before the database is even opened
    db = open_to_read(args.db)
    try:
        done = publishing.publish(db, args.output, title=args.title, licence=args.licence,
                                  licence_url=args.licence_url)
    finally:
        db.close()
    sys.stderr.write(_("Published {n} records from {name} to {folder}.\n").format(
        n=format_number(done.records), name=args.db.name, folder=done.folder))
    sys.stderr.write(_("Serve it with: datasette {snapshot} -m {metadata}\n").format(
        snapshot=done.snapshot, metadata=done.metadata))
    return 0
