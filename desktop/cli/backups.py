"""``factsheet backups`` and ``factsheet restore``: a database's backups, and going back to one.

    factsheet backups --db FILE          list the backups, newest first, with their record counts
    factsheet restore --db FILE BACKUP   restore one (a path, or a name ``backups`` lists)

Backups are kept in the app's data folder by ``db.file.backups`` (before every import, once
a day the file changes, on request, before a restore). ``restore`` keeps the current state
as a backup first, so a restore can itself be undone by restoring that one; it says where.
A database too damaged to open is restored too: its bytes are kept aside first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.errors import FactSheetError
from db.model.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser(
        "backups", help=_("list a database's backups"),
        description=_("List the backups of a database, newest first: when each was made, why, and how many "
                      "records of each kind it holds. The database is only read."))
    listing.add_argument("--db", required=True, metavar="FILE", type=Path, help=_("the database"))
    listing.set_defaults(handler=run_list)
    restoring = subparsers.add_parser(
        "restore", help=_("restore a database from one of its backups"),
        description=_("Replace the content of a database with one of its backups. The current content is "
                      "kept as a backup first, so this can be undone by restoring that one."))
    restoring.add_argument("--db", required=True, metavar="FILE", type=Path, help=_("the database to restore"))
    restoring.add_argument("backup", metavar="BACKUP", help=_("the backup: its path, or its name as listed"))
    restoring.set_defaults(handler=run_restore)


def describe_counts(counts: dict[str, int]) -> str:
    from db.model.records import format_count

    shown = [format_count(n, kind) for kind, n in counts.items() if n]
    return ", ".join(shown) or _("no records")


def run_list(args: argparse.Namespace) -> int:
    from db.file import backups
    from db.read.backup_compare import record_counts

    if not args.db.is_file():
        raise FactSheetError(_("There is no file at {path}.").format(path=args.db))
    found = backups.list_backups(args.db)
    if not found:
        print(_("{name} has no backups yet.").format(name=args.db.name))
        return 0
    for backup in found:
        try:
            counts = describe_counts(record_counts(backup.path))
        except Exception as error:  # noqa: BLE001 - one unreadable backup must not hide the others
            counts = _("cannot be read ({detail})").format(detail=error)
        print(f"{backup.made:%Y-%m-%d %H:%M}  {backup.reason_label}  {counts}\n    {backup.path}")
    return 0


def find_backup(db_path: Path, text: str) -> Path:
    """The backup ``text`` names: a path, or the name of one of the database's backups."""
    from db.file import backups

    given = Path(text)
    if given.is_file():
        return given
    for backup in backups.list_backups(db_path):
        if backup.path.name in (text, text + db_path.suffix):
            return backup.path
    raise FactSheetError(_("There is no backup “{name}”; “factsheet backups --db {db}” lists them.").format(
        name=text, db=db_path))


def run_restore(args: argparse.Namespace) -> int:
    from db import store
    from db.errors import DatabaseDamaged
    from db.file import backups
    from db.file.connection import open_database

    path = find_backup(args.db, args.backup)
    try:
        db = open_database(args.db, create=False, keep_copy=False)
    except DatabaseDamaged:  # what backups are for: the damaged bytes are kept aside, the backup goes in
        kept = backups.replace_damaged(args.db, path)
        print(_("Restored {db} from {backup}.").format(db=args.db, backup=path))
        print(_("The damaged file was kept as {path}.").format(path=kept))
        return 0
    try:
        kept = backups.restore_backup(db, path)
        store.note_restored_file(db, _("Restored from the backup {name}").format(name=path.name))
    finally:
        db.close()
    print(_("Restored {db} from {backup}.").format(db=args.db, backup=path))
    if kept is not None:
        sys.stdout.write(_("What it held before is kept as {path}; restore that to undo this.").format(path=kept)
                         + "\n")
    return 0
