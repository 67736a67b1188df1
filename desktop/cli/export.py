"""``factsheet export --db FILE --format json|csv [--table NAME] -o PATH``: data out of a database.

JSON writes every record and link as a bundle that ``factsheet import`` loads into any
database; CSV writes one kind of record (``--table indicators`` by default, in the import
format). The output file appears only when complete; ``-o -`` writes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.model.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    from db.model.records import KINDS

    tables = ", ".join(cls.TABLE for cls in KINDS.values())
    parser = subparsers.add_parser(
        "export", help=_("write every record as a JSON bundle, or one table as CSV"),
        description=_("Write every record and link of a database as a JSON bundle, or the records of one "
                      "table as CSV. The database is only read."))
    parser.add_argument("--db", metavar=_("FILE"), required=True, type=Path, help=_("the database to read"))
    parser.add_argument("--format", required=True, choices=("json", "csv"), help=_("json or csv"))
    parser.add_argument("--table", metavar=_("NAME"), help=_("for CSV, the table to write (default: indicators): "
                                                          "{tables}").format(tables=tables))
    parser.add_argument("-o", "--output", metavar=_("PATH"), required=True,
                        help=_("the file to write (“-” for standard output)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.exchange import export as exporting
    from db.model.formatting import format_number
    from desktop.cli.reading import open_to_read

    exporting.check_request(args.format, args.table)
    db = open_to_read(args.db)
    try:
        if args.output == "-":
            _to_standard_output(db, exporting, args)
            return 0
        written = exporting.export_to_file(db, Path(args.output), format=args.format, table=args.table)
    finally:
        db.close()
    sys.stderr.write(_("Wrote {n} records to {path}.\n").format(n=format_number(written), path=args.output))
    return 0


def _to_standard_output(db, exporting, args: argparse.Namespace) -> None:
    """Write the export to standard output; a write error (a full disk) is a sentence."""
    from db.errors import FactSheetError
    from db.file.integrity import error_detail
    from desktop.cli import terminal

    sys.stdout.flush()
    try:
        with open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False) as out:
            # The exact data for a file or a pipe; on a terminal, controls are shown, not obeyed.
            target = terminal.visible_stream(out) if out.isatty() else out
            exporting.write(db, target, format=args.format, table=args.table)
    except OSError as error:
        raise FactSheetError(_("The export could not be written to standard output: {reason}.").format(
            reason=error_detail(error))) from None
