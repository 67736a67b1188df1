"""Errors the data layer raises, each carrying one sentence a person can act on.

Callers (the window, the command line) show ``str(error)`` as it is: it is written for
the user, never a traceback or an SQL message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


class FactSheetError(Exception):
    """Base class: the message is a complete sentence for the user."""


class NotAFactSheetDatabase(FactSheetError):
    """The file is not SQLite, or holds some other program's tables."""


class DatabaseDamaged(FactSheetError):
    """The file is SQLite but fails its integrity check."""


class DatabaseReadOnly(FactSheetError):
    """A write was attempted on a database opened read-only."""


class DatabaseNeedsUpgrade(DatabaseReadOnly):
    """The file was saved by an earlier version and cannot be upgraded here (it may not be changed)."""


class RecordNotFound(FactSheetError):
    """A record id no longer exists (deleted elsewhere, or a stale link)."""


class RecordInUse(FactSheetError):
    """A record cannot be deleted because other records depend on it."""


@dataclass(frozen=True)
class Problem:
    """One validation finding: which field, and a sentence saying what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class ValidationError(FactSheetError):
    """A record (or an imported row) breaks one or more rules; nothing was written."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(" ".join(p.message for p in self.problems))


class Cancelled(FactSheetError):
    """The person stopped a long piece of work; nothing was changed."""


def sqlite_failure(error: sqlite3.Error) -> str:
    """What an SQLite error means, in one word, so each caller can choose its own sentence:
    "full" (the disk), "busy" (another writer held the file too long), "read-only", "io" (the
    disk reported an error), "rule" (a constraint), "damaged" (the file is not sound) or "other".

    SQLite reports the first four only through its message text, as ``OperationalError``.
    """
    if isinstance(error, sqlite3.IntegrityError):
        return "rule"
    if not isinstance(error, sqlite3.OperationalError):
        return "damaged" if isinstance(error, sqlite3.DatabaseError) else "other"
    text = str(error).lower()
    if "full" in text:
        return "full"
    if "locked" in text or "busy" in text:
        return "busy"
    if "readonly" in text or "read-only" in text:
        return "read-only"
    if "i/o error" in text:
        return "io"
    return "other"
