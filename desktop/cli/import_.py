"""``factsheet import --db FILE PATH.csv|PATH.xlsx|PATH.json``: add figures or a bundle to a database.

Tables as statistics offices publish them: headers in English, Russian or Kazakh are
recognised; ``--map COLUMN=FIELD`` names the field of any other column (by its header, its
letter or its number; ``FIELD`` may be ``ignore``), ``--set FIELD=VALUE`` gives a field the
same value on every row (a table without a source column: ``--set source_title="…"``),
``--sheet NAME`` chooses a workbook's sheet and ``--encoding NAME`` a text file's encoding
when it cannot be told for sure.

All or nothing: a file with any problem is refused with one sentence on stderr, followed by
the problems (the first 20 and a count), and the database is left exactly as it was. A
database file that does not exist yet is created, and removed again if the import fails.
A database holding records is backed up first. A bundle updates the records it shares with
the database when its version is newer; records changed on both sides are listed and kept
as they are here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.exchange.tables.encodings import ENCODING_NAMES
from db.exchange.tables.header import FIELDS
from db.model.i18n import _
from db.model.visible import visible
from desktop import APP_ID


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=_("add the figures of an indicator CSV or the records of a JSON bundle"),
        description=_("Add the figures of an indicator CSV file, or every record of a JSON bundle, to a "
                      "database. Records already present are not added again. A file with any problem is "
                      "refused whole and the database is left unchanged."))
    parser.add_argument("--db", metavar=_("FILE"), required=True, type=Path, help=_("the database to add to"))
    parser.add_argument("path", metavar=_("PATH"), type=Path,
                        help=_("a table of figures (CSV, .xlsx, .ods) or a JSON bundle"))
    parser.add_argument("--check", action="store_true",
                        help=_("only check the file and say what it would add; change nothing"))
    parser.add_argument("--map", metavar=_("COLUMN=FIELD"), action="append", default=[],
                        help=_("the field a column holds (by its header, letter or number), or ignore; "
                               "fields: {fields}").format(fields=", ".join(FIELDS)))
    parser.add_argument("--set", metavar=_("FIELD=VALUE"), action="append", default=[],
                        help=_("the same value of a field for every row (a source, a subject, a unit)"))
    parser.add_argument("--sheet", metavar=_("NAME"), help=_("the sheet of a workbook to read (default: the first)"))
    parser.add_argument("--encoding", metavar=_("NAME"), choices=sorted(ENCODING_NAMES),
                        help=_("the encoding of a text file, when it cannot be told for sure"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.errors import DatabaseReadOnly
    from db.exchange.imports import ImportRejected, ReadOptions, import_file
    from db.exchange.tables.header import Mapping
    from db.file.connection import open_database

    try:
        mapping = Mapping.parse(args.map, args.set)
    except ValueError as error:
        sys.stderr.write(f"{APP_ID}: " + _("“{file}” was not imported: {reason}.").format(
            file=args.path.name, reason=str(error)) + "\n")
        return 1
    options = ReadOptions(encoding=args.encoding, sheet=args.sheet, mapping=mapping)
    created = not args.db.exists()
    db = open_database(args.db)
    imported = False
    try:
        report = import_file(db, args.path, dry_run=args.check, options=options)
        imported = not args.check
    except DatabaseReadOnly as refused:  # read-only, newer or someone else's schema: said before reading
        sys.stderr.write(f"{APP_ID}: " + _("“{file}” was not imported: {reason}").format(
            file=args.path.name, reason=str(refused)) + "\n")
        return 1
    except ImportRejected as rejected:
        sys.stderr.write(f"{APP_ID}: {rejected}\n")
        for line in rejected.lines():
            sys.stderr.write(f"  {visible(line, one_line=True)}\n")
        return 1
    finally:
        db.close()
        if not imported:  # refused, failed or only checked: a database made for it goes again
            _forget(args.db, created)
    verb = _("Would import") if args.check else _("Imported")
    print(_("{verb} {file}: {summary}.").format(verb=verb, file=args.path.name, summary=report.summary()))
    for line in report.details():
        print(f"  {visible(line, one_line=True)}")
    if report.conflicts:  # never decided silently: said, and left as they are here
        print(_("Changed both here and in the bundle since they last matched; the version here was kept "
                "(Import… in the window lets you take the bundle's):"))
        for conflict in report.conflicts:
            print(f"  {visible(conflict.describe(), one_line=True)}")
    return 0


def _forget(path: Path, created: bool) -> None:
    """Remove a database this command created, so a failed import leaves nothing behind."""
    if created:
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
