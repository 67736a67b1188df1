"""Opening a database for a command that only reads it (``pdf``, ``export``, ``check``).

These commands promise to leave the file exactly as it was, so they open it read-only:
never migrated, never switched to another journal mode, never written. What that means
for odd files:

- a file saved by a newer version, one you may not change, or one holding triggers or
  tables Fact Sheet did not create: read as it is (nothing is written anyway); objects
  Fact Sheet did not create are named on standard error (``check`` lists them in its
  report) and never read;
- a file with Fact Sheet's id but someone else's tables: the data layer's sentence ("… is
  not a Fact Sheet database of any version");
- a file saved by an earlier version: refused with a sentence saying to open it in the
  window once, which upgrades it after keeping a copy (a read-only command cannot);
- a damaged, foreign or missing file: the data layer's sentence.

SQLite errors met while reading (another program damaged the file meanwhile, a disk
error) become one sentence in ``desktop.cli.run``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db.errors import DatabaseNeedsUpgrade, FactSheetError
from db.file.connection import open_database
from db.file.database import FactSheetDatabase
from db.model.i18n import _
from desktop import APP_ID


def open_to_read(path: Path, *, full_check: bool | None = None, keep_copy: bool = True,
                 name_foreign: bool = True) -> FactSheetDatabase:
    """The database at ``path``, opened read-only; a ``FactSheetError`` sentence if it cannot be read.

    Objects Fact Sheet did not create are named on standard error unless ``name_foreign``
    is False (``check`` names them in its report).
    """
    try:
        db = open_database(path, read_only=True, full_check=full_check, keep_copy=keep_copy)
    except DatabaseNeedsUpgrade:
        raise FactSheetError(_(
            "“{name}” was saved by an earlier version of Fact Sheet. Open it in Fact Sheet once (it is "
            "upgraded, keeping a copy of the old file), then run this again.").format(name=Path(path).name)) from None
    if name_foreign and db.foreign_objects:
        sys.stderr.write(f"{APP_ID}: {db.foreign_objects.notice(Path(path).name)}\n")
    return db
