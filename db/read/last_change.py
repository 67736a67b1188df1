"""Where the change history stands: its newest entry, and which program runs wrote after one.

The window polls these to tell its own changes from another window's or program's
(``desktop.safety.external_changes``); they read one column of the history table, so the
poll never needs the rest of ``db.read.history``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def last_change(db: Database) -> int:
    """The newest history entry (for telling later entries apart)."""
    return db.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]


def sessions_since(db: Database, entry_id: int) -> set[str | None]:
    """Which program runs wrote the entries after ``entry_id``."""
    return {r[0] for r in db.execute("SELECT DISTINCT session FROM history WHERE id > ?", [entry_id])}
